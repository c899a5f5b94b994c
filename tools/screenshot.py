#!/usr/bin/env python3
"""Render the review window to a PNG (offscreen).

Usage: tools/screenshot.py [--size WxH] [--lang en|zh_CN] [--segment ID] [--batch-views] [OUT.png] [ARTICLE]

Defaults: 1280x800, English, segment 5 of the article ``dev.py app`` opens
(resources/samples/fuxin-2023-01-19.txt), out resources/screenshot.png. The README's
screenshots are made with it:

  tools/screenshot.py resources/screenshot.png
  tools/screenshot.py --size 1920x1080 resources/screenshot-1920.png
  tools/screenshot.py --lang zh_CN resources/screenshot-zh.png
  tools/screenshot.py --size 1920x1080 --lang zh_CN resources/screenshot-zh-1920.png

Prints how many segments are fully in view (issue 17: at least 12 at 1280x800).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["REVIEWER_DATA_DIR"] = tempfile.mkdtemp()
os.environ.setdefault("REVIEWER_CHECK_PROCESS", "0")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.core.paths import SHIPPED_TERMBASE  # noqa: E402
from reviewer.gui import i18n, layout  # noqa: E402
from reviewer.gui.main_window import MainWindow  # noqa: E402
from reviewer.gui.models.segments import SegmentTableModel  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "fuxin-2023-01-19.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "resources" / "screenshot.png"))
    parser.add_argument("article", nargs="?", default=str(SAMPLE))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--segment", default="5")
    parser.add_argument("--batch-views", action="store_true", help="show the batch views dock whatever the width")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    app = QApplication([])
    i18n.install(app, args.lang)
    settings = QSettings(os.path.join(os.environ["REVIEWER_DATA_DIR"], "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow([SHIPPED_TERMBASE], settings)
    w.show()
    layout.default_layout(w, (width, height))
    if args.batch_views:
        w.review_dock.show()
    w.session.open_files([Path(args.article)])
    end = time.time() + 60
    while (w.review is None or w.tasks or not w.review.findings) and time.time() < end:
        app.processEvents()
        time.sleep(0.01)
    w.select_segment(w.review.doc_key(w.review.documents[0]), args.segment)
    w.segments.scrollToTop()
    for _ in range(100):
        app.processEvents()
    grid = w.segments
    shown = [
        r for r in range(w.segment_model.rowCount())
        if grid.visualRect(w.segment_model.index(r, SegmentTableModel.CORRECTED)).top() >= 0
        and grid.visualRect(w.segment_model.index(r, SegmentTableModel.CORRECTED)).bottom() <= grid.viewport().height()
    ]
    w.grab().save(args.out)
    print(f"{args.out}: {width}x{height}, {len(shown)} segments fully in view")


if __name__ == "__main__":
    main()
