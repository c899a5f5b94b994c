"""CSV, TSV and XLSX glossaries: import as people really make them, export losslessly.

Import (:func:`read_table` then :func:`build_termbase`, or :func:`import_glossary`):

* The encoding is detected (UTF-8 with or without BOM, UTF-16, GB18030/GBK) and
  the delimiter sniffed (comma, tab, semicolon, vertical bar).
* In a workbook, the first sheet with a recognisable header is used unless a
  sheet is named; merged cells give their value to every cell they cover, and
  formulas count with their cached value.
* The header row is found among the first 20 rows, by names in English or
  Chinese or by language code (:data:`HEADER_ALIASES`); it is never read as a
  term. A two-column glossary with no header is recognised by its scripts.
* With a ``concept`` column, rows with the same id are one concept, one English
  term a row (reviewer's own export). Without one, each row is a concept, and
  rows with the same Chinese term merge into one concept.

Every import returns an :class:`ImportReport`: rows read, concepts imported,
rows merged, and rows skipped with the reason. Importing nothing is an error.

Export (:func:`write_table`) writes one row per English term with every field of
the concept and the term, so TBX → CSV → XLSX → TBX loses nothing. CSV gets a
UTF-8 byte-order mark (Excel then reads Chinese correctly), and a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR (or their full-width forms)
is prefixed with ``'`` so no spreadsheet runs it as a formula; the import strips
that quote again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.encoding import decode_bytes
from reviewer.core.errors import InputError, OutputError
from reviewer.core.fileio import MIB, atomic_write_bytes, read_regular_file
from reviewer.core.source_matching import to_simplified
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, Termbase

MAX_TABLE_BYTES = 64 * MIB

#: Most rows with content one worksheet may have (Excel's own limit is 1,048,576 rows).
MAX_SHEET_ROWS = 200_000

#: Worksheets larger than this (bytes of XML) are read without their empty cells and rows.
LEAN_SHEET_BYTES = 4 * MIB

#: Field names of the tabular format, in export order.
FIELDS = (
    "concept", "subject", "definition", "note", "sources", "verified", "zh", "zh_variants", "zh_hant",
    "en", "status", "form", "usage_note", "case_sensitive", "match", "threshold", "valid_from", "valid_to",
)

#: Header cell (lower-case, spaces collapsed) -> field.
HEADER_ALIASES: dict[str, str] = {}
for _field, _names in {
    "concept": "concept|concept id|id|entry|entry id|term entry|概念|概念编号|编号|序号 id",
    "subject": "subject|subject field|domain|category|field|领域|类别|分类|专业",
    "definition": "definition|定义|释义",
    "note": "note|notes|comment|comments|remark|remarks|备注|说明|注释",
    "sources": "sources|source of rendering|reference|references|citation|citations|出处|来源|依据",
    "verified": "verified|verification",
    "zh": "zh|zh-cn|zh_cn|zh-hans|zh-sg|zho|chi|cn|chinese|chinese term|term cn|cn term|zh term|term zh|simplified chinese|source|source term|source language|中文|汉语|简体|简体中文|源语|原文|中文术语|术语|中文名称",
    "zh_variants": "zh variants|chinese variants|variants|其他中文|异名",
    "zh_hant": "zh-tw|zh_tw|zh-hk|zh-hant|traditional chinese|traditional|繁体|繁体中文|繁體中文",
    "en": "en|en-us|en-gb|en_us|eng|english|english term|term en|en term|target|target term|target language|translation|英文|英语|译文|英文术语|英文译名|译名",
    "status": "status|administrative status|term status|状态|使用状态",
    "form": "form|term type|termtype",
    "usage_note": "usage note|usage|用法",
    "case_sensitive": "case sensitive|case|case-sensitive|区分大小写",
    "match": "match|match mode|matching",
    "threshold": "threshold|fuzzy threshold|similarity",
    "valid_from": "valid from|from|since|起始",
    "valid_to": "valid to|until|to|superseded|截止",
}.items():
    for _name in _names.split("|"):
        HEADER_ALIASES[_name] = _field

_STATUS_WORDS: dict[str, Status] = {
    "preferred term": Status.PREFERRED, "preferredterm": Status.PREFERRED, "推荐使用": Status.PREFERRED, "standard": Status.PREFERRED, "标准": Status.PREFERRED,
    "admitted term": Status.ADMITTED, "admittedterm": Status.ADMITTED, "ok": Status.ADMITTED, "acceptable": Status.ADMITTED, "可接受": Status.ADMITTED,
    "deprecated term": Status.DEPRECATED, "deprecatedterm": Status.DEPRECATED, "avoid": Status.DEPRECATED, "避免": Status.DEPRECATED,
    "superseded term": Status.SUPERSEDED, "supersededterm": Status.SUPERSEDED, "old": Status.SUPERSEDED, "旧译": Status.SUPERSEDED,
    "forbidden term": Status.FORBIDDEN, "forbiddenterm": Status.FORBIDDEN, "wrong": Status.FORBIDDEN, "do not use": Status.FORBIDDEN, "禁止": Status.FORBIDDEN,
    "preferred": Status.PREFERRED, "preferredterm-admn-sts": Status.PREFERRED, "首选": Status.PREFERRED, "推荐": Status.PREFERRED,
    "admitted": Status.ADMITTED, "admittedterm-admn-sts": Status.ADMITTED, "allowed": Status.ADMITTED, "可用": Status.ADMITTED, "允许": Status.ADMITTED,
    "deprecated": Status.DEPRECATED, "deprecatedterm-admn-sts": Status.DEPRECATED, "not recommended": Status.DEPRECATED, "不推荐": Status.DEPRECATED,
    "superseded": Status.SUPERSEDED, "supersededterm-admn-sts": Status.SUPERSEDED, "obsolete": Status.SUPERSEDED, "过时": Status.SUPERSEDED, "已废止": Status.SUPERSEDED,
    "forbidden": Status.FORBIDDEN, "forbiddenterm-admn-sts": Status.FORBIDDEN, "prohibited": Status.FORBIDDEN, "禁用": Status.FORBIDDEN, "错误": Status.FORBIDDEN,
}
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_SOURCE_SEP = " ;; "
_LIST_SEP = re.compile(r"\s*[;；]\s*")


@dataclass(slots=True)
class Table:
    """Rows of cells (strings) read from a file, before any mapping.

    Attributes:
        path: the file.
        rows: every row, cells as text (``""`` for empty).
        sheet: the sheet used, for workbooks.
        sheets: every sheet name, for workbooks.
        encoding: the detected encoding, for CSV/TSV.
        delimiter: the sniffed delimiter, for CSV/TSV.
        notes: things the reader had to do (formulas without a cached value, ...).
    """

    path: Path
    rows: list[list[str]]
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Mapping:
    """Which column holds which field.

    Attributes:
        header_row: 0-based index of the header row, or -1 when there is none.
        columns: field name -> 0-based column index.
    """

    header_row: int
    columns: dict[str, int]

    def describe(self, table: Table) -> str:
        """``zh = column B (中文); en = column C (English)`` for previews and reports."""
        parts = []
        for name, col in sorted(self.columns.items(), key=lambda kv: kv[1]):
            head = table.rows[self.header_row][col] if self.header_row >= 0 and col < len(table.rows[self.header_row]) else ""
            parts.append(f"{name} = column {column_letter(col)}" + (f" ({head})" if head else ""))
        return "; ".join(parts)


@dataclass(slots=True)
class ImportReport:
    """What an import did.

    Attributes:
        read: data rows read (the header not counted).
        imported: concepts created.
        merged: rows added to a concept made from an earlier row.
        skipped: ``(row number, 1-based as in a spreadsheet, reason)`` for each row left out.
        mapping: the column mapping used, described.
    """

    read: int = 0
    imported: int = 0
    merged: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    mapping: str = ""
    notes: list[str] = field(default_factory=list)
    where: str = ""

    def summary(self) -> str:
        """One paragraph for the user."""
        text = f"{self.read} rows read, {self.imported} concepts imported, {self.merged} rows merged, {len(self.skipped)} skipped."
        if self.mapping:
            text += f" Columns: {self.mapping}."
        return text


# -- reading ---------------------------------------------------------------


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Read a CSV, TSV or XLSX file into rows of text.

    Raises:
        InputError: unreadable, not a spreadsheet, unknown sheet, or empty.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or _is_zip(p):
        table = _read_xlsx(p, sheet)
    elif suffix in (".csv", ".tsv", ".txt", ".tab"):
        table = _read_delimited(p)
    else:
        raise InputError(p, f"unsupported glossary type '{p.suffix or '(none)'}'; reviewer reads .tbx, .csv, .tsv and .xlsx")
    if not any(any(c.strip() for c in row) for row in table.rows):
        raise InputError(p, "the glossary is empty")
    return table


def _is_zip(p: Path) -> bool:
    """An Excel workbook saved under a text name (``glossary.csv`` that is really .xlsx)."""
    try:
        with p.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _read_delimited(p: Path) -> Table:
    text, encoding = decode_bytes(read_regular_file(p, MAX_TABLE_BYTES, "glossary"), p)
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac "CSV (Macintosh)" ends lines with CR
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        delimiter = "\t" if p.suffix.lower() in (".tsv", ".tab") or sample.count("\t") > sample.count(",") else ","
    try:
        rows = [[_unquote(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise InputError(p, f"not a readable {'TSV' if delimiter == chr(9) else 'CSV'} file ({exc})") from None
    return Table(p, rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(p: Path, sheet: str | None) -> Table:
    import zipfile

    from openpyxl import load_workbook

    from reviewer.core.xmlsafe import check_zip

    data = read_regular_file(p, MAX_TABLE_BYTES, "glossary")
    try:
        zipfile.ZipFile(io.BytesIO(data)).close()
    except Exception as exc:  # not a ZIP at all: an old .xls, text, nothing
        raise InputError(p, f"not a readable Excel workbook ({one_line(exc)})") from None
    check_zip(p, "Excel workbook").close()  # ZIP bombs, DTDs, damaged parts
    data = lean_workbook(p, data, "Excel workbook")
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises almost anything on a damaged part
        raise InputError(p, f"not a readable Excel workbook ({one_line(exc)})") from None
    names = list(wb.sheetnames)
    if sheet is not None and sheet not in names:
        raise InputError(p, f"no sheet named '{sheet}' (sheets: {', '.join(names)})")
    candidates = [sheet] if sheet is not None else names
    tables = []
    for name in candidates:
        ws = wb[name]
        notes: list[str] = []
        grid = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:
            value = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(grid) else ""
            for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
                for c in range(rng.min_col - 1, min(rng.max_col, len(grid[r]))):
                    grid[r][c] = value
        table = Table(p, grid, sheet=name, sheets=names, notes=notes)
        if sheet is not None or guess_mapping(table) is not None:
            _note_uncalculated_formulas(data, table)
            return table
        tables.append(table)
    return tables[0] if tables else Table(p, [], sheets=names)


def one_line(exc: BaseException) -> str:
    """``Type: message`` of a library's exception on one line (openpyxl's run over several)."""
    first = str(exc).strip().split("\n", 1)[0]
    return f"{type(exc).__name__}: {' '.join(first.split())}" if first else type(exc).__name__


_NAME = rb"(?:[A-Za-z_][\w.-]*:)?"
_EMPTY_CELL_RE = re.compile(rb"<" + _NAME + rb"c\b[^<>]*/>")
#: A row with no cell or only cells with no value (self-closing ``c`` elements).
_EMPTY_ROW_RE = re.compile(rb"<(" + _NAME + rb")row\b[^<>]*(?:/>|>(?:\s*<\1c\b[^<>]*/>)*\s*</\1row\s*>)")
_ROW_RE = re.compile(rb"<" + _NAME + rb"row\b")


def lean_workbook(path: Path, data: bytes, what: str = "workbook") -> bytes:
    """``data`` (an XLSX file :func:`reviewer.core.xmlsafe.check_zip` has passed) with the empty
    cells and rows of its large worksheets left out, for reading only: a sheet formatted down
    to row 1,048,576 would otherwise cost openpyxl a minute and gigabytes for cells with no
    value. A cell with no value is a self-closing ``c`` element; a row with no cell left is
    dropped. Small workbooks are returned as they are.

    Raises:
        InputError: a worksheet with more than :data:`MAX_SHEET_ROWS` rows with content.
    """
    import zipfile

    from reviewer.core.xmlsafe import read_member

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        big = {i.filename for i in infos if i.filename.startswith("xl/worksheets/") and i.file_size > LEAN_SHEET_BYTES}
        if not big:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
            for info in infos:
                member = read_member(path, zf, info, what)
                if info.filename in big:
                    member = _EMPTY_CELL_RE.sub(b"", _EMPTY_ROW_RE.sub(b"", member))
                    rows = len(_ROW_RE.findall(member))
                    if rows > MAX_SHEET_ROWS:
                        raise InputError(path, f"the {what} has a sheet with {rows:,} rows with content; reviewer reads at most {MAX_SHEET_ROWS:,} (split the table)")
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type = zipfile.ZIP_STORED
                dst.writestr(copy, member)
    return out.getvalue()


def _note_uncalculated_formulas(data: bytes, table: Table) -> None:
    """Formulas count with the value Excel cached; one never calculated has none: say so."""
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data), data_only=False)[table.sheet]
    for r, row in enumerate(ws.iter_rows(values_only=True)):
        for c, value in enumerate(row):
            if isinstance(value, str) and value.startswith("=") and r < len(table.rows) and not table.rows[r][c]:
                table.notes.append(f"row {r + 1}, column {column_letter(c)}: a formula with no calculated value (open and save the file in Excel first)")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _unquote(str(value))


def _unquote(cell: str) -> str:
    """Strip the ``'`` that :func:`write_table` put before a would-be formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(_FORMULA_START):
        return cell[1:]
    return cell


