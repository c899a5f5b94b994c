"""Fit a suggestion's grammar to its sentence, or say why it cannot be placed safely.

:func:`place` looks at what the sentence wants at the span (a verb in some form, a noun after a
determiner, a gerund after a preposition: :func:`_slot`), takes another acceptable rendering of
the concept where the preferred one is the wrong kind of phrase, and hands noun phrases to
:mod:`reviewer.core.checks.fit.nouns`. When no safe replacement can be built, the
:class:`~reviewer.core.checks.fit.common.Placement` says why (``manual``) and the reviewer
places the term.

Offsets are characters, end exclusive.
"""

from __future__ import annotations

import re

from reviewer.core.checks.morphology import can_be_noun, is_adjective, is_verb, noun_only, verb_lemma, verb_tag
from reviewer.core.checks.fit.common import (
    _AUXILIARIES,
    _DETERMINERS,
    _FUNCTION_WORDS,
    _MODALS,
    _NUMBERS,
    _POSTMODIFIERS,
    _WORD_AFTER,
    PREPOSITIONS,
    Placement,
    _first_content,
    _prev_word,
    _tokens,
)
from reviewer.core.checks.fit.phrase import inflect_verbs, phrase_kind
from reviewer.core.checks.fit.nouns import _fit_compound

_NOMINALISATION = re.compile(r"(?:tion|sion|ment|ance|ence|ing|sis|ure)(?: of)?$")
_DO = {"do": "VB", "does": "VBZ", "did": "VBD"}
_NEGATIONS = frozenset({"not", "never"})


def _slot(text: str, start: int, end: int) -> tuple[str, str]:
    """What the sentence wants at ``[start, end)``: ``("verb", TAG)``, ``("after-preposition", "")``,
    ``("after-determiner", "")`` (also after a number: "more than 20,000 [party members]") or
    ``("unknown", "")``."""
    prev, _ = _prev_word(text, start)
    p = prev.lower()
    words = _tokens(text[start:end])
    if not words:
        return "unknown", ""
    i = _first_content(words)
    tag = verb_tag(words[i])
    if p in _MODALS and tag in ("VB", "") and is_verb(words[i]) and not (p == "to" and tag == "VBG"):
        return "verb", "VB"
    if p in _DETERMINERS or p.endswith(("’s", "'s")) or p in _NUMBERS or re.search(r"\d\s+$", text[max(0, start - 3) : start]):
        return "after-determiner", ""
    if p in _POSTMODIFIERS or p in {"about", "through", "without", "after", "before", "towards", "toward"}:
        return ("after-preposition", "") if tag in ("VBG", "") or not is_verb(words[i]) else ("unknown", "")
    if tag in ("VBD", "VBZ") and is_verb(words[i]) and not can_be_noun(words[i]) and p not in _DETERMINERS:
        return "verb", tag
    return "unknown", ""


def _alternative(alternatives: tuple[str, ...], kinds: set[str], like: str) -> str:
    """The first of ``alternatives`` of one of ``kinds``, with ``like``'s first capital; a noun
    is no gerund phrase ("using Party building initiatives to propel")."""
    for alt in alternatives:
        first = _tokens(alt)[:1]
        if phrase_kind(alt) in kinds and not (kinds <= {"noun", "unknown"} and first and verb_tag(first[0]) == "VBG" and is_verb(first[0])):
            return alt[:1].upper() + alt[1:] if like[:1].isupper() else alt
    return ""


def _match_quotes(text: str, suggestion: str) -> str:
    if "’" in text and "'" not in text:
        return suggestion.replace("'", "’")
    if "'" in text and "’" not in text:
        return suggestion.replace("’", "'")
    return suggestion


