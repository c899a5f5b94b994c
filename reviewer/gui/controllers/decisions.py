"""The reviewer's decisions, each one step of the window's undo history: editing, accepting,
dismissing, reopening and fixing findings, marking and commenting segments, errors entered by
hand, bulk acceptance and dismissal, false-positive rules, find and replace, regrouping segments."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QInputDialog, QMessageBox

from reviewer.core.checks import Finding, Severity
from reviewer.core.errors import ReviewerError
from reviewer.core.realign import merge_with_next, move_source_sentence, split_segment
from reviewer.core.review import Decision, ManualError
from reviewer.core.search import Replacement
from reviewer.gui.controllers import int_or_zero
from reviewer.gui.i18n import tr
from reviewer.gui.undo import ReviewCommand, ReviewStateCommand, SegmentationCommand
from reviewer.gui.widgets.accept_all_dialog import AcceptAllDialog, PlannedAccept
from reviewer.gui.widgets.error_dialog import ErrorDialog

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow


class DecisionController:
    """Every change the reviewer makes to a review, through the window's undo stack
    (:class:`reviewer.gui.undo.ReviewUndoStack`); the window is the commands' listener."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def mark_current(self, state: str, advance: bool = False) -> None:
        """Set the current segment's state (one undo step); with ``advance``, go on to the
        next unreviewed segment."""
        if self.window.review is None or self.window.current is None:
            return
        self.window.undo_stack.settle()
        doc, seg = self.window.current
        review = self.window.review
        if state != "translated" and not self.confirm_open_majors(doc, seg, state):
            return
        self.window.undo_stack.push(ReviewCommand(review, self.window, f"Mark segment {seg} {state}", doc, seg, lambda: review.set_state(doc, seg, state)))
        if advance:
            self.window.goto_unreviewed()

    def confirm_open_majors(self, doc: str, seg: str, state: str) -> bool:
        """Before a segment with open major findings is marked reviewed or final: ask, with a
        "don't ask again" box (settings key ``warnings/openMajorOnReview``). True to go on."""
        if self.window.review is None or str(self.window.settings.value("warnings/openMajorOnReview", "true")).lower() == "false":
            return True
        review = self.window.review
        majors = [f for f in review.findings if f.document == doc and f.segment == seg and f.severity is Severity.MAJOR and review.decision(f).value == "open"]
        if not majors:
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Open major findings"))
        listed = "\n".join(f"• {f.check}: “{f.text}”" for f in majors[:5]) + ("\n…" if len(majors) > 5 else "")
        box.setText(tr("Segment {seg} still has {n} open major finding(s):").format(seg=seg, n=len(majors)) + "\n" + listed)
        box.setInformativeText(tr("Mark it {state} anyway?").format(state=tr(state)))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        never = QCheckBox(tr("Don't ask again"))
        box.setCheckBox(never)
        answer = box.exec()
        if never.isChecked():
            self.window.settings.setValue("warnings/openMajorOnReview", "false")
        return answer == QMessageBox.StandardButton.Yes

    def comment_current_dialog(self) -> None:
        """Ask for the current segment's comment."""
        if self.window.review is None or self.window.current is None:
            return
        doc, seg = self.window.current
        text, ok = QInputDialog.getMultiLineText(self.window, "Segment comment", f"Comment on segment {seg}:", self.window.review.comments.get((doc, seg), ""))
        if ok:
            self.comment_current(text)

    def comment_current(self, text: str) -> None:
        """Set the current segment's comment (one undo step; empty removes it)."""
        if self.window.review is None or self.window.current is None:
            return
        doc, seg = self.window.current
        review = self.window.review
        self.window.undo_stack.push(ReviewCommand(review, self.window, f"Comment on segment {seg}", doc, seg, lambda: review.set_comment(doc, seg, text)))

    def edit_current(self, text: str) -> None:
        """Set the current segment's post-edit to ``text`` (as typed: one undo step with the
        typing just before it in the same segment)."""
        if self.window.current is not None:
            self.edit_segment(*self.window.current, text)

    def edit_segment(self, doc: str, seg: str, text: str) -> None:
        """The reviewer typed ``text`` as a segment's post-edit (the grid's editor handed it over)."""
        if self.window.review is None or text == self.window.review.target(doc, seg):
            return
        review = self.window.review
        self.window.undo_stack.push(ReviewCommand(review, self.window, f"edit segment {seg}", doc, seg, lambda: review.set_target(doc, seg, text), merge=True))

    def confirm_segment(self, doc: str, seg: str) -> None:
        """Ctrl+Enter in the grid's editor: mark the segment reviewed and edit the next segment
        that is neither reviewed nor final (memoQ's and Trados Studio's confirm)."""
        if self.window.review is None:
            return
        if self.window.current != (doc, seg):
            self.window.select_segment(doc, seg)
        self.mark_current("reviewed", advance=True)
        if self.window.current != (doc, seg):
            self.window.segments.edit_row(self.window.segments.current_row())

    def accept_finding(self, finding: Finding, force: bool = False) -> None:
        """Apply a finding's suggestion (undoable). One the tool could not place
        (:attr:`Finding.manual`) is refused unless ``force``: see :meth:`force_accept_finding`."""
        if self.window.review is None or finding.suggestion is None:
            return
        review = self.window.review
        self.window.undo_stack.settle()
        try:
            review.accepted_text(finding, force)
        except ValueError as exc:
            self.window.show_error(tr("Cannot accept the suggestion"), str(exc))
            return
        self.window.undo_stack.push(
            ReviewCommand(review, self.window, f"accept “{finding.suggestion}”", finding.document, finding.segment, lambda: review.accept(finding, force))
        )

    def force_accept_finding(self, finding: Finding) -> None:
        """Apply, after asking, a suggestion the tool said it could not place safely."""
        if self.window.review is None or finding.suggestion is None:
            return
        reason = str(finding.details.get("placement", ""))
        answer = QMessageBox.question(self.window,
            tr("Apply anyway"),
            f"“{finding.text}” → “{finding.suggestion}”\n\n{reason}.\n\n" + tr("Replace the flagged text anyway? Check the sentence afterwards."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept_finding(finding, force=True)

    def dismiss_finding(self, finding: Finding, note: str = "") -> None:
        """Dismiss a finding as a false positive, with an optional reason (undoable)."""
        if self.window.review is None:
            return
        review = self.window.review
        self.window.undo_stack.push(
            ReviewCommand(review, self.window, f"dismiss “{finding.text}”", finding.document, finding.segment, lambda: review.dismiss(finding, note))
        )

    def accept_current(self) -> None:
        """Accept the current finding (one the tool could not place: copy it to place by hand)."""
        self.window.panel.accept_current()

    def fix_current(self) -> None:
        """Record the current finding as a real error the reviewer fixed by hand (MQM counts it)."""
        f = self.window.panel.current_finding()
        if f is None or self.window.review is None:
            return
        self.window.undo_stack.settle()
        review = self.window.review
        self.window.undo_stack.push(ReviewCommand(review, self.window, f"fixed “{f.text}”", f.document, f.segment, lambda: review.mark_fixed(f)))

    def add_error_dialog(self) -> None:
        """Add an error by hand on the text selected in the corrected text (or the whole segment)."""
        if self.window.review is None or self.window.current is None:
            return
        doc, seg = self.window.current
        editor = self.window.segments.editor()
        typing = self.window.typing()
        if editor is not None and typing is not None and typing[0] == (doc, seg):
            cursor = editor.textCursor()
            start, end = sorted((cursor.anchor(), cursor.position()))
            text = editor.text()
        else:  # no text selected: the whole segment
            text = self.window.review.target(doc, seg)
            start, end = 0, len(text)
        self.window.undo_stack.settle()
        dialog = ErrorDialog(text[start:end], self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_error(start, end, dialog.category(), dialog.severity(), dialog.note.text())

    def add_error(self, start: int, end: int, category: str, severity: str, note: str = "") -> None:
        """Add a manual error on ``[start, end)`` of the current segment's post-edit (one undo step)."""
        if self.window.review is None or self.window.current is None:
            return
        self.window.undo_stack.settle()
        doc, seg = self.window.current
        text = self.window.review.target(doc, seg)[start:end]
        review = self.window.review
        error = ManualError(doc, seg, start, end, text, category, severity, note)
        self.window.undo_stack.push(ReviewStateCommand(review, self.window, f"error in segment {seg}", lambda: review.add_error(error)))

    def reopen_finding(self, finding: Finding) -> bool:
        """Take back the dismissal (or the fixed mark) of ``finding`` as one undo step; an
        accepted finding is taken back with Undo, which restores the text too. True if reopened."""
        if self.window.review is None:
            return False
        review = self.window.review
        self.window.undo_stack.settle()
        if review.decision(finding) not in (Decision.DISMISSED, Decision.FIXED):
            self.window.statusBar().showMessage(tr("Only a dismissed or fixed finding can be reopened; undo an accept instead."), 5000)
            return False
        self.window.undo_stack.push(ReviewCommand(review, self.window, f"reopen “{finding.text}”", finding.document, finding.segment, lambda: review.reopen(finding)))
        return True

    def reopen_current(self) -> None:
        f = self.window.panel.current_finding()
        if f is not None:
            self.reopen_finding(f)

    def dismiss_current(self) -> None:
        self.window.undo_stack.settle()
        f = self.window.panel.current_finding()
        if f is not None:
            self.dismiss_finding(f)

    def dismiss_current_with_note(self) -> None:
        f = self.window.panel.current_finding()
        if f is None:
            return
        note, ok = QInputDialog.getText(self.window, "Dismiss as false positive", f"Why is “{f.text}” not an error?")
        if ok:
            self.dismiss_finding(f, note.strip())

    def dismiss_all_like_current(self, by: str) -> None:
        """Dismiss every open finding of the current finding's check (or concept), as one undo step."""
        f = self.window.panel.current_finding()
        if f is None or self.window.review is None:
            return
        review = self.window.review
        if by == "concept":
            if f.term is None:
                self.window.statusBar().showMessage("This finding is not about a term.", 5000)
                return
            label, change = f"dismiss all of {f.term.source or f.term.concept}", lambda: review.dismiss_all(concept=f.term.concept if f.term else None)
        else:
            label, change = f"dismiss all {f.check}", lambda: review.dismiss_all(check=f.check)
        self.window.undo_stack.push(ReviewCommand(review, self.window, label, f.document, f.segment, change))

    def accept_all_like_current(self, by: str, confirm: bool = True) -> int:
        """Accept every open finding with a suggestion of the current finding's check (or
        concept), as one undo step. With ``confirm``, the list of changes (:class:`AcceptAllDialog`)
        is shown first and only the ticked ones are applied. Suggestions the tool could not place,
        stale ones and ones overlapping another are held back and counted. Within a segment the
        last one goes first, so the offsets of the others still hold. Returns how many were
        accepted."""
        f = self.window.panel.current_finding()
        if f is None or self.window.review is None:
            return 0
        if by == "concept" and f.term is None:
            self.window.statusBar().showMessage(tr("This finding is not about a term."), 5000)
            return 0
        review = self.window.review
        self.window.undo_stack.settle()
        same = [
            x for x in review.open_findings()
            if x.suggestion is not None and (x.term is not None and f.term is not None and x.term.concept == f.term.concept if by == "concept" else x.check == f.check)
        ]
        taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
        planned: list[PlannedAccept] = []
        manual = stale = 0
        for x in sorted(same, key=lambda x: (x.document, int_or_zero(x.segment), x.segment, -x.start)):
            spans = taken.setdefault((x.document, x.segment), [])
            if x.manual:
                manual += 1
                continue
            try:
                after = review.accepted_text(x)
            except ValueError:
                stale += 1
                continue
            if any(x.start < e and s < x.end for s, e in spans):
                stale += 1
                continue
            spans.append((x.start, x.end))
            label = x.segment if len(review.documents) == 1 else f"{Path(x.document).name} {x.segment}"
            planned.append(PlannedAccept(x, x.document, label, review.target(x.document, x.segment), after))
        held_back = []
        if manual:
            held_back.append(f"{manual} " + tr("suggestion(s) the tool could not place are left for you to place by hand."))
        if stale:
            held_back.append(f"{stale} " + tr("suggestion(s) no longer fit the text or overlap another; check again to renew them."))
        if not planned:
            self.window.statusBar().showMessage(tr("Nothing to accept.") + (" " + " ".join(held_back) if held_back else ""), 8000)
            return 0
        what = f.check if by == "check" else (f.term.source if f.term else "")
        chosen = [p.finding for p in planned]
        if confirm:
            dialog = AcceptAllDialog(what, planned, held_back, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
            chosen = dialog.chosen()
            if not chosen:
                return 0
        self.window.undo_stack.beginMacro(f"accept all {what}")
        for x in chosen:
            self.window.undo_stack.push(ReviewCommand(review, self.window, f"accept “{x.suggestion}”", x.document, x.segment, partial(review.accept, x)))
        self.window.undo_stack.endMacro()
        self.window.statusBar().showMessage(f"{tr('Accepted')} {len(chosen)}", 5000)
        return len(chosen)

    def export_false_positives_dialog(self) -> None:
        """Save the dismissal rules for a colleague."""
        if self.window.review is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.window, "Export false positives", str(Path.home() / "false-positives.json"), "JSON (*.json)")
        if path:
            try:
                n = self.window.review.export_false_positives(Path(path))
            except ReviewerError as exc:
                self.window.show_error("Could not export", str(exc))
                return
            self.window.statusBar().showMessage(f"Exported {n} false-positive rules to {path}", 8000)

    def import_false_positives_dialog(self) -> None:
        """Load a colleague's dismissal rules and apply them at once."""
        if self.window.review is None:
            return
        path, _ = QFileDialog.getOpenFileName(self.window, "Import false positives", str(Path.home()), "JSON (*.json)")
        if path:
            self.import_false_positives(Path(path))

    def import_false_positives(self, path: Path) -> None:
        """Add the rules of ``path`` (undoable) and show how many findings they dismissed."""
        if self.window.review is None:
            return
        review = self.window.review
        before = len(review.open_findings())
        doc, seg = self.window.current or (review.doc_key(review.documents[0]), review.documents[0].segments[0].id)
        existing = set(review.false_positives)
        try:
            review.import_false_positives(path)  # read and check the file before anything goes on the stack
        except ReviewerError as exc:
            self.window.show_error("Could not import", str(exc))
            return
        new = review.false_positives - existing
        review.false_positives = existing  # the command adds them, so that undo can take them away
        self.window.undo_stack.push(ReviewCommand(review, self.window, "import false positives", doc, seg, lambda: review.false_positives.update(new)))
        self.window.statusBar().showMessage(f"{before - len(review.open_findings())} findings dismissed by the imported rules", 8000)

    def apply_replacements(self, plan: list[Replacement]) -> None:
        """Apply a find-and-replace plan as one undo step."""
        if self.window.review is None or not plan:
            return
        self.window.undo_stack.settle()
        review = self.window.review
        self.window.undo_stack.beginMacro(f"Replace in {len(plan)} segment(s)")
        for r in plan:
            self.window.undo_stack.push(ReviewCommand(review, self.window, "Replace", r.document, r.segment, partial(review.set_target, r.document, r.segment, r.new)))
        self.window.undo_stack.endMacro()

    def _regroup(self, label: str, change: Callable[[str, str], object]) -> bool:
        """Apply a merge, split or re-pairing to the current segment as one undoable step."""
        if self.window.review is None or self.window.current is None:
            return False
        self.window.undo_stack.settle()
        doc, seg = self.window.current
        review = self.window.review
        try:
            command = SegmentationCommand(review, self.window, label, doc, seg, lambda: change(doc, seg))
        except ValueError as exc:
            self.window.show_error(f"Cannot {label.lower()}", str(exc))
            return False
        self.window.undo_stack.push(command)
        return True

    def merge_current(self) -> bool:
        """Merge the current segment with the next one."""
        return self._regroup("Merge segments", lambda d, s: merge_with_next(self.window.require_review(), d, s))

    def split_current(self) -> bool:
        """Split the current segment at the cursor of its text in the grid's editor."""
        editor = self.window.segments.editor()
        typing = self.window.typing()
        if editor is None or typing is None or typing[0] != self.window.current:
            self.window.show_error(tr("Cannot split segment"), tr("Open the segment's text (F2) and put the cursor where it should be split."))
            return False
        at = editor.textCursor().position()
        self.window.undo_stack.settle()
        return self._regroup("Split segment", lambda d, s: split_segment(self.window.require_review(), d, s, at))

    def move_source_current(self, forward: bool) -> bool:
        """Move a Chinese sentence between the current segment and the next."""
        return self._regroup("Re-pair source sentence", lambda d, s: move_source_sentence(self.window.require_review(), d, s, forward))

    def copy_mt_current(self) -> None:
        """Put the MT back as the current segment's post-edit (one undo step)."""
        w = self.window
        if w.review is None or w.current is None:
            return
        doc, seg = w.current
        review = w.review
        w.undo_stack.settle()
        mt = review.document(doc).segment(seg).target
        if review.target(doc, seg) == mt:
            w.statusBar().showMessage(tr("The segment is the MT already."), 4000)
            return
        w.undo_stack.push(ReviewCommand(review, w, f"copy the MT to segment {seg}", doc, seg, lambda: review.set_target(doc, seg, mt)))
