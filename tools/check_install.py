#!/usr/bin/env python3
"""Build the sdist and the wheel, install the wheel as a user would, and test the installed app.

Usage: .venv/bin/python tools/check_install.py [--keep]   (run by .ci/run; needs `build`)

In a temporary folder outside the source tree:
1. ``python -m build``: the sdist, then the wheel from the sdist (so the sdist is complete too);
   both must hold every file of glossaries/ and resources/samples/ (the wheel under reviewer/data/);
2. a fresh virtual environment, ``pip install`` of the wheel (its dependencies from the index);
3. ``--version`` of both installed commands;
4. the installed ``tifa-reviewer-cli check`` on the installed sample article must give the same
   findings as the checkout's CLI on the checkout's sample;
5. the installed window opens the sample offscreen, checks it (``--smoke-test``) and quits with 0.
Exit 0 when all passed; the steps' times are printed. ``--keep`` leaves the folder for a look.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer import CLI_COMMAND, DISTRIBUTION, GUI_COMMAND, __version__  # noqa: E402

#: Source folder -> where its files are in the wheel (setup.py's DATA).
DATA = {"glossaries": "reviewer/data/glossaries", "resources/samples": "reviewer/data/samples"}

BIN = "Scripts" if os.name == "nt" else "bin"


def step(name: str, start: float) -> float:
    now = time.monotonic()
    print(f"check_install: {name} ({now - start:.1f} s)", flush=True)
    return now


def must(cmd: list[str | Path], ok: tuple[int, ...] = (0,), **kw: Any) -> str:
    """Run ``cmd``; its standard output, or exit with what went wrong."""
    done = subprocess.run([str(c) for c in cmd], text=True, capture_output=True, **kw)
    if done.returncode not in ok:
        sys.exit(f"check_install: FAILED (exit {done.returncode}): {' '.join(map(str, cmd))}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return str(done.stdout)


def check_archives(dist: Path) -> tuple[Path, Path]:
    wheels, sdists = list(dist.glob("*.whl")), list(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        sys.exit(f"check_install: FAILED: expected one wheel and one sdist in {dist}, found {sorted(p.name for p in dist.iterdir())}")
    wheel, sdist = wheels[0], sdists[0]
    stem = DISTRIBUTION.replace("-", "_")
    if not wheel.name.startswith(f"{stem}-{__version__}-") or sdist.name != f"{stem}-{__version__}.tar.gz":
        sys.exit(f"check_install: FAILED: the archives are {wheel.name}, {sdist.name}; expected {stem}-{__version__}")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as tar:
        in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    missing = []
    for src, packaged in DATA.items():
        for f in sorted((ROOT / src).iterdir()):
            if f.is_file():
                missing += [f"wheel: {packaged}/{f.name}"] * (f"{packaged}/{f.name}" not in in_wheel)
                missing += [f"sdist: {src}/{f.name}"] * (f"{src}/{f.name}" not in in_sdist)
    missing += [f"wheel: {n}" for n in ("reviewer/gui/i18n/reviewer_zh_CN.qm",) if n not in in_wheel]
    if missing:
        sys.exit("check_install: FAILED: missing from the archives:\n  " + "\n  ".join(missing))
    return wheel, sdist


def findings(report: Path) -> list[tuple[Any, ...]]:
    """The report's findings without what depends on where the file is (ids, paths)."""
    data = json.loads(report.read_text(encoding="utf-8"))
    out = []
    for doc in data["documents"]:
        for f in doc["findings"]:
            f = {k: v for k, v in f.items() if k != "id"}
            out.append((Path(doc["path"]).name, json.dumps(f, sort_keys=True, ensure_ascii=False)))
    return out


def main(argv: list[str]) -> int:
    keep = "--keep" in argv
    tmp = Path(tempfile.mkdtemp(prefix="reviewer-install-"))
    if tmp.resolve().is_relative_to(ROOT):
        sys.exit("check_install: the temporary folder must be outside the source tree")
    # the runs must not touch the user's settings, autosaves or logs
    home = tmp / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=str(home / "data"), REVIEWER_LOG_DIR=str(home / "logs"), XDG_CONFIG_HOME=str(home / "config"))
    env.pop("PYTHONPATH", None)
    try:
        t = start = time.monotonic()
        dist = tmp / "dist"
        must([sys.executable, "-m", "build", "--outdir", dist, ROOT])
        wheel, sdist = check_archives(dist)
        t = step(f"built {sdist.name} ({sdist.stat().st_size // 1024} KB) and {wheel.name} ({wheel.stat().st_size // 1024} KB)", t)

        target = tmp / "venv"
        venv.EnvBuilder(with_pip=True).create(target)
        py = target / BIN / ("python.exe" if os.name == "nt" else "python")
        must([py, "-m", "pip", "install", "--quiet", wheel])
        t = step(f"installed the wheel in a fresh environment, {target}", t)

        for command in (CLI_COMMAND, GUI_COMMAND):
            out = must([target / BIN / command, "--version"], cwd=tmp, env=env).strip()
            if out != f"{command} {__version__}":
                sys.exit(f"check_install: FAILED: {command} --version says {out!r}")
        sample = Path(must([py, "-c", "from reviewer.core.paths import SAMPLE_ARTICLE as p; print(p)"], cwd=tmp, env=env).strip())
        if not sample.is_file() or not sample.resolve().is_relative_to(target.resolve()):
            sys.exit(f"check_install: FAILED: the installed package finds its sample at {sample}, not in {target}")

        installed, checkout = tmp / "installed.json", tmp / "checkout.json"
        # exit 1: there are findings, as there should be
        must([target / BIN / CLI_COMMAND, "check", sample, "--json", installed], ok=(0, 1), cwd=tmp, env=env)
        must([sys.executable, "-m", "reviewer.cli", "check", ROOT / "resources" / "samples" / sample.name, "--json", checkout], ok=(0, 1), cwd=ROOT, env=env)
        mine, theirs = findings(installed), findings(checkout)
        if mine != theirs or not mine:
            diff = sorted(set(mine) ^ set(theirs))[:10]
            sys.exit(f"check_install: FAILED: the installed CLI found {len(mine)} findings, the checkout {len(theirs)}; differing: {diff}")
        t = step(f"the installed {CLI_COMMAND} finds the checkout's {len(mine)} findings on {sample.name}", t)

        out = must([target / BIN / GUI_COMMAND, "--smoke-test", sample], cwd=tmp, env=env, timeout=300)
        seen = re.search(r"smoke test: 1 documents, \d+ segments, (\d+) findings", out)
        if not seen or int(seen.group(1)) != len(mine):
            sys.exit(f"check_install: FAILED: the installed window said {out.strip()!r}; expected {len(mine)} findings")
        t = step(f"the installed {GUI_COMMAND} opened and checked {sample.name} offscreen, then quit", t)
        print(f"check_install: passed in {time.monotonic() - start:.0f} s", flush=True)
        return 0
    finally:
        if keep:
            print(f"check_install: left {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
