"""Progress reporting and cancellation for long core work.

Long operations take an optional ``progress(done, total, label)`` callback. The
GUI adapts it to Qt signals; a callback may raise :class:`Cancelled` to stop the
work, and the core lets that exception through untouched.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised (by a progress callback) to stop long work at the next step."""


class ProgressCallback(Protocol):
    """``progress(done, total, label)``: ``done`` of ``total`` steps, with a label."""

    def __call__(self, done: int, total: int, label: str) -> None: ...


def check_cancel(progress: ProgressCallback | None) -> None:
    """Let a callback with an ``is_cancelled()`` method stop the work.

    Raises:
        Cancelled: the callback says the work was cancelled.
    """
    is_cancelled = getattr(progress, "is_cancelled", None)
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
