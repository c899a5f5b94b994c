"""The review workbook (``.xlsx``, openpyxl): a complete review channel in both directions.

Sheets:

* **Summary**: documents and metadata, termbases with version and size, date and reviewer,
  findings counted by check, severity and decision, the scores with their sacrebleu
  signatures, and the MQM scorecard (:mod:`reviewer.core.mqm`).
* **Segments**: id, unit, state, source, MT, the corrected text (editable), the changes as a
  rich-text diff (deletions struck through in red, insertions underlined in green), a
  comment (editable), open findings and HTER.
* **Findings**: one row per finding with its MQM category and concept, a **Decision**
  drop-down (open, accept, fix, false positive) and a reviewer note (editable).
* **Term renderings**: every concept with each rendering found, its count, status and segments.
* **Glossary suggestions**: what the MT wrote for a source term that the termbase lacks, and
  near misses, proposed as variants.
* **_reviewer** (very hidden, protected): the project's id and, for each segment and finding,
  its ids and the hashes of what was exported, so that :mod:`reviewer.core.review_import`
  can read an edited workbook back and tell real edits from conflicts.

Every cell of user text is written as text: a value starting with ``=``, ``+``, ``-``,
``@``, a tab, a CR or their full-width forms gets Excel's quote prefix and never becomes a
formula; numbers and dates in text stay text. Characters that XML cannot carry (C0
controls) are replaced by ``�`` and counted in the Summary. A text longer than Excel's
32,767-character cell limit goes on in continuation rows below its segment (marked
"continued"), never cut. Headers are frozen, with autofilters, wrapped text, set column
widths, severity colours (conditional formatting, so they follow the reviewer's edits) and
a print layout (landscape, fit to width, header repeated).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from reviewer import __version__, version_text
from reviewer.core.checks import Finding, all_checks
from reviewer.core.errors import OutputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.diff import word_diff
from reviewer.core.mqm import CATEGORIES, ScorecardSettings, scorecards
from reviewer.core.review import Decision, Review
from reviewer.core.scoring import corpus_scores, segment_scores

SEGMENT_COLUMNS = [
    ("Document", 20), ("ID", 6), ("Unit", 8), ("State", 11), ("Source", 36), ("MT", 46), ("Corrected", 46),
    ("Changes", 46), ("Comment", 28), ("Open findings", 9), ("HTER", 8),
]
FINDING_COLUMNS = [
    ("Finding", 11), ("Document", 20), ("Segment", 9), ("Check", 18), ("Severity", 10), ("MQM category", 22),
    ("Flagged text", 28), ("Suggestion", 28), ("Chinese term", 14), ("Preferred term", 28), ("Concept", 12),
    ("Similarity", 10), ("Message", 56), ("Decision", 14), ("Reviewer note", 30),
]
#: Column numbers (1-based) that an import reads back.
SEG_DOC, SEG_ID, SEG_STATE, SEG_CORRECTED, SEG_COMMENT = 1, 2, 4, 7, 9
FIND_ID, FIND_DECISION, FIND_NOTE = 1, 14, 15
#: The Decision drop-down: label -> decision, and back.
DECISION_LABELS = {"open": Decision.OPEN, "accept": Decision.ACCEPTED, "fix": Decision.FIXED, "false positive": Decision.DISMISSED}
LABEL_OF = {d: label for label, d in DECISION_LABELS.items()}
#: Name and version of the hidden sheet's layout.
HIDDEN_SHEET = "_reviewer"
WORKBOOK_FORMAT = 1
CONTINUED = "continued"
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
    ws.row_dimensions[1].height = 30  # two lines of header
    ws.print_options.gridLines = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def text_hash(text: str) -> str:
    """A short hash of a cell's text (SHA-256, 16 hex digits), to tell edits from the export."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def finding_id(finding: Finding) -> str:
    """The short id of a finding in the Findings sheet (``F`` and 8 hex digits of its key)."""
    return finding.id


def split_cell(text: str) -> list[str]:
    """``text`` in pieces that fit an Excel cell (:data:`MAX_CELL` characters each)."""
    return [text[i : i + MAX_CELL] for i in range(0, len(text), MAX_CELL)] or [""]


