"""The faster tokeniser, the shared analyses and the hashed repetition search give what the
plain versions gave (tables of random inputs against reference implementations)."""

from __future__ import annotations

import random
import re

import pytest

from reviewer.core import text
from reviewer.core.checks import CheckContext, SegmentText
from reviewer.core.checks.mechanical import _CONJUNCTIONS, _MAX_PHRASE, Repetition
from reviewer.core.matching import STOPWORDS, TermMatcher
from reviewer.core.termbase import Concept, Status, Term, Termbase

_ALPHABET = "ab cd-'_·⁄ Xi é\u0301ñ 19 th ,;.!? and or ²İ\u00a0"


def _reference_tokens(s: str) -> list[tuple[object, ...]]:
    n = len(s)
    out = []
    for m in text._TOKEN_RE.finditer(s):
        a, e = m.span()
        lower = m.group().lower()
        out.append((a, e, m.group(), lower, text.stem(lower),
                    a > 1 and s[a - 1] in text.JOINERS and s[a - 2].isalnum(),
                    e < n - 1 and s[e] in text.JOINERS and s[e + 1].isalnum()))
    return out


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(0, 60))) for _ in range(count)]


def test_tokens_match_the_reference() -> None:
    for s in _random_texts(3000, 1):
        assert [tuple(t) for t in text.tokenize(s)] == _reference_tokens(s)


def test_kept_analysis_is_the_same_and_the_list_is_the_callers() -> None:
    text.clear_cache()
    first = text.tokenize("Xi Jinping's self-confidence")
    first.append(first[0])
    assert len(text.tokenize("Xi Jinping's self-confidence")) == len(first) - 1
    assert text.normalize("a\u00a0 b") is text.normalize("a\u00a0 b")
    text.clear_cache()
    assert not text._TOKENS and not text._NORMALIZED


def test_long_texts_are_not_kept() -> None:
    text.clear_cache()
    long = "word " * (text.CACHE_MAX_CHARS // 5 + 1)
    assert len(text.tokenize(long)) == text.CACHE_MAX_CHARS // 5 + 1
    text.normalize(long)
    assert long not in text._TOKENS and long not in text._NORMALIZED


def _reference_repeats(unit: SegmentText) -> list[tuple[int, int, str]]:
    """The phrase loop before it was hashed: every length from the longest down at every token."""
    norm = text.normalize(unit.text)
    toks = text.tokenize(norm.text)
    lowers = [t.lower for t in toks]
    out = []
    i = 0
    while i < len(toks):
        found = False
        for n in range(min(_MAX_PHRASE, (len(toks) - i) // 2), 0, -1):
            a = lowers[i : i + n]
            k = i + n
            if n > 1 and k < len(toks) and lowers[k] in _CONJUNCTIONS and lowers[k + 1 : k + 1 + n] == a:
                k += 1
            if lowers[k : k + n] != a:
                continue
            if re.search(r"[.!?;]", norm.text[toks[i + n - 1].end : toks[k].start]):
                continue
            if n == 1:
                if a[0].isdigit() or a[0] in {"that", "had"} or len(a[0]) < 2 and a[0] not in {"a"}:
                    continue
                start, end = norm.to_original(toks[i].end, toks[k].end)
            elif all(w in STOPWORDS for w in a):
                continue
            else:
                start, end = norm.to_original(toks[k].start, toks[k + n - 1].end)
                if end < len(unit.text) and unit.text[end] in "”’\"'":
                    end += 1
            out.append((start, end, "n1" if n == 1 else "phrase"))
            i = k + n
            found = True
            break
        if not found:
            i += 1
    return out


@pytest.fixture(scope="module")
def ctx() -> CheckContext:
    return CheckContext(TermMatcher([Termbase(name="t", concepts=[Concept(id="c", zh=[Term("中", lang="zh-Hans")], en=[Term("x y", status=Status.PREFERRED)])])]))


def test_repetition_matches_the_phrase_loop(ctx: CheckContext) -> None:
    rng = random.Random(7)
    words = ["the", "party", "and", "or", "strengthen", "four", "a", "1", "that", "of", "reform", "well", "as"]
    seps = [" ", " ", " ", ", ", " - ", "; ", ". ", " “", "” "]
    for n in range(3000):
        s = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randrange(1, 30)))
        unit = SegmentText("d", str(n), s)
        got = [(f.start, f.end, "n1" if f.suggestion == "" else "phrase") for f in Repetition()._in_segment(unit, text.normalize(s), text.tokenize(text.normalize(s).text), [t.lower for t in text.tokenize(text.normalize(s).text)])]
        assert got == _reference_repeats(unit), s
