"""The review window: a shell that composes the models, widgets and controllers.

The window holds what is on screen (the segment table, the segment editor, the panels, the status
bar) and the running tasks; its work is done by controllers (:mod:`reviewer.gui.controllers`):
opening and keeping a session, checking, decisions, exports. The menus are built in
:mod:`reviewer.gui.menus`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
)

from reviewer import about_text
from reviewer.core import heap
from reviewer.core.check_process import CheckProcessError
from reviewer.core.checks import Finding
from reviewer.core.errors import ReviewerError
from reviewer.core.project import STATES, Project
from reviewer.core.review import FindingSummary, Review
from reviewer.core.source_matching import SourceMatcher, source_matcher_for
from reviewer.core.termbase import Termbase
from reviewer.gui.controllers.checking import CheckController, apply_font_size
from reviewer.gui.controllers.decisions import DecisionController
from reviewer.gui.controllers.exports import ExportController
from reviewer.gui.controllers.session import SessionController
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
from reviewer.gui.widgets.segment_editor import SegmentEditor, plain_text
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
    recent_menu: QMenu

    def __init__(self, termbase_paths: Sequence[Path], settings: QSettings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("reviewer")
        self.resize(1400, 860)
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
        self._build()
        build_menus(self)
        self.restore_layout()
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
        self.segment_model = SegmentTableModel()
        self.segments = QTableView()
        self.segments.setModel(self.segment_model)
        self.segments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.segments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.segments.setWordWrap(True)
        self.segments.setAlternatingRowColors(True)
        self.segments.verticalHeader().hide()
        line = self.segments.fontMetrics().lineSpacing()
        self.segments.verticalHeader().setMaximumSectionSize(4 * line + 8)
        self.segments.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.segments.horizontalHeader()
        header.setResizeContentsPrecision(200)  # size columns from the first rows: a 5,000-row table opens at once
        self.segments.verticalHeader().setResizeContentsPrecision(200)
        # ID, Findings and State are sized once per batch (_fit_columns): sized to their contents,
        # every changed row would measure 200 rows again (4,800 model calls for one keystroke)
        header.setSectionResizeMode(SegmentTableModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SegmentTableModel.MT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SegmentTableModel.CORRECTED, QHeaderView.ResizeMode.Stretch)
        self.segments.selectionModel().currentRowChanged.connect(self._on_segment_row)

        self.editor = SegmentEditor()
        self.editor.text_edited.connect(self.decisions.edit_current)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(150)
        self._draft_timer.timeout.connect(self.session.save_draft)
        self.editor.corrected.textChanged.connect(self._draft_timer.start)
        self.editor.accept_requested.connect(self.decisions.accept_finding)
        self.editor.force_requested.connect(self.decisions.force_accept_finding)
        self.editor.dismiss_requested.connect(self.decisions.dismiss_finding)
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.term_panel = TermPanel()
        self.findings_panel = FindingsPanel()
        self.findings_panel.activated.connect(self._on_finding_activated)
        self.renderings_panel = RenderingsPanel()
        self.renderings_panel.go_to.connect(self.select_segment)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self.findings_panel, tr("Findings"))
        self.lower_tabs.addTab(self.renderings_panel, tr("Term renderings"))
        self.scores_panel = ScoresPanel()
        self.scores_panel.go_to.connect(self.select_segment)
        self.dashboard = Dashboard()
        self.lower_tabs.addTab(self.scores_panel, tr("Scores"))
        self.lower_tabs.addTab(self.dashboard, tr("Dashboard"))
        self.checking.scores_stale = True
        self.lower_tabs.currentChanged.connect(lambda _i: self.checking.maybe_refresh_scores())

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.segments)
        left.addWidget(self.editor)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.term_panel)
        right.addWidget(self.lower_tabs)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        main.setStretchFactor(0, 3)
        main.setStretchFactor(1, 2)
        main.setSizes([800, 600])
        self.setCentralWidget(main)
        self.splitters = {"left": left, "right": right, "main": main}

        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMinimumWidth(300)
        self.progress.setMaximumWidth(420)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop opening the files"))
        self.cancel_button.clicked.connect(self.session.cancel_opening)
        self.cancel_button.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        # the status bar is as high with the progress bar and Cancel as without: were it to grow
        # when they show, every panel would be laid out again (the charts in Python, which on a
        # batch being read waits for the reading thread at every call: 80 ms)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().setMinimumHeight(self.statusBar().sizeHint().height())
        self.progress.hide()
        self.cancel_button.hide()

    def _settle_typing(self) -> None:
        """Hand over the typing still pending in the segment editor (the undo stack calls this
        before every step, so that the history runs in the order the reviewer acted)."""
        editor = getattr(self, "editor", None)
        if editor is not None:
            editor.flush()

    def show_review(self, review: Review, notes: list[str]) -> None:
        """Show a newly opened review (its project is :attr:`project`), then check it."""
        self.review = review
        self.termbases = review.termbases
        self.undo_stack.clear()
        self.segment_model.set_review(review)
        self.findings_panel.set_review(review)
        self.renderings_panel.set_review(review)
        self.scores_panel.set_pending()
        self.segments.setColumnHidden(SegmentTableModel.SOURCE, not self.segment_model.has_sources())
        self.fit_rows()
        self.fit_columns()
        names = ", ".join(d.name for d in review.documents[:3]) + (f" and {len(review.documents) - 3} more" if len(review.documents) > 3 else "")
        for d in review.documents:
            notes.extend(f"{d.name}: {w}" for w in d.warnings)
        self.setWindowTitle(f"{names} — reviewer")
        if self.segment_model.rowCount():
            self.segments.selectionModel().setCurrentIndex(
                self.segment_model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        self.update_status()
        if notes:
            self.statusBar().showMessage("; ".join(notes), 10000)
        self.checking.recheck()  # the document is on screen; its findings follow
        heap.settle()

    # -- current segment -----------------------------------------------------

    def _on_segment_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.review is None:
            return
        self.editor.flush()
        self.current = self.segment_model.data(current, ObjectRole)
        self.show_current(reload_text=True)

    def show_current(self, reload_text: bool = False) -> None:
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
        if reload_text:
            source_hits = []
            if seg.source:
                for sh in self._source_matcher().match(seg.source):
                    form = " (Traditional)" if sh.traditional else ""
                    source_hits.append((sh.start, sh.end, f"{sh.concept.source_term}{form}: “{sh.concept.preferred_text or '—'}”"))
            self.editor.show_segment(title, seg.target, text, seg.source, source_hits)
        else:
            self.editor.title.setText(title)
            if not self.editor.has_pending_edit():  # never overwrite what the reviewer is typing
                self.editor.set_corrected(text)
        shown = plain_text(self.editor.corrected)
        assert self.review.matcher is not None
        hits = self.review.matcher.match(shown)
        mt_hits = self.review.matcher.match(seg.target)
        findings = [f for f in self.review.findings if (f.document, f.segment) == self.current and shown[f.start : f.end] == f.text]
        self.editor.show_annotations(mt_hits, hits, findings, self.review.decisions)
        self.term_panel.set_hits(hits)

    def fit_columns(self) -> None:
        """Widths of the ID, Findings and State columns from their widest possible text."""
        metrics = self.segments.fontMetrics()
        pad = 3 * metrics.averageCharWidth()
        widths = {
            SegmentTableModel.ID: metrics.horizontalAdvance(self.segment_model.longest_label()),
            SegmentTableModel.FINDINGS: metrics.horizontalAdvance("9999"),
            SegmentTableModel.STATE: max(metrics.horizontalAdvance(tr(state) + " 💬") for state in STATES),
        }
        header = self.segments.horizontalHeader()
        for column, width in widths.items():
            header_text = str(self.segment_model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(width, metrics.horizontalAdvance(header_text)) + pad)

    def fit_rows(self) -> None:
        """Row heights to their text for a short document; a long one gets three lines a row at
        once (measuring thousands of wrapped rows would keep the first screen waiting)."""
        if self.segment_model.rowCount() <= 400:
            self.segments.resizeRowsToContents()
        else:
            line = self.segments.fontMetrics().lineSpacing()
            self.segments.verticalHeader().setDefaultSectionSize(3 * line + 8)

    def _source_matcher(self) -> SourceMatcher:
        """The Chinese term matcher over the loaded termbases (built once per matcher)."""
        assert self.review is not None
        assert self.review.matcher is not None
        return source_matcher_for(self.review.matcher)

    def select_segment(self, doc: str, seg_id: str) -> None:
        """Make a segment current."""
        row = self.segment_model.row_of(doc, seg_id)
        if row >= 0:
            index = self.segment_model.index(row, SegmentTableModel.MT)
            self.segments.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.segments.scrollTo(index)

    def _on_finding_activated(self, f: Finding) -> None:
        self.select_segment(f.document, f.segment)
        self.editor.select_finding(f)

    def goto_finding(self, step: int) -> None:
        """Go to the next (``step`` = 1) or previous (-1) open finding."""
        if self.review is None:
            return
        open_findings = self.review.open_findings()
        if not open_findings:
            self.statusBar().showMessage("No open findings.", 3000)
            return
        order = {key: i for i, key in enumerate(self.segment_model.keys())}
        cur = order.get(self.current, -1) if self.current else -1
        current_f = self.editor.current_finding()
        keyed = sorted(open_findings, key=lambda f: (order[(f.document, f.segment)], f.start))
        positions = [(order[(f.document, f.segment)], f.start) for f in keyed]
        here = (cur, current_f.start if current_f is not None and (current_f.document, current_f.segment) == self.current else -1)
        if step > 0:
            target = next((f for f, p in zip(keyed, positions) if p > here), keyed[0])
        else:
            target = next((f for f, p in reversed(list(zip(keyed, positions))) if p < here), keyed[-1])
        self.select_segment(target.document, target.segment)
        self.editor.select_finding(target)

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

    def restore_layout(self) -> None:
        """Put the window, its splitters and the segment table's columns back as they were."""
        geometry = self.settings.value("layout/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name, splitter in self.splitters.items():
            state = self.settings.value(f"layout/{name}")
            if state is not None:
                splitter.restoreState(state)
        header = self.settings.value("layout/segmentColumns")
        if header is not None:
            self.segments.horizontalHeader().restoreState(header)
        tab = self.settings.value("layout/tab")
        if tab is not None and str(tab).isdigit():
            self.lower_tabs.setCurrentIndex(int(tab))

    def save_layout(self) -> None:
        """Remember the window, its splitters and the segment table's columns."""
        self.settings.setValue("layout/geometry", self.saveGeometry())
        for name, splitter in self.splitters.items():
            self.settings.setValue(f"layout/{name}", splitter.saveState())
        self.settings.setValue("layout/segmentColumns", self.segments.horizontalHeader().saveState())
        self.settings.setValue("layout/tab", self.lower_tabs.currentIndex())

    def toggle_invisibles(self) -> None:
        """Mark no-break and zero-width spaces and odd dashes in the MT, the post-edit and the changes."""
        self.editor.show_invisibles = self.invisibles_action.isChecked()
        self.show_current(reload_text=True)

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
        self.segment_model.set_review(self.review)
        self.segments.setColumnHidden(SegmentTableModel.SOURCE, not self.segment_model.has_sources())
        self.fit_rows()
        self.fit_columns()
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
        self.editor.flush()
        self.save_layout()
        for t in self.tasks:
            t.cancel()
        self.checking.close()
        self.session.close()
        super().closeEvent(event)
