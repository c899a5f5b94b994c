import copy

import pytest

from reviewer.core.termbase import Concept, MatchMode, Source, Status, Term, Termbase
from reviewer.core.termbase.edit import (
    ImportCounts,
    add_concept,
    add_rendering,
    check_chinese_unique,
    concept_of_chinese,
    delete_concept,
    edit_term,
    find_concept,
    import_concepts,
    merge_concepts,
    remove_rendering,
    search,
    set_concept_fields,
)
from reviewer.core.termbase.validate import validate


@pytest.fixture
def tb(mini_termbase):
    return copy.deepcopy(mini_termbase)


@pytest.fixture
def shipped(shipped_termbase):
    return copy.deepcopy(shipped_termbase)


def errors(termbase):
    return [str(p) for p in validate(termbase) if p.severity == "error"]


def test_add_concept_and_rendering(tb):
    c = add_concept(tb, "民生实事", "practical projects to improve people's lives", "social affairs", "GWR 2023")
    assert c.id == "u0001" and tb.concepts[-1] is c and c.sources[0].title == "GWR 2023"
    add_rendering(c, "practical projects of people's livelihood", Status.FORBIDDEN, "Fuxin MT")
    assert [(t.text, t.status) for t in c.en][-1] == ("practical projects of people's livelihood", Status.FORBIDDEN)
    add_rendering(c, "practical projects of people's livelihood", Status.DEPRECATED)
    assert len(c.en) == 2 and c.en[1].status is Status.DEPRECATED
    with pytest.raises(ValueError, match="already has the preferred term"):
        add_rendering(c, "livelihood projects", Status.PREFERRED)
    with pytest.raises(ValueError, match="already in concept"):
        add_concept(tb, "民生实事", "x")
    with pytest.raises(ValueError, match="needs a Chinese term"):
        add_concept(tb, "", "x")


def test_merge_keeps_one_preferred_and_everything_else(tb):
    keep = add_concept(tb, "党的二十大精神", "guiding principles of the 20th CPC National Congress")
    other = add_concept(tb, "二十大精神", "spirit of the 20th Party Congress", source="Fuxin MT")
    merged = merge_concepts(tb, keep.id, other.id)
    assert [t.text for t in merged.zh] == ["党的二十大精神", "二十大精神"]
    assert [(t.text, t.status) for t in merged.en] == [
        ("guiding principles of the 20th CPC National Congress", Status.PREFERRED),
        ("spirit of the 20th Party Congress", Status.ADMITTED),
    ]
    assert merged.sources[0].title == "Fuxin MT"
    assert other.id not in [c.id for c in tb.concepts]
    assert not [p for p in validate(tb) if p.severity == "error" and p.concept == keep.id]
    with pytest.raises(ValueError):
        merge_concepts(tb, keep.id, keep.id)


def test_delete(tb):
    n = len(tb)
    delete_concept(tb, "port")
    assert len(tb) == n - 1
    with pytest.raises(ValueError, match="no concept"):
        delete_concept(tb, "port")


@pytest.mark.parametrize(
    "query, kwargs, first",
    [
        ("确立", {}, "two-establishes"),
        ("establishes", {}, "two-establishes"),
        ("establishmnts", {}, "two-establishes"),  # fuzzy
        ("", {"status": Status.FORBIDDEN}, "two-establishes"),
        ("", {"subject": "Party building"}, "two-establishes"),
        ("", {"source": "xinhua"}, "two-establishes"),
    ],
)
def test_search(tb, query, kwargs, first):
    hits = search(tb, query, **kwargs)
    assert hits and hits[0].concept.id == first


def test_search_filters_out(tb):
    assert search(tb, "", subject="diplomacy") == []
    assert search(tb, "zzzz qqqq") == []


# -- a Chinese term belongs to one concept ---------------------------------------------------------


def test_chinese_owner_in_the_shipped_termbase(shipped):
    owner = concept_of_chinese(shipped, " 两个确立 ")
    assert owner is not None and owner.preferred_text == "Two Establishes"
    assert concept_of_chinese(shipped, "两个确立", exclude=owner.id) is None
    assert concept_of_chinese(shipped, "") is None and concept_of_chinese(shipped, "不是术语的词") is None
    check_chinese_unique(shipped, ["两个确立"], owner.id)  # its own term
    check_chinese_unique(shipped, ["港口"])  # in no concept of the shipped termbase
    with pytest.raises(ValueError, match=f"“两个确立” is already in concept {owner.id} \\(Two Establishes\\)"):
        check_chinese_unique(shipped, ["港口", "两个确立"])