# -- mapping -----------------------------------------------------------------


def header_field(cell: str) -> str | None:
    """The field a header cell names, or ``None``."""
    key = " ".join(cell.strip().lower().replace("_", " ").split())
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    key2 = key.replace(" ", "-")
    if key2 in HEADER_ALIASES:
        return HEADER_ALIASES[key2]
    from reviewer.core.termbase.tbx import lang_kind

    kind = lang_kind(key2)
    return {"zh-Hans": "zh", "zh-Hant": "zh_hant", "en": "en"}.get(kind)


def guess_mapping(table: Table) -> Mapping | None:
    """Find the header row and map its columns, or recognise a headerless zh/en table.

    Returns:
        The mapping, or ``None`` when no Chinese and English columns can be found.
    """
    for i, row in enumerate(table.rows[:20]):
        columns: dict[str, int] = {}
        for j, cell in enumerate(row):
            name = header_field(cell) if cell.strip() else None
            if name and name not in columns:
                columns[name] = j
        if "en" in columns and ("zh" in columns or "concept" in columns):
            return Mapping(i, columns)
    # no header: a column mostly in Chinese and one mostly in Latin script
    body = [r for r in table.rows[:200] if any(c.strip() for c in r)]
    if not body:
        return None
    width = max(len(r) for r in body)
    zh_col = en_col = None
    data = body[1:] if len(body) >= 2 else body  # the first row may be a header with unknown names
    for j in range(width):
        cells = [r[j] for r in data if j < len(r) and r[j].strip()]
        if not cells:
            continue
        if zh_col is None and sum(bool(_CJK_RE.search(c)) for c in cells) >= 0.75 * len(cells):
            zh_col = j
        elif en_col is None and sum(bool(_LATIN_RE.search(c)) and not _CJK_RE.search(c) for c in cells) > 0.8 * len(cells):
            en_col = j
    if zh_col is not None and en_col is not None:
        first = body[0]
        header = -1
        if zh_col < len(first) and first[zh_col].strip() and not _CJK_RE.search(first[zh_col]):
            header = table.rows.index(first)  # a header row with names reviewer does not know
        return Mapping(header, {"zh": zh_col, "en": en_col})
    return None


