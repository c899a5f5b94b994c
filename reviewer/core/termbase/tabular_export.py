"""Glossary export to CSV, TSV and XLSX: one row per English term, every field kept.

TBX → CSV → XLSX → TBX loses nothing: :func:`termbase_rows` writes every field of the
concept and the term (:data:`FIELDS`), and :mod:`reviewer.core.termbase.tabular` reads
them back. CSV gets a UTF-8 byte-order mark (Excel then reads Chinese correctly); a cell
that starts with one of :data:`FORMULA_START` is prefixed with ``'`` (CSV) or stored as
text with Excel's quote prefix (XLSX), so no spreadsheet runs it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from reviewer.core.errors import OutputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.termbase.model import MatchMode, Termbase

__all__ = ["FIELDS", "FORMULA_START", "SOURCE_SEP", "termbase_rows", "write_table"]

#: Field names of the tabular format, in export order.
FIELDS = (
    "concept", "subject", "definition", "note", "sources", "verified", "zh", "zh_variants", "zh_hant",
    "en", "status", "form", "usage_note", "case_sensitive", "match", "threshold", "valid_from", "valid_to",
)
#: A cell starting with one of these would run as a formula in a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
#: Between two sources of a concept in one cell.
SOURCE_SEP = " ;; "


def termbase_rows(tb: Termbase) -> list[list[str]]:
    """The export rows: a header of :data:`FIELDS`, then one row per English term."""
    rows = [list(FIELDS)]
    for c in tb.concepts:
        hans = [t.text for t in c.zh if t.lang != "zh-Hant"]
        concept_cells = {
            "concept": c.id,
            "subject": c.subject,
            "definition": c.definition,
            "note": c.note,
            "sources": SOURCE_SEP.join(" | ".join([s.title, s.publisher, s.date, s.url]).rstrip(" |") for s in c.sources),
            "verified": c.verified,
            "zh": hans[0] if hans else "",
            "zh_variants": "; ".join(hans[1:]),
            "zh_hant": "; ".join(t.text for t in c.zh if t.lang == "zh-Hant"),
        }
        for t in c.en:
            cells = dict(concept_cells)
            cells.update(
                en=t.text,
                status=t.status.value,
                form=t.form,
                usage_note=t.note,
                case_sensitive="yes" if t.case_sensitive else "",
                match="" if t.match is MatchMode.INFLECTED else t.match.value,
                threshold="" if t.threshold is None else f"{t.threshold:g}",
                valid_from=t.valid_from,
                valid_to=t.valid_to,
            )
            rows.append([cells[f] for f in FIELDS])
    return rows


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def write_table(tb: Termbase, path: str | Path) -> None:
    """Export to ``.csv`` (UTF-8 with BOM), ``.tsv`` or ``.xlsx``, atomically.

    Raises:
        OutputError: unknown suffix or the file cannot be written.
    """
    p = Path(path)
    rows = termbase_rows(tb)
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t" if suffix == ".tsv" else ",", lineterminator="\r\n")
        for row in rows:
            writer.writerow([_safe(c) for c in row])
        atomic_write_bytes(p, buf.getvalue().encode("utf-8-sig"))
    elif suffix == ".xlsx":
        atomic_write_bytes(p, _xlsx_bytes(tb, rows))
    else:
        raise OutputError(p, "export a glossary as .tbx, .csv, .tsv or .xlsx")


def _xlsx_bytes(tb: Termbase, rows: Sequence[Sequence[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Termbase"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"
            if value.startswith(FORMULA_START):
                cell.quotePrefix = True
            if r == 1:
                cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
