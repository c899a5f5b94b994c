"""Bad and hostile inputs: the corpus in tests/data/bad/ (see its README.md) and the huge cases
its make_corpus.py writes at test time.

Every bad file is refused with an :class:`InputError` (a :class:`ReviewerError`) whose one-line
message names the file and says why, and is left as it was; the odd but valid
files are read as their README entry says. The CLI turns each refusal into exit status 2 and one
line on stderr. Each file is read from a copy under ``tmp_path/生成 目录/``, so every reader also
meets a path with Chinese characters and a space.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reviewer.cli import main
from reviewer.core.document import Document
from reviewer.core.errors import InputError, ReviewerError
from reviewer.core.project import Project
from reviewer.core.readers import read_document
from reviewer.core.readers.parallel import read_parallel
from reviewer.core.review import Review, make_review
from reviewer.core.review_import import plan_import
from reviewer.core.termbase import Termbase, load_termbase

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
MINI_TBX = Path(__file__).resolve().parents[1] / "data" / "mini.tbx"
#: Generous: a refusal takes milliseconds; speed goals are in benchmarks/bench_bad_inputs.py.
#: a hang guard for a subprocess, not a speed limit (speed is measured in benchmarks/bench_bad_inputs.py)
SECONDS = 120.0
#: The folder every corpus file is copied into: Chinese characters and a space.
FOLDER = "生成 目录"


def _make_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", BAD / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _make_corpus()

# -- helpers --------------------------------------------------------------------------------------


def _targets(doc: Document) -> list[str]:
    return [s.target for s in doc.segments]


def _copy(src: Path, tmp_path: Path) -> Path:
    folder = tmp_path / FOLDER
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(src, folder / src.name))


def _cases(kind: str, table: dict[str, str]) -> list[Any]:
    out = []
    for name, reason in sorted(table.items()):
        marks = [pytest.mark.xfail(reason=KNOWN_BUGS[f"{kind}/{name}"], strict=True)] if f"{kind}/{name}" in KNOWN_BUGS else []
        out.append(pytest.param(name, reason, id=name, marks=marks))
    return out


def _refused(call: Callable[[], object], path: Path, reason: str) -> ReviewerError:
    """Assert that ``call`` refuses ``path`` for ``reason``, and return the error."""
    before = _fingerprint(path)
    with pytest.raises(ReviewerError) as info:
        call()
    exc = info.value
    message = str(exc)
    assert isinstance(exc, InputError), f"{type(exc).__name__}: {message}"
    assert exc.path == path, f"the error names {exc.path}, not {path}"
    assert message.startswith(str(path)) and reason in exc.reason, message
    assert "\n" not in message, f"more than one line: {message!r}"
    if not path.name.endswith(".reviewer"):  # projects: see test_a_refused_project_file_is_left_as_it_was
        assert _fingerprint(path) == before, "the refused file was changed"
    return exc


def _fingerprint(path: Path) -> object:
    """The bytes of a small file; the size and time of a huge one (a 200 MB read would be the test)."""
    if not path.is_file():
        return None
    st = path.stat()
    return path.read_bytes() if st.st_size < 1024 * 1024 else (st.st_size, st.st_mtime_ns)


def _one_error_line(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tifa-reviewer-cli: error: ") and str(path) in lines[0], lines[0]
    assert "Traceback" not in err
    return lines[0]


# -- regressions: damaged ZIP members (reviewer/core/xmlsafe.py) ----------------------------------


@pytest.mark.parametrize(
    "name, reason",
    [
        ("docx-corrupt-deflate.docx", "is corrupt: word/document.xml cannot be read (Error -3 while decompressing data"),
        ("docx-encrypted-member.docx", "is password-protected (word/document.xml is encrypted)"),
        ("docx-deflate64.docx", "packed with a compression method reviewer cannot unpack (word/document.xml, method 9)"),
        ("xlsx-corrupt-deflate.xlsx", "is corrupt: xl/worksheets/sheet1.xml cannot be read"),
        ("docx-doctype-in-dat-part.docx", 'part word/document.dat declares an entity in its DOCTYPE (<!ENTITY e SYSTEM "file:///etc/passwd">)'),
    ],
)
def test_damaged_or_disguised_zip_members_are_input_errors(name: str, reason: str, tmp_path: Path) -> None:
    # zlib.error, RuntimeError and NotImplementedError used to escape check_zip; a part named
    # .dat (but declared XML in [Content_Types].xml) used to skip the guard
    path = _copy(BAD / "document" / name, tmp_path)
    _refused(lambda: read_document(path), path, reason)


def test_a_damaged_member_of_a_review_workbook_is_an_input_error(tmp_path: Path) -> None:
    from reviewer.core.paths import SAMPLE_ARTICLE

    review = make_review([read_document(SAMPLE_ARTICLE)], [load_termbase(MINI_TBX)])
    path = _copy(BAD / "review" / "review-corrupt-deflate.xlsx", tmp_path)
    _refused(lambda: plan_import(review, path, "P1"), path, "is corrupt: xl/worksheets/sheet4.xml cannot be read")


# -- regressions: a main part that is no Word document (reviewer/core/readers/docx.py) -------------


@pytest.mark.parametrize(
    "name, reason",
    [("docx-wrong-root.docx", "its main part is <html>, not a w:document with a body"), ("docx-no-body.docx", "not a w:document with a body")],
)
def test_a_main_part_that_is_no_word_document_is_refused(name: str, reason: str, tmp_path: Path) -> None:
    # python-docx opens such a package; reading its body raised AttributeError
    path = _copy(BAD / "document" / name, tmp_path)
    _refused(lambda: read_document(path), path, reason)


# -- regressions: workbooks (reviewer/core/termbase/tabular.py, readers/table.py) -------------------


@pytest.mark.parametrize(
    "name, reason",
    [
        ("glossary-zip-bomb.xlsx", "member xl/media/padding.xml is compressed 1028:1 (a ZIP bomb?)"),
        ("glossary-doctype.xlsx", "part xl/worksheets/sheet1.xml declares an entity in its DOCTYPE (<!ENTITY lol>)"),
        ("glossary-corrupt-deflate.xlsx", "is corrupt: xl/worksheets/sheet1.xml cannot be read"),
    ],
)
def test_glossary_workbooks_go_through_the_zip_guard(name: str, reason: str, tmp_path: Path) -> None:
    # the glossary importer opened workbooks with openpyxl directly: a ZIP bomb was read,
    # a corrupt member escaped as zlib.error, a DTD was refused with openpyxl's three-line message
    path = _copy(BAD / "termbase" / name, tmp_path)
    _refused(lambda: load_termbase(path), path, reason)


def test_openpyxl_errors_are_one_line(tmp_path: Path) -> None:
    path = _copy(BAD / "document" / "xlsx-bad-cell-ref.xlsx", tmp_path)
    _refused(lambda: read_document(path), path, "not a readable Excel workbook (ValueError: Unable to read workbook")


def test_empty_formatted_rows_cost_nothing_and_rows_past_the_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.core.tables import bounds

    # a sheet formatted far down: 1,000,000 such rows took a minute and 1.6 GB in openpyxl
    path = make_corpus.empty_formatted_rows_xlsx(tmp_path / f"{FOLDER}.xlsx", rows=100_000)
    assert _targets(read_document(path)) == ["The meeting was held in Beijing."]
    glossary = tmp_path / "glossary.xlsx"
    shutil.copy(path, glossary)
    assert [c.en[0].text for c in load_termbase(glossary).concepts] == ["The meeting was held in Beijing."]  # as a glossary, too
    monkeypatch.setattr(bounds, "MAX_SHEET_ROWS", 1_000)
    many = make_corpus.many_rows_xlsx(tmp_path / "many.xlsx", rows=60_000)
    _refused(lambda: read_document(many), many, "has a sheet with 60,000 rows with content; reviewer reads at most 1,000")


# -- what each file must give: a fragment of the reason -----------------------------------------

DTD = "declares an entity in its DOCTYPE (<!ENTITY "
SAFETY = ", which reviewer refuses for safety"
UNSAFE_TBX = "refused unsafe XML: the termbase declares an entity in its DOCTYPE (<!ENTITY "
NOT_WORKBOOK = "not a readable Excel workbook"

DOCUMENTS: dict[str, str] = {
    "csv-chinese-only.csv": "cannot find an English target column",
    "csv-empty.csv": "the file is empty",
    "csv-english-only.csv": "cannot find a Chinese source column",
    "csv-header-only.csv": "no rows with source or target text under the header (row 1)",
    "csv-nul-bytes.csv": "NUL bytes",
    "csv-old-xls.csv": "old Excel 97-2003 (.xls) workbook",
    "csv-one-column.csv": "only one column",
    "csv-quotes-only.csv": "only one column",
    "csv-xlsx-renamed.csv": "saved with a text name; rename it to .xlsx",
    "docx-billion-laughs.docx": "word/document.xml " + DTD,
    "docx-chinese-only.docx": "Chinese text only",
    "docx-corrupt-deflate.docx": "is corrupt: word/document.xml cannot be read",
    "docx-deflate64.docx": "compression method reviewer cannot unpack",
    "docx-doctype-entity.docx": "word/document.xml " + DTD,
    "docx-doctype-in-dat-part.docx": "word/document.dat " + DTD,
    "docx-empty.docx": "not a valid Word document",
    "docx-encrypted-member.docx": "password-protected",
    "docx-no-body.docx": "not a w:document with a body",
    "docx-no-main-part.docx": "not a Word document reviewer can open",
    "docx-no-text.docx": "has no text in its body or tables",
    "docx-odt-renamed.docx": "OpenDocument file",
    "docx-old-doc.docx": "old binary Word (.doc) file",
    "docx-path-traversal.docx": "a ZIP archive, not a Word document",
    "docx-plain-zip.docx": "a ZIP archive, not a Word document",
    "docx-rel-to-missing-part.docx": "not a Word document reviewer can open",
    "docx-size-lie.docx": "unpacks to more than 512 MiB",
    "docx-text-renamed.docx": "not a valid Word document",
    "docx-truncated-xml.docx": "word/document.xml is truncated XML (line 2",
    "docx-truncated-zip.docx": "not a valid Word document",
    "docx-wrong-root.docx": "its main part is <html>",
    "docx-xlsx-renamed.docx": "an Excel workbook, not a Word document",
    "docx-zip-bomb.docx": "(a ZIP bomb?)",
    "mqxliff-json-renamed.mqxliff": "malformed XML (line 1, column 1)",
    "no-suffix": "unsupported file type '(none)'",
    "sdlxliff-random-bytes.sdlxliff": "malformed XML",
    "tmx-bad-attribute.tmx": "duplicate attribute",
    "tmx-empty.tmx": "truncated XML (line 1, column 1)",
    "tmx-external-entity.tmx": DTD + 'hosts SYSTEM "file:///etc/hosts">)' + SAFETY,
    "tmx-no-body.tmx": "no units with an English variant",
    "tmx-no-english.tmx": "no units with an English variant",
    "tmx-quadratic-blowup.tmx": DTD + "a>)" + SAFETY,
    "tmx-truncated.tmx": "truncated XML (line 8",
    "tmx-undefined-entity.tmx": "undefined entity",
    "tmx-wrong-root.tmx": "its root element is <xliff>, not <tmx>",
    "tmx-zip-renamed.tmx": "malformed XML",
    "tsv-bad-utf16-after-bom.tsv": "utf-16 byte-order mark but is not valid utf-16",
    "tsv-tabs-only.tsv": "the file is empty",
    "txt-bad-utf16-after-bom.txt": "utf-16 byte-order mark but is not valid utf-16",
    "txt-bad-utf8-after-bom.txt": "utf-8-sig byte-order mark but is not valid utf-8-sig",
    "txt-chinese-only.txt": "Chinese text only",
    "txt-empty.txt": "no article text",
    "txt-header-only.txt": "no article text after its header",
    "txt-html-renamed.txt": "this is HTML",
    "txt-nul-bytes.txt": "NUL bytes",
    "txt-odd-length-utf16-bom.txt": "utf-16 byte-order mark but is not valid utf-16 (truncated data",
    "txt-old-doc.txt": "old Office file",
    "txt-pdf-renamed.txt": "PDF file",
    "txt-random-bytes.txt": "NUL bytes",
    "txt-rtf-renamed.txt": "RTF file",
    "txt-tbx-renamed.txt": "a termbase (TBX)",
    "txt-whitespace-only.txt": "no article text",
    "txt-xliff-renamed.txt": "an XLIFF file, not a plain-text article",
    "txt-zip-renamed.txt": "a ZIP container",
    "unknown-suffix.pdf": "unsupported file type '.pdf'",
    "xlf-billion-laughs.xlf": DTD + "lol>)" + SAFETY,
    "xlf-declared-gbk-invalid.xlf": "not valid gbk",
    "xlf-empty-units.xlf": "no segments with text",
    "xlf-empty.xlf": "truncated XML (line 1, column 1)",
    "xlf-external-entity.xlf": DTD + 'secret SYSTEM "file:///etc/passwd">)' + SAFETY,
    "xlf-html-renamed.xlf": "mismatched tag",
    "xlf-mismatched-tags.xlf": "malformed XML (line 7",
    "xlf-no-units.xlf": "no segments with text",
    "xlf-nul-byte.xlf": "malformed XML (line 2",
    "xlf-parameter-entity.xlf": DTD + 'remote SYSTEM "http://127.0.0.1:9/evil.dtd">)' + SAFETY,
    "xlf-quadratic-blowup.xlf": DTD + "a>)" + SAFETY,
    "xlf-text-renamed.xlf": "malformed XML (line 1, column 1)",
    "xlf-truncated.xlf": "truncated XML (line 8",
    "xlf-two-roots.xlf": "junk after document element",
    "xlf-unclosed-cdata.xlf": "unclosed CDATA section",
    "xlf-unknown-encoding.xlf": "declares the encoding 'x-klingon-8'",
    "xlf-utf16-declared-utf8.xlf": "encoding specified in XML declaration is incorrect",
    "xlf-wrong-root.xlf": "its root element is <tmx>, not <xliff>",
    "xlsx-bad-cell-ref.xlsx": NOT_WORKBOOK,
    "xlsx-bad-shared-string.xlsx": NOT_WORKBOOK,
    "xlsx-binary-garbage.xlsx": "neither a ZIP container nor text",
    "xlsx-corrupt-deflate.xlsx": "is corrupt: xl/worksheets/sheet1.xml cannot be read",
    "xlsx-csv-renamed.xlsx": "a CSV or TSV saved with an .xlsx name",
    "xlsx-doctype.xlsx": "xl/worksheets/sheet1.xml " + DTD,
    "xlsx-docx-renamed.xlsx": NOT_WORKBOOK,
    "xlsx-empty.xlsx": "the file is empty",
    "xlsx-header-only.xlsx": "no rows with source or target text under the header (row 1)",
    "xlsx-no-sheets.xlsx": "the workbook is empty",
    "xlsx-no-workbook-part.xlsx": NOT_WORKBOOK,
    "xlsx-old-xls.xlsx": "old Excel 97-2003 (.xls) workbook",
    "xlsx-one-column.xlsx": "only one column",
    "xlsx-review-workbook.xlsx": "a review workbook exported by reviewer",
    "xlsx-truncated-zip.xlsx": "not a valid Excel workbook",
    "xlsx-zip-bomb.xlsx": "(a ZIP bomb?)",
}

TERMBASES: dict[str, str] = {
    "glossary-bad-utf8-after-bom.csv": "utf-8-sig byte-order mark but is not valid",
    "glossary-chinese-in-english-column.csv": "the English column holds Chinese",
    "glossary-chinese-only.csv": "cannot find a Chinese and an English column",
    "glossary-corrupt-deflate.xlsx": "is corrupt: xl/worksheets/sheet1.xml cannot be read",
    "glossary-doctype.xlsx": "xl/worksheets/sheet1.xml " + DTD,
    "glossary-docx-renamed.xlsx": NOT_WORKBOOK,
    "glossary-empty.csv": "the glossary is empty",
    "glossary-empty.xlsx": NOT_WORKBOOK,
    "glossary-half-rows.csv": "no term imported (2 rows read",
    "glossary-header-only.csv": "no term imported (0 rows read",
    "glossary-header-only.xlsx": "no term imported (0 rows read",
    "glossary-no-sheets.xlsx": "the glossary is empty",
    "glossary-no-suffix": "unsupported termbase type '(none)'",
    "glossary-nul-bytes.tsv": "NUL bytes",
    "glossary-old-xls.xlsx": NOT_WORKBOOK,
    "glossary-one-column.csv": "cannot find a Chinese and an English column",
    "glossary-random-bytes.csv": "NUL bytes",
    "glossary-text-renamed.xlsx": NOT_WORKBOOK,
    "glossary-unsupported.docx": "unsupported termbase type '.docx'",
    "glossary-zip-bomb.xlsx": "(a ZIP bomb?)",
    "tbx-billion-laughs.tbx": UNSAFE_TBX,
    "tbx-declared-gbk.tbx": "save it as UTF-8",
    "tbx-empty-terms.tbx": "no concept with an English term",
    "tbx-empty.tbx": "not well-formed XML (no element found",
    "tbx-external-entity.tbx": UNSAFE_TBX + 'passwd SYSTEM "file:///etc/passwd">)',
    "tbx-no-concepts.tbx": "no concept with an English term",
    "tbx-no-english.tbx": "no concept with an English term",
    "tbx-nul-byte.tbx": "not well-formed XML",
    "tbx-random-bytes.tbx": "not well-formed XML",
    "tbx-truncated.tbx": "not well-formed XML (no element found: line 7",
    "tbx-unknown-encoding.tbx": "unknown encoding: x-klingon-8",
    "tbx-wrong-root.tbx": "root element is <tmx>",
    "xml-html.xml": "not a TBX file (root element is <html>",  # its bare <!DOCTYPE html> passes the guard
}

REVIEWS: dict[str, str] = {
    "review-bilingual-table.xlsx": "not a review workbook exported by reviewer",
    "review-corrupt-deflate.xlsx": "is corrupt: xl/worksheets/sheet4.xml cannot be read",
    "review-doctype.xlsx": "xl/worksheets/sheet4.xml " + DTD,
    "review-empty.xlsx": "not a readable Excel workbook: the file is empty",
    "review-hidden-columns-deleted.xlsx": "hidden sheet is damaged",
    "review-hidden-sheet-damaged.xlsx": "hidden sheet is damaged or from another version",
    "review-hidden-sheet-empty.xlsx": "hidden sheet is damaged or from another version",
    "review-hidden-sheet-one-cell.xlsx": "hidden sheet is damaged or from another version",
    "review-text-renamed.xlsx": "not a readable Excel workbook: the file is a text file",
    "review-zip-bomb.xlsx": "(a ZIP bomb?)",
}

PROJECTS: dict[str, str] = {
    "project-bad-schema-version.reviewer": "not a reviewer project",
    "project-empty.reviewer": "not a reviewer project",
    "project-newer-schema.reviewer": "written by a newer reviewer (schema 99",
    "project-other-database.reviewer": "not a reviewer project",
    "project-random.reviewer": "not a reviewer project (not an SQLite file)",
    "project-text.reviewer": "not a reviewer project (not an SQLite file)",
    "project-zip.reviewer": "not a reviewer project (not an SQLite file)",
    "project-truncated.reviewer": "the project is damaged (database disk image is malformed)",
    "project-corrupt-page.reviewer": "database disk image is malformed",
    "project-malformed-schema.reviewer": "the project is damaged (malformed database schema",
    "project-bad-segment-json.reviewer": "the project is damaged",
    "project-fuzzed-non-utf8-message.reviewer": "the project is damaged",
}

#: ``mt-*`` files are read as the MT of ok-source-zh.txt, ``src-*`` as the source of ok-mt-en.txt.
PARALLEL: dict[str, str] = {
    "mt-chinese.txt": "the MT file has no English text",
    "mt-empty.txt": "the MT file has no text",
    "mt-header-only.txt": "the MT file has no text after its header",
    "mt-nul-bytes.txt": "NUL bytes",
    "mt-truncated.docx": "not a valid Word document",
    "mt-unsupported.xlf": "unsupported file type '.xlf' for an aligned source and MT",
    "src-empty.txt": "the source file has no text",
    "src-english.txt": "the source file has no Chinese text",
    "src-pdf-renamed.txt": "the source file has no Chinese text",
    "src-random-bytes.txt": "NUL bytes",
    "src-unsupported.csv": "unsupported file type '.csv' for an aligned source and MT",
}
PARTNERS = ("ok-mt-en.txt", "ok-source-zh.txt", "pair-fifty-paragraphs-mt.txt", "pair-one-sentence-src.txt")

#: Bugs the corpus found outside the modules this work may change: strict xfails, so that
#: the fix turns them into failures to remove from here.
KNOWN_BUGS: dict[str, str] = {}


def _odd_checks() -> dict[str, Callable[[Any], None]]:
    def segments(n: int, encoding: str = "", first: str = "") -> Callable[[Any], None]:
        def check(doc: Document) -> None:
            assert len(doc.segments) == n, _targets(doc)
            if encoding:
                assert doc.encoding == encoding
            if first:
                assert doc.segments[0].target == first

        return check

    def long_paragraph(doc: Document) -> None:
        assert len(doc.segments) == 3 and all(len(s.target) <= 4000 for s in doc.segments)
        assert "".join(_targets(doc)).replace(" ", "") == (BAD / "odd" / "txt-long-paragraph.txt").read_text().replace(" ", "").strip()

    def no_file_read(doc: Document) -> None:
        assert _targets(doc) == ["The meeting was held in Beijing."]
        assert not any("root:" in s.target for s in doc.segments)
        assert doc.segments[0].codes[0].xml.startswith("<xi:include")  # kept as an inline code, never resolved

    def formulas_as_text(doc: Document) -> None:
        assert _targets(doc)[0].startswith("=HYPERLINK(") and _targets(doc)[1].startswith("+cmd|") and _targets(doc)[2].startswith("@SUM")

    def unclosed_quote(doc: Document) -> None:
        assert len(doc.segments) == 2 and "never closes" in " ".join(doc.warnings)
        assert doc.segments[1].target.startswith("Enterprises above designated size grew.\n两个确立")

    def three_variants(doc: Document) -> None:
        assert _targets(doc) == ["The meeting was held in Beijing."] and doc.segments[0].source == "会议在北京举行。"
        assert "3 language variants" in doc.warnings[0]

    def control_chars(doc: Document) -> None:
        assert doc.segments[0].target == "The \x1b[31mmeeting\x1b[0m was held\x07 in Bei\u200bjing."

    def concepts(n: int) -> Callable[[Any], None]:
        def check(tb: Termbase) -> None:
            assert len(tb.concepts) == n and all(c.en for c in tb.concepts)

        return check

    return {
        "csv-formula-cells.csv": formulas_as_text,
        "csv-unclosed-quote.csv": unclosed_quote,
        "csv-utf16-semicolon.csv": segments(2, "utf-16", "The meeting was held in Beijing."),
        "glossary-xlsx-renamed.csv": concepts(2),
        "tbx-mixed-case-languages.tbx": concepts(2),
        "tmx-three-variants.tmx": three_variants,
        # a DOCTYPE naming only an external DTD, as Okapi, OmegaT, MultiTerm and old XLIFF tools
        # write it: read, and the DTD never loaded (its path does not exist, its URL is unreachable)
        "tmx-external-dtd.tmx": segments(1, "utf-8", "The meeting."),
        "xlf-external-dtd.xlf": segments(1, "utf-8", "The meeting."),
        "tbx-external-dtd.tbx": concepts(1),
        "txt-bom-crlf.txt": segments(2, "utf-8-sig", "The meeting was held in Beijing."),
        "txt-control-chars.txt": control_chars,
        "txt-gbk.txt": segments(2, "gb18030", "The meeting stressed the “Two Establishes”（两个确立）."),
        "txt-headline-colon.txt": segments(3, "utf-8", "Xi Jinping: Promote high-quality development"),
        "txt-long-paragraph.txt": long_paragraph,
        "txt-old-mac-cr.txt": segments(3, "utf-8", "The meeting was held in Beijing."),
        "txt-utf16le-no-bom.txt": segments(2, "utf-16-le", "The meeting was held in Beijing."),
        "xlf-comments-pis-cdata.xlf": segments(1, "", "The meeting <was> held in Beijing."),
        "xlf-gbk-declared.xlf": segments(1, "", "The meeting was held in Beijing."),
        "xlf-xinclude.xlf": no_file_read,
    }


ODD = _odd_checks()


def _is_termbase(name: str) -> bool:
    return name.endswith(".tbx") or name.startswith("glossary-")


# -- the corpus is complete and described --------------------------------------------------------


def test_every_corpus_file_has_an_expectation_and_a_readme_entry() -> None:
    files = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*") if p.is_file() and p.name not in ("README.md", "make_corpus.py")}
    files = {f for f in files if "__pycache__" not in f}
    expected = (
        {f"document/{n}" for n in DOCUMENTS}
        | {f"termbase/{n}" for n in TERMBASES}
        | {f"review/{n}" for n in REVIEWS}
        | {f"project/{n}" for n in PROJECTS}
        | {f"parallel/{n}" for n in [*PARALLEL, *PARTNERS]}
        | {f"odd/{n}" for n in ODD}
    )
    assert files - expected == set(), "corpus files with no expectation here"
    assert expected - files == set(), "expectations with no corpus file"
    assert len(files) >= 60
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    missing = sorted(f for f in files if f"`{Path(f).name}`" not in readme)
    assert missing == [], "files not listed in tests/data/bad/README.md"
    for name in make_corpus.HUGE:
        assert f"`{name}`" in readme


def test_the_generated_files_are_those_make_corpus_writes(tmp_path: Path) -> None:
    for path in make_corpus.write_small(tmp_path):
        rel = path.relative_to(tmp_path)
        committed = BAD / rel
        assert committed.is_file(), f"{rel} is made by make_corpus.py but not committed"
        assert committed.stat().st_size < 200 * 1024
        data = committed.read_bytes()
        if data.startswith((b"PK", b"SQLite format 3")):
            continue  # deflate and SQLite write version-dependent bytes; the tests below read them
        assert data == path.read_bytes(), f"{rel} differs from what make_corpus.py writes: run it again"


# -- the readers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name, reason", _cases("document", DOCUMENTS))
def test_bad_documents_are_refused(name: str, reason: str, tmp_path: Path) -> None:
    path = _copy(BAD / "document" / name, tmp_path)
    _refused(lambda: read_document(path), path, reason)


@pytest.mark.parametrize("name, reason", _cases("termbase", TERMBASES))
def test_bad_termbases_are_refused(name: str, reason: str, tmp_path: Path) -> None:
    path = _copy(BAD / "termbase" / name, tmp_path)
    _refused(lambda: load_termbase(path), path, reason)


@pytest.mark.parametrize("name, reason", _cases("parallel", PARALLEL))
def test_bad_parallel_files_are_refused(name: str, reason: str, tmp_path: Path) -> None:
    path = _copy(BAD / "parallel" / name, tmp_path)
    if name.startswith("mt-"):
        source = _copy(BAD / "parallel" / "ok-source-zh.txt", tmp_path)
        _refused(lambda: read_parallel(path, source), path, reason)
    else:
        mt = _copy(BAD / "parallel" / "ok-mt-en.txt", tmp_path)
        _refused(lambda: read_parallel(mt, path), path, reason)


def test_the_parallel_partners_are_good(tmp_path: Path) -> None:
    doc = read_parallel(_copy(BAD / "parallel" / "ok-mt-en.txt", tmp_path), _copy(BAD / "parallel" / "ok-source-zh.txt", tmp_path))
    assert [s.source is not None for s in doc.segments] == [True, True, True]


_ALIGN = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (256 * 1024 * 1024, resource.RLIM_INFINITY))
from reviewer.core.readers.parallel import read_parallel
doc = read_parallel(Path(sys.argv[1]), Path(sys.argv[2]))
print(len(doc.segments))
"""


