"""Each check as a table of failing and passing inputs."""

import pytest

from reviewer.core.checks import SegmentText, all_checks, run_checks
from reviewer.core.matching import TermMatcher


@pytest.fixture(scope="module")
def matcher(mini_termbase):
    return TermMatcher([mini_termbase])


def run(matcher, *texts, check=None):
    units = [SegmentText("doc", str(i + 1), t) for i, t in enumerate(texts)]
    checks = None if check is None else [check] if isinstance(check, str) else check
    return run_checks(units, matcher, checks=checks)


#: The two checks of wrong renderings: forbidden ones, and the other non-standard ones.
WRONG = ["term-nonstandard", "term-forbidden"]


def test_registry_has_the_documented_checks():
    ids = [c.id for c in all_checks()]
    assert set(ids) >= {"term-nonstandard", "term-inconsistent", "repetition", "punctuation"}
    assert len(ids) == len(set(ids))
    for cls in all_checks():
        assert cls.id and cls.name and cls.description and cls.category


@pytest.mark.parametrize(
    "text, flagged, suggestion, severity, check",
    [
        ("deeply understand the “two establishments”", "two establishments", "Two Establishes", "major", "term-forbidden"),
        ("the cultivation of enterprises above the standard", "enterprises above the standard", "enterprises above designated size", "major", "term-forbidden"),
        ("the spirit of self-revolution", "self-revolution", "self-reform", "major", "term-forbidden"),
        ("strengthen the four consciousness", "four consciousness", "four consciousnesses", "minor", "term-nonstandard"),
        ("the provincial party committee", "provincial party committee", "provincial Party committee", "minor", "term-nonstandard"),
        ("Two establishments must be upheld.", "Two establishments", "Two Establishes", "major", "term-forbidden"),
        ("the 20th CPC Nationl Congress", "20th CPC Nationl Congress", "20th CPC National Congress", "minor", "term-nonstandard"),
    ],
)
def test_nonstandard_flags(matcher, text, flagged, suggestion, severity, check):
    (f,) = run(matcher, text, check=WRONG)
    assert (f.text, f.suggestion, f.severity.value, f.check) == (flagged, suggestion, severity, check)
    assert text[f.start : f.end] == flagged
    assert f.term is not None and f.term.preferred


@pytest.mark.parametrize(
    "text",
    [
        "deeply understand the “Two Establishes”",
        "cultivate enterprises above designated size",
        "the Party's self-reform",
        "strengthen the four consciousnesses",
        "the provincial Party committee and the Provincial Party Committee",
        "the 20th CPC National Congress",
        "the passport office",
    ],
)
def test_nonstandard_passes_correct_terms(matcher, text):
    assert run(matcher, text, check=WRONG) == []


def test_suggestion_is_capitalised_at_sentence_start(matcher):
    (f,) = run(matcher, "Self-revolution is needed.", check=WRONG)
    assert f.suggestion == "Self-reform"


def test_suggestion_is_title_case_inside_a_quoted_title(matcher):
    (f,) = run(matcher, "It approved the “Report on the Self-Revolution of the Party in 2022”.", check=WRONG)
    assert f.suggestion == "Self-Reform"
    (f,) = run(matcher, "It approved the report on Self-Revolution in 2022.", check=WRONG)
    assert f.suggestion == "self-reform"


def test_non_standard_renderings_are_not_flagged_twice(matcher):
    findings = run(matcher, "Study the Two Establishes.", "Study the two establishments.")
    assert [(f.check, f.text) for f in findings] == [("term-forbidden", "two establishments")]


def test_inconsistent_renderings_across_a_document(matcher):
    findings = run(
        matcher,
        "the 20th CPC National Congress opened.",
        "The 20th National Congress of the Communist Party of China closed.",
        "The spirit of the 20th Party Congress.",
        "Study the 20th National Congress of the Party.",
        check="term-inconsistent",
    )
    assert [(f.segment, f.text, f.suggestion) for f in findings] == [
        ("3", "20th Party Congress", "20th CPC National Congress"),
        ("4", "20th National Congress of the Party", "20th CPC National Congress"),
    ]
    renderings = {r["rendering"]: r["count"] for r in findings[0].details["renderings"]}
    assert renderings["20th Party Congress"] == 1 and len(renderings) == 3
    assert "×" in findings[0].message


