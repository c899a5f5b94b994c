"""Sentence alignment of a Chinese source with its English MT.

:func:`align` pairs the sentences of a Chinese article with those of its English
translation when the two come as separate files. It is the length-based method
of Gale & Church (1993), "A Program for Aligning Sentences in Bilingual
Corpora", *Computational Linguistics* 19(1):75-102, with lexical anchors added
as in later aligners (hunalign, Bleualign):

* **Length.** A Chinese character stands for about :data:`DEFAULT_RATIO`
  English characters, spaces not counted (estimated again for each document
  pair of 200 Chinese characters or more, within a quarter of the default, so
  that a long omission does not skew it); digits, Latin letters and punctuation
  in the Chinese count one for one. The difference between the
  English length and the length so predicted, divided by
  ``sqrt(VARIANCE * mean length)``, is taken as standard normal, and a bead
  costs ``-log P(|delta| or worse)`` as in Gale & Church.
* **Bead types.** One Chinese sentence to one, two, three or four English
  sentences (MT often splits a long Chinese sentence), two or three to one, two
  to two or three, and a sentence left out (1-0) or added (0-1), each with a
  prior (:data:`BEAD_PRIORS`) whose ``-log`` is added. A 1-0 or 0-1 bead costs
  its prior alone: with Gale & Church's length cost (the whole sentence as the
  error, over a mean of half its length) an omission always cost more than
  merging the sentence into a neighbour, so a dropped sentence was never found.
* **Anchors.** Each number the two sides of a bead share (digits with 万, 亿
  and 万亿 scaled, percentages, years, months) and each termbase concept found on
  both sides (a Chinese term in the source and any English term of the same
  concept in the target, whatever its status: MT writes forbidden renderings
  too) lowers the bead's cost.

:func:`align_paragraphs` aligns paragraphs first and then the sentences inside
each pair, as Gale & Church did; :mod:`reviewer.core.readers.parallel` uses it.

The best path is found by dynamic programming in a band around the diagonal;
when the path touches the band's edge the band is doubled and the search run
again, so the result is that of the full search unless the best path lies
outside every band tried. 400 Chinese and 530 English sentences align in 0.1 s
with numbers as anchors and 0.35 s with the shipped termbase (most of it term
matching); the first call with a termbase also loads jieba's dictionary (about
0.5 s). See ``benchmarks/bench_alignment.py`` for speed and accuracy.

Costs are in nats (natural-log units).
"""

from __future__ import annotations

import math
import re
import threading
import weakref
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from reviewer.core.checks.accuracy import source_numbers, target_numbers
from reviewer.core.matching import TermMatcher
from reviewer.core.source_matching import SourceMatcher, source_matcher_for


@dataclass(frozen=True)
class Bead:
    """One step of an alignment: source sentences translated by target sentences.

    Attributes:
        source: indices (0-based, consecutive, ascending) into the source
            sentences; empty for a target sentence with no source (0-1).
        target: indices into the target sentences; empty for a source sentence
            the translation left out (1-0).
    """

    source: tuple[int, ...]
    target: tuple[int, ...]


#: English characters (spaces excluded) per Chinese character, used when a
#: document pair is too short to estimate its own ratio. On the WMT zh-en news
#: in ``../shared/mt-eval-zhen`` it is 4.0 to 4.5 per system (human references
#: included); with spaces counted, about a fifth more.
DEFAULT_RATIO = 4.2
#: Variance of the English length per character of mean length (Gale & Church's
#: ``s^2``: 6.8 for their European pairs). On the WMT data the gold beads give
#: 6.2, with a long tail; 20 aligns better there, as it lets the bead priors and
#: the anchors outweigh small length differences (with the shipped termbase,
#: 94.2% of gold beads found exactly with 6.8, 95.2% with 10, 96.6% with 20,
#: 96.1% with 30 to 50).
VARIANCE = 20.0
#: Prior probability of each bead type ``(source sentences, target sentences)``:
#: round figures for MT of news, which keeps the source's sentences but often
#: splits a long Chinese one. Accuracy on the WMT data hardly moves when they are
#: halved or doubled.
BEAD_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.75,
    (1, 2): 0.12,
    (1, 3): 0.04,
    (1, 4): 0.015,
    (2, 1): 0.02,
    (2, 2): 0.01,
    (3, 1): 0.004,
    (2, 3): 0.004,
    (1, 0): 0.01,
    (0, 1): 0.01,
}
#: Prior probability of each bead type of paragraphs for :func:`align_paragraphs`:
#: a translation keeps the paragraphs of its source far more often than its
#: sentences; a line of the source (a dateline, a photo caption) or of the MT (an
#: editor's name) may have no counterpart.
PARAGRAPH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.94,
    (1, 2): 0.01,
    (2, 1): 0.01,
    (2, 2): 0.002,
    (1, 3): 0.002,
    (3, 1): 0.002,
    (1, 0): 0.01,
    (0, 1): 0.01,
}
#: Cost reduction (nats) for each number both sides of a bead have.
NUMBER_WEIGHT = 4.0
#: Cost reduction (nats) for each termbase concept both sides of a bead have.
TERM_WEIGHT = 3.0
#: Half-width of the first band tried (sentences either side of the diagonal).
INITIAL_BAND = 20

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPACE_RE = re.compile(r"\s+")
_SQRT2 = math.sqrt(2.0)
_HALF_LOG_PI_2 = 0.5 * math.log(math.pi / 2)

