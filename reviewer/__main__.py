"""``python -m reviewer`` opens the desktop application."""

from reviewer.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
