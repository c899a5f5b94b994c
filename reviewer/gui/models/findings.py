"""Table model of the findings of a review, with its filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.core.checks import Finding
from reviewer.core.review import Decision, Review
from reviewer.gui.i18n import tr
from reviewer.gui.models import Index, ObjectRole, RowTableModel

SEVERITY_COLOURS = {"critical": "#f4b6b6", "major": "#fcd9b0", "minor": "#fff2b3", "neutral": "#e8e8e8"}


class FindingTableModel(RowTableModel):
    """One row per finding: segment, severity, check, flagged text, suggestion, decision,
    filtered by check, severity, concept, segment state and decision.

    The model filters its own rows (a list comprehension per filter change, about 10 ms for
    70,000 findings) rather than through a ``QSortFilterProxyModel``, which asks Python about
    each row one call at a time (about 90 ms for the same batch).

    :data:`ObjectRole` returns the :class:`~reviewer.core.checks.Finding`.
    """

    SEGMENT, DECISION, SEVERITY, CHECK, TEXT, SUGGESTION, MESSAGE = range(7)
    HEADERS = ("Seg.", "Decision", "Severity", "Check", "Flagged text", "Suggestion", "Message")

    def __init__(self, review: Review | None = None) -> None:
        super().__init__()
        self._review = review
        self._check = ""
        self._decision: Decision | None = None
        self._severity = ""
        self._concept = ""
        self._state = ""
        self._all: list[tuple[Finding, Decision | None]] = self.make_rows(review)
        self._rows: list[tuple[Finding, Decision | None]] = self._filtered()

    @staticmethod
    def make_rows(review: Review | None) -> list[tuple[Finding, Decision | None]]:
        """The rows for ``review``: the findings of the latest run (their decisions are looked
        up when a row is shown: a batch has tens of thousands) and the accepted and fixed ones
        the edits removed, all in segment order, so that an accepted finding stays where it was.
        Pure: a worker thread may build them and pass them to :meth:`set_review`."""
        if review is None:
            return []
        current = {f.key for f in review.findings}
        rows: list[tuple[Finding, Decision | None]] = [(f, None) for f in review.findings]
        gone = [(a.finding, Decision.ACCEPTED) for a in review.applied if a.finding.key not in current]
        gone += [(f, Decision.FIXED) for k, f in review.fixed.items() if k not in current and review.decisions.get(k) is Decision.FIXED]
        if not gone:
            return rows  # the findings come in segment order already
        order = {(review.doc_key(d), s.id): i for d in review.documents for i, s in enumerate(d.segments)}
        docs = {review.doc_key(d): i for i, d in enumerate(review.documents)}
        rows += gone
        rows.sort(key=lambda r: (docs.get(r[0].document, len(docs)), order.get((r[0].document, r[0].segment), 0), r[0].start))
        return rows

    def set_review(self, review: Review | None, rows: list[tuple[Finding, Decision | None]] | None = None) -> None:
        """Show the findings of ``review`` (call again after a check run); ``rows``: its
        :meth:`make_rows`, when the caller built them already."""
        self.beginResetModel()
        self._review = review
        self._all = rows if rows is not None else self.make_rows(review)
        self._rows = self._filtered()
        self.endResetModel()

    # -- filters -------------------------------------------------------------

    def set_check(self, check_id: str) -> None:
        """Show only findings of ``check_id`` (``""`` for all)."""
        self._check = check_id
        self.refilter()

    def set_decision(self, decision: Decision | None) -> None:
        """Show only findings with ``decision`` (``None`` for all)."""
        self._decision = decision
        self.refilter()

    def set_severity(self, severity: str) -> None:
        """Show only findings of this severity (``""`` for all)."""
        self._severity = severity
        self.refilter()

    def set_concept(self, concept_id: str) -> None:
        """Show only findings about this concept id (``""`` for all)."""
        self._concept = concept_id
        self.refilter()

    def set_state(self, state: str) -> None:
        """Show only findings in segments of this state (``""`` for all)."""
        self._state = state
        self.refilter()

    def active(self) -> bool:
        """True when some filter is set."""
        return bool(self._check or self._decision is not None or self._severity or self._concept or self._state)

    def refilter(self) -> None:
        """Apply the filters again (decisions or segment states changed)."""
        self.beginResetModel()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[tuple[Finding, Decision | None]]:
        rows = self._all
        if self._check:
            rows = [r for r in rows if r[0].check == self._check]
        if self._severity:
            rows = [r for r in rows if r[0].severity.value == self._severity]
        if self._concept:
            rows = [r for r in rows if r[0].term is not None and r[0].term.concept == self._concept]
        review = self._review
        if review is not None and self._state:
            rows = [r for r in rows if review.state(r[0].document, r[0].segment) == self._state]
        if review is not None and self._decision is not None:
            rows = [r for r in rows if (r[1] or review.decision(r[0])) is self._decision]
        return rows  # may be self._all itself: neither list is ever changed in place

    # -- rows ----------------------------------------------------------------

    def finding(self, row: int) -> Finding:
        """The finding on ``row`` (of the rows shown)."""
        return self._rows[row][0]

    def decision(self, row: int) -> Decision:
        """The decision on the finding of ``row``."""
        f, decision = self._rows[row]
        if decision is not None:
            return decision
        return self._review.decision(f) if self._review is not None else Decision.OPEN

    def concepts(self) -> list[tuple[str, str]]:
        """``(concept id, label)`` of every concept the findings are about, sorted by label."""
        return self.concepts_of(self._review.findings if self._review is not None else [])

    @staticmethod
    def concepts_of(findings: list[Finding]) -> list[tuple[str, str]]:
        """``(concept id, label)`` of every concept ``findings`` are about, sorted by label."""
        seen: dict[str, str] = {}
        for f in findings:
            if f.term is not None and f.term.concept and f.term.concept not in seen:
                seen[f.term.concept] = f"{f.term.source} {f.term.preferred}".strip()
        return sorted(seen.items(), key=lambda x: x[1])

    def decisions_changed(self) -> None:
        """Decisions or segment states changed: filter again when they are filtered on, else
        repaint every row."""
        if self._decision is not None or self._state:
            self.refilter()
        elif self._rows:
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
                return finding_tooltip(f)
            return {
                self.SEGMENT: f.segment,
                self.SEVERITY: f.severity.value,
                self.CHECK: f.check,
                self.TEXT: f.text or "(" + tr("not in the translation") + ")",
                self.SUGGESTION: f.suggestion if f.suggestion is not None else "",
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


def finding_tooltip(f: Finding) -> str:
    """The hover text of a finding: its message, then for a literal rendering which English word
    rendered which Chinese part and the confidence, and for a calque the rule and its source."""
    lines = [f.message]
    glosses = f.details.get("glosses")
    if glosses:
        lines.append("Matched glosses (CC-CEDICT):")
        lines += [f"  {g['english']} → {g['chinese']}" for g in glosses]
        lines.append(f"Confidence: {f.details.get('confidence', 0):.2f}")
    if f.details.get("rule"):
        lines.append(f"Calque rule: {f.details['rule']}")
        if f.details.get("source"):
            lines.append(f"Source: {f.details['source']}")
    return "\n".join(lines)
