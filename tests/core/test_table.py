"""Bilingual CSV, TSV and XLSX files: columns found by name or by script, one segment per
row, and corrections written back into the same table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from reviewer.core.errors import InputError, OutputError
from reviewer.core.readers import read_document
from reviewer.core.readers import table as table_reader
from reviewer.core.readers.table import TableMapping, guess_mapping, header_role, read, split_records
from reviewer.core.writers import write_corrected
from reviewer.core.writers import table as table_writer

NEW = "Two Establishes (corrected)"


def rows_of(doc):
    return [(s.unit, s.source, s.target) for s in doc.segments]


def round_trip(path: Path, tmp_path: Path, segment_id: str, new: str = NEW):
    """Read, change one target, write to a new file, read that again."""
    doc = read(path)
    targets = {s.id: s.target for s in doc.segments}
    targets[segment_id] = new
    out = tmp_path / f"out{path.suffix}"
    write_corrected(doc, targets, out)
    again = read(out)
    before, after = rows_of(doc), rows_of(again)
    assert len(before) == len(after)
    differ = [i for i, (b, a) in enumerate(zip(before, after, strict=True)) if b != a]
    assert differ == [int(segment_id) - 1]
    unit, source, _ = before[int(segment_id) - 1]
    assert after[int(segment_id) - 1] == (unit, source, new)
    return doc, again, out


# -- CSV and TSV ------------------------------------------------------------------------


BOM_CSV = (
    "ID,原文,译文,备注\r\n"
    "s1,深刻领悟“两个确立”的决定性意义。,\"Deeply understand the decisive significance of the \"\"two establishments\"\".\",check\r\n"
    "s2,规上企业增加值增长5%。,\"The added value of enterprises above the standard grew by 5%, a record.\",\r\n"
    "s3,两个维护,Two Upholds,\r\n"
)


def test_csv_with_bom_header_names_ids_and_notes(tmp_path):
    p = tmp_path / "mt.csv"
    p.write_bytes(BOM_CSV.encode("utf-8-sig"))
    doc = read(p)
    assert (doc.format, doc.encoding, doc.metadata["format"], doc.metadata["delimiter"]) == ("table", "utf-8-sig", "CSV", "comma")
    assert doc.metadata["source column"] == "B" and doc.metadata["target column"] == "C" and doc.metadata["header row"] == "1"
    assert rows_of(doc) == [
        ("2", "深刻领悟“两个确立”的决定性意义。", 'Deeply understand the decisive significance of the "two establishments".'),
        ("3", "规上企业增加值增长5%。", "The added value of enterprises above the standard grew by 5%, a record."),
        ("4", "两个维护", "Two Upholds"),
    ]
    assert [s.id for s in doc.segments] == ["1", "2", "3"]
    assert doc.segments[0].notes == ("id: s1", "check") and doc.segments[1].notes == ("id: s2",)
    assert doc.warnings == []


def test_csv_with_bom_round_trip_keeps_every_other_byte(tmp_path):
    p = tmp_path / "mt.csv"
    p.write_bytes(BOM_CSV.encode("utf-8-sig"))
    _, _, out = round_trip(p, tmp_path, "3")
    assert out.read_bytes() == BOM_CSV.replace(",Two Upholds,", f",{NEW},").encode("utf-8-sig")


def test_quoted_cell_stays_quoted_and_new_quotes_are_doubled(tmp_path):
    p = tmp_path / "mt.csv"
    p.write_bytes(BOM_CSV.encode("utf-8-sig"))
    new = 'Deeply understand the "Two Establishes"'
    round_trip(p, tmp_path, "1", new)
    lines = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[1] == 's1,深刻领悟“两个确立”的决定性意义。,"Deeply understand the ""Two Establishes""",check'
    assert lines[0] == "ID,原文,译文,备注" and lines[2:] == BOM_CSV.split("\r\n")[2:]


def test_gb18030_csv_is_detected_and_written_back_in_gb18030(tmp_path):
    text = "中文,英文\n两个确立,Two Establishes\n规上企业,enterprises above the standard\n全过程人民民主,whole-process people's democracy\n"
    p = tmp_path / "gb.csv"
    p.write_bytes(text.encode("gb18030"))
    doc, _, out = round_trip(p, tmp_path, "2", "enterprises above designated size")
    assert doc.encoding == "gb18030"
    assert out.read_bytes() == text.replace("enterprises above the standard", "enterprises above designated size").encode("gb18030")


