"""Word documents: reading (reviewer.core.readers.docx) and writing the corrections back
(reviewer.core.writers.docx). Every fixture is built here with python-docx or zipfile."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from reviewer.core.errors import InputError, OutputError
from reviewer.core.readers import docx as docx_reader
from reviewer.core.readers import read_document
from reviewer.core.readers.docx import W, paragraphs, units
from reviewer.core.writers import write_corrected

CHINESE = "会议强调，要深刻领悟“两个确立”的决定性意义。"


def _hyperlink(paragraph, text: str, url: str = "http://example.com/report") -> None:
    """Append a real ``w:hyperlink`` (with its relationship) holding one run."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _article(path: Path) -> Path:
    d = docx.Document()
    d.core_properties.title = "Plenary session"
    d.core_properties.author = "Fuxin Daily"
    d.add_heading("Fuxin holds plenary session", level=1)
    p = d.add_paragraph("The meeting stressed the ")
    p.add_run("Two Establishes").bold = True
    p.add_run(". It called for high quality development.  Work went on.")
    p = d.add_paragraph("See the ")
    _hyperlink(p, "official report")
    p.add_run(" for details.").italic = True
    d.add_paragraph(CHINESE)
    d.add_paragraph("   ")  # whitespace only: skipped, but still counted in the units
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Cell one. Cell two."
    table.cell(0, 1).text = "Right cell."
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Merged across."
    table.cell(2, 0).text = "Left bottom."
    table.cell(2, 1).text = ""
    down = d.add_table(rows=2, cols=1)
    down.cell(0, 0).merge(down.cell(1, 0)).text = "Merged down."
    d.add_paragraph("Closing words.")
    d.save(str(path))
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return _article(tmp_path / "article.docx")


def _units_xml(path: Path) -> dict[str, bytes]:
    body = docx.Document(str(path)).element.body
    return {unit: etree.tostring(p) for unit, p in units(body)}


def _targets(doc, **changes: str) -> dict[str, str]:
    targets = {s.id: s.target for s in doc.segments}
    targets.update(changes)
    return targets


# --- reading -----------------------------------------------------------------------------


def test_reads_body_tables_and_hyperlinks_in_reading_order(article):
    doc = read_document(article)
    assert doc.format == "docx"
    got = [(s.id, s.paragraph, s.unit, s.target, s.source) for s in doc.segments]
    assert got == [
        ("1", 1, "p0", "Fuxin holds plenary session", None),
        ("2", 2, "p1", "The meeting stressed the Two Establishes.", None),
        ("3", 2, "p1", "It called for high quality development.", None),
        ("4", 2, "p1", "Work went on.", None),
        ("5", 3, "p2", "See the official report for details.", None),
        ("6", 4, "p3", "", CHINESE),
        ("7", 5, "t0r0c0p0", "Cell one.", None),
        ("8", 5, "t0r0c0p0", "Cell two.", None),
        ("9", 6, "t0r0c1p0", "Right cell.", None),
        ("10", 7, "t0r1c0p0", "Merged across.", None),
        ("11", 8, "t0r2c0p0", "Left bottom.", None),
        ("12", 9, "t1r0c0p0", "Merged down.", None),
        ("13", 10, "p5", "Closing words.", None),
    ]
    para = "The meeting stressed the Two Establishes. It called for high quality development.  Work went on."
    assert [(s.start, s.end) for s in doc.segments[1:4]] == [(0, 41), (42, 81), (83, 96)]
    assert all(para[s.start : s.end] == s.target for s in doc.segments[1:4])
    assert doc.metadata["title"] == "Plenary session"
    assert doc.metadata["author"] == "Fuxin Daily"
    assert doc.metadata["created"].startswith("20")
    assert doc.warnings == []


def test_paragraphs_lists_body_and_cells_once(article):
    assert paragraphs(article) == [
        "Fuxin holds plenary session",
        "The meeting stressed the Two Establishes. It called for high quality development.  Work went on.",
        "See the official report for details.",
        CHINESE,
        "Cell one. Cell two.",
        "Right cell.",
        "Merged across.",
        "Left bottom.",
        "Merged down.",
        "Closing words.",
    ]


