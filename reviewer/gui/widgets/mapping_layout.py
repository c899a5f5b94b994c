"""The layout shared by the two spreadsheet dialogs (a glossary to import, a bilingual file to
open): sheet and header row on top, the preview on the left, the column mapping on the right,
the report and the buttons below."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.i18n import tr


def lay_out_mapping_dialog(
    dialog: QDialog, sheet: QComboBox, header: QSpinBox, preview: QTableWidget, mapping: QFormLayout,
    report: QLabel, buttons: QDialogButtonBox, encoding: str, delimiter: str,
) -> None:
    """Put the dialog's widgets in place (see the module docstring)."""
    top = QHBoxLayout()
    top.addWidget(QLabel(tr("Sheet")))
    top.addWidget(sheet)
    top.addWidget(QLabel(tr("Header row")))
    top.addWidget(header)
    top.addStretch(1)
    if encoding:
        top.addWidget(QLabel(f"{encoding}, delimiter {delimiter!r}"))
    body = QHBoxLayout()
    body.addWidget(preview, 3)
    side = QWidget()
    side.setLayout(mapping)
    body.addWidget(side, 1)
    layout = QVBoxLayout(dialog)
    layout.addLayout(top)
    layout.addLayout(body)
    layout.addWidget(report)
    layout.addWidget(buttons)
