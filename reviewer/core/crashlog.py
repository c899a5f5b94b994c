"""Reports of unexpected errors: written to a log file in the user's log folder.

The folder is ``platformdirs.user_log_path("reviewer")``, or ``$REVIEWER_LOG_DIR`` when that
variable is set (tests use it). Each report is appended to ``reviewer.log`` with the time,
the versions of reviewer, Python, Qt and the system, and the traceback.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

import platformdirs

from reviewer import __version__


def log_dir() -> Path:
    """The folder of reviewer's log files."""
    override = os.environ.get("REVIEWER_LOG_DIR")
    return Path(override) if override else platformdirs.user_log_path("reviewer", appauthor=False)


def report_text(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text of a report: when, which versions, and the traceback."""
    pyside = getattr(sys.modules.get("PySide6"), "__version__", "not loaded")  # the core never imports Qt itself
    return (
        f"reviewer {__version__} · Python {platform.python_version()} · PySide6 {pyside} · {platform.platform()}\n"
        f"{datetime.now(timezone.utc).isoformat(timespec='seconds')}\n\n" + "".join(traceback.format_exception(kind, exc, tb))
    )


def write_report(text: str) -> Path | None:
    """Append ``text`` to the log file; returns its path, or ``None`` when it cannot be written
    (the report is then only on standard error)."""
    folder = log_dir()
    path = folder / "reviewer.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text + "\n" + "-" * 72 + "\n")
    except OSError as exc:
        print(f"reviewer: cannot write the error report to {path}: {exc}", file=sys.stderr)
        return None
    return path
