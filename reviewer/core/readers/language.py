"""The language direction of a bilingual file: what it declares, checked against its text.

reviewer checks English translations of Chinese. A bilingual reader (XLIFF, TMX) passes
the languages the file declares and the text of each side to :func:`check_direction`,
which refuses any other direction with that reason (an English→Chinese file, a French or
Japanese target), so English checks never run on another language.

The declaration is cross-checked against the text, cheaply, by script and by the share of
common function words (:func:`detect`):

* letters by script: Han, kana (Japanese), Hangul (Korean), Latin, other, a Latin letter
  weighing 0.4 of a Han character (about a word each); one script must have
  :data:`CLEAR_SHARE` of the weight, or a tenth of the Han and kana be kana (Japanese);
* for Latin text, English against French, German, Spanish, Italian, Portuguese and Dutch by
  their commonest short words ("the", "of" ... against "le", "der", "el" ...).

Too little text to judge (fewer than :data:`MIN_LETTERS` letters, or
:data:`MIN_WORDS` words for a Latin language) gives no verdict, and the declaration
stands. A verdict that contradicts the declaration (Chinese text under
``target-language="en"``, clearly French text under ``"en"``, clearly English text under
``"fr"``) wins over it, with a note.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.langtags import base_language

#: Fewer letters than this on a side give no verdict.
MIN_LETTERS = 20

#: Fewer words than this give no verdict between Latin-script languages.
MIN_WORDS = 30

#: Share of a side's letters (Latin ones weighted, see :func:`detect`) one script must reach
#: for a verdict; mixed text gives none.
CLEAR_SHARE = 0.7

_LATIN_WEIGHT = 0.4

#: Characters of each side looked at (a sample from the start is plenty).
SAMPLE_CHARS = 20_000

#: Language names for messages, by base code.
NAMES = {
    "zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean", "fr": "French", "de": "German",
    "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "ar": "Arabic",
    "tr": "Turkish", "pl": "Polish", "cs": "Czech", "hu": "Hungarian", "el": "Greek", "da": "Danish",
    "fi": "Finnish", "sv": "Swedish", "nb": "Norwegian", "no": "Norwegian", "he": "Hebrew", "th": "Thai",
    "vi": "Vietnamese", "uk": "Ukrainian",
}  # fmt: skip

_STOPWORDS = {
    "en": "the of and to in a is that for on with as by was are it this be from at an which has have will not its or were their been",
    "fr": "le la les de des du et est une un pour dans que qui sur au aux pas ne par avec ce il se sont cette ou son",
    "de": "der die das und ist nicht mit den ein eine zu von auf für sich dem des im werden wird sie auch es als",
    "es": "el la los las de y que en un una es por con para del se no al lo su como más o",
    "it": "il la di e che è per un una del della non con le gli sono i da al nel si",
    "pt": "o a os as de e que em um uma do da não para com no na por se dos das ao",
    "nl": "de het een van en is dat op te in voor met niet zijn er aan ook als bij",
}
_STOPSETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

#: Base codes written in Latin script (a declared language outside this set, with Latin text,
#: still stands: the check by function words knows only a few languages).
_LATIN = frozenset("en fr de es it pt nl tr pl cs hu da fi sv nb no vi ro sk sl hr ca eu gl ga cy et lv lt id ms sq is mt".split())


@dataclass(frozen=True)
class Detected:
    """What :func:`detect` found in a side's text.

    Attributes:
        script: ``"han"``, ``"kana"``, ``"hangul"``, ``"latin"``, ``"other"``, or ``""``
            (too little text).
        lang: a base language code (``"zh"``, ``"ja"``, ``"ko"``, ``"en"``, ``"fr"`` ...),
            or ``""`` when the script alone does not tell (Latin text too short or
            unclear, another script).
    """

    script: str
    lang: str


def base(code: str) -> str:
    """The base language of a tag, lower-cased: ``"en"`` for ``"EN-us"`` and ``"eng"``, ``"zh"``
    for ``"zh_Hans"`` and ``"zho"`` (:func:`reviewer.core.langtags.base_language`)."""
    return base_language(code)


def name_of(code: str) -> str:
    """A language tag as words for messages: ``"French (fr-FR)"``; the tag itself when unknown."""
    name = NAMES.get(base(code))
    return f"{name} ({code})" if name and code else name or code or "an undeclared language"


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF:
        return "han"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9D:
        return "kana"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    return "other"


def detect(texts: Iterable[str]) -> Detected:
    """The script and, where cheap, the language of ``texts`` taken together (see the module
    docstring)."""
    parts: list[str] = []
    size = 0
    for t in texts:
        if size >= SAMPLE_CHARS:
            break
        parts.append(t)
        size += len(t)
    text = " ".join(parts)[:SAMPLE_CHARS]
    counts = {"han": 0, "kana": 0, "hangul": 0, "latin": 0, "other": 0}
    for ch in text:
        if ch.isalpha() or unicodedata.category(ch) == "Lo":
            counts[_script(ch)] += 1
    if sum(counts.values()) < MIN_LETTERS:
        return Detected("", "")
    if counts["kana"] >= 5 and counts["kana"] >= (counts["han"] + counts["kana"]) * 0.1:
        return Detected("kana", "ja")
    # a Han character or Hangul syllable is about a word; a Latin word is about 2.5 letters
    weighted = {k: v * (_LATIN_WEIGHT if k == "latin" else 1.0) for k, v in counts.items()}
    total = sum(weighted.values())
    for script, lang in (("han", "zh"), ("hangul", "ko"), ("latin", ""), ("other", "")):
        if weighted[script] >= total * CLEAR_SHARE:
            return Detected(script, _latin_language(text) if script == "latin" else lang)
    return Detected("", "")  # mixed scripts: no verdict


def _latin_language(text: str) -> str:
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < MIN_WORDS:
        return ""
    scores = {lang: sum(1 for w in words if w in stops) / len(words) for lang, stops in _STOPSETS.items()}
    best = max(scores, key=lambda k: scores[k])
    runner_up = max(v for k, v in scores.items() if k != best)
    # a clear winner only: function words make a fifth or more of running text
    return best if scores[best] >= 0.12 and scores[best] >= 1.5 * runner_up else ""


def _compatible(declared: str, found: Detected) -> bool:
    """Whether text of ``found`` can be in the declared language (Latin text in French, Han
    characters in Japanese)."""
    b = base(declared)
    if found.script == "han":
        return b in ("zh", "ja", "ko")
    if found.script == "kana":
        return b == "ja"
    if found.script == "hangul":
        return b == "ko"
    if found.script == "latin":
        return b in _LATIN or b not in NAMES
    return b not in _LATIN and b not in ("zh", "ja", "ko")


def side_language(declared: str, found: Detected) -> tuple[str, str]:
    """``(base language, note)`` of one side: the declaration unless the text contradicts
    it (then the note says how), the detected language when nothing is declared, ``""``
    when neither tells."""
    if not found.script:
        return base(declared), ""
    if declared and _compatible(declared, found):
        if found.lang and found.script == "latin" and found.lang != base(declared):
            return found.lang, f"declared {declared} but its text is {NAMES[found.lang]}"
        return base(declared), ""
    detected = found.lang or ("" if found.script == "latin" else found.script)
    if not declared:
        return detected, ""
    what = NAMES[detected] if detected in NAMES else "in Latin script" if found.script == "latin" else "in another script"
    return detected or "?", f"declared {declared} but its text is {what}"


def check_direction(path: Path, what: str, declared_src: str, declared_trg: str, sources: Iterable[str], targets: Iterable[str]) -> tuple[str, str, list[str]]:
    """Check that a bilingual file is Chinese→English, by its declaration and its text.

    Args:
        path: the file, for messages.
        what: the file kind for messages ("XLIFF file").
        declared_src, declared_trg: the languages the file declares (``""`` if none).
        sources, targets: the text of each side (the targets may all be empty).

    Returns:
        ``(source language, target language, notes)``: the declared tags (``"zh-CN"``,
        ``"en"`` when undeclared), and a note for each declaration the text overrode.

    Raises:
        InputError: the file is in another direction (English→Chinese, a target that is not
            English, a source that is not Chinese), named with its languages and with what
            reviewer checks.
    """
    src_found, trg_found = detect(sources), detect(targets)
    src, src_note = side_language(declared_src, src_found)
    trg, trg_note = side_language(declared_trg, trg_found)
    notes = [f"the {side} side {note}" for side, note in (("source", src_note), ("target", trg_note)) if note]
    src_ok = src in ("", "zh")
    trg_ok = trg in ("", "en")
    if src_ok and trg_ok:
        keep_src = declared_src if declared_src and not src_note else "zh-CN"
        keep_trg = declared_trg if declared_trg and not trg_note else "en"
        return keep_src, keep_trg, [f"{n}; read as Chinese → English" for n in notes]
    checks = "reviewer checks English translations of Chinese"
    src_words = _side_words(declared_src, src, src_note)
    trg_words = _side_words(declared_trg, trg, trg_note)
    because = f" ({'; '.join(notes)})" if notes else ""
    if src == "en" and trg == "zh":
        raise InputError(path, f"the {what} is {src_words} → {trg_words}{because}, the reverse of what reviewer checks: {checks}; open the Chinese → English file")
    if not src_ok and not trg_ok:
        raise InputError(path, f"the {what} is {src_words} → {trg_words}{because}; {checks}")
    if not src_ok:
        raise InputError(path, f"the {what} translates from {src_words}, not from Chinese{because}; {checks}")
    raise InputError(path, f"the {what} translates into {trg_words}, not into English{because}; {checks}, and would not check {NAMES.get(trg, 'this language')} as English")


def _side_words(declared: str, lang: str, note: str) -> str:
    if declared and not note:
        return name_of(declared)
    return NAMES.get(lang, "an unknown language") if lang != "?" else "an unknown language"