_anchor_matchers: weakref.WeakKeyDictionary[TermMatcher, tuple[SourceMatcher, TermMatcher]] = (
    weakref.WeakKeyDictionary()
)
_lock = threading.Lock()


def align(
    source_sentences: Sequence[str],
    target_sentences: Sequence[str],
    matcher: TermMatcher | None = None,
    *,
    target_groups: Sequence[Hashable] | None = None,
) -> list[Bead]:
    """Align Chinese source sentences with English target sentences.

    Args:
        source_sentences: the Chinese sentences, in order.
        target_sentences: the English sentences, in order.
        matcher: the termbases' English matcher; with it, concepts found on both
            sides anchor the alignment (see :func:`anchor_matchers`).
        target_groups: optionally, a group (e.g. paragraph number) per target
            sentence: a bead never takes target sentences of two groups.

    Returns:
        Beads in order; every sentence of each side is in exactly one bead.

    Raises:
        ValueError: ``target_groups`` is not one per target sentence.
    """
    if target_groups is not None and len(target_groups) != len(target_sentences):
        raise ValueError(f"{len(target_groups)} target groups for {len(target_sentences)} target sentences")
    src_len, tgt_len = _lengths(source_sentences, target_sentences)
    src_anchors = [_source_anchors(s, matcher) for s in source_sentences]
    tgt_anchors = [_target_anchors(t, matcher) for t in target_sentences]
    return _best_path(src_len, tgt_len, src_anchors, tgt_anchors, target_groups, BEAD_PRIORS)


def align_paragraphs(
    source_paragraphs: Sequence[Sequence[str]],
    target_paragraphs: Sequence[Sequence[str]],
    matcher: TermMatcher | None = None,
) -> list[Bead]:
    """Align two documents given as paragraphs of sentences: paragraphs first, then the
    sentences inside each pair of aligned paragraphs, as Gale & Church (1993) did.

    The paragraphs are aligned with the length model and anchors of sentences (a
    paragraph's length and anchors are its sentences' together) and the priors of
    :data:`PARAGRAPH_PRIORS`. The paragraphs a translation keeps are strong evidence: a mistake
    among the sentences of one paragraph cannot shift the sentences of the next,
    and a sentence left out and one added nearby are not taken for a shift.

    Args:
        source_paragraphs: the Chinese paragraphs, each a sequence of sentences.
        target_paragraphs: the English paragraphs, each a sequence of sentences.
        matcher: as for :func:`align`.

    Returns:
        Sentence beads, indices into the sentences of all paragraphs in order (the
        first sentence of the second paragraph follows the last of the first); a
        bead never takes target sentences of two paragraphs.
    """
    flat_src = [s for p in source_paragraphs for s in p]
    flat_tgt = [t for p in target_paragraphs for t in p]
    src_len, tgt_len = _lengths(flat_src, flat_tgt)
    src_anchors = [_source_anchors(s, matcher) for s in flat_src]
    tgt_anchors = [_target_anchors(t, matcher) for t in flat_tgt]
    src_first = _firsts(source_paragraphs)
    tgt_first = _firsts(target_paragraphs)

    def total(values: list[float], first: list[int], k: int) -> float:
        return sum(values[first[k] : first[k + 1]])

    def together(anchors: list[Counter[str]], first: list[int], k: int) -> Counter[str]:
        return sum(anchors[first[k] : first[k + 1]], Counter())

    paragraph_beads = _best_path(
        [total(src_len, src_first, k) for k in range(len(source_paragraphs))],
        [total(tgt_len, tgt_first, k) for k in range(len(target_paragraphs))],
        [together(src_anchors, src_first, k) for k in range(len(source_paragraphs))],
        [together(tgt_anchors, tgt_first, k) for k in range(len(target_paragraphs))],
        None,
        PARAGRAPH_PRIORS,
    )
    beads: list[Bead] = []
    for pb in paragraph_beads:
        src_idx = [i for k in pb.source for i in range(src_first[k], src_first[k + 1])]
        tgt_idx = [j for k in pb.target for j in range(tgt_first[k], tgt_first[k + 1])]
        groups = [k for k in pb.target for _ in range(tgt_first[k], tgt_first[k + 1])]
        inner = _best_path(
            [src_len[i] for i in src_idx],
            [tgt_len[j] for j in tgt_idx],
            [src_anchors[i] for i in src_idx],
            [tgt_anchors[j] for j in tgt_idx],
            groups,
            BEAD_PRIORS,
        )
        beads += [Bead(tuple(src_idx[i] for i in b.source), tuple(tgt_idx[j] for j in b.target)) for b in inner]
    return beads


