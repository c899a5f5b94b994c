"""TMX 1.4 (and 1.1-1.3) translation memories: one segment per translation unit.

The sides are picked by language, never by position: in each ``tu`` the ``tuv`` whose
``xml:lang`` (or TMX 1.1 ``lang``) is Chinese is the source and the one in English the
target, compared case-insensitively with the aliases every reader shares
(:func:`reviewer.core.langtags.lang_kind`: ``zh``, ``ZH-cn``, ``zh-Hans``,
``zh-TW``, ``zho``, ``chi`` ...; ``en``, ``EN-us``, ``eng`` ...). A unit with more than two variants is read
with a warning naming it; one with no English variant is skipped with a warning. A ``tuv``
with more than one ``seg`` (TMX allows one) is read by its first, with a warning naming the unit. A
memory with no Chinese variant at all (English → French, say) is refused: reviewer checks
English translations of Chinese. The text of each side is checked against its
``xml:lang`` (:func:`reviewer.core.readers.language.check_direction`): Chinese text marked
English is refused, never checked as English.
Inline codes (``bpt``, ``ept``, ``it``, ``ph``, ``ut`` standalone; ``hi`` paired) stay
as placeholders at their offsets (:mod:`reviewer.core.readers.inline`).

``Segment.unit`` is the 1-based number of the ``tu`` in the file; its ``tuid``, if
any, and the unit's notes go into ``Segment.notes``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from reviewer.core.document import Document, Segment
from reviewer.core.errors import InputError
from reviewer.core.fileio import MIB
from reviewer.core.readers.inline import file_encoding, flatten, local, read_xml_file
from reviewer.core.readers.language import check_direction
from reviewer.core.langtags import lang_kind

#: Largest TMX file accepted (bytes).
MAX_TMX_BYTES = 128 * MIB

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(path: Path) -> etree._ElementTree:
    """Read and parse ``path`` safely.

    Raises:
        InputError: unreadable, too large, in UTF-32, an internal DTD subset or entities, malformed,
            or not TMX.
    """
    from reviewer.core.encoding import refuse_utf32

    refuse_utf32(path, "TMX file")
    return read_xml_file(path, MAX_TMX_BYTES, "TMX file", "tmx")


def lang_of(tuv: etree._Element) -> str:
    """The ``xml:lang`` (or ``lang``) of a ``tuv``, as written."""
    return str(tuv.get(_XML_LANG) or tuv.get("lang") or "")


def sides(tu: etree._Element) -> tuple[etree._Element | None, etree._Element | None, list[str]]:
    """``(source tuv, target tuv, all languages)`` of a ``tu``: the first Chinese and the
    first English variant."""
    source = target = None
    langs: list[str] = []
    for tuv in (c for c in tu if local(c.tag) == "tuv"):
        lang = lang_of(tuv)
        langs.append(lang)
        kind = lang_kind(lang)
        if kind.startswith("zh") and source is None:
            source = tuv
        elif kind == "en" and target is None:
            target = tuv
    return source, target, langs


def seg_of(tuv: etree._Element | None) -> etree._Element | None:
    """The ``seg`` element of a ``tuv``."""
    if tuv is None:
        return None
    for c in tuv:
        if local(c.tag) == "seg":
            return c
    return None


def extra_segs(tuv: etree._Element | None) -> int:
    """How many ``seg`` elements a ``tuv`` has beyond the first (TMX allows one): only the first
    is read, and written back."""
    if tuv is None:
        return 0
    return max(0, sum(1 for c in tuv if local(c.tag) == "seg") - 1)


def iter_units(root: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """``(1-based number, tu)`` for every translation unit in the body."""
    n = 0
    for body in (c for c in root if local(c.tag) == "body"):
        for tu in (c for c in body if local(c.tag) == "tu"):
            n += 1
            yield n, tu


def read(path: Path) -> Document:
    """Read a TMX file.

    Returns:
        A document of format ``"tmx"``, one segment per unit that has an English variant.

    Raises:
        InputError: unreadable, unsafe, malformed, not TMX, or with no English units.
    """
    root = parse(path).getroot()
    segments: list[Segment] = []
    warnings: list[str] = []
    doubled: list[tuple[int, list[str], list[str]]] = []  # units with two English (or Chinese) variants
    no_english = 0
    for n, tu in iter_units(root):
        src_tuv, trg_tuv, langs = sides(tu)
        english = [lang for lang in langs if lang_kind(lang) == "en"]
        chinese = [lang for lang in langs if lang_kind(lang).startswith("zh")]
        if len(english) > 1 or len(chinese) > 1:
            doubled.append((n, english, chinese))
        elif len(langs) > 2:
            warnings.append(f"unit {n} has {len(langs)} language variants ({', '.join(langs)}); the Chinese and English ones are used")
        for side, tuv in (("Chinese", src_tuv), ("English", trg_tuv)):
            extra = extra_segs(tuv)
            if extra:
                rest = [" ".join("".join(c.itertext()).split()) for c in tuv if local(c.tag) == "seg"][1:] if tuv is not None else []
                shown = rest[0] if len(rest[0]) <= 60 else rest[0][:60] + "..."
                warnings.append(
                    f'unit {n}: its {side} variant ({lang_of(tuv) if tuv is not None else ""}) has {extra + 1} <seg> elements, where TMX allows one; '
                    f'only the first is read, the rest ("{shown}"{" and more" if extra > 1 else ""}) is not reviewed'
                )
        trg_seg = seg_of(trg_tuv)
        if trg_seg is None:
            no_english += 1
            continue
        target, codes = flatten(trg_seg)
        src_seg = seg_of(src_tuv)
        source, source_codes = flatten(src_seg) if src_seg is not None else (None, ())
        notes = tuple(" ".join("".join(x.itertext()).split()) for x in tu.iter() if local(x.tag) == "note")
        if tu.get("tuid"):
            notes = (f"tuid {tu.get('tuid')}",) + notes
        i = len(segments) + 1
        segments.append(
            Segment(str(i), i, target, source, 0, len(target), unit=str(n), notes=notes, codes=codes, source_codes=source_codes)
        )
    seen: dict[str, str] = {}
    for lang in (lang_of(t) for _, tu in iter_units(root) for t in tu if local(t.tag) == "tuv"):
        seen.setdefault(lang.lower(), lang)  # the first spelling of each language
    all_langs = list(seen.values())
    checks = "reviewer checks English translations of Chinese"
    if all_langs and not any(lang_kind(lang).startswith("zh") for lang in all_langs):
        raise InputError(path, f"the TMX file has no Chinese variant (its languages: {', '.join(all_langs[:8])}); {checks}")
    if no_english:
        warnings.append(f"{no_english} unit(s) have no English variant and were skipped")
    if doubled:
        shown = "; ".join(
            f"unit {n}: " + ", ".join(part for part in (f"English {' and '.join(en)}" if len(en) > 1 else "", f"Chinese {' and '.join(zh)}" if len(zh) > 1 else "") if part)
            for n, en, zh in doubled[:5]
        )
        more = f" and {len(doubled) - 5} more" if len(doubled) > 5 else ""
        warnings.append(f"{len(doubled)} unit(s) have two variants of one language ({shown}{more}); the first of each is read, the others are left out")
    if not segments:
        listed = f" (its languages: {', '.join(all_langs[:8])})" if all_langs else ""
        raise InputError(path, f"the TMX file has no units with an English variant{listed}; {checks}")
    header = next((c for c in root if local(c.tag) == "header"), None)
    metadata = {"format": f"TMX {root.get('version', '')}".strip()}
    if header is not None and header.get("creationtool"):
        metadata["creationtool"] = str(header.get("creationtool"))
    src_lang = next((lang_of(t) for _, tu in iter_units(root) for t in tu if local(t.tag) == "tuv" and lang_kind(lang_of(t)).startswith("zh")), "zh-CN")
    trg_lang = next((lang_of(t) for _, tu in iter_units(root) for t in tu if local(t.tag) == "tuv" and lang_kind(lang_of(t)) == "en"), "en")
    sources = [s.source for s in segments if s.source]
    targets = [s.target for s in segments if s.target.strip() and s.target != s.source]
    _, _, direction = check_direction(path, "TMX file", src_lang, trg_lang, sources, targets)
    srclang = str(header.get("srclang", "")) if header is not None else ""
    if lang_kind(srclang) == "en":
        direction.append(f"the header gives {srclang} as the source language; the Chinese variants are read as the source and the English as the translation")
    encoding, encoding_notes = file_encoding(path)
    return Document(
        path=path, segments=segments, metadata=metadata, encoding=encoding, format="tmx", source_lang=src_lang, target_lang=trg_lang,
        warnings=encoding_notes + direction + warnings,
    )