def export_workbook(
    review: Review,
    path: str | Path,
    reviewer: str = "",
    overwrite: bool = False,
    project_id: str = "",
    scorecard: ScorecardSettings | None = None,
) -> Path:
    """Write the review workbook.

    Args:
        review: a review whose checks have run.
        path: the ``.xlsx`` file to write.
        reviewer: the reviewer's name for the Summary.
        overwrite: replace an existing file; when false an existing file is an error.
        project_id: the id of the project the review belongs to, so that the workbook is
            imported only into it; by default an id made from the documents.
        scorecard: the MQM scorecard's weights and threshold (defaults otherwise).

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
    wb.properties.creator = version_text()  # the file's Author property: the tool and its version
    summary = wb.active
    summary.title = "Summary"
    hidden: list[list[Any]] = []
    _segments_sheet(wb.create_sheet("Segments"), review, w, hidden)
    counts = _findings_sheet(wb.create_sheet("Findings"), review, w, hidden)
    _renderings_sheet(wb.create_sheet("Term renderings"), review, w)
    _suggestions_sheet(wb.create_sheet("Glossary suggestions"), review, w)
    _summary_sheet(summary, review, counts, reviewer, w, scorecard or ScorecardSettings())
    _hidden_sheet(wb.create_sheet(HIDDEN_SHEET), project_id or documents_id(review), hidden)
    _without_surrogates(wb)
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(p, buf.getvalue())
    return p


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(wb: Workbook) -> None:
    """A file name that is not UTF-8 reaches the review as surrogates (``os.fsdecode``), which no
    XLSX can hold: every such cell shows the name's bytes instead (``\\xe9``)."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and _SURROGATE.search(value):
                    cell.value = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def documents_id(review: Review) -> str:
    """An id for a review without a project: a hash of its documents' names and contents."""
    h = hashlib.sha256()
    for d in review.documents:
        h.update(f"{d.name}\x1f{review.read_hashes.get(review.doc_key(d), '')}\x1e".encode("utf-8", "surrogateescape"))
    return "documents:" + h.hexdigest()[:16]


def _diff_rich(old: str, new: str) -> CellRichText | str:
    """The word diff of ``old`` → ``new`` as rich text; ``""`` when nothing changed."""
    if old == new:
        return ""
    pieces: list[str | TextBlock] = []
    for op, text in word_diff(old, new):
        text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
        if op == "delete":
            pieces.append(TextBlock(InlineFont(rFont="Calibri", sz=11, color="B71C1C", strike=True), text))
        elif op == "insert":
            pieces.append(TextBlock(InlineFont(rFont="Calibri", sz=11, color="1B5E20", u="single", b=True), text))
        elif text:
            pieces.append(text)
    return CellRichText(*pieces)


