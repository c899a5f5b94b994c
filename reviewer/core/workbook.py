"""The review workbook (``.xlsx``, openpyxl): Summary, Segments, Findings and Term renderings sheets.

Every cell of user text is written as text: a value starting with ``=``, ``+``,
``-`` or ``@`` is stored as a string with Excel's quote prefix, never as a
formula. Characters that XML cannot carry (C0 controls) are replaced by ``�``
and counted in the Summary. Headers are frozen, with an autofilter, wrapped
text and set column widths; the Findings sheet has a Decision drop-down.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reviewer import __version__
from reviewer.core.checks import Finding, all_checks
from reviewer.core.errors import OutputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.review import Decision, Review
from reviewer.core.scoring import corpus_scores, segment_scores

SEGMENT_COLUMNS = [("Document", 22), ("ID", 6), ("Paragraph", 10), ("Source", 40), ("MT", 60), ("Corrected", 60), ("Changed", 9), ("Open findings", 9), ("Findings", 50), ("HTER", 8)]
FINDING_COLUMNS = [
    ("Document", 22), ("Segment", 9), ("Check", 18), ("Severity", 10), ("MQM category", 24), ("Flagged text", 30),
    ("Suggestion", 30), ("Chinese term", 14), ("Preferred term", 30), ("Concept", 12), ("Termbase", 16),
    ("Similarity", 10), ("Message", 60), ("Decision", 11), ("Reviewer note", 30),
]
MAX_CELL = 32767
#: What XML 1.0 (and so an .xlsx file) cannot carry: C0 controls but tab, CR and LF,
#: lone surrogates, and the non-characters U+FFFE and U+FFFF.
ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_SEVERITY_FILL = {
    "critical": PatternFill("solid", fgColor="F4B6B6"),
    "major": PatternFill("solid", fgColor="FCE4C4"),
    "minor": PatternFill("solid", fgColor="FFF6CC"),
}
_WRAP = Alignment(wrap_text=True, vertical="top")


class _Writer:
    """Writes safe text cells, counts the characters it had to replace, and sizes rows.

    Excel and LibreOffice do not grow a row for wrapped text written by a library,
    so each row's height is set from the longest wrapped cell (estimated from the
    column width, 15 points a line, at most 409 points, Excel's limit).
    """

    def __init__(self) -> None:
        self.replaced = 0
        self._lines: dict[tuple[str, int], int] = {}

    def put(self, ws: Worksheet, row: int, col: int, value: Any) -> None:
        cell = ws.cell(row=row, column=col)
        if isinstance(value, str) and value:
            width = ws.column_dimensions[get_column_letter(col)].width or 10
            per_line = max(int(width * 1.15), 1)
            lines = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
            key = (ws.title, row)
            self._lines[key] = max(self._lines.get(key, 1), lines)
        if isinstance(value, str):
            clean, n = ILLEGAL_CHARACTERS_RE.subn("\ufffd", value)
            self.replaced += n
            if len(clean) > MAX_CELL:
                clean = clean[: MAX_CELL - 40] + f" … [{len(clean) - MAX_CELL + 40} characters cut]"
            cell.value = clean
            cell.data_type = "s"
            if clean.startswith(_FORMULA_START):
                cell.quotePrefix = True
        else:
            cell.value = value
        cell.alignment = _WRAP

    def size_rows(self, ws: Worksheet, first_row: int = 2) -> None:
        """Set the height of every written row from ``first_row`` on."""
        for (title, row), lines in self._lines.items():
            if title == ws.title and row >= first_row and lines > 1:
                ws.row_dimensions[row].height = min(409, 15 * lines)


def _id_cell(segment_id: str) -> int | str:
    """Segment ids as numbers where they are numbers, so that Excel sorts 2 before 10."""
    return int(segment_id) if segment_id.isdigit() else segment_id


def _header(ws: Worksheet, columns: Sequence[tuple[str, int]]) -> None:
    for col, (title, width) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def export_workbook(review: Review, path: str | Path, reviewer: str = "", overwrite: bool = False) -> Path:
    """Write the review workbook.

    Args:
        review: a review whose checks have run.
        path: the ``.xlsx`` file to write.
        reviewer: the reviewer's name for the Summary.
        overwrite: replace an existing file; when false an existing file is an error.

    Returns:
        The path written.

    Raises:
        OutputError: the file exists (and ``overwrite`` is false) or cannot be written.
    """
    p = Path(path)
    if p.suffix.lower() != ".xlsx":
        raise OutputError(p, "a review workbook must be an .xlsx file")
    if p.exists() and not overwrite:
        raise OutputError(p, "the file already exists; choose another name or allow overwriting")
    w = _Writer()
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    _segments_sheet(wb.create_sheet("Segments"), review, w)
    counts = _findings_sheet(wb.create_sheet("Findings"), review, w)
    _renderings_sheet(wb.create_sheet("Term renderings"), review, w)
    _summary_sheet(summary, review, counts, reviewer, w)
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(p, buf.getvalue())
    return p


def _segments_sheet(ws: Worksheet, review: Review, w: _Writer) -> None:
    _header(ws, SEGMENT_COLUMNS)
    by_segment: dict[tuple[str, str], list[Finding]] = {}
    for f in review.open_findings():
        by_segment.setdefault((f.document, f.segment), []).append(f)
    row = 2
    for doc in review.documents:
        key = review.doc_key(doc)
        for seg in doc.segments:
            corrected = review.target(key, seg.id)
            found = by_segment.get((key, seg.id), [])
            summary = "\n".join(f"{f.check}: {f.text}" + (f" → {f.suggestion}" if f.suggestion else "") for f in found)
            values = [
                doc.name, _id_cell(seg.id), seg.paragraph, seg.source or "", seg.target, corrected,
                "yes" if corrected != seg.target else "no", len(found), summary,
                segment_scores(seg.target, corrected).ter if corrected.strip() else None,
            ]
            for col, v in enumerate(values, start=1):
                w.put(ws, row, col, v)
            row += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SEGMENT_COLUMNS))}{max(row - 1, 1)}"
    w.size_rows(ws)


def _findings_sheet(ws: Worksheet, review: Review, w: _Writer) -> Counter[tuple[str, str, str]]:
    _header(ws, FINDING_COLUMNS)
    rows = [(f, decision, review.notes.get(f.key, "")) for f, decision in review.all_findings()]
    rows.sort(key=lambda r: (r[0].document, int(r[0].segment) if r[0].segment.isdigit() else 0, r[0].start))
    names = {review.doc_key(d): d.name for d in review.documents}
    counts: Counter[tuple[str, str, str]] = Counter()
    for row, (f, decision, note) in enumerate(rows, start=2):
        t = f.term
        values = [
            names.get(f.document, f.document), _id_cell(f.segment), f.check, f.severity.value, f.category, f.text,
            f.suggestion if f.suggestion is not None else "", t.source if t else "", t.preferred if t else "",
            t.concept if t else "", t.termbase if t else "", f.score, f.message, decision.value, note,
        ]
        for col, v in enumerate(values, start=1):
            w.put(ws, row, col, v)
        fill = _SEVERITY_FILL.get(f.severity.value)
        if fill is not None:
            ws.cell(row=row, column=4).fill = fill
        counts[(f.check, f.severity.value, decision.value)] += 1
    w.size_rows(ws)
    last = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{last}"
    dv = DataValidation(type="list", formula1='"open,accepted,dismissed"', allow_blank=False, showDropDown=False)
    dv.error = "Choose open, accepted or dismissed."
    ws.add_data_validation(dv)
    dv.add(f"N2:N{last}")
    return counts


RENDERING_COLUMNS = [("Concept", 10), ("Chinese", 16), ("Preferred term", 34), ("Rendering", 36), ("Status", 12), ("Count", 8), ("Use", 12), ("Segments", 40)]


def _renderings_sheet(ws: Worksheet, review: Review, w: _Writer) -> None:
    """Every concept found, with each rendering, its count, status and segments; the renderings
    to change (minority or non-standard) are marked and coloured."""
    _header(ws, RENDERING_COLUMNS)
    names = {review.doc_key(d): d.name for d in review.documents}
    many = len(review.documents) > 1
    groups = sorted(review.renderings, key=lambda g: (g.consistent, -g.total))
    row = 2
    for g in groups:
        for r in g.renderings:
            use = "keep" if r is g.dominant else ("change" if not r.acceptable else "minority")
            segments = ", ".join(dict.fromkeys((f"{names[u.document]}:{u.segment}" if many else u.segment) for u, _ in r.occurrences))
            values = [g.concept.id, g.concept.source_term, g.concept.preferred_text, r.text, r.status, r.count, use, segments]
            for col, v in enumerate(values, start=1):
                w.put(ws, row, col, v)
            if use != "keep":
                ws.cell(row=row, column=7).fill = _SEVERITY_FILL["major" if use == "change" else "minor"]
            row += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(RENDERING_COLUMNS))}{max(row - 1, 1)}"
    w.size_rows(ws)


def _summary_sheet(ws: Worksheet, review: Review, counts: Counter[tuple[str, str, str]], reviewer: str, w: _Writer) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 18
    for col in "CDE":
        ws.column_dimensions[col].width = 12
    ws.column_dimensions["F"].width = 72
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    row = 1

    def line(*values: Any, bold: bool = False) -> None:
        nonlocal row
        for col, v in enumerate(values, start=1):
            w.put(ws, row, col, v)
            if bold:
                ws.cell(row=row, column=col).font = Font(bold=True)
        row += 1

    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    line("Translation review")
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    line("Date", datetime.now().strftime("%Y-%m-%d %H:%M"))
    line("Reviewer", reviewer or "")
    line("Tool", f"reviewer {__version__}")
    row += 1
    line("Documents", "Segments", "Changed", "", "", "Metadata", bold=True)
    for doc in review.documents:
        key = review.doc_key(doc)
        changed = sum(review.is_changed(key, s.id) for s in doc.segments)
        meta = "; ".join(f"{k}: {v}" for k, v in doc.metadata.items())
        line(doc.name, len(doc.segments), changed, "", "", f"{meta}; encoding: {doc.encoding}".lstrip("; "))
    row += 1
    line("Termbases", "Concepts", "Terms", "Version", "", "File", bold=True)
    for tb in review.termbases:
        line(tb.name, len(tb), tb.term_count(), tb.version, "", str(tb.path or ""))
    row += 1
    line("Findings by check", "Severity", "Open", "Accepted", "Dismissed", bold=True)
    names = {c.id: c.name for c in all_checks()}
    groups = sorted({(c, s) for c, s, _ in counts})
    for check, sev in groups:
        line(names.get(check, check), sev, *(counts[(check, sev, d.value)] for d in (Decision.OPEN, Decision.ACCEPTED, Decision.DISMISSED)))
    line("Total", "", *(sum(n for (_, _, d), n in counts.items() if d == dv.value) for dv in (Decision.OPEN, Decision.ACCEPTED, Decision.DISMISSED)), bold=True)
    row += 1
    mt = [s.target for d in review.documents for s in d.segments]
    post = [review.target(review.doc_key(d), s.id) for d in review.documents for s in d.segments]
    if mt:
        scores = corpus_scores(mt, post)
        line("MT against post-edit", "Score", "", "", "", "sacrebleu signature", bold=True)
        line("BLEU", scores.bleu, "", "", "", scores.signatures["BLEU"])
        line("chrF", scores.chrf, "", "", "", scores.signatures["chrF"])
        line("TER (HTER)", scores.ter, "", "", "", scores.signatures["TER"])
    if w.replaced:
        row += 1
        line("Note", f"{w.replaced} control character(s) that Excel cannot store were replaced by �.")
