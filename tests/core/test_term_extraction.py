"""Candidate terms: frequent phrases that no concept covers, ranked by C-value."""

from __future__ import annotations

import csv

import pytest

from reviewer.cli import main
from reviewer.core.checks import SegmentText
from reviewer.core.matching import TermMatcher
from reviewer.core.term_extraction import extract_candidates
from tests.conftest import shared_path


def _units(lines: list[str], sources: list[str] | None = None) -> list[SegmentText]:
    return [SegmentText("doc.txt" if i % 2 else "other.txt", str(i + 1), text, sources[i] if sources else None) for i, text in enumerate(lines)]


@pytest.fixture(scope="module")
def matcher(shipped_termbase):
    return TermMatcher([shipped_termbase])


def test_a_frequent_uncovered_phrase_is_a_candidate_and_a_term_is_not(matcher):
    lines = [
        "The county promoted the mountain tea garden this year.",
        "Officials said the mountain tea garden grew by 8%.",
        "Its mountain tea garden was praised, as was the “two establishments”.",
        "The “two establishments” matter; the “two establishments” were studied.",
    ]
    found = {c.text: c for c in extract_candidates(_units(lines), matcher, min_count=3)}
    assert "mountain tea garden" in found
    c = found["mountain tea garden"]
    assert (c.language, c.count, c.documents) == ("en", 3, 2)
    assert c.places == (("other.txt", "1"), ("doc.txt", "2"), ("other.txt", "3"))
    # the termbase knows 两个确立 (its MT rendering is flagged, not proposed), and a phrase that
    # only ever occurs inside the longer one is not proposed on its own
    assert not any("establishments" in t for t in found)
    assert "mountain tea" not in found and "tea garden" not in found


def test_function_words_punctuation_and_repeats_bound_a_candidate(matcher):
    lines = ["We saw the old city wall, and the old city wall stood. The old city wall!"] * 2 + ["Report report report report."] * 3
    found = {c.text for c in extract_candidates(_units(lines), matcher, min_count=3)}
    assert "old city wall" in found
    assert not any(t.startswith(("the ", "and ")) or t.endswith((" the", " and")) for t in found)
    assert "wall and the old city" not in {t.lower() for t in found} and "wall stood" not in found
    assert not any(t.lower().startswith("report report") for t in found)


def test_min_count_and_limit(matcher):
    lines = ["A grain depot opened.", "Each grain depot closed."] + [
        "A river dredging project began.",
        "The river dredging project ended.",
        "Its river dredging project grew.",
        "Every river dredging project matters.",
    ]
    assert {c.text for c in extract_candidates(_units(lines), matcher, min_count=3)} == {"river dredging project"}
    assert len(extract_candidates(_units(lines), matcher, min_count=2)) == 2
    assert len(extract_candidates(_units(lines), matcher, min_count=2, limit=1)) == 1


def test_chinese_candidates_come_from_the_source(matcher):
    sources = ["全县大力发展乡村旅游产业。", "乡村旅游产业带动了就业。", "要把乡村旅游产业做大做强，坚持两个确立。"]
    lines = ["The county developed rural tourism.", "Rural tourism created jobs.", "Make rural tourism bigger and uphold the Two Establishes."]
    found = {c.text: c for c in extract_candidates(_units(lines, sources), matcher, min_count=3)}
    assert found["乡村旅游产业"].language == "zh" and found["乡村旅游产业"].count == 3
    assert "两个确立" not in found  # a concept of the termbase
    assert "rural tourism" in found


def test_cli_lists_candidates_and_writes_csv(tmp_path, capsys, sample_path):
    out = tmp_path / "c.csv"
    assert main(["candidates", str(sample_path), "--min-count", "2", "--limit", "5", "--csv", str(out)]) == 0
    printed = capsys.readouterr()
    assert "go all out to promote" in printed.out and "candidate term(s)" in printed.err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["candidate", "language", "count", "documents", "score", "segments"] and len(rows) == 6
    assert main(["candidates", str(sample_path), "--csv", str(out)]) == 2  # never overwritten without --force
    assert "--force" in capsys.readouterr().err
    assert main(["candidates", str(tmp_path / "missing.txt")]) == 2
    # a bad output is refused before any work, with what is wrong
    assert main(["candidates", str(sample_path), "--csv", str(tmp_path / "no" / "c.csv")]) == 2
    err = capsys.readouterr()
    assert "does not exist" in err.err and not err.out
    assert main(["candidates", str(sample_path), "--csv", str(tmp_path), "--force"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["candidates", str(sample_path), "--min-count", "1"]) == 2
    assert "at least 2" in capsys.readouterr().err


def test_wmt_political_news_candidates(matcher):
    """On 1,648 real WMT outputs the top candidates are the political terms the termbase lacks."""
    path = shared_path("mt-eval-zhen", "wmt_zhen_term_translations.tsv")
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    with shared_path("mt-eval-zhen", "wmt_zhen_term_sources.tsv").open(encoding="utf-8", newline="") as fh:
        sources = {(r["testset"], r["line"]): r["source_zh"] for r in csv.DictReader(fh, delimiter="\t")}
    units = [SegmentText(r["system"], f"{r['testset']}:{r['line']}", r["translation_en"], sources.get((r["testset"], r["line"]))) for r in rows]
    top = [c.text for c in extract_candidates(units, matcher, limit=40)]
    for expected in ("people of all ethnic groups", "国内大循环", "Inner Mongolia", "socialism with Chinese characteristics"):
        assert expected in top
    assert "Mongolia Autonomous Region" not in top  # never outside the longer name
