"""Renderings of each concept across a document or a batch: the term-renderings report.

For every concept found in the target text, :func:`group_renderings` lists each
distinct rendering with its count, status and occurrences, and marks the
dominant one: the preferred term if it is used, else the most frequent
acceptable rendering. The ``term-inconsistent`` check, the review workbook and
the window's renderings panel all read this one grouping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from reviewer.core.matching import HitKind, TermHit
from reviewer.core.termbase.model import Concept, Status


class TextUnit(Protocol):
    """What a rendering needs to know of a segment (``SegmentText`` has it)."""

    @property
    def document(self) -> str: ...

    @property
    def segment(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(slots=True)
class Rendering:
    """One way a concept is rendered.

    Attributes:
        key: the comparison key (see :func:`rendering_key`).
        text: the rendering as first written.
        status: the status of the matched term (``"preferred"``, ``"forbidden"``, ...),
            or ``"wrong case"`` for a case-sensitive term with the wrong capitals.
        acceptable: a correct rendering (preferred or admitted, right capitals).
        occurrences: ``(segment text unit, hit)`` pairs, in reading order.
    """

    key: str
    text: str
    status: str
    acceptable: bool
    occurrences: list[tuple[TextUnit, TermHit]] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many times it occurs."""
        return len(self.occurrences)


@dataclass(slots=True)
class ConceptRenderings:
    """All renderings of one concept.

    Attributes:
        concept: the term entry.
        renderings: most frequent first.
        dominant: the rendering to use throughout, or ``None`` when none is acceptable.
    """

    concept: Concept
    renderings: list[Rendering]
    dominant: Rendering | None

    @property
    def consistent(self) -> bool:
        """True when the concept is rendered one way only."""
        return len(self.renderings) <= 1

    @property
    def dominant_text(self) -> str:
        """The text to suggest for the minority renderings."""
        if self.dominant is None:
            return self.concept.preferred_text
        return self.concept.preferred.text if self.dominant.key.endswith(":forms") else self.dominant.text

    @property
    def total(self) -> int:
        """All occurrences of the concept."""
        return sum(r.count for r in self.renderings)


def group_renderings(pairs: Iterable[tuple[TextUnit, TermHit]]) -> list[ConceptRenderings]:
    """Group ``(unit, hit)`` pairs by concept and rendering; near misses are left out.

    Returns:
        One entry per concept, in order of first appearance.
    """
    by_concept: dict[str, dict[str, Rendering]] = {}
    concepts: dict[str, Concept] = {}
    for unit, hit in pairs:
        if hit.kind is HitKind.NEAR:
            continue
        concepts.setdefault(hit.concept.id, hit.concept)
        key = rendering_key(hit)
        groups = by_concept.setdefault(hit.concept.id, {})
        r = groups.get(key)
        if r is None:
            text = " / ".join(t.text for t in hit.concept.en if t.form) if key.endswith(":forms") else hit.text
            status = "wrong case" if hit.kind is HitKind.CASE else hit.term.status.value
            r = groups[key] = Rendering(key, text, status, hit.acceptable)
        r.occurrences.append((unit, hit))
    out = []
    for cid, groups in by_concept.items():
        order = list(groups.values())
        good = [r for r in order if r.acceptable]
        dominant = None
        if good:
            preferred = {r.key for r in good if any(h.term.status is Status.PREFERRED for _, h in r.occurrences)}
            dominant = max(good, key=lambda r: (r.key in preferred, r.count, -order.index(r)))
        out.append(ConceptRenderings(concepts[cid], sorted(order, key=lambda r: (-r.count, order.index(r))), dominant))
    return out


def at_sentence_start(text: str, start: int) -> bool:
    """True when only spaces, quotes or brackets stand between ``start`` and the
    previous sentence end (or the start of the segment). Looks back at most 40
    characters, so it costs the same on any segment length."""
    i = start - 1
    while i >= 0 and start - i < 40 and text[i] in " \"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?"


def rendering_key(hit: TermHit) -> str:
    """How a hit renders its concept, for consistency.

    Inflections of one term are one rendering (``mayor``, ``mayors``), and a
    concept's full form and short form (``termType`` fullForm / shortForm /
    abbreviation) are one rendering family. Capitals do not count: ``provincial two
    sessions`` in running text and ``Provincial Two Sessions`` in a Title Case heading
    are one rendering (a case-sensitive term in the wrong capitals is a ``case`` hit,
    which is ``term-nonstandard``'s finding, and a rendering of its own).
    """
    if hit.term.form in ("fullForm", "shortForm", "abbreviation") and hit.kind in (HitKind.EXACT, HitKind.INFLECTED):
        return f"{hit.concept.id}:forms"
    return f"{hit.concept.id}:{hit.term.text.casefold()}" + (":case" if hit.kind is HitKind.CASE else "")


#: Two documents whose Chinese sources overlap this much (Jaccard, by segment) translate one text.
SAME_SOURCE = 0.5


class SourcedUnit(TextUnit, Protocol):
    """A segment with its Chinese source, if any (``SegmentText`` has it)."""

    @property
    def source(self) -> str | None: ...


def translation_families(units: Iterable[SourcedUnit]) -> dict[str, int]:
    """Which documents of a batch are translations of the same source text (several MT
    systems, or versions): document key -> family number, documents of one family sharing
    it. Two documents are of one family when at least :data:`SAME_SOURCE` of their distinct
    source segments are the same (Jaccard); a document with no source is a family of its own.
    """
    sources: dict[str, set[str]] = {}
    for u in units:
        bag = sources.setdefault(u.document, set())
        if u.source and u.source.strip():
            bag.add(" ".join(u.source.split()))
    parent = {d: d for d in sources}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    holders: dict[str, list[str]] = {}
    for d, bag in sources.items():
        for s in bag:
            holders.setdefault(s, []).append(d)
    shared: dict[tuple[str, str], int] = {}
    for docs in holders.values():
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    for (a, b), n in shared.items():
        if n / len(sources[a] | sources[b]) >= SAME_SOURCE:
            parent[root(a)] = root(b)
    numbers: dict[str, int] = {}
    return {d: numbers.setdefault(root(d), len(numbers)) for d in sources}
