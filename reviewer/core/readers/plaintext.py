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
from reviewer.core.segmentation import split_sentences

_FIELD_RE = re.compile(r"^(?P<key>[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff _-]{0,30}?)\s*[:：]\s*(?P<value>\S.{0,200})$")
_LOWER_DATE_RE = re.compile(r"^date\s+(?P<value>\d{4}-\d{2}-\d{2})\s+(?P<rest>.*)$", re.IGNORECASE)
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


def read(path: Path) -> Document:
    """Read a plain-text article.

    Raises:
        InputError: the file cannot be read, is not text, or has no body text.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    text, encoding = decode_bytes(data, path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    metadata, first = parse_header(lines)
    body = [line for line in lines[first:] if line.strip()]
    if not body:
        raise InputError(path, "the file has no article text" + (" after its header" if metadata else ""))
    segments: list[Segment] = []
    cjk_lines = sum(1 for line in body if len(_CJK_RE.findall(line)) > len(line) / 3)
    lang = "zh" if cjk_lines > len(body) / 2 else "en"
    for para_no, para in enumerate(body, start=1):
        for start, end in split_sentences(para, lang):
            seg_text = para[start:end]
            sid = str(len(segments) + 1)
            if lang == "zh":
                segments.append(Segment(sid, para_no, target="", source=seg_text, start=start, end=end))
            else:
                segments.append(Segment(sid, para_no, target=seg_text, start=start, end=end))
    return Document(path=path, segments=segments, metadata=metadata, encoding=encoding, format="text")
