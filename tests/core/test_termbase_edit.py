import copy

import pytest

from reviewer.core.termbase import Status
from reviewer.core.termbase.edit import add_concept, add_rendering, delete_concept, merge_concepts, search
from reviewer.core.termbase.validate import validate


@pytest.fixture
def tb(mini_termbase):
    return copy.deepcopy(mini_termbase)


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
