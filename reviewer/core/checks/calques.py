"""Literal renderings with no source: gloss patterns of termbase concepts, and generic calque rules.

Both checks run only where the context gate is open (the document is about Chinese
government and Party affairs, :mod:`reviewer.core.calques.gate`), and only where no
other term check already flags the span.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.core.checks.base import CheckContext, Finding, SegmentCheck, SegmentText, Severity, TermRef
from reviewer.core.checks.registry import register
from reviewer.core.checks.terms import fit_case

#: Confidence at or above which a literal rendering is a major finding.
MAJOR_CONFIDENCE = 0.8


@register
class LiteralRendering(SegmentCheck):
    """An English span made of the dictionary glosses of a concept's Chinese parts."""

    id = "term-literal"
    name = "Literal rendering"
    description = (
        "With no Chinese source: an English span whose words are CC-CEDICT glosses of the parts of a termbase "
        "concept's Chinese term, in any order (“construction of work style” for 作风建设), that is not one of the "
        "concept's acceptable renderings. The finding names the concept, shows which word rendered which "
        "Chinese part, and gives a confidence from how specific the words are (“party” and “work” count for "
        "little); 0.8 or more is major. It suggests the preferred term. Runs only on text about Chinese "
        "government and Party affairs."
    )
    severity = Severity.MINOR
    category = "Terminology/Wrong term"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        if unit.source and unit.source.strip():
            return  # with a source, term-missing aligns the concept's rendering instead
        found = [r for r in ctx.literals(unit) if r.confidence >= ctx.options.literal_confidence]
        if not found or not ctx.subject(unit.document).open:
            return
        taken = [(m.start, m.end) for m in ctx.calques(unit)]
        for r in found:
            if any(r.start < e and s < r.end for s, e in taken):
                continue  # the calque rule's finding says more
            concept = r.pattern.concept
            preferred = concept.preferred_text
            pairs = ", ".join(f"{en}→{zh}" for en, zh in r.glosses)
            yield self.finding(
                unit,
                r.start,
                r.end,
                f"“{r.text}” renders {concept.source_term} word for word ({pairs}; confidence {r.confidence:.2f}); the standard rendering is “{preferred}”.",
                severity=Severity.MAJOR if r.confidence >= MAJOR_CONFIDENCE else Severity.MINOR,
                suggestion=fit_case(preferred, unit.text, r.start, r.end),
                term=TermRef(concept.id, concept.source_term, preferred, concept.termbase, "literal"),
                score=round(r.confidence * 100, 1),
                details={"glosses": [{"english": en, "chinese": zh} for en, zh in r.glosses], "confidence": r.confidence},
            )


@register
class Calque(SegmentCheck):
    """A wording that official English avoids whatever the concept: a rule of the calque rules file."""

    id = "calque"
    name = "Calque"
    description = (
        "A word-for-word rendering of a Chinese set phrase that official English avoids whatever the concept "
        "(“my country” for 我国, “work style construction”, “in an all-round way”, “the masses”, “deeply "
        "implement”), from the editable calque rules file (glossaries/calque-rules.toml): each rule gives its "
        "explanation, source and suggestion. Runs only on text about Chinese government and Party affairs."
    )
    severity = Severity.MINOR
    category = "Style/Unidiomatic style"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        matches = ctx.calques(unit)
        if not matches or not ctx.subject(unit.document).open:
            return
        hits = ctx.hits(unit)
        for m in matches:
            if any(not h.acceptable and h.start < m.end and m.start < h.end for h in hits):
                continue  # a listed variant: term-forbidden's or term-nonstandard's finding
            rule = m.rule
            message = f"“{m.text}” is a calque{' of ' + rule.zh if rule.zh else ''}: {rule.explanation}"
            if m.suggestion:
                message += f" Write “{m.suggestion}”."
            yield self.finding(
                unit,
                m.start,
                m.end,
                message,
                severity=Severity.parse(rule.severity),
                suggestion=fit_case(m.suggestion, unit.text, m.start, m.end) if m.suggestion else None,
                details={"rule": rule.id, "source": rule.source, "zh": rule.zh},
            )
