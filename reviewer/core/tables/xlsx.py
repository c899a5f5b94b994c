"""XLSX workbooks: opened safely and bounded, sheets read as rows of text as Excel shows them.

* :func:`open_workbook`: a size limit, the ZIP and XML guard
  (:func:`reviewer.core.xmlsafe.check_zip`), then :func:`~reviewer.core.tables.bounds.bound_workbook`
  (merged ranges, hyperlink ranges and dimensions cut to the cells that exist), then openpyxl.
* :func:`sheet_rows`: the cells a sheet has, never the rectangle its ranges claim; merged
  cells give their value to every cell they cover; formulas count with their cached value;
  numbers and dates read as Excel shows them (:func:`xlsx_cell_text`).
* :func:`read_workbook`: the named sheet, or the first visible worksheet a caller's test
  accepts. Chart sheets are never read, hidden sheets only when named (or when no sheet
  is visible).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.core.errors import InputError
from reviewer.core.fileio import read_regular_file
from reviewer.core.tables.bounds import bound_workbook
from reviewer.core.tables.grid import MAX_TABLE_BYTES, Table, column_letter, is_blank, one_line
from reviewer.core.xmlsafe import check_zip

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "MAX_SHEET_CELLS", "existing_cells", "merged_anchors", "note_uncalculated_formulas", "open_workbook", "read_workbook",
    "sheet_rows", "xlsx_cell_text",
]

#: Most cells a sheet's rows may span once read (each row up to its last value).
MAX_SHEET_CELLS = 10_000_000

_FIXED_FORMAT_RE = re.compile(r"(#,##)?0(?:\.(0+))?")
_NOT_WORKBOOK = "not a readable Excel workbook"


def open_workbook(
    path: Path, data_only: bool = True, rich_text: bool = False, *, what: str = "workbook",
    refuse_review: bool = True, note_lost: bool = True, max_bytes: int = MAX_TABLE_BYTES,
) -> tuple[Workbook, bytes, list[str]]:
    """Open an XLSX file safely: size limit, ZIP and XML guard, bounds, then openpyxl.

    Args:
        path: the file.
        data_only: read cached values (reading); ``False`` keeps formulas (writing a copy).
        rich_text: keep rich text runs (writing a copy).
        what: the kind of file for messages ("glossary").
        refuse_review: refuse a review workbook exported by reviewer.
        note_lost: name what openpyxl cannot keep (for a corrected copy).
        max_bytes: the largest file read.

    Returns:
        ``(workbook, the bytes openpyxl read, notes)``: the notes name ranges cut to the
        cells that exist and, with ``note_lost``, what openpyxl cannot read (and so a
        corrected copy cannot keep). With ``data_only`` the empty cells of large sheets
        are left out of the bytes.

    Raises:
        InputError: too large, not an XLSX file (empty, text, an old .xls), corrupt, a ZIP
            bomb, a DTD, a sheet of more rows than
            :data:`~reviewer.core.tables.bounds.MAX_SHEET_ROWS`, or (``refuse_review``) a
            review workbook exported by reviewer.
    """
    from openpyxl import load_workbook

    raw = read_regular_file(path, max_bytes, what)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(path, f"{_NOT_WORKBOOK}: this is an old Excel 97-2003 (.xls) workbook; save it as .xlsx")
    if not raw.startswith(b"PK\x03\x04"):
        kind = "empty" if not raw.strip() else "a text file (a CSV or TSV saved with an .xlsx name? rename it)"
        try:
            raw[:4096].decode("utf-8")
        except UnicodeDecodeError:
            kind = "empty" if not raw.strip() else "neither a ZIP container nor text"
        raise InputError(path, f"{_NOT_WORKBOOK}: the file is {kind}")
    check_zip(path, "Excel workbook").close()
    raw, notes = bound_workbook(path, raw, "Excel workbook", lean=data_only)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            wb = load_workbook(io.BytesIO(raw), data_only=data_only, rich_text=rich_text)
        except Exception as exc:  # openpyxl raises almost anything on a damaged part
            raise InputError(path, f"{_NOT_WORKBOOK} ({one_line(exc)})") from None
    if refuse_review and {"Summary", "Findings"} <= set(wb.sheetnames):
        raise InputError(path, "this is a review workbook exported by reviewer (sheets Summary and Findings), not a bilingual file")
    if note_lost:
        lost = [str(w.message) for w in caught if "not supported" in str(w.message) or "removed" in str(w.message)]
        notes += [f"{m} (a corrected copy written by reviewer will not have it)" for m in lost]
    return wb, raw, notes


def xlsx_cell_text(value: Any, number_format: str = "General") -> str:
    """A cell's value as Excel shows it: ``1`` for 1.0, ``2024-01-05`` for a date, ``12.5%`` for
    0.125 formatted as a percentage, ``1,200.50`` for 1200.5 formatted ``#,##0.00``,
    ``TRUE``/``FALSE``, rich text as its plain text, ``""`` for none. Other number formats
    (currencies, fractions, custom dates) give the plain number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if "%" in number_format:
            decimals = len(m.group(1)) if (m := re.search(r"\.(0+)", number_format)) else 0
            return f"{value * 100:.{decimals}f}%"
        fixed = _FIXED_FORMAT_RE.fullmatch(number_format)
        if fixed:  # 0, 0.00, #,##0, #,##0.0
            decimals = len(fixed.group(2) or "")
            return f"{value:{',' if fixed.group(1) else ''}.{decimals}f}"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return str(value)


