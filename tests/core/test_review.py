import json

import pytest

from reviewer.core.readers import read_document
from reviewer.core.errors import InputError
from reviewer.core.review import Decision, make_review


@pytest.fixture
def review(sample_path, mini_termbase):
    r = make_review([read_document(sample_path)], [mini_termbase])
    r.run_checks()
    return r


def by_text(review, text, check=("term-nonstandard", "term-forbidden")):
    checks = (check,) if isinstance(check, str) else check
    return next(f for f in review.findings if f.text == text and f.check in checks)


def test_accept_replaces_the_span_and_keeps_the_mt(review):
    f = by_text(review, "two establishments")
    new = review.accept(f)
    assert "decisive significance of the “Two Establishes”" in new
    doc = review.documents[0]
    assert "two establishments" in doc.segment(f.segment).target  # the MT is untouched
    assert review.is_changed(f.document, f.segment)
    review.run_checks()
    assert not [x for x in review.findings if x.text == "two establishments"]
    assert review.applied[0].replaced == "two establishments"


def test_accept_refuses_stale_offsets(review):
    f = by_text(review, "two establishments")
    review.set_target(f.document, f.segment, "Completely rewritten.")
    with pytest.raises(ValueError, match="changed since"):
        review.accept(f)


def test_dismissed_finding_stays_dismissed_after_recheck(review):
    f = by_text(review, "self-revolution")
    review.dismiss(f, "quoting the MT on purpose")
    review.run_checks()
    again = by_text(review, "self-revolution")
    assert review.decision(again) is Decision.DISMISSED
    assert again not in review.open_findings()


def test_save_and_restore(review, tmp_path, sample_path, mini_termbase):
    f = by_text(review, "two establishments")
    review.accept(f)
    review.dismiss(by_text(review, "self-revolution"))
    path = tmp_path / "r.review.json"
    review.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "reviewer-review" and data["version"] == 1
    fresh = make_review([read_document(sample_path)], [mini_termbase])
    assert fresh.restore(path) == []
    assert fresh.target(f.document, f.segment) == review.target(f.document, f.segment)
    fresh.run_checks()
    assert fresh.decision(by_text(fresh, "self-revolution")) is Decision.DISMISSED
    assert len(fresh.applied) == 1


def test_restore_skips_changed_documents(review, tmp_path, mini_termbase):
    src = tmp_path / "a.txt"
    src.write_text("The two establishments matter.\n", encoding="utf-8")
    r = make_review([read_document(src)], [mini_termbase])
    r.run_checks()
    r.accept(r.findings[0] if r.findings[0].check == "term-nonstandard" else by_text(r, "two establishments"))
    save = tmp_path / "a.review.json"
    r.save(save)
    src.write_text("Something else entirely.\n", encoding="utf-8")
    r2 = make_review([read_document(src)], [mini_termbase])
    warnings = r2.restore(save)
    assert warnings and "changed since" in warnings[0]
    assert r2.corrected == {}


def test_accepting_settles_other_findings_on_the_same_span(tmp_path, mini_termbase):
    src = tmp_path / "a.txt"
    src.write_text("The 20th CPC National Congress opened. The 20th Party Congress closed.\n", encoding="utf-8")
    r = make_review([read_document(src)], [mini_termbase])
    r.run_checks()
    f = by_text(r, "20th Party Congress", check="term-inconsistent")
    r.accept(f)
    r.run_checks()
    accepted = [(g.check, g.text) for g, d in r.all_findings() if d is Decision.ACCEPTED]
    assert ("term-inconsistent", "20th Party Congress") in accepted


def test_corrected_text_export(review, tmp_path):
    from reviewer.core.export import corrected_text, write_corrected_text

    review.accept(by_text(review, "two establishments"))
    doc = review.documents[0]
    text = corrected_text(review, doc)
    assert text.startswith("Date: 2023-01-19\nSource: Fuxin News Network\n\nOn January 18,")
    assert "“Two Establishes”" in text and text.count("\n\n") == 8
    out = tmp_path / "c.txt"
    write_corrected_text(review, doc, out)
    again = read_document(out)
    assert len(again.segments) == len(doc.segments)
    assert again.metadata == doc.metadata


def test_false_positive_rules_travel_across_segments_documents_and_teams(tmp_path, mini_termbase):
    a = tmp_path / "a.txt"
    a.write_text("The port of Dalian grew. Ships use the harbour of Dalian daily.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Cruise ships use the “harbour” of Dalian too.\n", encoding="utf-8")
    r = make_review([read_document(a), read_document(b)], [mini_termbase])
    r.run_checks()
    first = next(f for f in r.findings if f.text == "harbour" and f.document == str(a))
    r.dismiss(first, "a place name")
    r.run_checks()
    other = next(f for f in r.findings if f.text == "harbour" and f.document == str(b))
    assert r.decision(other) is Decision.DISMISSED  # same words around it: the same false alarm
    shared = tmp_path / "fp.json"
    assert r.export_false_positives(shared) == 1
    fresh = make_review([read_document(b)], [mini_termbase])
    fresh.run_checks()
    assert fresh.open_findings() and fresh.decision(fresh.open_findings()[0]) is Decision.OPEN
    assert fresh.import_false_positives(shared) == 1
    assert [f for f in fresh.open_findings() if f.text == "harbour"] == []
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a false-positive file"):
        fresh.import_false_positives(bad)


def test_bulk_dismissal(review):
    n = review.dismiss_all(check="punctuation")
    assert n > 0 and not [f for f in review.open_findings() if f.check == "punctuation"]
    assert review.dismiss_all(concept="two-establishes") == 1


@pytest.fixture
def shipped_review(sample_path, shipped_termbase):
    r = make_review([read_document(sample_path)], [shipped_termbase])
    r.run_checks()
    return r


def test_a_suggestion_the_tool_cannot_place_is_not_accepted_in_one_step(shipped_review):
    """Segment 9 of the sample: the MT's verb phrase 'revitalize the Northeast in a new era' has a
    noun rendering, so replacing the span would break the sentence."""
    review = shipped_review
    f = next(x for x in review.findings if x.segment == "9" and x.text == "revitalize the Northeast in a new era")
    assert f.manual and "needs a verb" in f.details["placement"]
    before = review.target(f.document, f.segment)
    with pytest.raises(ValueError, match="cannot be placed safely: the sentence needs a verb"):
        review.accept(f)
    assert review.target(f.document, f.segment) == before and review.decision(f) is Decision.OPEN
    forced = review.accept(f, force=True)  # the reviewer saw the reason and asked for it
    assert forced == before.replace("revitalize the Northeast in a new era", f.suggestion)


def test_accepted_text_previews_without_changing_anything(shipped_review):
    review = shipped_review
    f = next(x for x in review.findings if x.suggestion and not x.manual and x.check.startswith("term-"))
    before = review.target(f.document, f.segment)
    preview = review.accepted_text(f)
    assert preview == before[: f.start] + f.suggestion + before[f.end :] and preview != before
    assert review.target(f.document, f.segment) == before and review.decision(f) is Decision.OPEN and not review.applied
    assert review.accept(f) == preview
