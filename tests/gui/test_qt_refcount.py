"""The installed PySide6 must keep Python's reference count of None (see reviewer.gui.app)."""

import sys

from PySide6.QtWidgets import QLabel

from reviewer.gui.app import qt_drops_none


def test_qt_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))  # a Qt method that returns nothing
    assert sys.getrefcount(None) >= before - 50, "this PySide6 drops a reference to None per call: pin PySide6-Essentials<6.12"
    assert not qt_drops_none()
