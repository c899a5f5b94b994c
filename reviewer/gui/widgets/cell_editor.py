"""The in-place editor of a Corrected cell of the segment grid, and the keys it hands to the grid
(:func:`key_command`)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from reviewer.gui.i18n import tr

#: Margin (pixels) around the text of a cell, painted and edited alike.
PAD = 3

#: Background of the cell being edited.
EDITOR_BACKGROUND = QColor("#fffbe6")


def plain_text(edit: QPlainTextEdit) -> str:
    """The text of an editor exactly as typed: ``toPlainText()`` turns no-break spaces into
    plain spaces, which would change the reviewer's text behind their back."""
    return edit.document().toRawText().replace("\u2029", "\n")


class CellEditor(QPlainTextEdit):
    """The in-place editor of a Corrected cell: word-wrapped, frameless, no undo of its own
    (Ctrl+Z/Ctrl+Y go to the window's history, see :meth:`TargetDelegate.eventFilter`).

    :meth:`text` is the text exactly as typed (no-break spaces kept). :attr:`committed` is the
    text last loaded into or committed from the editor: when the model's text changes while the
    editor is open (undo, an accepted suggestion) and nothing new was typed, the editor follows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(PAD)
        self.setAccessibleName(tr("Corrected text"))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, EDITOR_BACKGROUND)
        self.setPalette(palette)
        self.committed: str | None = None
        self.index = QPersistentModelIndex()  # the cell edited

    def text(self) -> str:
        """The text exactly as typed (``toRawText``: no-break spaces survive)."""
        return plain_text(self)

    def set_text(self, text: str) -> None:
        """Replace the text, keeping the cursor where it was (within the new text)."""
        if self.text() == text:
            return
        pos = self.textCursor().position()
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.setPosition(min(pos, len(text)))
        self.setTextCursor(cursor)

    def content_height(self) -> int:
        """Height (pixels) that shows all of the text at the editor's width: its lines and the
        document margin above and below."""
        doc = self.document()
        block = doc.firstBlock()
        lines = 0.0
        while block.isValid():
            lines += block.layout().boundingRect().height() if block.layout() is not None else 0.0
            block = block.next()
        return math.ceil(lines + 2 * doc.documentMargin()) + 2 * self.frameWidth()


#: Ctrl or Alt alone (with Up/Down: the previous/next row).
CTRL_OR_ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier)


def key_command(event: QKeyEvent) -> str | None:
    """What a key pressed in the editor means to the grid, or None (the editor's own key)."""
    key = event.key()
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        if mods == Qt.KeyboardModifier.ControlModifier:
            return "confirm"
        if mods == Qt.KeyboardModifier.ShiftModifier:
            return "newline"
        if mods == Qt.KeyboardModifier.NoModifier:
            return "commit"
    if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return "commit"
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods in CTRL_OR_ALT:
        return "up" if key == Qt.Key.Key_Up else "down"
    return None
