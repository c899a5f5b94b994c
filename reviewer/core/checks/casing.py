"""Capitals and number of a suggestion, taken from the words it replaces.

:func:`fit_case` gives a suggestion the capitals of its place: Title Case inside a quoted title
or a name written in Title Case, a capital at the start of a sentence. :func:`inflect_like`
carries the number of the flagged words over to the replacement, and :func:`termbase_capital`
gives a rendering the batch writes most the capitals of its termbase term.
"""

from __future__ import annotations

import re

from reviewer.core.consistency import at_sentence_start as _at_sentence_start
from reviewer.core.termbase.model import Term

_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def fit_case(suggestion: str, text: str, start: int, end: int, titles: bool = True) -> str:
    """Capitalise ``suggestion`` to replace ``text[start:end]``.

    Inside a quoted title written in Title Case (“Report on the Construction of
    a Rule of Law Government in 2022”, or in straight quotes), and inside a name
    written in Title Case where the flagged words are capitalised and the name goes
    on beside them ("the Grass-roots Party Construction Work Conference"), the
    suggestion is put in Title Case too (``Law-Based Government``, ``Party
    Building``), unless ``titles`` is false or the suggestion is a name in capitals
    of its own (``State-owned Assets Supervision and Administration Commission``).
    At the start of a sentence only the first letter is raised: ``Self-revolution``
    becomes ``Self-reform``.
    """
    flagged = text[start:end]
    if titles and (_in_quoted_title(text, start, end) or _in_title_case_name(text, start, end)):
        if all(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w'’-]*", suggestion) if w.lower() not in _SMALL_WORDS):
            return suggestion  # a name in the termbase's own capitals ("State-owned Assets Supervision…")
        return " ".join(_title_word(w, i == 0) for i, w in enumerate(suggestion.split(" ")))
    if _at_sentence_start(text, start) and flagged[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _quote_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets of the quote marks around ``[start, end)``: curly “...”, or straight "..."
    (an odd number of straight quotes before ``start``); ``None`` when it is not quoted."""
    open_at = text.rfind("“", 0, start)
    if open_at >= 0 and text.rfind("”", open_at, start) < 0:
        close_at = text.find("”", end)
        return (open_at, close_at) if close_at >= 0 else None
    if text.count('"', 0, start) % 2 == 1:
        close_at = text.find('"', end)
        return (text.rfind('"', 0, start), close_at) if close_at >= 0 else None
    return None


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """True when the span lies inside quotes whose words are mostly capitalised (a title)."""
    bounds = _quote_bounds(text, start, end)
    if bounds is None:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text[bounds[0] + 1 : bounds[1]]) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


_NAME_WORD = re.compile(r"[^\W_][\w'’-]*")


def _in_title_case_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is written in Title Case inside a longer name in Title
    Case: every word of the span but the small ones is capitalised, and so is the word right
    after it ("[Party Construction] Work Conference"), or the word before it or before the small
    words before it ("Leading Group for the Implementation of [Rural Revitalization Strategy]"),
    if that is not the first word of the sentence. A name after small words ("[Democratic Life
    Meeting] of the Political Bureau") is another name, which does not count, and one word at
    the start of a sentence has its capital from the sentence."""
    words = [w for w in _NAME_WORD.findall(text[start:end]) if w.lower() not in _SMALL_WORDS]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if len(words) < 2 and _at_sentence_start(text, start):
        return False  # "[Grassroots] Party organizations are…": the capital is the sentence's
    pos = start
    while True:
        m = re.search(r"([^\W_][\w'’-]*)[ ]+$", text[max(0, pos - 60) : pos])
        if m is None:
            break
        w, pos = m.group(1), max(0, pos - 60) + m.start(1)
        if w.lower() in _SMALL_WORDS:
            continue
        if w[:1].isupper() and not w.isupper() and not _at_sentence_start(text, pos):
            return True
        break
    after = re.match(r"[ ]+([^\W_][\w'’-]*)", text[end:])
    return after is not None and after.group(1)[:1].isupper() and not after.group(1).isupper() and after.group(1).lower() not in _SMALL_WORDS


def _title_word(word: str, first: bool) -> str:
    if not first and word.lower() in _SMALL_WORDS:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def inflect_like(replacement: str, flagged: str, matched_term: str) -> str:
    """Carry the number of ``flagged`` over to ``replacement``.

    Where a word of ``flagged`` is a regular plural of the word at the same place
    in ``matched_term`` (``enterprises`` for ``enterprise``), the same word in
    ``replacement`` gets the same ending: ``enterprises above the standard`` is
    replaced by ``enterprises above designated size``, not ``enterprise ...``.
    """
    flagged_words = re.findall(r"[^\W_]+", flagged)
    term_words = re.findall(r"[^\W_]+", matched_term)
    if len(flagged_words) != len(term_words):
        return replacement
    out = replacement
    for fw, tw in zip(flagged_words, term_words):
        f, t = fw.lower(), tw.lower()
        for suffix in ("es", "s"):
            if f == t + suffix:
                out = re.sub(rf"\b{re.escape(tw)}\b(?![-\w])", tw + suffix, out, count=1, flags=re.IGNORECASE)
                break
    return out


def termbase_capital(written: str, term: Term | None) -> str:
    """``written`` (a rendering as the batch writes it most, perhaps at a sentence start or in
    titles) with the capitals of its termbase ``term``: "New pattern of development" → "new
    pattern…", "Rural Revitalization" → "rural revitalization" (the term's own capitals where it
    is the same words)."""
    if term is None or not written or not term.text:
        return written
    if written.lower() == term.text.lower():
        return term.text
    if term.text[:1].isupper() or not written[:1].isupper():
        return written
    return written[:1].lower() + written[1:] if written[:1].lower() == term.text[:1].lower() else written
