"""Term recognition in English target text: exact, inflected, case-checked and fuzzy.

:class:`TermMatcher` finds every English term of the loaded termbases in a
segment and returns :class:`TermHit` objects with character offsets into the
*original* segment text (end exclusive).

Rules (documented for reviewers in the README):

* Matching runs on the normalised text of :mod:`reviewer.core.text`, so quotes,
  dashes, odd spaces and zero-width characters never hide a term.
* Tokens must line up: ``port`` is never found inside ``passport``, and a match
  may not start or end inside a hyphenated compound. Between the words of a term
  the text may have only spaces, hyphens or apostrophes, the punctuation the term
  itself has there (``No. 1``), and a comma before ``and``/``or``.
* ``inflected`` terms (the default) match on Snowball stems, so plurals and verb
  forms match; ``exact`` terms need the same words. Case is ignored unless the
  term is case-sensitive; then the capitals the term has must be in the text
  (extra capitals, as in titles or at the start of a sentence, are allowed), and
  a miss is reported as a ``case`` variant.
* The longest match wins; a span covered by a longer term is not matched again by
  a shorter one. On the same span a term whose words are exactly those of the
  text beats one matched only by stems, and an earlier termbase beats a later one.
* Near misses: a span of uncovered tokens that is close to a term of two or more
  words (``rapidfuzz`` ``ratio`` or ``token_sort_ratio``, whichever is higher, at or
  above the threshold: the term's own, else its termbase's, else 88) is
  reported with its score and a classification. Numbers must agree exactly, so
  ``19th CPC National Congress`` is never a near miss of the 20th. A candidate
  span has the term's number of words or one more (one fewer only for terms of
  four or more words), and all but one of the term's content words must occur
  in the segment. Terms with ``and``/``or`` get no word-order near misses (the
  order of coordinated words is free), and a possessive or one inserted proper
  name is not a near miss.
"""

from __future__ import annotations

from functools import lru_cache

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reviewer.core.termbase.model import Concept, MatchMode, Term, Termbase
from reviewer.core.text import NormalizedText, Token, normalize, tokenize

DEFAULT_FUZZY_THRESHOLD = 88.0
#: the lowest similarity (0-100) of a near miss made of a term's own stems in other words
#: ("two establishments" for "Two Establishes", 93); below it the words are other words
MIN_SAME_STEM_SCORE = 80.0


#: Words that never anchor a fuzzy candidate on their own.
STOPWORDS = frozenset(
    "a an and as at by for from in into of on or the to with its it is are be was were that this s".split()
)


class HitKind(str, Enum):
    """How a term was recognised."""

    EXACT = "exact"  # same words (case-insensitive unless case-sensitive)
    INFLECTED = "inflected"  # same stems, different word forms
    CASE = "case"  # a case-sensitive term written with the wrong capitals
    NEAR = "near"  # fuzzy near miss, see TermHit.score and .classification


_KIND_ORDER = {HitKind.EXACT: 0, HitKind.INFLECTED: 1, HitKind.CASE: 2, HitKind.NEAR: 3}


def is_inflection(word: str, base: str) -> bool:
    """True when lower-case ``word`` is ``base`` or a regular inflection of it.

    Accepted: identity; plural or third person (``-s``, ``-es``, ``-ies``/``-y``);
    past and participles (``-ed``, ``-d``, ``-ing``, with a final ``e`` dropped);
    possessive ``s`` is a separate token already. Derivations that share a stem
    (``establishment`` / ``establishes``) are not inflections.
    """
    if word == base:
        return True
    a, b = (word, base) if len(word) >= len(base) else (base, word)
    for suffix in ("s", "es", "ed", "d", "ing"):
        if a == b + suffix:
            return True
    if a.endswith("ies") and b.endswith("y") and a[:-3] == b[:-1]:
        return True
    if b.endswith("e") and (a == b[:-1] + "ing" or a == b[:-1] + "ed"):
        return True
    return a.endswith("ied") and b.endswith("y") and a[:-3] == b[:-1]


