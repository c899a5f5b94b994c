"""The segment grid: the review's editor, as translators know it from memoQ, Trados and OmegaT.

One row per segment (:class:`~reviewer.gui.models.segments.SegmentTableModel`): ID, Source (when
some segment has one), MT (hidden at first), Corrected, Findings, State. The Corrected cell is
edited in place; the grid only reports what the reviewer did (``edit_committed`` of the model,
:attr:`SegmentGrid.confirm_requested`) and the window applies it, through its one undo history.

Keys, not editing: Up/Down between rows; F2, Enter or a double-click edits; Ctrl+Enter confirms;
Ctrl/Alt+Up/Down the previous/next row. Editing: Esc cancels; Tab, Enter or a click elsewhere
commits; Shift+Enter breaks a line; Ctrl+Enter commits and confirms; Ctrl/Alt+Up/Down commit and
edit the previous/next row; Ctrl+Z/Ctrl+Y go to the window's Undo/Redo.

Row heights: the wrapped text's (in compact mode, :meth:`SegmentGrid.set_compact`, at most
:data:`COMPACT_LINES` lines but for the current row), measured by :class:`TargetDelegate` with a
``QTextDocument`` at the column's width (cached) and set with ``resizeSection``. Up to
:data:`MEASURE_ALL_ROWS` rows are measured at once, a larger batch only around the rows in view
(rows growing above the view shift the offset so that the rows in view stay put). A 5,000-row
batch is shown and painted in about 50 ms offscreen here; a keystroke in the editor about 3 ms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QStyleOptionViewItem, QTableView, QWidget

from reviewer.gui.i18n import STATE_NAMES, tr
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.widgets.cell_editor import CTRL_OR_ALT, PAD, CellEditor
from reviewer.gui.widgets.target_delegate import WRAPPED, AnnotationProvider, CellDocument, MtHitProvider, TargetDelegate

#: Up to this many rows, every row is measured at once; above it, only the rows in view.
MEASURE_ALL_ROWS = 400

#: In compact mode, rows other than the current one show at most this many lines (the rest of
#: the text is marked "…"); the current row and the row being edited always show all of it.
COMPACT_LINES = 4

#: Selection colours: light, so that the highlights of the current row stay readable.
SELECTION = QColor("#cfe3fc")


class SegmentGrid(QTableView):
    """The grid of segments, edited in place (see the module docstring for keys and row heights).

    Set a :class:`SegmentTableModel` with :meth:`setModel` (it turns the model's Corrected column
    editable). Edits reach the window through the model's ``edit_committed(doc_key, segment_id,
    text)``; confirming through :attr:`confirm_requested`. The grid never sets states or texts.

    Signals:
        confirm_requested(str, str): ``(document key, segment id)``: Ctrl+Enter, in the editor
            (after committing its text) or on the current row. The window marks the segment
            confirmed and moves on, e.g. ``grid.select_row(grid.next_open_row(row + 1), edit=True)``.
    """

    confirm_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = TargetDelegate(self)
        for column in WRAPPED:
            self.setItemDelegateForColumn(column, self._delegate)
        self._delegate.editor_created.connect(self._on_editor_created)
        self._delegate.confirm_pressed.connect(self._on_confirm_pressed)
        self._delegate.move_pressed.connect(self._on_move_pressed)
        self._editor: CellEditor | None = None
        self._editing = QPersistentModelIndex()
        self._source_wanted = True
        self._mt_visible = False  # one call away: set_mt_visible(True)
        self._compact = False
        self._grown_row = -1  # the current row, shown whole in compact mode
        self._measured: dict[int, int] = {}  # row -> height set
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2, Enter, double-click: see keyPressEvent
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(tr("Segments"))
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, SELECTION)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, palette.color(QPalette.ColorRole.Text))
        self.setPalette(palette)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setMinimumSectionSize(1)
        vertical.setDefaultSectionSize(self._min_row_height() * 2 - 2 * PAD)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.sectionResized.connect(self._on_section_resized)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._schedule_fit())

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Show a :class:`SegmentTableModel` (its Corrected column becomes editable)."""
        old = self.model()
        if isinstance(old, SegmentTableModel):
            for signal, slot in self._model_connections(old):
                signal.disconnect(slot)
        if model is not None and not isinstance(model, SegmentTableModel):
            raise TypeError("SegmentGrid shows a SegmentTableModel")
        super().setModel(model)
        if model is not None:
            model.set_editable(True)
            for signal, slot in self._model_connections(model):
                signal.connect(slot)
        self._on_reset()

    def _model_connections(self, model: SegmentTableModel) -> list[tuple[SignalInstance, Callable[..., None]]]:
        resets = (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved)
        return [(signal, self._on_reset) for signal in resets] + [(model.dataChanged, self._on_data_changed)]

    def segment_model(self) -> SegmentTableModel | None:
        """The model shown, if any."""
        model = self.model()
        return model if isinstance(model, SegmentTableModel) else None

    @property
    def target_delegate(self) -> TargetDelegate:
        """The delegate of the Source, MT and Corrected columns."""
        return self._delegate

    def _on_reset(self) -> None:
        self._delegate.clear_annotation_cache()
        self._measured.clear()
        header = self.horizontalHeader()  # section modes need the sections: set them once there are columns
        if header.count() == len(SegmentTableModel.HEADERS):
            for column in range(header.count()):
                mode = QHeaderView.ResizeMode.Stretch if column in WRAPPED else QHeaderView.ResizeMode.Fixed
                header.setSectionResizeMode(column, mode)
        self._apply_column_visibility()
        self.fit_columns()
        self._schedule_fit()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> None:
        model = self.segment_model()
        if model is None:
            return
        rows = range(top_left.row(), bottom_right.row() + 1)
        if len(rows) >= model.rowCount():
            self._delegate.clear_annotation_cache()
        else:
            self._delegate.clear_annotation_cache({model.key(r) for r in rows})
        for r in rows:
            self._measured.pop(r, None)
        self._schedule_fit()

    def set_annotations(self, provider: AnnotationProvider | None, mt_hits: MtHitProvider | None = None) -> None:
        """Where the delegate gets a segment's term hits and open findings (see
        :data:`AnnotationProvider`; ``mt_hits``: term hits in the MT, see :class:`TargetDelegate`)."""
        self._delegate.set_annotations(provider, mt_hits)
        self.viewport().update()

    def invalidate_annotations(self) -> None:
        """The annotations changed without the model saying so (e.g. a new check run whose
        counts did not change): ask the provider again and repaint."""
        self._delegate.clear_annotation_cache()
        self.viewport().update()

    def set_diff_visible(self, visible: bool) -> None:
        """Show changed Corrected cells as a word diff against the MT (rows are measured again:
        deleted words take room)."""
        self._delegate.set_diff_visible(visible)
        self._measured.clear()
        self._schedule_fit()
        self.viewport().update()

    def set_invisibles_visible(self, visible: bool) -> None:
        """Mark invisible and look-alike characters in every cell (see the delegate)."""
        self._delegate.set_invisibles_visible(visible)
        self._measured.clear()
        self._schedule_fit()
        self.viewport().update()

    def set_compact(self, compact: bool) -> None:
        """Compact rows: all but the current row show at most :data:`COMPACT_LINES` lines, so that
        more segments fit on a screen (the text beyond is marked "…")."""
        self._compact = compact
        self._measured.clear()
        self._schedule_fit()
        self.viewport().update()

    def compact(self) -> bool:
        """True when rows other than the current one are capped."""
        return self._compact

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex, previous: QModelIndex | QPersistentModelIndex) -> None:
        """In compact mode the new current row shows whole and the old one is capped again."""
        super().currentChanged(current, previous)
        if self._compact and current.row() != self._grown_row:
            for row in (self._grown_row, current.row()):
                if row >= 0:
                    self._measured.pop(row, None)
            self._grown_row = current.row()
            self.fit_rows()

    def set_mt_visible(self, visible: bool) -> None:
        """Show or hide the MT column."""
        self._mt_visible = visible
        self._apply_column_visibility()

    def mt_visible(self) -> bool:
        """True when the MT column is shown."""
        return not self.isColumnHidden(SegmentTableModel.MT)

    def set_source_visible(self, visible: bool) -> None:
        """Show the Source column (only when some segment has a source) or hide it."""
        self._source_wanted = visible
        self._apply_column_visibility()

    def source_visible(self) -> bool:
        """True when the Source column is shown."""
        return not self.isColumnHidden(SegmentTableModel.SOURCE)

    def _apply_column_visibility(self) -> None:
        model = self.segment_model()
        has_sources = model is not None and model.has_sources()
        before = (self.isColumnHidden(SegmentTableModel.SOURCE), self.isColumnHidden(SegmentTableModel.MT))
        self.setColumnHidden(SegmentTableModel.SOURCE, not (self._source_wanted and has_sources))
        self.setColumnHidden(SegmentTableModel.MT, not self._mt_visible)
        if before != (self.isColumnHidden(SegmentTableModel.SOURCE), self.isColumnHidden(SegmentTableModel.MT)):
            self._measured.clear()
            self._schedule_fit()

    def fit_columns(self) -> None:
        """Widths of the ID, Findings and State columns from their widest possible text (the
        text columns share the rest)."""
        model = self.segment_model()
        metrics = self.fontMetrics()
        pad = 3 * metrics.averageCharWidth()
        label = model.longest_label() if model is not None else ""
        widths = {
            SegmentTableModel.ID: metrics.horizontalAdvance(label or "00"),
            SegmentTableModel.FINDINGS: metrics.horizontalAdvance("999"),
            SegmentTableModel.STATE: max(metrics.horizontalAdvance(tr(state) + " 💬") for state in STATE_NAMES),
        }
        header = self.horizontalHeader()
        for column, width in widths.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal)) if model is not None else ""
            header.resizeSection(column, max(width, metrics.horizontalAdvance(title)) + pad)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column in WRAPPED:
            self._measured.clear()
            self._schedule_fit()

    def _min_row_height(self) -> int:
        return self.fontMetrics().lineSpacing() + 2 * PAD

    def _schedule_fit(self) -> None:
        self._fit_timer.start()

    def row_height_for(self, row: int) -> int:
        """Height (pixels) that shows all of ``row``'s text at the current column widths: the
        tallest of its shown Source, MT and Corrected cells, at least one line; while the row is
        being edited, the editor's text counts instead of the Corrected cell's."""
        model = self.segment_model()
        if model is None:
            return self._min_row_height()
        option = QStyleOptionViewItem()
        option.font = self.font()
        height = self._min_row_height()
        capped = self._compact and row != self.current_row() and not (self._editing.isValid() and self._editing.row() == row)
        for column in WRAPPED:
            if self.isColumnHidden(column):
                continue
            index = model.index(row, column)
            if self._editor is not None and QPersistentModelIndex(index) == self._editing:
                height = max(height, self._editor_height(column))
            elif capped:
                height = max(height, self._delegate.capped_height(index, self.columnWidth(column), self.font(), COMPACT_LINES))
            else:
                height = max(height, self._delegate.sizeHint(option, index).height())
        return height

    def _editor_height(self, column: int) -> int:
        assert self._editor is not None
        width = self.columnWidth(column)
        by_layout = self._delegate.text_height([("equal", self._editor.text())], width, self.font())
        # the editor's own layout (QPlainTextEdit) counts too: it must never need to scroll
        return max(by_layout, self._editor.content_height() + 1 if self._editor.width() > 0 else 0)

    def _set_row_height(self, row: int, height: int) -> None:
        if self.rowHeight(row) != height:
            self.verticalHeader().resizeSection(row, height)
        self._measured[row] = height

    def fit_rows(self) -> None:
        """Size the rows to their text: all of them for a document of up to
        :data:`MEASURE_ALL_ROWS` rows, else the rows in view and a screen's worth either side
        (rows measured before keep their height until their text or the widths change)."""
        self._fit_timer.stop()
        model = self.segment_model()
        if model is None or model.rowCount() == 0:
            return
        count = model.rowCount()
        if count <= MEASURE_ALL_ROWS:
            for row in range(count):
                if row not in self._measured:
                    self._set_row_height(row, self.row_height_for(row))
            self.updateGeometries()  # the scroll range now, not at the view's next layout
            return
        view = max(self.viewport().height(), self._min_row_height())
        first = max(self.rowAt(0), 0)
        grown = 0
        for row in range(max(0, first - view // self._min_row_height() - 1), first):
            if row not in self._measured:
                before = self.rowHeight(row)
                self._set_row_height(row, self.row_height_for(row))
                grown += self.rowHeight(row) - before
        if grown:  # keep the rows in view where they were (the offset is in pixels)
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + grown)
        shown = 0
        row = first
        while row < count and shown <= 2 * view:
            if row not in self._measured:
                self._set_row_height(row, self.row_height_for(row))
            shown += self._measured[row]
            row += 1
        self.updateGeometries()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def current_row(self) -> int:
        """The current row, or -1."""
        return self.currentIndex().row() if self.currentIndex().isValid() else -1

    def current_key(self) -> tuple[str, str] | None:
        """``(document key, segment id)`` of the current row, or None."""
        model = self.segment_model()
        row = self.current_row()
        return model.key(row) if model is not None and row >= 0 else None

    def select_row(self, row: int, edit: bool = False) -> None:
        """Make ``row`` current (its Corrected cell), scroll to it, and with ``edit`` open its editor."""
        model = self.segment_model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, SegmentTableModel.CORRECTED)
        self.selectionModel().setCurrentIndex(
            index, self.selectionModel().SelectionFlag.ClearAndSelect | self.selectionModel().SelectionFlag.Rows
        )
        self.scrollTo(index)
        scrollbar = self.verticalScrollBar()
        for _ in range(3):  # rows measured on the way may push it out of view again
            before = scrollbar.value()
            self.fit_rows()
            self.scrollTo(index)
            if scrollbar.value() == before:
                break
        if edit:
            self.edit_row(row)

    def next_open_row(self, start: int, step: int = 1, wrap: bool = False) -> int:
        """:meth:`SegmentTableModel.next_open_row` of the model shown (-1 without one)."""
        model = self.segment_model()
        return -1 if model is None else model.next_open_row(start, step, wrap)

    def is_editing(self) -> bool:
        """True while a Corrected cell's editor is open."""
        return self._editor is not None

    def editor(self) -> CellEditor | None:
        """The open in-place editor, if any."""
        return self._editor

    def edit_row(self, row: int) -> bool:
        """Open the editor of ``row``'s Corrected cell (committing another open one first)."""
        model = self.segment_model()
        if model is None or not 0 <= row < model.rowCount():
            return False
        index = model.index(row, SegmentTableModel.CORRECTED)
        if self._editor is not None:
            if QPersistentModelIndex(index) == self._editing:
                return True
            self.close_edit(commit=True)
        if self.currentIndex().row() != row or self.currentIndex().column() != SegmentTableModel.CORRECTED:
            self.select_row(row)
        self.edit(index)
        return self.is_editing()

    def commit_edit(self) -> None:
        """Hand the open editor's text to the model now, keeping the editor open (before the
        window undoes, saves or exports: the typing is not lost)."""
        if self._editor is not None:
            self.commitData(self._editor)

    def close_edit(self, commit: bool = True) -> None:
        """Close the open editor, committing its text first (or, with ``commit`` off, dropping it)."""
        editor = self._editor
        if editor is None:
            return
        if commit:
            self.commitData(editor)
        hint = QAbstractItemDelegate.EndEditHint.NoHint if commit else QAbstractItemDelegate.EndEditHint.RevertModelCache
        self.closeEditor(editor, hint)

    def copy_mt_to_target(self) -> bool:
        """Put the MT into the current row's target: into the open editor (and commit), or
        straight to the model. ``edit_committed`` carries the MT if it differs from the target.
        Returns True when something was committed."""
        model = self.segment_model()
        row = self.current_row()
        if model is None or row < 0:
            return False
        mt = model.mt_text(row)
        index = model.index(row, SegmentTableModel.CORRECTED)
        if self._editor is not None and QPersistentModelIndex(index) == self._editing:
            self._editor.set_text(mt)
            changed = mt != model.target_text(row)
            self.commitData(self._editor)
            return changed
        return model.setData(index, mt, Qt.ItemDataRole.EditRole)

    def _on_editor_created(self, editor: CellEditor) -> None:
        self._editor = editor
        self._editing = editor.index
        editor.textChanged.connect(self._grow_editor_row)
        editor.destroyed.connect(lambda _obj=None, e=editor: self._forget_editor(e))

    def _forget_editor(self, editor: CellEditor) -> None:
        if self._editor is editor:
            self._editor = None

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Forget the editor, then close it as any view (and size its row to the model's text)."""
        row = self._editing.row()
        if editor is self._editor:
            self._editor = None
            self._editing = QPersistentModelIndex()
        super().closeEditor(editor, hint)
        if row >= 0:
            self._measured.pop(row, None)
            self._schedule_fit()

    def _grow_editor_row(self) -> None:
        if self._editor is None or not self._editing.isValid():
            return
        row = self._editing.row()
        height = self.row_height_for(row)
        if height != self.rowHeight(row):
            self._set_row_height(row, height)
            self.updateEditorGeometries()  # now, not at the view's next layout: no clipped frame
        self.scrollTo(self.model().index(row, SegmentTableModel.CORRECTED))

    def _on_confirm_pressed(self, editor: CellEditor) -> None:
        key = self.current_key()
        self.close_edit(commit=True)
        if key is not None:
            self.confirm_requested.emit(*key)

    def _on_move_pressed(self, editor: CellEditor, step: int) -> None:
        row = self._editing.row() if self._editing.isValid() else self.current_row()
        model = self.segment_model()
        self.close_edit(commit=True)
        if model is not None and 0 <= row + step < model.rowCount():
            self.select_row(row + step, edit=True)
        else:
            self.edit_row(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F2 or Enter edits; Ctrl+Enter confirms; Ctrl/Alt+Up/Down move by one row."""
        row = self.current_row()
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if row >= 0 and not self.is_editing():
            if key == Qt.Key.Key_F2 or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier):
                self.edit_row(row)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.ControlModifier:
                current = self.current_key()
                if current is not None:
                    self.confirm_requested.emit(*current)
                return
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods in CTRL_OR_ALT:
                self.select_row(row + (-1 if key == Qt.Key.Key_Up else 1))
                return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click anywhere in a row edits its Corrected cell."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.edit_row(index.row())
            return
        super().mouseDoubleClickEvent(event)


__all__ = ["AnnotationProvider", "CellDocument", "CellEditor", "MtHitProvider", "SegmentGrid", "TargetDelegate"]
