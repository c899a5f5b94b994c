"""The context gate: is a document about Chinese government and Party affairs?

The literal-rendering and calque checks, and the termbase's listed variants that are
ordinary English ("research and deployment", "branch of the party", "safe
construction"), only make sense in English about Chinese public affairs: a news story
about Moscow or Brooklyn may use the same words correctly. The gate decides per
document from its signs:

* a Chinese source on any segment: open, whatever else;
* China signs: ``China``, ``Chinese``, ``CPC``, ``Xi Jinping``, ``yuan`` and the like,
  and the English names of Chinese provinces, cities, counties and districts
  (CC-CEDICT: ``Fuxin``, ``Zhangwu``);
* termbase concepts recognised through a term of two or more words (any status);
* distinct calque rules found (literal renderings are not signs: they are too easily
  made of ordinary words).

Each distinct sign counts once: a China sign 2 (two at most), a term of the
termbase 1 (0.5 when it is ordinary English, :func:`ordinary_english`; a variant that
is ordinary English is no sign at all), a calque rule 0.5, a word of Chinese
Party-and-government English (``cadres``, ``Party committee``, ``township``) 1 (two at
most). The gate opens at
:data:`OPEN_AT` points. A reviewer can declare the subject instead (:data:`SUBJECTS`):
``china`` opens the gate for every document, ``other`` closes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.calques.dictionary import chinese_places, zipf
from reviewer.core.text import normalize, tokenize

#: The subject settings: decide per document, always Chinese public affairs, never.
SUBJECTS = ("auto", "china", "other")

OPEN_AT = 3.0
MAX_CHINA_SIGNS = 2
MAX_VOCABULARY_SIGNS = 2
JUDGED_WORDS = 60

_CHINA_WORDS = re.compile(
    r"\b(?:China|Chinese|PRC|CPC|CCP|Beijing|Xinhua|Xi Jinping|Jinping|Li Qiang|Mao Zedong|Deng Xiaoping|yuan|RMB|renminbi|"
    r"CPPCC|Politburo|State Council|Zhongnanhai|Shanghai|Guangdong|Shenzhen|Hong Kong|Macao|Taiwan|Xinjiang|Tibet|Inner Mongolia)\b"
)
_VOCABULARY = re.compile(
    r"\b(?:cadres?|party committees?|party branch(?:es)?|party members?|party building|party organizations?|"
    r"party and government|discipline inspection|townships?|county party|municipal party|provincial party|socialism with|"
    r"Marxism|people's congress|superior departments)\b",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)?\b")


@dataclass(frozen=True, slots=True)
class SubjectVerdict:
    """The gate's decision for one document.

    Attributes:
        open: the calque checks run on it.
        reason: one line for the reviewer ("5 points of Chinese public affairs: Fuxin, county
            Party committee").
        signs: the distinct signs found, China signs first.
        judged: the document has enough text (:data:`JUDGED_WORDS` words) for a closed gate to
            mean "about something else"; a closed gate on less still lets the termbase's
            listed variants through (only the new detectors wait for signs).
    """

    open: bool
    reason: str
    signs: tuple[str, ...] = ()
    judged: bool = True


def china_signs(text: str) -> set[str]:
    """The China signs in ``text``: words such as ``CPC`` or ``yuan`` and Chinese place names."""
    found = {m.group() for m in _CHINA_WORDS.finditer(text)}
    places = chinese_places()
    found |= {m.group() for m in _NAME.finditer(text) if m.group() in places}
    return found


def judge(texts: Iterable[str], concepts: Iterable[str], calques: Iterable[str], has_source: bool, subject: str = "auto") -> SubjectVerdict:
    """Decide whether one document is about Chinese government and Party affairs.

    Args:
        texts: its segments' targets.
        concepts: labels of the termbase concepts recognised in it through terms of two or
            more words (any status).
        calques: ids of the calque rules found in it.
        has_source: some segment has a Chinese source.
        subject: one of :data:`SUBJECTS`.

    Raises:
        ValueError: an unknown ``subject``.
    """
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject '{subject}' (use {', '.join(SUBJECTS)})")
    if subject == "china":
        return SubjectVerdict(True, "declared: Chinese government and Party affairs")
    if subject == "other":
        return SubjectVerdict(False, "declared: not about Chinese government and Party affairs")
    if has_source:
        return SubjectVerdict(True, "translated from a Chinese source")
    china: set[str] = set()
    vocabulary: set[str] = set()
    words = 0
    for t in texts:
        words += len(t.split())
        if _CJK.search(t):
            china.add("Chinese characters")
        china |= china_signs(t)
        vocabulary |= {m.group().lower() for m in _VOCABULARY.finditer(t)}
    china_list = sorted(china)[:MAX_CHINA_SIGNS]
    vocabulary_list = sorted(vocabulary)[:MAX_VOCABULARY_SIGNS]
    concept_list = sorted(set(concepts))
    calque_list = sorted(set(calques))
    points = 2.0 * len(china_list) + sum(0.5 if ordinary_english(c) else 1.0 for c in concept_list) + 0.5 * len(calque_list) + len(vocabulary_list)
    signs = tuple(china_list + concept_list + calque_list + vocabulary_list)
    is_open = points >= OPEN_AT
    listing = ", ".join(signs[:6]) + (" …" if len(signs) > 6 else "")
    reason = f"{points:g} points of Chinese public affairs" + (f": {listing}" if signs else "")
    return SubjectVerdict(is_open, reason, signs, judged=words >= JUDGED_WORDS)


@lru_cache(maxsize=8192)
def ordinary_english(term: str) -> bool:
    """Whether a term is made of common lower-case English words only (``research and
    deployment``, ``safe construction``), so it can occur in English about anything."""
    toks = tokenize(normalize(term).text)
    if len(toks) < 2:
        return False
    return all(t.surface == t.lower and zipf(t.lower) >= 3.0 for t in toks)
