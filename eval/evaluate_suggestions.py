#!/usr/bin/env python3
"""Applied-suggestion accuracy: apply every term suggestion (term-* and calque findings) to its
segment, and read the sentence that results.

  .venv/bin/python eval/evaluate_suggestions.py [--show] [--unlabelled FILE]

Corpora: the bundled samples (resources/samples), the WMT zh->en outputs of
../shared/mt-eval-zhen (with their Chinese source, so term-missing runs too; skipped when absent),
and the English-only development paragraphs (eval/literal/dev). Each applied suggestion is one
sentence: the sentence of the segment that holds the change, after the change.

Hand labels are in eval/suggestions/labels.tsv, keyed by the sentence before and after (a
change of the code that changes a result needs a new label): ``verdict`` is ``correct`` (correct
English with the preferred term in place) or ``wrong``, and ``kind`` names the failure. The
labelled sample is every applied suggestion of the samples and a fixed pseudo-random draw from
the others (ordered by a hash of the key). Suggestions the tool declines to place
(``details["placement"]``, the reviewer places the term) are counted apart.

Prints: how many suggestions, how many applied and declined, the labelled rate of correct
English, and examples of each kind of failure; ``--unlabelled FILE`` writes the drawn but
unlabelled results to FILE to be judged.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.checks import Finding, SegmentText, run_checks  # noqa: E402
from reviewer.core.matching import TermMatcher  # noqa: E402
from reviewer.core.paths import SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.readers import read_document  # noqa: E402
from reviewer.core.termbase import load_termbase  # noqa: E402

SHARED = ROOT.parent / "shared" / "mt-eval-zhen"
LABELS = ROOT / "eval" / "suggestions" / "labels.tsv"
#: how many results of the WMT and dev corpora are drawn for labelling
DRAW = 260
_SENTENCE_END = re.compile(r"(?<=[.!?;])[”\"’]?\s+")


def read_tsv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def corpora() -> dict[str, list[SegmentText]]:
    out: dict[str, list[SegmentText]] = {"samples": [], "wmt": [], "dev": []}
    for path in sorted((ROOT / "resources" / "samples").iterdir()):
        doc = read_document(path)
        for seg in doc.segments:
            out["samples"].append(SegmentText(path.name, seg.id, seg.target, seg.source or None))
    if SHARED.exists():
        sources = {(r["testset"], r["line"]): r["source_zh"] for r in read_tsv(SHARED / "wmt_zhen_term_sources.tsv")}
        for r in read_tsv(SHARED / "wmt_zhen_term_translations.tsv"):
            if not r["system"].startswith("ref-"):
                out["wmt"].append(SegmentText(f"{r['testset']}:{r['system']}", f"{r['testset']}:{r['line']}", r["translation_en"], sources[(r["testset"], r["line"])]))
    for row in read_tsv(ROOT / "eval" / "literal" / "dev" / "paragraphs.tsv"):
        out["dev"].append(SegmentText(row["id"], "1", row["text"]))
    return out


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``[start, end)`` (all sentences it touches)."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    s = max(b for b in bounds if b <= start)
    e = min((b for b in bounds if b >= max(end, start + 1)), default=len(text))
    return text[s:e].strip()


def applied(f: Finding, text: str) -> tuple[str, str]:
    """The sentence before and after ``f``'s suggestion is applied."""
    new = text[: f.start] + (f.suggestion or "") + text[f.end :]
    return sentence_around(text, f.start, f.end), sentence_around(new, f.start, f.start + len(f.suggestion or ""))


def key(before: str, after: str) -> str:
    return hashlib.sha256(f"{before}\x00{after}".encode()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--termbase", default=str(SHIPPED_TERMBASE))
    parser.add_argument("--show", action="store_true", help="print every labelled failure")
    parser.add_argument("--unlabelled", help="write the drawn results that have no label to this TSV")
    args = parser.parse_args()
    matcher = TermMatcher([load_termbase(args.termbase)])
    labels = {r["key"]: r for r in read_tsv(LABELS)} if LABELS.exists() else {}
    results = []
    declined: Counter[str] = Counter()
    declined_examples: list[str] = []
    for name, units in corpora().items():
        text = {(u.document, u.segment): u.text for u in units}
        for f in run_checks(units, matcher):
            if not f.suggestion or not f.check.startswith(("term-", "calque")) or f.end <= f.start:
                continue
            if f.manual:
                declined[name] += 1
                declined_examples.append(f"{f.check} “{f.text}” → {f.suggestion}: {f.details['placement']}")
                continue
            before, after = applied(f, text[(f.document, f.segment)])
            results.append({"key": key(before, after), "corpus": name, "check": f.check, "flagged": f.text, "suggestion": f.suggestion, "before": before, "after": after})
    by_corpus = Counter(r["corpus"] for r in results)
    print(f"{len(results) + sum(declined.values())} term suggestions: {len(results)} applied ({dict(by_corpus)}), {sum(declined.values())} declined, the reviewer places the term ({dict(declined)})")
    unique = {r["key"]: r for r in results}
    drawn = [r for r in unique.values() if r["corpus"] == "samples"]
    others = sorted((r for r in unique.values() if r["corpus"] != "samples"), key=lambda r: r["key"])
    drawn += others[:DRAW]
    judged = [(r, labels[r["key"]]) for r in drawn if r["key"] in labels]
    missing = [r for r in drawn if r["key"] not in labels]
    correct = sum(1 for _, lab in judged if lab["verdict"] == "correct")
    print(f"labelled sample: {len(judged)} of {len(drawn)} drawn results judged; correct English with the preferred term in place: {correct} of {len(judged)} = {correct / max(len(judged), 1):.3f}")
    kinds: dict[str, list[tuple[dict[str, str], dict[str, str]]]] = defaultdict(list)
    for r, lab in judged:
        if lab["verdict"] != "correct":
            kinds[lab["kind"] or "other"].append((r, lab))
    for kind, items in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {kind}: {len(items)}")
        for r, lab in items[: None if args.show else 2]:
            print(f"    [{r['check']}] “{r['flagged']}” → “{r['suggestion']}”: {r['after']}" + (f"  ({lab['note']})" if lab.get("note") else ""))
    if declined_examples:
        print("  declined, for example:")
        for line in declined_examples[: None if args.show else 3]:
            print(f"    {line}")
    if missing:
        print(f"{len(missing)} drawn results have no label" + ("" if args.unlabelled else " (--unlabelled FILE writes them out)"))
    if args.unlabelled:
        with open(args.unlabelled, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["key", "verdict", "kind", "note", "corpus", "check", "flagged", "suggestion", "before", "after"])
            for r in missing:
                w.writerow([r["key"], "", "", "", r["corpus"], r["check"], r["flagged"], r["suggestion"], r["before"], r["after"]])


if __name__ == "__main__":
    main()
