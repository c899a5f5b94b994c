"""The termbase hits of the current segment, with the full entry of the selected hit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTextBrowser, QVBoxLayout, QWidget

from reviewer.core.matching import TermHit
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.terms import TermHitModel, entry_html
from reviewer.gui.i18n import tr


class TermPanel(QWidget):
    """A table of term hits (Chinese, found, status, preferred) over an entry pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TermHitModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((100, 170, 90, 200)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(TermHitModel.PREFERRED, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(TermHitModel.NOTE, True)  # shown in full in the entry pane
        self.table.setColumnHidden(TermHitModel.SOURCE, True)
        self.entry = QTextBrowser()
        self.entry.setOpenExternalLinks(True)
        self.entry.setPlaceholderText("Select a term hit to see its termbase entry.")
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        title = QLabel(tr("Termbase hits in this segment"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        for part in (self.table, self.entry):
            part.setMinimumHeight(40)  # the panel may be short: under the grid
        layout.addWidget(self.table, 3)
        layout.addWidget(self.entry, 2)

    def set_hits(self, hits: list[TermHit]) -> None:
        """Show ``hits`` and the entry of the first one."""
        self.model.set_hits(hits)
        self.table.resizeRowsToContents()
        if hits:
            self.table.selectRow(0)
        else:
            self.entry.clear()

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = self.model.data(current, ObjectRole) if current.isValid() else None
        self.entry.setHtml(entry_html(hit) if hit is not None else "")
