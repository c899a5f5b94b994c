"""Mechanical MT faults: repetition, punctuation, broken sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from reviewer.core.checks.base import Check, CheckContext, Finding, SegmentCheck, SegmentText, Severity
from reviewer.core.checks.registry import register
from reviewer.core.matching import STOPWORDS
from reviewer.core.text import NormalizedText, Token, normalize, tokenize

_CONJUNCTIONS = frozenset({"and", "or", "as", "well"})
_MAX_PHRASE = 10


@register
class Repetition(Check):
    """Words, phrases or whole sentences that the MT repeated."""

    id = "repetition"
    name = "Repetition"
    description = (
        "A word written twice in a row; a phrase repeated straight after itself (optionally joined by "
        "'and' or 'or'), as in “strengthen the ‘four consciousnesses’ and strengthen the ‘four "
        "consciousnesses’”; or a sentence that repeats an earlier one in the same document."
    )
    severity = Severity.MAJOR
    category = "Accuracy/Addition"

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        seen: dict[tuple[str, str], str] = {}
        for unit in units:
            norm = normalize(unit.text)
            toks = tokenize(norm.text)
            lowers = [t.lower for t in toks]
            yield from self._in_segment(unit, norm, toks, lowers)
            if len(lowers) >= 5:  # tokens are never empty and hold no space: one word each
                first = seen.setdefault((unit.document, " ".join(lowers)), unit.segment)
                if first != unit.segment:
                    yield self.finding(
                        unit, 0, len(unit.text), f"This sentence repeats segment {first}.", severity=Severity.MINOR
                    )

    def _in_segment(self, unit: SegmentText, norm: NormalizedText, toks: list[Token], lowers: list[str]) -> Iterable[Finding]:
        """Words and phrases repeated straight after themselves, the longest first at each token.

        A copy of the phrase at token ``i`` of ``n`` words starts at ``i + n`` (or at ``i + n + 1``
        after a conjunction), so its first word is the word at ``i``: the words are hashed once
        into their positions, and only the lengths ``n`` whose copy would begin with that word are
        compared, longest first, as a loop over every length would."""
        count = len(toks)
        where: dict[str, list[int]] = {}
        for p, w in enumerate(lowers):
            where.setdefault(w, []).append(p)
        if len(where) == count:
            return  # no word occurs twice, so nothing is repeated
        i = 0
        while i < count:
            later = where[lowers[i]]
            if len(later) == 1:
                i += 1
                continue
            longest = min(_MAX_PHRASE, (count - i) // 2)
            lengths: set[int] = set()
            for p in later[bisect_right(later, i) :]:
                n = p - i
                if n > longest + 1:
                    break
                if n <= longest:
                    lengths.add(n)  # the copy starts right after the phrase
                if n - 1 >= 2 and n - 1 <= longest and lowers[p - 1] in _CONJUNCTIONS:
                    lengths.add(n - 1)  # the copy starts after "and", "or", ...
            found = False
            for n in sorted(lengths, reverse=True):
                a = lowers[i : i + n]
                k = i + n
                if n > 1 and k < count and lowers[k] in _CONJUNCTIONS and lowers[k + 1 : k + 1 + n] == a:
                    k += 1
                if lowers[k : k + n] != a:
                    continue
                gap = norm.text[toks[i + n - 1].end : toks[k].start]
                if _SENTENCE_END_RE.search(gap):
                    continue
                if n == 1:
                    if a[0].isdigit() or a[0] in {"that", "had"} or len(a[0]) < 2 and a[0] not in {"a"}:
                        continue
                    message = f"The word “{toks[k].surface}” is written twice."
                    severity = Severity.MINOR
                elif all(w in STOPWORDS for w in a):
                    continue
                else:
                    a_start, a_end = norm.to_original(toks[i].start, toks[i + n - 1].end)
                    phrase = unit.text[a_start:a_end]
                    message = f"The MT repeated “{phrase}”; the second copy probably stands for a different phrase of the source."
                    severity = Severity.MAJOR
                suggestion: str | None
                if n == 1:
                    start, end = norm.to_original(toks[i].end, toks[k].end)
                    suggestion = ""
                else:
                    start, end = norm.to_original(toks[k].start, toks[k + n - 1].end)
                    suggestion = None
                    if end < len(unit.text) and unit.text[end] in "”’\"'":
                        end += 1  # the closing quote belongs to the repeated copy
                yield self.finding(unit, start, end, message, severity=severity, suggestion=suggestion)
                i = k + n
                found = True
                break
            if not found:
                i += 1


_SENTENCE_END_RE = re.compile(r"[.!?;]")
_SPACE_BEFORE_RE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]++(?=[,;:](?!\d)|[.!?](?:\s|$|[”’\"'A-Za-z]))")
_NO_SPACE_AFTER_RE = re.compile(r"(?<=[a-z])[,;:](?=[A-Za-z])|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_ZH_PUNCT = {
    "，": ",", "。": ".", "；": ";", "：": ":", "！": "!", "？": "?", "、": ",",
    "（": "(", "）": ")", "【": "[", "】": "]", "《": "“", "》": "”", "「": "“", "」": "”",
}
_PAIRS = (("“", "”", "quotation mark"), ("(", ")", "bracket"), ("[", "]", "bracket"))


@register
class Punctuation(SegmentCheck):
    """Unbalanced quotes or brackets, misplaced spaces, Chinese punctuation in English."""

    id = "punctuation"
    name = "Punctuation"
    description = (
        "Unbalanced quotation marks or brackets; a space before a comma, full stop, semicolon, colon, "
        "question or exclamation mark; a missing space after a comma, semicolon, colon or full stop; "
        "doubled spaces; and Chinese (full-width) punctuation left in the English text."
    )
    severity = Severity.MINOR
    category = "Fluency/Punctuation"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        text = unit.text
        findings: list[Finding] = []
        for m in _SPACE_BEFORE_RE.finditer(text):
            s, e = m.span()
            glued = e + 1 < len(text) and text[e + 1].isalpha()  # "a ,b": the space is on the wrong side
            findings.append(
                self.finding(unit, s, e + 1, f"Space before “{text[e]}”" + (" and none after it." if glued else "."), suggestion=text[e] + (" " if glued else ""))
            )
        for m in _NO_SPACE_AFTER_RE.finditer(text):
            s = m.start()
            if s > 0 and text[s - 1] in " \t\u00a0":
                continue  # reported above with the space before
            findings.append(self.finding(unit, s, s + 1, f"No space after “{text[s]}”.", suggestion=text[s] + " "))
        for m in _DOUBLE_SPACE_RE.finditer(text):
            findings.append(self.finding(unit, m.start(), m.end(), "Doubled space.", suggestion=" "))
        for i, ch in enumerate(text):
            if ch in _ZH_PUNCT:
                findings.append(
                    self.finding(unit, i, i + 1, f"Chinese punctuation “{ch}” in English text.", suggestion=_ZH_PUNCT[ch])
                )
        for open_, close, label in _PAIRS:
            for pos, kind in _unbalanced(text, open_, close):
                findings.append(
                    self.finding(unit, pos, pos + 1, f"Unbalanced {label}: this “{text[pos]}” has no {kind}.", severity=Severity.MAJOR if label == "quotation mark" else Severity.MINOR)
                )
        straight = [i for i, ch in enumerate(text) if ch == '"']
        if len(straight) % 2:
            findings.append(self.finding(unit, straight[-1], straight[-1] + 1, "Unbalanced quotation mark: odd number of straight double quotes."))
        findings.sort(key=lambda f: f.start)
        return findings


def _unbalanced(text: str, open_: str, close: str) -> list[tuple[int, str]]:
    stack: list[int] = []
    bad: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch == open_:
            stack.append(i)
        elif ch == close:
            if stack:
                stack.pop()
            else:
                bad.append((i, "opening partner"))
    bad.extend((i, "closing partner") for i in stack)
    return sorted(bad)


#: A Chinese source that is a sentence: it ends with sentence punctuation (and closing quotes).
_SENTENCE_START_RE = re.compile(r".*[。！？!?；;…]['\"”’」』）)]*$", re.DOTALL)


@register
class BrokenSentence(SegmentCheck):
    """A segment that starts in the middle of a sentence: a sign of a broken MT sentence."""

    id = "broken-sentence"
    name = "Broken sentence"
    description = (
        "A segment that starts with a lower-case word or a closing quotation mark, as when the MT cut a "
        "sentence in two (“… the ‘four consciousnesses’. self-confidence” and …”). Not raised when the "
        "segment's Chinese source is itself no sentence (a heading, a term, a table cell)."
    )
    severity = Severity.MAJOR
    category = "Fluency/Grammar"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        if unit.source is not None and unit.source.strip() and not _SENTENCE_START_RE.match(unit.source.strip()):
            return  # the source is a fragment too (a heading, a term, a table cell): nothing is broken
        text = unit.text.lstrip()
        offset = len(unit.text) - len(text)
        m = re.match(r"[a-z][\w-]*|[”’]", text)
        if m and not re.match(r"(e\.g|i\.e|etc|vs)\b", text):
            yield self.finding(
                unit, offset, offset + m.end(), "The sentence starts in lower case: the MT probably broke a sentence here."
            )


_FUNCTION_WORDS = frozenset(
    "the a an and or of to in for on at by as with from that this these those is are was were be it its "
    "their our we they according".split()
)
_STRAY_CAPITAL_RE = re.compile(r"(?:(?<=[a-z] )|(?<=[a-z], )|(?<=[a-z]; )|(?<=[a-z] , ))([A-Z][a-z]+)\b")


@register
class StrayCapital(SegmentCheck):
    """A function word capitalised in the middle of a sentence, a trace of a broken MT sentence."""

    id = "capitalization"
    name = "Stray capital"
    description = (
        "A capitalised function word (The, With, According, And, Of, ...) in the middle of a sentence, after "
        "a lower-case word, comma or semicolon, as in “carry forward The spirit” or “China; According to”."
    )
    severity = Severity.MINOR
    category = "Fluency/Spelling"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        for m in _STRAY_CAPITAL_RE.finditer(unit.text):
            word = m.group(1)
            if word.lower() in _FUNCTION_WORDS:
                yield self.finding(
                    unit, m.start(1), m.end(1), f"“{word}” is capitalised in the middle of a sentence.", suggestion=word.lower()
                )


_HANZI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_PINYIN_RE = re.compile(r"\b[a-zA-Z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]*\b")


@register
class Untranslated(SegmentCheck):
    """Chinese characters or toned pinyin left in the English target."""

    id = "untranslated"
    name = "Untranslated"
    description = "Chinese characters (Hanzi) or pinyin with tone marks left in the English text."
    severity = Severity.MAJOR
    category = "Accuracy/Untranslated"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        for m in _HANZI_RE.finditer(unit.text):
            yield self.finding(unit, m.start(), m.end(), f"Chinese “{m.group()}” left untranslated.")
        for m in _PINYIN_RE.finditer(unit.text):
            yield self.finding(unit, m.start(), m.end(), f"Pinyin “{m.group()}” left untranslated (or keep it with a gloss).", severity=Severity.MINOR)


def _norm_key(text: str) -> str:
    return " ".join(t.lower for t in tokenize(normalize(text).text))


@register
class SegmentInconsistency(Check):
    """The same source translated differently, or the same translation of different sources."""

    id = "segment-inconsistent"
    name = "Inconsistent segment"
    description = (
        "Across the document or batch: the same Chinese source segment translated in different ways "
        "(source-side), or the same English target given for different sources (target-side). Spacing, "
        "quotes and case do not count. Needs a Chinese source."
    )
    severity = Severity.MINOR
    category = "Terminology/Inconsistent use of terminology"

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        by_source: dict[str, list[SegmentText]] = {}
        by_target: dict[str, list[SegmentText]] = {}
        for unit in units:
            if not unit.source or not unit.text.strip():
                continue
            by_source.setdefault("".join(unit.source.split()), []).append(unit)
            by_target.setdefault(_norm_key(unit.text), []).append(unit)
        for group in by_source.values():
            first = group[0]
            for unit in group[1:]:
                if _norm_key(unit.text) != _norm_key(first.text):
                    # the other translation is offered only when it has no wrong term in it
                    clean = not any(not h.acceptable for h in ctx.hits(first))
                    yield self.finding(
                        unit, 0, len(unit.text), f"The same source as {_where(first, unit)} is translated differently here.", suggestion=first.text if clean else None
                    )
        for group in by_target.values():
            first = group[0]
            for unit in group[1:]:
                if "".join((unit.source or "").split()) != "".join((first.source or "").split()):
                    yield self.finding(unit, 0, len(unit.text), f"The same translation as {_where(first, unit)} stands for a different source here.")


def _where(first: SegmentText, unit: SegmentText) -> str:
    """``segment 4``, or ``segment 4 of other.xlf`` when it is in another document of the batch."""
    if first.document == unit.document:
        return f"segment {first.segment}"
    return f"segment {first.segment} of {first.document.replace(chr(92), '/').rsplit('/', 1)[-1]}"
