#!/usr/bin/env python3
"""Collect the interface strings and compile the Chinese translation.

Finds every string the interface translates: ``tr("...")`` and ``N_("...")`` calls, the texts of
``make_action(parent, "...", ...)`` and the ``HEADERS`` of the table models, in
``reviewer/gui``. Adds the new ones to ``reviewer/gui/i18n/reviewer_zh_CN.ts`` (keeping
every translation already there; strings no longer used are marked obsolete), then compiles
it to ``reviewer_zh_CN.qm`` with ``pyside6-lrelease``. Edit the translations with Qt
Linguist (``pyside6-linguist``) or any text editor, and run this again.

Run: .venv/bin/python tools/update_translations.py [--list]
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "reviewer" / "gui"
TS = GUI / "i18n" / "reviewer_zh_CN.ts"


def strings() -> list[str]:
    """Every translatable interface string, in the order first met."""
    found: list[str] = []

    def add(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value and node.value not in found:
            found.append(node.value)

    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
                if name in ("tr", "N_") and node.args:
                    add(node.args[0])
                elif name == "make_action" and len(node.args) > 1:
                    add(node.args[1])
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "HEADERS" for t in node.targets):
                if isinstance(node.value, ast.Tuple):
                    for elt in node.value.elts:
                        add(elt)
    return found


def read_ts() -> dict[str, str]:
    if not TS.exists():
        return {}
    root = ET.parse(TS).getroot()
    out = {}
    for msg in root.iter("message"):
        source = msg.findtext("source") or ""
        translation = msg.find("translation")
        if translation is not None and translation.text and translation.get("type") not in ("unfinished",):
            out[source] = translation.text
    return out


def write_ts(sources: list[str], translations: dict[str, str]) -> None:
    ts = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "reviewer"
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        tr = ET.SubElement(message, "translation")
        if source in translations:
            tr.text = translations[source]
        else:
            tr.set("type", "unfinished")
    for source in sorted(set(translations) - set(sources)):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", type="vanished").text = translations[source]
    ET.indent(ts)
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(ts, encoding="unicode") + "\n", encoding="utf-8")


def main() -> None:
    sources = strings()
    if "--list" in sys.argv:
        print("\n".join(sources))
        return
    translations = read_ts()
    write_ts(sources, translations)
    missing = [s for s in sources if s not in translations]
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([lrelease, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    print(f"{len(sources)} strings, {len(sources) - len(missing)} translated; {len(missing)} to translate in {TS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
