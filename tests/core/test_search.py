"""Find and replace over a review."""

import pytest

from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.core.search import compile_pattern, find, plan_replace


@pytest.fixture
def review(sample_path, mini_termbase):
    return make_review([read_document(sample_path)], [mini_termbase])


def test_plain_find_is_case_insensitive_by_default(review):
    found = find(review, compile_pattern("two establishments"))
    assert [(m.segment, m.text) for m in found] == [("5", "two establishments")]
    assert find(review, compile_pattern("Two Establishments", case=True)) == []


def test_regex_and_whole_words(review):
    found = find(review, compile_pattern(r"\bparty\b", regex=True, case=True))
    assert found and all(m.text == "party" for m in found)
    assert not find(review, compile_pattern("part", whole_words=True))
    assert find(review, compile_pattern("part"))


def test_find_in_mt_sees_the_mt_not_the_post_edit(review):
    key = review.doc_key(review.documents[0])
    review.set_target(key, "5", review.target(key, "5").replace("two establishments", "Two Establishes"))
    assert find(review, compile_pattern("two establishments"), "corrected") == []
    assert len(find(review, compile_pattern("two establishments"), "mt")) == 1


def test_replace_plan_with_groups(review):
    plan = plan_replace(review, compile_pattern(r"“(\w+) establishments”", regex=True), r"“\1 Establishes”")
    assert len(plan) == 1 and "“two Establishes”" in plan[0].new and plan[0].count == 1
    assert "two establishments" in review.target(plan[0].document, plan[0].segment)  # nothing applied yet


@pytest.mark.parametrize("pattern, regex, message", [("", False, "type something"), ("(unclosed", True, "not a valid regular expression")])
def test_bad_patterns(pattern, regex, message):
    with pytest.raises(ValueError, match=message):
        compile_pattern(pattern, regex=regex)


def test_bad_group_reference(review):
    with pytest.raises(ValueError, match="does not fit"):
        plan_replace(review, compile_pattern("two", regex=True), r"\3")
