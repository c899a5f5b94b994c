"""Decoding text files whose encoding is not declared."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from reviewer.core.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    for share, codec in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if share > 0.4:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return (text, codec) if "\x00" not in text else None
    return None


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode file contents, detecting the encoding.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark
    (NULs in every other byte); strict UTF-8; GB18030 when every non-ASCII byte
    pair is a GB2312 character (English MT with Chinese punctuation or terms,
    saved on a Chinese Windows machine); then ``charset-normalizer``'s best guess,
    where GBK and GB2312 guesses are read as their superset GB18030.

    Returns:
        ``(text, encoding)``; ``encoding`` is a Python codec name such as
        ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"`` or ``"gb18030"``.

    Raises:
        InputError: the bytes are binary (NUL bytes outside UTF-16/32) or no
            encoding decodes them.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(path, f"the file starts with a {name} byte-order mark but is not valid {name} ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(path, "the file contains NUL bytes: it is binary, not a text article")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:  # Chinese Windows text: every non-ASCII byte pair a GB2312 character (GB18030 is its superset)
        data.decode("gb2312")
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(path, "the file is not text in any encoding reviewer recognises (UTF-8, UTF-16, GB18030/GBK, Big5, ...)")
    name = best.encoding.lower()
    if name in {"gbk", "gb2312", "cp936", "hz"}:
        name = "gb18030"
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, f"the file looks like {name} but does not decode as it") from None
    return text, name


_XML_DECLARED_RE = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def xml_encoding(data: bytes) -> str:
    """The encoding of an XML file as its first bytes give it, as a Python codec name: a
    byte-order mark (``"utf-8-sig"``, ``"utf-16"``, ``"utf-32"``), UTF-16 without one
    (``"utf-16-le"``/``"utf-16-be"``, from the NULs around ``<?``), else the encoding the XML
    declaration names, lower-cased (``"gbk"``, ``"windows-1254"``), else ``"utf-8"``.
    Never raises; the name may be one Python does not know (the declaration's own)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if data.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    m = _XML_DECLARED_RE.match(data)
    return m.group(1).decode("ascii").lower() if m else "utf-8"
