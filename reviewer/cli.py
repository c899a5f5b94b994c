"""``tifa-reviewer-cli``: the headless checks over the same core as the GUI.

Exit status: 0 when no finding is at or above ``--fail-on``, 1 when some are,
2 for a usage or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from reviewer import __version__
from reviewer.core.calques.gate import SUBJECTS
from reviewer.core.errors import ReviewerError
from reviewer.core.paths import SHIPPED_TERMBASE, default_termbase

if TYPE_CHECKING:
    from reviewer.core.checks import CheckOptions, Severity
    from reviewer.core.project import Project
    from reviewer.core.review import Review

# The checks, the readers, openpyxl, python-docx and sacrebleu are imported by the commands that
# use them, not here: ``--help`` and a bad argument answer at once (benchmarks/bench_startup.py).

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    parser = _Parser(prog="tifa-reviewer-cli", description="Check machine-translated Chinese political news against a termbase.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="check articles and report findings")
    check.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="articles or folders to check (.txt, .docx, .xlf/.xliff/.sdlxliff/.mqxliff, .tmx, .csv/.tsv/.xlsx); several make one batch",
    )
    check.add_argument("--source", metavar="SRC", help="the Chinese source of a single INPUT, as a separate .txt or .docx file: the two are aligned sentence by sentence")
    check.add_argument("--glossary", action="append", metavar="PATH", help=f"termbase (.tbx); repeat for several, first wins; default: your edited copy of {SHIPPED_TERMBASE.name} if the termbase editor saved one, else the shipped one")
    check.add_argument("--json", metavar="PATH", help="write the JSON report to PATH ('-' for standard output)")
    check.add_argument("--xlsx", metavar="PATH", help="write the review workbook to PATH")
    check.add_argument("--force", action="store_true", help="overwrite existing --json/--xlsx files")
    check.add_argument("--reviewer", default="", help="reviewer name for the workbook")
    check.add_argument(
        "--fail-on",
        default="minor",
        metavar="SEVERITY",
        help="exit 1 when a finding is at or above SEVERITY: critical, major, minor (default) or neutral; 'none' never fails",
    )
    check.add_argument("--quiet", "-q", action="store_true", help="print no findings, only the summary line")
    check.add_argument("--checks", metavar="IDS", help="run only these checks (comma-separated ids; see 'tifa-reviewer-cli checks')")
    check.add_argument("--skip", metavar="IDS", help="do not run these checks (comma-separated ids)")
    check.add_argument("--severity", metavar="ID=LEVEL", action="append", help="give all findings of a check this severity, e.g. punctuation=neutral; repeatable")
    check.add_argument(
        "--subject",
        choices=SUBJECTS,
        default="auto",
        help="is the text about Chinese government and Party affairs? 'auto' (default): decided per document from its signs; 'china' or 'other': "
        "declared. term-literal, calque and the termbase's variants that are ordinary English run only on such text",
    )
    check.add_argument("--calque-rules", metavar="FILE", help="the calque rules file (TOML) for the calque check (default: the shipped glossaries/calque-rules.toml)")
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        metavar="N",
        help="check the documents in N processes (default with --jsonl/--scheduler: one per core); each document is checked on its own, so "
        "term-inconsistent, segment-inconsistent and repeated sentences are compared within a document, not across the batch",
    )
    check.add_argument("--jsonl", metavar="OUT", help="stream JSON Lines to OUT ('-' for standard output): one document a line, then a summary line; checks each document on its own, as --jobs")
    check.add_argument("--scheduler", metavar="ADDRESS", help="check on Dask distributed: a scheduler address, or 'local' for a local cluster of --jobs worker processes (needs the 'distributed' extra)")
    sub.add_parser("checks", help="list the checks")
    cand = sub.add_parser(
        "candidates",
        help="list frequent phrases that no concept of the termbase covers (candidate terms)",
        description="Frequent English phrases (and Chinese ones, when the files hold the source) that no "
        "concept of the termbase covers, best first (C-value). Exit 0, or 2 on bad input.",
    )
    cand.add_argument("inputs", nargs="+", metavar="INPUT", help="articles or folders, as for check")
    cand.add_argument("--glossary", action="append", metavar="PATH", help="termbase (.tbx); repeat for several; default political-terms.tbx")
    cand.add_argument("--min-count", type=int, default=3, metavar="N", help="fewest occurrences, 2 or more (default 3)")
    cand.add_argument("--limit", type=int, default=100, metavar="N", help="most candidates listed (default 100)")
    cand.add_argument("--csv", metavar="PATH", help="also write them to a CSV file (UTF-8 with BOM, for Excel)")
    cand.add_argument("--force", action="store_true", help="overwrite the --csv file")
    exp_review = sub.add_parser("export-review", help="write the review workbook of a project")
    exp_review.add_argument("project", metavar="PROJECT", help="a .reviewer project file")
    exp_review.add_argument("--output", "-o", required=True, metavar="OUT", help="the .xlsx workbook to write")
    exp_review.add_argument("--reviewer", default="", help="reviewer name for the workbook")
    exp_review.add_argument("--force", action="store_true", help="overwrite OUT")
    imp_review = sub.add_parser("import-review", help="read an edited review workbook back into its project")
    imp_review.add_argument("workbook", metavar="WORKBOOK", help="the edited .xlsx workbook")
    imp_review.add_argument("--project", required=True, metavar="PROJECT", help="the .reviewer project it was exported from")
    imp_review.add_argument("--dry-run", action="store_true", help="show the changes and conflicts, apply nothing")
    glossary = sub.add_parser("glossary", help="validate, import, export or count termbases")
    gsub = glossary.add_subparsers(dest="action", required=True, parser_class=_Parser)
    validate = gsub.add_parser("validate", help="report problems; exit 1 when there are errors")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("--strict", action="store_true", help="warnings count as errors too")
    imp = gsub.add_parser("import", help="import a CSV/TSV/XLSX glossary into a TBX file, with a report")
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--output", "-o", required=True, metavar="OUT", help="the .tbx (or .csv/.tsv/.xlsx) to write")
    imp.add_argument("--sheet", help="the workbook sheet to read (default: the first with a glossary)")
    imp.add_argument("--columns", metavar="MAP", help="column mapping, e.g. zh=A,en=C,status=D (default: guessed from the header)")
    imp.add_argument("--header-row", type=int, metavar="N", help="1-based header row (0: no header); with --columns")
    imp.add_argument("--delimiter", metavar="CHAR", help="the CSV/TSV delimiter: one character, or tab, comma, semicolon, pipe (default: sniffed)")
    imp.add_argument("--force", action="store_true", help="overwrite OUT")
    exp = gsub.add_parser("export", help="convert a termbase to .tbx, .csv (UTF-8 with BOM), .tsv or .xlsx")
    exp.add_argument("path", metavar="PATH")
    exp.add_argument("--output", "-o", required=True, metavar="OUT")
    exp.add_argument("--force", action="store_true", help="overwrite OUT")
    exp.add_argument("--tbx-core", action="store_true", help="write TBX-Core (terms only) instead of TBX-Basic")
    stats = gsub.add_parser("stats", help="concepts and terms by status and subject")
    stats.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    from reviewer.core.checks import all_checks
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show “ or 两 gets escapes, not a crash
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "checks":
            for cls in all_checks():
                print(f"{cls.id:18} {cls.severity.value:8} {cls.description}")
            return EXIT_OK
        if args.command == "glossary":
            from reviewer.glossary_cli import run_glossary

            return run_glossary(args)
        if args.command in ("export-review", "import-review"):
            return _review_workbook(args)
        if args.command == "candidates":
            return _candidates(args)
        return _check(args)
    except ReviewerError as exc:
        print(f"tifa-reviewer-cli: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("tifa-reviewer-cli: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `tifa-reviewer-cli check ... | head`: the reader has gone, which is fine
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # standard output itself failed (a full disk behind a redirection)
        _silence_stdout()
        print(f"tifa-reviewer-cli: error: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_ERROR


def _check_options(args: argparse.Namespace) -> CheckOptions:
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


def _check_settings(args: argparse.Namespace) -> tuple[list[str] | None, dict[str, Severity]]:
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


def _open_project(path: str) -> tuple[Project, Review]:
    """A project, its review with the saved work, and its findings checked again.

    Raises:
        ReviewerError: the project cannot be opened, or its termbases cannot be read.
    """
    from reviewer.core.project import Project
    from reviewer.core.review import make_review
    from reviewer.core.termbase import load_termbase
    project = Project.open(Path(path))
    paths = [p for p in project.termbase_paths() if p.is_file()] or [default_termbase()]
    for missing in (p for p in project.termbase_paths() if not p.is_file()):
        print(f"note: the project's termbase {missing} is gone; using {paths[0]}", file=sys.stderr)
    review = make_review(project.documents(), [load_termbase(p) for p in paths])
    for note in project.load_into(review):
        print(f"note: {note}", file=sys.stderr)
    review.run_checks()
    return project, review


def _review_workbook(args: argparse.Namespace) -> int:
    from reviewer.core.workbook import export_workbook
    from reviewer.core.review_import import apply_import, plan_import

    if args.command == "export-review":
        out = Path(args.output)
        if out.exists() and not args.force:
            print(f"tifa-reviewer-cli: error: {out} already exists (use --force to overwrite)", file=sys.stderr)
            return EXIT_ERROR
        project, review = _open_project(args.project)
        try:
            export_workbook(review, out, reviewer=args.reviewer, overwrite=True, project_id=project.project_id)
        finally:
            project.close()
        print(f"wrote {out}")
        return EXIT_OK
    project, review = _open_project(args.project)
    try:
        plan = plan_import(review, args.workbook, project.project_id)
        for c in plan.segment_changes:
            print(f"segment {c.name}:{c.segment} {c.field}: {c.old!r} → {c.new!r}")
        for d in plan.decision_changes:
            note = f" (note: {d.new_note})" if d.new_note != d.old_note else ""
            print(f"finding {d.finding.id} (segment {d.finding.segment}) [{d.finding.check}] {d.finding.text!r}: {d.old} → {d.new}{note}")
        for n in plan.notes:
            print(f"note: {n}")
        for conflict in plan.conflicts:
            print(f"conflict: {conflict}", file=sys.stderr)
        if plan.blocked:
            return EXIT_ERROR
        if args.dry_run:
            print(f"{len(plan.segment_changes) + len(plan.decision_changes)} change(s), {len(plan.conflicts)} conflict(s); nothing applied (--dry-run)")
        else:
            applied = apply_import(review, plan)
            project.record_all(review)
            print(f"applied {applied} change(s) to {args.project}; {len(plan.conflicts)} conflict(s) left alone")
    finally:
        project.close()
    return EXIT_FINDINGS if plan.conflicts else EXIT_OK


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _output_path_problem(flag: str, value: str, inputs: set[Path], force: bool) -> str | None:
    """Why the output file ``value`` of ``flag`` cannot be written, or ``None``."""
    p = Path(value)
    if p.is_dir():
        return f"{flag} {value} is a folder; give a file name"
    if p.resolve() in inputs:
        return f"{flag} {value} is one of the inputs; it would be overwritten"
    if not p.parent.is_dir():
        return f"{flag} {value}: the folder {p.parent} does not exist"
    if p.exists() and not force:
        return f"{value} already exists (use --force to overwrite)"
    return None


def _output_problem(args: argparse.Namespace) -> str | None:
    """Why the requested outputs cannot be written, checked before any work, or ``None``."""
    outputs = [(flag, value) for flag, value in (("--json", args.json), ("--xlsx", args.xlsx)) if value is not None]
    inputs = {Path(p).resolve() for p in [*args.inputs, *(args.glossary or [])]}
    seen: set[Path] = set()
    for flag, value in outputs:
        if value == "":
            return f"{flag} needs a file name"
        if value == "-":
            continue
        if Path(value).resolve() in seen:
            return f"--json and --xlsx name the same file {value}"
        seen.add(Path(value).resolve())
        problem = _output_path_problem(flag, value, inputs, args.force)
        if problem:
            return problem
    if args.xlsx and args.xlsx != "-" and not args.xlsx.lower().endswith(".xlsx"):
        return f"--xlsx {args.xlsx}: a review workbook must be an .xlsx file"
    if args.xlsx == "-":
        return "--xlsx cannot write to standard output; give a file name"
    if args.source and len(args.inputs) != 1:
        return "--source goes with exactly one INPUT (the MT of that source)"
    if args.source:
        inputs.add(Path(args.source).resolve())
    resolved = [Path(p).resolve() for p in args.inputs]
    for p in resolved:
        if resolved.count(p) > 1:
            return f"{p} is given twice"
    return None


def _candidates(args: argparse.Namespace) -> int:
    """``tifa-reviewer-cli candidates``: the batch's candidate terms as a table (and a CSV file)."""
    from reviewer.core.readers import read_batch
    from reviewer.core.review import make_review
    from reviewer.core.termbase import load_termbase
    import csv
    import io

    from reviewer.core.fileio import atomic_write_bytes
    from reviewer.core.term_extraction import extract_candidates

    if args.min_count < 2 or args.limit < 1:
        print("tifa-reviewer-cli: error: --min-count must be at least 2 (a phrase seen once is no candidate) and --limit at least 1", file=sys.stderr)
        return EXIT_ERROR
    if args.csv:
        inputs = {Path(p).resolve() for p in [*args.inputs, *(args.glossary or [])]}
        problem = _output_path_problem("--csv", args.csv, inputs, args.force)
        if problem:
            print(f"tifa-reviewer-cli: error: {problem}", file=sys.stderr)
            return EXIT_ERROR
    termbases = [load_termbase(p) for p in (args.glossary or [default_termbase()])]
    documents, notes = read_batch(args.inputs)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    review = make_review(documents, termbases)
    assert review.matcher is not None
    found = extract_candidates(review.units(), review.matcher, args.min_count, limit=args.limit)
    names = {review.doc_key(d): d.name for d in documents}
    many = len(documents) > 1

    def where(c: Any) -> str:
        return ", ".join(f"{names.get(d, d)}:{s}" if many else s for d, s in c.places[:5])

    print(f"{'score':>7} {'count':>6} {'docs':>5}  lang  candidate")
    for c in found:
        print(f"{c.score:7.1f} {c.count:6d} {c.documents:5d}  {c.language:4}  {c.text}   [{where(c)}]")
    print(f"{len(found)} candidate term(s) in {len(documents)} document(s) that the termbase does not cover", file=sys.stderr)
    if args.csv:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["candidate", "language", "count", "documents", "score", "segments"])
        for c in found:
            text = "'" + c.text if c.text[:1] in "=+-@" else c.text  # never a formula in Excel
            writer.writerow([text, c.language, c.count, c.documents, c.score, where(c)])
        atomic_write_bytes(Path(args.csv), ("\ufeff" + out.getvalue()).encode("utf-8"))
    return EXIT_OK


