"""Checking: the checks run in the background after every change (in a separate process,
see :mod:`reviewer.core.check_process`), their result is worked out off the GUI thread and
swapped in; the scores and charts; the check settings and the Settings dialog."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QFont

from reviewer.core import heap
from reviewer.core.calques.gate import SUBJECTS
from reviewer.core.check_process import CheckProcess, CheckProcessDied
from reviewer.core.checks import Finding, Severity
from reviewer.core.consistency import ConceptRenderings
from reviewer.core.errors import ReviewerError
from reviewer.core.matching import DEFAULT_FUZZY_THRESHOLD
from reviewer.core.mqm import Scorecard, ScorecardSettings, scorecards
from reviewer.core.project import Project
from reviewer.core.review import Decision, FindingSummary, Review, check_batch
from reviewer.core.scoring import ScoreReport
from reviewer.core.systems import SystemRow, compare_documents
from reviewer.core.termbase import load_termbase
from reviewer.gui.controllers import int_or_zero
from reviewer.gui.i18n import tr
from reviewer.gui.models.findings import FindingTableModel
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.widgets.checks_dialog import ChecksDialog
from reviewer.gui.widgets.settings_dialog import SettingsDialog
from reviewer.gui.workers import Task, run_in_background

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow


class CheckController:
    """Runs the checks and the scores for the window, and keeps the check settings.

    Attributes:
        generation: counts the runs; a result of an older run than the latest is dropped.
        checker: the checking process, started at the first check.
        check_task: the check run in progress.
        scores_stale: the scores need computing again.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.generation = 0
        self.checker: CheckProcess | None = None
        self.check_task: Task | None = None
        self.scores_stale = True

    def task_done(self, task: Task) -> None:
        """Forget ``task`` when it was the check run."""
        if task is self.check_task:
            self.check_task = None

    def close(self) -> None:
        """Stop the checking process (the window is closing)."""
        if self.checker is not None:
            self.checker.close()
            self.checker = None

    def recheck(self) -> None:
        """Run the checks again in the background; a stale result is dropped.

        Everything the window shows of the result (the findings table's rows, the open findings
        per segment, the status bar's counts) is worked out in the background too, on a snapshot
        of the review, so the GUI thread only swaps it in. Nothing runs once the window is closed."""
        if self.window.review is None or self.window.closed:
            return
        self.generation += 1
        generation = self.generation
        snapshot = self.snapshot()
        units = snapshot.units()
        matcher = snapshot.matcher
        checks, severities, options = snapshot.checks, dict(snapshot.severities), snapshot.options
        assert matcher is not None
        checker = self.check_process()
        if self.check_task is not None:
            self.check_task.cancel()  # its result would be dropped: stop it now

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
            if generation != self.generation or self.window.review is None or self.window.closed:
                return  # the text changed again since (a newer run is coming), or the window is closed
            self.window.review.findings, self.window.review.renderings = result.findings, result.renderings
            self.window.findings_panel.set_review(self.window.review, result.rows, result.concepts)
            self.window.renderings_panel.set_review(self.window.review)
            self.window.segment_model.refresh(counts=result.counts)
            self.window.show_current()
            self.window.update_status(result.summary)
            self.scores_stale = True
            self.maybe_refresh_scores()
            heap.settle()

        large = len(units) >= 1000  # a progress bar for a long run; none for the re-check after each edit
        if large:
            self.window.set_busy(tr("Checking…"))
        task = run_in_background(work, done, self.window.failed, self.window.on_progress if large else None)
        self.check_task = self.window.track(task)

    def check_process(self) -> CheckProcess | None:
        """The process the checks run in, started on first use; ``None`` runs them in a thread
        of this process instead (``REVIEWER_CHECK_PROCESS=0``, and in the GUI tests' synchronous
        mode). See :mod:`reviewer.core.check_process` for why."""
        if os.environ.get("REVIEWER_CHECK_PROCESS", "1") == "0" or os.environ.get("REVIEWER_SYNC_TASKS") == "1":
            return None
        if self.checker is None:
            self.checker = CheckProcess()
        return self.checker

    def snapshot(self) -> Review:
        """A copy of the review that a background thread may read while the reviewer goes on
        (the documents' segment lists and the decisions are copied; segments and findings are
        shared, being replaced rather than changed)."""
        review = self.window.require_review()
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

    def maybe_refresh_scores(self) -> None:
        """Recompute the scores when the Scores or Dashboard tab is showing and they are stale."""
        if self.scores_stale and self.window.lower_tabs.currentWidget() in (self.window.scores_panel, self.window.dashboard):
            self.refresh_scores()

    def refresh_scores(self) -> Task | None:
        """Compute the scores, the comparison of documents and the charts in the background
        (on a snapshot of the review, so typing goes on)."""
        if self.window.review is None or self.window.closed:
            return None
        self.scores_stale = False
        review = self.window.review
        snapshot = self.snapshot()
        names = {review.doc_key(d): d.name for d in review.documents}

        card_settings = self.scorecard_settings()

        def work(_progress: Task) -> tuple[ScoreReport, list[SystemRow], list[Finding], list[Scorecard]]:
            return snapshot.scores(), compare_documents(snapshot), snapshot.open_findings(), scorecards(snapshot, card_settings)

        def done(result: tuple[ScoreReport, list[SystemRow], list[Finding], list[Scorecard]]) -> None:
            if self.window.review is not review:
                return
            report, systems, open_findings, cards = result
            self.window.scores_panel.set_scores(report, names, systems, cards, card_settings)
            self.window.dashboard.update_charts(open_findings, report, systems)

        return self.window.track(run_in_background(work, done, self.window.failed))

    def checks_dialog(self) -> None:
        """Choose the checks and their severities; kept in the settings, applied at once."""
        dialog = ChecksDialog(*self.check_settings(), self.window, subject=self.check_subject())
        if dialog.exec():
            self.set_check_settings(dialog.enabled(), dialog.severities(), dialog.subject())

    def check_settings(self) -> tuple[list[str] | None, dict[str, Severity]]:
        """The checks that run and the fixed severities, from the settings."""
        enabled = self.window.settings.value("checks/enabled", None)
        raw = self.window.settings.value("checks/severities", "") or ""
        severities = {}
        for item in str(raw).split(","):
            cid, _, level = item.partition("=")
            if cid and level in {s.value for s in Severity}:
                severities[cid] = Severity(level)
        ids = [str(x) for x in enabled] if isinstance(enabled, list) else ([enabled] if isinstance(enabled, str) and enabled else None)
        return ids, severities

    def check_subject(self) -> str:
        """Whether the text is about Chinese public affairs (``auto``, ``china``, ``other``), from the settings."""
        value = str(self.window.settings.value("checks/subject", "auto") or "auto")
        return value if value in SUBJECTS else "auto"

    def set_check_settings(self, enabled: list[str] | None, severities: dict[str, Severity], subject: str | None = None) -> None:
        """Keep and apply a choice of checks and severities (and of the subject, when given)."""
        if subject is not None:
            self.window.settings.setValue("checks/subject", subject)
        self.window.settings.setValue("checks/enabled", enabled if enabled is not None else None)
        if enabled is None:
            self.window.settings.remove("checks/enabled")
        self.window.settings.setValue("checks/severities", ",".join(f"{k}={v.value}" for k, v in severities.items()))
        if self.window.review is not None:
            self.window.review.checks, self.window.review.severities = enabled, severities
            self.window.review.options = dataclasses.replace(self.window.review.options, subject=self.check_subject())

            def write(p: Project, _r: Review) -> None:
                p.set_setting("checks", enabled)
                p.set_setting("severities", {k: v.value for k, v in severities.items()})

            self.window.session.persist(write)
            self.recheck()

    def scorecard_settings(self) -> ScorecardSettings:
        """The MQM scorecard's weights, threshold and word basis, from the settings."""
        settings = ScorecardSettings()
        for sev in ("minor", "major", "critical"):
            value = self.window.settings.value(f"scorecard/{sev}")
            if value is not None:
                try:
                    settings.weights[sev] = float(str(value))
                except ValueError:
                    pass
        threshold = self.window.settings.value("scorecard/threshold")
        if threshold is not None:
            try:
                settings.threshold = float(str(threshold))
            except ValueError:
                pass
        if self.window.settings.value("scorecard/per") in ("source", "target"):
            settings.per = str(self.window.settings.value("scorecard/per"))
        return settings

    def settings_dialog(self) -> SettingsDialog:
        """Edit ▸ Settings: language, font size, checks, near-miss thresholds, termbase order."""
        enabled, severities = self.check_settings()
        dialog = SettingsDialog(
            str(self.window.settings.value("language", "en")), int_or_zero(self.window.settings.value("fontSize", 0)), enabled, severities,
            list(self.window.termbases), list(self.window.termbase_paths), self.window, self.scorecard_settings(), subject=self.check_subject(),
        )
        dialog.accepted.connect(lambda: self.apply_settings(dialog))
        dialog.open()
        return dialog

    def apply_settings(self, dialog: SettingsDialog) -> None:
        """Apply what the settings dialog chose."""
        language = dialog.language.currentData()
        if language != self.window.settings.value("language", "en"):
            self.window.settings.setValue("language", language)
            self.window.statusBar().showMessage(tr("The new interface language takes effect when reviewer starts again."), 8000)
        self.window.settings.setValue("fontSize", dialog.font_size.value())
        for sev, spin in dialog.weights.items():
            self.window.settings.setValue(f"scorecard/{sev}", spin.value())
        self.window.settings.setValue("scorecard/threshold", dialog.threshold.value())
        self.window.settings.setValue("scorecard/per", dialog.per.currentData())
        self.scores_stale = True
        apply_font_size(dialog.font_size.value())
        matcher_stale = False
        for tb, value in zip(self.window.termbases, dialog.threshold_values()):
            if tb.fuzzy_threshold != value and not (tb.fuzzy_threshold is None and value == DEFAULT_FUZZY_THRESHOLD):
                tb.fuzzy_threshold = float(value)
                matcher_stale = True
        order = dialog.termbase_order()
        if order != self.window.termbase_paths:
            loaded = {p: tb for p, tb in zip(self.window.termbase_paths, self.window.termbases)}
            try:
                termbases = [loaded[p] if p in loaded else load_termbase(p) for p in order] if self.window.termbases else []
            except ReviewerError as exc:
                self.window.show_error("Could not load the termbase", str(exc))
                return
            self.window.termbase_paths = order
            if termbases:
                self.window.termbases = termbases
                if self.window.review is not None:
                    self.window.review.termbases = termbases
            self.window.session.persist(lambda p, _r: p.set_termbase_paths(order))
            matcher_stale = True
        if matcher_stale:
            self.window.termbase_actions.termbase_changed()
        self.set_check_settings(dialog.checks.enabled(), dialog.checks.severities(), dialog.checks.subject())


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
        :meth:`CheckController.snapshot`, whose findings this replaces)."""
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