def test_tsv_without_header_columns_by_script(tmp_path):
    text = "1\t两个确立是重要的\tThe two establishments are important\n2\t四个意识\tFour consciousnesses, firmly\n"
    p = tmp_path / "mt.tsv"
    p.write_text(text, encoding="utf-8")
    doc = read(p)
    assert doc.metadata["delimiter"] == "tab" and doc.metadata["format"] == "TSV" and "header row" not in doc.metadata
    assert rows_of(doc) == [("1", "两个确立是重要的", "The two establishments are important"), ("2", "四个意识", "Four consciousnesses, firmly")]
    _, _, out = round_trip(p, tmp_path, "1", "The Two Establishes are important")
    assert out.read_text(encoding="utf-8") == text.replace("The two establishments", "The Two Establishes")


def test_semicolon_csv_with_commas_in_the_english(tmp_path):
    text = "source;target\n两个确立;Two Establishes, firmly upheld, always\n四个意识;four consciousnesses, again\n"
    p = tmp_path / "eu.csv"
    p.write_text(text, encoding="utf-8")
    doc = read(p)
    assert doc.metadata["delimiter"] == "semicolon"
    assert rows_of(doc)[0] == ("2", "两个确立", "Two Establishes, firmly upheld, always")
    _, _, out = round_trip(p, tmp_path, "2", "Four Consciousnesses; again")
    assert out.read_text(encoding="utf-8") == text.replace("four consciousnesses, again", '"Four Consciousnesses; again"')


def test_quoted_multi_line_cells_count_as_one_row(tmp_path):
    text = 'zh,en\r\n"第一段\r\n第二段","First paragraph\r\nSecond paragraph"\r\n两个维护,Two Upholds\r\n'
    p = tmp_path / "ml.csv"
    p.write_bytes(text.encode("utf-8"))
    doc = read(p)
    assert rows_of(doc) == [("2", "第一段\n第二段", "First paragraph\nSecond paragraph"), ("3", "两个维护", "Two Upholds")]
    _, _, out = round_trip(p, tmp_path, "2", "Two Upholds\nand more")
    assert out.read_bytes() == text.replace("Two Upholds", '"Two Upholds\nand more"').encode("utf-8")
    _, _, out = round_trip(p, tmp_path, "1", "One paragraph")
    assert out.read_bytes() == text.replace('"First paragraph\r\nSecond paragraph"', '"One paragraph"').encode("utf-8")


def test_numbers_dates_and_formula_like_text_stay_as_written_in_csv(tmp_path):
    text = "id,原文,译文,date\n1,增长1.0%,=SUM(A1),2024-01-05\n007,同比增长,+5% year on year,01/05/2024\n"
    p = tmp_path / "n.csv"
    p.write_text(text, encoding="utf-8")
    doc = read(p)
    assert rows_of(doc) == [("2", "增长1.0%", "=SUM(A1)"), ("3", "同比增长", "+5% year on year")]
    assert doc.segments[1].notes == ("id: 007",)
    _, _, out = round_trip(p, tmp_path, "2", "-5% year on year")
    assert out.read_text(encoding="utf-8") == text.replace("+5% year on year", "-5% year on year")


def test_row_without_target_is_kept_with_a_warning_and_can_be_filled(tmp_path):
    text = "原文,译文\n两个确立,Two Establishes\n两个维护\n\n\n四个意识,\n"
    p = tmp_path / "gap.csv"
    p.write_text(text, encoding="utf-8")
    doc = read(p)
    assert rows_of(doc) == [("2", "两个确立", "Two Establishes"), ("3", "两个维护", ""), ("6", "四个意识", "")]
    assert any("no target" in w and "3, 6" in w for w in doc.warnings)
    _, _, out = round_trip(p, tmp_path, "2", "Two Upholds")
    assert out.read_text(encoding="utf-8") == text.replace("两个维护\n", "两个维护,Two Upholds\n")
    _, _, out = round_trip(p, tmp_path, "3", "four consciousnesses")
    assert out.read_text(encoding="utf-8") == text.replace("四个意识,\n", "四个意识,four consciousnesses\n")


