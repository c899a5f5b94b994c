"""Writing the reviewer's corrections back into the format a document came in.

Each module of this package writes one format and has one function::

    write(doc: Document, targets: Mapping[str, str], path: Path) -> None

``targets`` maps segment ids to the corrected target text (every segment of the
document, changed or not). The writer reads the original file again (``doc.path``),
replaces only the targets, and writes ``path`` atomically. :func:`write_corrected`
picks the module by :attr:`Document.format`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

from reviewer.core.document import Document
from reviewer.core.errors import OutputError

#: Document.format -> module of reviewer.core.writers that writes it back.
WRITERS = {
    "text": "plaintext",
    "docx": "docx",
    "xliff": "xliff",
    "tmx": "tmx",
    "table": "table",
}


def write_corrected(doc: Document, targets: Mapping[str, str], path: str | Path) -> None:
    """Write ``doc`` with ``targets`` to ``path`` in the document's own format.

    Raises:
        OutputError: the format cannot be written back, ``path`` is the original
            file, or the file cannot be written.
        InputError: the original file has changed or gone since it was read.
    """
    out = Path(path)
    if out.exists() and doc.path.exists() and out.resolve() == doc.path.resolve():
        raise OutputError(out, "this is the file the document was read from; write the corrections to a new file")
    name = WRITERS.get(doc.format)
    if name is None:
        raise OutputError(out, f"documents read as '{doc.format}' cannot be written back in their own format")
    module = importlib.import_module(f"reviewer.core.writers.{name}")
    module.write(doc, targets, out)
