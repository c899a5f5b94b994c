"""Where the shipped termbase and sample articles live."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]

#: The default termbase shipped in ``glossaries/``.
SHIPPED_TERMBASE = _ROOT / "glossaries" / "political-terms.tbx"

#: The generic calque rules shipped in ``glossaries/`` (see :mod:`reviewer.core.calques.rules`).
SHIPPED_CALQUE_RULES = _ROOT / "glossaries" / "calque-rules.toml"

#: The bundled sample article (a copy of the seed MT article, Fuxin, 2023-01-19).
SAMPLE_ARTICLE = _ROOT / "resources" / "samples" / "fuxin-2023-01-19.txt"

#: A bilingual sample (XLIFF 1.2) written for reviewer: Chinese source and raw MT.
BILINGUAL_SAMPLE = _ROOT / "resources" / "samples" / "plenary-session.xlf"


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
