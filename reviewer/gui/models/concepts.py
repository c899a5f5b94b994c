"""Table models for the termbase editor: concepts, and the English terms of one concept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reviewer.core.termbase.edit import SearchHit
from reviewer.core.termbase.model import Concept, MatchMode, Status, Term
from reviewer.gui.models import Index, ObjectRole, RowTableModel
from reviewer.gui.models.terms import STATUS_COLOURS


class ConceptTableModel(RowTableModel):
    """One row per concept (search result): id, Chinese, preferred term, subject, terms.

    :data:`ObjectRole` returns the :class:`~reviewer.core.termbase.model.Concept`.
    """

    ID, CHINESE, PREFERRED, SUBJECT, TERMS = range(5)
    HEADERS = ("ID", "Chinese", "Preferred term", "Subject", "Terms")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Show these concepts."""
        self.beginResetModel()
        self._rows = list(hits)
        self.endResetModel()

    def concept(self, row: int) -> Concept:
        """The concept on ``row``."""
        return self._rows[row].concept

    def row_of(self, concept_id: str) -> int:
        """Row of a concept, or -1."""
        return next((i for i, h in enumerate(self._rows) if h.concept.id == concept_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()].concept
        if role == ObjectRole:
            return c
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.ID: c.id,
                self.CHINESE: " · ".join(t.text for t in c.zh),
                self.PREFERRED: c.preferred_text or "(none)",
                self.SUBJECT: c.subject,
                self.TERMS: len(c.en),
            }[index.column()]
        return None


class TermTableModel(RowTableModel):
    """The English terms of one concept, editable cell by cell.

    Edits do not touch the term directly: they call ``on_edit(term, field, value)``,
    which the editor turns into an undoable command.
    """

    TEXT, STATUS, FORM, NOTE, CASE, MATCH, THRESHOLD, VALID_FROM, VALID_TO = range(9)
    HEADERS = ("Term", "Status", "Type", "Usage note", "Case-sensitive", "Match", "Threshold", "Valid from", "Valid to")
    FIELDS = ("text", "status", "form", "note", "case_sensitive", "match", "threshold", "valid_from", "valid_to")

    def __init__(self, on_edit: Callable[[Term, str, Any], None]) -> None:
        super().__init__()
        self._rows: list[Term] = []
        self._on_edit = on_edit

    def set_terms(self, terms: list[Term]) -> None:
        """Show ``terms``."""
        self.beginResetModel()
        self._rows = list(terms)
        self.endResetModel()

    def term(self, row: int) -> Term:
        """The term on ``row``."""
        return self._rows[row]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == self.CASE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return t
        if role == Qt.ItemDataRole.CheckStateRole and col == self.CASE:
            return Qt.CheckState.Checked if t.case_sensitive else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = {
                self.TEXT: t.text,
                self.STATUS: t.status.value,
                self.FORM: t.form,
                self.NOTE: t.note,
                self.CASE: "",
                self.MATCH: t.match.value,
                self.THRESHOLD: "" if t.threshold is None else f"{t.threshold:g}",
                self.VALID_FROM: t.valid_from,
                self.VALID_TO: t.valid_to,
            }[col]
            return value
        if role == Qt.ItemDataRole.BackgroundRole and col == self.STATUS:
            return QBrush(QColor(STATUS_COLOURS.get(t.status.value, "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STATUS:
            return "preferred, admitted, deprecated, superseded or forbidden"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        t = self._rows[index.row()]
        col = index.column()
        field = self.FIELDS[col]
        if col == self.CASE and role == Qt.ItemDataRole.CheckStateRole:
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif col == self.STATUS:
            try:
                new = Status(str(value).strip().lower())
            except ValueError:
                return False
        elif col == self.MATCH:
            try:
                new = MatchMode(str(value).strip().lower())
            except ValueError:
                return False
        elif col == self.THRESHOLD:
            text = str(value).strip()
            try:
                new = None if not text else float(text)
            except ValueError:
                return False
            if new is not None and not 0 <= new <= 100:
                return False
        else:
            new = " ".join(str(value).split()) if col == self.TEXT else str(value).strip()
            if col == self.TEXT and not new:
                return False
        if getattr(t, field) == new:
            return False
        self._on_edit(t, field, new)
        return True

    def refresh(self) -> None:
        """The terms changed underneath (undo): repaint."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down editor for the Status and Match columns of :class:`TermTableModel`."""

    CHOICES = {TermTableModel.STATUS: [s.value for s in Status], TermTableModel.MATCH: [m.value for m in MatchMode]}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = self.CHOICES.get(index.column())
        if choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems(choices)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
