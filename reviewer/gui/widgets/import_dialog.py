"""Import preview: the glossary's first rows, an editable column mapping, and the import report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from reviewer.core.errors import ReviewerError
from reviewer.gui.widgets.mapping_layout import lay_out_mapping_dialog
from reviewer.core.termbase import Termbase
from reviewer.core.termbase.tabular import Mapping, Table, column_letter, build_termbase, guess_mapping, read_table

#: Fields offered in the mapping, in order, with their labels.
MAPPED_FIELDS = {
    "zh": "Chinese term", "en": "English term", "status": "Status", "concept": "Concept ID", "subject": "Subject",
    "definition": "Definition", "note": "Concept note", "usage_note": "Usage note", "sources": "Sources",
    "verified": "Verified", "zh_variants": "Chinese variants", "zh_hant": "Traditional Chinese", "form": "Term type",
    "case_sensitive": "Case-sensitive", "match": "Match mode", "threshold": "Threshold", "valid_from": "Valid from",
    "valid_to": "Valid to",
}
PREVIEW_ROWS = 25


class ImportDialog(QDialog):
    """Shows how a CSV/TSV/XLSX glossary will be read, and lets the user fix the mapping.

    After ``exec()`` returns true, :attr:`result_termbase` holds the imported
    concepts and :attr:`report_text` the import report.

    Raises:
        ReviewerError: the file cannot be read at all.
    """

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {path.name}")
        self.resize(900, 600)
        self.path = path
        self.table: Table = read_table(path)
        self.result_termbase: Termbase | None = None
        self.report_text = ""
        self.sheet = QComboBox()
        self.sheet.addItems(self.table.sheets or ["(text file)"])
        self.sheet.setEnabled(bool(self.table.sheets))
        if self.table.sheet:
            self.sheet.setCurrentText(self.table.sheet)
        self.sheet.currentTextChanged.connect(self._load_sheet)
        self.header = QSpinBox()
        self.header.setRange(0, 20)
        self.header.setSpecialValueText("none")
        self.header.valueChanged.connect(lambda _v: self._update())
        self.combos: dict[str, QComboBox] = {}
        mapping_form = QFormLayout()
        for name, label in MAPPED_FIELDS.items():
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i: self._update())
            self.combos[name] = combo
            mapping_form.addRow(label, combo)
        self.preview = QTableWidget()
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay_out_mapping_dialog(self, self.sheet, self.header, self.preview, mapping_form, self.report, self.buttons, self.table.encoding, self.table.delimiter)
        self._fill()

    def _load_sheet(self, name: str) -> None:
        try:
            self.table = read_table(self.path, name)
        except ReviewerError as exc:
            self.report.setText(str(exc))
            return
        self._fill()

    def _fill(self) -> None:
        rows = self.table.rows[:PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.preview.clear()
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        guess = guess_mapping(self.table) or Mapping(-1, {})
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", -1)
            for c in range(width):
                head = self.table.rows[guess.header_row][c] if guess.header_row >= 0 and c < len(self.table.rows[guess.header_row]) else ""
                combo.addItem(f"{column_letter(c)} {head}".strip(), c)
        for name, combo in self.combos.items():
            combo.setCurrentIndex(combo.findData(guess.columns.get(name, -1)))
            combo.blockSignals(False)
        self.header.blockSignals(True)
        self.header.setValue(guess.header_row + 1)
        self.header.blockSignals(False)
        self._update()

    def mapping(self) -> Mapping:
        """The mapping as the dialog shows it now."""
        columns = {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData() is not None and combo.currentData() >= 0}
        return Mapping(self.header.value() - 1, columns)

    def _update(self) -> None:
        try:
            tb, report = build_termbase(self.table, self.mapping())
        except ReviewerError as exc:
            self.result_termbase = None
            self.report.setText(f"Nothing to import: {exc}")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.result_termbase = tb
        lines = [report.summary()]
        lines += [f"row {row}: {reason}" for row, reason in report.skipped[:8]]
        if len(report.skipped) > 8:
            lines.append(f"… and {len(report.skipped) - 8} more skipped rows")
        lines += report.notes[:3]
        self.report_text = report.summary()
        self.report.setText("\n".join(lines))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
