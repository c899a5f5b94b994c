#!/usr/bin/env python3
"""The issue-4 speed benchmark: 50,000 segments (about a million words) against 5,000 concepts.

Prints segments per second for the full check (exact, inflected, fuzzy, consistency and the
mechanical checks), peak memory, the time of an exact multi-pattern scan of the same text over
all terms (Aho-Corasick, pyahocorasick: the floor), the ratio between them, and the time to
re-check one edited segment. Nothing is asserted.

Run: .venv/bin/python benchmarks/bench_speed.py [SEGMENTS] [CONCEPTS]
(pip install pyahocorasick for the floor; without it the floor is skipped.)
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import SegmentText, run_checks  # noqa: E402
from reviewer.core.matching import TermMatcher  # noqa: E402
from reviewer.core.paths import SAMPLE_ARTICLE, SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.readers import read_document  # noqa: E402
from reviewer.core.termbase import Concept, Status, Term, load_termbase  # noqa: E402


def corpus(n: int) -> list[str]:
    """``n`` sentence-sized segments of 12 to 28 words (about 20, so 50,000 make a million words),
    cut from the sample article's text so that its terms and MT errors recur as in a real batch."""
    words = " ".join(s.target for s in read_document(SAMPLE_ARTICLE).segments).split()
    rng = random.Random(1)
    out = []
    for _ in range(n):
        length = rng.randrange(12, 29)
        cut = rng.randrange(len(words) - length)
        text = " ".join(words[cut : cut + length])
        out.append(text[:1].upper() + text[1:].rstrip(",;") + ".")
    return out


def termbase(n_concepts: int):
    tb = load_termbase(SHIPPED_TERMBASE)
    rng = random.Random(2)
    vocab = sorted({w.strip(".,;“”\"'()").lower() for s in corpus(2000) for w in s.split() if w.isalpha() and len(w) > 3})
    i = 0
    while len(tb.concepts) < n_concepts:
        i += 1
        words = rng.sample(vocab, rng.randrange(2, 5))
        tb.concepts.append(
            Concept(id=f"syn{i}", zh=[Term(f"合成{i}", lang="zh-Hans")], en=[Term(" ".join(words), status=Status.PREFERRED), Term(" ".join(reversed(words)), status=Status.FORBIDDEN)])
        )
    return tb


def main() -> None:
    n_segments = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    n_concepts = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    texts = corpus(n_segments)
    tb = termbase(n_concepts)
    words = sum(len(t.split()) for t in texts)
    print(f"{n_segments} segments, {words:,} words; {len(tb)} concepts, {tb.term_count()} English terms")
    t0 = time.perf_counter()
    matcher = TermMatcher([tb])
    t1 = time.perf_counter()
    units = [SegmentText("bench", str(i), t) for i, t in enumerate(texts, 1)]
    c1 = time.process_time()
    findings = run_checks(units, matcher)
    t2 = time.perf_counter()
    c2 = time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"matcher built in {t1 - t0:.2f} s")
    print(f"full check: {t2 - t1:.1f} s = {n_segments / (t2 - t1):,.0f} segments/s ({c2 - c1:.1f} s of CPU), {len(findings):,} findings; peak RSS {rss:.0f} MB")
    try:
        import ahocorasick
    except ImportError:
        print("floor: pyahocorasick not installed")
    else:
        automaton = ahocorasick.Automaton()
        for c in tb.concepts:
            for t in c.en:
                automaton.add_word(t.text.lower(), t.text)
        automaton.make_automaton()
        t3 = time.perf_counter()
        c3 = time.process_time()
        hits = sum(1 for text in texts for _ in automaton.iter(text.lower()))
        t4 = time.perf_counter()
        c4 = time.process_time()
        print(
            f"floor (Aho-Corasick exact scan): {t4 - t3:.2f} s ({c4 - c3:.2f} s of CPU), {hits:,} raw hits; "
            f"full check / floor = {(t2 - t1) / (t4 - t3):.0f}x wall, {(c2 - c1) / (c4 - c3):.0f}x CPU"
        )
    one = units[len(units) // 2]
    t5 = time.perf_counter()
    for _ in range(50):
        run_checks([SegmentText(one.document, one.segment, one.text + " edited")], matcher)
    t6 = time.perf_counter()
    print(f"re-check of one edited segment: {(t6 - t5) / 50 * 1000:.1f} ms")


if __name__ == "__main__":
    main()
