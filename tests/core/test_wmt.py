"""Real WMT zh-en system outputs on political news (../shared/mt-eval-zhen; skipped when absent)."""

import csv

import pytest

from reviewer.core.checks import SegmentText, run_checks
from reviewer.core.matching import HitKind, TermMatcher
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def wmt():
    path = shared_path("mt-eval-zhen", "wmt_zhen_term_translations.tsv")
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.fixture(scope="module")
def results(wmt, shipped_termbase):
    matcher = TermMatcher([shipped_termbase])
    units = [SegmentText(f"{r['testset']}:{r['system']}", r["line"], r["translation_en"]) for r in wmt]
    return units, run_checks(units, matcher), matcher


def test_offsets_always_slice_the_flagged_text(results):
    units, findings, _ = results
    text = {(u.document, u.segment): u.text for u in units}
    for f in findings:
        assert text[(f.document, f.segment)][f.start : f.end] == f.text


def test_known_mt_errors_are_caught(wmt, results):
    _, findings, _ = results
    flagged = {(f.document, f.segment, f.text.lower()) for f in findings if f.check in ("term-nonstandard", "term-forbidden")}
    expected = 0
    for r in wmt:
        low = r["translation_en"].lower()
        for wrong in ("two maintenance", "two establishments", "four self-confidence"):
            if wrong in low:
                expected += 1
                assert any(d == f"{r['testset']}:{r['system']}" and s == r["line"] and wrong in t for d, s, t in flagged), (r["system"], wrong)
    assert expected >= 40


def test_correct_terms_are_not_flagged(results):
    units, findings, matcher = results
    by_unit = {(u.document, u.segment): u.text for u in units}
    for f in findings:
        if f.check not in ("term-nonstandard", "term-forbidden"):
            continue
        for h in matcher.match(by_unit[(f.document, f.segment)]):
            if h.acceptable and h.text not in (f.suggestion or ""):  # a span widened over words the suggestion writes again
                assert not (h.start < f.end and f.start < h.end), (h.text, f.text)


def test_near_misses_stay_rare(results):
    _, findings, _ = results
    near = [f for f in findings if f.details.get("kind") == HitKind.NEAR.value]
    assert len(near) < 0.1 * len(results[0])
