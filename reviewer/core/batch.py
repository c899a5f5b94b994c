"""Archive-scale checking: many documents in parallel, one JSON-ready record per document.

:func:`check_files` checks files on every core with a :class:`~concurrent.futures.ProcessPoolExecutor`;
:func:`check_files_dask` runs the same per-document check on a Dask cluster (the optional
``distributed`` extra). Both stream: they yield one record per document and keep at most a
small window of documents in flight, so memory stays flat however large the archive.

Scope (the trade-off): each document is checked **on its own**, as a batch of one, so a worker
needs nothing but its file and the termbase. The per-segment checks find exactly what they
find in a batch. The checks that compare segments with each other (:data:`DOCUMENT_SCOPED`:
``term-inconsistent``, ``segment-inconsistent`` and the repeated-sentence part of
``repetition``) compare the segments of one document only, never across documents: that
would need the whole batch in one process, which is what ``tifa-reviewer-cli check`` without
``--jobs`` does (and what does not scale to an archive).

Records (see :func:`document_record`)::

    {"path", "format", "encoding", "metadata", "segments": <count>, "warnings": [...],
     "findings": [report.finding_json(...), ...]}
    {"path", "error": "<why the file could not be checked>"}        # instead of an exception
"""

from __future__ import annotations

import os
import signal
import uuid
from collections import Counter, deque
from collections.abc import Generator, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.core.checks import CheckOptions, Severity, get_check
from reviewer.core.errors import ReviewerError
from reviewer.core.matching import TermMatcher
from reviewer.core.progress import ProgressCallback, check_cancel
from reviewer.core.readers import collect_inputs, read_document
from reviewer.core.report import REPORT_VERSION, finding_json
from reviewer.core.review import Review
from reviewer.core.termbase import load_termbase
from reviewer.core.termbase.model import Termbase

#: Checks whose reach is one document in the parallel path (a batch-wide one in ``tifa-reviewer-cli check``).
DOCUMENT_SCOPED = ("term-inconsistent", "segment-inconsistent", "repetition")

#: Documents in flight per worker: enough to keep every worker busy, few enough to stay flat.
WINDOW_PER_WORKER = 4

Record = dict[str, Any]
TermbaseSource = str | Path | Termbase


class DocumentChecker:
    """Checks one document at a time against termbases loaded (and matched) once.

    Args:
        termbases: in priority order.
        checks: ids of the checks to run (``None``: all).
        severities: check id -> the severity all its findings get.
        options: the other check settings (subject, calque rules file).
    """

    def __init__(self, termbases: Sequence[Termbase], checks: Sequence[str] | None = None, severities: Mapping[str, Severity] | None = None, options: CheckOptions | None = None) -> None:
        self.termbases = list(termbases)
        self.matcher = TermMatcher(self.termbases)  # the costly part: built once, not per file
        self.checks = None if checks is None else list(checks)
        self.severities = dict(severities or {})
        self.options = options or CheckOptions()

    def check(self, path: str | Path) -> Record:
        """The record of one file: its findings, or an ``error`` record. Never raises
        (but :class:`KeyboardInterrupt`)."""
        try:
            doc = read_document(path)
            review = Review([doc], self.termbases, matcher=self.matcher, checks=self.checks, severities=self.severities, options=self.options)
            review.run_checks()
        except ReviewerError as exc:
            return {"path": str(path), "error": getattr(exc, "reason", str(exc))}
        except Exception as exc:  # a reader's bug on one odd file must not stop an archive
            return {"path": str(path), "error": f"could not be checked ({type(exc).__name__}: {exc})"}
        return document_record(review)


def document_record(review: Review) -> Record:
    """The record of the (single) document of ``review`` after its checks ran."""
    doc = review.documents[0]
    return {
        "path": review.doc_key(doc),
        "format": doc.format,
        "encoding": doc.encoding,
        "metadata": doc.metadata,
        "segments": len(doc.segments),
        "warnings": list(doc.warnings),
        "findings": [finding_json(f) for f in review.findings],
    }


