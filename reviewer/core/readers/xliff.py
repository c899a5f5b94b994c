"""XLIFF 1.2 and 2.0 (with Trados SDLXLIFF and memoQ MQXLIFF as XLIFF 1.2 flavours).

What is read:

* XLIFF 1.2: every ``trans-unit`` of every ``file``: its ``source``, its ``target``
  (the MT) with its ``state``, and its ``note`` elements. When the unit is split into
  segments by ``<mrk mtype="seg">`` inside ``seg-source`` and ``target`` (as Trados
  and memoQ write them), each ``mrk`` segment is one segment, paired by ``mid`` (in order,
  with a warning, when the ``mid`` attributes cannot pair them). Only the outermost ``mrk``
  segments count: one nested inside another is part of its text, with a warning. Text of
  the target outside its ``mrk`` segments is not reviewed, and a warning names the unit. A
  unit whose ``seg-source`` has ``mrk`` segments but whose target has none is read as one
  segment (its whole ``source`` and whole ``target``), with a warning.
* The namespace decides the version: ``version="2.0"`` on the XLIFF 1.2 namespace is read
  as 1.2, with a warning. A UTF-32 file is refused as such.
* XLIFF 2.0: every ``segment`` of every ``unit``, with its ``state`` and the unit's
  ``notes``. ``ignorable`` elements are skipped.
* Inline codes stay as placeholders at their offsets (:mod:`reviewer.core.readers.inline`).
* The languages come from ``source-language``/``target-language`` (1.2, on each
  ``file``) or ``srcLang``/``trgLang`` (2.x), checked against the text of each side
  (:func:`reviewer.core.readers.language.check_direction`): reviewer checks English
  translations of Chinese, so a file in any other direction (English→Chinese, a French or
  Japanese target) is refused with that reason. :func:`load` reads without that check.
* Text inside an element reviewer does not know is kept, with a warning; an XLIFF 2
  ``<cp>`` control character stays a code, with a warning
  (:mod:`reviewer.core.readers.inline`).

``Segment.unit`` is ``"<file index>/<unit id>"`` plus ``"/<mid or segment id>"`` for a
segment inside a unit; the writer finds the segments again by it.

Why not translate-toolkit: its XLIFF reader joins a Trados unit's ``mrk`` segments
into one text ("First sentence.Second one.") and writes targets back without the
inline codes, and the reviewer needs both. lxml (which translate-toolkit uses too)
parses and writes the file; :mod:`reviewer.core.xmlsafe` refuses internal DTD subsets and entities
before it does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reviewer.core.document import Document, Segment
from reviewer.core.errors import InputError
from reviewer.core.fileio import MIB
from reviewer.core.encoding import refuse_utf32
from reviewer.core.readers.inline import control_points, file_encoding, flatten, kept_unknown, local, read_xml_file
from reviewer.core.readers.language import check_direction

#: Largest XLIFF file accepted (bytes).
MAX_XLIFF_BYTES = 128 * MIB


@dataclass
class XliffSegment:
    """One segment found in the tree: its id for :attr:`Segment.unit`, its source and target
    elements (the target may be missing), its state holder and its notes."""

    unit: str
    source: etree._Element
    target: etree._Element | None
    state_holder: etree._Element | None
    notes: tuple[str, ...]
    version: str
    unit_element: etree._Element
    mid: str = ""
    #: why this unit's mrk segments were paired by position rather than by ``mid`` ("" when by mid)
    pairing: str = ""
    #: what else the reader has to say about this unit's segmentation (text outside its target's
    #: mrk segments, nested mrk segments, a target without them); "" when nothing
    warning: str = ""


def parse(path: Path) -> etree._ElementTree:
    """Read and parse ``path`` safely.

    Raises:
        InputError: unreadable, too large, in UTF-32, an internal DTD subset or entities, malformed,
            or not XLIFF.
    """
    refuse_utf32(path, "XLIFF file")
    return read_xml_file(path, MAX_XLIFF_BYTES, "XLIFF file", "xliff")


#: The namespaces of XLIFF 1.x and 2.x, by the version they stand for.
_NS_12 = ("urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:1.1", "urn:oasis:names:tc:xliff:document:1.0")


def _namespace(root: etree._Element) -> str:
    return root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""


def version_of(root: etree._Element) -> str:
    """``"2.0"`` (or ``"2.1"``/``"2.2"``) or ``"1.2"`` (also for 1.0/1.1 files). The namespace
    decides over the ``version`` attribute: a file in the XLIFF 1.2 namespace is ``"1.2"``
    whatever its ``version`` says, and one in the XLIFF 2 namespace whose ``version`` says
    nothing usable is ``"2.0"``; with no namespace, the ``version`` attribute decides."""
    v = str(root.get("version", ""))
    ns = _namespace(root)
    if ns in _NS_12:
        return "1.2"
    if v.startswith("2"):
        return v
    return "2.0" if ":2.0" in ns else "1.2"


def version_contradiction(root: etree._Element) -> str:
    """A note when the ``version`` attribute contradicts the namespace (``version="2.0"`` on an
    XLIFF 1.2 namespace, or the reverse), else ``""``."""
    v = str(root.get("version", ""))
    ns = _namespace(root)
    if not v or not ns:
        return ""
    if (ns in _NS_12 and v.startswith("2")) or (":2." in ns and v.startswith("1")):
        return f'its version="{v}" contradicts its namespace ({ns}): it is read as XLIFF {version_of(root)}, as the namespace says'
    return ""


def declared_languages(root: etree._Element) -> list[tuple[str, str]]:
    """The ``(source, target)`` languages the file declares, as written (``""`` when absent):
    one pair for XLIFF 2 (``srcLang``/``trgLang``), one per ``file`` for XLIFF 1.2, repeats
    left out."""
    if version_of(root).startswith("2"):
        return [(str(root.get("srcLang", "")), str(root.get("trgLang", "")))]
    pairs = [(str(f.get("source-language", "")), str(f.get("target-language", ""))) for f in root if local(f.tag) == "file"]
    return list(dict.fromkeys(pairs)) or [("", "")]


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if local(c.tag) == name]


def _first(el: etree._Element, name: str) -> etree._Element | None:
    found = _children(el, name)
    return found[0] if found else None


def _notes(el: etree._Element) -> tuple[str, ...]:
    return tuple(" ".join("".join(n.itertext()).split()) for n in el.iter() if local(n.tag) == "note" and "".join(n.itertext()).strip())


def _is_seg(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and local(el.tag) == "mrk" and el.get("mtype") == "seg"


def _seg_mrks(el: etree._Element) -> list[etree._Element]:
    """The outermost ``<mrk mtype="seg">`` inside ``el``, in document order: a segment nested
    inside another is part of its parent's text (:func:`_nested_seg_mids`)."""
    out: list[etree._Element] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            if _is_seg(child):
                out.append(child)
            elif isinstance(child.tag, str):
                walk(child)

    walk(el)
    return out


