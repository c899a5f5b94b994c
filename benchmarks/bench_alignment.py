#!/usr/bin/env python3
"""Accuracy and speed of the sentence aligner (reviewer.core.alignment) on real WMT zh-en MT.

For each test set of ``../shared/mt-eval-zhen`` and each system (the human references
and every MT system), one document pair is built: the Chinese of the test set's lines in
line order, and the system's English of the same lines. Both sides are split into
sentences (reviewer.core.segmentation), the sentences of all lines are put in one list
per side, and the lists are aligned. Each line is a gold bead: its Chinese sentences
against its English sentences. The lines are the ones with political terms, so they are
not adjacent in the original articles; each document is a few dozen sentences.

Printed per system and overall:

* bead precision and recall: predicted beads that are exactly a gold bead, over all
  predicted beads and over all gold beads;
* link precision and recall: a link is a (Chinese sentence, English sentence) pair
  inside one bead; 1-0 and 0-1 beads have no links;
* gold beads kept: gold beads that the prediction covers with beads of their own
  sentences only, none of them 1-0 or 0-1. A line of two Chinese and two English
  sentences aligned as two 1-1 beads is kept but not an exact match: the gold beads are
  lines, not minimal beads, and most such splits are right;
* speed: sentences (both sides) aligned per second, anchors included, after one warm-up
  document (jieba's dictionary loads once per process).

Three runs: the sentences of a document as one stream, without the termbase (length and
numbers only) and with the shipped termbase as anchors; and with the termbase, each line
given as a paragraph on both sides (``align_paragraphs``, what ``read_parallel`` does with
the paragraphs of the two files). The third run knows where the lines end on both sides,
so it only has to find the beads inside each line and to keep each line together; it
measures read_parallel on articles whose MT keeps the source's paragraphs, not the
aligner on a stream of sentences.

The gold has errors of its own: some systems' outputs are shifted against the source
lines (XMU's English of newstest2021 line 22 translates line 23), so a correct alignment
scores below 100%.

Run: .venv/bin/python benchmarks/bench_alignment.py
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.alignment import Bead, align, align_paragraphs  # noqa: E402
from reviewer.core.matching import TermMatcher  # noqa: E402
from reviewer.core.segmentation import split_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "mt-eval-zhen"


@dataclass
class Pair:
    """One document pair with its gold beads."""

    testset: str
    system: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_lines: list[list[str]] = field(default_factory=list)
    target_lines: list[list[str]] = field(default_factory=list)
    gold: list[Bead] = field(default_factory=list)


@dataclass
class Score:
    beads_ok: int = 0
    beads_pred: int = 0
    beads_gold: int = 0
    links_ok: int = 0
    links_pred: int = 0
    links_gold: int = 0
    kept: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "  -  "

        return (
            f"beads P {ratio(self.beads_ok, self.beads_pred)} R {ratio(self.beads_ok, self.beads_gold)}"
            f" ({self.beads_ok}/{self.beads_gold})   "
            f"links P {ratio(self.links_ok, self.links_pred)} R {ratio(self.links_ok, self.links_gold)}   "
            f"kept {ratio(self.kept, self.beads_gold)}"
        )


def _sentences(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


def load_pairs(folder: Path) -> list[Pair]:
    """Document pairs per (test set, system), lines in order."""
    csv.field_size_limit(10**8)
    with (folder / "wmt_zhen_term_sources.tsv").open(encoding="utf-8", newline="") as fh:
        sources = {(r["testset"], int(r["line"])): r["source_zh"] for r in csv.DictReader(fh, delimiter="\t")}
    outputs: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    with (folder / "wmt_zhen_term_translations.tsv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            outputs[(r["testset"], r["system"])][int(r["line"])] = r["translation_en"]
    pairs = []
    for (testset, system), lines in sorted(outputs.items()):
        pair = Pair(testset, system)
        for line in sorted(lines):
            zh = _sentences(sources[(testset, line)], "zh")
            en = _sentences(lines[line], "en")
            pair.gold.append(
                Bead(
                    tuple(range(len(pair.source), len(pair.source) + len(zh))),
                    tuple(range(len(pair.target), len(pair.target) + len(en))),
                )
            )
            pair.source += zh
            pair.target += en
            pair.source_lines.append(zh)
            pair.target_lines.append(en)
        pairs.append(pair)
    return pairs


def links(beads: Sequence[Bead]) -> set[tuple[int, int]]:
    return {(i, j) for b in beads for i in b.source for j in b.target}


def kept(predicted: Sequence[Bead], gold: Sequence[Bead]) -> int:
    """Gold beads covered only by predicted beads inside them, none of them 1-0 or 0-1."""
    by_source = {i: b for b in predicted for i in b.source}
    by_target = {j: b for b in predicted for j in b.target}
    count = 0
    for g in gold:
        inside = {by_source[i] for i in g.source} | {by_target[j] for j in g.target}
        one_sided = not g.source or not g.target
        if all(
            set(b.source) <= set(g.source) and set(b.target) <= set(g.target) and (one_sided or (b.source and b.target))
            for b in inside
        ):
            count += 1
    return count


def score(predicted: Sequence[Bead], gold: Sequence[Bead]) -> Score:
    pl, gl = links(predicted), links(gold)
    return Score(
        kept=kept(predicted, gold),
        beads_ok=len(set(predicted) & set(gold)),
        beads_pred=len(predicted),
        beads_gold=len(gold),
        links_ok=len(pl & gl),
        links_pred=len(pl),
        links_gold=len(gl),
    )


def run(pairs: Sequence[Pair], matcher: TermMatcher | None, paragraphs: bool, title: str) -> None:
    print(f"\n== {title}")
    align(pairs[0].source, pairs[0].target, matcher)  # warm-up: jieba and the source matcher
    total = Score()
    per_testset: dict[str, Score] = defaultdict(Score)
    seconds = 0.0
    sentences = 0
    for pair in pairs:
        t = time.perf_counter()
        if paragraphs:
            predicted = align_paragraphs(pair.source_lines, pair.target_lines, matcher)
        else:
            predicted = align(pair.source, pair.target, matcher)
        seconds += time.perf_counter() - t
        sentences += len(pair.source) + len(pair.target)
        s = score(predicted, pair.gold)
        total.add(s)
        per_testset[pair.testset].add(s)
        print(f"{pair.testset:16} {pair.system:22} {len(pair.source):3} zh {len(pair.target):3} en   {s.line()}")
    for testset, s in sorted(per_testset.items()):
        print(f"{testset:16} {'all systems':22} {'':14} {s.line()}")
    print(f"{'overall':39} {'':14} {total.line()}")
    print(f"speed: {sentences} sentences in {seconds:.3f} s = {sentences / seconds:,.0f} sentences/s")


def main() -> None:
    if not (DATA / "wmt_zhen_term_sources.tsv").exists():
        sys.exit(f"{DATA} not found (it exists only on the project's machines)")
    from reviewer.core.paths import SHIPPED_TERMBASE
    from reviewer.core.termbase import load_termbase

    pairs = load_pairs(DATA)
    shapes: dict[tuple[int, int], int] = defaultdict(int)
    for pair in pairs:
        for b in pair.gold:
            shapes[(len(b.source), len(b.target))] += 1
    print(f"{len(pairs)} document pairs, {sum(shapes.values())} gold beads; shapes (zh-en):",
          ", ".join(f"{a}-{b}: {c}" for (a, b), c in sorted(shapes.items(), key=lambda x: -x[1])))
    matcher = TermMatcher([load_termbase(SHIPPED_TERMBASE)])
    run(pairs, None, False, "length and numbers")
    run(pairs, matcher, False, "length, numbers and the shipped termbase")
    run(pairs, matcher, True, "the same, each line a paragraph on both sides (align_paragraphs, as read_parallel)")
    big_src = [s for p in pairs[:8] for s in p.source]
    big_tgt = [s for p in pairs[:8] for s in p.target]
    t = time.perf_counter()
    align(big_src, big_tgt, matcher)
    seconds = time.perf_counter() - t
    print(f"\none long document ({len(big_src)} zh, {len(big_tgt)} en sentences, 8 pairs concatenated):"
          f" {seconds:.3f} s with the termbase")


if __name__ == "__main__":
    main()
