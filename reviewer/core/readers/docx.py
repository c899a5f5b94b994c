"""Word documents (.docx): the body's paragraphs and table cells, in reading order.

What is read:
    Every paragraph of the document body and of its tables (row by row, cell by
    cell, nested tables inside their cell), including paragraphs inside block-level
    content controls. A paragraph's text is the text of all its runs, including runs
    inside hyperlinks, inline content controls, simple fields, smart tags and tracked
    insertions; ``w:tab`` reads as ``\\t``, ``w:br``/``w:cr`` (of any type) as
    ``\\n``, ``w:noBreakHyphen`` as ``-``, as python-docx does. A ``w:sym`` reads as
    its character (a symbol font's common characters as their Unicode ones), an
    equation (``m:oMath``) as the text of its ``m:t`` elements. Of an
    ``mc:AlternateContent`` (runs or blocks) only the first ``mc:Choice`` is read,
    or the ``mc:Fallback`` when there is no choice. Equations, symbols and alternate
    content are read but locked: a correction that changes them is not written back
    (see :class:`Piece`).

What is not read:
    Headers, footers, footnotes, endnotes, comments, text boxes, SmartArt and
    imported documents (``w:altChunk``): their text is not reviewed, and
    :attr:`Document.warnings` counts those with text (except headers and footers).
    Nor are the deleted text of tracked changes, ruby annotations, the placeholder
    text of a content control that shows it (``w:showingPlcHdr``), and field codes:
    everything between a complex field's ``begin`` and ``separate``, at any nesting
    depth, so a field nested in another's code is not text; the result (between
    ``separate`` and ``end``) is. A Strict Open XML document is refused.

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
    and those inside block content controls and in the branch of a block
    ``mc:AlternateContent`` that is read; without either it is
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
from lxml import etree

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

#: Markup compatibility namespace (``mc:AlternateContent``), in Clark notation.
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MC_ALTERNATE = MC + "AlternateContent"

#: Relationships, DrawingML and diagram (SmartArt) namespaces, in Clark notation.
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"

#: For the parts python-docx does not parse (notes, comments, diagram data).
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

#: Office Math namespace (``m:oMath``), in Clark notation.
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

#: A run below one of these is not part of the visible text (deleted, moved away,
#: a ruby annotation), and a run below another paragraph belongs to a text box.
_SKIP_BELOW = frozenset({W + "del", W + "moveFrom", W + "rt", W + "p", W + "txbxContent"})

#: Block-level wrappers whose content counts as if it stood in their place.
_WRAPPERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", _MC_ALTERNATE})

#: Run children that stand for one fixed character.
_FIXED = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}

#: Run children that are text.
_TEXT_TAGS = frozenset({W + "t", W + "sym", *_FIXED})

#: Common characters of the symbol fonts at their codes (a ``w:sym`` stores U+F000 + code).
_SYMBOL_FONT: dict[str, dict[int, str]] = {
    "symbol": {0xB7: "\u2022", 0xB0: "\u00b0", 0xB1: "\u00b1", 0xB4: "\u00d7", 0xB8: "\u00f7", 0xA3: "\u2264",
               0xB3: "\u2265", 0xB9: "\u2260", 0xAE: "\u2192", 0xAC: "\u2190", 0xA5: "\u221e", 0xD7: "\u22c5",
               0x2D: "\u2212", 0xE3: "\u00a9", 0xE2: "\u00ae", 0xE4: "\u2122"},
    "wingdings": {0xA7: "\u25aa", 0xFC: "\u2713", 0xFB: "\u2717", 0x6E: "\u25a0"},
}

#: File signatures of formats that are sometimes saved under a .docx name.
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Word (.doc) file or a password-protected document; save it as .docx without a password"),
    (b"{\\rtf", "an RTF file, not a Word .docx document; save it as .docx"),
    (b"%PDF", "a PDF file, not a Word document"),
)

#: Namespaces of Strict Open XML start with this (Word's "Strict Open XML Document" format).
_STRICT_NS = "http://purl.oclc.org/ooxml/"
_STRICT_MESSAGE = (
    "this is a Strict Open XML document, which reviewer cannot read; "
    "in Word, save it as a normal Word document (.docx) and open that"
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
        text: the text: a ``w:t`` element's text, the one character a fixed
            element (``w:tab``, ``w:br`` ...) or a ``w:sym`` stands for, or the
            text of an equation (``m:oMath``).
        element: the ``w:t``, fixed, ``w:sym`` or ``m:oMath`` element.
        editable: True for a ``w:t`` that is not locked (its text can be changed in place).
        locked: True for text that cannot be written back: an equation, a symbol, or
            anything inside ``mc:AlternateContent`` (whose other branch would keep the
            old text); a correction that touches it is refused.
    """

    start: int
    text: str
    element: BaseOxmlElement
    editable: bool
    locked: bool = False

    @property
    def end(self) -> int:
        """Exclusive end offset in the paragraph's text."""
        return self.start + len(self.text)


