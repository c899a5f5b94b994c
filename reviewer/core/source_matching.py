"""Term recognition in the Chinese source.

:class:`SourceMatcher` finds the Chinese terms of the loaded termbases in a
source segment:

* Traditional and Simplified are folded with OpenCC's phrase-level ``t2s``
  conversion; a hit says whether the text had the Traditional form, and offsets
  always point into the text as written (the displayed text is never rewritten).
* Terms must lie on word boundaries of a jieba segmentation whose dictionary
  holds every term of the termbases, so 民生 is not found inside 居民生活.
* The longest term wins and shorter terms nested in it are not reported
  (自信 inside 四个自信).

Offsets are characters into the source segment, end exclusive.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer.core.chinese import to_simplified as to_simplified  # re-exported: callers that imported it from here
from reviewer.core.termbase.model import Concept, Term, Termbase

if TYPE_CHECKING:
    from reviewer.core.matching import TermMatcher


@dataclass(frozen=True, slots=True)
class SourceHit:
    """A Chinese term found in a source segment.

    Attributes:
        concept: the term entry.
        term: the Chinese term that matched (its Simplified form when folded).
        start: offset in the source segment (characters).
        end: exclusive end offset.
        text: the span as written.
        traditional: the span was written in Traditional characters.
    """

    concept: Concept
    term: Term
    start: int
    end: int
    text: str
    traditional: bool = False


_lock = threading.Lock()


_regional: dict[str, Any] = {}


def regional_forms(simplified: str) -> list[str]:
    """The Taiwan and Hong Kong words for a mainland term, folded to Simplified
    characters as source text is: ``软件`` gives ``软体`` (Taiwan 軟體), ``信息`` gives
    ``资讯`` (資訊). OpenCC's phrase-level regional conversions (``s2twp``, ``s2hk``)
    supply the vocabulary; forms equal to ``simplified`` are left out.
    """
    import opencc

    out: list[str] = []
    with _lock:
        for config in ("s2twp", "s2hk"):
            converter = _regional.get(config)
            if converter is None:
                converter = _regional[config] = opencc.OpenCC(config)
            out.append(str(converter.convert(simplified)))
    folded = [to_simplified(form) for form in out]
    return [form for i, form in enumerate(folded) if form != simplified and form not in folded[:i]]


class SourceMatcher:
    """Finds the Chinese terms of one or more termbases in source text.

    Args:
        termbases: in priority order (the first wins where two concepts share a term).
    """

    def __init__(self, termbases: Sequence[Termbase]) -> None:
        self._terms: dict[str, tuple[Concept, Term]] = {}
        for tb in termbases:
            for concept in tb.concepts:
                for term in concept.zh:
                    key = to_simplified(term.text.strip())
                    if key:
                        self._terms.setdefault(key, (concept, term))
                        for alias in regional_forms(key):
                            self._terms.setdefault(alias, (concept, term))
        self._lengths = sorted({len(k) for k in self._terms}, reverse=True)
        self._tokenizer: Any = None

    def _tokens(self) -> Any:
        if self._tokenizer is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for key in self._terms:
                tokenizer.add_word(key, freq=max(1000, 100 * len(key)))
            self._tokenizer = tokenizer
        return self._tokenizer

    def words(self, text: str) -> list[tuple[str, int, int]]:
        """``text`` (folded to Simplified characters) cut into jieba words, with the termbase's
        Chinese terms in jieba's dictionary: ``(word, start, end)``, offsets in characters, end
        exclusive, covering the whole text in order."""
        if not text:
            return []
        return [(word, start, end) for word, start, end in self._tokens().tokenize(to_simplified(text))]

    def match(self, text: str) -> list[SourceHit]:
        """All source terms in ``text``, longest first at each place, in text order."""
        if not text or not self._terms:
            return []
        folded = to_simplified(text)
        boundaries = {0, len(folded)}
        for _word, start, end in self._tokens().tokenize(folded):
            boundaries.add(start)
            boundaries.add(end)
        hits: list[SourceHit] = []
        i = 0
        n = len(folded)
        while i < n:
            if i not in boundaries:
                i += 1
                continue
            for length in self._lengths:
                j = i + length
                if j > n or j not in boundaries:
                    continue
                found = self._terms.get(folded[i:j])
                if found is not None:
                    concept, term = found
                    hits.append(SourceHit(concept, term, i, j, text[i:j], text[i:j] != folded[i:j]))
                    i = j
                    break
            else:
                i += 1
        return hits


_matchers_lock = threading.Lock()
_by_matcher: weakref.WeakKeyDictionary[TermMatcher, SourceMatcher] = weakref.WeakKeyDictionary()


def source_matcher_for(matcher: TermMatcher) -> SourceMatcher:
    """The :class:`SourceMatcher` over ``matcher.termbases``, built once per ``matcher``.

    Kept while ``matcher`` lives, so every caller (checks, alignment, the system
    comparison, the GUI's termbase hits) shares one jieba dictionary (about half a
    second to build) until the termbases change and a new matcher is made.
    """
    with _matchers_lock:
        found = _by_matcher.get(matcher)
        if found is None:
            found = _by_matcher[matcher] = SourceMatcher(matcher.termbases)
        return found


def concepts_in_source(hits: Sequence[SourceHit]) -> dict[str, list[SourceHit]]:
    """Hits grouped by concept id, in order of first appearance."""
    out: dict[str, list[SourceHit]] = defaultdict(list)
    for h in hits:
        out[h.concept.id].append(h)
    return dict(out)
