"""Place a noun rendering: its number, its article, and the verb that agrees with it.

:func:`_fit_noun` makes the rendering's head plural after a plural MT noun (or singular after
"a"), keeps or drops "the" and "a"/"an" as the sentence needs, and makes the first verb after a
subject agree (:func:`_agree`). :func:`_fit_compound` leaves the term for the reviewer where a
rendering with a postmodifier or an article would have to modify the noun after the span.

Offsets are characters, end exclusive.
"""

from __future__ import annotations

import re

from reviewer.core.checks.morphology import (
    can_be_noun,
    is_adjective,
    is_mass,
    is_plural,
    is_verb,
    noun_only,
    pluralize,
    singular,
    starts_with_vowel_sound,
    verb_lemma,
    verb_tag,
)
from reviewer.core.checks.fit.common import (
    _AUXILIARIES,
    _DETERMINERS,
    _FUNCTION_WORDS,
    _MODALS,
    _NUMBERS,
    _QUANTIFIERS,
    _WORD_AFTER,
    DANGLING,
    PREPOSITIONS,
    Placement,
    _head,
    _mass_head,
    _postmodified,
    _prev_word,
    _tokens,
)

_ARTICLES = frozenset({"a", "an"})
_CLAUSE_OPENERS = frozenset({"that", "which", "where", "so", "and", "but", "while"})
_BE_PLURAL = {"is": "are", "was": "were", "has": "have"}
_BE_SINGULAR = {v: k for k, v in _BE_PLURAL.items()}
_PREPOSITIONS_BEFORE_NOUNS = frozenset("of in for from on with by into against as".split())
_NEXT_IS_VERBISH = re.compile(r"(?i)(?:is|are|was|were|has|have)$")


def _premodifies(text: str, start: int, end: int) -> str:
    """The word right after ``text[start:end]`` that begins the noun the span modifies
    ("[poverty alleviation] labor", "[…] special skills"), or ``""``: a word that can be a noun,
    or an adjective before one, and is no function word, quantifier, adverb, name or inflected
    verb, after a span whose head is singular (after a plural it may be a verb)."""
    m = _WORD_AFTER.match(text[end:])
    flagged = _tokens(text[start:end])
    if m is None or not flagged or is_plural(flagged[_head(flagged)]):
        return ""
    w = m.group(1)
    low = w.lower()
    if w[:1].isupper() and not flagged[-1][:1].isupper():
        return ""  # a name after the span ("steadily [China]") is no compound with it
    if low in _FUNCTION_WORDS or low in _QUANTIFIERS or low in _MODALS or low in _AUXILIARIES or low in _CLAUSE_OPENERS or low in PREPOSITIONS or low in DANGLING:
        return ""
    if not can_be_noun(low) or low.endswith("ly") or verb_tag(low) not in ("", "VB"):
        return ""
    if is_adjective(low):  # "[poverty alleviation] special skills": an adjective of the noun after it
        nxt = re.match(r"\s+([^\W\d_][\w'’-]*)", text[end + m.end() :])
        if nxt is None or nxt.group(1).lower() in _FUNCTION_WORDS or not can_be_noun(nxt.group(1)) or (verb_tag(nxt.group(1)) not in ("", "VB") and not is_plural(nxt.group(1))):
            return ""
    return w


def _fit_compound(text: str, start: int, end: int, suggestion: str) -> Placement:
    """:func:`_fit_noun`, or the reviewer places the term where a rendering with a postmodifier
    or a leading article would have to modify the noun after the span, as the MT's words do
    ("[poverty alleviation] labor": not "the fight against poverty labor")."""
    words = _tokens(suggestion)
    noun = _premodifies(text, start, end)
    if noun and len(words) > 1 and not words[0][:1].isupper() and (_postmodified(words) or words[0].lower() in _DETERMINERS):
        return Placement(start, end, suggestion, f"“{suggestion}” cannot modify “{noun}” as the MT's “{text[start:end]}” does: place the term by hand")
    return _fit_noun(text, start, end, suggestion)


