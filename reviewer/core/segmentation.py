"""Sentence segmentation of English MT and Chinese source text.

English uses ``sentencex`` (Wikimedia's rule-based segmenter): on this project's
machine it splits about 500,000 sentences/s of real WMT zh-en MT output against
about 1,900/s for pysbd, with the same boundaries on the seed article and on the
abbreviation cases (``U.S.``, ``No. 1``, ``5.2%``, quoted sentences); see
``benchmarks/bench_segmentation.py``. Chinese splits after 。！？ and any closing
quotes or brackets that follow them.
"""

from __future__ import annotations

import re

import sentencex

_ZH_END_RE = re.compile(r"[。！？!?…]+[”’」』）)]*")


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Split a paragraph into sentences.

    Args:
        text: one paragraph.
        lang: ``"en"`` or ``"zh"`` (any ``zh-*`` code counts as Chinese).

    Returns:
        ``(start, end)`` character spans into ``text``, end exclusive, in order,
        each trimmed of surrounding whitespace. Empty sentences are dropped.
    """
    if lang.lower().startswith("zh"):
        pieces = _split_zh(text)
    else:
        pieces = list(sentencex.segment("en", text))
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        core = piece.strip()
        if not core:
            pos += len(piece)
            continue
        start = text.find(core, pos)
        if start < 0:  # the segmenter altered the text: fall back to one span
            return _trimmed_whole(text)
        end = start + len(core)
        spans.append((start, end))
        pos = end
    return spans


def _split_zh(text: str) -> list[str]:
    pieces: list[str] = []
    pos = 0
    for m in _ZH_END_RE.finditer(text):
        pieces.append(text[pos : m.end()])
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
    return pieces


def _trimmed_whole(text: str) -> list[tuple[int, int]]:
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped)
    return [(start, start + len(stripped))]
