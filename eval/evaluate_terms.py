#!/usr/bin/env python3
"""Precision and recall of the term findings against the hand labels in eval/labels/.

Each label row is one output of one WMT system and one political term of its Chinese source,
with the span that renders the term and a verdict (standard, nonstandard, missing); see
eval/labels/README.md. A term-nonstandard finding overlapping a nonstandard span is a true
positive, one overlapping a standard span a false alarm; a nonstandard span with no such
finding is a miss. Missing terms are scored against term-missing findings of the same source
term. Needs ../shared/mt-eval-zhen (the outputs are not copied into this repository).

Run: .venv/bin/python eval/evaluate_terms.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import SegmentText, run_checks  # noqa: E402
from reviewer.core.matching import TermMatcher  # noqa: E402
from reviewer.core.paths import SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.termbase import load_termbase  # noqa: E402

DATA = ROOT.parent / "shared" / "mt-eval-zhen"
LABELS = ROOT / "eval" / "labels" / "wmt_term_labels.tsv"


def read_tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} not found (it exists only on the project's machines)")
    labels = read_tsv(LABELS)
    sources = {(r["testset"], r["line"]): r["source_zh"] for r in read_tsv(DATA / "wmt_zhen_term_sources.tsv")}
    outputs = {(r["testset"], r["line"], r["system"]): r["translation_en"] for r in read_tsv(DATA / "wmt_zhen_term_translations.tsv")}
    keys = sorted({(r["testset"], r["line"], r["system"]) for r in labels})
    units = [SegmentText(f"{t}:{s}", line, outputs[(t, line, s)], sources[(t, line)]) for t, line, s in keys]
    findings = run_checks(units, TermMatcher([load_termbase(SHIPPED_TERMBASE)]), checks=["term-nonstandard", "term-missing"])
    by_output: dict[tuple[str, str], list] = defaultdict(list)
    for f in findings:
        by_output[(f.document, f.segment)].append(f)

    counts: Counter[str] = Counter()
    misses: Counter[tuple[str, str]] = Counter()
    alarms: Counter[tuple[str, str]] = Counter()
    matched: set[int] = set()
    for r in labels:
        key = (f"{r['testset']}:{r['system']}", r["line"])
        start, end = int(r["start"]), int(r["end"])
        nonstd = [f for f in by_output[key] if f.check == "term-nonstandard" and f.start < end and start < f.end]
        if r["verdict"] == "nonstandard":
            if nonstd:
                counts["tp"] += 1
                matched.update(id(f) for f in nonstd)
            else:
                counts["fn"] += 1
                misses[(r["term_zh"], r["rendering"])] += 1
        elif r["verdict"] == "standard":
            if nonstd:
                counts["fp"] += 1
                matched.update(id(f) for f in nonstd)
                alarms[(r["term_zh"], r["rendering"])] += 1
            else:
                counts["tn"] += 1
        elif r["verdict"] == "missing":
            found = [f for f in by_output[key] if f.check == "term-missing" and f.term and r["term_zh"] in (f.term.source or "")]
            counts["missing_tp" if found else "missing_fn"] += 1
    unlabeled = [f for f in findings if f.check == "term-nonstandard" and id(f) not in matched]
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    print(f"{len(keys)} MT outputs, {len(labels)} labelled term renderings ({Counter(r['verdict'] for r in labels)})")
    print(f"term-nonstandard: precision {tp / max(tp + fp, 1):.3f} ({tp} of {tp + fp}), recall {tp / max(tp + fn, 1):.3f} ({tp} of {tp + fn})")
    print(f"  correct renderings left alone: {counts['tn']} of {counts['tn'] + fp}")
    print(f"  term-nonstandard findings on unlabelled spans (other terms of the termbase, not judged): {len(unlabeled)}")
    print(f"term-missing on labelled omissions: {counts['missing_tp']} of {counts['missing_tp'] + counts['missing_fn']}")
    if misses:
        print("misses (term, rendering, count):")
        for (term, rendering), n in misses.most_common(15):
            print(f"  {n:3} {term} {rendering!r}")
    if alarms:
        print("false alarms (term, rendering, count):")
        for (term, rendering), n in alarms.most_common(15):
            print(f"  {n:3} {term} {rendering!r}")


if __name__ == "__main__":
    main()
