"""Reading an edited review workbook back into its review: a plan first, then one step.

:func:`plan_import` compares the workbook with what was exported (the hashes in its hidden
``_reviewer`` sheet) and with the review as it is now, and lists:

* the segment changes (post-edited text, comment, state) and the decision changes
  (open, accept, fix, false positive, and the reviewer's notes), each to be shown before
  anything is applied;
* the conflicts, which are never applied: a workbook from another project, a segment
  changed in the project since the export *and* in the workbook, a row that was deleted,
  a row for a segment or finding the project does not have, an unknown decision, a
  suggestion that no longer fits its segment;
* notes: rows that were sorted or moved (they are matched by document and ID, or by finding
  id, never by position), a sheet that was renamed (found by its header).

:func:`apply_import` then applies the plan's changes in one go (the window wraps it in one
undo step). A workbook saved with no edits plans no change. Cells come back as text: a
number or date a spreadsheet program made of a typed value is turned back into the text
it shows (``2023``, ``2023-01-19``), and a formula a reviewer typed is taken as its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.core.checks import Finding
from reviewer.core.errors import InputError
from reviewer.core.review import Decision, Review
from reviewer.core.workbook import (
    CONTINUED,
    DECISION_LABELS,
    FINDING_COLUMNS,
    HIDDEN_SHEET,
    LABEL_OF,
    SEGMENT_COLUMNS,
    WORKBOOK_FORMAT,
    text_hash,
)
from reviewer.core.tables.xlsx import open_workbook


@dataclass(frozen=True, slots=True)
class SegmentChange:
    """One field of one segment to change: ``field`` is ``corrected``, ``comment`` or ``state``."""

    document: str
    segment: str
    name: str
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class DecisionChange:
    """A decision (and note) to change on one finding."""

    key: str
    finding: Finding
    old: str
    new: str
    old_note: str
    new_note: str


@dataclass(slots=True)
class ImportPlan:
    """What importing a workbook would do (see the module docstring)."""

    path: Path
    segment_changes: list[SegmentChange] = field(default_factory=list)
    decision_changes: list[DecisionChange] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    blocked: bool = False

    @property
    def empty(self) -> bool:
        """Nothing to apply."""
        return not self.segment_changes and not self.decision_changes


def cell_text(value: Any) -> str:
    """A cell's value as the text it shows: numbers without a spurious ``.0``, dates as ISO
    dates (with the time only when there is one)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _find_sheet(wb: Any, name: str, columns: list[tuple[str, int]], plan: ImportPlan) -> Worksheet | None:
    titles = [t for t, _ in columns]
    if name in wb.sheetnames:
        return wb[name]
    for ws in wb.worksheets:
        header = [cell_text(c.value) for c in next(ws.iter_rows(min_row=1, max_row=1), ())]
        if set(titles) <= set(header):
            plan.notes.append(f"the sheet '{name}' was renamed to '{ws.title}'; it was found by its header")
            return ws
    plan.conflicts.append(f"the workbook has no '{name}' sheet (deleted, or renamed and changed); nothing from it was read")
    return None


def _columns(ws: Worksheet, columns: list[tuple[str, int]], plan: ImportPlan) -> dict[str, int] | None:
    header = [cell_text(c.value) for c in ws[1]]
    found = {title: header.index(title) for title, _ in columns if title in header}
    missing = [t for t, _ in columns if t not in found]
    if missing:
        plan.conflicts.append(f"the '{ws.title}' sheet lost its column(s) {', '.join(missing)}; nothing from it was read")
        return None
    return found


def plan_import(review: Review, path: str | Path, project_id: str) -> ImportPlan:
    """Compare an edited workbook with ``review``.

    Args:
        review: the review the workbook was exported from, with its checks run.
        path: the ``.xlsx`` file.
        project_id: the id of the review's project (see
            :func:`reviewer.core.workbook.export_workbook`).

    Raises:
        InputError: not an .xlsx file, unsafe or corrupt, or not a review workbook of reviewer.
    """
    p = Path(path)
    plan = ImportPlan(p)
    # the spreadsheet layer's guard: size, ZIP and XML checks, and merged ranges and dimensions
    # cut to the cells that exist (a range over the whole sheet would make a billion cells)
    wb, _raw, bounds = open_workbook(p, data_only=False, what="review workbook", refuse_review=False, note_lost=False)
    plan.notes.extend(bounds)
    if HIDDEN_SHEET not in wb.sheetnames:
        raise InputError(p, "this is not a review workbook exported by reviewer (its hidden sheet is missing)")
    # every row padded to seven cells: a damaged hidden sheet is refused below, never an IndexError
    hidden = [([cell_text(c) for c in row] + [""] * 7)[: max(7, len(row))] for row in wb[HIDDEN_SHEET].iter_rows(values_only=True)]
    if not hidden or hidden[0][0] != "reviewer workbook" or hidden[0][1] != str(WORKBOOK_FORMAT) or not hidden[0][2]:
        raise InputError(p, "this review workbook's hidden sheet is damaged or from another version")
    segments = [r for r in hidden[2:] if r and r[0] == "segment"]
    findings = [r for r in hidden[2:] if r and r[0] == "finding"]
    if any(not all(r[1:7]) for r in segments) or any(not all(r[1:6]) for r in findings):
        raise InputError(p, "this review workbook's hidden sheet is damaged (cells are missing); export the workbook again")
    if hidden[0][2] != project_id:
        plan.conflicts.append(f"the workbook was exported from another project ({hidden[0][2]}); nothing was applied")
        plan.blocked = True
        return plan
    seg_ws = _find_sheet(wb, "Segments", SEGMENT_COLUMNS, plan)
    if seg_ws is not None:
        cols = _columns(seg_ws, SEGMENT_COLUMNS, plan)
        if cols is not None:
            _plan_segments(review, seg_ws, cols, segments, plan)
    find_ws = _find_sheet(wb, "Findings", FINDING_COLUMNS, plan)
    if find_ws is not None:
        cols = _columns(find_ws, FINDING_COLUMNS, plan)
        if cols is not None:
            _plan_findings(review, find_ws, cols, findings, plan)
    return plan


