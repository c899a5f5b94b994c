"""Application start-up: QApplication, the error hook, and ``main()``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer import GUI_COMMAND, __version__
from reviewer.core.crashlog import report_text, write_report
from reviewer.core.paths import default_termbase
from reviewer.gui import i18n
from reviewer.gui.main_window import MainWindow, apply_font_size


def make_excepthook(window: MainWindow | None) -> object:
    """An exception nobody caught: save the work first, write a report to the log folder,
    and show a dialog whose details hold the report (selectable, so it can be copied)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = report_text(kind, exc, tb)
        print(details, file=sys.stderr)
        saved = ""
        if window is not None:
            try:
                window.session.autosave()
                saved = "Your work is saved. "
            except Exception:  # noqa: BLE001 - the report matters more here
                saved = ""
        log = write_report(details)
        where = f"A report is in {log}." if log is not None else "The report could not be written to a file; copy it from the details."
        message = f"{kind.__name__}: {exc}\n\n{saved}{where} Please send it to the developers."
        if window is not None:
            window.show_error("Something went wrong", message, details)
        else:
            QMessageBox.critical(None, "Something went wrong", message)

    return hook


def qt_drops_none() -> bool:
    """True when this PySide6 loses a reference to ``None`` at every call of a Qt method that
    returns nothing (PySide6 6.12.0 on Python 3.11: after some tens of thousands of calls the
    interpreter aborts with "deallocating None"). Measured over 200 calls; always false on
    Python 3.12 and newer, where ``None`` is immortal."""
    from PySide6.QtCore import QCoreApplication

    name = QCoreApplication.applicationName()
    before = sys.getrefcount(None)
    for _ in range(200):
        QCoreApplication.setApplicationName(name)
    return sys.getrefcount(None) < before - 100


#: What the window says when :func:`qt_drops_none` is true.
BROKEN_QT = (
    "This PySide6 ({version}) corrupts Python's reference count of None on Python {python}, and the "
    "window would crash after a while. Install another version: pip install 'PySide6-Essentials<6.12' "
    "(or use Python 3.12 or newer)."
)


#: How long ``--smoke-test`` waits for the check of the files it opened.
SMOKE_SECONDS = 120.0

_smoke_passed = False


def _quit_when_checked(window: MainWindow, files: bool) -> None:
    """``--smoke-test``: once the opened files are checked, print the counts and close the window."""
    deadline = time.monotonic() + SMOKE_SECONDS
    timer = QTimer(window)

    def poll() -> None:
        global _smoke_passed
        review = window.review
        done = not files or (review is not None and not window.tasks)
        if not done and time.monotonic() < deadline:
            return
        timer.stop()
        if done:
            _smoke_passed = True
            if review is not None:
                segments = sum(len(d.segments) for d in review.documents)
                print(f"smoke test: {len(review.documents)} documents, {segments} segments, {len(review.findings)} findings", flush=True)
            else:
                print("smoke test: the window opened", flush=True)
        else:
            print(f"smoke test: the check did not finish in {SMOKE_SECONDS:.0f} s", file=sys.stderr, flush=True)
        window.close()
        QApplication.quit()

    timer.timeout.connect(poll)
    timer.start(50)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the review window, on ``FILE...`` if given.

    ``--glossary PATH`` (repeatable) replaces the shipped termbase.
    """
    args_in = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog=GUI_COMMAND, description="Review machine-translated Chinese political news.")
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to open; a .tbx file is used as the termbase, as with --glossary")
    parser.add_argument("--glossary", action="append", metavar="PATH", help="termbase (.tbx) to use instead of the shipped one; repeatable")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # for the install tests (.ci/run, dev.py bundle): open FILE..., wait for the check, print one
    # line with the counts and quit; exit 1 when the check has not finished in SMOKE_SECONDS
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(args_in)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("reviewer")
    app.setOrganizationName("reviewer")
    if qt_drops_none():
        import PySide6

        message = BROKEN_QT.format(version=PySide6.__version__, python=sys.version.split()[0])
        print(f"reviewer: {message}", file=sys.stderr)
        QMessageBox.critical(None, "reviewer cannot start", message)
        return 2
    settings = QSettings("reviewer", "reviewer")
    i18n.install(app, str(settings.value("language", "en") or "en"))
    size = str(settings.value("fontSize", 0) or 0)
    if size.isdigit() and int(size) > 0:
        apply_font_size(int(size))
    # a .tbx among the files (a double click on one in the file manager) is a termbase, as --glossary
    documents = [Path(f) for f in args.files if Path(f).suffix.lower() != ".tbx"]
    termbases = [Path(f) for f in args.files if Path(f).suffix.lower() == ".tbx"] + [Path(p) for p in args.glossary or []]
    window = MainWindow(termbases or [default_termbase()], settings)
    sys.excepthook = make_excepthook(window)  # type: ignore[assignment]
    window.show()
    if documents:
        window.session.open_files(documents)
    if args.smoke_test:
        _quit_when_checked(window, bool(documents))
    if os.environ.get("REVIEWER_REPORT_STARTUP") == "1":  # benchmarks/bench_startup.py: the first paint, then quit
        def painted() -> None:
            print(f"first paint: {time.process_time():.3f} s of CPU", flush=True)
            os._exit(0)

        QTimer.singleShot(0, painted)
    code = app.exec()
    if args.smoke_test and code == 0 and not _smoke_passed:
        code = 1
    # Every change is already in the project (written as it was made) and the window has closed
    # it. Leave without the interpreter's final garbage collection, in which PySide6 has been seen
    # to crash ("deallocating True or False") after a long session.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    raise SystemExit(main())
