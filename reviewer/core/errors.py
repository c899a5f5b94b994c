"""Errors the core raises for bad input; the CLI and GUI turn them into messages."""

from __future__ import annotations

from pathlib import Path


class ReviewerError(Exception):
    """Base class for every error the user should see as a message, not a traceback."""


class InputError(ReviewerError):
    """A file could not be read or understood.

    Args:
        path: the offending file.
        reason: one sentence saying what is wrong, for the user.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(ReviewerError):
    """A file could not be written (permissions, full disk, refused overwrite)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
