"""Table model of the segments of a review."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.core.checks import Finding
from reviewer.core.review import Review
from reviewer.gui.i18n import tr
from reviewer.gui.models import Index, ObjectRole, RowTableModel


#: Background of the State column.
STATE_COLOURS = {"reviewed": "#d7ecd9", "final": "#a5d6a7"}


class SegmentTableModel(RowTableModel):
    """One row per segment of every document: ID, Chinese source, MT, corrected text, open findings.

    :data:`ObjectRole` returns ``(document key, segment id)``.
    """

    ID, SOURCE, MT, CORRECTED, FINDINGS, STATE = range(6)
    HEADERS = ("ID", "Source", "MT", "Corrected", "Findings", "State")

    def __init__(self, review: Review | None = None) -> None:
        super().__init__()
        self._review: Review | None = None
        self._rows: list[tuple[str, str]] = []
        self._counts: dict[tuple[str, str], int] = {}
        if review is not None:
            self.set_review(review)

    def set_review(self, review: Review | None) -> None:
        """Show ``review`` (or nothing)."""
        self.beginResetModel()
        self._review = review
        self._rows = [] if review is None else [(review.doc_key(d), s.id) for d in review.documents for s in d.segments]
        self._recount()
        self.endResetModel()

    def _recount(self, open_findings: list[Finding] | None = None) -> None:
        if self._review is None:
            self._counts = {}
        else:
            self._counts = self.count(open_findings if open_findings is not None else self._review.open_findings())

    @staticmethod
    def count(open_findings: list[Finding]) -> dict[tuple[str, str], int]:
        """Open findings per ``(document key, segment id)`` (the Findings column). Pure: a
        worker thread may count and pass the result to :meth:`refresh`."""
        counts: dict[tuple[str, str], int] = {}
        for f in open_findings:
            k = (f.document, f.segment)
            counts[k] = counts.get(k, 0) + 1
        return counts

    def refresh(self, open_findings: list[Finding] | None = None, counts: dict[tuple[str, str], int] | None = None) -> None:
        """Findings or texts changed: update the Corrected and Findings columns (``open_findings``:
        the review's open findings, or ``counts``: :meth:`count` of them, when the caller has
        them already)."""
        if counts is not None:
            self._counts = counts
        else:
            self._recount(open_findings)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.CORRECTED), self.index(len(self._rows) - 1, self.STATE))

    def refresh_row(self, doc_key: str, segment_id: str) -> None:
        """One segment's text changed."""
        row = self.row_of(doc_key, segment_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, self.CORRECTED), self.index(row, self.STATE))

    def longest_label(self) -> str:
        """The longest text of the ID column (to size it once, not at every change)."""
        if self._review is None or not self._rows:
            return ""
        if len(self._review.documents) == 1:
            return max((seg_id for _doc, seg_id in self._rows), key=len)
        return max((f"{d.name}:{s.id}" for d in self._review.documents for s in d.segments), key=len)

    def has_sources(self) -> bool:
        """True when some segment has a Chinese source (the Source column is worth showing)."""
        return self._review is not None and any(s.source for d in self._review.documents for s in d.segments)

    def keys(self) -> list[tuple[str, str]]:
        """``(document key, segment id)`` of every row, in order."""
        return list(self._rows)

    def row_of(self, doc_key: str, segment_id: str) -> int:
        """Row of a segment, or -1."""
        try:
            return self._rows.index((doc_key, segment_id))
        except ValueError:
            return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._review is None:
            return None
        key = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return key
        doc_key, seg_id = key
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ID:
                return seg_id if len(self._review.documents) == 1 else f"{self._review.document(doc_key).name}:{seg_id}"
            if col == self.SOURCE:
                return self._review.document(doc_key).segment(seg_id).source or ""
            if col == self.MT:
                return self._review.document(doc_key).segment(seg_id).target
            if col == self.CORRECTED:
                return self._review.target(doc_key, seg_id)
            if col == self.FINDINGS:
                return self._counts.get(key, 0) or ""
            if col == self.STATE:
                state = self._review.state(doc_key, seg_id)
                return tr(state) + (" 💬" if (doc_key, seg_id) in self._review.comments else "")
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.SOURCE, self.MT, self.CORRECTED):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STATE:
            return self._review.comments.get(key) or None
        if role == Qt.ItemDataRole.BackgroundRole and col == self.STATE:
            colour = STATE_COLOURS.get(self._review.state(doc_key, seg_id))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.CORRECTED and not self._review.is_changed(doc_key, seg_id):
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.BackgroundRole and col == self.FINDINGS and self._counts.get(key):
            return QBrush(QColor("#fde2c8"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ID, self.FINDINGS, self.STATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
