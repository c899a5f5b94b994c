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


def type_text(w, text):
    """Put ``text`` in the grid's editor of the current segment, as typed (not handed over yet);
    returns the editor."""
    w.segments.edit_row(w.segments.current_row())
    editor = w.segments.editor()
    assert editor is not None, "the grid's editor did not open"
    editor.set_text(text)
    return editor


def shown_target(w):
    """The current segment's text as the grid shows it (its editor's when open)."""
    editor = w.segments.editor()
    return editor.text() if editor is not None else w.segment_model.target_text(w.segments.current_row())


def stored(project, sql, *params):
    """The rows of a read-only query on a project (:meth:`reviewer.core.project.Project.query`)."""
    return project.query(sql, *params)
