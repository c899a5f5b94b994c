"""The termbase editor, driven as a terminology manager would."""

import copy

import pytest
from PySide6.QtCore import QSettings

from reviewer.core.termbase import Status, read_tbx
from reviewer.gui.models.concepts import ConceptTableModel, TermTableModel
from reviewer.gui.termbase_editor import TermbaseEditor


@pytest.fixture
def editor(qtbot, mini_termbase):
    tb = copy.deepcopy(mini_termbase)
    w = TermbaseEditor(tb, lambda c: [f"doc:1  {c.preferred_text}"])
    w.show()
    yield w
    w.undo_stack.setClean()  # closing would ask to save
    w.close()
    w.deleteLater()


def shown_ids(editor):
    m = editor.concept_model
    return [m.data(m.index(r, ConceptTableModel.ID)) for r in range(m.rowCount())]


def test_models(qtmodeltester, editor):
    qtmodeltester.check(editor.concept_model)
    qtmodeltester.check(editor.term_model)


def test_search_and_filters(editor):
    editor.query.setText("establishmnts")
    editor.refresh_list()
    assert shown_ids(editor)[0] == "two-establishes"
    editor.query.setText("")
    editor.refresh_list()
    editor.status_filter.setCurrentIndex(editor.status_filter.findData("forbidden"))
    assert set(shown_ids(editor)) == {"two-establishes", "above-size", "self-reform", "study-and-arrange", "blacklist"}
    editor.status_filter.setCurrentIndex(0)
    editor.subject_filter.setCurrentIndex(editor.subject_filter.findData("Party building"))
    assert shown_ids(editor) == ["two-establishes"]
    editor.subject_filter.setCurrentIndex(0)
    editor.source_filter.setText("xinhua")
    editor.refresh_list()
    assert shown_ids(editor) == ["two-establishes"]
    assert "1 of" in editor.count_label.text()
    assert editor.occurrence_list.item(0).text() == "doc:1  Two Establishes"


