"""The seed article against the shipped termbase: what a professional reviewer of
Chinese political news would flag, with the standard rendering as the suggestion,
and nothing on the correctly rendered standard terms."""

import pytest

from reviewer.core.checks.terms import out_of_use
from reviewer.core.document import document_date

from reviewer.core.matching import HitKind
from reviewer.core.readers import read_document
from reviewer.core.review import make_review


@pytest.fixture(scope="module")
def review(sample_path, shipped_termbase):
    r = make_review([read_document(sample_path)], [shipped_termbase])
    r.run_checks()
    return r


def test_shipped_termbase_size_and_sources(shipped_termbase):
    assert len(shipped_termbase) >= 100
    for c in shipped_termbase.concepts:
        assert c.source_term, c.id
        assert sum(t.status.value == "preferred" for t in c.en) == 1, c.id
        assert c.sources, c.id


EXPECTED = [
    ("5", "term-nonstandard", "four consciousnesses", "Four Consciousnesses"),  # Xinhua keeps the formula's capitals (issue 15)
    # (segment, check, flagged text, suggestion)
    ("1", "term-forbidden", "enlarged meeting of the party group", "enlarged meeting of the leading Party members group"),
    ("1", "term-forbidden", "Democratic Life Meeting", "meeting of criticism and self-criticism"),
    # in a title written in Title Case beside "Mayor and", as the other titles of the sentence are
    ("2", "term-forbidden", "Party Secretary of the Municipal Government", "Secretary of the Leading Party Members Group of the Municipal Government"),
    ("3", "term-nonstandard", "comprehensive and strict party governance", "full and rigorous Party self-governance"),
    ("5", "term-forbidden", "speak politics with a clear-cut stand", "take a clear political stand"),
    ("5", "term-forbidden", "two establishments", "Two Establishes"),
    ("5", "term-inconsistent", "20th National Congress of the Party", "20th CPC National Congress"),
    ("5", "repetition", "strengthen the “four consciousnesses”", None),
    ("6", "broken-sentence", "self-confidence", None),
    ("6", "punctuation", "”", None),
    ("6", "term-nonstandard", "two safeguards", "Two Upholds"),
    ("7", "term-nonstandard", "the comprehensive and strict governance of the party", "full and rigorous Party self-governance"),
    ("7", "term-forbidden", "eight central regulations", "eight-point decision"),
    ("7", "term-inconsistent", "20th Party Congress", "20th CPC National Congress"),
    ("8", "term-forbidden", "democratic life meeting", "meeting of criticism and self-criticism"),
    ("8", "term-nonstandard", "self-revolution", "self-reform"),
    ("9", "term-nonstandard", "provincial party committee", "provincial Party committee"),
    ("9", "punctuation", " ,", ","),
    ("14", "term-forbidden", "enterprises above the standard", "enterprises above designated size"),
    ("14", "term-forbidden", "practical projects of people’s livelihood", "practical projects to improve people’s lives"),
    ("17", "term-forbidden", "Rule of Law Government", "Law-Based Government"),  # inside a quoted Title Case title
    ("17", "term-nonstandard", "Implementation Opinions", "Implementation Guidelines"),
    ("5", "term-inconsistent", "20th National Congress of the Party", "20th CPC National Congress"),
    ("18", "punctuation", " ,", ","),
    ("1", "capitalization", "According", "according"),
    ("8", "capitalization", "The", "the"),
    ("20", "term-forbidden", "vice chairman of the Chinese People’s Political Consultative Conference", "vice chairman of the CPPCC Municipal Committee"),
]


@pytest.mark.parametrize("segment, check, text, suggestion", EXPECTED)
def test_reviewer_would_flag(review, segment, check, text, suggestion):
    got = [(f.text, f.suggestion) for f in review.findings if f.segment == segment and f.check == check]
    assert (text, suggestion) in got, got


CORRECT = [
    "Political Bureau of the CPC Central Committee",
    "Political Bureau of the Central Committee of the Communist Party of China",
    "20th CPC National Congress",
    "centralized and unified leadership of the Party Central Committee",
    "General Secretary Xi Jinping",
    "executive meeting",
    "high-quality development",
    "Governor",
]


def test_correct_standard_terms_are_recognised_and_never_flagged(review):
    doc = review.documents[0]
    key = review.doc_key(doc)
    acceptable = []
    for seg in doc.segments:
        for hit in review.matcher.match(seg.target):
            if hit.acceptable and not out_of_use(hit.term, document_date(doc)):  # "self-revolution": official from 2025, the sample is of 2023
                acceptable.append((seg.id, hit.start, hit.end, hit.text))
    recognised = {t for *_, t in acceptable}
    for phrase in CORRECT:
        assert any(phrase.lower() in r.lower() for r in recognised), phrase
    for f in review.findings:
        if f.check not in ("term-nonstandard", "term-forbidden", "term-literal", "calque") or f.document != key:
            continue
        for seg, s, e, text in acceptable:
            if text in (f.suggestion or ""):
                continue  # the span was widened over words the suggestion writes again ("the [general principle of] …")
            assert not (seg == f.segment and s < f.end and f.start < e), f"{text!r} is correct but flagged: {f.message}"


def test_capitals_alone_raise_no_inconsistency(review):
    # "provincial two sessions" in running text and "Provincial Two Sessions" in a heading (segment 11)
    assert [f.text for f in review.findings if f.check == "term-inconsistent" and "two sessions" in f.text.lower()] == []


def test_every_term_finding_carries_the_concept(review):
    for f in review.findings:
        if f.check.startswith("term-"):
            assert f.term and f.term.source and f.term.preferred and f.suggestion


def test_no_near_miss_noise_on_the_seed(review):
    near = [f for f in review.findings if f.details.get("kind") == HitKind.NEAR.value]
    assert len(near) <= 3, [f.text for f in near]
