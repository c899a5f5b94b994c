"""Renderings of each concept across a document or a batch: the term-renderings report.

For every concept found in the target text, :func:`group_renderings` lists each
distinct rendering with its count, status and occurrences, and marks the
dominant one: the preferred term if it is used, else the most frequent
acceptable rendering. The ``term-inconsistent`` check, the review workbook and
the window's renderings panel all read this one grouping.
"""

from __future__ import annotations

import re
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
        key = rendering_key(hit, unit.text)
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




def rendering_key(hit: TermHit, text: str) -> str:
    """How a hit renders its concept, for consistency.

    Inflections of one term are one rendering (``mayor``, ``mayors``), and a
    concept's full form and short form (``termType`` fullForm / shortForm /
    abbreviation) are one rendering family. Capitals count (``provincial two
    sessions`` and ``Provincial Two Sessions`` are two renderings) except where
    they are not the translator's choice: at the start of a sentence, and inside
    a title-case name (``the 2023 Fuxin Municipal Government Work Report Task
    List``: the words next to the term are capitalised too).
    """
    if hit.term.form in ("fullForm", "shortForm", "abbreviation") and hit.kind in (HitKind.EXACT, HitKind.INFLECTED):
        return f"{hit.concept.id}:forms"
    caps = "".join("A" if w[:1].isupper() else "a" for w in _WORD_RE.findall(hit.text))
    if _in_title(text, hit.start, hit.end):
        caps = ""
    elif caps and at_sentence_start(text, hit.start) and not hit.term.text[:1].isupper():
        caps = "a" + caps[1:]
    return f"{hit.concept.id}:{hit.term.text.casefold()}:{caps}"


_WORD_RE = re.compile(r"[^\W\d_]+")


def _neighbour_word(text: str, pos: int, step: int) -> tuple[str, int]:
    """The word next to ``pos`` going left (``step`` -1) or right (+1) across spaces,
    quotes and hyphens only, with its start offset; ``("", -1)`` if there is none.
    Looks at most 60 characters away."""
    i = pos if step > 0 else pos - 1
    limit = 60
    while 0 <= i < len(text) and limit and text[i] in " \"'“”‘’-":
        i += step
        limit -= 1
    if not (0 <= i < len(text)) or not text[i].isalnum():
        return "", -1
    j = i
    while 0 <= j + step < len(text) and text[j + step].isalnum() and abs(j - i) < 60:
        j += step
    a, b = (i, j) if step > 0 else (j, i)
    return text[a : b + 1], a


def _in_title(text: str, start: int, end: int) -> bool:
    before, at = _neighbour_word(text, start, -1)
    after, _ = _neighbour_word(text, end, +1)
    before_cap = before[:1].isupper() and not at_sentence_start(text, at)
    return before_cap or after[:1].isupper()


