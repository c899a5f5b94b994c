"""Issue 16: making a rendering the termbase rejects acceptable asks first and shows the concept.

Every path that sets a status is driven as a user would: the Status combo of the terms
table (the real delegate and a real combo box), the editor's Add Term dialog, and Ctrl+T
(add to termbase from a finding). The question is patched; No is its default button.
"""

import copy

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox

from reviewer.core.termbase import Status, Term
from reviewer.gui.models.concepts import TermTableModel
from reviewer.gui.termbase_editor import TermbaseEditor
from reviewer.gui.widgets.status_confirm import held_status, needs_confirmation

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def editor(qtbot, mini_termbase):
    w = TermbaseEditor(copy.deepcopy(mini_termbase), lambda c: [])
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.undo_stack.setClean()  # closing would ask to save
    w.close()
    w.deleteLater()


@pytest.fixture
def questions(monkeypatch):
    """Records every question; ``questions.answer`` is what the user clicks."""

    class Recorder(list):
        answer = No

    asked = Recorder()

    def question(parent, title, text, buttons=None, default=None):
        asked.append({"title": title, "text": text, "buttons": buttons, "default": default})
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def statuses(editor, concept_id):
    return {t.text: t.status for t in editor.termbase.concept(concept_id).en}


def shown_status(editor, text):
    m = editor.term_model
    row = next(r for r in range(m.rowCount()) if m.term(r).text == text)
    return m.data(m.index(row, TermTableModel.STATUS), Qt.ItemDataRole.EditRole)


def pick_status_in_combo(qtbot, editor, text, status, until):
    """Double-click-edit the Status cell of ``text``, choose ``status`` in the combo, press Enter;
    wait ``until()`` (the editor makes the change, and asks, once the cell editor has closed)."""
    m = editor.term_model
    row = next(r for r in range(m.rowCount()) if m.term(r).text == text)
    index = m.index(row, TermTableModel.STATUS)
    editor.terms.setCurrentIndex(index)
    editor.terms.edit(index)
    combo = editor.terms.findChild(QComboBox)
    assert combo is not None and combo.currentText() == m.data(index, Qt.ItemDataRole.EditRole)
    combo.setCurrentText(status)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(until)
    qtbot.wait(20)  # nothing more happens after it


def test_forbidden_to_admitted_in_the_table_asks_and_no_keeps_everything(qtbot, editor, questions):
    editor.select_concept("two-establishes")
    depth = editor.undo_stack.count()
    pick_status_in_combo(qtbot, editor, "two establishments", "admitted", lambda: bool(questions))
    assert len(questions) == 1
    q = questions[0]
    assert q["text"] == (
        "Make “two establishments” an admitted rendering of 两个确立 (preferred “Two Establishes”)? "
        "It is now forbidden: texts that use it will no longer be flagged."
    )
    assert q["default"] == No and q["buttons"] == Yes | No  # one Enter does not confirm
    # No: the termbase, the table and the undo history are as they were
    assert statuses(editor, "two-establishes")["two establishments"] is Status.FORBIDDEN
    assert shown_status(editor, "two establishments") == "forbidden"
    assert editor.undo_stack.count() == depth and editor.undo_stack.isClean()


def test_forbidden_to_admitted_in_the_table_confirmed_changes_the_termbase(qtbot, editor, questions):
    editor.select_concept("two-establishes")
    changed = []
    editor.changed.connect(lambda: changed.append(1))
    questions.answer = Yes
    pick_status_in_combo(qtbot, editor, "two establishments", "admitted", lambda: shown_status(editor, "two establishments") == "admitted")
    assert len(questions) == 1
    assert statuses(editor, "two-establishes") == {"Two Establishes": Status.PREFERRED, "two establishments": Status.ADMITTED}
    assert shown_status(editor, "two establishments") == "admitted"
    assert changed and not editor.undo_stack.isClean()
    editor.undo_stack.undo()  # one undo step puts it back
    assert statuses(editor, "two-establishes")["two establishments"] is Status.FORBIDDEN
    assert shown_status(editor, "two establishments") == "forbidden"


def test_deprecated_to_preferred_names_the_preferred_term_it_replaces(editor, questions):
    editor.select_concept("four-consciousnesses")
    row = [editor.term_model.term(r).text for r in range(editor.term_model.rowCount())].index("four consciousness")
    index = editor.term_model.index(row, TermTableModel.STATUS)
    editor.term_model.setData(index, "preferred")
    assert "preferred rendering of 四个意识 (instead of “four consciousnesses”, which becomes admitted)?" in questions[0]["text"]
    assert "It is now deprecated" in questions[0]["text"]
    assert statuses(editor, "four-consciousnesses")["four consciousness"] is Status.DEPRECATED
    questions.answer = Yes
    editor.term_model.setData(index, "preferred")
    assert statuses(editor, "four-consciousnesses") == {"four consciousnesses": Status.ADMITTED, "four consciousness": Status.PREFERRED}


