#!/usr/bin/env python3
"""Check speed and finding counts on the WMT zh-en political news outputs (../shared/mt-eval-zhen).

Prints segments/s for term matching plus all checks, and the findings per check.
Run: .venv/bin/python benchmarks/bench_wmt.py [--baseline OTHER.tbx]

With ``--baseline`` the same segments are checked against another termbase first (for
example an older shipped one: ``git show REV:glossaries/political-terms.tbx > old.tbx``),
in the same process after the one-off loading, and the ratio of the times is printed.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import SegmentText, run_checks  # noqa: E402
from reviewer.core.matching import TermMatcher  # noqa: E402
from reviewer.core.paths import SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.termbase import Termbase, load_termbase  # noqa: E402

DATA = ROOT.parent / "shared" / "mt-eval-zhen" / "wmt_zhen_term_translations.tsv"


def run(path: Path, units: list[SegmentText]) -> float:
    t0 = time.perf_counter()
    tb = load_termbase(path)
    matcher = TermMatcher([tb])
    t1 = time.perf_counter()
    c1 = time.process_time()
    findings = run_checks(units, matcher)
    t2 = time.perf_counter()
    c2 = time.process_time()
    print(f"termbase {path.name}: {len(tb)} concepts, {tb.term_count()} terms, loaded and compiled in {t1 - t0:.2f} s")
    print(f"  {len(units)} segments checked in {t2 - t1:.2f} s = {len(units) / (t2 - t1):.0f} segments/s ({c2 - c1:.2f} s of CPU)")
    low = floor(tb, units)
    if low:
        print(f"  check / floor: {(t2 - t1) / low[0]:.0f}x wall, {(c2 - c1) / low[1]:.0f}x CPU")
    print(f"  {len(findings)} findings:", dict(Counter(f.check for f in findings).most_common()))
    print(f"  near misses: {sum(1 for f in findings if f.details.get('kind') == 'near')}")
    return t2 - t1


def floor(tb: Termbase, units: list[SegmentText]) -> tuple[float, float] | None:
    """The multi-pattern floor in the same run: one Aho-Corasick pass of every English term over the
    lower-cased text (pyahocorasick; skipped without it)."""
    try:
        import ahocorasick
    except ImportError:
        print("  floor: pyahocorasick not installed")
        return None
    automaton = ahocorasick.Automaton()
    for c in tb.concepts:
        for t in c.en:
            automaton.add_word(t.text.lower(), t.text)
    automaton.make_automaton()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(20):  # one pass takes milliseconds: the mean of 20
        hits = sum(1 for u in units for _ in automaton.iter(u.text.lower()))
    t1, c1 = time.perf_counter(), time.process_time()
    print(f"  floor (Aho-Corasick exact scan): {(t1 - t0) / 20 * 1000:.1f} ms ({(c1 - c0) / 20 * 1000:.1f} ms of CPU), {hits:,} raw hits")
    return (t1 - t0) / 20, (c1 - c0) / 20


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} not found (it exists only on the project's machines)")
    csv.field_size_limit(10**8)
    with DATA.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    units = [SegmentText(f"{r['testset']}:{r['system']}", r["line"], r["translation_en"]) for r in rows]
    t0 = time.perf_counter()
    run_checks(units[:1], TermMatcher([load_termbase(SHIPPED_TERMBASE)]))  # the one-off loading (CC-CEDICT, jieba)
    print(f"one-off loading: {time.perf_counter() - t0:.2f} s")
    baseline = None
    if "--baseline" in sys.argv:
        baseline = run(Path(sys.argv[sys.argv.index("--baseline") + 1]), units)
    shipped = run(SHIPPED_TERMBASE, units)
    if baseline:
        print(f"shipped / baseline time: {shipped / baseline:.2f}x")


if __name__ == "__main__":
    main()
