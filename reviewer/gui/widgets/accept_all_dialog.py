"""Accept All, shown first: every change it would make, as a word diff of the whole segment,
each one ticked and untickable, before any is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Finding
from reviewer.core.diff import diff_html
from reviewer.gui.i18n import tr


@dataclass(frozen=True)
class PlannedAccept:
    """One change of an Accept All: ``before`` and ``after`` are the whole segment's post-edit."""

    finding: Finding
    document: str
    segment_label: str
    before: str
    after: str


class AcceptAllDialog(QDialog):
    """The list of changes of an Accept All, each with a tick box (all ticked at first).

    Args:
        title: what is being accepted ("all term-nonstandard", "all of 两个确立").
        changes: the planned changes, in batch order.
        held_back: how many findings of the same kind were left out and why (one line each),
            e.g. suggestions the tool could not place or stale offsets.
    """

    def __init__(self, title: str, changes: Sequence[PlannedAccept], held_back: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Accept All"))
        self.resize(900, 520)
        self.changes = list(changes)
        self.table = QTableWidget(len(self.changes), 3)
        self.table.setHorizontalHeaderLabels([tr("Apply"), tr("Segment"), tr("The segment after the change")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.boxes: list[QCheckBox] = []
        for row, change in enumerate(self.changes):
            box = QCheckBox()
            box.setChecked(True)
            box.setAccessibleName(f"Apply the change to segment {change.segment_label}")
            box.toggled.connect(self._count)
            holder = QWidget()
            hl = QHBoxLayout(holder)
            hl.setContentsMargins(6, 0, 6, 0)
            hl.addWidget(box)
            self.table.setCellWidget(row, 0, holder)
            self.boxes.append(box)
            seg = QLabel(change.segment_label)
            seg.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            seg.setContentsMargins(4, 4, 4, 4)
            self.table.setCellWidget(row, 1, seg)
            text = QLabel(diff_html(change.before, change.after))
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setContentsMargins(4, 4, 4, 4)
            self.table.setCellWidget(row, 2, text)
        self.table.setColumnWidth(0, 56)
        self.table.setColumnWidth(1, 70)
        self.table.resizeRowsToContents()
        heading = QLabel(f"<b>{tr('Accept')} {title}</b>")
        self.summary = QLabel()
        none = QPushButton(tr("Untick All"))
        none.clicked.connect(lambda: self._tick_all(False))
        every = QPushButton(tr("Tick All"))
        every.clicked.connect(lambda: self._tick_all(True))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        if held_back:
            note = QLabel("\n".join(held_back))
            note.setWordWrap(True)
            layout.addWidget(note)
        bottom = QHBoxLayout()
        bottom.addWidget(every)
        bottom.addWidget(none)
        bottom.addStretch(1)
        bottom.addWidget(self.summary)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._count()

    def _tick_all(self, on: bool) -> None:
        for box in self.boxes:
            box.setChecked(on)

    def _count(self, _checked: bool = False) -> None:
        n = len(self.chosen())
        self.summary.setText(f"{n} / {len(self.changes)} " + tr("to apply"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Apply") + f" {n}")
        ok.setEnabled(n > 0)

    def chosen(self) -> list[Finding]:
        """The findings whose changes are ticked, in list order."""
        return [c.finding for c, box in zip(self.changes, self.boxes) if box.isChecked()]