def test_a_one_sentence_source_for_a_fifty_paragraph_mt_is_aligned_in_bounded_time_and_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    mt = _copy(BAD / "parallel" / "pair-fifty-paragraphs-mt.txt", tmp_path)
    src = _copy(BAD / "parallel" / "pair-one-sentence-src.txt", tmp_path)
    try:  # in a child process with 256 MiB of address space, so the loop cannot take the machine's memory
        run = subprocess.run([sys.executable, "-c", _ALIGN, str(mt), str(src)], capture_output=True, text=True, timeout=SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"no result in {SECONDS:.0f} s")
    assert run.returncode == 0, run.stderr.strip().splitlines()[-1:]
    assert int(run.stdout) == 50


def test_the_mt_file_given_as_its_own_source_is_refused(tmp_path: Path) -> None:
    path = _copy(BAD / "parallel" / "ok-mt-en.txt", tmp_path)
    _refused(lambda: read_parallel(path, path), path, "the source file is the MT file itself")


@pytest.fixture(scope="module")
def review() -> Review:
    from reviewer.core.paths import SAMPLE_ARTICLE

    r = make_review([read_document(SAMPLE_ARTICLE)], [load_termbase(MINI_TBX)])
    r.run_checks()
    return r


@pytest.mark.parametrize("name, reason", _cases("review", REVIEWS))
def test_bad_review_workbooks_are_refused(name: str, reason: str, tmp_path: Path, review: Review) -> None:
    path = _copy(BAD / "review" / name, tmp_path)
    _refused(lambda: plan_import(review, path, "P1"), path, reason)


