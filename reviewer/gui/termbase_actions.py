"""The window's Termbase menu: the termbase editor, adding a flagged rendering, project
termbases and candidate terms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from reviewer.core.errors import ReviewerError
from reviewer.core.matching import TermMatcher
from reviewer.core.term_extraction import Candidate, extract_candidates
from reviewer.core.termbase import Concept, Status, load_termbase
from reviewer.gui.i18n import tr
from reviewer.gui.termbase.editor import TermbaseEditor
from reviewer.gui.undo import TermbaseStepCommand
from reviewer.gui.widgets.candidates_dialog import CandidatesDialog
from reviewer.gui.widgets.status_confirm import confirm_status, held_status
from reviewer.gui.workers import Task, run_in_background

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow


def default_status(check: str, matched_status: str) -> Status:
    """The status Ctrl+T offers first for a finding's text: the non-standard status it was
    flagged with (forbidden, or deprecated for deprecated and superseded terms), deprecated for
    the other wordings the checks flag (literal renderings, calques, what the target used for a
    missing term), and admitted only for another rendering of a consistent concept
    (``term-inconsistent``), which may well be acceptable. One Enter never writes a known MT
    error into the termbase as acceptable."""
    if matched_status == Status.FORBIDDEN.value:
        return Status.FORBIDDEN
    if check == "term-inconsistent" and matched_status in (Status.ADMITTED.value, Status.PREFERRED.value, ""):
        return Status.ADMITTED
    return Status.DEPRECATED


class TermbaseActions:
    """What the Termbase menu does, for one window.

    Args:
        window: the window whose review and termbases these act on.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._editor: TermbaseEditor | None = None
        self._candidates: CandidatesDialog | None = None

    @property
    def editor(self) -> TermbaseEditor | None:
        """The termbase editor, if one was opened."""
        return self._editor

    @property
    def candidates(self) -> CandidatesDialog | None:
        """The candidate terms dialog, if it was opened."""
        return self._candidates


    def termbase_editor(self) -> TermbaseEditor | None:
        """The editor of the first (highest-priority) termbase, created on first use."""
        if not self.window.termbases:
            self.window.show_error("No termbase", "Open an article first; the termbase loads with it.")
            return None
        if self._editor is not None and self._editor.termbase is not self.window.termbases[0]:
            if not self._editor.undo_stack.isClean():
                self.window.show_error("Termbase editor", f"Save or discard the changes to “{self._editor.termbase.name}” first.")
                return None
            self._editor.close()  # a project termbase now comes first: edit that one
            self._editor.deleteLater()
            self._editor = None
        if self._editor is None:
            self._editor = TermbaseEditor(self.window.termbases[0], self.concept_occurrences, self.window)
            self._editor.changed.connect(self.termbase_changed)
        return self._editor

    def open_termbase_editor(self) -> None:
        """Show the termbase editor."""
        editor = self.termbase_editor()
        if editor is not None:
            editor.show()
            editor.raise_()

    def termbase_changed(self) -> None:
        """The termbase was edited: match with it at once and check again."""
        if self.window.review is not None:
            self.window.review.matcher = TermMatcher(self.window.review.termbases)
            self.window.show_current()
            self.window.checking.recheck()
        self.window.update_status()

    def concept_occurrences(self, concept: Concept) -> list[str]:
        """``"doc:segment  text"`` for every hit of ``concept`` in the open documents."""
        if self.window.review is None or self.window.review.matcher is None:
            return []
        out = []
        for unit in self.window.review.units():
            for hit in self.window.review.matcher.match(unit.text):
                if hit.concept.id == concept.id:
                    out.append(f"{Path(unit.document).name}:{unit.segment}  {hit.text} ({hit.term.status.value})")
        return out

    def add_rendering_from_finding(self) -> None:
        """Put the current finding's flagged text into the termbase: as a status of its
        concept, or as the preferred term of a new concept."""
        f = self.window.panel.current_finding()
        editor = self.termbase_editor()
        if f is None or editor is None:
            return
        choices = ["new concept"]
        offered = (Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN)
        default = 0
        if f.term is not None and f.term.concept:
            choices = [f"{s.value} rendering of {f.term.source or f.term.concept}" for s in offered] + choices
            default = offered.index(default_status(f.check, f.term.status))
        choice, ok = QInputDialog.getItem(self.window, "Add to termbase", f"Add “{f.text}” to the termbase as:", choices, default, False)
        if not ok:
            return
        asked = False  # the question below names the finding and covers the status change too
        if choice.startswith(Status.ADMITTED.value) and f.term is not None and default_status(f.check, f.term.status) is not Status.ADMITTED:
            concept = next((c for c in editor.termbase.concepts if c.id == f.term.concept), None)
            about = f"{concept.source_term} ({concept.preferred_text}), {concept.id}" if concept is not None else f.term.concept
            answer = QMessageBox.question(
                self.window,
                "Add to termbase",
                f"“{f.text}” was flagged by {f.check} as a non-standard rendering of {about}.\n\n"
                "Make it an acceptable rendering? Every review with this termbase will then leave it alone.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            asked = True
        if choice == "new concept":
            zh, ok = QInputDialog.getText(self.window, "New concept", f"Chinese term rendered as “{f.text}”:")
            if ok and zh.strip():
                cid = editor.new_concept(zh, f.text)
                if cid:
                    self._link(editor, f"new concept {zh.strip()}")
                    self.window.statusBar().showMessage(f"New concept {cid}: {zh.strip()} = “{f.text}” (save it in the termbase editor)", 8000)
            return
        assert f.term is not None
        if all(c.id != f.term.concept for c in editor.termbase.concepts):
            self.window.show_error("Add to termbase", f"{f.term.source or f.term.concept} is in the termbase “{f.term.termbase}”, not in “{editor.termbase.name}”, the one being edited.")
            return
        status = Status(choice.split()[0])
        target = editor.termbase.concept(f.term.concept)
        if not asked and not confirm_status(self.window, target, f.text, held_status(target, f.text), status):
            return  # not flagged when checked, but the termbase holds the text as non-acceptable now
        if editor.add_term(f.term.concept, f.text, status):
            self._link(editor, f"add “{f.text}” to the termbase")
            self.window.statusBar().showMessage(f"“{f.text}” is now {status.value} in {f.term.concept} (save it in the termbase editor)", 8000)

    def _link(self, editor: TermbaseEditor, label: str) -> None:
        """Put the termbase edit just made in the review window's history too."""
        self.window.undo_stack.push(
            TermbaseStepCommand(label, editor.undo_stack, lambda message: self.window.statusBar().showMessage(message, 8000))
        )

    def candidates_dialog(self) -> CandidatesDialog | None:
        """Termbase ▸ Candidate Terms: the batch's frequent phrases that no concept covers."""
        if self.window.review is None:
            self.window.statusBar().showMessage(tr("Open an article first"), 6000)
            return None
        if self._candidates is None:
            self._candidates = CandidatesDialog(self.window)
            self._candidates.go_to.connect(self.window.select_segment)
            self._candidates.new_concept.connect(self.new_concept_from_candidate)
            self._candidates.refresh.connect(self.find_candidates)
        self._candidates.show()
        self._candidates.raise_()
        self.find_candidates(self._candidates.min_count.value())
        return self._candidates

    def find_candidates(self, min_count: int = 3) -> Task | None:
        """Look for candidate terms in the background and show them in the dialog."""
        if self.window.review is None or self._candidates is None:
            return None
        snapshot = self.window.checking.snapshot()
        units, matcher = snapshot.units(), snapshot.matcher
        assert matcher is not None
        names = {snapshot.doc_key(d): d.name for d in snapshot.documents}
        dialog = self._candidates
        dialog.set_busy()

        def work(_progress: Task) -> list[Candidate]:
            return extract_candidates(units, matcher, min_count, limit=500)

        return self.window.track(run_in_background(work, lambda found: dialog.set_candidates(found, names), self.window.failed))

    def new_concept_from_candidate(self, candidate: Candidate) -> str | None:
        """Make a new concept of a candidate term in the termbase editor (asks for the other
        language's term); returns the new concept id."""
        editor = self.termbase_editor()
        if editor is None:
            return None
        if candidate.language == "zh":
            other, ok = QInputDialog.getText(self.window, tr("New concept"), f"Preferred English term for {candidate.text}:")
            zh, en = candidate.text, other.strip()
        else:
            other, ok = QInputDialog.getText(self.window, tr("New concept"), f"Chinese term rendered as “{candidate.text}”:")
            zh, en = other.strip(), candidate.text
        if not ok or not (zh and en):
            return None
        cid = editor.new_concept(zh, en)
        if cid:
            self._link(editor, f"new concept {zh}")
            editor.show()
            self.window.statusBar().showMessage(f"New concept {cid}: {zh} = “{en}” (save it in the termbase editor)", 8000)
        return cid

    def add_termbase_dialog(self) -> None:
        """Load another termbase above the others (a project termbase wins over the shipped one)."""
        path, _ = QFileDialog.getOpenFileName(self.window, "Add termbase", str(Path.home()), "Termbases (*.tbx *.csv *.tsv *.xlsx)")
        if path:
            self.add_termbase(Path(path))

    def add_termbase(self, path: Path) -> bool:
        """Load ``path`` as the highest-priority termbase and check again."""
        try:
            tb = load_termbase(path)
        except ReviewerError as exc:
            self.window.show_error("Could not load the termbase", str(exc))
            return False
        self.window.termbases.insert(0, tb)
        self.window.termbase_paths.insert(0, path)
        if self.window.review is not None:
            self.window.review.termbases = self.window.termbases
        self.termbase_changed()
        return True
