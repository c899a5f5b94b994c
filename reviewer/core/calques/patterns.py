"""Gloss patterns: literal renderings of a concept found from the glosses of its Chinese parts.

A concept's main Chinese term is cut into parts (jieba's dictionary; a part CC-CEDICT
lacks is cut again into words it has, down to characters), and each part gets the
English glosses CC-CEDICT gives it (:func:`.dictionary.glosses`). An English span is a
*candidate literal rendering* of the concept when

* every part is rendered by at least one word of the span that is a gloss of it
  (compared by Snowball stem, so ``construction`` renders ``建设`` through ``construct``),
  in any order; a term that is one CC-CEDICT word (党组, 基层) has no pattern, since its
  characters' glosses would make one of other concepts' standard renderings ("Party
  organizations" from 党 and 组);
* the span is short: its glossed words with at most three function words and (for three
  parts or more) one other word between them, inside one clause (no ``.;:!?``, comma, bracket or quote between);
* its words are not just the words of an acceptable term of the concept in another order,
  and it neither lies inside an acceptable term hit of any concept (nor has it fewer than
  two parts whose words lie outside such hits) nor overlaps a hit of
  a listed variant (that one is ``term-forbidden``'s or ``term-nonstandard``'s finding).

The confidence of a span is ``1 - prod(1 - s)`` over the parts, ``s`` being the
:func:`.dictionary.specificity` of the most specific word rendering the part: glosses
like ``party``, ``work``, ``government`` count for little, ``masses`` or
``comprehensively`` for much; a word that CC-CEDICT gives only inside a longer gloss
(``strategic`` in ``strategic decision``) counts at 0.6 of that. Parts that the concept's preferred term renders with the
same word count for nothing (they are not literal where the standard is free).

A term entry can override its pattern with its ``gloss_pattern`` field
(TBX ``admin type="x-glossPattern"``), items separated by ``;`` or new lines:

* ``off``: no pattern for this concept;
* ``parts: 党风 廉政 建设``: the Chinese parts, instead of jieba's cut;
* ``党风: party style, party conduct``: more glosses of a part (a part not in the cut
  is added);
* ``ignore: way, drive``: glosses never to count.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from reviewer.core.calques.dictionary import FUNCTION_WORDS, glosses, has_entry, specificity
from reviewer.core.chinese import plain_words
from reviewer.core.matching import STOPWORDS, TermHit, TermMatcher
from reviewer.core.source_matching import to_simplified
from reviewer.core.termbase.model import Concept
from reviewer.core.text import NormalizedText, Token, normalize, stem, tokenize

#: Chinese characters that are grammar, not content: never a part of their own.
_FUNCTION_CHARS = frozenset("的之和与及个了着在是对把被为以而或等")

#: Glosses too vague to stand for a part (what is left of "all-around", "to carry out" ...).
_VAGUE = frozenset(stem(w) for w in "around carry out thing matter aspect item kind sort way some few individual certain good well".split())

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_BREAK = re.compile(r"[.;:!?,()\[\]{}\"“”«»]|\s[-–—]\s")

MAX_FUNCTION_GAP = 3
CHARACTER_SENSES = 3
LOOSE_WEIGHT = 0.6
MAX_OTHER_WORDS = 1


@dataclass(frozen=True, slots=True)
class GlossPart:
    """One Chinese part of a term and the stems of its English glosses.

    Attributes:
        zh: the part (Simplified).
        stems: Snowball stems of its gloss words.
        literal: the concept's preferred term renders the part with one of these words.
        loose: the stems that occur only in glosses of several words ("strategic" of
            决策's "strategic decision"): they count at :data:`LOOSE_WEIGHT` of their weight.
    """

    zh: str
    stems: frozenset[str]
    literal: bool = False
    loose: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GlossPattern:
    """The literal-rendering pattern of one concept.

    Attributes:
        concept: the term entry.
        parts: its Chinese parts, in order (two or more).
        standard: the content stems of each acceptable English term of the concept.
        preferred: the content stems of its preferred term.
    """

    concept: Concept
    parts: tuple[GlossPart, ...]
    standard: tuple[frozenset[str], ...]
    preferred: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class LiteralRendering:
    """A span that renders a concept word for word.

    Attributes:
        pattern: the concept's gloss pattern.
        start: offset in the original segment text (characters).
        end: exclusive end offset.
        text: the span as written.
        glosses: ``(English word, Chinese part)`` for each word that renders a part, in text order.
        confidence: 0-1, see the module docstring.
    """

    pattern: GlossPattern
    start: int
    end: int
    text: str
    glosses: tuple[tuple[str, str], ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class GlossOverride:
    """A term entry's own settings for its pattern (see the module docstring)."""

    off: bool = False
    parts: tuple[str, ...] = ()
    extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ignore: frozenset[str] = frozenset()


def parse_override(text: str) -> GlossOverride:
    """Read a ``gloss_pattern`` field.

    Raises:
        ValueError: an item that is none of ``off``, ``parts: ...``, ``ignore: ...`` or
            ``CHINESE: glosses``, with the item named.
    """
    off = False
    parts: tuple[str, ...] = ()
    extra: list[tuple[str, tuple[str, ...]]] = []
    ignore: set[str] = set()
    for raw in re.split(r"[;\n]", text):
        item = raw.strip()
        if not item:
            continue
        if item.lower() in ("off", "none", "no pattern"):
            off = True
            continue
        key, sep, value = item.partition(":")
        if not sep:
            raise ValueError(f"gloss pattern item “{item}”: write off, parts: ..., ignore: ... or CHINESE: glosses")
        key = key.strip()
        words = tuple(w.strip() for w in value.split(",") if w.strip())
        if key.lower() == "parts":
            parts = tuple(value.split())
        elif key.lower() == "ignore":
            ignore |= {stem(w.lower()) for w in words}
        elif _CJK.fullmatch(key):
            extra.append((to_simplified(key), words))
        else:
            raise ValueError(f"gloss pattern item “{item}”: “{key}” is not Chinese, parts or ignore")
    return GlossOverride(off, parts, tuple(extra), frozenset(ignore))


def split_part(piece: str) -> list[str]:
    """``piece`` as words CC-CEDICT has: itself if it has glosses, else the fewest known
    words that make it up (``从严治党`` -> ``从严``, ``治党``... down to characters), leaving
    out characters that are grammar."""
    if glosses(piece):
        return [piece]
    n = len(piece)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, n + 1):
            word = piece[i:j]
            if j - i > 1 and not has_entry(word):
                continue
            known = bool(glosses(word)) and word not in _FUNCTION_CHARS
            cand = [*(best[i] or []), *([word] if known else [])]
            if known or j - i == 1:
                if best[j] is None or len(cand) < len(best[j] or []) or (len(cand) == len(best[j] or []) and cand and len(cand[-1]) > 1):
                    best[j] = cand
    return best[n] or []


