"""Opening a review session: documents, termbases and the project that keeps the work, in one
service for the window and the command line.

:func:`open_session` reads the files (or a ``.reviewer`` project), loads the termbases, finds or
makes the project that holds the work on exactly these files, and loads the saved work into a
:class:`~reviewer.core.review.Review`. The checks are not run: the caller runs them when it is
ready (the window after the first screen is up).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from reviewer.core.autosave import autosave_path, data_dir
from reviewer.core.checks import CheckOptions, Severity
from reviewer.core.document import Document
from reviewer.core.errors import InputError, ReviewerError
from reviewer.core.project import PROJECT_SUFFIX, Project
from reviewer.core.readers import read_document
from reviewer.core.review import Review, make_review
from reviewer.core.termbase import Termbase, load_termbase

#: ``progress(done, total, label)``
Progress = Callable[[int, int, str], None]


@dataclass
class SessionRequest:
    """What to open.

    Attributes:
        paths: the files to open as one batch; a single ``.reviewer`` path opens that project.
        termbases: termbases already loaded (kept as they are), or else
        termbase_paths: termbases to load, in priority order (a project's own termbases win
            when the project is opened by its path and ``termbases`` is empty).
        source: the Chinese source of the single file in ``paths`` as a separate file; the two
            are aligned sentence by sentence.
        preloaded: documents already read (a spreadsheet read with a chosen column mapping).
        new_project: make the project at this path (``.reviewer``); by default a project in the
            user data folder holds the work on these files.
        tolerant: leave out a file that cannot be read, with a note (a folder), instead of
            failing.
        checks: the checks to run (``None``: all) and fixed severities.
        subject: ``auto``, ``china`` or ``other`` (see :class:`~reviewer.core.checks.CheckOptions`).
    """

    paths: Sequence[Path]
    termbases: Sequence[Termbase] = ()
    termbase_paths: Sequence[Path] = ()
    source: Path | None = None
    preloaded: Mapping[Path, Document] = field(default_factory=dict)
    new_project: Path | None = None
    tolerant: bool = False
    checks: tuple[list[str] | None, dict[str, Severity]] = (None, {})
    subject: str = "auto"


@dataclass
class Session:
    """An opened session: the review (with the saved work loaded, not yet checked), notes for
    the user (one line each), and the open project (the caller closes it)."""

    review: Review
    notes: list[str]
    project: Project


def open_session(request: SessionRequest, progress: Progress | None = None) -> Session:
    """Open what ``request`` names.

    Raises:
        ReviewerError: a file, the termbase or the project cannot be read (``InputError`` when
            no file of a tolerant batch could be read).
    """
    report: Progress = progress or (lambda _d, _t, _l: None)
    paths = [Path(p) for p in request.paths]
    project_path = paths[0] if len(paths) == 1 and paths[0].suffix.lower() == PROJECT_SUFFIX else request.new_project
    if project_path is not None and project_path.suffix.lower() == PROJECT_SUFFIX and paths and paths[0] == project_path:
        paths = []
    report(0, 1, "Loading termbase")
    termbases = list(request.termbases) or [load_termbase(p) for p in request.termbase_paths]
    notes: list[str] = []
    if request.source is not None:
        from reviewer.core.matching import TermMatcher
        from reviewer.core.readers.parallel import read_parallel

        report(0, 1, "Aligning the source with the MT")
        documents = [read_parallel(paths[0], request.source, TermMatcher(termbases))]
    else:
        documents = []
        for i, p in enumerate(paths):
            report(i, len(paths), f"Reading {p.name}")
            try:
                documents.append(request.preloaded[p] if p in request.preloaded else read_document(p))
            except ReviewerError as exc:
                if not request.tolerant:
                    raise
                notes.append(f"left out {p.name}: {getattr(exc, 'reason', exc)}")
        if paths and not documents:
            raise InputError(paths[0], "none of the files could be read: " + "; ".join(notes[:3]))
    project: Project | None = None
    try:
        if project_path is not None and project_path.suffix.lower() == PROJECT_SUFFIX and not documents:
            project = Project.open(project_path)
            documents = project.documents()
            if not request.termbases:
                stored = [p for p in project.termbase_paths() if p.is_file()]
                if stored:
                    termbases = [load_termbase(p) for p in stored]
        else:
            project, documents, found = session_project(documents, project_path, [tb.path for tb in termbases if tb.path])
            notes.extend(found)
        review = make_review(documents, termbases)
        review.checks, review.severities = request.checks
        review.options = CheckOptions(subject=request.subject)
        notes.extend(project.load_into(review))
        legacy = autosave_path([d.path for d in documents])
        if not project.setting("imported_json") and legacy.exists():  # the autosave of an earlier version
            notes.extend(project.import_review_json(review, legacy))
            project.set_setting("imported_json", str(legacy))
            notes.append(f"Took over {len(review.corrected)} post-edited segment(s) and {len(review.decisions)} decision(s) from your last session")
    except BaseException:
        if project is not None:
            project.close()
        raise
    return Session(review, notes, project)


def session_project(documents: list[Document], path: Path | None, termbase_paths: list[Path]) -> tuple[Project, list[Document], list[str]]:
    """The project for a set of documents: a new one at ``path`` (a new project), or the one in
    the user data folder that holds the work on exactly these files.

    When the files changed since that project was made, it is kept aside (renamed with the
    time) and a new one is made, so nothing is overwritten; the note says so.

    Returns:
        ``(project, documents, notes)``: the documents as the project holds them.
    """
    if path is not None:
        return Project.create(path, documents, termbase_paths), documents, []
    folder = data_dir() / "projects"
    folder.mkdir(parents=True, exist_ok=True)
    implicit = folder / (autosave_path([d.path for d in documents]).name.split(".")[0] + PROJECT_SUFFIX)
    notes: list[str] = []
    if implicit.exists():
        project = Project.open(implicit)
        stored = project.documents()
        changed = [d.name for d in documents if not same_file(project, d)]
        if not changed and len(stored) == len(documents):
            return project, stored, ["Restored your work from the last session"]
        project.close()
        aside = implicit.with_name(f"{implicit.stem}-{datetime.now():%Y%m%d-%H%M%S}{PROJECT_SUFFIX}")
        implicit.rename(aside)
        notes.append(f"{', '.join(changed) or 'The files'} changed since your last session; that review is kept in {aside}")
    return Project.create(implicit, documents, termbase_paths), documents, notes


def same_file(project: Project, doc: Document) -> bool:
    """True when ``doc``'s file has the bytes the project recorded for it."""
    try:
        _, digest = project.original(Review.doc_key(doc))
        return hashlib.sha256(doc.path.read_bytes()).hexdigest() == digest
    except (KeyError, OSError):
        return False