def _open_project(path: Path) -> None:
    """Open a project and read its documents, as the CLI and the window do."""
    project = Project.open(path)
    try:
        project.documents()
    finally:
        project.close()


@pytest.mark.parametrize("name, reason", _cases("project", PROJECTS))
def test_bad_projects_are_refused(name: str, reason: str, tmp_path: Path) -> None:
    path = _copy(BAD / "project" / name, tmp_path)
    _refused(lambda: _open_project(path), path, reason)


@pytest.mark.parametrize(
    "name",
    [
        n for n in sorted(PROJECTS)
    ],
)
def test_a_refused_project_file_is_left_as_it_was(name: str, tmp_path: Path) -> None:
    path = _copy(BAD / "project" / name, tmp_path)
    before = path.read_bytes()
    with pytest.raises(Exception):  # noqa: B017 - whether the refusal is right is tested above
        _open_project(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_but_valid_files_are_read_as_documented(name: str, tmp_path: Path) -> None:
    path = _copy(BAD / "odd" / name, tmp_path)
    result: Any = load_termbase(path) if _is_termbase(name) else read_document(path)
    ODD[name](result)


# -- special files, made here ----------------------------------------------------------------------


def test_a_folder_a_missing_file_a_fifo_and_a_device_are_refused(tmp_path: Path) -> None:
    import os

    folder = tmp_path / FOLDER / "article.txt"
    folder.mkdir(parents=True)
    _refused(lambda: read_document(folder), folder, "this is a folder")
    missing = tmp_path / FOLDER / "gone.xlf"
    _refused(lambda: read_document(missing), missing, "no such file")
    _refused(lambda: load_termbase(missing.with_suffix(".tbx")), missing.with_suffix(".tbx"), "no such file")
    if hasattr(os, "mkfifo"):  # a reader that opened it would wait for a writer for ever
        for suffix in (".txt", ".xlf", ".tmx", ".docx", ".csv", ".xlsx"):
            fifo = tmp_path / FOLDER / f"pipe{suffix}"
            os.mkfifo(fifo)
            _refused(lambda: read_document(fifo), fifo, "not a regular file")
        fifo = tmp_path / FOLDER / "pipe.tbx"
        os.mkfifo(fifo)
        _refused(lambda: load_termbase(fifo), fifo, "not a regular file")
    if Path("/dev/zero").exists():
        zero = tmp_path / FOLDER / "zero.txt"
        zero.symlink_to("/dev/zero")
        _refused(lambda: read_document(zero), zero, "not a regular file")


# -- the huge cases, made at test time ---------------------------------------------------------------

#: Huge case -> reason of its refusal, or ``None`` for a successful read (checked below).
HUGE: dict[str, str | None] = {
    "sparse-200mb.txt": "the file is 200 MiB; the limit is 64 MiB",
    "sparse-200mb.docx": "the Word document is 200 MiB; the limit is 64 MiB",
    "sparse-200mb.xlf": "the XLIFF file is 200 MiB; the limit is 128 MiB",
    "sparse-200mb.tmx": "the TMX file is 200 MiB; the limit is 128 MiB",
    "sparse-200mb.csv": "the spreadsheet is 200 MiB; the limit is 64 MiB",
    "sparse-200mb.xlsx": "the workbook is 200 MiB; the limit is 64 MiB",
    "sparse-200mb.tbx": "the termbase is 200 MiB; the limit is 100 MiB",
    "line-10mb.txt": None,
    "line-10mb-no-spaces.txt": None,
    "empty-formatted-rows.xlsx": None,
    "rows-over-limit.xlsx": "a sheet with 250,000 rows with content; reviewer reads at most 200,000",
    "concepts-100k.tbx": None,
    "concepts-100k.csv": None,
    "total-bomb.docx": "unpacks to more than 512 MiB",
    "many-members.docx": None,
    "deep-nesting.xlf": "beyond the limits of a safe parse",
    "deep-nesting.tbx": None,
    "deep-nesting.docx": "Excessive depth in document: 256",
    "huge-text-node.xlf": "beyond the limits of a safe parse",
}


def _check_huge_success(name: str, result: Any) -> None:
    if name.startswith("line-10mb"):
        assert len(result.segments) > 2500 and max(len(s.target) for s in result.segments) <= 4000
    elif name == "empty-formatted-rows.xlsx":
        assert _targets(result) == ["The meeting was held in Beijing."]
    elif name.startswith("concepts-100k"):
        assert len(result.concepts) == 100_000
    elif name == "many-members.docx":
        assert _targets(result) == ["The meeting was held in Beijing."]
    elif name == "deep-nesting.tbx":
        assert [t.text for t in result.concepts[0].en] == ["Two Establishes"]
    else:
        raise AssertionError(f"no check for {name}")


def test_the_huge_cases_are_all_here() -> None:
    assert set(HUGE) == set(make_corpus.HUGE)


@pytest.mark.parametrize("name", sorted(HUGE))
def test_huge_inputs_are_refused_or_read_in_bounded_time(name: str, tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    path = make_corpus.write_huge(folder, [name])[0]
    reason = HUGE[name]
    call = (lambda: load_termbase(path)) if _is_termbase(name) or name.startswith("concepts") else (lambda: read_document(path))
    if reason is not None:
        _refused(call, path, reason)
        return
    result = call()
    _check_huge_success(name, result)


# -- the command line ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_cli_check_gives_status_2_and_one_line_for_a_bad_document(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _copy(BAD / "document" / name, tmp_path)
    assert main(["check", str(path)]) == 2
    line = _one_error_line(capsys, path)
    assert DOCUMENTS[name] in line


@pytest.mark.parametrize("name", sorted(TERMBASES))
def test_cli_check_gives_status_2_and_one_line_for_a_bad_glossary(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.core.paths import SAMPLE_ARTICLE

    path = _copy(BAD / "termbase" / name, tmp_path)
    assert main(["check", str(SAMPLE_ARTICLE), "--glossary", str(path)]) == 2
    assert TERMBASES[name] in _one_error_line(capsys, path)


@pytest.mark.parametrize("name", sorted(PARALLEL))
def test_cli_check_gives_status_2_and_one_line_for_a_bad_parallel_pair(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _copy(BAD / "parallel" / name, tmp_path)
    if name.startswith("mt-"):
        argv = ["check", str(path), "--source", str(_copy(BAD / "parallel" / "ok-source-zh.txt", tmp_path))]
    else:
        argv = ["check", str(_copy(BAD / "parallel" / "ok-mt-en.txt", tmp_path)), "--source", str(path)]
    assert main(argv) == 2
    assert PARALLEL[name] in _one_error_line(capsys, path)


@pytest.mark.parametrize("name, reason", _cases("project", PROJECTS))
def test_cli_export_review_gives_status_2_and_one_line_for_a_bad_project(name: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _copy(BAD / "project" / name, tmp_path)
    assert main(["export-review", str(path), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert reason in _one_error_line(capsys, path)
    assert not (tmp_path / "out.xlsx").exists()


@pytest.fixture
def good_project(tmp_path: Path) -> Path:
    from reviewer.core.paths import SAMPLE_ARTICLE

    path = tmp_path / "good.reviewer"
    Project.create(path, [read_document(SAMPLE_ARTICLE)], [MINI_TBX]).close()
    return path


@pytest.mark.parametrize("name, reason", _cases("review", REVIEWS))
def test_cli_import_review_gives_status_2_and_one_line_for_a_bad_workbook(
    name: str, reason: str, tmp_path: Path, good_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(BAD / "review" / name, tmp_path)
    before = good_project.read_bytes()
    assert main(["import-review", str(path), "--project", str(good_project)]) == 2
    assert reason in _one_error_line(capsys, path)
    assert good_project.read_bytes() == before
