"""Writing corrected targets back into the XLIFF file they came from.

Only the targets the reviewer changed are rewritten, with their inline codes put
back at their mapped offsets (:func:`reviewer.core.readers.inline.rebuild`), and
their state set to reviewed: ``state="signed-off"`` in XLIFF 1.2 ("reviewed and
approved"; 1.2 has no ``reviewed``), ``state="reviewed"`` in XLIFF 2.0, and
``conf="ApprovedTranslation"`` in a Trados ``sdl:seg``; a ``final`` state is never
lowered. A unit with no target gets
one. Everything else in the file is kept as lxml parsed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from reviewer.core.document import Document
from reviewer.core.errors import InputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.readers.inline import flatten, local, rebuild, serialize
from reviewer.core.readers.xliff import XliffSegment, iter_segments, parse


def _new_target(seg: XliffSegment) -> etree._Element:
    """Create the missing target element of ``seg`` next to its source."""
    ns = seg.source.tag.split("}")[0] + "}" if "}" in seg.source.tag else ""
    if seg.mid:  # a Trados/memoQ mrk segment: the unit's <target> holds one <mrk> per segment
        target = seg.state_holder
        if target is None:
            src = seg.unit_element.find(f"{ns}seg-source")
            anchor = src if src is not None else seg.unit_element.find(f"{ns}source")
            target = etree.Element(f"{ns}target")
            assert anchor is not None
            anchor.addnext(target)
        mrk = etree.SubElement(target, f"{ns}mrk", mtype="seg", mid=seg.mid)
        return mrk
    container = seg.source.getparent()
    assert container is not None
    target = etree.Element(f"{ns}target")
    seg.source.addnext(target)
    return target


def _mark_reviewed(seg: XliffSegment, target: etree._Element) -> None:
    if seg.version.startswith("2"):
        if seg.state_holder is not None and seg.state_holder.get("state") != "final":
            seg.state_holder.set("state", "reviewed")
        return
    if seg.mid:
        for d in seg.unit_element.iter():
            if local(d.tag) == "seg" and d.get("id") == seg.mid and "conf" in d.attrib:
                d.set("conf", "ApprovedTranslation")
        return
    if target.get("state") not in ("final", "signed-off"):  # never a step back
        target.set("state", "signed-off")


def write(doc: Document, targets: Mapping[str, str], path: Path) -> None:
    """Write ``doc``'s file with ``targets`` (segment id -> text) to ``path``, atomically.

    Raises:
        InputError: the original file is gone, unreadable, or no longer holds the
            segments it held when it was read.
        reviewer.core.errors.OutputError: ``path`` cannot be written.
    """
    tree = parse(doc.path)
    found = []
    for seg in iter_segments(tree.getroot()):
        source, _ = flatten(seg.source)
        target = flatten(seg.target)[0] if seg.target is not None else ""
        if source.strip() or target.strip():
            found.append((seg, target))
    if len(found) != len(doc.segments):
        raise InputError(doc.path, "the file has changed since it was opened (its segments differ); open it again")
    for (seg, old_target), segment in zip(found, doc.segments):
        if seg.unit != segment.unit or old_target != segment.target:
            raise InputError(doc.path, f"the file has changed since it was opened (unit {seg.unit} differs); open it again")
        new = targets.get(segment.id, segment.target)
        if new == segment.target:
            continue
        target_el = seg.target if seg.target is not None else _new_target(seg)
        rebuild(target_el, segment.target, new, segment.codes)
        _mark_reviewed(seg, target_el)
    atomic_write_bytes(path, serialize(tree, doc.path.read_bytes()))