def test_paragraphs_reads_a_chinese_source_that_read_refuses(tmp_path):
    d = docx.Document()
    d.add_paragraph("会议强调，要深刻领悟“两个确立”。")
    d.add_paragraph("全市上下要坚决做到“两个维护”。")
    path = tmp_path / "source.docx"
    d.save(str(path))
    assert paragraphs(path) == ["会议强调，要深刻领悟“两个确立”。", "全市上下要坚决做到“两个维护”。"]
    with pytest.raises(InputError, match="Chinese text only"):
        read_document(path)


def test_a_paragraph_that_is_only_a_hyperlink_is_read(tmp_path):
    """python-docx's Paragraph.text skipped hyperlinks before 1.0; the reader walks the runs itself."""
    d = docx.Document()
    _hyperlink(d.add_paragraph(), "Full text of the report.")
    path = tmp_path / "link.docx"
    d.save(str(path))
    assert [s.target for s in read_document(path).segments] == ["Full text of the report."]


def _paragraph_xml(path: Path, inner: str) -> None:
    """A document whose only paragraph has the raw WordprocessingML ``inner``."""
    d = docx.Document()
    p = d.add_paragraph()
    wrapper = etree.fromstring(
        f'<w:p xmlns:w="{W[1:-1]}" xmlns:v="urn:schemas-microsoft-com:vml">{inner}</w:p>'
    )
    for child in list(wrapper):
        p._p.append(child)
    d.save(str(path))


def test_tracked_deletions_field_codes_and_text_boxes_are_not_text(tmp_path):
    path = tmp_path / "tracked.docx"
    _paragraph_xml(
        path,
        '<w:r><w:t xml:space="preserve">The plan was </w:t></w:r>'
        '<w:del w:id="1" w:author="x"><w:r><w:delText>not </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t>fully </w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>adopted</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed aside.</w:t></w:r></w:p>'
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        "<w:r><w:t>.</w:t><w:tab/><w:t>Next</w:t><w:br/><w:t>line.</w:t></w:r>",
    )
    doc = read_document(path)
    assert [s.target for s in doc.segments] == ["The plan was fully adopted.", "Next\nline."]
    assert "".join(paragraphs(path)) == "The plan was fully adopted.\tNext\nline."
    assert any("tracked changes" in w for w in doc.warnings)
    assert any("1 text box" in w for w in doc.warnings)


def test_paragraphs_in_content_controls_are_read(tmp_path):
    d = docx.Document()
    d.add_paragraph("Before the control.")
    body = d.element.body
    sdt = etree.fromstring(
        f'<w:sdt xmlns:w="{W[1:-1]}"><w:sdtPr/><w:sdtContent>'
        "<w:p><w:r><w:t>Inside the control.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)  # before the final sectPr
    d.add_paragraph("After the control.")
    path = tmp_path / "sdt.docx"
    d.save(str(path))
    doc = read_document(path)
    assert [(s.unit, s.target) for s in doc.segments] == [
        ("p0", "Before the control."),
        ("p1", "Inside the control."),
        ("p2", "After the control."),
    ]


# --- refusing bad input ------------------------------------------------------------------


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph("A sentence.")
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.pop(info.filename, src.read(info)))
        for name, member in replace.items():
            dst.writestr(name, member)
    return out.getvalue()


def _empty_doc() -> bytes:
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("  \t ")
    d.add_table(rows=1, cols=1)
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def _with_entity() -> bytes:
    data = _docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    xml = head + '?><!DOCTYPE w:document [<!ENTITY boom "Boom">]>' + rest.replace("A sentence.", "&boom;")
    return _rezip(data, {"word/document.xml": xml.encode("utf-8")})


def _bomb() -> bytes:
    return _rezip(_docx_bytes(), {"word/media/padding.bin": b"\0" * (4 * 1024 * 1024)})


def _corrupt_member() -> bytes:
    data = bytearray(_rezip(_docx_bytes(), {}, zipfile.ZIP_STORED))
    at = bytes(data).index(b"A sentence.")
    data[at : at + 11] = b"B sentence."  # the stored bytes no longer match their CRC
    return bytes(data)


