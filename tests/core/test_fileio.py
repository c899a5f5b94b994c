import os

import pytest

from reviewer.core.errors import OutputError
from reviewer.core.fileio import atomic_write_bytes


def test_new_files_get_normal_permissions_and_old_modes_are_kept(tmp_path):
    old = os.umask(0o022)
    try:
        p = tmp_path / "a.xlsx"
        atomic_write_bytes(p, b"one")
        assert p.stat().st_mode & 0o777 == 0o644
        os.chmod(p, 0o600)
        atomic_write_bytes(p, b"two")
        assert p.read_bytes() == b"two" and p.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_failed_write_leaves_the_old_file_and_no_temp_files(tmp_path, monkeypatch):
    p = tmp_path / "a.json"
    p.write_bytes(b"old")

    def boom(*_a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write_bytes(p, b"new")
    assert p.read_bytes() == b"old"
    assert [x.name for x in tmp_path.iterdir()] == ["a.json"]