def test_inflections_are_one_rendering(matcher):
    assert run(matcher, "The mayor spoke.", "Two mayors spoke.", check="term-inconsistent") == []


def test_forbidden_only_concept_flags_without_a_suggestion(matcher):
    (f,) = run(matcher, "The CCP met.", check="term-forbidden")
    assert f.text == "CCP" and f.suggestion is None and f.term.preferred == ""


def test_capitals_alone_are_not_an_inconsistency(matcher):
    # a Title Case heading beside running text (issue 14: measured as a false alarm on real batches)
    assert run(matcher, "the spirit of the provincial two sessions", "the spirit of the Provincial Two Sessions", check="term-inconsistent") == []


def test_the_preferred_term_is_never_the_inconsistent_one(matcher):
    texts = ["The 20th Party Congress opened.", "The 20th Party Congress closed.", "The 20th CPC National Congress ended."]
    findings = run(matcher, *texts, check="term-inconsistent")
    assert [(f.segment, f.text) for f in findings] == [("1", "20th Party Congress"), ("2", "20th Party Congress")]
    assert all(f.suggestion == "20th CPC National Congress" and f.suggestion != f.text for f in findings)
    listed = [r["rendering"] for r in findings[0].details["renderings"]]
    assert len(listed) == len(set(listed)) == 2


def test_translations_of_one_source_are_not_compared_with_each_other(matcher):
    source = "二十大开幕。"
    systems = [
        SegmentText("system-A", "1", "The 20th Party Congress opened.", source),
        SegmentText("system-B", "1", "The 20th CPC National Congress opened.", source),
    ]
    assert run_checks(systems, matcher, checks=["term-inconsistent"]) == []
    # another article in the same batch is still compared with each of them
    other = SegmentText("article", "1", "The 20th CPC National Congress was held in Beijing.", "二十大在北京举行。")
    findings = run_checks([*systems, other], matcher, checks=["term-inconsistent"])
    assert [(f.document, f.text) for f in findings] == [("system-A", "20th Party Congress")]


@pytest.mark.parametrize(
    "texts",
    [
        ("the 20th CPC National Congress", "the 20th CPC National Congress"),
        ("The provincial two sessions ended.", "the provincial two sessions"),  # sentence-initial capital is not a variant
        ("the Communist Party of China", "the CPC"),  # full form and abbreviation
    ],
)
def test_consistent_renderings_pass(matcher, texts):
    assert run(matcher, *texts, check="term-inconsistent") == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("strengthen the “four consciousnesses” and strengthen the “four consciousnesses”. self", "strengthen the “four consciousnesses”"),
        ("we must must act", " must"),
        ("promote reform, promote reform and opening up", "promote reform"),
    ],
)
def test_repetition_flags(matcher, text, flagged):
    (f,) = run(matcher, text, check="repetition")
    assert f.text == flagged


@pytest.mark.parametrize(
    "text",
    [
        "comprehensive study, comprehensive grasp and comprehensive implementation",
        "more and more people",
        "step by step",
        "in 2022 2023 was better",
        "He said that that was fine.",
    ],
)
def test_repetition_passes(matcher, text):
    assert run(matcher, text, check="repetition") == []


def test_repeated_sentence_in_document(matcher):
    findings = run(matcher, "The meeting studied other matters today.", "Then it closed.", "The meeting studied other matters today.", check="repetition")
    assert [(f.segment, f.message) for f in findings] == [("3", "This sentence repeats segment 1.")]


