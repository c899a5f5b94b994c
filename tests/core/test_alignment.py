"""Sentence alignment of a Chinese source with its English MT, and the two-file reader."""

from __future__ import annotations

import pytest

from reviewer.core import alignment
from reviewer.core.alignment import Bead, align
from reviewer.core.errors import InputError
from reviewer.core.matching import TermMatcher
from reviewer.core.readers.parallel import read_parallel

# Political news sentences and their translations, written for these tests.
Z_MEETING = "1月18日，市政府召开常务会议，研究部署2023年重点工作。"
E_MEETING = "On January 18, the municipal government held an executive meeting to study and make arrangements for key work in 2023."
Z_STRESS = "会议强调，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。"
E_STRESS = (
    "The meeting stressed the need to adhere to the general principle of pursuing progress while ensuring stability "
    "and to fully and faithfully apply the new development philosophy on all fronts."
)
Z_ECONOMY = "会议指出，全市经济运行稳中向好，主要指标好于预期，民生保障有力有效，社会大局和谐稳定。"
E_ECONOMY_1 = "The meeting pointed out that the city's economy has been stable and improving, with major indicators better than expected."
E_ECONOMY_2 = "People's livelihood has been effectively guaranteed, and the overall social situation has remained harmonious and stable."
Z_REPORT = "会议听取了全市安全生产工作情况汇报。"
Z_DOCS = "会议还审议了有关文件。"
E_REPORT_DOCS = "The meeting heard a report on work safety across the city and also deliberated on the relevant documents."
Z_REQUIRE = "会议要求，各级党组织要切实担负起主体责任，确保各项任务落到实处。"
E_REQUIRE = (
    "The meeting required Party organizations at all levels to earnestly shoulder their main responsibilities "
    "and ensure that all tasks are implemented."
)
Z_PEOPLE = "全市上下要坚持以人民为中心的发展思想，推动高质量发展取得新成效。"
E_PEOPLE = (
    "The whole city must adhere to the people-centered development philosophy and achieve new results "
    "in promoting high-quality development."
)
E_ADDED = (
    "The meeting was attended by members of the municipal leadership team, the heads of the relevant departments "
    "and representatives of enterprises from across the city."
)


