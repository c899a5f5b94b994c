"""Writing corrected targets back into the bilingual CSV, TSV or XLSX file they came from.

The file is read again and every segment's source and target cells are compared with
what :mod:`reviewer.core.readers.table` read; if any differs, the file has changed and
nothing is written. Then only the target cells of changed segments are replaced:

* CSV/TSV: each changed cell is spliced into the decoded text at its offsets, so every
  other byte stays as it was (the delimiter, quoting, line breaks, the encoding and its
  byte-order mark). A new cell is quoted when the old one was or when it holds the
  delimiter, a quote or a line break. Text is written as it is, with no ``'`` before a
  leading ``=``: the file is data for a CAT tool, and adding a quote would change it.
* XLSX: the workbook is loaded in full (formulas, rich text, styles, other sheets) and
  saved with the new target cells as text: a value that starts with ``=``, ``+``, ``-``
  or ``@`` is stored as a string with Excel's quote prefix, never as a formula. A target
  cell inside a merged range is written to the range's top-left cell. What openpyxl
  cannot keep (charts, some extensions) is lost in the copy; the original is never
  touched.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

from reviewer.core.document import Document, Segment
from reviewer.core.errors import InputError, OutputError
from reviewer.core.fileio import atomic_write_bytes, read_regular_file
from reviewer.core.readers.table import TableMapping
from reviewer.core.tables import MAX_TABLE_BYTES, column_letter
from reviewer.core.tables.delimited import csv_cell_text, decode_table, split_bom, split_records
from reviewer.core.tables.xlsx import merged_anchors, open_workbook, xlsx_cell_text


#: Longest text an Excel cell holds.
MAX_CELL_CHARS = 32767

_FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠")


def write(doc: Document, targets: Mapping[str, str], path: Path) -> None:
    """Write ``doc``'s table with ``targets`` (segment id -> text) to ``path``, atomically.

    Raises:
        InputError: the original file is gone, unreadable, or no longer holds the cells
            it held when it was read.
        reviewer.core.errors.OutputError: ``path`` cannot be written, or a corrected text
            cannot be stored (a character the file's encoding lacks, a control character
            or too long for an Excel cell, two corrections for one merged cell).
    """
    mapping = TableMapping.from_metadata(doc.metadata)
    if mapping.source is None or mapping.target is None:
        raise OutputError(path, "the document has no column mapping of a bilingual table; it cannot be written back as one")
    if doc.metadata.get("format") == "XLSX":
        _write_xlsx(doc, targets, Path(path), mapping)
    else:
        _write_delimited(doc, targets, Path(path), mapping)


def _changed(doc: Document, where: str) -> InputError:
    return InputError(doc.path, f"the file has changed since it was opened ({where} differs); open it again")


def _expected(segment: Segment) -> tuple[str, str]:
    return segment.source or "", segment.target


def _write_delimited(doc: Document, targets: Mapping[str, str], path: Path, mapping: TableMapping) -> None:
    assert mapping.source is not None and mapping.target is not None
    raw = read_regular_file(doc.path, MAX_TABLE_BYTES, "spreadsheet")
    try:
        text, encoding = decode_table(doc.path, raw, doc.encoding)
    except InputError:
        raise _changed(doc, f"its encoding {doc.encoding}") from None
    delimiter = mapping.delimiter or ","
    records, _ = split_records(text, delimiter)
    edits: list[tuple[int, int, str]] = []
    for segment in doc.segments:
        row = int(segment.unit) if segment.unit.isdigit() else 0
        if not 0 < row <= len(records):
            raise _changed(doc, f"row {segment.unit}")
        fields = records[row - 1].fields
        cells = [csv_cell_text(f.value) for f in fields]
        source = cells[mapping.source] if mapping.source < len(cells) else ""
        target = cells[mapping.target] if mapping.target < len(cells) else ""
        if (source, target) != _expected(segment):
            raise _changed(doc, f"row {row}")
        new = targets.get(segment.id, segment.target)
        if new == segment.target:
            continue
        try:
            new.encode(split_bom(raw, encoding)[1])
        except UnicodeEncodeError as exc:
            raise OutputError(path, f"row {row}: the corrected text has {new[exc.start]!r}, which the file's encoding {encoding} cannot hold") from None
        if mapping.target < len(fields):
            old = fields[mapping.target]
            edits.append((old.start, old.end, _csv_field(new, delimiter, old.quoted)))
        else:  # a short row: add the missing cells
            pad = delimiter * (mapping.target - len(fields) + (1 if fields else 0))
            edits.append((records[row - 1].end, records[row - 1].end, pad + _csv_field(new, delimiter, False)))
    parts = []
    last = len(text)
    for start, end, value in sorted(edits, reverse=True):
        parts.append(text[end:last])
        parts.append(value)
        last = start
    parts.append(text[:last])
    bom, codec = split_bom(raw, encoding)
    atomic_write_bytes(path, bom + "".join(reversed(parts)).encode(codec))


def _csv_field(value: str, delimiter: str, quoted: bool) -> str:
    if quoted or any(ch in value for ch in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def _write_xlsx(doc: Document, targets: Mapping[str, str], path: Path, mapping: TableMapping) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.worksheet.worksheet import Worksheet

    assert mapping.source is not None and mapping.target is not None
    wb, _, _ = open_workbook(doc.path, data_only=False, rich_text=True)
    if mapping.sheet not in wb.sheetnames or not isinstance(wb[mapping.sheet], Worksheet):
        raise _changed(doc, f"sheet '{mapping.sheet}'")
    ws = wb[mapping.sheet]
    anchors = merged_anchors(ws)
    writes: dict[tuple[int, int], str] = {}
    for segment in doc.segments:
        row = int(segment.unit) if segment.unit.isdigit() else 0
        if row < 1:
            raise _changed(doc, f"row {segment.unit}")
        for col, expected in zip((mapping.source, mapping.target), _expected(segment), strict=True):
            cell = ws.cell(*anchors.get((row, col + 1), (row, col + 1)))
            if cell.data_type != "f" and xlsx_cell_text(cell.value, cell.number_format) != expected:
                raise _changed(doc, f"cell {column_letter(col)}{row}")
        new = targets.get(segment.id, segment.target)
        if new == segment.target:
            continue
        if len(new) > MAX_CELL_CHARS:
            raise OutputError(path, f"row {row}: the corrected text has {len(new)} characters; an Excel cell holds at most {MAX_CELL_CHARS}")
        if ILLEGAL_CHARACTERS_RE.search(new):
            raise OutputError(path, f"row {row}: the corrected text has a control character, which an Excel cell cannot hold")
        key = anchors.get((row, mapping.target + 1), (row, mapping.target + 1))
        if writes.get(key, new) != new:
            raise OutputError(path, f"cell {column_letter(key[1] - 1)}{key[0]} is merged over several rows and has two different corrections")
        writes[key] = new
    for (r, c), value in writes.items():
        cell = ws.cell(r, c)
        cell.value = value
        cell.data_type = "s"  # text, even when it starts with "="
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(path, buf.getvalue())