def inflections(base: str) -> frozenset[str]:
    """Every lower-case word ``w`` with :func:`is_inflection` ``(w, base)``: ``implement`` gives
    ``implement``, ``implements``, ``implemented``, ``implementing``, ... (a set lookup in place
    of a call per token)."""
    cands = {base, *(base + s for s in ("s", "es", "ed", "d", "ing"))}
    cands |= {base[: -len(s)] for s in ("s", "es", "ed", "d", "ing") if base.endswith(s)}
    if base.endswith("y"):
        cands |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith(("ies", "ied")):
        cands.add(base[:-3] + "y")
    if base.endswith("e"):
        cands |= {base[:-1] + "ing", base[:-1] + "ed"}
    if base.endswith("ing"):
        cands.add(base[:-3] + "e")
    if base.endswith("ed"):
        cands.add(base[:-2] + "e")
    return frozenset(c for c in cands if c and is_inflection(c, base))


@dataclass(frozen=True, slots=True)
class TermHit:
    """One recognised term (or near miss) in a segment.

    Attributes:
        concept: the term entry.
        term: the term of the entry that matched (or that the near miss is close to).
        start: offset of the span in the original segment text (characters).
        end: exclusive end offset.
        text: the span as written in the segment.
        kind: how it matched.
        score: similarity 0-100 (100 for exact, inflected and case hits).
        classification: for ``NEAR`` hits: ``"spelling"``, ``"word order"``,
            ``"partial"`` or ``"inflection"``; ``"case"`` for ``CASE`` hits; ``""``
            otherwise. A near or case hit of a deprecated, superseded or forbidden
            term adds its status: ``"spelling, forbidden variant"``.
    """

    concept: Concept
    term: Term
    start: int
    end: int
    text: str
    kind: HitKind
    score: float = 100.0
    classification: str = ""

    @property
    def acceptable(self) -> bool:
        """True when this is a correct rendering that no check should flag."""
        return self.kind in (HitKind.EXACT, HitKind.INFLECTED) and self.term.status.acceptable


@dataclass(frozen=True, slots=True)
class _Compiled:
    concept: Concept
    term: Term
    lowers: tuple[str, ...]
    stems: tuple[str, ...]
    key: str
    digits: tuple[str, ...]
    rank: int  # termbase priority, then file order
    gap_chars: tuple[frozenset[str], ...]  # punctuation the text may have in each gap (the term's own, and commas)
    content: frozenset[str]  # stems that are not stopwords
    content_words: tuple[tuple[str, str], ...]  # (stem, first three letters) of each content word
    content_prefixes: frozenset[str]  # the first three letters of each content word
    content_groups: tuple[tuple[str, tuple[str, ...]], ...]  # each content stem with the first three letters of its words
    coordinated: bool  # has "and"/"or": word order is free, no word-order near misses
    threshold: float | None  # the term's or its termbase's near-miss threshold


