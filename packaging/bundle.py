#!/usr/bin/env python3
"""Build the standalone one-folder bundle with PyInstaller, then smoke-test it.

Run by ``python3 dev.py bundle`` (with the project's .venv python). Steps:
1. the sdist and the wheel (``python -m build``, into build/bundle/dist);
2. a build environment of its own, build/bundle/venv: the wheel with its dependencies,
   PyInstaller and pyinstaller-hooks-contrib (nothing of the tests or the developers' tools);
3. PyInstaller with packaging/tifa-reviewer.spec: dist/tifa-reviewer/ (on macOS also
   dist/tifa-reviewer.app), with the Linux desktop files in dist/tifa-reviewer/linux/;
4. unless --no-smoke: the bundled window opens the bundled sample offscreen, checks it and
   quits (exit 0); the bundled command-line tool checks it and must find as many findings; the
   size of the folder and the start-up times are printed.
Works on Linux, Windows and macOS; it has been run on Linux only (see README, Install).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "bundle"
DIST = ROOT / "dist"
NAME = "tifa-reviewer"
WINDOWS = os.name == "nt"
TOOLS = ["pyinstaller>=6.10", "pyinstaller-hooks-contrib>=2024.8"]


def say(text: str) -> None:
    print(f"bundle: {text}", flush=True)


def run(cmd: list[str | Path], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], text=True, check=True, **kw)  # type: ignore[call-overload, no-any-return]


def build_wheel() -> Path:
    run([sys.executable, "-m", "pip", "install", "--quiet", "build>=1.2"])
    out = BUILD / "dist"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "build", "--outdir", out, ROOT], stdout=subprocess.DEVNULL)
    (wheel,) = out.glob("*.whl")
    return wheel


def build_env(wheel: Path) -> Path:
    target = BUILD / "venv"
    py = target / ("Scripts/python.exe" if WINDOWS else "bin/python")
    if not py.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(target)
    extra = ["pillow"] if sys.platform in ("win32", "darwin") else []  # PyInstaller makes the .ico/.icns with it
    run([py, "-m", "pip", "install", "--quiet", wheel, *TOOLS, *extra])
    run([py, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", wheel])  # this build's code, same version
    return py


def icon_png() -> Path | None:
    """The icon as a 512 px PNG for Windows and macOS (Linux uses the SVG as it is)."""
    if sys.platform not in ("win32", "darwin"):
        return None
    out = BUILD / "icon.png"
    code = (
        "import sys; from PySide6.QtGui import QGuiApplication, QImage, QPainter, QColor; from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['x']); img = QImage(512, 512, QImage.Format.Format_ARGB32); img.fill(QColor(0, 0, 0, 0))\n"
        "p = QPainter(img); QSvgRenderer(sys.argv[1]).render(p); p.end(); img.save(sys.argv[2])"
    )
    run([sys.executable, "-c", code, ROOT / "packaging" / "linux" / f"{NAME}.svg", out], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return out


def pyinstaller(py: Path, icon: Path | None) -> Path:
    env = dict(os.environ)
    if icon is not None:
        env["REVIEWER_BUNDLE_ICON"] = str(icon)
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    # not from the source tree's root, where `import reviewer` would find the checkout, not the wheel
    run([py, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", DIST, "--workpath", BUILD / "work", ROOT / "packaging" / f"{NAME}.spec"], env=env, cwd=BUILD)
    folder = DIST / NAME
    shutil.copytree(ROOT / "packaging" / "linux", folder / "linux", dirs_exist_ok=True)
    return folder


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def smoke(folder: Path) -> None:
    exe = ".exe" if WINDOWS else ""
    gui, cli = folder / f"{NAME}{exe}", folder / f"{NAME}-cli{exe}"
    (sample,) = folder.rglob("fuxin-2023-01-19.txt")
    home = Path(tempfile.mkdtemp(prefix="reviewer-bundle-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=str(home / "data"), REVIEWER_LOG_DIR=str(home / "logs"), XDG_CONFIG_HOME=str(home / "config"))
    try:
        t = time.monotonic()
        version = run([cli, "--version"], env=env, capture_output=True).stdout.strip()
        start_cli = time.monotonic() - t
        t = time.monotonic()
        done = run([cli, "check", sample, "--fail-on", "none", "--quiet"], env=env, capture_output=True, cwd=home)
        check_cli = time.monotonic() - t
        counted = re.search(r"(\d+) findings", done.stdout)
        if not counted:
            sys.exit(f"bundle: FAILED: the bundled CLI said {done.stdout!r}")
        also = run([gui, "--cli", "check", sample, "--fail-on", "none", "--quiet"], env=env, capture_output=True, cwd=home)
        if also.stdout != done.stdout:
            sys.exit(f"bundle: FAILED: `tifa-reviewer --cli check` said {also.stdout!r}, tifa-reviewer-cli {done.stdout!r}")
        t = time.monotonic()
        shown = run([gui, "--smoke-test", sample], env=env, capture_output=True, cwd=home, timeout=300)
        open_gui = time.monotonic() - t
        seen = re.search(r"smoke test: 1 documents, \d+ segments, (\d+) findings", shown.stdout)
        if not seen or seen.group(1) != counted.group(1):
            sys.exit(f"bundle: FAILED: the bundled window said {shown.stdout.strip()!r}; the CLI {done.stdout.strip()!r}")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    say(f"smoke test passed: {version}; CLI: {done.stdout.strip()}")
    say(f"start-up: `tifa-reviewer-cli --version` {start_cli:.2f} s; CLI check of the sample {check_cli:.1f} s; window open + check + quit {open_gui:.1f} s")


def main(argv: list[str]) -> int:
    if any(a not in {"--no-smoke"} for a in argv):
        print(__doc__)
        return 2
    t = time.monotonic()
    wheel = build_wheel()
    say(f"built {wheel.name}")
    py = build_env(wheel)
    say(f"build environment ready ({BUILD / 'venv'})")
    folder = pyinstaller(py, icon_png())
    say(f"built {folder} ({size_mb(folder):.0f} MB) in {time.monotonic() - t:.0f} s")
    if "--no-smoke" not in argv:
        smoke(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
