#!/usr/bin/env python3
"""The issue-5 batch benchmark: open a folder of 200 articles of about 1,000 words and check them.

Articles are cut from the bundled sample's sentences (shuffled, so the terms and MT errors recur
as in a real batch) and written to a temporary folder as plain text. Prints the time to collect
and read the files, the time to check the batch against the shipped termbase, and the total.
Nothing is asserted.

Run: .venv/bin/python benchmarks/bench_batch.py [ARTICLES] [WORDS]
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.paths import SAMPLE_ARTICLE, SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.readers import collect_inputs, read_document  # noqa: E402
from reviewer.core.review import make_review  # noqa: E402
from reviewer.core.termbase import load_termbase  # noqa: E402


def main() -> None:
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    n_words = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    sentences = [s.target for s in read_document(SAMPLE_ARTICLE).segments]
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = 0
        for i in range(n_articles):
            paragraphs, count = [], 0
            while count < n_words:
                para = " ".join(rng.sample(sentences, 3))
                paragraphs.append(para)
                count += len(para.split())
            words += count
            (folder / f"article-{i:03}.txt").write_text(f"Date: 2023-01-{1 + i % 28:02}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        t0 = time.perf_counter()
        termbase = load_termbase(SHIPPED_TERMBASE)
        t1 = time.perf_counter()
        documents = [read_document(p) for p in collect_inputs([folder])]
        t2 = time.perf_counter()
        review = make_review(documents, [termbase])
        findings = review.run_checks()
        t3 = time.perf_counter()
    segments = sum(len(d.segments) for d in documents)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n_articles} articles, {words:,} words, {segments:,} segments; {len(findings):,} findings")
    print(f"termbase loaded in {t1 - t0:.2f} s; files read in {t2 - t1:.2f} s; checked in {t3 - t2:.2f} s")
    print(f"total {t3 - t0:.1f} s (target: under 20 s); peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
