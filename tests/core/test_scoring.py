"""Scores against hand-computed values, honest gaps, and the per-segment/document/batch report."""

import pytest
from sacrebleu.metrics.chrf import CHRF

from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.core.scoring import corpus_scores, segment_scores, tokenizer_for


@pytest.mark.parametrize(
    "hyp, ref, ter",
    [
        ("a b c d", "a b x d", 25.0),  # one substitution over four reference words
        ("a b c d", "a b c d e", 20.0),  # one insertion over five
        ("the two establishments", "the Two Establishes", 33.33),  # sacrebleu TER ignores case: one of three words
        ("a b c d", "a b c d", 0.0),
    ],
)
def test_ter_hand_computed(hyp, ref, ter):
    assert segment_scores(hyp, ref).ter == ter


def test_bleu_of_an_unchanged_segment_is_100_and_chrf_matches_sacrebleu():
    s = segment_scores("We will promote rural revitalization in all respects .", "We will promote rural revitalization in all respects .")
    assert (s.bleu, s.chrf, s.ter) == (100.0, 100.0, 0.0)
    hyp, ref = "We promote rural revitalisation.", "We promote rural revitalization."
    assert segment_scores(hyp, ref).chrf == round(CHRF().sentence_score(hyp, [ref]).score, 2)


@pytest.mark.parametrize(
    "hyp, ref",
    [("", "Some reference."), ("Some MT.", ""), ("   ", "x")],
)
def test_empty_sides_are_not_applicable(hyp, ref):
    s = segment_scores(hyp, ref)
    assert (s.bleu, s.chrf, s.ter) == (None, None, None)


def test_very_short_segments_have_no_bleu_but_chrf_and_ter():
    s = segment_scores("Two Upholds", "Two Upholds")
    assert s.bleu is None and s.chrf == 100.0 and s.ter == 0.0


def test_chinese_is_tokenised_by_character():
    assert tokenizer_for("zh-CN") == "zh" and tokenizer_for("en-US") == "13a"
    assert segment_scores("两个确立", "两个维护", lang="zh").ter == 50.0  # 2 of 4 characters differ


def test_corpus_scores_skip_empty_segments_and_keep_signatures():
    scores = corpus_scores(["a b c d", "", "x y z w"], ["a b c d", "kept out", "x y z w"])
    assert (scores.bleu, scores.ter, scores.segments, scores.skipped) == (100.0, 0.0, 2, 1)
    assert "tok:13a" in scores.signatures["BLEU"] and scores.signatures["TER"].startswith("nrefs:1")
    with pytest.raises(ValueError, match="nothing to score"):
        corpus_scores(["", ""], ["a", "b"])
    with pytest.raises(ValueError, match="2 hypotheses but 1 references"):
        corpus_scores(["a", "b"], ["a"])


def test_review_report_per_segment_document_and_batch(sample_path, mini_termbase, tmp_path):
    review = make_review([read_document(sample_path)], [mini_termbase])
    key = review.doc_key(review.documents[0])
    report = review.scores()
    assert report.batch is not None and report.batch.ter == 0.0 and report.batch.bleu == 100.0  # nothing post-edited yet
    review.set_target(key, "5", review.target(key, "5").replace("two establishments", "Two Establishes"))
    report = review.scores()
    row = next(r for r in report.rows if r.segment == "5")
    assert row.edited and 0 < row.post_edit.ter < 10
    assert report.documents[key] is not None and 0 < report.documents[key].ter < 1
    assert report.reference_batch is None  # no reference translation loaded
    csv = tmp_path / "pairs.csv"
    csv.write_text("source,target,reference\n两个确立,the two establishments,the Two Establishes\n乡村振兴,rural revitalization,rural revitalization\n", encoding="utf-8")
    review = make_review([read_document(csv)], [mini_termbase])
    report = review.scores()
    assert report.reference_batch is not None and report.reference_batch.segments == 2
    assert [r.reference.ter for r in report.rows] == [33.33, 0.0]
