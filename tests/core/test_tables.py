"""The spreadsheet layer shared by the bilingual table reader and the glossary import:
workbooks bounded to the cells that exist, the delimiter sniffed or given."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell, MergedCell

from reviewer.core.errors import InputError
from reviewer.core.readers import read_document
from reviewer.core.tables import parse_delimiter, read_delimited
from reviewer.core.tables import xlsx as tables_xlsx
from reviewer.core.tables.delimited import sniff_delimiter
from reviewer.core.termbase.tabular import import_glossary
from reviewer.core.writers import write_corrected

ROWS = [["中文", "English"], ["两个确立", "Two Establishes"], ["两个维护", "Two Upholds"]]


class CellBudget:
    """Counts the cells openpyxl makes and reviewer's layer turns into text; past ``limit``
    it raises, so a regression fails at once instead of hanging."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, limit: int = 5_000) -> None:
        self.count = 0
        self.limit = limit
        for cls in (Cell, MergedCell):
            monkeypatch.setattr(cls, "__init__", self._counted(cls.__init__))
        text = tables_xlsx.xlsx_cell_text

        def counted_text(*args, **kwargs):
            self._tick()
            return text(*args, **kwargs)

        monkeypatch.setattr(tables_xlsx, "xlsx_cell_text", counted_text)

    def _tick(self) -> None:
        self.count += 1
        if self.count > self.limit:
            raise RuntimeError(f"more than {self.limit} cells visited")

    def _counted(self, init):
        def counted(obj, *args, **kwargs):
            self._tick()
            init(obj, *args, **kwargs)

        return counted