def _segments_sheet(ws: Worksheet, review: Review, w: _Writer, hidden: list[list[Any]]) -> None:
    _header(ws, SEGMENT_COLUMNS)
    by_segment: dict[tuple[str, str], int] = Counter((f.document, f.segment) for f in review.open_findings())
    row = 2
    editable = PatternFill("solid", fgColor="FFFDE7")
    for doc in review.documents:
        key = review.doc_key(doc)
        for seg in doc.segments:
            corrected = review.target(key, seg.id)
            comment = review.comments.get((key, seg.id), "")
            hter = segment_scores(seg.target, corrected).ter if corrected.strip() else None
            fields = {5: seg.source or "", 6: seg.target, SEG_CORRECTED: corrected, SEG_COMMENT: comment}
            parts = {col: split_cell(text) for col, text in fields.items()}
            rows = max(len(v) for v in parts.values())
            for part in range(rows):
                values: dict[int, Any] = {
                    SEG_DOC: doc.name, SEG_ID: _id_cell(seg.id), 3: seg.unit.split("/", 1)[-1] if seg.unit else "",
                    SEG_STATE: review.state(key, seg.id) if part == 0 else CONTINUED,
                }
                for col, pieces in parts.items():
                    values[col] = pieces[part] if part < len(pieces) else ""
                if part == 0:
                    values[10] = by_segment.get((key, seg.id), 0)
                    values[11] = hter
                for col, v in values.items():
                    w.put(ws, row, col, v)
                if part == 0 and corrected != seg.target and len(seg.target) <= MAX_CELL and len(corrected) <= MAX_CELL:
                    ws.cell(row=row, column=8).value = _diff_rich(seg.target, corrected)
                    ws.cell(row=row, column=8).alignment = _WRAP
                for col in (SEG_CORRECTED, SEG_COMMENT):
                    ws.cell(row=row, column=col).fill = editable
                row += 1
            hidden.append(["segment", key, seg.id, text_hash(seg.target), text_hash(corrected), text_hash(comment), doc.name])
    last = max(row - 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SEGMENT_COLUMNS))}{last}"
    dv = DataValidation(type="list", formula1='"translated,reviewed,final,continued"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"D2:D{last}")
    w.size_rows(ws)


def _message(f: Finding) -> str:
    """The finding's message; for a suggestion the tool could not place, with the reason, so a
    reviewer in Excel types the term in rather than marking the row 'accept'."""
    if f.manual:
        reason = str(f.details["placement"])
        return f"{f.message} Not accepted in one step: {reason}."
    return f.message


def _findings_sheet(ws: Worksheet, review: Review, w: _Writer, hidden: list[list[Any]]) -> Counter[tuple[str, str, str]]:
    _header(ws, FINDING_COLUMNS)
    rows = [(f, decision, review.notes.get(f.key, "")) for f, decision in review.all_findings()]
    rows.sort(key=lambda r: (r[0].document, int(r[0].segment) if r[0].segment.isdigit() else 0, r[0].start))
    names = {review.doc_key(d): d.name for d in review.documents}
    counts: Counter[tuple[str, str, str]] = Counter()
    for row, (f, decision, note) in enumerate(rows, start=2):
        t = f.term
        values = [
            finding_id(f), names.get(f.document, f.document), _id_cell(f.segment), f.check, f.severity.value, f.category, f.text,
            f.suggestion if f.suggestion is not None else "", t.source if t else "", t.preferred if t else "",
            t.concept if t else "", f.score, _message(f), LABEL_OF[decision], note,
        ]
        for col, v in enumerate(values, start=1):
            w.put(ws, row, col, v)
        for col in (FIND_DECISION, FIND_NOTE):
            ws.cell(row=row, column=col).fill = PatternFill("solid", fgColor="FFFDE7")
        counts[(f.check, f.severity.value, decision.value)] += 1
        hidden.append(["finding", finding_id(f), f.key, f.document, f.segment, LABEL_OF[decision], text_hash(note)])
    w.size_rows(ws)
    last = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{last}"
    dv = DataValidation(type="list", formula1='"' + ",".join(DECISION_LABELS) + '"', allow_blank=False, showDropDown=False)
    dv.error = "Choose open, accept, fix or false positive."
    dv.errorTitle = "Decision"
    ws.add_data_validation(dv)
    dv.add(f"N2:N{last}")
    for severity, fill in _SEVERITY_FILL.items():  # follows the reviewer's edits in Excel and LibreOffice
        ws.conditional_formatting.add(f"E2:E{last}", CellIsRule(operator="equal", formula=[f'"{severity}"'], fill=fill))
    ws.conditional_formatting.add(f"N2:N{last}", CellIsRule(operator="equal", formula=['"false positive"'], fill=PatternFill("solid", fgColor="E0E0E0")))
    return counts


SUGGESTION_COLUMNS = [("Concept", 10), ("Chinese", 16), ("Preferred term", 32), ("Proposed term", 34), ("Proposed status", 14), ("Count", 8), ("Why", 44), ("Segments", 30)]


def _suggestions_sheet(ws: Worksheet, review: Review, w: _Writer) -> None:
    """Renderings the termbase should know: what the MT wrote for a source term it lacks
    (term-missing), and near misses of a term, grouped by concept and text."""
    _header(ws, SUGGESTION_COLUMNS)
    names = {review.doc_key(d): d.name for d in review.documents}
    many = len(review.documents) > 1
    groups: dict[tuple[str, str], list[Finding]] = {}
    why: dict[tuple[str, str], str] = {}
    for f in review.findings:
        if f.term is None:
            continue
        if f.check == "term-missing" and f.details.get("used"):
            k = (f.term.concept, str(f.details["used"]).lower())
            why.setdefault(k, "the MT's rendering of a source term; the termbase has no such variant")
        elif f.details.get("kind") == "near":
            k = (f.term.concept, f.text.lower())
            why.setdefault(k, f"a near miss ({f.details.get('classification') or 'variant'}, {f.score:.0f}% similar)" if f.score else "a near miss")
        else:
            continue
        groups.setdefault(k, []).append(f)
    row = 2
    for k, fs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        f = fs[0]
        assert f.term is not None
        segs = ", ".join(dict.fromkeys((f"{names.get(x.document, x.document)}:{x.segment}" if many else x.segment) for x in fs))
        proposed = str(f.details.get("used") or f.text)
        for col, v in enumerate([f.term.concept, f.term.source, f.term.preferred, proposed, "deprecated", len(fs), why[k], segs], start=1):
            w.put(ws, row, col, v)
        row += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SUGGESTION_COLUMNS))}{max(row - 1, 1)}"
    w.size_rows(ws)


def _hidden_sheet(ws: Worksheet, project_id: str, rows: list[list[Any]]) -> None:
    """What an import needs to match the workbook with its project: very hidden and protected."""
    lines = [["reviewer workbook", str(WORKBOOK_FORMAT), project_id, datetime.now().isoformat(timespec="seconds"), f"reviewer {__version__}"]]
    lines.append(["kind", "key", "id", "hash 1", "hash 2", "hash 3", "name"])
    lines += [[str(v) for v in r] for r in rows]
    for r, values in enumerate(lines, start=1):
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = v
            cell.data_type = "s"  # a key is never a formula
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    ws.protection.password = "reviewer"


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


