"""Literal renderings with no source: gloss patterns, calque rules and the context gate, as tables."""

from __future__ import annotations

import pytest

from reviewer.core.calques.gate import judge, ordinary_english
from reviewer.core.calques.patterns import LiteralDetector, build_pattern, parse_override
from reviewer.core.calques.rules import load_rules, parse_rules
from reviewer.core.checks import CheckContext, CheckOptions, SegmentText, run_checks
from reviewer.core.errors import InputError
from reviewer.core.matching import TermMatcher
from reviewer.core.paths import SHIPPED_CALQUE_RULES, SHIPPED_TERMBASE
from reviewer.core.termbase import load_termbase
from reviewer.core.termbase.model import Concept, Status, Term, Termbase
from reviewer.core.termbase.tbx import read_tbx, write_tbx

CALQUE_CHECKS = ["term-literal", "calque"]
ALL_TERM = ["term-forbidden", "term-nonstandard", "term-literal", "calque"]

#: A Chinese local-news frame: the gate opens on it (a Chinese place, a Party body).
CHINA = "At the meeting of the Fuxin municipal Party committee, officials said: "


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher([load_termbase(SHIPPED_TERMBASE)])


def findings(matcher: TermMatcher, text: str, checks: list[str] = CALQUE_CHECKS, subject: str = "auto", rules: str | None = None) -> list:
    unit = SegmentText("doc", "1", text)
    return run_checks([unit], matcher, checks=checks, context=CheckContext(matcher, CheckOptions(subject=subject, calque_rules=rules)))


@pytest.fixture()
def no_rules(tmp_path) -> str:
    """A rules file with no rules, so that term-literal is seen alone (a calque rule's finding
    on the same span takes its place)."""
    path = tmp_path / "none.toml"
    path.write_text('version = "0"\n', encoding="utf-8")
    return str(path)


# -- gloss patterns ----------------------------------------------------------


def test_pattern_parts_come_from_jieba_and_cc_cedict():
    concept = Concept("x", zh=[Term("作风建设", lang="zh-Hans")], en=[Term("improving conduct")])
    pattern = build_pattern(concept)
    assert pattern is not None
    assert [p.zh for p in pattern.parts] == ["作风", "建设"]
    assert "style" in pattern.parts[0].stems and "construct" in pattern.parts[1].stems
    # a word CC-CEDICT lacks falls apart into words it has (全面 从严 治 党)
    whole = build_pattern(Concept("y", zh=[Term("全面从严治党", lang="zh-Hans")], en=[Term("full and rigorous Party self-governance")]))
    assert whole is not None and [p.zh for p in whole.parts] == ["全面", "从严", "治", "党"]


def test_one_dictionary_word_has_no_pattern():
    # 党组 is one CC-CEDICT word: its characters' glosses would make "party organizations"
    assert build_pattern(Concept("z", zh=[Term("党组", lang="zh-Hans")], en=[Term("leading Party members group")])) is None


@pytest.mark.parametrize(
    "text, concept, words",
    [
        (CHINA + "We will strengthen the construction of work style in all departments.", "作风建设", {"construction", "work", "style"}),
        (CHINA + "Promote high quality development of the county economy and the new era of reform.", None, None),
    ],
)
def test_literal_rendering_table(matcher, no_rules, text, concept, words):
    got = [f for f in findings(matcher, text, rules=no_rules) if f.check == "term-literal"]
    if concept is None:
        assert got == []
        return
    assert len(got) == 1
    f = got[0]
    assert f.term.source == concept and f.suggestion
    assert {g["english"].lower() for g in f.details["glosses"]} == words
    assert 0 < f.details["confidence"] <= 1 and f.score == pytest.approx(f.details["confidence"] * 100)


def test_literal_rendering_is_suppressed_inside_an_acceptable_term(matcher):
    # "primary-level Party organizations" is the standard rendering: no literal finding inside it
    text = CHINA + "Primary-level Party organizations and the Party Central Committee with Comrade Xi Jinping at its core."
    assert findings(matcher, text) == []


def test_override_off_and_extra_glosses():
    assert parse_override("off").off
    o = parse_override("parts: 党风 廉政 建设; 党风: Party conduct; ignore: way, drive")
    assert o.parts == ("党风", "廉政", "建设") and o.extra == (("党风", ("Party conduct",)),) and "way" in o.ignore
    with pytest.raises(ValueError, match="not Chinese"):
        parse_override("style: conduct")
    concept = Concept("c", zh=[Term("党风廉政建设", lang="zh-Hans")], en=[Term("improving Party conduct and building integrity")], gloss_pattern="off")
    assert build_pattern(concept) is None


