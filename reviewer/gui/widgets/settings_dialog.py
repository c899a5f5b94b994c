"""Settings: interface language and font size, the checks and their severities, the near-miss
thresholds, and the termbases in priority order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Severity
from reviewer.core.matching import DEFAULT_FUZZY_THRESHOLD
from reviewer.core.mqm import ScorecardSettings
from reviewer.core.termbase import Termbase
from reviewer.gui.i18n import tr
from reviewer.gui.widgets.checks_dialog import ChecksWidget

#: Interface languages offered: code -> name in that language.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}


class SettingsDialog(QDialog):
    """All settings in one dialog; read the choices back after ``exec()``.

    Args:
        language: the current interface language code.
        font_size: the current font size in points (0: the system's).
        enabled, severities: the checks that run and their fixed severities.
        termbases: the loaded termbases, highest priority first (their thresholds are shown).
        termbase_paths: their files, in the same order.
        scorecard: the MQM scorecard's settings.
    """

    def __init__(
        self,
        language: str,
        font_size: int,
        enabled: list[str] | None,
        severities: dict[str, Severity],
        termbases: list[Termbase],
        termbase_paths: list[Path],
        parent: QWidget | None = None,
        scorecard: ScorecardSettings | None = None,
        subject: str = "auto",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.tabs = QTabWidget()

        general = QWidget()
        form = QFormLayout(general)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.font_size = QSpinBox()
        self.font_size.setRange(0, 28)
        self.font_size.setSpecialValueText(tr("system default"))
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(font_size)
        form.addRow(tr("Interface language"), self.language)
        form.addRow(tr("Font size"), self.font_size)
        form.addRow(QLabel(tr("A new language takes effect when reviewer starts again.")))
        self.tabs.addTab(general, tr("General"))

        self.checks = ChecksWidget(enabled, severities, subject=subject)
        self.tabs.addTab(self.checks, tr("Checks"))

        matching = QWidget()
        mform = QFormLayout(matching)
        mform.addRow(QLabel(tr("Near misses: the lowest similarity (0-100) at which a span close to a term is reported. A term's own threshold in the termbase wins.")))
        self.thresholds: list[QSpinBox] = []
        for tb in termbases:
            spin = QSpinBox()
            spin.setRange(50, 100)
            spin.setValue(int(tb.fuzzy_threshold if tb.fuzzy_threshold is not None else DEFAULT_FUZZY_THRESHOLD))
            self.thresholds.append(spin)
            mform.addRow(tb.name, spin)
        self.tabs.addTab(matching, tr("Matching"))

        card = QWidget()
        cform = QFormLayout(card)
        cform.addRow(QLabel(tr("MQM scorecard: accepted and fixed findings and errors entered by hand count, weighed by severity.")))
        self.weights: dict[str, QDoubleSpinBox] = {}
        for sev, default in (("minor", 1.0), ("major", 5.0), ("critical", 25.0)):
            weight = QDoubleSpinBox()
            weight.setRange(0, 1000)
            weight.setValue(scorecard.weights.get(sev, default) if scorecard else default)
            self.weights[sev] = weight
            cform.addRow(tr(sev), weight)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 100000)
        self.threshold.setValue(scorecard.threshold if scorecard else 15.0)
        cform.addRow(tr("Pass at most (points per 1,000 words)"), self.threshold)
        self.per = QComboBox()
        self.per.addItem(tr("source words"), "source")
        self.per.addItem(tr("target words"), "target")
        self.per.setCurrentIndex(max(self.per.findData(scorecard.per if scorecard else "source"), 0))
        cform.addRow(tr("Count"), self.per)
        self.tabs.addTab(card, tr("Scorecard"))

        termbase_tab = QWidget()
        self.termbase_list = QListWidget()
        for p in termbase_paths:
            self.termbase_list.addItem(str(p))
        up, down, add, remove = QPushButton(tr("Up")), QPushButton(tr("Down")), QPushButton(tr("Add…")), QPushButton(tr("Remove"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(+1))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        side = QVBoxLayout()
        for b in (up, down, add, remove):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout(termbase_tab)
        row.addWidget(self.termbase_list, 1)
        row.addLayout(side)
        self.tabs.addTab(termbase_tab, tr("Termbases"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("The first termbase wins where two define the same term.")))
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _move(self, step: int) -> None:
        row = self.termbase_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.termbase_list.count():
            return
        item = self.termbase_list.takeItem(row)
        self.termbase_list.insertItem(target, item)
        self.termbase_list.setCurrentRow(target)

    def _add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Add termbase"), str(Path.home()), "Termbases (*.tbx *.csv *.tsv *.xlsx)")
        if path:
            self.termbase_list.insertItem(0, path)

    def _remove(self) -> None:
        row = self.termbase_list.currentRow()
        if row >= 0 and self.termbase_list.count() > 1:  # one termbase at least
            self.termbase_list.takeItem(row)

    def termbase_order(self) -> list[Path]:
        """The termbase files, highest priority first."""
        return [Path(self.termbase_list.item(i).text()) for i in range(self.termbase_list.count())]

    def threshold_values(self) -> list[int]:
        """The near-miss threshold of each termbase, in the order given."""
        return [s.value() for s in self.thresholds]