def place(text: str, start: int, end: int, suggestion: str, alternatives: tuple[str, ...] = ()) -> Placement:
    """Fit ``suggestion`` (a term, already in the right capitals) to replace ``text[start:end]``.

    - A verb slot ("must [make corrections]", "we [strengthened …]") takes a verb rendering in
      the MT's form (lemminflect); a noun rendering there takes the concept's first verb
      rendering in ``alternatives``, or is left for the reviewer to place (:attr:`Placement.manual`).
    - A verb rendering where the MT has a noun phrase (after a determiner or a number, or in a
      list of noun phrases: "ideological consciousness, [political consciousness] and action
      consciousness") takes the first noun rendering in ``alternatives`` that is no gerund
      phrase, or is left for the reviewer; right after the MT's own verb, and with no list going
      on, it takes that verb in ("help [promote rural revitalization in an all-round way]":
      "help advance rural revitalization across the board").
    - "do/does/did not …" is replaced whole, in the auxiliary's form ("[Do not forget …]": "Stay
      true to …").
    - After a preposition a verb rendering becomes a gerund ("adhere to aligning with …").
    - A verb or gerund rendering before "of" takes the "of" in ("studying … the guiding principles").
    - A plural MT noun makes the rendering's head plural; "the" before a mass noun with no
      postmodifier is dropped ("promote full and rigorous Party self-governance"), and so is
      "a"/"an" ("with [a high level of opening-up]": "with high-standard opening up"); "a"/"an"
      follow the rendering's first sound; the verb of a subject whose number changed agrees
      ("the guiding principles … are").
    - A rendering with a postmodifier or an article cannot modify the noun after the span
      ("[poverty alleviation] labor"): the reviewer places the term. A list ("sense of
      fulfillment, happiness and security") cannot go into a list the MT goes on with: the first
      alternative that is no list serves ("sense of fulfillment"), or the reviewer places it.
    - An ordinal keeps the MT's "the" ("the [Party's 20th]": "the 20th CPC National Congress").
    - The apostrophes follow the segment's (’ or ').

    And the reviewer places the term when the replacement would drop a finite verb of the MT
    ("the Region [Discipline Commission conducted a case-based investigation] into"), or would
    put a content word of the suggestion beside the same word of the MT ("[party organizations
    and cadres] of party members" with "Party members and officials").

    Offsets are characters, end exclusive.
    """
    placed = _place(text, start, end, suggestion, alternatives)
    if placed.manual:
        return placed
    why = _drops_verb(text, placed) or _repeats(text, placed)
    return Placement(placed.start, placed.end, placed.suggestion, why) if why else placed


def _object_of(prev: str) -> bool:
    """True when ``prev``, the word right before a span, is a verb whose object the span is (a
    verb form, no auxiliary, no noun: "promote", "strengthened")."""
    return verb_tag(prev) in ("VB", "VBD", "VBZ", "VBG") and prev.lower() not in _AUXILIARIES and is_verb(prev) and not can_be_noun(prev)


