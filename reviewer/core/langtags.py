"""Language tags as bilingual files write them: one reading for TBX, TMX, XLIFF and tables.

Tags are compared case-insensitively, with ``_`` read as ``-``. The first subtag may be
the two-letter ISO 639-1 code or one of the three-letter ISO 639-2/3 codes that tools
write for the two languages reviewer reads: ``eng`` for English, ``zho`` and ``chi``
(and ``cmn``, Mandarin) for Chinese. ``eng-US`` is English, ``zho-TW`` Traditional
Chinese. Nothing here imports another part of reviewer.
"""

from __future__ import annotations

__all__ = ["THREE_LETTER", "base_language", "is_chinese_tag", "is_english_tag", "lang_kind"]

#: Three-letter language codes read as their two-letter code.
THREE_LETTER: dict[str, str] = {"eng": "en", "zho": "zh", "chi": "zh", "cmn": "zh"}

_TRADITIONAL_REGIONS = frozenset({"tw", "hk", "mo"})


def base_language(code: str) -> str:
    """The base language of a tag, lower-cased, three-letter aliases read as two letters:
    ``"en"`` for ``"EN-us"`` and ``"eng"``, ``"zh"`` for ``"zh_Hans"`` and ``"zho-CN"``,
    ``"fr"`` for ``"fr-FR"``, ``""`` for ``""``. Never raises."""
    first = code.strip().lower().replace("_", "-").split("-")[0]
    return THREE_LETTER.get(first, first)


def lang_kind(code: str) -> str:
    """Classify a language tag (an ``xml:lang`` value, a header cell such as ``zh-CN``):
    ``"zh-Hans"``, ``"zh-Hant"``, ``"en"`` or ``""``.

    Case-insensitive; ``zh``, ``zh-CN``, ``zh-Hans``, ``zh-SG`` (and ``zh-Hans-*``) are
    Simplified; ``zh-TW``, ``zh-HK``, ``zh-MO``, ``zh-Hant`` Traditional; any ``en`` or
    ``en-*`` is English; ``eng``, ``zho``, ``chi`` and ``cmn`` count as ``en`` and ``zh``.
    Never raises.
    """
    parts = code.strip().lower().replace("_", "-").split("-")
    base = THREE_LETTER.get(parts[0], parts[0])
    if base == "en":
        return "en"
    if base == "zh":
        if "hant" in parts[1:] or any(p in _TRADITIONAL_REGIONS for p in parts[1:]):
            return "zh-Hant"
        return "zh-Hans"
    return ""


def is_chinese_tag(code: str) -> bool:
    """Whether ``code`` names Chinese, in either script (see :func:`lang_kind`)."""
    return lang_kind(code).startswith("zh")


def is_english_tag(code: str) -> bool:
    """Whether ``code`` names English (see :func:`lang_kind`)."""
    return lang_kind(code) == "en"