def build_pattern(concept: Concept) -> GlossPattern | None:
    """The gloss pattern of ``concept``, or ``None`` when it has none: no Chinese term,
    fewer than two parts with glosses, no acceptable English term, or ``off``.

    Raises:
        ValueError: the concept's ``gloss_pattern`` field cannot be read.
    """
    override = parse_override(concept.gloss_pattern) if concept.gloss_pattern else GlossOverride()
    if override.off or not concept.zh or not concept.preferred_text:
        return None
    zh = to_simplified(concept.source_term)
    if override.parts:
        pieces = [to_simplified(p) for p in override.parts]
    else:
        pieces = []
        for chunk in _CJK.findall(zh):
            words = [w for w in plain_words(chunk) if w not in _FUNCTION_CHARS]
            for w in words:
                pieces.extend(split_part(w))
    extra = {zh_part: words for zh_part, words in override.extra}
    for zh_part in extra:
        if zh_part not in pieces:
            pieces.append(zh_part)
    standard_words = [_content_stems(t.text) for t in concept.en if t.status.acceptable]
    preferred = _content_stems(concept.preferred_text)
    parts: list[GlossPart] = []
    for piece in pieces:
        # a character's first senses only: CC-CEDICT lists a character's main meanings first,
        # and its tail (省: "to save", "to economize", "to leave out") is noise
        senses = glosses(piece) if len(piece) > 1 else glosses(piece)[:CHARACTER_SENSES]
        stems = {stem(w) for g in senses for w in g}
        tight = {stem(g[0]) for g in senses if len(g) == 1}
        for w in extra.get(piece, ()):
            stems |= _content_stems(w)
            tight |= _content_stems(w)
        stems -= override.ignore | _VAGUE
        stems = {s for s in stems if s not in STOPWORDS}
        if stems:
            parts.append(GlossPart(piece, frozenset(stems), bool(stems & preferred), frozenset(stems - tight)))
    if len(parts) < 2:
        return None
    return GlossPattern(concept, tuple(parts), tuple(frozenset(s) for s in standard_words), preferred)


