"""The termbase editor: browse, search, edit, merge, import and save a termbase.

Every edit is a :class:`TermbaseCommand` on the editor's QUndoStack: it keeps a
copy of the concept list before and after, so undo and redo are exact. Saving
writes a temporary file and renames it (:func:`reviewer.core.fileio.atomic_write_bytes`).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.errors import ReviewerError
from reviewer.core.source_matching import to_simplified
from reviewer.core.paths import is_shipped, writable_copy
from reviewer.core.termbase import Concept, Source, Status, Term, Termbase, save_termbase
from reviewer.core.termbase.model import date_problem
from reviewer.core.termbase.edit import add_concept, add_rendering, delete_concept, merge_concepts, new_concept_id, search
from reviewer.core.termbase.validate import validate
from reviewer.gui.actions import add_edit_menu, make_action
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.concepts import ChoiceDelegate, ConceptTableModel, TermTableModel
from reviewer.gui.widgets.status_confirm import confirm_status, held_status

#: ``finder(concept) -> ["doc:segment  text", ...]``: where a concept occurs in the open review.
OccurrenceFinder = Callable[[Concept], list[str]]



class TermbaseCommand(QUndoCommand):
    """An edit of the termbase, undone by restoring the concept list as it was."""

    def __init__(self, editor: TermbaseEditor, text: str, change: Callable[[], object], select: str | None = None) -> None:
        super().__init__(text)
        self.editor = editor
        self.change: Callable[[], object] | None = change
        self.before = copy.deepcopy(editor.termbase.concepts)
        self.after: list[Concept] | None = None
        self.select = select or editor.current_id()
        self.select_before = editor.current_id()

    def redo(self) -> None:
        tb = self.editor.termbase
        if self.change is not None:
            self.change()
            self.change = None
            self.after = copy.deepcopy(tb.concepts)
        elif self.after is not None:
            tb.concepts = copy.deepcopy(self.after)
        self.editor.edited(self.select)

    def undo(self) -> None:
        self.editor.termbase.concepts = copy.deepcopy(self.before)
        self.editor.edited(self.select_before)


class TermbaseEditor(QMainWindow):
    """A window for terminology managers.

    Args:
        termbase: the termbase to edit (changed in place, so an open review sees edits at once).
        occurrences: finds a concept's occurrences in the open documents.

    Signals:
        changed(): the termbase changed (after every edit, undo and redo).
    """

    changed = Signal()

    def __init__(self, termbase: Termbase, occurrences: OccurrenceFinder | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.termbase = termbase
        self.occurrences = occurrences
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.resize(1200, 760)
        self._build()
        self._update_title()
        self.refresh_list()

    # -- construction ------------------------------------------------------------

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search Chinese or English (fuzzy)…")
        self.query.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Any status", None)
        for s in Status:
            self.status_filter.addItem(f"has {s.value} term", s.value)
        self.subject_filter = QComboBox()
        self.source_filter = QLineEdit()
        self.source_filter.setPlaceholderText("Source contains…")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(lambda: self.refresh_list())
        for w in (self.query, self.source_filter):
            w.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.status_filter, self.subject_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_list())

        self.concept_model = ConceptTableModel()
        self.concepts = QTableView()
        self.concepts.setModel(self.concept_model)
        self.concepts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.concepts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.concepts.verticalHeader().hide()
        self.concepts.setWordWrap(False)
        for col, width in ((ConceptTableModel.ID, 60), (ConceptTableModel.CHINESE, 130), (ConceptTableModel.SUBJECT, 95), (ConceptTableModel.TERMS, 45)):
            self.concepts.setColumnWidth(col, width)
        self.concepts.horizontalHeader().setSectionResizeMode(ConceptTableModel.PREFERRED, QHeaderView.ResizeMode.Stretch)
        self.concepts.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_concept(cur))
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.subject_filter)
        filters.addWidget(self.source_filter)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.query)
        ll.addLayout(filters)
        ll.addWidget(self.concepts)
        ll.addWidget(self.count_label)

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
        self._applying = False
        self.apply_button = QPushButton("Apply concept changes")
        self.apply_button.clicked.connect(self.apply_concept_fields)
        form = QFormLayout()
        form.addRow("Chinese", self.zh_edit)
        form.addRow("Subject", self.subject_edit)
        form.addRow("Definition", self.definition_edit)
        form.addRow("Note", self.note_edit)
        form.addRow("Sources", self.sources_edit)
        form.addRow("Verified", self.verified_edit)

        self.term_model = TermTableModel(self._edit_term)
        self.terms = QTableView()
        self.terms.setModel(self.term_model)
        self.terms.setItemDelegate(ChoiceDelegate(self.terms))
        self.terms.setWordWrap(False)
        self.terms.verticalHeader().hide()
        self.terms.horizontalHeader().setSectionResizeMode(TermTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.terms.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add_term = QPushButton("Add term…")
        add_term.clicked.connect(self.add_term_dialog)
        remove_term = QPushButton("Remove term")
        remove_term.clicked.connect(self.remove_current_term)
        term_buttons = QHBoxLayout()
        term_buttons.addWidget(add_term)
        term_buttons.addWidget(remove_term)
        term_buttons.addStretch(1)
        self.occurrence_list = QListWidget()
        self.occurrence_list.setMaximumHeight(110)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.id_label)
        rl.addLayout(form)
        rl.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        rl.addWidget(QLabel("English terms (double-click a cell to edit; status: preferred, admitted, deprecated, superseded, forbidden)"))
        rl.addWidget(self.terms, 1)
        rl.addLayout(term_buttons)
        rl.addWidget(QLabel("Occurrences in the open documents"))
        rl.addWidget(self.occurrence_list)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 640])
        self.setCentralWidget(split)
        self._build_menus()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(make_action(self, "&Save", QKeySequence.StandardKey.Save, self.save))
        file_menu.addAction(make_action(self, "Save &As…", QKeySequence.StandardKey.SaveAs, self.save_as_dialog))
        file_menu.addAction(make_action(self, "&Import Glossary…", None, self.import_dialog))
        file_menu.addSeparator()
        file_menu.addAction(make_action(self, "&Validate", None, self.show_validation))
        file_menu.addAction(make_action(self, "&Close", QKeySequence.StandardKey.Close, self.close))
        add_edit_menu(self, self.undo_stack)
        concept_menu = bar.addMenu("&Concept")
        concept_menu.addAction(make_action(self, "&New Concept…", QKeySequence.StandardKey.New, self.new_concept_dialog))
        concept_menu.addAction(make_action(self, "&Delete Concept", None, self.delete_current))
        concept_menu.addAction(make_action(self, "&Merge Another Concept Into This…", None, self.merge_dialog))
        concept_menu.addAction(make_action(self, "Add &Term…", "Ctrl+T", self.add_term_dialog))

    # -- list and selection ----------------------------------------------------------

    def refresh_list(self, select: str | None = None) -> None:
        """Re-run the search and filters; keep (or move to) the selected concept."""
        keep = select or self.current_id()
        subjects = sorted({c.subject for c in self.termbase.concepts if c.subject})
        current_subject = self.subject_filter.currentData()
        self.subject_filter.blockSignals(True)
        self.subject_filter.clear()
        self.subject_filter.addItem("Any subject", "")
        for s in subjects:
            self.subject_filter.addItem(s, s)
        i = self.subject_filter.findData(current_subject)
        self.subject_filter.setCurrentIndex(max(i, 0))
        self.subject_filter.blockSignals(False)
        hits = search(
            self.termbase,
            self.query.text(),
            status=Status(self.status_filter.currentData()) if self.status_filter.currentData() else None,
            subject=self.subject_filter.currentData() or "",
            source=self.source_filter.text(),
        )
        self.concept_model.set_hits(hits)
        self.count_label.setText(f"{len(hits)} of {len(self.termbase)} concepts")
        row = self.concept_model.row_of(keep) if keep else -1
        if row < 0 and hits:
            row = 0
        if row >= 0:
            self.concepts.selectionModel().setCurrentIndex(
                self.concept_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self._show_concept(self.concept_model.index(row, 0))
        else:
            self._show_concept(QModelIndex())

    def current_id(self) -> str | None:
        """Id of the concept shown, or ``None``."""
        return getattr(self, "_current_id", None)

    def current_concept(self) -> Concept | None:
        """The concept shown, as it is now in the termbase."""
        cid = self.current_id()
        return next((c for c in self.termbase.concepts if c.id == cid), None)

    def select_concept(self, concept_id: str) -> None:
        """Show a concept, clearing filters that hide it."""
        if self.concept_model.row_of(concept_id) < 0:
            self.query.clear()
            self.source_filter.clear()
            self.status_filter.setCurrentIndex(0)
            self.subject_filter.setCurrentIndex(0)
        self.refresh_list(concept_id)

    def _form_changed(self) -> bool:
        """True when the concept form differs from the concept shown (typed, not applied)."""
        c = self.current_concept()
        if c is None:
            return False
        return (
            self.zh_edit.text() != "; ".join(t.text for t in c.zh)
            or self.subject_edit.text() != c.subject
            or self.definition_edit.toPlainText() != c.definition
            or self.note_edit.toPlainText() != c.note
            or self.sources_edit.toPlainText() != _sources_text(c)
            or self.verified_edit.currentText() != c.verified
        )

    def _show_concept(self, index: QModelIndex) -> None:
        if not self._applying and self._form_changed():
            self._applying = True  # typed changes are applied, never dropped, when the reviewer moves on
            try:
                self.apply_concept_fields()
            finally:
                self._applying = False
        c: Concept | None = self.concept_model.data(index, ObjectRole) if index.isValid() else None
        self._current_id = c.id if c else None
        enabled = c is not None
        for w in (self.zh_edit, self.subject_edit, self.definition_edit, self.note_edit, self.sources_edit, self.verified_edit, self.apply_button, self.terms):
            w.setEnabled(enabled)
        self.id_label.setText(f"Concept {c.id}" + (f" · {c.verified} verified" if c and c.verified else "") if c else "No concept")
        self.zh_edit.setText("; ".join(t.text for t in c.zh) if c else "")
        self.subject_edit.setText(c.subject if c else "")
        self.definition_edit.setPlainText(c.definition if c else "")
        self.note_edit.setPlainText(c.note if c else "")
        self.sources_edit.setPlainText(_sources_text(c) if c else "")
        self.verified_edit.setCurrentText(c.verified if c else "")
        self.term_model.set_terms(list(c.en) if c else [])
        for col, width in enumerate((260, 90, 80, 160, 60, 75, 70, 75, 75)):
            self.terms.setColumnWidth(col, width)
        self.occurrence_list.clear()
        if c is not None and self.occurrences is not None:
            found = self.occurrences(c)
            self.occurrence_list.addItems(found or ["(none in the open documents)"])

    # -- edits (all through the undo stack) ----------------------------------------------

    def push(self, text: str, change: Callable[[], object], select: str | None = None) -> bool:
        """Run ``change`` as an undoable edit; a ValueError becomes a message and no edit."""
        probe = copy.deepcopy(self.termbase)
        try:  # try on a copy first, so a refused change leaves nothing on the stack
            _replay(change, self.termbase, probe)
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        except KeyError as exc:
            self.show_error(f"concept {exc.args[0]} is not in the termbase “{self.termbase.name}”")
            return False
        self.undo_stack.push(TermbaseCommand(self, text, change, select))
        return True

    def edited(self, select: str | None) -> None:
        """After every edit, undo and redo: refresh and tell the review."""
        self.refresh_list(select)
        self._update_title()
        self.changed.emit()

    def _edit_term(self, term: Term, field: str, value: Any) -> None:
        if self.terms.state() is QAbstractItemView.State.EditingState:
            # from a cell editor: edit (and ask) once it has closed, not while the table commits it
            QTimer.singleShot(0, self, lambda: self._edit_term(term, field, value))
            return
        c = self.current_concept()
        i = next((k for k, t in enumerate(c.en) if t is term), None) if c is not None else None
        if c is None or i is None:
            return
        cid = c.id
        if field == "status" and not confirm_status(self, c, term.text, term.status, value):
            self.term_model.refresh()  # No: the table shows the status as it was
            return

        def change() -> None:
            concept = self.termbase.concept(cid)
            term = concept.en[i]
            if field == "text" and any(k != i and " ".join(t.text.split()).casefold() == str(value).casefold() for k, t in enumerate(concept.en)):
                raise ValueError(f"“{value}” is already a term of this concept")
            if field == "status" and term.status is Status.PREFERRED and value is not Status.PREFERRED:
                raise ValueError("a concept needs a preferred term: make another term preferred instead")
            if field == "valid_from" or field == "valid_to":
                why = date_problem(str(value)) if value else ""
                if why:
                    raise ValueError(why)
            if field == "status" and value is Status.PREFERRED:
                for other in concept.en:
                    if other.status is Status.PREFERRED:
                        other.status = Status.ADMITTED  # one preferred term: the old one steps down
            setattr(term, field, value)
            if term.valid_from and term.valid_to and term.valid_to < term.valid_from:
                raise ValueError("“valid to” is before “valid from”")

        self.push(f"change {field} of “{term.text}”", change, cid)

    def apply_concept_fields(self) -> None:
        """Apply the form (Chinese, subject, definition, note, sources) as one edit."""
        c = self.current_concept()
        if c is None:
            return
        cid = c.id
        zh = [z.strip() for z in self.zh_edit.text().replace("；", ";").split(";") if z.strip()]
        subject = self.subject_edit.text().strip()
        definition = self.definition_edit.toPlainText().strip()
        note = self.note_edit.toPlainText().strip()
        verified = self.verified_edit.currentText()
        sources = []
        for line in self.sources_edit.toPlainText().splitlines():
            parts = [p.strip() for p in line.split("|")] + ["", "", "", ""]
            if parts[0]:
                sources.append(Source(parts[0], parts[1], parts[3], parts[2]))

        def change() -> None:
            concept = self.termbase.concept(cid)
            if not zh:
                raise ValueError("a concept needs a Chinese term")
            for other in self.termbase.concepts:
                if other.id != cid and any(t.text in zh for t in other.zh):
                    raise ValueError(f"a Chinese term is already in concept {other.id}")
            old = {t.text: t for t in concept.zh}
            concept.zh = [
                old[z] if z in old else Term(z, lang="zh-Hant" if to_simplified(z) != z else "zh-Hans", status=Status.ADMITTED)
                for z in zh
            ]
            concept.zh[0].status = Status.PREFERRED
            concept.subject, concept.definition, concept.note, concept.sources = subject, definition, note, sources
            concept.verified = verified

        self.push(f"edit concept {cid}", change, cid)

    def add_term_dialog(self) -> None:
        """Ask for an English rendering and its status, and add it to the current concept."""
        c = self.current_concept()
        if c is None:
            return
        text, ok = QInputDialog.getText(self, "Add term", f"English rendering for {c.source_term}:")
        if not ok or not text.strip():
            return
        status, ok = QInputDialog.getItem(self, "Add term", "Status:", [s.value for s in Status], 1, False)
        if ok and confirm_status(self, c, " ".join(text.split()), held_status(c, text), Status(status)):
            self.add_term(c.id, text, Status(status))

    def add_term(self, concept_id: str, text: str, status: Status, note: str = "") -> bool:
        """Add a rendering to a concept (undoable)."""
        return self.push(f"add “{text}”", lambda: add_rendering(self.termbase.concept(concept_id), text, status, note), concept_id)

    def remove_current_term(self) -> None:
        """Remove the selected English term of the current concept (undoable)."""
        c = self.current_concept()
        index = self.terms.currentIndex()
        if c is None or not index.isValid():
            return
        cid, i, text = c.id, index.row(), self.term_model.term(index.row()).text

        def change() -> None:
            concept = self.termbase.concept(cid)
            if len(concept.en) == 1:
                raise ValueError("a concept needs at least one English term; delete the concept instead")
            if concept.en[i].status is Status.PREFERRED:
                raise ValueError("make another term preferred before removing the preferred one")
            del concept.en[i]

        self.push(f"remove “{text}”", change, cid)

    def new_concept_dialog(self) -> None:
        """Ask for a Chinese term and its preferred rendering, and create the concept."""
        zh, ok = QInputDialog.getText(self, "New concept", "Chinese term:")
        if not ok or not zh.strip():
            return
        en, ok = QInputDialog.getText(self, "New concept", f"Preferred English term for {zh.strip()}:")
        if ok:
            self.new_concept(zh, en)

    def new_concept(self, zh: str, preferred: str, subject: str = "") -> str | None:
        """Create a concept (undoable); returns its id."""
        cid = new_concept_id(self.termbase)
        return cid if self.push(f"new concept {zh.strip()}", lambda: add_concept(self.termbase, zh, preferred, subject), cid) else None

    def delete_current(self) -> None:
        """Delete the current concept (undoable, after asking)."""
        c = self.current_concept()
        if c is None:
            return
        answer = QMessageBox.question(self, "Delete concept", f"Delete concept {c.id} ({c.source_term} / {c.preferred_text})?")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_concept(c.id)

    def delete_concept(self, concept_id: str) -> None:
        """Delete a concept (undoable)."""
        self.push(f"delete concept {concept_id}", lambda: delete_concept(self.termbase, concept_id), None)

    def merge_dialog(self) -> None:
        """Ask for another concept (id or Chinese term) and merge it into the current one."""
        c = self.current_concept()
        if c is None:
            return
        text, ok = QInputDialog.getText(self, "Merge concepts", f"Merge into {c.id} ({c.source_term}) the concept with id or Chinese term:")
        if not ok or not text.strip():
            return
        other = next((x for x in self.termbase.concepts if x.id == text.strip() or any(t.text == text.strip() for t in x.zh)), None)
        if other is None:
            self.show_error(f"no concept “{text.strip()}”")
            return
        self.merge(c.id, other.id)

    def merge(self, keep_id: str, other_id: str) -> None:
        """Merge ``other_id`` into ``keep_id`` (undoable)."""
        self.push(f"merge {other_id} into {keep_id}", lambda: merge_concepts(self.termbase, keep_id, other_id), keep_id)

    # -- files ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the termbase's file (atomic); asks for a file when it has none."""
        if self._form_changed():
            self.apply_concept_fields()
        if self.termbase.path is None or self.termbase.path.suffix.lower() != ".tbx":
            return self.save_as_dialog()
        if is_shipped(self.termbase.path):
            # the installed termbase is read-only: the edits become the user's own copy, used from now on
            copy = writable_copy(self.termbase.path)
            try:
                copy.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self.show_error(f"Cannot create {copy.parent}: {exc.strerror or exc}")
                return False
            if copy.exists() and copy.resolve() != self.termbase.path.resolve():
                answer = QMessageBox.question(self, "Save termbase", f"Replace your saved copy {copy} with this termbase?")
                if answer != QMessageBox.StandardButton.Yes:
                    return self.save_as_dialog()
            if not self.save_to(copy):
                return False
            self.statusBar().showMessage(f"The shipped termbase is read-only: saved as your own copy, {copy}, which reviewer now uses", 12000)
            return True
        return self.save_to(self.termbase.path)

    def save_as_dialog(self) -> bool:
        """Ask for a file (the dialog confirms overwriting) and save there."""
        start = str(self.termbase.path or Path.home() / "termbase.tbx")
        path, _ = QFileDialog.getSaveFileName(self, "Save termbase", start, "TBX (*.tbx);;CSV (*.csv);;TSV (*.tsv);;Excel (*.xlsx)")
        return bool(path) and self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the termbase to ``path`` by suffix; a TBX file becomes its new home."""
        try:
            save_termbase(self.termbase, path)
        except ReviewerError as exc:
            self.show_error(str(exc))
            return False
        if path.suffix.lower() == ".tbx":
            self.termbase.path = path
            self.undo_stack.setClean()
        self.statusBar().showMessage(f"Saved {path}", 6000)
        self._update_title()
        return True

    def import_dialog(self) -> None:
        """Choose a CSV/TSV/XLSX glossary, review the column mapping, and import it."""
        from reviewer.gui.widgets.import_dialog import ImportDialog

        path, _ = QFileDialog.getOpenFileName(self, "Import glossary", str(Path.home()), "Glossaries (*.csv *.tsv *.txt *.xlsx)")
        if not path:
            return
        try:
            dialog = ImportDialog(Path(path), self)
        except ReviewerError as exc:
            self.show_error(str(exc))
            return
        if dialog.exec() and dialog.result_termbase is not None:
            self.import_termbase(dialog.result_termbase, dialog.report_text)

    def import_termbase(self, imported: Termbase, report: str = "") -> None:
        """Add imported concepts (undoable): concepts with a known Chinese term merge into it."""

        counts = {"new": 0, "terms": 0, "conflicts": 0}

        def change() -> None:
            for k in counts:
                counts[k] = 0
            by_zh = {t.text: c for c in self.termbase.concepts for t in c.zh}
            for c in copy.deepcopy(imported.concepts):
                target = by_zh.get(c.source_term)
                if target is None:
                    c.id = c.id if all(c.id != x.id for x in self.termbase.concepts) else _fresh_id(self.termbase)
                    c.termbase = self.termbase.name
                    self.termbase.concepts.append(c)
                    counts["new"] += 1
                    continue
                for t in c.en:
                    same = next((x for x in target.en if x.text == t.text), None)
                    if same is None:
                        if t.status is Status.PREFERRED:
                            t = dataclasses.replace(t, status=Status.ADMITTED)  # the termbase keeps its preferred term
                        target.en.append(t)
                        counts["terms"] += 1
                    elif same.status is not t.status:
                        counts["conflicts"] += 1  # the termbase's status is kept
                if c.note and c.note not in target.note:
                    target.note = f"{target.note}\n{c.note}".strip()

        if self.push(f"import {len(imported)} concepts", change):
            message = f"Imported: {counts['new']} new concepts, {counts['terms']} terms added to existing concepts"
            if counts["conflicts"]:
                message += f", {counts['conflicts']} status conflicts (the termbase's status kept)"
            self.statusBar().showMessage(f"{message}. {report}", 15000)

    def show_validation(self) -> None:
        """List the validation problems in a message box."""
        problems = validate(self.termbase)
        text = "\n".join(str(p) for p in problems[:200]) or "No problems: the termbase validates clean."
        QMessageBox.information(self, "Validation", text)

    def show_error(self, message: str) -> None:
        """Show a problem with an edit or a file (never a traceback)."""
        self.last_error = message
        QMessageBox.warning(self, "Termbase", message)

    def _update_title(self) -> None:
        dirty = "" if self.undo_stack.isClean() else " •"
        where = f" — {self.termbase.path}" if self.termbase.path else ""
        self.setWindowTitle(f"Termbase: {self.termbase.name}{dirty}{where}")

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._form_changed():
            self.apply_concept_fields()
        if not self.undo_stack.isClean():
            answer = QMessageBox.question(
                self,
                "Unsaved termbase",
                "The termbase has unsaved changes. Save them?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (answer == QMessageBox.StandardButton.Save and not self.save()):
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Discard:
                self.discard_changes()
        super().closeEvent(event)

    def discard_changes(self) -> None:
        """Put the termbase back as it was at the last save (or when the editor opened)."""
        clean = self.undo_stack.cleanIndex()
        self.undo_stack.setIndex(clean if clean >= 0 else 0)
        self.undo_stack.clear()
        self.edited(self.current_id())


def _sources_text(c: Concept) -> str:
    return "\n".join(" | ".join([s.title, s.publisher, s.date, s.url]).rstrip(" |") for s in c.sources)


def _replay(change: Callable[[], object], real: Termbase, probe: Termbase) -> None:
    """Run ``change`` against a copy of the termbase, to see whether it raises."""
    concepts = real.concepts
    real.concepts = probe.concepts
    try:
        change()
    finally:
        real.concepts = concepts


def _fresh_id(tb: Termbase) -> str:
    return new_concept_id(tb, "imp")
