"""CSV and TSV: decoding, delimiter sniffing and one record splitter with cell offsets.

* Decoding: :func:`reviewer.core.encoding.decode_bytes` detects the encoding (a BOM, UTF-8,
  UTF-16, GB18030/GBK ...) unless one is given; a ZIP or old Excel file under a text name
  is refused.
* Records: :func:`split_records` follows :func:`csv.reader` with the Excel dialect and
  keeps every cell's offsets, so a writer can splice a new value in place. ``\\r\\n``,
  ``\\n`` and a lone ``\\r`` (old Mac "CSV (Macintosh)") all end a record outside quotes;
  inside a quoted cell a line break becomes ``\\n`` (:func:`csv_cell_text`).
* Delimiter: given, or sniffed (:func:`sniff_delimiter`): the one of comma, tab, semicolon
  and vertical bar that splits the first records most consistently, so one ragged row
  does not throw the choice; :class:`csv.Sniffer` when none splits them at all.
"""

from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.encoding import decode_bytes
from reviewer.core.errors import InputError
from reviewer.core.fileio import read_regular_file
from reviewer.core.tables.grid import MAX_TABLE_BYTES, Table

__all__ = [
    "DELIMITERS", "DELIMITER_NAMES", "CsvField", "CsvRecord", "csv_cell_text", "decode_table", "parse_delimiter",
    "read_delimited", "sniff_delimiter", "split_bom", "split_records",
]

#: The delimiters sniffed, in the order that breaks ties (tab first for ``.tsv``).
DELIMITERS = (",", "\t", ";", "|")
#: Delimiter -> its name in metadata and messages.
DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon", "|": "vertical bar"}
_DELIMITER_WORDS = {**{v: k for k, v in DELIMITER_NAMES.items()}, "\\t": "\t", "pipe": "|", "bar": "|", "colon": ":"}
#: Characters of the text the sniffer looks at, and records it splits.
SNIFF_CHARS = 65536
SNIFF_RECORDS = 200


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
    """The delimiter of ``text``: of comma, tab, semicolon and vertical bar, the one that
    splits the first :data:`SNIFF_RECORDS` records into the same number of cells (two or
    more) most often, so a ragged row or two does not matter; ties go to tab for ``.tsv``
    and ``.tab``, else to comma. When none splits them, :class:`csv.Sniffer`'s choice among
    the four, else tab for ``.tsv``/``.tab`` and comma otherwise. Never raises."""
    tab_first = suffix.lower() in (".tsv", ".tab")
    order = ["\t", ",", ";", "|"] if tab_first else list(DELIMITERS)
    sample = text[:SNIFF_CHARS]
    best, best_score = "", (0.0, 0)
    for rank, delimiter in enumerate(order):
        if delimiter not in sample:
            continue
        records, _ = split_records(sample, delimiter, limit=SNIFF_RECORDS)
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
    if best:
        return best
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return order[0]


def parse_delimiter(text: str) -> str:
    """A delimiter as a user writes it: one character (``;``), ``\\t``, or a name
    (``tab``, ``comma``, ``semicolon``, ``pipe``, ``vertical bar``).

    Raises:
        ValueError: empty, longer than one character and no name, a quotation mark, a
            line break, a letter or a digit.
    """
    key = text if len(text) == 1 else text.strip().lower()
    delimiter = _DELIMITER_WORDS.get(key, key)
    if len(delimiter) != 1 or delimiter in "\"\r\n" or delimiter.isalnum():
        raise ValueError(f"bad delimiter {text!r}: give one character such as ';' or a name: tab, comma, semicolon, pipe")
    return delimiter


def split_bom(raw: bytes, encoding: str) -> tuple[bytes, str]:
    """``(byte-order mark, codec of the rest)`` of ``raw`` read as ``encoding``.

    Raises:
        LookupError: ``encoding`` is not a codec Python knows.
    """
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
        InputError: a ZIP or old Excel file under a text name, binary data, an unknown
            encoding, or bytes the encoding does not decode.
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


def read_delimited(
    path: Path, *, encoding: str = "", delimiter: str = "", what: str = "spreadsheet", max_bytes: int = MAX_TABLE_BYTES
) -> Table:
    """Read a CSV or TSV file into rows of text, one row per record (blank lines give ``[]``).

    Args:
        path: the file.
        encoding: read strictly as this codec; detected when ``""``.
        delimiter: one character; sniffed when ``""`` (:func:`sniff_delimiter`).
        what: the kind of file for the size-limit message ("glossary").
        max_bytes: the largest file read.

    Returns:
        The table with its encoding and delimiter; a note when a quotation mark opens a
        cell that never closes.

    Raises:
        InputError: unreadable, too large, not text (see :func:`decode_table`), or a
            delimiter that is not one character.
    """
    if delimiter and len(delimiter) != 1:
        raise InputError(path, f"the delimiter must be one character, not {delimiter!r}")
    raw = read_regular_file(path, max_bytes, what)
    text, encoding = decode_table(path, raw, encoding)
    delimiter = delimiter or sniff_delimiter(text, path.suffix)
    records, unterminated = split_records(text, delimiter)
    rows = [[csv_cell_text(f.value) for f in r.fields] for r in records]
    table = Table(path, rows, encoding=encoding, delimiter=delimiter)
    if unterminated:
        table.notes.append(f"row {len(rows)}: a quotation mark opens a cell that never closes, so the rest of the file is in that cell")
    return table
