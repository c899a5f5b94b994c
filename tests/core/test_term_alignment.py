"""Locating what the target used for a source term, and the loose rendering test."""

from __future__ import annotations

import pytest

from reviewer.core.term_alignment import locate_rendering, renders


@pytest.mark.parametrize(
    "text, terms, expected",
    [
        ("strengthen the four senses and", ["four consciousnesses"], "four senses"),
        # a mangled doctrine name from a WMT output is found whole
        (
            "guided by Xi Jinping's socialism with Chinese characteristics in the new era, we",
            ["Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era"],
            "Xi Jinping's socialism with Chinese characteristics in the new era",
        ),
        # a list: only the item the term lacks is marked
        (
            "improve political judgment, political understanding and political execution",
            ["political judgment, understanding, and implementation"],
            "political execution",
        ),
        # windows stop at clause punctuation and never cut a hyphenated compound
        ("we promote, carbon peak carbon neutral work", ["carbon peaking and carbon neutrality"], "carbon peak carbon neutral"),
        (
            "build a moderately prosperous society in an all-round way",
            ["finish building a moderately prosperous society in all respects"],
            "build a moderately prosperous society",
        ),
        # one edge word may be new only when the window is no longer than the term
        (
            "the historical process of the great rejuvenation of the",
            ["great rejuvenation of the Chinese nation"],
            "great rejuvenation",
        ),
    ],
)
def test_locate_rendering(text, terms, expected):
    found = locate_rendering(text, terms)
    assert found is not None and found.text == expected
    assert text[found.start : found.end] == found.text and 0 < found.score <= 100


@pytest.mark.parametrize(
    "text, terms",
    [
        ("The weather was fine on Tuesday.", ["four consciousnesses"]),
        ("China and the new era of trade", ["Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era"]),
        ("", ["rural revitalization"]),
    ],
)
def test_nothing_to_locate(text, terms):
    assert locate_rendering(text, terms) is None


def test_taken_words_are_not_reused():
    text = "strengthen the four consciousness and the four senses"
    found = locate_rendering(text, ["four confidences"], taken=[(15, 33)])
    assert found is not None and found.text == "four senses"


def test_offsets_map_back_through_normalisation():
    text = "the\u00a0four\u2002senses here"
    found = locate_rendering(text, ["four consciousnesses"])
    assert found is not None and found.text == "four\u2002senses"


@pytest.mark.parametrize(
    "text, term, expected",
    [
        ("declare the building of a moderately prosperous society in all respects", "build a moderately prosperous society in all respects", True),
        ("the CPC Central Committee with Comrade Xi Jinping at the core", "CPC Central Committee with Comrade Xi Jinping at its core", True),
        ("the Party Central Committee with Comrade Xi Jinping at its core", "with Comrade Xi Jinping at its core", True),
        ("with Comrade Xi Jinping as its core", "with Comrade Xi Jinping at its core", False),
        ("Xi Jinping's Thought on Socialism", "Xi Jinping Thought on Socialism", False),
        ("rural revitalization strategies", "rural revitalization strategy", True),
        ("revitalization of rural areas", "rural revitalization", False),
        ("consolidate and expand the achievements of poverty alleviation", "consolidate and expand our achievements in poverty alleviation", True),
        ("consolidate and expand the achievements for poverty alleviation", "consolidate and expand our achievements in poverty alleviation", False),
        ("anything", "", False),
    ],
)
def test_renders(text, term, expected):
    assert renders(text, term) is expected