@dataclass(slots=True)
class BatchSummary:
    """Running totals over the records of a stream (constant memory).

    Attributes:
        documents: documents checked.
        errors: files that could not be checked.
        segments: segments checked.
        severities: findings by severity.
        checks: findings by check id.
    """

    documents: int = 0
    errors: int = 0
    segments: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    checks: Counter[str] = field(default_factory=Counter)

    def add(self, record: Record) -> None:
        """Count one record."""
        if "error" in record:
            self.errors += 1
            return
        self.documents += 1
        self.segments += record["segments"]
        for f in record["findings"]:
            self.severities[f["severity"]] += 1
            self.checks[f["check"]] += 1

    @property
    def findings(self) -> int:
        """Findings in all."""
        return sum(self.severities.values())

    def worst_rank(self) -> int:
        """The rank (:attr:`Severity.rank`) of the most severe finding, ``-1`` without findings."""
        return max((Severity(s).rank for s, n in self.severities.items() if n), default=-1)

    def to_json(self, **extra: Any) -> Record:
        """The summary record that ends a JSON Lines stream: ``{"summary": {...}}``."""
        body: Record = {
            "version": REPORT_VERSION,
            "documents": self.documents,
            "errors": self.errors,
            "segments": self.segments,
            "findings": self.findings,
            "severities": {s.value: self.severities[s.value] for s in Severity if self.severities[s.value]},
            "checks": dict(sorted(self.checks.items())),
            "scope": "document",
        }
        body.update(extra)
        return {"summary": body}


def load_termbases(termbases: Iterable[TermbaseSource]) -> list[Termbase]:
    """Termbases from paths (loaded) or already loaded ones.

    Raises:
        InputError: a termbase cannot be read.
    """
    return [tb if isinstance(tb, Termbase) else load_termbase(tb) for tb in termbases]


def default_jobs() -> int:
    """The default number of worker processes: one per core."""
    return os.cpu_count() or 1


