"""Keeping the cyclic garbage collector from freezing the window.

A batch of 20,000 segments keeps over a million Python objects alive (segments,
findings, term hits). CPython's full collection walks every one of them, and
while it does, no other thread runs: measured at 115 to 670 ms a time on such a
batch, the longest freezes of the window.

- :func:`settle` moves the objects alive at that moment to the collector's
  permanent generation (:func:`gc.freeze`, an O(1) list splice), so later
  collections only walk what was made since. Frozen objects are still freed by
  reference counting when the last reference goes; only reference cycles among
  them are never collected (the review's data holds none: see the test).
- :func:`paused` stops automatic collection while a thread builds a large
  result that will all live on (the findings of a check arriving from the
  checking process): collecting then finds nothing to free, yet walked the
  growing result every few thousand allocations (50 to 120 ms a time). At the
  end it settles what was made, which would otherwise be walked all at once
  by the first young-generation collection after (60 ms).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0


def settle() -> None:
    """Exempt every object alive now from later collections (call after a large result lands)."""
    gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside (for every thread) until the last pauser leaves; then
    what was made is settled (:func:`settle`: it is taken to live on) and collection is on
    again if it was on before the first."""
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


_was_enabled = True
