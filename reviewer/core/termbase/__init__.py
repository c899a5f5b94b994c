"""The termbase: model, TBX reader/writer, and loading several termbases at once."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, Termbase
from reviewer.core.termbase.tbx import read_tbx, write_tbx

__all__ = ["Concept", "MatchMode", "Source", "Status", "Term", "Termbase", "load_termbase", "read_tbx", "save_termbase", "write_tbx"]


TABULAR_SUFFIXES = (".csv", ".tsv", ".tab", ".xlsx", ".xlsm")


def load_termbase(path: str | Path) -> Termbase:
    """Load a termbase file, chosen by suffix: ``.tbx`` (or ``.xml``), ``.csv``, ``.tsv``, ``.xlsx``.

    A spreadsheet is imported with a guessed column mapping (see
    :mod:`reviewer.core.termbase.tabular`); its import report goes to ``Termbase.notes``.

    Raises:
        InputError: unsupported suffix, or the reader's own errors.
    """
    p = Path(path)
    if p.suffix.lower() in (".tbx", ".xml"):
        return read_tbx(p)
    if p.suffix.lower() in TABULAR_SUFFIXES:
        from reviewer.core.termbase.tabular import import_glossary

        tb, report = import_glossary(p)
        tb.path = p
        tb.notes = [report.summary(), *(f"row {r}: skipped: {why}" for r, why in report.skipped), *report.notes]
        for c in tb.concepts:
            c.termbase = tb.name
        return tb
    raise InputError(p, f"unsupported termbase type '{p.suffix or '(none)'}'; reviewer reads .tbx, .csv, .tsv and .xlsx")


def save_termbase(tb: Termbase, path: str | Path) -> None:
    """Write ``tb`` as TBX, CSV, TSV or XLSX by suffix (atomic).

    Raises:
        reviewer.core.errors.OutputError: unknown suffix or the file cannot be written.
    """
    p = Path(path)
    if p.suffix.lower() == ".tbx":
        write_tbx(tb, p)
    else:
        from reviewer.core.termbase.tabular import write_table

        write_table(tb, p)