def test_header_below_a_title_and_language_codes(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("Fuxin news 2023,,\n,,\nNo.,zh-CN,en-US\n1,两个维护,Two Upholds\n", encoding="utf-8")
    doc = read(p)
    assert rows_of(doc) == [("4", "两个维护", "Two Upholds")]
    assert (doc.source_lang, doc.target_lang, doc.metadata["header row"]) == ("zh-CN", "en-US", "3")


def test_mt_column_wins_over_a_plain_english_column_and_reference_goes_to_notes(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("Chinese,English,English (MT),Reference translation\n两个维护,x,Two Upholds,the Two Upholds\n", encoding="utf-8")
    doc = read(p)
    assert rows_of(doc) == [("2", "两个维护", "Two Upholds")]
    assert doc.segments[0].notes == ("reference: the Two Upholds",)


def test_a_given_mapping_overrides_the_guess(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("a,b,c\n两个维护,Two Upholds,the Two Upholds\n", encoding="utf-8")
    mapping, preview = guess_mapping(p)
    assert (mapping.source, mapping.target, mapping.header_row) == (0, 1, 1)
    mapping.target, mapping.reference = 2, 1
    doc = read(p, mapping)
    assert rows_of(doc) == [("2", "两个维护", "the Two Upholds")] and doc.segments[0].notes == ("reference: Two Upholds",)
    assert mapping.target == 2 and preview == [["a", "b", "c"], ["两个维护", "Two Upholds", "the Two Upholds"]]
    round_trip_doc = read(p, mapping)
    out = tmp_path / "o.csv"
    write_corrected(round_trip_doc, {"1": "the Two Upholds!"}, out)
    assert out.read_text(encoding="utf-8") == "a,b,c\n两个维护,Two Upholds,the Two Upholds!\n"


def test_guess_mapping_previews_twenty_rows_and_does_not_raise_when_columns_are_unclear(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("".join(f"line {i},more {i},x\n" for i in range(30)), encoding="utf-8")
    mapping, preview = guess_mapping(p)
    assert mapping.source is None and len(preview) == 20 and all(len(r) == 3 for r in preview)
    with pytest.raises(InputError, match="no usable columns: cannot find a Chinese source column"):
        read(p)


@pytest.mark.parametrize(
    "cell, role",
    [
        ("原文", "source"), ("Source", "source"), ("zh-CN", "source"), ("ZH_TW", "source"), ("中文原文", "source"), ("Chinese (source)", "source"),
        ("译文", "target"), ("MT", "target"), ("English MT", "target"), ("en-US", "target"), ("Translation:", "target"), ("机翻", "target"), ("Ｔａｒｇｅｔ", "target"),
        ("ID", "id"), ("Source ID", "id"), ("序号", "id"), ("备注", "note"), ("Comments", "note"),
        ("Reference", "reference"), ("参考译文", "reference"), ("English reference", "reference"),
        ("Sentence", None), ("", None), ("Date", None), ("2024", None),
    ],
)
def test_header_roles(cell, role):
    assert header_role(cell) == role


@pytest.mark.parametrize(
    "text",
    [
        'a,b\nc,d\n', 'a,"b,c"\r\n"d ""e""",f', 'a,"b\nc",d\n\ne,f\r\rg', ' "q",x\n', 'a,"b"x,c\n', 'a,b"c,d\n',
        ',,\n,\n', '"unterminated,x\ny', 'last line without newline', '""\n"",""\n',
    ],
)
def test_record_splitter_agrees_with_the_csv_module(text):
    records, _ = split_records(text, ",")
    assert [[f.value for f in r.fields] for r in records] == list(csv.reader(io.StringIO(text, newline="")))
    for r in records:  # offsets point at the cells as written
        for f in r.fields:
            raw = text[f.start : f.end]
            assert raw.startswith('"') == f.quoted and (f.quoted or raw == f.value)


@pytest.mark.parametrize(
    "content, reason",
    [
        ("原文\n两个确立\n两个维护\n", "only one column"),
        ("English,More English\nTwo Upholds,Four Consciousnesses\n", "no usable columns"),
        ("原文,译文\n", "no rows with source or target text under the header"),
        ("", "empty"),
    ],
)
def test_unusable_csv_is_refused(tmp_path, content, reason):
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read(p)


def test_workbook_under_a_csv_name_and_binary_data_are_refused(tmp_path):
    p = tmp_path / "really.csv"
    wb = openpyxl.Workbook()
    wb.active.append(["原文", "译文"])
    wb.save(p)
    with pytest.raises(InputError, match="Excel workbook .* rename it to .xlsx"):
        read(p)
    p.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    with pytest.raises(InputError, match="binary"):
        read(p)


def test_too_large_is_refused(tmp_path, monkeypatch):
    p = tmp_path / "big.csv"
    p.write_text("原文,译文\n" + "两个确立,Two Establishes\n" * 100, encoding="utf-8")
    monkeypatch.setattr(table_reader, "MAX_TABLE_BYTES", 1000)
    with pytest.raises(InputError, match="limit"):
        read(p)


def test_changed_file_is_not_overwritten(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("原文,译文\n两个确立,Two Establishes\n", encoding="utf-8")
    doc = read(p)
    p.write_text("原文,译文\n两个确立,Two Establishments\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    with pytest.raises(InputError, match="changed since it was opened"):
        write_corrected(doc, {"1": "x"}, out)
    assert not out.exists()


def test_character_the_encoding_cannot_hold_is_an_output_error(tmp_path):
    p = tmp_path / "gbk.csv"
    p.write_bytes("原文,译文\n两个确立,Two Establishes\n".encode("gbk"))
    mapping, _ = guess_mapping(p)
    mapping.encoding = "gbk"
    doc = read(p, mapping)
    with pytest.raises(OutputError, match="gbk cannot hold"):
        write_corrected(doc, {"1": "Two Establishes \U0001f600"}, tmp_path / "out.csv")


def test_read_document_and_write_corrected_dispatch(tmp_path):
    p = tmp_path / "d.csv"
    p.write_text("原文,译文\n两个确立,Two Establishes\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.format == "table"
    with pytest.raises(OutputError, match="write the corrections to a new file"):
        write_corrected(doc, {"1": "x"}, p)


# -- XLSX ---------------------------------------------------------------------------------


def save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def titled_workbook(path: Path) -> Path:
    """A title merged over the table, a header on row 3, formatting, and a second sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "News"
    ws["A1"] = "辽宁日报 2023-01-19 (MT)"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["序号", "原文", "译文", "备注"])
    ws.append([1, "深刻领悟两个确立的决定性意义", "Deeply understand the decisive significance of the two establishments", "title"])
    ws.append([2, "规上企业", "enterprises above the standard", None])
    ws.append([3, "两个维护", "Two Upholds", None])
    ws["C4"].font = Font(bold=True, color="FF0000")
    ws.column_dimensions["C"].width = 60
    other = wb.create_sheet("Glossary")
    other["A1"] = "=1+1"
    other["B1"] = "kept"
    return save(wb, path)


def test_xlsx_header_below_a_title_row(tmp_path):
    doc = read(titled_workbook(tmp_path / "news.xlsx"))
    assert (doc.metadata["format"], doc.metadata["sheet"], doc.metadata["header row"]) == ("XLSX", "News", "3")
    assert rows_of(doc) == [
        ("4", "深刻领悟两个确立的决定性意义", "Deeply understand the decisive significance of the two establishments"),
        ("5", "规上企业", "enterprises above the standard"),
        ("6", "两个维护", "Two Upholds"),
    ]
    assert doc.segments[0].notes == ("id: 1", "title")


def test_xlsx_round_trip_sets_only_the_target_cell(tmp_path):
    src = titled_workbook(tmp_path / "news.xlsx")
    _, _, out = round_trip(src, tmp_path, "2", "enterprises above designated size")
    before = openpyxl.load_workbook(src)
    after = openpyxl.load_workbook(out)
    assert after.sheetnames == before.sheetnames
    for name in before.sheetnames:
        b, a = before[name], after[name]
        cells_b = {c.coordinate: c.value for row in b.iter_rows() for c in row}
        cells_a = {c.coordinate: c.value for row in a.iter_rows() for c in row}
        if name == "News":
            assert cells_a.pop("C5") == "enterprises above designated size" and cells_b.pop("C5") == "enterprises above the standard"
        assert cells_a == cells_b
    news = after["News"]
    assert news["C4"].font.b and news["C4"].font.color.rgb == "00FF0000" and news.column_dimensions["C"].width == 60
    assert [str(r) for r in news.merged_cells.ranges] == ["A1:D1"]
    assert after["Glossary"]["A1"].data_type == "f"  # other formulas stay formulas


def test_xlsx_without_header_content_decides(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([101, "两个确立是重要的", "The two establishments are important", "x"])
    ws.append([102, "四个意识", "four consciousnesses", None])
    doc = read(save(wb, tmp_path / "bare.xlsx"))
    assert "header row" not in doc.metadata
    assert rows_of(doc) == [("1", "两个确立是重要的", "The two establishments are important"), ("2", "四个意识", "four consciousnesses")]
    round_trip(tmp_path / "bare.xlsx", tmp_path, "1")


def test_xlsx_numbers_dates_and_formula_text_stay_as_shown(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "zh", "en", "when", "share"])
    ws.append([1, "两个确立", "Two Establishes", dt.datetime(2024, 1, 5), 0.125])
    ws.append([2.0, "增长", "2024-01-05", "2024-01-05", 1203.5])
    ws.append([3, "公式", "placeholder", None, True])
    ws["E2"].number_format = "0.0%"
    ws["E3"].number_format = "#,##0.00"
    ws["A3"].number_format = "0"
    ws["C4"].value = "=SUM(A1)"
    ws["C4"].data_type = "s"  # text that looks like a formula
    p = save(wb, tmp_path / "n.xlsx")
    mapping, preview = guess_mapping(p)
    assert preview[1] == ["1", "两个确立", "Two Establishes", "2024-01-05", "12.5%"]
    assert preview[2] == ["2", "增长", "2024-01-05", "2024-01-05", "1,203.50"] and preview[3][4] == "TRUE"
    doc = read(p)
    assert [s.target for s in doc.segments] == ["Two Establishes", "2024-01-05", "=SUM(A1)"]
    assert [s.notes for s in doc.segments] == [("id: 1",), ("id: 2",), ("id: 3",)]


def test_xlsx_formula_like_correction_is_written_as_text(tmp_path):
    p = titled_workbook(tmp_path / "news.xlsx")
    for new in ("=HYPERLINK(\"http://x\")", "-5% year on year", "@user", "+1"):
        _, _, out = round_trip(p, tmp_path, "3", new)
        cell = openpyxl.load_workbook(out)["News"]["C6"]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (new, "s", True)


def test_xlsx_uncalculated_formula_in_the_target_is_named(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["原文", "译文"])
    ws.append(["两个确立", "Two Establishes"])
    ws.append(["两个维护", "=B2"])
    doc = read(save(wb, tmp_path / "f.xlsx"))
    assert rows_of(doc)[1] == ("3", "两个维护", "")
    assert any("row 3, column B: a formula with no calculated value" in w for w in doc.warnings)


def test_xlsx_sheet_choice_skips_a_cover_sheet_and_a_chart(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    wb.active["A1"] = "Project notes"
    chart_sheet = wb.create_chartsheet("Chart")
    data = wb.create_sheet("Data")
    data.append(["source", "target", "count"])
    data.append(["两个维护", "Two Upholds", 2])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=3, min_row=1, max_row=2))
    chart_sheet.add_chart(chart)
    p = save(wb, tmp_path / "s.xlsx")
    mapping, _ = guess_mapping(p)
    assert (mapping.sheet, mapping.sheets) == ("Data", ("Cover", "Chart", "Data"))
    assert read(p).metadata["sheet"] == "Data"
    cover, preview = guess_mapping(p, sheet="Cover")
    assert cover.sheet == "Cover" and cover.source is None and preview == [["Project notes"]]
    with pytest.raises(InputError, match="no sheet named 'Nope'"):
        read(p, TableMapping(source=0, target=1, sheet="Nope"))
    with pytest.raises(InputError, match="is a chart"):
        read(p, TableMapping(source=0, target=1, sheet="Chart"))


def test_xlsx_single_column_is_refused(tmp_path):
    wb = openpyxl.Workbook()
    for text in ("原文", "两个确立", "两个维护"):
        wb.active.append([text])
    with pytest.raises(InputError, match="only one column"):
        read(save(wb, tmp_path / "one.xlsx"))


def test_xlsx_that_is_a_text_file_is_refused(tmp_path):
    p = tmp_path / "renamed.xlsx"
    p.write_text("原文,译文\n两个确立,Two Establishes\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable Excel workbook: the file is a text file"):
        read(p)
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(InputError, match=r"Excel 97-2003 \(.xls\)"):
        read(p)


def test_corrupt_and_bomb_xlsx_are_refused(tmp_path):
    good = titled_workbook(tmp_path / "good.xlsx").read_bytes()
    p = tmp_path / "cut.xlsx"
    p.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="not a valid Excel workbook|corrupt"):
        read(p)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * (8 * 1024 * 1024) + "</a>")
    with pytest.raises(InputError, match="ZIP bomb"):
        read(bomb)
    not_xlsx = tmp_path / "other.xlsx"
    with zipfile.ZipFile(not_xlsx, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(InputError, match="not a readable Excel workbook"):
        read(not_xlsx)


def test_xlsx_with_a_dtd_is_refused(tmp_path):
    good = titled_workbook(tmp_path / "good.xlsx")
    evil = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY e "boom">]>' + data
                assert data.count(b"<!DOCTYPE") == 1
            dst.writestr(info, data)
    with pytest.raises(InputError, match=r"part xl/workbook.xml declares an entity in its DOCTYPE \(<!ENTITY e>\)"):
        read(evil)


def test_review_workbook_is_refused(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Summary"
    segments = wb.create_sheet("Segments")
    segments.append(["原文", "译文"])
    segments.append(["两个确立", "Two Establishes"])
    wb.create_sheet("Findings")
    with pytest.raises(InputError, match="review workbook"):
        read(save(wb, tmp_path / "review.xlsx"))


def test_xlsx_changed_since_reading_is_not_overwritten(tmp_path):
    p = titled_workbook(tmp_path / "news.xlsx")
    doc = read(p)
    wb = openpyxl.load_workbook(p)
    wb["News"]["B5"] = "规模以上工业企业"
    wb.save(p)
    with pytest.raises(InputError, match=r"changed since it was opened \(cell B5"):
        table_writer.write(doc, {"1": "x"}, tmp_path / "out.xlsx")


def test_xlsx_control_character_is_an_output_error(tmp_path):
    p = titled_workbook(tmp_path / "news.xlsx")
    doc = read(p)
    with pytest.raises(OutputError, match="control character"):
        write_corrected(doc, {"1": "bad\x01text"}, tmp_path / "out.xlsx")


def test_mapping_survives_in_metadata():
    m = TableMapping(source=1, target=27, header_row=3, sheet="S", id=0, reference=4, encoding="gb18030", delimiter="\t")
    back = TableMapping.from_metadata(m.to_metadata())
    assert back == TableMapping(source=1, target=27, header_row=3, sheet="S", id=0, reference=4, encoding="gb18030", delimiter="\t")
    assert m.to_metadata()["target column"] == "AB"


def test_sentences_in_data_rows_are_not_taken_for_a_header(tmp_path):
    p = tmp_path / "h.csv"
    p.write_text(
        "这份原文件已在官方网站上正式发布,The source text of this translation is on the official website\n两个确立,Two Establishes\n",
        encoding="utf-8",
    )
    assert header_role("The source text of this translation is on the official website") is None
    assert header_role("这份原文件已在官方网站上正式发布") is None
    doc = read(p)
    assert [s.unit for s in doc.segments] == ["1", "2"]


def test_a_row_cut_by_an_unquoted_comma_is_named_not_lost_silently(tmp_path):
    """Issue 20 (an outside tester): the English cell was read only up to its first comma."""
    path = tmp_path / "ragged.csv"
    path.write_text(
        "中文,English\n会议在北京举行。,The meeting was held in Beijing.\n"
        "习近平主持会议并发表重要讲话。,Xi Jinping presided over the meeting, and he delivered an important speech.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [s.target for s in doc.segments] == ["The meeting was held in Beijing.", "Xi Jinping presided over the meeting"]
    assert any("1 row(s) have text in more cells than the header has (2; rows 3)" in w for w in doc.warnings)
