"""Wrong formats under the .txt extension are named, not read as articles."""

import pytest

from reviewer.core.errors import InputError
from reviewer.core.readers import read_document


@pytest.mark.parametrize(
    "content, message",
    [
        (b'<?xml version="1.0"?>\n<xliff version="1.2"><file/></xliff>', "this is an XLIFF file"),
        (b"\xef\xbb\xbf<tmx version='1.4'/>", "this is a TMX file"),
        (b"PK\x03\x04rest of a zip", "ZIP container"),
        (b"%PDF-1.7 ...", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office file"),
    ],
)
def test_other_formats_saved_as_txt_are_named(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_a_path_that_cannot_be_looked_at_is_an_input_error(tmp_path, monkeypatch):
    """Issue 20: PermissionError from Path.is_dir (a folder without permission on the way) was
    taken by the CLI for a failed output ("cannot write the output")."""
    from pathlib import Path

    from reviewer.core.readers import read_batch

    target = tmp_path / "locked" / "a.txt"
    real = Path.is_dir

    def is_dir(self):
        if "locked" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    with pytest.raises(InputError, match=r"locked/a.txt: cannot look at this path \(Permission denied\)"):
        read_batch([target])
