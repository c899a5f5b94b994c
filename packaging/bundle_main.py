"""The bundle's entry point (PyInstaller; see tifa-reviewer.spec and ``python3 dev.py bundle``).

One program, two launchers in the same folder: ``tifa-reviewer`` opens the window and
``tifa-reviewer-cli`` is the command-line tool (a console program on Windows). ``tifa-reviewer
--cli ARGS...`` is the command-line tool too.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def main() -> int:
    # the checking process is started with "spawn": in a bundle that runs this program again
    multiprocessing.freeze_support()
    launcher = os.path.splitext(os.path.basename(sys.executable))[0].lower()
    if sys.argv[1:2] == ["--cli"]:
        del sys.argv[1]
        launcher = "tifa-reviewer-cli"
    if launcher.endswith("-cli"):
        from reviewer.cli import main as cli

        return cli()
    from reviewer.__main__ import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