def parse_mapping(spec: str) -> dict[str, int]:
    """Parse ``zh=A,en=C,status=D`` (letters or 1-based numbers) into field -> column index.

    Raises:
        ValueError: an unknown field or a bad column.
    """
    out: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, _, col = part.partition("=")
        name = name.strip().lower()
        if name not in FIELDS:
            raise ValueError(f"unknown field '{name}' (fields: {', '.join(FIELDS)})")
        col = col.strip().upper()
        if col.isdigit() and int(col) > 0:
            out[name] = int(col) - 1
        elif col.isalpha():
            n = 0
            for ch in col:
                n = n * 26 + (ord(ch) - 64)
            out[name] = n - 1
        else:
            raise ValueError(f"bad column '{col}' for {name} (use a letter such as B or a number such as 2)")
    return out


# -- building concepts ---------------------------------------------------------


def build_termbase(table: Table, mapping: Mapping, name: str | None = None) -> tuple[Termbase, ImportReport]:
    """Turn mapped rows into concepts.

    Raises:
        InputError: nothing could be imported (the report's reasons are in the message).
    """
    where = f"sheet '{table.sheet}'" if table.sheet else f"{table.encoding}, delimiter {table.delimiter!r}"
    report = ImportReport(mapping=mapping.describe(table), notes=list(table.notes), where=where)
    if "en" not in mapping.columns or not ("zh" in mapping.columns or "concept" in mapping.columns):
        raise InputError(table.path, "the column mapping needs an English column and a Chinese or concept column")
    tb = Termbase(name=name or table.path.stem, path=None)
    by_key: dict[str, Concept] = {}
    last_key: str | None = None
    last_zh = ""
    for index in range(mapping.header_row + 1, len(table.rows)):
        row = table.rows[index]
        number = index + 1

        def get(name: str, row: list[str] = row) -> str:
            col = mapping.columns.get(name)
            return row[col].strip() if col is not None and col < len(row) else ""

        if not any(c.strip() for c in row):
            continue
        report.read += 1
        zh, en, cid = get("zh"), get("en"), get("concept")
        if "concept" in mapping.columns and not cid and last_key is not None and (not zh or zh == last_zh):
            cid = last_key  # a blank id continues the concept above (a merged-looking column)
        if not en:
            report.skipped.append((number, "no English term"))
            continue
        if not zh and not cid:
            report.skipped.append((number, "no Chinese term"))
            continue
        if _CJK_RE.search(en) and not _LATIN_RE.search(en):
            report.skipped.append((number, f"the English column holds Chinese ('{en}'): check the column mapping"))
            continue
        status_text = " ".join(get("status").lower().split())
        status = _STATUS_WORDS.get(status_text)
        if status_text and status is None:
            report.notes.append(f"row {number}: unknown status '{get('status')}', imported as admitted")
            status = Status.ADMITTED
        key = cid or zh
        concept = by_key.get(key)
        new = concept is None
        if concept is None:
            concept = Concept(id=cid or f"imp{len(by_key) + 1:05d}")
            by_key[key] = concept
            tb.concepts.append(concept)
            _fill_concept(concept, get)
        elif zh and all(t.text != zh for t in concept.zh):
            concept.zh.append(Term(zh, lang="zh-Hant" if to_simplified(zh) != zh else "zh-Hans", status=Status.ADMITTED))
        last_key, last_zh = key, zh or last_zh
        same = " ".join(en.split()).casefold()
        if any(" ".join(t.text.split()).casefold() == same for t in concept.en):
            report.skipped.append((number, f"duplicate of an earlier row ('{en}')"))
            continue
        if not new:
            report.merged += 1
        usage = get("usage_note")
        if not new and not usage and get("note") and get("note") != concept.note:
            usage = get("note")  # a note on a merged row belongs to its term, not lost
        match_text, threshold_text = get("match"), get("threshold")
        if match_text and match_text.strip().lower() not in {m.value for m in MatchMode}:
            tb.load_problems.append((concept.id, f"row {number}: unknown match mode “{match_text}” on “{en}”; read as inflected"))
        if threshold_text and _threshold(threshold_text) is None:
            tb.load_problems.append((concept.id, f"row {number}: the near-miss threshold “{threshold_text}” on “{en}” is not a number from 0 to 100; ignored"))
        concept.en.append(
            Term(
                text=en,
                status=status or (Status.PREFERRED if not any(t.status is Status.PREFERRED for t in concept.en) else Status.ADMITTED),
                note=usage,
                form=get("form"),
                case_sensitive=get("case_sensitive").lower() in ("yes", "true", "1", "是", "y"),
                match=_match_mode(get("match")),
                valid_from=get("valid_from"),
                valid_to=get("valid_to"),
                threshold=_threshold(get("threshold")),
            )
        )
    for c in list(tb.concepts):
        if not c.en:
            tb.concepts.remove(c)
        elif not any(t.status is Status.PREFERRED for t in c.en):
            first = next((t for t in c.en if t.status.acceptable), None)
            if first is not None:
                first.status = Status.PREFERRED
                report.notes.append(f"concept {c.id}: no preferred term given; “{first.text}” made preferred")
    report.imported = len(tb.concepts)
    if not tb.concepts:
        reasons = "; ".join(sorted({r for _, r in report.skipped})) or "no data rows"
        raise InputError(table.path, f"no term imported ({report.read} rows read; {reasons})")
    return tb, report


