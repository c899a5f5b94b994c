"""Bilingual files and batches in the window: the source beside the MT, saving corrections
back in the file's own format, folders, and cancelling."""

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.core.readers import read_document
from reviewer.gui.main_window import MainWindow
from reviewer.gui.models.segments import SegmentTableModel

DATA = Path(__file__).parent.parent / "data" / "bilingual"


def make_window(qtbot, tmp_path):
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    return w


def test_xliff_shows_source_and_saves_back(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "mt.xlf"
    shutil.copy(DATA / "mt-1.2.xlf", path)
    w = make_window(qtbot, tmp_path)
    w.session.open_files([path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    assert not w.segments.isColumnHidden(SegmentTableModel.SOURCE)
    source = w.segment_model.index(0, SegmentTableModel.SOURCE)
    cell = w.segments.target_delegate.cell_document(source, w.segments.columnWidth(SegmentTableModel.SOURCE), w.segments.font())
    assert "两个确立" in cell.document.toPlainText()
    assert any("两个确立" in tip for _s, _e, tip in cell.spans)  # the source term is marked
    assert "unit u1" in w.panel.title.text() and "translated" in w.panel.title.text()
    f = next(x for x in w.review.findings if x.text == "two establishments")
    w.decisions.accept_finding(f)
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    out = tmp_path / "mt-corrected.xlf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.exports.save_corrected_dialog()
    saved = read_document(out)
    assert '"Two Establishes"' in saved.segments[0].target and saved.segments[0].state == "signed-off"
    assert [c.tag for c in saved.segments[0].codes] == ["g", "g", "x"]
    assert saved.segments[1].target == read_document(path).segments[1].target  # untouched


def test_folder_opens_as_a_batch_and_saves_each_file(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "mt-1.2.xlf", folder / "a.xlf")
    shutil.copy(DATA / "memory.tmx", folder / "b.tmx")
    w = make_window(qtbot, tmp_path)
    w.session.open_folder(folder)
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    assert [d.name for d in w.review.documents] == ["a.xlf", "b.tmx"]
    assert w.segment_model.data(w.segment_model.index(0, SegmentTableModel.ID)) == "a.xlf:1"
    out = tmp_path / "out"
    out.mkdir()
    (out / "a-corrected.xlf").write_text("old", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    w.exports.save_corrected_dialog()
    assert (out / "a-corrected.xlf").read_text(encoding="utf-8") == "old"  # not overwritten without a yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.exports.save_corrected_dialog()
    assert read_document(out / "a-corrected.xlf").segments == read_document(folder / "a.xlf").segments
    assert read_document(out / "b-corrected.tmx").segments[0].target == read_document(folder / "b.tmx").segments[0].target


def test_empty_folder_gives_a_dialog(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_folder(tmp_path)
    assert "no file reviewer can read" in w.last_error and w.review is None


def test_cancel_stops_opening(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    task = w.session.open_files([sample_path])
    assert w.cancel_button.isVisibleTo(w)
    w.session.cancel_opening()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert task.is_cancelled() and w.review is None and not w.cancel_button.isVisibleTo(w)


def test_split_merge_and_undo(qtbot, tmp_path, sample_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    doc = w.review.doc_key(w.review.documents[0])
    seg = next(s for s in w.review.documents[0].segments if len(s.target) > 80)
    w.select_segment(doc, seg.id)
    rows = w.segment_model.rowCount()
    assert not w.decisions.split_current()  # no cursor: the editor is not open
    assert "put the cursor" in w.last_error
    w.segments.edit_row(w.segments.current_row())
    editor = w.segments.editor()
    cursor = editor.textCursor()
    cursor.setPosition(seg.target.index(" ", 40) + 1)
    editor.setTextCursor(cursor)
    assert w.decisions.split_current()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.segment_model.rowCount() == rows + 1
    ids = [s.id for s in w.review.documents[0].segments]
    assert seg.id + ".1" in ids and w.current == (doc, seg.id)
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.segment_model.rowCount() == rows and w.review.documents[0].segment(seg.id).target == seg.target
    w.undo_stack.redo()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.segment_model.rowCount() == rows + 1
    w.select_segment(doc, seg.id)
    assert w.decisions.merge_current()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert w.review.documents[0].segment(seg.id).target == seg.target and w.segment_model.rowCount() == rows
    assert not w.review.is_changed(doc, seg.id)


def test_regrouping_a_bilingual_file_is_refused_with_a_dialog(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.session.open_files([DATA / "mt-1.2.xlf"])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    assert not w.decisions.merge_current()
    assert "units of the file" in w.last_error and w.undo_stack.count() == 0


def test_spreadsheet_opens_through_the_mapping_dialog(qtbot, tmp_path, monkeypatch):
    from reviewer.gui.widgets.table_dialog import TableDialog

    path = tmp_path / "pairs.csv"
    path.write_text("备注,英文,中文\nx,The two establishments were upheld.,坚持“两个确立”。\ny,Rural revitalization.,乡村振兴。\n", encoding="utf-8")
    dialog = TableDialog(path)
    qtbot.addWidget(dialog)
    assert (dialog.mapping().source, dialog.mapping().target) == (2, 1)  # guessed from the header
    assert "2 rows will be reviewed" in dialog.report.text()
    dialog.combos["target"].setCurrentIndex(dialog.combos["target"].findData(2))  # the same column twice
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled() and "same column" in dialog.report.text()
    dialog.combos["target"].setCurrentIndex(dialog.combos["target"].findData(1))
    assert dialog.document is not None
    w = make_window(qtbot, tmp_path)
    monkeypatch.setattr(TableDialog, "exec", lambda self: TableDialog.DialogCode.Accepted)
    w.session.open_interactively([path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    first = w.review.documents[0].segments[0]
    assert (first.source, first.target) == ("坚持“两个确立”。", "The two establishments were upheld.")
    assert any(f.check == "term-forbidden" for f in w.review.findings)
    monkeypatch.setattr(TableDialog, "exec", lambda self: TableDialog.DialogCode.Rejected)
    assert w.session.open_interactively([path]) is None  # cancelled: nothing opens


def test_mt_with_its_source_opens_aligned(qtbot, tmp_path):
    mt = tmp_path / "mt.txt"
    zh = tmp_path / "zh.txt"
    mt.write_text("We must understand the two establishments. We will promote rural revitalization.\n", encoding="utf-8")
    zh.write_text("要深刻领悟“两个确立”。全面推进乡村振兴。\n", encoding="utf-8")
    w = make_window(qtbot, tmp_path)
    w.session.open_files([mt], source=zh)
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    assert [s.source for s in w.review.documents[0].segments] == ["要深刻领悟“两个确立”。", "全面推进乡村振兴。"]
    assert not w.segments.isColumnHidden(SegmentTableModel.SOURCE)