def test_gloss_pattern_override_round_trips_through_tbx(tmp_path):
    tb = Termbase("t", [Concept("c1", zh=[Term("作风建设", lang="zh-Hans")], en=[Term("improving conduct")], gloss_pattern="作风: conduct; ignore: way")])
    write_tbx(tb, tmp_path / "t.tbx")
    assert read_tbx(tmp_path / "t.tbx").concepts[0].gloss_pattern == "作风: conduct; ignore: way"


def test_a_bad_override_is_reported_not_raised():
    tb = Termbase("t", [Concept("c1", zh=[Term("作风建设", lang="zh-Hans")], en=[Term("improving conduct")], gloss_pattern="nonsense")])
    d = LiteralDetector(TermMatcher([tb]))
    assert d.patterns == [] and d.errors and d.errors[0][0] == "c1"


# -- calque rules --------------------------------------------------------------


def test_every_shipped_rule_behaves_on_its_own_examples():
    rules = load_rules(SHIPPED_CALQUE_RULES)
    assert len(rules.rules) >= 30
    assert rules.check_examples() == []
    for rule in rules.rules:
        assert rule.fires and rule.quiet and rule.source and rule.explanation, rule.id


@pytest.mark.parametrize(
    "text, rule, flagged, suggestion",
    [
        ("The GDP of my country grew by 5.2%.", "my-country", "my country", "China"),
        ("Our country's grain output rose.", "my-country", "Our country", "China"),
        ("We must strengthen clean government construction.", "construction-of-abstract", "clean government construction", "building integrity"),
        ("We deeply implemented the new development philosophy.", "deeply-implement", "deeply", "fully"),
        ("The grass-roots level was strengthened.", "grass-roots", "grass-roots level", "primary level"),
        ("Our county has built 12 new schools.", "our-place", "Our", "the"),
        ("We will deepen reform in an all-round way.", "all-round-way", "in an all-round way", "fully"),
    ],
)
def test_calque_rule_table(matcher, text, rule, flagged, suggestion):
    got = [f for f in findings(matcher, CHINA + text) if f.check == "calque"]
    assert [(f.details["rule"], f.text, f.suggestion) for f in got] == [(rule, flagged, suggestion)]


def test_rules_file_errors_are_named(tmp_path):
    with pytest.raises(ValueError, match="rule r1: no explanation"):
        parse_rules('[[rule]]\nid = "r1"\npatterns = ["my country"]\n')
    with pytest.raises(ValueError, match="no class"):
        parse_rules('[[rule]]\nid = "r1"\npatterns = ["{nope} construction"]\nexplanation = "x"\n')
    with pytest.raises(ValueError, match="used twice"):
        parse_rules('[[rule]]\nid = "r"\npatterns = ["a b"]\nexplanation = "x"\n[[rule]]\nid = "r"\npatterns = ["a b"]\nexplanation = "x"\n')
    bad = tmp_path / "bad.toml"
    bad.write_text("x = [\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid rules file"):
        load_rules(bad)


def test_a_span_mark_flags_only_its_words():
    rules = parse_rules('[[rule]]\nid = "r"\npatterns = ["[deeply] implement"]\nexplanation = "x"\nsuggestion = "fully"\n')
    (m,) = rules.find("They deeply implementing it.")
    assert (m.text, m.suggestion) == ("deeply", "fully")
    assert rules.find("They were deeply moved.") == []


# -- official sentences stay clean ----------------------------------------------

#: Official English (the report to the 20th CPC National Congress, 2022; the Government Work
#: Report 2024, english.www.gov.cn; Xinhua): correct text that no calque check may flag.
OFFICIAL = [
    "We must exercise full and rigorous self-governance over the Party and improve Party conduct, build integrity, and combat corruption.",
    "The Party Central Committee with Comrade Xi Jinping at its core has led the whole Party and the Chinese people of all ethnic groups.",
    "We will strengthen primary-level Party organizations and promote high-quality development.",
    "We will fully implement the new development philosophy and advance rural revitalization across the board.",
    "We will continue to study and implement the guiding principles of the 20th CPC National Congress.",
    "China's GDP grew by 5.2 percent, and the surveyed urban unemployment rate averaged 5.2 percent.",
    "We will build a modern socialist country in all respects and advance the great rejuvenation of the Chinese nation on all fronts through Chinese modernization.",
    "Efforts will be made to ensure workplace safety and to improve the people's wellbeing.",
    "We will keep the people's interests in mind and solve the problems that concern them most.",
]


@pytest.mark.parametrize("text", OFFICIAL)
def test_official_sentences_raise_no_calque_finding(matcher, text):
    assert findings(matcher, text, subject="china") == []


# -- the context gate --------------------------------------------------------------