def _content_stems(text: str) -> frozenset[str]:
    return frozenset(t.stem for t in tokenize(normalize(text).text) if t.lower not in FUNCTION_WORDS and t.stem not in STOPWORDS)


class LiteralDetector:
    """Finds literal renderings of the concepts of a matcher's termbases.

    Args:
        matcher: the term matcher; its termbases give the concepts, in priority order.

    Attributes:
        patterns: one per concept that has one.
        errors: ``(concept id, message)`` for concepts whose ``gloss_pattern`` could not be read.
    """

    def __init__(self, matcher: TermMatcher) -> None:
        self.patterns: list[GlossPattern] = []
        self.errors: list[tuple[str, str]] = []
        seen: set[str] = set()
        for tb in matcher.termbases:
            for concept in tb.concepts:
                if concept.id in seen:
                    continue
                seen.add(concept.id)
                try:
                    pattern = build_pattern(concept)
                except ValueError as exc:
                    self.errors.append((concept.id, str(exc)))
                    continue
                if pattern is not None:
                    self.patterns.append(pattern)
        self._index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for n, pattern in enumerate(self.patterns):
            for k, part in enumerate(pattern.parts):
                for s in part.stems:
                    self._index[s].append((n, k))

    def find(self, text: str, hits: Sequence[TermHit] = ()) -> list[LiteralRendering]:
        """Literal renderings in ``text``, not overlapping each other, in text order.

        Args:
            text: one segment's target.
            hits: the segment's term hits (:meth:`TermMatcher.match`), for the suppression rules.
        """
        norm = normalize(text)
        toks = tokenize(norm.text)
        if len(toks) < 2:
            return []
        occurrences: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for i, tok in enumerate(toks):
            for n, k in self._index.get(tok.stem, ()):
                occurrences[n].append((i, k))
        breaks = [bool(_BREAK.search(norm.text[a.end : b.start])) for a, b in zip(toks, toks[1:])]
        found: list[LiteralRendering] = []
        for n, occ in occurrences.items():
            pattern = self.patterns[n]
            if len({k for _, k in occ}) < len(pattern.parts):
                continue
            glossed = {i for i, _ in occ}
            for a, b in _windows(occ, len(pattern.parts), toks, breaks):
                while a > 0 and a - 1 in glossed and not breaks[a - 1]:
                    a -= 1  # the whole run of glossed words: "construction of work style"
                while b + 1 < len(toks) and b + 1 in glossed and not breaks[b]:
                    b += 1
                matched = [(i, k) for i, k in occ if a <= i <= b]
                rendering = self._rendering(pattern, norm, toks, a, b, matched, hits)
                if rendering is not None:
                    found.append(rendering)
        found.sort(key=lambda r: (-r.confidence, r.start))
        chosen: list[LiteralRendering] = []
        for r in found:
            if not any(r.start < c.end and c.start < r.end for c in chosen):
                chosen.append(r)
        chosen.sort(key=lambda r: r.start)
        return chosen

    def _rendering(self, pattern: GlossPattern, norm: NormalizedText, toks: list[Token], a: int, b: int, matched: list[tuple[int, int]], hits: Sequence[TermHit]) -> LiteralRendering | None:
        span_stems = {t.stem for t in toks[a : b + 1] if t.lower not in FUNCTION_WORDS and t.stem not in STOPWORDS}
        if any(span_stems <= s for s in pattern.standard):
            return None  # the standard's own words, in another order
        start, end = norm.to_original(toks[a].start, toks[b].end)
        for h in hits:
            if h.acceptable and h.start <= start and end <= h.end:
                return None  # inside a correct rendering
            if h.start < end and start < h.end and (not h.acceptable or h.concept.id == pattern.concept.id):
                return None  # a listed variant (flagged by the list lookup) or the concept itself
        own_zh = [t.text for t in pattern.concept.zh]
        # correct renderings of other concepts, except of those the concept is built from (市委 in 市委宣讲团)
        good = [(h.start, h.end) for h in hits if h.acceptable and not any(z.text in own for z in h.concept.zh for own in own_zh)]
        if good:
            outside = {k for i, k in matched if not any(gs <= o[0] and o[1] <= ge for gs, ge in good for o in [norm.to_original(toks[i].start, toks[i].end)])}
            if len(outside) < 2:
                # all parts but one are words of correct renderings of other concepts: "plenary session of
                # the 20th Central Commission for Discipline Inspection", "the great rejuvenation of the
                # Chinese nation to establish"
                return None
        best: dict[int, float] = {}
        for i, k in matched:
            part = pattern.parts[k]
            if part.literal and toks[i].stem in pattern.preferred:
                s = 0.0  # the standard renders this part with the same word
            else:
                s = specificity(toks[i].lower) * (LOOSE_WEIGHT if toks[i].stem in part.loose else 1.0)
            best[k] = max(best.get(k, 0.0), s)
        miss = 1.0
        for s in best.values():
            miss *= 1.0 - s
        words = tuple((toks[i].surface, pattern.parts[k].zh) for i, k in sorted(matched))
        return LiteralRendering(pattern, start, end, norm.original[start:end], words, round(1.0 - miss, 3))


