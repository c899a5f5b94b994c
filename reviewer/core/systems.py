"""Comparing documents of a batch: term accuracy, term findings and scores per document.

When a batch holds several MT systems' outputs for the same source (each system one
document, as in the WMT data), this is the side-by-side comparison of the systems; for
any batch it compares the articles.

Term accuracy is the share of the source's termbase terms (each occurrence found by
:class:`~reviewer.core.source_matching.SourceMatcher`) whose concept has an approved
rendering in the target: a preferred or admitted term, exactly or inflected, or with
other determiners (:func:`reviewer.core.term_alignment.renders`), and no wrong rendering of
it ("two establishments" shares its stems with "Two Establishes" but is forbidden).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reviewer.core.review import Review
from reviewer.core.scoring import Scores
from reviewer.core.source_matching import source_matcher_for
from reviewer.core.term_alignment import renders


@dataclass(frozen=True, slots=True)
class SystemRow:
    """One document (system) of a comparison.

    Attributes:
        document: document key.
        name: file name.
        segments: number of segments.
        source_terms: source term occurrences found (0 without a Chinese source).
        rendered: how many of them have an approved rendering in the target.
        term_findings: open findings of the term checks, by check id.
        scores: the MT against the post-edit (HTER), or ``None``.
        reference: the MT against reference translations, or ``None``.
    """

    document: str
    name: str
    segments: int
    source_terms: int
    rendered: int
    term_findings: dict[str, int]
    scores: Scores | None
    reference: Scores | None

    @property
    def term_accuracy(self) -> float | None:
        """``rendered / source_terms`` (0-1), or ``None`` without source terms."""
        return self.rendered / self.source_terms if self.source_terms else None


def compare_documents(review: Review, use_post_edits: bool = False) -> list[SystemRow]:
    """The comparison rows, one per document in batch order.

    Args:
        use_post_edits: measure term accuracy on the post-edited text instead of the MT.
    """
    assert review.matcher is not None
    source_matcher = source_matcher_for(review.matcher)
    report = review.scores()
    open_keys = {f.key for f in review.open_findings()}
    rows = []
    for doc in review.documents:
        key = review.doc_key(doc)
        total = rendered = 0
        for seg in doc.segments:
            if not seg.source:
                continue
            text = review.target(key, seg.id) if use_post_edits else seg.target
            hits = review.matcher.match(text)
            ok_concepts = {h.concept.id for h in hits if h.acceptable}
            wrong_concepts = {h.concept.id for h in hits if not h.acceptable}
            for sh in source_matcher.match(seg.source):
                total += 1
                concept = sh.concept
                if concept.id in ok_concepts:
                    rendered += 1
                elif concept.id not in wrong_concepts and any(t.status.acceptable and renders(text, t.text) for t in concept.en):
                    rendered += 1  # an approved term inside another concept's words, or with other determiners
        findings = Counter(f.check for f in review.findings if f.document == key and f.check.startswith("term-") and f.key in open_keys)
        rows.append(
            SystemRow(key, doc.name, len(doc.segments), total, rendered, dict(findings), report.documents.get(key), report.reference_documents.get(key))
        )
    return rows
