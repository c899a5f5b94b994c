"""``tifa-reviewer-cli``: the headless checks over the same core as the GUI.

Exit status: 0 when no finding is at or above ``--fail-on``, 1 when some are,
2 for a usage or input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from reviewer import __version__
from reviewer.core.calques.gate import SUBJECTS
from reviewer.core.errors import ReviewerError
from reviewer.core.paths import SHIPPED_TERMBASE

# The commands live in their own modules, imported when they run: ``check`` in reviewer.cli_check
# (and reviewer.cli_batch for --jobs/--jsonl/--scheduler), ``export-review``/``import-review`` in
# reviewer.cli_review, ``candidates`` in reviewer.cli_candidates, ``glossary`` in
# reviewer.glossary_cli. They too import the checks, the readers, openpyxl, python-docx and
# sacrebleu only when they use them: ``--help`` and a bad argument answer at once
# (benchmarks/bench_startup.py).

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
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show “ or 两 gets escapes, not a crash
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "checks":
            from reviewer.core.checks import all_checks

            for cls in all_checks():
                print(f"{cls.id:18} {cls.severity.value:8} {cls.description}")
            return EXIT_OK
        if args.command == "glossary":
            from reviewer.glossary_cli import run_glossary

            return run_glossary(args)
        if args.command in ("export-review", "import-review"):
            from reviewer.cli_review import run_review_workbook

            return run_review_workbook(args)
        if args.command == "candidates":
            from reviewer.cli_candidates import run_candidates

            return run_candidates(args)
        if args.jobs is not None or args.jsonl is not None or args.scheduler is not None:
            from reviewer.cli_batch import run_check_batch

            return run_check_batch(args)
        from reviewer.cli_check import run_check

        return run_check(args)
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


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
