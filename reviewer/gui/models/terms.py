"""Table model of the termbase entries that match the current segment."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.core.matching import HitKind, TermHit
from reviewer.gui.models import Index, ObjectRole, RowTableModel

STATUS_COLOURS = {"preferred": "#d7f0d7", "admitted": "#e6f3e6", "deprecated": "#fff2b3", "superseded": "#e3ddf5", "forbidden": "#f8c9c9"}


class TermHitModel(RowTableModel):
    """One row per term hit of a segment: Chinese, found, status, preferred, note, source.

    :data:`ObjectRole` returns the :class:`~reviewer.core.matching.TermHit`.
    """

    CHINESE, FOUND, STATUS, PREFERRED, NOTE, SOURCE = range(6)
    HEADERS = ("Chinese", "Found in text", "Status", "Preferred term", "Note", "Source")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TermHit] = []

    def set_hits(self, hits: list[TermHit]) -> None:
        """Show ``hits``."""
        self.beginResetModel()
        self._rows = list(hits)
        self.endResetModel()

    @staticmethod
    def status_label(hit: TermHit) -> str:
        """Status text for the Status column, e.g. ``forbidden`` or ``near miss 91%``."""
        if hit.kind is HitKind.NEAR:
            return f"near miss {hit.score:.0f}%"
        if hit.kind is HitKind.CASE:
            return "wrong case"
        return hit.term.status.value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._rows[index.row()]
        col = index.column()
        c = hit.concept
        if role == ObjectRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.CHINESE: c.source_term,
                self.FOUND: hit.text,
                self.STATUS: self.status_label(hit),
                self.PREFERRED: c.preferred_text,
                self.NOTE: hit.term.note or c.definition,
                self.SOURCE: "; ".join(str(s) for s in c.sources),
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{c.source_term}  [{c.id}, {c.termbase}]"]
            lines += [f"{t.status.value}: {t.text}" for t in c.en]
            if c.definition:
                lines.append(c.definition)
            lines += [f"Source: {s}" for s in c.sources]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.STATUS:
            key = "deprecated" if hit.kind in (HitKind.NEAR, HitKind.CASE) else hit.term.status.value
            return QBrush(QColor(STATUS_COLOURS.get(key, "#ffffff")))
        return None


def entry_html(hit: TermHit) -> str:
    """The whole termbase entry of a hit as HTML, for the entry pane."""
    c = hit.concept
    colour = {"preferred": "#2e7d32", "admitted": "#2e7d32", "deprecated": "#b26a00", "superseded": "#b26a00", "forbidden": "#c62828"}
    rows = []
    for t in c.en:
        mark = " ◀ in text" if t is hit.term else ""
        extra = f" <i>({t.form})</i>" if t.form else ""
        dates = f" <small>{t.valid_from or '…'}–{t.valid_to or '…'}</small>" if (t.valid_from or t.valid_to) else ""
        note = f"<br><small>{escape(t.note)}</small>" if t.note else ""
        rows.append(
            f"<tr><td style='color:{colour[t.status.value]}; padding-right:8px'>{t.status.value}</td>"
            f"<td><b>{escape(t.text)}</b>{extra}{dates}{mark}{note}</td></tr>"
        )
    zh = " · ".join(escape(t.text) for t in c.zh)
    parts = [f"<h3 style='margin:0'>{zh}</h3>", f"<small>{escape(c.subject)} · {escape(c.id)} · {escape(c.termbase)}</small>"]
    if hit.kind is HitKind.NEAR:
        parts.append(f"<p>Near miss: {hit.score:.0f}% similar ({escape(hit.classification)}).</p>")
    if c.definition:
        parts.append(f"<p>{escape(c.definition)}</p>")
    parts.append("<table>" + "".join(rows) + "</table>")
    if c.sources:
        parts.append("<p><b>Sources</b><br>" + "<br>".join(escape(str(s)) for s in c.sources) + "</p>")
    if c.verified:
        parts.append(f"<p><small>Verified against an official text: {escape(c.verified)}. {escape(c.note)}</small></p>")
    return "".join(parts)
