"""Undo commands: every change to a review goes through the window's QUndoStack.

Each command snapshots what a change can touch (one segment's post-edit, the
decisions, the notes and the list of applied corrections) before and after, so
undo and redo restore exactly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from reviewer.core.review import AppliedCorrection, Decision, Review


class ReviewUndoStack(QUndoStack):
    """The window's one undo history.

    Before any step is pushed, undone or redone, ``settle`` runs: the window hands over the
    typing still pending in the segment editor (its debounce), which lands as a step of its own.
    So the history always runs in the order the reviewer acted, and Undo always undoes the
    latest action, typing included.

    Args:
        settle: called before every push, macro, undo and redo; may push a step itself.
        parent: the owning QObject.
    """

    def __init__(self, settle: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settle = settle
        self._settling = False

    def settle(self) -> None:
        """Run ``settle`` once (a push it makes does not run it again)."""
        if self._settling:
            return
        self._settling = True
        try:
            self._settle()
        finally:
            self._settling = False

    def push(self, cmd: QUndoCommand) -> None:
        if not (isinstance(cmd, ReviewCommand) and cmd.merge):  # typing is what settling hands over
            self.settle()
        super().push(cmd)

    def beginMacro(self, text: str) -> None:
        self.settle()
        super().beginMacro(text)

    def undo(self) -> None:
        self.settle()
        super().undo()

    def redo(self) -> None:
        self.settle()
        super().redo()


@dataclass(frozen=True)
class Snapshot:
    """The part of a review one command can change."""

    doc: str
    segment: str
    corrected: str | None
    decisions: dict[str, Decision]
    notes: dict[str, str]
    applied: list[AppliedCorrection]
    false_positives: frozenset[str] = frozenset()
    state: str | None = None
    comment: str | None = None

    @classmethod
    def take(cls, review: Review, doc: str, segment: str) -> Snapshot:
        """Snapshot ``review`` around one segment."""
        return cls(
            doc, segment, review.corrected.get((doc, segment)), dict(review.decisions), dict(review.notes), list(review.applied),
            frozenset(review.false_positives), review.states.get((doc, segment)), review.comments.get((doc, segment)),
        )

    def restore(self, review: Review) -> None:
        """Put ``review`` back as it was when the snapshot was taken."""
        if self.corrected is None:
            review.corrected.pop((self.doc, self.segment), None)
        else:
            review.corrected[(self.doc, self.segment)] = self.corrected
        review.decisions = dict(self.decisions)
        review.notes = dict(self.notes)
        review.applied = list(self.applied)
        review.false_positives = set(self.false_positives)
        for table, value in ((review.states, self.state), (review.comments, self.comment)):
            if value is None:
                table.pop((self.doc, self.segment), None)
            else:
                table[(self.doc, self.segment)] = value


class ChangeListener(Protocol):
    """What a command tells after it changed the review."""

    def review_changed(self, doc: str, segment: str) -> None: ...


EDIT_ID = 1


class ReviewCommand(QUndoCommand):
    """A change to one segment of a review (edit, accept, dismiss).

    Args:
        review: the review.
        listener: told after every redo and undo.
        text: the label shown in the Edit menu ("Undo <text>").
        doc: document key.
        segment: segment id.
        change: applies the change (called on the first redo only).
        merge: consecutive commands with ``merge`` true on the same segment,
            less than :attr:`MERGE_SECONDS` apart, become one (typing).
    """

    #: Typing pauses longer than this (seconds) start a new undo step.
    MERGE_SECONDS = 2.0

    def __init__(self, review: Review, listener: ChangeListener, text: str, doc: str, segment: str, change: Callable[[], object], merge: bool = False) -> None:
        super().__init__(text)
        self.at = time.monotonic()
        self.review = review
        self.listener = listener
        self.doc = doc
        self.segment = segment
        self.change: Callable[[], object] | None = change
        self.merge = merge
        self.before: Snapshot | None = None  # taken when the change is first made (see redo)
        self.after: Snapshot | None = None

    def id(self) -> int:
        return EDIT_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ReviewCommand) or not other.merge or (other.doc, other.segment) != (self.doc, self.segment):
            return False
        if other.at - self.at > self.MERGE_SECONDS:
            return False
        self.after = other.after
        self.at = other.at
        return True

    def redo(self) -> None:
        if self.change is not None:
            # the snapshot is taken here, not when the command is made: the stack first hands
            # over the typing still pending in the editor, as a step of its own
            self.before = Snapshot.take(self.review, self.doc, self.segment)
            self.change()
            self.change = None
            self.after = Snapshot.take(self.review, self.doc, self.segment)
        elif self.after is not None:
            self.after.restore(self.review)
        self.listener.review_changed(self.doc, self.segment)

    def undo(self) -> None:
        assert self.before is not None, "undo before the first redo"
        self.before.restore(self.review)
        self.listener.review_changed(self.doc, self.segment)


class SegmentationListener(Protocol):
    """What a segmentation command tells after it regrouped a document's segments."""

    def segmentation_changed(self, doc: str, segment: str) -> None: ...


