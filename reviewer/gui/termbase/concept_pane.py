"""The right side of the termbase editor: the form and the English terms of one concept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.termbase import Concept, Source, Term
from reviewer.gui.models.concepts import ChoiceDelegate, TermTableModel

#: Widths of the terms table's columns, in :class:`TermTableModel` order.
TERM_COLUMN_WIDTHS = (260, 90, 80, 160, 60, 75, 70, 75, 75)


def sources_text(c: Concept) -> str:
    """The sources of ``c`` as the form shows them: one a line, ``title | publisher | date | URL``."""
    return "\n".join(" | ".join([s.title, s.publisher, s.date, s.url]).rstrip(" |") for s in c.sources)


def parse_sources(text: str) -> list[Source]:
    """The sources typed in the form (see :func:`sources_text`); lines with no title are skipped."""
    sources = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split("|")] + ["", "", "", ""]
        if parts[0]:
            sources.append(Source(parts[0], parts[1], parts[3], parts[2]))
    return sources


@dataclass(frozen=True, slots=True)
class ConceptFields:
    """What the form holds, ready for :func:`reviewer.core.termbase.edit.set_concept_fields`."""

    zh: list[str]
    subject: str = ""
    definition: str = ""
    note: str = ""
    sources: list[Source] = field(default_factory=list)
    verified: str = ""


class ConceptPane(QWidget):
    """The concept shown in the editor: its fields, English terms and occurrences.

    The pane only shows and collects: the editor applies what it collects as undoable edits.

    Args:
        on_edit_term: ``(term, field, value)``, called when a cell of the terms table is edited.
    """

    def __init__(self, on_edit_term: Callable[[Term, str, Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.id_label = QLabel()
        self.id_label.setStyleSheet("font-weight: bold;")
        self.zh_edit = QLineEdit()
        self.zh_edit.setToolTip("Chinese terms, separated by ';' (the first is the main one)")
        self.subject_edit = QLineEdit()
        self.definition_edit = QPlainTextEdit()
        self.note_edit = QPlainTextEdit()
        self.sources_edit = QPlainTextEdit()
        self.sources_edit.setPlaceholderText("One source a line: title | publisher | date | URL")
        for box in (self.definition_edit, self.note_edit, self.sources_edit):
            box.setMaximumHeight(70)
        self.verified_edit = QComboBox()
        self.verified_edit.addItems(["", "yes", "partly", "no"])
        self.verified_edit.setToolTip("Was the preferred rendering checked against an official English text?")
        self.apply_button = QPushButton("Apply concept changes")
        form = QFormLayout()
        form.addRow("Chinese", self.zh_edit)
        form.addRow("Subject", self.subject_edit)
        form.addRow("Definition", self.definition_edit)
        form.addRow("Note", self.note_edit)
        form.addRow("Sources", self.sources_edit)
        form.addRow("Verified", self.verified_edit)

        self.term_model = TermTableModel(on_edit_term)
        self.terms = QTableView()
        self.terms.setModel(self.term_model)
        self.terms.setItemDelegate(ChoiceDelegate(self.terms))
        self.terms.setWordWrap(False)
        self.terms.verticalHeader().hide()
        self.terms.horizontalHeader().setSectionResizeMode(TermTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.terms.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_term_button = QPushButton("Add term…")
        self.remove_term_button = QPushButton("Remove term")
        term_buttons = QHBoxLayout()
        term_buttons.addWidget(self.add_term_button)
        term_buttons.addWidget(self.remove_term_button)
        term_buttons.addStretch(1)
        self.occurrence_list = QListWidget()
        self.occurrence_list.setMaximumHeight(110)

        layout = QVBoxLayout(self)
        layout.addWidget(self.id_label)
        layout.addLayout(form)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel("English terms (double-click a cell to edit; status: preferred, admitted, deprecated, superseded, forbidden)"))
        layout.addWidget(self.terms, 1)
        layout.addLayout(term_buttons)
        layout.addWidget(QLabel("Occurrences in the open documents"))
        layout.addWidget(self.occurrence_list)

    def show_concept(self, c: Concept | None, occurrences: list[str] | None = None) -> None:
        """Show ``c`` (``None``: no concept, the form disabled) and where it occurs
        (``None``: occurrences are not known)."""
        for w in (self.zh_edit, self.subject_edit, self.definition_edit, self.note_edit, self.sources_edit, self.verified_edit, self.apply_button, self.terms):
            w.setEnabled(c is not None)
        self.id_label.setText(f"Concept {c.id}" + (f" · {c.verified} verified" if c and c.verified else "") if c else "No concept")
        self.zh_edit.setText("; ".join(t.text for t in c.zh) if c else "")
        self.subject_edit.setText(c.subject if c else "")
        self.definition_edit.setPlainText(c.definition if c else "")
        self.note_edit.setPlainText(c.note if c else "")
        self.sources_edit.setPlainText(sources_text(c) if c else "")
        self.verified_edit.setCurrentText(c.verified if c else "")
        self.term_model.set_terms(list(c.en) if c else [])
        for col, width in enumerate(TERM_COLUMN_WIDTHS):
            self.terms.setColumnWidth(col, width)
        self.occurrence_list.clear()
        if c is not None and occurrences is not None:
            self.occurrence_list.addItems(occurrences or ["(none in the open documents)"])

    def differs_from(self, c: Concept) -> bool:
        """True when the form differs from ``c`` (typed, not applied)."""
        return (
            self.zh_edit.text() != "; ".join(t.text for t in c.zh)
            or self.subject_edit.text() != c.subject
            or self.definition_edit.toPlainText() != c.definition
            or self.note_edit.toPlainText() != c.note
            or self.sources_edit.toPlainText() != sources_text(c)
            or self.verified_edit.currentText() != c.verified
        )

    def fields(self) -> ConceptFields:
        """The form's values: Chinese terms split at ``;`` (or ``；``), text trimmed."""
        return ConceptFields(
            zh=[z.strip() for z in self.zh_edit.text().replace("；", ";").split(";") if z.strip()],
            subject=self.subject_edit.text().strip(),
            definition=self.definition_edit.toPlainText().strip(),
            note=self.note_edit.toPlainText().strip(),
            sources=parse_sources(self.sources_edit.toPlainText()),
            verified=self.verified_edit.currentText(),
        )
