"""The window with real threads and its checking process: the same findings as a check in this
process, a stale check cancelled by a newer one, and the process stopped with the window."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.gui.main_window import MainWindow


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:  # a zombie has exited
            return "\tZ" not in next(line for line in status if line.startswith("State:"))
    except OSError:
        return True


def test_window_checks_in_its_child_process(qtbot, tmp_path, sample_path, shipped_termbase, monkeypatch):
    monkeypatch.delenv("REVIEWER_SYNC_TASKS")
    monkeypatch.delenv("REVIEWER_CHECK_PROCESS", raising=False)
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks and bool(w.review.findings), timeout=30000)
    assert w.checking.checker is not None and w.checking.checker.pid is not None
    pid = w.checking.checker.pid
    expected = make_review([read_document(sample_path)], [shipped_termbase])
    expected.run_checks()
    assert [f.key for f in w.review.findings] == [f.key for f in expected.findings]
    assert w.findings_panel.model.rowCount() == len(expected.findings)
    # the renderings report points at the window's own termbase objects
    concepts = {id(c) for tb in w.review.termbases for c in tb.concepts}
    assert w.review.renderings and all(id(g.concept) in concepts for g in w.review.renderings)

    # two edits in a row: the first check is cancelled, the second one's findings land
    doc = w.review.doc_key(w.review.documents[0])
    seg = next(f.segment for f in w.review.findings if f.text == "two establishments")
    w.select_segment(doc, seg)
    text = w.review.target(doc, seg)
    w.decisions.edit_current(text.replace("two establishments", "Two Establishes", 1) + " ")
    stale = w.checking.check_task
    w.decisions.edit_current(text.replace("two establishments", "Two Establishes", 1))
    assert stale is not None and stale.is_cancelled() and w.checking.check_task is not stale
    qtbot.waitUntil(lambda: not w.tasks, timeout=30000)
    assert not any(f.text == "two establishments" and f.segment == seg for f in w.review.findings)
    assert w.checking.checker is not None and w.checking.checker.pid == pid  # the same child served every check

    w.close()
    qtbot.waitUntil(lambda: not _alive(pid), timeout=10000)


def test_window_checks_in_a_thread_when_no_child_process_starts(qtbot, tmp_path, sample_path, monkeypatch):
    import multiprocessing.context

    def refuse(self):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refuse)
    monkeypatch.delenv("REVIEWER_SYNC_TASKS")
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks and bool(w.review.findings), timeout=30000)
    assert any(f.text == "two establishments" for f in w.review.findings)
    w.close()


def test_closing_while_opening_starts_nothing(qtbot, tmp_path, sample_path, monkeypatch):
    import threading

    import reviewer.core.session as session

    monkeypatch.delenv("REVIEWER_SYNC_TASKS")
    entered, release = threading.Event(), threading.Event()
    real_make_review = session.make_review

    def slow_make_review(*args):  # past the last progress report, where a cancel is not seen
        entered.set()
        release.wait(10)
        return real_make_review(*args)

    monkeypatch.setattr(session, "make_review", slow_make_review)
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    task = w.session.open_files([sample_path])
    assert task is not None
    opened = []
    task.signals.succeeded.connect(lambda _r: opened.append(True))
    task.signals.cancelled.connect(lambda: opened.append(False))
    qtbot.waitUntil(entered.is_set, timeout=20000)
    w.close()  # while the files are being read
    release.set()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    qtbot.wait(200)
    assert opened == [True]  # the reading finished after the window had closed ...
    assert w.checking.checker is None and w.project is None and w.review is None  # ... and started nothing


def test_a_fault_in_a_check_is_reported_as_such(qtbot, tmp_path, sample_path, monkeypatch):
    monkeypatch.delenv("REVIEWER_SYNC_TASKS")
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    shown = []
    monkeypatch.setattr(w, "show_error", lambda title, message, details="": shown.append((title, message, details)))
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=30000)
    w.review.checks = ["no-such-check"]
    w.checking.recheck()
    qtbot.waitUntil(lambda: bool(shown) and not w.tasks, timeout=30000)
    title, message, details = shown[0]
    assert title == "The checks failed" and "no-such-check" in message and "\n" not in message
    assert "Traceback" in details
    w.close()