@pytest.mark.parametrize(
    "text, flagged, suggestion",
    [
        ("in a new era , the work", " ,", ","),
        ("tasks .", " .", "."),
        ("self-confidence” and “two safeguards”.", "”", None),
        ("the “Liaoshen Campaign” and “new era, the work", "“", None),
        ("the goal（2023）", "（", "("),
        ("we must，act", "，", ","),
        ("one,two", ",", ", "),
        ("the Two Upholds ,and advance", " ,", ", "),
        ("a ;b", " ;", "; "),
        ("self-governance.The number", ".", ". "),
        ("a  b", "  ", " "),
        ("(see above", "(", None),
    ],
)
def test_punctuation_flags(matcher, text, flagged, suggestion):
    findings = run(matcher, text, check="punctuation")
    assert (findings[0].text, findings[0].suggestion) == (flagged, suggestion)


@pytest.mark.parametrize(
    "text",
    ["He said: “We will win.”", "GDP grew 5.2% to 1,000.5 billion yuan.", "the “two sessions” (NPC and CPPCC)", "Wait... what?",
     "The U.S. and the U.K. met.", "at 10:30 on Jan. 5", "see www.gov.cn for details"],
)
def test_punctuation_passes(matcher, text):
    assert run(matcher, text, check="punctuation") == []


def test_broken_sentence(matcher):
    assert [f.text for f in run(matcher, "self-confidence” and “two safeguards”.", check="broken-sentence")] == ["self-confidence"]
    assert run(matcher, "Self-confidence matters.", check="broken-sentence") == []


def test_finding_keys_are_stable_and_unique(matcher):
    findings = run(matcher, "The two establishments, or the two establishments", check="term-forbidden")
    keys = [f.key for f in findings]
    assert len(set(keys)) == len(keys) == 2
    again = run(matcher, "Today: The two establishments, or the two establishments", check="term-forbidden")
    assert [f.key for f in again] == keys


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("carry forward The spirit of self-reform", "The"),
        ("the Communist Party of China; According to the spirit", "According"),
        ("the carrier can be quantified , The carrier can be inspected", "The"),
    ],
)
def test_stray_capital_flags(matcher, text, flagged):
    (f,) = run(matcher, text, check="capitalization")
    assert (f.text, f.suggestion) == (flagged, flagged.lower())


@pytest.mark.parametrize(
    "text",
    ["The meeting opened. The Party Congress closed.", "He said: The work is done.", "Governor Li Lecheng spoke with Xi Jinping.",
     "the Belt and Road Initiative", "the 2023 Fuxin Municipal Government Work Report Task List"],
)
def test_stray_capital_passes(matcher, text):
    assert run(matcher, text, check="capitalization") == []


def test_segment_inconsistency(matcher):
    units = [
        SegmentText("d", "1", "The meeting was held.", "会议召开。"),
        SegmentText("d", "2", "The meeting  was held.", "会议 召开。"),  # same after normalising: fine
        SegmentText("d", "3", "A meeting took place.", "会议召开。"),  # same source, other translation
        SegmentText("d", "4", "The meeting was held.", "大会召开。"),  # same translation, other source
        SegmentText("d", "5", "No source here.", None),
    ]
    findings = run_checks(units, matcher, checks=["segment-inconsistent"])
    assert [(f.segment, f.suggestion) for f in findings] == [("3", "The meeting was held."), ("4", None)]


@pytest.mark.parametrize(
    "text, odd, suggestion, codepoint",
    [
        ("deeply understand the Two\u2011Establishes", "\u2011", "-", "U+2011"),
        ("strengthen the four\u00a0consciousnesses", "\u00a0", " ", "U+00A0"),
        ("strengthen the four\u200b consciousnesses", "\u200b", "", "U+200B"),
        ("strengthen the four\nconsciousnesses", "\n", " ", "U+000A"),
        ("cultivate enterprises above designated\u2002size", "\u2002", " ", "U+2002"),
        ("the \uff14th Five-Year Plan", None, None, None),  # not a term of the mini termbase: nothing to say
    ],
)
def test_typography_inside_terms(matcher, text, odd, suggestion, codepoint):
    findings = run(matcher, text, check="typography")
    if odd is None:
        assert findings == []
        return
    (f,) = findings
    assert (f.text, f.suggestion, f.details["codepoint"]) == (odd, suggestion, codepoint)
    assert codepoint in f.message and f.term is not None


