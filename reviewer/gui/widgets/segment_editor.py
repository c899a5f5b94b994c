"""The current segment: MT with term highlights, the editable corrected text, its findings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.checks import Finding
from reviewer.core.diff import diff_html, odd_characters, show_invisibles
from reviewer.core.matching import TermHit
from reviewer.core.review import Decision, apply_suggestion
from reviewer.gui.models.findings import SEVERITY_COLOURS
from reviewer.gui.i18n import tr

ACCEPTABLE_TERM = QColor("#2e7d32")
NONSTANDARD_TERM = QColor("#c62828")


def plain_text(edit: QTextEdit | QPlainTextEdit) -> str:
    """The text of an editor exactly as typed: ``toPlainText()`` turns no-break spaces into
    plain spaces, which would change the reviewer's text behind their back."""
    return edit.document().toRawText().replace("\u2029", "\n")


def _selections(edit: QTextEdit | QPlainTextEdit, hits: list[TermHit], findings: list[Finding]) -> list[QTextEdit.ExtraSelection]:
    out: list[QTextEdit.ExtraSelection] = []
    doc_len = len(plain_text(edit))
    for hit in hits:
        if hit.end > doc_len:
            continue
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        if hit.acceptable:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(ACCEPTABLE_TERM)
            fmt.setForeground(ACCEPTABLE_TERM)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(NONSTANDARD_TERM)
        fmt.setToolTip(f"{hit.concept.source_term}: {hit.term.status.value}; preferred “{hit.concept.preferred_text or '—'}”")
        sel.format = fmt
        cur = QTextCursor(edit.document())
        cur.setPosition(hit.start)
        cur.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        out.append(sel)
    for f in findings:
        if f.end > doc_len or f.start == f.end:
            continue
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(SEVERITY_COLOURS.get(f.severity.value, "#fff2b3")))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        fmt.setToolTip(f.message)
        sel.format = fmt
        cur = QTextCursor(edit.document())
        cur.setPosition(f.start)
        cur.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        out.append(sel)
    return out


