"""Bilingual spreadsheets (CSV, TSV, XLSX): a Chinese source column and an English MT column.

One row is one segment: rows are never split into sentences, because the row is the
unit a CAT tool or a client exported and the unit the corrections go back into.

Reading (:func:`read`, with :func:`guess_mapping` for a mapping dialog):

* CSV and TSV: the encoding is detected as for every text file
  (:func:`reviewer.core.encoding.decode_bytes`: a BOM, UTF-8, UTF-16, GB18030/GBK) and the
  delimiter (comma, tab, semicolon, vertical bar) is the one that splits the first
  records into the same number of cells most consistently. Quoted cells may hold
  delimiters, quotes and line breaks; cells keep their text exactly as written (line
  breaks inside a cell become ``\\n``).
* XLSX: :func:`reviewer.core.xmlsafe.check_zip` vets the ZIP before openpyxl sees it;
  formulas count with their cached value, a merged cell gives its value to every cell
  it covers, numbers and dates read as Excel shows them (``1``, not ``1.0``; ``2024-01-05``,
  not a ``datetime``; a percentage with its ``%``). The first sheet (visible sheets first)
  whose columns can be recognised is used unless the mapping names one. A review
  workbook exported by reviewer (sheets ``Summary`` and ``Findings``) is refused.
* Columns are found by the names in a header row among the first 20 rows (English,
  Chinese or language codes: ``source``/``target``, ``MT``, ``translation``, ``原文``/``译文``,
  ``中文``/``英文``, ``zh-CN``/``en-US`` ..., case-insensitive; :func:`header_role`), and
  failing that by content: the column mostly in Hanzi is the source, the first
  well-filled column mostly in Latin letters the target.

Each segment's ``unit`` is the row number as a spreadsheet shows it (1-based, a
quoted multi-line CSV cell still one row), ``source`` the Chinese cell (``None`` when
empty), ``target`` the English cell (``""`` when empty; the row is kept with a
warning). ``Segment.id`` counts ``"1"``, ``"2"``, ... in order. The other mapped
columns go into ``Segment.notes``, in this order: the id column as ``"id: <value>"``
(:data:`ID_NOTE`), the note column's text as it is, the reference column as
``"reference: <value>"`` (:data:`REFERENCE_NOTE`). Rows with neither source nor target
text are skipped. The mapping is kept in :attr:`Document.metadata` (keys of
:meth:`TableMapping.to_metadata`) for the writer, :mod:`reviewer.core.writers.table`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.core.document import REFERENCE_PREFIX, Document, Segment
from reviewer.core.encoding import decode_bytes
from reviewer.core.errors import InputError
from reviewer.core.fileio import read_regular_file
from reviewer.core.termbase.tabular import (
    MAX_TABLE_BYTES,
    Table,
    _note_uncalculated_formulas,
    column_letter,
    header_field,
    lean_workbook,
    one_line,
)
from reviewer.core.xmlsafe import check_zip

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["ID_NOTE", "REFERENCE_NOTE", "TableMapping", "guess_mapping", "header_role", "read"]

#: Prefix of the note that holds the file's own id of a row.
ID_NOTE = "id: "
#: Prefix of the note that holds the row's reference translation.
REFERENCE_NOTE = REFERENCE_PREFIX
#: Rows returned by :func:`guess_mapping` for a preview.
PREVIEW_ROWS = 20
#: Rows searched for a header.
HEADER_SEARCH_ROWS = 20
#: Rows looked at to recognise columns by their script.
CONTENT_ROWS = 200

ROLES = ("source", "target", "id", "note", "reference")

DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon", "|": "vertical bar"}

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")

#: Header cell (normalised) -> role. Language codes and the termbase import's names for
#: Chinese and English columns (:func:`reviewer.core.termbase.tabular.header_field`) count too.
HEADER_ALIASES: dict[str, str] = {}
for _role, _names in {
    "source": "source|src|source text|source segment|source sentence|source language|original|original text|"
    "chinese|chinese source|chinese text|simplified chinese|zh|cn|chn|zho|chi|中文|原文|源文|源语|源文本|源语言|"
    "中文原文|简体中文|汉语|汉语原文|中文句子",
    "target": "target|tgt|target text|target segment|target sentence|target language|mt|mt output|"
    "machine translation|translation|translated|translated text|english|english mt|english translation|en|eng|"
    "英文|英语|译文|英文译文|机器翻译|机翻|机翻译文|翻译|英文翻译|目标|目标语|目标语言",
    "id": "id|no|no.|#|num|number|row id|segment id|seg id|sentence id|key|序号|编号|段落号|句子编号",
    "note": "note|notes|comment|comments|remark|remarks|context|备注|说明|注释|批注|评论",
    "reference": "reference|ref|reference translation|human translation|post-edit|post-edited|post edit|pe|gold|"
    "参考|参考译文|参考翻译|人工翻译|人工译文|译后编辑",
}.items():
    for _name in _names.split("|"):
        HEADER_ALIASES[_name] = _role

#: For compound headers ("English (MT)", "Source ID", "中文原文"): words and Chinese
#: fragments that mark a role, checked in this order.
_ROLE_MARKERS: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("reference", frozenset("reference ref human post-edit post-edited pe gold".split()), ("参考", "人工", "译后")),
    ("note", frozenset("note notes comment comments remark remarks".split()), ("备注", "注释", "批注", "说明")),
    ("id", frozenset({"id"}), ("编号", "序号")),
    ("target", frozenset("mt machine translation translated target tgt english en output".split()), ("译文", "机翻", "机器", "翻译", "英文", "英语")),
    ("source", frozenset("source src chinese zh cn original".split()), ("原文", "中文", "汉语", "源")),
)
_MT_WORDS = frozenset({"mt", "machine"})
_FIXED_FORMAT_RE = re.compile(r"(#,##)?0(?:\.(0+))?")
_LANG_CODE_RE = re.compile(r"(zh|en)(?:[-_][A-Za-z0-9]{2,8})*", re.IGNORECASE)


@dataclass(slots=True)
class TableMapping:
    """Where a bilingual table keeps what.

    Columns are 0-based indices (column A is 0); rows are numbered 1-based as a
    spreadsheet shows them.

    Attributes:
        source: the column of the Chinese source, or ``None`` when not found.
        target: the column of the English MT, or ``None`` when not found.
        header_row: the row number of the header, or ``None`` when the table has none.
            Rows up to and including it are never segments.
        sheet: the worksheet (XLSX), ``""`` for CSV/TSV.
        id: the column of the file's own row ids, if any.
        note: a column of notes or comments, if any.
        reference: a column of reference (human) translations, if any.
        encoding: the encoding of a CSV/TSV file (a Python codec name), ``""`` for XLSX.
        delimiter: the delimiter of a CSV/TSV file, ``""`` for XLSX.
        sheets: every sheet of the workbook, for a mapping dialog.
    """

    source: int | None = None
    target: int | None = None
    header_row: int | None = None
    sheet: str = ""
    id: int | None = None
    note: int | None = None
    reference: int | None = None
    encoding: str = ""
    delimiter: str = ""
    sheets: tuple[str, ...] = ()

    def columns(self) -> dict[str, int]:
        """Role -> column of every mapped column, in :data:`ROLES` order."""
        out: dict[str, int] = {}
        for role in ROLES:
            col = getattr(self, role)
            if col is not None:
                out[role] = col
        return out

    def describe(self, header: list[str] | None = None) -> str:
        """``source = column B (原文); target = column C (MT)``, for previews and metadata."""
        parts = []
        for role, col in self.columns().items():
            name = header[col].strip() if header is not None and col < len(header) else ""
            parts.append(f"{role} = column {column_letter(col)}" + (f" ({name})" if name else ""))
        return "; ".join(parts)

    def to_metadata(self) -> dict[str, str]:
        """The mapping as :attr:`Document.metadata` entries (read back by :meth:`from_metadata`)."""
        meta: dict[str, str] = {}
        if self.sheet:
            meta["sheet"] = self.sheet
        if self.header_row is not None:
            meta["header row"] = str(self.header_row)
        for role, col in self.columns().items():
            meta[f"{role} column"] = column_letter(col)
        if self.delimiter:
            meta["delimiter"] = DELIMITER_NAMES.get(self.delimiter, self.delimiter)
        if self.encoding:
            meta["encoding"] = self.encoding
        return meta

    @classmethod
    def from_metadata(cls, meta: dict[str, str]) -> TableMapping:
        """The mapping :meth:`to_metadata` stored."""
        names = {v: k for k, v in DELIMITER_NAMES.items()}
        header = meta.get("header row", "")
        mapping = cls(
            header_row=int(header) if header.isdigit() else None,
            sheet=meta.get("sheet", ""),
            encoding=meta.get("encoding", ""),
            delimiter=names.get(meta.get("delimiter", ""), meta.get("delimiter", "")),
        )
        for role in ROLES:
            letters = meta.get(f"{role} column", "")
            if letters:
                setattr(mapping, role, column_index(letters))
        return mapping


def column_index(letters: str) -> int:
    """``"A"`` -> 0, ``"AB"`` -> 27.

    Raises:
        ValueError: not column letters.
    """
    letters = letters.strip().upper()
    if not letters.isalpha() or not letters.isascii():
        raise ValueError(f"bad column '{letters}'")
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


# -- header names ---------------------------------------------------------------------


def _normalise(cell: str) -> str:
    text = unicodedata.normalize("NFKC", cell).strip().lower().rstrip(":：").strip()
    return " ".join(text.split())


def header_role(cell: str) -> str | None:
    """The role a header cell names (``"source"``, ``"target"``, ``"id"``, ``"note"``,
    ``"reference"``), or ``None``."""
    key = _normalise(cell)
    if not key:
        return None
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    termbase_field = header_field(cell)
    if termbase_field in ("zh", "zh_hant"):
        return "source"
    if termbase_field == "en":
        return "target"
    words = set(re.split(r"[^\w#.+-]+|_", key)) - {""}
    if len(words) > 4 or len(key) > 30:
        return None  # text, not a column name
    for role, marker_words, fragments in _ROLE_MARKERS:
        if words & marker_words or (len(key) <= 12 and any(f in key for f in fragments)):
            return role
    return None


def _header_roles(row: list[str]) -> dict[str, int]:
    """Role -> column of the cells of ``row`` that name a role; of two target columns,
    one whose name says MT wins."""
    roles: dict[str, int] = {}
    for col, cell in enumerate(row):
        role = header_role(cell)
        if role is None:
            continue
        if role not in roles:
            roles[role] = col
        elif role == "target" and _says_mt(cell) and not _says_mt(row[roles[role]]):
            roles[role] = col
    return roles


def _says_mt(cell: str) -> bool:
    key = _normalise(cell)
    return bool(set(re.split(r"[^\w]+", key)) & _MT_WORDS) or "机" in key


def _lang_code(cell: str, default: str) -> str:
    """A language code written as the header (``zh-cn`` -> ``zh-CN``), else ``default``."""
    text = cell.strip()
    if not _LANG_CODE_RE.fullmatch(text):
        return default
    parts = re.split(r"[-_]", text)
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "-".join(out)


# -- recognising columns ---------------------------------------------------------------


def _is_chinese(cell: str) -> bool:
    cjk = len(_CJK_RE.findall(cell))
    return cjk > 0 and cjk * 4 >= len(_LATIN_RE.findall(cell))


def _is_english(cell: str) -> bool:
    latin = len(_LATIN_RE.findall(cell))
    return latin >= 2 and len(_CJK_RE.findall(cell)) * 10 < latin


def _cell(row: list[str], col: int | None) -> str:
    return row[col] if col is not None and col < len(row) else ""


def _content_columns(
    rows: list[list[str]], source: int | None = None, target: int | None = None, taken: frozenset[int] = frozenset()
) -> tuple[int | None, int | None]:
    """The source column (mostly Hanzi) and the target column (mostly Latin letters, filled
    where the source is, the first such right of the source) of ``rows``, keeping the
    ones given and never choosing a column in ``taken``."""
    body = [r for r in rows[:CONTENT_ROWS] if any(c.strip() for c in r)]
    if not body:
        return source, target
    width = max(len(r) for r in body)
    body = body[1:] if len(body) > 1 else body  # the first row may be a header with names not known

    def share(col: int, test: Callable[[str], bool]) -> float:
        cells = [r[col] for r in body if col < len(r) and r[col].strip()]
        return sum(map(test, cells)) / len(cells) if cells else 0.0

    if source is None:
        free = [c for c in range(width) if c not in taken and c != target] or [0]
        best = max(free, key=lambda c: (share(c, _is_chinese), -c))
        source = best if best not in taken and share(best, _is_chinese) >= 0.6 else None
    if target is None:
        filled = [r for r in body if _cell(r, source).strip()] or body
        candidates = []
        for col in range(width):
            if col == source or col in taken or share(col, _is_english) < 0.6:
                continue
            cells = [r[col] for r in filled if col < len(r) and r[col].strip()]
            letters = sum(len(_LATIN_RE.findall(c)) for c in cells) / max(len(cells), 1)
            if len(cells) >= 0.5 * len(filled) and letters >= 4:
                candidates.append(col)
        right = [c for c in candidates if source is not None and c > source]
        target = (right or candidates)[0] if candidates else None
    return source, target


def _with_roles(header_row: int | None, roles: dict[str, int]) -> TableMapping:
    mapping = TableMapping(header_row=header_row)
    for role, col in roles.items():
        setattr(mapping, role, col)
    return mapping


def _guess(rows: list[list[str]]) -> TableMapping:
    """Find the header row and the columns of ``rows`` (columns ``None`` when not found)."""
    partial: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        roles = _header_roles(row)
        if "source" in roles and "target" in roles:
            return _with_roles(index + 1, roles)
        named = sum(bool(c.strip()) for c in row)
        if partial is None and ("source" in roles or "target" in roles) and named >= 2:
            partial = (index, roles)
    if partial is not None:  # a header names one of the two; the content finds the other
        index, roles = partial
        taken = frozenset(c for r, c in roles.items() if r not in ("source", "target"))
        source, target = _content_columns(rows[index + 1 :], roles.get("source"), roles.get("target"), taken)
        if source is not None and target is not None and source != target:
            roles.update(source=source, target=target)
            return _with_roles(index + 1, roles)
    source, target = _content_columns(rows)
    mapping = TableMapping(source=source, target=target)
    if source is None or target is None:
        return mapping
    for index, row in enumerate(rows):  # rows above the first Chinese/English pair are a title or header
        if _is_chinese(_cell(row, source)) and _is_english(_cell(row, target)):
            above = [i for i in range(index) if any(c.strip() for c in rows[i])]
            mapping.header_row = above[-1] + 1 if above else None
            break
    return mapping


# -- CSV and TSV -----------------------------------------------------------------------


@dataclass(slots=True)
class CsvField:
    """One cell of a delimited file.

    Attributes:
        value: the cell's text as :mod:`csv` reads it (quotes removed, ``""`` undoubled).
        start: offset of the cell as written (quotes included) in the decoded text.
        end: exclusive end offset.
        quoted: the cell was written in quotes.
    """

    value: str
    start: int
    end: int
    quoted: bool


@dataclass(slots=True)
class CsvRecord:
    """One record (spreadsheet row) of a delimited file.

    Attributes:
        start: offset of its first character.
        end: offset just after its last cell (before the line break).
        fields: its cells; none for a blank line.
    """

    start: int
    end: int
    fields: list[CsvField]


def split_records(text: str, delimiter: str, limit: int | None = None) -> tuple[list[CsvRecord], bool]:
    """Split delimited text into records with the offsets of every cell.

    Follows :func:`csv.reader` with the default (Excel) dialect: a cell that starts
    with ``"`` is quoted (``""`` inside is one quote, and text after the closing quote
    is kept); a quote elsewhere is literal; ``\\r\\n``, ``\\n`` and ``\\r`` end a record
    outside quotes; a blank line is a record with no cells.

    Args:
        text: the decoded file.
        delimiter: one character.
        limit: stop after this many records.

    Returns:
        ``(records, unterminated)``: ``unterminated`` is true when a quoted cell runs
        to the end of the text (a stray quotation mark).
    """
    stop = re.compile(f"[{re.escape(delimiter)}\r\n]")
    records: list[CsvRecord] = []
    n = len(text)
    i = 0
    unterminated = False
    while i < n and (limit is None or len(records) < limit):
        rec_start = i
        fields: list[CsvField] = []
        while True:
            start = i
            quoted = i < n and text[i] == '"'
            if quoted:
                parts = []
                i += 1
                while True:
                    j = text.find('"', i)
                    if j < 0:
                        parts.append(text[i:])
                        i = n
                        unterminated = True
                        break
                    parts.append(text[i:j])
                    if text.startswith('"', j + 1):
                        parts.append('"')
                        i = j + 2
                        continue
                    i = j + 1
                    break
                m = stop.search(text, i)
                k = m.start() if m else n
                parts.append(text[i:k])
                i = k
                value = "".join(parts)
            else:
                m = stop.search(text, i)
                k = m.start() if m else n
                value = text[i:k]
                i = k
            fields.append(CsvField(value, start, i, quoted))
            if i < n and text[i] == delimiter:
                i += 1
                continue
            break
        rec_end = i
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        if len(fields) == 1 and not fields[0].quoted and not fields[0].value:
            fields = []
        records.append(CsvRecord(rec_start, rec_end, fields))
    return records, unterminated


def csv_cell_text(value: str) -> str:
    """A CSV cell's text as a segment holds it: line breaks inside the cell as ``\\n``."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter (comma, tab, semicolon or vertical bar) that splits the first records
    into the same number of cells (two or more) most often; ties go to tab for ``.tsv``
    and comma otherwise."""
    order = ["\t", ",", ";", "|"] if suffix == ".tsv" else [",", "\t", ";", "|"]
    sample = text[:65536]
    best, best_score = order[0], (0.0, 0)
    for rank, delimiter in enumerate(order):
        if delimiter not in sample:
            continue
        records, _ = split_records(sample, delimiter, limit=200)
        if len(sample) < len(text) and len(records) > 1:
            records = records[:-1]  # may be cut inside a cell
        counts = [len(r.fields) for r in records if any(f.value.strip() for f in r.fields)]
        if not counts:
            continue
        common = max(set(counts), key=lambda c: (counts.count(c), c))
        if common < 2:
            continue
        score = (counts.count(common) / len(counts), -rank)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def split_bom(raw: bytes, encoding: str) -> tuple[bytes, str]:
    """``(byte-order mark, codec of the rest)`` of ``raw`` read as ``encoding``."""
    family = codecs.lookup(encoding).name
    for bom, codec, fam in (
        (codecs.BOM_UTF8, "utf-8", ("utf-8", "utf-8-sig")),
        (codecs.BOM_UTF32_LE, "utf-32-le", ("utf-32",)),
        (codecs.BOM_UTF32_BE, "utf-32-be", ("utf-32",)),
        (codecs.BOM_UTF16_LE, "utf-16-le", ("utf-16",)),
        (codecs.BOM_UTF16_BE, "utf-16-be", ("utf-16",)),
    ):
        if family in fam and raw.startswith(bom):
            return bom, codec
    return b"", encoding


def decode_table(path: Path, raw: bytes, encoding: str = "") -> tuple[str, str]:
    """Decode a CSV/TSV file: detected when ``encoding`` is ``""``, else strictly as ``encoding``.

    Returns:
        ``(text without its byte-order mark, encoding)``.

    Raises:
        InputError: a ZIP or old Excel file under a text name, binary data, or bytes the
            encoding does not decode.
    """
    if raw.startswith(b"PK\x03\x04"):
        raise InputError(path, "this is an Excel workbook (a ZIP file) saved with a text name; rename it to .xlsx")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(path, "this is an old Excel 97-2003 (.xls) workbook, not a CSV or TSV file; save it as .xlsx or CSV")
    if not encoding:
        return decode_bytes(raw, path)
    try:
        bom, codec = split_bom(raw, encoding)
        return raw[len(bom) :].decode(codec), encoding
    except LookupError:
        raise InputError(path, f"unknown encoding '{encoding}'") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"the file is not valid {encoding} ({exc.reason} at byte {exc.start})") from None


def _read_delimited(path: Path, mapping: TableMapping | None) -> Table:
    raw = read_regular_file(path, MAX_TABLE_BYTES, "spreadsheet")
    text, encoding = decode_table(path, raw, mapping.encoding if mapping else "")
    delimiter = (mapping.delimiter if mapping else "") or sniff_delimiter(text, path.suffix.lower())
    records, unterminated = split_records(text, delimiter)
    rows = [[csv_cell_text(f.value) for f in r.fields] for r in records]
    table = Table(path, rows, encoding=encoding, delimiter=delimiter)
    if unterminated:
        table.notes.append(f"row {len(rows)}: a quotation mark opens a cell that never closes, so the rest of the file is in that cell")
    return table


# -- XLSX --------------------------------------------------------------------------------


def open_workbook(path: Path, data_only: bool = True, rich_text: bool = False) -> tuple[Workbook, bytes, list[str]]:
    """Open an XLSX file safely: size limit, ZIP and XML guard, then openpyxl.

    Returns:
        ``(workbook, the file's bytes, warnings)``: the warnings name what openpyxl cannot
        read (and so a corrected copy cannot keep); its other warnings are dropped. With
        ``data_only`` (reading), the bytes and the workbook are those of
        :func:`reviewer.core.termbase.tabular.lean_workbook`.

    Raises:
        InputError: too large, not an XLSX file (text, an old .xls), corrupt, a ZIP bomb,
            a DTD, a sheet of more than :data:`~reviewer.core.termbase.tabular.MAX_SHEET_ROWS`
            rows, or a review workbook exported by reviewer.
    """
    from openpyxl import load_workbook

    raw = read_regular_file(path, MAX_TABLE_BYTES, "workbook")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(path, "this is an old Excel 97-2003 (.xls) workbook; save it as .xlsx")
    if not raw.startswith(b"PK\x03\x04"):
        kind = "empty" if not raw.strip() else "a text file (a CSV or TSV saved with an .xlsx name? rename it)"
        try:
            raw[:4096].decode("utf-8")
        except UnicodeDecodeError:
            kind = "empty" if not raw.strip() else "neither a ZIP container nor text"
        raise InputError(path, f"this is not an Excel workbook: the file is {kind}")
    check_zip(path, "Excel workbook").close()
    if data_only:  # reading, not writing a corrected copy: empty cells of huge sheets left out
        raw = lean_workbook(path, raw, "Excel workbook")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            wb = load_workbook(io.BytesIO(raw), data_only=data_only, rich_text=rich_text)
        except Exception as exc:  # openpyxl raises almost anything on a damaged part
            raise InputError(path, f"not a readable Excel workbook ({one_line(exc)})") from None
    if {"Summary", "Findings"} <= set(wb.sheetnames):
        raise InputError(path, "this is a review workbook exported by reviewer (sheets Summary and Findings), not a bilingual file")
    lost = [str(w.message) for w in caught if "not supported" in str(w.message) or "removed" in str(w.message)]
    return wb, raw, [f"{m} (a corrected copy written by reviewer will not have it)" for m in lost]


def xlsx_cell_text(value: Any, number_format: str = "General") -> str:
    """A cell's value as Excel shows it: ``1`` for 1.0, ``2024-01-05`` for a date, ``12.5%`` for
    0.125 formatted as a percentage, ``1,200.50`` for 1200.5 formatted ``#,##0.00``,
    ``TRUE``/``FALSE``, rich text as its plain text. Other number formats (currencies,
    fractions, custom dates) give the plain number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if "%" in number_format:
            decimals = len(m.group(1)) if (m := re.search(r"\.(0+)", number_format)) else 0
            return f"{value * 100:.{decimals}f}%"
        fixed = _FIXED_FORMAT_RE.fullmatch(number_format)
        if fixed:  # 0, 0.00, #,##0, #,##0.0
            decimals = len(fixed.group(2) or "")
            return f"{value:{',' if fixed.group(1) else ''}.{decimals}f}"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return str(value)


def merged_anchors(ws: Worksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """``(row, column)`` (1-based) of every cell a merged range covers -> its top-left cell."""
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                anchors[(r, c)] = (rng.min_row, rng.min_col)
    return anchors


def sheet_rows(ws: Worksheet) -> list[list[str]]:
    """Every row of ``ws`` from row 1 as text, merged cells filled with their value."""
    rows = [[xlsx_cell_text(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
    for (r, c), (ar, ac) in merged_anchors(ws).items():
        if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) and ar - 1 < len(rows) and ac - 1 < len(rows[ar - 1]):
            rows[r - 1][c - 1] = rows[ar - 1][ac - 1]
    return rows


def _read_xlsx(path: Path, sheet: str) -> tuple[Table, TableMapping | None, bytes]:
    """The named sheet, or the first (visible first) whose columns are recognised, or the
    first one with any text; with its guessed mapping (``None`` when a sheet was named)."""
    from openpyxl.worksheet.worksheet import Worksheet

    wb, raw, notes = open_workbook(path)
    names = list(wb.sheetnames)
    if sheet:
        if sheet not in names:
            raise InputError(path, f"no sheet named '{sheet}' (sheets: {', '.join(names)})")
        if not isinstance(wb[sheet], Worksheet):
            raise InputError(path, f"the sheet '{sheet}' is a chart, not a table")
        return Table(path, sheet_rows(wb[sheet]), sheet=sheet, sheets=names, notes=notes), None, raw
    order = sorted(names, key=lambda n: wb[n].sheet_state != "visible")
    fallback: tuple[Table, TableMapping] | None = None
    for name in order:
        ws = wb[name]
        if not isinstance(ws, Worksheet):
            continue  # a chart sheet
        table = Table(path, sheet_rows(ws), sheet=name, sheets=names, notes=list(notes))
        if not any(any(c.strip() for c in r) for r in table.rows):
            continue
        mapping = _guess(table.rows)
        if mapping.source is not None and mapping.target is not None:
            return table, mapping, raw
        if fallback is None:
            fallback = (table, mapping)
    if fallback is None:
        raise InputError(path, "the workbook is empty")
    return fallback[0], fallback[1], raw


# -- the public API -----------------------------------------------------------------------


def _load(path: Path, mapping: TableMapping | None) -> tuple[Table, TableMapping, bytes | None]:
    """Read ``path`` into a grid; the mapping is ``mapping`` or a guess."""
    if path.suffix.lower() == ".xlsx":
        table, guessed, raw = _read_xlsx(path, mapping.sheet if mapping else "")
        result = replace(mapping) if mapping else guessed or _guess(table.rows)
        result.sheet, result.sheets = table.sheet, tuple(table.sheets)
        result.encoding = result.delimiter = ""
        return table, result, raw
    table = _read_delimited(path, mapping)
    result = replace(mapping) if mapping else _guess(table.rows)
    result.encoding, result.delimiter, result.sheet = table.encoding, table.delimiter, ""
    return table, result, None


def guess_mapping(path: Path, sheet: str | None = None) -> tuple[TableMapping, list[list[str]]]:
    """Recognise the columns of a bilingual table, for :func:`read` or a mapping dialog.

    Args:
        path: a ``.csv``, ``.tsv`` or ``.xlsx`` file.
        sheet: the worksheet to look at; by default the first whose columns are recognised.

    Returns:
        ``(mapping, preview)``: ``mapping.source`` and ``mapping.target`` are ``None`` when
        they cannot be found; ``preview`` holds the first :data:`PREVIEW_ROWS` rows as text,
        all of the same width.

    Raises:
        InputError: the file cannot be read as a table, or is empty.
    """
    path = Path(path)
    table, mapping, _ = _load(path, TableMapping(sheet=sheet) if sheet else None)
    if sheet:
        guessed = _guess(table.rows)
        guessed.sheet, guessed.sheets = mapping.sheet, mapping.sheets
        mapping = guessed
    if not any(any(c.strip() for c in r) for r in table.rows):
        raise InputError(path, "the file is empty")
    preview = [list(r) for r in table.rows[:PREVIEW_ROWS]]
    width = max((len(r) for r in preview), default=0)
    return mapping, [r + [""] * (width - len(r)) for r in preview]


def _row_list(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def _refusal(rows: list[list[str]], mapping: TableMapping) -> str:
    """Why no source and target column could be found."""
    used = {j for r in rows for j, c in enumerate(r) if c.strip()}
    if not used:
        return "the file is empty"
    if len(used) < 2:
        return "the table has only one column; a bilingual table needs a Chinese source column and an English target column"
    missing = "a Chinese source column" if mapping.source is None else "an English target column"
    if mapping.source is None and mapping.target is None:
        missing = "a Chinese source column and an English target column"
    return (f"no usable columns: cannot find {missing}; name the columns in a header row "
            "(source/target, 原文/译文, 中文/英文, zh/en) or choose them in the mapping")


def read(path: Path, mapping: TableMapping | None = None) -> Document:
    """Read a bilingual CSV, TSV or XLSX file, one segment per row.

    Args:
        path: the file.
        mapping: the columns to use (from :func:`guess_mapping`, perhaps changed by the
            user); guessed when ``None``.

    Raises:
        InputError: unreadable, too large, the wrong format under the extension, a corrupt
            or unsafe workbook, a review workbook, no source and target columns, or no
            rows with text.
    """
    path = Path(path)
    table, mapping, raw = _load(path, mapping)
    if mapping.source is None or mapping.target is None:
        raise InputError(path, _refusal(table.rows, mapping))
    if mapping.source == mapping.target:
        raise InputError(path, f"the source and the target are the same column ({column_letter(mapping.source)})")
    header = table.rows[mapping.header_row - 1] if mapping.header_row and mapping.header_row <= len(table.rows) else None
    segments: list[Segment] = []
    no_target: list[int] = []
    no_source: list[int] = []
    for index in range(mapping.header_row or 0, len(table.rows)):
        row = table.rows[index]
        source, target = _cell(row, mapping.source), _cell(row, mapping.target)
        if not source.strip() and not target.strip():
            continue
        number = index + 1
        if not target.strip():
            no_target.append(number)
        if not source.strip():
            no_source.append(number)
        notes = []
        if (value := _cell(row, mapping.id).strip()):
            notes.append(ID_NOTE + value)
        if (value := _cell(row, mapping.note).strip()):
            notes.append(value)
        if (value := _cell(row, mapping.reference).strip()):
            notes.append(REFERENCE_NOTE + value)
        sid = str(len(segments) + 1)
        segments.append(
            Segment(sid, len(segments) + 1, target=target, source=source if source.strip() else None,
                    end=len(target), unit=str(number), notes=tuple(notes))
        )
    where = f"under the header (row {mapping.header_row})" if mapping.header_row else "in the table"
    if not segments:
        raise InputError(path, f"no rows with source or target text {where} ({mapping.describe(header)})")
    warnings_: list[str] = []
    if no_target:
        warnings_.append(f"{len(no_target)} row(s) have source text but no target (rows {_row_list(no_target)}); they are kept with an empty target")
        if raw is not None and table.sheet:
            letters = {column_letter(mapping.source), column_letter(mapping.target)}
            formulas = Table(path, table.rows, sheet=table.sheet)
            _note_uncalculated_formulas(raw, formulas)
            warnings_ += [n for n in formulas.notes if n.split("column ", 1)[-1].split(":", 1)[0] in letters]
    if no_source:
        warnings_.append(f"{len(no_source)} row(s) have a target but no source text (rows {_row_list(no_source)})")
    warnings_ += _direction_warnings(segments, mapping)
    warnings_ += table.notes
    fmt = "XLSX" if table.sheet else ("TSV" if mapping.delimiter == "\t" else "CSV")
    metadata = {"format": fmt, "columns": mapping.describe(header), **mapping.to_metadata()}
    return Document(
        path=path,
        segments=segments,
        metadata=metadata,
        encoding=mapping.encoding or "utf-8",
        format="table",
        source_lang=_lang_code(_cell(header, mapping.source), "zh-CN") if header else "zh-CN",
        target_lang=_lang_code(_cell(header, mapping.target), "en") if header else "en",
        warnings=warnings_,
    )


def _direction_warnings(segments: list[Segment], mapping: TableMapping) -> list[str]:
    """Say so when the source column holds little Chinese or the target column much."""
    out = []
    sources = [s.source for s in segments if s.source]
    targets = [s.target for s in segments if s.target.strip()]
    if sources and sum(map(_is_chinese, sources)) < 0.5 * len(sources):
        out.append(f"the source column {column_letter(mapping.source or 0)} holds little Chinese: check the column mapping")
    if targets and sum(map(_is_chinese, targets)) > 0.5 * len(targets):
        out.append(f"the target column {column_letter(mapping.target or 0)} is mostly Chinese: check the column mapping")
    return out
