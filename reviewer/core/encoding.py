"""Decoding text files whose encoding is not declared."""

from __future__ import annotations

import codecs
import os
import re
import stat
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
    saved on a Chinese Windows machine); GB18030 when it reads as Chinese; then
    ``charset-normalizer``'s best guess, where GBK and GB2312 guesses are read as their
    superset GB18030. Bytes that are UTF-8 or GB18030 but for a few invalid sequences are
    refused (a damaged file, where a guess of another encoding would read gibberish).

    Returns:
        ``(text, encoding)``; ``encoding`` is a Python codec name such as
        ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"`` or ``"gb18030"``.

    Raises:
        InputError: the bytes are binary (NUL bytes outside UTF-16/32), UTF-8 or GB18030
            damaged by a few invalid bytes (the message gives the first offset), or no
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
    try:  # GBK/GB18030 beyond GB2312 (rarer characters), when it reads as Chinese
        text = data.decode("gb18030")
        if _cjk_share(text[:SAMPLE_CHARS]) >= 0.5:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    # Nearly UTF-8 or nearly GB18030 with a few bad bytes is a damaged file, not another encoding:
    # a guess (cp1251, cp932, koi8_r) would be read as gibberish. Say where, and let the user fix it.
    for codec, label in (("utf-8", "UTF-8"), ("gb18030", "GB18030/GBK")):
        bad, good, first = _damage(data, codec)
        if codec == "utf-8":  # random bytes seldom make well-formed UTF-8: a few good characters are evidence,
            # and so are bytes laid out as UTF-8 sequences that encode no character (a surrogate, ED A0 80)
            damaged = (good >= 3 * bad and bad <= max(3, good // 50)) or _utf8_shaped(data)
        else:  # any two high bytes pair up as GBK (Cyrillic, Greek ...): Chinese reads as common characters
            damaged = bad * 10 <= good and _common_chinese_share(data[: 2 * SAMPLE_CHARS].decode(codec, "ignore")) >= 0.7
        if bad and damaged:
            raise InputError(
                path,
                f"the file is {label} except for {bad} invalid byte sequence(s), the first at byte {first}: it is damaged or "
                f"mixes two encodings; save it again as UTF-8",
            )
    western = _western(data)
    if western is not None:  # English with Windows quotes and dashes (“ ” — as 0x93 0x94 0x97)
        return western, "cp1252"
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


#: The characters the heuristics below look at: a sample is evidence enough, and a 64 MiB file
#: is not walked character by character in Python.
SAMPLE_CHARS = 1 << 20


def _western(data: bytes) -> str | None:
    """``data`` as windows-1252 when that reads as English: a few non-ASCII characters (at most
    one in five letters), all typographic punctuation or Latin letters. None otherwise."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:SAMPLE_CHARS]
    wide = [ch for ch in sample if ord(ch) >= 0x80]
    letters = sum(ch.isalpha() for ch in sample)
    if not wide or len(wide) * 5 > max(letters, 1):
        return None
    if all(0xA0 <= ord(ch) <= 0xFF or 0x2010 <= ord(ch) <= 0x2044 or ch in "€™" for ch in wide):
        return text
    return None


_UTF8_RUN = re.compile(rb"[\x80-\xff]+")
_UTF8_SEQUENCE = re.compile(rb"(?:[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3})+")


def _utf8_shaped(data: bytes) -> bool:
    """True when every run of non-ASCII bytes is laid out as UTF-8 sequences (a lead byte and
    its continuation bytes), though they may encode no character: damaged UTF-8, not a single-
    byte encoding, whose letters seldom fall in that pattern."""
    runs = _UTF8_RUN.findall(data)
    return bool(runs) and all(_UTF8_SEQUENCE.fullmatch(run) for run in runs)


def _common_chinese_share(text: str) -> float:
    """The share of GB2312's punctuation and level-1 (the 3,755 most common) characters among the
    non-ASCII characters of ``text``: about 0.9 for Chinese, under 0.5 for other text whose bytes
    happen to pair up as GBK."""
    wide = [ch for ch in text if ord(ch) >= 0x80]
    if not wide:
        return 0.0
    common = 0
    for ch in wide:
        try:
            lead = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            continue
        common += 0xA1 <= lead <= 0xD7
    return common / len(wide)


def _cjk_share(text: str) -> float:
    """The share of CJK ideographs and CJK punctuation among the non-ASCII characters of ``text``."""
    wide = [ch for ch in text if ord(ch) >= 0x80]
    if not wide:
        return 0.0
    cjk = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—")
    return cjk / len(wide)


def _damage(data: bytes, codec: str) -> tuple[int, int, int]:
    """``(bad, good, first)``: the invalid byte sequences of ``data`` in ``codec`` (each one
    replacement character when decoded with ``errors="replace"``), its well-formed non-ASCII
    characters, and the byte offset of the first bad sequence (-1 if none). One decoding pass."""
    try:
        data.decode(codec)
        return 0, 0, -1
    except UnicodeDecodeError as exc:
        first = exc.start
    text = data.decode(codec, "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad  # the non-ASCII characters that decoded
    return bad, good, first


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
    declared = m.group(1).decode("ascii").lower() if m else "utf-8"
    if declared in SINGLE_BYTE and _utf8_with_multibyte(data):
        return "utf-8"  # the bytes contradict the declaration: see declared_mismatch
    return declared


#: Single-byte encodings that a file's bytes can contradict: every byte string is valid in them, so
#: a file declared so whose non-ASCII bytes are all well-formed UTF-8 is UTF-8 mislabelled.
SINGLE_BYTE = frozenset({
    "iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso-8859-15", "iso8859-15", "latin-9",
    "windows-1252", "cp1252", "us-ascii", "ascii",
})


def _utf8_with_multibyte(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_mismatch(data: bytes) -> str | None:
    """A note when an XML file declares a single-byte encoding (ISO-8859-1, windows-1252, ASCII)
    but its bytes are UTF-8 with multi-byte characters: it is read as UTF-8 (the bytes agree with
    UTF-8, and read as the declaration says they would be mojibake, "ä¸¤" for 两). None otherwise."""
    m = _XML_DECLARED_RE.match(data)
    if not m:
        return None
    declared = m.group(1).decode("ascii").lower()
    if declared in SINGLE_BYTE and _utf8_with_multibyte(data):
        return f"the file declares the encoding {declared}, but its bytes are UTF-8: it was read as UTF-8"
    return None


_UTF32_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32 little-endian"), (b"\x00\x00\xfe\xff", "UTF-32 big-endian"))


def refuse_utf32(path: Path, what: str) -> None:
    """Refuse an XML file that starts with a UTF-32 byte-order mark, naming its encoding (the XML
    parser would call it malformed at its second character). Nothing is raised when the file
    cannot be read: the reader says why.

    Raises:
        InputError: the file is UTF-32.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device is never opened here
            return
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError:
        return
    for bom, name in _UTF32_BOMS:
        if head == bom:
            raise InputError(path, f"the {what} is in {name} (it starts with a UTF-32 byte-order mark), which reviewer does not read: save it as UTF-8 or UTF-16")
