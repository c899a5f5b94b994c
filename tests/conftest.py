"""Shared fixtures. GUI tests run offscreen; the user data folder is a temp folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def mini_tbx() -> Path:
    return DATA / "mini.tbx"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    from reviewer.core.paths import SAMPLE_ARTICLE

    return SAMPLE_ARTICLE


@pytest.fixture(scope="session")
def shipped_termbase():
    from reviewer.core.paths import SHIPPED_TERMBASE
    from reviewer.core.termbase import load_termbase

    return load_termbase(SHIPPED_TERMBASE)


@pytest.fixture(scope="session")
def mini_termbase(mini_tbx: Path):
    from reviewer.core.termbase import load_termbase

    return load_termbase(mini_tbx)


def shared_path(*parts: str) -> Path:
    """A file under ../shared/, or skip the test when the folder is absent (a user's clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (../shared/ exists only on the project's machines)")
    return p
