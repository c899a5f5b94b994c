"""The current segment's findings, under the grid: the list, the full message and the accept
preview of the current one, and the actions on it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QTextEdit, QVBoxLayout, QWidget

from reviewer.core.checks import Finding
from reviewer.core.diff import diff_html
from reviewer.core.review import Decision, apply_suggestion
from reviewer.gui.i18n import tr
from reviewer.gui.models.findings import SEVERITY_COLOURS


class SegmentPanel(QWidget):
    """The findings of the segment shown in the grid.

    Beside the list, a preview shows the current finding's message in full and the word diff of
    the whole segment as accepting it would leave it. A suggestion the tool could not place
    (:attr:`Finding.manual`) is not accepted with one key: the preview gives the reason, *Copy
    term* asks the window to put the term on the clipboard and select the flagged text in the
    grid's editor (:attr:`place_requested`), and *Apply anyway…* asks first.

    Signals:
        accept_requested(object): the reviewer accepts this finding's suggestion.
        force_requested(object): the reviewer asks to apply a suggestion the tool could not place.
        dismiss_requested(object): the reviewer dismisses this finding as a false positive.
        place_requested(object): the reviewer will place this finding's term by hand.
    """

    accept_requested = Signal(object)
    force_requested = Signal(object)
    dismiss_requested = Signal(object)
    place_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(tr("No segment"))
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setAlternatingRowColors(True)
        self.findings.setAccessibleName("Findings in this segment")
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Finding and accept preview")
        self.accept_button = QPushButton(tr("&Accept suggestion"))
        self.copy_button = QPushButton(tr("&Copy term"))
        self.copy_button.setToolTip(tr("Put the term on the clipboard and select the flagged text, to place the term by hand"))
        self.force_button = QPushButton(tr("Apply an&yway…"))
        self.dismiss_button = QPushButton(tr("&Dismiss (false positive)"))
        self._text = ""
        self._decisions: dict[str, Decision] = {}
        self.show_invisibles = False
        lists = QHBoxLayout()
        lists.addWidget(self.findings, 2)
        lists.addWidget(self.preview, 3)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.copy_button, self.force_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.title)
        layout.addLayout(lists, 1)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(lambda: self._request(self.accept_requested))
        self.dismiss_button.clicked.connect(lambda: self._request(self.dismiss_requested))
        self.force_button.clicked.connect(lambda: self._request(self.force_requested))
        self.copy_button.clicked.connect(lambda: self._request(self.place_requested))
        self.findings.itemDoubleClicked.connect(lambda _item: self.accept_current())
        self.findings.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- showing -------------------------------------------------------------

    def show_segment(self, title: str, text: str, findings: list[Finding], decisions: dict[str, Decision]) -> None:
        """Show the segment's title, its post-edit ``text`` (for the preview) and its findings
        (the current one stays current when it is still there)."""
        self.title.setText(title)
        self._text = text
        self._decisions = dict(decisions)
        current = self.current_finding()
        self.findings.blockSignals(True)
        self.findings.clear()
        for f in findings:
            decision = decisions.get(f.key, Decision.OPEN)
            fix = f"  →  {f.suggestion}" if f.suggestion else ""
            item = QListWidgetItem(f"[{f.severity.value}] {f.check}: {f.text}{fix}" + ("" if decision is Decision.OPEN else f"   ({decision.value})"))
            item.setToolTip(f.message)
            item.setData(Qt.ItemDataRole.UserRole, f)
            item.setBackground(QColor(SEVERITY_COLOURS.get(f.severity.value, "#ffffff")) if decision is Decision.OPEN else QColor("#f0f0f0"))
            self.findings.addItem(item)
        if self.findings.count():
            keys = [self.findings.item(i).data(Qt.ItemDataRole.UserRole).key for i in range(self.findings.count())]
            self.findings.setCurrentRow(keys.index(current.key) if current is not None and current.key in keys else 0)
        self.findings.blockSignals(False)
        self._update_buttons()

    def select_finding(self, finding: Finding) -> None:
        """Make ``finding`` the current one in the list, if it is there."""
        for i in range(self.findings.count()):
            if self.findings.item(i).data(Qt.ItemDataRole.UserRole).key == finding.key:
                self.findings.setCurrentRow(i)
                return

    def current_finding(self) -> Finding | None:
        """The finding selected in the list, if any."""
        item = self.findings.currentItem()
        if item is None:
            return None
        finding: Finding = item.data(Qt.ItemDataRole.UserRole)
        return finding

    # -- acting --------------------------------------------------------------

    def _request(self, signal: SignalInstance) -> None:
        f = self.current_finding()
        if f is not None:
            signal.emit(f)

    def accept_current(self) -> None:
        """Accept the current finding's suggestion; one the tool could not place is handed to
        the reviewer to place instead (:attr:`place_requested`)."""
        f = self.current_finding()
        if f is None or f.suggestion is None:
            return
        self._request(self.place_requested if f.manual else self.accept_requested)

    def _update_buttons(self, _row: int = -1) -> None:
        f = self.current_finding()
        manual = f is not None and f.suggestion is not None and f.manual
        self.accept_button.setEnabled(f is not None and f.suggestion is not None and not manual)
        self.copy_button.setVisible(manual)
        self.force_button.setVisible(manual)
        self.dismiss_button.setEnabled(f is not None)
        self._show_preview(f)

    def _show_preview(self, f: Finding | None) -> None:
        """The finding's message in full, then what accepting it would leave (a word diff of the
        whole segment), or why it cannot be accepted in one step."""
        if f is None:
            self.preview.setHtml("<i>" + escape(tr("No findings in this segment.")) + "</i>" if self.title.text() != tr("No segment") else "")
            return
        parts = [escape(f.message)]
        decision = self._decisions.get(f.key, Decision.OPEN)
        if f.suggestion is None:
            parts.append("<i>" + escape(tr("No suggestion: edit the text by hand.")) + "</i>")
        elif decision is not Decision.OPEN:
            parts.append("<i>" + escape(tr("Decided:")) + f" {escape(decision.value)}</i>")
        elif f.manual:
            parts.append(
                "<b>" + escape(tr("Place the term by hand:")) + "</b> " + escape(str(f.details["placement"]))
                + ". " + escape(tr("Copy term puts it on the clipboard."))
            )
        else:
            try:
                after = apply_suggestion(self._text, f)
            except ValueError as exc:
                parts.append("<i>" + escape(str(exc)) + "</i>")
            else:
                parts.append("<b>" + escape(tr("Accepting gives:")) + "</b> " + diff_html(self._text, after, self.show_invisibles))
        self.preview.setHtml("<br>".join(parts))
        # the change in view (the segment may be longer than the pane), scrolling only if needed
        cursor = self.preview.document().find(tr("Accepting gives:"))
        if not cursor.isNull():
            cursor.clearSelection()
            target = min(cursor.position() + 1 + f.end + len(f.suggestion or ""), self.preview.document().characterCount() - 1)
            cursor.setPosition(target)
            self.preview.setTextCursor(cursor)
            self.preview.ensureCursorVisible()
