"""The rich-text delegate of the segment grid (:mod:`reviewer.gui.widgets.segment_grid`).

:class:`TargetDelegate` paints the Source, MT and Corrected cells as word-wrapped rich text
(term hits underlined, open findings on a background by severity, optionally the word diff
against the MT) and measures their wrapped height; it edits a Corrected cell in place with a
:class:`~reviewer.gui.widgets.cell_editor.CellEditor`. The keys the editor hands to the grid are
described in the grid's module docstring.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from reviewer.core.checks import Finding
from reviewer.core.diff import odd_characters, show_invisibles, word_diff
from reviewer.core.matching import TermHit
from reviewer.gui.i18n import tr
from reviewer.gui.models import Index, ObjectRole
from reviewer.gui.models.findings import SEVERITY_COLOURS
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.widgets.cell_editor import CTRL_OR_ALT, PAD, CellEditor, key_command, plain_text

ACCEPTABLE_TERM = QColor("#2e7d32")
NONSTANDARD_TERM = QColor("#c62828")


#: ``provider(document key, segment id) -> (term hits, open findings)`` of a segment's current
#: target (the Corrected text): offsets are characters, end exclusive, into that text.
AnnotationProvider = Callable[[str, str], tuple[list[TermHit], list[Finding]]]

#: ``mt_hits(document key, segment id) -> term hits`` in the segment's MT text.
MtHitProvider = Callable[[str, str], list[TermHit]]

#: ``source_hits(document key, segment id) -> [(start, end, tooltip)]`` in the Chinese source.
SourceHitProvider = Callable[[str, str], list[tuple[int, int, str]]]


#: Laid-out cells kept for repainting (a screen of a 4K display holds about 200).
DOCUMENT_CACHE = 600

#: Colours of the word diff (as :func:`reviewer.core.diff.diff_html`).
DIFF_DELETE = ("#b71c1c", "#fdecea")
DIFF_INSERT = ("#1b5e20", "#e8f5e9")

#: Background of an invisible or look-alike character with Show Invisibles on.
INVISIBLE_MARK = "#ffd54f"

#: The columns painted as wrapped text.
WRAPPED = (SegmentTableModel.SOURCE, SegmentTableModel.MT, SegmentTableModel.CORRECTED)


@dataclass
class CellDocument:
    """The laid-out text of one cell.

    Attributes:
        document: the text with its formats, ``textWidth`` set to the cell's width.
        spans: ``(start, end, tooltip)`` of each annotation, in positions of ``document``
            (which differ from offsets into the cell's text only in the word-diff view,
            where deleted MT words are shown too).
    """

    document: QTextDocument
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def _term_format(hit: TermHit) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if hit.acceptable:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(ACCEPTABLE_TERM)
        fmt.setForeground(ACCEPTABLE_TERM)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(NONSTANDARD_TERM)
    return fmt


def _source_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(ACCEPTABLE_TERM)
    fmt.setBackground(QColor("#e8f5e9"))
    return fmt


def _term_tooltip(hit: TermHit) -> str:
    return f"{hit.concept.source_term}: {hit.term.status.value}; " + tr("preferred") + f" “{hit.concept.preferred_text or '—'}”"


def _fits(text: str, start: int, end: int, flagged: str) -> bool:
    """True when the span ``start:end`` lies in ``text`` and still holds ``flagged`` (an
    annotation made before an edit does not land on other words)."""
    return 0 <= start < end <= len(text) and text[start:end] == flagged


class TargetDelegate(QStyledItemDelegate):
    """Paints the Source, MT and Corrected cells as word-wrapped rich text and edits the
    Corrected cell with a :class:`CellEditor`.

    * Term hits are underlined: green for an acceptable term, red wavy for a non-standard one.
    * Open findings get a background by severity (:data:`SEVERITY_COLOURS`), Corrected column only.
    * With :meth:`set_diff_visible`, the Corrected cell of a changed segment shows the word diff
      against the MT: deleted words struck through in red, inserted ones underlined in green.
    * A tooltip over an annotation names the term or gives the finding's message.

    Annotations come from the provider set with :meth:`set_annotations`, asked once per cell and
    text (cached until :meth:`clear_annotation_cache`); spans past the end of the text, empty
    spans and spans whose text no longer matches the cell's text are skipped. MT cells show term
    hits from ``mt_hits`` when given, else the provider's when the MT is the current target.

    Signals:
        editor_created(object): a :class:`CellEditor` was opened.
        confirm_pressed(object): Ctrl+Enter in the editor (the editor widget).
        move_pressed(object, int): Ctrl/Alt+Up (-1) or Ctrl/Alt+Down (+1) in the editor.
    """

    editor_created = Signal(object)
    confirm_pressed = Signal(object)
    move_pressed = Signal(object, int)

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._provider: AnnotationProvider | None = None
        self._mt_hits: MtHitProvider | None = None
        self._source_hits: SourceHitProvider | None = None
        self._diff = False
        self._invisibles = False
        self._heights: OrderedDict[tuple[object, ...], int] = OrderedDict()
        self._annotations: dict[tuple[str, str, int], tuple[str, list[TermHit], list[Finding]]] = {}
        self._documents: OrderedDict[tuple[object, ...], CellDocument] = OrderedDict()

    # -- settings ------------------------------------------------------------

    def set_annotations(self, provider: AnnotationProvider | None, mt_hits: MtHitProvider | None = None) -> None:
        """Where term hits and open findings come from (see :data:`AnnotationProvider`)."""
        self._provider = provider
        self._mt_hits = mt_hits
        self.clear_annotation_cache()

    def set_source_hits(self, provider: SourceHitProvider | None) -> None:
        """Where the termbase terms of a Source cell come from: ``provider(doc_key, segment_id)``
        gives ``(start, end, tooltip)`` spans (characters, end exclusive) of the Chinese source."""
        self._source_hits = provider
        self.clear_annotation_cache()

    def set_diff_visible(self, visible: bool) -> None:
        """Show the Corrected cell of a changed segment as a word diff against the MT."""
        self._diff = visible
        self.clear_annotation_cache()

    def set_invisibles_visible(self, visible: bool) -> None:
        """Mark no-break and zero-width spaces and odd dashes in every cell (each replaced by a
        visible mark of the same length, :func:`reviewer.core.diff.show_invisibles`, on a yellow
        background, named in a tooltip)."""
        self._invisibles = visible
        self.clear_annotation_cache()

    def diff_visible(self) -> bool:
        """True when changed segments show their word diff."""
        return self._diff

    def clear_annotation_cache(self, keys: set[tuple[str, str]] | None = None) -> None:
        """Ask the provider again (for the segments ``keys``, or all)."""
        if keys is None:
            self._annotations.clear()
            self._documents.clear()
        else:
            for k in [k for k in self._annotations if (k[0], k[1]) in keys]:
                del self._annotations[k]
            for d in [d for d in self._documents if d[0] in keys]:
                del self._documents[d]

    # -- documents -----------------------------------------------------------

    def _cell_annotations(self, index: Index, text: str) -> tuple[list[TermHit], list[Finding]]:
        key = index.data(ObjectRole)
        if not isinstance(key, tuple):
            return [], []
        doc_key, seg_id = key
        column = index.column()
        cached = self._annotations.get((doc_key, seg_id, column))
        if cached is not None and cached[0] == text:
            return cached[1], cached[2]
        hits: list[TermHit] = []
        findings: list[Finding] = []
        if column == SegmentTableModel.CORRECTED and self._provider is not None:
            hits, findings = self._provider(doc_key, seg_id)
        elif column == SegmentTableModel.MT:
            if self._mt_hits is not None:
                hits = self._mt_hits(doc_key, seg_id)
            elif self._provider is not None and text == index.model().index(index.row(), SegmentTableModel.CORRECTED).data():
                hits = self._provider(doc_key, seg_id)[0]
        self._annotations[(doc_key, seg_id, column)] = (text, hits, findings)
        return hits, findings

    def _pieces(self, index: Index) -> tuple[str, list[tuple[str, str]]]:
        """The cell's text and what to show of it: ``(op, text)`` pieces, ``op`` one of
        ``equal``, ``insert`` (both part of the text) and ``delete`` (MT words shown struck)."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if self._diff and index.column() == SegmentTableModel.CORRECTED:
            mt = str(index.model().index(index.row(), SegmentTableModel.MT).data() or "")
            if mt != text:
                return text, word_diff(mt, text)
        return text, [("equal", text)]

    @staticmethod
    def _new_document(font: QFont, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(PAD)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setTextWidth(max(width, 2 * PAD + 1))
        return doc

    def cell_document(self, index: Index, width: int, font: QFont) -> CellDocument:
        """The cell's text laid out at ``width`` pixels with its annotations (what :meth:`paint`
        draws). The last :data:`DOCUMENT_CACHE` are kept, by segment, column, text, width and font."""
        text, pieces = self._pieces(index)
        key = (index.data(ObjectRole), index.column(), tuple(pieces), width, font.key(), self._invisibles)
        cached = self._documents.get(key)
        if cached is not None:
            self._documents.move_to_end(key)
            return cached
        cell = self._make_document(index, text, pieces, width, font)
        self._documents[key] = cell
        if len(self._documents) > DOCUMENT_CACHE:
            self._documents.popitem(last=False)
        return cell

    def _make_document(self, index: Index, text: str, pieces: list[tuple[str, str]], width: int, font: QFont) -> CellDocument:
        doc = self._new_document(font, width)
        cursor = QTextCursor(doc)
        pos_of = [0] * (len(text) + 1)  # offset in text -> position in doc
        offset = 0
        for op, piece in pieces:
            fmt = QTextCharFormat()
            if op == "delete":
                fmt.setForeground(QColor(DIFF_DELETE[0]))
                fmt.setBackground(QColor(DIFF_DELETE[1]))
                fmt.setFontStrikeOut(True)
            elif op == "insert":
                fmt.setForeground(QColor(DIFF_INSERT[0]))
                fmt.setBackground(QColor(DIFF_INSERT[1]))
                fmt.setFontUnderline(True)
            start = cursor.position()
            cursor.insertText(show_invisibles(piece) if self._invisibles else piece, fmt)
            if op != "delete":
                for i in range(len(piece) + 1):
                    pos_of[offset + i] = start + i
                offset += len(piece)
        spans: list[tuple[int, int, str]] = []
        if index.column() in (SegmentTableModel.MT, SegmentTableModel.CORRECTED):
            hits, findings = self._cell_annotations(index, text)
            for f in findings:
                if _fits(text, f.start, f.end, f.text):
                    fmt = QTextCharFormat()
                    fmt.setBackground(QColor(SEVERITY_COLOURS.get(f.severity.value, "#fff2b3")))
                    spans.append(self._apply(doc, pos_of[f.start], pos_of[f.end], fmt, f.message))
            for hit in hits:
                if _fits(text, hit.start, hit.end, hit.text):
                    spans.append(self._apply(doc, pos_of[hit.start], pos_of[hit.end], _term_format(hit), _term_tooltip(hit)))
        if index.column() == SegmentTableModel.SOURCE and self._source_hits is not None:
            key = index.data(ObjectRole)
            if isinstance(key, tuple):
                for start, end, tip in self._source_hits(*key):
                    if 0 <= start < end <= len(text):
                        spans.append(self._apply(doc, pos_of[start], pos_of[end], _source_format(), tip))
        if self._invisibles:
            for offset, name in odd_characters(text):
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(INVISIBLE_MARK))
                spans.append(self._apply(doc, pos_of[offset], pos_of[offset + 1], fmt, name))
        return CellDocument(doc, spans)

    @staticmethod
    def _apply(doc: QTextDocument, start: int, end: int, fmt: QTextCharFormat, tip: str) -> tuple[int, int, str]:
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
        return start, end, tip

    def text_height(self, pieces: list[tuple[str, str]], width: int, font: QFont) -> int:
        """Height (pixels) of ``pieces`` (see :meth:`_pieces`) wrapped at ``width``; cached by
        text, width and font (annotations change colours and lines, never the height)."""
        key: tuple[object, ...] = (tuple(pieces), width, font.key())
        got = self._heights.get(key)
        if got is not None:
            self._heights.move_to_end(key)
            return got
        doc = self._new_document(font, width)
        cursor = QTextCursor(doc)
        struck = QTextCharFormat()
        struck.setFontStrikeOut(True)
        for op, piece in pieces:
            cursor.insertText(piece, struck if op == "delete" else QTextCharFormat())
        height = math.ceil(doc.size().height())
        self._heights[key] = height
        if len(self._heights) > 20_000:
            self._heights.popitem(last=False)
        return height

    def _width(self, option: QStyleOptionViewItem, index: Index) -> int:
        if isinstance(self._view, QTableView):
            return self._view.columnWidth(index.column())
        return option.rect.width()

    # -- QStyledItemDelegate -------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The cell's width and the height of its text wrapped at the column's width."""
        width = self._width(option, index)
        _text, pieces = self._pieces(index)
        return QSize(width, self.text_height(pieces, width, option.font))

    def capped_height(self, index: Index, width: int, font: QFont, lines: int) -> int:
        """The height (pixels) of the cell's first ``lines`` lines at ``width``: the whole text's
        when it has no more lines."""
        doc = self.cell_document(index, width, font).document
        layout = doc.documentLayout()
        block = doc.firstBlock()
        seen = 0
        while block.isValid():
            text_layout = block.layout()
            top = layout.blockBoundingRect(block).top()
            for i in range(text_layout.lineCount()):
                if seen == lines:
                    return int(top + text_layout.lineAt(i).y()) + PAD
                seen += 1
            block = block.next()
        return int(doc.size().height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect
        cell = self.cell_document(index, rect.width(), opt.font)
        palette: QPalette = opt.palette
        context = QAbstractTextDocumentLayout.PaintContext()
        colour = palette.color(QPalette.ColorRole.Text)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected and palette.color(QPalette.ColorRole.Highlight).lightness() < 128:
            colour = palette.color(QPalette.ColorRole.HighlightedText)
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        cell.document.documentLayout().draw(painter, context)
        if cell.document.size().height() > rect.height() + 1:  # a capped row: say there is more
            mark = "…"
            metrics = QFontMetrics(opt.font)
            box = QRectF(rect.width() - metrics.horizontalAdvance(mark) - 2 * PAD, rect.height() - metrics.height() - 1, metrics.horizontalAdvance(mark) + 2 * PAD, metrics.height())
            painter.fillRect(box, opt.palette.color(QPalette.ColorRole.Base) if not selected else opt.palette.color(QPalette.ColorRole.Highlight))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index) -> bool:
        """A tooltip over a term or a finding names it; elsewhere none (the text is all in view)."""
        if event.type() != QEvent.Type.ToolTip or index.column() not in WRAPPED:
            return super().helpEvent(event, view, option, index)
        rect = option.rect
        cell = self.cell_document(index, rect.width(), option.font)
        pos = cell.document.documentLayout().hitTest(QPointF(event.pos() - rect.topLeft()), Qt.HitTestAccuracy.ExactHit)
        tips = [tip for start, end, tip in cell.spans if start <= pos < end]
        if tips:
            QToolTip.showText(event.globalPos(), "\n".join(dict.fromkeys(tips)), view)
        else:
            QToolTip.hideText()
        return True

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = CellEditor(parent)
        editor.index = QPersistentModelIndex(index)
        editor.setFont(option.font)
        self.editor_created.emit(editor)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Load the current target; later (the model changed while editing) only if nothing
        was typed since the last load or commit."""
        if not isinstance(editor, CellEditor):
            super().setEditorData(editor, index)
            return
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.committed is None:
            editor.setPlainText(text)
            editor.moveCursor(QTextCursor.MoveOperation.End)
        elif editor.text() == editor.committed:
            editor.set_text(text)
        else:
            return
        editor.committed = text

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Hand the typed text to the model (which emits ``edit_committed`` if it changed from
        the target), once per text: committing the same text again does nothing."""
        if not isinstance(editor, CellEditor):
            super().setModelData(editor, model, index)
            return
        text = editor.text()
        if text == editor.committed:
            return  # loaded or committed already (a click elsewhere commits on focus-out and on the move)
        editor.committed = text
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        editor.setGeometry(option.rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The editor's keys (see the module docstring); the rest as any delegate (Esc cancels,
        losing focus commits)."""
        if not isinstance(watched, CellEditor) or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()  # the window's Undo/Redo shortcuts take them
                return True
            if key_command(event) is not None:
                event.accept()  # ours while editing, not a window shortcut's
                return True
        if event.type() == QEvent.Type.KeyPress:
            command = key_command(event)
            if command == "confirm":
                self.confirm_pressed.emit(watched)
                return True
            if command in ("up", "down"):
                self.move_pressed.emit(watched, -1 if command == "up" else 1)
                return True
            if command == "commit":
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
            if command == "newline":
                watched.insertPlainText("\n")
                return True
        return super().eventFilter(watched, event)
