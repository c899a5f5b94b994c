"""The core must stay Qt-free: no module under reviewer/core imports PySide6 or reviewer.gui."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "reviewer" / "core"


def test_core_never_imports_qt_or_gui():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "PySide6" or n.startswith("reviewer.gui")]
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) > 10