def test_find_concept_by_id_or_chinese(tb):
    assert find_concept(tb, "port").id == "port"
    assert find_concept(tb, " 港口 ").id == "port"
    assert find_concept(tb, "nothing") is None


def test_set_concept_fields(tb):
    c = set_concept_fields(tb, "port", ["港", "港口", "港", " "], "economy", "A harbour.", "", [Source("GWR 2024", "State Council")], "yes")
    assert [(t.text, t.status, t.lang) for t in c.zh] == [("港", Status.PREFERRED, "zh-Hans"), ("港口", Status.ADMITTED, "zh-Hans")]
    assert (c.subject, c.definition, c.sources[0].publisher, c.verified) == ("economy", "A harbour.", "State Council", "yes")
    assert set_concept_fields(tb, "port", ["港口", "港口"]).zh[0].text == "港口"
    assert set_concept_fields(tb, "port", ["港口", "港灣"]).zh[1].lang == "zh-Hant"
    assert all(e.startswith("error: blacklist:") for e in errors(tb))  # mini's own forbidden-only concept, as before


@pytest.mark.parametrize(
    "zh, message",
    [
        ([], "needs a Chinese term"),
        (["  "], "needs a Chinese term"),
        (["港口", "两个确立"], "“两个确立” is already in concept two-establishes"),
    ],
)
def test_set_concept_fields_refused_changes_nothing(tb, zh, message):
    before = copy.deepcopy(tb.concept("port"))
    with pytest.raises(ValueError, match=message):
        set_concept_fields(tb, "port", zh, "economy")
    assert tb.concept("port") == before
    with pytest.raises(KeyError):
        set_concept_fields(tb, "no-such-concept", ["港口"])


# -- editing one English term ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "concept, index, field, value",
    [
        ("port", 1, "text", "harbor"),
        ("port", 1, "note", "British spelling"),
        ("port", 1, "valid_to", "2023-12"),
        ("port", 1, "valid_from", ""),
        ("port", 1, "case_sensitive", True),
        ("port", 1, "match", MatchMode.EXACT),
        ("port", 1, "threshold", 90.0),
        ("port", 1, "threshold", None),
        ("port", 1, "status", Status.FORBIDDEN),
    ],
)
def test_edit_term_accepts(tb, concept, index, field, value):
    term = edit_term(tb.concept(concept), index, field, value)
    assert getattr(term, field) == value and tb.concept(concept).en[index] is term


@pytest.mark.parametrize(
    "concept, index, field, value, message",
    [
        ("port", 1, "text", "PORT", "already a term of this concept"),
        ("port", 1, "text", " port ", "already a term of this concept"),
        ("port", 0, "status", Status.ADMITTED, "needs a preferred term"),
        ("mayor", 0, "status", Status.FORBIDDEN, "needs a preferred term"),
        ("port", 1, "valid_to", "next year", "YYYY"),
        ("port", 1, "valid_from", "2024-13", "impossible date"),
        ("port", 1, "colour", "red", "cannot set colour"),
        ("port", 1, "status", "forbidden", "cannot set status"),
    ],
)
def test_edit_term_refuses(tb, concept, index, field, value, message):
    before = copy.deepcopy(tb.concept(concept))
    with pytest.raises(ValueError, match=message):
        edit_term(tb.concept(concept), index, field, value)
    assert tb.concept(concept) == before


def test_edit_term_keeps_one_preferred_and_an_order_of_dates(tb):
    c = tb.concept("four-consciousnesses")
    edit_term(c, 1, "status", Status.PREFERRED)
    assert [(t.text, t.status) for t in c.en] == [("four consciousnesses", Status.ADMITTED), ("four consciousness", Status.PREFERRED)]
    edit_term(c, 0, "valid_from", "2016")
    with pytest.raises(ValueError, match="before “valid from”"):
        edit_term(c, 0, "valid_to", "2015-06")
    assert c.en[0].valid_to == ""
    edit_term(c, 0, "valid_to", "2016-10")
    assert (c.en[0].valid_from, c.en[0].valid_to) == ("2016", "2016-10")