def pieces(p: BaseOxmlElement) -> list[Piece]:
    """The text of paragraph ``p`` as pieces, in order (see the module docstring for what counts)."""
    if _placeholder(p):
        return []
    out: list[Piece] = []
    _walk(p, out, [], locked=_in_alternate_content(p))
    return out


def _placeholder(p: BaseOxmlElement) -> bool:
    """Whether ``p`` lies in a block content control that shows its placeholder text."""
    parent = p.getparent()
    while parent is not None:
        if parent.tag == W + "sdt" and _shows_placeholder(parent):
            return True
        parent = parent.getparent()
    return False


def _shows_placeholder(sdt: BaseOxmlElement) -> bool:
    pr = sdt.find(W + "sdtPr")
    return pr is not None and pr.find(W + "showingPlcHdr") is not None


def _in_alternate_content(p: BaseOxmlElement) -> bool:
    parent = p.getparent()
    while parent is not None:
        if parent.tag == _MC_ALTERNATE:
            return True
        parent = parent.getparent()
    return False


def _branch(alternate: BaseOxmlElement) -> BaseOxmlElement | None:
    """The branch of an ``mc:AlternateContent`` that is read: its first ``mc:Choice``, else its ``mc:Fallback``."""
    branch: BaseOxmlElement | None = alternate.find(MC + "Choice")
    if branch is None:
        branch = alternate.find(MC + "Fallback")
    return branch


def _walk(node: BaseOxmlElement, out: list[Piece], fields: list[bool], locked: bool) -> None:
    """Append the pieces below ``node`` to ``out``, in document order.

    ``fields`` is the stack of the complex fields open at this point, True for one
    still in its code (between ``begin`` and ``separate``): nothing is read while any
    open field is in its code, so a nested field's result, part of the outer code, is
    not text either."""
    for child in node:
        tag = child.tag
        if tag in _SKIP_BELOW or not isinstance(tag, str):
            continue
        if tag == _MC_ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                _walk(branch, out, fields, locked=True)
            continue
        if tag == W + "sdt" and _shows_placeholder(child):
            continue
        if tag == W + "fldChar":
            kind = child.get(W + "fldCharType")
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
            continue
        in_code = any(fields)
        if tag == M + "oMath":
            text = "".join(t.text or "" for t in child.iter(M + "t"))
            if text and not in_code:
                _add(out, text, child, editable=False, locked=True)
            continue
        if tag in _TEXT_TAGS and node.tag == W + "r":  # run content
            if in_code:
                continue
            if tag == W + "t":
                text = child.text or ""
                if text:
                    _add(out, text, child, editable=not locked, locked=locked)
            elif tag == W + "sym":
                text = _symbol(child)
                if text:
                    _add(out, text, child, editable=False, locked=True)
            else:
                _add(out, _FIXED[tag], child, editable=False, locked=locked)
            continue
        _walk(child, out, fields, locked)


def _add(out: list[Piece], text: str, element: BaseOxmlElement, *, editable: bool, locked: bool) -> None:
    start = out[-1].end if out else 0
    out.append(Piece(start, text, element, editable, locked))


