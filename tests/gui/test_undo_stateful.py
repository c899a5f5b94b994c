"""One undo history, tested against a model: long random runs of the reviewer's actions in the
window (typing, typing then acting at once, accepting, dismissing, reopening, marking reviewed,
bulk dismissal, undo and redo). After every step the review must be exactly the model's state;
Undo and Redo must replay the steps exactly, in order, and the Edit menu must name the step
that Undo will undo (issue 16).

The model records each step's resulting review state (the window's own state, copied) and
computes typing independently: the text typed is appended to the segment's post-edit. Typing
that is still pending when another action starts must land first, as its own step.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtCore import QSettings, Qt

from reviewer.core.paths import SHIPPED_TERMBASE
from reviewer.core.review import Decision
from reviewer.gui.main_window import MainWindow
from reviewer.gui.undo import ReviewCommand, ReviewState

SEGMENTS = ("1", "3", "9", "12")  # segments of the sample with findings
WORDS = (" Ab", " cd", " Ef.")


@dataclass
class Step:
    kind: str  # "typing" or an action name
    segment: str
    state: ReviewState
    label: str


def review_state(w: MainWindow) -> ReviewState:
    return ReviewState.take(w.review)


def test_random_runs_of_actions_undo_and_redo_exactly(qtbot, tmp_path, sample_path, monkeypatch):
    settings_file = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings_file.setValue("warnings/openMajorOnReview", "false")
    w = MainWindow([SHIPPED_TERMBASE], settings_file)
    qtbot.addWidget(w)
    w.show()
    w.session.open_files([sample_path])
    qtbot.waitUntil(lambda: w.review is not None and not w.tasks, timeout=20000)
    doc = w.review.doc_key(w.review.documents[0])
    errors: list[str] = []
    monkeypatch.setattr(w, "show_error", lambda title, message, details="": errors.append(message))
    # consecutive typing in one segment is one step however slow the machine is
    monkeypatch.setattr(ReviewCommand, "MERGE_SECONDS", 1e9)

    class History(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            w.undo_stack.settle()
            w.undo_stack.setIndex(0)  # back to the opened review
            w.undo_stack.clear()
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            self.start = review_state(w)
            self.steps: list[Step] = []
            self.pos = 0  # how many steps are done (the rest can be redone)
            self.pending: tuple[str, str] | None = None  # (segment, text in the editor) not yet landed

        # -- the model ---------------------------------------------------------

        def state(self) -> ReviewState:
            return self.steps[self.pos - 1].state if self.pos else self.start

        def push(self, step: Step) -> None:
            del self.steps[self.pos :]
            top = self.steps[-1] if self.steps else None
            if step.kind == "typing" and top is not None and top.kind == "typing" and top.segment == step.segment:
                self.steps[-1] = Step("typing", step.segment, step.state, top.label)  # merged
            else:
                self.steps.append(step)
            self.pos = len(self.steps)

        def land_typing(self) -> None:
            """The pending typing as the model expects it to land: the post-edit becomes the text."""
            if self.pending is None:
                return
            seg, text = self.pending
            self.pending = None
            before = self.state()
            corrected = dict(before.corrected)
            corrected[(doc, seg)] = text
            self.push(Step("typing", seg, ReviewState(**{**before.__dict__, "corrected": corrected}), f"edit segment {seg}"))

        def go(self, seg: str) -> None:
            if w.current != (doc, seg):
                self.land_typing()  # showing another segment hands the typing over
                w.select_segment(doc, seg)
            assert w.current == (doc, seg)

        def act(self, kind: str, seg: str, do) -> None:
            """Run an action; the pending typing lands first, as its own step (or merged into
            the typing step before it), then the action makes one step, or none when it
            returns False."""
            self.land_typing()
            done = do()
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            if done is False:
                assert w.undo_stack.index() == self.pos
                return
            assert w.undo_stack.index() == self.pos + 1, (kind, w.undo_stack.undoText())
            self.push(Step(kind, seg, review_state(w), w.undo_stack.undoText()))

        # -- the reviewer's actions --------------------------------------------

        @rule(seg=st.sampled_from(SEGMENTS), word=st.sampled_from(WORDS))
        def type_text(self, seg: str, word: str) -> None:
            self.go(seg)
            w.segments.edit_row(w.segments.current_row())
            editor = w.segments.editor()
            editor.setFocus()
            cursor = editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            editor.setTextCursor(cursor)
            qtbot.keyClicks(editor, word)
            self.pending = (seg, editor.text())

        def open_findings(self, seg: str, suggestion: bool = False) -> list:
            found = [f for f in w.review.findings if f.segment == seg and w.review.decision(f) is Decision.OPEN]
            if suggestion:
                found = [f for f in found if f.suggestion is not None and not f.manual]
            return found

        @rule(seg=st.sampled_from(SEGMENTS), pick=st.integers(0, 5))
        def accept(self, seg: str, pick: int) -> None:
            self.go(seg)
            self.land_typing_in_window()
            found = [f for f in self.open_findings(seg, True) if w.review.target(doc, seg)[f.start : f.end] == f.text]
            if found:
                f = found[pick % len(found)]
                self.act("accept", seg, lambda: w.decisions.accept_finding(f))

        def land_typing_in_window(self) -> None:
            """Typing lands before the window looks at the findings: the same as the model's."""
            if self.pending is not None:
                self.land_typing()
                w.undo_stack.settle()
                qtbot.waitUntil(lambda: not w.tasks, timeout=20000)

        @rule(seg=st.sampled_from(SEGMENTS), pick=st.integers(0, 5))
        def dismiss(self, seg: str, pick: int) -> None:
            self.go(seg)
            found = self.open_findings(seg)
            if found:
                f = found[pick % len(found)]
                w.panel.select_finding(f)
                if w.panel.current_finding() is not None and w.panel.current_finding().key == f.key:
                    self.act("dismiss", seg, w.decisions.dismiss_current)

        @rule(seg=st.sampled_from(SEGMENTS))
        def reopen(self, seg: str) -> None:
            self.go(seg)
            decided = [f for f in w.review.findings if f.segment == seg and w.review.decision(f) in (Decision.DISMISSED, Decision.FIXED)]
            if decided:
                self.act("reopen", seg, lambda: w.decisions.reopen_finding(decided[0]))

        @rule(seg=st.sampled_from(SEGMENTS), state=st.sampled_from(("reviewed", "final", "translated")))
        def mark(self, seg: str, state: str) -> None:
            self.go(seg)
            if w.review.states.get((doc, seg)) != state or self.pending is not None:
                self.act("mark", seg, lambda: w.decisions.mark_current(state))

        @rule(seg=st.sampled_from(SEGMENTS))
        def dismiss_all_of_check(self, seg: str) -> None:
            self.go(seg)
            found = self.open_findings(seg)
            if found:
                w.panel.select_finding(found[0])
                if w.panel.current_finding() is not None:
                    self.act("dismiss all", seg, lambda: w.decisions.dismiss_all_like_current("check"))

        @rule()
        def undo(self) -> None:
            self.land_typing()
            w.undo_stack.undo()
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            if self.pos:
                self.pos -= 1

        @rule()
        def redo(self) -> None:
            self.land_typing()
            w.undo_stack.redo()
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            if self.pos < len(self.steps):
                self.pos += 1

        @precondition(lambda self: self.pending is not None)
        @rule()
        def undo_right_after_typing(self) -> None:
            """Ctrl+Z pressed in the corrected text while the typing is pending undoes the typing
            (it lands, then is undone): the window's history, not the editor's own."""
            self.land_typing()
            w.activateWindow()
            qtbot.keyClick(w.segments.editor(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            self.pos -= 1

        # -- what must hold after every step ---------------------------------------

        @invariant()
        def matches_the_model(self) -> None:
            if self.pending is not None:
                return  # checked once it lands
            assert not errors, errors
            assert w.undo_stack.index() == self.pos and w.undo_stack.count() == len(self.steps)
            assert review_state(w) == self.state()
            assert w.undo_stack.undoText() == (self.steps[self.pos - 1].label if self.pos else "")
            undo = w.menuBar().actions()[1].menu().actions()[0]
            assert undo.text() == ("&Undo " + self.steps[self.pos - 1].label if self.pos else "&Undo")
            editor = w.segments.editor()
            if editor is not None and w.current is not None:
                assert editor.text() == w.review.target(*w.current)

        def teardown(self) -> None:
            self.land_typing()
            w.undo_stack.settle()
            # undoing everything gives back the review as it was opened
            w.undo_stack.setIndex(0)
            qtbot.waitUntil(lambda: not w.tasks, timeout=20000)
            assert review_state(w) == self.start

    run_state_machine_as_test(
        History,
        settings=settings(
            max_examples=6, stateful_step_count=25, deadline=None, derandomize=True, database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
