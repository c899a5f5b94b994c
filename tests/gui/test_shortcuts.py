"""CAT keyboard habits: Ctrl+Enter confirms and moves on, every command has a place in the
shortcut sheet, and shortcuts can be rebound and are kept in the settings (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.gui.main_window import MainWindow
from reviewer.gui.widgets.shortcuts_dialog import ShortcutsDialog, conflicts, menu_actions


def make(qtbot, settings, sample_path=None):
    w = MainWindow([SHIPPED_TERMBASE], settings)
    qtbot.addWidget(w)
    w.show()
    if sample_path is not None:
        w.session.open_files([sample_path])
        qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    return w


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("warnings/openMajorOnReview", "false")
    return s


def action(w, name):
    return next(a for _m, a in menu_actions(w) if a.objectName() == name)


def test_ctrl_enter_in_the_editor_confirms_and_goes_to_the_next_open_segment(qtbot, settings, sample_path):
    w = make(qtbot, settings, sample_path)
    w.activateWindow()
    doc = w.review.doc_key(w.review.documents[0])
    assert w.current == (doc, "1")
    w.segments.edit_row(0)
    editor = w.segments.editor()
    qtbot.keyClicks(editor, "Edited: ")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.state(doc, "1") == "reviewed" and w.current == (doc, "2")
    assert w.review.target(doc, "1").endswith("work.Edited: ") and "\n" not in w.review.target(doc, "1")
    editor = w.segments.editor()  # the next segment is open for editing
    assert editor is not None and editor.text() == w.review.target(doc, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.current == (doc, "3")
    qtbot.keyClick(w.segments.editor(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert w.current == (doc, "2")
    # with the editor closed, the window's shortcuts do the same
    w.segments.close_edit()
    w.segments.setFocus()
    qtbot.keyClick(w.segments, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.current == (doc, "3")
    w.undo_stack.undo()  # the confirmation, then the typing
    assert w.review.state(doc, "1") == "translated" and w.review.target(doc, "1").endswith("work.Edited: ")
    w.undo_stack.undo()
    assert not w.review.target(doc, "1").endswith("work.Edited: ")


def test_copy_mt_to_target_is_one_undo_step(qtbot, settings, sample_path):
    w = make(qtbot, settings, sample_path)
    doc = w.review.doc_key(w.review.documents[0])
    mt = w.review.documents[0].segment("1").target
    w.decisions.edit_current("Something else entirely.")
    assert w.review.target(doc, "1") == "Something else entirely."
    action(w, "Copy MT to Target").trigger()
    assert w.review.target(doc, "1") == mt and w.undo_stack.undoText() == "copy the MT to segment 1"
    w.undo_stack.undo()
    assert w.review.target(doc, "1") == "Something else entirely."


def test_every_command_is_listed_and_shortcuts_are_unique(qtbot, settings):
    w = make(qtbot, settings)
    commands = list(menu_actions(w))
    assert len(commands) > 50 and {"Undo", "Redo", "Accept Suggestion", "Dismiss as False Positive"} <= {a.objectName() for _m, a in commands}
    bound = {a.objectName(): a.shortcut().toString() for _m, a in commands}
    assert conflicts(bound) == []
    assert action(w, "Confirm Segment and Go to Next").shortcuts()[:2] == [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]


def test_a_rebound_shortcut_is_kept_and_a_clash_is_refused(qtbot, settings):
    w = make(qtbot, settings)
    dialog = ShortcutsDialog(w, settings)
    names = [a.objectName() for _m, a in dialog.commands]
    copy_mt = names.index("Copy MT to Target")
    dialog.edits[copy_mt].setKeySequence(QKeySequence("F8"))  # F8 is Next Finding
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "F8" in dialog.warning.text()
    dialog.edits[copy_mt].setKeySequence(QKeySequence("F9"))
    assert ok.isEnabled() and dialog.warning.text() == ""
    dialog.save()
    assert settings.value("shortcuts/Copy MT to Target") == "F9"
    assert action(w, "Copy MT to Target").shortcut() == QKeySequence("F9")
    # a new window takes the rebound key; Reset All goes back to the default
    second = make(qtbot, settings)
    assert action(second, "Copy MT to Target").shortcut() == QKeySequence("F9")
    again = ShortcutsDialog(second, settings)
    again.reset()
    again.save()
    assert settings.value("shortcuts/Copy MT to Target") is None
    assert action(second, "Copy MT to Target").shortcut() == QKeySequence("Ctrl+Insert")
