"""All findings of the review, filterable by check and decision."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from reviewer.core.checks import Finding, Severity, all_checks
from reviewer.core.review import Decision, Review
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.findings import FindingTableModel
from reviewer.gui.i18n import STATE_NAMES, tr


class FindingsPanel(QWidget):
    """A filtered table of every finding.

    Signals:
        activated(object): the reviewer double-clicked a finding.
    """

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingTableModel()
        self._concepts: list[tuple[str, str]] | None = None
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._widths()
        self.table.doubleClicked.connect(self._on_double_click)
        self.check_filter = QComboBox()
        self.check_filter.addItem(tr("All checks"), "")
        for cls in all_checks():
            self.check_filter.addItem(cls.name, cls.id)
        self.check_filter.currentIndexChanged.connect(lambda _i: self.model.set_check(self.check_filter.currentData()))
        self.decision_filter = QComboBox()
        self.decision_filter.addItem(tr("All decisions"), None)
        for d in Decision:
            self.decision_filter.addItem(d.value.capitalize(), d.value)
        self.decision_filter.currentIndexChanged.connect(self._on_decision_filter)
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(tr("All severities"), "")
        for sev in Severity:
            self.severity_filter.addItem(sev.value.capitalize(), sev.value)
        self.severity_filter.currentIndexChanged.connect(lambda _i: self.model.set_severity(self.severity_filter.currentData()))
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("All states"), "")
        for state in STATE_NAMES:
            self.state_filter.addItem(tr(state), state)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.model.set_state(self.state_filter.currentData()))
        self.concept_filter = QComboBox()
        self.concept_filter.setMinimumContentsLength(14)
        self.concept_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.concept_filter.addItem(tr("All concepts"), "")
        self.concept_filter.currentIndexChanged.connect(lambda _i: self.model.set_concept(self.concept_filter.currentData() or ""))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        title = QLabel(tr("All findings"))
        title.setStyleSheet("font-weight: bold;")
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.check_filter)
        row.addWidget(self.decision_filter)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.severity_filter)
        row2.addWidget(self.state_filter)
        row2.addWidget(self.concept_filter)
        layout.addLayout(row2)
        layout.addWidget(self.table)

    def _on_decision_filter(self, _index: int) -> None:
        value = self.decision_filter.currentData()
        self.model.set_decision(Decision(value) if value else None)

    def _widths(self) -> None:
        for col, width in enumerate((40, 78, 62, 125, 170, 170)):
            self.table.setColumnWidth(col, width)

    def set_review(
        self,
        review: Review | None,
        rows: list[tuple[Finding, Decision | None]] | None = None,
        concepts: list[tuple[str, str]] | None = None,
    ) -> None:
        """Show the findings of ``review`` (again after every check run); ``rows`` and
        ``concepts``: the model's rows and concepts (:meth:`FindingTableModel.make_rows`,
        :meth:`FindingTableModel.concepts_of`), when built already."""
        self.model.set_review(review, rows)
        if concepts is None:
            concepts = self.model.concepts()
        if concepts == self._concepts:
            return  # the same concepts as before: leave the drop-down alone
        self._concepts = concepts
        current = self.concept_filter.currentData()
        self.concept_filter.blockSignals(True)
        self.concept_filter.clear()
        self.concept_filter.addItem(tr("All concepts"), "")
        for cid, label in concepts:
            self.concept_filter.addItem(label, cid)
        index = self.concept_filter.findData(current)
        self.concept_filter.setCurrentIndex(max(index, 0))
        self.concept_filter.blockSignals(False)
        if index < 0 and current:
            self.model.set_concept("")

    def decisions_changed(self) -> None:
        """Repaint after decisions changed."""
        self.model.decisions_changed()

    def _on_double_click(self, index: QModelIndex) -> None:
        finding: Finding = index.model().data(index, ObjectRole)
        self.activated.emit(finding)
