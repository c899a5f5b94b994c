"""Opening files and projects, and keeping the work in the project: every change is written at
once (autosave), a failed write is retried with everything at the next chance, and the text being
typed is kept as a draft."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog

from reviewer.core.autosave import data_dir
from reviewer.core.document import Document
from reviewer.core.errors import ReviewerError
from reviewer.core.project import PROJECT_SUFFIX, Project
from reviewer.core.readers import READERS, collect_inputs
from reviewer.core.review import Review
from reviewer.core.session import Session, SessionRequest, open_session
from reviewer.gui.widgets.table_dialog import TableDialog
from reviewer.gui.workers import Task, run_in_background

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow

MAX_RECENT = 8

#: Spreadsheet suffixes that open through the column-mapping dialog.
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx"})


class SessionController:
    """File ▸ Open, New Project, Open Folder, Save Project As, Open Recent; and the project that
    keeps the work (:meth:`persist`).

    Attributes:
        project: the open project, or ``None``.
        unsaved: a project write failed: everything is written at the next chance.
        opening: the opening task while files are being read.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.project: Project | None = None
        self.unsaved = False
        self.opening: Task | None = None

    def open_dialog(self) -> None:
        """Ask for articles and open them as one batch."""
        patterns = " ".join(f"*{s}" for s in sorted(READERS))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Open articles or a project", str(Path.home()), f"Articles and projects ({patterns} *{PROJECT_SUFFIX});;Projects (*{PROJECT_SUFFIX});;All files (*)"
        )
        if paths:
            self.open_interactively([Path(p) for p in paths])

    def open_interactively(self, paths: Sequence[Path]) -> Task | None:
        """Open ``paths``, first asking for the column mapping of each bilingual spreadsheet
        (a preview of its rows, the guessed columns editable); a cancelled dialog leaves that
        file out."""
        preloaded: dict[Path, Document] = {}
        kept: list[Path] = []
        for p in paths:
            if p.suffix.lower() in TABLE_SUFFIXES:
                try:
                    dialog = TableDialog(p, self.window)
                except ReviewerError as exc:
                    self.window.show_error("Could not open the file", str(exc))
                    continue
                if dialog.exec() != TableDialog.DialogCode.Accepted or dialog.document is None:
                    continue
                preloaded[p] = dialog.document
            kept.append(p)
        return self.open_files(kept, preloaded=preloaded) if kept else None

    def new_project_dialog(self) -> None:
        """Ask for articles, then where to keep the project, and open them in it."""
        patterns = " ".join(f"*{s}" for s in sorted(READERS))
        paths, _ = QFileDialog.getOpenFileNames(self.window, "New project: choose the articles", str(Path.home()), f"Articles ({patterns})")
        if not paths:
            return
        first = Path(paths[0])
        target, _ = QFileDialog.getSaveFileName(self.window, "New project: save it as", str(first.with_name(first.stem + PROJECT_SUFFIX)), f"reviewer projects (*{PROJECT_SUFFIX})")
        if not target:
            return
        out = Path(target) if target.endswith(PROJECT_SUFFIX) else Path(target + PROJECT_SUFFIX)
        if out.exists():  # the dialog asked; the old project is kept aside rather than deleted
            out.rename(out.with_name(f"{out.stem}-replaced-{datetime.now():%Y%m%d-%H%M%S}{PROJECT_SUFFIX}"))
        self.open_files([Path(p) for p in paths], new_project=out)

    def save_project_as_dialog(self) -> None:
        """Copy the project to a file of the user's choice and go on working there."""
        if self.project is None:
            self.window.show_error("Nothing to save", "Open an article or a project first.")
            return
        self.window.undo_stack.settle()
        target, _ = QFileDialog.getSaveFileName(self.window, "Save project as", str(Path.home() / f"review{PROJECT_SUFFIX}"), f"reviewer projects (*{PROJECT_SUFFIX})")
        if target:
            out = Path(target) if target.endswith(PROJECT_SUFFIX) else Path(target + PROJECT_SUFFIX)
            self.save_project_as(out)

    def save_project_as(self, path: Path) -> bool:
        """Copy the project to ``path`` (an existing file there is kept aside, renamed) and
        continue in the copy."""
        assert self.project is not None
        if self.project.path.resolve() == path.resolve():
            return self.persist(lambda p, r: p.record(r))
        self.persist(lambda p, r: p.record(r))
        try:
            if path.exists():
                path.rename(path.with_name(f"{path.stem}-replaced-{datetime.now():%Y%m%d-%H%M%S}{PROJECT_SUFFIX}"))
            self.project = self.project.save_as(path)
            if self.unsaved and self.window.review is not None:
                self.project.record_all(self.window.review)
                self.unsaved = False
        except (ReviewerError, OSError) as exc:
            self.window.show_error("Could not save the project", str(exc))
            return False
        self.add_recent(path)
        self.window.setWindowTitle(f"{path.name} — reviewer")
        self.window.statusBar().showMessage(f"Saved the project as {path}; your work goes on there", 8000)
        return True

    def open_folder_dialog(self) -> None:
        """Ask for a folder and open every article in it as one batch."""
        folder = QFileDialog.getExistingDirectory(self.window, "Open a folder of articles", str(Path.home()))
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path) -> Task | None:
        """Open the supported files of ``folder`` (recursively) as one batch; a file that
        cannot be read is left out with a note."""
        try:
            paths = collect_inputs([folder])
        except ReviewerError as exc:
            self.window.show_error("Could not open the folder", str(exc))
            return None
        return self.open_files(paths, tolerant=True)

    def open_with_source_dialog(self) -> None:
        """Ask for an English MT file, then its Chinese source, and open them aligned."""
        patterns = "*.txt *.text *.docx"
        mt, _ = QFileDialog.getOpenFileName(self.window, "Open the English MT", str(Path.home()), f"Articles ({patterns})")
        if not mt:
            return
        src, _ = QFileDialog.getOpenFileName(self.window, "Open its Chinese source", str(Path(mt).parent), f"Articles ({patterns})")
        if src:
            self.open_files([Path(mt)], source=Path(src))

    def cancel_opening(self) -> None:
        """Stop the files being opened (the window keeps what it had)."""
        if self.opening is not None:
            self.opening.cancel()
            self.window.statusBar().showMessage("Opening cancelled", 6000)

    def open_files(
        self,
        paths: Sequence[Path],
        source: Path | None = None,
        preloaded: dict[Path, Document] | None = None,
        new_project: Path | None = None,
        tolerant: bool = False,
    ) -> Task | None:
        """Open ``paths`` (and the termbases, the first time) in the background
        (:func:`reviewer.core.session.open_session`), then show them and check them.

        Args:
            paths: the files to open as one batch.
            source: the Chinese source of the single file in ``paths``, as a separate
                file; the two are aligned sentence by sentence.
            preloaded: documents already read (a spreadsheet read with the mapping its
                dialog chose), by path.
            tolerant: leave out a file that cannot be read, with a note (a folder).
            new_project: create the project at this path (File ▸ New Project); by
                default a project in the user data folder holds the work on these files.
                A single ``.reviewer`` path in ``paths`` opens that project.

        Returns:
            The background task, or ``None`` when a task is already running.
        """
        window = self.window
        if self.opening is not None:
            window.statusBar().showMessage("Still opening the previous files…", 4000)
            return None
        window.undo_stack.settle()
        request = SessionRequest(
            [Path(p) for p in paths], termbases=list(window.termbases), termbase_paths=[] if window.termbases else list(window.termbase_paths),
            source=source, preloaded=dict(preloaded or {}), new_project=new_project, tolerant=tolerant,
            checks=window.checking.check_settings(), subject=window.checking.check_subject(),
        )

        def work(progress: Task) -> Session:
            return open_session(request, progress)

        window.set_busy("Opening…")
        task = run_in_background(work, self._opened, window.failed, window.on_progress)
        self.opening = window.track(task)
        window.cancel_button.show()
        return task

    def _opened(self, session: Session) -> None:
        window = self.window
        if window.closed:  # the window was closed while the files were being read
            session.project.close()
            return
        if self.project is not None:
            self.project.close()
        self.project = session.project
        self.unsaved = False
        review = session.review
        if session.project.path.parent != data_dir() / "projects":
            self.add_recent(session.project.path)  # a project of the user's own: the recent list opens it
        else:
            for d in review.documents:
                self.add_recent(d.path)
        window.show_review(review, session.notes)

    def task_done(self, task: Task) -> None:
        """Forget ``task`` when it was the opening."""
        if task is self.opening:
            self.opening = None

    def close(self) -> None:
        """Save everything and close the project (the window is closing)."""
        self.autosave()
        if self.project is not None:
            self.project.close()
            self.project = None

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in File ▸ Open Recent."""
        recent = [p for p in self.recent() if p != str(path.resolve())]
        recent.insert(0, str(path.resolve()))
        self.window.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def recent(self) -> list[str]:
        """The recent files and projects, newest first."""
        value: Any = self.window.settings.value("recentFiles", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value or []]

    def fill_recent(self) -> None:
        """Fill File ▸ Open Recent (when it is about to show)."""
        self.window.recent_menu.clear()
        recent = self.recent()
        if not recent:
            self.window.recent_menu.addAction("(none)").setEnabled(False)
        for p in recent:
            self.window.recent_menu.addAction(p, partial(self.open_files, [Path(p)]))

    def autosave(self) -> None:
        """Write the review's decisions, notes and rules to the project now."""
        self.persist(lambda p, r: p.record(r))

    def persist(self, write: Callable[[Project, Review], None]) -> bool:
        """Run one project write; a failure (disk full, file gone, locked) is shown once and
        everything is written again at the next chance, so no edit is lost."""
        if self.project is None or self.window.review is None:
            return False
        if not self.project.path.exists():
            # deleted or moved underneath the app: the open connection still holds everything,
            # so Save Project As can write it all out again
            if not self.unsaved:
                self.window.show_error(
                    "The project file is gone",
                    f"{self.project.path} was deleted or moved while it was open. Nothing is lost: your work is still in this "
                    "window. Save it with File ▸ Save Project As.",
                )
            self.unsaved = True
            try:
                write(self.project, self.window.review)  # into the open connection, which Save As copies
            except ReviewerError:
                pass
            return False
        try:
            if self.unsaved:
                self.project.record_all(self.window.review)
                for d in self.window.review.documents:
                    self.project.record_segmentation(self.window.review, self.window.review.doc_key(d))
            write(self.project, self.window.review)
        except ReviewerError as exc:
            if not self.unsaved:
                self.window.show_error("Your work could not be saved", f"{exc}\n\nNothing is lost yet: it stays in this window, and reviewer saves it again with your next change. You can also save a copy with File ▸ Save Project As.")
            self.unsaved = True
            self.window.statusBar().showMessage("Not saved: see the message", 10000)
            return False
        if self.unsaved:
            self.window.statusBar().showMessage("Saved again", 4000)
        self.unsaved = False
        return True

    def save_draft(self) -> None:
        """Keep the text being typed in the project (recovered after a crash)."""
        typing = self.window.typing()
        if self.project is None or self.window.review is None or typing is None or not self.window.has_pending_edit():
            return
        (doc, seg), text = typing
        self.persist(lambda p, _r: p.save_draft(doc, seg, text))