class SegmentEditor(QWidget):
    """Shows one segment and lets the reviewer edit it and act on its findings.

    Under the findings, a preview shows the current finding's message in full and the word
    diff of the whole segment as accepting it would leave it. A suggestion the tool could not
    place (:attr:`Finding.manual`) is not accepted with one key: the preview gives the reason,
    *Copy term* puts the term on the clipboard and selects the flagged text to paste over, and
    *Apply anyway…* asks first.

    The corrected text has no undo of its own: Undo and Redo pressed in it go to the window's
    one history (:class:`reviewer.gui.undo.ReviewUndoStack`), which takes the pending typing first.

    Signals:
        text_edited(str): the corrected text changed (debounced, 400 ms after typing stops).
        accept_requested(object): the reviewer accepts this finding's suggestion.
        force_requested(object): the reviewer asks to apply a suggestion the tool could not place.
        dismiss_requested(object): the reviewer dismisses this finding as a false positive.
        message(str): a line for the status bar.
    """

    text_edited = Signal(str)
    accept_requested = Signal(object)
    force_requested = Signal(object)
    dismiss_requested = Signal(object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(tr("No segment"))
        self.title.setStyleSheet("font-weight: bold;")
        self.source = QTextEdit()
        self.source.setReadOnly(True)
        self.source.setAccessibleName("Source")
        self.source.setMaximumHeight(90)
        self.source_label = QLabel(tr("Source (Chinese)"))
        self.mt = QTextEdit()
        self.mt.setReadOnly(True)
        self.mt.setAccessibleName("MT")
        self.changes = QTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setAccessibleName("Changes from the MT")
        self.changes.setMaximumHeight(80)
        self.show_invisibles = False
        self.corrected = QPlainTextEdit()
        self.corrected.setAccessibleName("Corrected text")
        self.corrected.setPlaceholderText(tr("Corrected text"))
        self.corrected.setUndoRedoEnabled(False)  # one history: the window's (see eventFilter)
        self.corrected.installEventFilter(self)
        self.findings = QListWidget()
        self.findings.setAlternatingRowColors(True)
        self.accept_button = QPushButton(tr("&Accept suggestion"))
        self.dismiss_button = QPushButton(tr("&Dismiss (false positive)"))
        self.copy_button = QPushButton(tr("&Copy term"))
        self.copy_button.setToolTip(tr("Put the term on the clipboard and select the flagged text, to place the term by hand"))
        self.force_button = QPushButton(tr("Apply an&yway…"))
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Finding and accept preview")
        self.preview.setMaximumHeight(150)
        self._decisions: dict[str, Decision] = {}
        for w in (self.mt, self.corrected):
            w.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.source_label)
        layout.addWidget(self.source, 1)
        layout.addWidget(QLabel(tr("MT")))
        layout.addWidget(self.mt, 2)
        layout.addWidget(QLabel(tr("Corrected (post-edit)")))
        layout.addWidget(self.corrected, 2)
        layout.addWidget(QLabel(tr("Changes from the MT")))
        layout.addWidget(self.changes, 1)
        layout.addWidget(QLabel(tr("Findings in this segment")))
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.preview, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.force_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._emit_edit)
        self._loading = False
        self._mt_text = ""
        self.corrected.textChanged.connect(self._on_text_changed)
        self.accept_button.clicked.connect(lambda: self._request(self.accept_requested))
        self.dismiss_button.clicked.connect(lambda: self._request(self.dismiss_requested))
        self.force_button.clicked.connect(lambda: self._request(self.force_requested))
        self.copy_button.clicked.connect(self.copy_term)
        self.findings.itemDoubleClicked.connect(lambda _item: self.accept_current())
        self.findings.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- showing -------------------------------------------------------------

    def show_segment(self, title: str, mt: str, corrected: str, source: str | None = None, source_hits: list[tuple[int, int, str]] | None = None) -> None:
        """Show a new segment (flushes a pending edit of the previous one first).

        ``source_hits`` are ``(start, end, tooltip)`` spans of termbase terms in ``source``.
        """
        self.flush()
        self._loading = True
        self.title.setText(title)
        self.source.setVisible(bool(source))
        self.source_label.setVisible(bool(source))
        self.source.setPlainText(source or "")
        selections = []
        for start, end, tip in source_hits or []:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(ACCEPTABLE_TERM)
            fmt.setBackground(QColor("#e8f5e9"))
            fmt.setToolTip(tip)
            sel.format = fmt
            cur = QTextCursor(self.source.document())
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            selections.append(sel)
        self.source.setExtraSelections(selections)
        self._mt_text = mt
        self.mt.setPlainText(show_invisibles(mt) if self.show_invisibles else mt)
        if plain_text(self.corrected) != corrected:
            self.corrected.setPlainText(corrected)
        self._loading = False

    def set_corrected(self, text: str) -> None:
        """Replace the corrected text without emitting ``text_edited`` (undo, accept)."""
        self._timer.stop()
        if plain_text(self.corrected) == text:
            return
        self._loading = True
        pos = self.corrected.textCursor().position()
        self.corrected.setPlainText(text)
        cur = self.corrected.textCursor()
        cur.setPosition(min(pos, len(text)))
        self.corrected.setTextCursor(cur)
        self._loading = False

    def show_annotations(self, mt_hits: list[TermHit], hits: list[TermHit], findings: list[Finding], decisions: dict[str, Decision]) -> None:
        """Highlight term hits and open findings, and list the segment's findings."""
        open_findings = [f for f in findings if decisions.get(f.key, Decision.OPEN) is Decision.OPEN]
        self._decisions = dict(decisions)
        self.mt.setExtraSelections(_selections(self.mt, mt_hits, []) + self._invisible_selections(self.mt, self._mt_text))
        corrected = plain_text(self.corrected)
        self.corrected.setExtraSelections(_selections(self.corrected, hits, open_findings) + self._invisible_selections(self.corrected, corrected))
        self.changes.setHtml(diff_html(self._mt_text, corrected, self.show_invisibles) if corrected != self._mt_text else "<i>" + tr("No changes") + "</i>")
        current = self.current_finding()
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
        self._update_buttons()

    def _invisible_selections(self, edit: QTextEdit | QPlainTextEdit, text: str) -> list[QTextEdit.ExtraSelection]:
        """With Show Invisibles on, mark each invisible or look-alike character, named in a tooltip."""
        if not self.show_invisibles:
            return []
        out = []
        for offset, name in odd_characters(text):
            if offset >= len(plain_text(edit)):
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ffd54f"))
            fmt.setToolTip(name)
            sel.format = fmt
            cur = QTextCursor(edit.document())
            cur.setPosition(offset)
            cur.setPosition(offset + 1, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            out.append(sel)
        return out

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

    # -- editing -------------------------------------------------------------

    def has_pending_edit(self) -> bool:
        """True while typed text has not yet been handed over (debounce running)."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Emit a pending edit now (before switching segment, saving or exporting)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_edit()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def _emit_edit(self) -> None:
        self.text_edited.emit(plain_text(self.corrected))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Undo and Redo pressed in the corrected text are left to the window's shortcuts."""
        if watched is self.corrected and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _request(self, signal: SignalInstance) -> None:
        f = self.current_finding()
        if f is not None:
            self.flush()
            signal.emit(f)

    def accept_current(self) -> None:
        """Accept the current finding's suggestion; one the tool could not place is copied
        for the reviewer to place instead (see :meth:`copy_term`)."""
        f = self.current_finding()
        if f is None or f.suggestion is None:
            return
        if f.manual:
            self.copy_term()
        else:
            self._request(self.accept_requested)

    def copy_term(self) -> None:
        """Put the current finding's suggested term on the clipboard and select its flagged text
        in the corrected text, so that a paste replaces it."""
        f = self.current_finding()
        if f is None or f.suggestion is None:
            return
        QGuiApplication.clipboard().setText(f.suggestion)
        text = plain_text(self.corrected)
        if f.end <= len(text) and text[f.start : f.end] == f.text:
            cursor = self.corrected.textCursor()
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            self.corrected.setTextCursor(cursor)
        self.corrected.setFocus()
        self.message.emit(tr("Copied") + f" “{f.suggestion}”: " + tr("paste it over the selected text and fit it to the sentence"))

    def _update_buttons(self) -> None:
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
            self.preview.setHtml("")
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
            corrected = plain_text(self.corrected)
            try:
                after = apply_suggestion(corrected, f)
            except ValueError as exc:
                parts.append("<i>" + escape(str(exc)) + "</i>")
            else:
                parts.append("<b>" + escape(tr("Accepting gives:")) + "</b> " + diff_html(corrected, after, self.show_invisibles))
        self.preview.setHtml("<br>".join(parts))
        # the change in view (the segment may be longer than the pane), scrolling only if needed
        cursor = self.preview.document().find(tr("Accepting gives:"))
        if not cursor.isNull():
            cursor.clearSelection()
            target = min(cursor.position() + 1 + f.end + len(f.suggestion or ""), self.preview.document().characterCount() - 1)
            cursor.setPosition(target)
            self.preview.setTextCursor(cursor)
            self.preview.ensureCursorVisible()
