"""English word forms for fitting a suggestion into its sentence, through ``lemminflect``
(MIT; its inflection tables ship with it) and ``wordfreq`` (how common a form is).

Penn Treebank tags name the forms: ``VB`` base, ``VBD`` past, ``VBN`` past participle,
``VBZ`` third person singular, ``VBG`` gerund, ``NN`` singular noun, ``NNS`` plural noun.
"""

from __future__ import annotations

from functools import lru_cache
from types import ModuleType
from typing import Any


@lru_cache(maxsize=1)
def _lemminflect() -> ModuleType:
    """lemminflect, imported on first use (its import costs about 0.14 s of start-up)."""
    import lemminflect

    module: ModuleType = lemminflect
    return module


def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency (imported on first use)."""
    from wordfreq import zipf_frequency as zipf

    got: float = zipf(word, lang)
    return got

VERB_TAGS = ("VBD", "VBZ", "VBG", "VBN")
#: a verb form at least this common (Zipf scale) counts as a real use of the word as a verb
_VERB_ZIPF = 2.3
#: a plural this much rarer than its singular (Zipf) marks a mass noun ("governance")
_MASS_GAP = 1.5


@lru_cache(maxsize=8192)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    got: dict[str, tuple[str, ...]] = dict(_lemminflect().getAllLemmas(word.lower()))
    return got


@lru_cache(maxsize=8192)
def inflect(lemma: str, tag: str) -> str:
    """``lemma`` in the form ``tag`` (``make``, ``VBD`` → ``made``); ``lemma`` itself when the
    tables have no such form. Hyphenated words inflect their last part (``follow-up``)."""
    head, sep, last = lemma.rpartition("-")
    if sep and head:
        return head + sep + inflect(last, tag)
    forms: Any = _lemminflect().getInflection(lemma.lower(), tag=tag)
    if not forms:
        return lemma
    out: str = forms[0]
    return out[:1].upper() + out[1:] if lemma[:1].isupper() else out


def verb_lemma(word: str) -> str:
    """The verb lemma of ``word`` (``made`` → ``make``), or ``""`` when it is no verb form."""
    got = _lemmas(word).get("VERB")
    return got[0] if got else ""


@lru_cache(maxsize=8192)
def is_verb(word: str) -> bool:
    """True when ``word`` is used as a verb in ordinary English: lemminflect knows it as a verb
    and its past or gerund is common (``make``, ``relay``, ``advance``; not ``full``, ``rural``)."""
    lemma = verb_lemma(word)
    if not lemma:
        return False
    return max(zipf_frequency(inflect(lemma, t), "en") for t in ("VBD", "VBG")) >= _VERB_ZIPF


def verb_tag(word: str) -> str:
    """The verb form of ``word``: ``VB``, ``VBD`` (also for a past participle spelt the same),
    ``VBN``, ``VBZ`` or ``VBG``; ``""`` when it is not a verb form."""
    w = word.lower()
    lemma = verb_lemma(w)
    if not lemma:
        return ""
    if w == lemma:
        return "VB"
    for tag in ("VBD", "VBZ", "VBG", "VBN"):
        if inflect(lemma, tag).lower() == w:
            return tag
    return ""


def noun_only(word: str) -> bool:
    """True when ``word`` is a noun and no verb or adjective (``session``, ``construction``)."""
    got = _lemmas(word)
    return "NOUN" in got and "VERB" not in got and "ADJ" not in got


def is_plural(word: str) -> bool:
    """True when ``word`` is a regular or irregular plural noun (``groups``, ``principles``)."""
    w = word.lower()
    return any(lemma != w and inflect(lemma, "NNS").lower() == w for lemma in _lemmas(w).get("NOUN", ()))


def singular(noun: str) -> str:
    """The singular of a plural ``noun`` (``principles`` → ``principle``); ``noun`` otherwise."""
    w = noun.lower()
    for lemma in _lemmas(w).get("NOUN", ()):
        if lemma != w and inflect(lemma, "NNS").lower() == w:
            return lemma
    return w


@lru_cache(maxsize=8192)
def is_mass(noun: str) -> bool:
    """True for a mass noun, one seldom in the plural (``governance``, ``revitalization``,
    ``modernization``; not ``decision``, ``philosophy``)."""
    last = singular(noun.lower().rpartition("-")[2])
    plural = inflect(last, "NNS").lower()
    if plural == last:
        return True
    return zipf_frequency(last, "en") - zipf_frequency(plural, "en") >= _MASS_GAP


def pluralize(noun: str) -> str:
    """``noun`` in the plural (``group`` → ``groups``, ``committee`` → ``committees``)."""
    return inflect(noun, "NNS")


def starts_with_vowel_sound(word: str) -> bool:
    """True when ``word`` takes "an": a vowel letter not read as "yoo" or "wuh" (``union``,
    ``one``), an acronym read from a vowel letter (``NPC`` no; ``SOE`` yes), or a silent h."""
    w = word.strip("“”\"'‘’(").lower()
    if not w:
        return False
    raw = word.strip("“”\"'‘’(")
    if raw.isupper() and len(raw) > 1:
        return raw[0] in "AEFHILMNORSX"
    if w.startswith(("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq", "ura")):
        return False
    if w.startswith(("hour", "honest", "honor", "honour", "heir")):
        return True
    return w[0] in "aeiou"


def can_be_noun(word: str) -> bool:
    """True when lemminflect knows ``word`` as a noun (``study``, ``advance``)."""
    return "NOUN" in _lemmas(word)


def is_adjective(word: str) -> bool:
    """True when lemminflect knows ``word`` as an adjective (``immediate``, ``rural``)."""
    return "ADJ" in _lemmas(word)
