"""The dashboard: where the MT's errors cluster, at a glance (pyqtgraph charts).

Four charts: open findings by check; the concepts with the most term findings; the
distribution of segment HTER (how much the reviewer changed); and the term accuracy of
each document (system) of the batch.
"""

from __future__ import annotations

from collections import Counter
from math import ceil
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from reviewer.core.checks import Finding
from reviewer.core.scoring import ScoreReport
from reviewer.core.systems import SystemRow
from reviewer.gui.i18n import N_, tr

BAR = (33, 150, 243)
TERM_BAR = (198, 40, 40)
ACCURACY_BAR = (46, 125, 50)


def _chart(left: str = "", bottom: str = "") -> Any:
    import pyqtgraph as pg  # loaded when the dashboard is first drawn, not at start-up

    plot = pg.PlotWidget(background="w")
    plot.setLabel("left", left)
    plot.setLabel("bottom", bottom)
    plot.showGrid(x=False, y=True, alpha=0.3)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMinimumHeight(160)
    return plot


def count_ticks(largest: float) -> list[tuple[int, str]]:
    """Whole-number ticks from 0 to at least ``largest``, about five of them: counts of findings
    or segments have no tenths."""
    step = max(1, ceil(largest / 5))
    top = max(1, ceil(largest / step) * step)
    return [(v, str(v)) for v in range(0, top + 1, step)]


def _bars(plot: Any, labels: list[str], values: list[float], colour: tuple[int, int, int], horizontal: bool = False, counts: bool = True) -> None:
    import pyqtgraph as pg

    plot.clear()
    if not values:
        return
    positions = list(range(len(values)))
    if horizontal:
        plot.addItem(pg.BarGraphItem(x0=0, y=positions, height=0.7, width=values, brush=colour))
        plot.getAxis("left").setTicks([list(zip(positions, labels))])
        plot.getAxis("bottom").setTicks([count_ticks(max(values))] if counts else None)
    else:
        plot.addItem(pg.BarGraphItem(x=positions, height=values, width=0.7, brush=colour))
        plot.getAxis("bottom").setTicks([list(zip(positions, labels))])
        plot.getAxis("left").setTicks([count_ticks(max(values))] if counts else None)


class Dashboard(QWidget):
    """Charts of the current review (call :meth:`update_charts` after each check run). The
    charts (pyqtgraph) are made at the first update, so the window starts without them."""

    TITLES = (
        N_("Open findings by check"), N_("Concepts with the most term findings"), N_("Post-edited segments by HTER"),
        N_("Term accuracy of the MT by document"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout()
        self.charts: list[Any] = []
        self.note = QLabel(tr("The charts appear once the article is checked."))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.note)
        #: what the charts show now, for tests and for reading without the pictures
        self.data: dict[str, list[tuple[str, float]]] = {}

    def _ensure_charts(self) -> None:
        if self.charts:
            return
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, foreground="k")
        axes = (("", ""), ("", ""), ("segments", "HTER % (share of words changed)"), ("% of source terms", ""))
        for i, (title, (left, bottom)) in enumerate(zip(self.TITLES, axes)):
            label = QLabel(f"<b>{tr(title)}</b>")
            label.setWordWrap(True)  # a title never clipped, however narrow the chart
            chart = _chart(left, bottom)
            row, col = divmod(i, 2)
            self.grid.addWidget(label, 2 * row, col)
            self.grid.addWidget(chart, 2 * row + 1, col)
            self.grid.setRowStretch(2 * row + 1, 1)
            self.charts.append(chart)
        self.by_check, self.by_concept, self.hter, self.accuracy = self.charts

    def update_charts(self, open_findings: list[Finding], report: ScoreReport | None, systems: list[SystemRow]) -> None:
        """Redraw every chart."""
        self._ensure_charts()
        checks = Counter(f.check for f in open_findings).most_common()
        concepts = Counter(
            f.term.source[:14] for f in open_findings if f.check.startswith("term-") and f.term is not None and f.term.source
        ).most_common(10)
        bins = [0] * 11
        for row in report.rows if report is not None else []:
            if row.edited and row.post_edit.ter is not None:
                bins[min(int(row.post_edit.ter // 10), 10)] += 1
        unchanged = sum(1 for r in (report.rows if report is not None else []) if not r.edited)
        hter_labels = [f"{10 * i}-{10 * i + 9}" for i in range(10)] + ["100+"]
        accuracy = [(r.name[:24], round(100 * r.term_accuracy, 1)) for r in systems if r.term_accuracy is not None]
        self.data = {
            "by_check": [(k, float(v)) for k, v in checks],
            "by_concept": [(k, float(v)) for k, v in concepts],
            "hter": list(zip(hter_labels, map(float, bins))),
            "accuracy": accuracy,
        }
        _bars(self.by_check, [k for k, _ in reversed(checks)], [float(v) for _, v in reversed(checks)], BAR, horizontal=True)
        _bars(self.by_concept, [k for k, _ in reversed(concepts)], [float(v) for _, v in reversed(concepts)], TERM_BAR, horizontal=True)
        _bars(self.hter, [label if i % 2 == 0 else "" for i, label in enumerate(["0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100+"])], [float(b) for b in bins], BAR)
        _bars(self.accuracy, [k for k, _ in accuracy], [v for _, v in accuracy], ACCURACY_BAR, counts=False)
        if accuracy:
            self.accuracy.setYRange(0, 100)
        notes = [f"{unchanged} segment(s) unchanged (HTER 0) are not in the HTER chart."]
        if not accuracy:
            notes.append("Term accuracy needs a Chinese source (a bilingual file or a source file).")
        self.note.setText(" ".join(notes))