@pytest.mark.parametrize(
    "text",
    [
        "deeply understand the “Two Establishes”",  # curly quotes around a term are ordinary typography
        "the Party\u2019s self-reform",
        "strengthen the four consciousnesses\u00a0now",  # the odd space is outside the term
    ],
)
def test_typography_leaves_ordinary_text_alone(matcher, text):
    assert run(matcher, text, check="typography") == []


def test_forbidden_and_nonstandard_are_separate_checks(matcher):
    findings = run(matcher, "the two establishments and the four consciousness", check=WRONG)
    assert [(f.check, f.text) for f in findings] == [("term-forbidden", "two establishments"), ("term-nonstandard", "four consciousness")]
    assert run(matcher, "the two establishments", check="term-nonstandard") == []


def test_broken_sentence_needs_a_sentence_source(matcher):
    def check(target, source):
        return run_checks([SegmentText("d", "1", target, source)], matcher, checks=["broken-sentence"])

    assert check("enterprises above the standard", "规上企业") == []  # a term in a table cell
    assert len(check("self-confidence and two safeguards.", "坚定“四个自信”、做到“两个维护”。")) == 1
    assert len(check("self-confidence and two safeguards.", None)) == 1


def test_an_untranslated_unit_is_reported_once(matcher):
    unit = SegmentText("d", "1", "", "全面推进乡村振兴，地区生产总值达到1.2万亿元。")
    findings = run_checks([unit], matcher)
    assert [(f.check, f.message) for f in findings] == [("omission", "The segment has no target: the source was not translated.")]


def test_segment_inconsistent_never_offers_a_wrong_rendering_and_names_the_document(matcher):
    units = [
        SegmentText("a/one.xlf", "1", "Uphold the two establishments.", "坚持“两个确立”。"),
        SegmentText("b/two.xlf", "1", "Uphold the Two Establishes firmly.", "坚持“两个确立”。"),
    ]
    (f,) = run_checks(units, matcher, checks=["segment-inconsistent"])
    assert f.suggestion is None and "segment 1 of one.xlf" in f.message


def test_an_admitted_term_used_before_official_english_took_it_up():
    """自我革命: Xinhua wrote "self-reform" from 2021 and "self-revolution" again from 2025; in
    an article of 2023 "self-revolution" is the non-standard one (the document's date decides)."""
    from reviewer.core.document import Document, document_date
    from reviewer.core.termbase.model import Concept, Status, Term, Termbase

    tb = Termbase("t", [Concept("c1", zh=[Term("自我革命", lang="zh-Hans")], en=[Term("self-reform"), Term("self-revolution", status=Status.ADMITTED, valid_from="2025")])])
    m = TermMatcher([tb])
    text = "The Party's self-revolution goes on."

    def run(date: str) -> list:
        return run_checks([SegmentText("d", "1", text, None, date)], m, checks=["term-nonstandard"])

    (f,) = run("2023-01-19")
    assert f.text == "self-revolution" and f.suggestion == "self-reform" and "from 2025" in f.message
    assert run("2025-12-31") == [] and run("2026") == [] and run("") == []
    assert [document_date(Document(path=None, segments=[], metadata={"date": d})) for d in ("2023-01-19", "2023/1/9 08:00", "March 2024", "")] == ["2023-01-19", "2023-01-09", "2024", ""]


def test_leading_group_is_never_a_wrong_rendering_of_the_leadership_team(shipped_termbase):
    """Issue 15: "Leading Group" is the official rendering of 领导小组, so it is not reported as a
    rendering of 领导班子 in English alone; with 领导班子 in the source, "leading groups" is."""
    m = TermMatcher([shipped_termbase])
    text = "The county Party committee's Rural Work Leading Group met on Monday."
    assert {h.concept.source_term for h in m.match(text) if "Leading" in h.text} == {"领导小组"}
    assert run_checks([SegmentText("d", "1", text)], m) == []
    (f,) = run_checks([SegmentText("d", "1", "The leading groups met.", "领导班子开会")], m, checks=["term-missing"])
    assert f.term.source == "领导班子" and "leadership team" in f.message