class TermMatcher:
    """Finds the English terms of one or more termbases in text.

    Args:
        termbases: in priority order (the first wins where two match the same span).
        fuzzy_threshold: minimum ``fuzz.ratio`` (0-100) for a near miss; ``None``
            turns near-miss detection off.
    """

    def __init__(self, termbases: Sequence[Termbase], fuzzy_threshold: float | None = DEFAULT_FUZZY_THRESHOLD) -> None:
        self.termbases = list(termbases)
        self.fuzzy_threshold = fuzzy_threshold
        self._by_first_stem: dict[str, list[_Compiled]] = defaultdict(list)
        # anchor stem -> first three letters of one of the term's content words -> terms
        self._by_content_stem: dict[str, dict[str, list[_Compiled]]] = defaultdict(lambda: defaultdict(list))
        self._by_first_two: dict[tuple[str, str], list[_Compiled]] = defaultdict(list)
        self.concepts: dict[str, Concept] = {}
        fuzzy_terms: list[_Compiled] = []
        rank = 0
        for tb in self.termbases:
            for concept in tb.concepts:
                self.concepts.setdefault(concept.id, concept)
                for term in concept.en:
                    if term.match is MatchMode.SOURCE:
                        continue  # a rendering of a source term only (term-missing)
                    toks = tokenize(normalize(term.text).text)
                    if not toks:
                        continue
                    rank += 1
                    c = _Compiled(
                        concept=concept,
                        term=term,
                        lowers=tuple(t.lower for t in toks),
                        stems=tuple(t.stem for t in toks),
                        key=" ".join(t.lower for t in toks),
                        digits=_numbers(toks),
                        rank=rank,
                        gap_chars=_term_gaps(normalize(term.text).text, toks),
                        content=frozenset(t.stem for t in toks) - STOPWORDS,
                        content_words=tuple((t.stem, t.lower[:3]) for t in toks if t.stem not in STOPWORDS),
                        content_prefixes=frozenset(t.lower[:3] for t in toks if t.stem not in STOPWORDS),
                        content_groups=_content_groups(toks),
                        coordinated=any(t.lower in ("and", "or") for t in toks),
                        threshold=term.threshold if term.threshold is not None else tb.fuzzy_threshold,
                    )
                    if len(c.stems) == 1:
                        self._by_first_stem[c.stems[0]].append(c)
                    else:  # most terms: looked up by their first two words at once
                        self._by_first_two[(c.stems[0], c.stems[1])].append(c)
                    if len(toks) >= 2 and len(c.key) >= 8 and term.match is not MatchMode.EXACT:
                        fuzzy_terms.append(c)
        # A near miss keeps all but at most one content word exactly (a second one may only be
        # misspelt), so each term is indexed under its two rarest content words: any near miss
        # has one of them, and common words such as "development" anchor few terms.
        # Under each anchor, a term is filed by the rarest first three letters of its content words,
        # which the segment must have too (see _near_misses): the anchor's terms are looked at only
        # under the first letters the segment has.
        frequency: dict[str, int] = defaultdict(int)
        prefix_frequency: dict[str, int] = defaultdict(int)
        for c in fuzzy_terms:
            for s in c.content:
                frequency[s] += 1
            for pre in c.content_prefixes:
                prefix_frequency[pre] += 1
        for c in fuzzy_terms:
            rarest = min(c.content_prefixes, key=lambda x: (prefix_frequency[x], x), default="")
            for s in sorted(c.content, key=lambda x: (frequency[x], x))[:2]:
                self._by_content_stem[s][rarest].append(c)

    def match(self, text: str) -> list[TermHit]:
        """All term hits and near misses in ``text``, ordered by start offset.

        Hits never overlap each other.
        """
        norm = normalize(text)
        toks = tokenize(norm.text)
        exact = self._exact_hits(norm, toks)
        covered = [0] * len(toks)  # token count of the hit covering each token
        for _, (i, j) in exact:
            for k in range(i, j):
                covered[k] = j - i
        hits = [h for h, _ in exact]
        if self.fuzzy_threshold is not None:
            near = self._near_misses(norm, toks, covered)
            # a near miss of a long term swallows one-word hits inside it ("CPC" in "20th CPC Nationl Congress")
            hits = [h for h in hits if not any(n.start <= h.start and h.end <= n.end for n in near)]
            hits.extend(near)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    # -- exact and inflected -------------------------------------------------

    def _exact_hits(self, norm: NormalizedText, toks: list[Token]) -> list[tuple[TermHit, tuple[int, int]]]:
        found: list[tuple[tuple[int, ...], TermHit, tuple[int, int]]] = []
        for i, tok in enumerate(toks):
            if tok.hyphen_before:
                continue
            bigram = self._by_first_two.get((tok.stem, toks[i + 1].stem), ()) if i + 1 < len(toks) else ()
            for c in (*self._by_first_stem.get(tok.stem, ()), *bigram):
                n = len(c.stems)
                j = i + n
                if j > len(toks) or toks[j - 1].hyphen_after:
                    continue
                window = toks[i:j]
                if tuple(t.stem for t in window) != c.stems:
                    continue
                if not _gaps_ok(norm.text, window, c.gap_chars):
                    continue
                lowers = tuple(t.lower for t in window)
                same_words = lowers == c.lowers
                if c.term.match is MatchMode.EXACT and not same_words:
                    continue
                score, classification = 100.0, ""
                if same_words:
                    kind = HitKind.EXACT
                elif all(is_inflection(w, t) for w, t in zip(lowers, c.lowers)):
                    kind = HitKind.INFLECTED
                elif n == 1:
                    continue  # one word with the same stem is another word (mayoral / mayor)
                else:  # same stems, but a different word (establishment / establishes)
                    kind = HitKind.NEAR
                    score, classification = round(fuzz.ratio(" ".join(lowers), c.key), 1), "inflection"
                    if score < MIN_SAME_STEM_SCORE:
                        continue  # "new industries" is no near miss of "new industrialization"
                    if c.term.status.acceptable and c.term.text.islower():
                        continue  # a correct term fitted to the sentence: "the study and implementation of" for "study and implement"
                if kind is not HitKind.NEAR and c.term.case_sensitive and not _capitals_ok(window, c.term.text):
                    if n == 1 and _ordinary_word(lowers[0]):
                        continue  # an everyday word in other capitals is that word: "on" is not ON, "us" not US
                    kind = HitKind.CASE  # "cpc" for CPC, "four consciousnesses" for the formula
                start, end = norm.to_original(window[0].start, window[-1].end)
                if kind is HitKind.CASE:
                    classification = "case"
                hit = TermHit(c.concept, c.term, start, end, norm.original[start:end], kind, score, _with_status(classification, c.term))
                distance = Levenshtein.distance(" ".join(lowers), c.key)
                # the same words first, whatever their capitals: "four consciousnesses" is the formula in
                # lower case (a case hit), not the listed singular "four consciousness" inflected
                order = (-(end - start), distance, _KIND_ORDER[kind], c.rank, i)
                found.append((order, hit, (i, j)))
        found.sort(key=lambda x: x[0])
        taken = [False] * len(toks)
        chosen: list[tuple[TermHit, tuple[int, int]]] = []
        for _, hit, (i, j) in found:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            chosen.append((hit, (i, j)))
        return chosen

    # -- near misses ---------------------------------------------------------

    def _near_misses(self, norm: NormalizedText, toks: list[Token], covered: list[int]) -> list[TermHit]:
        threshold = float(self.fuzzy_threshold or 0)
        positions: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(toks):
            if covered[i] <= 1:
                positions[t.stem].append(i)
        gaps = [norm.text[a.end : b.start] for a, b in zip(toks, toks[1:])]
        plain_gap = [g == " " or _gap_fits(g, _PLAIN) for g in gaps]
        # a letter is never a digit: most words need no look at their characters
        has_number = [not t.lower.isalpha() and any(ch.isdigit() for ch in t.lower) for t in toks]
        numbered = any(has_number)
        blocked = [x > 1 for x in covered]
        stems = [t.stem for t in toks]
        prefixes = [t.lower[:3] for t in toks]
        all_prefixes = frozenset(prefixes)
        candidates: dict[int, _Compiled] = {}
        for stem in positions:
            filed = self._by_content_stem.get(stem)
            if not filed:
                continue
            if len(filed) <= len(all_prefixes):
                groups = [terms for pre, terms in filed.items() if pre in all_prefixes]
            else:
                groups = [filed[pre] for pre in all_prefixes if pre in filed]
            for terms in groups:
                for c in terms:
                    # a cheap necessary condition, in C: a content word's stem shares its first three
                    # letters, so every content word's first three letters are in the segment
                    if c.content_prefixes <= all_prefixes:
                        candidates[id(c)] = c
        best: list[tuple[float, int, int, _Compiled]] = []
        harmless: list[tuple[int, int, int]] = []  # (id of term, start, end) of harmless variants
        seg_stems = set(stems)
        seg_prefixes = {t.lower[:3] for i, t in enumerate(toks) if covered[i] <= 1}
        count = len(toks)
        # the first token at or after each position that a longer hit covers: a window ends before it
        next_blocked = [count] * (count + 1)
        for k in range(count - 1, -1, -1):
            next_blocked[k] = k if blocked[k] else next_blocked[k + 1]
        # for a stem or three first letters, the first position at or after each one where a token
        # has it (count + 1: none), built when a candidate first asks
        stem_at: dict[str, list[int]] = {}
        prefix_at: dict[str, list[int]] = {}
        reach_of: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        never = [count + 1] * (count + 1)
        for c in candidates.values():
            # a near miss keeps every content word, exactly or misspelt with the same first three
            # letters (see _plausible_edits): a term with a word that has no such token here cannot be one
            missing = c.content - seg_stems
            if missing and not all(pre in seg_prefixes for st, pre in c.content_words if st in missing):
                continue
            if c.digits and not numbered:
                continue  # its numbers are not in the segment
            n = len(c.stems)
            lengths = (n - 1, n, n + 1) if n >= 4 else (n, n + 1)
            starts: set[int] = set()
            for k, s in enumerate(c.stems):
                for p in positions.get(s, ()):
                    for d in (-1, 0, 1):
                        starts.add(p - k + d)
            plain_term = all(g == _PLAIN for g in c.gap_chars)
            # The cheap test first, for all windows at a start at once: every content word of the
            # term is in the window, as its stem or (misspelt) with all the first three letters its
            # words have; so the window must reach the nearest such token of each content word.
            reaches: list[list[int]] = []
            for group in c.content_groups:
                reach = reach_of.get(group)
                if reach is None:
                    reach = reach_of[group] = _reach(group, stems, prefixes, stem_at, prefix_at, never)
                reaches.append(reach)
            for i in starts:
                if i < 0 or i >= count:
                    continue
                last = next_blocked[i]  # the window [i, j) may end at this position at most
                shortest = 0  # and must end after every content word's nearest token
                for reach in reaches:
                    if reach[i] >= shortest:
                        shortest = reach[i] + 1
                for length in lengths:
                    j = i + length
                    if j > last or j < shortest:
                        continue
                    window = toks[i:j]
                    if window[0].hyphen_before or window[-1].hyphen_after:
                        continue
                    if plain_term:
                        if not all(plain_gap[i : j - 1]):
                            continue
                    elif not all(_gap_fits(gaps[g], c.gap_chars[g - i] if g - i < len(c.gap_chars) else _PLAIN) for g in range(i, j - 1)):
                        continue
                    if numbered and tuple(t.lower for t, num in zip(window, has_number[i:j]) if num) != c.digits:
                        continue
                    if window[0].stem in STOPWORDS or window[-1].stem in STOPWORDS:
                        continue
                    if tuple(stems[i:j]) == c.stems:
                        continue  # an exact/inflected hit would have been taken
                    if _harmless_difference(window, c):
                        harmless.append((id(c), i, j))
                        continue
                    joined = " ".join(t.lower for t in window)
                    cutoff = c.threshold if c.threshold is not None else threshold
                    score = fuzz.ratio(joined, c.key, score_cutoff=cutoff)
                    if score and not _plausible_edits(window, c):
                        score = 0
                    if not score and not c.coordinated and sorted(t.stem for t in window) == sorted(c.stems):
                        score = fuzz.token_sort_ratio(joined, c.key, score_cutoff=cutoff)
                    if score:
                        best.append((score, i, j, c))
        # a window overlapping a harmless variant of the same term is that variant, cut short
        best = [b for b in best if not any(h == id(b[3]) and b[1] < e and s < b[2] for h, s, e in harmless)]
        best.sort(key=lambda x: (-x[0], -(x[2] - x[1]), x[3].rank))
        taken = [False] * len(toks)
        hits: list[TermHit] = []
        for score, i, j, c in best:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            window = toks[i:j]
            start, end = norm.to_original(window[0].start, window[-1].end)
            hits.append(
                TermHit(c.concept, c.term, start, end, norm.original[start:end], HitKind.NEAR, round(score, 1), _with_status(_classify(window, c), c.term))
            )
        return hits


