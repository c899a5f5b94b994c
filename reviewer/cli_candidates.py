"""``tifa-reviewer-cli candidates``: frequent phrases that no concept of the termbase covers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewer.cli import EXIT_ERROR, EXIT_OK
from reviewer.cli_check import output_path_problem
from reviewer.core.paths import default_termbase
from reviewer.core.fileio import resolved


def run_candidates(args: argparse.Namespace) -> int:
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
        inputs = {resolved(p) for p in [*args.inputs, *(args.glossary or [])]}
        problem = output_path_problem("--csv", args.csv, inputs, args.force)
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
