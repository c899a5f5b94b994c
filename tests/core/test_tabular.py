"""CSV/TSV/XLSX glossaries as people make them, and lossless round trips."""

import csv

import openpyxl
import pytest

from reviewer.core.errors import InputError
from reviewer.core.termbase import Status, load_termbase, read_tbx, save_termbase
from reviewer.core.termbase.tabular import import_glossary, parse_mapping, read_table


def signature(tb):
    return [
        (c.id, c.subject, c.definition, c.note, c.verified, [(t.text, t.lang, t.status) for t in c.zh],
         [(t.text, t.status, t.note, t.form, t.case_sensitive, t.match, t.valid_from, t.valid_to) for t in c.en],
         [str(s) for s in c.sources])
        for c in tb.concepts
    ]


def test_round_trip_tbx_csv_xlsx_tbx_loses_nothing(tmp_path, shipped_termbase, mini_termbase):
    for tb in (shipped_termbase, mini_termbase):
        save_termbase(tb, tmp_path / "a.csv")
        save_termbase(load_termbase(tmp_path / "a.csv"), tmp_path / "b.xlsx")
        save_termbase(load_termbase(tmp_path / "b.xlsx"), tmp_path / "c.tsv")
        save_termbase(load_termbase(tmp_path / "c.tsv"), tmp_path / "d.tbx")
        assert signature(read_tbx(tmp_path / "d.tbx")) == signature(tb)


