"""The one way to run core work off the GUI thread.

``run_in_background(fn, on_success, on_failure)`` runs ``fn(progress)`` in a
Python thread. ``progress`` is a core progress callback. The worker thread never
touches Qt: it only stores its latest progress and, at the end, its result or
error in the task (under a lock). A timer on the GUI thread (:class:`_Poller`,
every 15 ms while tasks run) picks them up and emits the task's signals there.
Emitting Qt signals from a Python thread crashed PySide6 now and then (a
reference-count error, "deallocating True or False") and lost a result once in a
while; with no cross-thread Qt call at all, neither can happen.

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
        self._state_lock = threading.Lock()
        self._progress: tuple[int, int, str] | None = None
        self._outcome: tuple[str, Any, str] | None = None  # ("succeeded" | "failed" | "cancelled", value, details)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel = True

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel

    def __call__(self, done: int, total: int, label: str) -> None:  # the progress callback
        if self._cancel:
            raise Cancelled()
        with self._state_lock:
            self._progress = (done, total, label)

    def run(self) -> None:
        """Run the work and keep its outcome for the GUI thread."""
        try:
            result = self.fn(self)
        except Cancelled:
            outcome: tuple[str, Any, str] = ("cancelled", None, "")
        except Exception as exc:  # reported to the GUI thread, shown in a dialog
            outcome = ("failed", exc, traceback.format_exc())
        else:
            outcome = ("succeeded", result, "")
        with self._state_lock:
            self._outcome = outcome

    def deliver(self) -> bool:
        """On the GUI thread: emit the progress and, when the work is over, its outcome.
        Returns true when the task is finished."""
        with self._state_lock:
            progress, self._progress = self._progress, None
            outcome = self._outcome
        if progress is not None:
            self.signals.progress.emit(*progress)
        if outcome is None:
            return False
        kind, value, details = outcome
        # a delivered task keeps neither its work (with what it closed over: a snapshot of the
        # review) nor its result: the slots connected to its signals, which often close over the
        # task itself, would otherwise keep both alive for the rest of the session
        with self._state_lock:
            self.fn = _delivered
            self._outcome = (kind, None, "")
        if kind == "succeeded":
            self.signals.succeeded.emit(value)
        elif kind == "failed":
            self.signals.failed.emit(value, details)
        else:
            self.signals.cancelled.emit()
        return True


def _delivered(_progress: Any) -> None:
    """The work of a task whose outcome was delivered (see :meth:`Task.deliver`)."""
    raise RuntimeError("this task has run already")


class _Poller(QObject):
    """Delivers finished and progressing tasks on the GUI thread (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self.poll)
        self.tasks: list[Task] = []

    def add(self, task: Task) -> None:
        self.tasks.append(task)
        if not self.timer.isActive():
            self.timer.start()

    def poll(self) -> None:
        for task in list(self.tasks):
            if task.deliver():
                self.tasks.remove(task)
        if not self.tasks:
            self.timer.stop()


_poller: _Poller | None = None


def run_in_background(
    fn: Callable[[Any], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException, str], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Task:
    """Start ``fn(progress)`` in a worker thread and wire its signals (delivered on the GUI
    thread, see the module docstring). Call it from the GUI thread.

    Returns:
        The task, for cancelling and for tests to wait on its signals.
    """
    global _poller
    task = Task(fn)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if os.environ.get("REVIEWER_SYNC_TASKS") == "1":
        # tests: the work runs on the GUI thread at the next turn of the event loop, so results
        # arrive in a fixed order (the caller has registered the task by then)
        def run_now() -> None:
            task.run()
            task.deliver()

        QTimer.singleShot(0, run_now)
        return task
    if _poller is None:
        _poller = _Poller()
    task.thread = threading.Thread(target=_run, args=(task,), name="reviewer-task", daemon=True)
    with _lock:
        _running.add(task)
    _poller.add(task)
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
