"""``tifa-reviewer-cli check --jobs/--jsonl/--scheduler``: each document checked on its own, in parallel.

The documents are checked in worker processes or on Dask (:mod:`reviewer.core.batch`) and
reported as they come, as text and as JSON Lines (``--jsonl``), with a progress line on a
terminal (:class:`_ProgressLine`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from reviewer.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from reviewer.cli_check import check_options, check_settings, parse_fail_on
from reviewer.core.paths import default_termbase
from reviewer.core.fileio import resolved


def run_check_batch(args: argparse.Namespace) -> int:
    """``check --jobs/--jsonl/--scheduler``: each document checked on its own, in parallel,
    streamed (:mod:`reviewer.core.batch`); memory stays flat however many files there are."""
    from reviewer.core.checks import Severity
    from reviewer.core.termbase import load_termbase
    from collections import Counter

    from reviewer.core.batch import BatchSummary, check_files, check_files_dask, default_jobs
    from reviewer.core.readers import collect_inputs

    def usage(message: str) -> int:
        print(f"tifa-reviewer-cli: error: {message}", file=sys.stderr)
        return EXIT_ERROR

    try:
        fail_on = parse_fail_on(args.fail_on)
    except ValueError as exc:
        return usage(f"--fail-on: {exc}")
    for flag, value in (("--json", args.json), ("--xlsx", args.xlsx), ("--source", args.source)):
        if value is not None:
            return usage(f"{flag} needs the whole batch in one process; it does not go with --jobs, --jsonl or --scheduler")
    if args.jobs is not None and args.jobs < 1:
        return usage("--jobs must be at least 1")
    problem = _jsonl_problem(args)
    if problem:
        return usage(problem)
    try:
        selected, severities = check_settings(args)
        options = check_options(args)
    except ValueError as exc:
        return usage(str(exc))
    termbases = [load_termbase(p) for p in (args.glossary or [default_termbase()])]
    for tb in termbases:
        for note in tb.notes:
            print(f"note: {tb.path}: {note}", file=sys.stderr)
    files = collect_inputs(args.inputs)
    named = {Path(p) for p in args.inputs if not Path(p).is_dir()}
    name_counts = Counter(p.name for p in files)
    jobs = args.jobs or default_jobs()
    bar = _ProgressLine(sys.stderr)
    if args.scheduler:
        records = check_files_dask(files, termbases, args.scheduler, jobs, selected, severities, bar, options=options)
    else:
        records = check_files(files, termbases, jobs, selected, severities, bar, options=options)
    report = sys.stderr if args.jsonl == "-" else sys.stdout
    summary, named_failed, started = BatchSummary(), False, time.monotonic()
    out, part = _open_jsonl(args.jsonl)
    try:
        for rec in records:
            summary.add(rec)
            if out is not None:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                out.flush()
            lines: list[tuple[str, TextIO]] = []
            if "error" in rec:
                failed_named = Path(rec["path"]) in named
                named_failed = named_failed or failed_named
                lines.append((f"{'tifa-reviewer-cli: error:' if failed_named else 'note: left out'} {rec['path']}: {rec['error']}", sys.stderr))
            else:
                if rec["encoding"] not in ("utf-8", "utf-8-sig"):
                    lines.append((f"note: {rec['path']} was read as {rec['encoding']}", report))
                lines += [(f"note: {rec['path']}: {warning}", report) for warning in rec["warnings"]]
                if not args.quiet:
                    name = Path(rec["path"]).name
                    doc = name if name_counts[name] == 1 else rec["path"]
                    for f in rec["findings"]:
                        fix = f" → {f['suggestion']!r}" if f["suggestion"] else ""
                        lines.append((f"{doc}:{f['segment']}:{f['start']}-{f['end']}: {f['severity']}: [{f['check']}] {f['message']}{fix}", report))
            if lines:
                bar.clear()  # the next update redraws it below these lines
            for text, stream in lines:
                print(text, file=stream)
        bar.close()
        if out is not None:
            where = {"scheduler": args.scheduler} if args.scheduler else {"jobs": min(jobs, len(files))}
            termbase = {"paths": [str(tb.path) for tb in termbases if tb.path], "names": [tb.name for tb in termbases], "concepts": sum(len(tb) for tb in termbases)}
            out.write(json.dumps(summary.to_json(**where, termbase=termbase, seconds=round(time.monotonic() - started, 3)), ensure_ascii=False) + "\n")
            out.flush()
            if part is not None:
                out.close()
                os.replace(part, args.jsonl)
                part = None
    finally:
        records.close()  # stops the workers now, not when the generator is collected
        bar.close()
        if part is not None and out is not None:  # interrupted or failed: no half-written OUT
            out.close()
            part.unlink(missing_ok=True)
    by_sev = ", ".join(f"{summary.severities[s.value]} {s.value}" for s in Severity if summary.severities[s.value]) or "no findings"
    left_out = f"; {summary.errors} file(s) could not be read" if summary.errors else ""
    print(f"{summary.documents} document(s), {summary.segments} segments, {summary.findings} findings ({by_sev}){left_out}", file=report)
    if summary.documents == 0:
        return usage("none of the files could be read")
    if named_failed:
        return EXIT_ERROR
    if fail_on is not None and summary.worst_rank() >= fail_on.rank:
        return EXIT_FINDINGS
    return EXIT_OK


def _jsonl_problem(args: argparse.Namespace) -> str | None:
    """Why ``--jsonl OUT`` cannot be written (or an input is given twice), checked before any work, or ``None``."""
    given = [resolved(i) for i in args.inputs]
    for i in given:
        if given.count(i) > 1:
            return f"{i} is given twice"
    value = args.jsonl
    if value is None or value == "-":
        return None
    if value == "":
        return "--jsonl needs a file name"
    p = Path(value)
    if p.is_dir():
        return f"--jsonl {value} is a folder; give a file name"
    if resolved(p) in {resolved(i) for i in [*args.inputs, *(args.glossary or [])]}:
        return f"--jsonl {value} is one of the inputs; it would be overwritten"
    if not p.parent.is_dir():
        return f"--jsonl {value}: the folder {p.parent} does not exist"
    if p.exists() and not args.force:
        return f"{value} already exists (use --force to overwrite)"
    return None


def _open_jsonl(value: str | None) -> tuple[TextIO | None, Path | None]:
    """The stream for ``--jsonl`` and, for a file, the temporary file that becomes it at the end."""
    if value is None:
        return None, None
    if value == "-":
        return sys.stdout, None
    import tempfile

    target = Path(value)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    return os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n"), Path(name)  # a non-UTF-8 file name: \udce9


class _ProgressLine:
    """``progress(done, total, label)`` drawn on a terminal: a tqdm bar when tqdm is installed,
    else one line redrawn with a carriage return; nothing when ``stream`` is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self._bar: Any = None
        self._shown = False
        self._drawn_at = 0.0
        self._started = time.monotonic()  # from the start, pool start-up included: an honest rate
        self._first = True

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self._first:
            self._first = False
            try:
                from tqdm import tqdm

                self._bar = tqdm(total=total, desc=label, unit="doc", file=self.stream, leave=False)
            except ImportError:
                pass
        if self._bar is not None:
            self._bar.update(done - self._bar.n)
            return
        if now - self._drawn_at < 0.2 and done < total:
            return
        self._drawn_at = now
        rate = done / max(now - self._started, 1e-6)
        left = (total - done) / rate if rate else 0.0
        self.stream.write(f"\r\x1b[K{label} {done}/{total} ({100 * done // max(total, 1)}%), {rate:.1f} files/s, {int(left) // 60}:{int(left) % 60:02} left")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Wipe the line before other output goes to the terminal (the next update redraws it)."""
        if self._bar is not None:
            self._bar.clear()
        elif self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def close(self) -> None:
        """Remove the bar for good."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        self.clear()
        self.enabled = False
