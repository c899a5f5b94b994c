"""Scores: the MT against the post-edit (HTER) and against references, per segment (sortable),
per document and for the batch, with sacrebleu signatures; and a comparison of the
documents (systems) of a batch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget

from reviewer.core.mqm import CATEGORIES, Scorecard, ScorecardSettings
from reviewer.core.scoring import ScoreReport, Scores, SegmentScores
from reviewer.core.systems import SystemRow
from reviewer.gui.i18n import tr
from reviewer.gui.models import Index, RowTableModel

NA = "n/a"


def _num(value: float | None) -> Any:
    return NA if value is None else value


class SegmentScoreModel(RowTableModel):
    """One row per segment: document, segment, words, edited, HTER, BLEU, chrF, and the
    reference scores when there are references. Sorting uses the numbers; "n/a" sorts first."""

    HEADERS = ("Document", "Seg.", "Words", "Edited", "HTER", "BLEU", "chrF", "Ref. TER", "Ref. BLEU", "Ref. chrF")

    def __init__(self) -> None:
        super().__init__()
        self.report: ScoreReport | None = None
        self._names: dict[str, str] = {}
        self._rows = []

    def set_report(self, report: ScoreReport | None, names: dict[str, str]) -> None:
        """Show ``report``; ``names`` maps document keys to file names."""
        self.beginResetModel()
        self.report = report
        self._names = names
        self._rows = list(report.rows) if report is not None else []
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        row = self.report.rows[index.row()]
        col = index.column()
        ref = row.reference or SegmentScores(None, None, None)
        values: list[Any] = [self._names.get(row.document, row.document), row.segment, row.words, "yes" if row.edited else "",
                  row.post_edit.ter, row.post_edit.bleu, row.post_edit.chrf, ref.ter, ref.bleu, ref.chrf]
        value = values[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return _num(value) if col >= 4 else value
        if role == Qt.ItemDataRole.UserRole:  # the sort key
            if col == 1:
                return tuple(int(p) if p.isdigit() else 0 for p in row.segment.split("."))
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and value is None and col >= 4:
            return "not applicable: an empty side, or (BLEU) fewer than four words"
        return None


def _line(title: str, s: Scores | None) -> str:
    if s is None:
        return f"<b>{title}</b>: n/a"
    extra = f", {s.skipped} without a score" if s.skipped else ""
    return (
        f"<b>{title}</b>: HTER/TER {s.ter:.1f} · BLEU {s.bleu:.1f} · chrF {s.chrf:.1f} ({s.segments} segments{extra})"
        f"<br><small>{s.signatures['TER']}<br>{s.signatures['BLEU']}<br>{s.signatures['chrF']}</small>"
    )


class ScoresPanel(QWidget):
    """The scores of the current review.

    Signals:
        go_to(str, str): the reviewer double-clicked a segment row.
    """

    go_to = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QTextBrowser()
        self.summary.setHtml(tr("Open an article to see its scores."))
        self.model = SegmentScoreModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._double_clicked)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.summary)
        split.addWidget(self.table)
        split.setSizes([220, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def set_pending(self) -> None:
        """An article is open and its scores are on their way."""
        self.model.set_report(None, {})
        self.summary.setHtml(tr("Computing the scores…"))

    def set_scores(
        self,
        report: ScoreReport | None,
        names: dict[str, str],
        systems: list[SystemRow] | None = None,
        cards: list[Scorecard] | None = None,
        card_settings: ScorecardSettings | None = None,
    ) -> None:
        """Show a report (``None`` clears), the documents side by side and the MQM scorecard."""
        self.model.set_report(report, names)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        if report is None:
            self.summary.setHtml(tr("Open an article to see its scores."))
            return
        has_refs = report.reference_batch is not None
        for col in (7, 8, 9):
            self.table.setColumnHidden(col, not has_refs)
        parts = ["MT against the post-edit (TER here is HTER, the share of words changed):", _line("Batch" if len(names) > 1 else "Document", report.batch)]
        if len(names) > 1:
            parts += [_line(names.get(k, k), s) for k, s in report.documents.items()]
        if has_refs:
            parts += ["MT against the reference translations:", _line("Batch", report.reference_batch)]
        if systems and len(systems) > 1:
            rows = "".join(
                f"<tr><td>{r.name}</td><td>{'n/a' if r.term_accuracy is None else f'{100 * r.term_accuracy:.0f}% ({r.rendered}/{r.source_terms})'}</td>"
                f"<td>{sum(r.term_findings.values())}</td><td>{'n/a' if r.reference is None else f'{r.reference.bleu:.1f}'}</td></tr>"
                for r in systems
            )
            parts.append("<b>Documents side by side</b><table cellspacing=4><tr><th>document</th><th>term accuracy</th><th>term findings</th><th>ref. BLEU</th></tr>" + rows + "</table>")
        if cards:
            header = "".join(f"<th>{c}</th>" for c in CATEGORIES)
            rows = ""
            for card in cards:
                cells = "".join(f"<td align=center>{sum(n for (cat, _), n in card.counts.items() if cat == c)}</td>" for c in CATEGORIES)
                result = "n/a" if card.penalty is None else ("<b style='color:#1b5e20'>PASS</b>" if card.passed else "<b style='color:#b71c1c'>FAIL</b>")
                per = "n/a" if card.penalty is None else f"{card.penalty:.1f}"
                rows += f"<tr><td>{card.name}</td><td>{card.words} {card.word_basis}</td>{cells}<td align=center>{card.points:g}</td><td align=center>{per}</td><td>{result}</td></tr>"
            s = card_settings or ScorecardSettings()
            weights = ", ".join(f"{k} {v:g}" for k, v in s.weights.items() if v)
            parts.append(
                f"<b>{tr('MQM scorecard')}</b> ({weights}; {tr('pass at most')} {s.threshold:g} {tr('points per 1,000 words')})"
                f"<table cellspacing=4><tr><th></th><th>{tr('Words')}</th>{header}<th>{tr('Points')}</th><th>/1,000</th><th></th></tr>{rows}</table>"
            )
        self.summary.setHtml("<br>".join(parts))

    def _double_clicked(self, index: Index) -> None:
        if self.model.report is None:
            return
        row = self.model.report.rows[self.proxy.mapToSource(index).row()]
        self.go_to.emit(row.document, row.segment)