def test_add_edit_undo_redo(editor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []  # deprecated -> preferred asks first (issue 16); the terminology manager says Yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    editor.select_concept("four-consciousnesses")
    assert editor.add_term("four-consciousnesses", "four senses", Status.FORBIDDEN)
    c = editor.termbase.concept("four-consciousnesses")
    assert [t.text for t in c.en][-1] == "four senses"
    assert not editor.undo_stack.isClean() and "•" in editor.windowTitle()
    # edit the status in the table: preferred moves, the old preferred steps down
    row = [t.text for t in c.en].index("four consciousness")
    assert editor.term_model.setData(editor.term_model.index(row, TermTableModel.STATUS), "preferred")
    c = editor.termbase.concept("four-consciousnesses")
    assert len(asked) == 1 and "“four consciousness” the preferred rendering of 四个意识" in asked[0]
    assert [(t.text, t.status.value) for t in c.en][:2] == [("four consciousnesses", "admitted"), ("four consciousness", "preferred")]
    assert not editor.term_model.setData(editor.term_model.index(0, TermTableModel.STATUS), "nonsense")
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    c = editor.termbase.concept("four-consciousnesses")
    assert [t.text for t in c.en] == ["four consciousnesses", "four consciousness"] and c.en[0].status is Status.PREFERRED
    editor.undo_stack.redo()
    assert "four senses" in [t.text for t in editor.termbase.concept("four-consciousnesses").en]


def test_concept_fields_new_merge_delete(editor, qtbot, monkeypatch):
    editor.select_concept("port")
    editor.subject_edit.setText("economy")
    editor.sources_edit.setPlainText("Government Work Report | State Council | 2024 | https://english.www.gov.cn")
    editor.apply_concept_fields()
    c = editor.termbase.concept("port")
    assert c.subject == "economy" and (c.sources[0].publisher, c.sources[0].date) == ("State Council", "2024")
    cid = editor.new_concept("港", "harbor city")
    assert cid == "u0001" and editor.current_id() == cid
    editor.merge("port", cid)
    assert [t.text for t in editor.termbase.concept("port").zh] == ["港口", "港"]
    assert all(c.id != cid for c in editor.termbase.concepts)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question", lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes)
    editor.select_concept("port")
    editor.delete_current()
    assert all(c.id != "port" for c in editor.termbase.concepts)
    editor.undo_stack.undo()
    assert any(c.id == "port" for c in editor.termbase.concepts)


def test_refused_edit_leaves_nothing_on_the_stack(editor, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    before = editor.undo_stack.count()
    assert editor.new_concept("两个确立", "x") is None
    assert "already in concept" in editor.last_error and editor.undo_stack.count() == before


def test_save_is_atomic_and_lossless(editor, tmp_path):
    editor.add_term("port", "seaport", Status.ADMITTED)
    out = tmp_path / "project.tbx"
    assert editor.save_to(out)
    assert editor.undo_stack.isClean() and editor.termbase.path == out
    again = read_tbx(out)
    assert "seaport" in [t.text for t in again.concept("port").en]
    assert [p.name for p in tmp_path.iterdir()] == ["project.tbx"]


def test_import_dialog_mapping_is_editable(qtbot, tmp_path, editor):
    from reviewer.gui.widgets.import_dialog import ImportDialog

    p = tmp_path / "g.csv"
    p.write_text("Glossary\nnote,Chinese,English\nx,两个确立,Two Establishes\ny,民生实事,practical projects to improve people's lives\n", encoding="utf-8")
    dialog = ImportDialog(p)
    qtbot.addWidget(dialog)
    assert dialog.header.value() == 2
    assert dialog.combos["zh"].currentData() == 1 and dialog.combos["en"].currentData() == 2
    assert "2 rows read, 2 concepts imported" in dialog.report.text()
    dialog.combos["en"].setCurrentIndex(dialog.combos["en"].findData(0))  # wrong column: English holds "x", "y"
    assert dialog.result_termbase is not None and dialog.result_termbase.concepts[0].preferred.text == "x"
    dialog.combos["en"].setCurrentIndex(dialog.combos["en"].findData(-1))
    assert dialog.result_termbase is None and "Nothing to import" in dialog.report.text()
    dialog.combos["en"].setCurrentIndex(dialog.combos["en"].findData(2))
    editor.import_termbase(dialog.result_termbase)
    assert [t.text for t in editor.termbase.concept("two-establishes").en].count("Two Establishes") == 1
    assert any(c.source_term == "民生实事" for c in editor.termbase.concepts)


def test_add_flagged_rendering_from_the_review(qtbot, tmp_path, sample_path, mini_tbx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from reviewer.gui.main_window import MainWindow

    w = MainWindow([mini_tbx], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    doc = w.review.doc_key(w.review.documents[0])
    w.select_segment(doc, "5")
    f = next(x for x in w.review.findings if x.check == "term-inconsistent" and x.text == "20th National Congress of the Party")
    w.panel.select_finding(f)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("forbidden rendering of 党的二十大", True))
    w.termbase_actions.add_rendering_from_finding()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    flagged = [(x.check, x.text) for x in w.review.findings if x.segment == "5"]
    assert ("term-forbidden", "20th National Congress of the Party") in flagged
    assert w.termbase_actions.editor is not None and not w.termbase_actions.editor.undo_stack.isClean()
    # the edit is in the review window's one history too: Undo there takes it back, Redo redoes it
    def status_of(text):
        return next(t.status.value for t in w.termbases[0].concept(f.term.concept).en if t.text == text)

    assert w.undo_stack.undoText() == "add “20th National Congress of the Party” to the termbase"
    assert status_of("20th National Congress of the Party") == "forbidden"
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert ("term-inconsistent", "20th National Congress of the Party") in [(x.check, x.text) for x in w.review.findings if x.segment == "5"]
    assert w.termbase_actions.editor.undo_stack.index() == 0
    w.undo_stack.redo()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    assert status_of("20th National Congress of the Party") == "forbidden"
    # a brand-new concept from a finding on an unknown rendering
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("new concept", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("两个确立新", True))
    w.termbase_actions.add_rendering_from_finding()
    assert any(c.source_term == "两个确立新" for c in w.termbases[0].concepts)
    w.termbase_actions.editor.undo_stack.setClean()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)


def test_refusals_keep_the_termbase_valid(editor, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    editor.select_concept("port")
    editor.terms.setCurrentIndex(editor.term_model.index(0, 0))  # the preferred term
    editor.remove_current_term()
    assert "make another term preferred" in editor.last_error
    editor.select_concept("mayor")
    editor.terms.setCurrentIndex(editor.term_model.index(0, 0))
    editor.remove_current_term()
    assert "at least one English term" in editor.last_error
    assert not editor.term_model.setData(editor.term_model.index(0, TermTableModel.STATUS), "admitted") or "preferred" in editor.last_error
    assert editor.termbase.concept("mayor").en[0].status is Status.PREFERRED
    editor.select_concept("port")
    editor.term_model.setData(editor.term_model.index(1, TermTableModel.TEXT), "PORT")
    assert "already a term" in editor.last_error
    editor.term_model.setData(editor.term_model.index(1, TermTableModel.VALID_TO), "next year")
    assert "YYYY" in editor.last_error


def test_typed_concept_fields_are_applied_when_moving_on(editor):
    editor.select_concept("port")
    editor.definition_edit.setPlainText("A place where ships load and unload.")
    editor.select_concept("mayor")
    assert editor.termbase.concept("port").definition == "A place where ships load and unload."


def test_discard_puts_the_termbase_back(editor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    editor.add_term("port", "seaport", Status.ADMITTED)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    editor.close()
    assert "seaport" not in [t.text for t in editor.termbase.concept("port").en]
    assert editor.undo_stack.isClean()


def test_chinese_search_folds_traditional_and_spaces(editor):
    editor.query.setText("兩個 確立")
    editor.refresh_list()
    assert shown_ids(editor)[0] == "two-establishes"


def test_ctrl_t_offers_the_flagged_status_first_and_asks_before_admitting(qtbot, tmp_path, sample_path, mini_tbx, monkeypatch):
    """Issue 16: on "two establishments" (a forbidden MT variant of 两个确立) one Enter keeps it
    forbidden; choosing "admitted" asks first, and No leaves the termbase unchanged."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.termbase_actions import default_status

    w = MainWindow([mini_tbx], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    f = next(x for x in w.review.findings if x.check == "term-forbidden" and x.text.lower() == "two establishments")
    w.select_segment(f.document, f.segment)
    w.panel.select_finding(f)
    offered = {}

    def get_item(parent, title, label, choices, current, editable):
        offered["default"] = choices[current]
        return choices[0], True  # the reviewer picks "admitted"

    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    concept = next(c for c in w.termbases[0].concepts if c.id == f.term.concept)
    before = [(t.text, t.status) for t in concept.en]
    w.termbase_actions.add_rendering_from_finding()
    assert offered["default"].startswith("forbidden rendering of 两个确立")
    assert asked and "两个确立" in asked[0] and "non-standard rendering" in asked[0]
    assert [(t.text, t.status) for t in concept.en] == before  # No: nothing written
    assert default_status("term-literal", "") is Status.DEPRECATED and default_status("term-inconsistent", "admitted") is Status.ADMITTED


def test_saving_the_shipped_termbase_writes_the_users_copy(qtbot, _user_data):
    """Issue 16: the installed termbase is never written to; Save puts the edits in the user's data
    folder, and that copy is the default termbase from then on."""
    from reviewer.core.paths import SHIPPED_TERMBASE, default_termbase, writable_copy
    from reviewer.core.termbase import load_termbase

    shipped_bytes = SHIPPED_TERMBASE.read_bytes()
    assert default_termbase() == SHIPPED_TERMBASE
    w = TermbaseEditor(load_termbase(SHIPPED_TERMBASE), lambda c: [])
    qtbot.addWidget(w)
    cid = w.new_concept("测试概念", "test concept")
    assert cid and w.save()
    copy_path = writable_copy(SHIPPED_TERMBASE)
    assert copy_path.is_relative_to(_user_data) and copy_path.is_file()
    assert SHIPPED_TERMBASE.read_bytes() == shipped_bytes
    assert default_termbase() == copy_path and w.termbase.path == copy_path
    assert any(c.source_term == "测试概念" for c in load_termbase(copy_path).concepts)
    w.undo_stack.setClean()