def existing_cells(ws: Worksheet) -> list[tuple[int, int, Any]]:
    """``(row, column, cell)`` (1-based) of every cell ``ws`` holds, in the order read.

    ``ws.iter_rows()`` would make a cell for every position of the rectangle up to the
    farthest cell; openpyxl keeps the cells a sheet has in ``Worksheet._cells``, a dict
    keyed by ``(row, column)``, and only those are visited here.
    """
    return [(r, c, cell) for (r, c), cell in ws._cells.items()]


def merged_anchors(ws: Worksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """``(row, column)`` (1-based) of every cell a merged range covers -> its top-left cell.
    The ranges are those :func:`open_workbook` left (cut to the cells that exist)."""
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                anchors[(r, c)] = (rng.min_row, rng.min_col)
    return anchors


def sheet_rows(ws: Worksheet, path: Path | None = None) -> list[list[str]]:
    """The rows of ``ws`` from row 1 to the last with a value, as text, each up to its last
    value; a merged range's value fills every cell it covers within those rows and the
    widest row.

    Raises:
        InputError: the rows would span more than :data:`MAX_SHEET_CELLS` cells.
    """
    values: dict[tuple[int, int], str] = {}
    widths: dict[int, int] = {}
    for r, c, cell in existing_cells(ws):
        if cell.value is None:
            continue
        text = xlsx_cell_text(cell.value, cell.number_format)
        if text:
            values[(r, c)] = text
            widths[r] = max(widths.get(r, 0), c)
    if not values:
        return []
    total = sum(widths.values())
    if total > MAX_SHEET_CELLS:
        raise InputError(path or Path(ws.title), f"the sheet '{ws.title}' spans {total:,} cells up to the last value of each row; "
                         f"reviewer reads at most {MAX_SHEET_CELLS:,} (delete the cells far right of the table)")
    rows: list[list[str]] = [[] for _ in range(max(widths))]
    for r, width in widths.items():
        rows[r - 1] = [""] * width
    for (r, c), text in values.items():
        rows[r - 1][c - 1] = text
    widest = max(widths.values())
    for rng in ws.merged_cells.ranges:
        anchor = values.get((rng.min_row, rng.min_col))
        if not anchor:
            continue
        for r in range(rng.min_row, min(rng.max_row, len(rows)) + 1):
            row = rows[r - 1]
            last = min(rng.max_col, widest)
            if len(row) < last:
                row.extend([""] * (last - len(row)))
            for c in range(rng.min_col, last + 1):
                row[c - 1] = anchor
    return rows


def read_workbook(
    path: Path, sheet: str | None = None, choose: Callable[[Table], bool] | None = None, *,
    what: str = "workbook", refuse_review: bool = True, note_lost: bool = True, max_bytes: int = MAX_TABLE_BYTES,
) -> tuple[Table, bytes]:
    """Read one sheet of an XLSX file into rows of text (:func:`sheet_rows`).

    Args:
        path: the file.
        sheet: the sheet to read; by default the first visible worksheet with text that
            ``choose`` accepts, else the first visible one with text. Chart sheets are
            skipped, and hidden ones unless no sheet is visible.
        choose: a test of a sheet's table (its columns can be recognised).
        what, refuse_review, note_lost, max_bytes: as for :func:`open_workbook`.

    Returns:
        ``(table, the bytes openpyxl read)``; the table has no rows (and no sheet) when no
        sheet has text.

    Raises:
        InputError: see :func:`open_workbook`; a named sheet that does not exist or is a
            chart; a sheet too large (:func:`sheet_rows`).
    """
    from openpyxl.worksheet.worksheet import Worksheet

    wb, raw, notes = open_workbook(path, what=what, refuse_review=refuse_review, note_lost=note_lost, max_bytes=max_bytes)
    names = list(wb.sheetnames)
    if sheet:
        if sheet not in names:
            raise InputError(path, f"no sheet named '{sheet}' (sheets: {', '.join(names)})")
        if not isinstance(wb[sheet], Worksheet):
            raise InputError(path, f"the sheet '{sheet}' is a chart, not a table")
        return Table(path, sheet_rows(wb[sheet], path), sheet=sheet, sheets=names, notes=notes), raw
    worksheets = [n for n in names if isinstance(wb[n], Worksheet)]
    visible = [n for n in worksheets if wb[n].sheet_state == "visible"] or worksheets
    fallback: Table | None = None
    for name in visible:
        table = Table(path, sheet_rows(wb[name], path), sheet=name, sheets=names, notes=list(notes))
        if is_blank([c for r in table.rows for c in r]):
            continue
        if choose is None or choose(table):
            return table, raw
        if fallback is None:
            fallback = table
    return fallback or Table(path, [], sheets=names, notes=notes), raw


def note_uncalculated_formulas(raw: bytes, table: Table, columns: set[int] | None = None) -> None:
    """Formulas count with the value Excel cached; one never calculated has none: add a note
    to ``table.notes`` for each such cell of ``table.sheet`` whose text is empty (in
    ``columns``, 0-based, when given). ``raw`` is the bytes :func:`open_workbook` returned."""
    from openpyxl import load_workbook

    try:
        ws = load_workbook(io.BytesIO(raw), data_only=False)[table.sheet]
    except (KeyError, ValueError, zipfile.BadZipFile):
        return
    for r, c, cell in sorted(existing_cells(ws), key=lambda x: (x[0], x[1])):
        if cell.data_type != "f" or (columns is not None and c - 1 not in columns):
            continue
        row = table.rows[r - 1] if r - 1 < len(table.rows) else []
        if not (row[c - 1] if c - 1 < len(row) else ""):
            table.notes.append(f"row {r}, column {column_letter(c - 1)}: a formula with no calculated value (open and save the file in Excel first)")
