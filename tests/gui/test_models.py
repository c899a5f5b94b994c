"""The table models, without views, then through qtmodeltester."""

import pytest
from PySide6.QtCore import Qt

from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.gui.models import ObjectRole
from reviewer.gui.models.findings import FindingTableModel
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.models.terms import TermHitModel


@pytest.fixture
def review(sample_path, mini_termbase):
    r = make_review([read_document(sample_path)], [mini_termbase])
    r.run_checks()
    return r


def test_segment_model(qtmodeltester, review):
    model = SegmentTableModel(review)
    qtmodeltester.check(model)
    assert model.rowCount() == 20 and model.columnCount() == 6 and not model.has_sources()
    row = model.row_of(review.doc_key(review.documents[0]), "5")
    assert model.data(model.index(row, SegmentTableModel.ID)) == "5"
    assert "two establishments" in model.data(model.index(row, SegmentTableModel.MT))
    assert model.data(model.index(row, SegmentTableModel.FINDINGS)) == 3
    assert model.data(model.index(row, SegmentTableModel.SOURCE)) == ""
    assert model.data(model.index(row, SegmentTableModel.STATE)) == "translated"
    assert model.data(model.index(row, 0), ObjectRole) == (review.doc_key(review.documents[0]), "5")


def test_finding_model_and_filter(qtmodeltester, review):
    model = FindingTableModel(review)
    qtmodeltester.check(model)
    total = model.rowCount()
    assert total == len(review.findings)
    model.set_check("punctuation")
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < total
    assert all(model.data(model.index(r, FindingTableModel.CHECK)) == "punctuation" for r in range(model.rowCount()))
    f = model.data(model.index(0, 0), ObjectRole)
    review.dismiss(f)
    from reviewer.core.review import Decision

    model.set_decision(Decision.OPEN)
    shown = [model.data(model.index(r, 0), ObjectRole) for r in range(model.rowCount())]
    assert shown and all(x.key != f.key and x.check == "punctuation" for x in shown)
    model.set_decision(None)
    model.set_check("")
    assert model.rowCount() == total and not model.active()
    row = review.findings.index(f)
    assert model.data(model.index(row, FindingTableModel.DECISION)) == "dismissed"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).strikeOut()


def test_decision_filter_follows_new_decisions(review):
    from reviewer.core.review import Decision

    model = FindingTableModel(review)
    model.set_decision(Decision.OPEN)
    before = model.rowCount()
    review.dismiss(model.finding(0))
    model.decisions_changed()
    assert model.rowCount() == before - 1


def test_term_model(qtmodeltester, review):
    model = TermHitModel()
    model.set_hits(review.matcher.match("the “two establishments” and the 20th CPC National Congress"))
    qtmodeltester.check(model)
    assert [model.data(model.index(r, TermHitModel.STATUS)) for r in range(2)] == ["forbidden", "preferred"]
    assert model.data(model.index(0, TermHitModel.CHINESE)) == "两个确立"
    assert model.data(model.index(0, TermHitModel.PREFERRED)) == "Two Establishes"


def test_accepted_findings_stay_listed(review):
    f = next(x for x in review.findings if x.text == "two establishments")
    review.accept(f)
    review.run_checks()
    model = FindingTableModel(review)
    from reviewer.core.review import Decision

    model.set_decision(Decision.ACCEPTED)
    assert [model.data(model.index(r, FindingTableModel.TEXT)) for r in range(model.rowCount())] == ["two establishments"]


def test_findings_filter_by_severity_concept_and_state(qtmodeltester, review):
    model = FindingTableModel(review)
    total = model.rowCount()
    model.set_severity("minor")
    shown = [model.data(model.index(r, 0), ObjectRole) for r in range(model.rowCount())]
    assert shown and all(f.severity.value == "minor" for f in shown) and len(shown) < total
    model.set_severity("")
    concept = next(f.term.concept for f in review.findings if f.term is not None)
    assert concept in dict(model.concepts())
    model.set_concept(concept)
    shown = [model.data(model.index(r, 0), ObjectRole) for r in range(model.rowCount())]
    assert shown and all(f.term.concept == concept for f in shown)
    model.set_concept("")
    f = review.findings[0]
    review.set_state(f.document, f.segment, "reviewed")
    model.set_state("reviewed")
    shown = [model.data(model.index(r, 0), ObjectRole) for r in range(model.rowCount())]
    assert shown and all(x.segment == f.segment for x in shown)


def test_an_accepted_finding_keeps_its_place_in_the_findings_table(review):
    f = next(x for x in review.findings if x.text == "two establishments")
    review.accept(f)
    review.run_checks()  # the accepted finding is gone from the run: the table keeps it
    model = FindingTableModel(review)
    segments = [int(model.finding(r).segment) for r in range(model.rowCount())]
    row = next(r for r in range(model.rowCount()) if model.finding(r).key == f.key)
    assert model.data(model.index(row, FindingTableModel.DECISION)) == "accepted"
    assert segments == sorted(segments) and segments[row] == int(f.segment) and row < model.rowCount() - 1
