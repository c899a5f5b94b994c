"""Where a review is autosaved: one JSON file per set of documents, in the user data folder.

The folder is ``platformdirs.user_data_path("reviewer") / "autosave"``, or
``$REVIEWER_DATA_DIR/autosave`` when that variable is set (tests use it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """The user's data folder for reviewer (created on demand by callers)."""
    override = os.environ.get("REVIEWER_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path("reviewer", appauthor=False)


def autosave_path(document_paths: Sequence[str | Path]) -> Path:
    """The autosave file for a review of exactly these documents (order does not matter)."""
    key = "\n".join(sorted(str(Path(p).resolve()) for p in document_paths))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{digest}.review.json"
