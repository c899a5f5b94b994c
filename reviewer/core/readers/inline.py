"""Inline codes of XLIFF and TMX segments: plain text for checking, codes kept for writing back.

A segment's content is mixed XML: words with inline elements between them. The
reviewer checks the words only, so :func:`flatten` turns the content into plain text
and a list of :class:`~reviewer.core.document.InlineCode` at character offsets:

* paired codes whose content is text (XLIFF 1.2 ``g`` and non-segment ``mrk``, XLIFF
  2.0 ``pc`` and ``mrk``, TMX ``hi``) become an ``open`` and a ``close`` code around
  their text, so nothing inside ``<g>`` is lost and a term matches across them;
* the codes whose content is native markup (XLIFF 1.2 and TMX ``bpt``, ``ept``, ``it``,
  ``ph``, ``ut``) and the empty codes (``x``, ``bx``, ``ex``, ``sc``, ``ec``, ``sm``,
  ``em``, XLIFF 2 ``ph`` and ``cp``) are ``standalone`` codes: not text;
* any other element (one reviewer does not know, such as an HTML ``<a>`` inside a
  ``<mrk>``), and an empty code that wrongly holds text (``<ex>`` with words in it), keeps
  its text between an ``open`` and a ``close`` code, like a paired code: no word of the
  segment is lost. :func:`kept_unknown` names such elements, for the reader's warnings.

:func:`rebuild` writes a corrected plain text back into the element, with every code
at its offset mapped through a word-level diff of the old and new text
(:func:`map_offsets`): a code in unchanged text stays with its words, and a code at
the start or end of a changed stretch stays at that start or end.

The XML itself is parsed and written by lxml, after :mod:`reviewer.core.xmlsafe` has
refused internal DTD subsets and entities; lxml keeps namespace prefixes, so a file goes back to its
CAT tool as it came.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from reviewer.core.document import InlineCode
from reviewer.core.errors import InputError

#: Elements whose content is translatable text (paired codes), by local name.
PAIRED = frozenset({"g", "pc", "mrk", "hi"})

#: Elements whose content is native markup of the original format, not text (a ``sub``
#: inside them stays in the code).
NATIVE = frozenset({"bpt", "ept", "it", "ph", "ut"})

#: Elements that have no content, by the standards.
EMPTY = frozenset({"x", "bx", "ex", "sc", "ec", "sm", "em", "cp"})

#: A parser that never loads a DTD, resolves no entity and reaches no network.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False, strip_cdata=False
)


def parse_lxml(path: Path, data: bytes, what: str) -> etree._ElementTree:
    """Parse bytes the guard (:func:`reviewer.core.xmlsafe.check_xml`) has passed.

    Raises:
        InputError: lxml's own limits refuse the file (elements nested too deeply, a text,
            attribute or name beyond the safe size limit), in one line, or it cannot read its
            encoding.
    """
    from reviewer.core.encoding import declared_mismatch

    if declared_mismatch(data):  # UTF-8 bytes under a Latin-1 declaration: read them as UTF-8
        data = re.sub(rb"^<\?xml[^>]*\?>", b"", data, count=1)
    try:
        return etree.ElementTree(etree.fromstring(data, SAFE_PARSER))
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc).split(", line")[0].split())
        low = message.lower()
        if "depth" in low:
            raise InputError(path, f"the {what} is beyond the limits of a safe parse: its elements are nested more than 256 deep") from None
        if "text node" in low:
            raise InputError(path, f"the {what} is beyond the limits of a safe parse: one text is over the safe size limit of 10 MB") from None
        if "too long" in low or "too big" in low or "huge" in low or "resource limit" in low:
            raise InputError(path, f"the {what} is beyond the limits of a safe parse: an element or attribute is beyond the safe size limit (10 MB for a value, 50,000 characters for a name)") from None
        raise InputError(path, f"the {what} cannot be parsed: {message}") from None
    except (ValueError, LookupError) as exc:
        raise InputError(path, f"the {what} cannot be decoded ({exc})") from None


def read_xml_file(path: Path, limit: int, what: str, root_name: str) -> etree._ElementTree:
    """Read ``path`` (at most ``limit`` bytes), pass it through the guard
    (:func:`reviewer.core.xmlsafe.check_xml`) and parse it with lxml.

    Raises:
        InputError: unreadable, too large, unsafe, malformed, or its root element is not
            ``root_name`` ("this is not an XLIFF file ...").
    """
    from reviewer.core.fileio import read_regular_file
    from reviewer.core.xmlsafe import check_xml

    data = read_regular_file(path, limit, what)
    root = check_xml(path, data, what)
    if local(root.tag) != root_name:
        article = "an" if what[:1].lower() in "aeiou" or what.startswith("XLIFF") else "a"
        raise InputError(path, f"this is not {article} {what.replace(' file', '')} file (its root element is <{local(root.tag)}>, not <{root_name}>)")
    return parse_lxml(path, data, what)


def file_encoding(path: Path) -> tuple[str, list[str]]:
    """The encoding of an XML file (:func:`reviewer.core.encoding.xml_encoding`: ``"utf-16"``
    for a UTF-16 file with a byte-order mark, the declared one unless the bytes contradict it,
    else ``"utf-8"``) and the note of :func:`reviewer.core.encoding.declared_mismatch`, if any,
    from one read of the file. ``("utf-8", [])`` if it cannot be read."""
    from reviewer.core.encoding import declared_mismatch, xml_encoding

    try:
        data = path.read_bytes()
    except OSError:
        return "utf-8", []
    note = declared_mismatch(data)
    return xml_encoding(data), [note] if note else []


def local(tag: object) -> str:
    """The local name of an element tag (``"trans-unit"`` for ``{urn:...}trans-unit``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _shell(el: etree._Element) -> str:
    """The element with no content and no tail, serialised (its start and end tags)."""
    copy = etree.Element(el.tag, attrib=dict(el.attrib), nsmap=el.nsmap)
    return str(etree.tostring(copy, encoding="unicode"))


def _standalone(el: etree._Element) -> str:
    return str(etree.tostring(el, encoding="unicode", with_tail=False))


def flatten(el: etree._Element, paired: frozenset[str] = PAIRED) -> tuple[str, tuple[InlineCode, ...]]:
    """The plain text of ``el``'s content and its inline codes, at offsets of that text."""
    out: list[str] = []
    codes: list[InlineCode] = []
    pos = 0

    def walk(node: etree._Element) -> None:
        nonlocal pos
        if node.text:
            out.append(node.text)
            pos += len(node.text)
        for child in node:
            if not isinstance(child.tag, str):  # a comment or processing instruction: keep it as a code
                codes.append(InlineCode(pos, "standalone", "#other", "", etree.tostring(child, encoding="unicode", with_tail=False)))
            else:
                name = local(child.tag)
                cid = child.get("id") or child.get("mid") or child.get("i") or child.get("x") or ""
                if name in paired or (name not in NATIVE and "".join(child.itertext())):
                    # a paired code, or an element reviewer does not know (or an empty code that
                    # holds text): its text is kept
                    codes.append(InlineCode(pos, "open", name, cid, _shell(child)))
                    walk(child)
                    codes.append(InlineCode(pos, "close", name, cid))
                else:
                    codes.append(InlineCode(pos, "standalone", name, cid, _standalone(child)))
            if child.tail:
                out.append(child.tail)
                pos += len(child.tail)

    walk(el)
    return "".join(out), tuple(codes)


def kept_unknown(codes: Sequence[InlineCode], paired: frozenset[str] = PAIRED) -> list[str]:
    """The names of the elements in ``codes`` (from :func:`flatten`) that are not paired codes
    but whose text :func:`flatten` kept: unknown elements, and empty codes holding text."""
    return [c.tag for c in codes if c.kind == "open" and c.tag not in paired]


def control_points(codes: Sequence[InlineCode]) -> list[str]:
    """The code points of the XLIFF 2 ``<cp hex="..."/>`` codes in ``codes`` (``"U+0001"``): control
    characters XML cannot hold, kept as codes and so not in the checked text."""
    out = []
    for c in codes:
        if c.tag == "cp" and c.kind == "standalone":
            m = re.search(r'hex="([0-9A-Fa-f]+)"', c.xml)
            out.append(f"U+{m.group(1).upper().zfill(4)}" if m else "U+?")
    return out


_WORD_RE = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def map_offsets(old: str, new: str, offsets: Sequence[int]) -> list[int]:
    """Map character offsets of ``old`` to ``new`` through a word-level diff.

    An offset inside an unchanged stretch moves with it; one inside or at the end
    of a changed stretch goes to the end of its replacement, and one at its start to
    the start. Offsets stay in order, so paired codes stay nested.
    """
    a = _WORD_RE.findall(old)
    b = _WORD_RE.findall(new)
    a_starts = [0]
    for w in a:
        a_starts.append(a_starts[-1] + len(w))
    b_starts = [0]
    for w in b:
        b_starts.append(b_starts[-1] + len(w))
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[int] = []
    for off in offsets:
        mapped = len(new)
        for tag, i1, i2, j1, j2 in ops:
            s, e = a_starts[i1], a_starts[i2]
            if tag == "equal" and s <= off <= e:
                mapped = b_starts[j1] + (off - s)
                break
            if tag != "equal" and s <= off <= e:
                mapped = b_starts[j1] if off == s else b_starts[j2]
                break
        out.append(mapped)
    return out


def rebuild(el: etree._Element, old_text: str, new_text: str, codes: Sequence[InlineCode]) -> None:
    """Replace ``el``'s content with ``new_text``, putting ``codes`` (found in ``old_text``
    by :func:`flatten`) back at their mapped offsets. ``el``'s own tag, attributes and
    tail are kept."""
    for child in list(el):
        el.remove(child)
    el.text = None
    offsets = map_offsets(old_text, new_text, [c.offset for c in codes])
    order = sorted(range(len(codes)), key=lambda k: (offsets[k], k))
    stack: list[etree._Element] = [el]
    pos = 0

    def add_text(text: str) -> None:
        if not text:
            return
        parent = stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    for k in order:
        code, at = codes[k], offsets[k]
        add_text(new_text[pos:at])
        pos = max(pos, at)
        if code.kind == "open":
            shell = etree.fromstring(code.xml, SAFE_PARSER)
            node = etree.SubElement(stack[-1], shell.tag, attrib=dict(shell.attrib), nsmap=_own_namespace(stack[-1], shell))
            stack.append(node)
        elif code.kind == "close":
            if len(stack) > 1:
                stack.pop()
        elif code.tag != "#other":  # comments and processing instructions inside a segment are dropped
            _graft(stack[-1], etree.fromstring(code.xml, SAFE_PARSER))
    add_text(new_text[pos:])


def _own_namespace(parent: etree._Element, shell: etree._Element) -> dict[str | None, str] | None:
    """The namespace declaration ``shell`` made for itself (an HTML ``<a xmlns="...">`` inside
    an XLIFF ``<mrk>``), so that it is written back with the same prefix, or none; ``None`` when
    ``parent`` has its namespace in scope already."""
    ns = etree.QName(shell).namespace
    if not ns or ns in parent.nsmap.values():
        return None
    return {prefix: uri for prefix, uri in shell.nsmap.items() if uri == ns} or None


def _graft(parent: etree._Element, piece: etree._Element) -> None:
    """Append a copy of ``piece`` under ``parent``, declaring no namespace that ``parent``
    already has in scope."""
    node = etree.SubElement(parent, piece.tag, attrib=dict(piece.attrib))
    node.text = piece.text
    for child in piece:
        if isinstance(child.tag, str):
            _graft(node, child)
        node[-1].tail = child.tail if len(node) else None


_DECL_RE = re.compile(r"^(\ufeff?)(<\?xml[^>]*\?>)(\s*)")


def serialize(tree: etree._ElementTree, original: bytes) -> bytes:
    """``tree`` as bytes in the original file's encoding, with the original's XML declaration
    (and byte-order mark) as written: lxml would rewrite it with single quotes and add
    ``standalone``."""
    encoding = tree.docinfo.encoding or "UTF-8"
    body = bytes(etree.tostring(tree, encoding=encoding, xml_declaration=False))
    try:
        head = _DECL_RE.match(original.decode(encoding, errors="strict"))
    except (UnicodeDecodeError, LookupError):
        head = None
    if head is None:
        return bytes(etree.tostring(tree, encoding=encoding, xml_declaration=True))
    if original.rstrip(b"\0").endswith(b"\n") and not body.endswith(b"\n") and encoding.lower().replace("-", "") in ("utf8", "ascii", "gb18030", "gbk", "gb2312", "iso88591"):
        body += b"\n"
    bom, decl, space = head.groups()
    prefix = (decl + (space if "\n" in space else "\n")).encode(encoding)
    if encoding.lower().replace("-", "") in ("utf16", "utf32"):
        # lxml writes a byte-order mark first: the declaration goes after it, in the same byte order
        for mark, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            if body.startswith(mark) and encoding.lower().replace("-", "") == "utf16":
                return mark + (decl + (space if "\n" in space else "\n")).encode(codec) + body[len(mark) :]
        return bytes(etree.tostring(tree, encoding=encoding, xml_declaration=True))
    return (b"\xef\xbb\xbf" if bom else b"") + prefix + body
