"""Small helpers shared by the windows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from reviewer.gui.i18n import tr


def make_action(parent: QWidget, text: str, shortcut: Any, slot: Any) -> QAction:
    """A QAction with optional shortcuts (a string, a standard key, or a list of them, the first
    shown in the menu) connected to ``slot``; ``text`` is translated
    (:func:`reviewer.gui.i18n.tr`). Its object name is :func:`action_id` of ``text`` (the key
    of a rebound shortcut in the settings) and its ``defaultShortcuts`` property keeps the
    shortcuts it was made with."""
    action = QAction(tr(text), parent)
    action.setObjectName(action_id(text))
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]
        action.setShortcuts([QKeySequence(k) if isinstance(k, str) else QKeySequence(k) for k in keys])
    action.setProperty("defaultShortcuts", [k.toString() for k in action.shortcuts()])
    action.triggered.connect(slot)
    return action


def action_id(text: str) -> str:
    """The settings key of a command: its untranslated menu text without ``&`` and ``…``
    (``"Mark &Reviewed and Go to Next"`` → ``"Mark Reviewed and Go to Next"``)."""
    return text.replace("&", "").rstrip("…").strip()


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
        action.setObjectName(action_id(label.replace(tr("&Undo"), "Undo").replace(tr("&Redo"), "Redo")))
        action.setProperty("defaultShortcuts", [action.shortcut().toString()])
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