def test_remove_rendering(tb):
    port = tb.concept("port")
    with pytest.raises(ValueError, match="make another term preferred"):
        remove_rendering(port, 0)
    assert remove_rendering(port, 1).text == "harbour" and [t.text for t in port.en] == ["port"]
    with pytest.raises(ValueError, match="at least one English term"):
        remove_rendering(tb.concept("mayor"), 0)
    with pytest.raises(IndexError):
        remove_rendering(port, 5)


# -- importing a glossary: the merge policy --------------------------------------------------------


def test_import_into_the_shipped_termbase(shipped, mini_termbase):
    """The mini termbase imported into the shipped one: 港口 is new; every other concept shares a
    Chinese term with a shipped concept and merges into it, whose statuses and preferred terms win."""
    imported_before = copy.deepcopy(mini_termbase)
    n = len(shipped)
    counts = import_concepts(shipped, mini_termbase)
    # new: port; terms: "four consciousnesses" (lower case), "enterprise above designated size",
    # "enterprise above the standard"; conflicts: self-revolution (admitted here, forbidden there)
    # and CCP (deprecated here, forbidden there)
    assert counts == ImportCounts(new=1, terms=3, conflicts=2)
    assert len(shipped) == n + 1
    port = shipped.concepts[-1]
    assert (port.id, port.termbase, port.source_term) == ("port", shipped.name, "港口")
    four = concept_of_chinese(shipped, "四个意识")
    assert four.preferred_text == "Four Consciousnesses"
    assert ("four consciousnesses", Status.ADMITTED) in [(t.text, t.status) for t in four.en]  # imported preferred -> admitted
    cpc = concept_of_chinese(shipped, "中共")  # the "blacklist" concept merged into the CPC concept through its Chinese term
    assert cpc is concept_of_chinese(shipped, "中国共产党")
    assert next(t.status for t in cpc.en if t.text == "CCP") is Status.DEPRECATED
    assert next(t.status for t in concept_of_chinese(shipped, "自我革命").en if t.text == "self-revolution") is Status.ADMITTED
    assert errors(shipped) == []  # still one concept per Chinese term, one preferred term each
    assert mini_termbase == imported_before
    # a second time adds nothing; the two imported preferred terms that became admitted are conflicts now
    assert import_concepts(shipped, mini_termbase) == ImportCounts(new=0, terms=0, conflicts=4)


def test_import_the_shipped_termbase_into_a_small_one(tb, shipped_termbase):
    n = len(tb)
    counts = import_concepts(tb, shipped_termbase)
    # 13 shipped concepts merge into 14 of mini's 15 (中国共产党 and 中共 are one shipped concept, two in mini)
    assert counts.new == len(tb) - n and counts.new + 13 == len(shipped_termbase)
    assert all(e.startswith("error: blacklist:") for e in errors(tb))  # mini's own forbidden-only concept
    assert tb.concept("port").preferred_text == "port"


def test_import_gives_a_taken_id_a_fresh_one_and_merges_repeats(tb):
    imported = Termbase(
        "glossary",
        [
            Concept("port", [Term("民生实事", "zh-Hans")], [Term("practical projects to improve people's lives")], note="GWR 2023"),
            Concept("g2", [Term("民生实事", "zh-Hans")], [Term("livelihood projects", status=Status.FORBIDDEN)]),
            Concept("g3", [Term("港口", "zh-Hans"), Term("海港", "zh-Hans")], [Term("seaport")], note="from the glossary"),
        ],
    )
    counts = import_concepts(tb, imported)
    assert counts == ImportCounts(new=1, terms=3, conflicts=0)  # 民生实事 once; 海港 and "seaport" into port
    new = tb.concepts[-1]
    assert (new.id, new.note, new.termbase) == ("imp0001", "GWR 2023", tb.name)
    assert [(t.text, t.status) for t in new.en] == [("practical projects to improve people's lives", Status.PREFERRED), ("livelihood projects", Status.FORBIDDEN)]
    port = tb.concept("port")
    assert [t.text for t in port.zh] == ["港口", "海港"] and port.preferred_text == "port"
    assert ("seaport", Status.ADMITTED) in [(t.text, t.status) for t in port.en] and port.note == "from the glossary"
    assert imported.concepts[0].id == "port"
