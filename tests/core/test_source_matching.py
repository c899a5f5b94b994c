"""Chinese source recognition and the checks that use it."""

import pytest

from reviewer.core.checks import SegmentText, run_checks
from reviewer.core.matching import TermMatcher
from reviewer.core.source_matching import SourceMatcher, to_simplified


@pytest.fixture(scope="module")
def source_matcher(shipped_termbase):
    return SourceMatcher([shipped_termbase])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("增强“四个意识”、坚定“四个自信”、做到“两个维护”", ["四个意识", "四个自信", "两个维护"]),
        ("居民生活水平不断提高", []),  # 民生 is not a word here
        ("办好民生实事", ["民生实事"]),  # the longest term wins
        ("深刻領悟「兩個確立」的決定性意義", ["兩個確立"]),  # Traditional, shown as written
    ],
)
def test_source_terms(source_matcher, text, expected):
    hits = source_matcher.match(text)
    assert [h.text for h in hits] == expected
    for h in hits:
        assert text[h.start : h.end] == h.text


def test_traditional_is_marked(source_matcher):
    (hit,) = source_matcher.match("深刻領悟「兩個確立」")
    assert hit.traditional and hit.concept.source_term == "两个确立"


def test_folding_keeps_offsets():
    text = "兩個確立、臺灣、後來"
    assert len(to_simplified(text)) == len(text)


@pytest.fixture(scope="module")
def matcher(shipped_termbase):
    return TermMatcher([shipped_termbase])


def run(matcher, target, source, check):
    return run_checks([SegmentText("d", "1", target, source)], matcher, checks=[check])


def test_missing_term_points_at_what_the_target_used(matcher):
    text = "We must understand the decisive significance of the two foundations stones."
    (f,) = run(matcher, text, "深刻领悟“两个确立”的决定性意义", "term-missing")
    assert f.term.source == "两个确立" and f.term.preferred == "Two Establishes"
    assert text[f.start : f.end] == "two foundations" and f.details["used"] == "two foundations"
    assert "it says “two foundations”" in f.message and f.suggestion == "Two Establishes"


def test_missing_term_without_anything_close(matcher):
    (f,) = run(matcher, "We must understand why it matters.", "深刻领悟“两个确立”的决定性意义", "term-missing")
    assert "no rendering" in f.message and (f.start, f.end, f.suggestion) == (0, 0, None)


@pytest.mark.parametrize(
    "target, used",
    [
        # real WMT outputs (newstest2021 495, generaltest2022 933)
        ("We should enhance the four senses and strengthen the four self-confidences.", "four senses"),
        ("Let us unite more closely around the CPC Central Committee with Comrade 　 as the core.", "Comrade 　 as the core"),
        ("improve political judgment, political understanding and political execution, and act", "political execution"),
    ],
)
def test_missing_term_marks_the_wrong_rendering(matcher, target, used):
    source = {
        "four senses": "增强“四个意识”、坚定“四个自信”",
        "Comrade 　 as the core": "更加紧密地团结在以习近平同志为核心的党中央周围",
        "political execution": "不断提高政治判断力、政治领悟力、政治执行力",
    }[used]
    found = [target[f.start : f.end] for f in run(matcher, target, source, "term-missing")]
    assert found == [used]


@pytest.mark.parametrize(
    "target",
    [
        "We must understand the decisive significance of the Two Establishes.",
        "We must understand the decisive significance of the two establishments.",  # wrong, but rendered: term-nonstandard's job
    ],
)
def test_missing_term_quiet_when_rendered(matcher, target):
    assert run(matcher, target, "深刻领悟“两个确立”的决定性意义", "term-missing") == []


def test_no_source_no_missing_terms(matcher):
    assert run(matcher, "Nothing here.", None, "term-missing") == []


@pytest.mark.parametrize(
    "target, flagged",
    [("We must uphold the 两个确立 firmly.", ["两个确立"]), ("the Xiǎokāng society", ["Xiǎokāng"]), ("He said，fine。", [])],
)
def test_untranslated(matcher, target, flagged):
    assert [f.text for f in run(matcher, target, None, "untranslated")] == flagged


