"""The segment grid (reviewer.gui.widgets.segment_grid) on the real sample and the shipped
termbase: in-place editing from the keyboard, what reaches the window, rows sized to their
text, the rich-text delegate, and the row helpers of the keyboard flow."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from reviewer.core.paths import SAMPLE_ARTICLE
from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.gui.models.findings import SEVERITY_COLOURS
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.widgets.segment_grid import CellEditor, SegmentGrid

CORRECTED = SegmentTableModel.CORRECTED


@pytest.fixture(scope="module")
def checked(shipped_termbase):
    r = make_review([read_document(SAMPLE_ARTICLE)], [shipped_termbase])
    r.run_checks()
    return r


@pytest.fixture
def review(checked):
    """A fresh copy of the checked sample for each test (tests edit, dismiss and set states);
    the matcher and the termbase, which no test changes, are shared."""
    shared = {id(checked.matcher): checked.matcher, **{id(tb): tb for tb in checked.termbases}}
    return copy.deepcopy(checked, shared)


@pytest.fixture
def doc(review):
    return review.doc_key(review.documents[0])


@pytest.fixture
def calls():
    return []


@pytest.fixture
def provider(review, calls):
    def annotations(doc_key, seg_id):
        calls.append((doc_key, seg_id))
        text = review.target(doc_key, seg_id)
        findings = [f for f in review.open_findings() if (f.document, f.segment) == (doc_key, seg_id)]
        return review.matcher.match(text), findings

    return annotations


@pytest.fixture
def model(review):
    return SegmentTableModel(review)


@pytest.fixture
def grid(qtbot, model, provider):
    g = SegmentGrid()
    qtbot.addWidget(g)
    g.setModel(model)
    g.set_annotations(provider)
    g.resize(1280, 500)
    g.show()
    qtbot.waitExposed(g)
    g.fit_rows()
    return g


@pytest.fixture
def committed(model):
    got = []
    model.edit_committed.connect(lambda *args: got.append(args))
    return got


def _row(model, doc, seg_id):
    row = model.row_of(doc, seg_id)
    assert row >= 0
    return row


def _start_editing(qtbot, grid, row, key=Qt.Key.Key_F2):
    grid.select_row(row)
    grid.setFocus()
    qtbot.keyClick(grid, key)
    editor = grid.editor()
    assert isinstance(editor, CellEditor) and grid.is_editing()
    return editor


# -- editing ------------------------------------------------------------------


def test_typed_text_is_committed_exactly_and_not_written(qtbot, grid, model, review, doc, committed):
    row = _row(model, doc, "4")
    editor = _start_editing(qtbot, grid, row)
    assert editor.text() == "Important to follow."
    qtbot.keyClicks(editor, " Now")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert committed == [(doc, "4", "Important to follow. Now")]
    assert not grid.is_editing()
    assert review.target(doc, "4") == "Important to follow."  # the window applies it, not the model


def test_enter_and_double_click_start_editing_and_enter_commits(qtbot, grid, model, doc, committed):
    row = _row(model, doc, "19")
    editor = _start_editing(qtbot, grid, row, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert committed == [(doc, "19", "The executive meeting also studied and discussed other matters")]
    assert not grid.is_editing()
    # a double-click on another column of a row edits that row's Corrected cell
    other = _row(model, doc, "4")
    rect = grid.visualRect(model.index(other, SegmentTableModel.ID))
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert grid.is_editing() and grid.editor().index.row() == other and grid.editor().index.column() == CORRECTED


def test_unchanged_text_and_escape_commit_nothing(qtbot, grid, model, doc, committed):
    row = _row(model, doc, "4")
    editor = _start_editing(qtbot, grid, row)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # nothing typed
    assert committed == [] and not grid.is_editing()
    editor = _start_editing(qtbot, grid, row)
    qtbot.keyClicks(editor, "xyz")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert committed == [] and not grid.is_editing()
    editor = _start_editing(qtbot, grid, row)
    qtbot.keyClicks(editor, "x")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # typed, then back to the same text
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert committed == []


def test_clicking_another_row_commits_once(qtbot, grid, model, doc, committed):
    row = _row(model, doc, "4")
    editor = _start_editing(qtbot, grid, row)
    qtbot.keyClicks(editor, " Now")
    rect = grid.visualRect(model.index(row + 2, CORRECTED))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert committed == [(doc, "4", "Important to follow. Now")]
    assert not grid.is_editing() and grid.current_row() == row + 2


def test_ctrl_enter_commits_then_asks_to_confirm(qtbot, grid, model, doc, committed):
    order = []
    model.edit_committed.connect(lambda *a: order.append("edit"))
    grid.confirm_requested.connect(lambda *a: order.append(("confirm", *a)))
    row = _row(model, doc, "4")
    editor = _start_editing(qtbot, grid, row)
    qtbot.keyClicks(editor, "!")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert committed == [(doc, "4", "Important to follow.!")]
    assert order == ["edit", ("confirm", doc, "4")] and not grid.is_editing()
    # not editing: Ctrl+Enter confirms the current row
    grid.select_row(row + 1)
    qtbot.keyClick(grid, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert order[-1] == ("confirm", doc, "5") and len(committed) == 1


def test_no_break_spaces_survive_an_edit(qtbot, grid, model, review, doc, committed):
    review.set_target(doc, "4", "Important\u00a0to\u202ffollow.")
    model.refresh_row(doc, "4")
    editor = _start_editing(qtbot, grid, _row(model, doc, "4"))
    assert editor.text() == "Important\u00a0to\u202ffollow."
    qtbot.keyClicks(editor, "\u00a0!")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert committed == [(doc, "4", "Important\u00a0to\u202ffollow.\u00a0!")]


def test_ctrl_down_commits_and_edits_the_next_row(qtbot, grid, model, doc, committed):
    row = _row(model, doc, "4")
    editor = _start_editing(qtbot, grid, row)
    qtbot.keyClicks(editor, "?")
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert committed == [(doc, "4", "Important to follow.?")]
    assert grid.is_editing() and grid.editor().index.row() == row + 1 and grid.current_row() == row + 1
    qtbot.keyClick(grid.editor(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert grid.editor().index.row() == row and len(committed) == 1  # nothing typed in row + 1
    qtbot.keyClick(grid.editor(), Qt.Key.Key_Escape)
    # not editing: plain Up/Down and Ctrl+Up/Down move by one row
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.current_row() == row + 1
    qtbot.keyClick(grid, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert grid.current_row() == row and not grid.is_editing()


def test_undo_keys_go_to_the_window(qtbot, model, provider, doc, committed):
    window = QWidget()
    qtbot.addWidget(window)
    grid = SegmentGrid()
    QVBoxLayout(window).addWidget(grid)
    grid.setModel(model)
    undone = []
    undo = QAction("Undo", window)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.triggered.connect(lambda: undone.append(True))
    window.addAction(undo)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor = _start_editing(qtbot, grid, _row(model, doc, "4"))
    assert not editor.isUndoRedoEnabled()
    qtbot.keyClicks(editor, "ab")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [True] and editor.text() == "Important to follow.ab"


def test_editor_follows_the_model_only_when_nothing_was_typed(qtbot, grid, model, review, doc, committed):
    row = _row(model, doc, "4")
    editor = _start_editing(qtbot, grid, row)
    review.set_target(doc, "4", "Important to follow, indeed.")  # e.g. the window undid or accepted
    model.refresh_row(doc, "4")
    assert editor.text() == "Important to follow, indeed."
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, "!")
    review.set_target(doc, "4", "Something else.")
    model.refresh()  # a check run repaints every row: the typing stays
    assert editor.text() == "Important to follow, indeed.!"
    grid.commit_edit()
    assert committed == [(doc, "4", "Important to follow, indeed.!")] and grid.is_editing()


def test_copy_mt_to_target(qtbot, grid, model, review, doc, committed):
    row = _row(model, doc, "2")
    mt = review.documents[0].segment("2").target
    grid.select_row(row)
    assert not grid.copy_mt_to_target() and committed == []  # the target is the MT already
    review.set_target(doc, "2", "Zhou Pengju presided over the meeting.")
    model.refresh_row(doc, "2")
    assert grid.copy_mt_to_target()
    assert committed == [(doc, "2", mt)]
    editor = _start_editing(qtbot, grid, row)  # while editing: into the editor, and committed
    qtbot.keyClicks(editor, " More.")
    assert grid.copy_mt_to_target()
    assert editor.text() == mt and committed[-1] == (doc, "2", mt) and grid.is_editing()


# -- columns and rows -----------------------------------------------------------


def test_mt_column_toggles_and_source_needs_a_source(grid, model):
    grid.set_mt_visible(False)
    assert grid.isColumnHidden(SegmentTableModel.MT) and not grid.mt_visible()
    grid.set_mt_visible(True)
    assert grid.mt_visible() and not grid.isColumnHidden(SegmentTableModel.MT)
    grid.set_source_visible(True)
    assert not model.has_sources() and not grid.source_visible()  # the sample is English only
    assert not grid.isColumnHidden(CORRECTED)


def test_rows_grow_with_their_text(qtbot, grid, model, doc):
    short, long_ = _row(model, doc, "4"), _row(model, doc, "8")
    line = grid.fontMetrics().lineSpacing()
    assert grid.rowHeight(short) < 2 * line + 12
    assert grid.rowHeight(long_) > 3 * grid.rowHeight(short)
    assert grid.rowHeight(long_) == grid.row_height_for(long_)
    wide = grid.rowHeight(long_)
    grid.resize(700, 500)
    qtbot.waitUntil(lambda: grid.rowHeight(long_) > wide)
    # a row grows as the reviewer types
    before = grid.rowHeight(short)
    editor = _start_editing(qtbot, grid, short)
    qtbot.keyClicks(editor, " and also follow the whole of it, every word of it, to the end of the line" * 2)
    qtbot.waitUntil(lambda: grid.rowHeight(short) > before)
    assert editor.height() >= editor.content_height() - 2


def test_mt_visible_makes_rows_no_shorter(qtbot, grid, model, doc):
    row = _row(model, doc, "7")
    grid.set_mt_visible(False)
    qtbot.waitUntil(lambda: grid.rowHeight(row) == grid.row_height_for(row))
    alone = grid.rowHeight(row)
    grid.set_mt_visible(True)  # the Corrected column is half as wide: more lines
    qtbot.waitUntil(lambda: grid.rowHeight(row) > alone)


# -- the delegate --------------------------------------------------------------


def _format_at(document, pos) -> QTextCharFormat:
    cursor = QTextCursor(document)
    cursor.setPosition(pos + 1)
    return cursor.charFormat()


def test_delegate_paints_term_hits_and_findings(grid, model, review, doc, calls):
    pixmap = grid.grab()
    assert not pixmap.isNull() and pixmap.width() == 1280
    assert calls, "the provider was asked for the visible rows"
    row = _row(model, doc, "5")
    index = model.index(row, CORRECTED)
    cell = grid.target_delegate.cell_document(index, grid.columnWidth(CORRECTED), grid.font())
    text = review.target(doc, "5")
    assert cell.document.toRawText() == text
    finding = next(f for f in review.open_findings() if f.segment == "5" and f.text == "two establishments")
    assert _format_at(cell.document, finding.start).background().color() == QColor(SEVERITY_COLOURS[finding.severity.value])
    hit = next(h for h in review.matcher.match(text) if h.acceptable)
    fmt = _format_at(cell.document, hit.start)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    hit = next(h for h in review.matcher.match(text) if not h.acceptable)
    assert _format_at(cell.document, hit.start).underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert any(tip == finding.message for _s, _e, tip in cell.spans)
    # the provider is asked once per cell and text, not at every paint
    asked = len(calls)
    grid.grab()
    assert len(calls) == asked


def test_delegate_skips_spans_past_the_text(grid, model, review, doc):
    text = review.target(doc, "4")
    real = next(f for f in review.findings if f.segment == "5")
    stale = [dataclasses.replace(real, segment="4", start=len(text) + 3, end=len(text) + 9)]
    grid.set_annotations(lambda d, s: ([], stale) if s == "4" else ([], []))
    index = model.index(_row(model, doc, "4"), CORRECTED)
    cell = grid.target_delegate.cell_document(index, 400, grid.font())
    assert cell.spans == []
    assert not grid.grab().isNull()


def test_word_diff_view_of_a_changed_segment(qtbot, grid, model, review, doc):
    review.set_target(doc, "4", "Important to obey.")
    model.refresh_row(doc, "4")
    row = _row(model, doc, "4")
    index = model.index(row, CORRECTED)
    assert grid.target_delegate.cell_document(index, 600, grid.font()).document.toRawText() == "Important to obey."
    grid.set_diff_visible(True)
    cell = grid.target_delegate.cell_document(index, 600, grid.font())
    shown = cell.document.toRawText()
    assert "follow" in shown and "obey" in shown
    assert _format_at(cell.document, shown.index("follow")).fontStrikeOut()
    assert not grid.grab().isNull()


def test_tooltip_names_the_term_under_the_mouse(qtbot, grid, model, review, doc, monkeypatch):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem, QToolTip

    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    row = _row(model, doc, "5")
    index = model.index(row, CORRECTED)
    rect = grid.visualRect(index)
    cell = grid.target_delegate.cell_document(index, rect.width(), grid.font())
    start, end, tip = cell.spans[0]
    layout = cell.document.documentLayout()
    block = cell.document.findBlock(start)
    line = block.layout().lineForTextPosition(start - block.position())
    x = line.cursorToX(start - block.position() + 1)
    x = x[0] if isinstance(x, tuple) else x
    point = rect.topLeft() + QPoint(int(x), int(block.layout().position().y() + line.y() + line.height() / 2))
    assert layout.hitTest(point - rect.topLeft(), Qt.HitTestAccuracy.ExactHit) in range(start, end)
    option = QStyleOptionViewItem()
    option.rect = rect
    option.font = grid.font()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, grid.viewport().mapToGlobal(point))
    assert grid.target_delegate.helpEvent(event, grid, option, index)
    assert shown and tip in shown[0]


# -- the keyboard flow's helpers ---------------------------------------------------


def test_next_open_row(grid, model, review, doc):
    counts = {seg: model.findings_count(model.row_of(doc, seg)) for _d, seg in model.keys()}
    assert [seg for seg, n in counts.items() if n == 0] == ["4", "10", "19"]
    assert grid.next_open_row(0) == 0  # every segment is still "translated"
    for _d, seg in model.keys():
        review.set_state(doc, seg, "reviewed")
    review.set_state(doc, "20", "final")
    model.refresh()
    # reviewed segments with open findings are still open; 4, 10 and 19 are done
    assert grid.next_open_row(_row(model, doc, "4")) == _row(model, doc, "5")
    assert grid.next_open_row(_row(model, doc, "10"), -1) == _row(model, doc, "9")
    assert grid.next_open_row(_row(model, doc, "19")) == _row(model, doc, "20")
    for f in [f for f in review.open_findings() if f.segment == "20"]:
        review.dismiss(f)
    model.refresh()
    assert grid.next_open_row(_row(model, doc, "19")) == -1
    assert grid.next_open_row(_row(model, doc, "19"), wrap=True) == 0
    review.set_state(doc, "4", "translated")
    model.refresh()
    assert grid.next_open_row(_row(model, doc, "4")) == _row(model, doc, "4")
    grid.select_row(grid.next_open_row(_row(model, doc, "4")), edit=True)
    assert grid.current_key() == (doc, "4") and grid.is_editing()


def test_model_edits_only_when_editable(qtmodeltester, review, doc):
    model = SegmentTableModel(review)
    index = model.index(model.row_of(doc, "4"), CORRECTED)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    model.set_editable(True)
    qtmodeltester.check(model)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, SegmentTableModel.MT)) & Qt.ItemFlag.ItemIsEditable
    got = []
    model.edit_committed.connect(lambda *a: got.append(a))
    assert not model.setData(index, "Important to follow.")
    assert model.setData(index, "Important to follow!") and got == [(doc, "4", "Important to follow!")]
    assert not model.setData(model.index(0, SegmentTableModel.MT), "x") and len(got) == 1
