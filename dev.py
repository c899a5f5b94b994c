#!/usr/bin/env python3
"""Set up a virtual environment and run reviewer or its tests. Needs only Python 3.11+.

    python3 dev.py app [FILE...]   open the app (default: the bundled sample article)
    python3 dev.py test [ARGS...]  run the whole test suite (ARGS go to pytest)
    python3 dev.py cli ARGS...     run the command-line tool (tifa-reviewer-cli)
    python3 dev.py bundle          build the standalone bundle (PyInstaller) in dist/ and smoke-test it

The first run creates .venv/ and installs reviewer with its dependencies; later
runs reinstall only when pyproject.toml or setup.py changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
SAMPLE = ROOT / "resources" / "samples" / "fuxin-2023-01-19.txt"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_env() -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"reviewer needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    py = venv_python()
    if not py.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    stamp = VENV / ".reviewer-installed"
    want = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in ("pyproject.toml", "setup.py"))).hexdigest()
    if not stamp.exists() or stamp.read_text() != want:
        print("Installing reviewer and its dependencies (first run only) …", flush=True)
        subprocess.run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        # the distribution was called "reviewer" before 0.1.0 became tifa-reviewer: drop its commands
        subprocess.run([py, "-m", "pip", "uninstall", "--quiet", "--yes", "reviewer"], check=False, stderr=subprocess.DEVNULL)
        subprocess.run([py, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
        stamp.write_text(want)
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "cli", "bundle"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    py = ensure_env()
    # app and cli run in the caller's folder, so relative paths mean what the user typed
    if command == "app":
        files = rest or [str(SAMPLE)]
        return subprocess.call([py, "-m", "reviewer", *files])
    if command == "cli":
        return subprocess.call([py, "-m", "reviewer.cli", *rest])
    if command == "bundle":
        return subprocess.call([py, ROOT / "packaging" / "bundle.py", *rest])
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([py, "-m", "pytest", "-q", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
