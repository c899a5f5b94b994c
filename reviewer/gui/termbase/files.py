"""Saving the edited termbase and importing a glossary into it, for :class:`TermbaseEditor`.

Saving writes a temporary file and renames it (:func:`reviewer.core.termbase.save_termbase`);
the shipped termbase is never written: its edits become the user's own copy. What an
import does to concepts the termbase already has is
:func:`reviewer.core.termbase.edit.import_concepts`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core.errors import ReviewerError
from reviewer.core.paths import is_shipped, writable_copy
from reviewer.core.termbase import Termbase, save_termbase
from reviewer.core.termbase.edit import ImportCounts, import_concepts

if TYPE_CHECKING:
    from reviewer.gui.termbase.editor import TermbaseEditor


def save(editor: TermbaseEditor) -> bool:
    """Save to the termbase's file (atomic); asks for a file when it has none. See
    :meth:`TermbaseEditor.save`."""
    editor.apply_typed_fields()
    tb = editor.termbase
    if tb.path is None or tb.path.suffix.lower() != ".tbx":
        return save_as_dialog(editor)
    if is_shipped(tb.path):
        # the installed termbase is read-only: the edits become the user's own copy, used from now on
        copy = writable_copy(tb.path)
        try:
            copy.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            editor.show_error(f"Cannot create {copy.parent}: {exc.strerror or exc}")
            return False
        if copy.exists() and copy.resolve() != tb.path.resolve():
            answer = QMessageBox.question(editor, "Save termbase", f"Replace your saved copy {copy} with this termbase?")
            if answer != QMessageBox.StandardButton.Yes:
                return save_as_dialog(editor)
        if not save_to(editor, copy):
            return False
        editor.statusBar().showMessage(f"The shipped termbase is read-only: saved as your own copy, {copy}, which reviewer now uses", 12000)
        return True
    return save_to(editor, tb.path)


def save_as_dialog(editor: TermbaseEditor) -> bool:
    """Ask for a file (the dialog confirms overwriting) and save there."""
    start = str(editor.termbase.path or Path.home() / "termbase.tbx")
    path, _ = QFileDialog.getSaveFileName(editor, "Save termbase", start, "TBX (*.tbx);;CSV (*.csv);;TSV (*.tsv);;Excel (*.xlsx)")
    return bool(path) and save_to(editor, Path(path))


def save_to(editor: TermbaseEditor, path: Path) -> bool:
    """Write the termbase to ``path`` by suffix; a TBX file becomes its new home (and the
    undo stack clean)."""
    try:
        save_termbase(editor.termbase, path)
    except ReviewerError as exc:
        editor.show_error(str(exc))
        return False
    if path.suffix.lower() == ".tbx":
        editor.termbase.path = path
        editor.undo_stack.setClean()
    editor.statusBar().showMessage(f"Saved {path}", 6000)
    editor.update_title()
    return True


def import_dialog(editor: TermbaseEditor) -> None:
    """Choose a CSV/TSV/XLSX glossary, review the column mapping, and import it."""
    from reviewer.gui.widgets.import_dialog import ImportDialog

    path, _ = QFileDialog.getOpenFileName(editor, "Import glossary", str(Path.home()), "Glossaries (*.csv *.tsv *.txt *.xlsx)")
    if not path:
        return
    try:
        dialog = ImportDialog(Path(path), editor)
    except ReviewerError as exc:
        editor.show_error(str(exc))
        return
    if dialog.exec() and dialog.result_termbase is not None:
        import_termbase(editor, dialog.result_termbase, dialog.report_text)


def import_message(counts: ImportCounts) -> str:
    """The status bar's summary of an import."""
    message = f"Imported: {counts.new} new concepts, {counts.terms} terms added to existing concepts"
    if counts.conflicts:
        message += f", {counts.conflicts} status conflicts (the termbase's status kept)"
    return message


def import_termbase(editor: TermbaseEditor, imported: Termbase, report: str = "") -> ImportCounts | None:
    """Add imported concepts as one undoable edit; returns what was done, or ``None`` when
    the import was refused."""
    done: list[ImportCounts] = []

    def change() -> None:
        done.clear()  # the change runs on a trial copy first, then for real
        done.append(import_concepts(editor.termbase, imported))

    if not editor.push(f"import {len(imported)} concepts", change):
        return None
    editor.statusBar().showMessage(f"{import_message(done[-1])}. {report}", 15000)
    return done[-1]
