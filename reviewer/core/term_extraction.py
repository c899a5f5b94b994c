"""Candidate terms: frequent phrases of a batch that no concept of the termbase covers.

A terminology manager reviewing a batch wants to know what the termbase is missing,
not only what it flags: the political phrases that recur in the English (and, when
the batch has its Chinese source, in the Chinese) but that no concept matches.

English candidates are word n-grams of 2 to ``max_words`` words that stay inside a
stretch of text with no punctuation, do not begin or end with a function word, and
overlap no term hit (exact, inflected or near) of the termbase. Chinese candidates
are runs of 1 to 4 jieba words (the termbase's own terms added to jieba's
dictionary), 3 to 12 Chinese characters long, that begin and end with no function
word and overlap no source term hit.

Candidates are ranked by C-value (Frantzi, Ananiadou and Mima, "Automatic
recognition of multi-word terms: the C-value/NC-value method", International
Journal on Digital Libraries 3(2), 2000): ``log2(length + 1) * (f(a) - mean f(b))``
over the longer candidates ``b`` that contain ``a``. Length counts words for English
and characters / 2 for Chinese; the ``+ 1`` lets a one-word Chinese candidate score.
A phrase that never occurs outside one longer candidate (as often as the longer one)
is left out, so "Mongolia Autonomous Region" gives way to "Inner Mongolia Autonomous
Region". Measured on the 1,648 WMT outputs of political news: see
``tests/core/test_term_extraction.py``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.checks import SegmentText
from reviewer.core.matching import TermMatcher
from reviewer.core.source_matching import source_matcher_for
from reviewer.core.text import normalize, tokenize

#: English function words no candidate begins or ends with.
EN_STOPWORDS = frozenset(
    """a an the and or but nor of to in on at by for from with without into onto upon as than
    that this these those which who whom whose what when where while is are was were be been
    being am has have had do does did will would shall should can could may might must it its
    their them they we our us you your he his she her him i my me also very more most such so
    not no all any some each every other both either neither one two three first second new
    said says say about over under after before between among through during against within
    there here then thus well just only even up out off again further once per via""".split()
)

#: Chinese function words no candidate begins or ends with.
ZH_STOPWORDS = frozenset(
    "的 了 和 与 及 以及 并 并且 或 是 在 对 把 被 为 将 要 也 都 就 又 还 从 向 于 以 等 个 这 那 其 之 "
    "中 上 下 着 过 我们 我 你 他 她 它 他们 不 没有 有 让 使 由 给 同 跟 而 但 却 所 地 得 会 能 可以 "
    "进一步 不断 全面 加强 推进 坚持 深入 积极 持续 切实".split()
)

_CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")
_BETWEEN_OK = re.compile(r"^[ \u00a0\-‐‑–]*$")  # what may stand between two words of one phrase


@dataclass(frozen=True, slots=True)
class Candidate:
    """A frequent phrase that no concept covers.

    Attributes:
        text: its most frequent written form.
        language: ``"en"`` (target) or ``"zh"`` (source).
        count: occurrences in the batch.
        documents: how many documents it occurs in.
        score: C-value (see the module docstring); higher is more term-like.
        places: ``(document key, segment id)`` of up to 20 occurrences, in reading order.
    """

    text: str
    language: str
    count: int
    documents: int
    score: float
    places: tuple[tuple[str, str], ...] = field(default=())


@dataclass
class _Tally:
    count: int = 0
    length: float = 1.0
    forms: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    places: list[tuple[str, str]] = field(default_factory=list)

    def add(self, form: str, unit: SegmentText) -> None:
        self.count += 1
        self.forms[form] += 1
        self.documents.add(unit.document)
        if len(self.places) < 20 and (unit.document, unit.segment) not in self.places:
            self.places.append((unit.document, unit.segment))


def extract_candidates(
    units: Sequence[SegmentText],
    matcher: TermMatcher,
    min_count: int = 3,
    max_words: int = 5,
    limit: int = 200,
) -> list[Candidate]:
    """The batch's candidate terms, best first (English and Chinese mixed by score).

    Args:
        units: the segments (their current text, and the Chinese source when there is one).
        matcher: the termbase matcher; what it recognises is not a candidate.
        min_count: fewest occurrences for a candidate (a phrase seen once is never one: values
            below 2 count as 2).
        max_words: longest English candidate, in words.
        limit: most candidates returned.

    Returns:
        At most ``limit`` candidates with a positive score and at least ``min_count``
        occurrences, by score, then count, then text.
    """
    english: dict[tuple[str, ...], _Tally] = defaultdict(_Tally)
    chinese: dict[tuple[str, ...], _Tally] = defaultdict(_Tally)
    sources = source_matcher_for(matcher) if any(u.source for u in units) else None
    cut: dict[str, tuple[list[tuple[str, int, int]], list[tuple[int, int]]]] = {}  # a source shared by several MT outputs is cut once
    for unit in units:
        _english_ngrams(unit, matcher, max_words, english)
        if sources is not None and unit.source:
            if unit.source not in cut:
                cut[unit.source] = (sources.words(unit.source), [(h.start, h.end) for h in sources.match(unit.source)])
            _chinese_ngrams(unit, *cut[unit.source], chinese)
    found = _ranked(english, "en", min_count) + _ranked(chinese, "zh", min_count)
    found.sort(key=lambda c: (-c.score, -c.count, c.text))
    return found[:limit]


def _english_ngrams(unit: SegmentText, matcher: TermMatcher, max_words: int, tallies: dict[tuple[str, ...], _Tally]) -> None:
    norm = normalize(unit.text)
    tokens = tokenize(norm.text)
    if len(tokens) < 2:
        return
    covered = [(h.start, h.end) for h in matcher.match(unit.text)]

    def original(i: int) -> int:
        return norm.offsets[i] if i < len(norm.offsets) else len(unit.text)

    # runs of tokens with nothing but spaces or hyphens between them
    runs: list[list[int]] = [[0]]
    for i in range(1, len(tokens)):
        if _BETWEEN_OK.match(norm.text[tokens[i - 1].end : tokens[i].start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        for a in range(len(run)):
            first = tokens[run[a]]
            if first.lower in EN_STOPWORDS or not _wordlike(first.lower):
                continue
            for b in range(a + 1, min(a + max_words, len(run))):
                last = tokens[run[b]]
                if last.lower in EN_STOPWORDS or not _wordlike(last.lower):
                    continue
                start, end = original(first.start), original(last.end - 1) + 1
                if any(s < end and start < e for s, e in covered):
                    break  # a longer n-gram from here would overlap the hit too
                key = tuple(tokens[run[k]].lower for k in range(a, b + 1))
                if any(key[k] in _CONJUNCTIONS and key[k + 1] in EN_STOPWORDS for k in range(len(key) - 1)):
                    continue  # "... and the ...": two phrases, not one
                if len(set(key)) == 1:
                    continue  # "Discipline Discipline": an MT fault (the repetition check's), not a term
                tally = tallies[key]
                tally.length = len(key)
                tally.add(unit.text[start:end], unit)


def _chinese_ngrams(unit: SegmentText, words: list[tuple[str, int, int]], covered: list[tuple[int, int]], tallies: dict[tuple[str, ...], _Tally]) -> None:
    for a in range(len(words)):
        if words[a][0] in ZH_STOPWORDS or not _CJK.match(words[a][0]):
            continue
        for b in range(a, min(a + 4, len(words))):
            if not _CJK.match(words[b][0]):
                break
            start, end = words[a][1], words[b][2]
            if any(s < end and start < e for s, e in covered):
                break
            if words[b][0] in ZH_STOPWORDS or not 3 <= end - start <= 12:
                continue
            if b > a and (len(words[a][0]) < 2 or len(words[b][0]) < 2):
                continue  # a phrase cut in the middle of a name or a compound
            key = tuple(w for w, _, _ in words[a : b + 1])
            tally = tallies[key]
            tally.length = (end - start) / 2
            tally.add(unit.source[start:end] if unit.source else "".join(key), unit)


def _wordlike(word: str) -> bool:
    return len(word) >= 2 and any(ch.isalpha() for ch in word)


def _ranked(tallies: dict[tuple[str, ...], _Tally], language: str, min_count: int) -> list[Candidate]:
    """C-value over the tallies (only phrases seen at least twice take part)."""
    frequent = {k: t for k, t in tallies.items() if t.count >= 2}
    nested_sum: dict[tuple[str, ...], int] = defaultdict(int)
    nested_n: dict[tuple[str, ...], int] = defaultdict(int)
    nested_max: dict[tuple[str, ...], int] = defaultdict(int)
    for key, tally in frequent.items():
        for size in range(1, len(key)):
            for i in range(len(key) - size + 1):
                inner = key[i : i + size]
                if inner in frequent:
                    nested_sum[inner] += tally.count
                    nested_n[inner] += 1
                    nested_max[inner] = max(nested_max[inner], tally.count)
    out = []
    for key, tally in frequent.items():
        if tally.count < min_count or nested_max[key] >= tally.count:
            continue  # rare, or never seen outside a longer candidate
        weight = math.log2(tally.length + 1)
        inside = nested_sum[key] / nested_n[key] if nested_n[key] else 0.0
        score = weight * (tally.count - inside)
        if score <= 0:
            continue
        out.append(Candidate(tally.forms.most_common(1)[0][0], language, tally.count, len(tally.documents), round(score, 2), tuple(tally.places)))
    return out