def _summary_sheet(ws: Worksheet, review: Review, counts: Counter[tuple[str, str, str]], reviewer: str, w: _Writer, scorecard: ScorecardSettings) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 18
    for col in "CDEFGHIJ":
        ws.column_dimensions[col].width = 13
    ws.column_dimensions["K"].width = 48
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
    line("Tool", version_text())
    row += 1
    line("Documents", "Segments", "Changed", *[""] * 7, "Metadata", bold=True)
    for doc in review.documents:
        key = review.doc_key(doc)
        changed = sum(review.is_changed(key, s.id) for s in doc.segments)
        meta = "; ".join(f"{k}: {v}" for k, v in doc.metadata.items())
        line(doc.name, len(doc.segments), changed, *[""] * 7, f"{meta}; encoding: {doc.encoding}".lstrip("; "))
    row += 1
    line("Termbases", "Concepts", "Terms", "Version", *[""] * 6, "File", bold=True)
    for tb in review.termbases:
        line(tb.name, len(tb), tb.term_count(), tb.version, *[""] * 6, str(tb.path or ""))
    row += 1
    order = (Decision.OPEN, Decision.ACCEPTED, Decision.FIXED, Decision.DISMISSED)
    line("Findings by check", "Severity", "Open", "Accepted", "Fixed", "False positive", bold=True)
    names = {c.id: c.name for c in all_checks()}
    groups = sorted({(c, s) for c, s, _ in counts})
    for check, sev in groups:
        line(f"{names[check]} ({check})" if check in names else check, sev, *(counts[(check, sev, d.value)] for d in order))  # the id as on the Findings sheet
    line("Total", "", *(sum(n for (_, _, d), n in counts.items() if d == dv.value) for dv in order), bold=True)
    row += 1
    cards = scorecards(review, scorecard)
    weights = ", ".join(f"{k} {v:g}" for k, v in scorecard.weights.items() if v)
    line("MQM scorecard", "Words", *CATEGORIES, "Points", "Per 1,000 words", "Result", bold=True)
    for card in cards:
        per_category = [sum(n for (cat, _), n in card.counts.items() if cat == c) for c in CATEGORIES]
        result = "n/a" if card.penalty is None else ("PASS" if card.passed else "FAIL")
        line(card.name, f"{card.words} {card.word_basis}", *per_category, card.points, card.penalty if card.penalty is not None else "n/a", result, bold=card.name == "Batch")
        cell = ws.cell(row=row - 1, column=2 + len(CATEGORIES) + 3)
        cell.fill = PatternFill("solid", fgColor="C8E6C9" if result == "PASS" else "F4B6B6" if result == "FAIL" else "FFFFFF")
    line(f"Errors counted: accepted and fixed findings, and errors entered by hand. Weights: {weights}. Pass: at most {scorecard.threshold:g} points per 1,000 {scorecard.per} words.")
    ws.merge_cells(start_row=row - 1, start_column=1, end_row=row - 1, end_column=11)
    ws.row_dimensions[row - 1].height = 15
    row += 1
    mt = [s.target for d in review.documents for s in d.segments]
    post = [review.target(review.doc_key(d), s.id) for d in review.documents for s in d.segments]
    try:
        scores = corpus_scores(mt, post)
    except ValueError:  # nothing to score: every segment has an empty side
        scores = None
    if scores is not None:
        line("MT against post-edit", "Score", *[""] * 8, "sacrebleu signature", bold=True)
        line("BLEU", scores.bleu, *[""] * 8, scores.signatures["BLEU"])
        line("chrF", scores.chrf, *[""] * 8, scores.signatures["chrF"])
        line("TER (HTER)", scores.ter, *[""] * 8, scores.signatures["TER"])
    if w.replaced:
        row += 1
        line("Note", f"{w.replaced} control character(s) that Excel cannot store were replaced by �.")


def export_findings_csv(review: Review, path: str | Path) -> Path:
    """Every finding as CSV, UTF-8 with a byte-order mark (so that Excel shows the Chinese),
    one row per finding with the Findings sheet's columns. A value that Excel would take as a
    formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a CR) gets a leading ``'``.

    Raises:
        OutputError: the file cannot be written.
    """
    names = {review.doc_key(d): d.name for d in review.documents}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t for t, _ in FINDING_COLUMNS])
    for f, decision in sorted(review.all_findings(), key=lambda r: (r[0].document, int(r[0].segment) if r[0].segment.isdigit() else 0, r[0].start)):
        t = f.term
        values = [
            finding_id(f), names.get(f.document, f.document), f.segment, f.check, f.severity.value, f.category, f.text,
            f.suggestion or "", t.source if t else "", t.preferred if t else "", t.concept if t else "",
            "" if f.score is None else f.score, f.message, LABEL_OF[decision], review.notes.get(f.key, ""),
        ]
        writer.writerow(["'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in values])
    p = Path(path)
    atomic_write_bytes(p, ("\ufeff" + out.getvalue()).encode("utf-8"))
    return p