def beads(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> list[Bead]:
    return [Bead(s, t) for s, t in pairs]


@pytest.mark.parametrize(
    "source, target, expected",
    [
        pytest.param(
            [Z_MEETING, Z_STRESS, Z_REQUIRE, Z_PEOPLE],
            [E_MEETING, E_STRESS, E_REQUIRE, E_PEOPLE],
            beads(((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))),
            id="1-1",
        ),
        pytest.param(
            [Z_MEETING, Z_ECONOMY, Z_REQUIRE],
            [E_MEETING, E_ECONOMY_1, E_ECONOMY_2, E_REQUIRE],
            beads(((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))),
            id="1-2 split",
        ),
        pytest.param(
            [Z_MEETING, Z_REPORT, Z_DOCS, Z_REQUIRE],
            [E_MEETING, E_REPORT_DOCS, E_REQUIRE],
            beads(((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))),
            id="2-1 merge",
        ),
        pytest.param(
            [Z_MEETING, Z_ECONOMY, Z_REQUIRE, Z_PEOPLE],
            [E_MEETING, E_REQUIRE, E_PEOPLE],
            beads(((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))),
            id="1-0 dropped",
        ),
        pytest.param(
            [Z_MEETING, Z_REQUIRE, Z_PEOPLE],
            [E_MEETING, E_ADDED, E_REQUIRE, E_PEOPLE],
            beads(((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,))),
            id="0-1 added",
        ),
        pytest.param([], [E_MEETING], beads(((), (0,))), id="no source"),
        pytest.param([Z_MEETING, Z_STRESS], [], beads(((0,), ()), ((1,), ())), id="no target"),
    ],
)
def test_align(source, target, expected):
    assert align(source, target) == expected


# Numbers decide which of two sentences the MT left out; by length alone, the other one.
Z_SECURITY = "会议强调，要统筹疫情防控和经济社会发展，扎实做好民生保障工作。"
Z_JOBS = "全年新增城镇就业6.8万人，城镇调查失业率控制在5.5%以内，居民收入稳步增长。"
E_JOBS = "The city added 68,000 urban jobs, kept the surveyed urban unemployment rate within 5.5%, and raised incomes."
NUMBERS = ([Z_MEETING, Z_SECURITY, Z_JOBS, Z_REQUIRE], [E_MEETING, E_JOBS, E_REQUIRE])


def test_numbers_anchor_the_alignment():
    assert align(*NUMBERS) == beads(((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)))


def test_without_number_anchors_length_picks_the_other_sentence(monkeypatch):
    monkeypatch.setattr(alignment, "NUMBER_WEIGHT", 0.0)
    assert align(*NUMBERS) == beads(((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)))


# Terms decide it too, in whatever rendering the MT used: "two establishments" is a
# forbidden rendering of 两个确立 and "four consciousness" a deprecated one of 四个意识.
Z_TERMS = "要深刻领悟两个确立的决定性意义，增强四个意识，坚决做到两个维护，不断提高政治判断力。"
E_TERMS = "We must understand the decisive significance of the two establishments and strengthen the four consciousness."
TERMS = ([Z_MEETING, Z_SECURITY, Z_TERMS, Z_REQUIRE], [E_MEETING, E_TERMS, E_REQUIRE])


def test_termbase_concepts_anchor_the_alignment(mini_termbase):
    matcher = TermMatcher([mini_termbase])
    assert align(*TERMS, matcher) == beads(((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)))


def test_without_the_termbase_length_picks_the_other_sentence():
    assert align(*TERMS) == beads(((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)))


def test_anchors_are_scaled_numbers_and_concepts(mini_termbase):
    matcher = TermMatcher([mini_termbase])
    assert alignment._source_anchors("增长6.8万人，占5.5%，召开党的二十大", matcher) == {
        "n:68000": 1,
        "n:5.5": 1,
        "c:20th-congress": 1,
    }
    assert alignment._target_anchors("68,000 people, 5.5 percent, the 20th Party Congress", matcher) == {
        "n:68000": 1,
        "n:5.5": 1,
        "n:20": 1,
        "c:20th-congress": 1,
    }


def test_target_groups_keep_beads_inside_a_paragraph():
    source, target = [Z_MEETING, Z_ECONOMY, Z_REQUIRE], [E_MEETING, E_ECONOMY_1, E_ECONOMY_2, E_REQUIRE]
    assert Bead((1,), (1, 2)) in align(source, target)
    grouped = align(source, target, target_groups=[1, 1, 2, 2])
    assert all(len({[1, 1, 2, 2][j] for j in b.target}) <= 1 for b in grouped)
    assert sorted(j for b in grouped for j in b.target) == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        align(source, target, target_groups=[1, 2])


def test_a_long_omission_is_found_outside_the_first_band():
    """Half the article is missing from the MT: the path leaves the first band and the
    band is widened until it holds; every English sentence lands with its own Chinese."""
    zh = [f"第{k}项重点工作已经全面完成，累计投入财政资金{k * 37}万元，惠及群众{k * 11}户。" for k in range(1, 101)]
    en = [
        f"Key task No. {k} has been fully completed, with {k * 370000:,} yuan of fiscal funds invested, benefiting {k * 11} households."
        for k in range(51, 101)
    ]
    result = align(zh, en)
    assert alignment.INITIAL_BAND < 25  # the true path is 25 sentences off the diagonal at its farthest
    for j in range(len(en)):
        (bead,) = [b for b in result if j in b.target]
        assert j + 50 in bead.source
    assert sorted(i for b in result for i in b.source) == list(range(100))


def test_every_sentence_once_and_in_order(mini_termbase):
    matcher = TermMatcher([mini_termbase])
    source = [Z_MEETING, Z_ECONOMY, Z_REPORT, Z_DOCS, Z_TERMS, Z_REQUIRE, Z_PEOPLE, Z_JOBS]
    target = [E_ADDED, E_MEETING, E_ECONOMY_1, E_ECONOMY_2, E_REPORT_DOCS, E_TERMS, E_JOBS]
    result = align(source, target, matcher)
    assert [i for b in result for i in b.source] == list(range(len(source)))
    assert [j for b in result for j in b.target] == list(range(len(target)))
    assert all(b.source or b.target for b in result)


# -- read_parallel ------------------------------------------------------------

SOURCE_TXT = f"""日期：2023-01-19
来源：测试新闻网

{Z_MEETING}{Z_ECONOMY}
{Z_REPORT}{Z_DOCS}{Z_JOBS}
他说："我们要努力。"{Z_REQUIRE}
"""
MT_TXT = f"""Date: 2023-01-19

{E_MEETING} {E_ECONOMY_1} {E_ECONOMY_2}
{E_REPORT_DOCS}
He said: "We must work hard." {E_REQUIRE}

Editor: Zhang Wei
"""


def _write(tmp_path, source: str = SOURCE_TXT, mt: str = MT_TXT):
    src, out = tmp_path / "source.txt", tmp_path / "mt.txt"
    src.write_text(source, encoding="utf-8")
    out.write_bytes(mt.encode("utf-8"))
    return out, src


def test_read_parallel_plain_text(tmp_path, mini_termbase):
    mt, src = _write(tmp_path)
    doc = read_parallel(mt, src, TermMatcher([mini_termbase]))
    assert (doc.path, doc.source_path, doc.format, doc.metadata) == (mt, src, "text", {"date": "2023-01-19"})
    assert [(s.id, s.paragraph, s.source, s.target) for s in doc.segments] == [
        ("1", 1, Z_MEETING, E_MEETING),
        ("2", 1, Z_ECONOMY, f"{E_ECONOMY_1} {E_ECONOMY_2}"),
        ("3", 2, Z_REPORT + Z_DOCS, E_REPORT_DOCS),
        ("4", 2, Z_JOBS, ""),  # left out by the MT: placed after segment 3
        ("5", 3, '他说："我们要努力。"', 'He said: "We must work hard."'),  # the closing straight quote stays with its sentence
        ("6", 3, Z_REQUIRE, E_REQUIRE),
        ("7", 4, None, "Editor: Zhang Wei"),  # no source
    ]
    lines = [line for line in MT_TXT.splitlines() if line.strip()][1:]
    for seg in doc.segments:
        assert lines[seg.paragraph - 1][seg.start : seg.end] == seg.target
    assert (doc.segments[3].start, doc.segments[3].end) == (doc.segments[2].end, doc.segments[2].end)
    assert any("source paragraph 2 has no translation" in w and Z_JOBS[:10] in w for w in doc.warnings)
    assert any("MT paragraph 4 has no source" in w for w in doc.warnings)


def test_read_parallel_gb18030_source(tmp_path):
    src = tmp_path / "source.txt"
    src.write_bytes(f"{Z_MEETING}\n{Z_REQUIRE}\n".encode("gb18030"))
    mt = tmp_path / "mt.txt"
    mt.write_text(f"{E_MEETING}\n{E_REQUIRE}\n", encoding="utf-8")
    doc = read_parallel(mt, src)
    assert [s.source for s in doc.segments] == [Z_MEETING, Z_REQUIRE]
    assert doc.warnings == []


@pytest.mark.parametrize(
    "source, mt, bad, reason",
    [
        ("", MT_TXT, "source", "has no text"),
        (SOURCE_TXT, "Date: 2023-01-19\n\n", "mt", "has no text after its header"),
        ("The meeting was held.\n", MT_TXT, "source", "no Chinese"),
        (SOURCE_TXT, "1 2 3\n", "mt", "no English"),
        (MT_TXT, SOURCE_TXT, "mt", "wrong way round"),
    ],
)
def test_read_parallel_errors(tmp_path, source, mt, bad, reason):
    mt_path, src_path = _write(tmp_path, source, mt)
    with pytest.raises(InputError) as info:
        read_parallel(mt_path, src_path)
    assert info.value.path == (mt_path if bad == "mt" else src_path)
    assert reason in info.value.reason


def test_read_parallel_refuses_other_types_and_the_same_file(tmp_path):
    mt, _ = _write(tmp_path)
    other = tmp_path / "source.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="unsupported file type"):
        read_parallel(mt, other)
    with pytest.raises(InputError, match="MT file itself"):
        read_parallel(mt, mt)


def test_read_parallel_writes_back_as_plain_text(tmp_path):
    from reviewer.core.writers import write_corrected

    mt, src = _write(tmp_path)
    doc = read_parallel(mt, src)
    fixed = {s.id: s.target.replace("work safety", "workplace safety") for s in doc.segments}
    out = tmp_path / "corrected.txt"
    write_corrected(doc, fixed, out)
    expected = MT_TXT.replace("work safety", "workplace safety").split("\n")
    assert [x for x in out.read_text(encoding="utf-8").split("\n") if x] == [x for x in expected if x]


def test_align_paragraphs_keeps_a_drop_and_an_addition_apart():
    """Left out (the jobs figures) and added (an editor's line) close together: the
    paragraphs keep the sentences around them in place."""
    source = [[Z_MEETING, Z_ECONOMY], [Z_REPORT, Z_DOCS, Z_JOBS], ['他说："我们要努力。"', Z_REQUIRE]]
    target = [[E_MEETING, E_ECONOMY_1, E_ECONOMY_2], [E_REPORT_DOCS], ['He said: "We must work hard."', E_REQUIRE], ["Editor: Zhang Wei"]]
    assert alignment.align_paragraphs(source, target) == beads(
        ((0,), (0,)), ((1,), (1, 2)), ((2, 3), (3,)), ((4,), ()), ((5,), (4,)), ((6,), (5,)), ((), (6,))
    )


def test_read_parallel_docx_mt(tmp_path):
    import docx

    from reviewer.core.writers import write_corrected

    mt = tmp_path / "mt.docx"
    word = docx.Document()
    word.add_paragraph(E_MEETING)
    word.add_paragraph("")
    word.add_paragraph(f"  {E_ECONOMY_1} {E_ECONOMY_2}")
    word.add_table(rows=1, cols=1).cell(0, 0).text = E_REQUIRE
    word.save(str(mt))
    src = tmp_path / "source.txt"
    src.write_text(f"{Z_MEETING}\n{Z_ECONOMY}\n{Z_REQUIRE}\n", encoding="utf-8")
    doc = read_parallel(mt, src)
    assert doc.format == "docx"
    assert [(s.paragraph, s.unit, s.source, s.target) for s in doc.segments] == [
        (1, "p0", Z_MEETING, E_MEETING),
        (2, "p2", Z_ECONOMY, f"{E_ECONOMY_1} {E_ECONOMY_2}"),
        (3, "t0r0c0p0", Z_REQUIRE, E_REQUIRE),
    ]
    assert doc.segments[1].start == 2  # offsets in the paragraph as written, leading spaces included
    out = tmp_path / "corrected.docx"
    write_corrected(doc, {"2": doc.segments[1].target.replace("stable", "steady")}, out)
    from reviewer.core.readers.docx import paragraphs

    assert paragraphs(out)[1] == f"{E_ECONOMY_1} {E_ECONOMY_2}".replace("stable", "steady")


def test_docx_mt_with_an_untranslated_sentence_saves_the_reviewer_translation(tmp_path):
    """A 1-0 bead: the MT left out a Chinese sentence; the reviewer's translation of it goes
    into the Word document after the MT sentence before it, and nothing else changes."""
    import docx

    from reviewer.core.readers.docx import paragraphs
    from reviewer.core.writers import write_corrected

    mt = tmp_path / "mt.docx"
    word = docx.Document()
    word.add_paragraph(E_MEETING)
    word.add_paragraph(E_JOBS)
    word.save(str(mt))
    src = tmp_path / "source.txt"
    src.write_text(f"{Z_MEETING}\n{Z_SECURITY}{Z_JOBS}\n", encoding="utf-8")
    doc = read_parallel(mt, src)
    missing = [s for s in doc.segments if s.source and not s.target]
    assert [s.source for s in missing] == [Z_SECURITY]
    out = tmp_path / "corrected.docx"
    write_corrected(doc, {s.id: s.target for s in doc.segments}, out)  # nothing changed: it saves
    assert paragraphs(out) == [E_MEETING, E_JOBS]
    added = "The meeting stressed coordinating epidemic prevention and control with development."
    write_corrected(doc, {missing[0].id: added}, out)
    assert paragraphs(out) == [f"{E_MEETING} {added}", E_JOBS]
