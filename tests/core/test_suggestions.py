"""Accepting a suggestion gives correct English: real MT sentences in, applied sentences out, exact (issue 16)."""

from __future__ import annotations

import pytest

from reviewer.core.checks import SegmentText, run_checks
from reviewer.core.checks.fit import fit_span
from reviewer.core.matching import TermMatcher

CASES = [
    # (Chinese source or None, MT sentence, check, the sentence with the suggestion applied)
    (
        "全年规上工业增加值增长6.5%",
        "The added value of industries above the standard grew by 6.5% for the whole year.",
        "term-missing",
        "The value-added of industrial enterprises above designated size grew by 6.5% for the whole year.",
    ),
    (
        "全面推进乡村振兴，巩固拓展脱贫攻坚成果。",
        "We will comprehensively promote rural revitalization and consolidate and expand the achievements of poverty alleviation.",
        "term-missing",
        "We will advance rural revitalization across the board and consolidate and expand the achievements of poverty alleviation.",
    ),
    (
        None,
        "That is, to make corrections immediately after knowing, to investigate and make reforms immediately.",
        "term-forbidden",
        "That is, to make immediate corrections, to investigate and make reforms immediately.",
    ),
    (
        None,
        "In line with the meeting, research and deployment of the municipal government system to implement the work.",
        "term-forbidden",
        "In line with the meeting, study and make arrangements for the municipal government system to implement the work.",
    ),
    (
        None,
        "Deeply understand the decisive significance of the “two establishments”.",
        "term-forbidden",
        "Deeply understand the decisive significance of the “Two Establishes”.",
    ),
]


@pytest.fixture(scope="module")
def matcher(shipped_termbase):
    return TermMatcher([shipped_termbase])


@pytest.mark.parametrize("source, mt, check, applied", CASES)
def test_accepted_suggestion_gives_the_sentence(matcher, source, mt, check, applied):
    found = [f for f in run_checks([SegmentText("d", "1", mt, source)], matcher, checks=[check]) if f.suggestion and f.end > f.start]
    assert found, "no finding with a suggestion"
    f = found[0]
    assert mt[: f.start] + f.suggestion + mt[f.end :] == applied


@pytest.mark.parametrize(
    "text, span, suggestion, expected",
    [
        ("to make corrections at once", "corrections at once", "make immediate corrections", "make corrections at once"),
        ("research and deployment of the system", "research and deployment", "study and make arrangements for", "research and deployment of"),
        ("the spirit of the meeting", "spirit", "guiding principles", "spirit"),  # fits already
        ("the two establishments", "two establishments", "Two Establishes", "two establishments"),
    ],
)
def test_fit_span(text, span, suggestion, expected):
    start = text.index(span)
    s, e = fit_span(text, start, start + len(span), suggestion)
    assert text[s:e] == expected