def hostile_workbook(path: Path, *, merge: str = "C1:XFD1048576", dimension: str = "A1:XFD1048576", far_cell: bool = False) -> Path:
    """A tiny glossary/bilingual workbook whose sheet XML claims the whole sheet: one merged
    range over it, a dimension over it, a hyperlink range over it and, with ``far_cell``,
    a value in the last cell Excel has. Built with openpyxl, then edited as XML (openpyxl
    itself would make every merged cell)."""
    wb = openpyxl.Workbook()
    for row in ROWS:
        wb.active.append(row)
    wb.active["C1"] = "merged note"
    plain = path.with_name("plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dimension}"/>'.encode(), data)
                if far_cell:
                    data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>')
                data = data.replace(
                    b"</sheetData>",
                    f'</sheetData><mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>'
                    f'<hyperlinks><hyperlink ref="A1:XFD1048576" location="Sheet!A1"/></hyperlinks>'.encode(),
                )
                assert merge.encode() in data
            dst.writestr(info, data)
    plain.unlink()
    assert path.stat().st_size < 10_000
    return path


def test_the_fixture_is_hostile_to_openpyxl_alone(tmp_path, monkeypatch):
    path = hostile_workbook(tmp_path / "whole-sheet.xlsx")
    budget = CellBudget(monkeypatch)
    with pytest.raises(RuntimeError, match="cells visited"):
        openpyxl.load_workbook(path)  # 17 billion merged cells, without the layer's bounds
    assert budget.count > budget.limit


def test_a_merged_range_over_the_whole_sheet_is_cut_to_the_cells_that_exist(tmp_path, monkeypatch):
    path = hostile_workbook(tmp_path / "whole-sheet.xlsx")
    budget = CellBudget(monkeypatch)
    doc = read_document(path)
    assert [(s.source, s.target) for s in doc.segments] == [("两个确立", "Two Establishes"), ("两个维护", "Two Upholds")]
    assert any("merged range C1:XFD1048576 reaches past the last cell with a value (C3); it is read as C1:C3" in w for w in doc.warnings)
    tb, report = import_glossary(path)
    assert [(c.source_term, c.preferred.text) for c in tb.concepts] == [("两个确立", "Two Establishes"), ("两个维护", "Two Upholds")]
    assert any("merged range C1:XFD1048576" in n for n in report.notes)
    out = tmp_path / "corrected.xlsx"
    write_corrected(doc, {"1": "the Two Establishes", "2": doc.segments[1].target}, out)  # the writer loads it in full
    assert budget.count < 200
    written = openpyxl.load_workbook(out)
    assert written.active["B2"].value == "the Two Establishes"
    assert [str(r) for r in written.active.merged_cells.ranges] == ["C1:C3"]


def test_a_merge_of_empty_cells_far_out_is_left_out(tmp_path, monkeypatch):
    path = hostile_workbook(tmp_path / "far-merge.xlsx", merge="Z100:XFD1048576")
    budget = CellBudget(monkeypatch)
    doc = read_document(path)
    assert len(doc.segments) == 2 and budget.count < 200
    assert any("merged range Z100:XFD1048576 lies past the last cell with a value (C3); it is left out" in w for w in doc.warnings)


def test_a_value_in_the_last_cell_of_the_sheet_costs_one_cell(tmp_path, monkeypatch):
    # the used rectangle is 1,048,576 × 16,384: only the cells that exist are visited
    path = hostile_workbook(tmp_path / "far-cell.xlsx", far_cell=True)
    budget = CellBudget(monkeypatch)
    doc = read_document(path)
    assert [s.target for s in doc.segments][:2] == ["Two Establishes", "Two Upholds"]
    tb, _ = import_glossary(path)
    assert [c.source_term for c in tb.concepts] == ["两个确立", "两个维护"]
    assert budget.count < 200


def test_a_sheet_spanning_too_many_cells_is_refused_in_one_line(tmp_path, monkeypatch):
    path = hostile_workbook(tmp_path / "far-cell.xlsx", far_cell=True)
    monkeypatch.setattr(tables_xlsx, "MAX_SHEET_CELLS", 10_000)
    with pytest.raises(InputError, match=r"the sheet 'Sheet' spans 16,3\d\d cells .* at most 10,000") as caught:
        read_document(path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "text, suffix, expected",
    [
        ("a;b;c\nd;e;f\ng;h;i;j\nk;l;m\n", ".csv", ";"),  # one ragged row does not throw the choice
        ("中文;English\n两个确立;Two Establishes, firmly\n四个意识;four, consciousnesses\n", ".csv", ";"),
        ("a\tb\nc\td\n", ".csv", "\t"),
        ("a,b\tc\nd,e\tf\n", ".tsv", "\t"),
        ("a,b\tc\nd,e\tf\n", ".csv", ","),
        ("one cell a line\nanother\n", ".tsv", "\t"),
        ("one cell a line\nanother\n", ".csv", ","),
    ],
)
def test_delimiter_sniffing(text, suffix, expected):
    assert sniff_delimiter(text, suffix) == expected


def test_a_given_delimiter_overrides_the_sniffer(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("中文\tEnglish, US\n两个确立\tTwo Establishes, firmly\n", encoding="utf-8")
    assert read_delimited(p).delimiter == ","
    table = read_delimited(p, delimiter="\t")
    assert table.delimiter == "\t" and table.rows[1] == ["两个确立", "Two Establishes, firmly"]
    with pytest.raises(InputError, match="one character"):
        read_delimited(p, delimiter="ab")


@pytest.mark.parametrize("text, expected", [(";", ";"), ("tab", "\t"), ("\\t", "\t"), ("\t", "\t"), ("Semicolon", ";"), ("pipe", "|"), (" , ", ",")])
def test_parse_delimiter(text, expected):
    assert parse_delimiter(text) == expected


@pytest.mark.parametrize("text", ["", "ab", '"', "\n", "x", "1"])
def test_parse_delimiter_refuses(text):
    with pytest.raises(ValueError, match="bad delimiter"):
        parse_delimiter(text)


def test_old_mac_line_ends_are_records_in_both_readers(tmp_path):
    p = tmp_path / "mac.csv"
    p.write_bytes("原文,译文\r两个确立,Two Establishes\r两个维护,Two Upholds\r".encode("utf-8"))
    assert [s.target for s in read_document(p).segments] == ["Two Establishes", "Two Upholds"]
    assert [c.preferred.text for c in import_glossary(p)[0].concepts] == ["Two Establishes", "Two Upholds"]
