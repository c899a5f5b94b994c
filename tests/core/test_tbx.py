import pytest

from reviewer.core.errors import InputError
from reviewer.core.termbase import MatchMode, Status, load_termbase, read_tbx, write_tbx
from reviewer.core.termbase.tbx import lang_kind


def test_reads_concepts_statuses_and_languages(mini_termbase):
    assert mini_termbase.name == "mini"
    assert mini_termbase.version == "1"
    c = mini_termbase.concept("two-establishes")
    assert c.source_term == "两个确立"
    assert c.preferred.text == "Two Establishes"
    assert [(t.text, t.status) for t in c.en] == [("Two Establishes", Status.PREFERRED), ("two establishments", Status.FORBIDDEN)]
    assert c.en[1].note == "MT literalism."
    assert c.subject == "Party building"
    assert c.sources[0].title.startswith("Xinhua readout")
    cpc = mini_termbase.concept("cpc").en[1]
    assert cpc.case_sensitive and cpc.match is MatchMode.EXACT and cpc.form == "abbreviation"


@pytest.mark.parametrize(
    "code, kind",
    [("zh", "zh-Hans"), ("ZH-cn", "zh-Hans"), ("zh-Hans", "zh-Hans"), ("zh_SG", "zh-Hans"), ("zh-TW", "zh-Hant"),
     ("zh-HK", "zh-Hant"), ("zh-Hant-TW", "zh-Hant"), ("en", "en"), ("EN-us", "en"), ("en-GB", "en"), ("fr", ""),
     ("eng", "en"), ("ENG-us", "en"), ("zho", "zh-Hans"), ("chi", "zh-Hans"), ("zho-TW", "zh-Hant"), ("zho_Hant", "zh-Hant"),
     ("fra", ""), ("english", ""), ("zhx", "")],
)
def test_language_aliases(code, kind):
    assert lang_kind(code) == kind


def test_sides_are_picked_by_language_not_position(tmp_path):
    p = tmp_path / "swapped.tbx"
    p.write_text(
        """<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>
        <termEntry id="x"><langSet xml:lang="en-GB"><ntig><termGrp><term>law-based government</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>rule of law government</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
        <langSet xml:lang="zh-CN"><tig><term>法治政府</term></tig></langSet></termEntry></body></text></martif>""",
        encoding="utf-8",
    )
    tb = read_tbx(p)
    c = tb.concepts[0]
    assert c.source_term == "法治政府"
    assert [(t.text, t.status) for t in c.en] == [("law-based government", Status.PREFERRED), ("rule of law government", Status.DEPRECATED)]


def test_round_trip_keeps_everything(tmp_path, mini_termbase):
    out = tmp_path / "out.tbx"
    write_tbx(mini_termbase, out)
    again = read_tbx(out)
    assert len(again) == len(mini_termbase)
    for a, b in zip(mini_termbase.concepts, again.concepts):
        assert (a.id, a.subject, a.source_term, [str(s) for s in a.sources]) == (b.id, b.subject, b.source_term, [str(s) for s in b.sources])
        assert [(t.text, t.status, t.note, t.form, t.case_sensitive, t.match) for t in a.en] == [
            (t.text, t.status, t.note, t.form, t.case_sensitive, t.match) for t in b.en
        ]


@pytest.mark.parametrize(
    "content, reason",
    [
        ('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx>&a;</tbx>', "unsafe XML"),
        ('<?xml version="1.0"?><!DOCTYPE tbx [<!ATTLIST tbx x CDATA "y">]><tbx/>', r"unsafe XML: the termbase has a DOCTYPE with an internal subset"),
        # a DOCTYPE naming only an external DTD (TBX v2 as MultiTerm writes it) passes the guard, unloaded
        ('<?xml version="1.0"?><!DOCTYPE tbx SYSTEM "http://127.0.0.1:9/tbx.dtd"><tbx/>', "no concept with an English term"),
        ("<tbx><text><body><conceptEntry>", "not well-formed"),
        ("<html><body/></html>", "not a TBX file"),
        ('<tbx><text><body><conceptEntry id="a"><langSec xml:lang="fr"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>', "no concept with an English term"),
    ],
)
def test_hostile_or_broken_tbx_is_refused(tmp_path, content, reason):
    p = tmp_path / "bad.tbx"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_tbx(p)


