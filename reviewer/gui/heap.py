"""Keeping the cyclic garbage collector from freezing the window.

A batch of 20,000 segments keeps over a million Python objects alive (segments,
findings, term hits). CPython's full collection walks every one of them, and
while it does, no other thread runs: measured at 115 to 670 ms a time on such a
batch, the longest freezes of the window. :func:`settle` moves the objects alive
at that moment to the collector's permanent generation (:func:`gc.freeze`, an
O(1) list splice), so later collections only walk what was made since. Frozen
objects are still freed by reference counting when the last reference goes;
only reference cycles among them wait for :func:`release`, which the window calls
when it lets a whole batch go (opening another one).
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Exempt every object alive now from later collections (call after a large result lands)."""
    gc.freeze()


def release() -> None:
    """Give the frozen objects back to the collector and collect once (a batch was closed)."""
    gc.unfreeze()
    gc.collect()