def _fit_noun(text: str, start: int, end: int, suggestion: str) -> Placement:
    flagged = _tokens(text[start:end])
    words = _tokens(suggestion)
    if not flagged or not words:
        return Placement(start, end, suggestion)
    span_head, sugg_head = flagged[_head(flagged)], words[_head(words)]
    titled = sugg_head[:1].isupper() and words[0][:1].isupper()
    counted = words[0].lower() in _NUMBERS or flagged[0].lower() in _NUMBERS  # "six guarantees" names one policy
    mt_plural = is_plural(span_head)
    if mt_plural and not is_plural(sugg_head) and not titled and not counted and not is_mass(sugg_head) and not _mass_head(words) and can_be_noun(sugg_head) and not verb_tag(sugg_head) in ("VBZ", "VBD", "VBG"):
        suggestion = re.sub(rf"\b{re.escape(sugg_head)}\b", pluralize(sugg_head), suggestion, count=1)
        sugg_head = pluralize(sugg_head)
    prev, prev_at = _prev_word(text, start)
    p = prev.lower()
    next_word = _WORD_AFTER.match(text[end:])
    modifier = next_word is not None and noun_only(next_word.group(1)) and not _NEXT_IS_VERBISH.match(next_word.group(1))
    if not mt_plural and is_plural(sugg_head) and not titled and (p in _ARTICLES or flagged[0].lower() in _ARTICLES or modifier):
        # "as [a leading cadre]": "as a leading official"; "[grassroots cadre] representatives"
        one = singular(sugg_head)
        suggestion = re.sub(rf"\b{re.escape(sugg_head)}\b", one, suggestion, count=1)
        sugg_head = one
        if flagged[0].lower() in _ARTICLES and words[0].lower() not in _ARTICLES:
            suggestion = ("an " if starts_with_vowel_sound(words[0]) else "a ") + suggestion
            words = _tokens(suggestion)
    plural = is_plural(sugg_head)
    postmodified = _postmodified(words)
    if re.search(r"\b(?:its|their) \w+$", suggestion) and re.match(r"\s+of\b", text[end:]):
        return Placement(start, end, suggestion, f"“{suggestion}” cannot be followed by “of”: place the term by hand")
    ordinal = bool(re.fullmatch(r"\d+(?:st|nd|rd|th)|first|second|third", words[0].lower()))
    if p == "the" and re.match(r"[^\W_]+[’']s\b", text[start:end]) and not re.match(r"[^\W_]+[’']s\b", suggestion) and not titled:
        start = prev_at  # "the [Party's construction]": "Party building"
        p = ""
        if ordinal:  # "the [Party's 20th]": "the 20th CPC National Congress"
            suggestion = prev + " " + suggestion
            words = _tokens(suggestion)
    lead_the = flagged[0].lower() == "the" and words[0].lower() not in _DETERMINERS
    mass = sugg_head.islower() and not plural and is_mass(sugg_head) and can_be_noun(sugg_head) and not postmodified
    if lead_the and (not titled or ordinal) and (not mass or modifier):
        # "requirements of [the 20th National Congress of the Party]": keep the article
        suggestion = _first_word(text, start) + " " + suggestion
        words = _tokens(suggestion)
    elif not lead_the and p in _PREPOSITIONS_BEFORE_NOUNS and postmodified and not plural and not titled and not is_mass(sugg_head) and words[0].lower() not in _DETERMINERS and can_be_noun(sugg_head) and verb_tag(words[0]) != "VBG":
        suggestion = "the " + suggestion  # "results of [poverty alleviation]": "of the fight against poverty"
        words = _tokens(suggestion)
    if p in _ARTICLES and (plural or (not postmodified and not titled and words[0].lower() not in _DETERMINERS and _mass_head(words) and not _mass_head(flagged))):
        start = prev_at  # "with [a high level of opening-up]": "with high-standard opening up"
    elif p in _ARTICLES:
        art = "an" if starts_with_vowel_sound(words[0]) else "a"
        if art != p:
            suggestion = text[prev_at:start].replace(prev, art if prev.islower() else art.capitalize(), 1) + suggestion
            start = prev_at
    elif p == "the" and words[0].lower() == "the":
        start = prev_at
    elif p == "the" and not titled and not postmodified and sugg_head.islower() and not is_plural(sugg_head) and is_mass(sugg_head) and not modifier and text[start - 1 : start] == " ":
        start = prev_at
    if plural != mt_plural and _is_subject(text, start):
        end, suggestion = _agree(text, end, suggestion, plural)
    if prev and start == prev_at and prev[:1].isupper():
        suggestion = suggestion[:1].upper() + suggestion[1:]
    return Placement(start, end, suggestion)


def _first_word(text: str, start: int) -> str:
    """The word at ``start`` as written (``The`` or ``the``)."""
    m = re.match(r"[^\W_]+", text[start:])
    return m.group() if m else ""


def _is_subject(text: str, start: int) -> bool:
    prev, at = _prev_word(text, start)
    if prev.lower() in _DETERMINERS:
        before, _ = _prev_word(text, at)
        head = text[:at].rstrip()
        return before.lower() in _CLAUSE_OPENERS or not head or head[-1] in ".;:!?,"
    head = text[:start].rstrip()
    return not head or head[-1] in ".;:!?"


def _agree(text: str, end: int, suggestion: str, plural: bool) -> tuple[int, str]:
    """Make the first verb after a subject agree with it: the span widens over the words up to
    that verb, which the suggestion carries."""
    for n, m in enumerate(re.finditer(r"[^\W\d_][\w'’-]*|[,;:.!?]", text[end:])):
        w = m.group()
        if n > 10 or w in ",;:.!?":
            break
        low = w.lower()
        new = ""
        if plural and low in _BE_PLURAL:
            new = _BE_PLURAL[low]
        elif not plural and low in _BE_SINGULAR:
            new = _BE_SINGULAR[low]
        elif plural and verb_tag(low) == "VBZ" and not can_be_noun(low) and is_verb(low):
            new = verb_lemma(low)
        elif low in {"are", "were", "have", "can", "will", "must", "should", "shall", "may", "could", "would"} or (verb_tag(low) in ("VBD", "VBZ") and not can_be_noun(low)):
            break
        if new:
            return end + m.end(), suggestion + text[end : end + m.start()] + new
    return end, suggestion
