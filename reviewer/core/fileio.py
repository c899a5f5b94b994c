"""Atomic file writes: the old file stays intact until the new one is complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reviewer.core.errors import OutputError


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename.

    Raises:
        OutputError: the folder is missing or not writable, or the disk is full.
            ``path`` is then unchanged.
    """
    p = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    except OSError as exc:
        raise OutputError(p, f"cannot write in this folder ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(p, f"cannot write the file ({exc.strerror or exc})") from None
