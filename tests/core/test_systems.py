"""Term accuracy and the comparison of systems in a batch."""

from reviewer.core.document import Document, Segment
from reviewer.core.review import make_review
from reviewer.core.systems import compare_documents


def system(tmp_path, name, targets):
    sources = ["要深刻领悟“两个确立”的决定性意义。", "推动高质量发展。"]
    return Document(tmp_path / name, [Segment(str(i + 1), i + 1, t, s) for i, (s, t) in enumerate(zip(sources, targets))])


def test_term_accuracy_per_system(tmp_path, mini_termbase):
    good = system(tmp_path, "good.txt", ["We must understand the decisive significance of the Two Establishes.", "High-quality development will be promoted."])
    bad = system(tmp_path, "bad.txt", ["We must understand the decisive significance of the two establishments.", "We will push forward good growth."])
    review = make_review([good, bad], [mini_termbase])
    review.run_checks()
    rows = {r.name: r for r in compare_documents(review)}
    assert (rows["good.txt"].rendered, rows["good.txt"].source_terms) == (2, 2) and rows["good.txt"].term_accuracy == 1.0
    assert (rows["bad.txt"].rendered, rows["bad.txt"].source_terms) == (0, 2) and rows["bad.txt"].term_accuracy == 0.0
    assert rows["bad.txt"].term_findings.get("term-forbidden") == 1 and not rows["good.txt"].term_findings.get("term-forbidden")
    assert rows["good.txt"].scores is not None and rows["good.txt"].scores.ter == 0.0


def test_post_edits_can_be_measured(tmp_path, mini_termbase):
    bad = system(tmp_path, "bad.txt", ["the two establishments.", "High-quality development."])
    review = make_review([bad], [mini_termbase])
    key = review.doc_key(bad)
    review.set_target(key, "1", "the Two Establishes.")
    assert compare_documents(review)[0].rendered == 1
    assert compare_documents(review, use_post_edits=True)[0].rendered == 2


def test_no_source_means_no_accuracy(sample_path, mini_termbase):
    from reviewer.core.readers import read_document

    review = make_review([read_document(sample_path)], [mini_termbase])
    (row,) = compare_documents(review)
    assert row.term_accuracy is None and row.source_terms == 0
