#!/usr/bin/env python3
"""English-only review: the list lookup alone against the list lookup with the literal-rendering
detector (term-literal) and the calque rules (calque). Three measures, one command each:

  .venv/bin/python eval/evaluate_literal.py paragraphs [--set dev|test|all] [--show]
      real English MT paragraphs of Chinese local and Party news, judged phrase by phrase
      (eval/literal/*/phrases.tsv): recall on nonstandard phrases, share of standard phrases
      flagged. Each paragraph is checked as a document of its own, with no source.
  .venv/bin/python eval/evaluate_literal.py wmt [--show]
      the WMT zh->en outputs of ../shared/mt-eval-zhen with the source removed, each system's
      file a document: recall on the spans that the bilingual check flags (silver labels) and
      on the hand-labelled nonstandard renderings (eval/labels), and the share of
      hand-labelled standard renderings flagged.
  .venv/bin/python eval/evaluate_literal.py ordinary [--per N] [--show]
      ordinary English news (eval/ordinary/sentences.tsv and traps.tsv) in documents of N
      sentences (default 10): findings of the term checks per 1,000 sentences.

Capitalisation findings (a case-sensitive term in other capitals) are not counted: the
judges ignored capitals. "List lookup" is term-forbidden + term-nonstandard; "with the detector" adds term-literal and
calque. The context gate is on in both (subject "auto").
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import Finding, SegmentText, run_checks  # noqa: E402
from reviewer.core.matching import TermMatcher  # noqa: E402
from reviewer.core.paths import SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.termbase import load_termbase  # noqa: E402

LIST = ["term-forbidden", "term-nonstandard"]
DETECTOR = [*LIST, "term-literal", "calque"]
RUNS = (("list lookup", LIST), ("with the detector", DETECTOR))
SHARED = ROOT.parent / "shared" / "mt-eval-zhen"


def read_tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def nth(text: str, phrase: str, occurrence: int) -> int:
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(phrase, at + 1)
        if at < 0:
            return -1
    return at


def overlapping(findings: list[Finding], start: int, end: int) -> list[Finding]:
    return [f for f in findings if f.start < end and start < f.end and f.end > f.start]


def paragraphs(args: argparse.Namespace, matcher: TermMatcher) -> None:
    sets = ["dev", "test"] if args.set == "all" else [args.set]
    units: list[SegmentText] = []
    phrases: list[dict[str, str]] = []
    for name in sets:
        folder = ROOT / "eval" / "literal" / name
        for row in read_tsv(folder / "paragraphs.tsv"):
            units.append(SegmentText(row["id"], "1", row["text"]))
        phrases += read_tsv(folder / "phrases.tsv")
    texts = {u.document: u.text for u in units}
    verdicts = Counter(p["verdict"] for p in phrases)
    print(f"{len(units)} paragraphs ({', '.join(sets)}), {len(phrases)} judged phrases: {dict(verdicts)}")
    for label, checks in RUNS:
        by_doc: dict[str, list[Finding]] = defaultdict(list)
        for f in run_checks(units, matcher, checks=checks):
            by_doc[f.document].append(f)
        caught = flagged = 0
        judged: set[int] = set()
        misses, alarms = [], []
        for p in phrases:
            text = texts.get(p["paragraph"], "")
            at = nth(text, p["phrase"], int(p.get("occurrence") or 1))
            if at < 0:
                print(f"  warning: {p['paragraph']}: “{p['phrase']}” not found", file=sys.stderr)
                continue
            hit = overlapping(by_doc[p["paragraph"]], at, at + len(p["phrase"]))
            judged.update(id(f) for f in hit)
            # the judges ignored capitals ("party committee" for "Party committee" is standard)
            hit = [f for f in hit if f.details.get("kind") != "case"]
            if p["verdict"] == "nonstandard":
                caught += bool(hit)
                if not hit:
                    misses.append(p)
            elif p["verdict"] == "standard" and hit:
                flagged += 1
                alarms.append((p, hit))
        n_non, n_std = verdicts["nonstandard"], verdicts["standard"]
        others = [f for fs in by_doc.values() for f in fs if id(f) not in judged]
        print(f"{label:>18}: recall {caught / max(n_non, 1):.3f} ({caught} of {n_non} nonstandard), standard flagged {flagged / max(n_std, 1):.3f} ({flagged} of {n_std}), findings on unjudged text {len(others)}")
        if args.show and checks is DETECTOR:
            for p, hit in alarms:
                print(f"    ALARM {p['paragraph']} “{p['phrase']}”: {'; '.join(f'[{f.check}] {f.text}' for f in hit)}")
            for p in misses:
                print(f"    MISS  {p['paragraph']} “{p['phrase']}” (standard: {p['standard']})")
            for f in others:
                print(f"    OTHER {f.document} [{f.check}] “{f.text}” → {f.suggestion}")


def wmt(args: argparse.Namespace, matcher: TermMatcher) -> None:
    if not SHARED.exists():
        sys.exit(f"{SHARED} not found (it exists only on the project's machines)")
    sources = {(r["testset"], r["line"]): r["source_zh"] for r in read_tsv(SHARED / "wmt_zhen_term_sources.tsv")}
    rows = [r for r in read_tsv(SHARED / "wmt_zhen_term_translations.tsv") if not r["system"].startswith("ref-")]
    bilingual = [SegmentText(f"{r['testset']}:{r['system']}", f"{r['testset']}:{r['line']}", r["translation_en"], sources[(r["testset"], r["line"])]) for r in rows]
    english = [SegmentText(u.document, u.segment, u.text) for u in bilingual]
    silver_matcher = TermMatcher([load_termbase(args.silver_termbase)]) if args.silver_termbase else matcher
    silver = [f for f in run_checks(bilingual, silver_matcher, checks=["term-forbidden", "term-nonstandard", "term-missing"]) if f.end > f.start and f.details.get("kind") != "case"]
    labels = read_tsv(ROOT / "eval" / "labels" / "wmt_term_labels.tsv")
    print(f"{len(english)} MT outputs in {len({u.document for u in english})} system files, source removed; {len(silver)} silver spans (bilingual findings); {len(labels)} hand labels")
    for label, checks in RUNS:
        found: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for f in run_checks(english, matcher, checks=checks):
            found[(f.document, f.segment)].append(f)
        got = sum(1 for s in silver if overlapping(found[(s.document, s.segment)], s.start, s.end))
        lab_non = lab_std = caught = flagged = 0
        for r in labels:
            key = (f"{r['testset']}:{r['system']}", f"{r['testset']}:{r['line']}")
            start, end = int(r["start"]), int(r["end"])
            if start < 0:
                continue
            hit = [f for f in overlapping(found[key], start, end) if f.details.get("kind") != "case"]
            if r["verdict"] == "nonstandard":
                lab_non += 1
                caught += bool(hit)
            elif r["verdict"] == "standard":
                lab_std += 1
                flagged += bool(hit)
        total = sum(len(v) for v in found.values())
        print(f"{label:>18}: silver recall {got / max(len(silver), 1):.3f} ({got} of {len(silver)}); hand-labelled nonstandard caught {caught / max(lab_non, 1):.3f} ({caught} of {lab_non}); standard flagged {flagged / max(lab_std, 1):.3f} ({flagged} of {lab_std}); {total} findings")
        if args.show and checks is DETECTOR:
            new = [f for fs in found.values() for f in fs if f.check in ("term-literal", "calque")]
            for f in new[:200]:
                print(f"    NEW {f.document} {f.segment} [{f.check}] “{f.text}” → {f.suggestion}")


def ordinary(args: argparse.Namespace, matcher: TermMatcher) -> None:
    folder = ROOT / "eval" / "ordinary"
    for name in ("sentences", "traps"):
        path = folder / f"{name}.tsv"
        if not path.exists():
            print(f"{path} missing")
            continue
        rows = read_tsv(path)
        units = [SegmentText(f"{name}-{n // args.per}", row["id"], row["text"]) for n, row in enumerate(rows)]
        print(f"{name}: {len(units)} sentences in documents of {args.per}")
        for label, checks in RUNS:
            findings = run_checks(units, matcher, checks=checks)
            per = Counter(f.check for f in findings)
            print(f"{label:>18}: {len(findings)} findings, {1000 * len(findings) / max(len(units), 1):.2f} per 1,000 sentences {dict(per)}")
            if args.show and checks is DETECTOR:
                text = {u.segment: u.text for u in units}
                for f in findings:
                    print(f"    {f.segment} [{f.check}] “{f.text}” in: {text[f.segment][:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--termbase", default=str(SHIPPED_TERMBASE))
    sub = parser.add_subparsers(dest="measure", required=True)
    p = sub.add_parser("paragraphs")
    p.add_argument("--set", choices=["dev", "test", "all"], default="dev")
    p.add_argument("--show", action="store_true")
    w = sub.add_parser("wmt")
    w.add_argument("--show", action="store_true")
    w.add_argument("--silver-termbase", help="build the silver labels with this termbase (default: the one checked), to compare termbases on the same labels")
    o = sub.add_parser("ordinary")
    o.add_argument("--per", type=int, default=10)
    o.add_argument("--show", action="store_true")
    args = parser.parse_args()
    matcher = TermMatcher([load_termbase(args.termbase)])
    {"paragraphs": paragraphs, "wmt": wmt, "ordinary": ordinary}[args.measure](args, matcher)


if __name__ == "__main__":
    main()
