"""Projects in the window: new project, reopen, Save As, the original file changed or gone,
and a real crash of a window process."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from reviewer.core.paths import SHIPPED_TERMBASE
from tests.gui.conftest import stored
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.core.project import Project
from reviewer.core.readers import read_document
from reviewer.gui.main_window import MainWindow


def make_window(qtbot, tmp_path):
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    return w


def opened(qtbot, w):
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)


def test_new_project_reopen_and_save_as(qtbot, tmp_path, sample_path):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    project_path = tmp_path / "mine.reviewer"
    w = make_window(qtbot, tmp_path)
    w.session.open_files([article], new_project=project_path)
    opened(qtbot, w)
    assert w.project.path == project_path and project_path.exists()
    doc = w.review.doc_key(w.review.documents[0])
    w.decisions.accept_finding(next(f for f in w.review.findings if f.text == "two establishments"))
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.session.save_project_as(tmp_path / "copy.reviewer")
    w.close()
    second = make_window(qtbot, tmp_path)
    second.session.open_files([tmp_path / "copy.reviewer"])
    opened(qtbot, second)
    assert "Two Establishes" in second.review.target(doc, "5")
    assert str((tmp_path / "copy.reviewer").resolve()) in second.session.recent()
    second.close()
    third = make_window(qtbot, tmp_path)
    third.session.open_files([project_path])
    opened(qtbot, third)
    assert "Two Establishes" in third.review.target(doc, "5")  # the first project has the work up to Save As


def test_corrections_go_into_the_original_even_after_it_changed(qtbot, tmp_path, sample_path, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_bytes(sample_path.read_bytes())
    w = make_window(qtbot, tmp_path)
    w.session.open_files([article], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    w.decisions.accept_finding(next(f for f in w.review.findings if f.text == "two establishments"))
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    article.write_text("Somebody replaced the file.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.exports.save_corrected_dialog()
    text = out.read_text(encoding="utf-8")
    assert "Two Establishes" in text and "Somebody replaced" not in text
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(article), ""))
    w.exports.save_corrected_dialog()
    assert "read from" in w.last_error and article.read_text(encoding="utf-8") == "Somebody replaced the file.\n"


def test_a_write_failure_is_shown_and_the_work_is_written_later(qtbot, tmp_path, sample_path, monkeypatch):
    from reviewer.core.errors import OutputError

    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    real = Project.record

    def full_disk(self, review, d=None, s=None):
        raise OutputError(self.path, "the disk is full")

    monkeypatch.setattr(Project, "record", full_disk)
    w.select_segment(doc, "4")
    w.decisions.edit_current("Edited while the disk was full.")
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert "could not be saved" in w.last_error.lower() or "disk is full" in w.last_error
    monkeypatch.setattr(Project, "record", real)
    w.select_segment(doc, "6")
    w.decisions.edit_current("Edited once there was space again.")
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    rows = dict(stored(w.project, "SELECT segment, text FROM corrections"))
    assert rows["4"] == "Edited while the disk was full." and rows["6"] == "Edited once there was space again."


CRASHING_WINDOW = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["REVIEWER_SYNC_TASKS"] = "1"
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.gui.main_window import MainWindow
app = QApplication([])
w = MainWindow([SHIPPED_TERMBASE], QSettings(sys.argv[2], QSettings.Format.IniFormat))
w.session.open_files([Path(sys.argv[1])])
while w.review is None or w.tasks:
    app.processEvents()
doc = w.review.doc_key(w.review.documents[0])
w.select_segment(doc, "2")
w.decisions.edit_current("A finished edit of segment 2.")
while w.tasks:
    app.processEvents()
w.select_segment(doc, "3")
w.segments.edit_row(w.segments.current_row())
w.segments.editor().set_text("Typed into segment 3, never handed over")
while w.draft_pending():  # until the draft timer has fired and the draft is in the project
    app.processEvents()
    time.sleep(0.01)
# the editor stays open: the text is never committed, the process dies first
print("ready", flush=True)
while True:
    app.processEvents()
    time.sleep(0.01)
"""


