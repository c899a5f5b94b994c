"""Exports and re-imports: the review workbook, the findings as CSV, the corrected files in
their own formats and as text, and the import of an edited workbook (one undo step)."""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from reviewer.core.document import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.export import corrected_targets, write_corrected_text
from reviewer.core.review import Review
from reviewer.gui.i18n import tr
from reviewer.gui.undo import ReviewStateCommand

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow


class ExportController:
    """File ▸ Export Review Workbook, Import Review Workbook, Export Findings as CSV, Save
    Corrected As, Export Corrected Text, Reviewer Name."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def reviewer_name(self) -> str:
        """The reviewer's name for workbooks (kept in the settings)."""
        return str(self.window.settings.value("reviewerName", "") or "")

    def _save_path(self, title: str, suffix: str, file_filter: str) -> Path | None:
        """Ask for an output file; the dialog itself asks before overwriting."""
        if self.window.review is None:
            self.window.show_error("Nothing to export", "Open an article first.")
            return None
        self.window.undo_stack.settle()
        first = self.window.review.documents[0].path
        folder = Path(str(self.window.settings.value("exportFolder", "") or first.parent))
        suggested = folder / (first.stem + suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), file_filter)
        if not path:
            return None
        p = Path(path)
        if p.suffix.lower() != Path(suffix).suffix:
            p = p.with_name(p.name + Path(suffix).suffix)
        self.window.settings.setValue("exportFolder", str(p.parent))
        return p

    def export_dialog(self) -> None:
        """Ask where to save the review workbook and write it."""
        path = self._save_path("Export review workbook", "-review.xlsx", "Excel workbook (*.xlsx)")
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the workbook to ``path`` (the dialog has already confirmed any overwrite)."""
        from reviewer.core.workbook import export_workbook  # openpyxl and the writers load when first used
        assert self.window.review is not None
        try:
            export_workbook(
                self.window.review, path, reviewer=self.reviewer_name(), overwrite=True,
                project_id=self.window.session.project.project_id if self.window.session.project is not None else "", scorecard=self.window.checking.scorecard_settings(),
            )
        except ReviewerError as exc:
            self.window.show_error("Could not export the workbook", str(exc))
            return False
        self.window.statusBar().showMessage(f"Exported {path}", 8000)
        return True

    def save_corrected_dialog(self) -> None:
        """Write the corrections back in each document's own format, to new files.

        One document: ask for the file (the dialog asks before overwriting). A batch:
        ask for a folder and write ``NAME-corrected.EXT`` for each, asking once before
        overwriting any existing file.
        """
        if self.window.review is None:
            self.window.show_error("Nothing to save", "Open an article first.")
            return
        self.window.undo_stack.settle()
        docs = self.window.review.documents
        if len(docs) == 1:
            doc = docs[0]
            suffix = doc.path.suffix or ".txt"
            folder = Path(str(self.window.settings.value("exportFolder", "") or doc.path.parent))
            path, _ = QFileDialog.getSaveFileName(self.window, "Save corrected", str(folder / f"{doc.path.stem}-corrected{suffix}"), f"Same format (*{suffix})")
            if path:
                self.window.settings.setValue("exportFolder", str(Path(path).parent))
                self.save_corrected_to({self.window.review.doc_key(doc): Path(path)})
            return
        folder_name = QFileDialog.getExistingDirectory(self.window, "Save the corrected files into", str(docs[0].path.parent))
        if not folder_name:
            return
        targets = {self.window.review.doc_key(d): Path(folder_name) / f"{d.path.stem}-corrected{d.path.suffix}" for d in docs}
        existing = [p for p in targets.values() if p.exists()]
        if existing:
            answer = QMessageBox.question(self.window, "Overwrite files?", f"{len(existing)} of the files exist already (e.g. {existing[0].name}). Overwrite them?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_corrected_to(targets)

    def save_corrected_to(self, outputs: dict[str, Path]) -> bool:
        """Write each document (by key) to its path in its own format; stops at the first error."""
        from reviewer.core.writers import write_corrected  # openpyxl and the writers load when first used
        assert self.window.review is not None
        for key, path in outputs.items():
            doc = self.window.review.document(key)
            if path.exists() and doc.path.exists() and path.resolve() == doc.path.resolve():
                self.window.show_error("Could not save the corrected file", f"{path} is the file the document was read from; write the corrections to a new file")
                return False
            try:
                with tempfile.TemporaryDirectory() as tmp:
                    write_corrected(self._as_reviewed(doc, Path(tmp)), corrected_targets(self.window.review, doc), path)
            except ReviewerError as exc:
                self.window.show_error("Could not save the corrected file", str(exc))
                return False
        self.window.statusBar().showMessage(f"Saved {len(outputs)} corrected file(s): " + ", ".join(p.name for p in outputs.values()), 8000)
        return True

    def _as_reviewed(self, doc: Document, scratch: Path) -> Document:
        """``doc``, pointing at the file as it was when the review began: when the original
        has changed or gone since, the project's copy of its bytes is put in ``scratch``."""
        if self.window.session.project is None:
            return doc
        try:
            original, digest = self.window.session.project.original(Review.doc_key(doc))
        except KeyError:
            return doc
        try:
            current = hashlib.sha256(doc.path.read_bytes()).hexdigest()
        except OSError:
            current = ""
        if current == digest or original is None:
            return doc
        copy = scratch / doc.path.name
        copy.write_bytes(original)
        return dataclasses.replace(doc, path=copy)

    def import_review_dialog(self) -> None:
        """Ask for an edited review workbook and import it (with a preview)."""
        if self.window.review is None:
            self.window.show_error("Nothing to import into", "Open the project the workbook was exported from first.")
            return
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Import review workbook"), str(Path.home()), "Excel workbook (*.xlsx)")
        if path:
            self.import_review(Path(path))

    def import_review(self, path: Path, preview: bool = True) -> bool:
        """Plan the import of ``path``, show the plan, and apply it as one undo step when the
        reviewer presses Apply (at once when ``preview`` is false). Returns true when applied."""
        from reviewer.core.review_import import apply_import, plan_import  # openpyxl and the writers load when first used
        from reviewer.core.workbook import documents_id  # openpyxl and the writers load when first used
        assert self.window.review is not None
        self.window.undo_stack.settle()
        project_id = self.window.session.project.project_id if self.window.session.project is not None else documents_id(self.window.review)
        try:
            plan = plan_import(self.window.review, path, project_id)
        except ReviewerError as exc:
            self.window.show_error("Could not import the workbook", str(exc))
            return False
        self.window.last_import_plan = plan
        if preview:
            from reviewer.gui.widgets.import_review_dialog import ImportReviewDialog

            dialog = ImportReviewDialog(plan, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        if plan.blocked or plan.empty:
            self.window.statusBar().showMessage(tr("Nothing to import") + (f": {plan.conflicts[0]}" if plan.conflicts else ""), 8000)
            return False
        review = self.window.review
        self.window.undo_stack.push(ReviewStateCommand(review, self.window, f"import {path.name}", lambda: apply_import(review, plan)))
        self.window.statusBar().showMessage(f"{tr('Imported')} {len(plan.segment_changes) + len(plan.decision_changes)}; {len(plan.conflicts)} {tr('conflict(s) left alone')}", 10000)
        return True

    def export_csv_dialog(self) -> None:
        """Save every finding as CSV (UTF-8 with a BOM, so that Excel shows Chinese)."""
        from reviewer.core.workbook import export_findings_csv  # openpyxl and the writers load when first used
        path = self._save_path(tr("Export findings as CSV"), "-findings.csv", "CSV (*.csv)")
        if path is None or self.window.review is None:
            return
        try:
            export_findings_csv(self.window.review, path)
        except ReviewerError as exc:
            self.window.show_error("Could not export the findings", str(exc))
            return
        self.window.statusBar().showMessage(f"Exported {path}", 8000)

    def export_text_dialog(self) -> None:
        """Ask where to save the corrected text of the first document and write it."""
        path = self._save_path("Export corrected text", "-corrected.txt", "Text (*.txt)")
        if path is not None:
            self.export_text_to(path)

    def export_text_to(self, path: Path) -> bool:
        """Write the corrected article (metadata header, paragraphs) to ``path`` as UTF-8."""
        assert self.window.review is not None
        try:
            write_corrected_text(self.window.review, self.window.review.documents[0], path)
        except ReviewerError as exc:
            self.window.show_error("Could not export the text", str(exc))
            return False
        self.window.statusBar().showMessage(f"Exported {path}", 8000)
        return True

    def ask_reviewer_name(self) -> None:
        """Ask for the reviewer's name."""
        name, ok = QInputDialog.getText(self.window, "Reviewer name", "Your name, for the review workbook:", text=self.reviewer_name())
        if ok:
            self.window.settings.setValue("reviewerName", name.strip())
