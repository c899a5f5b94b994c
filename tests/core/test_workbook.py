import openpyxl
import pytest

from reviewer.core.errors import OutputError
from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.core.workbook import FINDING_COLUMNS, SEGMENT_COLUMNS, export_workbook


@pytest.fixture
def review(sample_path, mini_termbase):
    r = make_review([read_document(sample_path)], [mini_termbase])
    r.run_checks()
    r.accept(next(f for f in r.findings if f.text == "two establishments"))
    r.dismiss(next(f for f in r.findings if f.text == "self-revolution"))
    r.run_checks()
    return r


def test_workbook_sheets_and_layout(review, tmp_path):
    path = export_workbook(review, tmp_path / "review.xlsx", reviewer="Li Hua", project_id="project-1")
    wb = openpyxl.load_workbook(path, rich_text=True)
    assert wb.sheetnames == ["Summary", "Segments", "Findings", "Term renderings", "Glossary suggestions", "_reviewer"]
    assert wb["_reviewer"].sheet_state == "veryHidden" and wb["_reviewer"].protection.sheet
    assert [c.value for c in wb["_reviewer"][1]][:3] == ["reviewer workbook", "1", "project-1"]
    seg, fnd = wb["Segments"], wb["Findings"]
    assert [c.value for c in seg[1]] == [t for t, _ in SEGMENT_COLUMNS]
    assert [c.value for c in fnd[1]] == [t for t, _ in FINDING_COLUMNS]
    for ws in (seg, fnd):
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert seg.max_row == 21  # 20 segments
    rows = {r[1]: r for r in seg.iter_rows(min_row=2, values_only=True)}
    assert list(rows)[:3] == [1, 2, 3]  # numbers, so that Excel sorts 2 before 10
    assert "Two Establishes" in rows[5][6] and "two establishments" in rows[5][5] and rows[5][3] == "translated"
    diff = seg.cell(row=6, column=8).value  # segment 5: the changes as rich text
    struck = [b.text for b in diff if not isinstance(b, str) and b.font.strike]
    added = [b.text for b in diff if not isinstance(b, str) and b.font.u == "single"]
    assert struck == ["two establishments"] and added == ["Two Establishes"]
    assert rows[1][7] is None  # no changes
    decisions = {(r[6], r[13]) for r in fnd.iter_rows(min_row=2, values_only=True)}
    assert ("two establishments", "accept") in decisions
    assert ("self-revolution", "false positive") in decisions
    assert ("enterprises above the standard", "open") in decisions
    (row,) = [r for r in fnd.iter_rows(min_row=2, values_only=True) if r[6] == "enterprises above the standard"]
    assert row[3:10] == ("term-forbidden", "major", "Terminology/Wrong term", "enterprises above the standard", "enterprises above designated size", "规上企业", "enterprise above designated size")
    assert row[0].startswith("F") and len(row[0]) == 9
    summary = [tuple(c for c in r if c is not None) for r in wb["Summary"].iter_rows(values_only=True)]
    flat = [c for r in summary for c in r]
    assert "Li Hua" in flat and "mini" in flat and "date: 2023-01-19; source: Fuxin News Network; encoding: utf-8" in flat
    assert any(isinstance(c, str) and c.startswith("nrefs:1|case:mixed|eff:yes|tok:13a") for c in flat)
    assert any(r and r[0] == "TER (HTER)" and 0 < r[1] < 5 for r in summary)
    assert any(r and r[0] == "Forbidden term (term-forbidden)" for r in summary)  # the id as the Findings sheet has it
    card = next(r for r in summary if r and r[0] == "fuxin-2023-01-19.txt" and "PASS" in r or r and r[0] == "fuxin-2023-01-19.txt" and "FAIL" in r)
    assert card[-1] == "PASS" and card[-3] == 5  # one accepted major finding: 5 points
    assert fnd.data_validations.dataValidation[0].formula1 == '"open,accept,fix,false positive"'
    assert any("E2:E" in str(rng.sqref) for rng in fnd.conditional_formatting)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-5", "@SUM(A1)", "＝1+1", "2023-01-19", "007"])
