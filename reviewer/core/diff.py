"""Word-level differences between the MT and the post-edit, and the invisible characters a
reviewer needs to see."""

from __future__ import annotations

import difflib
import re
import unicodedata
from html import escape

from reviewer.core.text import DASHES, ZERO_WIDTH

_TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]")

#: Visible stand-ins (one character each, so offsets do not move) for characters that are
#: invisible or look like others: no-break and other spaces, zero-width characters, odd dashes.
INVISIBLE_MARKS = {
    "\u00a0": "⍽", "\u202f": "⍽", "\u2007": "⍽", "\u2002": "␣", "\u2003": "␣", "\u2009": "␣", "\u3000": "␣",
    "\u200b": "¦", "\u200c": "¦", "\u200d": "¦", "\u2060": "¦", "\ufeff": "¦", "\u00ad": "¬",
    "\u2010": "‐", "\u2011": "‑", "\u2013": "–", "\u2014": "—", "\u2212": "−", "\t": "→",
}


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` → ``new`` as a list of ``(op, text)`` pieces in order, ``op`` being ``"equal"``,
    ``"delete"`` or ``"insert"``; a replaced stretch gives a deletion, then an insertion.
    Words, spaces and punctuation marks are the units."""
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # a space alone between two changes joins them: "two establishments" → "Two Establishes"
    # reads as one change, not two
    merged: list[tuple[str, int, int, int, int]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        lone_space = tag == "equal" and 0 < k < len(ops) - 1 and "".join(a[i1:i2]).isspace()
        if merged and (lone_space or tag != "equal") and merged[-1][0] == "change":
            last = merged[-1]
            merged[-1] = ("change", last[1], i2, last[3], j2)
        else:
            merged.append(("change" if tag != "equal" else "equal", i1, i2, j1, j2))
    out: list[tuple[str, str]] = []
    for kind, i1, i2, j1, j2 in merged:
        if kind == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def odd_characters(text: str) -> list[tuple[int, str]]:
    """``(offset, name)`` of each invisible or look-alike character in ``text``: spaces other
    than U+0020, zero-width characters, the soft hyphen, dash and hyphen variants, tabs."""
    out = []
    for i, ch in enumerate(text):
        if ch in INVISIBLE_MARKS or ch in ZERO_WIDTH or ch in DASHES or (ch.isspace() and ch not in " \n"):
            out.append((i, f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"))
    return out


def show_invisibles(text: str) -> str:
    """``text`` with each invisible or look-alike character replaced by a visible mark of the
    same length (see :data:`INVISIBLE_MARKS`)."""
    return "".join(INVISIBLE_MARKS.get(ch, "¦" if ch in ZERO_WIDTH else ch) for ch in text)


def diff_html(old: str, new: str, invisibles: bool = False) -> str:
    """The word diff as HTML: deletions struck through in red, insertions underlined in green."""
    parts = []
    for op, text in word_diff(old, new):
        shown = escape(show_invisibles(text) if invisibles else text)
        if op == "delete":
            parts.append(f'<span style="color:#b71c1c;text-decoration:line-through;background:#fdecea">{shown}</span>')
        elif op == "insert":
            parts.append(f'<span style="color:#1b5e20;text-decoration:underline;background:#e8f5e9">{shown}</span>')
        else:
            parts.append(shown)
    return "".join(parts)
