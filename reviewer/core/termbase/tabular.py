"""CSV, TSV and XLSX glossaries: import as people really make them, export losslessly.

Import (:func:`read_table` then :func:`build_termbase`, or :func:`import_glossary`). The
grid comes from the spreadsheet layer, :mod:`reviewer.core.tables`, shared with the
bilingual document reader:

* The encoding is detected (UTF-8 with or without BOM, UTF-16, GB18030/GBK) and
  the delimiter sniffed (comma, tab, semicolon, vertical bar) unless given; a row with
  more cells than the header (a stray delimiter) is skipped and named in the report,
  and the rest is imported.
* In a workbook, the first visible worksheet with a recognisable header is used
  unless a sheet is named (chart sheets never, hidden ones only when named); merged
  cells give their value to every cell they cover, bounded to the cells that exist,
  and formulas count with their cached value.
* The header row is found among the first 20 rows, by names in English or
  Chinese or by language code (:data:`HEADER_ALIASES`); it is never read as a
  term. A two-column glossary with no header is recognised by its scripts.
* A ``Forbidden`` column (禁用译法, "do not use" ...) holds forbidden variants of the
  row's English term, several separated by ``;``.
* With a ``concept`` column, rows with the same id are one concept, one English
  term a row (reviewer's own export). Without one, each row is a concept, and
  rows with the same Chinese term merge into one concept.

Every import returns an :class:`ImportReport`: rows read, concepts imported,
rows merged, and rows skipped with the reason. Importing nothing is an error.

Export (:func:`write_table`, :mod:`reviewer.core.termbase.tabular_export`) writes one row
per English term with every field of the concept and the term, so TBX → CSV → XLSX →
TBX loses nothing. CSV gets a
UTF-8 byte-order mark (Excel then reads Chinese correctly), and a cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR (or their full-width forms)
is prefixed with ``'`` so no spreadsheet runs it as a formula; the import strips
that quote again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.chinese import to_simplified
from reviewer.core.errors import InputError
from reviewer.core.tables import MAX_TABLE_BYTES, Table, column_index, column_letter, is_blank, one_line, read_delimited, read_workbook
from reviewer.core.tables.bounds import LEAN_SHEET_BYTES, MAX_SHEET_ROWS
from reviewer.core.tables.delimited import DELIMITER_NAMES
from reviewer.core.tables.headers import LANGUAGE_HEADERS, content_columns, expected_width, find_header, first_pair_row, language_column, normalise_header
from reviewer.core.tables.xlsx import note_uncalculated_formulas
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, Termbase
from reviewer.core.termbase.tabular_export import FIELDS, FORMULA_START, SOURCE_SEP, termbase_rows, write_table

__all__ = [
    "FIELDS", "HEADER_ALIASES", "IMPORT_FIELDS", "LEAN_SHEET_BYTES", "MAX_SHEET_ROWS", "MAX_TABLE_BYTES", "ImportReport",
    "Mapping", "Table", "build_termbase", "column_letter", "guess_mapping", "header_field", "import_glossary", "one_line",
    "parse_mapping", "read_table", "termbase_rows", "write_table",
]

#: Fields an import reads: the export's, and ``forbidden`` (forbidden variants of the row's term).
IMPORT_FIELDS = (*FIELDS, "forbidden")

#: Header cell (:func:`reviewer.core.tables.headers.normalise_header`, ``_`` as a space) -> field.
#: The Chinese and English columns are named as in
#: :data:`reviewer.core.tables.headers.LANGUAGE_HEADERS`.
HEADER_ALIASES: dict[str, str] = {}
for _field, _names in {
    "concept": "concept|concept id|id|entry|entry id|term entry|概念|概念编号|编号|序号 id",
    "subject": "subject|subject field|domain|category|field|领域|类别|分类|专业",
    "definition": "definition|定义|释义",
    "note": "note|notes|comment|comments|remark|remarks|备注|说明|注释",
    "sources": "sources|source of rendering|reference|references|citation|citations|出处|来源|依据",
    "verified": "verified|verification",
    "zh_variants": "zh variants|chinese variants|variants|其他中文|异名",
    "status": "status|administrative status|term status|状态|使用状态",
    "form": "form|term type|termtype",
    "usage_note": "usage note|usage|用法",
    "case_sensitive": "case sensitive|case|case-sensitive|区分大小写",
    "match": "match|match mode|matching",
    "threshold": "threshold|fuzzy threshold|similarity",
    "valid_from": "valid from|from|since|起始",
    "valid_to": "valid to|until|to|superseded|截止",
    "forbidden": "forbidden|forbidden term|forbidden terms|forbidden variant|forbidden variants|forbidden translation|"
    "forbidden translations|forbidden rendering|forbidden renderings|do not use|don't use|prohibited|"
    "wrong translation|wrong translations|incorrect translation|禁用|禁用译名|禁用译法|禁用译文|错误译法|错误译名|错译",
}.items():
    for _name in _names.split("|"):
        HEADER_ALIASES[_name] = _field
HEADER_ALIASES.update(LANGUAGE_HEADERS)

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
#: Latin letters a glossary's English cells hold on average, at least (``CPC`` has three).
_MIN_TERM_LETTERS = 2
_LIST_SEP = re.compile(r"\s*[;；]\s*")


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


def read_table(path: str | Path, sheet: str | None = None, delimiter: str | None = None) -> Table:
    """Read a CSV, TSV or XLSX file into rows of text (:mod:`reviewer.core.tables`).

    Args:
        path: the glossary; a workbook saved under a text name is read as a workbook.
        sheet: the worksheet to read; by default the first visible one whose columns are
            recognised (:func:`guess_mapping`).
        delimiter: the delimiter of a CSV/TSV file, one character; sniffed when ``None``.

    Raises:
        InputError: unreadable, too large, not a spreadsheet, unknown sheet, a chart
            sheet, a bad delimiter, or empty.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or _is_zip(p):
        table, raw = read_workbook(p, sheet, lambda t: guess_mapping(t) is not None, what="glossary", refuse_review=False,
                                   note_lost=False, max_bytes=MAX_TABLE_BYTES)
        if table.sheet:
            note_uncalculated_formulas(raw, table)
    elif suffix in (".csv", ".tsv", ".txt", ".tab"):
        table = read_delimited(p, delimiter=delimiter or "", what="glossary", max_bytes=MAX_TABLE_BYTES)
    else:
        raise InputError(p, f"unsupported glossary type '{p.suffix or '(none)'}'; reviewer reads .tbx, .csv, .tsv and .xlsx")
    table.rows = [[_unquote(c) for c in row] for row in table.rows]
    if is_blank([c for row in table.rows for c in row]):
        raise InputError(p, "the glossary is empty")
    return table


