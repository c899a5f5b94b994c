"""Writing the corrected article back as plain text."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.review import Review


def corrected_text(review: Review, doc: Document) -> str:
    """The post-edited article: its metadata header, then one line per paragraph.

    Segments of a paragraph are joined with one space; paragraphs are separated by
    a blank line, as in the input format.
    """
    key = review.doc_key(doc)
    lines = [f"{k.capitalize() if k.isascii() else k}: {v}" for k, v in doc.metadata.items()]
    paragraphs: list[list[str]] = []
    last = None
    for seg in doc.segments:
        if seg.paragraph != last:
            paragraphs.append([])
            last = seg.paragraph
        text = review.target(key, seg.id).strip()
        if text:
            paragraphs[-1].append(text)
    body = ["".join(" ".join(p)) for p in paragraphs if p]
    return "\n\n".join(["\n".join(lines)] * bool(lines) + body) + "\n"


def write_corrected_text(review: Review, doc: Document, path: str | Path) -> None:
    """Write :func:`corrected_text` to ``path`` (UTF-8, atomic).

    Raises:
        reviewer.core.errors.OutputError: the file cannot be written.
    """
    atomic_write_bytes(Path(path), corrected_text(review, doc).encode("utf-8"))