def _symbol(sym: BaseOxmlElement) -> str:
    """The character a ``w:sym`` stands for: its code, or for a symbol font's code in the
    private use area (U+F0xx) the character the font draws there, when it is a common one."""
    try:
        code = int(sym.get(W + "char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        font = (sym.get(W + "font") or "").strip().lower()
        mapped = _SYMBOL_FONT.get(font, {}).get(code - 0xF000)
        if mapped:
            return mapped
    if code <= 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return ""
    return chr(code)


def paragraph_text(p: BaseOxmlElement) -> str:
    """The text of paragraph ``p``."""
    return "".join(piece.text for piece in pieces(p))


def _blocks(container: BaseOxmlElement, tags: frozenset[str]) -> Iterator[BaseOxmlElement]:
    """Children of ``container`` with one of ``tags``, looking through block wrappers."""
    for child in container:
        if child.tag in tags:
            yield child
        elif child.tag == _MC_ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from _blocks(branch, tags)
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
        strict = "_rels/.rels" in names and _STRICT_NS.encode("ascii") + b"officeDocument/" in zf.read("_rels/.rels")
    if strict:
        raise InputError(path, _STRICT_MESSAGE)
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
    if str(document.element.tag).startswith("{" + _STRICT_NS):
        raise InputError(path, _STRICT_MESSAGE)
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


def _warnings(body: BaseOxmlElement, document: WordDocument | None = None) -> list[str]:
    """What the document holds that is not reviewed; footnotes, endnotes, comments and
    SmartArt live in other parts, and are counted only when ``document`` is given."""
    warnings: list[str] = []
    if next(body.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"), None) is not None:
        warnings.append(
            "The document has tracked changes: deleted text is not reviewed, and corrections are written as plain edits, not tracked."
        )
    boxes = sum(1 for box in body.iter(W + "txbxContent") if _read_branch(box) and _has_text(box, W + "t"))
    chunks = sum(1 for chunk in body.iter(W + "altChunk") if _read_branch(chunk))
    notes = [(boxes, "text box")]
    if document is not None:
        diagrams = 0
        for ids in body.iter(_DGM + "relIds"):
            if _read_branch(ids):
                root = _related_xml(document, ids.get(_R + "dm"))
                diagrams += root is None or _has_text(root, _A + "t")
        notes = [
            (_count_with_text(document, RT.FOOTNOTES, W + "footnote"), "footnote"),
            (_count_with_text(document, RT.ENDNOTES, W + "endnote"), "endnote"),
            (_count_with_text(document, RT.COMMENTS, W + "comment"), "comment"),
            *notes,
            (diagrams, "SmartArt graphic"),
        ]
    for n, what in notes:
        if n:
            plural = "es" if what.endswith("x") else "s"
            warnings.append(f"{n} {what}{plural if n > 1 else ''} with text {'are' if n > 1 else 'is'} not reviewed.")
    if chunks:
        warnings.append(
            f"{chunks} imported document{'s' if chunks > 1 else ''} (altChunk) {'are' if chunks > 1 else 'is'} not reviewed."
        )
    return warnings


def _read_branch(element: BaseOxmlElement) -> bool:
    """Whether ``element`` is outside every ``mc:AlternateContent`` branch that is not read."""
    child, parent = element, element.getparent()
    while parent is not None:
        if parent.tag == _MC_ALTERNATE and child is not _branch(parent):
            return False
        child, parent = parent, parent.getparent()
    return True


def _has_text(element: BaseOxmlElement, tag: str) -> bool:
    return bool("".join(t.text or "" for t in element.iter(tag) if _read_branch(t)).strip())


def _related_xml(document: WordDocument, rid: str | None) -> BaseOxmlElement | None:
    """The root of the XML part the main part relates to as ``rid``, or ``None`` when there is
    none or it is not well-formed (the container was checked for DTDs and entities)."""
    rel = document.part.rels.get(rid or "")
    if rel is None or rel.is_external:
        return None
    try:
        root: BaseOxmlElement = etree.fromstring(rel.target_part.blob, _SAFE_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def _count_with_text(document: WordDocument, reltype: str, tag: str) -> int:
    """How many ``tag`` elements (footnotes, comments ...) with text the parts of ``reltype`` hold."""
    n = 0
    for rel in document.part.rels.values():
        if rel.reltype != reltype or rel.is_external:
            continue
        root = _related_xml(document, rel.rId)
        if root is None:
            n += 1
            continue
        n += sum(1 for note in root.iter(tag) if _has_text(note, W + "t"))
    return n


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
    return Document(path=path, segments=segments, metadata=_metadata(document), format="docx", warnings=_warnings(body, document))
