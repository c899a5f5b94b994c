#!/usr/bin/env python3
"""Speed and memory on large and pathological articles (figures printed, nothing asserted).

Cases: the sample article repeated to about 1 MB and 5 MB; one 256 KB line with no
sentence punctuation; a run of 80,000 spaces before a full stop.
Run: .venv/bin/python benchmarks/bench_scale.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.paths import SAMPLE_ARTICLE, SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.readers import read_document  # noqa: E402
from reviewer.core.review import make_review  # noqa: E402
from reviewer.core.termbase import load_termbase  # noqa: E402


def run(label: str, text: str, tb) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "a.txt"
        p.write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        doc = read_document(p)
        t1 = time.perf_counter()
        review = make_review([doc], [tb])
        findings = review.run_checks()
        t2 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:34} {len(text) / 1e6:6.2f} MB  {len(doc.segments):6} segments  read {t1 - t0:5.2f} s  "
          f"check {t2 - t1:6.2f} s  {len(doc.segments) / max(t2 - t1, 1e-9):6.0f} seg/s  {len(findings):6} findings  max RSS {rss:.0f} MB")


def main() -> None:
    tb = load_termbase(SHIPPED_TERMBASE)
    body = SAMPLE_ARTICLE.read_text(encoding="utf-8").split("Source: Fuxin News Network", 1)[1]
    run("sample article", SAMPLE_ARTICLE.read_text(encoding="utf-8"), tb)
    run("sample x 125 (about 1 MB)", body * 125, tb)
    run("sample x 625 (about 5 MB)", body * 625, tb)
    run("one 256 KB line, no full stops", "the party group studied the work " * 8000, tb)
    run("80,000 spaces before a full stop", "The party" + " " * 80000 + "met.", tb)


if __name__ == "__main__":
    main()
