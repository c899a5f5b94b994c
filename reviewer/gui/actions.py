"""Small helpers shared by the windows."""

from __future__ import annotations

from typing import Any

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
    """An Edit menu with Undo and Redo of ``stack`` (standard shortcuts, named steps)."""
    menu = window.menuBar().addMenu(tr("&Edit"))
    undo = stack.createUndoAction(window, tr("&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, tr("&Redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    menu.addAction(undo)
    menu.addAction(redo)
    return menu
