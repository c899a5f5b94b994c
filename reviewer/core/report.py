"""The JSON report of a check run (``tifa-reviewer-cli check --json``), format version 1."""

from __future__ import annotations

from typing import Any

from reviewer.core.checks import Finding
from reviewer.core.review import Review

REPORT_VERSION = 1


def finding_json(f: Finding, decision: str = "open") -> dict[str, Any]:
    """One finding as JSON data; ``start``/``end`` are character offsets, end exclusive."""
    out: dict[str, Any] = {
        "id": f.id,
        "segment": f.segment,
        "check": f.check,
        "severity": f.severity.value,
        "category": f.category,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "suggestion": f.suggestion,
        "message": f.message,
        "decision": decision,
    }
    if f.term is not None:
        out["term"] = {
            "concept": f.term.concept,
            "source": f.term.source,
            "preferred": f.term.preferred,
            "termbase": f.term.termbase,
            "status": f.term.status,
        }
    if f.score is not None:
        out["score"] = f.score
    if f.details.get("renderings"):
        out["renderings"] = f.details["renderings"]
    return out


def review_json(review: Review) -> dict[str, Any]:
    """The whole report: termbases, documents, segments and findings."""
    docs = []
    for d in review.documents:
        key = review.doc_key(d)
        docs.append(
            {
                "path": key,
                "format": d.format,
                "encoding": d.encoding,
                "metadata": d.metadata,
                "segments": [
                    {
                        "id": s.id, "paragraph": s.paragraph, "unit": s.unit, "source": s.source, "mt": s.target,
                        "target": review.target(key, s.id), "state": review.state(key, s.id),
                    }
                    for s in d.segments
                ],
                "findings": [finding_json(f, review.decision(f).value) for f in review.findings if f.document == key],
            }
        )
    return {
        "version": REPORT_VERSION,
        "termbase": {
            "paths": [str(tb.path) for tb in review.termbases if tb.path],
            "names": [tb.name for tb in review.termbases],
            "concepts": sum(len(tb) for tb in review.termbases),
        },
        "documents": docs,
    }
