"""``python -m reviewer`` (and the ``reviewer`` command) opens the desktop application.

Qt is imported only when :func:`run` is called: the checking process (see
:mod:`reviewer.core.check_process`) is started with ``multiprocessing``'s "spawn",
which imports the launching script again in the child, and that child must not
load the GUI libraries (120 MB it would never use).
"""


def run() -> int:
    """Open the window (see :func:`reviewer.gui.app.main`); returns the exit status."""
    from reviewer.gui.app import main

    return main()


if __name__ == "__main__":
    raise SystemExit(run())
