"""The review window on the bundled sample: open, accept, undo, dismiss, export."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.gui.main_window import MainWindow
from tests.gui.conftest import stored, shown_target, type_text


@pytest.fixture
def window(qtbot, tmp_path, sample_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow([SHIPPED_TERMBASE], settings)
    qtbot.addWidget(w)
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    yield w
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)


def finding(w, text, check=("term-nonstandard", "term-forbidden")):
    checks = (check,) if isinstance(check, str) else check
    return next(f for f in w.review.findings if f.text == text and f.check in checks)


def settle(qtbot, w):
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)


def test_opens_sample_with_findings_and_termbase(window):
    assert window.segment_model.rowCount() == 20
    assert window.findings_panel.model.rowCount() == len(window.review.findings) > 30
    assert "concepts" in window.status_label.text() and "open" in window.status_label.text()
    assert window.current == (window.review.doc_key(window.review.documents[0]), "1")
    assert window.term_panel.model.rowCount() > 0


def test_accept_undo_redo(qtbot, window):
    f = finding(window, "two establishments")
    doc = f.document
    window.select_segment(doc, f.segment)
    window.decisions.accept_finding(f)
    settle(qtbot, window)
    assert "“Two Establishes”" in window.review.target(doc, f.segment)
    assert "“Two Establishes”" in shown_target(window)
    assert not [x for x in window.review.findings if x.text == "two establishments"]
    window.undo_stack.undo()
    settle(qtbot, window)
    assert "two establishments" in window.review.target(doc, f.segment)
    assert shown_target(window) == window.review.target(doc, f.segment)
    window.undo_stack.redo()
    settle(qtbot, window)
    assert "Two Establishes" in window.review.target(doc, f.segment)


def test_typing_is_an_undoable_edit_and_autosaved(qtbot, window):
    doc = window.review.doc_key(window.review.documents[0])
    window.select_segment(doc, "4")
    type_text(window, "This is important to follow.")
    window.undo_stack.settle()
    settle(qtbot, window)
    assert window.review.target(doc, "4") == "This is important to follow."
    saved = next(iter(stored(window.project, "SELECT text FROM corrections WHERE segment = '4'")), None)
    assert saved == ("This is important to follow.",)  # on disk at once
    window.undo_stack.undo()
    settle(qtbot, window)
    assert window.review.target(doc, "4") == "Important to follow."
    assert next(iter(stored(window.project, "SELECT text FROM corrections WHERE segment = '4'")), None) is None


def test_dismiss_with_note_and_export(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    f = finding(window, "self-revolution")
    window.select_segment(f.document, f.segment)
    window.panel.select_finding(f)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("quoted from the source on purpose", True))
    window.decisions.dismiss_current_with_note()
    settle(qtbot, window)
    assert window.review.decision(f).value == "dismissed"
    out = tmp_path / "review.xlsx"
    assert window.exports.export_to(out)
    rows = list(openpyxl.load_workbook(out)["Findings"].iter_rows(min_row=2, values_only=True))
    assert ("self-revolution", "false positive", "quoted from the source on purpose") in {(r[6], r[13], r[14]) for r in rows}


def test_reopening_restores_the_autosaved_review(qtbot, tmp_path, sample_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow([SHIPPED_TERMBASE], settings)
    qtbot.addWidget(first)
    first.session.open_files([sample_path])
    qtbot.waitUntil(lambda: first.review is not None and not first.tasks, timeout=20000)
    first.decisions.accept_finding(finding(first, "two establishments"))
    settle(qtbot, first)
    first.close()
    second = MainWindow([SHIPPED_TERMBASE], settings)
    qtbot.addWidget(second)
    second.session.open_files([sample_path])
    qtbot.waitUntil(lambda: second.review is not None and not second.tasks, timeout=20000)
    doc = second.review.doc_key(second.review.documents[0])
    assert "Two Establishes" in second.review.target(doc, "5")
    assert "Restored" in second.statusBar().currentMessage()
    assert str(Path(sample_path).resolve()) in second.session.recent()


def test_bad_file_shows_a_dialog_not_a_traceback(qtbot, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.session.open_files([bad])
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert "no article text" in w.last_error
    assert w.review is None


def test_next_finding_moves_through_segments(qtbot, window):
    window.goto_finding(+1)
    first = window.panel.current_finding()
    assert first is not None
    window.goto_finding(+1)
    second = window.panel.current_finding()
    assert (second.segment, second.start) != (first.segment, first.start)
    window.goto_finding(-1)
    assert window.panel.current_finding().key == first.key


def test_a_finished_check_never_overwrites_text_being_typed(qtbot, window):
    doc = window.review.doc_key(window.review.documents[0])
    window.select_segment(doc, "4")
    type_text(window, "First edit.")
    window.undo_stack.settle()  # pushed: a background check starts
    type_text(window, "First edit, and more typing.")  # still pending
    settle(qtbot, window)
    assert shown_target(window) == "First edit, and more typing."
    window.undo_stack.settle()
    settle(qtbot, window)
    assert window.review.target(doc, "4") == "First edit, and more typing."


def test_checks_dialog_switches_checks_and_severity(qtbot, window):
    from reviewer.core.checks import Severity
    from reviewer.gui.widgets.checks_dialog import ChecksDialog

    dialog = ChecksDialog(*window.checking.check_settings())
    qtbot.addWidget(dialog)
    dialog.boxes["punctuation"].setChecked(False)
    dialog.levels["capitalization"].setCurrentIndex(dialog.levels["capitalization"].findData("neutral"))
    window.checking.set_check_settings(dialog.enabled(), dialog.severities())
    settle(qtbot, window)
    assert not [f for f in window.review.findings if f.check == "punctuation"]
    caps = [f for f in window.review.findings if f.check == "capitalization"]
    assert caps and all(f.severity is Severity.NEUTRAL for f in caps)
    assert window.checking.check_settings()[1] == {"capitalization": Severity.NEUTRAL}
    assert "punctuation" not in (window.checking.check_settings()[0] or [])


def test_checks_dialog_declares_the_subject(qtbot, window):
    from reviewer.gui.widgets.checks_dialog import ChecksDialog

    assert any(f.check == "calque" for f in window.review.findings)  # the sample is Fuxin news: the gate is open
    dialog = ChecksDialog(*window.checking.check_settings(), subject=window.checking.check_subject())
    qtbot.addWidget(dialog)
    assert dialog.subject() == "auto"
    dialog.widget.subject_box.setCurrentIndex(dialog.widget.subject_box.findData("other"))
    window.checking.set_check_settings(dialog.enabled(), dialog.severities(), dialog.subject())
    settle(qtbot, window)
    assert window.checking.check_subject() == "other" and window.review.options.subject == "other"
    assert not [f for f in window.review.findings if f.check in ("calque", "term-literal")]
    assert any(f.check == "term-forbidden" for f in window.review.findings)


def test_term_renderings_panel_jumps_to_segments(qtbot, window):
    panel = window.renderings_panel
    assert "rendered more than one way" in panel.summary.text()
    assert panel.tree.topLevelItem(0).childCount() > 1  # concepts rendered several ways come first
    top = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount()) if panel.tree.topLevelItem(i).text(0).startswith("党的二十大 "))
    minority = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(3) == "minority")
    with qtbot.waitSignal(panel.go_to) as blocker:
        panel.open_item(minority, 0)
    doc, seg = blocker.args
    assert window.current == (doc, seg)
    assert minority.text(0) in window.review.target(doc, seg)
    panel.only_inconsistent.setChecked(True)
    assert all(panel.tree.topLevelItem(i).childCount() > 1 for i in range(panel.tree.topLevelItemCount()))


def test_bulk_dismissal_and_shared_false_positives(qtbot, window, tmp_path):
    f = finding(window, "two establishments")
    window.select_segment(f.document, f.segment)
    punct = next(x for x in window.review.findings if x.check == "punctuation")
    window.select_segment(punct.document, punct.segment)
    window.panel.select_finding(punct)
    window.decisions.dismiss_all_like_current("check")
    settle(qtbot, window)
    assert not [x for x in window.review.open_findings() if x.check == "punctuation"]
    window.undo_stack.undo()
    settle(qtbot, window)
    assert [x for x in window.review.open_findings() if x.check == "punctuation"]
    window.decisions.dismiss_finding(f)
    settle(qtbot, window)
    shared = tmp_path / "fp.json"
    window.review.export_false_positives(shared)
    window.undo_stack.undo()  # the dismissal and its rule are gone again
    settle(qtbot, window)
    assert window.review.decision(finding(window, "two establishments")).value == "open"
    window.decisions.import_false_positives(shared)
    settle(qtbot, window)
    assert window.review.decision(finding(window, "two establishments")).value == "dismissed"
    window.undo_stack.undo()
    settle(qtbot, window)
    assert window.review.decision(finding(window, "two establishments")).value == "open"
