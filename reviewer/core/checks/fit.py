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

More, met in the WMT outputs, are listed in :func:`fit_span`'s docstring.

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
#: words that do not carry a term's meaning, for comparing words of the MT and the suggestion
_FUNCTION_WORDS = frozenset("a an the of and or in on for to with by at as its our their this these that those from into is are be".split())
#: words that can be nouns but do not head a noun phrase after a modifier ("spirit of fighting [more]")
_QUANTIFIERS = frozenset("more most less much many all other others such both each every some any first last now then again".split())
_LAST_WORD = re.compile(r"[^\W_][\w'’-]*$")
_NEXT_WORD = re.compile(r"\s*([^\W_][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"^\s+([^\W\d_][\w'’-]*)")


def fit_span(text: str, start: int, end: int, suggestion: str) -> tuple[int, int]:
    """``(start, end)`` widened so that ``text[:start] + suggestion + text[end:]`` repeats no word
    at either edge and puts no preposition after a preposition; unchanged when it already fits.

    Besides the repeated first and last words (:func:`_past_overlap`):

    - the words before the span that the suggestion has after its first word, with the MT's
      word in place of that first word: "the [CPC Central Committee] with Comrade Xi Jinping as
      the core" with "Party Central Committee with Comrade Xi Jinping at its core";
    - the suggestion's head noun a few words before the span, followed by "of": "the [policy
      of giving] priority to employment" with "employment-first policy";
    - a short phrase coordinated after the span that ends on the suggestion's last word, which
      the suggestion renders already: "not forgetting the original intention [and remembering
      the mission]" with "stay true to our original aspiration and founding mission"."""
    words = suggestion.split()
    if not words or start >= end:
        return start, end
    first, last = words[0].lower(), words[-1].lower()
    span_first = text[start:end].split()[0].lower() if text[start:end].split() else ""
    if span_first != first:
        start = _past_overlap(text, start, [w.lower() for w in words], words[0][:1].isupper())
    start = _past_head(text, start, end, _LAST_WORD.search(suggestion))
    after = _WORD_AFTER.match(text[end:])
    if after is not None and last in PREPOSITIONS and after.group(1).lower() in PREPOSITIONS:
        end += after.end(1)
    elif after is not None and after.group(1).lower() == last and len(words) > 1:
        end += after.end(1)
    else:
        end = _past_coordinated(text, start, end, last)
    return start, end


def _past_overlap(text: str, start: int, words: list[str], capital: bool = False) -> int:
    """``start`` moved back over the words before it that the suggestion starts with again:
    "the general principle of [seeking progress…]" with "general principle of pursuing
    progress…", "consolidate and [expand…]" with "consolidate and expand…"; or over words the
    suggestion has after its first one or two (two content words at least) and the one word
    before them, the MT's counterpart of those (not a function word, capitalised like the
    suggestion: ``capital``): "the CPC Central Committee [with…]" with "Party Central Committee
    with…", "build a moderately prosperous [society in an all-round way]" with "finish building
    a moderately prosperous society in all respects". ``words`` are the suggestion's, lowercased."""
    window = max(0, start - 120)
    if not re.search(r"[^\W_][\w-]*\s+$", text[window:start]):
        return start
    before = [(window + m.start(), m.group()) for m in re.finditer(r"[^\W_][\w-]*", text[window:start])]
    low = [w.lower() for _, w in before]
    for k in range(min(6, len(words) - 1, len(before)), 0, -1):
        if low[-k:] == words[:k]:
            return before[-k][0]
    for j in (1, 2):
        for k in range(min(6, len(words) - j - 1, len(before) - 1), 1, -1):
            if low[-k:] != words[j : j + k] or sum(w not in _FUNCTION_WORDS for w in low[-k:]) < 2:
                continue
            at, word = before[-k - 1]
            if word.lower() not in _FUNCTION_WORDS and word[:1].isupper() == capital and re.fullmatch(r"[\w\s'’-]+", text[at:start]):
                return at
    return start


def _past_head(text: str, start: int, end: int, last: re.Match[str] | None) -> int:
    """``start`` moved back to the suggestion's last word (``last``, its head noun) where the MT
    has it right before the span with "of" and at most two other words after it, none of them
    "and"/"or", in one clause: "the [policy of giving] priority to employment" with
    "employment-first policy"."""
    if last is None or last.group().lower() in _FUNCTION_WORDS or not can_be_noun(last.group()):
        return start
    head = last.group().lower()
    if head in (w.lower() for w in _tokens(text[start:end])):
        return start
    window = max(0, start - 80)
    before = list(re.finditer(r"[^\W_][\w'’-]*|[^\w\s]", text[window:start]))[-5:]
    for i, m in enumerate(before[:-1]):
        between = [b.group().lower() for b in before[i + 2 :]]
        if m.group().lower() == head and before[i + 1].group().lower() == "of" and len(between) <= 2 and all(re.match(r"\w", w) and w not in ("and", "or") for w in between):
            return window + m.start()
    return start


def _past_coordinated(text: str, start: int, end: int, last: str) -> int:
    """``end`` moved over "and …" or ", …" after the span that reaches the suggestion's last word
    ``last`` (lowercased) within five words, when the span lacks it, and ends at most two words
    later (punctuation, "as" or "and" next), where that phrase starts with a verb if the span
    does, and not otherwise: the MT's rendering of the rest of a term that the suggestion renders
    whole ("not to forget their original intentions [and keep their mission in mind]." with "…
    and founding mission"). Not "… and remember the mission of the mandatory course", which
    goes on, nor "[state-owned enterprises] and accelerate the reform"."""
    if last in _FUNCTION_WORDS or len(last) < 4 or last in (w.lower() for w in _tokens(text[start:end])):
        return end
    word = r"[^\W_][\w'’-]*(?![\w'’-])"
    m = re.match(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)((?:{word}\s+){{0,4}}?){re.escape(last)}(?![\w'’-])(?:\s+{word}){{0,2}}?(?=\s*(?:[^\w\s]|$|(?:as|and)\b))", text[end:], re.IGNORECASE)
    if m is None:
        return end
    def verbal(words: list[str]) -> bool:
        w = next((w for w in words if w.lower() not in {"not", "never", "to", "do", "does", "did"}), "")
        return bool(w) and verb_tag(w) in ("VB", "VBG", "VBD", "VBZ") and is_verb(w) and not noun_only(w)
    if verbal(_tokens(text[start:end])) != verbal(_tokens(m.group(1) or last)):
        return end
    return end + m.end()


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


def past_head(text: str, start: int, end: int, term: str) -> int:
    """``end`` moved over up to two nouns after ``text[start:end]`` when the span's last word is
    one that ``term`` (the rendering it was aligned with) has before its last word, a modifier,
    so that the MT's head noun is missing from the span: "cadres at the [grass-roots] level"
    aligned with "grass-roots cadres", "the domestic and international [double loop]" with
    "domestic and international cycles"."""
    last = _LAST_WORD.search(text[start:end])
    term_words = [w.lower().replace("-", "") for w in re.findall(r"[^\W_][\w'’-]*", term)]
    if last is None or last.group().lower().replace("-", "") not in term_words[:-1]:
        return end
    if last.group().lower().replace("-", "") == term_words[-1]:
        return end
    for _ in range(2):
        m = re.match(r"[ ]+([^\W\d_][\w'’-]*)", text[end:])
        if m is None:
            break
        if m.group(1)[:1].isupper() and not last.group()[:1].isupper():
            break  # "the Party's [20th] Great Victory": a name of its own
        w = m.group(1).lower()
        if w in _FUNCTION_WORDS or w in _QUANTIFIERS or w in DANGLING or w in PREPOSITIONS or w.endswith("ly") or not can_be_noun(w) or verb_tag(w) not in ("", "VB"):
            break
        end += m.end()
    return end


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


def _lemmas_known(word: str) -> bool:
    """True when lemminflect knows ``word`` (it knows few hyphenated compounds: "community-level")."""
    return can_be_noun(word) or is_adjective(word) or bool(verb_tag(word))


def phrase_kind(phrase: str) -> str:
    """What a rendering is: ``"verb"`` (``make immediate corrections``, ``relay and study``,
    ``guide community-level governance…``: a hyphenated word lemminflect does not know is a
    modifier),
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
    if (is_adjective(nxt) and not is_plural(nxt)) or ("-" in nxt and not _lemmas_known(nxt)) or (verb_tag(nxt) == "VBG" and i == 0):
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


_AUXILIARIES = frozenset("is are was were be been being am has have had do does did".split())
_DO = {"do": "VB", "does": "VBZ", "did": "VBD"}
_NEGATIONS = frozenset({"not", "never"})
_PARTICLES = frozenset({"up", "out", "off", "down"})


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
