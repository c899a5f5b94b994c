"""Readers: one module per input format, behind :func:`read_document`."""

from __future__ import annotations

from pathlib import Path

import importlib
import os
from collections.abc import Callable

from reviewer.core.document import Document
from reviewer.core.errors import InputError
from reviewer.core.readers.plaintext import MAX_FILE_BYTES as MAX_FILE_BYTES  # the documented limit

#: File suffix -> the module (under ``reviewer.core.readers``) whose ``read(path) -> Document``
#: reads it. A reader and its format library (python-docx, openpyxl) are imported when a file of
#: its kind is first read, so that starting the window or the command line does not wait for them.
READERS = {
    ".txt": "plaintext",
    ".text": "plaintext",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".mqxliff": "xliff",
    ".tmx": "tmx",
    ".docx": "docx",
    ".csv": "table",
    ".tsv": "table",
    ".xlsx": "table",
}


def reader_for(suffix: str) -> Callable[[Path], Document] | None:
    """The reader function of a file suffix (``".docx"``), or None when none reads it."""
    name = READERS.get(suffix.lower())
    if name is None:
        return None
    read: Callable[[Path], Document] = importlib.import_module(f"reviewer.core.readers.{name}").read
    return read


def read_document(path: str | Path) -> Document:
    """Read an article in any supported format, chosen by file suffix.

    Raises:
        InputError: missing or unreadable file, unsupported format, too large,
            or content the reader cannot understand.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(p, "this is a folder, not a file")
    reader = reader_for(p.suffix)
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise InputError(p, f"unsupported file type '{p.suffix or '(none)'}'; reviewer reads {supported}")
    return reader(p)


def read_batch(paths: list[str | Path]) -> tuple[list[Document], list[str]]:
    """Read the files and folders of a batch (see :func:`collect_inputs`).

    A file named on its own that cannot be read stops the batch with its error; a file
    found in a folder that cannot be read (a Chinese source beside its MT, a broken file) is
    left out with a note, so one bad file does not stop a folder.

    Returns:
        ``(documents, notes)``.

    Raises:
        InputError: a named file cannot be read, or no file of the batch can.
    """
    named = {Path(p) for p in paths if not _is_dir(Path(p))}
    docs: list[Document] = []
    notes: list[str] = []
    for p in collect_inputs(paths):
        try:
            docs.append(read_document(p))
        except InputError as exc:
            if p in named:
                raise
            notes.append(f"left out {p}: {exc.reason}")
    if not docs:
        raise InputError(Path(paths[0]), "none of the files could be read: " + "; ".join(notes[:3]))
    return docs, notes


def collect_inputs(paths: list[str | Path]) -> list[Path]:
    """Expand folders to the files in them that a reader supports (recursively, sorted by
    path, hidden files and folders skipped); files are kept as given, in order.

    Raises:
        InputError: a path that does not exist, or a folder with no supported file.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if _is_dir(p):
            try:
                found = sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file() and f.suffix.lower() in READERS and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            except OSError as exc:
                raise InputError(p, f"cannot read the folder ({exc.strerror or exc}{': ' + str(exc.filename) if exc.filename and str(exc.filename) != str(p) else ''})") from None
            if not found:
                if not os.access(p, os.R_OK | os.X_OK):
                    raise InputError(p, "cannot read the folder (Permission denied)")
                raise InputError(p, f"the folder has no file reviewer can read ({', '.join(sorted(READERS))})")
            out.extend(found)
        elif not _exists(p):
            raise InputError(p, "no such file or folder")
        else:
            out.append(p)
    return out


def _is_dir(p: Path) -> bool:
    """``p.is_dir()``, with a path that cannot be looked at (a folder without permission on the
    way) an input error naming it, not an OSError taken for a failed output."""
    try:
        return p.is_dir()
    except OSError as exc:
        raise InputError(p, f"cannot look at this path ({exc.strerror or exc})") from None


def _exists(p: Path) -> bool:
    try:
        return p.exists()
    except OSError as exc:
        raise InputError(p, f"cannot look at this path ({exc.strerror or exc})") from None
