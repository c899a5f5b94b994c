#!/usr/bin/env python3
"""Start-up: how long until ``tifa-reviewer-cli --help`` has answered, and until the window's
first paint (offscreen, no file opened), against floors measured in the same run: a bare
interpreter, and a bare Qt window (QApplication and an empty QMainWindow painted).

Each is run ``RUNS`` times as a fresh process; the best wall time and its CPU time are printed.
Targets (issue 17): ``--help`` under 0.5 s, the window up within 2 s.

Run: .venv/bin/python benchmarks/bench_startup.py [RUNS]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_QT = """
import os, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show()
QTimer.singleShot(0, lambda: os._exit(0))
app.exec()
"""


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """``(wall seconds, CPU seconds)`` of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best(args: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    return min((run(args, env) for _ in range(runs)), key=lambda r: r[0])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_DATA_DIR=tempfile.mkdtemp(), REVIEWER_REPORT_STARTUP="1")
    py = sys.executable
    rows = [
        ("bare interpreter (floor)", best([py, "-c", "pass"], env, runs)),
        ("tifa-reviewer-cli --help", best([py, "-m", "reviewer.cli", "--help"], env, runs)),
        ("bare Qt window (floor)", best([py, "-c", BARE_QT], env, runs)),
        ("the review window, first paint", best([py, "-m", "reviewer.gui.app"], env, runs)),
    ]
    print(f"best of {runs} fresh processes each:")
    for name, (wall, cpu) in rows:
        print(f"  {name:32} {wall:5.2f} s wall, {cpu:5.2f} s CPU")
    (py_wall, _), (cli_wall, _), (qt_wall, _), (gui_wall, _) = (r for _, r in rows)
    print(f"  --help: {cli_wall:.2f} s (target under 0.5 s), {cli_wall / py_wall:.1f}x the bare interpreter")
    print(f"  window: {gui_wall:.2f} s (target under 2 s), {gui_wall / qt_wall:.1f}x a bare Qt window")


if __name__ == "__main__":
    main()
