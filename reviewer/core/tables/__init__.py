"""The one spreadsheet layer: CSV, TSV and XLSX read into rows of text, and their columns found.

Used by the bilingual document reader (:mod:`reviewer.core.readers.table`), its writer
(:mod:`reviewer.core.writers.table`) and the glossary import
(:mod:`reviewer.core.termbase.tabular`); it imports nothing from them, nor from matching
or checks, only from the ground floor (encoding, errors, fileio, xmlsafe, langtags).

* :mod:`~reviewer.core.tables.grid`: :class:`Table` (rows of text), column letters.
* :mod:`~reviewer.core.tables.delimited`: decoding, delimiter sniffing and an override,
  one record splitter with cell offsets (old Mac CR line ends mended).
* :mod:`~reviewer.core.tables.bounds`: a workbook's merged ranges, hyperlink ranges,
  dimensions and row counts bounded to the cells that exist before openpyxl loads it.
* :mod:`~reviewer.core.tables.xlsx`: opening a workbook safely, sheets as text (merged
  cells filled, formulas by cached value), chart and hidden sheets skipped.
* :mod:`~reviewer.core.tables.headers`: header rows, the Chinese and English column names,
  columns recognised by script.
"""

from __future__ import annotations

from reviewer.core.tables.delimited import DELIMITER_NAMES, parse_delimiter, read_delimited
from reviewer.core.tables.grid import MAX_TABLE_BYTES, Table, column_index, column_letter, is_blank, one_line
from reviewer.core.tables.xlsx import open_workbook, read_workbook

__all__ = [
    "DELIMITER_NAMES", "MAX_TABLE_BYTES", "Table", "column_index", "column_letter", "is_blank", "one_line", "open_workbook",
    "parse_delimiter", "read_delimited", "read_workbook",
]
