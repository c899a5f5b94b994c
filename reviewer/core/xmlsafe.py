"""A guard in front of every XML parser that reads a user's file.

XLIFF, TMX and the XML parts of DOCX and XLSX are parsed by libraries (translate-toolkit,
python-docx, openpyxl) that use lxml or expat. Before any of them sees the bytes,
:func:`check_xml` parses them once with ``defusedxml``, which refuses:

* a document type declaration with an internal subset (``<!DOCTYPE x [ ... ]>``):
  its declarations could add default attributes or define entities;
* any entity declaration, so no entity-expansion bomb reaches a parser;
* external references of any kind (an external entity, a parameter entity);
* malformed or truncated XML (the parse error names the line and column).

A ``<!DOCTYPE`` that only names an external DTD (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``,
``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">``, the normal header of Okapi TMX and of
TBX v2 as SDL MultiTerm writes it) is accepted: the DTD is never loaded, here (expat reads
no external subset) nor by lxml (``load_dtd=False``, ``no_network=True``). The refusal
names which of the three it met (:func:`unsafe_reason`).

The guard also bounds the work: at most :data:`MAX_XML_BYTES` of XML are parsed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from reviewer.core.encoding import xml_encoding
from reviewer.core.errors import InputError
from reviewer.core.fileio import MIB

#: Largest XML document (bytes) the guard parses.
MAX_XML_BYTES = 256 * MIB

#: Largest total uncompressed size (bytes) of a ZIP container (DOCX, XLSX).
MAX_UNZIPPED_BYTES = 512 * MIB

#: Highest compression ratio accepted for one member of a ZIP container: a ZIP bomb
#: compresses far better than any real document.
MAX_ZIP_RATIO = 200


def check_xml(path: Path, data: bytes, what: str = "file") -> ET.Element:
    """Parse ``data`` safely and return its root element.

    Args:
        path: the file, for messages.
        data: the XML bytes.
        what: what the file is, for messages ("XLIFF file", "word/document.xml").

    Raises:
        InputError: a DOCTYPE with an internal subset, an entity declaration, an external
            reference, malformed or truncated XML, or more than :data:`MAX_XML_BYTES`.
    """
    root = _guarded(path, data, what, tree=True)
    assert root is not None
    return root


def check_xml_part(path: Path, data: bytes, what: str = "file") -> None:
    """Check ``data`` as :func:`check_xml` does, without building a tree: a worksheet of a
    million rows costs no memory here (the library that reads it next builds its own).

    Raises:
        InputError: as :func:`check_xml`.
    """
    _guarded(path, data, what, tree=False)


def _guarded(path: Path, data: bytes, what: str, tree: bool) -> ET.Element | None:
    if len(data) > MAX_XML_BYTES:
        raise InputError(path, f"the {what} is larger than the limit of {MAX_XML_BYTES // MIB} MiB of XML")
    try:
        try:
            return _parse(data, tree)
        except DefusedXmlException:  # a ValueError too: not a reason to decode again
            raise
        except (ValueError, LookupError):
            # expat reads UTF-8, UTF-16 and Latin-1 only: a file declared GBK, GB2312 or Big5 is
            # decoded here and checked as UTF-8 (lxml reads the original itself)
            return _parse(_as_utf8(path, data, what), tree)
    except DefusedXmlException as exc:
        raise InputError(path, f"the {what} {unsafe_reason(exc)}, which reviewer refuses for safety") from None
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        kind = "truncated" if "no element found" in str(exc) or "unclosed token" in str(exc) else "malformed"
        raise InputError(path, f"the {what} is {kind} XML (line {line}, column {col + 1}): {exc}") from None


class _NoTree:
    """A parser target that keeps nothing: expat still checks every byte."""

    def close(self) -> None:
        return None


class SafeParser(DefusedXMLParser):  # type: ignore[misc]  # defusedxml has no type hints
    """defusedxml's parser with DTDs allowed but entities and external references forbidden,
    and a DOCTYPE refused when it has an internal subset: only ``<!DOCTYPE name SYSTEM "...">``
    (or ``PUBLIC``) passes, and its DTD is never read."""

    def __init__(self, target: object = None) -> None:
        # the C TreeBuilder, as defusedxml's own fromstring uses: its elements iterate without
        # recursion (a tree nested 100,000 deep stays readable)
        target = ET.TreeBuilder() if target is None else target
        super().__init__(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self._internal_subset: tuple[str, str | None, str | None] | None = None
        self.parser.StartDoctypeDeclHandler = self._start_doctype
        self.parser.EndDoctypeDeclHandler = self._end_doctype

    def _start_doctype(self, name: str, sysid: str | None, pubid: str | None, has_internal_subset: int) -> None:
        self._internal_subset = (name, sysid, pubid) if has_internal_subset else None

    def _end_doctype(self) -> None:
        # refused at the end of the subset, so that an entity declaration inside it is named as
        # such; a default attribute declared there would apply only after this point
        if self._internal_subset is not None:
            raise DTDForbidden(*self._internal_subset)


def safe_fromstring(data: bytes) -> ET.Element:
    """Parse ``data`` with :class:`SafeParser` and return its root element.

    Raises:
        defusedxml.DefusedXmlException: an internal subset, an entity declaration or an
            external reference (:func:`unsafe_reason` says which).
        xml.etree.ElementTree.ParseError: malformed XML.
        ValueError, LookupError: an encoding expat cannot read.
    """
    parser = SafeParser()
    parser.feed(data)
    root: ET.Element = parser.close()
    return root


def unsafe_reason(exc: DefusedXmlException) -> str:
    """What :class:`SafeParser` refused, as the end of a sentence that starts with the file
    ("the TMX file ..."): ``"declares an entity in its DOCTYPE (<!ENTITY lol>)"``."""
    if isinstance(exc, EntitiesForbidden):
        where = f' SYSTEM "{exc.sysid}"' if exc.sysid else ""
        return f"declares an entity in its DOCTYPE (<!ENTITY {exc.name}{where}>)"
    if isinstance(exc, ExternalReferenceForbidden):
        return f"refers to an external entity ({exc.sysid or exc.pubid or 'unnamed'})"
    if isinstance(exc, DTDForbidden):
        return f"has a DOCTYPE with an internal subset (<!DOCTYPE {exc.name} [...]>)"
    return f"holds a construct reviewer does not parse ({type(exc).__name__})"


def _parse(data: bytes, tree: bool) -> ET.Element | None:
    if tree:
        return safe_fromstring(data)
    parser = SafeParser(target=_NoTree())
    parser.feed(data)
    parser.close()
    return None


_DECLARED_RE = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"'][^>]*\?>")

#: Declared encodings decoded with a wider codec (GB18030 contains GBK and GB2312).
_WIDER = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030"}


def _as_utf8(path: Path, data: bytes, what: str) -> bytes:
    """``data`` decoded by its byte-order mark or declared encoding
    (:func:`reviewer.core.encoding.xml_encoding`), without the declaration, as UTF-8."""
    m = _DECLARED_RE.match(data)
    encoding = xml_encoding(data)
    try:
        text = data.decode(_WIDER.get(encoding, encoding))
    except LookupError:
        raise InputError(path, f"the {what} declares the encoding '{encoding}', which reviewer does not know; save it as UTF-8") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"the {what} is not valid {encoding if m or encoding != 'utf-8' else 'UTF-8'} (byte {exc.start})") from None
    text = re.sub(r"^\ufeff?<\?xml[^>]*\?>", "", text)
    return text.encode("utf-8")


def check_zip(path: Path, what: str = "file", xml_members: tuple[str, ...] = (".xml", ".rels")) -> zipfile.ZipFile:
    """Open a ZIP container (DOCX, XLSX) after checking its size, its compression ratios and
    every XML member (named ``.xml`` or ``.rels``, or declared XML in ``[Content_Types].xml``)
    with :func:`check_xml_part`. The caller closes the returned file.

    Raises:
        InputError: not a ZIP file, corrupt, a ZIP bomb (too large unzipped or too
            compressed), or an XML member the guard refuses.
    """
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(path, f"this is not a valid {what} (not a ZIP container, or a corrupt one)") from None
    except OSError as exc:
        raise InputError(path, f"cannot open the {what} ({exc.strerror or exc})") from None
    try:
        total = 0
        for info in zf.infolist():
            total += info.file_size
            if total > MAX_UNZIPPED_BYTES:
                raise InputError(path, f"the {what} unpacks to more than {MAX_UNZIPPED_BYTES // MIB} MiB (a ZIP bomb?)")
            if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO and info.file_size > MIB:
                raise InputError(path, f"the {what} member {info.filename} is compressed {info.file_size // info.compress_size}:1 (a ZIP bomb?)")
        seen: dict[str, str] = {}
        for info in zf.infolist():
            # OPC names parts case-insensitively: two members one part name apart (or the same
            # name twice) would let the library read another member than the one checked
            key = info.filename.lower()
            if key in seen:
                raise InputError(path, f"the {what} holds two members named {seen[key]!r} and {info.filename!r} (a damaged or tampered file)")
            seen[key] = info.filename
        declared = _xml_parts(path, zf, what)
        for info in zf.infolist():
            if info.filename.lower().endswith(xml_members) or info.filename in declared:
                check_xml_part(path, read_member(path, zf, info, what), f"{what} part {info.filename}")
            elif _looks_like_xml(read_member(path, zf, info, what, 64)):  # XML under another name (word/document.dat)
                check_xml_part(path, read_member(path, zf, info, what), f"{what} part {info.filename}")
    except BaseException:
        zf.close()
        raise
    return zf


def read_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, what: str = "file", size: int = -1) -> bytes:
    """The unpacked bytes of one member of a ZIP container (the first ``size`` bytes, if given).

    Raises:
        InputError: the member is encrypted, packed with a method :mod:`zipfile` cannot
            unpack (Deflate64, PPMd ...), or damaged (bad deflate data, CRC mismatch, cut short).
    """
    try:
        with zf.open(info) as fh:
            return fh.read(size)
    except NotImplementedError:  # before RuntimeError, its base class
        raise InputError(path, f"the {what} is packed with a compression method reviewer cannot unpack ({info.filename}, method {info.compress_type}); save it again") from None
    except RuntimeError as exc:  # zipfile's word for an encrypted member
        if info.flag_bits & 0x1:
            raise InputError(path, f"the {what} is password-protected ({info.filename} is encrypted); save it without a password") from None
        raise InputError(path, f"the {what} is corrupt: {info.filename} cannot be read ({exc})") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        raise InputError(path, f"the {what} is corrupt: {info.filename} cannot be read ({exc})") from None


def _xml_parts(path: Path, zf: zipfile.ZipFile, what: str) -> set[str]:
    """Members that ``[Content_Types].xml`` calls XML (``application/xml``, ``...+xml``), images
    such as SVG aside: the libraries parse these whatever their names (a package may keep its
    main part in ``word/document.dat``)."""
    try:
        info = zf.getinfo("[Content_Types].xml")
    except KeyError:
        return set()
    root = check_xml(path, read_member(path, zf, info, what), f"{what} part [Content_Types].xml")

    def is_xml(content_type: str) -> bool:
        kind = content_type.strip().lower()
        return kind.endswith(("/xml", "+xml")) and not kind.startswith("image/")

    by_ext = {(el.get("Extension") or "").lower() for el in root if el.tag.endswith("Default") and is_xml(el.get("ContentType") or "")}
    named = {(el.get("PartName") or "").lstrip("/").lower() for el in root if el.tag.endswith("Override") and is_xml(el.get("ContentType") or "")}
    # part names match members whatever their letter case, as python-docx and openpyxl resolve them
    return {n for n in zf.namelist() if n.lower() in named or ("." in n and n.rsplit(".", 1)[-1].lower() in by_ext)}


def _looks_like_xml(head: bytes) -> bool:
    """True when a member's first bytes are XML's (``<`` after an optional BOM and spaces, in
    UTF-8 or UTF-16)."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            return True
    stripped = head.lstrip(b" \t\r\n")
    return stripped.startswith((b"<?xml", b"<", b"<\x00", b"\x00<"))
