import pytest

from reviewer.cli import main
from reviewer.core.termbase import Concept, Source, Status, Term, Termbase
from reviewer.core.termbase.validate import validate


def concept(cid, zh, *terms, sources=True):
    return Concept(
        id=cid,
        zh=[Term(zh, lang="zh-Hans")] if zh is not None else [],
        en=[Term(text, status=Status(status)) for text, status in terms],
        sources=[Source("Report to the 20th CPC National Congress")] if sources else [],
    )


def messages(*concepts):
    return [(p.severity, p.concept, p.message) for p in validate(Termbase("t", list(concepts)))]


def test_shipped_termbase_validates_clean(shipped_termbase):
    assert validate(shipped_termbase) == []
    assert len(shipped_termbase) >= 300 and all(c.sources for c in shipped_termbase.concepts)


@pytest.mark.parametrize(
    "concepts, expected",
    [
        ([concept("a", "两个确立", ("Two Establishes", "preferred")), concept("b", "两个确立", ("two pillars", "preferred"))], "Chinese term “两个确立” is also in concept b"),
        ([concept("a", "甲", ("rural revitalization", "preferred")), concept("b", "乙", ("Rural Revitalization", "preferred"))], "also preferred in concept b"),
        ([concept("a", "甲", ("two establishments", "forbidden"))], "no preferred English term"),
        ([concept("a", "甲", ("x", "preferred"), ("", "admitted"))], "an empty en term"),
        ([concept("a", "甲", ("party group", "preferred"), ("Party group", "forbidden"))], "both acceptable and forbidden"),
        ([concept("a", "甲", ("Party Central Committee", "preferred")), concept("b", "乙", ("x", "preferred"), ("Party Central", "forbidden"))], "occurs inside the preferred term “Party Central Committee”"),
        ([concept("a", "甲", ("x", "preferred")), concept("a", "乙", ("y", "preferred"))], "the id is used by 2 concepts"),
    ],
)
def test_validation_errors(concepts, expected):
    found = messages(*concepts)
    assert any(sev == "error" and expected in msg for sev, _, msg in found), found


def test_warnings():
    found = messages(concept("a", None, ("x", "preferred"), sources=False))
    assert ("warning", "a", "no Chinese term") in found and ("warning", "a", "no source for the renderings") in found