def _windows(occ: list[tuple[int, int]], parts: int, toks: list[Token], breaks: list[bool]) -> list[tuple[int, int]]:
    """The shortest token spans ``(first, last)`` in which every part has a word, inside one
    clause, with few other words between (see the module docstring)."""
    positions = sorted({i for i, _ in occ})
    by_token: dict[int, set[int]] = defaultdict(set)
    for i, k in occ:
        by_token[i].add(k)
    out: list[tuple[int, int]] = []
    for x, a in enumerate(positions):
        covered: set[int] = set()
        for b in positions[x:]:
            if b > a and breaks[b - 1]:
                break
            if b - a + 1 > parts + MAX_FUNCTION_GAP + MAX_OTHER_WORDS + 2:
                break
            covered |= by_token[b]
            if len(covered) == parts:
                inner = [toks[i] for i in range(a, b + 1) if i not in by_token]
                others = sum(1 for t in inner if t.lower not in FUNCTION_WORDS)
                allowed = MAX_OTHER_WORDS if parts > 2 else 0  # two glosses with a stranger between say little
                if others <= allowed and len(inner) - others <= MAX_FUNCTION_GAP and not any(breaks[a:b]):
                    out.append((a, b))
                break
    return out


_detectors: WeakKeyDictionary[TermMatcher, LiteralDetector] = WeakKeyDictionary()
_detectors_lock = threading.Lock()


def detector_for(matcher: TermMatcher) -> LiteralDetector:
    """The detector of ``matcher``'s termbases, built once per matcher."""
    with _detectors_lock:
        d = _detectors.get(matcher)
        if d is None:
            d = _detectors[matcher] = LiteralDetector(matcher)
        return d


__all__ = ["GlossOverride", "GlossPart", "GlossPattern", "LiteralDetector", "LiteralRendering", "build_pattern", "detector_for", "parse_override", "split_part"]
