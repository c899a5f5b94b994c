#!/usr/bin/env python3
"""Compare sentence segmenters on real MT news (WMT zh-en outputs): sentences per second.

Run: .venv/bin/python benchmarks/bench_segmentation.py   (pysbd is optional: pip install pysbd)
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "mt-eval-zhen" / "wmt_zhen_term_translations.tsv"


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} not found (it exists only on the project's machines)")
    csv.field_size_limit(10**8)
    with DATA.open(encoding="utf-8", newline="") as fh:
        texts = [r["translation_en"] for r in csv.DictReader(fh, delimiter="\t")]
    import sentencex

    t = time.perf_counter()
    n = sum(len(list(sentencex.segment("en", x))) for x in texts)
    print(f"sentencex: {n} sentences, {n / (time.perf_counter() - t):,.0f} sentences/s")
    try:
        import pysbd
    except ImportError:
        print("pysbd: not installed")
        return
    seg = pysbd.Segmenter(language="en", clean=False)
    t = time.perf_counter()
    n = sum(len(seg.segment(x)) for x in texts[:300])
    print(f"pysbd: {n} sentences, {n / (time.perf_counter() - t):,.0f} sentences/s")


if __name__ == "__main__":
    main()
