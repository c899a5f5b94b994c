"""The ground shared by fitting a span and placing a suggestion: word lists, tokens, and the head of a phrase.

:class:`Placement` is the result of :func:`reviewer.core.checks.fit.place`. The helpers here
read a phrase as the other modules of the package need it: its tokens (words and commas,
:func:`_tokens`), its head noun (:func:`_head`), whether it has a postmodifier or a mass head,
its first content word, and the word right before an offset (:func:`_prev_word`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.core.checks.morphology import can_be_noun, is_mass, is_plural, verb_tag

#: prepositions that cannot follow one another ("arrangements for of")
PREPOSITIONS = frozenset("of for to in on at by with from into about over under through".split())
#: words a rendering does not end on
DANGLING = frozenset("above below of in for with at on over under to from by into than".split())
_DETERMINERS = frozenset("the a an its their our this these that those".split())
#: words that do not carry a term's meaning, for comparing words of the MT and the suggestion
_FUNCTION_WORDS = frozenset("a an the of and or in on for to with by at as its our their this these that those from into is are be".split())
#: words that can be nouns but do not head a noun phrase after a modifier ("spirit of fighting [more]")
_QUANTIFIERS = frozenset("more most less much many all other others such both each every some any first last now then again".split())
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"^\s+([^\W\d_][\w'’-]*)")
_TOKEN = re.compile(r"[^\W_][\w'’-]*|,")
_MODALS = frozenset("to must should will shall can may would could might cannot".split())
_POSTMODIFIERS = frozenset("of for to in on at by with from into against".split())
_NUMBERS = frozenset("one two three four five six seven eight nine ten first second third".split())
_AUXILIARIES = frozenset("is are was were be been being am has have had do does did".split())
_PARTICLES = frozenset({"up", "out", "off", "down"})


@dataclass(frozen=True)
class Placement:
    """Where and what a suggestion replaces.

    Attributes:
        start: offset of the replaced span (characters).
        end: exclusive end.
        suggestion: the replacement, fitted to the sentence.
        manual: why no safe replacement could be built (the reviewer places the term), or ``""``.
    """

    start: int
    end: int
    suggestion: str
    manual: str = ""


def _tokens(phrase: str) -> list[str]:
    return _TOKEN.findall(phrase)


def _head(words: list[str]) -> int:
    """Index of the head noun: the last word before a postmodifying preposition, or before the
    particle of a phrasal gerund (``opening`` of ``high-standard opening up``)."""
    for i, w in enumerate(words):
        if i and w.lower() in _POSTMODIFIERS:
            return i - 1
    if len(words) > 1 and words[-1].lower() in _PARTICLES and words[-2].lower().endswith("ing"):
        return len(words) - 2
    return len(words) - 1


def _postmodified(words: list[str]) -> bool:
    """True when a phrase has words after its head other than a particle ("fight against poverty")."""
    head = _head(words)
    return head < len(words) - 1 and words[head + 1].lower() not in _PARTICLES


def _mass_head(words: list[str]) -> bool:
    """True when the head of ``words`` is a mass noun, or a phrasal gerund ("opening up")."""
    head = _head(words)
    if head < len(words) - 1 and words[head + 1].lower() in _PARTICLES:
        return True
    w = words[head]
    return w.islower() and not is_plural(w) and is_mass(w) and can_be_noun(w)


def _first_content(words: list[str]) -> int:
    i = 0
    while i < len(words) - 1 and words[i].lower().endswith("ly") and not verb_tag(words[i]):
        i += 1
    return i


def _prev_word(text: str, start: int) -> tuple[str, int]:
    """The word right before ``start`` (only spaces between) and its offset, or ``("", -1)``."""
    m = _WORD_BEFORE.search(text[max(0, start - 60) : start])
    if m is None:
        return "", -1
    return m.group(1), max(0, start - 60) + m.start(1)