def _is_zip(p: Path) -> bool:
    """An Excel workbook saved under a text name (``glossary.csv`` that is really .xlsx)."""
    try:
        with p.open("rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _unquote(cell: str) -> str:
    """Strip the ``'`` that :func:`write_table` put before a would-be formula."""
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


# -- mapping -----------------------------------------------------------------


def header_field(cell: str) -> str | None:
    """The field a header cell names (:data:`HEADER_ALIASES`, or a language tag such as
    ``zh-TW`` or ``eng``), or ``None``."""
    key = normalise_header(cell).replace("_", " ")
    for candidate in (key, key.replace(" ", "-")):
        if candidate in HEADER_ALIASES:
            return HEADER_ALIASES[candidate]
    return language_column(cell)


def guess_mapping(table: Table) -> Mapping | None:
    """Find the header row and map its columns, or recognise a headerless zh/en table by
    its scripts (:func:`reviewer.core.tables.headers.content_columns`).

    Returns:
        The mapping, or ``None`` when no Chinese and English columns can be found.
    """
    found = find_header(table.rows, header_field, lambda cols: "en" in cols and ("zh" in cols or "concept" in cols))
    if found is not None:
        return Mapping(*found)
    zh_col, en_col = content_columns(table.rows, min_letters=_MIN_TERM_LETTERS)
    if zh_col is None or en_col is None:
        return None
    above = first_pair_row(table.rows, zh_col, en_col)  # a header with names reviewer does not know, or a title
    return Mapping(above if above is not None else -1, {"zh": zh_col, "en": en_col})


def parse_mapping(spec: str) -> dict[str, int]:
    """Parse ``zh=A,en=C,status=D,forbidden=E`` (letters or 1-based numbers) into field ->
    column index (0-based); the fields are :data:`IMPORT_FIELDS`.

    Raises:
        ValueError: an unknown field or a bad column.
    """
    out: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, _, col = part.partition("=")
        name = name.strip().lower()
        if name not in IMPORT_FIELDS:
            raise ValueError(f"unknown field '{name}' (fields: {', '.join(IMPORT_FIELDS)})")
        col = col.strip().upper()
        if col.isdigit() and int(col) > 0:
            out[name] = int(col) - 1
        elif col.isalpha() and col.isascii():
            out[name] = column_index(col)
        else:
            raise ValueError(f"bad column '{col}' for {name} (use a letter such as B or a number such as 2)")
    return out


# -- building concepts ---------------------------------------------------------


def build_termbase(table: Table, mapping: Mapping, name: str | None = None) -> tuple[Termbase, ImportReport]:
    """Turn mapped rows into concepts.

    In a CSV/TSV file, a row with text in more cells than the header has (or than most
    rows have, with no header) is skipped with its row number in ``report.skipped``: a
    stray delimiter has shifted its cells. A ``forbidden`` column's variants (``;``
    between several) are added to the concept as forbidden English terms.

    Raises:
        InputError: the mapping has no English column, or nothing could be imported (the
            report's reasons are in the message).
    """
    delimiter = DELIMITER_NAMES.get(table.delimiter, repr(table.delimiter))
    where = f"sheet '{table.sheet}'" if table.sheet else f"{table.encoding}, delimiter {delimiter}"
    report = ImportReport(mapping=mapping.describe(table), notes=list(table.notes), where=where)
    if "en" not in mapping.columns or not ("zh" in mapping.columns or "concept" in mapping.columns):
        raise InputError(table.path, "the column mapping needs an English column and a Chinese or concept column")
    tb = Termbase(name=name or table.path.stem, path=None)
    by_key: dict[str, Concept] = {}
    last_key: str | None = None
    last_zh = ""
    header = table.rows[mapping.header_row] if 0 <= mapping.header_row < len(table.rows) else None
    width = expected_width(table, header, mapping.columns.values())
    for index in range(mapping.header_row + 1, len(table.rows)):
        row = table.rows[index]
        number = index + 1
        if width and any(c.strip() for c in row[width:]):
            report.read += 1
            report.skipped.append((number, f"{len(row)} cells where the {'header has' if mapping.header_row >= 0 else 'other rows have'} {width} "
                                   f"(a stray {delimiter} inside a cell?); fix the row and import again"))
            continue

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
        if any(_same(t.text, en) for t in concept.en):
            report.skipped.append((number, f"duplicate of an earlier row ('{en}')"))
            _add_forbidden(concept, get("forbidden"))
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
        _add_forbidden(concept, get("forbidden"))
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


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _add_forbidden(concept: Concept, cell: str) -> None:
    """Add the variants in a ``forbidden`` cell (``;`` or ``；`` between several) to
    ``concept`` as forbidden English terms, leaving out those it has."""
    for variant in _LIST_SEP.split(cell.strip()):
        if variant and not any(_same(t.text, variant) for t in concept.en):
            concept.en.append(Term(text=variant, status=Status.FORBIDDEN))


def _fill_concept(concept: Concept, g: Callable[[str], str]) -> None:
    concept.subject = g("subject")
    concept.definition = g("definition")
    concept.note = g("note")
    concept.verified = g("verified")
    concept.sources = [_parse_source(s) for s in g("sources").split(SOURCE_SEP.strip()) if s.strip()]
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


def import_glossary(
    path: str | Path, sheet: str | None = None, columns: dict[str, int] | None = None, header_row: int | None = None,
    delimiter: str | None = None,
) -> tuple[Termbase, ImportReport]:
    """Read and build in one step, guessing what is not given.

    Args:
        path: a CSV, TSV or XLSX glossary.
        sheet: the worksheet (see :func:`read_table`).
        columns: field -> 0-based column (:func:`parse_mapping`); guessed when ``None``.
        header_row: 0-based index of the header row, ``-1`` for none; guessed when ``None``.
        delimiter: the CSV/TSV delimiter, one character; sniffed when ``None``.

    Raises:
        InputError: see :func:`read_table` and :func:`build_termbase`; also when
            no Chinese and English columns can be found.
    """
    table = read_table(path, sheet, delimiter)
    guessed = guess_mapping(table)
    if columns is not None:
        mapping = Mapping(header_row if header_row is not None else (guessed.header_row if guessed else -1), columns)
    elif guessed is None:
        raise InputError(table.path, "cannot find a Chinese and an English column; name them in a header row (中文/English, zh/en) or give the mapping")
    else:
        mapping = guessed if header_row is None else Mapping(header_row, guessed.columns)
    return build_termbase(table, mapping)
