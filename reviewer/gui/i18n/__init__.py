"""The interface in English and Simplified Chinese, through Qt's translation system.

Every string of the interface goes through :func:`tr` (context ``reviewer``), which asks
the installed ``QTranslator``. The translations live in ``reviewer_zh_CN.ts`` (Qt Linguist
can edit it) and are compiled to ``reviewer_zh_CN.qm`` by ``tools/update_translations.py``,
which also adds every new ``tr("...")`` string of the code to the ``.ts`` file. Messages
the core writes (finding messages, check descriptions, file errors) stay in English.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: Translation context of every interface string.
CONTEXT = "reviewer"

#: Where the .ts and .qm files are (package data, in a checkout, a wheel or a bundle).
FOLDER = Path(str(files(__name__)))

_installed: list[QTranslator] = []


def N_(text: str) -> str:  # noqa: N802 - the gettext name for "translate later"
    """Mark ``text`` for translation without translating it now (``tr`` it when shown)."""
    return text


#: Segment states, marked for translation.
STATE_NAMES = (N_("translated"), N_("reviewed"), N_("final"))


def tr(text: str) -> str:
    """``text`` in the interface language (itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text)


def install(app: QCoreApplication, language: str) -> bool:
    """Install the translators for ``language`` (``"en"`` or ``"zh_CN"``): reviewer's own and
    Qt's (standard buttons and dialogs). Returns true when reviewer's translation loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(FOLDER / f"reviewer_{language}.qm"))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded
