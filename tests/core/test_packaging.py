"""Packaging: where the shipped data is found, the distribution's name and commands, the version
everywhere. (.ci/run builds the wheel and sdist and tests them installed: tools/check_install.py.)"""

import ast
import tomllib
from pathlib import Path

import openpyxl
import pytest

import reviewer
from reviewer import cli
from reviewer.core import paths
from reviewer.core.readers import read_document
from reviewer.core.review import make_review
from reviewer.core.workbook import export_workbook

ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _setup_data_mapping() -> dict[str, str]:
    """setup.py's DATA: package-data folder name -> its folder in the source tree."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    (node,) = [n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "DATA"]
    return ast.literal_eval(node.value)


def test_checkout_finds_the_top_level_folders():
    assert paths.SHIPPED_TERMBASE == ROOT / "glossaries" / "political-terms.tbx"
    assert paths.SAMPLE_ARTICLE == ROOT / "resources" / "samples" / "fuxin-2023-01-19.txt"
    for p in (paths.SHIPPED_TERMBASE, paths.SHIPPED_CALQUE_RULES, paths.SAMPLE_ARTICLE, paths.BILINGUAL_SAMPLE):
        assert p.is_file(), p


def test_an_installed_package_finds_its_data(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "reviewer"
    for folder in ("data/glossaries", "data/samples"):
        (package / folder).mkdir(parents=True)
    monkeypatch.setattr(paths, "files", lambda name: package)
    assert paths._data_folders() == (package / "data" / "glossaries", package / "data" / "samples")


def test_the_build_maps_the_folders_paths_reads():
    # what setup.py puts under reviewer/data/ is what paths.py looks for there, and is the one copy
    mapping = _setup_data_mapping()
    assert mapping == {"reviewer.data.glossaries": "glossaries", "reviewer.data.samples": "resources/samples"}
    assert paths.GLOSSARY_DIR == ROOT / mapping["reviewer.data.glossaries"]
    assert paths.SAMPLE_DIR == ROOT / mapping["reviewer.data.samples"]
    assert not (ROOT / "reviewer" / "data").exists()  # no second copy in the source tree


def test_distribution_name_commands_and_version_have_one_source():
    project = _pyproject()["project"]
    assert project["name"] == reviewer.DISTRIBUTION == "tifa-reviewer"
    assert project["dynamic"] == ["version"] and "version" not in project
    assert _pyproject()["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "reviewer.__version__"}
    assert project["scripts"] == {reviewer.CLI_COMMAND: "reviewer.cli:main"}
    assert project["gui-scripts"] == {reviewer.GUI_COMMAND: "reviewer.__main__:run"}
    assert reviewer.version_text() == f"tifa-reviewer {reviewer.__version__}"


def test_cli_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"tifa-reviewer-cli {reviewer.__version__}"


def test_about_text_names_version_licence_and_components():
    text = reviewer.about_text()
    assert reviewer.__version__ in text and "GPL" in text
    for name in ("PySide6", "LGPL", "OpenCC", "jieba", "CC-CEDICT", "CC BY-SA"):
        assert name in text


def test_workbook_carries_the_version(sample_path, mini_termbase, tmp_path):
    review = make_review([read_document(sample_path)], [mini_termbase])
    review.run_checks()
    wb = openpyxl.load_workbook(export_workbook(review, tmp_path / "r.xlsx"))
    assert wb.properties.creator == reviewer.version_text()
    summary = [r for r in wb["Summary"].iter_rows(values_only=True) if r and r[0] == "Tool"]
    assert summary and summary[0][1] == reviewer.version_text()
