"""Plain-text articles: a metadata header, then paragraphs separated by line breaks.

The header is the run of short ``Key: value`` lines at the top of the file whose
key is a known header field (:data:`HEADER_FIELDS`: ``Date``, ``Source``,
``Title``, ``Author``, ``URL``, ``日期``, ``来源`` ...), so that a headline such as
``Xi Jinping: Promote high-quality development`` stays article text. The seed
article's ``date 2023-01-19 Date: 2023-01-19`` line, which repeats the date in
another form, counts too. Header fields become :attr:`Document.metadata` with
lower-case keys; they are never segments. Every following non-empty line is
a paragraph, split into sentence segments.
"""

from __future__ import annotations

import re
from pathlib import Path

from reviewer.core.document import Document, Segment
from reviewer.core.encoding import decode_bytes
from reviewer.core.errors import InputError
from reviewer.core.fileio import MIB, read_regular_file
from reviewer.core.segmentation import split_sentences

_FIELD_RE = re.compile(r"^(?P<key>[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff _-]{0,30}?)\s*[:：]\s*(?P<value>\S.{0,200})$")
_LOWER_DATE_RE = re.compile(r"^date\s+(?P<value>\d{4}-\d{2}-\d{2})\s+(?P<rest>.*)$", re.IGNORECASE)
#: Largest article accepted (bytes).
MAX_FILE_BYTES = 64 * MIB

#: Longest segment kept whole (characters). A longer "sentence" (a paragraph with
#: no sentence punctuation, or a garbled file) is cut at the last space before
#: the limit, so that checks stay fast and the segment fits an Excel cell.
MAX_SEGMENT_CHARS = 4000

#: Keys (lower-case) that make a ``Key: value`` line a header field.
HEADER_FIELDS = frozenset(
    "date source title author url link published updated language lang category section tags editor "
    "translator byline dateline id 日期 来源 作者 标题 发布时间 发布日期 责任编辑 编辑 链接 栏目".split()
)

_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def parse_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """Read the metadata header.

    Args:
        lines: the file's lines.

    Returns:
        ``(metadata, first_body_line)``: the fields found and the index of the
        first line after the header.
    """
    metadata: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        m = _LOWER_DATE_RE.match(line)
        if m:
            metadata.setdefault("date", m.group("value"))
            line = m.group("rest").strip()
            if not line:
                i += 1
                continue
        m = _FIELD_RE.match(line)
        if not m or len(line) > 120 or m.group("key").strip().lower() not in HEADER_FIELDS:
            break
        metadata[m.group("key").strip().lower()] = m.group("value").strip()
        i += 1
    return metadata, i


def _is_chinese(line: str) -> bool:
    return len(_CJK_RE.findall(line)) > len(line.strip()) / 3


def _capped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut spans longer than :data:`MAX_SEGMENT_CHARS` at a space (or hard, if none)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SEGMENT_CHARS:
            cut = text.rfind(" ", start + MAX_SEGMENT_CHARS // 2, start + MAX_SEGMENT_CHARS)
            cut = cut if cut > start else start + MAX_SEGMENT_CHARS
            out.append((start, cut))
            start = cut
            while start < end and text[start] == " ":
                start += 1
        if start < end:
            out.append((start, end))
    return out


_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP container (a Word .docx or Excel .xlsx file?)"),
    (b"%PDF", "a PDF file, which reviewer does not read (save it as text or Word first)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc or .xls); save it as .docx or .xlsx"),
    (b"{\\rtf", "an RTF file; save it as .docx or plain text"),
)


def _refuse_other_formats(path: Path, data: bytes) -> None:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(path, f"this is {kind}, not a plain-text article")


def read(path: Path) -> Document:
    """Read a plain-text article.

    Raises:
        InputError: the file cannot be read, is not text, or has no body text.
    """
    data = read_regular_file(path, MAX_FILE_BYTES, "file")
    _refuse_other_formats(path, data)
    text, encoding = decode_bytes(data, path)
    head = text.lstrip("\ufeff \t\r\n")[:400].lower()
    if head.startswith("<?xml") or head.startswith(("<xliff", "<tmx", "<martif", "<tbx", "<html", "<!doctype")):
        kind = "an XLIFF file" if "<xliff" in head else "a TMX file" if "<tmx" in head else "a termbase (TBX)" if "<martif" in head or "<tbx" in head else "HTML" if "html" in head else "an XML file"
        raise InputError(path, f"this is {kind}, not a plain-text article; give it its own extension (.xlf, .tmx, ...) to open it as such")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    metadata, first = parse_header(lines)
    body = [line for line in lines[first:] if line.strip()]
    if not body:
        raise InputError(path, "the file has no article text" + (" after its header" if metadata else ""))
    segments: list[Segment] = []
    english = [not _is_chinese(line) for line in body]
    if not any(english):
        raise InputError(path, "the file is Chinese text only; reviewer checks English MT (open the English translation)")
    for para_no, para in enumerate(body, start=1):
        lang = "en" if english[para_no - 1] else "zh"
        for start, end in _capped(para, split_sentences(para, lang)):
            seg_text = para[start:end]
            sid = str(len(segments) + 1)
            if lang == "zh":  # a Chinese paragraph of a bilingual file: kept as source, nothing to check
                segments.append(Segment(sid, para_no, target="", source=seg_text, start=start, end=end))
            else:
                segments.append(Segment(sid, para_no, target=seg_text, start=start, end=end))
    return Document(path=path, segments=segments, metadata=metadata, encoding=encoding, format="text")
