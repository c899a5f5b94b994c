"""Find and replace over the segments of a review.

Search runs over the Chinese source, the MT or the current (post-edited) text of every
segment; replacing changes only the post-edited text, since the source and the MT are
never edited. Patterns are plain text or Python regular expressions (``re``), with
``\\1`` or ``\\g<name>`` in the replacement for groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.core.review import Review

#: Where a search looks.
FIELDS = ("corrected", "mt", "source")


@dataclass(frozen=True, slots=True)
class Match:
    """One match: the segment, the field, and its offsets in that field's text (characters,
    end exclusive)."""

    document: str
    segment: str
    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Replacement:
    """The change a replace-all makes to one segment's post-edited text."""

    document: str
    segment: str
    old: str
    new: str
    count: int


def compile_pattern(pattern: str, regex: bool = False, case: bool = False, whole_words: bool = False) -> re.Pattern[str]:
    """The pattern as a compiled regular expression.

    Raises:
        ValueError: an empty pattern, or an invalid regular expression (the message
            says where).
    """
    if not pattern:
        raise ValueError("type something to find")
    body = pattern if regex else re.escape(pattern)
    if whole_words:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    try:
        return re.compile(body, 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None


def _texts(review: Review, field: str) -> list[tuple[str, str, str]]:
    out = []
    for doc in review.documents:
        key = review.doc_key(doc)
        for seg in doc.segments:
            text = review.target(key, seg.id) if field == "corrected" else seg.target if field == "mt" else (seg.source or "")
            out.append((key, seg.id, text))
    return out


def find(review: Review, pattern: re.Pattern[str], field: str = "corrected") -> list[Match]:
    """Every match of ``pattern`` in ``field`` of every segment, in reading order.

    Raises:
        ValueError: an unknown field.
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field '{field}'")
    return [
        Match(doc, seg, field, m.start(), m.end(), m.group())
        for doc, seg, text in _texts(review, field)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]


def plan_replace(review: Review, pattern: re.Pattern[str], replacement: str) -> list[Replacement]:
    """What replacing every match in the post-edited texts would do, segment by segment
    (nothing is changed yet: show it as a preview, then apply with ``Review.set_target``).

    Raises:
        ValueError: a replacement that refers to a group the pattern does not have.
    """
    out = []
    for doc, seg, text in _texts(review, "corrected"):
        try:
            new, count = pattern.subn(replacement, text)
        except (re.error, IndexError) as exc:
            raise ValueError(f"the replacement does not fit the pattern: {exc}") from None
        if count and new != text:
            out.append(Replacement(doc, seg, text, new, count))
    return out