class SegmentationCommand(QUndoCommand):
    """A merge, split or re-pairing of segments (:mod:`reviewer.core.realign`): the
    document's segment list and the post-edits are snapshotted whole before and after.

    Args:
        review: the review.
        listener: told after every redo and undo, with the segment to show.
        text: the label shown in the Edit menu.
        doc: document key.
        segment: the segment the change starts from.
        change: applies the change once; raises ``ValueError`` when it cannot.
    """

    def __init__(self, review: Review, listener: SegmentationListener, text: str, doc: str, segment: str, change: Callable[[], object]) -> None:
        super().__init__(text)
        self.review = review
        self.listener = listener
        self.doc = doc
        self.segment = segment
        self.before = self._take()
        change()  # raises ValueError before the command reaches the stack
        self.after = self._take()
        self._first = True

    def _take(self) -> tuple[list[object], dict[tuple[str, str], str]]:
        return list(self.review.document(self.doc).segments), dict(self.review.corrected)

    def _put(self, state: tuple[list[object], dict[tuple[str, str], str]]) -> None:
        segments, corrected = state
        self.review.document(self.doc).segments = list(segments)  # type: ignore[arg-type]
        self.review.corrected = dict(corrected)

    def redo(self) -> None:
        if not self._first:
            self._put(self.after)
        self._first = False
        self.listener.segmentation_changed(self.doc, self.segment)

    def undo(self) -> None:
        self._put(self.before)
        self.listener.segmentation_changed(self.doc, self.segment)


@dataclass(frozen=True)
class ReviewState:
    """Everything of a review that an import or a bulk change can touch (not the segments)."""

    corrected: dict[tuple[str, str], str]
    decisions: dict[str, Decision]
    notes: dict[str, str]
    false_positives: frozenset[str]
    applied: list[AppliedCorrection]
    fixed: dict[str, object]
    states: dict[tuple[str, str], str]
    comments: dict[tuple[str, str], str]
    manual_errors: list[object]

    @classmethod
    def take(cls, review: Review) -> ReviewState:
        """Copy ``review``'s state."""
        return cls(
            dict(review.corrected), dict(review.decisions), dict(review.notes), frozenset(review.false_positives), list(review.applied),
            dict(review.fixed), dict(review.states), dict(review.comments), list(review.manual_errors),
        )

    def restore(self, review: Review) -> None:
        """Put the copy back."""
        review.corrected = dict(self.corrected)
        review.decisions = dict(self.decisions)
        review.notes = dict(self.notes)
        review.false_positives = set(self.false_positives)
        review.applied = list(self.applied)
        review.fixed = dict(self.fixed)  # type: ignore[arg-type]
        review.states = dict(self.states)
        review.comments = dict(self.comments)
        review.manual_errors = list(self.manual_errors)  # type: ignore[arg-type]


class StateListener(Protocol):
    """What a whole-review command tells after it changed the review."""

    def review_state_changed(self) -> None: ...


class ReviewStateCommand(QUndoCommand):
    """A change to many segments and decisions at once (an imported workbook, a manual error),
    undone and redone as one step by copying the whole review state.

    Args:
        change: applies the change once; an exception leaves the review as it was.
    """

    def __init__(self, review: Review, listener: StateListener, text: str, change: Callable[[], object]) -> None:
        super().__init__(text)
        self.review = review
        self.listener = listener
        self.before = ReviewState.take(review)
        try:
            change()
        except BaseException:
            self.before.restore(review)
            raise
        self.after = ReviewState.take(review)
        self._first = True

    def redo(self) -> None:
        if not self._first:
            self.after.restore(self.review)
        self._first = False
        self.listener.review_state_changed()

    def undo(self) -> None:
        self.before.restore(self.review)
        self.listener.review_state_changed()


class TermbaseStepCommand(QUndoCommand):
    """A termbase edit made from the review window (Add to Termbase from a finding, a new
    concept from a candidate), shown in the window's history too: undoing it there undoes the
    termbase editor's step, redoing it redoes that step.

    The termbase editor keeps its own history; this command acts only while the editor's
    history stands where the edit left it, and otherwise tells ``on_moved`` (the termbase was
    edited since, so its own Undo must be used) and does nothing.

    Args:
        text: the label shown in the Edit menu.
        stack: the termbase editor's undo stack, just after the edit was pushed on it.
        on_moved: called with a message when the editor's history has moved on.
    """

    def __init__(self, text: str, stack: QUndoStack, on_moved: Callable[[str], object]) -> None:
        super().__init__(text)
        self.stack = stack
        self.index = stack.index()  # the editor's index with the edit done
        self.on_moved = on_moved
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False  # the edit is already made
        elif self.stack.index() == self.index - 1:
            self.stack.redo()
        else:
            self.on_moved(f"The termbase was edited since; redo “{self.text()}” in the termbase editor")

    def undo(self) -> None:
        if self.stack.index() == self.index:
            self.stack.undo()
        else:
            self.on_moved(f"The termbase was edited since; undo “{self.text()}” in the termbase editor")
