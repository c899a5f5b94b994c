"""The Qt-free core: documents, segmentation, termbase, matching, checks, scoring, export.

Nothing under ``reviewer.core`` may import PySide6 or ``reviewer.gui``; a test enforces it.
"""
