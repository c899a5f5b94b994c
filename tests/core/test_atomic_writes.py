"""Every write is atomic: interrupted at the rename, or by a full disk, the old file is intact
and no temporary file is left behind."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from reviewer.core.errors import OutputError
from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.core.termbase import load_termbase, save_termbase
from reviewer.core.workbook import export_workbook
from reviewer.core.writers import write_corrected

DATA = Path(__file__).parent.parent / "data"


def _workbook(tmp_path: Path, target: Path, mini_termbase) -> None:
    review = make_review([read_document(DATA / "bilingual" / "mt-1.2.xlf")], [mini_termbase])
    review.run_checks()
    export_workbook(review, target, overwrite=True)


def _termbase(tmp_path: Path, target: Path, mini_termbase) -> None:
    save_termbase(load_termbase(DATA / "mini.tbx"), target)


def _write_back(name: str):
    def write(tmp_path: Path, target: Path, mini_termbase) -> None:
        source = tmp_path / f"source-{name}"
        shutil.copy(DATA / "bilingual" / name, source)
        doc = read_document(source)
        write_corrected(doc, {s.id: s.target + " (edited)" for s in doc.segments}, target)

    return write


WRITES = {
    "workbook.xlsx": _workbook,
    "termbase.tbx": _termbase,
    "corrected.xlf": _write_back("mt-1.2.xlf"),
    "corrected.tmx": _write_back("memory.tmx"),
}


@pytest.mark.parametrize("name", sorted(WRITES))
@pytest.mark.parametrize("fault", ["rename", "full disk"])
def test_an_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch, mini_termbase, name, fault):
    target = tmp_path / name
    target.write_bytes(b"the old file, which must survive")
    if fault == "rename":
        def crash(*_a, **_k):
            raise OSError(errno.EIO, "the process died here")

        monkeypatch.setattr(os, "replace", crash)
    else:
        real_fsync = os.fsync

        def full(fd):
            if os.fstat(fd).st_size > 0 and not os.path.isdir(f"/proc/self/fd/{fd}"):
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_fsync(fd)

        monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as err:
        WRITES[name](tmp_path, target, mini_termbase)
    assert name in str(err.value)
    assert target.read_bytes() == b"the old file, which must survive"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # nothing written half-way
