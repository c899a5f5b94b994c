"""Documents and segments, named as in XLIFF: a segment has a source and a target.

For MT review the *target* is the machine translation as received; the reviewer's
post-edited text lives in :class:`reviewer.core.review.Review`, never in the
document, so the MT is always there to score against.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path


#: How a reference translation is kept in a segment's notes.
REFERENCE_PREFIX = "reference: "


@dataclass(frozen=True, slots=True)
class InlineCode:
    """An inline code of a bilingual file (XLIFF ``g``, ``x``, ``bx``/``ex``, ``ph``, ``pc``,
    ``sc``/``ec``) kept as a placeholder at an offset of the segment's plain text.

    The plain text holds the words only, so terms match across codes; the codes are
    put back at their (mapped) offsets when the corrections are written out.

    Attributes:
        offset: position in the plain text (characters): the code stands before the
            character at this offset.
        kind: ``"open"`` and ``"close"`` for the two ends of a paired code (``g``,
            ``pc``), ``"standalone"`` for the others.
        tag: the element name, e.g. ``"g"``, ``"x"``, ``"bx"``, ``"ph"``.
        id: the code's id attribute.
        xml: the element as written in the file (for ``ph`` and other codes with content),
            or ``""``.
    """

    offset: int
    kind: str
    tag: str
    id: str = ""
    xml: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence-sized unit of a document.

    Attributes:
        id: stable id, ``"1"``, ``"2"``, ... (1-based, in reading order).
        paragraph: 1-based number of the paragraph the segment belongs to.
        target: the English MT text.
        source: the Chinese source text, or ``None`` when the document has none.
        start: offset of the segment in its paragraph (characters).
        end: exclusive end offset in its paragraph.
        unit: where the segment lives in the file it came from, for writing back: an
            XLIFF unit id, a TMX ``tu`` number, a spreadsheet row, a DOCX paragraph
            index; ``""`` for plain text.
        state: the file's state of the target (XLIFF ``state``), or ``""``.
        notes: notes and comments the file gives for the unit.
        codes: inline codes of the target, at offsets of ``target``.
        source_codes: inline codes of the source, at offsets of ``source``.
    """

    id: str
    paragraph: int
    target: str
    source: str | None = None
    start: int = 0
    end: int = 0
    unit: str = ""
    state: str = ""
    notes: tuple[str, ...] = ()
    codes: tuple[InlineCode, ...] = ()
    source_codes: tuple[InlineCode, ...] = ()

    @property
    def reference(self) -> str | None:
        """A human reference translation given with the segment (a spreadsheet's reference
        column, kept in :attr:`notes` as ``"reference: ..."``), or ``None``."""
        for note in self.notes:
            if note.startswith(REFERENCE_PREFIX):
                return note[len(REFERENCE_PREFIX) :]
        return None


@dataclass(slots=True)
class Document:
    """A loaded article.

    Attributes:
        path: the file it was read from.
        segments: segments in reading order.
        metadata: header fields such as ``date`` and ``source`` (lower-case keys).
        encoding: the detected encoding of the file, e.g. ``"utf-8-sig"``, ``"gb18030"``.
        format: the reader that produced it, e.g. ``"text"``.
        source_lang: BCP 47 code of the source language.
        target_lang: BCP 47 code of the target language.
        warnings: what the reader noticed but could work around (a TMX unit with three
            languages, a row with no target), shown to the user.
        source_path: the file the Chinese source came from, when it was a separate file.
    """

    path: Path
    segments: list[Segment]
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    format: str = "text"
    source_lang: str = "zh-CN"
    target_lang: str = "en"
    warnings: list[str] = field(default_factory=list)
    source_path: Path | None = None
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The file name, for display."""
        return self.path.name

    def segment(self, segment_id: str) -> Segment:
        """The segment with ``segment_id``.

        Raises:
            KeyError: no such segment.
        """
        i = self._index.get(segment_id)
        if i is not None and i < len(self.segments) and self.segments[i].id == segment_id:
            return self.segments[i]
        # segments were read, merged or split since the index was made: make it again
        self._index.clear()
        self._index.update((seg.id, n) for n, seg in enumerate(self.segments))
        i = self._index.get(segment_id)
        if i is None:
            raise KeyError(segment_id)
        return self.segments[i]


_DATE_RE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")


def document_date(doc: Document) -> str:
    """The document's date from its ``date`` metadata, as ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``, or ``""`` when it has none that reads as a date (``2023-01-19``,
    ``2023/1/19`` and ``2023-01-19 08:00`` all give ``2023-01-19``)."""
    m = _DATE_RE.search(doc.metadata.get("date", ""))
    if m is None or not 1900 <= int(m.group(1)) <= 2200:
        return ""
    year, month, day = m.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"
