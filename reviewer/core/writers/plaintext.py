"""Plain text: the metadata header, then one line per paragraph (see reviewer.core.export)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.fileio import atomic_write_bytes


def corrected_text(doc: Document, targets: Mapping[str, str]) -> str:
    """The article with ``targets``: its header, then paragraphs separated by a blank line;
    the segments of a paragraph are joined with one space."""
    lines = [f"{k.capitalize() if k.isascii() else k}: {v}" for k, v in doc.metadata.items()]
    paragraphs: list[list[str]] = []
    last = None
    for seg in doc.segments:
        if seg.paragraph != last:
            paragraphs.append([])
            last = seg.paragraph
        text = targets.get(seg.id, seg.target).strip()
        if text:
            paragraphs[-1].append(text)
    body = [" ".join(p) for p in paragraphs if p]
    return "\n\n".join(["\n".join(lines)] * bool(lines) + body) + "\n"


def write(doc: Document, targets: Mapping[str, str], path: Path) -> None:
    """Write :func:`corrected_text` as UTF-8, atomically.

    Raises:
        reviewer.core.errors.OutputError: the file cannot be written.
    """
    atomic_write_bytes(path, corrected_text(doc, targets).encode("utf-8"))
