#!/usr/bin/env python3
"""Build the generated part of the bad-input corpus, and the huge cases in a folder of your choice.

    python tests/data/bad/make_corpus.py              # (re)write the small binary files beside this script
    python tests/data/bad/make_corpus.py --huge DIR   # write the huge cases into DIR (hundreds of MB; never commit them)

The small files (:data:`SMALL`) are committed: DOCX and XLSX containers, built member by
member with :mod:`zipfile` (fixed timestamps, so a rebuild gives the same members), some of
them damaged on purpose, and text whose bytes matter (NUL bytes, broken encodings, noise). The huge ones (:data:`HUGE`) are made at test time in a temporary
folder by ``tests/core/test_bad_inputs.py`` and ``benchmarks/bench_bad_inputs.py``.
The text and XML files of the corpus are written by hand and not made here.
"""

from __future__ import annotations

import io
import sqlite3
import struct
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
MIB = 1024 * 1024
_DATE = (2024, 1, 1, 0, 0, 0)

# -- containers ----------------------------------------------------------------------------


def zip_bytes(members: Iterable[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED, level: int | None = None) -> bytes:
    """A ZIP of ``(name, data)`` members with a fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=level)
    return out.getvalue()


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(paragraphs: Iterable[str], doctype: str = "") -> bytes:
    """``word/document.xml`` with one run per paragraph (``doctype`` goes after the declaration)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    ).encode("utf-8")


def docx_members(paragraphs: Iterable[str] = ("The meeting was held in Beijing.",), document: bytes | None = None) -> list[tuple[str, bytes]]:
    """The three parts of a minimal Word document."""
    return [
        ("[Content_Types].xml", _DOCX_TYPES.encode()),
        ("_rels/.rels", _DOCX_RELS.encode()),
        ("word/document.xml", document if document is not None else document_xml(paragraphs)),
    ]


