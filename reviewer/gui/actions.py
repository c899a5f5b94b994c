"""Small helpers shared by the windows."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget


def make_action(parent: QWidget, text: str, shortcut: Any, slot: Any) -> QAction:
    """A QAction with an optional shortcut (a string or a standard key) connected to ``slot``."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, str) else shortcut)
    action.triggered.connect(slot)
    return action


def add_edit_menu(window: QMainWindow, stack: QUndoStack) -> QMenu:
    """An Edit menu with Undo and Redo of ``stack`` (standard shortcuts, named steps)."""
    menu = window.menuBar().addMenu("&Edit")
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    menu.addAction(undo)
    menu.addAction(redo)
    return menu
