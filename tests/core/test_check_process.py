"""The checks in a child process: the same result as in this process, and a child that can
be cancelled, can fail, can die and can be closed."""

from __future__ import annotations

import copy
import gc
import os
import signal
import sys
from pathlib import Path

import pytest

from reviewer.core import heap
from reviewer.core.check_process import CheckProcess, CheckProcessDied, CheckProcessError
from reviewer.core.matching import TermMatcher
from reviewer.core.paths import BILINGUAL_SAMPLE as PLENARY
from reviewer.core.progress import Cancelled
from reviewer.core.readers import read_document
from reviewer.core.review import check_batch, make_review



@pytest.fixture(scope="module")
def checker():
    process = CheckProcess()
    yield process
    process.close()


@pytest.fixture(scope="module")
def review(sample_path: Path, shipped_termbase):
    return make_review([read_document(sample_path), read_document(PLENARY)], [shipped_termbase])


def _shape(groups):
    """A report's structure, with the identity of every object it points to."""
    return [
        (
            id(g.concept),
            [(r.key, r.text, r.status, r.acceptable, [(id(u), id(h.concept), id(h.term), h.start, h.end, h.text, h.kind, h.score, h.classification) for u, h in r.occurrences]) for r in g.renderings],
            g.renderings.index(g.dominant) if g.dominant is not None else -1,
        )
        for g in groups
    ]


def test_same_findings_and_report_as_in_this_process(checker, review):
    units = review.units()
    expected_findings, expected_groups = check_batch(units, review.matcher)
    findings, groups = checker.check(units, review.matcher)
    assert findings == expected_findings and [f.key for f in findings] == [f.key for f in expected_findings]
    assert len(findings) > 40 and any(f.check == "term-forbidden" for f in findings)
    # the report points at this process's own units, concepts and terms, not at copies
    assert _shape(groups) == _shape(expected_groups)
    assert len(groups) > 40


def test_checks_and_severities_are_passed_on(checker, review):
    from reviewer.core.checks import Severity

    findings, _ = checker.check(review.units(), review.matcher, ["term-forbidden"], None, {"term-forbidden": Severity.MINOR})
    assert findings and {f.check for f in findings} == {"term-forbidden"} and {f.severity for f in findings} == {Severity.MINOR}


def test_a_new_matcher_sends_the_edited_termbase(checker, review, shipped_termbase):
    units = review.units()
    before, _ = checker.check(units, review.matcher)
    edited = copy.deepcopy(shipped_termbase)
    forbidden = {f.term.concept for f in before if f.check == "term-forbidden"}
    edited.concepts = [c for c in edited.concepts if c.id not in forbidden]
    edited_matcher = TermMatcher([edited])
    after, _ = checker.check(units, edited_matcher)
    assert forbidden and after != before
    assert after == check_batch(units, edited_matcher)[0]
    assert not forbidden & {f.term.concept for f in after if f.term is not None}


def test_cancelling_stops_the_run_and_not_the_next(checker, review):
    units = review.units() * 20  # long enough to report progress

    def cancel(done: int, total: int, label: str) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        checker.check(units, review.matcher, None, cancel)
    findings, _ = checker.check(review.units(), review.matcher)
    assert findings == check_batch(review.units(), review.matcher)[0]


def test_an_error_in_the_child_is_reported_with_its_message(checker, review):
    with pytest.raises(CheckProcessError, match="no-such-check"):
        checker.check(review.units(), review.matcher, ["no-such-check"])
    assert checker.check(review.units(), review.matcher)[0]  # and the child goes on


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_child_is_replaced(review):
    process = CheckProcess()
    try:
        first, _ = process.check(review.units(), review.matcher)
        pid = process.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        again, _ = process.check(review.units(), review.matcher)
        assert again == first and process.pid not in (None, pid)
    finally:
        process.close()
    with pytest.raises(Cancelled):
        process.check(review.units(), review.matcher)  # closed for good


def test_frozen_review_data_leaves_no_cycles_behind(sample_path, shipped_termbase):
    """heap.settle() exempts the review's objects from collection; once dropped they must be
    freed by reference counting alone, or they would stay for the rest of the session."""
    documents = [read_document(sample_path), read_document(PLENARY)]
    make_review(documents, [shipped_termbase]).run_checks()  # first use imports jieba, whose import leaves cycles once
    gc.collect()
    review = make_review(documents, [shipped_termbase])
    with heap.paused():
        review.run_checks()
    heap.settle()
    assert review.findings and review.renderings
    del review
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        review_types = {"Review", "Document", "Segment", "Finding", "TermRef", "SegmentText", "TermHit", "Rendering", "ConceptRenderings", "CheckContext", "TermMatcher"}
        assert [type(o).__name__ for o in gc.garbage if type(o).__name__ in review_types] == []
    finally:
        gc.garbage.clear()
        gc.set_debug(0)


def test_a_child_that_cannot_start_is_reported_as_died(review, monkeypatch):
    import multiprocessing.context

    def refuse(self):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refuse)
    process = CheckProcess()
    with pytest.raises(CheckProcessDied, match="Resource temporarily unavailable"):
        process.check(review.units(), review.matcher)
    process.close()


def test_an_edit_in_place_during_the_run_does_not_shift_the_report(checker, review, shipped_termbase):
    """The termbase editor changes a termbase in place; a report still coming back by index must
    be read against the termbase as it was sent, and point at those very concept objects."""
    termbase = copy.deepcopy(shipped_termbase)
    matcher = TermMatcher([termbase])
    concepts = list(termbase.concepts)
    units = review.units()
    expected_findings, expected = check_batch(units, TermMatcher([copy.deepcopy(termbase)]))
    edited = []

    def edit(done: int, total: int, label: str) -> None:
        if not edited:  # what the editor's delete and reorder do, mid-run
            termbase.concepts.reverse()
            del termbase.concepts[:50]
            for c in termbase.concepts:
                c.en.reverse()
            edited.append(True)

    findings, groups = checker.check(units, matcher, None, edit)
    assert edited and findings == expected_findings

    def texts(gs):
        return [(g.concept.id, [(r.text, [(h.term.text, h.start, h.end) for _, h in r.occurrences]) for r in g.renderings]) for g in gs]

    assert texts(groups) == texts(expected)
    assert all(any(g.concept is c for c in concepts) for g in groups)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP")
def test_a_hung_child_is_replaced(review, monkeypatch):
    import reviewer.core.check_process as check_process

    monkeypatch.setattr(check_process, "HUNG_TIMEOUT", 3.0)
    process = CheckProcess()
    try:
        expected, _ = process.check(review.units(), review.matcher)
        pid = process.pid
        stopped = []

        def stop_it(done: int, total: int, label: str) -> None:
            if not stopped:
                os.kill(pid, signal.SIGSTOP)  # the child freezes in the middle of its run
                stopped.append(True)

        units = review.units() * 4
        findings, _ = process.check(units, review.matcher, None, stop_it)
        assert stopped and process.pid not in (None, pid)  # killed and replaced
        assert findings == check_batch(units, review.matcher)[0] and len(findings) > len(expected)
    finally:
        process.close()
