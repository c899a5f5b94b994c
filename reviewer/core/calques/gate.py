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
* distinct calque rules and literal renderings found.

Each distinct sign counts once, China signs at most three. The gate opens at
:data:`OPEN_AT` signs, of which at least one is a China sign, or at
:data:`OPEN_AT_WITHOUT_CHINA` signs of the other two kinds alone. A reviewer can
declare the subject instead (:data:`SUBJECTS`): ``china`` opens the gate for every
document, ``other`` closes it.
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

OPEN_AT = 3
OPEN_AT_WITHOUT_CHINA = 4
MAX_CHINA_SIGNS = 3

_CHINA_WORDS = re.compile(
    r"\b(?:China|Chinese|PRC|CPC|CCP|Beijing|Xinhua|Xi Jinping|Jinping|Li Qiang|Mao Zedong|Deng Xiaoping|yuan|RMB|renminbi|"
    r"CPPCC|Politburo|State Council|Zhongnanhai|Shanghai|Guangdong|Shenzhen|Hong Kong|Macao|Taiwan|Xinjiang|Tibet|Inner Mongolia)\b"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)?\b")


@dataclass(frozen=True, slots=True)
class SubjectVerdict:
    """The gate's decision for one document.

    Attributes:
        open: the calque checks run on it.
        reason: one line for the reviewer ("3 signs: Fuxin, CPC, county Party committee").
        signs: the distinct signs found, China signs first.
    """

    open: bool
    reason: str
    signs: tuple[str, ...] = ()


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
        calques: labels of the calque rules and literal renderings found in it.
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
    for t in texts:
        if _CJK.search(t):
            china.add("Chinese characters")
        china |= china_signs(t)
    china_list = sorted(china)[:MAX_CHINA_SIGNS]
    others = sorted(set(concepts)) + sorted(set(calques))
    signs = tuple(china_list + others)
    count = len(signs)
    is_open = (count >= OPEN_AT and bool(china_list)) or len(others) >= OPEN_AT_WITHOUT_CHINA
    listing = ", ".join(signs[:6]) + (" …" if len(signs) > 6 else "")
    reason = f"{count} sign{'s' if count != 1 else ''} of Chinese public affairs" + (f": {listing}" if signs else "")
    return SubjectVerdict(is_open, reason, signs)


@lru_cache(maxsize=8192)
def ordinary_english(term: str) -> bool:
    """Whether a term is made of common lower-case English words only (``research and
    deployment``, ``safe construction``), so it can occur in English about anything."""
    toks = tokenize(normalize(term).text)
    if len(toks) < 2:
        return False
    return all(t.surface == t.lower and zipf(t.lower) >= 3.0 for t in toks)
