"""Where the shipped termbase, calque rules and sample articles live.

They are package data: an installed wheel (or a bundle) holds them in ``reviewer/data/glossaries/``
and ``reviewer/data/samples/``, found through :mod:`importlib.resources`. In the source tree they are
kept, and edited, only in the top-level ``glossaries/`` and ``resources/samples/`` folders, which
``setup.py`` maps into the package when it builds; a checkout (``python3 dev.py app``, an editable
install) therefore reads them from there.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _data_folders() -> tuple[Path, Path]:
    """The folders of the shipped termbases and of the samples: the package's ``data/`` when it has
    one (a wheel, a bundle), else the checkout's ``glossaries/`` and ``resources/samples/``."""
    package = files("reviewer")
    # a file-system install gives a Path; reviewer is never imported from a zip (it opens files by path)
    data = Path(str(package)) / "data"
    if (data / "glossaries").is_dir():
        return data / "glossaries", data / "samples"
    checkout = Path(__file__).resolve().parents[2]
    return checkout / "glossaries", checkout / "resources" / "samples"


GLOSSARY_DIR, SAMPLE_DIR = _data_folders()

#: The default termbase shipped in ``glossaries/``.
SHIPPED_TERMBASE = GLOSSARY_DIR / "political-terms.tbx"

#: The generic calque rules shipped in ``glossaries/`` (see :mod:`reviewer.core.calques.rules`).
SHIPPED_CALQUE_RULES = GLOSSARY_DIR / "calque-rules.toml"

#: The bundled sample article (a copy of the seed MT article, Fuxin, 2023-01-19).
SAMPLE_ARTICLE = SAMPLE_DIR / "fuxin-2023-01-19.txt"

#: A bilingual sample (XLIFF 1.2) written for reviewer: Chinese source and raw MT.
BILINGUAL_SAMPLE = SAMPLE_DIR / "plenary-session.xlf"


def user_termbase_dir() -> Path:
    """The folder of the user's own termbases (``<user data>/termbases``; see
    :func:`reviewer.core.autosave.data_dir`). Installing or updating reviewer never writes there."""
    from reviewer.core.autosave import data_dir

    return data_dir() / "termbases"


def is_shipped(path: Path) -> bool:
    """True for a file among the installed ones (the shipped termbase and rules), which are
    read-only: edits go to :func:`writable_copy`."""
    try:
        return path.resolve().parent == SHIPPED_TERMBASE.resolve().parent
    except OSError:
        return False


def writable_copy(path: Path) -> Path:
    """Where edits of the installed file ``path`` are saved: the user's termbase folder, same name."""
    return user_termbase_dir() / path.name


def default_termbase() -> Path:
    """The termbase used when none is given: the user's edited copy of the shipped termbase
    when there is one (Termbase ▸ Edit saved it), else the shipped termbase."""
    copy = writable_copy(SHIPPED_TERMBASE)
    return copy if copy.is_file() else SHIPPED_TERMBASE
