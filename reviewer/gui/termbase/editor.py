"""The termbase editor window: browse, search, edit, merge, import and save a termbase.

Every edit is a :class:`~reviewer.gui.termbase.commands.TermbaseCommand` on the editor's
QUndoStack: it keeps a copy of the concept list before and after, so undo and redo are
exact. The rules of each edit are in :mod:`reviewer.core.termbase.edit`; a change it
refuses (``ValueError``) becomes a message and leaves nothing on the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.termbase import Concept, Status, Term, Termbase
from reviewer.core.termbase.edit import (
    add_concept,
    add_rendering,
    delete_concept,
    edit_term,
    find_concept,
    merge_concepts,
    new_concept_id,
    remove_rendering,
    search,
    set_concept_fields,
)
from reviewer.core.termbase.validate import validate
from reviewer.gui.actions import add_edit_menu, make_action
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.concepts import ConceptTableModel
from reviewer.gui.termbase import files
from reviewer.gui.termbase.commands import TermbaseCommand, try_change
from reviewer.gui.termbase.concept_pane import ConceptPane
from reviewer.gui.widgets.status_confirm import confirm_status, held_status

#: ``finder(concept) -> ["doc:segment  text", ...]``: where a concept occurs in the open review.
OccurrenceFinder = Callable[[Concept], list[str]]


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
        self.last_error = ""
        self._current_id: str | None = None
        self._applying = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda _clean: self.update_title())
        self.resize(1200, 760)
        self._build()
        self.update_title()
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

        self.pane = pane = ConceptPane(self._edit_term)
        pane.apply_button.clicked.connect(self.apply_concept_fields)
        pane.add_term_button.clicked.connect(self.add_term_dialog)
        pane.remove_term_button.clicked.connect(self.remove_current_term)
        # the pane's widgets, under the editor's names
        self.zh_edit, self.subject_edit, self.definition_edit = pane.zh_edit, pane.subject_edit, pane.definition_edit
        self.note_edit, self.sources_edit, self.verified_edit = pane.note_edit, pane.sources_edit, pane.verified_edit
        self.terms, self.term_model, self.occurrence_list = pane.terms, pane.term_model, pane.occurrence_list

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(pane)
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
        return self._current_id

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

    def apply_typed_fields(self) -> None:
        """Apply the concept form if it was typed in and not applied yet."""
        c = self.current_concept()
        if c is not None and self.pane.differs_from(c):
            self.apply_concept_fields()

    def _show_concept(self, index: QModelIndex) -> None:
        if not self._applying:
            self._applying = True  # typed changes are applied, never dropped, when the reviewer moves on
            try:
                self.apply_typed_fields()
            finally:
                self._applying = False
        c: Concept | None = self.concept_model.data(index, ObjectRole) if index.isValid() else None
        self._current_id = c.id if c else None
        self.pane.show_concept(c, self.occurrences(c) if c is not None and self.occurrences is not None else None)

    # -- edits (all through the undo stack) ----------------------------------------------

    def push(self, text: str, change: Callable[[], object], select: str | None = None) -> bool:
        """Run ``change`` as an undoable edit; a refused change becomes a message and no edit."""
        try:  # try on a copy first, so a refused change leaves nothing on the stack
            try_change(change, self.termbase)
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
        self.update_title()
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
        self.push(f"change {field} of “{term.text}”", lambda: edit_term(self.termbase.concept(cid), i, field, value), cid)

    def apply_concept_fields(self) -> None:
        """Apply the form (Chinese, subject, definition, note, sources) as one edit."""
        c = self.current_concept()
        if c is None:
            return
        cid, f = c.id, self.pane.fields()
        self.push(
            f"edit concept {cid}",
            lambda: set_concept_fields(self.termbase, cid, f.zh, f.subject, f.definition, f.note, f.sources, f.verified),
            cid,
        )

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
        self.push(f"remove “{text}”", lambda: remove_rendering(self.termbase.concept(cid), i), cid)

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
        other = find_concept(self.termbase, text)
        if other is None:
            self.show_error(f"no concept “{text.strip()}”")
            return
        self.merge(c.id, other.id)

    def merge(self, keep_id: str, other_id: str) -> None:
        """Merge ``other_id`` into ``keep_id`` (undoable)."""
        self.push(f"merge {other_id} into {keep_id}", lambda: merge_concepts(self.termbase, keep_id, other_id), keep_id)

    # -- files (see reviewer.gui.termbase.files) --------------------------------------------

    def save(self) -> bool:
        """Save to the termbase's file (atomic); asks for a file when it has none. The
        shipped termbase is never written: its edits go to the user's own copy."""
        return files.save(self)

    def save_as_dialog(self) -> bool:
        """Ask for a file (the dialog confirms overwriting) and save there."""
        return files.save_as_dialog(self)

    def save_to(self, path: Path) -> bool:
        """Write the termbase to ``path`` by suffix; a TBX file becomes its new home."""
        return files.save_to(self, path)

    def import_dialog(self) -> None:
        """Choose a CSV/TSV/XLSX glossary, review the column mapping, and import it."""
        files.import_dialog(self)

    def import_termbase(self, imported: Termbase, report: str = "") -> None:
        """Add imported concepts (undoable): concepts with a known Chinese term merge into it
        (:func:`reviewer.core.termbase.edit.import_concepts`)."""
        files.import_termbase(self, imported, report)

    # -- messages and closing ---------------------------------------------------------------

    def show_validation(self) -> None:
        """List the validation problems in a message box."""
        problems = validate(self.termbase)
        text = "\n".join(str(p) for p in problems[:200]) or "No problems: the termbase validates clean."
        QMessageBox.information(self, "Validation", text)

    def show_error(self, message: str) -> None:
        """Show a problem with an edit or a file (never a traceback)."""
        self.last_error = message
        QMessageBox.warning(self, "Termbase", message)

    def update_title(self) -> None:
        """Show the termbase's name, file, and a dot when it has unsaved edits."""
        dirty = "" if self.undo_stack.isClean() else " •"
        where = f" — {self.termbase.path}" if self.termbase.path else ""
        self.setWindowTitle(f"Termbase: {self.termbase.name}{dirty}{where}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.apply_typed_fields()
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
