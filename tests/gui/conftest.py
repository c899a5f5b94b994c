"""GUI tests: no background work may outlive its test (napari's rule)."""

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def _no_threads_left(qapp):
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(20000), "a background task was still running after the test"
    qapp.processEvents()
