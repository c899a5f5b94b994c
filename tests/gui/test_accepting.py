"""Accepting in the window: the preview of the whole segment, suggestions the tool could not
place, and one undo history that runs in the order of the reviewer's actions (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.core.review import Decision
from reviewer.gui.main_window import MainWindow

MANUAL_TEXT = "revitalize the Northeast in a new era"  # segment 9 of the sample: a verb phrase with a noun rendering


@pytest.fixture
def window(qtbot, tmp_path, sample_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow([SHIPPED_TERMBASE], settings)
    qtbot.addWidget(w)
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    yield w
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)


def show(w, f):
    w.select_segment(f.document, f.segment)
    w.panel.select_finding(f)
    assert w.panel.current_finding().key == f.key


def test_the_preview_shows_the_whole_segment_after_the_change(window):
    f = next(x for x in window.review.findings if x.text == "two establishments")
    show(window, f)
    before = window.review.target(f.document, f.segment)
    preview = window.panel.preview.toPlainText()
    assert f.message in preview and "Accepting gives:" in preview
    # the word diff holds the old and new words, and everything else of the segment once
    after = window.review.accepted_text(f)
    assert "two establishments" in preview and f.suggestion in preview
    assert preview.split("Accepting gives: ", 1)[1].replace("two establishments", "", 1).replace(f.suggestion, "", 1) == (
        after.replace(f.suggestion, "", 1)
    )
    assert window.review.target(f.document, f.segment) == before  # nothing applied by looking
    assert window.panel.accept_button.isEnabled() and not window.panel.copy_button.isVisible()


def test_a_suggestion_the_tool_cannot_place_is_copied_not_applied(qtbot, window, monkeypatch):
    f = next(x for x in window.review.findings if x.text == MANUAL_TEXT)
    assert f.manual
    show(window, f)
    before = window.review.target(f.document, f.segment)
    assert not window.panel.accept_button.isEnabled()
    assert window.panel.copy_button.isVisible() and window.panel.force_button.isVisible()
    assert "Place the term by hand:" in window.panel.preview.toPlainText() and "needs a verb" in window.panel.preview.toPlainText()
    window.decisions.accept_current()  # Ctrl+Return: no change, the term is copied and the span selected
    assert window.review.target(f.document, f.segment) == before and window.undo_stack.count() == 0
    assert QGuiApplication.clipboard().text() == f.suggestion
    # the grid's editor is open on the segment with the flagged words selected, to paste over
    assert window.segments.editor().textCursor().selectedText() == MANUAL_TEXT
    window.decisions.accept_finding(f)  # a direct accept is refused with the reason
    assert window.review.target(f.document, f.segment) == before
    # Apply anyway asks first; No leaves it, Yes applies it as one undo step
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.panel.force_button.click()
    assert window.review.target(f.document, f.segment) == before
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window.panel.force_button.click()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20000)
    assert "needs a verb" in asked[0] and f.suggestion in asked[0]
    assert window.review.target(f.document, f.segment) == before.replace(MANUAL_TEXT, f.suggestion)
    window.undo_stack.undo()
    assert window.review.target(f.document, f.segment) == before


def type_in(qtbot, w, text):
    """Type ``text`` at the end of the current segment, in the grid's editor (left open)."""
    w.segments.edit_row(w.segments.current_row())
    editor = w.segments.editor()
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, text)
    return editor


def test_typing_then_dismissing_undoes_in_that_order_from_the_editor(qtbot, window):
    """The issue's case: type, dismiss at once (the typing not yet handed over), then Ctrl+Z in
    the corrected text. The dismissal is undone first, then the typing; the menu names each."""
    w = window
    w.activateWindow()
    f = next(x for x in w.review.findings if x.text == "two establishments")
    show(w, f)
    doc, seg = f.document, f.segment
    original = w.review.target(doc, seg)
    editor = type_in(qtbot, w, " Typed")
    assert w.has_pending_edit()
    w.decisions.dismiss_current()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, seg) == original + " Typed" and w.review.decision(f) is Decision.DISMISSED
    assert w.undo_stack.count() == 2 and w.undo_stack.command(0).text().startswith("edit segment")
    undo = next(a for a in w.menuBar().actions()[1].menu().actions() if a.shortcut().matches(Qt.Key.Key_Z | Qt.KeyboardModifier.ControlModifier) or a.text().startswith("&Undo"))
    assert undo.text() == "&Undo dismiss “two establishments”"
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.decision(f) is Decision.OPEN and w.review.target(doc, seg) == original + " Typed"
    assert editor.text() == original + " Typed"
    assert undo.text() == f"&Undo edit segment {seg}"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, seg) == original and editor.text() == original
    qtbot.keyClick(editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, seg) == original + " Typed"


def test_undo_right_after_typing_undoes_the_typing(qtbot, window):
    w = window
    w.activateWindow()
    f = next(x for x in w.review.findings if x.text == "two establishments")
    show(w, f)
    doc, seg = f.document, f.segment
    original = w.review.target(doc, seg)
    w.decisions.accept_finding(f)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    accepted = w.review.target(doc, seg)
    editor = type_in(qtbot, w, " More")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, seg) == accepted and editor.text() == accepted
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, seg) == original