class Formula(str):
    """A cell that holds a formula (its text, ``=UPPER(F2)``), not a value the reviewer typed."""


def _rows(ws: Worksheet) -> Iterable[tuple[int, list[Any]]]:
    for n, row in enumerate(ws.iter_rows(min_row=2), start=2):
        values = [Formula(c.value) if c.data_type == "f" else c.value for c in row]
        if any(v not in (None, "") for v in values):
            yield n, values


def _formula_conflict(n: int, row: list[Any], cols: dict[str, int], names: Sequence[str], sheet: str) -> str | None:
    """The conflict line when one of the editable cells ``names`` of row ``n`` holds a formula."""
    for name in names:
        value = row[cols[name]] if cols[name] < len(row) else None
        if isinstance(value, Formula):
            return (
                f"{sheet} row {n}: the {name} cell holds a formula ({value}), not text; type the text, or paste it "
                "as values, and import again; the row was left alone"
            )
    return None


def _plan_segments(review: Review, ws: Worksheet, cols: dict[str, int], exported: list[list[str]], plan: ImportPlan) -> None:
    key_of_name = {r[6]: r[1] for r in exported}
    wanted = {(r[1], r[2]): r for r in exported}
    got: dict[tuple[str, str], dict[str, Any]] = {}
    order: list[tuple[str, str]] = []
    for n, row in _rows(ws):
        name, seg = cell_text(row[cols["Document"]]), cell_text(row[cols["ID"]])
        key = (key_of_name.get(name, name), seg)
        state = cell_text(row[cols["State"]]).strip()
        if key not in wanted:
            plan.conflicts.append(f"Segments row {n}: there is no segment {seg} of {name} in the project; the row was left alone")
            continue
        if state == CONTINUED and key in got:
            got[key]["corrected"] += cell_text(row[cols["Corrected"]])
            got[key]["comment"] += cell_text(row[cols["Comment"]])
            continue
        if key in got:
            plan.conflicts.append(f"Segments row {n}: segment {seg} of {name} appears twice; the second row was left alone")
            continue
        formula = _formula_conflict(n, row, cols, ("Corrected", "Comment", "State"), "Segments")
        if formula is not None:
            plan.conflicts.append(formula)
            got[key] = {"corrected": "", "comment": "", "state": "", "row": n, "formula": True}
            order.append(key)
            continue
        got[key] = {"corrected": cell_text(row[cols["Corrected"]]), "comment": cell_text(row[cols["Comment"]]), "state": state, "row": n}
        order.append(key)
    if order != [k for k in wanted if k in got]:
        plan.notes.append("rows of the Segments sheet were sorted or moved; they were matched by document and ID")
    for key, r in wanted.items():
        doc_key, seg = key
        name = r[6]
        if key not in got:
            plan.conflicts.append(f"the row of segment {seg} of {name} was deleted from the workbook; that segment was left alone")
            continue
        try:
            current = review.target(doc_key, seg)
        except KeyError:
            plan.conflicts.append(f"segment {seg} of {name} is no longer in the project (merged or split since the export)")
            continue
        g = got[key]
        if g.get("formula"):
            continue  # reported above
        if text_hash(g["corrected"]) != r[4]:
            if text_hash(current) != r[4]:
                plan.conflicts.append(f"segment {seg} of {name} was changed both in the project since the export and in the workbook; the project's text was kept")
            elif g["corrected"] != current:
                plan.segment_changes.append(SegmentChange(doc_key, seg, name, "corrected", current, g["corrected"]))
        old_comment = review.comments.get(key, "")
        if text_hash(g["comment"]) != r[5]:
            if text_hash(old_comment) != r[5]:
                plan.conflicts.append(f"the comment on segment {seg} of {name} was changed both in the project and in the workbook; the project's was kept")
            else:
                plan.segment_changes.append(SegmentChange(doc_key, seg, name, "comment", old_comment, g["comment"].strip()))
        state = g["state"] or "translated"
        if state not in ("translated", "reviewed", "final"):
            plan.conflicts.append(f"Segments row {g['row']}: '{state}' is not a state (translated, reviewed, final); the state was left alone")
        elif state != review.state(doc_key, seg):
            plan.segment_changes.append(SegmentChange(doc_key, seg, name, "state", review.state(doc_key, seg), state))


