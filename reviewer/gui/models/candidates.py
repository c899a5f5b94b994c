"""Table model of candidate terms (:mod:`reviewer.core.term_extraction`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from reviewer.core.term_extraction import Candidate
from reviewer.gui.i18n import tr
from reviewer.gui.models import Index, ObjectRole, RowTableModel


class CandidateTableModel(RowTableModel):
    """One row per candidate term: text, language, count, documents, C-value score, segments.

    :data:`ObjectRole` returns the :class:`~reviewer.core.term_extraction.Candidate`; the
    user role of the Count, Documents and Score columns gives numbers to sort by.
    """

    TEXT, LANGUAGE, COUNT, DOCUMENTS, SCORE, SEGMENTS = range(6)
    HEADERS = ("Candidate term", "Language", "Count", "Documents", "Score", "Segments")

    def __init__(self, names: dict[str, str] | None = None) -> None:
        super().__init__()
        self._rows: list[Candidate] = []
        self._names = names or {}

    def set_candidates(self, candidates: list[Candidate], names: dict[str, str]) -> None:
        """Show ``candidates``; ``names``: document key -> file name, for the Segments column."""
        self.beginResetModel()
        self._rows = list(candidates)
        self._names = names
        self.endResetModel()

    def candidate(self, row: int) -> Candidate:
        """The candidate on ``row``."""
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return c
        if role == Qt.ItemDataRole.UserRole:
            return {self.COUNT: c.count, self.DOCUMENTS: c.documents, self.SCORE: c.score}.get(col, self.data(index))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SEGMENTS:
                many = len({d for d, _ in c.places}) > 1 or len(self._names) > 1
                return ", ".join(f"{self._names.get(d, d)}:{s}" if many else s for d, s in c.places[:8]) + (" …" if len(c.places) > 8 else "")
            return {self.TEXT: c.text, self.LANGUAGE: tr("Chinese") if c.language == "zh" else tr("English"), self.COUNT: c.count, self.DOCUMENTS: c.documents, self.SCORE: f"{c.score:.1f}"}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COUNT, self.DOCUMENTS, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
