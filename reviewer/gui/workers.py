"""The one way to run core work off the GUI thread.

``run_in_background(fn, on_success, on_failure)`` runs ``fn(progress)`` in a
Python thread. ``progress`` is a core progress callback; results, errors and
progress reach the GUI thread only through Qt signals (queued, because the
signals object lives in the GUI thread).

Python threads rather than Qt's thread pool: C parsers (expat, via the TBX
reader) run in threads the interpreter created itself, which has proved
reliable where a pool thread crashed once in a few dozen test runs.

With ``REVIEWER_SYNC_TASKS=1`` (the GUI tests set it) the work runs on the GUI
thread at the next turn of the event loop instead, so results arrive in a
fixed order; one test runs the real threads.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.core.progress import Cancelled

#: How often (seconds) a Python thread hands the interpreter lock to another. The default,
#: 5 ms, lets a checking thread make the GUI thread wait 5 ms for each Python call a paint
#: needs (a table row's data), so a window over a long document paints slowly while it is
#: checked; 1 ms keeps painting quick at a small cost to the worker.
SWITCH_INTERVAL = 0.001
sys.setswitchinterval(SWITCH_INTERVAL)


class _Signals(QObject):
    """Signals of a :class:`Task`.

    Signals:
        progress(int, int, str): done, total, label.
        succeeded(object): the function's result.
        failed(object, str): the exception and its formatted traceback.
        cancelled(): the work was cancelled.
    """

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class Task:
    """A unit of core work for a background thread.

    Args:
        fn: ``fn(progress) -> result``, run in a worker thread.
    """

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn = fn
        self.signals = _Signals()
        self._cancel = False
        self.thread: threading.Thread | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel = True

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel

    def __call__(self, done: int, total: int, label: str) -> None:  # the progress callback
        if self._cancel:
            raise Cancelled()
        self.signals.progress.emit(done, total, label)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the GUI thread, shown in a dialog
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)


def run_in_background(
    fn: Callable[[Any], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException, str], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Task:
    """Start ``fn(progress)`` in the global thread pool and wire its signals.

    Returns:
        The task, for cancelling and for tests to wait on its signals.
    """
    task = Task(fn)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if os.environ.get("REVIEWER_SYNC_TASKS") == "1":
        # tests: the work runs on the GUI thread at the next turn of the event loop, so results
        # arrive in a fixed order (the caller has registered the task by then)
        QTimer.singleShot(0, task.run)
        return task
    task.thread = threading.Thread(target=_run, args=(task,), name="reviewer-task", daemon=True)
    with _lock:
        _running.add(task)
    task.thread.start()
    return task


_lock = threading.Lock()
_running: set[Task] = set()


def _run(task: Task) -> None:
    try:
        task.run()
    finally:
        with _lock:
            _running.discard(task)


def wait_for_all(timeout: float = 20.0) -> bool:
    """Wait until no background task runs (tests, and closing the window); False on time-out."""
    deadline = time.monotonic() + timeout
    while True:
        with _lock:
            threads = [t.thread for t in _running if t.thread is not None]
        if not threads:
            return True
        for th in threads:
            th.join(max(0.0, deadline - time.monotonic()))
        if time.monotonic() >= deadline:
            with _lock:
                return not _running
