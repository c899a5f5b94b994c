"""The review window: a shell that composes the models, widgets and controllers.

The window holds what is on screen (the segment table, the segment editor, the panels, the status
bar) and the running tasks; its work is done by controllers (:mod:`reviewer.gui.controllers`):
opening and keeping a session, checking, decisions, exports. The menus are built in
:mod:`reviewer.gui.menus`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QProgressBar, QPushButton, QSplitter, QTabWidget

from reviewer import about_text
from reviewer.core import heap
from reviewer.core.check_process import CheckProcessError
from reviewer.core.checks import Finding
from reviewer.core.errors import ReviewerError
from reviewer.core.matching import TermHit
from reviewer.core.project import Project
from reviewer.core.review import Decision, FindingSummary, Review
from reviewer.core.source_matching import source_matcher_for
from reviewer.core.termbase import Termbase
from reviewer.gui.controllers.checking import CheckController, apply_font_size
from reviewer.gui.controllers.decisions import DecisionController
from reviewer.gui.controllers.exports import ExportController
from reviewer.gui.controllers.session import SessionController
from reviewer.gui import layout
from reviewer.gui.i18n import tr
from reviewer.gui.menus import build_menus
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.termbase_actions import TermbaseActions
from reviewer.gui.undo import ReviewUndoStack
from reviewer.gui.widgets.dashboard import Dashboard
from reviewer.gui.widgets.find_dialog import FindDialog
from reviewer.gui.widgets.findings_panel import FindingsPanel
from reviewer.gui.widgets.renderings_panel import RenderingsPanel
from reviewer.gui.widgets.scores_panel import ScoresPanel
from reviewer.gui.widgets.cell_editor import CellEditor
from reviewer.gui.widgets.segment_grid import SegmentGrid
from reviewer.gui.widgets.segment_panel import SegmentPanel
from reviewer.gui.widgets.term_panel import TermPanel
from reviewer.gui.workers import Task

__all__ = ["MainWindow", "apply_font_size"]


class MainWindow(QMainWindow):
    """The main review window.

    Args:
        termbase_paths: termbases to load, in priority order.
        settings: where recent files and window state are kept (tests pass their own).

    Attributes:
        review: the open review, or ``None``.
        current: ``(document key, segment id)`` of the segment shown, or ``None``.
        session, checking, decisions, exports, termbase_actions: the controllers.
        undo_stack: the one undo history (:class:`reviewer.gui.undo.ReviewUndoStack`).
        tasks: the background tasks running.
        closed: set when the window closes: a late result must not start new work.
    """

    open_action: QAction
    export_action: QAction
    invisibles_action: QAction
    mt_action: QAction
    diff_action: QAction
    whole_action: QAction
    recent_menu: QMenu
    # the parts, made by reviewer.gui.layout.build
    segment_model: SegmentTableModel
    segments: SegmentGrid
    panel: SegmentPanel
    term_panel: TermPanel
    findings_panel: FindingsPanel
    renderings_panel: RenderingsPanel
    scores_panel: ScoresPanel
    dashboard: Dashboard
    lower_tabs: QTabWidget
    review_dock: QDockWidget
    splitters: dict[str, QSplitter]
    status_label: QLabel
    progress: QProgressBar
    cancel_button: QPushButton

    def __init__(self, termbase_paths: Sequence[Path], settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("reviewer")
        self.setAcceptDrops(True)
        self.settings = settings or QSettings("reviewer", "reviewer")
        self.termbase_paths = list(termbase_paths)
        self.termbases: list[Termbase] = []
        self.review: Review | None = None
        self.current: tuple[str, str] | None = None
        self.undo_stack = ReviewUndoStack(self._settle_typing, self)
        self.tasks: list[Task] = []
        self._find: FindDialog | None = None
        self.last_import_plan: object | None = None
        self.last_error = ""
        self.closed = False
        self.session = SessionController(self)
        self.checking = CheckController(self)
        self.decisions = DecisionController(self)
        self.exports = ExportController(self)
        self.termbase_actions = TermbaseActions(self)
        self.layout_mode = "english"
        self._build()
        build_menus(self)
        layout.restore(self)
        self.update_status()

    @property
    def project(self) -> Project | None:
        """The open project (kept by :attr:`session`)."""
        return self.session.project

    def require_review(self) -> Review:
        """The open review; only called where one is open."""
        assert self.review is not None
        return self.review

    # -- construction --------------------------------------------------------

    def _build(self) -> None:
        layout.build(self)
        self.segments.selectionModel().currentRowChanged.connect(self._on_segment_row)
        self.segment_model.edit_committed.connect(self.decisions.edit_segment)
        self.segments.confirm_requested.connect(self.decisions.confirm_segment)
        self.segments.set_annotations(self._annotations, self._mt_hits)
        self.segments.target_delegate.set_source_hits(self._source_hits)
        self.segments.target_delegate.editor_created.connect(self._on_editor_created)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(150)
        self._draft_timer.timeout.connect(self.session.save_draft)
        self.panel.accept_requested.connect(self.decisions.accept_finding)
        self.panel.force_requested.connect(self.decisions.force_accept_finding)
        self.panel.dismiss_requested.connect(self.decisions.dismiss_finding)
        self.panel.place_requested.connect(self.place_term)
        self.findings_panel.activated.connect(self._on_finding_activated)
        self.renderings_panel.go_to.connect(self.select_segment)
        self.scores_panel.go_to.connect(self.select_segment)
        self.lower_tabs.currentChanged.connect(lambda _i: self.checking.maybe_refresh_scores())
        self.review_dock.visibilityChanged.connect(lambda _v: self.checking.maybe_refresh_scores())
        self.cancel_button.clicked.connect(self.session.cancel_opening)

    def _settle_typing(self) -> None:
        """Hand the text being typed in the grid over to the review (the undo stack calls this
        before every step, so that the history runs in the order the reviewer acted)."""
        segments = getattr(self, "segments", None)
        if segments is not None:
            segments.commit_edit()

    def has_pending_edit(self) -> bool:
        """True while the grid's editor holds text not yet handed over."""
        editor = self.segments.editor()
        return editor is not None and editor.text() != self.segment_model.target_text(editor.index.row())

    def typing(self) -> tuple[tuple[str, str], str] | None:
        """``((document key, segment id), text)`` of the grid's open editor, or None."""
        editor = self.segments.editor()
        if editor is None or not editor.index.isValid():
            return None
        return self.segment_model.key(editor.index.row()), editor.text()

    def draft_pending(self) -> bool:
        """True while typed text waits for the draft timer (150 ms) to be kept in the project."""
        return self._draft_timer.isActive()

    def _on_editor_created(self, editor: CellEditor) -> None:
        editor.textChanged.connect(self._draft_timer.start)

    def _annotations(self, doc: str, seg: str) -> tuple[list[TermHit], list[Finding]]:
        """Term hits and open findings of a segment's post-edit, for the grid."""
        if self.review is None or self.review.matcher is None:
            return [], []
        text = self.review.target(doc, seg)
        review = self.review
        findings = [f for f in review.findings if f.document == doc and f.segment == seg and review.decision(f) is Decision.OPEN]
        return self.review.matcher.match(text), findings

    def _mt_hits(self, doc: str, seg: str) -> list[TermHit]:
        if self.review is None or self.review.matcher is None:
            return []
        return self.review.matcher.match(self.review.document(doc).segment(seg).target)

    def show_review(self, review: Review, notes: list[str]) -> None:
        """Show a newly opened review (its project is :attr:`project`), then check it."""
        self.review = review
        self.termbases = review.termbases
        self.undo_stack.clear()
        self.segment_model.set_review(review)
        self.findings_panel.set_review(review)
        self.renderings_panel.set_review(review)
        self.scores_panel.set_pending()
        layout.switch_mode(self)
        self.segments.set_source_visible(True)
        self.segments.fit_columns()
        names = ", ".join(d.name for d in review.documents[:3]) + (f" and {len(review.documents) - 3} more" if len(review.documents) > 3 else "")
        for d in review.documents:
            notes.extend(f"{d.name}: {w}" for w in d.warnings)
        self.setWindowTitle(f"{names} — reviewer")
        if self.segment_model.rowCount():
            self.segments.select_row(0)
        self.update_status()
        if notes:
            self.statusBar().showMessage("; ".join(notes), 10000)
        self.checking.recheck()  # the document is on screen; its findings follow
        heap.settle()

    # -- current segment -----------------------------------------------------

    def _on_segment_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.review is None:
            return
        key = self.segment_model.data(current, ObjectRole)
        if key != self.current:
            self.current = key
            self.show_current()

    def show_current(self) -> None:
        """Show the current segment's findings, preview and termbase hits (after every change)."""
        if self.review is None or self.current is None:
            return
        doc, seg_id = self.current
        seg = self.review.document(doc).segment(seg_id)
        text = self.review.target(doc, seg_id)
        unit = seg.unit.split("/", 1)[1] if seg.unit[:1].isdigit() and "/" in seg.unit else seg.unit  # "0/u1": file 0, unit u1
        place = f"{tr('paragraph')} {seg.paragraph}" if not unit or unit == seg_id else f"{tr('unit')} {unit}"
        title = f"{tr('Segment')} {seg_id} · {place} · {tr(self.review.state(doc, seg_id))}"
        if seg.state:
            title += f" ({tr('in the file')}: {seg.state})"
        comment = self.review.comments.get((doc, seg_id))
        if comment:
            title += f" · 💬 {comment[:80]}"
        assert self.review.matcher is not None
        hits = self.review.matcher.match(text)
        findings = [f for f in self.review.findings if (f.document, f.segment) == self.current and text[f.start : f.end] == f.text]
        self.panel.show_segment(title, text, findings, self.review.decisions)
        self.term_panel.set_hits(hits)

    def _source_hits(self, doc: str, seg: str) -> list[tuple[int, int, str]]:
        """``(start, end, tooltip)`` of the termbase terms in a segment's Chinese source."""
        if self.review is None or self.review.matcher is None:
            return []
        source = self.review.document(doc).segment(seg).source
        if not source:
            return []
        out = []
        for sh in source_matcher_for(self.review.matcher).match(source):
            form = " (Traditional)" if sh.traditional else ""
            out.append((sh.start, sh.end, f"{sh.concept.source_term}{form}: “{sh.concept.preferred_text or '—'}”"))
        return out

    def select_segment(self, doc: str, seg_id: str) -> None:
        """Make a segment current."""
        row = self.segment_model.row_of(doc, seg_id)
        if row >= 0:
            self.segments.select_row(row)

    def place_term(self, finding: Finding) -> None:
        """Copy a finding's suggested term and select its flagged text in the grid's editor, for
        the reviewer to paste over and fit to the sentence (a suggestion the tool could not place)."""
        if finding.suggestion is None:
            return
        QGuiApplication.clipboard().setText(finding.suggestion)
        self.select_segment(finding.document, finding.segment)
        self.segments.edit_row(self.segments.current_row())
        editor = self.segments.editor()
        if editor is not None and editor.text()[finding.start : finding.end] == finding.text:
            cursor = editor.textCursor()
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
        self.statusBar().showMessage(tr("Copied") + f" “{finding.suggestion}”: " + tr("paste it over the selected text and fit it to the sentence"), 8000)

    def _on_finding_activated(self, f: Finding) -> None:
        self.select_segment(f.document, f.segment)
        self.panel.select_finding(f)

    def goto_finding(self, step: int) -> None:
        """Go to the next (``step`` = 1) or previous (-1) open finding (F8, Shift+F8)."""
        if self.review is None:
            return
        open_findings = self.review.open_findings()
        if not open_findings:
            self.statusBar().showMessage("No open findings.", 3000)
            return
        order = {key: i for i, key in enumerate(self.segment_model.keys())}
        cur = order.get(self.current, -1) if self.current else -1
        current_f = self.panel.current_finding()
        keyed = sorted(open_findings, key=lambda f: (order[(f.document, f.segment)], f.start))
        positions = [(order[(f.document, f.segment)], f.start) for f in keyed]
        # from the current finding while it is open; once it is decided, from the segment's start,
        # so that the segment's other open findings come first
        on_it = current_f is not None and (current_f.document, current_f.segment) == self.current and self.review.decision(current_f) is Decision.OPEN
        here = (cur, current_f.start if on_it and current_f is not None else -1)
        if step > 0:
            target = next((f for f, p in zip(keyed, positions) if p > here), keyed[0])
        else:
            target = next((f for f, p in reversed(list(zip(keyed, positions))) if p < here), keyed[-1])
        self.select_segment(target.document, target.segment)
        self.panel.select_finding(target)

    def find_dialog(self) -> FindDialog:
        """Show the find-and-replace dialog (one per window, non-modal)."""
        if self._find is None:
            self._find = FindDialog(lambda: self.review, self)
            self._find.go_to.connect(self.select_segment)
            self._find.replace_all.connect(self.decisions.apply_replacements)
        self._find.show()
        self._find.raise_()
        self._find.pattern.setFocus()
        return self._find

    def set_whole_segments(self, whole: bool) -> None:
        """Every row shows its whole text (else rows but the current one show four lines at most)."""
        self.segments.set_compact(not whole)
        self.settings.setValue("layout/compactRows", "false" if whole else "true")

    def edit_current_segment(self) -> None:
        """Open the grid's editor on the current segment (F2 from anywhere in the window)."""
        self.segments.setFocus()
        self.segments.edit_row(self.segments.current_row())

    def toggle_invisibles(self) -> None:
        """Mark no-break and zero-width spaces and odd dashes in the grid and the preview."""
        on = self.invisibles_action.isChecked()
        self.segments.set_invisibles_visible(on)
        self.panel.show_invisibles = on
        self.show_current()

    def goto_segment(self, step: int) -> bool:
        """Go to the next (``step`` = 1) or previous (-1) segment; False at either end."""
        keys = self.segment_model.keys()
        if not keys:
            return False
        here = keys.index(self.current) if self.current in keys else -1
        there = here + step
        if not 0 <= there < len(keys):
            return False
        self.select_segment(*keys[there])
        return True

    def goto_unreviewed(self) -> bool:
        """Go to the next segment (after the current one, wrapping) that is not reviewed or final."""
        if self.review is None:
            return False
        keys = self.segment_model.keys()
        start = keys.index(self.current) + 1 if self.current in keys else 0
        for key in keys[start:] + keys[:start]:
            if self.review.state(*key) == "translated":
                self.select_segment(*key)
                return True
        self.statusBar().showMessage("Every segment is reviewed.", 4000)
        return False

    def segmentation_changed(self, doc: str, segment: str) -> None:
        """Called by segmentation commands: show the new rows, autosave, re-check."""
        self.segments.close_edit(commit=False)
        self.segment_model.set_review(self.review)
        self.current = None
        keys = [k for k in self.segment_model.keys() if k[0] == doc]
        target = (doc, segment) if (doc, segment) in keys else (keys[0] if keys else None)
        if target is not None:
            self.select_segment(*target)
        self.session.persist(lambda p, r: p.record_segmentation(r, doc))
        self.checking.recheck()

    def review_changed(self, doc: str, segment: str) -> None:
        """Called by undo commands after every change: refresh, autosave, re-check."""
        self.segment_model.refresh_row(doc, segment)
        if self.current == (doc, segment):
            self.show_current()
        self.findings_panel.decisions_changed()
        self.session.persist(lambda p, r: p.record(r, doc, segment))
        self.checking.recheck()

    def review_state_changed(self) -> None:
        """Called by whole-review commands (an import): refresh everything, save, check again."""
        self.segment_model.refresh()
        self.show_current()
        self.findings_panel.decisions_changed()
        self.session.persist(lambda p, r: p.record_all(r))
        self.checking.recheck()

    def update_status(self, summary: FindingSummary | None = None) -> None:
        """Refresh the status bar: termbase size, segments, findings by severity and decision
        (``summary``: the review's :meth:`~reviewer.core.review.Review.finding_summary`, when
        the caller has it already)."""
        parts = []
        if self.termbases:
            parts.append(tr("Termbase") + ": " + ", ".join(f"{tb.name} ({len(tb)} " + tr("concepts") + ")" for tb in self.termbases))
        else:
            parts.append(tr("Termbase") + ": " + ", ".join(p.name for p in self.termbase_paths))
        if self.review is not None:
            segs = sum(len(d.segments) for d in self.review.documents)
            got = summary if summary is not None else self.review.finding_summary()
            order = ["critical", "major", "minor", "neutral"]
            detail = ", ".join(f"{n} {s}" for s, n in sorted(got.by_severity.items(), key=lambda x: order.index(x[0])))
            parts.append(f"{segs} " + tr("segments"))
            parts.append(
                tr("Findings") + f": {got.open} " + tr("open") + (f" ({detail})" if detail else "")
                + f", {got.resolved} " + tr("resolved") + f" ({got.accepted} " + tr("accepted")
                + (f", {got.fixed} " + tr("fixed") if got.fixed else "")
                + f", {got.dismissed} " + tr("dismissed") + ")"
            )
        else:
            parts.append(tr("Open an article (File ▸ Open, or drop a file here)"))
        self.status_label.setText("   |   ".join(parts))

    def set_busy(self, label: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(label)
        self.progress.show()
        self.cancel_button.setVisible(self.session.opening is not None or label.startswith("Opening"))

    def on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if len(label) > 46:  # a long file name keeps its start and its end
            label = label[:26] + "…" + label[-18:]
        self.progress.setFormat(f"{label} %p%")

    def track(self, task: Task) -> Task:
        """Count ``task`` among the window's running work (the progress bar, Cancel, closing)
        until it succeeds, fails or is cancelled; returns it."""
        self.tasks.append(task)
        task.signals.succeeded.connect(lambda _r: self._done(task))
        task.signals.failed.connect(lambda *_a: self._done(task))
        task.signals.cancelled.connect(lambda: self._done(task))
        return task

    def _done(self, task: Task) -> None:
        self.session.task_done(task)
        self.checking.task_done(task)
        if task in self.tasks:
            self.tasks.remove(task)
        if not self.tasks:
            self.progress.hide()
        if self.session.opening is None:
            self.cancel_button.hide()

    def failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, CheckProcessError):  # a fault in a check, reported by the checking process
            summary, _, trace = str(exc).partition("\n\n")
            self.show_error("The checks failed", summary, trace)
        elif isinstance(exc, ReviewerError):
            self.show_error("Could not open the file", str(exc))
        else:
            self.show_error("Something went wrong", f"{type(exc).__name__}: {exc}", details)

    def show_error(self, title: str, message: str, details: str = "") -> None:
        """Show an error dialog (never a traceback in the terminal)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.open()
        self.last_error = message

    def about(self) -> None:
        QMessageBox.about(self, "About reviewer", about_text())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.session.open_interactively(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        termbase_editor = self.termbase_actions.editor
        if termbase_editor is not None and not termbase_editor.undo_stack.isClean() and not termbase_editor.close():
            event.ignore()
            return
        self.closed = True
        if termbase_editor is not None:
            termbase_editor.close()  # it goes with the window (and the application can quit)
        if self.termbase_actions.candidates is not None:
            self.termbase_actions.candidates.close()
        self.segments.commit_edit()
        layout.save(self)
        for t in self.tasks:
            t.cancel()
        self.checking.close()
        self.session.close()
        super().closeEvent(event)
