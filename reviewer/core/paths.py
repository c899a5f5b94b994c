"""Where the shipped termbase and sample articles live."""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]

#: The default termbase shipped in ``glossaries/``.
SHIPPED_TERMBASE = _ROOT / "glossaries" / "political-terms.tbx"

#: The generic calque rules shipped in ``glossaries/`` (see :mod:`reviewer.core.calques.rules`).
SHIPPED_CALQUE_RULES = _ROOT / "glossaries" / "calque-rules.toml"

#: The bundled sample article (a copy of the seed MT article, Fuxin, 2023-01-19).
SAMPLE_ARTICLE = _ROOT / "resources" / "samples" / "fuxin-2023-01-19.txt"

#: A bilingual sample (XLIFF 1.2) written for reviewer: Chinese source and raw MT.
BILINGUAL_SAMPLE = _ROOT / "resources" / "samples" / "plenary-session.xlf"
