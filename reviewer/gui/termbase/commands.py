"""The undo command of the termbase editor: every edit is one, and undo is exact."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from reviewer.core.termbase import Concept, Termbase


class EditedTermbase(Protocol):
    """What a :class:`TermbaseCommand` needs of the editor."""

    termbase: Termbase

    def current_id(self) -> str | None:
        """Id of the concept shown, or ``None``."""

    def edited(self, select: str | None) -> None:
        """The termbase changed: refresh, showing concept ``select``."""


class TermbaseCommand(QUndoCommand):
    """An edit of the termbase, undone by restoring the concept list as it was.

    Args:
        editor: the editor whose termbase changes.
        text: the undo text (“add “seaport””).
        change: makes the edit the first time (raises ``ValueError`` when refused); redo
            after an undo restores the concept list it produced.
        select: the concept to show after the edit (default: the one shown now).
    """

    def __init__(self, editor: EditedTermbase, text: str, change: Callable[[], object], select: str | None = None) -> None:
        super().__init__(text)
        self.editor = editor
        self.change: Callable[[], object] | None = change
        self.before = copy.deepcopy(editor.termbase.concepts)
        self.after: list[Concept] | None = None
        self.select = select or editor.current_id()
        self.select_before = editor.current_id()

    def redo(self) -> None:
        tb = self.editor.termbase
        if self.change is not None:
            self.change()
            self.change = None
            self.after = copy.deepcopy(tb.concepts)
        elif self.after is not None:
            tb.concepts = copy.deepcopy(self.after)
        self.editor.edited(self.select)

    def undo(self) -> None:
        self.editor.termbase.concepts = copy.deepcopy(self.before)
        self.editor.edited(self.select_before)


def try_change(change: Callable[[], object], real: Termbase) -> None:
    """Run ``change`` against a copy of ``real``'s concepts, to see whether it raises;
    ``real`` is left as it was either way.

    Raises:
        ValueError, KeyError, IndexError: what ``change`` raises.
    """
    concepts = real.concepts
    real.concepts = copy.deepcopy(concepts)
    try:
        change()
    finally:
        real.concepts = concepts
