#!/usr/bin/env python3
"""Render the review window to a PNG (offscreen).

Usage: tools/screenshot.py [SEGMENT] [OUT.png] [ARTICLE]
(defaults: segment 5 of the bilingual sample resources/samples/plenary-session.xlf,
resources/screenshot.png: the README's screenshot)
"""

from __future__ import annotations

import os
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

from reviewer.core.paths import SHIPPED_TERMBASE  # noqa: E402
from reviewer.gui.main_window import MainWindow  # noqa: E402


def main() -> None:
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit(__doc__)
    app = QApplication([])
    settings = QSettings(os.path.join(os.environ["REVIEWER_DATA_DIR"], "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow([SHIPPED_TERMBASE], settings)
    w.resize(1500, 900)
    w.show()
    article = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "resources" / "samples" / "plenary-session.xlf"
    w.session.open_files([article])
    end = time.time() + 30
    while (w.review is None or w.tasks) and time.time() < end:
        app.processEvents()
        time.sleep(0.01)
    segment = sys.argv[1] if len(sys.argv) > 1 else "5"
    w.select_segment(w.review.doc_key(w.review.documents[0]), segment)
    for _ in range(50):
        app.processEvents()
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "resources" / "screenshot.png"
    w.grab().save(str(out))
    print(out)


if __name__ == "__main__":
    main()
