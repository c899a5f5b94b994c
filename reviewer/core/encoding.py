"""Decoding text files whose encoding is not declared."""

from __future__ import annotations

import codecs
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


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode file contents, detecting the encoding.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; then
    ``charset-normalizer``'s best guess, where GBK and GB2312 guesses are read as
    their superset GB18030.

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
        raise InputError(path, "the file contains NUL bytes: it is binary, not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
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
