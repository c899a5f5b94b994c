"""Atomic file writes: the old file stays intact until the new one is complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reviewer.core.errors import OutputError


def _mode_for(path: Path) -> int:
    """The mode a new file gets: the old file's, else 0666 less the umask (mkstemp makes 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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
        os.chmod(tmp, _mode_for(p))
        os.replace(tmp, p)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(p, f"cannot write the file ({exc.strerror or exc})") from None
