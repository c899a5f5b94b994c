"""Word documents (.docx): the body's paragraphs and table cells, in reading order.

What is read:
    Every paragraph of the document body and of its tables (row by row, cell by
    cell, nested tables inside their cell), including paragraphs inside block-level
    content controls. A paragraph's text is the text of all its runs, including runs
    inside hyperlinks, inline content controls, simple fields, smart tags and tracked
    insertions; ``w:tab`` reads as ``\\t``, ``w:br``/``w:cr`` (of any type) as
    ``\\n``, ``w:noBreakHyphen`` as ``-``, as python-docx does.

What is not read:
    Headers, footers, footnotes, endnotes, comments and text boxes (their text is
    not reviewed; a text box with text is named in :attr:`Document.warnings`), the
    deleted text of tracked changes, ruby annotations and field codes.

    A merged table cell is read once: a horizontal merge is one ``w:tc`` element, and
    the continuation cells of a vertical merge (``w:vMerge``) are their own, normally
    empty, ``w:tc`` elements (python-docx's ``row.cells``, which repeats a merged cell
    for every grid column it covers, is not used).

Segments:
    Each non-empty paragraph is split into sentence segments as the plain-text reader
    splits a line. A paragraph that is mostly Chinese (more than a third of its
    characters) becomes source-only segments (``target=""``, ``source`` set), as in a
    mixed plain-text file; a document with no English paragraph is refused.
    :attr:`Segment.paragraph` numbers the non-empty paragraphs from 1.

Units (:attr:`Segment.unit`), where the text lives, for writing back:
    ``p{i}`` is the i-th paragraph of the body (0-based, counting empty paragraphs
    and those inside block content controls; without content controls it is
    python-docx's ``Document.paragraphs[i]``); ``t{i}r{j}c{k}p{l}`` is paragraph l
    of cell k of row j of the body's table i (the cell is its row's k-th ``w:tc``
    element, so a horizontally merged cell counts once); a nested table continues
    the path (``t0r1c0t0r0c0p0``). ``start``/``end`` are offsets in that
    paragraph's text.

Metadata:
    The core properties ``title``, ``author`` and ``created`` (ISO 8601), when set.

Safety:
    The file is size-checked, and :func:`reviewer.core.xmlsafe.check_zip` checks the
    container (ZIP bombs, internal DTD subsets and entities, malformed XML) before python-docx opens
    it. Every failure is an :class:`InputError`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml.xmlchemy import BaseOxmlElement

from reviewer.core.document import Document, Segment
from reviewer.core.errors import InputError
from reviewer.core.fileio import read_regular_file
from reviewer.core.readers.plaintext import MAX_FILE_BYTES, _capped, _is_chinese
from reviewer.core.segmentation import split_sentences
from reviewer.core.xmlsafe import check_zip

WHAT = "Word document"

_BYTESIO_RE = re.compile(r"(?:file |at )?'<_io\.BytesIO object at 0x[0-9a-fA-F]+>'\s*")

#: WordprocessingML namespace, in Clark notation.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: Block-level wrappers whose content counts as if it stood in their place.
_WRAPPERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml"})

#: A run below one of these is not part of the visible text (deleted, moved away,
#: a ruby annotation), and a run below another paragraph belongs to a text box.
_SKIP_BELOW = frozenset({W + "del", W + "moveFrom", W + "rt", W + "p"})

#: Run children that stand for one fixed character.
_FIXED = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}

#: File signatures of formats that are sometimes saved under a .docx name.
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Word (.doc) file or a password-protected document; save it as .docx without a password"),
    (b"{\\rtf", "an RTF file, not a Word .docx document; save it as .docx"),
    (b"%PDF", "a PDF file, not a Word document"),
)

#: Members that tell which kind of ZIP container a file is.
_OTHER_CONTAINERS = (
    ("xl/workbook.xml", "an Excel workbook, not a Word document"),
    ("ppt/presentation.xml", "a PowerPoint presentation, not a Word document"),
    ("mimetype", "an OpenDocument file, not a Word .docx document; save it as .docx"),
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a paragraph's text and the element it comes from.

    Attributes:
        start: offset of the piece in the paragraph's text.
        text: the text: a ``w:t`` element's text, or the one character a fixed
            element (``w:tab``, ``w:br`` ...) stands for.
        element: the ``w:t`` or fixed element.
        editable: True for a ``w:t`` (its text can be changed in place).
    """

    start: int
    text: str
    element: BaseOxmlElement
    editable: bool

    @property
    def end(self) -> int:
        """Exclusive end offset in the paragraph's text."""
        return self.start + len(self.text)


def pieces(p: BaseOxmlElement) -> list[Piece]:
    """The text of paragraph ``p`` as pieces, in order (see the module docstring for what counts)."""
    out: list[Piece] = []
    pos = 0
    for run in p.iter(W + "r"):
        if any(a.tag in _SKIP_BELOW for a in _ancestors_below(run, p)):
            continue
        for child in run:
            if child.tag == W + "t":
                text = child.text or ""
                if text:
                    out.append(Piece(pos, text, child, True))
            elif child.tag in _FIXED:
                text = _FIXED[child.tag]
                out.append(Piece(pos, text, child, False))
            else:
                continue
            pos += len(text)
    return out


