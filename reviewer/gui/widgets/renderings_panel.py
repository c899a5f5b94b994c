"""The term-renderings report: every concept in the open documents with each of its renderings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.core.consistency import ConceptRenderings, Rendering
from reviewer.core.review import Review
from reviewer.gui.i18n import tr

_USE_COLOURS = {"change": "#f8c9c9", "minority": "#fff2b3"}


class RenderingsPanel(QWidget):
    """A tree: concept, then each rendering with its status, count, use and segments.

    Inconsistent concepts come first. Double-clicking a rendering goes to its next
    occurrence.

    Signals:
        go_to(str, str): document key and segment id to show.
    """

    go_to = Signal(str, str)
    HEADERS = ("Concept / rendering", "Status", "Count", "Use", "Segments")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(self.HEADERS))
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 80)
        self.tree.setColumnWidth(2, 50)
        self.tree.setColumnWidth(3, 70)
        self.tree.itemDoubleClicked.connect(self.open_item)
        self.only_inconsistent = QCheckBox("Only concepts rendered more than one way")
        self.only_inconsistent.toggled.connect(lambda _on: self._fill())
        self.summary = QLabel()
        top = QHBoxLayout()
        title = QLabel(tr("Term renderings"))
        title.setStyleSheet("font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.only_inconsistent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)
        self.groups: list[ConceptRenderings] = []
        self._next: dict[int, int] = {}

    def set_review(self, review: Review | None) -> None:
        """Show the report of ``review``'s latest check run (built off the GUI thread with it)."""
        self.groups = [] if review is None else sorted(review.renderings, key=lambda g: (g.consistent, -g.total))
        self._fill()

    def _fill(self) -> None:
        self.tree.clear()
        self._next = {}
        self._shown: list[Rendering] = []
        shown = [g for g in self.groups if not (self.only_inconsistent.isChecked() and g.consistent)]
        for g in shown:
            c = g.concept
            top = QTreeWidgetItem([f"{c.source_term} — {c.preferred_text or '(no preferred term)'}", "", str(g.total), "", ""])
            font = top.font(0)
            font.setBold(not g.consistent)
            top.setFont(0, font)
            for r in g.renderings:
                use = "keep" if r is g.dominant else ("change" if not r.acceptable else "minority")
                child = QTreeWidgetItem([r.text, r.status, str(r.count), use, _segment_list(r)])
                child.setData(0, Qt.ItemDataRole.UserRole, len(self._shown))  # its occurrences: self._shown
                self._shown.append(r)
                if use in _USE_COLOURS:
                    child.setBackground(3, QBrush(QColor(_USE_COLOURS[use])))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(not g.consistent)
        inconsistent = sum(not g.consistent for g in self.groups)
        self.summary.setText(f"{len(self.groups)} concepts found, {inconsistent} rendered more than one way")

    def open_item(self, item: QTreeWidgetItem, _column: int) -> None:
        shown = item.data(0, Qt.ItemDataRole.UserRole)
        if shown is None:
            return
        places = [(u.document, u.segment) for u, _ in self._shown[shown].occurrences]
        if not places:
            return
        n = self._next.get(id(item), 0) % len(places)
        self._next[id(item)] = n + 1
        doc, seg = places[n]
        self.go_to.emit(doc, seg)


#: How many segment ids the Segments column lists before an ellipsis.
SEGMENTS_LISTED = 12


def _segment_list(rendering: Rendering) -> str:
    """The ids of the first segments a rendering occurs in, then "…" when there are more (a
    concept of a large batch occurs thousands of times; the Count column has the number)."""
    seen: dict[str, None] = {}
    for unit, _hit in rendering.occurrences:
        seen[unit.segment] = None
        if len(seen) > SEGMENTS_LISTED:
            break
    if len(seen) <= SEGMENTS_LISTED:
        return ", ".join(seen)
    return ", ".join(list(seen)[:SEGMENTS_LISTED]) + ", …"
