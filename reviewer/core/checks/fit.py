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

Then :func:`place` fits the suggestion's grammar to the sentence (word forms, articles,
agreement), or says why it cannot be placed safely.

Offsets are characters, end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.core.checks.morphology import (
    can_be_noun,
    inflect,
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
    span_first = text[start:end].split()[0].lower() if text[start:end].split() else ""
    if span_first != first:
        start = _past_overlap(text, start, [w.lower() for w in words])
    after = _WORD_AFTER.match(text[end:])
    if after is not None and last in PREPOSITIONS and after.group(1).lower() in PREPOSITIONS:
        end += after.end(1)
    elif after is not None and after.group(1).lower() == last and len(words) > 1:
        end += after.end(1)
    return start, end


def _past_overlap(text: str, start: int, words: list[str]) -> int:
    """``start`` moved back over the words before it that the suggestion starts with again:
    "the general principle of [seeking progress…]" with "general principle of pursuing
    progress…", "consolidate and [expand…]" with "consolidate and expand…". ``words`` are the
    suggestion's, lowercased."""
    window = max(0, start - 120)
    if not re.search(r"[^\W_][\w-]*\s+$", text[window:start]):
        return start
    before = [(window + m.start(), m.group().lower()) for m in re.finditer(r"[^\W_][\w-]*", text[window:start])]
    for k in range(min(6, len(words) - 1, len(before)), 0, -1):
        if [w for _, w in before[-k:]] == words[:k]:
            return before[-k][0]
    return start


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


# -- fitting the suggestion's grammar to the sentence ---------------------------------------

_TOKEN = re.compile(r"[^\W_][\w'’-]*|,")
_ARTICLES = frozenset({"a", "an"})
_MODALS = frozenset("to must should will shall can may would could might cannot".split())
_CLAUSE_OPENERS = frozenset({"that", "which", "where", "so", "and", "but", "while"})
_POSTMODIFIERS = frozenset("of for to in on at by with from into against".split())
_NUMBERS = frozenset("one two three four five six seven eight nine ten first second third".split())
_BE_PLURAL = {"is": "are", "was": "were", "has": "have"}
_BE_SINGULAR = {v: k for k, v in _BE_PLURAL.items()}
_PREPOSITIONS_BEFORE_NOUNS = frozenset("of in for from on with by into against as".split())
_NEXT_IS_VERBISH = re.compile(r"(?i)(?:is|are|was|were|has|have)$")
_NOMINALISATION = re.compile(r"(?:tion|sion|ment|ance|ence|ing|sis|ure)(?: of)?$")


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
    """Index of the head noun: the last word before a postmodifying preposition."""
    for i, w in enumerate(words):
        if i and w.lower() in _POSTMODIFIERS:
            return i - 1
    return len(words) - 1


def _first_content(words: list[str]) -> int:
    i = 0
    while i < len(words) - 1 and words[i].lower().endswith("ly") and not verb_tag(words[i]):
        i += 1
    return i


def phrase_kind(phrase: str) -> str:
    """What a rendering is: ``"verb"`` (``make immediate corrections``, ``relay and study``),
    ``"gerund"`` (``comprehensively studying, understanding and implementing``), ``"noun"``
    (``guiding principles``, ``reform and opening up``) or ``"unknown"``."""
    words = _tokens(phrase)
    if not words:
        return "unknown"
    i = _first_content(words)
    first, nxt = words[i], (words[i + 1].lower() if i + 1 < len(words) else "")
    tag = verb_tag(first)
    if tag == "VBG":
        if nxt == "of" or (nxt and noun_only(nxt) and i == 0):
            return "noun"
        return "gerund" if i > 0 or nxt in {"and", ",", "the", "a", "an", "its", "their", "our", "with", "on", "to", "in"} or not nxt else "noun"
    if tag != "VB" or not is_verb(first) or first[:1].isupper():
        return "noun" if noun_only(words[_head(words)]) else "unknown"
    if not nxt:
        return "unknown" if not noun_only(first) and can_be_noun(first) else "verb"
    if nxt in {"the", "a", "an", "its", "their", "our", "all", "this", "these", "those", "it", "them", "itself"} or nxt.endswith("ly"):
        return "verb"
    if nxt in {"and", ","} and i + 2 < len(words):
        other = words[i + 2]
        return "verb" if verb_tag(other) == "VB" and is_verb(other) else "noun"
    if nxt in _POSTMODIFIERS or nxt in {"up", "out", "down", "forward", "firmly", "off"}:
        if nxt == "of" or (nxt == "against" and can_be_noun(first)):
            return "noun" if nxt == "of" else "unknown"  # "fight against poverty" is a noun as often as a verb
        return "verb"
    if verb_tag(nxt) == "VB" and not can_be_noun(first):
        return "verb"
    if (is_adjective(nxt) and not is_plural(nxt)) or (verb_tag(nxt) == "VBG" and i == 0):
        return "verb"
    return "verb" if not can_be_noun(first) else "unknown"


def inflect_verbs(phrase: str, tag: str) -> str:
    """``phrase`` with its leading verb, and the verbs coordinated with it, in the form ``tag``
    (``study and make arrangements for`` → ``studied and made arrangements for`` for ``VBD``)."""
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(phrase)]
    if not spans:
        return phrase
    i = _first_content([s[2] for s in spans])
    verbs = [i]
    j = i + 1
    while j + 1 < len(spans) and spans[j][2].lower() in {",", "and", "or"}:
        k = j + 1 if spans[j + 1][2].lower() not in {"and", "or"} else j + 2
        if k >= len(spans) or not verb_tag(spans[k][2]) or not is_verb(spans[k][2]):
            break
        verbs.append(k)
        j = k + 1
    out = phrase
    for n in reversed(verbs):
        s, e, w = spans[n]
        lemma = verb_lemma(w) or w
        new = lemma if tag == "VB" else inflect(lemma, tag)
        if w[:1].isupper():
            new = new[:1].upper() + new[1:]
        out = out[:s] + new + out[e:]
    return out


