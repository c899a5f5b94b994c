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
