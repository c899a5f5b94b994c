"""Readers: one module per input format, behind :func:`read_document`."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.errors import InputError
from reviewer.core.readers import plaintext

#: File suffix -> reader function ``(path) -> Document``.
READERS = {
    ".txt": plaintext.read,
    ".text": plaintext.read,
}

#: Largest input file accepted, in bytes (documented limit; later configurable).
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_document(path: str | Path) -> Document:
    """Read an article in any supported format, chosen by file suffix.

    Raises:
        InputError: missing or unreadable file, unsupported format, too large,
            or content the reader cannot understand.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(p, "this is a folder, not a file")
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise InputError(p, f"unsupported file type '{p.suffix or '(none)'}'; reviewer reads {supported}")
    if not p.exists():
        raise InputError(p, "no such file")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(p, f"the file is {size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB")
    return reader(p)
