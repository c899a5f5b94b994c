from reviewer.core.text import normalize, term_key, tokenize


def test_normalize_folds_typography_and_maps_offsets_back():
    original = "the\u00a0\u201ctwo\u2011establishments\u201d\u200b  now"
    norm = normalize(original)
    assert norm.text == 'the "two-establishments" now'
    s = norm.text.index("two")
    e = norm.text.index('"', s)
    start, end = norm.to_original(s, e)
    assert original[start:end] == "two\u2011establishments"


def test_full_width_letters_become_ascii():
    assert normalize("ＣＰＣ").text == "CPC"


def test_tokens_split_on_hyphen_and_apostrophe_and_mark_compounds():
    toks = tokenize(normalize("Xi Jinping's self-confidence").text)
    assert [t.lower for t in toks] == ["xi", "jinping", "s", "self", "confidence"]
    assert toks[3].hyphen_after and toks[4].hyphen_before
    assert not toks[2].hyphen_before


def test_term_key_ignores_case_dashes_and_spaces():
    assert term_key("High\u2013Quality  Development") == term_key("high-quality development") == "high quality development"


def _normalize_per_character(text):
    """The reference rules of reviewer.core.text, one character at a time (no fast path)."""
    import unicodedata

    from reviewer.core.text import _FOLD, ZERO_WIDTH

    out, offsets = [], []
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        for c in (unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch).translate(_FOLD):
            if c.isspace():
                if out and out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(out), tuple(offsets)


def test_fast_path_agrees_with_the_per_character_rules():
    import random

    rng = random.Random(7)
    alphabet = list("ab c-.,'\"`\t\n") + list("\u00a0\u2019\u201c\u2014\u200b\uff21\u00e9e\u0301\u2028\u3000\ufb01中")
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        n = normalize(text)
        assert (n.text, n.offsets) == _normalize_per_character(text), repr(text)