def _fail_on(text: str) -> Severity | None:
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


def _check(args: argparse.Namespace) -> int:
    from reviewer.core.checks import Severity
    from reviewer.core.readers import read_batch
    from reviewer.core.report import review_json
    from reviewer.core.review import make_review
    from reviewer.core.termbase import load_termbase
    from reviewer.core.workbook import export_workbook
    if args.jobs is not None or args.jsonl is not None or args.scheduler is not None:
        return _check_parallel(args)
    try:
        fail_on = _fail_on(args.fail_on)
    except ValueError as exc:
        print(f"tifa-reviewer-cli: error: --fail-on: {exc}", file=sys.stderr)
        return EXIT_ERROR
    problem = _output_problem(args)
    if problem:
        print(f"tifa-reviewer-cli: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    try:
        selected, severities = _check_settings(args)
        options = _check_options(args)
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

            atomic_write_bytes(Path(args.json), (text + "\n").encode("utf-8"))
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


def _check_parallel(args: argparse.Namespace) -> int:
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
        fail_on = _fail_on(args.fail_on)
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
        selected, severities = _check_settings(args)
        options = _check_options(args)
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
    resolved = [Path(i).resolve() for i in args.inputs]
    for i in resolved:
        if resolved.count(i) > 1:
            return f"{i} is given twice"
    value = args.jsonl
    if value is None or value == "-":
        return None
    if value == "":
        return "--jsonl needs a file name"
    p = Path(value)
    if p.is_dir():
        return f"--jsonl {value} is a folder; give a file name"
    if p.resolve() in {Path(i).resolve() for i in [*args.inputs, *(args.glossary or [])]}:
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
    return os.fdopen(fd, "w", encoding="utf-8", newline="\n"), Path(name)


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


if __name__ == "__main__":
    raise SystemExit(main())