def test_csv_export_has_bom_and_is_formula_safe(tmp_path, mini_termbase):
    mini_termbase.concepts[0].en[0].note = "=HYPERLINK(\"http://x\")"
    try:
        save_termbase(mini_termbase, tmp_path / "a.csv")
        raw = (tmp_path / "a.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert "'=HYPERLINK(\"http://x\")" in rows[1]
        assert load_termbase(tmp_path / "a.csv").concepts[0].en[0].note == "=HYPERLINK(\"http://x\")"
    finally:
        mini_termbase.concepts[0].en[0].note = ""


@pytest.mark.parametrize(
    "encoding, delimiter",
    [("utf-8", ","), ("utf-8-sig", ";"), ("gbk", ","), ("gb18030", "\t"), ("utf-16", "\t"), ("utf-8", "|")],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    rows = [["中文", "English", "备注"], ["两个确立", "Two Establishes", "a note"], ["规上企业", "enterprises above designated size", ""]]
    p = tmp_path / "g.csv"
    p.write_bytes("\n".join(delimiter.join(r) for r in rows).encode(encoding))
    tb, report = import_glossary(p)
    assert [(c.source_term, c.preferred.text) for c in tb.concepts] == [("两个确立", "Two Establishes"), ("规上企业", "enterprises above designated size")]
    assert report.read == 2 and report.imported == 2 and report.skipped == []
    assert tb.concepts[0].note == "a note"


def test_header_below_a_title_and_language_code_columns(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("Fuxin glossary 2023,,\n,,\nID,zh-CN,en-US\n1,两个维护,Two Upholds\n", encoding="utf-8")
    tb, report = import_glossary(p)
    assert [(c.id, c.source_term, c.preferred.text) for c in tb.concepts] == [("1", "两个维护", "Two Upholds")]
    assert "zh = column B (zh-CN)" in report.mapping


def test_headerless_two_column_glossary(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text("两个确立\tTwo Establishes\n两个维护\tTwo Upholds\n", encoding="utf-8")
    tb, report = import_glossary(p)
    assert len(tb) == 2 and report.read == 2 and tb.concepts[0].source_term == "两个确立"


def test_rows_with_the_same_chinese_merge_and_statuses_map(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(
        "Chinese,English,Status\n两个确立,Two Establishes,preferred\n两个确立,two establishments,禁用\n两个确立,Two Establishes,\n,lonely,\n四个意识,,\n四个自信,four-sphere confidence,maybe\n",
        encoding="utf-8",
    )
    tb, report = import_glossary(p)
    c, other = tb.concepts
    assert [(t.text, t.status) for t in c.en] == [("Two Establishes", Status.PREFERRED), ("two establishments", Status.FORBIDDEN)]
    assert report.read == 6 and report.imported == 2 and report.merged == 1
    assert [r for r, _ in report.skipped] == [4, 5, 6]
    reasons = " ".join(r for _, r in report.skipped)
    assert "duplicate" in reasons and "no Chinese term" in reasons and "no English term" in reasons
    # an unknown status word does not lose the row: it is imported as admitted, made preferred, and said
    assert other.preferred.text == "four-sphere confidence"
    assert any("unknown status 'maybe'" in n for n in report.notes)


def test_blank_ids_continue_the_concept_and_merged_rows_keep_their_notes(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(
        "ID,Chinese Term,English Term,Status,Note\n1,两个确立,Two Establishes,preferred,main\n,,two establishments,forbidden,MT error\n2,民生,people's wellbeing,,\n2,民生福祉,people's well-being,,\n",
        encoding="utf-8",
    )
    tb, report = import_glossary(p)
    first, second = tb.concepts
    assert [(t.text, t.status.value, t.note) for t in first.en] == [("Two Establishes", "preferred", ""), ("two establishments", "forbidden", "MT error")]
    assert first.note == "main"
    assert [t.text for t in second.zh] == ["民生", "民生福祉"]


def test_unknown_header_names_are_not_terms(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("Term CN,Term EN\n两个确立,Two Establishes\n两个维护,Two Upholds\n", encoding="utf-8")
    tb, report = import_glossary(p)
    assert [c.source_term for c in tb.concepts] == ["两个确立", "两个维护"]
    p.write_text("Begriff,Übersetzung\n两个确立,Two Establishes\n两个维护,Two Upholds\n", encoding="utf-8")
    tb, report = import_glossary(p)
    assert [c.source_term for c in tb.concepts] == ["两个确立", "两个维护"] and report.read == 2


def test_mac_line_ends_and_a_workbook_named_csv(tmp_path):
    p = tmp_path / "mac.csv"
    p.write_bytes("中文,English\r两个确立,Two Establishes\r".encode("utf-8"))
    assert import_glossary(p)[0].concepts[0].preferred.text == "Two Establishes"
    wb = openpyxl.Workbook()
    wb.active.append(["中文", "English"])
    wb.active.append(["两个维护", "Two Upholds"])
    q = tmp_path / "really-xlsx.csv"
    wb.save(q)
    assert import_glossary(q)[0].concepts[0].preferred.text == "Two Upholds"


def test_zero_imported_is_an_error_with_the_reasons(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("中文,English\n两个确立,\n两个维护,\n", encoding="utf-8")
    with pytest.raises(InputError, match="no term imported.*no English term"):
        import_glossary(p)


def test_no_columns_found_is_an_error(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("a,b\nc,d\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot find a Chinese and an English column"):
        import_glossary(p)


def test_xlsx_second_sheet_merged_cells_formulas(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "This workbook lists the terms on the next sheet."
    ws = wb.create_sheet("术语表")
    ws.append(["Glossary of political terms"])
    ws.append(["领域", "中文", "英文", "状态"])
    ws.append(["Party building", "两个确立", "Two Establishes", "preferred"])
    ws.append([None, "两个确立", "two establishments", "forbidden"])
    ws.append(["economy", "规上企业", "=\"enterprises above \"&\"designated size\"", "preferred"])
    ws.merge_cells("A3:A4")
    p = tmp_path / "g.xlsx"
    wb.save(p)
    table = read_table(p)
    assert table.sheet == "术语表"
    tb, report = import_glossary(p)
    first = tb.concepts[0]
    assert first.subject == "Party building" and [t.status for t in first.en] == [Status.PREFERRED, Status.FORBIDDEN]
    # a formula never calculated by Excel has no cached value: the row is reported, not imported as "=..."
    assert all(not t.text.startswith("=") for c in tb.concepts for t in c.en)
    assert report.read == 3 and (5, "no English term") in report.skipped
    assert any("row 5, column C: a formula" in n for n in report.notes)


def test_named_sheet_and_explicit_mapping(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(["x", "两个确立", "y", "Two Establishes"])
    p = tmp_path / "g.xlsx"
    wb.save(p)
    tb, report = import_glossary(p, sheet="data", columns=parse_mapping("zh=B,en=4"), header_row=-1)
    assert tb.concepts[0].preferred.text == "Two Establishes"
    with pytest.raises(InputError, match="no sheet named"):
        read_table(p, "missing")


@pytest.mark.parametrize("spec, message", [("zh=A,xx=B", "unknown field"), ("zh=?", "bad column")])
def test_bad_mapping(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_mapping(spec)


def test_not_a_workbook(tmp_path):
    p = tmp_path / "g.xlsx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a valid Excel workbook"):
        read_table(p)


def test_short_all_caps_terms_are_case_sensitive(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("中文,English\n中国人民政治协商会议,CPPCC\n两个确立,Two Establishes\n", encoding="utf-8")
    tb, _ = import_glossary(p)
    assert [t.case_sensitive for c in tb.concepts for t in c.en] == [True, False]


def test_a_ragged_semicolon_row_is_skipped_and_named_and_the_rest_imported(tmp_path):
    p = tmp_path / "eu.csv"
    p.write_text(
        "中文;English;备注\n两个确立;Two Establishes;a\n四个意识;four consciousnesses, firmly;b;stray\n"
        "规上企业;enterprises above designated size;\n两个维护;Two Upholds\n",
        encoding="utf-8",
    )
    tb, report = import_glossary(p)
    assert [c.source_term for c in tb.concepts] == ["两个确立", "规上企业", "两个维护"]
    assert report.read == 4 and report.imported == 3
    assert [row for row, _ in report.skipped] == [3]
    assert "4 cells where the header has 3 (a stray semicolon inside a cell?)" in report.skipped[0][1]
    assert report.where == "utf-8, delimiter semicolon"


def test_forbidden_column_gives_forbidden_variants(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(
        "中文,English,Forbidden\n两个确立,Two Establishes,two establishments; two confirmations\n"
        "两个确立,the Two Establishes,Two Establishes\n四个意识,four consciousnesses,\n",
        encoding="utf-8",
    )
    tb, report = import_glossary(p)
    first, second = tb.concepts
    assert [(t.text, t.status) for t in first.en] == [
        ("Two Establishes", Status.PREFERRED), ("two establishments", Status.FORBIDDEN),
        ("two confirmations", Status.FORBIDDEN), ("the Two Establishes", Status.ADMITTED),
    ]
    assert [(t.text, t.status) for t in second.en] == [("four consciousnesses", Status.PREFERRED)]
    assert "forbidden = column C (Forbidden)" in report.mapping
    p.write_text("术语,译名,禁用译法\n两个维护,Two Upholds,two maintains\n", encoding="utf-8")
    assert [t.status for t in import_glossary(p)[0].concepts[0].en] == [Status.PREFERRED, Status.FORBIDDEN]


def test_forbidden_column_by_explicit_mapping(tmp_path):
    assert parse_mapping("zh=A,en=B,forbidden=D") == {"zh": 0, "en": 1, "forbidden": 3}
    p = tmp_path / "g.csv"
    p.write_text("两个确立,Two Establishes,x,two establishments\n", encoding="utf-8")
    tb, _ = import_glossary(p, columns=parse_mapping("zh=A,en=B,forbidden=D"), header_row=-1)
    assert [(t.text, t.status) for t in tb.concepts[0].en] == [("Two Establishes", Status.PREFERRED), ("two establishments", Status.FORBIDDEN)]


def test_delimiter_override(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("中文:English\n两个确立:Two Establishes\n两个维护:Two Upholds\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot find a Chinese and an English column"):
        import_glossary(p)  # a colon is no delimiter the sniffer tries
    tb, report = import_glossary(p, delimiter=":")
    assert [c.preferred.text for c in tb.concepts] == ["Two Establishes", "Two Upholds"]
    assert report.where == "utf-8, delimiter ':'"
    p.write_text("中文\tEnglish\n两个确立\tTwo Establishes\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot find a Chinese and an English column"):
        import_glossary(p, delimiter=";")  # the user's word wins over the sniffer: one column


def test_delimiter_option_of_the_cli(tmp_path, capsys):
    from reviewer.cli import main

    p = tmp_path / "g.csv"
    p.write_text("中文:English\n两个确立:Two Establishes, firmly\n", encoding="utf-8")
    out = tmp_path / "g.tbx"
    assert main(["glossary", "import", str(p), "-o", str(out), "--delimiter", "colon"]) == 0
    assert read_tbx(out).concepts[0].preferred.text == "Two Establishes, firmly"
    assert "delimiter ':'" in capsys.readouterr().out
    assert main(["glossary", "import", str(p), "-o", str(tmp_path / "h.tbx"), "--delimiter", "ab"]) != 0
    assert "--delimiter: bad delimiter 'ab'" in capsys.readouterr().err


def test_hidden_and_chart_sheets_are_skipped_unless_named(tmp_path):
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "Old"
    hidden.append(["中文", "English"])
    hidden.append(["两个确立", "two establishments"])
    hidden.sheet_state = "hidden"
    chart_sheet = wb.create_chartsheet("Chart")
    current = wb.create_sheet("Current")
    current.append(["中文", "English", "count"])
    current.append(["两个确立", "Two Establishes", 2])
    chart = BarChart()
    chart.add_data(Reference(current, min_col=3, min_row=1, max_row=2))
    chart_sheet.add_chart(chart)
    p = tmp_path / "g.xlsx"
    wb.save(p)
    table = read_table(p)
    assert (table.sheet, table.sheets) == ("Current", ["Old", "Chart", "Current"])
    assert import_glossary(p)[0].concepts[0].preferred.text == "Two Establishes"
    assert import_glossary(p, sheet="Old")[0].concepts[0].preferred.text == "two establishments"
    with pytest.raises(InputError, match="the sheet 'Chart' is a chart, not a table"):
        read_table(p, "Chart")
