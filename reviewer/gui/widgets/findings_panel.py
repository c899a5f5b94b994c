"""All findings of the review, filterable by check and decision."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from reviewer.core.checks import Finding, all_checks
from reviewer.core.review import Decision, Review
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.findings import FindingFilterProxy, FindingTableModel


class FindingsPanel(QWidget):
    """A filtered table of every finding.

    Signals:
        activated(object): the reviewer double-clicked a finding.
    """

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingTableModel()
        self.proxy = FindingFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((40, 62, 125, 160, 160, 75)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._on_double_click)
        self.check_filter = QComboBox()
        self.check_filter.addItem("All checks", "")
        for cls in all_checks():
            self.check_filter.addItem(cls.name, cls.id)
        self.check_filter.currentIndexChanged.connect(lambda _i: self.proxy.set_check(self.check_filter.currentData()))
        self.decision_filter = QComboBox()
        self.decision_filter.addItem("All decisions", None)
        for d in Decision:
            self.decision_filter.addItem(d.value.capitalize(), d.value)
        self.decision_filter.currentIndexChanged.connect(self._on_decision_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        title = QLabel("All findings")
        title.setStyleSheet("font-weight: bold;")
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.check_filter)
        row.addWidget(self.decision_filter)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def _on_decision_filter(self, _index: int) -> None:
        value = self.decision_filter.currentData()
        self.proxy.set_decision(Decision(value) if value else None)

    def set_review(self, review: Review | None) -> None:
        """Show the findings of ``review`` (again after every check run)."""
        self.model.set_review(review)

    def decisions_changed(self) -> None:
        """Repaint after decisions changed."""
        self.model.decisions_changed()

    def _on_double_click(self, index: QModelIndex) -> None:
        finding: Finding = self.proxy.data(index, ObjectRole)
        self.activated.emit(finding)