def test_killed_window_process_loses_nothing(qtbot, tmp_path, sample_path, monkeypatch):
    env = dict(os.environ, REVIEWER_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHING_WINDOW, str(sample_path), str(tmp_path / "s.ini")], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    deadline = time.time() + 60
    line = ""
    while time.time() < deadline and "ready" not in line:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert "ready" in line
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path])
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    assert w.review.target(doc, "2") == "A finished edit of segment 2."
    assert w.review.target(doc, "3") == "Typed into segment 3, never handed over"
    assert "Recovered text typed just before reviewer stopped" in w.statusBar().currentMessage()


def test_states_comments_shortcuts_and_next_unreviewed(qtbot, tmp_path, sample_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reviewer.gui.models.segments import SegmentTableModel

    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    w.select_segment(doc, "1")
    # segment 1 has open major findings: marking it reviewed asks first (issue 16); No keeps it
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.No)
    w.decisions.mark_current("reviewed", advance=True)
    assert shown and "open major finding" in shown[0] and w.review.state(doc, "1") == "translated" and w.current == (doc, "1")

    def yes_and_never_again(box):
        box.checkBox().setChecked(True)
        shown.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", yes_and_never_again)
    w.decisions.mark_current("reviewed", advance=True)
    assert len(shown) == 2 and w.review.state(doc, "1") == "reviewed" and w.current == (doc, "2")
    w.undo_stack.undo()
    w.select_segment(doc, "1")
    w.decisions.mark_current("reviewed", advance=True)  # switched off: no more asking
    assert len(shown) == 2 and w.review.state(doc, "1") == "reviewed" and w.current == (doc, "2")
    w.decisions.comment_current("Check the name of the meeting.")
    row = w.segment_model.row_of(doc, "2")
    assert "💬" in w.segment_model.data(w.segment_model.index(row, SegmentTableModel.STATE))
    assert "Check the name" in w.panel.title.text()
    w.undo_stack.undo()
    assert (doc, "2") not in w.review.comments
    w.undo_stack.undo()
    assert w.review.state(doc, "1") == "translated"
    w.undo_stack.redo()
    w.select_segment(doc, "1")
    assert w.goto_unreviewed() and w.current == (doc, "2")
    state = next(iter(stored(w.project, "SELECT state FROM segment_states WHERE segment = '1'")), None)
    assert state == ("reviewed",)
    from reviewer.gui.menus import shortcuts_dialog

    sheet = shortcuts_dialog(w).text()
    for key in ("F8", "Ctrl+U", "Ctrl+Return", "Alt+Return", "Ctrl+D", "Ctrl+K", "Alt+Down", "Ctrl+Ins"):
        assert f"{key}  " in sheet


def test_find_and_replace_with_preview_and_one_undo(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    before = {s.id: w.review.target(doc, s.id) for s in w.review.documents[0].segments}
    dialog = w.find_dialog()
    dialog.pattern.setText("four consciousnesses")
    assert dialog.find_all() == 2
    dialog.replacement.setText("Four Consciousnesses")
    assert dialog.preview() == 1  # both matches are in segment 5
    assert "Four Consciousnesses" in dialog.results.topLevelItem(0).text(2)
    assert w.review.target(doc, "5") == before["5"]  # a preview changes nothing
    dialog.replace_button.click()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, "5").count("Four Consciousnesses") == 2
    w.undo_stack.undo()
    assert {s.id: w.review.target(doc, s.id) for s in w.review.documents[0].segments} == before
    dialog.regex.setChecked(True)
    dialog.pattern.setText("(unclosed")
    assert dialog.find_all() == 0 and "regular expression" in dialog.status.text()
    dialog.pattern.setText("两个确立")
    dialog.field.setCurrentIndex(dialog.field.findData("source"))
    assert dialog.preview() == 0 and "never edited" in dialog.status.text()


