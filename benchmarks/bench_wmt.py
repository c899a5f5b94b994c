#!/usr/bin/env python3
"""Check speed and finding counts on the WMT zh-en political news outputs (../shared/mt-eval-zhen).

Prints segments/s for term matching plus all checks, and the findings per check.
Run: .venv/bin/python benchmarks/bench_wmt.py
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
from reviewer.core.termbase import load_termbase  # noqa: E402

DATA = ROOT.parent / "shared" / "mt-eval-zhen" / "wmt_zhen_term_translations.tsv"


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} not found (it exists only on the project's machines)")
    csv.field_size_limit(10**8)
    with DATA.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    t0 = time.perf_counter()
    tb = load_termbase(SHIPPED_TERMBASE)
    matcher = TermMatcher([tb])
    t1 = time.perf_counter()
    units = [SegmentText(f"{r['testset']}:{r['system']}", r["line"], r["translation_en"]) for r in rows]
    findings = run_checks(units, matcher)
    t2 = time.perf_counter()
    print(f"termbase: {len(tb)} concepts, {tb.term_count()} terms, loaded and compiled in {t1 - t0:.2f} s")
    print(f"{len(units)} segments checked in {t2 - t1:.2f} s = {len(units) / (t2 - t1):.0f} segments/s")
    print(f"{len(findings)} findings:", dict(Counter(f.check for f in findings).most_common()))
    near = sum(1 for f in findings if f.details.get("kind") == "near")
    print(f"near misses: {near}")


if __name__ == "__main__":
    main()
