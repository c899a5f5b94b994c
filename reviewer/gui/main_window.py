"""The review window: composition of the models, widgets and workers."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
import hashlib
import tempfile
from datetime import datetime
from functools import partial
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QCheckBox,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
)

from reviewer import about_text
from reviewer.core.autosave import autosave_path, data_dir
from reviewer.core.project import PROJECT_SUFFIX, STATES, Project
from reviewer.core import heap
from reviewer.core.check_process import CheckProcess, CheckProcessDied, CheckProcessError
from reviewer.core.calques.gate import SUBJECTS
from reviewer.core.checks import CheckOptions, Finding, Severity
from reviewer.core.consistency import ConceptRenderings
from reviewer.core.errors import InputError, ReviewerError
from reviewer.core.readers import READERS, collect_inputs, read_document
from reviewer.core.document import Document
from reviewer.core.source_matching import SourceMatcher, source_matcher_for
from reviewer.core.writers import write_corrected
from reviewer.core.review import Decision, FindingSummary, Review, check_batch, make_review
from reviewer.core.matching import DEFAULT_FUZZY_THRESHOLD, TermMatcher
from reviewer.core.termbase import Termbase, load_termbase
from reviewer.core.export import corrected_targets, write_corrected_text
from reviewer.core.realign import merge_with_next, move_source_sentence, split_segment
from reviewer.core.mqm import Scorecard, ScorecardSettings, scorecards
from reviewer.core.review import ManualError
from reviewer.core.review_import import ImportPlan, apply_import, plan_import
from reviewer.core.workbook import documents_id, export_findings_csv, export_workbook
from reviewer.gui.actions import add_edit_menu, make_action
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.findings import FindingTableModel
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.undo import ReviewCommand, ReviewStateCommand, ReviewUndoStack, SegmentationCommand
from reviewer.gui.widgets.accept_all_dialog import AcceptAllDialog, PlannedAccept
from reviewer.gui.widgets.import_review_dialog import ImportReviewDialog
from reviewer.gui.widgets.error_dialog import ErrorDialog
from reviewer.gui.widgets.checks_dialog import ChecksDialog
from reviewer.gui.widgets.findings_panel import FindingsPanel
from reviewer.gui.widgets.renderings_panel import RenderingsPanel
from reviewer.gui.widgets.segment_editor import SegmentEditor, plain_text
from reviewer.gui.widgets.dashboard import Dashboard
from reviewer.gui.widgets.find_dialog import FindDialog
from reviewer.gui.widgets.scores_panel import ScoresPanel
from reviewer.gui.widgets.settings_dialog import SettingsDialog
from reviewer.core.scoring import ScoreReport
from reviewer.core.systems import SystemRow, compare_documents
from reviewer.gui.widgets.table_dialog import TableDialog
from reviewer.core.search import Replacement
from reviewer.gui.widgets.term_panel import TermPanel

from reviewer.gui.termbase_actions import TermbaseActions
from reviewer.gui.workers import Task, run_in_background
from reviewer.gui.i18n import tr

MAX_RECENT = 8


#: Spreadsheet suffixes that open through the column-mapping dialog.
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx"})


class MainWindow(QMainWindow):
    """The main review window.

    Args:
        termbase_paths: termbases to load, in priority order.
        settings: where recent files and window state are kept (tests pass their own).
    """

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
        self._generation = 0
        self.project: Project | None = None
        self._find: FindDialog | None = None
        self.last_import_plan: ImportPlan | None = None
        self._unsaved = False  # a project write failed: write everything at the next chance
        self._opening: Task | None = None
        self._checker: CheckProcess | None = None  # started at the first check (see recheck)
        self._check_task: Task | None = None
        self._closed = False  # set by closeEvent: a late result must not start new work
        self.termbase_actions = TermbaseActions(self)
        self._build()
        self._build_menus()
        self.restore_layout()
        self.update_status()

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
        self.editor.text_edited.connect(self.edit_current)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(150)
        self._draft_timer.timeout.connect(self._save_draft)
        self.editor.corrected.textChanged.connect(self._draft_timer.start)
        self.editor.accept_requested.connect(self.accept_finding)
        self.editor.force_requested.connect(self.force_accept_finding)
        self.editor.dismiss_requested.connect(self.dismiss_finding)
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
        self._scores_stale = True
        self.lower_tabs.currentChanged.connect(lambda _i: self._maybe_refresh_scores())

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
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop opening the files"))
        self.cancel_button.clicked.connect(self.cancel_opening)
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

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        self.open_action = make_action(self, "&Open…", QKeySequence.StandardKey.Open, self.open_dialog)
        file_menu.addAction(self.open_action)
        file_menu.addAction(make_action(self, "&New Project from Files…", "Ctrl+N", self.new_project_dialog))
        file_menu.addAction(make_action(self, "Open &Folder…", "Ctrl+Shift+O", self.open_folder_dialog))
        file_menu.addAction(make_action(self, "Open MT with Chinese &Source…", None, self.open_with_source_dialog))
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.export_action = make_action(self, "&Export Review Workbook…", "Ctrl+E", self.export_dialog)
        file_menu.addAction(self.export_action)
        file_menu.addAction(make_action(self, "&Import Review Workbook…", "Ctrl+I", self.import_review_dialog))
        file_menu.addAction(make_action(self, "Export Findings as CS&V…", None, self.export_csv_dialog))
        file_menu.addAction(make_action(self, "Save Project &As…", None, self.save_project_as_dialog))
        file_menu.addAction(make_action(self, "&Save Corrected As…", "Ctrl+Shift+S", self.save_corrected_dialog))
        file_menu.addAction(make_action(self, "Export &Corrected Text…", "Ctrl+Shift+E", self.export_text_dialog))
        file_menu.addSeparator()
        file_menu.addAction(make_action(self, "Reviewer &Name…", None, self.ask_reviewer_name))
        file_menu.addSeparator()
        file_menu.addAction(make_action(self, "&Quit", QKeySequence.StandardKey.Quit, self.close))

        edit_menu = add_edit_menu(self, self.undo_stack)
        edit_menu.addSeparator()
        edit_menu.addAction(make_action(self, "Se&ttings…", "Ctrl+,", self.settings_dialog))
        edit_menu.addSeparator()
        edit_menu.addAction(make_action(self, "&Find and Replace…", "Ctrl+F", self.find_dialog))
        edit_menu.addSeparator()
        edit_menu.addAction(make_action(self, "&Merge with Next Segment", "Ctrl+M", self.merge_current))
        edit_menu.addAction(make_action(self, "&Split Segment at Cursor", "Ctrl+Shift+Return", self.split_current))
        edit_menu.addAction(make_action(self, "Move Last Source Sentence to &Next Segment", "Ctrl+Alt+Down", lambda: self.move_source_current(True)))
        edit_menu.addAction(make_action(self, "Pull First Source Sentence from Ne&xt Segment", "Ctrl+Alt+Up", lambda: self.move_source_current(False)))

        review_menu = bar.addMenu(tr("&Review"))
        review_menu.addAction(make_action(self, "&Accept Suggestion", "Ctrl+Return", self._accept_current))
        review_menu.addAction(make_action(self, "&Dismiss as False Positive", "Ctrl+D", self._dismiss_current))
        review_menu.addAction(make_action(self, "Dismiss with &Note…", "Ctrl+Shift+D", self._dismiss_current_with_note))
        review_menu.addAction(make_action(self, "Mark Finding Fi&xed by Hand", "Ctrl+Shift+X", self._fix_current))
        review_menu.addAction(make_action(self, "Re&open Finding", "Ctrl+Shift+Backspace", self._reopen_current))
        review_menu.addAction(make_action(self, "Add &Error on Selection…", "Ctrl+Shift+M", self.add_error_dialog))
        review_menu.addAction(make_action(self, "Accept All of This Chec&k", "Ctrl+Alt+Return", lambda: self.accept_all_like_current("check")))
        review_menu.addAction(make_action(self, "Accept All of This Conce&pt", None, lambda: self.accept_all_like_current("concept")))
        review_menu.addAction(make_action(self, "Dismiss All of This &Check", None, lambda: self.dismiss_all_like_current("check")))
        review_menu.addAction(make_action(self, "Dismiss All of This C&oncept", None, lambda: self.dismiss_all_like_current("concept")))
        review_menu.addSeparator()
        review_menu.addAction(make_action(self, "E&xport False Positives…", None, self.export_false_positives_dialog))
        review_menu.addAction(make_action(self, "&Import False Positives…", None, self.import_false_positives_dialog))
        review_menu.addSeparator()
        review_menu.addAction(make_action(self, "Mark &Reviewed and Go to Next", "Ctrl+R", lambda: self.mark_current("reviewed", advance=True)))
        review_menu.addAction(make_action(self, "Mark &Final", "Ctrl+Shift+R", lambda: self.mark_current("final")))
        review_menu.addAction(make_action(self, "Mark &Translated (Not Reviewed)", None, lambda: self.mark_current("translated")))
        review_menu.addAction(make_action(self, "Segment &Comment…", "Ctrl+K", self.comment_current_dialog))
        review_menu.addAction(make_action(self, "Next &Unreviewed Segment", "Ctrl+U", self.goto_unreviewed))
        review_menu.addSeparator()
        review_menu.addAction(make_action(self, "&Next Finding", "F8", lambda: self.goto_finding(+1)))
        review_menu.addAction(make_action(self, "&Previous Finding", "Shift+F8", lambda: self.goto_finding(-1)))
        review_menu.addSeparator()
        review_menu.addAction(make_action(self, "&Check Again", "F5", self.recheck))
        review_menu.addAction(make_action(self, "C&hecks…", None, self.checks_dialog))

        termbase_menu = bar.addMenu(tr("&Termbase"))
        termbase_menu.addAction(make_action(self, "&Edit Termbase…", "Ctrl+Shift+T", self.termbase_actions.open_termbase_editor))
        termbase_menu.addAction(make_action(self, "&Add Flagged Rendering to Termbase…", "Ctrl+T", self.termbase_actions.add_rendering_from_finding))
        termbase_menu.addAction(make_action(self, "Add &Project Termbase…", None, self.termbase_actions.add_termbase_dialog))
        termbase_menu.addSeparator()
        termbase_menu.addAction(make_action(self, "&Candidate Terms…", None, self.termbase_actions.candidates_dialog))

        view_menu = bar.addMenu(tr("&View"))
        self.invisibles_action = make_action(self, "Show &Invisibles", "Ctrl+Shift+I", self.toggle_invisibles)
        self.invisibles_action.setCheckable(True)
        view_menu.addAction(self.invisibles_action)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(make_action(self, "&Keyboard Shortcuts", "F1", self.shortcuts_dialog))
        help_menu.addAction(make_action(self, "&About reviewer", None, self._about))

    # -- opening -------------------------------------------------------------

    def open_dialog(self) -> None:
        """Ask for articles and open them as one batch."""
        patterns = " ".join(f"*{s}" for s in sorted(READERS))
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open articles or a project", str(Path.home()), f"Articles and projects ({patterns} *{PROJECT_SUFFIX});;Projects (*{PROJECT_SUFFIX});;All files (*)"
        )
        if paths:
            self.open_interactively([Path(p) for p in paths])

    def open_interactively(self, paths: Sequence[Path]) -> Task | None:
        """Open ``paths``, first asking for the column mapping of each bilingual spreadsheet
        (a preview of its rows, the guessed columns editable); a cancelled dialog leaves that
        file out."""
        preloaded: dict[Path, Document] = {}
        kept: list[Path] = []
        for p in paths:
            if p.suffix.lower() in TABLE_SUFFIXES:
                try:
                    dialog = TableDialog(p, self)
                except ReviewerError as exc:
                    self.show_error("Could not open the file", str(exc))
                    continue
                if dialog.exec() != TableDialog.DialogCode.Accepted or dialog.document is None:
                    continue
                preloaded[p] = dialog.document
            kept.append(p)
        return self.open_files(kept, preloaded=preloaded) if kept else None

    def new_project_dialog(self) -> None:
        """Ask for articles, then where to keep the project, and open them in it."""
        patterns = " ".join(f"*{s}" for s in sorted(READERS))
        paths, _ = QFileDialog.getOpenFileNames(self, "New project: choose the articles", str(Path.home()), f"Articles ({patterns})")
        if not paths:
            return
        first = Path(paths[0])
        target, _ = QFileDialog.getSaveFileName(self, "New project: save it as", str(first.with_name(first.stem + PROJECT_SUFFIX)), f"reviewer projects (*{PROJECT_SUFFIX})")
        if not target:
            return
        out = Path(target) if target.endswith(PROJECT_SUFFIX) else Path(target + PROJECT_SUFFIX)
        if out.exists():  # the dialog asked; the old project is kept aside rather than deleted
            out.rename(out.with_name(f"{out.stem}-replaced-{datetime.now():%Y%m%d-%H%M%S}{PROJECT_SUFFIX}"))
        self.open_files([Path(p) for p in paths], new_project=out)

    def save_project_as_dialog(self) -> None:
        """Copy the project to a file of the user's choice and go on working there."""
        if self.project is None:
            self.show_error("Nothing to save", "Open an article or a project first.")
            return
        self.editor.flush()
        target, _ = QFileDialog.getSaveFileName(self, "Save project as", str(Path.home() / f"review{PROJECT_SUFFIX}"), f"reviewer projects (*{PROJECT_SUFFIX})")
        if target:
            out = Path(target) if target.endswith(PROJECT_SUFFIX) else Path(target + PROJECT_SUFFIX)
            self.save_project_as(out)

    def save_project_as(self, path: Path) -> bool:
        """Copy the project to ``path`` (an existing file there is kept aside, renamed) and
        continue in the copy."""
        assert self.project is not None
        if self.project.path.resolve() == path.resolve():
            return self._persist(lambda p, r: p.record(r))
        self._persist(lambda p, r: p.record(r))
        try:
            if path.exists():
                path.rename(path.with_name(f"{path.stem}-replaced-{datetime.now():%Y%m%d-%H%M%S}{PROJECT_SUFFIX}"))
            self.project = self.project.save_as(path)
            if self._unsaved and self.review is not None:
                self.project.record_all(self.review)
                self._unsaved = False
        except (ReviewerError, OSError) as exc:
            self.show_error("Could not save the project", str(exc))
            return False
        self._add_recent(path)
        self.setWindowTitle(f"{path.name} — reviewer")
        self.statusBar().showMessage(f"Saved the project as {path}; your work goes on there", 8000)
        return True

    def open_folder_dialog(self) -> None:
        """Ask for a folder and open every article in it as one batch."""
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles", str(Path.home()))
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path) -> Task | None:
        """Open the supported files of ``folder`` (recursively) as one batch; a file that
        cannot be read is left out with a note."""
        try:
            paths = collect_inputs([folder])
        except ReviewerError as exc:
            self.show_error("Could not open the folder", str(exc))
            return None
        return self.open_files(paths, tolerant=True)

    def open_with_source_dialog(self) -> None:
        """Ask for an English MT file, then its Chinese source, and open them aligned."""
        patterns = "*.txt *.text *.docx"
        mt, _ = QFileDialog.getOpenFileName(self, "Open the English MT", str(Path.home()), f"Articles ({patterns})")
        if not mt:
            return
        src, _ = QFileDialog.getOpenFileName(self, "Open its Chinese source", str(Path(mt).parent), f"Articles ({patterns})")
        if src:
            self.open_files([Path(mt)], source=Path(src))

    def cancel_opening(self) -> None:
        """Stop the files being opened (the window keeps what it had)."""
        if self._opening is not None:
            self._opening.cancel()
            self.statusBar().showMessage("Opening cancelled", 6000)

    def open_files(
        self,
        paths: Sequence[Path],
        source: Path | None = None,
        preloaded: dict[Path, Document] | None = None,
        new_project: Path | None = None,
        tolerant: bool = False,
    ) -> Task | None:
        """Load ``paths`` (and the termbases, the first time) and check them in the background.

        Args:
            paths: the files to open as one batch.
            source: the Chinese source of the single file in ``paths``, as a separate
                file; the two are aligned sentence by sentence.
            preloaded: documents already read (a spreadsheet read with the mapping its
                dialog chose), by path.
            tolerant: leave out a file that cannot be read, with a note (a folder).
            new_project: create the project at this path (File ▸ New Project); by
                default a project in the user data folder holds the work on these files.
                A single ``.reviewer`` path in ``paths`` opens that project.

        Returns:
            The background task, or ``None`` when a task is already running.
        """
        if self._opening is not None:
            self.statusBar().showMessage("Still opening the previous files…", 4000)
            return None
        self.editor.flush()
        paths = [Path(p) for p in paths]
        ready = dict(preloaded or {})
        termbase_paths = [] if self.termbases else list(self.termbase_paths)
        existing = list(self.termbases)
        check_settings = self.check_settings()
        subject = self.check_subject()

        project_path = paths[0] if len(paths) == 1 and paths[0].suffix.lower() == PROJECT_SUFFIX else new_project
        if project_path is not None and project_path.suffix.lower() == PROJECT_SUFFIX and paths and paths[0] == project_path:
            paths = []

        skipped: list[str] = []

        def work(progress: Task) -> tuple[Review, list[str], Project]:
            progress(0, 1, "Loading termbase")
            termbases = existing or [load_termbase(p) for p in termbase_paths]
            if source is not None:
                from reviewer.core.readers.parallel import read_parallel

                progress(0, 1, "Aligning the source with the MT")
                documents = [read_parallel(paths[0], source, TermMatcher(termbases))]
            else:
                documents = []
                for i, p in enumerate(paths):
                    progress(i, len(paths), f"Reading {p.name}")
                    try:
                        documents.append(ready[p] if p in ready else read_document(p))
                    except ReviewerError as exc:
                        if not tolerant:
                            raise
                        skipped.append(f"left out {p.name}: {getattr(exc, 'reason', exc)}")
                if paths and not documents:
                    raise InputError(paths[0], "none of the files could be read: " + "; ".join(skipped[:3]))
            notes: list[str] = skipped
            project: Project | None = None
            try:
                if project_path is not None and project_path.suffix.lower() == PROJECT_SUFFIX and not documents:
                    project = Project.open(project_path)
                    documents = project.documents()
                    if not existing:
                        stored = [p for p in project.termbase_paths() if p.is_file()]
                        if stored:
                            termbases = [load_termbase(p) for p in stored]
                else:
                    project, documents, found = _session_project(documents, project_path, [tb.path for tb in termbases if tb.path])
                    notes.extend(found)
                review = make_review(documents, termbases)
                review.checks, review.severities = check_settings
                review.options = CheckOptions(subject=subject)
                notes.extend(project.load_into(review))
                legacy = autosave_path([d.path for d in documents])
                if not project.setting("imported_json") and legacy.exists():  # the autosave of an earlier version
                    notes.extend(project.import_review_json(review, legacy))
                    project.set_setting("imported_json", str(legacy))
                    notes.append(f"Took over {len(review.corrected)} post-edited segment(s) and {len(review.decisions)} decision(s) from your last session")
                # the checks run after the first screen is up (MainWindow.recheck, from _opened)
            except BaseException:
                if project is not None:
                    project.close()
                raise
            return review, notes, project

        self._set_busy("Opening…")
        task = run_in_background(work, self._opened, self._failed, self._on_progress)
        self._opening = self.track(task)
        self.cancel_button.show()
        return task

    def _opened(self, result: tuple[Review, list[str], Project]) -> None:
        review, notes, project = result
        if self._closed:  # the window was closed while the files were being read
            project.close()
            return
        if self.project is not None:
            self.project.close()
        self.project = project
        self._unsaved = False
        self.review = review
        self.termbases = review.termbases
        self.undo_stack.clear()
        self.segment_model.set_review(review)
        self.findings_panel.set_review(review)
        self.renderings_panel.set_review(review)
        self.segments.setColumnHidden(SegmentTableModel.SOURCE, not self.segment_model.has_sources())
        self._fit_rows()
        self._fit_columns()
        names = ", ".join(d.name for d in review.documents[:3]) + (f" and {len(review.documents) - 3} more" if len(review.documents) > 3 else "")
        for d in review.documents:
            notes.extend(f"{d.name}: {w}" for w in d.warnings)
        self.setWindowTitle(f"{names} — reviewer")
        if project.path.parent != data_dir() / "projects":
            self._add_recent(project.path)  # a project of the user's own: the recent list opens it
        else:
            for d in review.documents:
                self._add_recent(d.path)
        if self.segment_model.rowCount():
            self.segments.selectionModel().setCurrentIndex(
                self.segment_model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        self.update_status()
        if notes:
            self.statusBar().showMessage("; ".join(notes), 10000)
        self.recheck()  # the document is on screen; its findings follow
        heap.settle()

    # -- current segment -----------------------------------------------------

    def _on_segment_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.review is None:
            return
        self.editor.flush()
        self.current = self.segment_model.data(current, ObjectRole)
        self._show_current(reload_text=True)

    def _show_current(self, reload_text: bool = False) -> None:
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

    def _fit_columns(self) -> None:
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

    def _fit_rows(self) -> None:
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
            self._find.replace_all.connect(self.apply_replacements)
        self._find.show()
        self._find.raise_()
        self._find.pattern.setFocus()
        return self._find

    def apply_replacements(self, plan: list[Replacement]) -> None:
        """Apply a find-and-replace plan as one undo step."""
        if self.review is None or not plan:
            return
        self.editor.flush()
        review = self.review
        self.undo_stack.beginMacro(f"Replace in {len(plan)} segment(s)")
        for r in plan:
            self.undo_stack.push(ReviewCommand(review, self, "Replace", r.document, r.segment, partial(review.set_target, r.document, r.segment, r.new)))
        self.undo_stack.endMacro()

    # -- settings and layout -----------------------------------------------------

    def settings_dialog(self) -> SettingsDialog:
        """Edit ▸ Settings: language, font size, checks, near-miss thresholds, termbase order."""
        enabled, severities = self.check_settings()
        dialog = SettingsDialog(
            str(self.settings.value("language", "en")), _int(self.settings.value("fontSize", 0)), enabled, severities,
            list(self.termbases), list(self.termbase_paths), self, self.scorecard_settings(), subject=self.check_subject(),
        )
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()
        return dialog

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Apply what the settings dialog chose."""
        language = dialog.language.currentData()
        if language != self.settings.value("language", "en"):
            self.settings.setValue("language", language)
            self.statusBar().showMessage(self.tr("The new interface language takes effect when reviewer starts again."), 8000)
        self.settings.setValue("fontSize", dialog.font_size.value())
        for sev, spin in dialog.weights.items():
            self.settings.setValue(f"scorecard/{sev}", spin.value())
        self.settings.setValue("scorecard/threshold", dialog.threshold.value())
        self.settings.setValue("scorecard/per", dialog.per.currentData())
        self._scores_stale = True
        apply_font_size(dialog.font_size.value())
        matcher_stale = False
        for tb, value in zip(self.termbases, dialog.threshold_values()):
            if tb.fuzzy_threshold != value and not (tb.fuzzy_threshold is None and value == DEFAULT_FUZZY_THRESHOLD):
                tb.fuzzy_threshold = float(value)
                matcher_stale = True
        order = dialog.termbase_order()
        if order != self.termbase_paths:
            loaded = {p: tb for p, tb in zip(self.termbase_paths, self.termbases)}
            try:
                termbases = [loaded[p] if p in loaded else load_termbase(p) for p in order] if self.termbases else []
            except ReviewerError as exc:
                self.show_error("Could not load the termbase", str(exc))
                return
            self.termbase_paths = order
            if termbases:
                self.termbases = termbases
                if self.review is not None:
                    self.review.termbases = termbases
            self._persist(lambda p, _r: p.set_termbase_paths(order))
            matcher_stale = True
        if matcher_stale:
            self.termbase_actions.termbase_changed()
        self.set_check_settings(dialog.checks.enabled(), dialog.checks.severities(), dialog.checks.subject())

    def scorecard_settings(self) -> ScorecardSettings:
        """The MQM scorecard's weights, threshold and word basis, from the settings."""
        settings = ScorecardSettings()
        for sev in ("minor", "major", "critical"):
            value = self.settings.value(f"scorecard/{sev}")
            if value is not None:
                try:
                    settings.weights[sev] = float(str(value))
                except ValueError:
                    pass
        threshold = self.settings.value("scorecard/threshold")
        if threshold is not None:
            try:
                settings.threshold = float(str(threshold))
            except ValueError:
                pass
        if self.settings.value("scorecard/per") in ("source", "target"):
            settings.per = str(self.settings.value("scorecard/per"))
        return settings

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
        self._show_current(reload_text=True)

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

    def shortcuts_dialog(self) -> None:
        """List every menu command that has a keyboard shortcut."""
        rows = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            for action in menu.actions():
                if not action.shortcut().isEmpty():
                    name = action.text().replace("&", "").rstrip("…")
                    rows.append(f"<tr><td><b>{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}</b></td><td>{menu_action.text().replace('&', '')} ▸ {name}</td></tr>")
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", "", QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText("<table cellspacing=6>" + "".join(rows) + "</table>")
        box.open()
        self.shortcuts_text = "\n".join(rows)

    # -- changes (all through the undo stack) -----------------------------------

    def mark_current(self, state: str, advance: bool = False) -> None:
        """Set the current segment's state (one undo step); with ``advance``, go on to the
        next unreviewed segment."""
        if self.review is None or self.current is None:
            return
        self.editor.flush()
        doc, seg = self.current
        review = self.review
        if state != "translated" and not self.confirm_open_majors(doc, seg, state):
            return
        self.undo_stack.push(ReviewCommand(review, self, f"Mark segment {seg} {state}", doc, seg, lambda: review.set_state(doc, seg, state)))
        if advance:
            self.goto_unreviewed()

    def confirm_open_majors(self, doc: str, seg: str, state: str) -> bool:
        """Before a segment with open major findings is marked reviewed or final: ask, with a
        "don't ask again" box (settings key ``warnings/openMajorOnReview``). True to go on."""
        if self.review is None or str(self.settings.value("warnings/openMajorOnReview", "true")).lower() == "false":
            return True
        review = self.review
        majors = [f for f in review.findings if f.document == doc and f.segment == seg and f.severity is Severity.MAJOR and review.decision(f).value == "open"]
        if not majors:
            return True
        box = QMessageBox(self)
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
            self.settings.setValue("warnings/openMajorOnReview", "false")
        return answer == QMessageBox.StandardButton.Yes

    def comment_current_dialog(self) -> None:
        """Ask for the current segment's comment."""
        if self.review is None or self.current is None:
            return
        doc, seg = self.current
        text, ok = QInputDialog.getMultiLineText(self, "Segment comment", f"Comment on segment {seg}:", self.review.comments.get((doc, seg), ""))
        if ok:
            self.comment_current(text)

    def comment_current(self, text: str) -> None:
        """Set the current segment's comment (one undo step; empty removes it)."""
        if self.review is None or self.current is None:
            return
        doc, seg = self.current
        review = self.review
        self.undo_stack.push(ReviewCommand(review, self, f"Comment on segment {seg}", doc, seg, lambda: review.set_comment(doc, seg, text)))

    def edit_current(self, text: str) -> None:
        """The reviewer typed in the corrected text of the current segment."""
        if self.review is None or self.current is None:
            return
        doc, seg = self.current
        if text == self.review.target(doc, seg):
            return
        review = self.review
        self.undo_stack.push(ReviewCommand(review, self, f"edit segment {seg}", doc, seg, lambda: review.set_target(doc, seg, text), merge=True))

    def _settle_typing(self) -> None:
        """Hand over the typing still pending in the segment editor (the undo stack calls this
        before every step, so that the history runs in the order the reviewer acted)."""
        editor = getattr(self, "editor", None)
        if editor is not None:
            editor.flush()

    def accept_finding(self, finding: Finding, force: bool = False) -> None:
        """Apply a finding's suggestion (undoable). One the tool could not place
        (:attr:`Finding.manual`) is refused unless ``force``: see :meth:`force_accept_finding`."""
        if self.review is None or finding.suggestion is None:
            return
        review = self.review
        self.undo_stack.settle()
        try:
            review.accepted_text(finding, force)
        except ValueError as exc:
            self.show_error(tr("Cannot accept the suggestion"), str(exc))
            return
        self.undo_stack.push(
            ReviewCommand(review, self, f"accept “{finding.suggestion}”", finding.document, finding.segment, lambda: review.accept(finding, force))
        )

    def force_accept_finding(self, finding: Finding) -> None:
        """Apply, after asking, a suggestion the tool said it could not place safely."""
        if self.review is None or finding.suggestion is None:
            return
        reason = str(finding.details.get("placement", ""))
        answer = QMessageBox.question(
            self,
            tr("Apply anyway"),
            f"“{finding.text}” → “{finding.suggestion}”\n\n{reason}.\n\n" + tr("Replace the flagged text anyway? Check the sentence afterwards."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.accept_finding(finding, force=True)

    def dismiss_finding(self, finding: Finding, note: str = "") -> None:
        """Dismiss a finding as a false positive, with an optional reason (undoable)."""
        if self.review is None:
            return
        review = self.review
        self.undo_stack.push(
            ReviewCommand(review, self, f"dismiss “{finding.text}”", finding.document, finding.segment, lambda: review.dismiss(finding, note))
        )

    def _accept_current(self) -> None:
        self.editor.accept_current()

    def _fix_current(self) -> None:
        """Record the current finding as a real error the reviewer fixed by hand (MQM counts it)."""
        f = self.editor.current_finding()
        if f is None or self.review is None:
            return
        self.editor.flush()
        review = self.review
        self.undo_stack.push(ReviewCommand(review, self, f"fixed “{f.text}”", f.document, f.segment, lambda: review.mark_fixed(f)))

    def add_error_dialog(self) -> None:
        """Add an error by hand on the text selected in the corrected text (or the whole segment)."""
        if self.review is None or self.current is None:
            return
        cursor = self.editor.corrected.textCursor()
        start, end = sorted((cursor.anchor(), cursor.position()))
        dialog = ErrorDialog(plain_text(self.editor.corrected)[start:end], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_error(start, end, dialog.category(), dialog.severity(), dialog.note.text())

    def add_error(self, start: int, end: int, category: str, severity: str, note: str = "") -> None:
        """Add a manual error on ``[start, end)`` of the current segment's post-edit (one undo step)."""
        if self.review is None or self.current is None:
            return
        self.editor.flush()
        doc, seg = self.current
        text = self.review.target(doc, seg)[start:end]
        review = self.review
        error = ManualError(doc, seg, start, end, text, category, severity, note)
        self.undo_stack.push(ReviewStateCommand(review, self, f"error in segment {seg}", lambda: review.add_error(error)))

    def reopen_finding(self, finding: Finding) -> bool:
        """Take back the dismissal (or the fixed mark) of ``finding`` as one undo step; an
        accepted finding is taken back with Undo, which restores the text too. True if reopened."""
        if self.review is None:
            return False
        review = self.review
        self.undo_stack.settle()
        if review.decision(finding) not in (Decision.DISMISSED, Decision.FIXED):
            self.statusBar().showMessage(tr("Only a dismissed or fixed finding can be reopened; undo an accept instead."), 5000)
            return False
        self.undo_stack.push(ReviewCommand(review, self, f"reopen “{finding.text}”", finding.document, finding.segment, lambda: review.reopen(finding)))
        return True

    def _reopen_current(self) -> None:
        f = self.editor.current_finding()
        if f is not None:
            self.reopen_finding(f)

    def _dismiss_current(self) -> None:
        self.undo_stack.settle()
        f = self.editor.current_finding()
        if f is not None:
            self.dismiss_finding(f)

    def dismiss_all_like_current(self, by: str) -> None:
        """Dismiss every open finding of the current finding's check (or concept), as one undo step."""
        f = self.editor.current_finding()
        if f is None or self.review is None:
            return
        review = self.review
        if by == "concept":
            if f.term is None:
                self.statusBar().showMessage("This finding is not about a term.", 5000)
                return
            label, change = f"dismiss all of {f.term.source or f.term.concept}", lambda: review.dismiss_all(concept=f.term.concept if f.term else None)
        else:
            label, change = f"dismiss all {f.check}", lambda: review.dismiss_all(check=f.check)
        self.undo_stack.push(ReviewCommand(review, self, label, f.document, f.segment, change))

    def accept_all_like_current(self, by: str, confirm: bool = True) -> int:
        """Accept every open finding with a suggestion of the current finding's check (or
        concept), as one undo step. With ``confirm``, the list of changes (:class:`AcceptAllDialog`)
        is shown first and only the ticked ones are applied. Suggestions the tool could not place,
        stale ones and ones overlapping another are held back and counted. Within a segment the
        last one goes first, so the offsets of the others still hold. Returns how many were
        accepted."""
        f = self.editor.current_finding()
        if f is None or self.review is None:
            return 0
        if by == "concept" and f.term is None:
            self.statusBar().showMessage(tr("This finding is not about a term."), 5000)
            return 0
        review = self.review
        self.undo_stack.settle()
        same = [
            x for x in review.open_findings()
            if x.suggestion is not None and (x.term is not None and f.term is not None and x.term.concept == f.term.concept if by == "concept" else x.check == f.check)
        ]
        taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
        planned: list[PlannedAccept] = []
        manual = stale = 0
        for x in sorted(same, key=lambda x: (x.document, _int(x.segment), x.segment, -x.start)):
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
            self.statusBar().showMessage(tr("Nothing to accept.") + (" " + " ".join(held_back) if held_back else ""), 8000)
            return 0
        what = f.check if by == "check" else (f.term.source if f.term else "")
        chosen = [p.finding for p in planned]
        if confirm:
            dialog = AcceptAllDialog(what, planned, held_back, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
            chosen = dialog.chosen()
            if not chosen:
                return 0
        self.undo_stack.beginMacro(f"accept all {what}")
        for x in chosen:
            self.undo_stack.push(ReviewCommand(review, self, f"accept “{x.suggestion}”", x.document, x.segment, partial(review.accept, x)))
        self.undo_stack.endMacro()
        self.statusBar().showMessage(f"{tr('Accepted')} {len(chosen)}", 5000)
        return len(chosen)

    def export_false_positives_dialog(self) -> None:
        """Save the dismissal rules for a colleague."""
        if self.review is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export false positives", str(Path.home() / "false-positives.json"), "JSON (*.json)")
        if path:
            try:
                n = self.review.export_false_positives(Path(path))
            except ReviewerError as exc:
                self.show_error("Could not export", str(exc))
                return
            self.statusBar().showMessage(f"Exported {n} false-positive rules to {path}", 8000)

    def import_false_positives_dialog(self) -> None:
        """Load a colleague's dismissal rules and apply them at once."""
        if self.review is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Import false positives", str(Path.home()), "JSON (*.json)")
        if path:
            self.import_false_positives(Path(path))

    def import_false_positives(self, path: Path) -> None:
        """Add the rules of ``path`` (undoable) and show how many findings they dismissed."""
        if self.review is None:
            return
        review = self.review
        before = len(review.open_findings())
        doc, seg = self.current or (review.doc_key(review.documents[0]), review.documents[0].segments[0].id)
        existing = set(review.false_positives)
        try:
            review.import_false_positives(path)  # read and check the file before anything goes on the stack
        except ReviewerError as exc:
            self.show_error("Could not import", str(exc))
            return
        new = review.false_positives - existing
        review.false_positives = existing  # the command adds them, so that undo can take them away
        self.undo_stack.push(ReviewCommand(review, self, "import false positives", doc, seg, lambda: review.false_positives.update(new)))
        self.statusBar().showMessage(f"{before - len(review.open_findings())} findings dismissed by the imported rules", 8000)

    def _dismiss_current_with_note(self) -> None:
        f = self.editor.current_finding()
        if f is None:
            return
        note, ok = QInputDialog.getText(self, "Dismiss as false positive", f"Why is “{f.text}” not an error?")
        if ok:
            self.dismiss_finding(f, note.strip())

    # -- segmentation and alignment --------------------------------------------

    def _regroup(self, label: str, change: Callable[[str, str], object]) -> bool:
        """Apply a merge, split or re-pairing to the current segment as one undoable step."""
        if self.review is None or self.current is None:
            return False
        self.editor.flush()
        doc, seg = self.current
        review = self.review
        try:
            command = SegmentationCommand(review, self, label, doc, seg, lambda: change(doc, seg))
        except ValueError as exc:
            self.show_error(f"Cannot {label.lower()}", str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def merge_current(self) -> bool:
        """Merge the current segment with the next one."""
        return self._regroup("Merge segments", lambda d, s: merge_with_next(self._review(), d, s))

    def split_current(self) -> bool:
        """Split the current segment at the cursor of the corrected text."""
        at = self.editor.corrected.textCursor().position()
        return self._regroup("Split segment", lambda d, s: split_segment(self._review(), d, s, at))

    def move_source_current(self, forward: bool) -> bool:
        """Move a Chinese sentence between the current segment and the next."""
        return self._regroup("Re-pair source sentence", lambda d, s: move_source_sentence(self._review(), d, s, forward))

    def _review(self) -> Review:
        assert self.review is not None
        return self.review

    def segmentation_changed(self, doc: str, segment: str) -> None:
        """Called by segmentation commands: show the new rows, autosave, re-check."""
        self.segment_model.set_review(self.review)
        self.segments.setColumnHidden(SegmentTableModel.SOURCE, not self.segment_model.has_sources())
        self._fit_rows()
        self._fit_columns()
        self.current = None
        keys = [k for k in self.segment_model.keys() if k[0] == doc]
        target = (doc, segment) if (doc, segment) in keys else (keys[0] if keys else None)
        if target is not None:
            self.select_segment(*target)
        self._persist(lambda p, r: p.record_segmentation(r, doc))
        self.recheck()

    def review_changed(self, doc: str, segment: str) -> None:
        """Called by undo commands after every change: refresh, autosave, re-check."""
        self.segment_model.refresh_row(doc, segment)
        if self.current == (doc, segment):
            self._show_current()
        self.findings_panel.decisions_changed()
        self._persist(lambda p, r: p.record(r, doc, segment))
        self.recheck()

    def autosave(self) -> None:
        """Write the review's decisions, notes and rules to the project now."""
        self._persist(lambda p, r: p.record(r))

    def _persist(self, write: Callable[[Project, Review], None]) -> bool:
        """Run one project write; a failure (disk full, file gone, locked) is shown once and
        everything is written again at the next chance, so no edit is lost."""
        if self.project is None or self.review is None:
            return False
        if not self.project.path.exists():
            # deleted or moved underneath the app: the open connection still holds everything,
            # so Save Project As can write it all out again
            if not self._unsaved:
                self.show_error(
                    "The project file is gone",
                    f"{self.project.path} was deleted or moved while it was open. Nothing is lost: your work is still in this "
                    "window. Save it with File ▸ Save Project As.",
                )
            self._unsaved = True
            try:
                write(self.project, self.review)  # into the open connection, which Save As copies
            except ReviewerError:
                pass
            return False
        try:
            if self._unsaved:
                self.project.record_all(self.review)
                for d in self.review.documents:
                    self.project.record_segmentation(self.review, self.review.doc_key(d))
            write(self.project, self.review)
        except ReviewerError as exc:
            if not self._unsaved:
                self.show_error("Your work could not be saved", f"{exc}\n\nNothing is lost yet: it stays in this window, and reviewer saves it again with your next change. You can also save a copy with File ▸ Save Project As.")
            self._unsaved = True
            self.statusBar().showMessage("Not saved: see the message", 10000)
            return False
        if self._unsaved:
            self.statusBar().showMessage("Saved again", 4000)
        self._unsaved = False
        return True

    def _save_draft(self) -> None:
        """Keep the text being typed in the project (recovered after a crash)."""
        if self.project is None or self.review is None or self.current is None or not self.editor.has_pending_edit():
            return
        doc, seg = self.current
        text = plain_text(self.editor.corrected)
        self._persist(lambda p, _r: p.save_draft(doc, seg, text))

    def recheck(self) -> None:
        """Run the checks again in the background; a stale result is dropped.

        Everything the window shows of the result (the findings table's rows, the open findings
        per segment, the status bar's counts) is worked out in the background too, on a snapshot
        of the review, so the GUI thread only swaps it in. Nothing runs once the window is closed."""
        if self.review is None or self._closed:
            return
        self._generation += 1
        generation = self._generation
        snapshot = self._snapshot()
        units = snapshot.units()
        matcher = snapshot.matcher
        checks, severities, options = snapshot.checks, dict(snapshot.severities), snapshot.options
        assert matcher is not None
        checker = self._check_process()
        if self._check_task is not None:
            self._check_task.cancel()  # its result would be dropped: stop it now

        def work(progress: Task) -> CheckLanding:
            result = None
            if checker is not None:
                try:
                    result = checker.check(units, matcher, checks, progress, severities, options)
                except CheckProcessDied:
                    pass  # no child process to be had: check here, in this thread
            findings, renderings = result or check_batch(units, matcher, checks, progress, severities, options)
            with heap.paused():
                return CheckLanding.of(snapshot, findings, renderings)

        def done(result: CheckLanding) -> None:
            if generation != self._generation or self.review is None or self._closed:
                return  # the text changed again since (a newer run is coming), or the window is closed
            self.review.findings, self.review.renderings = result.findings, result.renderings
            self.findings_panel.set_review(self.review, result.rows, result.concepts)
            self.renderings_panel.set_review(self.review)
            self.segment_model.refresh(counts=result.counts)
            self._show_current()
            self.update_status(result.summary)
            self._scores_stale = True
            self._maybe_refresh_scores()
            heap.settle()

        large = len(units) >= 1000  # a progress bar for a long run; none for the re-check after each edit
        if large:
            self._set_busy(tr("Checking…"))
        task = run_in_background(work, done, self._failed, self._on_progress if large else None)
        self._check_task = self.track(task)

    def _check_process(self) -> CheckProcess | None:
        """The process the checks run in, started on first use; ``None`` runs them in a thread
        of this process instead (``REVIEWER_CHECK_PROCESS=0``, and in the GUI tests' synchronous
        mode). See :mod:`reviewer.core.check_process` for why."""
        if os.environ.get("REVIEWER_CHECK_PROCESS", "1") == "0" or os.environ.get("REVIEWER_SYNC_TASKS") == "1":
            return None
        if self._checker is None:
            self._checker = CheckProcess()
        return self._checker

    def _snapshot(self) -> Review:
        """A copy of the review that a background thread may read while the reviewer goes on
        (the documents' segment lists and the decisions are copied; segments and findings are
        shared, being replaced rather than changed)."""
        review = self._review()
        return dataclasses.replace(
            review,
            documents=[dataclasses.replace(d, segments=list(d.segments)) for d in review.documents],
            corrected=dict(review.corrected),
            decisions=dict(review.decisions),
            findings=list(review.findings),
            false_positives=set(review.false_positives),
            fixed=dict(review.fixed),
            manual_errors=list(review.manual_errors),
            applied=list(review.applied),
            states=dict(review.states),
            comments=dict(review.comments),
        )

    # -- scores and dashboard ----------------------------------------------------

    def _maybe_refresh_scores(self) -> None:
        """Recompute the scores when the Scores or Dashboard tab is showing and they are stale."""
        if self._scores_stale and self.lower_tabs.currentWidget() in (self.scores_panel, self.dashboard):
            self.refresh_scores()

    def refresh_scores(self) -> Task | None:
        """Compute the scores, the comparison of documents and the charts in the background
        (on a snapshot of the review, so typing goes on)."""
        if self.review is None or self._closed:
            return None
        self._scores_stale = False
        review = self.review
        snapshot = self._snapshot()
        names = {review.doc_key(d): d.name for d in review.documents}

        card_settings = self.scorecard_settings()

        def work(_progress: Task) -> tuple[ScoreReport, list[SystemRow], list[Finding], list[Scorecard]]:
            return snapshot.scores(), compare_documents(snapshot), snapshot.open_findings(), scorecards(snapshot, card_settings)

        def done(result: tuple[ScoreReport, list[SystemRow], list[Finding], list[Scorecard]]) -> None:
            if self.review is not review:
                return
            report, systems, open_findings, cards = result
            self.scores_panel.set_scores(report, names, systems, cards, card_settings)
            self.dashboard.update_charts(open_findings, report, systems)

        return self.track(run_in_background(work, done, self._failed))

    def checks_dialog(self) -> None:
        """Choose the checks and their severities; kept in the settings, applied at once."""
        dialog = ChecksDialog(*self.check_settings(), self, subject=self.check_subject())
        if dialog.exec():
            self.set_check_settings(dialog.enabled(), dialog.severities(), dialog.subject())

    def check_settings(self) -> tuple[list[str] | None, dict[str, Severity]]:
        """The checks that run and the fixed severities, from the settings."""
        enabled = self.settings.value("checks/enabled", None)
        raw = self.settings.value("checks/severities", "") or ""
        severities = {}
        for item in str(raw).split(","):
            cid, _, level = item.partition("=")
            if cid and level in {s.value for s in Severity}:
                severities[cid] = Severity(level)
        ids = [str(x) for x in enabled] if isinstance(enabled, list) else ([enabled] if isinstance(enabled, str) and enabled else None)
        return ids, severities

    def check_subject(self) -> str:
        """Whether the text is about Chinese public affairs (``auto``, ``china``, ``other``), from the settings."""
        value = str(self.settings.value("checks/subject", "auto") or "auto")
        return value if value in SUBJECTS else "auto"

    def set_check_settings(self, enabled: list[str] | None, severities: dict[str, Severity], subject: str | None = None) -> None:
        """Keep and apply a choice of checks and severities (and of the subject, when given)."""
        if subject is not None:
            self.settings.setValue("checks/subject", subject)
        self.settings.setValue("checks/enabled", enabled if enabled is not None else None)
        if enabled is None:
            self.settings.remove("checks/enabled")
        self.settings.setValue("checks/severities", ",".join(f"{k}={v.value}" for k, v in severities.items()))
        if self.review is not None:
            self.review.checks, self.review.severities = enabled, severities
            self.review.options = dataclasses.replace(self.review.options, subject=self.check_subject())

            def write(p: Project, _r: Review) -> None:
                p.set_setting("checks", enabled)
                p.set_setting("severities", {k: v.value for k, v in severities.items()})

            self._persist(write)
            self.recheck()

    # -- export ----------------------------------------------------------------

    def _save_path(self, title: str, suffix: str, file_filter: str) -> Path | None:
        """Ask for an output file; the dialog itself asks before overwriting."""
        if self.review is None:
            self.show_error("Nothing to export", "Open an article first.")
            return None
        self.editor.flush()
        first = self.review.documents[0].path
        folder = Path(str(self.settings.value("exportFolder", "") or first.parent))
        suggested = folder / (first.stem + suffix)
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested), file_filter)
        if not path:
            return None
        p = Path(path)
        if p.suffix.lower() != Path(suffix).suffix:
            p = p.with_name(p.name + Path(suffix).suffix)
        self.settings.setValue("exportFolder", str(p.parent))
        return p

    def export_dialog(self) -> None:
        """Ask where to save the review workbook and write it."""
        path = self._save_path("Export review workbook", "-review.xlsx", "Excel workbook (*.xlsx)")
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the workbook to ``path`` (the dialog has already confirmed any overwrite)."""
        assert self.review is not None
        try:
            export_workbook(
                self.review, path, reviewer=self.reviewer_name(), overwrite=True,
                project_id=self.project.project_id if self.project is not None else "", scorecard=self.scorecard_settings(),
            )
        except ReviewerError as exc:
            self.show_error("Could not export the workbook", str(exc))
            return False
        self.statusBar().showMessage(f"Exported {path}", 8000)
        return True

    def save_corrected_dialog(self) -> None:
        """Write the corrections back in each document's own format, to new files.

        One document: ask for the file (the dialog asks before overwriting). A batch:
        ask for a folder and write ``NAME-corrected.EXT`` for each, asking once before
        overwriting any existing file.
        """
        if self.review is None:
            self.show_error("Nothing to save", "Open an article first.")
            return
        self.editor.flush()
        docs = self.review.documents
        if len(docs) == 1:
            doc = docs[0]
            suffix = doc.path.suffix or ".txt"
            folder = Path(str(self.settings.value("exportFolder", "") or doc.path.parent))
            path, _ = QFileDialog.getSaveFileName(self, "Save corrected", str(folder / f"{doc.path.stem}-corrected{suffix}"), f"Same format (*{suffix})")
            if path:
                self.settings.setValue("exportFolder", str(Path(path).parent))
                self.save_corrected_to({self.review.doc_key(doc): Path(path)})
            return
        folder_name = QFileDialog.getExistingDirectory(self, "Save the corrected files into", str(docs[0].path.parent))
        if not folder_name:
            return
        targets = {self.review.doc_key(d): Path(folder_name) / f"{d.path.stem}-corrected{d.path.suffix}" for d in docs}
        existing = [p for p in targets.values() if p.exists()]
        if existing:
            answer = QMessageBox.question(
                self, "Overwrite files?", f"{len(existing)} of the files exist already (e.g. {existing[0].name}). Overwrite them?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_corrected_to(targets)

    def save_corrected_to(self, outputs: dict[str, Path]) -> bool:
        """Write each document (by key) to its path in its own format; stops at the first error."""
        assert self.review is not None
        for key, path in outputs.items():
            doc = self.review.document(key)
            if path.exists() and doc.path.exists() and path.resolve() == doc.path.resolve():
                self.show_error("Could not save the corrected file", f"{path} is the file the document was read from; write the corrections to a new file")
                return False
            try:
                with tempfile.TemporaryDirectory() as tmp:
                    write_corrected(self._as_reviewed(doc, Path(tmp)), corrected_targets(self.review, doc), path)
            except ReviewerError as exc:
                self.show_error("Could not save the corrected file", str(exc))
                return False
        self.statusBar().showMessage(f"Saved {len(outputs)} corrected file(s): " + ", ".join(p.name for p in outputs.values()), 8000)
        return True

    def _as_reviewed(self, doc: Document, scratch: Path) -> Document:
        """``doc``, pointing at the file as it was when the review began: when the original
        has changed or gone since, the project's copy of its bytes is put in ``scratch``."""
        if self.project is None:
            return doc
        try:
            original, digest = self.project.original(Review.doc_key(doc))
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
        if self.review is None:
            self.show_error("Nothing to import into", "Open the project the workbook was exported from first.")
            return
        path, _ = QFileDialog.getOpenFileName(self, tr("Import review workbook"), str(Path.home()), "Excel workbook (*.xlsx)")
        if path:
            self.import_review(Path(path))

    def import_review(self, path: Path, preview: bool = True) -> bool:
        """Plan the import of ``path``, show the plan, and apply it as one undo step when the
        reviewer presses Apply (at once when ``preview`` is false). Returns true when applied."""
        assert self.review is not None
        self.editor.flush()
        project_id = self.project.project_id if self.project is not None else documents_id(self.review)
        try:
            plan = plan_import(self.review, path, project_id)
        except ReviewerError as exc:
            self.show_error("Could not import the workbook", str(exc))
            return False
        self.last_import_plan = plan
        if preview:
            dialog = ImportReviewDialog(plan, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        if plan.blocked or plan.empty:
            self.statusBar().showMessage(tr("Nothing to import") + (f": {plan.conflicts[0]}" if plan.conflicts else ""), 8000)
            return False
        review = self.review
        self.undo_stack.push(ReviewStateCommand(review, self, f"import {path.name}", lambda: apply_import(review, plan)))
        self.statusBar().showMessage(f"{tr('Imported')} {len(plan.segment_changes) + len(plan.decision_changes)}; {len(plan.conflicts)} {tr('conflict(s) left alone')}", 10000)
        return True

    def review_state_changed(self) -> None:
        """Called by whole-review commands (an import): refresh everything, save, check again."""
        self.segment_model.refresh()
        self._show_current()
        self.findings_panel.decisions_changed()
        self._persist(lambda p, r: p.record_all(r))
        self.recheck()

    def export_csv_dialog(self) -> None:
        """Save every finding as CSV (UTF-8 with a BOM, so that Excel shows Chinese)."""
        path = self._save_path(tr("Export findings as CSV"), "-findings.csv", "CSV (*.csv)")
        if path is None or self.review is None:
            return
        try:
            export_findings_csv(self.review, path)
        except ReviewerError as exc:
            self.show_error("Could not export the findings", str(exc))
            return
        self.statusBar().showMessage(f"Exported {path}", 8000)

    def export_text_dialog(self) -> None:
        """Ask where to save the corrected text of the first document and write it."""
        path = self._save_path("Export corrected text", "-corrected.txt", "Text (*.txt)")
        if path is not None:
            self.export_text_to(path)

    def export_text_to(self, path: Path) -> bool:
        """Write the corrected article (metadata header, paragraphs) to ``path`` as UTF-8."""
        assert self.review is not None
        try:
            write_corrected_text(self.review, self.review.documents[0], path)
        except ReviewerError as exc:
            self.show_error("Could not export the text", str(exc))
            return False
        self.statusBar().showMessage(f"Exported {path}", 8000)
        return True

    def reviewer_name(self) -> str:
        """The reviewer's name for workbooks (kept in the settings)."""
        return str(self.settings.value("reviewerName", "") or "")

    def ask_reviewer_name(self) -> None:
        """Ask for the reviewer's name."""
        name, ok = QInputDialog.getText(self, "Reviewer name", "Your name, for the review workbook:", text=self.reviewer_name())
        if ok:
            self.settings.setValue("reviewerName", name.strip())

    # -- status, progress, errors ----------------------------------------------

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

    def _set_busy(self, label: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(label)
        self.progress.show()
        self.cancel_button.setVisible(self._opening is not None or label.startswith("Opening"))

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
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
        if task is self._opening:
            self._opening = None
        if task is self._check_task:
            self._check_task = None
        if task in self.tasks:
            self.tasks.remove(task)
        if not self.tasks:
            self.progress.hide()
        if self._opening is None:
            self.cancel_button.hide()

    def _failed(self, exc: BaseException, details: str) -> None:
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

    def _about(self) -> None:
        QMessageBox.about(self, "About reviewer", about_text())

    # -- recent files, drag and drop, closing -------------------------------------

    def _add_recent(self, path: Path) -> None:
        recent = [p for p in self._recent() if p != str(path.resolve())]
        recent.insert(0, str(path.resolve()))
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def _recent(self) -> list[str]:
        value: Any = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value or []]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)
        for p in recent:
            self.recent_menu.addAction(p, partial(self.open_files, [Path(p)]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_interactively(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        termbase_editor = self.termbase_actions.editor
        if termbase_editor is not None and not termbase_editor.undo_stack.isClean() and not termbase_editor.close():
            event.ignore()
            return
        self._closed = True
        if termbase_editor is not None:
            termbase_editor.close()  # it goes with the window (and the application can quit)
        if self.termbase_actions.candidates is not None:
            self.termbase_actions.candidates.close()
        self.editor.flush()
        self.autosave()
        self.save_layout()
        for t in self.tasks:
            t.cancel()
        if self._checker is not None:
            self._checker.close()
            self._checker = None
        if self.project is not None:
            self.project.close()
            self.project = None
        super().closeEvent(event)


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


def _session_project(documents: list[Document], path: Path | None, termbase_paths: list[Path]) -> tuple[Project, list[Document], list[str]]:
    """The project for a set of documents: a new one at ``path`` (File ▸ New Project), or the
    one in the user data folder that holds the work on exactly these files.

    When the files changed since that project was made, it is kept aside (renamed with the
    time) and a new one is made, so nothing is overwritten; the note says so.
    """
    if path is not None:
        return Project.create(path, documents, termbase_paths), documents, []
    folder = data_dir() / "projects"
    folder.mkdir(parents=True, exist_ok=True)
    implicit = folder / (autosave_path([d.path for d in documents]).name.split(".")[0] + PROJECT_SUFFIX)
    notes: list[str] = []
    if implicit.exists():
        project = Project.open(implicit)
        stored = project.documents()
        changed = [d.name for d in documents if not _same_file(project, d)]
        if not changed and len(stored) == len(documents):
            return project, stored, ["Restored your work from the last session"]
        project.close()
        aside = implicit.with_name(f"{implicit.stem}-{datetime.now():%Y%m%d-%H%M%S}{PROJECT_SUFFIX}")
        implicit.rename(aside)
        notes.append(f"{', '.join(changed) or 'The files'} changed since your last session; that review is kept in {aside}")
    return Project.create(implicit, documents, termbase_paths), documents, notes


def _same_file(project: Project, doc: Document) -> bool:
    try:
        _, digest = project.original(Review.doc_key(doc))
        return hashlib.sha256(doc.path.read_bytes()).hexdigest() == digest
    except (KeyError, OSError):
        return False


def apply_font_size(points: int) -> None:
    """Set the application's font size (0: the system's default)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if points > 0:
        font.setPointSize(points)
    else:
        font = QFont()  # the platform default
    app.setFont(font)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


@dataclass(frozen=True, slots=True)
class CheckLanding:
    """A check run's result with what the window shows of it, worked out off the GUI thread.

    Attributes:
        findings: the findings, in segment order.
        renderings: the term-renderings report.
        rows: the findings table's rows (:meth:`FindingTableModel.make_rows`).
        concepts: ``(concept id, label)`` for the concept filter.
        counts: open findings per ``(document key, segment id)``.
        summary: the status bar's counts.
    """

    findings: list[Finding]
    renderings: list[ConceptRenderings]
    rows: list[tuple[Finding, Decision | None]]
    concepts: list[tuple[str, str]]
    counts: dict[tuple[str, str], int]
    summary: FindingSummary

    @classmethod
    def of(cls, snapshot: Review, findings: list[Finding], renderings: list[ConceptRenderings]) -> CheckLanding:
        """Work out the landing of ``findings`` on ``snapshot`` (a copy of the review: see
        :meth:`MainWindow._snapshot`, whose findings this replaces)."""
        snapshot.findings, snapshot.renderings = findings, renderings
        open_findings = snapshot.open_findings()
        return cls(
            findings,
            renderings,
            FindingTableModel.make_rows(snapshot),
            FindingTableModel.concepts_of(findings),
            SegmentTableModel.count(open_findings),
            snapshot.finding_summary(open_findings),
        )
