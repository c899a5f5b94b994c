"""Accept All, shown first: every change it would make, as a word diff of the whole segment,
each one ticked and untickable, before any is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
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
        rows = QWidget()
        grid = QGridLayout(rows)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(10)
        for col, name in enumerate((tr("Apply"), tr("Segment"), tr("The segment after the change"))):
            head = QLabel(f"<b>{name}</b>")
            grid.addWidget(head, 0, col)
        self.boxes: list[QCheckBox] = []
        top = Qt.AlignmentFlag.AlignTop
        for row, change in enumerate(self.changes, start=1):
            box = QCheckBox()
            box.setChecked(True)
            box.setAccessibleName(f"Apply the change to segment {change.segment_label}")
            box.toggled.connect(self._count)
            grid.addWidget(box, row, 0, top)
            self.boxes.append(box)
            grid.addWidget(QLabel(change.segment_label), row, 1, top | Qt.AlignmentFlag.AlignRight)
            text = QLabel(diff_html(change.before, change.after))
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(text, row, 2, top)
        grid.setRowStretch(len(self.changes) + 1, 1)
        self.list_area = QScrollArea()
        self.list_area.setWidgetResizable(True)
        self.list_area.setWidget(rows)
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
        layout.addWidget(self.list_area, 1)
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
