"""Bad and hostile inputs: the corpus in tests/data/bad/ (see its README.md) and the huge cases
its make_corpus.py writes at test time.

Every bad file is refused with an :class:`InputError` (a :class:`ReviewerError`) whose one-line
message names the file and says why, in bounded time, and is left as it was; the odd but valid
files are read as their README entry says. The CLI turns each refusal into exit status 2 and one
line on stderr. Each file is read from a copy under ``tmp_path/生成 目录/``, so every reader also
meets a path with Chinese characters and a space.
"""

from __future__ import annotations

import importlib.util
import shutil
import time
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
SECONDS = 10.0
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
    """Assert that ``call`` refuses ``path`` for ``reason`` in bounded time, and return the error."""
    before = _fingerprint(path)
    start = time.perf_counter()
    with pytest.raises(ReviewerError) as info:
        call()
    elapsed = time.perf_counter() - start
    exc = info.value
    message = str(exc)
    assert isinstance(exc, InputError), f"{type(exc).__name__}: {message}"
    assert exc.path == path, f"the error names {exc.path}, not {path}"
    assert message.startswith(str(path)) and reason in exc.reason, message
    assert "\n" not in message, f"more than one line: {message!r}"
    assert elapsed < SECONDS, f"{elapsed:.1f} s"
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
    assert lines[0].startswith("reviewer-cli: error: ") and str(path) in lines[0], lines[0]
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
        ("docx-doctype-in-dat-part.docx", "part word/document.dat declares a DTD or entities"),
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
        ("glossary-doctype.xlsx", "part xl/worksheets/sheet1.xml declares a DTD or entities"),
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
    from reviewer.core.termbase import tabular

    # a sheet formatted far down: 1,000,000 such rows took a minute and 1.6 GB in openpyxl
    path = make_corpus.empty_formatted_rows_xlsx(tmp_path / f"{FOLDER}.xlsx", rows=100_000)
    start = time.perf_counter()
    assert _targets(read_document(path)) == ["The meeting was held in Beijing."]
    assert time.perf_counter() - start < SECONDS
    glossary = tmp_path / "glossary.xlsx"
    shutil.copy(path, glossary)
    assert [c.en[0].text for c in load_termbase(glossary).concepts] == ["The meeting was held in Beijing."]  # as a glossary, too
    monkeypatch.setattr(tabular, "MAX_SHEET_ROWS", 1_000)
    many = make_corpus.many_rows_xlsx(tmp_path / "many.xlsx", rows=60_000)
    _refused(lambda: read_document(many), many, "has a sheet with 60,000 rows with content; reviewer reads at most 1,000")
