"""Review ▸ Checks: switch checks on and off and set their severity."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from reviewer.core.checks import Severity, all_checks
from reviewer.gui.i18n import tr


class ChecksWidget(QWidget):
    """One row per check: on/off, its severity (the default or a fixed one), its description.

    Args:
        enabled: ids of the checks that run (``None``: all).
        severities: check id -> fixed severity.
    """

    DEFAULT = "default"

    def __init__(self, enabled: list[str] | None, severities: dict[str, Severity], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        for col, title in enumerate((tr("Check"), tr("Severity"), tr("What it finds"))):
            label = QLabel(f"<b>{title}</b>")
            grid.addWidget(label, 0, col)
        self.boxes: dict[str, QCheckBox] = {}
        self.levels: dict[str, QComboBox] = {}
        for row, cls in enumerate(all_checks(), start=1):
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


class ChecksDialog(QDialog):
    """Review ▸ Checks: the :class:`ChecksWidget` in a dialog."""

    DEFAULT = ChecksWidget.DEFAULT

    def __init__(self, enabled: list[str] | None, severities: dict[str, Severity], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Checks"))
        self.widget = ChecksWidget(enabled, severities)
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