def _prev_word(text: str, start: int) -> tuple[str, int]:
    """The word right before ``start`` (only spaces between) and its offset, or ``("", -1)``."""
    m = _WORD_BEFORE.search(text[max(0, start - 60) : start])
    if m is None:
        return "", -1
    return m.group(1), max(0, start - 60) + m.start(1)


def _slot(text: str, start: int, end: int) -> tuple[str, str]:
    """What the sentence wants at ``[start, end)``: ``("verb", TAG)``, ``("after-preposition", "")``,
    ``("after-determiner", "")`` or ``("unknown", "")``."""
    prev, _ = _prev_word(text, start)
    p = prev.lower()
    words = _tokens(text[start:end])
    if not words:
        return "unknown", ""
    i = _first_content(words)
    tag = verb_tag(words[i])
    if p in _MODALS and tag in ("VB", "") and is_verb(words[i]) and not (p == "to" and tag == "VBG"):
        return "verb", "VB"
    if p in _DETERMINERS or p.endswith(("’s", "'s")):
        return "after-determiner", ""
    if p in _POSTMODIFIERS or p in {"about", "through", "without", "after", "before", "towards", "toward"}:
        return ("after-preposition", "") if tag in ("VBG", "") or not is_verb(words[i]) else ("unknown", "")
    if tag in ("VBD", "VBZ") and is_verb(words[i]) and not can_be_noun(words[i]) and p not in _DETERMINERS:
        return "verb", tag
    return "unknown", ""


def _alternative(alternatives: tuple[str, ...], kinds: set[str], like: str) -> str:
    """The first of ``alternatives`` of one of ``kinds``, with ``like``'s first capital."""
    for alt in alternatives:
        if phrase_kind(alt) in kinds:
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
    - After a preposition a verb rendering becomes a gerund ("adhere to aligning with …").
    - A verb or gerund rendering before "of" takes the "of" in ("studying … the guiding principles").
    - A plural MT noun makes the rendering's head plural; "the" before a mass noun with no
      postmodifier is dropped ("promote full and rigorous Party self-governance"); "a"/"an" follow
      the rendering's first sound; the verb of a subject whose number changed agrees
      ("the guiding principles … are").
    - The apostrophes follow the segment's (’ or ').

    Offsets are characters, end exclusive.
    """
    suggestion = _match_quotes(text, suggestion)
    words = _tokens(suggestion)
    if not words or start >= end:
        return Placement(start, end, suggestion)
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
    if kind == "verb" and flagged.split(" ", 1)[0] in _DETERMINERS:
        alt = _alternative(alternatives, {"noun", "unknown"}, suggestion)
        if not alt:
            return Placement(start, end, suggestion, f"the MT has a noun phrase here and “{suggestion}” is a verb phrase: place the term by hand")
        return _fit_noun(text, start, end, _match_quotes(text, flagged.split(" ", 1)[0] + " " + alt if alt.split(" ", 1)[0].lower() not in _DETERMINERS else alt))
    if kind == "verb" and verb_tag(_tokens(flagged)[0]) == "VBG" and slot != "verb":
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
    if mt_plural and not is_plural(sugg_head) and not titled and not counted and not is_mass(sugg_head) and can_be_noun(sugg_head) and not verb_tag(sugg_head) in ("VBZ", "VBD", "VBG"):
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
    postmodified = _head(words) < len(words) - 1
    if re.search(r"\b(?:its|their) \w+$", suggestion) and re.match(r"\s+of\b", text[end:]):
        return Placement(start, end, suggestion, f"“{suggestion}” cannot be followed by “of”: place the term by hand")
    if p == "the" and re.match(r"[^\W_]+[’']s\b", text[start:end]) and not re.match(r"[^\W_]+[’']s\b", suggestion) and not titled:
        start = prev_at  # "the [Party's construction]": "Party building"
        p = ""
    lead_the = flagged[0].lower() == "the" and words[0].lower() not in _DETERMINERS
    mass = sugg_head.islower() and not plural and is_mass(sugg_head) and can_be_noun(sugg_head) and not postmodified
    if lead_the and not titled and (not mass or modifier):
        # "requirements of [the 20th National Congress of the Party]": keep the article
        suggestion = _first_word(text, start) + " " + suggestion
        words = _tokens(suggestion)
    elif not lead_the and p in _PREPOSITIONS_BEFORE_NOUNS and postmodified and not plural and not titled and not is_mass(sugg_head) and words[0].lower() not in _DETERMINERS and can_be_noun(sugg_head) and verb_tag(words[0]) != "VBG":
        suggestion = "the " + suggestion  # "results of [poverty alleviation]": "of the fight against poverty"
        words = _tokens(suggestion)
    if p in _ARTICLES and plural:
        start = prev_at
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
