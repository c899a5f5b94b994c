"""Termbase ▸ Candidate Terms: what the termbase is missing, found in the open batch."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget

from reviewer.core.term_extraction import Candidate
from reviewer.gui.i18n import tr
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.candidates import CandidateTableModel


class CandidatesDialog(QDialog):
    """A sortable table of candidate terms, with the fewest occurrences to list.

    Signals:
        go_to(str, str): show a segment (document key, segment id): double-click or Go To.
        new_concept(object): make a concept of this :class:`Candidate` (New Concept…).
        refresh(int): extract again with this fewest number of occurrences.
    """

    go_to = Signal(str, str)
    new_concept = Signal(object)
    refresh = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Candidate terms"))
        self.resize(900, 560)
        self.model = CandidateTableModel()
        self._next: dict[tuple[str, str], int] = {}
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((300, 70, 60, 80, 60)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.go_to_selected())
        self.about = QLabel(
            tr("Frequent phrases that no concept of the termbase covers, best first. Double-click one to see where it occurs.")
        )
        self.about.setWordWrap(True)
        self.status = QLabel()
        self.min_count = QSpinBox()
        self.min_count.setRange(2, 1000)
        self.min_count.setValue(3)
        self.min_count.setPrefix(tr("at least") + " ")
        self.min_count.setSuffix(" " + tr("times"))
        again = QPushButton(tr("Find Again"))
        again.clicked.connect(lambda: self.refresh.emit(self.min_count.value()))
        go = QPushButton(tr("Go To"))
        go.clicked.connect(self.go_to_selected)
        concept = QPushButton(tr("New Concept…"))
        concept.clicked.connect(self._new_concept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.about, 1)
        top.addWidget(self.min_count)
        top.addWidget(again)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(go)
        bottom.addWidget(concept)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    def set_busy(self) -> None:
        """Say that candidates are being looked for."""
        self.status.setText(tr("Looking for candidate terms…"))

    def set_candidates(self, candidates: list[Candidate], names: dict[str, str]) -> None:
        """Show ``candidates`` (best first); ``names``: document key -> file name."""
        self.model.set_candidates(candidates, names)
        self._next = {}
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the extraction's own order
        zh = sum(c.language == "zh" for c in candidates)
        self.status.setText(f"{len(candidates)} " + tr("candidate terms") + f" ({len(candidates) - zh} {tr('English')}, {zh} {tr('Chinese')})")
        if candidates:
            self.table.selectRow(0)

    def current(self) -> Candidate | None:
        """The selected candidate."""
        index = self.table.currentIndex()
        return self.proxy.data(index, ObjectRole) if index.isValid() else None

    def go_to_selected(self) -> None:
        """Show the next place of the selected candidate (each Go To moves on to the next)."""
        c = self.current()
        if c is None or not c.places:
            return
        key = (c.language, c.text)
        n = self._next.get(key, 0) % len(c.places)
        self._next[key] = n + 1
        self.go_to.emit(*c.places[n])

    def _new_concept(self) -> None:
        c = self.current()
        if c is not None:
            self.new_concept.emit(c)
