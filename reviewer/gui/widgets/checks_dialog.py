"""Review ▸ Checks: switch checks on and off and set their severity."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from reviewer.core.checks import Severity, all_checks
from reviewer.gui.i18n import tr


class ChecksWidget(QWidget):
    """One row per check: on/off, its severity (the default or a fixed one), its description.

    Above them, whether the text is about Chinese government and Party affairs (the context
    gate of the literal-rendering and calque checks, :mod:`reviewer.core.calques.gate`).

    Args:
        enabled: ids of the checks that run (``None``: all).
        severities: check id -> fixed severity.
        subject: ``"auto"``, ``"china"`` or ``"other"``.
    """

    DEFAULT = "default"

    def __init__(self, enabled: list[str] | None, severities: dict[str, Severity], parent: QWidget | None = None, subject: str = "auto") -> None:
        super().__init__(parent)
        rows = QWidget()
        grid = QGridLayout(rows)
        scroll = QScrollArea()  # the rows keep the height their descriptions need
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.subject_box = QComboBox()
        for value, text in (
            ("auto", tr("Decide for each document from its signs")),
            ("china", tr("Always: Chinese government and Party affairs")),
            ("other", tr("Never: about something else")),
        ):
            self.subject_box.addItem(text, value)
        self.subject_box.setCurrentIndex(max(0, self.subject_box.findData(subject)))
        grid.addWidget(QLabel(tr("Text about Chinese public affairs (literal renderings, calques, ordinary-English variants):")), 0, 0, 1, 2)
        grid.addWidget(self.subject_box, 0, 2)
        for col, title in enumerate((tr("Check"), tr("Severity"), tr("What it finds"))):
            label = QLabel(f"<b>{title}</b>")
            grid.addWidget(label, 1, col)
        self.boxes: dict[str, QCheckBox] = {}
        self.levels: dict[str, QComboBox] = {}
        for row, cls in enumerate(all_checks(), start=2):
            box = QCheckBox(cls.name)
            box.setChecked(enabled is None or cls.id in enabled)
            level = QComboBox()
            level.addItem(f"{self.DEFAULT} ({cls.severity.value})", self.DEFAULT)
            for s in Severity:
                level.addItem(s.value, s.value)
            if cls.id in severities:
                level.setCurrentIndex(level.findData(severities[cls.id].value))
            about = QLabel(cls.description)
            about.setWordWrap(True)
            about.setMinimumWidth(420)
            grid.addWidget(box, row, 0)
            grid.addWidget(level, row, 1)
            grid.addWidget(about, row, 2)
            self.boxes[cls.id] = box
            self.levels[cls.id] = level

    def enabled(self) -> list[str] | None:
        """Ids of the checks switched on (``None`` when all are)."""
        on = [cid for cid, box in self.boxes.items() if box.isChecked()]
        return None if len(on) == len(self.boxes) else on

    def severities(self) -> dict[str, Severity]:
        """The fixed severities chosen."""
        return {cid: Severity(c.currentData()) for cid, c in self.levels.items() if c.currentData() != self.DEFAULT}

    def subject(self) -> str:
        """The subject chosen: ``"auto"``, ``"china"`` or ``"other"``."""
        return str(self.subject_box.currentData())


class ChecksDialog(QDialog):
    """Review ▸ Checks: the :class:`ChecksWidget` in a dialog."""

    DEFAULT = ChecksWidget.DEFAULT

    def __init__(self, enabled: list[str] | None, severities: dict[str, Severity], parent: QWidget | None = None, subject: str = "auto") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Checks"))
        self.resize(1000, 700)  # the rows scroll; this shows most of them on a 1280x800 screen
        self.widget = ChecksWidget(enabled, severities, subject=subject)
        self.boxes, self.levels = self.widget.boxes, self.widget.levels
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget)
        layout.addWidget(buttons)

    def enabled(self) -> list[str] | None:
        """Ids of the checks switched on (``None`` when all are)."""
        return self.widget.enabled()

    def severities(self) -> dict[str, Severity]:
        """The fixed severities chosen."""
        return self.widget.severities()

    def subject(self) -> str:
        """The subject chosen: ``"auto"``, ``"china"`` or ``"other"``."""
        return self.widget.subject()