ORDINARY = [
    "The Moscow branch of the party held its congress in a rented hall, and the research and deployment of the new voting app was delayed.",
    "Brooklyn contractors must follow safe construction practices, the city's buildings department said.",
    "In Brazil, grain safety inspectors visited 40 farms, and the leading group of cyclists reached São Paulo at noon.",
    "\"I love my country,\" the veteran told the crowd in Ohio, and the masses at St Patrick's were livestreamed.",
    "Agile methods are deeply implemented in the bank's software teams, the report found.",
]


def test_ordinary_english_raises_nothing(matcher):
    units = [SegmentText("news", str(n), t) for n, t in enumerate(ORDINARY)]
    assert run_checks(units, matcher, checks=ALL_TERM) == []


def test_the_same_words_fire_in_chinese_party_news(matcher):
    text = CHINA + "The research and deployment of the county party committee was praised, and my country's grain output rose."
    got = {f.check for f in findings(matcher, text, checks=ALL_TERM)}
    assert {"calque"} <= got and got & {"term-forbidden", "term-nonstandard"}


def test_declared_subject_overrides_the_gate(matcher):
    text = "The GDP of my country grew by 5.2%."
    assert findings(matcher, text) == []  # no sign of Chinese public affairs
    assert [f.check for f in findings(matcher, text, subject="china")] == ["calque"]
    assert findings(matcher, CHINA + text, subject="other") == []


def test_gate_verdicts():
    assert judge(["x"], [], [], has_source=True).open
    v = judge(["Officials of Fuxin and Zhangwu met."], ["county Party committee"], [], has_source=False)
    assert v.open and "Fuxin" in v.signs
    assert not judge(["The mayor of Moscow met the press."], [], [], has_source=False).open
    with pytest.raises(ValueError):
        judge([], [], [], has_source=False, subject="maybe")


@pytest.mark.parametrize("term, ordinary", [("research and deployment", True), ("safe construction", True), ("CPC Central Committee", False), ("Fuxin", False)])
def test_ordinary_english_terms(term, ordinary):
    assert ordinary_english(term) is ordinary


def test_a_calque_rule_takes_the_place_of_a_literal_rendering(matcher, no_rules):
    text = CHINA + "We will strengthen the construction of work style."
    assert [f.check for f in findings(matcher, text)] == ["calque"]
    (f,) = findings(matcher, text, rules=no_rules)
    assert f.check == "term-literal" and f.text == "the construction of work style" and f.suggestion == "improving conduct"
    assert f.term.status == "literal" and f.term.status not in {s.value for s in Status}
    assert "construction→建设" in f.message and "confidence" in f.message


def test_official_sentences_from_the_research_set_stay_clean(matcher):
    """101 sentences of official English (Xinhua, gov.cn, the 20th Congress report), gathered with
    their URLs in eval/calque-research/official-sentences.tsv: no calque or literal finding."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "eval" / "calque-research" / "official-sentences.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) >= 100
    units = [SegmentText("official", r["id"], r["text"]) for r in rows]
    got = run_checks(units, matcher, checks=CALQUE_CHECKS, context=CheckContext(matcher, CheckOptions(subject="china")))
    assert [(f.segment, f.check, f.text) for f in got] == []


BRAZIL = (
    "RIO DE JANEIRO, Monday. Brazil's federal government and the state of Minas Gerais announced new spending on roads, "
    "clinics and schools this week, after months of debate in Brasília. The governor told reporters in Belo Horizonte that "
    "the money would reach small towns first, and the opposition said it would watch every contract closely before the "
    "October elections. Farmers in Goiás welcomed the plan."
)


def test_every_listed_variant_that_is_ordinary_english_is_quiet_in_news_about_elsewhere(matcher, shipped_termbase):
    """Issue 15: a forbidden or deprecated variant made of everyday English words ("research and
    deployment", "grain safety") raises nothing in a story about Brazil: the context gate holds
    every one of them, each in a document of its own."""
    from reviewer.core.termbase.model import MatchMode

    variants = sorted(
        {t.text for c in shipped_termbase.concepts for t in c.en if not t.status.acceptable and t.match is not MatchMode.SOURCE and ordinary_english(t.text)}
    )
    assert len(variants) >= 300
    units = []
    for n, variant in enumerate(variants):
        units += [SegmentText(f"brazil-{n}", "1", BRAZIL), SegmentText(f"brazil-{n}", "2", f"Residents in São Paulo also spoke of {variant} at the town hall.")]
    got = run_checks(units, matcher, checks=ALL_TERM)
    assert [(f.document, f.text) for f in got] == []
    # the same sentences declared to be about Chinese public affairs: the variants are found
    declared = run_checks(units, matcher, checks=ALL_TERM, context=CheckContext(matcher, CheckOptions(subject="china")))
    assert len({f.document for f in declared}) >= 0.9 * len(variants)