def check_files(
    paths: Sequence[str | Path],
    termbases: Sequence[TermbaseSource],
    jobs: int | None = None,
    checks: Sequence[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
    progress: ProgressCallback | None = None,
    *,
    ordered: bool = True,
    options: CheckOptions | None = None,
) -> Generator[Record, None, None]:
    """Check files (folders are expanded, see :func:`collect_inputs`) in ``jobs`` processes.

    Each document is checked on its own (see the module docstring for the checks this limits).
    The termbases are loaded here once, to fail early, and each worker process builds its
    matcher once, in the pool's initializer. ``jobs=1`` checks in this process, with no pool.

    Args:
        paths: files and folders.
        termbases: termbase paths (or loaded termbases), in priority order.
        jobs: worker processes (default: :func:`default_jobs`).
        checks: ids of the checks to run (``None``: all).
        severities: check id -> the severity all its findings get.
        progress: called with ``(done, total, "Checking")`` after each document; may raise
            (or signal through ``is_cancelled()``) :class:`~reviewer.core.progress.Cancelled`.
        options: the other check settings (subject, calque rules file).
        ordered: yield in input order (the default; a slow document holds back at most a
            window of ``jobs × 4`` finished ones) or, with ``False``, as documents finish.

    Returns:
        A generator of records, one per file (:func:`document_record` or an ``error`` record).
        Closing it (``close()``) stops the workers.

    Raises:
        InputError: a path does not exist, a folder has nothing to read, or a termbase
            cannot be read (raised here, before any work starts).
        KeyError: an unknown check id.
        ValueError: ``jobs`` below 1.
    """
    files = collect_inputs(list(paths))
    loaded = load_termbases(termbases)
    for c in checks or ():
        get_check(c)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    settings = (loaded, None if checks is None else list(checks), dict(severities or {}), options or CheckOptions())
    if jobs == 1 or len(files) == 1:
        return _check_here(files, settings, progress)
    return _check_in_pool(files, settings, min(jobs, len(files)), progress, ordered)


_Settings = tuple[list[Termbase], list[str] | None, dict[str, Severity], CheckOptions]


def _check_here(files: list[Path], settings: _Settings, progress: ProgressCallback | None) -> Generator[Record, None, None]:
    checker = DocumentChecker(*settings)
    for n, path in enumerate(files, 1):
        check_cancel(progress)
        yield checker.check(path)
        if progress:
            progress(n, len(files), "Checking")


_WORKER_CHECKER: DocumentChecker | None = None


def _start_worker(termbases: list[Termbase], checks: list[str] | None, severities: dict[str, Severity], options: CheckOptions) -> None:
    """Pool initializer: the worker's one checker (termbase matched once per process)."""
    global _WORKER_CHECKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle; it stops the pool
    _WORKER_CHECKER = DocumentChecker(termbases, checks, severities, options)


def _check_in_worker(path: str) -> Record:
    assert _WORKER_CHECKER is not None, "the pool initializer did not run"
    return _WORKER_CHECKER.check(path)


def _check_in_pool(files: list[Path], settings: _Settings, jobs: int, progress: ProgressCallback | None, ordered: bool) -> Generator[Record, None, None]:
    window = jobs * WINDOW_PER_WORKER
    pending = iter(files)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=settings)
    try:
        in_flight: deque[tuple[Path, Future[Record]]] = deque()

        def refill() -> None:
            while len(in_flight) < window:
                path = next(pending, None)
                if path is None:
                    return
                in_flight.append((path, pool.submit(_check_in_worker, str(path))))

        done = 0
        refill()
        while in_flight:
            check_cancel(progress)
            if ordered:
                path, future = in_flight.popleft()
            else:
                wait([f for _, f in in_flight], return_when=FIRST_COMPLETED)
                path, future = next(item for item in in_flight if item[1].done())
                in_flight.remove((path, future))
            record = _result(path, future)
            refill()
            done += 1
            yield record
            if progress:
                progress(done, len(files), "Checking")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(path: Path, future: Future[Record]) -> Record:
    try:
        return future.result()
    except Exception as exc:  # a worker that died (killed, out of memory) breaks the whole pool
        raise ReviewerError(f"a worker process failed while checking {path} ({type(exc).__name__}: {exc})") from exc


# -- Dask distributed ---------------------------------------------------------


@dataclass(slots=True)
class _Shipment:
    """What every Dask worker needs, scattered once to each of them (``broadcast=True``)."""

    token: str
    termbases: list[Termbase]
    checks: list[str] | None
    severities: dict[str, Severity]
    options: CheckOptions = field(default_factory=CheckOptions)


_DASK_CHECKER: tuple[str, DocumentChecker] | None = None


def _check_on_dask(paths: list[str], shipment: _Shipment) -> list[Record]:
    """A Dask task over a few files: the worker builds its checker from the shipment once, then reuses it."""
    global _DASK_CHECKER
    if _DASK_CHECKER is None or _DASK_CHECKER[0] != shipment.token:
        _DASK_CHECKER = (shipment.token, DocumentChecker(shipment.termbases, shipment.checks, shipment.severities, shipment.options))
    return [_DASK_CHECKER[1].check(p) for p in paths]