def _content_groups(toks: Sequence[Token]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each content stem of a term (in order, once) with the first three letters of its words."""
    groups: dict[str, list[str]] = {}
    for t in toks:
        if t.stem not in STOPWORDS:
            pres = groups.setdefault(t.stem, [])
            if t.lower[:3] not in pres:
                pres.append(t.lower[:3])
    return tuple((st, tuple(pres)) for st, pres in groups.items())


def _reach(
    group: tuple[str, tuple[str, ...]],
    stems: list[str],
    prefixes: list[str],
    stem_at: dict[str, list[int]],
    prefix_at: dict[str, list[int]],
    never: list[int],
) -> list[int]:
    """For each start position, the nearest position at or after it where a window has the content
    word ``group`` (its stem, and the first three letters of its words): the stem itself, or a token
    with each of those first letters (the nearest of them all); ``len(stems) + 1`` when none."""
    st, pres = group
    at = stem_at.get(st)
    if at is None:
        at = stem_at[st] = _next_positions(stems, st, never)
    by_prefix: list[int] | None = None
    for pre in pres:
        pat = prefix_at.get(pre)
        if pat is None:
            pat = prefix_at[pre] = _next_positions(prefixes, pre, never)
        by_prefix = pat if by_prefix is None else list(map(max, by_prefix, pat))
    if by_prefix is None or by_prefix is never:
        return at
    if at is never:
        return by_prefix
    return list(map(min, at, by_prefix))


def _next_positions(values: Sequence[str], value: str, never: list[int]) -> list[int]:
    """For each position ``i`` (and ``len(values)``), the first position at or after ``i`` that
    holds ``value``, else ``len(values) + 1``; ``never`` (shared, never changed) when it is nowhere."""
    if value not in values:
        return never
    out = never[:]
    lo = 0
    k = values.index(value)
    while True:
        out[lo : k + 1] = [k] * (k + 1 - lo)
        lo = k + 1
        try:
            k = values.index(value, lo)
        except ValueError:
            return out


def _with_status(classification: str, term: Term) -> str:
    """Add "deprecated variant" (or forbidden, superseded) to the class of a near or case hit
    of a term that is not acceptable: "spelling, forbidden variant"."""
    if classification and not term.status.acceptable:
        return f"{classification}, {term.status.value} variant"
    return classification


def _numbers(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(t.lower for t in tokens if any(ch.isdigit() for ch in t.lower))


_PLAIN = frozenset(" -'")


def _term_gaps(text: str, toks: Sequence[Token]) -> tuple[frozenset[str], ...]:
    """For each gap between a term's words, the characters running text may have there:
    spaces, hyphens and apostrophes; whatever the term itself has (``No. 1``,
    ``U.S. Aggression``); and a comma before ``and``/``or`` (the serial comma)."""
    out = []
    for a, b in zip(toks, toks[1:]):
        allowed = set(_PLAIN) | set(text[a.end : b.start])
        if b.lower in ("and", "or"):
            allowed.add(",")
        out.append(frozenset(allowed))
    return tuple(out)


def _gap_fits(gap: str, allowed: frozenset[str]) -> bool:
    return all(ch in allowed for ch in gap)


def _gaps_ok(text: str, window: Sequence[Token], gap_chars: tuple[frozenset[str], ...] = ()) -> bool:
    for i, (a, b) in enumerate(zip(window, window[1:])):
        if not _gap_fits(text[a.end : b.start], gap_chars[i] if i < len(gap_chars) else _PLAIN):
            return False
    return True


def _plausible_edits(window: Sequence[Token], c: _Compiled) -> bool:
    """Whether the words of ``window`` can be a mistyped or misinflected ``c``.

    Aligns the two word sequences (Levenshtein on words). Allowed: a word spelt
    differently but recognisably (same first three letters and at least 70%
    similar: ``century``/``centenary``, ``revitalizatio``); an extra or a missing
    function word (``high level of opening up``); a compound written apart
    (``grass - roots`` for ``grassroots``). Refused: any other extra, missing or
    replaced word, which makes another phrase (``research and development`` is
    not a near miss of ``research and deployment``; ``epidemic prevention and
    flood control`` is not one of ``epidemic prevention and control``).
    """
    lowers = [t.lower for t in window]
    if "".join(lowers) == "".join(c.lowers):
        return True
    for op in Levenshtein.editops(lowers, list(c.lowers)):
        if op.tag == "replace":
            a, b = lowers[op.src_pos], c.lowers[op.dest_pos]
            if a[:3] != b[:3] or Levenshtein.normalized_similarity(a, b) < 0.7:
                return False
        elif op.tag == "delete" and lowers[op.src_pos] not in STOPWORDS:
            return False
        elif op.tag == "insert" and c.lowers[op.dest_pos] not in STOPWORDS:
            return False
    return True


def _harmless_difference(window: Sequence[Token], c: _Compiled) -> bool:
    """Near misses that are not errors: a possessive (``city's government`` for
    ``city government``) or one inserted proper name (``the deliberation of the
    Fuxin delegation`` for ``the deliberation of the delegation``)."""
    stems = tuple(t.stem for t in window if t.lower != "s")
    if stems == c.stems:
        return True
    if c.term.status.acceptable:
        # a correct term with a function word dropped or a comma for "and" ("reform, opening up",
        # "abuse power for personal gain")
        missing = [s for s in c.stems if s not in stems]
        if len(stems) < len(c.stems) and set(stems) <= set(c.stems) and missing and all(m in STOPWORDS for m in missing):
            return True
    if len(window) == len(c.stems) + 1:
        for k, t in enumerate(window):
            if t.surface[:1].isupper() and tuple(w.stem for j, w in enumerate(window) if j != k) == c.stems:
                return True
    return False


#: Zipf frequency (wordfreq) from which a word is everyday English: "on" 6.9, "us" 6.0, "un" 4.6;
#: an acronym written in lower case is not ("nato" 4.0, "imf" 3.5, "cpc" 3.2).
ORDINARY_ZIPF = 4.5


@lru_cache(maxsize=4096)
def _ordinary_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded with the first case-sensitive one-word term met

    return zipf_frequency(word, "en") >= ORDINARY_ZIPF


def _capitals_ok(window: Sequence[Token], term_text: str) -> bool:
    term_toks = tokenize(normalize(term_text).text)
    for w, t in zip(window, term_toks):
        if len(t.surface) > 1 and t.surface.isupper():
            if not w.surface.isupper():
                return False
            continue
        for a, b in zip(w.surface, t.surface):
            if b.isupper() and not a.isupper():
                return False
    return True


def _classify(window: Sequence[Token], c: _Compiled) -> str:
    wstems = [t.stem for t in window]
    if sorted(wstems) == sorted(c.stems):
        return "word order"
    if len(wstems) < len(c.stems) and set(wstems) <= set(c.stems):
        return "partial"
    return "spelling"


__all__ = ["DEFAULT_FUZZY_THRESHOLD", "HitKind", "TermHit", "TermMatcher"]