def _ancestors_below(element: BaseOxmlElement, top: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    parent = element.getparent()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.getparent()


def paragraph_text(p: BaseOxmlElement) -> str:
    """The text of paragraph ``p``."""
    return "".join(piece.text for piece in pieces(p))


def _blocks(container: BaseOxmlElement, tags: frozenset[str]) -> Iterator[BaseOxmlElement]:
    """Children of ``container`` with one of ``tags``, looking through block wrappers."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child, tags)


def units(container: BaseOxmlElement, prefix: str = "") -> Iterator[tuple[str, BaseOxmlElement]]:
    """Every paragraph of ``container`` (the body, or a table cell) with its unit, in reading order."""
    n_p = n_t = 0
    for block in _blocks(container, frozenset({W + "p", W + "tbl"})):
        if block.tag == W + "p":
            yield f"{prefix}p{n_p}", block
            n_p += 1
            continue
        table = f"{prefix}t{n_t}"
        n_t += 1
        for r, tr in enumerate(_blocks(block, frozenset({W + "tr"}))):
            for c, tc in enumerate(_blocks(tr, frozenset({W + "tc"}))):
                yield from units(tc, f"{table}r{r}c{c}")


def open_docx(path: Path) -> WordDocument:
    """Open a Word document after the size, format and safety checks.

    Raises:
        InputError: missing, unreadable, too large, another format, not a ZIP or a
            corrupt one, a ZIP bomb, an internal DTD subset or entities in a part, or a package
            python-docx cannot open.
    """
    data = read_regular_file(path, MAX_FILE_BYTES, WHAT)
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"this is {what}")
    with check_zip(path, WHAT) as zf:
        names = set(zf.namelist())
    for member, what in _OTHER_CONTAINERS:
        if member in names:
            raise InputError(path, f"this is {what}")
    if "[Content_Types].xml" not in names:
        raise InputError(path, "this is a ZIP archive, not a Word document")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, PackageNotFoundError ... on bad packages
        message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        detail = " ".join(_BYTESIO_RE.sub("", message).split()) or type(exc).__name__
        raise InputError(path, f"this is not a Word document reviewer can open ({detail})") from None
    if document.element.tag != W + "document" or document.element.find(W + "body") is None:
        root = str(document.element.tag).rsplit("}", 1)[-1]
        raise InputError(path, f"this is not a Word document reviewer can open (its main part is <{root}>, not a w:document with a body)")
    return document


def _metadata(document: WordDocument) -> dict[str, str]:
    """Title, author and creation time from the core properties (none when the package has none:
    python-docx would make up defaults)."""
    try:
        part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return {}
    if not isinstance(part, CorePropertiesPart):
        return {}
    try:
        props = part.core_properties
        values = {"title": props.title, "author": props.author, "created": props.created.isoformat() if props.created else ""}
    except (ValueError, TypeError, AttributeError):
        return {}
    return {k: v.strip() for k, v in values.items() if v and v.strip()}


def _warnings(body: BaseOxmlElement) -> list[str]:
    warnings: list[str] = []
    if next(body.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"), None) is not None:
        warnings.append(
            "The document has tracked changes: deleted text is not reviewed, and corrections are written as plain edits, not tracked."
        )
    boxes = sum(1 for box in body.iter(W + "txbxContent") if "".join(t.text or "" for t in box.iter(W + "t")).strip())
    if boxes:
        warnings.append(f"{boxes} text box{'es' if boxes > 1 else ''} with text {'are' if boxes > 1 else 'is'} not reviewed.")
    return warnings


def paragraphs(path: Path) -> list[str]:
    """The text of every non-empty paragraph of the body and its tables, in reading order,
    each stripped of surrounding whitespace.

    Raises:
        InputError: the file cannot be opened as a Word document (see :func:`open_docx`),
            or it has no text.
    """
    document = open_docx(path)
    texts = [t.strip() for _, p in units(document.element.body) if (t := paragraph_text(p)).strip()]
    if not texts:
        raise InputError(path, f"the {WHAT} has no text in its body or tables")
    return texts


def read(path: Path) -> Document:
    """Read a Word document (see the module docstring).

    Raises:
        InputError: the file cannot be opened as a Word document, has no text, or
            has Chinese text only.
    """
    document = open_docx(path)
    body = document.element.body
    paras = [(unit, text) for unit, p in units(body) if (text := paragraph_text(p)).strip()]
    if not paras:
        raise InputError(path, f"the {WHAT} has no text in its body or tables")
    english = [not _is_chinese(text) for _, text in paras]
    if not any(english):
        raise InputError(path, "the document is Chinese text only; reviewer checks English MT (open the English translation)")
    segments: list[Segment] = []
    for para_no, (unit, text) in enumerate(paras, start=1):
        lang = "en" if english[para_no - 1] else "zh"
        for start, end in _capped(text, split_sentences(text, lang)):
            sid = str(len(segments) + 1)
            if lang == "zh":  # a Chinese paragraph of a bilingual document: kept as source, nothing to check
                segments.append(Segment(sid, para_no, target="", source=text[start:end], start=start, end=end, unit=unit))
            else:
                segments.append(Segment(sid, para_no, target=text[start:end], start=start, end=end, unit=unit))
    return Document(path=path, segments=segments, metadata=_metadata(document), format="docx", warnings=_warnings(body))
