"""Term checks: non-standard renderings and inconsistent renderings of a concept."""

from __future__ import annotations

import re
from typing import cast
from collections.abc import Iterable, Sequence

from reviewer.core.checks.base import Check, CheckContext, Finding, SegmentCheck, SegmentText, Severity, TermRef
from reviewer.core.checks.registry import register
from reviewer.core.consistency import at_sentence_start as _at_sentence_start
from reviewer.core.consistency import group_renderings
from reviewer.core.matching import STOPWORDS, HitKind, TermHit
from reviewer.core.termbase.model import Status
from reviewer.core.termbase.model import Concept
from reviewer.core.text import normalize, term_key, tokenize


_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def fit_case(suggestion: str, text: str, start: int, end: int, titles: bool = True) -> str:
    """Capitalise ``suggestion`` to replace ``text[start:end]``.

    Inside a quoted title written in Title Case (“Report on the Construction of
    a Rule of Law Government in 2022”), the suggestion is put in Title Case too
    (``Law-Based Government``), unless ``titles`` is false. At the start of a
    sentence only the first letter is raised: ``Self-revolution`` becomes
    ``Self-reform``.
    """
    flagged = text[start:end]
    if titles and _in_quoted_title(text, start, end):
        return " ".join(_title_word(w, i == 0) for i, w in enumerate(suggestion.split(" ")))
    if _at_sentence_start(text, start) and flagged[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """True when the span lies inside “...” whose words are mostly capitalised (a title)."""
    open_at = text.rfind("“", 0, start)
    if open_at < 0 or text.rfind("”", open_at, start) >= 0:
        return False
    close_at = text.find("”", end)
    if close_at < 0:
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text[open_at + 1 : close_at]) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


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


@register
class NonStandardTerm(SegmentCheck):
    """A deprecated, superseded or forbidden rendering, a case variant, or a near miss."""

    id = "term-nonstandard"
    name = "Non-standard term"
    description = (
        "A rendering the termbase marks deprecated, superseded or forbidden; a case-sensitive term "
        "written with the wrong capitals; or a near miss of a term (fuzzy match with its similarity score). "
        "The suggestion is the concept's preferred term."
    )
    severity = Severity.MAJOR
    category = "Terminology/Wrong term"

    _SEVERITY = {
        Status.FORBIDDEN: Severity.MAJOR,
        Status.DEPRECATED: Severity.MINOR,
        Status.SUPERSEDED: Severity.MINOR,
    }

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        for hit in ctx.hits(unit):
            finding = self._finding(unit, hit)
            if finding is not None:
                yield finding

    def _finding(self, unit: SegmentText, hit: TermHit) -> Finding | None:
        if hit.acceptable:
            return None
        preferred_text = hit.concept.preferred_text
        zh = hit.concept.source_term
        concept_label = f"{zh} ({preferred_text})" if zh and preferred_text else (zh or preferred_text or "its concept")
        status = hit.term.status
        if hit.kind is HitKind.NEAR:
            if status.acceptable:
                msg = f"“{hit.text}” is close to the standard rendering “{hit.term.text}” of {zh or 'this concept'} ({hit.score:.0f}% similar, {hit.classification})."
                severity = Severity.MINOR
            else:
                msg = f"“{hit.text}” looks like the {status.value} rendering “{hit.term.text}” ({hit.score:.0f}% similar)"
                msg += f"; the standard rendering of {zh or 'this concept'} is “{preferred_text}”." if preferred_text else "."
                severity = self._SEVERITY.get(status, Severity.MINOR)
            replacement = hit.term.text if status.acceptable else preferred_text
        elif hit.kind is HitKind.CASE:
            msg = f"Capitalisation: write “{hit.term.text}”" + (f" ({zh})." if zh else ".")
            severity = Severity.MINOR
            replacement = hit.term.text if status.acceptable else preferred_text
        else:
            reason = {
                Status.FORBIDDEN: "a wrong rendering",
                Status.DEPRECATED: "a non-standard rendering",
                Status.SUPERSEDED: f"a superseded rendering{' (used until ' + hit.term.valid_to + ')' if hit.term.valid_to else ''}",
            }.get(status, "non-standard")
            msg = f"“{hit.text}” is {reason} of {concept_label}" + (f"; use “{preferred_text}”." if preferred_text else ".")
            if hit.term.note:
                msg += f" {hit.term.note}"
            severity = self._SEVERITY.get(status, Severity.MINOR)
            replacement = preferred_text
        suggestion: str | None = None
        if replacement:  # a termbase of forbidden terms only has no replacement to offer
            suggestion = fit_case(inflect_like(replacement, hit.text, hit.term.text), unit.text, hit.start, hit.end)
        return self.finding(
            unit,
            hit.start,
            hit.end,
            msg,
            severity=severity,
            suggestion=suggestion,
            term=TermRef.of(hit),
            score=hit.score if hit.kind is HitKind.NEAR else None,
            details={"kind": hit.kind.value, "classification": hit.classification},
        )


