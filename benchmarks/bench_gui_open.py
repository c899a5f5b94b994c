#!/usr/bin/env python3
"""The issue-6 first-screen benchmark: open a 5,000-segment article in the window (offscreen)
and time how long until its segments are on screen, then until its findings are.

Run: .venv/bin/python benchmarks/bench_gui_open.py [SEGMENTS]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["REVIEWER_DATA_DIR"] = tempfile.mkdtemp()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.core.paths import SAMPLE_ARTICLE, SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.readers import read_document  # noqa: E402
from reviewer.gui.main_window import MainWindow  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    sentences = [s.target for s in read_document(SAMPLE_ARTICLE).segments]
    rng = random.Random(3)
    folder = Path(tempfile.mkdtemp())
    article = folder / "long.txt"
    paragraphs = [" ".join(rng.choice(sentences) for _ in range(5)) for _ in range(n // 5)]
    article.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    app = QApplication([])
    w = MainWindow([SHIPPED_TERMBASE], QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    w.resize(1400, 860)
    w.show()
    app.processEvents()
    t0 = time.perf_counter()
    w.session.open_files([article])
    first = None
    while w.review is None or w.tasks:
        app.processEvents()
        if first is None and w.segment_model.rowCount():
            w.segments.viewport().repaint()  # the first screen painted, while the checks run in their thread
            first = time.perf_counter() - t0
        time.sleep(0.001)
    total = time.perf_counter() - t0
    segs = w.segment_model.rowCount()
    print(f"{segs} segments: first screen after {first:.2f} s (target: under 2 s); all {len(w.review.findings)} findings after {total:.2f} s")
    w.close()  # stops the checking process
    sys.stdout.flush()
    os._exit(0)  # as the app does: no final garbage collection of Qt objects (see reviewer/gui/app.py)


if __name__ == "__main__":
    main()
