"""Text normalisation with an offset map, and word tokens, for term matching.

Matching runs on a normalised copy of a segment so that typography does not hide
a term. Every offset reported to the user is mapped back to the original text.

Normalisation, character by character:

* Unicode NFKC (full-width letters and ligatures become plain ones);
* every dash and hyphen variant (U+2010, U+2011, U+2012, U+2013, U+2014, U+2015,
  U+2212, U+FE63, U+FF0D) becomes ``-``;
* curly, low and prime quotes become ``'`` or ``"``;
* NBSP, the other Unicode spaces and line breaks become one space, and runs of
  spaces collapse to one;
* zero-width and invisible characters (U+200B-U+200D, U+2060-U+2064, U+FEFF,
  U+00AD, U+180E, U+034F) are removed.

Tokens are runs of letters and digits (with their combining marks). Apostrophes
and hyphens separate tokens,
so ``Xi Jinping's`` gives ``xi``, ``jinping``, ``s`` and ``self-confidence`` gives
``self``, ``confidence``. A hyphen and a space are equivalent between two tokens
(``high-quality`` matches ``high quality``), but a term match may not begin or end
inside a compound joined by a hyphen, underscore, middle dot or fraction slash:
``reform`` is not found in ``self-reform``, nor ``CCP`` in ``x_CCP``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f"

_FOLD = {ord(c): "-" for c in DASHES}
_FOLD.update({ord(c): "'" for c in SINGLE_QUOTES})
_FOLD.update({ord(c): '"' for c in DOUBLE_QUOTES})

# letters and digits, with any combining marks that follow them ("Pa\u0301rty" is one word)
_TOKEN_RE = re.compile(r"[^\W_][^\W_\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*(?:[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+[^\W_]*)*")
#: Characters that join two words into one compound: a match may not cut through them.
JOINERS = frozenset("-_·⁄")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised copy of a text with a map back to the original.

    Attributes:
        original: the text as given.
        text: the normalised text (same case as the original).
        offsets: ``offsets[i]`` is the index in ``original`` of the character that
            produced ``text[i]``; it has one extra entry, ``len(original)``, so an
            exclusive end maps too.
    """

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span (characters, end exclusive) to the original text."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


# Text in NFKC whose only whitespace is single spaces, with no zero-width characters, keeps its
# length: folding the quotes and dashes is then one str.translate, and the offsets are the identity.
_SPACING = re.compile(r"[^\S ]| {2}|[" + ZERO_WIDTH + "]")


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching; see the module docstring for the rules.

    The matcher and several checks normalise the same segment in turn: see :func:`clear_cache`.
    """
    found = _NORMALIZED.get(text)
    if found is None:
        found = _normalize(text)
        if len(text) <= CACHE_MAX_CHARS and len(_NORMALIZED) < CACHE_SIZE:
            _NORMALIZED[text] = found
    return found


#: Texts longer than this are normalised and tokenised afresh each time, never kept.
CACHE_MAX_CHARS = 4000
#: How many texts keep their normalised copy and their tokens (about 20 MB at most).
CACHE_SIZE = 4096
_NORMALIZED: dict[str, NormalizedText] = {}
_TOKENS: dict[str, tuple[Token, ...]] = {}


def clear_cache() -> None:
    """Forget the kept analyses; a check run calls it first.

    The matcher and the checks run one after another over all the segments of a run, and each
    normalises and tokenises every segment. The first :data:`CACHE_SIZE` texts of a run keep their
    analysis, so a run of that many segments (nearly every document) analyses each once. Later
    texts are analysed afresh on each call and kept by no one: a cache that evicted them (least
    recently used) would miss every time over a longer run, as each check reads the segments in
    order, and objects that live a little while cost Python's garbage collector more than
    tokenising again (measured: 20% slower at 10,000 segments)."""
    _NORMALIZED.clear()
    _TOKENS.clear()


def _normalize(text: str) -> NormalizedText:
    if (text.isascii() or unicodedata.is_normalized("NFKC", text)) and not _SPACING.search(text):
        return NormalizedText(text, text.translate(_FOLD), tuple(range(len(text) + 1)))
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        folded = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        for c in folded.translate(_FOLD):
            if c.isspace():
                if out and out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return NormalizedText(text, "".join(out), tuple(offsets))


class Token(NamedTuple):
    """One word token of a normalised text (immutable: a named tuple, which is built three
    times faster than a frozen dataclass, and a segment has dozens of tokens).

    Attributes:
        start: offset in the normalised text (characters).
        end: exclusive end offset in the normalised text.
        surface: the token as written (case kept).
        lower: ``surface`` lower-cased.
        stem: the Snowball English stem of ``lower``.
        hyphen_before: the token is preceded directly by ``-`` (inside a compound).
        hyphen_after: the token is followed directly by ``-``.
    """

    start: int
    end: int
    surface: str
    lower: str
    stem: str
    hyphen_before: bool
    hyphen_after: bool


_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball (Porter 2) English stem of a lower-case word."""
    return str(_stemmer.stemWord(word))


def tokenize(text: str) -> list[Token]:
    """Split normalised ``text`` into word tokens (see the module docstring).

    Tokens are immutable, and may be kept from an earlier call (see :func:`clear_cache`); the
    list is the caller's own."""
    found = _TOKENS.get(text)
    if found is None:
        found = _tokens(text)
        if len(text) <= CACHE_MAX_CHARS and len(_TOKENS) < CACHE_SIZE:
            _TOKENS[text] = found
    return list(found)


_new_token = tuple.__new__
#: lower-case word -> its stem; a plain dict is faster than the lru_cache of :func:`stem`
_STEMS: dict[str, str] = {}
_STEMS_MAX = 1 << 17


def _tokens(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    n = len(text)
    lowered = text.lower() if text.isascii() else None  # ASCII keeps its length when lower-cased
    joined = any(ch in text for ch in JOINERS)
    stems = _STEMS
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        surface = m.group()
        lower = lowered[s:e] if lowered is not None else surface.lower()
        st = stems.get(lower)
        if st is None:
            if len(stems) >= _STEMS_MAX:
                stems.clear()
            st = stems[lower] = stem(lower)
        if joined:
            before = s > 1 and text[s - 1] in JOINERS and text[s - 2].isalnum()
            after = e < n - 1 and text[e] in JOINERS and text[e + 1].isalnum()
        else:
            before = after = False
        tokens.append(_new_token(Token, (s, e, surface, lower, st, before, after)))
    return tuple(tokens)


def term_key(text: str) -> str:
    """A comparison key for a term or span: normalised, lower-case, tokens joined by one space."""
    return " ".join(t.lower for t in tokenize(normalize(text).text))
