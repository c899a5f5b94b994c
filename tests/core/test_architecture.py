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


# -- layers: the ground floor, the spreadsheet layer and the termbase import nothing from above ---------------

REVIEWER = CORE.parent

#: Ground-floor modules of reviewer.core: they import no other part of reviewer.core but each other.
GROUND = {"text", "document", "errors", "fileio", "encoding", "xmlsafe", "langtags", "chinese"}
#: Packages and modules above the spreadsheet layer.
ABOVE_TABLES = ("readers", "writers", "termbase", "matching", "source_matching", "term_alignment", "checks", "alignment", "review")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """``(module, names)`` of every import in ``path``, at the top or inside a function."""
    out: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, [a.name for a in node.names]))
    return out


def _core_parts(path: Path) -> list[str]:
    """The ``reviewer.core`` modules ``path`` imports, as ``"tables.xlsx"``, ``"errors"``."""
    return [m.removeprefix("reviewer.core.") for m, _ in _imports(path) if m.startswith("reviewer.core.")]


def test_tables_and_langtags_sit_on_the_ground_floor():
    layer = [*sorted((CORE / "tables").glob("*.py")), CORE / "langtags.py"]
    assert len(layer) >= 6
    offenders = []
    for path in layer:
        for part in _core_parts(path):
            top = part.split(".")[0]
            if top not in GROUND and top != "tables" or top in ABOVE_TABLES:
                offenders.append(f"{path.relative_to(CORE)} imports reviewer.core.{part}")
    assert offenders == []
    assert not any(m.startswith("reviewer") for m, _ in _imports(CORE / "langtags.py"))


def test_termbase_does_not_import_matching_readers_or_checks():
    offenders = [
        f"{path.relative_to(CORE)} imports reviewer.core.{part}"
        for path in sorted((CORE / "termbase").glob("*.py"))
        for part in _core_parts(path)
        if part.split(".")[0] in ("matching", "source_matching", "term_alignment", "checks", "readers", "writers", "alignment")
    ]
    assert offenders == []


def test_readers_take_language_tags_and_tables_from_the_layers_below():
    for name in ("tmx.py", "xliff.py", "table.py", "language.py"):
        parts = _core_parts(CORE / "readers" / name)
        assert not [p for p in parts if p.startswith("termbase")], name


def test_no_private_name_is_imported_across_packages():
    offenders = []
    for path in REVIEWER.rglob("*.py"):
        package = ".".join(path.relative_to(REVIEWER.parent).with_suffix("").parts[:-1])
        for module, names in _imports(path):
            if not module.startswith("reviewer") or module.rsplit(".", 1)[0] == package or module == package:
                continue
            offenders += [f"{path.relative_to(REVIEWER)}: {module}.{n}" for n in names if n.startswith("_") and not n.startswith("__")]
    assert offenders == []


def test_spreadsheet_layer_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (CORE / "tables").glob("*.py")}
    sizes["langtags.py"] = len((CORE / "langtags.py").read_text(encoding="utf-8").splitlines())
    assert all(n <= 500 for n in sizes.values()), sizes


def test_checks_and_cli_modules_stay_small():
    """No module of reviewer/core/checks (its fit package included) nor reviewer/cli*.py is over 500 lines."""
    paths = [*(CORE / "checks").rglob("*.py"), *REVIEWER.glob("cli*.py")]
    assert len(paths) >= 15
    sizes = {str(p.relative_to(REVIEWER)): len(p.read_text(encoding="utf-8").splitlines()) for p in paths}
    assert {name: n for name, n in sizes.items() if n > 500} == {}, sizes
