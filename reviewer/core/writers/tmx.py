"""Writing corrected targets back into the TMX file they came from: the English ``seg`` of
each changed unit is rewritten with its inline codes at their mapped offsets; nothing
else changes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.errors import InputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.readers.inline import flatten, rebuild, serialize
from reviewer.core.readers.tmx import iter_units, parse, seg_of, sides


def write(doc: Document, targets: Mapping[str, str], path: Path) -> None:
    """Write ``doc``'s file with ``targets`` (segment id -> text) to ``path``, atomically.

    Raises:
        InputError: the original file is gone or no longer holds the units it held.
        reviewer.core.errors.OutputError: ``path`` cannot be written.
    """
    tree = parse(doc.path)
    units = dict(iter_units(tree.getroot()))
    for segment in doc.segments:
        tu = units.get(int(segment.unit)) if segment.unit.isdigit() else None
        seg = seg_of(sides(tu)[1]) if tu is not None else None
        if seg is None or flatten(seg)[0] != segment.target:
            raise InputError(doc.path, f"the file has changed since it was opened (unit {segment.unit} differs); open it again")
        new = targets.get(segment.id, segment.target)
        if new != segment.target:
            rebuild(seg, segment.target, new, segment.codes)
    atomic_write_bytes(path, serialize(tree, doc.path.read_bytes()))