def _firsts(paragraphs: Sequence[Sequence[str]]) -> list[int]:
    """Index of each paragraph's first sentence in the flat list, and the total at the end."""
    firsts = [0]
    for p in paragraphs:
        firsts.append(firsts[-1] + len(p))
    return firsts


def _best_path(
    src_len: list[float],
    tgt_len: list[float],
    src_anchors: list[Counter[str]],
    tgt_anchors: list[Counter[str]],
    target_groups: Sequence[Hashable] | None,
    priors: dict[tuple[int, int], float],
) -> list[Bead]:
    """The cheapest alignment, widening the band until the path stays off its edges."""
    n, m = len(src_len), len(tgt_len)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    model = _Model(src_len, tgt_len, src_anchors, tgt_anchors, target_groups, priors)
    band = INITIAL_BAND
    while True:
        path, touched = model.search(band)
        if not touched or band >= max(n, m):
            return path
        band *= 2


def anchor_matchers(matcher: TermMatcher) -> tuple[SourceMatcher, TermMatcher]:
    """The matchers that find term anchors, built once per ``matcher`` and kept while it lives.

    Returns:
        ``(source, target)``: a :class:`SourceMatcher` over ``matcher.termbases``
        for the Chinese, and for the English ``matcher`` itself or, when it looks
        for near misses, a copy that does not. Near misses add nothing to the
        alignment on the WMT data (96.5% of beads right either way) and take half
        the matching time.
    """
    with _lock:
        found = _anchor_matchers.get(matcher)
        if found is None:
            exact = matcher if matcher.fuzzy_threshold is None else TermMatcher(matcher.termbases, fuzzy_threshold=None)
            found = (source_matcher_for(matcher), exact)
            _anchor_matchers[matcher] = found
        return found


def _lengths(source: Sequence[str], target: Sequence[str]) -> tuple[list[float], list[float]]:
    """Source lengths in predicted English characters, target lengths in characters (no spaces)."""
    cjk = [len(_CJK_RE.findall(s)) for s in source]
    other = [len(_SPACE_RE.sub("", s)) - c for s, c in zip(source, cjk, strict=True)]
    tgt = [float(len(_SPACE_RE.sub("", t))) for t in target]
    ratio = DEFAULT_RATIO
    total_cjk = sum(cjk)
    if total_cjk >= 200:  # enough text to estimate this pair's own ratio
        ratio = min(max((sum(tgt) - sum(other)) / total_cjk, DEFAULT_RATIO * 0.75), DEFAULT_RATIO * 1.25)
    return [c * ratio + o for c, o in zip(cjk, other, strict=True)], tgt


def _number_key(value: float) -> str:
    return f"n:{value:.6g}"


def _source_anchors(text: str, matcher: TermMatcher | None) -> Counter[str]:
    keys: Counter[str] = Counter(_number_key(v) for v, _ in source_numbers(text))
    if matcher is not None:
        keys.update(f"c:{h.concept.id}" for h in anchor_matchers(matcher)[0].match(text))
    return keys


def _target_anchors(text: str, matcher: TermMatcher | None) -> Counter[str]:
    keys: Counter[str] = Counter(_number_key(v) for v in target_numbers(text))
    if matcher is not None:
        keys.update(f"c:{h.concept.id}" for h in anchor_matchers(matcher)[1].match(text))
    return keys


def _length_cost(ls: float, lt: float) -> float:
    """Gale & Church's ``-log(2 * (1 - Phi(|delta|)))`` for predicted length ``ls`` and actual ``lt``."""
    mean = (ls + lt) / 2
    if mean <= 0:
        return 0.0
    delta = abs(lt - ls) / math.sqrt(VARIANCE * mean)
    if delta < 30:
        return -math.log(math.erfc(delta / _SQRT2))
    return delta * delta / 2 + math.log(delta) + _HALF_LOG_PI_2  # asymptote, where erfc underflows


def _shared(src: Counter[str], tgt: Counter[str]) -> float:
    """Anchor bonus of a bead: numbers and concepts both sides have, counted with multiplicity."""
    if len(tgt) < len(src):
        src, tgt = tgt, src
    bonus = 0.0
    for key, count in src.items():
        other = tgt.get(key)
        if other:
            bonus += min(count, other) * (NUMBER_WEIGHT if key[0] == "n" else TERM_WEIGHT)
    return bonus


