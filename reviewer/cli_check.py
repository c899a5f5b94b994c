"""``tifa-reviewer-cli check``: the whole batch in one process, with its text, JSON and workbook reports.

The settings shared with the parallel path (:mod:`reviewer.cli_batch`): the checks to run and
their severities, the subject and calque rules, and the ``--fail-on`` threshold. The checks,
the readers and openpyxl are imported when the command runs, not with this module.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from reviewer.core.errors import ReviewerError
from reviewer.core.paths import default_termbase
from reviewer.core.fileio import resolved

if TYPE_CHECKING:
    from reviewer.core.checks import CheckOptions, Severity


def run_check(args: argparse.Namespace) -> int:
    """``check`` in one process: the whole batch in one review, so that term-inconsistent,
    segment-inconsistent and repeated sentences are compared across it; the findings as text,
    and the JSON report (``--json``) and the review workbook (``--xlsx``) on request.

    Returns:
        The exit status.

    Raises:
        ReviewerError: an input cannot be read (the caller prints it).
    """
    from reviewer.core.checks import Severity
    from reviewer.core.readers import read_batch
    from reviewer.core.report import review_json
    from reviewer.core.review import make_review
    from reviewer.core.termbase import load_termbase
    from reviewer.core.workbook import export_workbook
    try:
        fail_on = parse_fail_on(args.fail_on)
    except ValueError as exc:
        print(f"tifa-reviewer-cli: error: --fail-on: {exc}", file=sys.stderr)
        return EXIT_ERROR
    problem = _output_problem(args)
    if problem:
        print(f"tifa-reviewer-cli: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        selected, severities = check_settings(args)
        options = check_options(args)
    except ValueError as exc:
        print(f"tifa-reviewer-cli: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    termbases = [load_termbase(p) for p in (args.glossary or [default_termbase()])]
    for tb in termbases:
        for note in tb.notes:
            print(f"note: {tb.path}: {note}", file=sys.stderr)
    if args.source:
        from reviewer.core.matching import TermMatcher
        from reviewer.core.readers.parallel import read_parallel

        documents = [read_parallel(Path(args.inputs[0]), Path(args.source), TermMatcher(termbases))]
    else:
        documents, batch_notes = read_batch(args.inputs)
        for note in batch_notes:
            print(f"note: {note}", file=sys.stderr)
    review = make_review(documents, termbases)
    review.checks, review.severities = selected, severities
    review.options = options
    findings = review.run_checks()
    if args.json:
        text = json.dumps(review_json(review), ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            from reviewer.core.fileio import atomic_write_bytes

            # a file name that is not UTF-8 (surrogates) becomes a JSON escape, \udce9
            atomic_write_bytes(Path(args.json), (text + "\n").encode("utf-8", "backslashreplace"))
    if args.xlsx:
        export_workbook(review, args.xlsx, reviewer=args.reviewer, overwrite=True)
    report = sys.stderr if args.json == "-" else sys.stdout
    for d in documents:
        if d.encoding not in ("utf-8", "utf-8-sig"):
            print(f"note: {d.path} was read as {d.encoding}", file=report)
        for warning in d.warnings:
            print(f"note: {d.path}: {warning}", file=report)
    names = [d.name for d in documents]
    if not args.quiet:
        for f in findings:
            d = review.document(f.document)
            doc = d.name if names.count(d.name) == 1 else f.document  # two news.xlf in a batch: the path tells them apart
            fix = f" → {f.suggestion!r}" if f.suggestion else ""
            print(f"{doc}:{f.segment}:{f.start}-{f.end}: {f.severity.value}: [{f.check}] {f.message}{fix}", file=report)
    by_sev = {s: sum(f.severity is s for f in findings) for s in Severity}
    summary = ", ".join(f"{n} {s.value}" for s, n in by_sev.items() if n) or "no findings"
    segs = sum(len(d.segments) for d in documents)
    print(f"{len(documents)} document(s), {segs} segments, {len(findings)} findings ({summary})", file=report)
    if fail_on is not None and any(f.severity.rank >= fail_on.rank for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK


def parse_fail_on(text: str) -> Severity | None:
    """The ``--fail-on`` threshold: a severity, or ``None`` for ``none`` (never fail).

    Raises:
        ValueError: neither a severity nor ``none``.
    """
    from reviewer.core.checks import Severity
    if text.strip().lower() == "none":
        return None
    try:
        return Severity.parse(text)
    except ValueError:
        raise ValueError(f"unknown severity '{text}' (use {', '.join(s.value for s in Severity)} or none)") from None


def check_settings(args: argparse.Namespace) -> tuple[list[str] | None, dict[str, Severity]]:
    """The checks to run and the severity overrides from --checks, --skip and --severity.

    Raises:
        ValueError: an unknown check id or severity.
    """
    from reviewer.core.checks import Severity, all_checks
    known = [cls.id for cls in all_checks()]

    def ids(text: str, flag: str) -> list[str]:
        out = [i.strip() for i in text.split(",") if i.strip()]
        for i in out:
            if i not in known:
                raise ValueError(f"{flag}: unknown check '{i}' (checks: {', '.join(known)})")
        return out

    selected = ids(args.checks, "--checks") if args.checks else None
    if args.skip:
        skip = set(ids(args.skip, "--skip"))
        selected = [i for i in (selected or known) if i not in skip]
    severities: dict[str, Severity] = {}
    for item in args.severity or []:
        check_id, _, level = item.partition("=")
        ids(check_id, "--severity")
        severities[check_id.strip()] = Severity.parse(level)
    return selected, severities


def check_options(args: argparse.Namespace) -> CheckOptions:
    """The subject and calque rules settings of ``check``; the rules file is read here, so that
    a bad one stops the run before any work.

    Raises:
        ValueError: the calque rules file cannot be read (its reason).
    """
    from reviewer.core.checks import CheckOptions
    from reviewer.core.checks.base import calque_rules
    if args.calque_rules:
        try:
            calque_rules(args.calque_rules)
        except ReviewerError as exc:
            raise ValueError(f"--calque-rules: {exc}") from None
    return CheckOptions(subject=args.subject, calque_rules=args.calque_rules)


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why the requested outputs cannot be written, checked before any work, or ``None``."""
    outputs = [(flag, value) for flag, value in (("--json", args.json), ("--xlsx", args.xlsx)) if value is not None]
    inputs = {resolved(p) for p in [*args.inputs, *(args.glossary or [])]}
    seen: set[Path] = set()
    for flag, value in outputs:
        if value == "":
            return f"{flag} needs a file name"
        if value == "-":
            continue
        if resolved(value) in seen:
            return f"--json and --xlsx name the same file {value}"
        seen.add(resolved(value))
        problem = output_path_problem(flag, value, inputs, args.force)
        if problem:
            return problem
    if args.xlsx and args.xlsx != "-" and not args.xlsx.lower().endswith(".xlsx"):
        return f"--xlsx {args.xlsx}: a review workbook must be an .xlsx file"
    if args.xlsx == "-":
        return "--xlsx cannot write to standard output; give a file name"
    if args.source and len(args.inputs) != 1:
        return "--source goes with exactly one INPUT (the MT of that source)"
    if args.source:
        inputs.add(resolved(args.source))
    given = [resolved(p) for p in args.inputs]
    for p in given:
        if given.count(p) > 1:
            return f"{p} is given twice"
    return None


def output_path_problem(flag: str, value: str, inputs: set[Path], force: bool) -> str | None:
    """Why the output file ``value`` of ``flag`` cannot be written, or ``None``."""
    p = Path(value)
    if p.is_dir():
        return f"{flag} {value} is a folder; give a file name"
    if resolved(p) in inputs:
        return f"{flag} {value} is one of the inputs; it would be overwritten"
    if not p.parent.is_dir():
        return f"{flag} {value}: the folder {p.parent} does not exist"
    if p.exists() and not force:
        return f"{value} already exists (use --force to overwrite)"
    return None
