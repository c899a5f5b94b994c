"""Rows of text read from a spreadsheet, before any column means anything, and column names.

Rows and columns are 0-based in :attr:`Table.rows`; row *numbers* in messages are 1-based
as a spreadsheet shows them, and columns are named by letters (``A`` is column 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.fileio import MIB

__all__ = ["MAX_TABLE_BYTES", "Table", "column_index", "column_letter", "is_blank", "one_line", "row_list"]

#: Largest CSV, TSV or XLSX file read (bytes).
MAX_TABLE_BYTES = 64 * MIB


@dataclass(slots=True)
class Table:
    """Rows of cells (strings) read from a file, before any mapping.

    Attributes:
        path: the file.
        rows: every row from the first, cells as text (``""`` for empty); rows may differ
            in length (a short row simply has no cells at its end).
        sheet: the sheet used, for workbooks; ``""`` for CSV/TSV.
        sheets: every sheet name, for workbooks.
        encoding: the detected (or given) encoding, a Python codec name, for CSV/TSV.
        delimiter: the sniffed (or given) delimiter, one character, for CSV/TSV.
        notes: things the reader had to do or could not do, one line each (formulas
            without a cached value, a merged range cut to the cells that exist, ...).
    """

    path: Path
    rows: list[list[str]]
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)


def is_blank(row: list[str]) -> bool:
    """Whether no cell of ``row`` holds more than white space."""
    return not any(c.strip() for c in row)


def column_letter(col: int) -> str:
    """``0`` -> ``"A"``, ``27`` -> ``"AB"`` (``col`` 0-based, not negative)."""
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s


def column_index(letters: str) -> int:
    """``"A"`` -> 0, ``"AB"`` -> 27 (case and surrounding spaces ignored).

    Raises:
        ValueError: not column letters.
    """
    letters = letters.strip().upper()
    if not letters.isalpha() or not letters.isascii():
        raise ValueError(f"bad column '{letters}'")
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def one_line(exc: BaseException) -> str:
    """``Type: message`` of a library's exception on one line (openpyxl's run over several)."""
    first = str(exc).strip().split("\n", 1)[0]
    return f"{type(exc).__name__}: {' '.join(first.split())}" if first else type(exc).__name__


def row_list(numbers: list[int], shown: int = 10) -> str:
    """``"3, 6, 9"``; past ``shown`` numbers, ``"... and 4 more"``."""
    text = ", ".join(map(str, numbers[:shown]))
    return text + (f" and {len(numbers) - shown} more" if len(numbers) > shown else "")
