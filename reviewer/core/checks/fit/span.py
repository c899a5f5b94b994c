"""Widen a finding's span, so that accepting its suggestion leaves no doubled or clashing word.

Two cases met in real MT (the bundled sample, issue 16):

- the word before the span is the suggestion's first word: "to make [corrections immediately
  after knowing]" with "make immediate corrections" would give "to make make immediate
  corrections", so the span takes in "make";
- the suggestion ends on a preposition and the text after the span starts with one: "[research
  and deployment] of the municipal government system" with "study and make arrangements for"
  would give "for of", so the span takes in "of".

More, met in the WMT outputs, are listed in :func:`fit_span`'s docstring.

And two for ``term-missing``, whose span is found by alignment: a span never ends on a
preposition (:func:`past_dangling`): "added value of industries above" runs on over "the
standard", or the replacement would leave "above designated size the standard"; nor on a
modifier whose head noun follows (:func:`past_head`).

Offsets are characters, end exclusive.
"""

from __future__ import annotations

import re

from reviewer.core.checks.morphology import can_be_noun, is_verb, noun_only, verb_tag
from reviewer.core.checks.fit.common import _DETERMINERS, _FUNCTION_WORDS, _QUANTIFIERS, _WORD_AFTER, DANGLING, PREPOSITIONS, _tokens

_LAST_WORD = re.compile(r"[^\W_][\w'’-]*$")
_NEXT_WORD = re.compile(r"\s*([^\W_][\w'’-]*)")


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
