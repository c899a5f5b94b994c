"""The termbase: model, TBX reader/writer, and loading several termbases at once."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, Termbase
from reviewer.core.termbase.tbx import read_tbx, write_tbx

__all__ = ["Concept", "MatchMode", "Source", "Status", "Term", "Termbase", "load_termbase", "read_tbx", "write_tbx"]


def load_termbase(path: str | Path) -> Termbase:
    """Load a termbase file, chosen by suffix (``.tbx`` for now).

    Raises:
        InputError: unsupported suffix, or the reader's own errors.
    """
    p = Path(path)
    if p.suffix.lower() in (".tbx", ".xml"):
        return read_tbx(p)
    raise InputError(p, f"unsupported termbase type '{p.suffix or '(none)'}'; reviewer reads .tbx")
