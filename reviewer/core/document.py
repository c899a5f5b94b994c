"""Documents and segments, named as in XLIFF: a segment has a source and a target.

For MT review the *target* is the machine translation as received; the reviewer's
post-edited text lives in :class:`reviewer.core.review.Review`, never in the
document, so the MT is always there to score against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    """

    id: str
    paragraph: int
    target: str
    source: str | None = None
    start: int = 0
    end: int = 0


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
        paragraph_breaks: ids of segments that start a new paragraph (derived).
    """

    path: Path
    segments: list[Segment]
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    format: str = "text"
    source_lang: str = "zh-CN"
    target_lang: str = "en"

    @property
    def name(self) -> str:
        """The file name, for display."""
        return self.path.name

    def segment(self, segment_id: str) -> Segment:
        """The segment with ``segment_id``.

        Raises:
            KeyError: no such segment.
        """
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)
