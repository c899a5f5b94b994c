"""Export → edit the workbook as a reviewer would → import: exactly the intended edits, and the
conflicts reported."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from reviewer.core.errors import InputError
from reviewer.core.readers import read_document
from reviewer.core.review import Decision, make_review
from reviewer.core.review_import import apply_import, cell_text, plan_import
from reviewer.core.workbook import export_workbook


@pytest.fixture
def review(sample_path, mini_termbase):
    r = make_review([read_document(sample_path)], [mini_termbase])
    r.run_checks()
    return r


def export(review, tmp_path, name="review.xlsx"):
    return export_workbook(review, tmp_path / name, reviewer="Li Hua", project_id="P1")


def state(review):
    key = review.doc_key(review.documents[0])
    return (
        {s.id: review.target(key, s.id) for s in review.documents[0].segments},
        dict(review.decisions), dict(review.notes), dict(review.comments), dict(review.states), set(review.false_positives),
    )


def row_of(ws, column, value):
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=column).value == value)


def test_a_round_trip_with_no_edits_changes_nothing(review, tmp_path):
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)  # opened and saved as it is, as Excel would
    wb.save(path)
    before = state(review)
    plan = plan_import(review, path, "P1")
    assert plan.empty and plan.conflicts == [] and not plan.blocked
    assert apply_import(review, plan) == 0 and state(review) == before


def test_the_intended_edits_arrive_and_nothing_else(review, tmp_path):
    key = review.doc_key(review.documents[0])
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)
    seg, fnd = wb["Segments"], wb["Findings"]
    r4 = row_of(seg, 2, 4)
    seg.cell(row=r4, column=7).value = "=SUM(A1) is a formula-looking edit"  # what a reviewer typed, quote-prefixed by Excel
    seg.cell(row=r4, column=7).data_type = "s"
    seg.cell(row=row_of(seg, 2, 6), column=9).value = "-- 请核对人名"  # a comment starting with '-' and in Chinese
    seg.cell(row=row_of(seg, 2, 7), column=4).value = "reviewed"
    establishments = row_of(fnd, 7, "two establishments")
    fnd.cell(row=establishments, column=14).value = "accept"
    revolution = row_of(fnd, 7, "enterprises above the standard")
    fnd.cell(row=revolution, column=14).value = "false positive"
    fnd.cell(row=revolution, column=15).value = "The client's own wording."
    wb.save(path)
    plan = plan_import(review, path, "P1")
    assert plan.conflicts == []
    assert {(c.segment, c.field, c.new) for c in plan.segment_changes} == {
        ("4", "corrected", "=SUM(A1) is a formula-looking edit"), ("6", "comment", "-- 请核对人名"), ("7", "state", "reviewed"),
    }
    assert {(d.finding.text, d.new) for d in plan.decision_changes} == {("two establishments", "accept"), ("enterprises above the standard", "false positive")}
    before = state(review)
    assert apply_import(review, plan) == 5
    assert review.target(key, "4") == "=SUM(A1) is a formula-looking edit"
    assert review.comments[(key, "6")] == "-- 请核对人名" and review.state(key, "7") == "reviewed"
    assert "Two Establishes" in review.target(key, "5")
    f = next(x for x in review.findings if x.text == "enterprises above the standard")
    assert review.decision(f) is Decision.DISMISSED and review.notes[f.key] == "The client's own wording."
    texts_before, texts_after = before[0], state(review)[0]
    assert {k for k in texts_before if texts_before[k] != texts_after[k]} == {"4", "5"}  # nothing else moved


def test_deleted_and_reordered_rows_and_a_renamed_sheet(review, tmp_path):
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)
    seg = wb["Segments"]
    seg.delete_rows(row_of(seg, 2, 3))  # a reviewer deleted a row
    rows = [[c.value for c in r] for r in seg.iter_rows(min_row=2)]
    rows.reverse()  # and sorted the sheet the other way round
    for i, values in enumerate(rows, start=2):
        for j, v in enumerate(values, start=1):
            seg.cell(row=i, column=j).value = v
    seg.cell(row=row_of(seg, 2, 2), column=7).value = "Edited after sorting."
    wb["Findings"].title = "My findings"
    wb.move_sheet("My findings", offset=-2)  # and moved a sheet
    wb.save(path)
    plan = plan_import(review, path, "P1")
    assert any("segment 3" in c and "deleted" in c for c in plan.conflicts)
    assert any("sorted or moved" in n for n in plan.notes) and any("renamed to 'My findings'" in n for n in plan.notes)
    assert [(c.segment, c.new) for c in plan.segment_changes] == [("2", "Edited after sorting.")]


def test_conflicts_are_never_applied(review, tmp_path):
    key = review.doc_key(review.documents[0])
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)
    seg, fnd = wb["Segments"], wb["Findings"]
    seg.cell(row=row_of(seg, 2, 2), column=7).value = "The workbook's version."
    seg.cell(row=row_of(seg, 2, 8), column=4).value = "approved"
    fnd.cell(row=row_of(fnd, 7, "self-revolution"), column=14).value = "maybe"
    wb.save(path)
    review.set_target(key, "2", "The project's version, typed after the export.")
    plan = plan_import(review, path, "P1")
    assert any("changed both in the project" in c for c in plan.conflicts)
    assert any("'approved' is not a state" in c for c in plan.conflicts)
    assert any("'maybe' is not a decision" in c for c in plan.conflicts)
    apply_import(review, plan)
    assert review.target(key, "2") == "The project's version, typed after the export."
    other = plan_import(review, path, "another project")
    assert other.blocked and "another project" in other.conflicts[0] and other.empty
    with pytest.raises(ValueError):
        apply_import(review, other)


def test_not_a_review_workbook(tmp_path, review):
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["source", "target"])
    wb.save(plain)
    with pytest.raises(InputError, match="not a review workbook"):
        plan_import(review, plain, "P1")
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError):
        plan_import(review, junk, "P1")


@pytest.mark.parametrize("value, text", [(2023, "2023"), (12.5, "12.5"), (3.0, "3"), (None, ""), ("=A1", "=A1")])
def test_cells_come_back_as_the_text_they_show(value, text):
    assert cell_text(value) == text


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_by_libreoffice_imports(review, tmp_path):
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)
    seg = wb["Segments"]
    seg.cell(row=row_of(seg, 2, 4), column=7).value = "Edited before LibreOffice saved it."
    wb.save(path)
    out = tmp_path / "lo"
    out.mkdir()
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=120,
    )
    plan = plan_import(review, out / "review.xlsx", "P1")
    assert plan.conflicts == [] and [(c.segment, c.field) for c in plan.segment_changes] == [("4", "corrected")]


def test_accepting_in_the_workbook_a_suggestion_the_tool_cannot_place_is_a_conflict(sample_path, shipped_termbase, tmp_path):
    review = make_review([read_document(sample_path)], [shipped_termbase])
    review.run_checks()
    f = next(x for x in review.findings if x.manual)
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Findings"]
    row = row_of(ws, 1, f.id)
    message = next(ws.cell(row=row, column=c).value for c in range(1, ws.max_column + 1) if ws.cell(row=1, column=c).value == "Message")
    assert f"Not accepted in one step: {f.details['placement']}." in message
    decision_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(row=1, column=c).value == "Decision")
    ws.cell(row=row, column=decision_col).value = "accept"
    wb.save(path)
    before = state(review)
    plan = plan_import(review, path, "P1")
    assert [c for c in plan.conflicts if f.id in c and "cannot be placed safely" in c and "'fix'" in c]
    apply_import(review, plan)
    assert state(review) == before


def test_a_merged_range_over_the_whole_sheet_does_not_hang_the_import(review, tmp_path, monkeypatch):
    """Issue 20: a review workbook whose Segments sheet claims the whole sheet (one merged range
    and the dimension over C1:XFD1048576) is read from the cells that exist."""
    import re
    import zipfile

    from tests.core.test_tables import CellBudget

    path = export(review, tmp_path)
    hostile = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml" or b"<sheetData" in data and b"Corrected" in data:
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data)
                if b"<mergeCells" in data:
                    data = re.sub(rb"<mergeCells[^>]*>", b'<mergeCells count="1"><mergeCell ref="Z1:XFD1048576"/>', data, count=1)
                else:
                    data = data.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="Z1:XFD1048576"/></mergeCells>', 1)
            dst.writestr(info, data)
    before = state(review)
    budget = CellBudget(monkeypatch, limit=200_000)
    plan = plan_import(review, hostile, "P1")
    assert budget.count < budget.limit and not plan.blocked
    assert any("Z1:XFD1048576" in n for n in plan.notes)  # the range was there, and was cut
    assert apply_import(review, plan) == 0 and state(review) == before


def test_a_formula_in_an_editable_cell_is_refused_not_taken_as_text(review, tmp_path):
    """Issue 20: a Corrected cell holding =UPPER(F2) is a conflict naming the formula, never the
    correction "=UPPER(F2)"; a typed text that merely starts with "=" still arrives."""
    key = review.doc_key(review.documents[0])
    path = export(review, tmp_path)
    wb = openpyxl.load_workbook(path)
    seg = wb["Segments"]
    seg.cell(row=row_of(seg, 2, 4), column=7).value = "=UPPER(F2)"  # a formula
    typed = seg.cell(row=row_of(seg, 2, 6), column=7)
    typed.value = "=as typed, quote-prefixed"
    typed.data_type = "s"
    wb.save(path)
    before4 = review.target(key, "4")
    plan = plan_import(review, path, "P1")
    assert [c for c in plan.conflicts if "row" in c and "formula (=UPPER(F2))" in c]
    apply_import(review, plan)
    assert review.target(key, "4") == before4 and review.target(key, "6") == "=as typed, quote-prefixed"
