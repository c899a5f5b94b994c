"""Opening a bilingual spreadsheet: a preview of its first rows and an editable column mapping."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QBrush, QColor
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

from reviewer.core.document import Document
from reviewer.core.errors import ReviewerError
from reviewer.gui.widgets.mapping_layout import lay_out_mapping_dialog
from reviewer.core.readers import table
from reviewer.core.termbase.tabular import column_letter

#: Mapped roles, with their labels, in the order shown.
ROLES = {"source": "Source (Chinese)", "target": "Target (English MT)", "id": "Row ID", "note": "Note", "reference": "Reference translation"}
ROLE_COLOURS = {"source": "#e3f2fd", "target": "#e8f5e9"}


class TableDialog(QDialog):
    """Shows how a CSV/TSV/XLSX file will be read and lets the user choose the columns.

    After ``exec()`` returns true, :attr:`document` holds the document read with the
    chosen mapping.

    Raises:
        ReviewerError: the file cannot be read as a table at all.
    """

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Open {path.name}")
        self.resize(1000, 560)
        self.path = path
        self.document: Document | None = None
        self.guess, self.rows = table.guess_mapping(path)
        self.sheet = QComboBox()
        self.sheet.addItems(list(self.guess.sheets) or ["(text file)"])
        self.sheet.setEnabled(bool(self.guess.sheets))
        if self.guess.sheet:
            self.sheet.setCurrentText(self.guess.sheet)
        self.sheet.currentTextChanged.connect(self._load_sheet)
        self.header = QSpinBox()
        self.header.setRange(0, table.PREVIEW_ROWS)
        self.header.setSpecialValueText("none")
        self.header.valueChanged.connect(lambda _v: self._update())
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for role, label in ROLES.items():
            combo = QComboBox()
            combo.currentIndexChanged.connect(lambda _i: self._update())
            self.combos[role] = combo
            form.addRow(label, combo)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay_out_mapping_dialog(self, self.sheet, self.header, self.preview, form, self.report, self.buttons, self.guess.encoding, self.guess.delimiter)
        self._fill()

    def _load_sheet(self, name: str) -> None:
        try:
            self.guess, self.rows = table.guess_mapping(self.path, name)
        except ReviewerError as exc:
            self.report.setText(str(exc))
            return
        self._fill()

    def _fill(self) -> None:
        width = max((len(r) for r in self.rows), default=0)
        self.preview.clear()
        self.preview.setRowCount(len(self.rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.resizeColumnsToContents()
        for c in range(width):
            self.preview.setColumnWidth(c, min(max(self.preview.columnWidth(c), 60), 320))
        self.preview.setWordWrap(False)
        header = self.rows[self.guess.header_row - 1] if self.guess.header_row else []
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", -1)
            for c in range(width):
                name = header[c] if c < len(header) else ""
                combo.addItem(f"{column_letter(c)} {name}".strip(), c)
            col = getattr(self.guess, role)
            combo.setCurrentIndex(combo.findData(col if col is not None else -1))
            combo.blockSignals(False)
        self.header.blockSignals(True)
        self.header.setValue(self.guess.header_row or 0)
        self.header.blockSignals(False)
        self._update()

    def mapping(self) -> table.TableMapping:
        """The mapping as the dialog shows it now."""
        mapping = replace(self.guess, header_row=self.header.value() or None)
        for role, combo in self.combos.items():
            data = combo.currentData()
            setattr(mapping, role, data if isinstance(data, int) and data >= 0 else None)
        return mapping

    def _update(self) -> None:
        mapping = self.mapping()
        for r in range(self.preview.rowCount()):
            for c in range(self.preview.columnCount()):
                item = self.preview.item(r, c)
                if item is None:
                    continue
                colour = next((ROLE_COLOURS[role] for role in ROLE_COLOURS if getattr(mapping, role) == c), None)
                item.setBackground(QBrush(QColor(colour)) if colour and (mapping.header_row or 0) <= r else QBrush())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.document = table.read(self.path, mapping)
        except ReviewerError as exc:
            self.document = None
            self.report.setText(f"Cannot open with this mapping: {exc.reason if hasattr(exc, 'reason') else exc}")
            ok.setEnabled(False)
            return
        lines = [f"{len(self.document.segments)} rows will be reviewed ({mapping.describe(self.rows[mapping.header_row - 1] if mapping.header_row else None)})."]
        lines += self.document.warnings[:3]
        self.report.setText("\n".join(lines))
        ok.setEnabled(True)
