import pytest

from reviewer.core.matching import HitKind, TermMatcher, is_inflection


@pytest.fixture(scope="module")
def matcher(mini_termbase):
    return TermMatcher([mini_termbase])


def found(matcher, text):
    return [(h.text, h.term.text, h.kind.value) for h in matcher.match(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # exact, case-insensitive, through curly quotes and odd dashes
        ("the “two establishments”", [("two establishments", "two establishments", "exact")]),
        ("the TWO ESTABLISHMENTS", [("TWO ESTABLISHMENTS", "two establishments", "exact")]),
        ("high\u2011quality development", [("high\u2011quality development", "high-quality development", "exact")]),
        ("high quality development", [("high quality development", "high-quality development", "exact")]),
        # plurals and inflections
        ("enterprises above the standard", [("enterprises above the standard", "enterprise above the standard", "inflected")]),
        ("harbours", [("harbours", "harbour", "inflected")]),
        # token boundaries: no port in passport, no reform inside a compound
        ("the passport office", []),
        ("a transport plan", []),
        ("the port city", [("port", "port", "exact")]),
        # the longest match wins
        ("the 20th CPC National Congress", [("20th CPC National Congress", "20th CPC National Congress", "exact")]),
        # capitals that a case-sensitive term needs
        ("the provincial party committee", [("provincial party committee", "provincial Party committee", "case")]),
        ("the Provincial Party Committee", [("Provincial Party Committee", "provincial Party committee", "exact")]),
        ("cpc members", [("cpc", "CPC", "case")]),
        # exact words beat stem matches on the same span
        ("the four consciousness", [("four consciousness", "four consciousness", "exact")]),
        ("the four consciousnesses", [("four consciousnesses", "four consciousnesses", "exact")]),
        # a derivation with the same stem is not an inflection of the preferred term
        ("the two establishment", [("two establishment", "two establishments", "inflected")]),
        # words of a term may not straddle sentence punctuation
        ("the provincial. Party committee", []),
    ],
)
def test_recognition(matcher, text, expected):
    assert found(matcher, text) == expected


def test_offsets_point_into_the_original_text(matcher):
    text = "We\u00a0must study the \u201ctwo\u00a0establishments\u201d now."
    (hit,) = matcher.match(text)
    assert text[hit.start : hit.end] == "two\u00a0establishments"


def test_near_miss_has_score_and_class(matcher):
    hits = matcher.match("the 20th CPC Nationl Congress opened")
    assert [(h.text, h.kind, h.classification) for h in hits] == [("20th CPC Nationl Congress", HitKind.NEAR, "spelling")]
    assert 88 <= hits[0].score < 100


@pytest.mark.parametrize(
    "text",
    [
        "the 19th CPC National Congress",  # numbers must agree
        "the provincial government",
        "strengthen the party's leadership",
        "research and development",  # another real phrase, not a misspelt "research and deployment"
        "epidemic prevention and flood control",  # an inserted content word makes another phrase
    ],
)
def test_no_false_near_misses(matcher, text):
    assert [h for h in matcher.match(text) if h.kind is HitKind.NEAR] == []


@pytest.mark.parametrize(
    "text, term, classification",
    [
        ("epidemic prevention and contrl", "epidemic prevention and control", "spelling"),
        ("the epidemic prevention and the control", "epidemic prevention and control", "spelling"),
        ("the two established", "Two Establishes", "inflection"),
    ],
)
def test_plausible_near_misses(matcher, text, term, classification):
    (hit,) = [h for h in matcher.match(text) if h.kind is HitKind.NEAR]
    assert (hit.term.text, hit.classification) == (term, classification)


def test_word_order_near_miss(matcher):
    (hit,) = [h for h in matcher.match("it promotes development high-quality") if h.kind is HitKind.NEAR]
    assert hit.classification == "word order"


@pytest.mark.parametrize(
    "word, base, ok",
    [("enterprises", "enterprise", True), ("policies", "policy", True), ("studied", "study", True),
     ("improving", "improve", True), ("establishment", "establishes", False), ("consciousnesses", "consciousness", True)],
)
def test_is_inflection(word, base, ok):
    assert is_inflection(word, base) is ok


@pytest.mark.parametrize(
    "text, expected",
    [
        # the term's own punctuation is allowed between its words
        ("the No. 1 central document", [("No. 1 central document", "exact")]),
        # a combining accent does not split a word, so no match starts inside it
        ("The Pa\u0301rty committee", []),
        # underscore, middle dot and fraction slash join words like a hyphen
        ("x_CPC and CPC·member", []),
        ("the CPC_x", []),
        # invisible separators are removed before matching
        ("the two \u2063establishments", [("two \u2063establishments", "exact")]),
    ],
)
def test_boundaries_and_punctuation(matcher, text, expected):
    assert [(h.text, h.kind.value) for h in matcher.match(text)] == expected


def test_one_word_derivations_are_other_words(matcher):
    assert matcher.match("the harbourage") == []


def test_per_term_threshold(mini_termbase):
    import copy

    tb = copy.deepcopy(mini_termbase)
    term = tb.concept("20th-congress").en[0]
    assert TermMatcher([tb]).match("the 20th CPC Nationl Congress")[0].kind is HitKind.NEAR
    near = lambda: [h for h in TermMatcher([tb]).match("the 20th CPC Nationl Congress") if h.kind is HitKind.NEAR]  # noqa: E731
    term.threshold = 99
    assert near() == []
    term.threshold = None
    tb.fuzzy_threshold = 99
    assert near() == []


def test_near_miss_of_a_forbidden_variant_says_so(matcher):
    (hit,) = [h for h in matcher.match("we deeply understand the two establishmnts") if h.kind is HitKind.NEAR]
    assert hit.term.text == "two establishments" and hit.classification == "spelling, forbidden variant"


def test_case_hits_are_classified(matcher):
    (hit,) = matcher.match("the provincial party committee")
    assert (hit.kind, hit.classification) == (HitKind.CASE, "case")


def test_a_one_word_case_sensitive_term_matches_only_its_own_capitals():
    """Issue 20: a case-sensitive ON (Ontario) turned every ordinary "on" into a finding; a
    formula of several words in other capitals is still a case hit."""
    from reviewer.core.termbase.model import Concept, Status, Term, Termbase

    tb = Termbase(name="t", concepts=[
        Concept(id="on", zh=[Term("安大略省", lang="zh-Hans")], en=[Term("ON", case_sensitive=True)]),
        Concept(id="four", zh=[Term("四个意识", lang="zh-Hans")], en=[Term("Four Consciousnesses", case_sensitive=True), Term("four senses", status=Status.FORBIDDEN)]),
    ])
    m = TermMatcher([tb])
    assert m.match("The meeting went on, and on, to Toronto.") == []
    (hit,) = m.match("He lives in Toronto, ON.")
    assert (hit.text, hit.kind) == ("ON", HitKind.EXACT)
    (case,) = m.match("strengthen the four consciousnesses")
    assert case.kind is HitKind.CASE
