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