def _xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("notes.txt", "The meeting was held.")
    return out.getvalue()


def _no_main_part() -> bytes:
    data = _docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
    return out.getvalue()


@pytest.mark.parametrize(
    "content, reason",
    [
        (_empty_doc, "has no text"),
        (lambda: _docx_bytes()[: len(_docx_bytes()) // 2], "not a valid Word document"),
        (_corrupt_member, "corrupt"),
        (lambda: "The meeting was held.\n".encode("utf-8"), "not a valid Word document"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old binary Word"),
        (lambda: b"{\\rtf1\\ansi The meeting.}", "RTF"),
        (_with_entity, r"declares an entity in its DOCTYPE \(<!ENTITY boom>\)"),
        (_bomb, "ZIP bomb"),
        (_xlsx, "Excel workbook"),
        (_plain_zip, "ZIP archive, not a Word document"),
        (_no_main_part, "not a Word document reviewer can open"),
        (lambda: b"", "not a valid Word document"),
    ],
    ids=[
        "empty", "truncated-zip", "corrupt-member", "text-renamed", "doc-renamed", "rtf-renamed",
        "doctype-entity", "zip-bomb", "xlsx-renamed", "plain-zip", "no-main-part", "zero-bytes",
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.docx"
    path.write_bytes(content())
    with pytest.raises(InputError, match=reason) as info:
        read_document(path)
    assert info.value.path == path
    with pytest.raises(InputError, match=reason):
        paragraphs(path)


def test_the_bomb_fixture_is_small_on_disk(tmp_path):
    assert len(_bomb()) < 64 * 1024  # a real ratio check, not a large-file check


def test_size_limit_missing_file_and_folder(tmp_path, monkeypatch, article):
    monkeypatch.setattr(docx_reader, "MAX_FILE_BYTES", 1024)
    with pytest.raises(InputError, match="limit is 0 MiB|larger than the limit"):
        read_document(article)
    monkeypatch.undo()
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.docx")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(InputError, match="folder"):
        read_document(folder)


def test_a_docx_without_core_properties_has_no_made_up_metadata(tmp_path):
    data = _docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                continue
            if info.filename == "_rels/.rels":
                root = etree.fromstring(body)
                for rel in list(root):
                    if rel.get("Type") == RT.CORE_PROPERTIES:
                        root.remove(rel)
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info.filename, body)
    path = tmp_path / "nocore.docx"
    path.write_bytes(out.getvalue())
    doc = read_document(path)
    assert doc.metadata == {}
    assert [s.target for s in doc.segments] == ["A sentence."]


# --- writing back ------------------------------------------------------------------------


def test_round_trip_changes_one_segment_and_keeps_the_rest(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "corrected.docx"
    write_corrected(doc, _targets(doc, **{"2": "The meeting stressed the Two Establishments."}), out)

    again = read_document(out)
    before = [(s.unit, s.target, s.source) for s in doc.segments]
    after = [(s.unit, s.target, s.source) for s in again.segments]
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [1]
    assert len(before) == len(after)
    assert again.segments[1].target == "The meeting stressed the Two Establishments."
    assert again.segments[2].start == doc.segments[2].start + 3  # the text after it moved, unchanged

    word = docx.Document(str(out))
    runs = [(r.text, r.bold) for r in word.paragraphs[1].runs]
    assert runs == [
        ("The meeting stressed the ", None),
        ("Two Establishments", True),  # the change lay in the bold run: only its text changed
        (". It called for high quality development.  Work went on.", None),
    ]
    assert word.paragraphs[0].style.name == "Heading 1"
    old_xml, new_xml = _units_xml(article), _units_xml(out)
    assert old_xml.keys() == new_xml.keys()
    assert [u for u in old_xml if old_xml[u] != new_xml[u]] == ["p1"]
    assert again.metadata == doc.metadata


def test_writing_unchanged_targets_keeps_every_paragraph(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "same.docx"
    write_corrected(doc, _targets(doc), out)
    assert _units_xml(out) == _units_xml(article)


def test_words_changed_inside_one_run_keep_that_run(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "words.docx"
    write_corrected(doc, _targets(doc, **{"2": "The plenum stressed the two establishments."}), out)
    runs = [(r.text, r.bold) for r in docx.Document(str(out)).paragraphs[1].runs]
    assert runs == [
        ("The plenum stressed the ", None),
        ("two establishments", True),  # each changed word stays in its own run
        (". It called for high quality development.  Work went on.", None),
    ]


def test_a_change_across_runs_goes_into_the_first_run_it_touches(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "across.docx"
    write_corrected(doc, _targets(doc, **{"2": "The meeting stressed both Establishes."}), out)
    runs = [(r.text, r.bold) for r in docx.Document(str(out)).paragraphs[1].runs]
    assert runs == [
        ("The meeting stressed both", None),  # "the Two" (plain "the ", bold "Two") became "both"
        (" Establishes", True),  # the bold run keeps what was not replaced
        (". It called for high quality development.  Work went on.", None),
    ]


def test_several_changes_in_one_paragraph_keep_the_whitespace_between(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "several.docx"
    targets = _targets(doc, **{"3": "It called for high-quality development.", "4": "Work continued."})
    write_corrected(doc, targets, out)
    assert docx.Document(str(out)).paragraphs[1].text == (
        "The meeting stressed the Two Establishes. It called for high-quality development.  Work continued."
    )


def test_an_insertion_at_a_run_boundary_takes_the_preceding_run(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "insert.docx"
    write_corrected(doc, _targets(doc, **{"2": "The meeting stressed the “Two Establishes”."}), out)
    runs = [(r.text, r.bold) for r in docx.Document(str(out)).paragraphs[1].runs]
    assert runs == [
        ("The meeting stressed the “", None),
        ("Two Establishes”", True),
        (". It called for high quality development.  Work went on.", None),
    ]


def test_hyperlink_and_table_text_is_written_back(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "link.docx"
    write_corrected(doc, _targets(doc, **{"5": "See the official reports for details.", "8": "Cell 2."}), out)
    again = read_document(out)
    assert again.segments[4].target == "See the official reports for details."
    assert again.segments[7].target == "Cell 2."
    word = docx.Document(str(out))
    link = word.paragraphs[2]._p.find(qn("w:hyperlink"))
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "official reports"
    assert word.paragraphs[2].runs[-1].italic is True
    old_xml, new_xml = _units_xml(article), _units_xml(out)
    assert [u for u in old_xml if old_xml[u] != new_xml[u]] == ["p2", "t0r0c0p0"]


@pytest.mark.parametrize(
    "changes, text",
    [
        ({"3": ""}, "The meeting stressed the Two Establishes.  Work went on."),  # the space before it went
        ({"4": ""}, "The meeting stressed the Two Establishes. It called for high quality development."),
        ({"3": "", "4": ""}, "The meeting stressed the Two Establishes."),
        ({"2": "", "3": "", "4": ""}, ""),
    ],
)
def test_a_removed_segment_takes_its_separating_whitespace(article, tmp_path, changes, text):
    doc = read_document(article)
    out = tmp_path / "removed.docx"
    write_corrected(doc, _targets(doc, **changes), out)
    assert docx.Document(str(out)).paragraphs[1].text == text


def test_tabs_and_line_breaks_in_a_correction_become_elements(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "tab.docx"
    write_corrected(doc, _targets(doc, **{"13": "Closing\twords\nend."}), out)
    p = docx.Document(str(out)).paragraphs[5]
    assert p.text == "Closing\twords\nend."
    assert len(p._p.findall(f".//{qn('w:tab')}")) == 1
    assert len(p._p.findall(f".//{qn('w:br')}")) == 1
    assert all("\t" not in (t.text or "") and "\n" not in (t.text or "") for t in p._p.iter(qn("w:t")))


def test_chinese_segments_are_never_written(article, tmp_path):
    doc = read_document(article)
    out = tmp_path / "zh.docx"
    write_corrected(doc, _targets(doc, **{"6": "The meeting stressed."}), out)
    assert _units_xml(out) == _units_xml(article)


def test_a_changed_original_is_refused(article, tmp_path):
    doc = read_document(article)
    word = docx.Document(str(article))
    word.paragraphs[1].runs[0].text = "The session stressed the "
    word.save(str(article))
    out = tmp_path / "out.docx"
    with pytest.raises(InputError, match="changed since it was read"):
        write_corrected(doc, _targets(doc, **{"4": "Work continued."}), out)
    assert not out.exists()


def test_a_paragraph_gone_from_the_original_is_refused(article, tmp_path):
    doc = read_document(article)
    word = docx.Document(str(article))
    closing = word.paragraphs[-1]._p
    closing.getparent().remove(closing)
    word.save(str(article))
    with pytest.raises(InputError, match="'p5' is gone"):
        write_corrected(doc, _targets(doc), tmp_path / "out.docx")


def test_a_deleted_original_is_refused(article, tmp_path):
    doc = read_document(article)
    article.unlink()
    with pytest.raises(InputError, match="no such file"):
        write_corrected(doc, _targets(doc), tmp_path / "out.docx")


def test_writing_leaves_deleted_text_text_boxes_and_fields_alone(tmp_path):
    path = tmp_path / "tracked.docx"
    _paragraph_xml(
        path,
        '<w:r><w:t xml:space="preserve">The plan was </w:t></w:r>'
        '<w:del w:id="1" w:author="x"><w:r><w:delText>not </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t>fully </w:t></w:r></w:ins>'
        '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed aside.</w:t></w:r></w:p>'
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        "<w:r><w:t>adopted.</w:t><w:tab/><w:t>Next</w:t><w:br/><w:t>line.</w:t></w:r>",
    )
    doc = read_document(path)
    out = tmp_path / "out.docx"
    write_corrected(doc, _targets(doc, **{"1": "The plan was partly adopted.", "2": "Next line."}), out)
    p = docx.Document(str(out)).paragraphs[0]._p
    assert [t.text for t in p.iter(qn("w:delText"))] == ["not "]
    assert [t.text for t in p.iter(qn("w:t"))] == ["The plan was ", "partly ", "Boxed aside.", "adopted.", "Next ", "line."]
    assert p.find(f"{qn('w:ins')}/{qn('w:r')}/{qn('w:t')}").text == "partly "  # still the inserted run
    assert len(list(p.iter(qn("w:br")))) == 0  # the break the correction replaced with a space
    assert len(list(p.iter(qn("w:tab")))) == 1  # the tab between the sentences stays
    assert [s.target for s in read_document(out).segments] == ["The plan was partly adopted.", "Next line."]


def _renamed_part(doctype: str) -> bytes:
    """The main part moved to word/document.dat, named /WORD/DOCUMENT.DAT (other letter case) in
    [Content_Types].xml and the relationships, with a DOCTYPE in it: python-docx finds the part
    whatever its case, so the guard must too (issue 20)."""
    data = _docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info)
            name = info.filename
            if name == "word/document.xml":
                head, rest = member.decode("utf-8").split("?>", 1)
                member = (head + "?>" + doctype + rest).encode("utf-8")
                name = "word/document.dat"
            elif name == "[Content_Types].xml":
                member = member.replace(b"/word/document.xml", b"/WORD/DOCUMENT.DAT")
            elif name == "_rels/.rels":
                member = member.replace(b"word/document.xml", b"WORD/DOCUMENT.DAT")
            dst.writestr(name, member)
    return out.getvalue()


@pytest.mark.parametrize(
    "doctype, reason",
    [
        ('<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file:///etc/passwd">]>', "part word/document.dat"),
        ('<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', "part word/document.dat"),
    ],
)
def test_a_part_named_in_other_letter_case_is_guarded(tmp_path, doctype, reason):
    path = tmp_path / "renamed.docx"
    path.write_bytes(_renamed_part(doctype))
    with pytest.raises(InputError, match=reason):
        docx_reader.read(path)


def test_two_members_of_one_name_are_refused(tmp_path):
    data = _docx_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):
            dst.writestr("word/document.xml", src.read("word/document.xml").replace(b"A sentence.", b"Another text."))
    path = tmp_path / "twice.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match="two members named 'word/document.xml'"):
        docx_reader.read(path)


# --- alternate content, nested fields, equations, symbols, parts not read -----------------

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" mc:Ignorable="w14"'
)
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(text: str) -> str:
    return f"<w:p>{_r(text)}</w:p>"


def _raw_docx(
    path: Path,
    body: str,
    parts: tuple[tuple[str, str], ...] = (),
    rels: str = "",
    types: str = "",
    ns: str = _NS,
    office_document: str = _OFFICE_DOCUMENT,
) -> Path:
    """A minimal package whose body is the raw WordprocessingML ``body`` (as Word writes it,
    which python-docx's API cannot)."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/>{types}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{office_document}" Target="word/document.xml"/></Relationships>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}<w:sectPr/></w:body></w:document>',
        )
        z.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
        for name, data in parts:
            z.writestr(name, data)
    return path


def _alternate(choice: str, fallback: str) -> str:
    return f'<mc:AlternateContent><mc:Choice Requires="w14">{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>'


def _box(text: str) -> str:
    return f"<w:txbxContent><w:p>{_r(text)}</w:p></w:txbxContent>"


def test_alternate_content_runs_are_read_once_from_the_choice(tmp_path):
    path = _raw_docx(
        tmp_path / "alt.docx",
        f'<w:p>{_r("Xi Jinping ")}{_alternate(_r("presided"), _r("chaired"))}{_r(" over the meeting.")}</w:p>',
    )
    doc = read_document(path)
    assert [s.target for s in doc.segments] == ["Xi Jinping presided over the meeting."]
    assert doc.warnings == []


def test_a_text_box_in_alternate_content_is_counted_once(tmp_path):
    drawing = (
        "<w:drawing><wp:anchor><a:graphic><a:graphicData uri=\"x\"><wps:wsp><wps:txbx>"
        f"{_box('Boxed words.')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    pict = f"<w:pict><v:shape><v:textbox>{_box('Boxed words.')}</v:textbox></v:shape></w:pict>"
    path = _raw_docx(
        tmp_path / "box.docx",
        f'<w:p>{_r("Xi Jinping presided over the meeting. ")}<w:r>{_alternate(drawing, pict)}</w:r>{_r("He stressed unity.")}</w:p>',
    )
    doc = read_document(path)
    assert [s.target for s in doc.segments] == ["Xi Jinping presided over the meeting.", "He stressed unity."]
    assert doc.warnings == ["1 text box with text is not reviewed."]


def test_block_alternate_content_is_read_from_the_choice(tmp_path):
    path = _raw_docx(
        tmp_path / "block.docx",
        _p("First paragraph.") + _alternate(_p("Choice paragraph."), _p("Fallback paragraph.")) + _p("Last paragraph."),
    )
    doc = read_document(path)
    assert [(s.unit, s.target) for s in doc.segments] == [
        ("p0", "First paragraph."),
        ("p1", "Choice paragraph."),
        ("p2", "Last paragraph."),
    ]
    assert paragraphs(path) == ["First paragraph.", "Choice paragraph.", "Last paragraph."]


def test_alternate_content_without_a_choice_is_read_from_the_fallback(tmp_path):
    path = _raw_docx(
        tmp_path / "fallback.docx",
        f'<w:p>{_r("Xi Jinping ")}<mc:AlternateContent><mc:Fallback>{_r("presided")}</mc:Fallback></mc:AlternateContent>{_r(" over it.")}</w:p>',
    )
    assert [s.target for s in read_document(path).segments] == ["Xi Jinping presided over it."]


def _fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _instr(code: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'


def test_a_field_nested_in_a_field_code_is_not_text(tmp_path):
    nested = (
        _r("Date: ") + _fld("begin") + _instr(" IF ")
        + _fld("begin") + _instr(" DATE ") + _fld("separate") + _r("FIELDCODE-INNER") + _fld("end")
        + _instr(' = 1 "a" "b" ') + _fld("separate") + _r("RESULT") + _fld("end") + _r(" The meeting closed.")
    )
    result_nested = (  # a field nested in the result of another is part of the text
        _r("See ") + _fld("begin") + _instr(" HYPERLINK ") + _fld("separate") + _r("page ")
        + _fld("begin") + _instr(" PAGE ") + _fld("separate") + _r("7") + _fld("end") + _fld("end") + _r(".")
    )
    path = _raw_docx(tmp_path / "fields.docx", f"<w:p>{nested}</w:p><w:p>{result_nested}</w:p>")
    assert [s.target for s in read_document(path).segments] == ["Date: RESULT The meeting closed.", "See page 7."]
    out = tmp_path / "out.docx"
    doc = read_document(path)
    write_corrected(doc, _targets(doc, **{"1": "Date: RESULT The session closed."}), out)
    assert [s.target for s in read_document(out).segments] == ["Date: RESULT The session closed.", "See page 7."]
    with zipfile.ZipFile(out) as z:
        assert b"FIELDCODE-INNER" in z.read("word/document.xml")  # the nested field is kept as it was


def _math_doc(tmp_path: Path) -> Path:
    return _raw_docx(
        tmp_path / "math.docx",
        f'<w:p>{_r("Growth was ")}<m:oMath><m:r><m:t>6.5</m:t></m:r><m:r><m:t>%</m:t></m:r></m:oMath>{_r(" this year.")}</w:p>'
        f'<w:p>{_r("Item")}<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>{_r("two. ")}'
        f'<w:r><w:ruby><w:rubyPr/><w:rt>{_r("RUBY")}</w:rt><w:rubyBase>{_r("Base")}</w:rubyBase></w:ruby></w:r>{_r(" text.")}</w:p>'
        f'<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{_p("Click or tap here to enter text.")}</w:sdtContent></w:sdt>'
        f'<w:p>{_r("Rate ")}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>{_r(" set at ")}<w:r><w:sym w:char="2248"/></w:r>{_r("2%.")}</w:p>',
    )


def test_equations_and_symbols_are_read_and_placeholders_are_not(tmp_path):
    doc = read_document(_math_doc(tmp_path))
    assert [(s.unit, s.target) for s in doc.segments] == [
        ("p0", "Growth was 6.5% this year."),
        ("p1", "Item\u2022two."),
        ("p1", "Base text."),
        ("p3", "Rate \u2713 set at \u22482%."),
    ]
    assert doc.warnings == []


def test_a_correction_next_to_an_equation_is_written_and_one_changing_it_is_refused(tmp_path):
    path = _math_doc(tmp_path)
    doc = read_document(path)
    out = tmp_path / "out.docx"
    write_corrected(doc, _targets(doc, **{"1": "Growth was 6.5% last year.", "3": "Base texts."}), out)
    again = read_document(out)
    assert [s.target for s in again.segments] == ["Growth was 6.5% last year.", "Item\u2022two.", "Base texts.", "Rate \u2713 set at \u22482%."]
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<m:t>6.5</m:t>" in xml and 'w:char="F0B7"' in xml and "RUBY" in xml
    for changes in ({"1": "Growth was 6.6% this year."}, {"2": "Item-two."}, {"4": "Rate set at \u22482%."}):
        bad = tmp_path / "bad.docx"
        with pytest.raises(OutputError, match=r"segment [124]: the correction changes an equation, a symbol"):
            write_corrected(doc, _targets(doc, **changes), bad)
        assert not bad.exists()


def test_a_correction_of_alternate_content_is_refused(tmp_path):
    path = _raw_docx(
        tmp_path / "alt.docx",
        f'<w:p>{_r("Xi Jinping ")}{_alternate(_r("presided"), _r("presided"))}{_r(" over the meeting.")}</w:p>'
        + _alternate(_p("Choice paragraph."), _p("Fallback paragraph.")),
    )
    doc = read_document(path)
    out = tmp_path / "out.docx"
    write_corrected(doc, _targets(doc, **{"1": "Xi Jinping presided over the session."}), out)
    assert [s.target for s in read_document(out).segments] == ["Xi Jinping presided over the session.", "Choice paragraph."]
    for changes in ({"1": "Xi Jinping chaired over the meeting."}, {"2": "Choice paragraphs."}, {"2": "The choice paragraph."}):
        with pytest.raises(OutputError, match="alternate content"):
            write_corrected(doc, _targets(doc, **changes), tmp_path / "bad.docx")


def test_an_insertion_between_two_tabs_stays_in_place(tmp_path):
    """No text element ends or starts at the insertion point: a new one goes after the first tab
    (the text after the tabs was once overwritten)."""
    path = tmp_path / "tab.docx"
    _paragraph_xml(path, "<w:r><w:t>Name:</w:t><w:tab/><w:tab/><w:t>value.</w:t></w:r>")
    doc = read_document(path)
    assert [s.target for s in doc.segments] == ["Name:\t\tvalue."]
    out = tmp_path / "out.docx"
    write_corrected(doc, _targets(doc, **{"1": "Name:\tX\tvalue."}), out)
    assert paragraphs(out) == ["Name:\tX\tvalue."]
    run = docx.Document(str(out)).paragraphs[0]._p.find(qn("w:r"))
    assert [child.tag.rsplit("}", 1)[-1] for child in run] == ["t", "tab", "t", "tab", "t"]


_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


@pytest.mark.parametrize(
    "body, parts, rels, types, warning",
    [
        (
            f'<w:p>{_r("Xi Jinping presided over the meeting.")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
            (("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {_NS}><w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              f'<w:footnote w:id="1"><w:p>{_r("Footnote text.")}</w:p></w:footnote><w:footnote w:id="2"><w:p>{_r("Another.")}</w:p></w:footnote></w:footnotes>'),),
            f'<Relationship Id="rId9" Type="{_FOOTNOTES}" Target="footnotes.xml"/>',
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>',
            "2 footnotes with text are not reviewed.",
        ),
        (
            f'<w:p><w:commentRangeStart w:id="0"/>{_r("Xi Jinping presided over the meeting.")}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>',
            (("word/comments.xml", f'<?xml version="1.0"?><w:comments {_NS}><w:comment w:id="0" w:author="x"><w:p>{_r("Comment text")}</w:p></w:comment></w:comments>'),),
            f'<Relationship Id="rId9" Type="{_COMMENTS}" Target="comments.xml"/>',
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
            "1 comment with text is not reviewed.",
        ),
        (
            _p("Xi Jinping presided over the meeting.") + '<w:altChunk r:id="rId7"/>',
            (("word/afchunk.htm", "<html><body><p>Imported paragraph.</p></body></html>"),),
            '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/>',
            '<Default Extension="htm" ContentType="application/xhtml+xml"/>',
            "1 imported document (altChunk) is not reviewed.",
        ),
        (
            _p("Xi Jinping presided over the meeting.")
            + '<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
            '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId5" r:lo="rId5" r:qs="rId5" r:cs="rId5"/>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
            (("word/diagrams/data1.xml", '<?xml version="1.0"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>SmartArt text</a:t>'
              "</a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>"),),
            '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="diagrams/data1.xml"/>',
            '<Override PartName="/word/diagrams/data1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"/>',
            "1 SmartArt graphic with text is not reviewed.",
        ),
    ],
    ids=["footnotes", "comments", "altchunk", "smartart"],
)
def test_text_in_parts_that_are_not_read_is_named(tmp_path, body, parts, rels, types, warning):
    doc = read_document(_raw_docx(tmp_path / "parts.docx", body, parts, rels, types))
    assert [s.target for s in doc.segments] == ["Xi Jinping presided over the meeting."]
    assert doc.warnings == [warning]


@pytest.mark.parametrize(
    "office_document",
    [_OFFICE_DOCUMENT, "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"],
    ids=["transitional-relationship", "strict-relationship"],
)
def test_a_strict_open_xml_document_is_refused_with_what_to_do(tmp_path, office_document):
    ns = _NS.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", _STRICT_W)
    path = _raw_docx(tmp_path / "strict.docx", _p("A sentence."), ns=ns, office_document=office_document)
    message = (
        "this is a Strict Open XML document, which reviewer cannot read; "
        "in Word, save it as a normal Word document (.docx) and open that"
    )
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: {message}"
    with pytest.raises(InputError, match="Strict Open XML"):
        paragraphs(path)