def _in_noun_list(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is an item inside a list of noun phrases: a comma or "and"
    before it, after a noun, and a comma or "and" after it, before another noun ("the
    ideological consciousness, [political consciousness] and action consciousness"; not
    "…, [development and security], continue to …", a list of verb phrases)."""
    before = re.search(r"([^\W\d_][\w'’-]*)\s*(?:,|\band|\bor)\s+$", text[max(0, start - 60) : start])
    after = re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([^\W\d_][\w'’-]*)", text[end:])
    return before is not None and after is not None and all(can_be_noun(w) and verb_tag(w) not in ("VBD", "VBZ", "VBG") and not (verb_tag(w) == "VB" and not noun_only(w) and is_verb(w) and not can_be_noun(w)) for w in (before.group(1), after.group(1)))


def _place(text: str, start: int, end: int, suggestion: str, alternatives: tuple[str, ...]) -> Placement:
    suggestion = _match_quotes(text, suggestion)
    words = _tokens(suggestion)
    if not words or start >= end:
        return Placement(start, end, suggestion)
    if _is_list(suggestion) and re.match(r"\s*(?:,|、|and\b|or\b)\s*[^\W\d_]", text[end:]):
        alt = next((a for a in alternatives if not _is_list(a) and phrase_kind(a) in ("noun", "unknown")), "")
        if not alt:
            return Placement(start, end, suggestion, f"“{suggestion}” is a list, and the MT's list goes on after “{text[start:end]}”: place the term by hand")
        suggestion = _match_quotes(text, alt[:1].upper() + alt[1:] if suggestion[:1].isupper() else alt)
        words = _tokens(suggestion)
    last = words[-1]
    after_word = _WORD_AFTER.match(text[end:])
    if after_word is not None and "-" in last and last.rpartition("-")[2].lower() == after_word.group(1).lower():
        # "the [grass-roots] level" with "primary-level": "the primary level"
        cut = suggestion.rfind("-")
        suggestion, end = suggestion[:cut] + " " + text[end + after_word.start(1) : end + after_word.end(1)], end + after_word.end(1)
        words = _tokens(suggestion)
    kind = phrase_kind(suggestion)
    slot, tag = _slot(text, start, end)
    flagged = text[start:end].lower()
    prev, prev_at = _prev_word(text, start)
    if kind == "verb" and flagged.split(" ", 1)[0] in _NEGATIONS and prev.lower() in _DO:
        # "[Do not forget the original intention]": "Stay true to our original aspiration…"
        start, slot, tag = prev_at, "verb", _DO[prev.lower()]
        if prev[:1].isupper() and re.search(r"(?:^|[.!?:;“\"‘(])[\s“\"‘(]*$", text[:start]):
            suggestion = suggestion[:1].upper() + suggestion[1:]
        flagged = text[start:end].lower()
    if kind == "verb" and flagged.split(" ", 1)[0] in _DETERMINERS:
        alt = _alternative(alternatives, {"noun", "unknown"}, suggestion)
        if not alt:
            return Placement(start, end, suggestion, f"the MT has a noun phrase here and “{suggestion}” is a verb phrase: place the term by hand")
        return _fit_compound(text, start, end, _match_quotes(text, flagged.split(" ", 1)[0] + " " + alt if alt.split(" ", 1)[0].lower() not in _DETERMINERS else alt))
    if kind == "verb" and slot == "unknown" and phrase_kind(text[start:end]) == "noun" and (_in_noun_list(text, start, end) or _object_of(prev)):
        ptag = verb_tag(prev) if prev else ""
        if _object_of(prev) and not re.match(r"\s*(?:,|and\b|or\b)", text[end:]):
            # "to help [promote] rural revitalization in an all-round way": the MT's verb is the term's
            start, slot, tag = prev_at, "verb", ptag
            if prev[:1].isupper():
                suggestion = suggestion[:1].upper() + suggestion[1:]
            flagged = text[start:end].lower()
        else:
            alt = _alternative(alternatives, {"noun"}, suggestion)
            if not alt:
                return Placement(start, end, suggestion, f"the MT has a noun phrase here and “{suggestion}” is a verb phrase: place the term by hand")
            return _fit_compound(text, start, end, _match_quotes(text, alt))
    first_word = next((w for w in _tokens(flagged) if w not in _NEGATIONS), "")
    if kind == "verb" and verb_tag(first_word) == "VBG" and slot != "verb":
        suggestion, kind = inflect_verbs(suggestion, "VBG"), "gerund"  # "a journey towards [building…]"
    if slot == "verb":
        if kind == "noun":
            alt = _alternative(alternatives, {"verb"}, suggestion)
            if not alt:
                return Placement(start, end, suggestion, f"the sentence needs a verb here and “{suggestion}” is a noun phrase: place the term by hand")
            suggestion, kind = _match_quotes(text, alt), "verb"
        if kind in ("verb", "gerund"):
            suggestion = inflect_verbs(suggestion, tag)
            kind = "verb"
    elif kind == "verb" and slot == "after-preposition":
        suggestion, kind = inflect_verbs(suggestion, "VBG"), "gerund"
    elif kind == "gerund" and slot == "after-determiner":
        prev, prev_at = _prev_word(text, start)
        if prev.lower() != "the":
            return Placement(start, end, suggestion, f"“{suggestion}” cannot follow “{prev}”: place the term by hand")
        start = prev_at  # "in [the selection and appointment of cadres]": "in selecting and appointing officials"
    if kind == "verb" and flagged.startswith(("to ", "not to ")) and not suggestion.lower().startswith("to "):
        suggestion = "to " + suggestion  # "a compulsory course for cadres [not to forget…]": "to stay true to…"
    elif kind == "verb" and slot == "after-determiner":
        alt = _alternative(alternatives, {"noun"}, suggestion)
        if not alt:
            return Placement(start, end, suggestion, f"the sentence needs a noun here and “{suggestion}” is a verb phrase: place the term by hand")
        suggestion, kind = _match_quotes(text, alt), "noun"
    if kind in ("verb", "gerund"):
        last = _tokens(suggestion)[-1]
        after = re.match(r"\s+of\b", text[end:])
        if after is not None and verb_tag(last) in ("VB", "VBG", "VBD", "VBZ") and is_verb(last):
            if not _NOMINALISATION.search(flagged.rstrip()):
                # "to [convey and study the spirit] of the session" with "relay and study"
                return Placement(start, end, suggestion, f"“{suggestion}” needs an object, and the MT's “{text[start:end]}” is followed by “of”: place the term by hand")
            end += after.end()
        return Placement(start, end, suggestion)
    return _fit_compound(text, start, end, suggestion)


def _is_list(phrase: str) -> bool:
    """True for a coordinated list of three or more ("sense of fulfillment, happiness and security")."""
    return bool(re.search(r"\w,\s+[^,]+\b(?:and|or)\b", phrase))


def _content_words(phrase: str) -> set[str]:
    """The words of ``phrase`` that carry meaning, as their first five letters, lowercased
    (``economy`` and ``economic`` are one)."""
    return {w.lower().strip("’'")[:5] for w in _tokens(phrase) if len(w) >= 4 and w.lower() not in _FUNCTION_WORDS}


def _repeats(text: str, placed: Placement) -> str:
    """Why the suggestion would repeat a content word (four letters or more, compared by its
    first five) of the MT right beside it, among the four words or commas before or after it in
    one clause, that the replaced words did not have, or ``""``: "[responsible comrades] from
    relevant units" with "officials of the relevant departments"."""
    new = _content_words(placed.suggestion) - _content_words(text[placed.start : placed.end])
    if not new:
        return ""
    before = re.split(r"[.;:!?()“”\"]", text[max(0, placed.start - 100) : placed.start])[-1]
    after = re.split(r"[.;:!?()“”\"]", text[placed.end : placed.end + 100])[0]
    near = _tokens(before)[-4:] + _tokens(after)[:4]
    for w in near:
        if w != "," and _content_words(w) & new:
            return f"“{placed.suggestion}” would stand beside the MT's “{w}”, which it may render already: place the term by hand"
    return ""


def _drops_verb(text: str, placed: Placement) -> str:
    """Why replacing the span would drop a finite verb of the MT that the suggestion has no form
    of ("the Region [Discipline Commission conducted a case-based investigation] into"), or ``""``:
    a past or present form, no noun or adjective, after the span's first word and before a
    determiner or preposition (not a participle before a noun: "socialist modernized country")."""
    inner = _tokens(text[placed.start : placed.end])
    lemmas = {verb_lemma(w) for w in _tokens(placed.suggestion)} - {""}
    for i in range(1, len(inner) - 1):
        w, nxt = inner[i], inner[i + 1].lower()
        if verb_tag(w) in ("VBD", "VBZ") and is_verb(w) and not can_be_noun(w) and not is_adjective(w) and (nxt in _DETERMINERS or nxt in PREPOSITIONS) and verb_lemma(w) not in lemmas:
            return f"the MT's “{text[placed.start:placed.end]}” holds the verb “{w}”, which “{placed.suggestion}” does not render: place the term by hand"
    return ""