@register
class InconsistentTerm(Check):
    """One concept rendered in more than one way across a document or batch."""

    id = "term-inconsistent"
    name = "Inconsistent term"
    description = (
        "A concept is rendered in more than one way in the document (or batch), including differently "
        "capitalised forms. Each finding lists every rendering with its count; the suggestion is the "
        "preferred term if it is used, else the most frequent acceptable rendering. Non-standard renderings "
        "are listed with their counts but flagged only by term-nonstandard, so no span is flagged twice."
    )
    severity = Severity.MINOR
    category = "Terminology/Inconsistent use of terminology"

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        for group in group_renderings((unit, hit) for unit in units for hit in ctx.hits(unit)):
            if group.consistent or group.dominant is None:
                continue  # one rendering, or none acceptable (term-nonstandard flags each one)
            listing = "; ".join(f"“{r.text}” ×{r.count}" for r in group.renderings)
            details = [{"rendering": r.text, "count": r.count} for r in group.renderings]
            concept = group.concept
            for r in group.renderings:
                if r is group.dominant or not r.acceptable:
                    continue  # a non-standard rendering is term-nonstandard's finding, listed here only
                for occurrence, hit in r.occurrences:
                    unit = cast(SegmentText, occurrence)
                    yield self.finding(
                        unit,
                        hit.start,
                        hit.end,
                        f"{concept.source_term or concept.preferred_text} is rendered {len(group.renderings)} ways here: {listing}. Use one rendering, e.g. “{group.dominant_text}”.",
                        suggestion=fit_case(group.dominant_text, unit.text, hit.start, hit.end, titles=False),
                        term=TermRef.of(hit),
                        details={"renderings": details, "dominant": group.dominant_text},
                    )


@register
class MissingTerm(SegmentCheck):
    """A term of the Chinese source with no rendering of its concept in the target."""

    id = "term-missing"
    name = "Missing term"
    description = (
        "The source has a termbase term, but the target has no rendering of its concept at all (a "
        "non-standard rendering is term-nonstandard's finding instead). The finding points at the closest "
        "words of the target when there are any, and suggests the preferred term. Needs a Chinese source."
    )
    severity = Severity.MINOR
    category = "Terminology/Missing term"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        source_hits = ctx.source_hits(unit)
        if not source_hits:
            return
        hits = ctx.hits(unit)
        rendered_concepts = {h.concept.id for h in hits}
        rendered_terms = {term_key(h.term.text) for h in hits}
        seen: set[str] = set()
        for sh in source_hits:
            concept = sh.concept
            if concept.id in seen or not concept.preferred_text:
                continue
            # any rendering of the concept counts, even where the matcher gave the words to
            # another concept that shares them
            if concept.id in rendered_concepts or any(term_key(t.text) in rendered_terms for t in concept.en):
                continue
            seen.add(concept.id)
            score, start, end = _closest_words(unit.text, [t.text for t in concept.en])
            if score >= LOOSE_RENDERING or _most_words_present(unit.text, concept):
                continue  # rendered in other words close to one of the concept's terms
            used = f" The closest words in the target are “{unit.text[start:end]}”." if end > start else ""
            yield self.finding(
                unit,
                start,
                end,
                f"The source has {sh.text}" + (" (Traditional)" if sh.traditional else "") + f", but the target has no rendering of it; the standard one is “{concept.preferred_text}”.{used}",
                suggestion=concept.preferred_text if end > start else None,
                term=TermRef(concept.id, concept.source_term, concept.preferred_text, concept.termbase, ""),
                score=round(score, 1),
            )


def _most_words_present(text: str, concept: Concept) -> bool:
    """True when two thirds or more of the content words of one of the concept's
    English terms occur in ``text`` (by stem): a loose or reordered rendering."""
    present = {t.stem for t in tokenize(normalize(text).text)}
    for term in concept.en:
        words = {t.stem for t in tokenize(normalize(term.text).text)} - STOPWORDS
        if words and len(words & present) >= -(-2 * len(words) // 3):  # ceil(2n/3)
            return True
    return False


#: Similarity (rapidfuzz partial ratio, 0-100) at which target words count as a loose
#: rendering of a source term, so that term-missing stays quiet.
LOOSE_RENDERING = 80.0


def _closest_words(text: str, terms: Sequence[str]) -> tuple[float, int, int]:
    """The whole-word span of ``text`` most like any of ``terms`` (rapidfuzz partial
    ratio alignment), as ``(score, start, end)``; the span is empty below 60."""
    from rapidfuzz import fuzz

    best: tuple[float, int, int] = (0.0, 0, 0)
    low = text.lower()
    for term in terms:
        al = fuzz.partial_ratio_alignment(term.lower(), low)
        if al is not None and al.score > best[0]:
            best = (al.score, al.dest_start, al.dest_end)
    score, start, end = best
    if score < 60:
        return score, 0, 0
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return score, start, end
