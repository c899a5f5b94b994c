"""``tifa-reviewer-cli glossary validate|import|export|stats``: termbase work from the command line.

Exit status as for ``check``: 0 fine, 1 problems found (validation errors), 2 a
usage or input error.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.core.termbase import load_termbase, save_termbase
from reviewer.core.termbase.sources import SOURCE_KINDS, source_kind, verifies
from reviewer.core.tables import parse_delimiter
from reviewer.core.termbase.tabular import import_glossary, parse_mapping
from reviewer.core.termbase.validate import validate

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run_glossary(args: argparse.Namespace) -> int:
    """Dispatch a ``glossary`` action.

    Raises:
        ReviewerError: input or output errors (the caller prints them).
    """
    return {"validate": _validate, "import": _import, "export": _export, "stats": _stats}[args.action](args)


def _refuse_overwrite(out: Path, force: bool, inputs: list[Path]) -> None:
    if out.resolve() in [p.resolve() for p in inputs]:
        raise ReviewerError(f"{out} is the input; choose another output file")
    if out.exists() and not force:
        raise ReviewerError(f"{out} already exists (use --force to overwrite)")


def _validate(args: argparse.Namespace) -> int:
    errors = 0
    for path in args.paths:
        tb = load_termbase(path)
        problems = validate(tb)
        for p in problems:
            label = "error (strict)" if args.strict and p.severity == "warning" else p.severity
            print(f"{path}: {label}: {p.concept}: {p.message}")
        n_err = sum(p.severity == "error" or args.strict for p in problems)
        errors += n_err
        print(f"{path}: {len(tb)} concepts, {tb.term_count()} English terms, {n_err} errors, {len(problems) - n_err} warnings")
    return EXIT_FINDINGS if errors else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    src, out = Path(args.path), Path(args.output)
    _refuse_overwrite(out, args.force, [src])
    header = args.header_row - 1 if args.header_row is not None else None
    columns = None
    if args.columns:
        try:
            columns = parse_mapping(args.columns)
        except ValueError as exc:
            raise ReviewerError(f"--columns: {exc}") from None
    delimiter = None
    if args.delimiter is not None:
        try:
            delimiter = parse_delimiter(args.delimiter)
        except ValueError as exc:
            raise ReviewerError(f"--delimiter: {exc}") from None
    tb, report = import_glossary(src, args.sheet, columns, header, delimiter)
    print(f"{src} ({report.where}): {report.summary()}")
    for row, reason in report.skipped:
        print(f"  row {row}: skipped: {reason}")
    for note in report.notes:
        print(f"  note: {note}")
    tb.name = out.stem
    save_termbase(tb, out)
    print(f"wrote {out}: {len(tb)} concepts, {tb.term_count()} English terms")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    src, out = Path(args.path), Path(args.output)
    _refuse_overwrite(out, args.force, [src])
    tb = load_termbase(src)
    if args.tbx_core:
        if out.suffix.lower() != ".tbx":
            raise ReviewerError("--tbx-core needs a .tbx output file")
        from reviewer.core.termbase import write_tbx

        write_tbx(tb, out, dialect="TBX-Core")
    else:
        save_termbase(tb, out)
    print(f"wrote {out}: {len(tb)} concepts, {tb.term_count()} English terms")
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    for path in args.paths:
        tb = load_termbase(path)
        statuses = Counter(t.status.value for c in tb.concepts for t in c.en)
        subjects = Counter(c.subject or "(none)" for c in tb.concepts)
        verified = Counter(c.verified or "(not marked)" for c in tb.concepts)
        print(f"{path}: {tb.name}" + (f", version {tb.version}" if tb.version else ""))
        print(f"  {len(tb)} concepts, {tb.term_count()} English terms, {sum(len(c.zh) for c in tb.concepts)} Chinese terms")
        print("  terms by status: " + ", ".join(f"{k} {v}" for k, v in statuses.most_common()))
        print("  concepts by subject: " + ", ".join(f"{k} {v}" for k, v in subjects.most_common()))
        print("  verified: " + ", ".join(f"{k} {v}" for k, v in verified.most_common()) + f" ({_share(verified['yes'], len(tb))} verified)")
        print(f"  verified against an official text with a date or URL: {sum(any(verifies(s) for s in c.sources) and c.verified == 'yes' for c in tb.concepts)}")
        cited = Counter(kind for c in tb.concepts for kind in {source_kind(s) for s in c.sources})
        print("  concepts citing each kind of source: " + ", ".join(f"{k} {cited[k]}" for k in SOURCE_KINDS if cited[k]))
        best = Counter(next((k for k in SOURCE_KINDS if any(source_kind(s) == k for s in c.sources)), "none") for c in tb.concepts)
        print("  concepts by best source: " + ", ".join(f"{k} {best[k]}" for k in (*SOURCE_KINDS, "none") if best[k]))
    return EXIT_OK


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"
