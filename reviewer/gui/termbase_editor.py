"""The termbase editor window; its parts are in :mod:`reviewer.gui.termbase`.

Kept so that ``from reviewer.gui.termbase_editor import TermbaseEditor`` goes on working.
"""

from __future__ import annotations

from reviewer.gui.termbase.commands import TermbaseCommand
from reviewer.gui.termbase.editor import OccurrenceFinder, TermbaseEditor

__all__ = ["OccurrenceFinder", "TermbaseCommand", "TermbaseEditor"]
