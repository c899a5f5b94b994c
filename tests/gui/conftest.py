"""GUI tests: no background work may outlive its test (napari's rule)."""

import pytest

from reviewer.gui.workers import wait_for_all


@pytest.fixture(autouse=True)
def _no_threads_left(qapp):
    yield
    assert wait_for_all(20.0), "a background task was still running after the test"
    qapp.processEvents()