def _plan_findings(review: Review, ws: Worksheet, cols: dict[str, int], exported: list[list[str]], plan: ImportPlan) -> None:
    by_id = {r[1]: r for r in exported}
    current: dict[str, tuple[Finding, Decision]] = {f.key: (f, d) for f, d in review.all_findings()}
    edited_segments = {(c.document, c.segment) for c in plan.segment_changes if c.field == "corrected"}
    seen: set[str] = set()
    positions = []
    for n, row in _rows(ws):
        fid = cell_text(row[cols["Finding"]]).strip()
        if fid not in by_id:
            plan.conflicts.append(f"Findings row {n}: no finding '{fid}' was exported; the row was left alone")
            continue
        if fid in seen:
            plan.conflicts.append(f"Findings row {n}: finding {fid} appears twice; the second row was left alone")
            continue
        seen.add(fid)
        positions.append(list(by_id).index(fid))
        formula = _formula_conflict(n, row, cols, ("Decision", "Reviewer note"), "Findings")
        if formula is not None:
            plan.conflicts.append(formula)
            continue
        _, _, key, doc, seg, exported_label, note_hash = (by_id[fid] + [""] * 7)[:7]
        label = cell_text(row[cols["Decision"]]).strip().lower()
        note = cell_text(row[cols["Reviewer note"]]).strip()
        if label not in DECISION_LABELS:
            plan.conflicts.append(f"Findings row {n}: '{label}' is not a decision (open, accept, fix, false positive); left alone")
            continue
        if label == exported_label and text_hash(note) == note_hash:
            continue  # not edited
        if key not in current:
            plan.conflicts.append(f"Findings row {n}: finding {fid} is no longer raised (the text changed since the export); left alone")
            continue
        finding, decision = current[key]
        now = LABEL_OF[decision]
        if now != exported_label:
            plan.conflicts.append(f"Findings row {n}: finding {fid} was decided in the project since the export ({now}); the project's decision was kept")
            continue
        if label == "accept" and label != exported_label:
            if finding.suggestion is None:
                plan.conflicts.append(f"Findings row {n}: finding {fid} has no suggestion to accept; mark it 'fix' instead")
                continue
            if finding.manual:
                plan.conflicts.append(
                    f"Findings row {n}: the suggestion of {fid} cannot be placed safely ({finding.details['placement']}); "
                    "type the term into the Corrected column and mark the row 'fix'; left alone"
                )
                continue
            if (doc, seg) in edited_segments or review.target(doc, seg)[finding.start : finding.end] != finding.text:
                plan.conflicts.append(f"Findings row {n}: the suggestion of {fid} no longer fits segment {seg}, whose text was edited; left alone")
                continue
        plan.decision_changes.append(DecisionChange(key, finding, now, label, review.notes.get(key, ""), note))
    if positions != sorted(positions):
        plan.notes.append("rows of the Findings sheet were sorted or moved; they were matched by finding id")
    missing = [fid for fid in by_id if fid not in seen]
    if missing:
        plan.notes.append(f"{len(missing)} finding row(s) were deleted from the workbook; those findings were left as they are")


def apply_import(review: Review, plan: ImportPlan) -> int:
    """Apply a plan's changes (never its conflicts). Returns the number of changes applied.

    Raises:
        ValueError: the plan is blocked (a workbook of another project).
    """
    if plan.blocked:
        raise ValueError("this workbook belongs to another project")
    done = 0
    for c in plan.segment_changes:
        if c.field == "corrected":
            review.set_target(c.document, c.segment, c.new)
        elif c.field == "comment":
            review.set_comment(c.document, c.segment, c.new)
        else:
            review.set_state(c.document, c.segment, c.new)
        done += 1
    for d in plan.decision_changes:
        if d.new != d.old:
            if d.new == "accept":
                review.accept(d.finding)
            elif d.new == "fix":
                review.mark_fixed(d.finding)
            elif d.new == "false positive":
                review.dismiss(d.finding)
            else:
                review.reopen(d.finding)
        if d.new_note:
            review.notes[d.key] = d.new_note
        else:
            review.notes.pop(d.key, None)
        done += 1
    return done
