"""Bounding a workbook's worksheets to the cells that exist, before openpyxl sees them.

openpyxl builds an object for every cell a merged range or a hyperlink range covers as it
loads a sheet, so one ``<mergeCell ref="C1:XFD1048576"/>`` in a 5 KB file costs it 17
billion cells. :func:`bound_workbook` reads each worksheet's XML once and:

* leaves out the empty cells and rows of a large sheet (over :data:`LEAN_SHEET_BYTES`), for
  reading only: a sheet formatted down to row 1,048,576 would cost a minute and gigabytes;
* refuses a sheet with more than :data:`MAX_SHEET_ROWS` rows with a value;
* cuts every merged range, hyperlink range and ``dimension`` of more than
  :data:`KEEP_RANGE_CELLS` cells to the rectangle of the cells with a value (a range whose
  top-left cell lies outside it holds nothing and is dropped), and keeps the cells all the
  ranges of a sheet cover under :data:`MAX_RANGE_CELLS` (ranges past that are dropped),
  each cut or drop with a note. Smaller ranges stay as written.

The work is one regular-expression pass over each worksheet's bytes; no loop visits the
cells a range names.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.tables.grid import column_letter
from reviewer.core.xmlsafe import read_member

__all__ = ["KEEP_RANGE_CELLS", "LEAN_SHEET_BYTES", "MAX_RANGE_CELLS", "MAX_SHEET_ROWS", "bound_workbook", "value_extent"]

#: Most rows with content one worksheet may have (Excel's own limit is 1,048,576 rows).
MAX_SHEET_ROWS = 200_000
#: Worksheets larger than this (bytes of XML) are read without their empty cells and rows.
LEAN_SHEET_BYTES = 4 * 1024 * 1024
#: Most cells the merged and hyperlink ranges of one sheet may cover, once cut.
MAX_RANGE_CELLS = 1_000_000
#: Ranges of up to this many cells are kept as written; larger ones are cut.
KEEP_RANGE_CELLS = 100_000

_NAME = rb"(?:[A-Za-z_][\w.-]*:)?"
_EMPTY_CELL_RE = re.compile(rb"<" + _NAME + rb"c\b[^<>]*\br=[\"'][^<>]*/>")
#: A row with no cell or only cells with no value (self-closing ``c`` elements), numbered.
_EMPTY_ROW_RE = re.compile(rb"<(" + _NAME + rb")row\b[^<>]*\br=[\"'][^<>]*(?:/>|>(?:\s*<\1c\b[^<>]*/>)*\s*</\1row\s*>)")
_TAG_RE = re.compile(rb"<" + _NAME + rb"(row|c)\b([^<>]*?)(/?)>")
_R_ATTR_RE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([^\"']*)[\"']")
_CELL_REF_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_RANGE_EL_RE = re.compile(rb"<" + _NAME + rb"(mergeCell|hyperlink|dimension)\b([^<>]*?)(/?)>")
_REF_ATTR_RE = re.compile(rb"(\bref\s*=\s*[\"'])([^\"']*)([\"'])")


def _cell(ref: str) -> tuple[int, int] | None:
    """``"C7"`` -> ``(7, 3)`` (row, column, 1-based), or ``None``."""
    m = _CELL_REF_RE.fullmatch(ref.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


def value_extent(xml: bytes) -> tuple[int, int, int]:
    """``(last row, last column, rows with a value)`` of a worksheet's cells that hold
    something (``c`` elements that are not self-closing), 1-based, ``(0, 0, 0)`` for none.
    Cells and rows without an ``r`` attribute are numbered on from the one before, as
    openpyxl numbers them."""
    row = col = last_row = last_col = 0
    rows: set[int] = set()
    for m in _TAG_RE.finditer(xml):
        kind, attrs, empty = m.groups()
        r = _R_ATTR_RE.search(attrs)
        ref = r.group(1).decode("ascii", "replace") if r else ""
        if kind == b"row":
            row = int(ref) if ref.isdigit() else row + 1
            col = 0
            continue
        cell = _cell(ref) if ref else None
        if cell is not None:
            cell_row, col = cell
        else:
            cell_row, col = row, col + 1
        if not empty:
            last_row, last_col = max(last_row, cell_row), max(last_col, col)
            rows.add(cell_row)
    return last_row, last_col, len(rows)


def _clip(xml: bytes, last_row: int, last_col: int, notes: list[str]) -> bytes:
    """``xml`` with each merged, hyperlink and dimension range of more than
    :data:`KEEP_RANGE_CELLS` cells cut to rows 1..``last_row`` and columns 1..``last_col``;
    smaller ranges stay as written, so an ordinary workbook is not changed."""
    budget = MAX_RANGE_CELLS
    corner = f"{column_letter(last_col - 1)}{last_row}" if last_row and last_col else "A1"

    def with_ref(m: re.Match[bytes], ref_m: re.Match[bytes], ref: str) -> bytes:
        return m.group(0).replace(ref_m.group(0), ref_m.group(1) + ref.encode("ascii") + ref_m.group(3))

    def fix(m: re.Match[bytes]) -> bytes:
        nonlocal budget
        kind, attrs, empty = m.group(1), m.group(2), m.group(3)
        ref_m = _REF_ATTR_RE.search(attrs)
        ref = ref_m.group(2).decode("ascii", "replace") if ref_m else ""
        ends = [_cell(part) for part in ref.split(":", 1)] if ":" in ref else []
        if ref_m is None or len(ends) != 2 or ends[0] is None or ends[1] is None:
            return m.group(0)
        (r1, c1), (r2, c2) = ends[0], ends[1]
        r1, r2, c1, c2 = min(r1, r2), max(r1, r2), min(c1, c2), max(c1, c2)
        written = (r2 - r1 + 1) * (c2 - c1 + 1)
        if kind == b"dimension":
            return m.group(0) if written <= KEEP_RANGE_CELLS else with_ref(m, ref_m, f"A1:{corner}")
        if written <= min(KEEP_RANGE_CELLS, budget):
            budget -= written
            return m.group(0)
        what = "merged range" if kind == b"mergeCell" else "hyperlink range"
        cut_r2, cut_c2 = min(r2, last_row), min(c2, last_col)
        area = (cut_r2 - r1 + 1) * (cut_c2 - c1 + 1) if r1 <= last_row and c1 <= last_col else 0
        if area > budget or area == 0 or (kind == b"mergeCell" and area == 1):
            why = f"covers more cells than reviewer reads ({MAX_RANGE_CELLS:,} in all)" if area > budget else f"lies past the last cell with a value ({corner})"
            notes.append(f"the {what} {ref} {why}; it is left out")
            return b"" if empty else with_ref(m, ref_m, f"{column_letter(c1 - 1)}{r1}")
        budget -= area
        new = f"{column_letter(c1 - 1)}{r1}:{column_letter(cut_c2 - 1)}{cut_r2}"
        notes.append(f"the {what} {ref} reaches past the last cell with a value ({corner}); it is read as {new}")
        return with_ref(m, ref_m, new)

    return _RANGE_EL_RE.sub(fix, xml)


def bound_workbook(path: Path, data: bytes, what: str = "workbook", lean: bool = True) -> tuple[bytes, list[str]]:
    """``data`` (an XLSX file :func:`reviewer.core.xmlsafe.check_zip` has passed) with every
    worksheet bounded to the cells that exist (see the module docstring). Unchanged bytes
    are returned as they are.

    Args:
        path: the file, for messages.
        data: its bytes.
        what: the kind of file for messages ("glossary").
        lean: leave out the empty cells and rows of large sheets (for reading; a copy
            that is written back keeps them).

    Returns:
        ``(bytes, notes)``: one note per range cut or left out.

    Raises:
        InputError: a worksheet with more than :data:`MAX_SHEET_ROWS` rows with content,
            or a member :func:`reviewer.core.xmlsafe.read_member` cannot unpack.
    """
    notes: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        changed: dict[str, bytes] = {}
        for info in infos:
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            member = read_member(path, zf, info, what)
            new = member
            if lean and info.file_size > LEAN_SHEET_BYTES:
                new = _EMPTY_CELL_RE.sub(b"", _EMPTY_ROW_RE.sub(b"", new))
            last_row, last_col, rows = value_extent(new)
            if rows > MAX_SHEET_ROWS:
                raise InputError(path, f"the {what} has a sheet with {rows:,} rows with content; reviewer reads at most {MAX_SHEET_ROWS:,} (split the table)")
            new = _clip(new, last_row, last_col, notes)
            if new != member:
                changed[info.filename] = new
        if not changed:
            return data, notes
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            for info in infos:
                member = changed[info.filename] if info.filename in changed else read_member(path, zf, info, what)
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type = zipfile.ZIP_STORED
                dst.writestr(copy, member)
    return out.getvalue(), notes
