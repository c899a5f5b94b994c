"""GUI tests: no background work may outlive its test (napari's rule), and no modal
question may block a test run (a test that wants an answer patches it itself)."""

import os

import pytest
from PySide6.QtWidgets import QMessageBox

os.environ["REVIEWER_SYNC_TASKS"] = "1"  # see reviewer.gui.workers; test_workers.py runs real threads

from reviewer.gui.workers import wait_for_all


@pytest.fixture(autouse=True)
def _never_block_on_a_question(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture(autouse=True)
def _no_threads_left(qapp):
    yield
    assert wait_for_all(20.0), "a background task was still running after the test"
    qapp.processEvents()
