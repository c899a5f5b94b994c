"""Word documents (.docx): the corrections written into a copy of the original.

The original (``doc.path``) is opened again with the reader's checks, every segment
of ``doc`` is looked up by its unit and offsets, and only the paragraphs with a
changed segment are edited; every other part of the package and every other
paragraph keeps its XML as it was. The result is written atomically.

The write-back rule, per changed segment:

* The corrected text replaces the segment's span of the paragraph's text, so the
  text between sentences (spaces, tabs) stays as it was. A segment corrected to
  the empty string is removed with the whitespace that separated it from its
  neighbour.
* Only what differs is rewritten: the old and the new text are compared word by
  word (difflib), and each changed stretch of words is written on its own, with
  the characters it shares with the old text at its two ends left alone. When a
  stretch lies within one ``w:t`` (one run), only that run's text changes, so its
  character formatting and the paragraph style stay. When it spans several runs,
  its new text goes into the first run it touches (and takes that run's
  formatting); the other runs it touches lose the replaced text (an emptied
  ``w:t`` is removed, the run and its formatting stay), and tabs or breaks inside
  the replaced text are removed. Runs outside the changed stretches are not
  touched.
* A pure insertion goes into the run before the insertion point (as typing in
  Word continues the formatting of the preceding character), or the run after it
  at the start of a paragraph.
* A tab or line break in the corrected text becomes a ``w:tab`` or ``w:br`` in
  the same run.

* A correction that would change locked text (an equation, a ``w:sym`` symbol,
  or text inside ``mc:AlternateContent``, whose other branch would keep the old
  text; see :class:`reviewer.core.readers.docx.Piece`) is refused with an
  :class:`OutputError` naming the segment; nothing is written. Corrections next
  to such text, not changing it, are written as usual.

Edits are written as plain text changes, not as tracked changes. Source-only
segments (a Chinese paragraph) are never written.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from collections.abc import Mapping
from pathlib import Path

from docx.oxml.xmlchemy import BaseOxmlElement

from reviewer.core.document import Document, Segment
from reviewer.core.errors import InputError, OutputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.readers.docx import W, Piece, open_docx, pieces, units

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAK_RE = re.compile(r"(\r\n|[\t\n\r])")
#: Words, runs of whitespace and single other characters: the units of the diff.
_TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]")


def write(doc: Document, targets: Mapping[str, str], path: Path) -> None:
    """Write ``doc.path`` with ``targets`` applied to ``path``, atomically.

    Args:
        doc: the document as read by :func:`reviewer.core.readers.docx.read`.
        targets: segment id -> corrected target (a missing id keeps the MT).
        path: the file to write.

    Raises:
        InputError: the original cannot be opened, or it has changed since it was
            read (a segment's unit is gone or its text differs).
        OutputError: ``path`` cannot be written, or a correction changes locked text.
    """
    document = open_docx(doc.path)
    paragraphs = dict(units(document.element.body))
    by_unit: dict[str, list[Segment]] = {}
    for seg in doc.segments:
        by_unit.setdefault(seg.unit, []).append(seg)
    for unit, segs in by_unit.items():
        p = paragraphs.get(unit)
        if p is None:
            raise _changed(doc, f"paragraph '{unit}' is gone")
        text = "".join(piece.text for piece in pieces(p))
        for seg in segs:
            # a Chinese paragraph of the file itself is a source-only segment; in a document aligned
            # with a separate source file, an untranslated sentence is an empty target instead
            expected = seg.source if seg.source is not None and not seg.target and doc.source_path is None else seg.target
            if text[seg.start : seg.end] != expected:
                raise _changed(doc, f"the text of segment {seg.id} is no longer there")
        for start, end, new in reversed(_edits(text, segs, targets, aligned=doc.source_path is not None)):
            try:
                _replace(p, start, end, new)
            except _Unwritable:
                seg_id = next((seg.id for seg in segs if seg.start <= start <= seg.end), segs[0].id)
                raise OutputError(
                    path,
                    f"segment {seg_id}: the correction changes an equation, a symbol or text that Word keeps in two "
                    "versions (alternate content), which reviewer cannot write back; make this correction in Word",
                ) from None
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except (ValueError, KeyError, TypeError) as exc:  # pragma: no cover - python-docx cannot save what it opened
        raise OutputError(path, f"cannot save the Word document ({exc})") from None
    atomic_write_bytes(path, buffer.getvalue())


class _Unwritable(Exception):
    """A change touches locked text (an equation, a symbol, alternate content), or has no run to go into."""


def _changed(doc: Document, detail: str) -> InputError:
    return InputError(doc.path, f"the Word document has changed since it was read ({detail}); open it again")


def _edits(text: str, segs: list[Segment], targets: Mapping[str, str], aligned: bool = False) -> list[tuple[int, int, str]]:
    """The ``(start, end, new_text)`` replacements of one paragraph, left to right, not overlapping.

    With ``aligned`` (a source from another file), a segment with an empty target is a
    sentence the MT left out: the reviewer's translation of it is inserted at its place."""
    edits: list[tuple[int, int, str]] = []
    last_end = 0
    kept_before = False  # a segment before this one stays in the paragraph
    for seg in segs:
        if seg.source is not None and not seg.target and not aligned:
            continue
        new = targets.get(seg.id, seg.target).strip()
        if aligned and not seg.target and new:
            new = (" " if seg.start > 0 and not text[seg.start - 1].isspace() else "") + new
        if new == seg.target:
            kept_before = True
            continue
        start, end = seg.start, seg.end
        if not new:  # removed: with the whitespace before it, or after it when nothing before it stays
            if kept_before:
                while start > last_end and text[start - 1].isspace():
                    start -= 1
            else:
                while end < len(text) and text[end].isspace():
                    end += 1
        else:
            kept_before = True
        start = max(start, last_end)
        edits.append((start, end, new))
        last_end = end
    return edits


def _replace(p: BaseOxmlElement, start: int, end: int, new: str) -> None:
    """Replace ``[start, end)`` of paragraph ``p``'s text with ``new``, word by word: each
    changed stretch of words is written by :func:`_replace_stretch`, last first."""
    old = "".join(piece.text for piece in pieces(p))[start:end]
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    a_at = _offsets(a)
    b_at = _offsets(b)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag != "equal":
            _replace_stretch(p, start + a_at[i1], start + a_at[i2], new[b_at[j1] : b_at[j2]])


def _offsets(tokens: list[str]) -> list[int]:
    """Character offset of each token, and of the end."""
    out = [0]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def _replace_stretch(p: BaseOxmlElement, start: int, end: int, new: str) -> None:
    """Replace ``[start, end)`` of paragraph ``p``'s text with ``new`` by the module's rule."""
    all_pieces = pieces(p)
    old = "".join(piece.text for piece in all_pieces)[start:end]
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start, end, new = start + head, end - tail, new[head : len(new) - tail]
    if start == end and not new:
        return
    touched = [piece for piece in all_pieces if piece.start < end and piece.end > start]
    if any(piece.locked for piece in touched):
        raise _Unwritable
    anchor = next((piece for piece in touched if piece.editable), None) or _insertion_anchor(all_pieces, start)
    if anchor is None:  # no text element next to the insertion point: a new one after the tab or break before it
        anchor = _new_text_at(all_pieces, start)
    for piece in touched:
        if piece is anchor:
            continue
        if not piece.editable:
            _remove(piece.element)
            continue
        rest = piece.text[end - piece.start :] if piece.end > end else ""
        if rest:
            _set_text(piece.element, rest)
        else:
            _remove(piece.element)
    before = anchor.text[: max(0, start - anchor.start)]
    after = anchor.text[end - anchor.start :] if anchor.end > end else ""
    _write_into(anchor.element, before + new + after)


def _insertion_anchor(all_pieces: list[Piece], pos: int) -> Piece | None:
    """The ``w:t`` that text inserted at ``pos`` goes into: the one before ``pos``, else the one after."""
    editable = [piece for piece in all_pieces if piece.editable]
    before = [piece for piece in editable if piece.start < pos <= piece.end]
    if before:
        return before[0]
    after = [piece for piece in editable if piece.start == pos]
    return after[0] if after else None


def _new_text_at(all_pieces: list[Piece], pos: int) -> Piece:
    """A new, empty ``w:t`` at ``pos``: after the tab or break that ends there, in its run, or
    else before the one that starts there.

    Raises:
        _Unwritable: the text next to ``pos`` is locked, or there is none.
    """
    prior = [piece for piece in all_pieces if piece.end == pos]
    following = [piece for piece in all_pieces if piece.start == pos]
    if prior and not prior[-1].locked:
        t = prior[-1].element.makeelement(W + "t", {})
        prior[-1].element.addnext(t)
    elif following and not following[0].locked:
        t = following[0].element.makeelement(W + "t", {})
        following[0].element.addprevious(t)
    else:
        raise _Unwritable
    return Piece(pos, "", t, True)


def _write_into(t: BaseOxmlElement, text: str) -> None:
    """Set ``w:t`` ``t`` to ``text``; a tab or line break in it becomes a ``w:tab``/``w:br`` sibling."""
    parts = _BREAK_RE.split(text)
    _set_text(t, parts[0])
    last = t
    for i in range(1, len(parts), 2):
        mark = t.makeelement(W + ("tab" if parts[i] == "\t" else "br"), {})
        last.addnext(mark)
        last = mark
        if parts[i + 1]:
            follow = copy.copy(t)
            _set_text(follow, parts[i + 1])
            last.addnext(follow)
            last = follow
    if not parts[0] and len(parts) > 1:
        _remove(t)


def _set_text(t: BaseOxmlElement, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(_XML_SPACE, "preserve")


def _remove(element: BaseOxmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)
