"""Add an error by hand: MQM category, severity and a note, for the scorecard."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from reviewer.gui.i18n import tr

#: MQM categories offered (core category / subcategory).
ERROR_CATEGORIES = (
    "Terminology/Wrong term", "Terminology/Inconsistent use of terminology", "Accuracy/Mistranslation", "Accuracy/Omission",
    "Accuracy/Addition", "Accuracy/Untranslated", "Fluency/Grammar", "Fluency/Spelling", "Fluency/Punctuation",
    "Style/Awkward", "Style/Register", "Locale convention/Number format", "Locale convention/Date format",
)


class ErrorDialog(QDialog):
    """Asks for the category, severity and note of a manual error on ``text``."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add error"))
        self.categories = QComboBox()
        self.categories.addItems(ERROR_CATEGORIES)
        self.severities = QComboBox()
        self.severities.addItems(["minor", "major", "critical"])
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(tr("Text"), QLabel(f"“{text}”" if text else tr("(the whole segment)")))
        form.addRow(tr("Category"), self.categories)
        form.addRow(tr("Severity"), self.severities)
        form.addRow(tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def category(self) -> str:
        """The chosen MQM category."""
        return self.categories.currentText()

    def severity(self) -> str:
        """The chosen severity."""
        return self.severities.currentText()