def _fill_concept(concept: Concept, g: Callable[[str], str]) -> None:
    concept.subject = g("subject")
    concept.definition = g("definition")
    concept.note = g("note")
    concept.verified = g("verified")
    concept.sources = [_parse_source(s) for s in g("sources").split(_SOURCE_SEP.strip()) if s.strip()]
    zh = g("zh")
    if zh:
        concept.zh.append(Term(zh, lang="zh-Hant" if to_simplified(zh) != zh else "zh-Hans", status=Status.PREFERRED))
    concept.zh += [Term(v, lang="zh-Hans", status=Status.ADMITTED) for v in _LIST_SEP.split(g("zh_variants")) if v]
    concept.zh += [Term(v, lang="zh-Hant", status=Status.ADMITTED) for v in _LIST_SEP.split(g("zh_hant")) if v]


def _parse_source(text: str) -> Source:
    parts = [p.strip() for p in text.strip().split(" | ")] + ["", "", "", ""]
    return Source(parts[0], parts[1], parts[3], parts[2])


def _threshold(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


def _match_mode(text: str) -> MatchMode:
    try:
        return MatchMode(text.strip().lower()) if text.strip() else MatchMode.INFLECTED
    except ValueError:
        return MatchMode.INFLECTED


def import_glossary(path: str | Path, sheet: str | None = None, columns: dict[str, int] | None = None, header_row: int | None = None) -> tuple[Termbase, ImportReport]:
    """Read and build in one step, guessing what is not given.

    Raises:
        InputError: see :func:`read_table` and :func:`build_termbase`; also when
            no Chinese and English columns can be found.
    """
    table = read_table(path, sheet)
    guessed = guess_mapping(table)
    if columns is not None:
        mapping = Mapping(header_row if header_row is not None else (guessed.header_row if guessed else -1), columns)
    elif guessed is None:
        raise InputError(table.path, "cannot find a Chinese and an English column; name them in a header row (中文/English, zh/en) or give the mapping")
    else:
        mapping = guessed if header_row is None else Mapping(header_row, guessed.columns)
    return build_termbase(table, mapping)


# -- writing -----------------------------------------------------------------


def termbase_rows(tb: Termbase) -> list[list[str]]:
    """The export rows: a header of :data:`FIELDS`, then one row per English term."""
    rows = [list(FIELDS)]
    for c in tb.concepts:
        hans = [t.text for t in c.zh if t.lang != "zh-Hant"]
        concept_cells = {
            "concept": c.id,
            "subject": c.subject,
            "definition": c.definition,
            "note": c.note,
            "sources": _SOURCE_SEP.join(" | ".join([s.title, s.publisher, s.date, s.url]).rstrip(" |") for s in c.sources),
            "verified": c.verified,
            "zh": hans[0] if hans else "",
            "zh_variants": "; ".join(hans[1:]),
            "zh_hant": "; ".join(t.text for t in c.zh if t.lang == "zh-Hant"),
        }
        for t in c.en:
            cells = dict(concept_cells)
            cells.update(
                en=t.text,
                status=t.status.value,
                form=t.form,
                usage_note=t.note,
                case_sensitive="yes" if t.case_sensitive else "",
                match="" if t.match is MatchMode.INFLECTED else t.match.value,
                threshold="" if t.threshold is None else f"{t.threshold:g}",
                valid_from=t.valid_from,
                valid_to=t.valid_to,
            )
            rows.append([cells[f] for f in FIELDS])
    return rows


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write_table(tb: Termbase, path: str | Path) -> None:
    """Export to ``.csv`` (UTF-8 with BOM), ``.tsv`` or ``.xlsx``, atomically.

    Raises:
        OutputError: unknown suffix or the file cannot be written.
    """
    p = Path(path)
    rows = termbase_rows(tb)
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t" if suffix == ".tsv" else ",", lineterminator="\r\n")
        for row in rows:
            writer.writerow([_safe(c) for c in row])
        atomic_write_bytes(p, buf.getvalue().encode("utf-8-sig"))
    elif suffix == ".xlsx":
        atomic_write_bytes(p, _xlsx_bytes(tb, rows))
    else:
        raise OutputError(p, "export a glossary as .tbx, .csv, .tsv or .xlsx")


def _xlsx_bytes(tb: Termbase, rows: Sequence[Sequence[str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Termbase"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"
            if value.startswith(_FORMULA_START):
                cell.quotePrefix = True
            if r == 1:
                cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def column_letter(col: int) -> str:
    s = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        s = chr(65 + rem) + s
    return s