def test_user_text_is_never_a_formula_or_number(tmp_path, mini_termbase, text):
    src = tmp_path / "a.txt"
    src.write_text(f"{text}\n", encoding="utf-8")
    r = make_review([read_document(src)], [mini_termbase])
    r.run_checks()
    path = export_workbook(r, tmp_path / "x.xlsx")
    ws = openpyxl.load_workbook(path)["Segments"]
    cell = ws.cell(row=2, column=6)
    assert cell.value == text and cell.data_type == "s"


def test_control_characters_are_replaced_visibly(tmp_path, mini_termbase):
    src = tmp_path / "a.txt"
    src.write_text("Bad\x07bell here.\n", encoding="utf-8")
    r = make_review([read_document(src)], [mini_termbase])
    r.run_checks()
    wb = openpyxl.load_workbook(export_workbook(r, tmp_path / "x.xlsx"))
    assert wb["Segments"].cell(row=2, column=6).value == "Bad\ufffdbell here."
    assert any("replaced" in str(c) for row in wb["Summary"].iter_rows(values_only=True) for c in row if c)


def test_never_overwrites_without_permission(review, tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"precious")
    with pytest.raises(OutputError, match="already exists"):
        export_workbook(review, path)
    assert path.read_bytes() == b"precious"
    export_workbook(review, path, overwrite=True)
    assert openpyxl.load_workbook(path).sheetnames[0] == "Summary"


def test_unwritable_folder_is_a_clear_error(review, tmp_path):
    with pytest.raises(OutputError, match="cannot write"):
        export_workbook(review, tmp_path / "missing-folder" / "r.xlsx")


def test_only_xlsx(review, tmp_path):
    with pytest.raises(OutputError, match=".xlsx"):
        export_workbook(review, tmp_path / "r.csv")


def test_term_renderings_sheet(tmp_path, sample_path, shipped_termbase):
    r = make_review([read_document(sample_path)], [shipped_termbase])
    r.run_checks()
    ws = openpyxl.load_workbook(export_workbook(r, tmp_path / "x.xlsx"))["Term renderings"]
    rows = [row for row in ws.iter_rows(min_row=2, values_only=True)]
    congress = [row for row in rows if row[1] == "党的二十大"]
    assert {row[3] for row in congress} == {"20th CPC National Congress", "20th National Congress of the Party", "20th Party Congress"}
    assert [row[6] for row in congress if row[3] == "20th CPC National Congress"] == ["keep"]
    assert {row[6] for row in congress if row[3] != "20th CPC National Congress"} == {"minority"}
    (est,) = [row for row in rows if row[1] == "两个确立"]
    assert est[3:8] == ("two establishments", "forbidden", 1, "change", "5")
    assert rows[0][1] in {c for c, *_ in [(row[1],) for row in rows if row[6] != "keep"]}  # inconsistent concepts first


def test_text_over_the_cell_limit_goes_on_in_continuation_rows(tmp_path, mini_termbase):
    from reviewer.core.document import Document, Segment
    from reviewer.core.workbook import MAX_CELL

    long = ("word " * 8000).strip() + " end."  # 40,004 characters
    r = make_review([Document(tmp_path / "a.txt", [Segment("1", 1, long), Segment("2", 2, "Short.")])], [mini_termbase])
    ws = openpyxl.load_workbook(export_workbook(r, tmp_path / "x.xlsx"))["Segments"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[3]) for row in rows] == [(1, "translated"), (1, "continued"), (2, "translated")]
    assert len(rows[0][5]) == MAX_CELL and rows[0][5] + rows[1][5] == long  # nothing cut


def test_glossary_suggestions(tmp_path, shipped_termbase):
    from reviewer.core.document import Document, Segment

    segs = [Segment("1", 1, "We must strengthen the four senses.", "增强“四个意识”。"), Segment("2", 2, "Strengthen the four senses.", "增强“四个意识”。")]
    r = make_review([Document(tmp_path / "a.txt", segs)], [shipped_termbase])
    r.run_checks()
    ws = openpyxl.load_workbook(export_workbook(r, tmp_path / "x.xlsx"))["Glossary suggestions"]
    (row,) = [row for row in ws.iter_rows(min_row=2, values_only=True) if row[3] == "four senses"]
    assert row[1] == "四个意识" and row[4] == "deprecated" and row[5] == 2 and row[7] == "1, 2"
