"""Atomic file writes: the old file stays intact until the new one is complete."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from reviewer.core.errors import InputError, OutputError

MIB = 1024 * 1024


def read_regular_file(path: str | Path, limit: int, what: str = "file") -> bytes:
    """Read a whole regular file of at most ``limit`` bytes.

    FIFOs, devices and folders are refused before any read, and the read itself
    stops at ``limit + 1`` bytes, so a file that grows or lies about its size
    cannot exhaust memory.

    Raises:
        InputError: missing, unreadable, not a regular file, or larger than ``limit``.
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else f"cannot open the {what} ({exc.strerror or exc})"
        raise InputError(p, reason) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(p, "this is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(p, f"not a regular file (a pipe or device); reviewer reads a {what} only from a file")
    too_big = f"the {what} is larger than the limit of {limit / MIB:.0f} MiB"
    if st.st_size > limit:
        raise InputError(p, f"the {what} is {st.st_size / MIB:.0f} MiB; the limit is {limit / MIB:.0f} MiB")
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(p, f"cannot read the {what} ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(p, too_big)
    return data


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
        _sync_folder(p.parent)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(p, f"cannot write the file ({exc.strerror or exc})") from None


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of a renamed file to disk, so that the rename survives a power
    cut (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def resolved(path: str | Path) -> Path:
    """``path`` made absolute with its symbolic links followed (:meth:`Path.resolve`).

    Raises:
        InputError: the links loop (``a -> b -> a``) or cannot be followed.
    """
    p = Path(path)
    try:
        return p.resolve()
    except RuntimeError:  # Python 3.11-3.12: "Symlink loop from ..."
        raise InputError(p, "the symbolic links of this path loop (a link points back to itself)") from None
    except OSError as exc:
        raise InputError(p, f"cannot follow this path ({exc.strerror or exc})") from None

