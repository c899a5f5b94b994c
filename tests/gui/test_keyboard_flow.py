"""The whole sample article reviewed from the keyboard in the grid, and the layout at 1280×800
(issue 17's "done means")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.core.review import Decision
from reviewer.gui import layout
from reviewer.gui.main_window import MainWindow
from reviewer.gui.models.segments import SegmentTableModel


@pytest.fixture
def window(qtbot, tmp_path, sample_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("warnings/openMajorOnReview", "false")
    w = MainWindow([SHIPPED_TERMBASE], settings)
    qtbot.addWidget(w)
    w.show()
    layout.default_layout(w, (1280, 800))
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    w.activateWindow()
    yield w
    qtbot.waitUntil(lambda: not w.tasks, timeout=20000)


def focused(w):
    """Where the keys go: the grid's editor when it is open, else the grid."""
    return w.segments.editor() or w.segments


def test_the_whole_sample_reviewed_from_the_keyboard(qtbot, window):
    w = window
    doc = w.review.doc_key(w.review.documents[0])
    w.segments.setFocus()
    qtbot.keyClick(w.segments, Qt.Key.Key_F2)  # edit the first segment
    assert w.segments.editor() is not None
    accepted = dismissed = edited = 0
    for _ in range(60):
        if w.current is None or w.review.state(*w.current) != "translated":
            break
        f = w.panel.current_finding()
        if f is not None and w.review.decision(f) is Decision.OPEN:
            if f.suggestion is not None and not f.manual and w.review.target(*w.current)[f.start : f.end] == f.text:
                qtbot.keyClick(focused(w), Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)  # accept
                accepted += 1
            else:
                qtbot.keyClick(focused(w), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # dismiss
                dismissed += 1
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            here = w.current
            others = [x for x in w.review.open_findings() if (x.document, x.segment) == here]
            if others:  # to the segment's next open finding (F8 unless it is current), dismissed
                current = w.panel.current_finding()
                if current is None or w.review.decision(current) is not Decision.OPEN:
                    qtbot.keyClick(focused(w), Qt.Key.Key_F8)
                assert w.current == here and w.panel.current_finding().key in {x.key for x in others}
                qtbot.keyClick(focused(w), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
                dismissed += 1
                qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
        elif w.segments.editor() is not None:
            qtbot.keyClicks(w.segments.editor(), " ")  # an edit typed in the grid
            qtbot.keyClick(w.segments.editor(), Qt.Key.Key_Backspace)
            qtbot.keyClicks(w.segments.editor(), ".")
            edited += 1
        qtbot.keyClick(focused(w), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # confirm, go on
        qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
    keys = w.segment_model.keys()
    assert all(w.review.state(*k) == "reviewed" for k in keys)
    assert accepted >= 5 and dismissed >= 3 and edited >= 1
    typed = [k for k in keys if w.review.target(*k).endswith("..")]
    assert len(typed) == edited  # each typed edit landed in its own segment
    # and undo from the keyboard takes back the last confirmation first
    last = w.current
    assert w.undo_stack.undoText().startswith("Mark segment")
    qtbot.keyClick(focused(w), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.review.state(*last) == "translated"
    qtbot.keyClick(focused(w), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.review.state(*last) == "reviewed" and doc == last[0]


def test_the_grid_takes_the_window_at_1280_by_800(window):
    w = window
    assert (w.width(), w.height()) == (1280, 800) and not w.review_dock.isVisible()
    grid = w.segments
    assert grid.viewport().height() >= 0.68 * 800  # the grid is most of the window
    line = grid.fontMetrics().lineSpacing()
    heights = [grid.rowHeight(r) for r in range(w.segment_model.rowCount())]
    current = grid.current_row()
    assert all(h <= 4 * line + 12 for r, h in enumerate(heights) if r != current)  # compact rows
    assert len(set(heights)) > 2  # ... sized to their text
    index = w.segment_model.index
    shown = [r for r in range(len(heights)) if 0 <= grid.visualRect(index(r, SegmentTableModel.CORRECTED)).top() and grid.visualRect(index(r, SegmentTableModel.CORRECTED)).bottom() <= grid.viewport().height()]
    if line <= 15:  # the fonts of this project's machine (DejaVu Sans 9 pt): issue 17's 12 rows
        assert len(shown) >= 12
    assert grid.isColumnHidden(SegmentTableModel.MT) and grid.isColumnHidden(SegmentTableModel.SOURCE)  # English-only
    w.mt_action.trigger()
    assert not grid.isColumnHidden(SegmentTableModel.MT)
