"""Writing the corrected article back as plain text."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.review import Review
from reviewer.core.writers import plaintext


def corrected_targets(review: Review, doc: Document) -> dict[str, str]:
    """Segment id -> the reviewer's current text (the MT where nothing was changed)."""
    key = review.doc_key(doc)
    return {seg.id: review.target(key, seg.id) for seg in doc.segments}


def corrected_text(review: Review, doc: Document) -> str:
    """The post-edited article: its metadata header, then one line per paragraph.

    Segments of a paragraph are joined with one space; paragraphs are separated by
    a blank line, as in the input format.
    """
    return plaintext.corrected_text(doc, corrected_targets(review, doc))


def write_corrected_text(review: Review, doc: Document, path: str | Path) -> None:
    """Write :func:`corrected_text` to ``path`` (UTF-8, atomic).

    Raises:
        reviewer.core.errors.OutputError: the file cannot be written.
    """
    atomic_write_bytes(Path(path), corrected_text(review, doc).encode("utf-8"))
