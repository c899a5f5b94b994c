"""Table model of the findings of a review, and a proxy that filters them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.core.checks import Finding
from reviewer.core.review import Decision, Review
from reviewer.gui.models import Index, ObjectRole, RowTableModel

SEVERITY_COLOURS = {"critical": "#f4b6b6", "major": "#fcd9b0", "minor": "#fff2b3", "neutral": "#e8e8e8"}


class FindingTableModel(RowTableModel):
    """One row per finding: segment, severity, check, flagged text, suggestion, decision.

    :data:`ObjectRole` returns the :class:`~reviewer.core.checks.Finding`.
    """

    SEGMENT, SEVERITY, CHECK, TEXT, SUGGESTION, DECISION, MESSAGE = range(7)
    HEADERS = ("Seg.", "Severity", "Check", "Flagged text", "Suggestion", "Decision", "Message")

    def __init__(self, review: Review | None = None) -> None:
        super().__init__()
        self._review = review
        self._rows: list[tuple[Finding, Decision | None]] = self._make_rows(review)

    @staticmethod
    def _make_rows(review: Review | None) -> list[tuple[Finding, Decision | None]]:
        """The findings of the latest run (their decisions are looked up when a row is shown:
        a batch has tens of thousands), then the accepted and fixed ones the edits removed."""
        if review is None:
            return []
        current = {f.key for f in review.findings}
        rows: list[tuple[Finding, Decision | None]] = [(f, None) for f in review.findings]
        rows += [(a.finding, Decision.ACCEPTED) for a in review.applied if a.finding.key not in current]
        rows += [(f, Decision.FIXED) for k, f in review.fixed.items() if k not in current and review.decisions.get(k) is Decision.FIXED]
        return rows

    def set_review(self, review: Review | None) -> None:
        """Show the findings of ``review`` (call again after a check run)."""
        self.beginResetModel()
        self._review = review
        self._rows = self._make_rows(review)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        """The finding on ``row``."""
        return self._rows[row][0]

    def decision(self, row: int) -> Decision:
        """The decision on the finding of ``row``."""
        f, decision = self._rows[row]
        if decision is not None:
            return decision
        return self._review.decision(f) if self._review is not None else Decision.OPEN

    def segment_state(self, f: Finding) -> str:
        """The state of the finding's segment."""
        return self._review.state(f.document, f.segment) if self._review is not None else "translated"

    def concepts(self) -> list[tuple[str, str]]:
        """``(concept id, label)`` of every concept the findings are about, sorted by label."""
        seen: dict[str, str] = {}
        for f in self._review.findings if self._review is not None else []:
            if f.term is not None and f.term.concept:
                seen.setdefault(f.term.concept, f"{f.term.source} {f.term.preferred}".strip())
        return sorted(seen.items(), key=lambda x: x[1])

    def decisions_changed(self) -> None:
        """Decisions changed: repaint every row."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._review is None:
            return None
        f = self._rows[index.row()][0]
        col = index.column()
        decision = self.decision(index.row())
        if role == ObjectRole:
            return f
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                return f.message
            return {
                self.SEGMENT: f.segment,
                self.SEVERITY: f.severity.value,
                self.CHECK: f.check,
                self.TEXT: f.text,
                self.SUGGESTION: f.suggestion if f.suggestion is not None else "—",
                self.DECISION: decision.value,
                self.MESSAGE: f.message,
            }[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == self.SEVERITY:
            return QBrush(QColor(SEVERITY_COLOURS.get(f.severity.value, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole and decision is not Decision.OPEN:
            return QBrush(QColor("#9a9a9a"))
        if role == Qt.ItemDataRole.FontRole and decision is Decision.DISMISSED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class FindingFilterProxy(QSortFilterProxyModel):
    """Filters findings by check id and by decision."""

    def __init__(self) -> None:
        super().__init__()
        self._check = ""
        self._decision: Decision | None = None
        self._severity = ""
        self._concept = ""
        self._state = ""

    def set_check(self, check_id: str) -> None:
        """Show only findings of ``check_id`` (``""`` for all)."""
        self._refilter(lambda: setattr(self, "_check", check_id))

    def set_decision(self, decision: Decision | None) -> None:
        """Show only findings with ``decision`` (``None`` for all)."""
        self._refilter(lambda: setattr(self, "_decision", decision))

    def set_severity(self, severity: str) -> None:
        """Show only findings of this severity (``""`` for all)."""
        self._refilter(lambda: setattr(self, "_severity", severity))

    def set_concept(self, concept_id: str) -> None:
        """Show only findings about this concept id (``""`` for all)."""
        self._refilter(lambda: setattr(self, "_concept", concept_id))

    def set_state(self, state: str) -> None:
        """Show only findings in segments of this state (``""`` for all)."""
        self._refilter(lambda: setattr(self, "_state", state))

    def active(self) -> bool:
        """True when some filter is set (without one, the view shows the model itself)."""
        return bool(self._check or self._decision is not None or self._severity or self._concept or self._state)

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and newer
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FindingTableModel)
        f = model.finding(source_row)
        if self._check and f.check != self._check:
            return False
        if self._severity and f.severity.value != self._severity:
            return False
        if self._concept and (f.term is None or f.term.concept != self._concept):
            return False
        if self._state and model.segment_state(f) != self._state:
            return False
        return self._decision is None or model.decision(source_row) is self._decision
