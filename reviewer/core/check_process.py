"""The checks in a separate process, so that a long check never holds this one's interpreter lock.

A window checking a 20,000-segment batch in one of its own threads shares the
interpreter lock with the GUI thread: every call Qt makes into Python (a table
row's text, a key press) waits for the checking thread to let go of it, and the
checking thread's garbage collections stop the window for up to 0.7 s at a time.
:class:`CheckProcess` runs :func:`reviewer.core.review.check_batch` in a child
process (``multiprocessing``, "spawn": a Qt process must not fork) and waits for
it in the calling thread, which spends the check blocked on a pipe.

What crosses the pipe, as pickles:

- to the child: the termbases and the matcher's fuzzy threshold once per
  matcher (a new matcher means an edited termbase), then per check the segments
  as ``(document, segment, text, source)`` tuples in chunks;
- back: progress reports (at most every 50 ms), the findings in chunks of
  :data:`CHUNK`, and the term-renderings report with every concept, term and
  segment replaced by its index. The parent puts its own objects back in, so a
  report's concepts are the very concepts of the open termbases, and the parent
  unpickles a little at a time rather than one long call.

The child builds its matcher once per termbase and keeps it. A cancelled check
stops the child at its next progress report. A child that dies (killed, out of
memory), or says nothing for :data:`HUNG_TIMEOUT` seconds while it checks (it
sends "alive" every second), is killed, started again, and the check is tried
once more.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
import traceback
from contextlib import ExitStack
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from reviewer.core import heap
from reviewer.core.checks import CheckOptions, Finding, SegmentText, Severity
from reviewer.core.consistency import ConceptRenderings, Rendering
from reviewer.core.errors import ReviewerError
from reviewer.core.matching import HitKind, TermHit, TermMatcher
from reviewer.core.progress import Cancelled, ProgressCallback
from reviewer.core.review import check_batch
from reviewer.core.termbase.model import Concept, Term

#: Findings (and segments) per pickle: small enough that unpickling one never keeps the
#: parent's other threads waiting long.
CHUNK = 2000

#: Seconds between two progress reports of the child.
PROGRESS_INTERVAL = 0.05

#: Seconds to wait for a stopping child before it is killed.
STOP_TIMEOUT = 5.0

#: Seconds between two "alive" messages of a child that is checking.
HEARTBEAT_INTERVAL = 1.0

#: Seconds without a word from a checking child before it is taken for hung (stopped, or stuck
#: in a deadlock), killed and replaced.
HUNG_TIMEOUT = 30.0


class CheckProcessError(ReviewerError):
    """The check failed in the checking process: its error message and traceback."""


class CheckProcessDied(CheckProcessError):
    """The checking process could not be started, or died twice in a row (the caller may check
    in its own process instead)."""


class CheckProcess:
    """A child process that runs the checks; call :meth:`check` from a worker thread.

    One check runs at a time: a second caller waits for the first (cancel it first to
    get on). :meth:`close` stops the child; it is also stopped when this process ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._matcher: TermMatcher | None = None  # the matcher whose termbases the child has
        self._sent: list[tuple[Concept, list[Term]]] = []  # its concepts and their terms, as sent
        self._run = 0  # numbers the runs, so a late "cancel" never stops the next one
        self._closed = False

    def check(
        self,
        units: Sequence[SegmentText],
        matcher: TermMatcher,
        checks: list[str] | None = None,
        progress: ProgressCallback | None = None,
        severities: dict[str, Severity] | None = None,
        options: CheckOptions | None = None,
    ) -> tuple[list[Finding], list[ConceptRenderings]]:
        """Check ``units`` in the child: what :func:`reviewer.core.review.check_batch` returns.

        ``progress`` is called in this thread, with the child's reports and every 0.1 s while
        waiting; it may raise :class:`~reviewer.core.progress.Cancelled`, which stops the child's
        run and is raised again here.

        Raises:
            CheckProcessError: the check failed in the child (its message and traceback).
            CheckProcessDied: the child could not start, or died twice in a row.
            Cancelled: ``progress`` cancelled the run.
        """
        with self._lock:
            for attempt in (1, 2):
                if self._closed:
                    raise Cancelled()
                try:
                    return self._check(units, matcher, checks, progress, severities, options)
                except (EOFError, OSError) as exc:  # the child died: start another, once
                    self._discard()
                    if self._closed:
                        raise Cancelled() from None
                    if attempt == 2:
                        raise CheckProcessDied(f"the checking process stopped unexpectedly ({exc or type(exc).__name__})") from None
                except (Cancelled, CheckProcessError):
                    raise  # the pipe is clean: the child said its last word on this run
                except BaseException:
                    self._discard()  # the pipe may hold the rest of the run
                    raise
            raise AssertionError("unreachable")

    def close(self) -> None:
        """Stop the child (waits up to :data:`STOP_TIMEOUT` seconds, then kills it). A check
        still running is cancelled; later ones raise :class:`Cancelled`."""
        self._closed = True
        if not self._lock.acquire(timeout=2.0):  # a check that does not stop: end the child under it
            if self._process is not None:
                self._process.kill()
            self._lock.acquire()
        try:
            self._stop()
        finally:
            self._lock.release()

    def _stop(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        self._matcher = None
        if conn is not None:
            try:
                conn.send(("stop",))
            except OSError:
                pass
            conn.close()
        if process is not None:
            process.join(STOP_TIMEOUT)
            if process.is_alive():
                process.kill()
                process.join(STOP_TIMEOUT)

    @property
    def pid(self) -> int | None:
        """The child's process id, once started."""
        return self._process.pid if self._process is not None else None

    # -- the parent side -------------------------------------------------------

    def _start(self) -> Connection:
        if self._conn is None:
            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe(duplex=True)
            process = context.Process(target=_serve, args=(child,), name="reviewer-checks", daemon=True)
            process.start()
            child.close()
            self._conn, self._process, self._matcher = parent, process, None
        return self._conn

    def _discard(self) -> None:
        process = self._process
        if self._conn is not None:
            self._conn.close()
        self._conn = self._process = None
        self._matcher = None
        if process is not None:
            process.join(0.5)
            if process.is_alive():
                process.kill()

    def _check(
        self,
        units: Sequence[SegmentText],
        matcher: TermMatcher,
        checks: list[str] | None,
        progress: ProgressCallback | None,
        severities: dict[str, Severity] | None,
        options: CheckOptions | None,
    ) -> tuple[list[Finding], list[ConceptRenderings]]:
        conn = self._start()
        if self._matcher is not matcher:
            # the report comes back by index into the termbases as sent; an edit made in place
            # since (the termbase editor's) must not shift them
            self._sent = [(c, _terms(c)) for c in _concepts(matcher)]
            conn.send(("termbases", matcher.termbases, matcher.fuzzy_threshold))
            self._matcher = matcher
        self._run += 1
        run = self._run
        conn.send(("check", run, len(units), checks, severities, options))
        for i in range(0, len(units), CHUNK):
            conn.send([(u.document, u.segment, u.text, u.source, u.date) for u in units[i : i + CHUNK]])
        with ExitStack() as receiving:
            return self._receive(conn, run, units, progress, receiving)

    def _receive(
        self, conn: Connection, run: int, units: Sequence[SegmentText], progress: ProgressCallback | None, receiving: ExitStack
    ) -> tuple[list[Finding], list[ConceptRenderings]]:
        findings: list[Finding] = []
        renderings: list[Any] = []
        cancelled = False
        heard = time.monotonic()
        while True:
            if not conn.poll(0.1):
                cancelled = cancelled or _report(progress, None, conn, run)
                if time.monotonic() - heard > HUNG_TIMEOUT:
                    raise OSError(f"the checking process has not answered for {HUNG_TIMEOUT:g} s")  # replaced, as a dead one
                continue
            message = conn.recv()
            heard = time.monotonic()
            kind = message[0]
            if kind == "alive":
                continue
            if kind == "progress":
                cancelled = cancelled or _report(progress, message[1:], conn, run)
            elif kind == "findings":
                if not findings:
                    receiving.enter_context(heap.paused())  # tens of thousands of objects that all live on
                findings.extend(message[1])
            elif kind == "renderings":
                renderings.extend(message[1])
            elif kind == "done":
                if cancelled or _report(progress, None, conn, run):
                    raise Cancelled()  # nobody wants this run any more: do not even decode it
                return findings, _decode_renderings(renderings, self._sent, units)
            elif kind == "cancelled":
                raise Cancelled()
            elif kind == "error":
                raise CheckProcessError(f"{message[1]}\n\n{message[2]}")


def _report(progress: ProgressCallback | None, values: tuple[int, int, str] | None, conn: Connection, run: int) -> bool:
    """Pass a progress report on (``values``; ``None``: only ask whether to go on); True when
    the caller cancelled, after telling the child."""
    if progress is None:
        return False
    try:
        if values is not None:
            progress(*values)
        else:
            is_cancelled = getattr(progress, "is_cancelled", None)
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
    except Cancelled:
        conn.send(("cancel", run))
        return True
    return False


# -- the child side ------------------------------------------------------------


def _serve(conn: Connection) -> None:
    """The child's loop: keep a matcher, check what comes, until told to stop or the parent goes."""
    try:
        _serve_until_stopped(_Sender(conn))
    except (EOFError, OSError):
        return  # the parent has gone (closed, or killed in the middle of a run): so does the child


class _Sender:
    """The child's end of the pipe: one sender at a time (the checking thread and the heartbeat)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.lock = threading.Lock()
        self.checking = threading.Event()

    def send(self, message: Any) -> None:
        with self.lock:
            self.conn.send(message)

    def recv(self) -> Any:
        return self.conn.recv()

    def poll(self) -> bool:
        return self.conn.poll()

    def heartbeat(self) -> None:
        """Say "alive" every :data:`HEARTBEAT_INTERVAL` seconds while a check runs (a check
        may go quiet for seconds between two progress reports; a stopped child goes quiet for good)."""
        while True:
            time.sleep(HEARTBEAT_INTERVAL)
            if self.checking.is_set():
                try:
                    self.send(("alive",))
                except (EOFError, OSError):
                    return


def _serve_until_stopped(conn: _Sender) -> None:
    threading.Thread(target=conn.heartbeat, name="reviewer-heartbeat", daemon=True).start()
    matcher: TermMatcher | None = None
    while True:
        message = conn.recv()
        kind = message[0]
        if kind == "stop":
            return
        if kind == "termbases":
            matcher = TermMatcher(message[1], message[2])
        elif kind == "check":
            _, run, count, checks, severities, options = message
            units: list[SegmentText] = []
            while len(units) < count:
                units.extend(SegmentText(*u) for u in conn.recv())
            conn.checking.set()
            try:
                _check_and_send(conn, run, units, matcher, checks, severities, options)
            finally:
                conn.checking.clear()


def _check_and_send(
    conn: _Sender, run: int, units: list[SegmentText], matcher: TermMatcher | None, checks: list[str] | None, severities: dict[str, Severity] | None, options: CheckOptions | None = None
) -> None:
    try:
        assert matcher is not None, "a check before any termbase"
        findings, renderings = check_batch(units, matcher, checks, _ChildProgress(conn, run), severities, options)
    except Cancelled:
        conn.send(("cancelled",))
        return
    except (EOFError, OSError):
        raise  # the pipe itself: the parent has gone
    except Exception as exc:  # sent to the parent, which reports it
        conn.send(("error", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        return
    for i in range(0, len(findings), CHUNK):
        conn.send(("findings", findings[i : i + CHUNK]))
    encoded = _encode_renderings(renderings, matcher, units)
    for i in range(0, len(encoded), 50):
        conn.send(("renderings", encoded[i : i + 50]))
    conn.send(("done",))


class _ChildProgress:
    """The child's progress callback: reports at most every :data:`PROGRESS_INTERVAL` seconds,
    and raises :class:`Cancelled` once the parent asked."""

    def __init__(self, conn: _Sender, run: int) -> None:
        self.conn = conn
        self.run = run
        self.last = 0.0

    def __call__(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_INTERVAL and done < total:
            return
        self.last = now
        while self.conn.poll():
            if self.conn.recv() == ("cancel", self.run):
                raise Cancelled()
        self.conn.send(("progress", done, total, label))


# -- the renderings report by index ---------------------------------------------
# A group: (concept index, renderings, index of the dominant rendering or -1); a rendering:
# (key, text, status, acceptable, occurrences); an occurrence: (unit index, term index, start,
# end, text, kind, score, classification). Concepts are numbered across the matcher's termbases
# in order, terms by their place in concept.en + concept.zh.


def _concepts(matcher: TermMatcher) -> list[Concept]:
    return [c for tb in matcher.termbases for c in tb.concepts]


def _terms(concept: Concept) -> list[Term]:
    return [*concept.en, *concept.zh]


def _encode_renderings(groups: list[ConceptRenderings], matcher: TermMatcher, units: list[SegmentText]) -> list[tuple[Any, ...]]:
    concept_index = {id(c): i for i, c in enumerate(_concepts(matcher))}
    unit_index = {id(u): i for i, u in enumerate(units)}
    encoded = []
    for g in groups:
        term_index = {id(t): i for i, t in enumerate(_terms(g.concept))}
        renderings = [
            (
                r.key,
                r.text,
                r.status,
                r.acceptable,
                [(unit_index[id(u)], term_index[id(h.term)], h.start, h.end, h.text, h.kind.value, h.score, h.classification) for u, h in r.occurrences],
            )
            for r in g.renderings
        ]
        dominant = next((i for i, r in enumerate(g.renderings) if r is g.dominant), -1)
        encoded.append((concept_index[id(g.concept)], renderings, dominant))
    return encoded


def _decode_renderings(encoded: list[tuple[Any, ...]], sent: list[tuple[Concept, list[Term]]], units: Sequence[SegmentText]) -> list[ConceptRenderings]:
    groups = []
    for concept_i, renderings, dominant in encoded:
        concept, terms = sent[concept_i]
        decoded = [
            Rendering(
                key,
                text,
                status,
                acceptable,
                [(units[u], TermHit(concept, terms[t], start, end, span, HitKind(kind), score, cls)) for u, t, start, end, span, kind, score, cls in occurrences],
            )
            for key, text, status, acceptable, occurrences in renderings
        ]
        groups.append(ConceptRenderings(concept, decoded, decoded[dominant] if dominant >= 0 else None))
    return groups
