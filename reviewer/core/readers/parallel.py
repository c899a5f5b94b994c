"""A Chinese source and its English MT given as two files, aligned sentence by sentence.

:func:`read_parallel` reads the MT (``.txt`` or ``.docx``) and the source (``.txt`` or
``.docx``), splits both into paragraphs and sentences, aligns them with
:func:`reviewer.core.alignment.align_paragraphs` (paragraphs first, then the sentences
inside aligned paragraphs), and returns one :class:`Document` of the MT whose segments
carry their source.

Segments, one per bead, in the MT's order:

* ``target`` is the bead's English sentences as they stand in their MT paragraph,
  from the first sentence's start to the last one's end (a bead never takes
  sentences of two MT paragraphs); ``paragraph``, ``start``, ``end`` and ``unit``
  say where, as the single-file readers do, so corrections can be written back.
* ``source`` is the bead's Chinese sentences: as written when they are in one
  source paragraph, joined without a separator when they are not.
* A source sentence the MT left out (1-0) is a segment with ``target=""`` placed
  where the translation would be: ``start == end`` at the end of the MT sentence
  before it (or at the start of the first one).
* An MT sentence with no source (0-1) is a segment with ``source=None``, like an
  English segment of a file with no source, so the checks that compare source and
  target leave it alone.

Both kinds are listed in :attr:`Document.warnings`, and so is an alignment with
many of them (the two files may not be the same article).

Plain text: each non-empty line after the metadata header
(:func:`reviewer.core.readers.plaintext.parse_header`) is a paragraph; the MT
file's header becomes :attr:`Document.metadata` (the source file's header is read
and skipped). Word: every non-empty paragraph of the body and its tables, in
reading order (:mod:`reviewer.core.readers.docx`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.alignment import Bead, align_paragraphs
from reviewer.core.document import Document, Segment
from reviewer.core.encoding import decode_bytes
from reviewer.core.errors import InputError
from reviewer.core.fileio import read_regular_file
from reviewer.core.matching import TermMatcher
from reviewer.core.readers.plaintext import MAX_FILE_BYTES, _capped, _is_chinese, parse_header
from reviewer.core.segmentation import split_sentences

#: MT file suffix -> Document.format.
FORMATS = {".txt": "text", ".text": "text", ".docx": "docx"}
#: Unaligned sentences named one by one in the warnings; the rest are counted.
MAX_LISTED = 10

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


@dataclass(slots=True)
class _Text:
    """A file read as paragraphs."""

    paragraphs: list[str]
    units: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Sentence:
    paragraph: int  # 1-based
    start: int
    end: int


def read_parallel(mt_path: str | Path, source_path: str | Path, matcher: TermMatcher | None = None) -> Document:
    """Read an English MT and its Chinese source from two files and align them.

    Args:
        mt_path: the English MT, ``.txt`` or ``.docx``.
        source_path: the Chinese source, ``.txt`` or ``.docx``.
        matcher: the termbases' matcher; its concepts anchor the alignment.

    Returns:
        The MT as a document with ``format`` ``"text"`` or ``"docx"`` (after the MT
        file), ``path`` the MT file, ``source_path`` the source file, and one segment
        per bead (see the module docstring).

    Raises:
        InputError: a file is missing, unreadable or of an unsupported type, has no
            text, the MT has no English or the source no Chinese.
    """
    mt, src = Path(mt_path), Path(source_path)
    fmt = _format(mt)
    _format(src)
    if mt.resolve() == src.resolve():
        raise InputError(src, "the source file is the MT file itself; give the Chinese source as the second file")
    mt_text = _read(mt, "MT file")
    src_text = _read(src, "source file")
    _check_languages(mt, mt_text, src, src_text)
    tgt_sents = _sentences(mt_text.paragraphs, capped=True)
    src_sents = _sentences(src_text.paragraphs, capped=False)
    tgt_strings = [mt_text.paragraphs[s.paragraph - 1][s.start : s.end] for s in tgt_sents]
    src_strings = [src_text.paragraphs[s.paragraph - 1][s.start : s.end] for s in src_sents]
    beads = align_paragraphs(_by_paragraph(src_sents, src_strings), _by_paragraph(tgt_sents, tgt_strings), matcher)
    segments = _segments(beads, mt_text, tgt_sents, src_text, src_sents)
    warnings = mt_text.warnings + _alignment_warnings(beads, src_strings, src_sents, tgt_strings, tgt_sents)
    return Document(
        path=mt,
        segments=segments,
        metadata=mt_text.metadata,
        encoding=mt_text.encoding,
        format=fmt,
        warnings=warnings,
        source_path=src,
    )


def _format(path: Path) -> str:
    if path.is_dir():
        raise InputError(path, "this is a folder, not a file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        supported = ", ".join(sorted(FORMATS))
        raise InputError(path, f"unsupported file type '{path.suffix or '(none)'}' for an aligned source and MT; use {supported}")
    return fmt


def _read(path: Path, what: str) -> _Text:
    """The non-empty paragraphs of a file, with their units (``""`` for plain text)."""
    if FORMATS[path.suffix.lower()] == "docx":
        return _read_docx(path, what)
    data = read_regular_file(path, MAX_FILE_BYTES, "file")
    text, encoding = decode_bytes(data, path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    metadata, first = parse_header(lines)
    body = [line for line in lines[first:] if line.strip()]
    if not body:
        raise InputError(path, f"the {what} has no text" + (" after its header" if metadata else ""))
    return _Text(body, [""] * len(body), metadata, encoding)


def _read_docx(path: Path, what: str) -> _Text:
    from reviewer.core.readers import docx as docx_reader  # python-docx loads only when needed

    document = docx_reader.open_docx(path)
    body = document.element.body
    found = [(unit, text) for unit, p in docx_reader.units(body) if (text := docx_reader.paragraph_text(p)).strip()]
    if not found:
        raise InputError(path, f"the {what} has no text in its body or tables")
    return _Text(
        [text for _, text in found],
        [unit for unit, _ in found],
        docx_reader._metadata(document),
        warnings=docx_reader._warnings(body, document),
    )


def _check_languages(mt: Path, mt_text: _Text, src: Path, src_text: _Text) -> None:
    mt_all = "\n".join(mt_text.paragraphs)
    src_all = "\n".join(src_text.paragraphs)
    mt_english = bool(_LATIN_RE.search(mt_all)) and not all(_is_chinese(p) for p in mt_text.paragraphs)
    src_chinese = bool(_CJK_RE.search(src_all))
    if not mt_english and not src_chinese and _CJK_RE.search(mt_all) and _LATIN_RE.search(src_all):
        raise InputError(mt, "this is Chinese and the source file is English: the files are the wrong way round (MT first, source second)")
    if not _LATIN_RE.search(mt_all):
        raise InputError(mt, "the MT file has no English text")
    if not mt_english:
        raise InputError(mt, "the MT file is Chinese text only, not an English translation")
    if not src_chinese:
        raise InputError(src, "the source file has no Chinese text")


def _sentences(paragraphs: list[str], capped: bool) -> list[_Sentence]:
    """Sentences of each paragraph: Chinese rules for a mostly Chinese paragraph, English otherwise."""
    out: list[_Sentence] = []
    for number, text in enumerate(paragraphs, start=1):
        chinese = _is_chinese(text)
        spans = split_sentences(text, "zh" if chinese else "en")
        if chinese:
            spans = _closing_quotes_back(text, spans)
        if capped:
            spans = _capped(text, spans)
        out.extend(_Sentence(number, start, end) for start, end in spans)
    return out


def _by_paragraph(sentences: list[_Sentence], strings: list[str]) -> list[list[str]]:
    """The sentence strings grouped by paragraph, in order."""
    out: list[list[str]] = []
    last = 0
    for sentence, text in zip(sentences, strings, strict=True):
        if sentence.paragraph != last:
            out.append([])
            last = sentence.paragraph
        out[-1].append(text)
    return out


def _closing_quotes_back(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give a straight quote that closes a Chinese sentence back to it: the splitter ends
    ``他说："好。"然后`` after 。 and starts the next sentence with the closing ``"``."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev_start, prev_end = out[-1]
            moved = start
            while moved < end and text[moved] in "\"'" and text[prev_start:prev_end].count(text[moved]) % 2 == 1:
                prev_end = moved + 1
                moved += 1
            if moved > start:
                out[-1] = (prev_start, prev_end)
                while moved < end and text[moved].isspace():
                    moved += 1
                start = moved
                if start >= end:
                    continue
        out.append((start, end))
    return out


def _segments(beads: list[Bead], mt: _Text, tgt: list[_Sentence], src: _Text, src_sents: list[_Sentence]) -> list[Segment]:
    segments: list[Segment] = []
    # where a 1-0 bead goes: after the last MT sentence so far, or before the first one
    paragraph, offset = tgt[0].paragraph, tgt[0].start
    for bead in beads:
        source = _source_text(bead, src, src_sents)
        sid = str(len(segments) + 1)
        if bead.target:
            first, last = tgt[bead.target[0]], tgt[bead.target[-1]]
            assert first.paragraph == last.paragraph  # align_paragraphs() keeps a bead inside one MT paragraph
            paragraph, offset = first.paragraph, last.end
            text = mt.paragraphs[paragraph - 1][first.start : last.end]
            segments.append(Segment(sid, paragraph, text, source, start=first.start, end=last.end, unit=mt.units[paragraph - 1]))
        else:
            segments.append(Segment(sid, paragraph, "", source, start=offset, end=offset, unit=mt.units[paragraph - 1]))
    return segments


def _source_text(bead: Bead, src: _Text, sentences: list[_Sentence]) -> str | None:
    """The bead's Chinese: as written within one paragraph, joined with nothing across paragraphs."""
    if not bead.source:
        return None
    parts: list[str] = []
    run = [sentences[bead.source[0]]]
    for i in bead.source[1:]:
        if sentences[i].paragraph != run[0].paragraph:
            parts.append(src.paragraphs[run[0].paragraph - 1][run[0].start : run[-1].end])
            run = []
        run.append(sentences[i])
    parts.append(src.paragraphs[run[0].paragraph - 1][run[0].start : run[-1].end])
    return "".join(parts)


def _alignment_warnings(
    beads: list[Bead], src_strings: list[str], src: list[_Sentence], tgt_strings: list[str], tgt: list[_Sentence]
) -> list[str]:
    omitted = [b for b in beads if not b.target]
    added = [b for b in beads if not b.source]
    notes: list[str] = []
    for b in (omitted + added)[:MAX_LISTED]:
        if not b.target:
            i = b.source[0]
            notes.append(f"A sentence of source paragraph {src[i].paragraph} has no translation in the MT: “{_short(src_strings[i])}”")
        else:
            j = b.target[0]
            notes.append(f"A sentence of MT paragraph {tgt[j].paragraph} has no source: “{_short(tgt_strings[j])}”")
    rest = len(omitted) + len(added) - MAX_LISTED
    if rest > 0:
        notes.append(f"… and {rest} more sentence(s) without a counterpart.")
    unaligned = sum(len(b.source) for b in omitted) + sum(len(b.target) for b in added)
    if unaligned * 3 > len(src_strings) + len(tgt_strings):
        notes.insert(
            0,
            f"{unaligned} of {len(src_strings) + len(tgt_strings)} sentences have no counterpart: "
            "the source and the MT may not be the same article.",
        )
    return notes


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
