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

import argparse
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

TERM_CHECKS = ["term-nonstandard", "term-forbidden", "term-missing", "term-inconsistent"]
WRONG = ("term-nonstandard", "term-forbidden")
DATA = ROOT.parent / "shared" / "mt-eval-zhen"
LABELS = ROOT / "eval" / "labels" / "wmt_term_labels.tsv"


def read_tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


#: Lines whose keyword is not a political term in context (eval/labels/README.md, "Lines left
#: out on purpose"): every term finding on their outputs is a candidate false alarm.
NO_TERM_LINES = [
    ("newstest2021", "354"),  # 民生 only inside 居民生活
    ("newstest2021", "1256"),  # 巡视: power-line patrol inspection
    ("newstest2021", "1639"),  # 巡视员: a civil-service rank
    ("newstest2021", "1640"),
    ("newstest2021", "548"),  # 不忘初心 in a song or artwork title
    ("newstest2021", "865"),
    ("generaltest2022", "1428"),  # 民生 in a historical sense
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--termbase", default=str(SHIPPED_TERMBASE), help="termbase to evaluate (default: the shipped one)")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} not found (it exists only on the project's machines)")
    labels = read_tsv(LABELS)
    sources = {(r["testset"], r["line"]): r["source_zh"] for r in read_tsv(DATA / "wmt_zhen_term_sources.tsv")}
    outputs = {(r["testset"], r["line"], r["system"]): r["translation_en"] for r in read_tsv(DATA / "wmt_zhen_term_translations.tsv")}
    keys = sorted({(r["testset"], r["line"], r["system"]) for r in labels})
    units = [SegmentText(f"{t}:{s}", line, outputs[(t, line, s)], sources[(t, line)]) for t, line, s in keys]
    matcher = TermMatcher([load_termbase(args.termbase)])
    findings = run_checks(units, matcher, checks=["term-nonstandard", "term-forbidden", "term-missing"])
    zh_terms = {cid: {t.text for t in c.zh} for cid, c in matcher.concepts.items()}
    by_output: dict[tuple[str, str], list] = defaultdict(list)
    for f in findings:
        by_output[(f.document, f.segment)].append(f)

    counts: Counter[str] = Counter()
    misses: Counter[tuple[str, str]] = Counter()
    alarms: Counter[tuple[str, str]] = Counter()
    per_check: dict[str, Counter[str]] = defaultdict(Counter)
    matched: set[int] = set()
    for r in labels:
        key = (f"{r['testset']}:{r['system']}", r["line"])
        start, end = int(r["start"]), int(r["end"])
        nonstd = [f for f in by_output[key] if f.check in WRONG and f.start < end and start < f.end]
        # the labels ignore case ("Differences of case ... do not matter"): capitalisation findings are counted apart
        if r["verdict"] == "standard" and any(f.details.get("kind") == "case" for f in nonstd):
            counts["case_on_standard"] += 1
        nonstd = [f for f in nonstd if f.details.get("kind") != "case"]
        # term-missing is about a concept: it counts for a label whose source term is one of the
        # concept's Chinese terms or inside one (党中央 in 以习近平同志为核心的党中央), when the
        # finding marks no span or a span overlapping the label's
        missing = [
            f
            for f in by_output[key]
            if f.check == "term-missing"
            and f.term
            and any(r["term_zh"] in zh for zh in zh_terms.get(f.term.concept, ()))
            and (f.start == f.end or (f.start < end and start < f.end))
        ]
        flagged = nonstd + missing
        matched.update(id(f) for f in flagged)
        verdict = r["verdict"]
        for check in (*WRONG, "term-missing"):
            if any(f.check == check for f in flagged):
                per_check[check]["tp" if verdict != "standard" else "fp"] += 1
        if verdict in ("nonstandard", "missing"):
            if flagged:
                counts["tp"] += 1
                if any(f.start < end and start < f.end for f in flagged) or verdict == "missing":
                    counts["tp_located"] += 1
            else:
                counts["fn"] += 1
                misses[(r["term_zh"], r["rendering"])] += 1
        else:
            if flagged:
                counts["fp"] += 1
                alarms[(r["term_zh"], r["rendering"])] += 1
            else:
                counts["tn"] += 1
    unlabeled = [f for f in findings if f.check in (*WRONG, "term-missing") and id(f) not in matched]
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    print(f"{len(keys)} MT outputs, {len(labels)} labelled term renderings ({dict(Counter(r['verdict'] for r in labels))})")
    print("A label counts as caught when a term-nonstandard or term-forbidden finding overlaps its span, or a term-missing")
    print("finding names its source term in the same output; a finding on a standard rendering is a false alarm.")
    print(f"term findings: precision {tp / max(tp + fp, 1):.3f} ({tp} of {tp + fp}), recall {tp / max(tp + fn, 1):.3f} ({tp} of {tp + fn})")
    print(f"  caught with the span of the wrong rendering marked: {counts['tp_located']} of {tp}")
    print(f"  correct renderings left alone: {counts['tn']} of {counts['tn'] + fp}")
    print(f"  capitalisation findings on labelled-standard spans (case is not judged by the labels): {counts['case_on_standard']}")
    for check, c in sorted(per_check.items()):
        print(f"  {check}: precision {c['tp'] / max(c['tp'] + c['fp'], 1):.3f} ({c['tp']} of {c['tp'] + c['fp']} labels it fired on)")
    print(f"findings on unlabelled spans (other terms of the termbase, not judged): {len(unlabeled)}")
    # Lines whose keyword is not a political term in context: a finding about that keyword's
    # concept is a false alarm (findings about other, real terms on those lines are listed apart).
    keywords = {(r["testset"], r["line"]): set(r["terms_zh"].split("|")) for r in read_tsv(DATA / "wmt_zhen_term_sources.tsv")}
    no_term = [
        SegmentText(f"{t}:{s}", line, text, sources[(t, line)])
        for (t, line, s), text in outputs.items()
        if (t, line) in NO_TERM_LINES and not s.startswith("ref-")
    ]
    spurious, other = [], []
    for f in run_checks(no_term, matcher, checks=TERM_CHECKS):
        kws = keywords[(f.document.split(":")[0], f.segment)]
        about_keyword = f.term is not None and any(k in zh for k in kws for zh in zh_terms.get(f.term.concept, ()))
        (spurious if about_keyword else other).append(f)
    print(
        f"lines whose keyword is not a political term ({len(NO_TERM_LINES)} lines, {len(no_term)} MT outputs): "
        f"{len(spurious)} findings about the keyword = {1000 * len(spurious) / max(len(no_term), 1):.1f} false alarms per 1,000 segments; "
        f"{len(other)} findings about other termbase terms on those lines (not judged)"
    )
    for f in spurious:
        print(f"  {f.document} line {f.segment}: {f.check} {f.message[:110]}")
    if misses:
        print("misses (term, rendering, count):")
        for (term, rendering), n in misses.most_common(20):
            print(f"  {n:3} {term} {rendering!r}")
    if alarms:
        print("false alarms (term, rendering, count):")
        for (term, rendering), n in alarms.most_common(20):
            print(f"  {n:3} {term} {rendering!r}")


if __name__ == "__main__":
    main()
