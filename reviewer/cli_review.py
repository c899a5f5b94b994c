"""``tifa-reviewer-cli export-review`` and ``import-review``: a project's review workbook, out and back in.

Both open the project with its saved work and check its documents again
(:func:`_open_project`); ``import-review`` shows the changes and conflicts of an edited workbook
and applies them, unless ``--dry-run``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from reviewer.core.paths import default_termbase

if TYPE_CHECKING:
    from reviewer.core.project import Project
    from reviewer.core.review import Review


def run_review_workbook(args: argparse.Namespace) -> int:
    """``export-review``: write the project's review workbook; ``import-review``: show the
    changes and conflicts of an edited workbook, then apply the changes (not with ``--dry-run``).

    Returns:
        The exit status: 1 when conflicts were left alone, 2 when they block the import.

    Raises:
        ReviewerError: the project or the workbook cannot be read (the caller prints it).
    """
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