def test_changes_view_and_show_invisibles(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    w.select_segment(doc, "4")
    w.decisions.edit_current("It is vital\u00a0to follow now.")
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    row = w.segment_model.row_of(doc, "4")
    delegate = w.segments.target_delegate
    index = w.segment_model.index(row, SegmentTableModel.CORRECTED)

    def shown():
        return delegate.cell_document(index, w.segments.columnWidth(SegmentTableModel.CORRECTED), w.segments.font())

    assert shown().document.toRawText() == "It is vital\u00a0to follow now."
    w.diff_action.trigger()  # View > Show Changes from the MT: the MT's words struck through
    text = shown().document.toPlainText()
    assert "Important" in text and "vital" in text and "now" in text
    w.diff_action.trigger()
    w.invisibles_action.trigger()
    cell = shown()
    assert "⍽" in cell.document.toPlainText() and "U+00A0 NO-BREAK SPACE" in [tip for _s, _e, tip in cell.spans]
    assert "⍽" not in w.review.target(doc, "4")  # shown, never written
    w.invisibles_action.trigger()
    assert "U+00A0 NO-BREAK SPACE" not in [tip for _s, _e, tip in shown().spans]


def test_no_break_spaces_survive_the_editor(qtbot, tmp_path):
    mt = tmp_path / "nbsp.txt"
    mt.write_text("The 20th\u00a0CPC National Congress opened in Beijing\u200b today.\n", encoding="utf-8")
    w = make_window(qtbot, tmp_path)
    w.session.open_files([mt], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    w.segments.edit_row(0)
    assert w.segments.editor().text() == w.review.documents[0].segments[0].target
    w.undo_stack.settle()
    w.segments.close_edit()
    assert not w.review.is_changed(doc, "1")  # showing and editing a segment never changes it


def test_scores_tab_and_dashboard_match_sacrebleu(qtbot, tmp_path):
    from sacrebleu.metrics.ter import TER

    from reviewer.core.paths import BILINGUAL_SAMPLE as sample

    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    w.decisions.accept_finding(next(f for f in w.review.findings if f.text == "two establishments"))
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert "Open an article" not in w.scores_panel.summary.toPlainText()  # an article is open: its scores are coming
    w.lower_tabs.setCurrentWidget(w.scores_panel)
    qtbot.waitUntil(lambda: not w.tasks and w.scores_panel.model.rowCount() == 8, timeout=20000)
    model = w.scores_panel.model
    row = next(r for r in range(8) if model.data(model.index(r, 1)) == "2")
    mt = w.review.documents[0].segment("2").target
    expected = round(TER().sentence_score(mt, [w.review.target(doc, "2")]).score, 2)
    assert model.data(model.index(row, 4)) == expected > 0
    assert "nrefs:1|case:lc|tok:tercom" in w.scores_panel.summary.toPlainText()
    assert "MQM scorecard" in w.scores_panel.summary.toPlainText() and "49.0\nFAIL" in w.scores_panel.summary.toPlainText()  # one major error (5 points) in 102 source words
    w.scores_panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    top = w.scores_panel.proxy.index(0, 1)
    assert w.scores_panel.proxy.data(top) == "2"  # the only edited segment sorts first
    w.lower_tabs.setCurrentWidget(w.dashboard)
    data = w.dashboard.data
    assert ("term-forbidden", float(sum(1 for f in w.review.open_findings() if f.check == "term-forbidden"))) in data["by_check"]
    assert data["accuracy"] and 0 < data["accuracy"][0][1] < 100
    assert sum(v for _, v in data["hter"]) == 1
    w.dashboard.grab().save(str(tmp_path / "dashboard.png"))
    from reviewer.gui.widgets.dashboard import count_ticks

    # counts of segments and findings have whole-number ticks, never steps of 0.1
    assert count_ticks(1) == [(0, "0"), (1, "1")] and count_ticks(23) == [(0, "0"), (5, "5"), (10, "10"), (15, "15"), (20, "20"), (25, "25")]


def test_chinese_interface_and_settings(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from reviewer.gui import i18n

    app = QApplication.instance()
    assert i18n.install(app, "zh_CN")
    try:
        w = make_window(qtbot, tmp_path)
        titles = [a.text() for a in w.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "编辑(&E)"] and "审校(&R)" in titles
        assert w.lower_tabs.tabText(0) == "问题" and "打开一篇文章" in w.status_label.text()
        w.grab().save(str(tmp_path / "zh.png"))
    finally:
        i18n.install(app, "en")
    english = make_window(qtbot, tmp_path)
    assert [a.text() for a in english.menuBar().actions()][0] == "&File"


def test_settings_apply_and_layout_is_restored(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    dialog = w.checking.settings_dialog()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.thresholds[0].setValue(95)
    dialog.checks.boxes["punctuation"].setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.settings.value("language") == "zh_CN" and w.termbases[0].fuzzy_threshold == 95.0
    assert not any(f.check == "punctuation" for f in w.review.findings)
    assert w.project.setting("checks") is not None and "punctuation" not in w.project.setting("checks")
    w.splitters["main"].setSizes([500, 900])
    sizes = w.splitters["main"].sizes()
    w.close()
    again = make_window(qtbot, tmp_path)
    restored = again.splitters["main"].sizes()
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.05  # the split, whatever size the window gets


def test_accept_all_of_a_concept_in_one_undo_step(qtbot, tmp_path, monkeypatch):
    from reviewer.gui.widgets.accept_all_dialog import AcceptAllDialog

    shown = []

    def review_the_list(dialog):
        shown.append([(c.segment_label, c.before, c.after) for c in dialog.changes])
        dialog.boxes[0].setChecked(False)  # the reviewer unticks one change
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).text().endswith(" 3")
        dialog.boxes[0].setChecked(True)  # and ticks it again
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AcceptAllDialog, "exec", review_the_list)
    text = tmp_path / "many.txt"
    text.write_text(
        "We must understand the two establishments. The two establishments matter, and the two establishments guide us.\n\n"
        "Study the two establishments.\n",
        encoding="utf-8",
    )
    w = make_window(qtbot, tmp_path)
    w.session.open_files([text], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    before = {s.id: w.review.target(doc, s.id) for s in w.review.documents[0].segments}
    first = next(f for f in w.review.findings if f.text == "two establishments")
    w.select_segment(first.document, first.segment)
    w.panel.select_finding(first)
    assert w.decisions.accept_all_like_current("concept") == 4
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    # the list showed every change as the whole segment before and after, before any was applied
    assert shown[0] == [
        ("1", "We must understand the two establishments.", "We must understand the Two Establishes."),
        ("2", "The two establishments matter, and the two establishments guide us.", "The two establishments matter, and the Two Establishes guide us."),
        ("2", "The two establishments matter, and the two establishments guide us.", "The Two Establishes matter, and the two establishments guide us."),
        ("3", "Study the two establishments.", "Study the Two Establishes."),
    ]
    after = " ".join(w.review.target(doc, s.id) for s in w.review.documents[0].segments)
    assert "two establishments" not in after and after.count("Two Establishes") == 4
    w.undo_stack.undo()
    assert {s.id: w.review.target(doc, s.id) for s in w.review.documents[0].segments} == before


def test_import_review_workbook_with_preview_and_one_undo(qtbot, tmp_path, sample_path, monkeypatch):
    import openpyxl

    from reviewer.gui.widgets.import_review_dialog import ImportReviewDialog

    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    book = tmp_path / "review.xlsx"
    assert w.exports.export_to(book)
    wb = openpyxl.load_workbook(book)
    seg, fnd = wb["Segments"], wb["Findings"]
    row = next(r for r in range(2, seg.max_row + 1) if seg.cell(row=r, column=2).value == 2)
    seg.cell(row=row, column=7).value = "Edited by the client in Excel."
    frow = next(r for r in range(2, fnd.max_row + 1) if fnd.cell(row=r, column=7).value == "two establishments")
    fnd.cell(row=frow, column=14).value = "accept"
    wb.save(book)
    before = w.review.target(doc, "5")
    shown = []
    monkeypatch.setattr(ImportReviewDialog, "exec", lambda self: shown.append(self.tree.topLevelItem(0).text(0)) or QDialog.DialogCode.Accepted)
    assert w.exports.import_review(book)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert shown and "(1)" in shown[0]
    assert w.review.target(doc, "2") == "Edited by the client in Excel." and "Two Establishes" in w.review.target(doc, "5")
    assert next(iter(stored(w.project, "SELECT text FROM corrections WHERE segment = '2'")), None) == ("Edited by the client in Excel.",)
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.target(doc, "5") == before and not w.review.is_changed(doc, "2")
    csv_path = tmp_path / "findings.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_path), ""))
    w.exports.export_csv_dialog()
    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "两个确立" in data.decode("utf-8-sig")


def test_fixed_findings_and_manual_errors_reach_the_scorecard(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    f = next(x for x in w.review.findings if x.text == "two establishments")
    w.select_segment(doc, f.segment)
    w.panel.select_finding(f)
    w.decisions.fix_current()
    w.decisions.add_error(0, 3, "Accuracy/Mistranslation", "critical", "wrong subject")
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    from reviewer.core.mqm import scorecards

    card = scorecards(w.review, w.checking.scorecard_settings())[0]
    assert card.points == 5 + 25  # a fixed major finding and a critical error entered by hand
    errors = stored(w.project, "SELECT count(*) FROM manual_errors")[0][0]
    assert errors == 1 and stored(w.project, "SELECT count(*) FROM fixed")[0][0] == 1
    w.undo_stack.undo()
    assert w.review.manual_errors == []


def test_an_unexpected_error_saves_the_work_and_leaves_a_report(qtbot, tmp_path, sample_path, monkeypatch):
    from reviewer.gui.app import make_excepthook

    monkeypatch.setenv("REVIEWER_LOG_DIR", str(tmp_path / "logs"))
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    saved = []
    monkeypatch.setattr(w.session, "autosave", lambda: saved.append(True))
    hook = make_excepthook(w)
    try:
        raise RuntimeError("something nobody expected")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    log = tmp_path / "logs" / "reviewer.log"
    assert saved and log.exists() and "RuntimeError: something nobody expected" in log.read_text(encoding="utf-8")
    assert "Your work is saved" in w.last_error and str(log) in w.last_error


def test_a_project_deleted_underneath_keeps_the_work_for_save_as(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    project_path = tmp_path / "p.reviewer"
    w.session.open_files([sample_path], new_project=project_path)
    opened(qtbot, w)
    doc = w.review.doc_key(w.review.documents[0])
    for extra in tmp_path.glob("p.reviewer*"):
        extra.unlink()
    w.select_segment(doc, "4")
    w.decisions.edit_current("Typed after the file was deleted.")
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert "was deleted or moved" in w.last_error
    assert w.session.save_project_as(tmp_path / "rescued.reviewer")
    w.close()
    rescued = Project.open(tmp_path / "rescued.reviewer")
    assert next(iter(stored(rescued, "SELECT text FROM corrections WHERE segment = '4'")), None) == ("Typed after the file was deleted.",)


def test_the_status_bar_counts_decisions_without_asking_every_finding(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path], new_project=tmp_path / "p.reviewer")
    opened(qtbot, w)
    total = len(w.review.findings)
    w.decisions.accept_finding(next(f for f in w.review.findings if f.text == "two establishments"))
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    w.decisions.dismiss_finding(next(f for f in w.review.findings if f.text == "self-revolution"), "quoted")
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    w.panel.select_finding(next(f for f in w.review.open_findings() if f.check == "punctuation"))
    w.select_segment(*next((f.document, f.segment) for f in w.review.open_findings() if f.check == "punctuation"))
    w.panel.select_finding(next(f for f in w.review.open_findings() if f.check == "punctuation" and (f.document, f.segment) == w.current))
    w.decisions.fix_current()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    text = w.status_label.text()
    assert "3 resolved (1 accepted, 1 fixed, 1 dismissed)" in text
    assert f"{len(w.review.open_findings())} open" in text and len(w.review.findings) <= total
