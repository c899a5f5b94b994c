"""Term checks: non-standard renderings and inconsistent renderings of a concept."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from reviewer.core.checks.base import Check, CheckContext, Finding, SegmentCheck, SegmentText, Severity, TermRef
from reviewer.core.checks.registry import register
from reviewer.core.matching import HitKind, TermHit
from reviewer.core.termbase.model import Status


def fit_case(suggestion: str, flagged: str, at_sentence_start: bool) -> str:
    """Capitalise ``suggestion`` like ``flagged`` at the start of a sentence.

    ``"full and rigorous Party self-governance"`` replacing ``"Comprehensive and
    strict ..."`` at the start of a sentence becomes ``"Full and rigorous ..."``.
    """
    if at_sentence_start and flagged[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


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


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?"


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
        preferred = hit.concept.preferred
        zh = hit.concept.source_term
        concept_label = f"{zh} ({preferred.text})" if zh else preferred.text
        status = hit.term.status
        if hit.kind is HitKind.NEAR:
            if status.acceptable:
                msg = f"“{hit.text}” is close to the standard rendering “{hit.term.text}” of {zh or 'this concept'} ({hit.score:.0f}% similar, {hit.classification})."
                severity = Severity.MINOR
            else:
                msg = f"“{hit.text}” looks like the {status.value} rendering “{hit.term.text}” ({hit.score:.0f}% similar); the standard rendering of {zh or 'this concept'} is “{preferred.text}”."
                severity = self._SEVERITY.get(status, Severity.MINOR)
            replacement = hit.term.text if status.acceptable else preferred.text
        elif hit.kind is HitKind.CASE:
            msg = f"Capitalisation: write “{hit.term.text}”" + (f" ({zh})." if zh else ".")
            severity = Severity.MINOR
            replacement = hit.term.text if status.acceptable else preferred.text
        else:
            reason = {
                Status.FORBIDDEN: "a wrong rendering",
                Status.DEPRECATED: "a non-standard rendering",
                Status.SUPERSEDED: f"a superseded rendering{' (used until ' + hit.term.valid_to + ')' if hit.term.valid_to else ''}",
            }.get(status, "non-standard")
            msg = f"“{hit.text}” is {reason} of {concept_label}; use “{preferred.text}”."
            if hit.term.note:
                msg += f" {hit.term.note}"
            severity = self._SEVERITY.get(status, Severity.MINOR)
            replacement = preferred.text
        replacement = inflect_like(replacement, hit.text, hit.term.text)
        suggestion = fit_case(replacement, hit.text, _at_sentence_start(unit.text, hit.start))
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


def rendering_key(hit: TermHit, at_sentence_start: bool) -> str:
    """How a hit renders its concept, for consistency: the words as written.

    Whitespace, quotes and dashes are normalised, and a capital that only marks
    the start of a sentence is lowered. A concept's full form and short form
    (``termType`` fullForm / shortForm / abbreviation) are one rendering family
    and count as the same rendering when written as in the termbase.
    """
    text = " ".join(hit.text.replace("-", " ").replace("’", "'").split())
    if at_sentence_start and text[:1].isupper() and not hit.term.text[:1].isupper():
        text = text[:1].lower() + text[1:]
    if hit.term.form in ("fullForm", "shortForm", "abbreviation") and hit.kind is HitKind.EXACT:
        if text == " ".join(hit.term.text.replace("-", " ").split()) or not hit.term.case_sensitive:
            return f"{hit.concept.preferred.text} (full or short form)"
    return text


@register
class InconsistentTerm(Check):
    """One concept rendered in more than one way across a document or batch."""

    id = "term-inconsistent"
    name = "Inconsistent term"
    description = (
        "A concept is rendered in more than one way in the document (or batch), including differently "
        "capitalised forms. Each finding lists every rendering with its count; the suggestion is the "
        "preferred term if it is used, else the most frequent acceptable rendering."
    )
    severity = Severity.MINOR
    category = "Terminology/Inconsistent use of terminology"

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        by_concept: dict[str, list[tuple[SegmentText, TermHit, str]]] = defaultdict(list)
        for unit in units:
            for hit in ctx.hits(unit):
                if hit.kind is HitKind.NEAR:
                    continue
                key = rendering_key(hit, _at_sentence_start(unit.text, hit.start))
                by_concept[hit.concept.id].append((unit, hit, key))
        for occurrences in by_concept.values():
            counts = Counter(key for _, _, key in occurrences)
            if len(counts) < 2:
                continue
            yield from self._flag(occurrences, counts)

    def _flag(self, occurrences: list[tuple[SegmentText, TermHit, str]], counts: Counter[str]) -> Iterable[Finding]:
        concept = occurrences[0][1].concept
        preferred = concept.preferred
        good = [(u, h, k) for u, h, k in occurrences if h.acceptable]
        if not good:
            return  # every rendering is wrong: term-nonstandard flags each one
        pref_keys = {k for _, h, k in good if h.term.status is Status.PREFERRED}
        good_counts = Counter(k for _, _, k in good)
        dominant = max(good_counts, key=lambda k: (k in pref_keys, good_counts[k], -_first_index(occurrences, k)))
        dominant_text = next(h.text for _, h, k in good if k == dominant)
        if dominant.endswith("(full or short form)"):
            dominant_text = preferred.text
        renderings = [{"rendering": k, "count": n} for k, n in counts.most_common()]
        listing = "; ".join(f"“{k}” ×{n}" for k, n in counts.most_common())
        zh = concept.source_term
        for unit, hit, key in occurrences:
            if key == dominant or not hit.acceptable:
                continue
            at_start = _at_sentence_start(unit.text, hit.start)
            yield self.finding(
                unit,
                hit.start,
                hit.end,
                f"{zh or preferred.text} is rendered {len(counts)} ways here: {listing}. Use one rendering, e.g. “{dominant_text}”.",
                suggestion=fit_case(dominant_text, hit.text, at_start),
                term=TermRef.of(hit),
                details={"renderings": renderings, "dominant": dominant_text},
            )


def _first_index(occurrences: list[tuple[SegmentText, TermHit, str]], key: str) -> int:
    return next(i for i, (_, _, k) in enumerate(occurrences) if k == key)
