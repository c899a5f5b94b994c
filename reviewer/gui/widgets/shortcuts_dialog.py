"""Help ▸ Keyboard Shortcuts: every command of the menus with its shortcut, each one rebindable.

A rebound shortcut is kept in the settings under ``shortcuts/<command>`` (the command's
untranslated menu text, :func:`reviewer.gui.actions.action_id`) and applied to every new window
(:func:`apply_shortcuts`). Clearing a shortcut leaves the command without one; *Reset All* goes
back to the defaults.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.i18n import tr

PREFIX = "shortcuts/"


def menu_actions(window: QMainWindow) -> Iterator[tuple[str, QAction]]:
    """``(menu title, action)`` for every command of ``window``'s menus (not submenus or separators)."""
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None or not action.objectName():
                continue
            yield menu_action.text().replace("&", ""), action


def defaults(action: QAction) -> list[QKeySequence]:
    """The shortcuts ``action`` was made with."""
    return [QKeySequence(k) for k in (action.property("defaultShortcuts") or [])]


def apply_shortcuts(window: QMainWindow, settings: QSettings) -> None:
    """Put the shortcuts kept in ``settings`` on ``window``'s commands (the others keep their
    defaults). A stored empty value means the user removed the shortcut."""
    for _menu, action in menu_actions(window):
        stored = settings.value(PREFIX + action.objectName())
        if stored is None:
            continue
        action.setShortcuts([QKeySequence(k) for k in str(stored).split("\n") if k])


def conflicts(bindings: dict[str, str]) -> list[str]:
    """Lines naming every key bound to more than one command (``bindings``: command → key)."""
    by_key: dict[str, list[str]] = {}
    for command, key in bindings.items():
        if key:
            by_key.setdefault(key, []).append(command)
    return [f"{key}: {', '.join(commands)}" for key, commands in sorted(by_key.items()) if len(commands) > 1]


class ShortcutsDialog(QDialog):
    """The list of commands and shortcuts; the shortcut column is edited in place (click a cell
    and press the new keys; Backspace in an empty cell clears it).

    Args:
        window: the window whose commands are listed and rebound.
        settings: where the rebound shortcuts are kept.
    """

    def __init__(self, window: QMainWindow, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(640, 620)
        self.settings = settings
        self.commands = list(menu_actions(window))
        self.table = QTableWidget(len(self.commands), 2)
        self.table.setHorizontalHeaderLabels([tr("Command"), tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 200)
        self.edits: list[QKeySequenceEdit] = []
        for row, (menu, action) in enumerate(self.commands):
            item = QTableWidgetItem(f"{menu} ▸ {action.text().replace('&', '')}")
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            self.table.setItem(row, 0, item)
            edit = QKeySequenceEdit(action.shortcut())
            edit.setMaximumSequenceLength(1)
            edit.setAccessibleName(f"Shortcut of {action.objectName()}")
            edit.keySequenceChanged.connect(lambda _seq: self._check())
            self.table.setCellWidget(row, 1, edit)
            self.edits.append(edit)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b71c1c;")
        reset = QPushButton(tr("Reset All"))
        reset.clicked.connect(self.reset)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Click a shortcut and press the new keys.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self._check()

    def bindings(self) -> dict[str, str]:
        """Command → the key shown for it now (``""`` for none)."""
        return {action.objectName(): edit.keySequence().toString() for (_m, action), edit in zip(self.commands, self.edits)}

    def text(self) -> str:
        """The sheet as text, one ``key  Menu ▸ Command`` line per command with a shortcut."""
        rows = []
        for (menu, action), edit in zip(self.commands, self.edits):
            key = edit.keySequence().toString(QKeySequence.SequenceFormat.NativeText)
            if key:
                rows.append(f"{key}  {menu} ▸ {action.text().replace('&', '')}")
        return "\n".join(rows)

    def _check(self) -> None:
        clashes = conflicts(self.bindings())
        self.warning.setText((tr("The same key is bound twice:") + " " + "; ".join(clashes)) if clashes else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not clashes)

    def reset(self) -> None:
        """Every command back to its default shortcut (saved with OK)."""
        for (_m, action), edit in zip(self.commands, self.edits):
            keys = defaults(action)
            edit.setKeySequence(keys[0] if keys else QKeySequence())

    def save(self) -> None:
        """Keep the shortcuts that differ from the defaults in the settings, apply them all."""
        for (_m, action), edit in zip(self.commands, self.edits):
            key = edit.keySequence()
            default = defaults(action)
            if (default[0] if default else QKeySequence()) == key:
                self.settings.remove(PREFIX + action.objectName())
                action.setShortcuts(default)
            else:
                self.settings.setValue(PREFIX + action.objectName(), key.toString())
                action.setShortcuts([key] if not key.isEmpty() else [])
        self.accept()
