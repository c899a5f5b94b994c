"""Import Review Workbook: every change, segment by segment with a diff, and every conflict,
before anything is applied."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.diff import diff_html
from reviewer.core.review_import import ImportPlan
from reviewer.gui.i18n import tr


class ImportReviewDialog(QDialog):
    """Shows an :class:`~reviewer.core.review_import.ImportPlan`; Apply accepts the dialog."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import review workbook") + f" — {plan.path.name}")
        self.resize(980, 620)
        self.plan = plan
        changes = len(plan.segment_changes) + len(plan.decision_changes)
        summary = QLabel(
            f"{changes} " + tr("change(s) to apply") + f", {len(plan.conflicts)} " + tr("conflict(s) left alone") + ". "
            + tr("Nothing is applied until you press Apply; Edit ▸ Undo takes the whole import back.")
        )
        summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("What"), tr("Before"), tr("After")])
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 320)
        self.detail = QTextBrowser()
        self.tree.currentItemChanged.connect(self._show)
        group = QTreeWidgetItem([tr("Segments") + f" ({len(plan.segment_changes)})"])
        for c in plan.segment_changes:
            item = QTreeWidgetItem([f"{c.name}:{c.segment} · {tr(c.field)}", c.old, c.new])
            item.setData(0, Qt.ItemDataRole.UserRole, (c.old, c.new))
            group.addChild(item)
        decisions = QTreeWidgetItem([tr("Decisions") + f" ({len(plan.decision_changes)})"])
        for d in plan.decision_changes:
            note = f" · {d.new_note}" if d.new_note != d.old_note else ""
            item = QTreeWidgetItem([f"{d.finding.segment} · {d.finding.check}: {d.finding.text}", d.old, d.new + note])
            decisions.addChild(item)
        conflicts = QTreeWidgetItem([tr("Conflicts, left alone") + f" ({len(plan.conflicts)})"])
        for text in plan.conflicts:
            conflicts.addChild(QTreeWidgetItem([text]))
        notes = QTreeWidgetItem([tr("Notes") + f" ({len(plan.notes)})"])
        for text in plan.notes:
            notes.addChild(QTreeWidgetItem([text]))
        for top in (group, decisions, conflicts, notes):
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
            top.setFirstColumnSpanned(True)
        for branch, colour in ((conflicts, Qt.GlobalColor.darkRed), (notes, None)):
            for i in range(branch.childCount()):
                child = branch.child(i)
                if child is None:
                    continue
                child.setFirstColumnSpanned(True)
                if colour is not None:
                    child.setForeground(0, colour)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([420, 160])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.setEnabled(changes > 0 and not plan.blocked)
        apply.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

    def _show(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if data:
            old, new = data
            self.detail.setHtml(diff_html(old, new))
        else:
            self.detail.setHtml(escape(item.text(0)) if item is not None else "")