@pytest.mark.parametrize(
    "source, target",
    [
        ("全年GDP增长5.2%，总量达126万亿元。", "GDP grew 5.2 percent to 126 trillion yuan for the year."),
        ("投资3000万元", "an investment of 30 million yuan"),
        ("1月18日，市政府召开会议", "On January 18, the municipal government held a meeting"),
        ("建成12,000套住房", "12,000 homes were built"),
        ("十四五规划", "the 14th Five-Year Plan"),
        ("2020年7月26日，成都", "Chengdu, July 26,2020"),  # a missing space is not a number 26,202
    ],
)
def test_numbers_agree(matcher, source, target):
    assert run(matcher, target, source, "number") == []


@pytest.mark.parametrize(
    "source, target, message",
    [
        ("全年GDP增长5.2%", "GDP grew 5.3 percent", "5.2%"),
        ("投资3000万元", "an investment of 3 million yuan", "30,000,000"),
    ],
)
def test_numbers_disagree(matcher, source, target, message):
    (f,) = run(matcher, target, source, "number")
    assert message in f.message


def test_omission(matcher):
    source = "会议强调，要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。"
    assert [f.check for f in run(matcher, "On", source, "omission")] == ["omission"]
    full = "The meeting stressed the need to understand the decisive significance of the Two Establishes, strengthen the Four Consciousnesses, stay confident and achieve the Two Upholds."
    assert run(matcher, full, source, "omission") == []


@pytest.mark.parametrize("term, n", [("两个确立", 2), ("四个意识", 4), ("十四五", 14), ("二十大", 20), ("三严三实", 3), ("民生", None), ("十", None)])
def test_formula_number(term, n):
    from reviewer.core.checks.accuracy import formula_number

    assert formula_number(term) == n


@pytest.mark.parametrize(
    "target, flagged",
    [
        ("We must achieve the Two Upholds and strengthen the Four Consciousnesses.", 0),
        ("We must strengthen the three consciousnesses.", 1),  # 四个意识 said with the wrong number
        ("We must strengthen the fourfold awareness.", 1),
        ("Strengthen the four-awareness.", 0),  # the number is there (the rendering is term-nonstandard's)
    ],
)
def test_formula_number_check(matcher, target, flagged):
    assert len(run(matcher, target, "增强“四个意识”", "formula-number")) == flagged


def test_source_only_rendering(matcher):
    # 巡视 lists "inspection" as a rendering valid only with the source (x-matchMode "source")
    # (巡视整改, "rectification after inspection", is a concept of its own, so the source is 对抗巡视)
    text = "He resisted inspection by the Party."
    assert not any(h.concept.source_term == "巡视" for h in matcher.match(text))
    assert [f for f in run(matcher, text, "他对抗巡视", "term-missing") if f.term.source == "巡视"] == []
    flagged = [f for f in run(matcher, "He resisted the patrol by the Party.", "他对抗巡视", "term-missing") if f.term.source == "巡视"]
    assert len(flagged) == 1


@pytest.mark.parametrize(
    "mainland, regional",
    [("软件", "這套軟體的授權"), ("信息", "政府資訊公開"), ("网络安全", "加強網路安全"), ("出租车", "搭計程車")],
)
def test_taiwan_and_hong_kong_vocabulary_matches_the_mainland_term(mainland, regional):
    """A Taiwan source writing 軟體 or 資訊 matches the termbase's 软件 or 信息 (OpenCC s2twp/s2hk), at the right offsets."""
    from reviewer.core.termbase.model import Concept, Term, Termbase

    tb = Termbase("t", [Concept("c1", zh=[Term(mainland, lang="zh-Hans")], en=[Term("x")])])
    hits = SourceMatcher([tb]).match(regional)
    assert [h.concept.id for h in hits] == ["c1"]
    assert hits[0].text == regional[hits[0].start : hits[0].end] and len(hits[0].text) >= 2
    assert SourceMatcher([tb]).match("这是" + "硬件") == []
