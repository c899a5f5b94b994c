"""Fit a finding's span to its suggestion, so that accepting it leaves no doubled or clashing word.

Two cases met in real MT (the bundled sample, issue 16):

- the word before the span is the suggestion's first word: "to make [corrections immediately
  after knowing]" with "make immediate corrections" would give "to make make immediate
  corrections", so the span takes in "make";
- the suggestion ends on a preposition and the text after the span starts with one: "[research
  and deployment] of the municipal government system" with "study and make arrangements for"
  would give "for of", so the span takes in "of".

And one for ``term-missing``, whose span is found by alignment: a span never ends on a
preposition (:func:`past_dangling`): "added value of industries above" runs on over "the
standard", or the replacement would leave "above designated size the standard".

Offsets are characters, end exclusive.
"""

from __future__ import annotations

import re

#: prepositions that cannot follow one another ("arrangements for of")
PREPOSITIONS = frozenset("of for to in on at by with from into about over under through".split())
#: words a rendering does not end on
DANGLING = frozenset("above below of in for with at on over under to from by into than".split())
_DETERMINERS = frozenset("the a an its their our this these that those".split())
_LAST_WORD = re.compile(r"[^\W_][\w'’-]*$")
_NEXT_WORD = re.compile(r"\s*([^\W_][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"^\s+([^\W\d_][\w'’-]*)")


def fit_span(text: str, start: int, end: int, suggestion: str) -> tuple[int, int]:
    """``(start, end)`` widened so that ``text[:start] + suggestion + text[end:]`` repeats no word
    at either edge and puts no preposition after a preposition; unchanged when it already fits."""
    words = suggestion.split()
    if not words or start >= end:
        return start, end
    first, last = words[0].lower(), words[-1].lower()
    before = _WORD_BEFORE.search(text[:start])
    span_first = text[start:end].split()[0].lower() if text[start:end].split() else ""
    if before is not None and before.group(1).lower() == first and span_first != first:
        start = before.start(1)
    after = _WORD_AFTER.match(text[end:])
    if after is not None and last in PREPOSITIONS and after.group(1).lower() in PREPOSITIONS:
        end += after.end(1)
    elif after is not None and after.group(1).lower() == last and len(words) > 1:
        end += after.end(1)
    return start, end


def past_dangling(text: str, start: int, end: int) -> int:
    """``end`` moved past any determiners and one word while ``text[start:end]`` ends on a
    preposition (:data:`DANGLING`)."""
    while True:
        last = _LAST_WORD.search(text[start:end])
        if last is None or last.group().lower() not in DANGLING:
            return end
        m = _NEXT_WORD.match(text, end)
        while m is not None and m.group(1).lower() in _DETERMINERS:
            m = _NEXT_WORD.match(text, m.end())
        if m is None:
            return end
        end = m.end()
