"""Find the words of a target segment that render a given concept.

When the Chinese source has a term but the English target has none of the term's
approved renderings, the reviewer needs to see what the MT wrote instead: "four
senses" for 四个意识, "Xi Jinping's socialism with Chinese characteristics in the
new era" for 习近平新时代中国特色社会主义思想, "with Comrade　as the core" for
以习近平同志为核心. :func:`locate_rendering` aligns each of the concept's English
terms (of any status) with the target's words and returns the best window.

The alignment is word-level, on the normalised text (:mod:`reviewer.core.text`):

* a window is a run of whole tokens, up to two words longer than the term, that begins and ends with a content word (not a stopword), does
  not cut a hyphenated compound, does not run across clause punctuation
  (``, ; : . ! ? ( ) "``) unless the term has it, and does not touch words already claimed by
  another concept's hit;
* both of its edge words are shared with the term, or one is and the window is no
  longer than the term ("four senses" for "four consciousnesses", but not
  "historical process of the great rejuvenation");
* its word overlap is the share of the term's content stems found in the window
  (a word counts when its stem equals a term stem, or when it is spelt within
  85 % of a term word: "consciousnes");
* its score (0-100) is the mean of the word overlap and the rapidfuzz
  character ratio of the window against the term, both lower-cased; windows are
  ranked by the score less :data:`EDGE_PENALTY` for each edge word the term does
  not have;
* when the term is a list ("political judgment, understanding, and implementation"),
  the window is narrowed to the items with words the term lacks ("political
  execution");
* a window needs at least one shared content word, and two when the term has
  four or more content words, so that one common word ("China", "new") does not
  make a rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from reviewer.core.text import Token, normalize, tokenize

#: Words that never begin or end a located rendering, and never count as shared.
STOPWORDS = frozenset(
    "a an and as at by for from in into of on or the to with its it is are be was were that this s our their".split()
)

#: Words that may differ between a term and its rendering ("at its core" / "at the core").
DETERMINERS = frozenset("a an the its our their".split())

#: Words a rendering may add to a term ("the building of a moderately prosperous society").
INSERTABLE = frozenset(["of"])

#: Punctuation that ends a clause: a located rendering does not run across it.
_CLAUSE = frozenset(",;:.!?()[]\"")

#: Score taken off for each edge word of a window that the term does not have, so that
#: "CPC Central Committee with Comrade　as the core" beats "around the CPC ... core".
EDGE_PENALTY = 10.0

#: Lowest score (0-100) at which a window is reported as the rendering.
MIN_SCORE = 45.0


@dataclass(frozen=True, slots=True)
class LocatedRendering:
    """The target words that most likely render a concept.

    Attributes:
        start: offset in the original target text (characters).
        end: exclusive end offset.
        text: ``target[start:end]``.
        term: the English term the window was aligned with.
        score: 0-100, the mean of word overlap and character similarity.
    """

    start: int
    end: int
    text: str
    term: str
    score: float


def _shares(word: Token, term_words: Sequence[Token]) -> Token | None:
    for tw in term_words:
        if word.stem == tw.stem or (len(tw.lower) >= 5 and fuzz.ratio(word.lower, tw.lower) >= 85):
            return tw
    return None


def locate_rendering(
    text: str,
    terms: Iterable[str],
    taken: Sequence[tuple[int, int]] = (),
    min_score: float = MIN_SCORE,
) -> LocatedRendering | None:
    """The window of ``text`` most like one of ``terms``, or ``None``.

    Args:
        text: the target segment as written.
        terms: the concept's English terms (any status; deprecated variants help).
        taken: spans of ``text`` (characters, end exclusive) that other concepts'
            hits already cover; no window overlaps them.
        min_score: lowest score reported (0-100).

    Returns:
        The best window by rank (ties: the earlier, then the shorter one), with its
        offsets mapped back to ``text``; ``None`` when no window reaches
        ``min_score`` or shares enough content words. See the module docstring.
    """
    nt = normalize(text)
    tokens = tokenize(nt.text)
    if not tokens:
        return None
    spans = [nt.to_original(t.start, t.end) for t in tokens]
    free = [not any(s < te and ts < e for ts, te in taken) for s, e in spans]
    best: LocatedRendering | None = None
    best_rank = -1e9
    for term in terms:
        term_tokens = tokenize(normalize(term).text)
        content = [t for t in term_tokens if t.lower not in STOPWORDS]
        if not content:
            continue
        needed = 2 if len(content) >= 4 else 1
        term_low = " ".join(t.lower for t in term_tokens)
        n = len(term_tokens)
        shared_at = [_shares(tok, content) if tok.lower not in STOPWORDS else None for tok in tokens]
        term_norm = normalize(term).text
        # a window never crosses clause punctuation that the term itself does not have
        stops = [any(ch in _CLAUSE and ch not in term_norm for ch in nt.text[a.end : b.start]) for a, b in zip(tokens, tokens[1:])]
        for i, first in enumerate(tokens):
            if not free[i] or first.lower in STOPWORDS or first.hyphen_before:
                continue
            for length in range(1, n + 3):
                j = i + length
                if j > len(tokens) or not all(free[i:j]) or any(stops[i : j - 1]):
                    break
                last = tokens[j - 1]
                if last.lower in STOPWORDS or last.hyphen_after:
                    continue
                edges = (shared_at[i] is not None) + (shared_at[j - 1] is not None)
                if edges == 0 or (edges == 1 and length > n):
                    continue
                shared = {id(tw) for tw in shared_at[i:j] if tw is not None}
                if len(shared) < needed:
                    continue
                window = " ".join(t.lower for t in tokens[i:j])
                score = (100.0 * len(shared) / len(content) + fuzz.ratio(window, term_low)) / 2
                rank = score - EDGE_PENALTY * (2 - edges)
                if score < min_score or rank <= best_rank:
                    continue
                start, end = spans[i][0], spans[j - 1][1]
                best, best_rank = LocatedRendering(start, end, text[start:end], term, round(score, 1)), rank
    if best is not None and _LIST_RE.search(best.term):
        best = _narrow_list(text, best)
    return best


_LIST_RE = re.compile(r",|;|\band\b|\bor\b")


def _narrow_list(text: str, found: LocatedRendering) -> LocatedRendering:
    """Narrow a located list ("political judgment, political understanding and political
    execution" for "political judgment, understanding, and implementation") to the items
    whose content words the term does not have ("political execution")."""
    allowed = {t.stem for t in tokenize(normalize(found.term).text)}
    # the window may stop inside the list's last item ("... and political | execution"):
    # run on to the end of that item when it is at most three words away
    original = found
    tail = re.match(r"[^\W_]*(?:[ -][^\W_]+){0,3}?(?=\s*(?:[,;:.!?)]|$))", text[found.end :])
    if tail and tail.group():
        found = LocatedRendering(found.start, found.end + tail.end(), text[found.start : found.end + tail.end()], found.term, found.score)
    bad: list[tuple[int, int]] = []
    pos = 0
    for piece in _LIST_RE.split(found.text) + [""]:
        at = found.text.find(piece, pos) if piece else len(found.text)
        pos = at + len(piece)
        words = [t for t in tokenize(normalize(piece).text) if t.lower not in STOPWORDS]
        if words and any(w.stem not in allowed for w in words):
            lead = len(piece) - len(piece.lstrip())
            bad.append((at + lead, at + len(piece.rstrip())))
    if not bad or (bad[0][0] == 0 and bad[-1][1] == len(found.text)):
        return original
    start, end = found.start + bad[0][0], found.start + bad[-1][1]
    return LocatedRendering(start, end, text[start:end], found.term, found.score)


def _stems(text: str) -> list[str]:
    return [t.stem for t in tokenize(normalize(text).text) if t.lower not in DETERMINERS]


#: prepositions that say the same after a noun ("achievements in/of poverty alleviation"); "at"
#: and "as" are not among them ("as its core" is no rendering of "at its core")
_SAME_PREPOSITION = frozenset({("of", "in"), ("in", "of")})


def renders(text: str, term: str) -> bool:
    """True when ``text`` contains ``term`` up to inflection and function words.

    The term's word stems must occur contiguously in ``text``, where determiners
    (:data:`DETERMINERS`) are ignored on both sides and ``of`` may be inserted:
    "building of a moderately prosperous society in all respects" renders "build a
    moderately prosperous society in all respects", and "with Comrade Xi Jinping at
    the core" renders "with Comrade Xi Jinping at its core", and "the achievements of poverty
    alleviation" renders "our achievements in poverty alleviation" (``in`` and ``of`` are one
    there, :data:`_SAME_PREPOSITION`); but "as its core" does
    not render "at its core", and "Xi Jinping's Thought" does not render "Xi Jinping
    Thought". Used with a source term, where the concept is known to be present.
    """
    want = _stems(term)
    have = _stems(text)
    if not want:
        return False
    for i in range(len(have)):
        k, j = 0, i
        while j < len(have) and k < len(want):
            if have[j] == want[k] or (have[j], want[k]) in _SAME_PREPOSITION:
                k += 1
            elif k == 0 or have[j] not in INSERTABLE:
                break
            j += 1
        if k == len(want):
            return True
    return False
