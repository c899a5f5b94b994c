"""Header rows and column roles: which column of a table is the Chinese, which the English.

Both the bilingual document reader and the glossary import find their columns here, each
with its own vocabulary of other column names:

* :func:`normalise_header` folds a header cell (NFKC, case, spaces, a trailing colon);
* :data:`LANGUAGE_HEADERS` and :func:`language_column` name the Chinese and English columns
  (``中文``, ``English``, ``source``, ``译文``, a language tag such as ``zh-CN`` or ``eng``);
* :func:`header_columns` and :func:`find_header` find the header row among the first
  :data:`HEADER_SEARCH_ROWS` rows;
* failing a header, :func:`content_columns` recognises the columns by script: the column
  mostly in Hanzi is the source, the first well-filled column mostly in Latin letters
  right of it the target; :func:`first_pair_row` finds where such rows begin, so that a
  title or a header with unknown names above them is never read as data.

Columns are 0-based, rows 0-based indices into the table's rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from reviewer.core.langtags import lang_kind
from reviewer.core.tables.grid import Table

__all__ = [
    "CONTENT_ROWS", "HEADER_SEARCH_ROWS", "LANGUAGE_HEADERS", "cell", "content_columns", "expected_width", "find_header", "first_pair_row",
    "header_columns", "is_chinese", "is_english", "language_column", "normalise_header",
]

#: Rows searched for a header.
HEADER_SEARCH_ROWS = 20
#: Rows looked at to recognise columns by their script.
CONTENT_ROWS = 200

#: Header cell (:func:`normalise_header`) -> ``"zh"`` (Simplified or unspecified Chinese),
#: ``"zh_hant"`` (Traditional) or ``"en"``.
LANGUAGE_HEADERS: dict[str, str] = {}
for _kind, _names in {
    "zh": "zh|zh-cn|zh cn|zh-hans|zh hans|zh-sg|zh sg|zho|chi|cn|chinese|chinese term|term cn|cn term|zh term|term zh|"
    "simplified chinese|source|source term|source language|中文|汉语|简体|简体中文|源语|原文|中文术语|术语|中文名称",
    "zh_hant": "zh-tw|zh tw|zh-hk|zh hk|zh-hant|zh hant|traditional chinese|traditional|繁体|繁体中文|繁體中文",
    "en": "en|en-us|en us|en-gb|en gb|eng|english|english term|term en|en term|target|target term|target language|"
    "translation|英文|英语|译文|英文术语|英文译名|译名",
}.items():
    for _name in _names.split("|"):
        LANGUAGE_HEADERS[_name] = _kind

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def normalise_header(text: str) -> str:
    """A header cell as looked up: NFKC (full-width letters plain), lower case, spaces
    collapsed, a trailing ``:`` or ``：`` dropped."""
    key = unicodedata.normalize("NFKC", text).strip().lower().rstrip(":：").strip()
    return " ".join(key.split())


def language_column(text: str) -> str | None:
    """``"zh"``, ``"zh_hant"`` or ``"en"`` when a header cell names a Chinese or English
    column (:data:`LANGUAGE_HEADERS`, ``_`` read as a space, or a language tag such as
    ``zh-TW``, ``EN_us``, ``zho``), else ``None``."""
    key = normalise_header(text).replace("_", " ")
    if not key:
        return None
    for candidate in (key, key.replace(" ", "-")):
        if candidate in LANGUAGE_HEADERS:
            return LANGUAGE_HEADERS[candidate]
    return {"zh-Hans": "zh", "zh-Hant": "zh_hant", "en": "en"}.get(lang_kind(key.replace(" ", "-")))


def cell(row: list[str] | None, col: int | None) -> str:
    """``row[col]``, or ``""`` when the row is short, absent, or ``col`` is ``None``."""
    return row[col] if row is not None and col is not None and 0 <= col < len(row) else ""


def header_columns(row: list[str], name_of: Callable[[str], str | None], better: Callable[[str, str, str], bool] | None = None) -> dict[str, int]:
    """Name -> column of the cells of ``row`` that ``name_of`` names; the first column of
    each name wins, unless ``better(name, new cell, old cell)`` says the later one does."""
    columns: dict[str, int] = {}
    for col, text in enumerate(row):
        name = name_of(text) if text.strip() else None
        if name is None:
            continue
        if name not in columns or (better is not None and better(name, text, row[columns[name]])):
            columns[name] = col
    return columns


def find_header(
    rows: list[list[str]], name_of: Callable[[str], str | None], complete: Callable[[dict[str, int]], bool],
    better: Callable[[str, str, str], bool] | None = None, search_rows: int = HEADER_SEARCH_ROWS,
) -> tuple[int, dict[str, int]] | None:
    """The first of the first ``search_rows`` rows whose named columns are ``complete``:
    ``(row index, name -> column)``, or ``None``."""
    for index, row in enumerate(rows[:search_rows]):
        columns = header_columns(row, name_of, better)
        if complete(columns):
            return index, columns
    return None


def is_chinese(text: str) -> bool:
    """Whether ``text`` is Chinese: some Hanzi, and at most four Latin letters to each."""
    cjk = len(_CJK_RE.findall(text))
    return cjk > 0 and cjk * 4 >= len(_LATIN_RE.findall(text))


def is_english(text: str) -> bool:
    """Whether ``text`` is in Latin letters: two or more, and under one Hanzi to ten letters."""
    latin = len(_LATIN_RE.findall(text))
    return latin >= 2 and len(_CJK_RE.findall(text)) * 10 < latin


def content_columns(
    rows: list[list[str]], source: int | None = None, target: int | None = None,
    taken: frozenset[int] = frozenset(), min_letters: float = 4,
) -> tuple[int | None, int | None]:
    """The source column (mostly Hanzi) and the target column (mostly Latin letters, filled
    where the source is, the first such right of the source) of the first
    :data:`CONTENT_ROWS` rows, keeping the ones given and never choosing a column in
    ``taken``. The first row with text is left out when there are others (it may be a
    header with names not known). A target's cells must hold ``min_letters`` Latin
    letters on average. ``None`` for a column not found."""
    body = [r for r in rows[:CONTENT_ROWS] if any(c.strip() for c in r)]
    if not body:
        return source, target
    width = max(len(r) for r in body)
    body = body[1:] if len(body) > 1 else body

    def share(col: int, test: Callable[[str], bool]) -> float:
        cells = [r[col] for r in body if col < len(r) and r[col].strip()]
        return sum(map(test, cells)) / len(cells) if cells else 0.0

    if source is None:
        free = [c for c in range(width) if c not in taken and c != target] or [0]
        best = max(free, key=lambda c: (share(c, is_chinese), -c))
        source = best if best not in taken and share(best, is_chinese) >= 0.6 else None
    if target is None:
        filled = [r for r in body if cell(r, source).strip()] or body
        candidates = []
        for col in range(width):
            if col == source or col in taken or share(col, is_english) < 0.6:
                continue
            cells = [r[col] for r in filled if col < len(r) and r[col].strip()]
            letters = sum(len(_LATIN_RE.findall(c)) for c in cells) / max(len(cells), 1)
            if len(cells) >= 0.5 * len(filled) and letters >= min_letters:
                candidates.append(col)
        right = [c for c in candidates if source is not None and c > source]
        target = (right or candidates)[0] if candidates else None
    return source, target


def first_pair_row(rows: list[list[str]], source: int, target: int) -> int | None:
    """Index of the last row with text above the first row whose ``source`` cell is
    Chinese and ``target`` cell English (a title or a header), or ``None`` when there is
    none (or no such pair)."""
    above: int | None = None
    for index, row in enumerate(rows):
        if is_chinese(cell(row, source)) and is_english(cell(row, target)):
            return above
        if any(c.strip() for c in row):
            above = index
    return None


def expected_width(table: Table, header: list[str] | None, mapped: Iterable[int]) -> int:
    """Cells a row of a CSV/TSV file should have: the ``header`` row's up to its last name (at
    least the ``mapped`` column indexes), else the most common count; 0 for a workbook (cells past
    a sheet's header are notes, not a row shifted by a delimiter inside an unquoted cell)."""
    if not table.delimiter:
        return 0
    least = max(mapped, default=-1) + 1
    if header is not None:
        named = [i for i, c in enumerate(header) if c.strip()]
        return max(named[-1] + 1, least) if named else 0
    counts = Counter(len(r) for r in table.rows if any(c.strip() for c in r))
    return max(max(counts, key=lambda n: (counts[n], n)), least) if counts else 0
