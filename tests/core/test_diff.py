"""Word diffs and invisible characters."""

import pytest

from reviewer.core.diff import diff_html, odd_characters, show_invisibles, word_diff


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("the two establishments.", "the Two Establishes.", [("equal", "the "), ("delete", "two establishments"), ("insert", "Two Establishes"), ("equal", ".")]),
        ("a b", "a b", [("equal", "a b")]),
        ("", "new text", [("insert", "new text")]),
        ("old text", "", [("delete", "old text")]),
        ("strengthen it and strengthen it.", "strengthen it.", [("delete", "strengthen it and "), ("equal", "strengthen it.")]),
        ("a b c d", "a x c y", [("equal", "a "), ("delete", "b"), ("insert", "x"), ("equal", " c "), ("delete", "d"), ("insert", "y")]),
    ],
)
def test_word_diff(old, new, expected):
    assert word_diff(old, new) == expected
    assert "".join(t for op, t in word_diff(old, new) if op != "insert") == old
    assert "".join(t for op, t in word_diff(old, new) if op != "delete") == new


def test_invisibles_are_named_and_marked_without_moving_offsets():
    text = "high\u2011quality\u00a0growth\u200b and a\u2014b"
    assert [name for _, name in odd_characters(text)] == [
        "U+2011 NON-BREAKING HYPHEN", "U+00A0 NO-BREAK SPACE", "U+200B ZERO WIDTH SPACE", "U+2014 EM DASH",
    ]
    shown = show_invisibles(text)
    assert len(shown) == len(text) and "⍽" in shown and "¦" in shown
    assert odd_characters("plain text, with a normal-hyphen.") == []


def test_diff_html_escapes_and_styles():
    html = diff_html("a <b> c", "a <i> c")
    assert html.startswith("a &lt;") and "line-through;background:#fdecea\">b</span>" in html and "underline;background:#e8f5e9\">i</span>" in html
