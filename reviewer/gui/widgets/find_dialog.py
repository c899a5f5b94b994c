"""Find and replace: matches over the source, MT or post-edit, and a preview of every replacement."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.review import Review
from reviewer.core.search import Replacement, compile_pattern, find, plan_replace
from reviewer.gui.i18n import tr

FIELD_LABELS = {"corrected": "Corrected text", "mt": "MT", "source": "Source (Chinese)"}


class FindDialog(QDialog):
    """A non-modal find-and-replace dialog over a review.

    Signals:
        go_to(str, str): show a segment (document key, segment id).
        replace_all(object): apply these :class:`~reviewer.core.search.Replacement` (one undo step).
    """

    go_to = Signal(str, str)
    replace_all = Signal(object)

    def __init__(self, review_getter: Callable[[], Review | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Find and replace"))
        self.resize(760, 480)
        self._review = review_getter
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(tr("Text or regular expression"))
        self.replacement = QLineEdit()
        self.replacement.setPlaceholderText(r"Replacement (\1 for a group)")
        self.field = QComboBox()
        for key, label in FIELD_LABELS.items():
            self.field.addItem(label, key)
        self.regex = QCheckBox(tr("Regular expression"))
        self.case = QCheckBox(tr("Match case"))
        self.words = QCheckBox(tr("Whole words"))
        self.results = QTreeWidget()
        self.results.setHeaderLabels(["Segment", "Text", "After replacing"])
        self.results.setColumnWidth(0, 90)
        self.results.setColumnWidth(1, 320)
        self.results.itemActivated.connect(self._activated)
        self.status = QLabel()
        self.find_button = QPushButton(tr("&Find All"))
        self.preview_button = QPushButton(tr("&Preview Replacements"))
        self.replace_button = QPushButton(tr("&Replace All"))
        self.replace_button.setEnabled(False)
        self.find_button.clicked.connect(self.find_all)
        self.preview_button.clicked.connect(self.preview)
        self.replace_button.clicked.connect(self._replace)
        for w in (self.pattern, self.replacement):
            w.textChanged.connect(lambda _t: self.replace_button.setEnabled(False))
        for box in (self.regex, self.case, self.words):
            box.toggled.connect(lambda _c: self.replace_button.setEnabled(False))
        self.field.currentIndexChanged.connect(lambda _i: self.replace_button.setEnabled(False))
        self.pattern.returnPressed.connect(self.find_all)
        form = QFormLayout()
        form.addRow(tr("Find"), self.pattern)
        form.addRow(tr("Replace with"), self.replacement)
        form.addRow(tr("In"), self.field)
        options = QHBoxLayout()
        for box in (self.regex, self.case, self.words):
            options.addWidget(box)
        options.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.replace_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addLayout(buttons)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self.plan: list[Replacement] = []

    def review(self) -> Review | None:
        """The review being searched (the window's current one)."""
        return self._review()

    def _compile(self) -> re.Pattern[str] | None:
        try:
            return compile_pattern(self.pattern.text(), self.regex.isChecked(), self.case.isChecked(), self.words.isChecked())
        except ValueError as exc:
            self.status.setText(str(exc))
            return None

    def _begin(self) -> tuple[Review, re.Pattern[str]] | None:
        """Clear the results for a new search: the review and the pattern, or ``None`` (no
        review, or a pattern that does not compile, said in the status line)."""
        review = self.review()
        pattern = self._compile()
        self.results.clear()
        self.replace_button.setEnabled(False)
        return None if review is None or pattern is None else (review, pattern)

    def find_all(self) -> int:
        """List every match; returns their number."""
        started = self._begin()
        if started is None:
            return 0
        review, pattern = started
        matches = find(review, pattern, self.field.currentData())
        names = len(review.documents) > 1
        for m in matches[:2000]:
            text = self._text(review, m.document, m.segment, m.field)
            context = text[max(0, m.start - 40) : m.end + 40]
            label = f"{review.document(m.document).name}:{m.segment}" if names else m.segment
            item = QTreeWidgetItem([label, context, ""])
            item.setData(0, Qt.ItemDataRole.UserRole, (m.document, m.segment))
            item.setToolTip(1, text)
            self.results.addTopLevelItem(item)
        self.status.setText(f"{len(matches)} match(es)" + (" (the first 2,000 shown)" if len(matches) > 2000 else ""))
        return len(matches)

    def preview(self) -> int:
        """Show what Replace All would change, segment by segment; returns the number of segments."""
        started = self._begin()
        if started is None:
            return 0
        review, pattern = started
        if self.field.currentData() != "corrected":
            self.status.setText("Only the corrected text can be replaced; the source and the MT are never edited.")
            return 0
        try:
            self.plan = plan_replace(review, pattern, self.replacement.text())
        except ValueError as exc:
            self.status.setText(str(exc))
            return 0
        for r in self.plan:
            item = QTreeWidgetItem([r.segment, r.old, r.new])
            item.setData(0, Qt.ItemDataRole.UserRole, (r.document, r.segment))
            item.setToolTip(1, r.old)
            item.setToolTip(2, r.new)
            self.results.addTopLevelItem(item)
        total = sum(r.count for r in self.plan)
        self.status.setText(f"{total} replacement(s) in {len(self.plan)} segment(s); Replace All applies them as one undo step")
        self.replace_button.setEnabled(bool(self.plan))
        return len(self.plan)

    def _replace(self) -> None:
        if self.plan:
            self.replace_all.emit(list(self.plan))
            self.status.setText(f"Replaced in {len(self.plan)} segment(s) (Edit ▸ Undo takes it back)")
            self.plan = []
            self.replace_button.setEnabled(False)

    @staticmethod
    def _text(review: Review, doc: str, seg: str, field: str) -> str:
        s = review.document(doc).segment(seg)
        return review.target(doc, seg) if field == "corrected" else s.target if field == "mt" else (s.source or "")

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        doc, seg = item.data(0, Qt.ItemDataRole.UserRole)
        self.go_to.emit(doc, seg)
