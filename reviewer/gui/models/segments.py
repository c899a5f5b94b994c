"""Table model of the segments of a review."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from reviewer.core.checks import Finding
from reviewer.core.document import Document, Segment
from reviewer.core.review import Review
from reviewer.gui.i18n import tr
from reviewer.gui.models import Index, ObjectRole, RowTableModel


#: Background of the State column.
STATE_COLOURS = {"reviewed": "#d7ecd9", "final": "#a5d6a7"}


#: States in which a segment counts as done (see :meth:`SegmentTableModel.is_open`).
DONE_STATES = frozenset({"reviewed", "final"})


class SegmentTableModel(RowTableModel):
    """One row per segment of every document: ID, Chinese source, MT, corrected text, open findings.

    :data:`ObjectRole` returns ``(document key, segment id)``.

    The Corrected column is editable once :meth:`set_editable` is on (the grid editor,
    :class:`reviewer.gui.widgets.segment_grid.SegmentGrid`, turns it on). The model never writes
    an edit into the review itself: :meth:`setData` on that column emits :attr:`edit_committed`
    when the text differs from the segment's current target, and the window applies it (with an
    undo command) and calls :meth:`refresh_row`.

    Signals:
        edit_committed(str, str, str): ``(document key, segment id, new text)`` of an edit made
            in the grid; emitted only when the text changed.
    """

    ID, SOURCE, MT, CORRECTED, FINDINGS, STATE = range(6)
    HEADERS = ("ID", "Source", "MT", "Corrected", "Findings", "State")

    edit_committed = Signal(str, str, str)

    def __init__(self, review: Review | None = None) -> None:
        super().__init__()
        self._review: Review | None = None
        self._rows: list[tuple[str, str]] = []
        self._row_index: dict[tuple[str, str], int] = {}
        self._docs: dict[str, Document] = {}
        self._counts: dict[tuple[str, str], int] = {}
        self._editable = False
        if review is not None:
            self.set_review(review)

    def set_editable(self, editable: bool) -> None:
        """Make the Corrected column editable in place (off by default: a plain table view
        with the default delegate must not offer an editor whose edits nobody applies)."""
        self._editable = editable

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self._editable and index.isValid() and index.column() == self.CORRECTED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit of the Corrected cell: emit :attr:`edit_committed` with ``value`` exactly as
        given when it differs from the current target (True), else nothing (False). The review
        is not changed here."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.CORRECTED or self._review is None:
            return False
        doc_key, seg_id = self._rows[index.row()]
        text = str(value)
        if text == self._target((doc_key, seg_id)):
            return False
        self.edit_committed.emit(doc_key, seg_id, text)
        return True

    def set_review(self, review: Review | None) -> None:
        """Show ``review`` (or nothing)."""
        self.beginResetModel()
        self._review = review
        self._rows = [] if review is None else [(review.doc_key(d), s.id) for d in review.documents for s in d.segments]
        self._row_index = {key: row for row, key in enumerate(self._rows)}
        self._docs = {} if review is None else {review.doc_key(d): d for d in review.documents}
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
        if self._review is not None:  # documents may have been replaced (realigned)
            self._docs = {self._review.doc_key(d): d for d in self._review.documents}
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
        return self._row_index.get((doc_key, segment_id), -1)

    def key(self, row: int) -> tuple[str, str]:
        """``(document key, segment id)`` of ``row`` (0 <= row < rowCount())."""
        return self._rows[row]

    def findings_count(self, row: int) -> int:
        """Open findings of the segment in ``row`` (the Findings column as a number)."""
        return self._counts.get(self._rows[row], 0)

    def is_open(self, row: int) -> bool:
        """True when the segment in ``row`` still needs the reviewer: it has open findings, or
        its state is neither reviewed nor final."""
        if self._review is None:
            return False
        key = self._rows[row]
        return self._counts.get(key, 0) > 0 or self._review.state(*key) not in DONE_STATES

    def next_open_row(self, start: int, step: int = 1, wrap: bool = False) -> int:
        """The first row from ``start`` (included) going by ``step`` (1 or -1) that
        :meth:`is_open`; with ``wrap``, past the end it goes on from the other end. -1 when none."""
        count = self.rowCount()
        if count == 0 or step == 0:
            return -1
        for i in range(count):
            row = start + i * step
            if wrap:
                row %= count
            elif not 0 <= row < count:
                return -1
            if self.is_open(row):
                return row
        return -1

    def mt_text(self, row: int) -> str:
        """The MT of the segment in ``row``."""
        assert self._review is not None
        return self._segment(self._rows[row]).target

    def target_text(self, row: int) -> str:
        """The current target (post-edit, else MT) of the segment in ``row``."""
        return self._target(self._rows[row])

    def _document(self, doc_key: str) -> Document:
        """The document of ``doc_key``, by dictionary (``Review.document`` searches the list: a
        batch of 250 documents made that a third of the time a grid takes to paint)."""
        assert self._review is not None
        doc = self._docs.get(doc_key)
        if doc is None:
            doc = self._docs[doc_key] = self._review.document(doc_key)
        return doc

    def _segment(self, key: tuple[str, str]) -> Segment:
        return self._document(key[0]).segment(key[1])

    def _target(self, key: tuple[str, str]) -> str:
        """As ``Review.target``, without its search for the document."""
        assert self._review is not None
        got = self._review.corrected.get(key)
        return got if got is not None else self._segment(key).target

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._review is None:
            return None
        key = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return key
        doc_key, seg_id = key
        if role == Qt.ItemDataRole.EditRole and col == self.CORRECTED:
            return self._target(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ID:
                return seg_id if len(self._review.documents) == 1 else f"{self._document(doc_key).name}:{seg_id}"
            if col == self.SOURCE:
                return self._segment(key).source or ""
            if col == self.MT:
                return self._segment(key).target
            if col == self.CORRECTED:
                return self._target(key)
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
        if role == Qt.ItemDataRole.ForegroundRole and col == self.CORRECTED and self._target(key) == self._segment(key).target:
            return QBrush(QColor("#6b6b6b"))  # unchanged from the MT (4.9:1 on white: readable)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.FINDINGS and self._counts.get(key):
            return QBrush(QColor("#fde2c8"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ID, self.FINDINGS, self.STATE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