def _nested_seg_mids(el: etree._Element) -> list[str]:
    """The ``mid`` of each ``<mrk mtype="seg">`` inside ``el`` that is nested inside another."""
    return [str(m.get("mid", "")) for outer in _seg_mrks(el) for m in outer.iter() if m is not outer and _is_seg(m)]


def _outside_text(el: etree._Element) -> str:
    """The text of ``el`` that lies outside all its ``<mrk mtype="seg">``, whitespace collapsed."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            out.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and not _is_seg(child):
                walk(child)
            if child.tail:
                out.append(child.tail)

    walk(el)
    return " ".join("".join(out).split())


def _quote(text: str, limit: int = 60) -> str:
    return f'"{text}"' if len(text) <= limit else f'"{text[:limit]}..."'


def iter_segments(root: etree._Element) -> Iterator[XliffSegment]:
    """The segments of an XLIFF tree in document order (see the module docstring)."""
    version = version_of(root)
    files = [f for f in root if local(f.tag) == "file"]
    for fi, file_el in enumerate(files):
        if version.startswith("2"):
            for unit in (u for u in file_el.iter() if local(u.tag) == "unit"):
                if _not_translatable(unit, file_el):
                    continue
                uid = unit.get("id", "")
                notes = tuple(n for notes_el in _children(unit, "notes") for n in _notes(notes_el))
                for si, seg in enumerate(_children(unit, "segment")):
                    src = _first(seg, "source")
                    if src is None:
                        continue
                    sid = seg.get("id") or str(si + 1)
                    yield XliffSegment(f"{fi}/{uid}/{sid}", src, _first(seg, "target"), seg, notes, version, unit)
            continue
        for unit in (u for u in file_el.iter() if local(u.tag) == "trans-unit"):
            if _not_translatable(unit, file_el):
                continue
            uid = unit.get("id", "")
            src = _first(unit, "source")
            if src is None:
                continue
            target = _first(unit, "target")
            notes = _notes(unit)
            seg_source = _first(unit, "seg-source")
            if seg_source is not None and _seg_mrks(seg_source):
                if target is not None and not _seg_mrks(target) and "".join(target.itertext()).strip():
                    # the target is not segmented: source and target are read whole, as one segment
                    n = len(_seg_mrks(seg_source))
                    note = (
                        f"unit {uid}: its source is split into {n} mrk segment(s) but its target has none; "
                        "the unit is read as one segment (its whole source and its whole target)"
                    )
                    yield XliffSegment(f"{fi}/{uid}", src, target, target, notes, version, unit, warning=note)
                    continue
                yield from _mrk_segments(f"{fi}/{uid}", uid, seg_source, target, notes, version, unit)
            else:
                yield XliffSegment(f"{fi}/{uid}", src, target, target, notes, version, unit)


def _mrk_segments(
    key: str, uid: str, seg_source: etree._Element, target: etree._Element | None, notes: tuple[str, ...], version: str, unit: etree._Element
) -> Iterator[XliffSegment]:
    """A Trados/memoQ unit's ``mrk`` segments, each source paired with its target by ``mid``.

    When the ``mid`` attributes cannot pair them (one repeated, a target ``mid`` that no source
    has), they are paired in document order instead and :attr:`XliffSegment.pairing` says so:
    pairing by a repeated ``mid`` would read two segments as one text and lose a target."""
    sources = _seg_mrks(seg_source)
    targets = _seg_mrks(target) if target is not None else []
    src_mids = [m.get("mid", "") for m in sources]
    tgt_mids = [m.get("mid", "") for m in targets]
    warnings = []
    nested = list(dict.fromkeys(_nested_seg_mids(seg_source) + (_nested_seg_mids(target) if target is not None else [])))
    if nested:
        warnings.append(f"unit {uid}: mrk segment(s) {', '.join(nested)} nested inside another mrk segment are read as part of the segment around them")
    outside = _outside_text(target) if target is not None else ""
    if outside:
        warnings.append(f"unit {uid}: text in its target outside its mrk segments is not reviewed: {_quote(outside)}")
    warning = "; ".join(warnings)
    if len(set(src_mids)) == len(src_mids) and len(set(tgt_mids)) == len(tgt_mids) and set(tgt_mids) <= set(src_mids):
        by_mid = dict(zip(tgt_mids, targets))
        for mrk, mid in zip(sources, src_mids):
            yield XliffSegment(f"{key}/{mid}", mrk, by_mid.get(mid), target, notes, version, unit, mid, warning=warning)
        return
    repeated = sorted({m for m in src_mids + tgt_mids if src_mids.count(m) > 1 or tgt_mids.count(m) > 1})
    unmatched = sorted(set(tgt_mids) - set(src_mids))
    why = [f"mid {', '.join(repeated)} repeated" if repeated else "", f"target mid {', '.join(unmatched)} with no source" if unmatched else ""]
    note = f"unit {uid}: its segments could not be paired by their mrk mid ({'; '.join(w for w in why if w)}); they were paired in order"
    if len(targets) > len(sources):
        note += f", and {len(targets) - len(sources)} target segment(s) beyond the last source segment are not shown"
    seen: dict[str, int] = {}
    for i, (mrk, mid) in enumerate(zip(sources, src_mids)):
        seen[mid] = seen.get(mid, 0) + 1
        label = mid if seen[mid] == 1 else f"{mid}#{seen[mid]}"  # each segment its own id
        yield XliffSegment(f"{key}/{label}", mrk, targets[i] if i < len(targets) else None, target, notes, version, unit, mid, note, warning)


def _not_translatable(unit: etree._Element, file_el: etree._Element) -> bool:
    """``translate="no"`` on the unit or on a group or file around it (the nearest wins)."""
    node: etree._Element | None = unit
    while node is not None:
        value = node.get("translate")
        if value in ("no", "yes"):
            return bool(value == "no")
        if node is file_el:
            break
        node = node.getparent()
    return False


def _file_of(unit: etree._Element) -> etree._Element:
    node, parent = unit, unit.getparent()
    while parent is not None and local(node.tag) != "file":
        node, parent = parent, parent.getparent()
    return node


def _state(seg: XliffSegment) -> str:
    holder = seg.state_holder
    if holder is None:
        return ""
    if seg.mid:  # Trados keeps the state of each mrk segment in sdl:seg-defs
        for d in seg.unit_element.iter():
            if local(d.tag) == "seg" and d.get("id") == seg.mid and d.get("conf"):
                return str(d.get("conf"))
    return str(holder.get("state", ""))


def read(path: Path) -> Document:
    """Read an XLIFF 1.2 or 2.0 file (``.xlf``, ``.xliff``, ``.sdlxliff``, ``.mqxliff``) that
    translates Chinese into English.

    Returns:
        A document of format ``"xliff"``: one segment per unit (or per ``mrk``/2.0
        segment), source and target as plain text with their inline codes.

    Raises:
        InputError: unreadable, unsafe, malformed, not XLIFF, with no segments, or in
            another language direction than Chinese → English (by its declaration or,
            when that is missing or wrong, by its text).
    """
    doc, declared = _load(path)
    sources = [s.source or "" for s in doc.segments]
    targets = [s.target for s in doc.segments if s.target.strip() and s.target != s.source]  # an untranslated copy says nothing
    notes: list[str] = []
    for i, (src, trg) in enumerate(declared):
        src_lang, trg_lang, more = check_direction(path, "XLIFF file", src, trg, sources, targets)
        if i == 0:
            doc.source_lang, doc.target_lang = src_lang, trg_lang
        notes += [n for n in more if n not in notes]
    doc.warnings[:0] = notes
    return doc


def load(path: Path) -> Document:
    """Read an XLIFF file as :func:`read` does, in any language direction: the document's
    ``source_lang``/``target_lang`` are those the (first) file declares, ``"zh-CN"``/``"en"``
    when it declares none.

    Raises:
        InputError: unreadable, unsafe, malformed, not XLIFF, or with no segments.
    """
    return _load(path)[0]


def _load(path: Path) -> tuple[Document, list[tuple[str, str]]]:
    tree = parse(path)
    root = tree.getroot()
    version = version_of(root)
    segments: list[Segment] = []
    warnings: list[str] = []
    unknown: dict[str, int] = {}
    controls: list[str] = []
    paired: dict[str, str] = {}
    unit_notes: dict[str, None] = {}
    for seg in iter_segments(root):
        if seg.pairing:
            paired.setdefault(seg.unit.rsplit("/", 1)[0], seg.pairing)
        if seg.warning:
            unit_notes.setdefault(seg.warning)
        source, source_codes = flatten(seg.source)
        if seg.target is not None:
            target, codes = flatten(seg.target)
        else:
            target, codes = "", ()
        if not source.strip() and not target.strip():
            continue
        n = len(segments) + 1
        for tag in kept_unknown(source_codes) + kept_unknown(codes):
            unknown[tag] = unknown.get(tag, 0) + 1
        controls += [f"segment {n}: {cp}" for cp in control_points(source_codes) + control_points(codes)]
        segments.append(
            Segment(
                id=str(n),
                paragraph=n,
                target=target,
                source=source,
                start=0,
                end=len(target),
                unit=seg.unit,
                state=_state(seg),
                notes=seg.notes,
                codes=codes,
                source_codes=source_codes,
            )
        )
    if not segments:
        skipped = sum(1 for u in root.iter() if local(u.tag) in ("trans-unit", "unit") and _not_translatable(u, _file_of(u)))
        why = f" ({skipped} unit(s) are marked translate=\"no\")" if skipped else ""
        raise InputError(path, f"the XLIFF file has no segments with text{why}")
    missing = sum(1 for s in segments if not s.target.strip())
    if missing:
        warnings.append(f"{missing} segment(s) have no target (no MT to review)")
    warnings.extend(paired.values())
    warnings.extend(unit_notes)
    contradiction = version_contradiction(root)
    if contradiction:
        warnings.insert(0, contradiction)
    if unknown:
        tags = ", ".join(f"<{t}> ({k})" for t, k in sorted(unknown.items()))
        warnings.append(f"text inside elements that are not XLIFF inline codes, or inside codes that should be empty, is kept and checked: {tags}")
    if controls:
        more = f" and {len(controls) - 5} more" if len(controls) > 5 else ""
        warnings.append(f"control characters written as <cp/> are kept as codes, not checked as text: {', '.join(controls[:5])}{more}")
    files = [f for f in root if local(f.tag) == "file"]
    first = files[0] if files else root
    declared = declared_languages(root)
    src_lang, trg_lang = declared[0][0] or "zh-CN", declared[0][1] or "en"
    flavour = "SDLXLIFF" if path.suffix.lower() == ".sdlxliff" else "MQXLIFF" if path.suffix.lower() == ".mqxliff" else f"XLIFF {version}"
    metadata = {"format": flavour}
    if first.get("original"):
        metadata["original"] = str(first.get("original"))
    encoding, encoding_notes = file_encoding(path)
    doc = Document(
        path=path, segments=segments, metadata=metadata, encoding=encoding, format="xliff", source_lang=src_lang, target_lang=trg_lang,
        warnings=encoding_notes + warnings,
    )
    return doc, declared
