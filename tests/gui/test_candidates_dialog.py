"""Termbase ▸ Candidate Terms on the bundled sample: list, go to, make a concept of one."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.gui.main_window import MainWindow
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.candidates import CandidateTableModel


def test_candidate_terms_dialog(qtbot, tmp_path, sample_path, qtmodeltester, monkeypatch):
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    assert w.termbase_actions.candidates_dialog() is None  # nothing open yet
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    dialog = w.termbase_actions.candidates_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    # the shipped termbase covers the sample's phrases seen three times; look at those seen twice
    dialog.min_count.setValue(2)
    w.termbase_actions.find_candidates(dialog.min_count.value())
    qtbot.waitUntil(lambda: not w.tasks and dialog.model.rowCount() > 0, timeout=20000)
    qtmodeltester.check(dialog.model)
    texts = [dialog.model.candidate(r).text for r in range(dialog.model.rowCount())]
    assert "provincial and municipal" in texts and texts == [c.text for c in sorted((dialog.model.candidate(r) for r in range(len(texts))), key=lambda c: -c.score)]
    assert dialog.model.data(dialog.model.index(0, CandidateTableModel.LANGUAGE)) == "English"

    row = texts.index("provincial and municipal")
    dialog.table.selectRow(row)
    candidate = dialog.proxy.data(dialog.proxy.index(row, 0), ObjectRole)
    dialog.go_to_selected()
    assert w.current == candidate.places[0]
    dialog.go_to_selected()
    assert w.current == candidate.places[1]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("省市", True))
    cid = w.termbase_actions.new_concept_from_candidate(candidate)
    assert cid is not None
    concept = next(c for c in w.termbases[0].concepts if c.id == cid)
    assert concept.source_term == "省市" and concept.preferred_text == "provincial and municipal"

    # the termbase now covers it: looked for again, it is gone
    w.termbase_actions.find_candidates(dialog.min_count.value())
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    found = [dialog.model.candidate(r) for r in range(dialog.model.rowCount())]
    assert found and min(c.count for c in found) >= 2
    assert "provincial and municipal" not in [c.text for c in found]
    w.termbase_actions.termbase_editor().discard_changes()
