"""Merging, splitting and re-pairing segments by hand, and keeping that across sessions."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.document import Document, Segment
from reviewer.core.readers import read_document
from reviewer.core.realign import merge_with_next, move_source_sentence, split_segment
from reviewer.core.review import make_review


def aligned(tmp_path: Path) -> Document:
    segs = [
        Segment("1", 1, "The meeting was held. It stressed the two establishments.", "会议召开。会议强调“两个确立”。"),
        Segment("2", 2, "We must strengthen the four consciousnesses.", "要增强“四个意识”。"),
        Segment("3", 3, "Rural revitalization was promoted.", "推进乡村振兴。"),
    ]
    return Document(path=tmp_path / "mt.txt", segments=segs, source_path=tmp_path / "zh.txt")


def test_split_cuts_target_and_source_at_the_sentence_boundary(tmp_path, mini_termbase):
    review = make_review([aligned(tmp_path)], [mini_termbase])
    key = review.doc_key(review.documents[0])
    first, second = split_segment(review, key, "1", len("The meeting was held. "))
    assert (first, second) == ("1", "1.1")
    a, b = review.documents[0].segments[:2]
    assert (a.target, a.source) == ("The meeting was held.", "会议召开。")
    assert (b.target, b.source) == ("It stressed the two establishments.", "会议强调“两个确立”。")


def test_split_a_post_edited_segment_keeps_both_edits(tmp_path, mini_termbase):
    review = make_review([aligned(tmp_path)], [mini_termbase])
    key = review.doc_key(review.documents[0])
    review.set_target(key, "1", "The meeting was held on Monday. It stressed the Two Establishes.")
    split_segment(review, key, "1", len("The meeting was held on Monday. "))
    assert review.target(key, "1") == "The meeting was held on Monday."
    assert review.target(key, "1.1") == "It stressed the Two Establishes."
    assert review.documents[0].segments[1].target == "It stressed the two establishments."  # the MT, cut at the mapped point


def test_merge_joins_mt_source_and_post_edits(tmp_path, mini_termbase):
    review = make_review([aligned(tmp_path)], [mini_termbase])
    key = review.doc_key(review.documents[0])
    review.set_target(key, "3", "Rural revitalization was advanced.")
    assert merge_with_next(review, key, "2") == "2"
    seg = review.documents[0].segments[1]
    assert seg.target == "We must strengthen the four consciousnesses. Rural revitalization was promoted."
    assert seg.source == "要增强“四个意识”。推进乡村振兴。"
    assert review.target(key, "2") == "We must strengthen the four consciousnesses. Rural revitalization was advanced."
    assert [s.id for s in review.documents[0].segments] == ["1", "2"] and (key, "3") not in review.corrected


def test_re_pair_moves_one_source_sentence(tmp_path, mini_termbase):
    review = make_review([aligned(tmp_path)], [mini_termbase])
    key = review.doc_key(review.documents[0])
    move_source_sentence(review, key, "1", forward=True)
    assert [s.source for s in review.documents[0].segments[:2]] == ["会议召开。", "会议强调“两个确立”。要增强“四个意识”。"]
    move_source_sentence(review, key, "1", forward=False)
    assert [s.source for s in review.documents[0].segments[:2]] == ["会议召开。会议强调“两个确立”。", "要增强“四个意识”。"]


@pytest.mark.parametrize(
    "action, message",
    [
        (lambda r, k: merge_with_next(r, k, "3"), "last segment"),
        (lambda r, k: split_segment(r, k, "2", 0), "cursor"),
        (lambda r, k: move_source_sentence(r, k, "3"), "last segment"),
    ],
)
def test_impossible_changes_say_why(tmp_path, mini_termbase, action, message):
    review = make_review([aligned(tmp_path)], [mini_termbase])
    with pytest.raises(ValueError, match=message):
        action(review, review.doc_key(review.documents[0]))


def test_units_of_a_bilingual_file_are_fixed(mini_termbase):
    doc = read_document(Path(__file__).parent.parent / "data" / "bilingual" / "mt-1.2.xlf")
    review = make_review([doc], [mini_termbase])
    with pytest.raises(ValueError, match="units of the file"):
        merge_with_next(review, review.doc_key(doc), "1")


def test_single_file_merge_stays_inside_a_paragraph(sample_path, mini_termbase):
    review = make_review([read_document(sample_path)], [mini_termbase])
    doc = review.documents[0]
    key = review.doc_key(doc)
    last_of_first_paragraph = [s for s in doc.segments if s.paragraph == doc.segments[0].paragraph][-1]
    with pytest.raises(ValueError, match="another paragraph"):
        merge_with_next(review, key, last_of_first_paragraph.id)


def test_regrouped_segments_survive_save_and_restore(tmp_path, sample_path, mini_termbase):
    review = make_review([read_document(sample_path)], [mini_termbase])
    doc = review.documents[0]
    key = review.doc_key(doc)
    seg = next(s for s in doc.segments if len(s.target) > 60)
    cut = seg.target.index(" ", 30) + 1
    split_segment(review, key, seg.id, cut)
    review.set_target(key, seg.id + ".1", "Edited second half.")
    save = tmp_path / "r.json"
    review.save(save)
    again = make_review([read_document(sample_path)], [mini_termbase])
    assert again.restore(save) == []
    assert [s.id for s in again.documents[0].segments] == [s.id for s in doc.segments]
    assert again.target(key, seg.id + ".1") == "Edited second half."