def minimal_docx(paragraphs: Iterable[str] = ("The meeting was held in Beijing.",), compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A valid Word document of the given paragraphs."""
    return zip_bytes(docx_members(paragraphs), compression)


_XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = '<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
_XLSX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{S_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_name(col: int) -> str:
    """0 -> ``A``."""
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


def sheet_xml(rows: Iterable[Iterable[str]], doctype: str = "") -> bytes:
    """A worksheet of inline strings."""
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{column_name(c)}{r}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>' for c, v in enumerate(row) if v
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
        f'<worksheet xmlns="{S_NS}"><sheetData>{"".join(out)}</sheetData></worksheet>'
    ).encode("utf-8")


def xlsx_members(sheets: dict[str, bytes], hidden: Iterable[str] = ()) -> list[tuple[str, bytes]]:
    """The parts of a workbook whose sheets are ``{name: worksheet XML}`` (``hidden`` very hidden)."""
    names = list(sheets)
    hide = set(hidden)
    entries = "".join(
        f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"' + (' state="veryHidden"' if n in hide else "") + "/>"
        for i, n in enumerate(names, start=1)
    )
    workbook = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><sheets>{entries}</sheets></workbook>'
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{R_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1)
    )
    rels += f'<Relationship Id="rId{len(names) + 1}" Type="{R_NS}/styles" Target="styles.xml"/>'
    members = [
        ("[Content_Types].xml", _XLSX_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=i) for i in range(1, len(names) + 1))).encode()),
        ("_rels/.rels", _XLSX_RELS.encode()),
        ("xl/workbook.xml", workbook.encode()),
        (
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'.encode(),
        ),
        ("xl/styles.xml", _STYLES.encode()),
    ]
    members += [(f"xl/worksheets/sheet{i}.xml", data) for i, data in enumerate(sheets.values(), start=1)]
    return members


BILINGUAL = [["原文", "译文"], ["会议在北京举行。", "The meeting was held in Beijing."], ["规上企业增长。", "Enterprises above designated size grew."]]
GLOSSARY = [["中文", "English"], ["两个确立", "Two Establishes"], ["规上企业", "enterprise above designated size"]]


def minimal_xlsx(rows: list[list[str]] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A valid one-sheet workbook (a bilingual table by default)."""
    return zip_bytes(xlsx_members({"Sheet1": sheet_xml(rows if rows is not None else BILINGUAL)}), compression)


# -- damage ----------------------------------------------------------------------------------


def replace_member(data: bytes, name: str, new: bytes | None) -> bytes:
    """``data`` (a ZIP) with member ``name`` replaced (``None``: removed)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    if new is None:
        return zip_bytes([(n, d) for n, d in members if n != name])
    out = [(n, new if n == name else d) for n, d in members]
    if name not in {n for n, _ in members}:
        out.append((name, new))
    return zip_bytes(out)


def _local_header_offset(data: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.getinfo(name).header_offset


def _data_offset(data: bytes, name: str) -> int:
    """Where member ``name``'s compressed bytes start."""
    at = _local_header_offset(data, name)
    name_len, extra_len = struct.unpack("<HH", data[at + 26 : at + 30])
    return int(at + 30 + name_len + extra_len)


def damage_deflate(data: bytes, name: str) -> bytes:
    """Member ``name`` with its first compressed bytes set to an invalid deflate block type."""
    out = bytearray(data)
    start = _data_offset(data, name)
    out[start] = 0xFF  # BTYPE 11: "invalid block type" from zlib
    out[start + 1 : start + 4] = b"\xff\xff\xff"
    return bytes(out)


def set_flag_encrypted(data: bytes, name: str) -> bytes:
    """Member ``name`` marked as encrypted (general purpose flag bit 0) in both headers."""
    out = bytearray(data)
    at = _local_header_offset(data, name)
    out[at + 6] |= 1
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack("<H", data[pos + 28 : pos + 30])[0]
        if data[pos + 46 : pos + 46 + name_len] == name.encode():
            out[pos + 8] |= 1
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def set_method(data: bytes, name: str, method: int) -> bytes:
    """Member ``name`` with compression method ``method`` in both headers (9: Deflate64, which
    :mod:`zipfile` cannot read)."""
    out = bytearray(data)
    at = _local_header_offset(data, name)
    out[at + 8 : at + 10] = struct.pack("<H", method)
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack("<H", data[pos + 28 : pos + 30])[0]
        if data[pos + 46 : pos + 46 + name_len] == name.encode():
            out[pos + 10 : pos + 12] = struct.pack("<H", method)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def claim_size(data: bytes, name: str, size: int) -> bytes:
    """Member ``name``'s uncompressed size in the central directory set to ``size`` (a lie)."""
    out = bytearray(data)
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack("<H", data[pos + 28 : pos + 30])[0]
        if data[pos + 46 : pos + 46 + name_len] == name.encode():
            out[pos + 24 : pos + 28] = struct.pack("<I", size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(out)


def zip_bomb(base: bytes, unpacked: int = 64 * MIB) -> bytes:
    """``base`` with a member of ``unpacked`` zero bytes (compressed about 1000:1)."""
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        members = [(i.filename, zf.read(i)) for i in zf.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n, d in members:
            info = zipfile.ZipInfo(n, date_time=_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, d)
        info = zipfile.ZipInfo("word/media/padding.xml" if b"word/" in base else "xl/media/padding.xml", date_time=_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=unpacked > 2**31) as fh:
            chunk = b"\0" * MIB
            for _ in range(unpacked // MIB):
                fh.write(chunk)
    return out.getvalue()


#: A billion laughs (the root element is ``lolz``; callers rename it).
_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)


_XLIFF = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file original="a" source-language="zh-CN" target-language="en" datatype="plaintext"><body>'
    "<trans-unit id=\"1\"><source>会议在北京举行。</source><target>The meeting was held in Beijing.</target></trans-unit>"
    "</body></file></xliff>\n"
).encode("utf-8")


def _noise(size: int, seed: int) -> bytes:
    """``size`` bytes of deterministic noise (a linear congruential generator)."""
    out = bytearray()
    x = seed
    for _ in range(size):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(x >> 16 & 0xFF)
    return bytes(out)


def _quadratic(root: bytes) -> bytes:
    """A quadratic blowup: one entity of 20,000 characters referenced 5,000 times (100 MB expanded)."""
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE ' + root + b' [<!ENTITY a "' + b"A" * 20000 + b'">]>\n<' + root + b">" + b"&a;" * 5000 + b"</" + root + b">\n"
    )


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def _review_workbook_like(hidden_rows: list[list[str]]) -> bytes:
    """A workbook with reviewer's review sheets, whose very hidden ``_reviewer`` sheet holds ``hidden_rows``."""
    return zip_bytes(
        xlsx_members(
            {
                "Summary": sheet_xml([["Summary"]]),
                "Segments": sheet_xml([["Document", "ID"]]),
                "Findings": sheet_xml([["Document", "Segment"]]),
                "_reviewer": sheet_xml(hidden_rows),
            },
            hidden=["_reviewer"],
        )
    )


def _sqlite(statements: list[str]) -> bytes:
    """A small SQLite database made by ``statements``."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "db.sqlite"
        conn = sqlite3.connect(path)
        for s in statements:
            conn.execute(s)
        conn.commit()
        conn.close()
        return path.read_bytes()


def _project(damage: Callable[[Path], None]) -> bytes:
    """A real reviewer project of one XLIFF document (made by reviewer itself), then damaged."""
    import tempfile

    from reviewer.core.project import Project
    from reviewer.core.readers import read_document

    with tempfile.TemporaryDirectory() as folder:
        xlf = Path(folder) / "a.xlf"
        xlf.write_bytes(_XLIFF)
        path = Path(folder) / "p.reviewer"
        Project.create(path, [read_document(xlf)]).close()
        damage(path)
        return path.read_bytes()


def _truncate(path: Path) -> None:
    """The project cut after its first three pages."""
    path.write_bytes(path.read_bytes()[: 3 * 4096])


def _corrupt_segments_page(path: Path) -> None:
    """The first byte of the segments table's root page set to an impossible page type."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'segments'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page] = 0xFF
    path.write_bytes(bytes(data))


def _break_schema(path: Path) -> None:
    """A stray quote in the stored CREATE TABLE of the segments table (same length)."""
    data = path.read_bytes()
    at = data.index(b"CREATE TABLE segments (\n    document") + 24
    path.write_bytes(data[:at] + b'"' + data[at + 1 :])


def _bad_segment_json(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE segments SET data = '{\"id\": \"1\", ' WHERE rowid = (SELECT min(rowid) FROM segments)")
    conn.commit()
    conn.close()


def _exported_review(edit: Callable[[Any], None]) -> bytes:
    """A review workbook exported by reviewer itself (project id ``P1``), edited with openpyxl."""
    import tempfile

    import openpyxl

    from reviewer.core.readers import read_document
    from reviewer.core.review import make_review
    from reviewer.core.termbase import load_termbase
    from reviewer.core.workbook import export_workbook

    with tempfile.TemporaryDirectory() as folder:
        xlf = Path(folder) / "a.xlf"
        xlf.write_bytes(_XLIFF)
        review = make_review([read_document(xlf)], [load_termbase(HERE.parent / "mini.tbx")])
        review.run_checks()
        path = Path(folder) / "review.xlsx"
        export_workbook(review, path, reviewer="Li Hua", project_id="P1")
        wb = openpyxl.load_workbook(path)
        edit(wb)
        wb.save(path)
        return path.read_bytes()


def _docx_main_part_named_dat() -> bytes:
    """The main part as ``word/document.dat`` (declared XML in ``[Content_Types].xml``), with an external entity."""
    doc = document_xml(["&e;"], '<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace(b"&amp;e;", b"&e;")
    types = _DOCX_TYPES.replace("/word/document.xml", "/word/document.dat").encode()
    rels = _DOCX_RELS.replace("word/document.xml", "word/document.dat").encode()
    return zip_bytes([("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.dat", doc)])


def _docx_with_rel_to_missing_part() -> bytes:
    rels = _DOCX_RELS.replace("word/document.xml", "word/missing.xml").encode()
    return zip_bytes([("[Content_Types].xml", _DOCX_TYPES.encode()), ("_rels/.rels", rels), ("word/document.xml", document_xml(["Text."]))])


#: Small binary files of the corpus: path relative to this folder -> builder.
SMALL: dict[str, Callable[[], bytes]] = {
    # plain text, XML and delimited files too binary or too repetitive to write by hand
    "document/txt-nul-bytes.txt": lambda: b"The meeting was held\0 in Beijing.\0\0\nWork went on.\n",
    "document/txt-random-bytes.txt": lambda: _noise(4096, 17),
    "document/txt-zip-renamed.txt": lambda: minimal_docx(),
    "document/txt-old-doc.txt": lambda: OLE,
    "document/txt-bad-utf8-after-bom.txt": lambda: b"\xef\xbb\xbfThe meeting was held in \xff\xfe Beijing.\n",
    "document/txt-bad-utf16-after-bom.txt": lambda: b"\xff\xfe" + "The meeting.".encode("utf-16-le") + b"\x00\xd8A\x00",
    "document/txt-odd-length-utf16-bom.txt": lambda: b"\xfe\xff" + "The meeting.".encode("utf-16-be") + b"\x00",
    "document/xlf-nul-byte.xlf": lambda: _XLIFF.replace(b"The meeting", b"The\0meeting"),
    "document/xlf-utf16-declared-utf8.xlf": lambda: _XLIFF.decode().encode("utf-16"),
    "document/xlf-declared-gbk-invalid.xlf": lambda: _XLIFF.replace(b"UTF-8", b"GBK").replace(b"The meeting", b"The \xff\xff meeting"),
    "document/xlf-quadratic-blowup.xlf": lambda: _quadratic(b"xliff"),
    "document/sdlxliff-random-bytes.sdlxliff": lambda: _noise(4096, 29),
    "document/tmx-quadratic-blowup.tmx": lambda: _quadratic(b"tmx"),
    "document/tmx-zip-renamed.tmx": lambda: minimal_docx(),
    "document/csv-nul-bytes.csv": lambda: "原文,译文\n会议在北京举行。,The meeting\0 was held.\n".encode(),
    "document/csv-xlsx-renamed.csv": lambda: minimal_xlsx(),
    "document/csv-old-xls.csv": lambda: OLE,
    "document/tsv-bad-utf16-after-bom.tsv": lambda: b"\xff\xfe" + "原文\t译文\n".encode("utf-16-le") + b"\x00\xdc",
    "termbase/tbx-random-bytes.tbx": lambda: _noise(2048, 41),
    "termbase/tbx-nul-byte.tbx": lambda: b'<?xml version="1.0"?><tbx><text><body>\0</body></text></tbx>',
    "termbase/tbx-declared-gbk.tbx": lambda: '<?xml version="1.0" encoding="GBK"?><tbx><text><body><conceptEntry id="1"><langSec xml:lang="zh"><termSec><term>两个确立</term></termSec></langSec><langSec xml:lang="en"><termSec><term>Two Establishes</term></termSec></langSec></conceptEntry></body></text></tbx>'.encode("gbk"),
    "termbase/glossary-nul-bytes.tsv": lambda: "中文\tEnglish\n两个确立\tTwo\0Establishes\n".encode(),
    "termbase/glossary-bad-utf8-after-bom.csv": lambda: b"\xef\xbb\xbf" + "中文,English\n".encode() + b"\xff\xfe,Two Establishes\n",
    "termbase/glossary-random-bytes.csv": lambda: _noise(4096, 53),
    "parallel/mt-nul-bytes.txt": lambda: b"The meeting\0 was held.\n",
    "parallel/mt-truncated.docx": lambda: minimal_docx()[:300],
    "parallel/src-random-bytes.txt": lambda: _noise(2048, 67),
    # odd but valid
    "odd/txt-utf16le-no-bom.txt": lambda: "The meeting was held in Beijing.\nWork went on.\n".encode("utf-16-le"),
    "odd/txt-gbk.txt": lambda: "The meeting stressed the “Two Establishes”（两个确立）.\nWork went on。\n".encode("gbk"),
    "odd/txt-bom-crlf.txt": lambda: "\ufeffTitle: Plenary\r\n\r\nThe meeting was held in Beijing.\r\nWork went on.\r\n".encode(),
    "odd/txt-old-mac-cr.txt": lambda: b"The meeting was held in Beijing.\rWork went on.\rIt called for development.\r",
    "odd/txt-control-chars.txt": lambda: "The \x1b[31mmeeting\x1b[0m was held\x07 in Bei\u200bjing.\n\u202eWork went on.\u202c\n\ufffd\ufeffThe end.\n".encode(),
    "odd/txt-long-paragraph.txt": lambda: (("the meeting stressed high quality development " * 200) + "\n").encode(),
    "odd/xlf-gbk-declared.xlf": lambda: _XLIFF.decode().replace("UTF-8", "GBK").encode("gbk"),
    "odd/csv-utf16-semicolon.csv": lambda: "原文;译文\n会议在北京举行。;The meeting was held in Beijing.\n规上企业增长。;Enterprises above designated size grew.\n".encode("utf-16"),
    "odd/glossary-xlsx-renamed.csv": lambda: minimal_xlsx(GLOSSARY),
    # Word documents
    "document/docx-empty.docx": lambda: b"",
    "document/docx-text-renamed.docx": lambda: "The meeting was held in Beijing.\n".encode(),
    "document/docx-truncated-zip.docx": lambda: minimal_docx()[: len(minimal_docx()) // 2],
    "document/docx-zip-bomb.docx": lambda: zip_bomb(minimal_docx()),
    "document/docx-size-lie.docx": lambda: claim_size(minimal_docx(), "word/document.xml", 0xFFFFFFFF),
    "document/docx-doctype-entity.docx": lambda: zip_bytes(
        docx_members(document=document_xml(["&boom;"], '<!DOCTYPE w:document [<!ENTITY boom "Boom">]>').replace(b"&amp;boom;", b"&boom;"))
    ),
    "document/docx-billion-laughs.docx": lambda: zip_bytes(
        docx_members(document=document_xml(["&lol9;"], _LAUGHS.replace("lolz", "w:document")).replace(b"&amp;lol9;", b"&lol9;"))
    ),
    "document/docx-truncated-xml.docx": lambda: zip_bytes(docx_members(document=document_xml(["Cut here."])[:-40])),
    "document/docx-corrupt-deflate.docx": lambda: damage_deflate(minimal_docx(), "word/document.xml"),
    "document/docx-encrypted-member.docx": lambda: set_flag_encrypted(minimal_docx(), "word/document.xml"),
    "document/docx-deflate64.docx": lambda: set_method(minimal_docx(), "word/document.xml", 9),
    "document/docx-doctype-in-dat-part.docx": _docx_main_part_named_dat,
    "document/docx-xlsx-renamed.docx": lambda: minimal_xlsx(),
    "document/docx-odt-renamed.docx": lambda: zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")], zipfile.ZIP_STORED),
    "document/docx-plain-zip.docx": lambda: zip_bytes([("notes.txt", b"The meeting was held.")]),
    "document/docx-path-traversal.docx": lambda: zip_bytes([("../../../../tmp/evil.txt", b"x"), ("/etc/cron.d/evil", b"x")]),
    "document/docx-no-main-part.docx": lambda: replace_member(minimal_docx(), "word/document.xml", None),
    "document/docx-rel-to-missing-part.docx": _docx_with_rel_to_missing_part,
    "document/docx-old-doc.docx": lambda: OLE,
    "document/docx-no-text.docx": lambda: minimal_docx([]),
    "document/docx-chinese-only.docx": lambda: minimal_docx(["会议在北京举行。", "会议强调，要深刻领悟“两个确立”的决定性意义。"]),
    "document/docx-no-body.docx": lambda: zip_bytes(docx_members(document=f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"/>'.encode())),
    "document/docx-wrong-root.docx": lambda: zip_bytes(docx_members(document=b'<?xml version="1.0"?><html><body>The meeting.</body></html>')),
    # bilingual workbooks
    "document/xlsx-empty.xlsx": lambda: b"",
    "document/xlsx-csv-renamed.xlsx": lambda: "原文,译文\n会议在北京举行。,The meeting was held in Beijing.\n".encode(),
    "document/xlsx-binary-garbage.xlsx": lambda: bytes((i * 197 + 89) % 256 for i in range(4096)),
    "document/xlsx-old-xls.xlsx": lambda: OLE,
    "document/xlsx-truncated-zip.xlsx": lambda: minimal_xlsx()[: len(minimal_xlsx()) // 2],
    "document/xlsx-zip-bomb.xlsx": lambda: zip_bomb(minimal_xlsx()),
    "document/xlsx-doctype.xlsx": lambda: replace_member(minimal_xlsx(), "xl/worksheets/sheet1.xml", sheet_xml(BILINGUAL, _LAUGHS.replace("lolz", "worksheet"))),
    "document/xlsx-corrupt-deflate.xlsx": lambda: damage_deflate(minimal_xlsx(), "xl/worksheets/sheet1.xml"),
    "document/xlsx-docx-renamed.xlsx": lambda: minimal_docx(),
    "document/xlsx-no-workbook-part.xlsx": lambda: replace_member(minimal_xlsx(), "xl/workbook.xml", None),
    "document/xlsx-header-only.xlsx": lambda: minimal_xlsx([["原文", "译文"]]),
    "document/xlsx-one-column.xlsx": lambda: minimal_xlsx([["The meeting was held."], ["Work went on."]]),
    "document/xlsx-no-sheets.xlsx": lambda: zip_bytes(xlsx_members({})),
    "document/xlsx-review-workbook.xlsx": lambda: _review_workbook_like([["reviewer workbook", "1", "P1"]]),
    "document/xlsx-bad-shared-string.xlsx": lambda: replace_member(
        minimal_xlsx(), "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{S_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>'.encode()
    ),
    "document/xlsx-bad-cell-ref.xlsx": lambda: replace_member(
        minimal_xlsx(), "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{S_NS}"><sheetData><row r="1"><c r="ZZZZZZ99999999" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'.encode()
    ),
    # glossaries
    "termbase/glossary-empty.xlsx": lambda: b"",
    "termbase/glossary-text-renamed.xlsx": lambda: "中文,English\n两个确立,Two Establishes\n".encode(),
    "termbase/glossary-zip-bomb.xlsx": lambda: zip_bomb(minimal_xlsx(GLOSSARY)),
    "termbase/glossary-doctype.xlsx": lambda: replace_member(minimal_xlsx(GLOSSARY), "xl/worksheets/sheet1.xml", sheet_xml(GLOSSARY, _LAUGHS.replace("lolz", "worksheet"))),
    "termbase/glossary-corrupt-deflate.xlsx": lambda: damage_deflate(minimal_xlsx(GLOSSARY), "xl/worksheets/sheet1.xml"),
    "termbase/glossary-docx-renamed.xlsx": lambda: minimal_docx(),
    "termbase/glossary-old-xls.xlsx": lambda: OLE,
    "termbase/glossary-header-only.xlsx": lambda: minimal_xlsx([["中文", "English"]]),
    "termbase/glossary-no-sheets.xlsx": lambda: zip_bytes(xlsx_members({})),
    # review workbooks (plan_import)
    "review/review-empty.xlsx": lambda: b"",
    "review/review-text-renamed.xlsx": lambda: b"Document,ID\nfuxin.txt,1\n",
    "review/review-bilingual-table.xlsx": lambda: minimal_xlsx(),
    "review/review-zip-bomb.xlsx": lambda: zip_bomb(_review_workbook_like([["reviewer workbook", "1", "P1"]])),
    "review/review-doctype.xlsx": lambda: replace_member(
        _review_workbook_like([["reviewer workbook", "1", "P1"]]), "xl/worksheets/sheet4.xml", sheet_xml([["reviewer workbook", "1", "P1"]], _LAUGHS.replace("lolz", "worksheet"))
    ),
    "review/review-corrupt-deflate.xlsx": lambda: damage_deflate(_review_workbook_like([["reviewer workbook", "1", "P1"]]), "xl/worksheets/sheet4.xml"),
    "review/review-hidden-sheet-damaged.xlsx": lambda: _review_workbook_like([["something else", "7", "P1"]]),
    "review/review-hidden-sheet-one-cell.xlsx": lambda: _review_workbook_like([["reviewer workbook"]]),
    "review/review-hidden-sheet-empty.xlsx": lambda: _review_workbook_like([]),
    "review/review-hidden-columns-deleted.xlsx": lambda: _exported_review(lambda wb: wb["_reviewer"].delete_cols(5, 20)),
    # projects (Project.open)
    "project/project-empty.reviewer": lambda: b"",
    "project/project-text.reviewer": lambda: b"This is not a project.\n",
    "project/project-random.reviewer": lambda: bytes((i * 131 + 7) % 256 for i in range(8192)),
    "project/project-other-database.reviewer": lambda: _sqlite(["CREATE TABLE t (a)", "INSERT INTO t VALUES (1)"]),
    "project/project-newer-schema.reviewer": lambda: _sqlite(["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)", "INSERT INTO meta VALUES ('schema_version', '99')"]),
    "project/project-bad-schema-version.reviewer": lambda: _sqlite(["CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)", "INSERT INTO meta VALUES ('schema_version', 'two')"]),
    "project/project-zip.reviewer": lambda: minimal_docx(),
    "project/project-truncated.reviewer": lambda: _project(_truncate),
    "project/project-corrupt-page.reviewer": lambda: _project(_corrupt_segments_page),
    "project/project-malformed-schema.reviewer": lambda: _project(_break_schema),
    "project/project-bad-segment-json.reviewer": lambda: _project(_bad_segment_json),
}

def write_small(folder: Path = HERE) -> list[Path]:
    """Write :data:`SMALL` under ``folder``; returns the paths written."""
    written = []
    for rel, build in SMALL.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build())
        written.append(path)
    return written


# -- huge cases, made at test time ---------------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (all NUL: a size check must refuse it
    before reading)."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def long_line(path: Path, size: int = 10 * MIB, spaces: bool = True) -> Path:
    """One line of ``size`` bytes of English words (``spaces=False``: one 'word')."""
    unit = b"The meeting stressed high quality development " if spaces else b"x" * 64
    with path.open("wb") as fh:
        for _ in range(size // len(unit)):
            fh.write(unit)
        fh.write(b".\n")
    return path


def empty_formatted_rows_xlsx(path: Path, rows: int = 1_000_000) -> Path:
    """A workbook whose sheet has a bilingual header, one data row and ``rows`` empty rows that
    carry a fill (as a sheet formatted down to row 1,048,576 does)."""
    head = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>原文</t></is></c><c r="B1" t="inlineStr"><is><t>译文</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>会议在北京举行。</t></is></c><c r="B2" t="inlineStr"><is><t>The meeting was held in Beijing.</t></is></c></row>'
    )
    body = "".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/></row>' for r in range(3, rows + 3))
    sheet = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{S_NS}"><sheetData>{head}{body}</sheetData></worksheet>'
    path.write_bytes(zip_bytes(xlsx_members({"Sheet1": sheet.encode()}), level=1))
    return path


def many_rows_xlsx(path: Path, rows: int = 250_000) -> Path:
    """A bilingual workbook of ``rows`` rows with text (over the row limit)."""
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>会议{r}</t></is></c><c r="B{r}" t="inlineStr"><is><t>Meeting {r}</t></is></c></row>'
        for r in range(1, rows + 1)
    )
    sheet = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{S_NS}"><sheetData>{body}</sheetData></worksheet>'
    path.write_bytes(zip_bytes(xlsx_members({"Sheet1": sheet.encode()}), level=1))
    return path


def big_termbase_tbx(path: Path, concepts: int = 100_000) -> Path:
    """A valid TBX file of ``concepts`` concepts, each with a Chinese and an English term."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">')
        fh.write("<tbxHeader><fileDesc><titleStmt><title>big</title></titleStmt></fileDesc></tbxHeader><text><body>")
        for i in range(concepts):
            fh.write(
                f'<conceptEntry id="c{i}"><langSec xml:lang="zh-CN"><termSec><term>术语{i}</term></termSec></langSec>'
                f'<langSec xml:lang="en"><termSec><term>term number {i}</term>'
                "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>\n"
            )
        fh.write("</body></text></tbx>\n")
    return path


def big_termbase_csv(path: Path, concepts: int = 100_000) -> Path:
    """The same as a CSV glossary."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("中文,English\n")
        for i in range(concepts):
            fh.write(f"术语{i},term number {i}\n")
    return path


def total_bomb_docx(path: Path) -> Path:
    """A Word document whose central directory claims 600 MiB unpacked (no member is large on disk)."""
    data = minimal_docx()
    data = replace_member(data, "word/media/a.bin", b"\0" * 1024)
    path.write_bytes(claim_size(data, "word/media/a.bin", 600 * MIB))
    return path


def many_members_docx(path: Path, members: int = 50_000) -> Path:
    """A Word document with ``members`` tiny extra parts."""
    extra = [(f"word/media/p{i}.bin", b"") for i in range(members)]
    path.write_bytes(zip_bytes(docx_members() + extra, zipfile.ZIP_STORED))
    return path


def deep_xliff(path: Path, depth: int = 100_000) -> Path:
    """An XLIFF file whose target nests ``depth`` ``g`` elements."""
    inner = "<g id='1'>" * depth + "deep" + "</g>" * depth
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="zh-CN" target-language="en" datatype="plaintext" original="x"><body>'
        f'<trans-unit id="1"><source>会议</source><target>{inner}</target></trans-unit></body></file></xliff>\n',
        encoding="utf-8",
    )
    return path


def deep_tbx(path: Path, depth: int = 100_000) -> Path:
    """A TBX file whose English term nests ``depth`` ``hi`` elements."""
    inner = "<hi>" * depth + "Two Establishes" + "</hi>" * depth
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
        f'<conceptEntry id="1"><langSec xml:lang="zh"><termSec><term>两个确立</term></termSec></langSec>'
        f'<langSec xml:lang="en"><termSec><term>{inner}</term></termSec></langSec></conceptEntry></body></text></tbx>\n',
        encoding="utf-8",
    )
    return path


def deep_docx(path: Path, depth: int = 100_000) -> Path:
    """A Word document whose body nests ``depth`` content controls around its paragraph."""
    inner = "<w:sdt><w:sdtContent>" * depth + '<w:p><w:r><w:t>Deep.</w:t></w:r></w:p>' + "</w:sdtContent></w:sdt>" * depth
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>{inner}</w:body></w:document>'
    path.write_bytes(zip_bytes(docx_members(document=doc.encode()), zipfile.ZIP_STORED))  # stored: deflated, it looks like a ZIP bomb
    return path


def huge_text_node_xliff(path: Path, size: int = 12 * MIB) -> Path:
    """An XLIFF file with one target of ``size`` bytes of text (over libxml2's 10 MB text node limit)."""
    text = "The meeting was held. " * (size // 22)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="zh-CN" target-language="en" datatype="plaintext" original="x"><body>'
        f'<trans-unit id="1"><source>会议</source><target>{text}</target></trans-unit></body></file></xliff>\n',
        encoding="utf-8",
    )
    return path


#: Huge cases: file name -> writer ``(path) -> path``.
HUGE: dict[str, Callable[[Path], Path]] = {
    "sparse-200mb.txt": lambda p: sparse(p, 200 * MIB),
    "sparse-200mb.docx": lambda p: sparse(p, 200 * MIB),
    "sparse-200mb.xlf": lambda p: sparse(p, 200 * MIB),
    "sparse-200mb.tmx": lambda p: sparse(p, 200 * MIB),
    "sparse-200mb.csv": lambda p: sparse(p, 200 * MIB),
    "sparse-200mb.xlsx": lambda p: sparse(p, 200 * MIB),
    "sparse-200mb.tbx": lambda p: sparse(p, 200 * MIB),
    "line-10mb.txt": long_line,
    "line-10mb-no-spaces.txt": lambda p: long_line(p, spaces=False),
    "empty-formatted-rows.xlsx": empty_formatted_rows_xlsx,
    "rows-over-limit.xlsx": many_rows_xlsx,
    "concepts-100k.tbx": big_termbase_tbx,
    "concepts-100k.csv": big_termbase_csv,
    "total-bomb.docx": total_bomb_docx,
    "many-members.docx": many_members_docx,
    "deep-nesting.xlf": deep_xliff,
    "deep-nesting.tbx": deep_tbx,
    "deep-nesting.docx": deep_docx,
    "huge-text-node.xlf": huge_text_node_xliff,
}


def write_huge(folder: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Write the :data:`HUGE` cases (or those named) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [HUGE[name](folder / name) for name in (names if names is not None else HUGE)]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--huge"] and len(argv) == 2:
        for path in write_huge(Path(argv[1])):
            print(f"{path} {path.stat().st_size:,} bytes")
        return 0
    if argv:
        print(__doc__)
        return 2
    for path in write_small():
        print(f"{path.relative_to(HERE)} {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
