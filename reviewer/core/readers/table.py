"""Bilingual spreadsheets (CSV, TSV, XLSX): a Chinese source column and an English MT column.

One row is one segment: rows are never split into sentences, because the row is the
unit a CAT tool or a client exported and the unit the corrections go back into.

Reading (:func:`read`, with :func:`guess_mapping` for a mapping dialog):

The grid comes from the spreadsheet layer, :mod:`reviewer.core.tables`, shared with the
glossary import:

* CSV and TSV (:mod:`reviewer.core.tables.delimited`): the encoding is detected as for
  every text file (a BOM, UTF-8, UTF-16, GB18030/GBK) and the delimiter (comma, tab,
  semicolon, vertical bar) is the one that splits the first records into the same number
  of cells most consistently, unless the mapping gives them. Quoted cells may hold
  delimiters, quotes and line breaks; cells keep their text exactly as written (line
  breaks inside a cell become ``\\n``).
* XLSX (:mod:`reviewer.core.tables.xlsx`): the ZIP is vetted and its merged ranges bounded
  to the cells that exist before openpyxl sees it; formulas count with their cached
  value, a merged cell gives its value to every cell it covers, numbers and dates read
  as Excel shows them (``1``, not ``1.0``; ``2024-01-05``, not a ``datetime``; a
  percentage with its ``%``). The first visible worksheet whose columns can be
  recognised is used unless the mapping names one; chart sheets are never read, hidden
  ones only when named. A review workbook exported by reviewer (sheets ``Summary`` and
  ``Findings``) is refused.
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


import re
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.core.document import REFERENCE_PREFIX, Document, Segment
from reviewer.core.errors import InputError
from reviewer.core.tables import MAX_TABLE_BYTES, Table, column_index, column_letter, is_blank, read_delimited, read_workbook
from reviewer.core.tables.grid import row_list
from reviewer.core.tables.delimited import DELIMITER_NAMES, CsvField, CsvRecord, csv_cell_text, decode_table, sniff_delimiter, split_bom, split_records
from reviewer.core.tables.headers import (
    CONTENT_ROWS,
    HEADER_SEARCH_ROWS,
    cell as _cell,
    content_columns,
    expected_width,
    first_pair_row,
    header_columns,
    is_chinese,
    language_column,
    normalise_header,
)
from reviewer.core.tables.xlsx import merged_anchors, note_uncalculated_formulas, open_workbook, sheet_rows, xlsx_cell_text

__all__ = [
    "CONTENT_ROWS", "DELIMITER_NAMES", "HEADER_SEARCH_ROWS", "ID_NOTE", "MAX_TABLE_BYTES", "REFERENCE_NOTE", "CsvField",
    "CsvRecord", "TableMapping", "column_index", "csv_cell_text", "decode_table", "guess_mapping", "header_role",
    "merged_anchors", "open_workbook", "read", "sheet_rows", "sniff_delimiter", "split_bom", "split_records",
    "xlsx_cell_text",
]

#: Prefix of the note that holds the file's own id of a row.
ID_NOTE = "id: "
#: Prefix of the note that holds the row's reference translation.
REFERENCE_NOTE = REFERENCE_PREFIX
#: Rows returned by :func:`guess_mapping` for a preview.
PREVIEW_ROWS = 20

ROLES = ("source", "target", "id", "note", "reference")

#: Header cell (:func:`reviewer.core.tables.headers.normalise_header`) -> role. The names of
#: Chinese and English columns the glossary import knows
#: (:func:`reviewer.core.tables.headers.language_column`) count too.
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


# -- header names ---------------------------------------------------------------------


def header_role(cell: str) -> str | None:
    """The role a header cell names (``"source"``, ``"target"``, ``"id"``, ``"note"``,
    ``"reference"``), or ``None``."""
    key = normalise_header(cell)
    if not key:
        return None
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    language = language_column(cell)
    if language in ("zh", "zh_hant"):
        return "source"
    if language == "en":
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
    return header_columns(row, header_role, lambda role, new, old: role == "target" and _says_mt(new) and not _says_mt(old))


def _says_mt(cell: str) -> bool:
    key = normalise_header(cell)
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
        source, target = content_columns(rows[index + 1 :], roles.get("source"), roles.get("target"), taken)
        if source is not None and target is not None and source != target:
            roles.update(source=source, target=target)
            return _with_roles(index + 1, roles)
    source, target = content_columns(rows)
    mapping = TableMapping(source=source, target=target)
    if source is None or target is None:
        return mapping
    above = first_pair_row(rows, source, target)  # rows above the first Chinese/English pair: a title or header
    mapping.header_row = above + 1 if above is not None else None
    return mapping


# -- reading the grid --------------------------------------------------------------------


def _has_columns(table: Table) -> bool:
    mapping = _guess(table.rows)
    return mapping.source is not None and mapping.target is not None


def _read_xlsx(path: Path, sheet: str) -> tuple[Table, bytes]:
    """The named sheet, or the first visible one whose columns are recognised, or the first
    one with any text (:func:`reviewer.core.tables.read_workbook`).

    Raises:
        InputError: see :func:`reviewer.core.tables.xlsx.open_workbook`; no sheet has text.
    """
    table, raw = read_workbook(path, sheet or None, _has_columns, max_bytes=MAX_TABLE_BYTES)
    if not table.sheet:
        raise InputError(path, "the workbook is empty")
    return table, raw


# -- the public API -----------------------------------------------------------------------


def _load(path: Path, mapping: TableMapping | None) -> tuple[Table, TableMapping, bytes | None]:
    """Read ``path`` into a grid; the mapping is ``mapping`` or a guess."""
    if path.suffix.lower() == ".xlsx":
        table, raw = _read_xlsx(path, mapping.sheet if mapping else "")
        result = replace(mapping) if mapping else _guess(table.rows)
        result.sheet, result.sheets = table.sheet, tuple(table.sheets)
        result.encoding = result.delimiter = ""
        return table, result, raw
    table = read_delimited(path, encoding=mapping.encoding if mapping else "", delimiter=mapping.delimiter if mapping else "",
                           max_bytes=MAX_TABLE_BYTES)
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
    if is_blank([c for r in table.rows for c in r]):
        raise InputError(path, "the file is empty")
    preview = [list(r) for r in table.rows[:PREVIEW_ROWS]]
    width = max((len(r) for r in preview), default=0)
    return mapping, [r + [""] * (width - len(r)) for r in preview]


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
    ragged: list[int] = []
    width = expected_width(table, header, (c for c in (mapping.source, mapping.target, mapping.id, mapping.note, mapping.reference) if c is not None))
    for index in range(mapping.header_row or 0, len(table.rows)):
        row = table.rows[index]
        if width and any(c.strip() for c in row[width:]):
            ragged.append(index + 1)  # a delimiter inside an unquoted cell has shifted the row
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
        warnings_.append(f"{len(no_target)} row(s) have source text but no target (rows {row_list(no_target)}); they are kept with an empty target")
        if raw is not None and table.sheet:
            formulas = Table(path, table.rows, sheet=table.sheet)
            note_uncalculated_formulas(raw, formulas, {mapping.source, mapping.target})
            warnings_ += formulas.notes
    if no_source:
        warnings_.append(f"{len(no_source)} row(s) have a target but no source text (rows {row_list(no_source)})")
    if ragged:
        warnings_.append(
            f"{len(ragged)} row(s) have text in more cells than the {'header has' if header else 'other rows have'} ({width}; rows "
            f"{row_list(ragged)}): a delimiter inside an unquoted cell has cut the text, and what lies past the last column is "
            "not read; quote those cells or fix the rows"
        )
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
    if sources and sum(map(is_chinese, sources)) < 0.5 * len(sources):
        out.append(f"the source column {column_letter(mapping.source or 0)} holds little Chinese: check the column mapping")
    if targets and sum(map(is_chinese, targets)) > 0.5 * len(targets):
        out.append(f"the target column {column_letter(mapping.target or 0)} is mostly Chinese: check the column mapping")
    return out