def check_files_dask(
    paths: Sequence[str | Path],
    termbases: Sequence[TermbaseSource],
    scheduler: str = "local",
    jobs: int | None = None,
    checks: Sequence[str] | None = None,
    severities: Mapping[str, Severity] | None = None,
    progress: ProgressCallback | None = None,
    *,
    chunk: int = 16,
    options: CheckOptions | None = None,
) -> Generator[Record, None, None]:
    """:func:`check_files` on Dask distributed, yielding records **as tasks finish** (each
    task checks ``chunk`` files, in input order within the task).

    The loaded termbases are scattered once to every worker (``broadcast=True``); each worker
    builds its matcher from them once. The workers read the files themselves, so the paths
    must be readable on every worker (a shared file system); give absolute paths to a remote
    cluster. At most ``workers × 2`` tasks are in flight: memory stays flat.

    Args:
        scheduler: ``"local"`` for a :class:`distributed.LocalCluster` of ``jobs`` worker
            processes (one thread each), or a scheduler address such as ``tcp://host:8786``.
        jobs: worker processes of the local cluster (default: one per core); ignored for
            an address.
        chunk: files per Dask task (a task costs the scheduler about a millisecond or more;
            a document takes some 15 ms to check).
        paths, termbases, checks, severities, progress: as for :func:`check_files`.

    Raises:
        ReviewerError: Dask distributed is not installed, or the scheduler cannot be reached.
        InputError, KeyError, ValueError: as for :func:`check_files`.
    """
    try:
        import distributed  # noqa: F401  (imported lazily: an optional extra)
    except ImportError:
        raise ReviewerError('--scheduler needs Dask distributed: pip install "reviewer[distributed]"') from None
    files = collect_inputs(list(paths))
    loaded = load_termbases(termbases)
    for c in checks or ():
        get_check(c)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1 or chunk < 1:
        raise ValueError("jobs and chunk must be at least 1")
    shipment = _Shipment(uuid.uuid4().hex, loaded, None if checks is None else list(checks), dict(severities or {}), options or CheckOptions())
    return _check_on_cluster(files, shipment, scheduler, jobs, progress, chunk)


def _start_local_cluster(local_cluster: Any, jobs: int, log_level: int) -> Any:
    """A LocalCluster of ``jobs`` single-threaded worker processes that ignore Ctrl+C (the
    client's process handles it and closes the cluster; the workers would print tracebacks)."""
    import threading

    import importlib

    dask: Any = importlib.import_module("dask")
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main_thread else None  # inherited by the workers
    try:
        with dask.config.set({"distributed.worker.profile.enabled": False}):  # its stack sampling every 10 ms costs CPU
            return local_cluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=log_level)
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous)


def _check_on_cluster(
    files: list[Path], shipment: _Shipment, scheduler: str, jobs: int, progress: ProgressCallback | None, chunk: int
) -> Generator[Record, None, None]:
    import importlib
    import logging

    dd: Any = importlib.import_module("distributed")  # untyped, and optional: kept as Any for mypy
    Client, LocalCluster, as_completed = dd.Client, dd.LocalCluster, dd.as_completed
    cluster = None
    try:
        if scheduler == "local":
            cluster = _start_local_cluster(LocalCluster, jobs, logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except Exception as exc:  # OSError, TimeoutError, a worker that failed to start, a bad address
        if cluster is not None:
            cluster.close()
        what = "start a local Dask cluster" if scheduler == "local" else f"reach the Dask scheduler {scheduler}"
        raise ReviewerError(f"cannot {what} ({type(exc).__name__}: {exc})") from None
    try:
        shipped = client.scatter(shipment, broadcast=True)
        window = max(1, sum(client.nthreads().values())) * 2
        chunks = (files[i : i + chunk] for i in range(0, len(files), chunk))
        tasks: dict[Any, list[Path]] = {}
        queue = as_completed()

        def submit() -> None:
            paths = next(chunks, None)
            if paths is not None:
                future = client.submit(_check_on_dask, [str(p) for p in paths], shipped, pure=False)
                tasks[future.key] = paths
                queue.add(future)

        for _ in range(window):
            submit()
        done = 0
        for future in queue:
            check_cancel(progress)
            paths = tasks.pop(future.key)
            try:
                records: list[Record] = future.result()
            except Exception as exc:  # the task's worker died (KilledWorker) or the cluster failed
                records = [{"path": str(p), "error": f"could not be checked on the cluster ({type(exc).__name__}: {exc})"} for p in paths]
            future.release()
            submit()
            for record in records:
                done += 1
                yield record
                if progress:
                    progress(done, len(files), "Checking")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