def _runs(anchors: list[Counter[str]], width: int) -> list[list[Counter[str]]]:
    """``runs[k][i]``: the anchors of sentences ``i-k:i`` together (``k`` from 1 to ``width``)."""
    runs: list[list[Counter[str]]] = [[]]
    for k in range(1, width + 1):
        row = [Counter[str]() for _ in range(len(anchors) + 1)]
        for i in range(k, len(anchors) + 1):
            parts = [x for x in anchors[i - k : i] if x]
            row[i] = parts[0] if len(parts) == 1 else sum(parts, Counter())
        runs.append(row)
    return runs


def _unaligned(n: int, m: int) -> list[Bead]:
    """Every one of ``n`` source and ``m`` target sentences in a bead of its own."""
    return [Bead((k,), ()) for k in range(n)] + [Bead((), (k,)) for k in range(m)]


class _Model:
    """The dynamic programme over one document pair."""

    def __init__(
        self,
        src_len: list[float],
        tgt_len: list[float],
        src_anchors: list[Counter[str]],
        tgt_anchors: list[Counter[str]],
        target_groups: Sequence[Hashable] | None,
        priors: dict[tuple[int, int], float],
    ) -> None:
        self.n, self.m = len(src_len), len(tgt_len)
        self.src_prefix = [0.0]
        for x in src_len:
            self.src_prefix.append(self.src_prefix[-1] + x)
        self.tgt_prefix = [0.0]
        for x in tgt_len:
            self.tgt_prefix.append(self.tgt_prefix[-1] + x)
        self.beads = sorted(priors)
        self.prior_cost = {bead: -math.log(p) for bead, p in priors.items()}
        self.src_runs = _runs(src_anchors, max(a for a, _ in self.beads))
        self.tgt_runs = _runs(tgt_anchors, max(b for _, b in self.beads))
        # run[j]: how many target sentences ending at j (exclusive) share one group
        self.run = [0] * (self.m + 1)
        for j in range(1, self.m + 1):
            same = target_groups is None or j == 1 or target_groups[j - 1] == target_groups[j - 2]
            self.run[j] = self.run[j - 1] + 1 if same else 1

    def cost(self, i: int, j: int, a: int, b: int) -> float:
        """Cost of the bead of source ``i-a:i`` and target ``j-b:j``."""
        if not a or not b:
            return self.prior_cost[(a, b)]
        total = self.prior_cost[(a, b)] + _length_cost(
            self.src_prefix[i] - self.src_prefix[i - a], self.tgt_prefix[j] - self.tgt_prefix[j - b]
        )
        src = self.src_runs[a][i]
        if src:
            tgt = self.tgt_runs[b][j]
            if tgt:
                total -= _shared(src, tgt)
        return total

    def search(self, band: int) -> tuple[list[Bead], bool]:
        """Best path within ``band`` sentences of the diagonal, and whether it touched the band's edge."""
        n, m = self.n, self.m
        lo = [max(0, math.floor(i * m / n) - band) for i in range(n + 1)]
        hi = [min(m, math.ceil(i * m / n) + band) for i in range(n + 1)]
        inf = math.inf
        best: list[list[float]] = []
        back: list[list[tuple[int, int]]] = []
        for i in range(n + 1):
            row = [inf] * (hi[i] - lo[i] + 1)
            brow = [(0, 0)] * len(row)
            for j in range(lo[i], hi[i] + 1):
                if i == 0 and j == 0:
                    row[0] = 0.0
                    continue
                cell = inf
                choice = (0, 0)
                for a, b in self.beads:
                    if a > i or b > j or (b > 1 and self.run[j] < b):
                        continue
                    pi, pj = i - a, j - b
                    if pj < lo[pi] or pj > hi[pi]:
                        continue
                    prev = row[pj - lo[i]] if a == 0 else best[pi][pj - lo[pi]]
                    if prev == inf:
                        continue
                    c = prev + self.cost(i, j, a, b)
                    if c < cell:
                        cell, choice = c, (a, b)
                row[j - lo[i]] = cell
                brow[j - lo[i]] = choice
            best.append(row)
            back.append(brow)
        if best[n][m - lo[n]] == inf:
            # the corner cannot be reached inside this band (one sentence against fifty, say):
            # say the band was touched, so that the caller widens it; at full width, leave every
            # sentence unaligned rather than follow an empty back-pointer forever
            return _unaligned(n, m), True
        path: list[Bead] = []
        touched = False
        i, j = n, m
        while i or j:
            if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
                touched = True
            a, b = back[i][j - lo[i]]
            if a == 0 and b == 0:  # cannot happen on a reachable path; never loop on it
                return _unaligned(n, m), True
            path.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j))))
            i, j = i - a, j - b
        path.reverse()
        return path, touched