def test_unknown_termbase_suffix(tmp_path):
    with pytest.raises(InputError, match="unsupported termbase type"):
        load_termbase(tmp_path / "x.doc")


def test_traditional_chinese_terms_round_trip(tmp_path, mini_termbase):
    import copy

    from reviewer.core.termbase import Term

    tb = copy.deepcopy(mini_termbase)
    tb.concepts[0].zh.append(Term("兩個確立", lang="zh-Hant", status=Status.ADMITTED))
    write_tbx(tb, tmp_path / "t.tbx")
    again = read_tbx(tmp_path / "t.tbx")
    assert [(t.text, t.lang) for t in again.concepts[0].zh] == [("两个确立", "zh-Hans"), ("兩個確立", "zh-Hant")]


def test_tbx_core_has_terms_only(tmp_path, mini_termbase):
    out = tmp_path / "core.tbx"
    write_tbx(mini_termbase, out, dialect="TBX-Core")
    text = out.read_text(encoding="utf-8")
    assert 'type="TBX-Core"' in text and "administrativeStatus" not in text and "subjectField" not in text
    again = read_tbx(out)
    assert [t.text for t in again.concepts[0].en] == [t.text for t in mini_termbase.concepts[0].en]


def test_status_synonyms_and_unknown_statuses_are_reported(tmp_path):
    def term(text, status):
        return f'<tig><term>{text}</term><termNote type="administrativeStatus">{status}</termNote></tig>'

    p = tmp_path / "status.tbx"
    p.write_text(
        '<?xml version="1.0"?><!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd"><martif type="TBX"><text><body>'
        '<termEntry id="c1"><langSet xml:lang="zh"><tig><term>两个确立</term></tig></langSet><langSet xml:lang="en">'
        + term("Two Establishes", "preferredTerm-admn-sts") + term("two establishments", "obsolete") + term("two confirmations", "Superseded")
        + term("the two", "deprecated") + term("two determinations", "notRecommended") + term("two affirmations", "x-unheard-of")
        + "</langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    tb = read_tbx(p)
    assert [t.status for t in tb.concepts[0].en] == [Status.PREFERRED, Status.SUPERSEDED, Status.SUPERSEDED, Status.DEPRECATED, Status.DEPRECATED, Status.ADMITTED]
    assert tb.load_problems == [("c1", "unknown administrativeStatus “x-unheard-of” on “two affirmations”; read as admitted")]


def _tbx(tmp_path, entries: str):
    p = tmp_path / "t.tbx"
    p.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
        + entries + "</body></text></tbx>\n",
        encoding="utf-8",
    )
    return p


def test_a_second_term_in_one_termsec_is_reported(tmp_path):
    tb = read_tbx(_tbx(tmp_path, '<conceptEntry id="c1"><langSec xml:lang="zh"><termSec><term>乡村振兴</term></termSec></langSec>'
                       '<langSec xml:lang="en"><termSec><term>rural revitalization</term><term>rural vitalization</term></termSec></langSec></conceptEntry>'))
    assert [t.text for t in tb.concept("c1").en] == ["rural revitalization"]
    assert tb.load_problems == [
        ("c1", "a termSec holds more than one <term> (“rural revitalization”, then “rural vitalization”); only the first is read: give each term its own termSec")
    ]


def test_xml_lang_on_termsec_instead_of_langsec_is_read(tmp_path):
    tb = read_tbx(_tbx(tmp_path, '<conceptEntry id="c1"><langSec><termSec xml:lang="zh"><term>乡村振兴</term></termSec>'
                       '<termSec xml:lang="en"><term>rural revitalization</term></termSec><termSec><term>no language</term></termSec></langSec></conceptEntry>'))
    c = tb.concept("c1")
    assert [t.text for t in c.zh] == ["乡村振兴"] and [t.text for t in c.en] == ["rural revitalization"]
    assert tb.load_problems == [("c1", "the term(s) “no language” have no xml:lang on their langSec or termSec; not read")]


def test_a_utf32_termbase_is_refused_as_utf32(tmp_path):
    p = tmp_path / "u32.tbx"
    p.write_bytes(b"\x00\x00\xfe\xff" + '<?xml version="1.0" encoding="UTF-32"?><tbx/>'.encode("utf-32-be"))
    with pytest.raises(InputError, match=r"the termbase is in UTF-32 big-endian \(it starts with a UTF-32 byte-order mark\), which reviewer does not read"):
        read_tbx(p)
