"""Correcting the segmentation and the alignment by hand: merge, split and re-pair segments.

An automatic alignment of a source article with its MT (:mod:`reviewer.core.alignment`)
or a sentence splitter can get a boundary wrong. The reviewer fixes it here:

* :func:`merge_with_next` joins a segment with the one after it;
* :func:`split_segment` cuts a segment in two at a point of its target (and the
  nearest sentence boundary of its source);
* :func:`move_source_sentence` re-pairs: it moves the last Chinese sentence of a
  segment to the start of the next segment's source, or pulls the next segment's
  first Chinese sentence back.

The MT text is never altered, only regrouped. A post-edit follows its segment: merged
post-edits are joined, a split post-edit is cut at the mapped point. Segments of
bilingual files whose units the file fixes (XLIFF, TMX, spreadsheets) cannot be
regrouped, because the corrections go back into those units; a merge never crosses a
paragraph of a plain-text or Word file unless the document was aligned from two
files. Each function raises ``ValueError`` with a message for the user when the change
is not possible.
"""

from __future__ import annotations

from dataclasses import replace

from reviewer.core.document import Document, Segment
from reviewer.core.readers.inline import map_offsets
from reviewer.core.review import Review
from reviewer.core.segmentation import split_sentences

#: Formats whose units are fixed by the file (corrections are written back per unit).
FIXED_UNITS = frozenset({"xliff", "tmx", "table"})


def _check_format(doc: Document) -> None:
    if doc.format in FIXED_UNITS:
        raise ValueError(f"the segments of {doc.name} are the units of the file and go back into it; they cannot be merged or split here")


def _index(doc: Document, seg_id: str) -> int:
    for i, s in enumerate(doc.segments):
        if s.id == seg_id:
            return i
    raise ValueError(f"no segment {seg_id} in {doc.name}")


def _join(a: str, b: str, zh: bool = False) -> str:
    if not a:
        return b
    if not b:
        return a
    return a + b if zh else a.rstrip() + " " + b.lstrip()


def merge_with_next(review: Review, doc_key: str, seg_id: str) -> str:
    """Merge segment ``seg_id`` with the next segment of its document.

    Returns:
        The id of the merged segment (``seg_id``).

    Raises:
        ValueError: the last segment, a file with fixed units, or a paragraph boundary
            of a single-file document.
    """
    doc = review.document(doc_key)
    _check_format(doc)
    i = _index(doc, seg_id)
    if i + 1 >= len(doc.segments):
        raise ValueError("this is the last segment; there is nothing to merge it with")
    a, b = doc.segments[i], doc.segments[i + 1]
    if doc.source_path is None and a.paragraph != b.paragraph:
        raise ValueError("the next segment is in another paragraph")
    corrected = _join(review.target(doc_key, a.id), review.target(doc_key, b.id))
    source = _join(a.source or "", b.source or "", zh=True) or None
    merged = replace(a, target=_join(a.target, b.target), source=source, end=b.end if a.paragraph == b.paragraph else a.end)
    doc.segments[i : i + 2] = [merged]
    review.corrected.pop((doc_key, b.id), None)
    review.set_target(doc_key, a.id, corrected)
    return a.id


def _new_id(doc: Document, base: str) -> str:
    taken = {s.id for s in doc.segments}
    n = 1
    while f"{base}.{n}" in taken:
        n += 1
    return f"{base}.{n}"


def split_segment(review: Review, doc_key: str, seg_id: str, at: int) -> tuple[str, str]:
    """Split segment ``seg_id`` at character ``at`` of its current (post-edited) text.

    The MT is cut at the mapped point (a word-level diff of MT and post-edit), and the
    source at the Chinese sentence boundary nearest to the same share of its length.

    Returns:
        The ids of the two segments: ``seg_id`` and a new id ``"<seg_id>.1"`` (``.2``
        ... when taken).

    Raises:
        ValueError: ``at`` at the very start or end, or a file with fixed units.
    """
    doc = review.document(doc_key)
    _check_format(doc)
    i = _index(doc, seg_id)
    seg = doc.segments[i]
    text = review.target(doc_key, seg_id)
    if not 0 < at < len(text) or not text[:at].strip() or not text[at:].strip():
        raise ValueError("put the cursor between two parts of the text to split it there")
    mt_at = map_offsets(text, seg.target, [at])[0] if text != seg.target else at
    source_first, source_second = _split_source(seg.source, at / max(len(text), 1))
    first = replace(seg, target=seg.target[:mt_at].rstrip(), source=source_first, end=seg.start + mt_at)
    second = replace(seg, id=_new_id(doc, seg.id), target=seg.target[mt_at:].lstrip(), source=source_second, start=seg.start + mt_at)
    doc.segments[i : i + 1] = [first, second]
    review.corrected.pop((doc_key, seg_id), None)
    review.set_target(doc_key, first.id, text[:at].rstrip())
    review.set_target(doc_key, second.id, text[at:].lstrip())
    return first.id, second.id


def _split_source(source: str | None, share: float) -> tuple[str | None, str | None]:
    """Cut ``source`` at the sentence boundary nearest to ``share`` of its length."""
    if not source:
        return source, None
    spans = split_sentences(source, "zh")
    if len(spans) < 2:
        return source, None
    cuts = [s for s, _ in spans[1:]]
    cut = min(cuts, key=lambda c: abs(c - share * len(source)))
    return source[:cut].rstrip(), source[cut:].lstrip()


def move_source_sentence(review: Review, doc_key: str, seg_id: str, forward: bool = True) -> None:
    """Re-pair source sentences between segment ``seg_id`` and the next one.

    Args:
        forward: move the last Chinese sentence of ``seg_id`` to the start of the next
            segment's source; if false, move the next segment's first Chinese sentence to
            the end of ``seg_id``'s source.

    Raises:
        ValueError: no next segment, no sentence to move, or a file with fixed units.
    """
    doc = review.document(doc_key)
    _check_format(doc)
    i = _index(doc, seg_id)
    if i + 1 >= len(doc.segments):
        raise ValueError("this is the last segment; there is no next segment to pair with")
    a, b = doc.segments[i], doc.segments[i + 1]
    if forward:
        moved, rest = _split_off(a.source, last=True)
        if not moved:
            raise ValueError("this segment has no Chinese sentence to move")
        doc.segments[i : i + 2] = [replace(a, source=rest or None), replace(b, source=_join(moved, b.source or "", zh=True))]
    else:
        moved, rest = _split_off(b.source, last=False)
        if not moved:
            raise ValueError("the next segment has no Chinese sentence to move")
        doc.segments[i : i + 2] = [replace(a, source=_join(a.source or "", moved, zh=True)), replace(b, source=rest or None)]


def _split_off(source: str | None, last: bool) -> tuple[str, str]:
    """``(sentence, rest)``: the last (or first) Chinese sentence of ``source`` and what remains."""
    if not source:
        return "", ""
    spans = split_sentences(source, "zh")
    if not spans:
        return "", source
    s, e = spans[-1] if last else spans[0]
    return source[s:e], (source[:s].rstrip() if last else source[e:].lstrip())


def segments_snapshot(doc: Document) -> list[Segment]:
    """A copy of a document's segment list (segments are immutable), for undo."""
    return list(doc.segments)
