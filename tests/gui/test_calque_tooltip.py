"""The findings table shows a literal rendering's matched glosses, and a calque's rule, on hover."""

from PySide6.QtCore import Qt

from reviewer.core.checks import CheckContext, CheckOptions, SegmentText, run_checks
from reviewer.core.document import Document, Segment
from reviewer.core.matching import TermMatcher
from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.core.review import make_review
from reviewer.core.termbase import load_termbase
from reviewer.gui.models.findings import FindingTableModel


def test_hover_shows_glosses_and_rule(tmp_path, qtbot):
    tb = load_termbase(SHIPPED_TERMBASE)
    text = "At the Fuxin municipal Party committee meeting: we will strengthen the construction of work style, and my country grew."
    doc = Document(tmp_path / "a.txt", [Segment("1", 1, text)])
    review = make_review([doc], [tb])
    review.matcher = TermMatcher([tb])
    review.run_checks()
    model = FindingTableModel()
    model.set_review(review)
    tips = [model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    calque = next(t for t in tips if "Calque rule: my-country" in t)
    assert "Source:" in calque
    empty = tmp_path / "none.toml"
    empty.write_text('version = "0"\n', encoding="utf-8")
    unit = SegmentText(str(doc.path), "1", text)
    (literal,) = [f for f in run_checks([unit], review.matcher, context=CheckContext(review.matcher, CheckOptions(calque_rules=str(empty)))) if f.check == "term-literal"]
    from reviewer.gui.models.findings import finding_tooltip

    tip = finding_tooltip(literal)
    assert "Matched glosses (CC-CEDICT):" in tip and "construction → 建设" in tip and "Confidence:" in tip
