"""Small helpers shared by the windows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from reviewer.gui.i18n import tr


def make_action(parent: QWidget, text: str, shortcut: Any, slot: Any) -> QAction:
    """A QAction with an optional shortcut (a string or a standard key) connected to ``slot``;
    ``text`` is translated (:func:`reviewer.gui.i18n.tr`)."""
    action = QAction(tr(text), parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    action.triggered.connect(slot)
    return action


def add_edit_menu(window: QMainWindow, stack: QUndoStack) -> QMenu:
    """An Edit menu with Undo and Redo of ``stack`` (standard shortcuts; the items name the step
    they will undo or redo). The actions call ``stack.undo``/``stack.redo`` as Python methods, so
    a stack that settles pending work first (:class:`reviewer.gui.undo.ReviewUndoStack`) does."""
    menu = window.menuBar().addMenu(tr("&Edit"))
    for label, key, can, text_of, changed, enabled, run in (
        (tr("&Undo"), QKeySequence.StandardKey.Undo, stack.canUndo, stack.undoText, stack.undoTextChanged, stack.canUndoChanged, stack.undo),
        (tr("&Redo"), QKeySequence.StandardKey.Redo, stack.canRedo, stack.redoText, stack.redoTextChanged, stack.canRedoChanged, stack.redo),
    ):
        action = QAction(label, window)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        def name(step: str, action: QAction = action, label: str = label) -> None:
            action.setText(f"{label} {step}" if step else label)

        name(text_of())
        action.setEnabled(can())
        changed.connect(name)
        enabled.connect(action.setEnabled)
        action.triggered.connect(lambda _checked=False, run=run: run())
        menu.addAction(action)
    return menu