@pytest.mark.parametrize(
    ("concept_id", "text", "new"),
    [
        ("20th-congress", "20th Party Congress", "preferred"),  # admitted -> preferred: both acceptable
        ("20th-congress", "20th Party Congress", "forbidden"),  # acceptable -> not acceptable
        ("two-establishes", "two establishments", "deprecated"),  # not acceptable -> not acceptable
    ],
)
def test_other_status_changes_do_not_ask(qtbot, editor, questions, concept_id, text, new):
    editor.select_concept(concept_id)
    pick_status_in_combo(qtbot, editor, text, new, lambda: shown_status(editor, text) == new)
    assert questions == []
    assert statuses(editor, concept_id)[text] is Status(new)
    assert shown_status(editor, text) == new


def test_add_term_dialog_on_a_forbidden_text_asks(editor, questions, monkeypatch):
    editor.select_concept("two-establishes")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("two  establishments", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("admitted", True))
    editor.add_term_dialog()
    assert len(questions) == 1 and "“two establishments” an admitted rendering of 两个确立" in questions[0]["text"]
    assert statuses(editor, "two-establishes")["two establishments"] is Status.FORBIDDEN and editor.undo_stack.isClean()
    questions.answer = Yes
    editor.add_term_dialog()
    assert statuses(editor, "two-establishes")["two establishments"] is Status.ADMITTED
    # a new rendering, or an acceptable one, is added without a question
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Two Establishments", True))
    editor.add_term_dialog()
    assert len(questions) == 2 and statuses(editor, "two-establishes")["Two Establishments"] is Status.ADMITTED


def test_held_status_compares_term_keys():
    from reviewer.core.termbase import Concept

    c = Concept(id="x", zh=[Term("两个确立", lang="zh-Hans", status=Status.PREFERRED)], en=[Term("Two Establishes", status=Status.PREFERRED), Term("two establishments", status=Status.FORBIDDEN)])
    assert held_status(c, "Two  Establishments") is Status.FORBIDDEN
    assert held_status(c, "two establishes") is Status.PREFERRED and held_status(c, "the two") is None
    assert needs_confirmation(Status.SUPERSEDED, Status.ADMITTED) and not needs_confirmation(Status.ADMITTED, Status.PREFERRED)
    assert not needs_confirmation(None, Status.ADMITTED) and not needs_confirmation(Status.FORBIDDEN, Status.DEPRECATED)


def test_ctrl_t_asks_when_the_termbase_now_holds_the_text_as_forbidden(qtbot, tmp_path, sample_path, mini_tbx, questions, monkeypatch):
    """A term-inconsistent finding offers "admitted" first; if the termbase has since come to
    hold its text as forbidden (the recheck has not caught up), Ctrl+T still asks."""
    from reviewer.gui.main_window import MainWindow

    w = MainWindow([mini_tbx], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    f = next(x for x in w.review.findings if x.check == "term-inconsistent" and x.text == "20th National Congress of the Party")
    w.select_segment(f.document, f.segment)
    w.panel.select_finding(f)
    concept = next(c for c in w.termbases[0].concepts if c.id == f.term.concept)
    held = next(t for t in concept.en if t.text == f.text)
    assert held.status is Status.ADMITTED and f.term.status == "admitted"
    held.status = Status.FORBIDDEN  # changed since the check (the recheck has not caught up)
    offered = {}

    def get_item(parent, title, label, choices, current, editable):
        offered["default"] = choices[current]
        return choices[current], True  # one Enter

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    w.termbase_actions.add_rendering_from_finding()
    assert offered["default"].startswith("admitted rendering of")
    assert len(questions) == 1 and questions[0]["default"] == No
    assert f"Make “{f.text}” an admitted rendering of 党的二十大 (preferred “20th CPC National Congress”)? It is now forbidden" in questions[0]["text"]
    assert held.status is Status.FORBIDDEN and w.termbase_actions.editor.undo_stack.isClean()
    questions.answer = Yes
    w.termbase_actions.add_rendering_from_finding()
    assert len(questions) == 2
    assert [t.status for t in w.termbases[0].concept(concept.id).en if t.text == f.text] == [Status.ADMITTED]
    w.termbase_actions.editor.undo_stack.setClean()
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