def test_glossary_cli(tmp_path, capsys, mini_tbx, shipped_termbase):
    from reviewer.core.paths import SHIPPED_TERMBASE

    assert main(["glossary", "validate", str(SHIPPED_TERMBASE)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("concept,zh,en,status\na,甲,two establishments,forbidden\n", encoding="utf-8")
    assert main(["glossary", "validate", str(bad)]) == 1
    assert "no preferred English term" in capsys.readouterr().out
    src = tmp_path / "g.csv"
    src.write_text("中文,English\n两个确立,Two Establishes\n两个维护,\n", encoding="utf-8")
    out = tmp_path / "g.tbx"
    assert main(["glossary", "import", str(src), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 rows read, 1 concepts imported, 0 rows merged, 1 skipped" in printed and "row 3: skipped: no English term" in printed
    assert main(["glossary", "import", str(src), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["glossary", "export", str(mini_tbx), "-o", str(tmp_path / "m.xlsx")]) == 0
    assert main(["glossary", "export", str(mini_tbx), "-o", str(mini_tbx), "--force"]) == 2
    assert main(["glossary", "stats", str(SHIPPED_TERMBASE)]) == 0
    n = len(shipped_termbase)
    printed = capsys.readouterr().out
    assert f"{n} concepts" in printed and "verified against an official text with a date or URL: " in printed
    best = next(line for line in printed.splitlines() if "concepts by best source:" in line)
    assert best.split(": ", 1)[1].startswith("official ") and "none" not in best  # every concept is sourced, most officially
    empty = tmp_path / "e.csv"
    empty.write_text("中文,English\n", encoding="utf-8")
    assert main(["glossary", "import", str(empty), "-o", str(tmp_path / "e.tbx")]) == 2
    assert "no term imported" in capsys.readouterr().err


def _dated(cid, **term_fields):
    c = concept(cid, "甲", ("x", "preferred"))
    for name, value in term_fields.items():
        setattr(c.en[0], name, value)
    return c


@pytest.mark.parametrize(
    "c, expected",
    [
        (_dated("a", threshold=float("nan")), "not a number from 0 to 100"),
        (_dated("a", threshold=140.0), "140 is not a number from 0 to 100"),
        (_dated("a", valid_from="2024-02-30"), "impossible date (day 30)"),
        (_dated("a", valid_to="2024-13"), "impossible date (month 13)"),
        (_dated("a", valid_from="last spring"), "is not a date"),
        (_dated("a", valid_from="2025", valid_to="2021"), "valid to 2021 is before valid from 2025"),
    ],
)
def test_impossible_values_are_errors(c, expected):
    assert any(sev == "error" and expected in msg for sev, _, msg in messages(c)), messages(c)


def test_a_series_of_years_is_a_source_date_but_an_impossible_day_is_not():
    c = concept("a", "甲", ("x", "preferred"))
    c.sources = [Source("Report on the Work of the Government", "State Council", "", "2023-2025")]
    assert messages(c) == []
    c.sources = [Source("Report on the Work of the Government", "State Council", "", "2025-02-29")]
    assert [sev for sev, _, msg in messages(c) if "impossible date" in msg] == ["error"]


def test_unknown_match_mode_and_bad_threshold_in_files(tmp_path):
    from reviewer.core.termbase import load_termbase

    tbx = tmp_path / "t.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>'
        '<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec><langSec xml:lang="en"><termSec><term>two pillars</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><termNote type="x-matchMode">fuzz</termNote>'
        '<termNote type="x-fuzzyThreshold">NaN</termNote></termSec></langSec></conceptEntry></body></text></tbx>',
        encoding="utf-8",
    )
    found = [msg for sev, _, msg in (lambda tb: [(p.severity, p.concept, p.message) for p in validate(tb)])(load_termbase(tbx)) if sev == "error"]
    assert any("unknown match mode “fuzz”" in m for m in found) and any("threshold “NaN”" in m for m in found)
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("zh,en,match,threshold\n甲,two pillars,sometimes,-5\n", encoding="utf-8")
    found = [p.message for p in validate(load_termbase(csv_file)) if p.severity == "error"]
    assert any("row 2: unknown match mode “sometimes”" in m for m in found) and any("threshold “-5”" in m for m in found)


def test_one_term_preferred_here_and_admitted_there_is_a_warning():
    a = concept("a", "视察", ("inspection tour", "preferred"))
    b = concept("b", "巡视", ("discipline inspection tours", "preferred"), ("inspection tour", "admitted"))
    assert ("warning", "a", "“inspection tour” is preferred here and admitted in concept b: the text cannot tell which concept it renders") in messages(a, b)
    from reviewer.core.termbase.model import MatchMode

    b.en[1].match = MatchMode.SOURCE  # counted only where the source has 巡视: the source tells them apart
    assert not any("admitted in concept" in msg for _, _, msg in messages(a, b))


@pytest.mark.parametrize(
    "source, kind, verifies",
    [
        (Source("Xi says CPC exercises strict self-governance", "Xinhua (en.people.cn)", "http://en.people.cn/n3/2025/1231/c90000-20409281.html", "2025-12-31"), "official", True),
        (Source("Government work report", "english.www.gov.cn", "", ""), "official", False),  # no date, no URL
        (Source("Global Times report", "Global Times", "", "2019"), "Chinese media", False),
        (Source("Project reference termbase: recalled rendering", "project reference (unverified)", "", ""), "reference list", False),
        (Source("Liaoshen campaign", "Wikipedia", "https://en.wikipedia.org/wiki/Liaoshen_campaign", ""), "dictionary", False),
        (Source("China Media Project CMP Dictionary (not official)", "China Media Project", "", ""), "dictionary", False),
        (Source("The Diplomat article", "The Diplomat", "", "2021"), "third party", False),
        # a copy on a mirror names the outlet but verifies nothing; Wikisource's transcription of the report does
        (Source("China Daily story", "China Daily (via szjzcy.com)", "http://www.szjzcy.com/news/1.html", "2024-03"), "official", False),
        (Source("2024 Report on the Work of the Government", "State Council (Wikisource copy)", "https://en.wikisource.org/wiki/2024_Report", "2024-03-05"), "official", True),
    ],
)
def test_kinds_of_source(source, kind, verifies):
    from reviewer.core.termbase.sources import source_kind
    from reviewer.core.termbase.sources import verifies as can_verify

    assert (source_kind(source), can_verify(source)) == (kind, verifies)


def test_verified_without_an_official_dated_source_is_a_warning():
    c = concept("a", "甲", ("x", "preferred"))
    c.verified = "yes"
    c.sources = [Source("Global Times report", "Global Times", "", "2019")]
    assert any("no source is an official outlet" in msg for sev, _, msg in messages(c) if sev == "warning")
    c.sources.append(Source("Xinhua English news report", "Xinhua", "", "2021"))
    assert not any("verified" in msg for _, _, msg in messages(c))


def test_shipped_termbase_is_honest_about_verification(shipped_termbase):
    """Issue 15: at least 1,000 concepts, 70% of them verified against a dated official text."""
    from reviewer.core.termbase.sources import verifies

    verified = [c for c in shipped_termbase.concepts if c.verified == "yes"]
    assert len(shipped_termbase) >= 1000 and len(verified) >= 0.7 * len(shipped_termbase)
    assert all(any(verifies(s) for s in c.sources) for c in verified)
