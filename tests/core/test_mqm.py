"""The MQM scorecard against hand-computed values."""

import pytest

from reviewer.core.document import Document, Segment
from reviewer.core.mqm import ScorecardSettings, category_of, scorecards, source_words, target_words
from reviewer.core.review import ManualError, make_review


@pytest.mark.parametrize(
    "category, top",
    [("Terminology/Wrong term", "Terminology"), ("Accuracy/Omission", "Accuracy"), ("Fluency/Punctuation", "Fluency"),
     ("Locale convention/Date format", "Locale convention"), ("Design/Markup", "Style")],
)
def test_categories(category, top):
    assert category_of(category) == top


def test_word_counts():
    assert target_words("We must uphold the “Two Establishes” — firmly.") == 7
    assert source_words("全面推进乡村振兴。") == 4  # 全面 / 推进 / 乡村 / 振兴 (the punctuation does not count)


def make(tmp_path, mini_termbase):
    segs = [
        Segment("1", 1, "We must understand the two establishments and strengthen the four consciousness.", "要深刻领悟两个确立，增强四个意识。"),
        Segment("2", 2, "Promote high-quality development.", "推动高质量发展。"),
    ]
    review = make_review([Document(tmp_path / "a.txt", segs)], [mini_termbase])
    review.run_checks()
    return review


def test_only_decided_errors_count_and_the_penalty_is_per_1000_words(tmp_path, mini_termbase):
    review = make(tmp_path, mini_termbase)
    key = review.doc_key(review.documents[0])
    card, batch = scorecards(review, ScorecardSettings(per="target"))
    assert card.points == 0 and card.passed and card.words == 14  # 11 + 3 target words, nothing decided yet
    forbidden = next(f for f in review.findings if f.check == "term-forbidden")  # major: 5 points
    deprecated = next(f for f in review.findings if f.check == "term-nonstandard")  # minor: 1 point
    review.accept(forbidden)
    review.mark_fixed(deprecated)
    review.add_error(ManualError(key, "2", 0, 7, "Promote", "Fluency/Grammar", "critical", "no subject"))  # 25 points
    card, batch = scorecards(review, ScorecardSettings(per="target"))
    assert card.points == 31.0
    assert card.penalty == round(1000 * 31 / 14, 2) == 2214.29 and not card.passed
    assert card.counts[("Terminology", "major")] == 1 and card.counts[("Terminology", "minor")] == 1 and card.counts[("Fluency", "critical")] == 1
    assert batch.name == "Batch" and batch.points == 31.0


def test_weights_threshold_and_source_words_are_configurable(tmp_path, mini_termbase):
    review = make(tmp_path, mini_termbase)
    review.accept(next(f for f in review.findings if f.check == "term-forbidden"))
    settings = ScorecardSettings(weights={"minor": 1, "major": 10, "critical": 25}, threshold=1000, per="source")
    card, _ = scorecards(review, settings)
    words = source_words("要深刻领悟两个确立，增强四个意识。") + source_words("推动高质量发展。")
    assert card.word_basis == "source" and card.words == words
    assert card.points == 10 and card.penalty == round(10_000 / words, 2) and card.passed


def test_a_batch_with_and_without_sources_is_counted_in_target_words(tmp_path, mini_termbase):
    with_source = Document(tmp_path / "a.txt", [Segment("1", 1, "Promote high-quality development.", "推动高质量发展。")])
    without = Document(tmp_path / "b.txt", [Segment("1", 1, "We must uphold the Two Establishes firmly.", None)])
    review = make_review([with_source, without], [mini_termbase])
    a, b, batch = scorecards(review, ScorecardSettings(per="source"))
    assert (a.word_basis, b.word_basis) == ("source", "target")
    assert batch.word_basis == "target" and batch.words == 3 + 7  # never Chinese words plus English ones
    both = make_review([with_source, with_source.__class__(tmp_path / "c.txt", with_source.segments)], [mini_termbase])
    *_, batch = scorecards(both, ScorecardSettings(per="source"))
    assert batch.word_basis == "source" and batch.words == 2 * source_words("推动高质量发展。")
