"""XLIFF 1.2, 2.0 and the Trados flavour: reading with inline codes, writing corrections back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.core.errors import InputError, OutputError
from reviewer.core.readers import read_document
from reviewer.core.readers.inline import map_offsets
from reviewer.core.writers import write_corrected

DATA = Path(__file__).parent.parent / "data" / "bilingual"


def codes(seg):
    return [(c.offset, c.kind, c.tag) for c in seg.codes]


def test_xliff_12_units_codes_state_notes():
    doc = read_document(DATA / "mt-1.2.xlf")
    assert (doc.format, doc.source_lang, doc.target_lang, doc.metadata["format"]) == ("xliff", "zh-CN", "en-US", "XLIFF 1.2")
    first, second = doc.segments
    assert first.source == "深刻领悟“两个确立”的决定性意义。"
    assert first.target == 'Deeply understand the decisive significance of the "two establishments".'  # the text inside <g> is kept
    assert codes(first) == [(51, "open", "g"), (71, "close", "g"), (71, "standalone", "x")]
    assert first.target[51:71] == '"two establishments"'
    assert (first.unit, first.state, first.notes) == ("0/u1", "translated", ("MT: engine X",))
    assert second.target == "enterprises above the standard" and codes(second) == [(18, "standalone", "bx"), (30, "standalone", "ex")]


def test_terms_match_across_inline_codes(shipped_termbase):
    from reviewer.core.matching import TermMatcher

    doc = read_document(DATA / "mt-1.2.xlf")
    hits = TermMatcher([shipped_termbase]).match(doc.segments[1].target)
    assert [h.text for h in hits] == ["enterprises above the standard"]


def test_trados_mrk_segments_are_separate():
    doc = read_document(DATA / "trados.sdlxliff")
    assert [(s.unit, s.source, s.target, s.state) for s in doc.segments] == [
        ("0/a1/1", "第一句。", "First sentence.", "Translated"),
        ("0/a1/2", "第二句。", "Second one.", "Draft"),
    ]
    assert doc.metadata["format"] == "SDLXLIFF"


def test_xliff_20_segments():
    doc = read_document(DATA / "mt-2.0.xlf")
    assert doc.metadata["format"] == "XLIFF 2.0" and (doc.source_lang, doc.target_lang) == ("zh-CN", "en")
    first, second = doc.segments
    assert first.target == 'Understand the "two establishments".' and codes(first)[0] == (15, "open", "pc")
    assert second.target == "enterprises above the standard" and [c.tag for c in second.codes] == ["sc", "ec"]
    assert first.notes == ("from MT",)


@pytest.mark.parametrize(
    "name, fix, expected, state",
    [
        ("mt-1.2.xlf", ("two establishments", "Two Establishes"), '<g id="1">"Two Establishes"</g><x id="2"/>.</target>', 'state="signed-off"'),
        ("mt-1.2.xlf", ("the standard", "designated size"), 'above <bx id="3"/>designated size<ex id="4"/></target>', 'state="signed-off"'),
        ("mt-2.0.xlf", ("the standard", "designated size"), '<sc id="3"/>above<ec startRef="3"/> designated size</target>', 'state="reviewed"'),
        ("trados.sdlxliff", ("First", "The first"), '<mrk mtype="seg" mid="1">The first <g id="5">sentence</g>.</mrk>', 'conf="ApprovedTranslation"'),
    ],
)
def test_write_back_keeps_codes_and_marks_reviewed(tmp_path, name, fix, expected, state):
    doc = read_document(DATA / name)
    changed = {s.id: s.target.replace(*fix) for s in doc.segments}
    out = tmp_path / name
    write_corrected(doc, changed, out)
    text = out.read_text(encoding="utf-8")
    assert expected in text and state in text
    assert text.startswith(DATA.joinpath(name).read_text(encoding="utf-8").splitlines()[0])  # the declaration as written
    again = read_document(out)
    for before, after in zip(doc.segments, again.segments):
        assert after.target == changed[before.id]
        assert after.source == before.source and after.source_codes == before.source_codes
        if after.target == before.target:
            assert after.state == before.state  # untouched segments keep their state
        assert [(c.kind, c.tag, c.id) for c in after.codes] == [(c.kind, c.tag, c.id) for c in before.codes]


def test_round_trip_without_changes_keeps_every_segment(tmp_path):
    for name in ("mt-1.2.xlf", "mt-2.0.xlf", "trados.sdlxliff"):
        doc = read_document(DATA / name)
        out = tmp_path / name
        write_corrected(doc, {s.id: s.target for s in doc.segments}, out)
        assert read_document(out).segments == doc.segments


def test_missing_target_is_created(tmp_path):
    src = tmp_path / "new.xlf"
    src.write_text(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" '
        'target-language="en" datatype="plaintext" original="x"><body><trans-unit id="1"><source>乡村振兴</source></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    doc = read_document(src)
    assert doc.segments[0].target == "" and doc.warnings
    write_corrected(doc, {"1": "rural revitalization"}, tmp_path / "out.xlf")
    assert read_document(tmp_path / "out.xlf").segments[0].target == "rural revitalization"


def test_never_overwrites_the_original(tmp_path):
    path = tmp_path / "a.xlf"
    shutil.copy(DATA / "mt-1.2.xlf", path)
    doc = read_document(path)
    with pytest.raises(OutputError, match="new file"):
        write_corrected(doc, {}, path)


def test_changed_original_is_refused(tmp_path):
    path = tmp_path / "a.xlf"
    shutil.copy(DATA / "mt-1.2.xlf", path)
    doc = read_document(path)
    path.write_text(path.read_text(encoding="utf-8").replace("the standard", "something else"), encoding="utf-8")
    with pytest.raises(InputError, match="changed since"):
        write_corrected(doc, {}, tmp_path / "out.xlf")


@pytest.mark.parametrize(
    "content, reason",
    [
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff version="1.2"/>', r"declares an entity in its DOCTYPE \(<!ENTITY a>\)"),
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff>&e;</xliff>', r"declares an entity in its DOCTYPE \(<!ENTITY e SYSTEM \"file:///etc/passwd\">\)"),
        ('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit id="1"><source>两个', "truncated"),
        ("Just some text, not XML at all.", "malformed"),
        ('<?xml version="1.0"?><tmx version="1.4"><body/></tmx>', "not an XLIFF"),
        ('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body/></file></xliff>', "no segments"),
        ("", "malformed|empty|truncated"),
    ],
)
def test_bad_xliff_is_refused_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason) as err:
        read_document(path)
    assert "bad.xlf" in str(err.value)


@pytest.mark.parametrize(
    "old, new, offsets, expected",
    [
        ("the two establishments.", "the Two Establishes.", [4, 22], [4, 19]),
        ("enterprises above the standard", "enterprises above designated size", [18, 30], [18, 33]),
        ("abc", "abc", [0, 3], [0, 3]),
        ("First sentence.", "The first sentence.", [6, 14], [10, 18]),
    ],
)
def test_map_offsets(old, new, offsets, expected):
    assert map_offsets(old, new, offsets) == expected


def _xliff(body: str, encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file source-language="zh-CN" target-language="en" datatype="plaintext" original="x"><body>{body}</body></file></xliff>\n'
    )


def test_gbk_and_utf16_files_read_and_write_back(tmp_path):
    unit = '<trans-unit id="1"><source>两个确立</source><target state="final">two establishments</target></trans-unit>'
    for name, encoding, codec in (("gbk.xlf", "GBK", "gbk"), ("u16.xlf", "UTF-16", "utf-16")):
        path = tmp_path / name
        path.write_bytes(_xliff(unit, encoding).encode(codec))
        doc = read_document(path)
        assert (doc.segments[0].source, doc.segments[0].target) == ("两个确立", "two establishments")
        out = tmp_path / f"out-{name}"
        write_corrected(doc, {"1": "Two Establishes"}, out)
        data = out.read_bytes()
        assert data.decode(codec).lstrip("\ufeff").startswith(f'<?xml version="1.0" encoding="{encoding}"?>')
        again = read_document(out)
        assert again.segments[0].target == "Two Establishes" and again.segments[0].state == "final"  # final is never lowered


def test_unknown_declared_encoding_and_lxml_limits(tmp_path):
    bogus = tmp_path / "bogus.xlf"
    bogus.write_bytes(_xliff('<trans-unit id="1"><source>a</source></trans-unit>', "x-bogus").encode())
    with pytest.raises(InputError, match="does not know"):
        read_document(bogus)
    deep = tmp_path / "deep.tmx"
    deep.write_text('<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>' + "<hi>" * 300 + "x" + "</hi>" * 300 + "</seg></tuv></tu></body></tmx>", encoding="utf-8")
    with pytest.raises(InputError, match="limits of a safe parse"):
        read_document(deep)


def test_translate_no_on_groups_and_20_units(tmp_path):
    path = tmp_path / "g.xlf"
    path.write_text(
        _xliff(
            '<group translate="no"><trans-unit id="1"><source>代码</source><target>code</target></trans-unit></group>'
            '<group><trans-unit id="2"><source>乡村振兴</source><target>rural revitalization</target></trans-unit></group>'
        ),
        encoding="utf-8",
    )
    assert [s.unit for s in read_document(path).segments] == ["0/2"]
    v2 = tmp_path / "v2.xlf"
    v2.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f">'
        '<unit id="a" translate="no"><segment><source>代码</source><target>code</target></segment></unit>'
        '<unit id="b"><segment><source>乡村振兴</source><target>rural revitalization</target></segment></unit></file></xliff>',
        encoding="utf-8",
    )
    assert [s.unit for s in read_document(v2).segments] == ["0/b/1"]


# -- language direction, DOCTYPE, unknown inline elements (issue 22) ---------------------------------

_EN = "The meeting stressed that the decisions of the central committee must be carried out in full, and that the work of the year is to be done with the people."
_FR = (
    "La réunion a souligné que les décisions du comité central doivent être appliquées dans leur intégralité, et que le travail "
    "de cette année est pour le peuple. Il faut que la Chine soit plus ouverte."
)
_ZH = "会议强调，必须全面贯彻落实党中央的决策部署，坚持以人民为中心做好全年工作。"
_JA = "会議では、中央委員会の決定を全面的に実行し、人民のために今年の仕事を行うことが強調された。"


def _directed(tmp_path, src_lang, trg_lang, source, target, name="d.xlf"):
    langs = (f' source-language="{src_lang}"' if src_lang else "") + (f' target-language="{trg_lang}"' if trg_lang else "")
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f'<file{langs} datatype="plaintext" original="x"><body>'
        f'<trans-unit id="1"><source>{source}</source><target>{target}</target></trans-unit></body></file></xliff>',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "src_lang, trg_lang, source, target, reason",
    [
        ("en", "zh-CN", _EN, _ZH, r"is English \(en\) → Chinese \(zh-CN\), the reverse of what reviewer checks"),
        ("zh-CN", "fr-FR", _ZH, _FR, r"translates into French \(fr-FR\), not into English; reviewer checks English translations of Chinese"),
        ("en-US", "fr-FR", _EN, _FR, r"is English \(en-US\) → French \(fr-FR\); reviewer checks"),
        ("", "", _EN, _ZH, r"is English → Chinese, the reverse"),  # nothing declared: the text tells
        ("zh-CN", "en", _ZH, _JA, r"translates into Japanese, not into English \(the target side declared en but its text is Japanese\)"),
        ("zh-CN", "en", _ZH, _FR, r"translates into French, not into English \(the target side declared en but its text is French\)"),
        ("zh-CN", "en", _EN, _EN, r"translates from English, not from Chinese \(the source side declared zh-CN but its text is English\)"),
    ],
)
def test_a_file_in_another_direction_is_refused_with_its_languages(tmp_path, src_lang, trg_lang, source, target, reason):
    with pytest.raises(InputError, match=reason):
        read_document(_directed(tmp_path, src_lang, trg_lang, source, target))


def test_a_wrong_or_missing_declaration_is_overridden_by_the_text(tmp_path):
    doc = read_document(_directed(tmp_path, "en-US", "fr-FR", _ZH, _EN))
    assert (doc.source_lang, doc.target_lang) == ("zh-CN", "en")
    assert "the source side declared en-US but its text is Chinese; read as Chinese → English" in doc.warnings
    assert "the target side declared fr-FR but its text is English; read as Chinese → English" in doc.warnings
    bare = read_document(_directed(tmp_path, "", "", _ZH, _EN, "bare.xlf"))
    assert (bare.source_lang, bare.target_lang, bare.warnings) == ("zh-CN", "en", [])
    # too little text to judge: the declaration stands; an untranslated copy of the source says nothing
    short = read_document(_directed(tmp_path, "zh", "en", "两会", "NPC", "short.xlf"))
    assert (short.source_lang, short.target_lang) == ("zh", "en")
    copied = read_document(_directed(tmp_path, "zh-CN", "en", _ZH, _ZH, "copy.xlf"))
    assert copied.segments[0].target == _ZH


def test_load_reads_any_direction(tmp_path):
    from reviewer.core.readers import xliff

    doc = xliff.load(_directed(tmp_path, "en-US", "fr-FR", _EN, _FR))
    assert (doc.source_lang, doc.target_lang, doc.segments[0].target) == ("en-US", "fr-FR", _FR)


def test_a_bare_doctype_is_read_and_its_dtd_never_loaded(tmp_path):
    dtd = tmp_path / "xliff.dtd"  # were it loaded, the default attribute would mark the unit untranslatable
    dtd.write_text('<!ATTLIST trans-unit translate CDATA "no">', encoding="utf-8")
    path = tmp_path / "doctype.xlf"
    path.write_text(_xliff('<trans-unit id="1"><source>会议</source><target>The meeting.</target></trans-unit>').replace("?>\n", f'?>\n<!DOCTYPE xliff SYSTEM "{dtd}">\n', 1), encoding="utf-8")
    assert [s.target for s in read_document(path).segments] == ["The meeting."]
    subset = tmp_path / "subset.xlf"
    subset.write_text(path.read_text(encoding="utf-8").replace(f'SYSTEM "{dtd}">', '[<!ATTLIST trans-unit translate CDATA "no">]>'), encoding="utf-8")
    with pytest.raises(InputError, match=r"has a DOCTYPE with an internal subset \(<!DOCTYPE xliff \[...\]>\), which reviewer refuses for safety"):
        read_document(subset)


def test_text_inside_unknown_elements_is_kept_and_written_back(tmp_path):
    path = tmp_path / "inline.xlf"
    path.write_text(
        _xliff(
            '<trans-unit id="1"><source>会议在北京举行。</source><seg-source><mrk mtype="seg" mid="1">会议在北京举行。</mrk></seg-source>'
            '<target><mrk mtype="seg" mid="1">The meeting was <a xmlns="http://www.w3.org/1999/xhtml" href="x">held</a> in <ex id="1">Beijing</ex>.</mrk></target></trans-unit>'
        ),
        encoding="utf-8",
    )
    doc = read_document(path)
    seg = doc.segments[0]
    assert seg.target == "The meeting was held in Beijing."
    assert [(c.kind, c.tag) for c in seg.codes] == [("open", "a"), ("close", "a"), ("open", "ex"), ("close", "ex")]
    assert any("is kept and checked: <a> (1), <ex> (1)" in w for w in doc.warnings)
    out = tmp_path / "out.xlf"
    write_corrected(doc, {"1": "The meeting was held in Beijing, China."}, out)
    written = out.read_text(encoding="utf-8")
    assert 'href="x">held</a>' in written and read_document(out).segments[0].target == "The meeting was held in Beijing, China."


def test_a_cp_control_character_is_kept_as_a_code_with_a_warning(tmp_path):
    path = tmp_path / "cp.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f">'
        '<unit id="a"><segment><source>会议<cp hex="0001"/>举行</source><target>The meeting<cp hex="1"/> was held</target></segment></unit></file></xliff>',
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.segments[0].target == "The meeting was held" and [c.tag for c in doc.segments[0].codes] == ["cp"]
    assert any("control characters written as <cp/> are kept as codes, not checked as text: segment 1: U+0001, segment 1: U+0001" in w for w in doc.warnings)


def test_three_letter_language_codes_are_aliases(tmp_path):
    doc = read_document(_directed(tmp_path, "zho", "eng", _ZH, _EN))
    assert (doc.source_lang, doc.target_lang, doc.warnings) == ("zho", "eng", [])
    with pytest.raises(InputError, match=r"is English \(eng\) → Chinese \(chi\), the reverse"):
        read_document(_directed(tmp_path, "eng", "chi", _EN, _ZH, "reverse.xlf"))


@pytest.mark.parametrize(
    "target_mids, why",
    [(("1", "1"), "mid 1 repeated"), (("1", "7"), "target mid 7 with no source")],
)
def test_mrk_segments_whose_mids_cannot_pair_them_are_paired_in_order_and_said_so(tmp_path, target_mids, why):
    """Issue 20: duplicate or mismatched mrk ids used to read two segments as one text (a real
    target lost and a false segment-inconsistent raised)."""
    text = (DATA / "trados.sdlxliff").read_text(encoding="utf-8")
    a, b = target_mids
    text = text.replace('<target><mrk mtype="seg" mid="1">', f'<target><mrk mtype="seg" mid="{a}">').replace(
        '<mrk mtype="seg" mid="2">Second one.', f'<mrk mtype="seg" mid="{b}">Second one.'
    )
    path = tmp_path / "mids.sdlxliff"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert [(s.source, s.target) for s in doc.segments] == [("第一句。", "First sentence."), ("第二句。", "Second one.")]
    assert len({s.unit for s in doc.segments}) == 2
    assert any(why in w and "paired in order" in w for w in doc.warnings)
    # the corrections go back to the segment they were made on
    from reviewer.core.writers import write_corrected

    out = tmp_path / "out.sdlxliff"
    write_corrected(doc, {doc.segments[1].id: "The second one."}, out)
    again = read_document(out)
    assert [s.target for s in again.segments] == ["First sentence.", "The second one."]


_ZH1, _ZH2 = "习近平主持会议。", "会议强调稳中求进。"
_EN1, _EN2 = "Xi Jinping presided over the meeting.", "The meeting stressed stability."


def _sdl(tmp_path, seg_source: str, target: str, name: str = "u.sdlxliff") -> Path:
    path = tmp_path / name
    path.write_text(_xliff(f'<trans-unit id="1"><source>{_ZH1}{_ZH2}</source><seg-source>{seg_source}</seg-source><target>{target}</target></trans-unit>'), encoding="utf-8")
    return path


_SEG_SOURCE = f'<mrk mtype="seg" mid="1">{_ZH1}</mrk> <mrk mtype="seg" mid="2">{_ZH2}</mrk>'


def test_text_between_target_mrks_is_named_in_a_warning_and_kept_on_write_back(tmp_path):
    path = _sdl(tmp_path, _SEG_SOURCE, f'<mrk mtype="seg" mid="1">{_EN1}</mrk> UNSEGMENTED WORDS HERE. <mrk mtype="seg" mid="2">{_EN2}</mrk>')
    doc = read_document(path)
    assert [(s.unit, s.source, s.target) for s in doc.segments] == [("0/1/1", _ZH1, _EN1), ("0/1/2", _ZH2, _EN2)]
    assert doc.warnings == ['unit 1: text in its target outside its mrk segments is not reviewed: "UNSEGMENTED WORDS HERE."']
    out = tmp_path / "out.sdlxliff"
    write_corrected(doc, {"2": "The meeting stressed steady progress."}, out)
    assert f'</mrk> UNSEGMENTED WORDS HERE. <mrk mtype="seg" mid="2">The meeting stressed steady progress.</mrk>' in out.read_text(encoding="utf-8")
    again = read_document(out)
    assert [s.target for s in again.segments] == [_EN1, "The meeting stressed steady progress."]
    assert again.warnings == doc.warnings


def test_whitespace_between_target_mrks_says_nothing(tmp_path):
    doc = read_document(_sdl(tmp_path, _SEG_SOURCE, f'<mrk mtype="seg" mid="1">{_EN1}</mrk> \n <mrk mtype="seg" mid="2">{_EN2}</mrk>'))
    assert len(doc.segments) == 2 and doc.warnings == []


def test_a_target_without_mrk_segments_is_read_whole_as_one_segment(tmp_path):
    path = _sdl(tmp_path, _SEG_SOURCE, f"{_EN1} {_EN2}")
    doc = read_document(path)
    assert [(s.unit, s.source, s.target) for s in doc.segments] == [("0/1", _ZH1 + _ZH2, f"{_EN1} {_EN2}")]
    assert doc.warnings == [
        "unit 1: its source is split into 2 mrk segment(s) but its target has none; the unit is read as one segment (its whole source and its whole target)"
    ]
    out = tmp_path / "out.sdlxliff"
    write_corrected(doc, {"1": f"{_EN1} The meeting stressed steady progress."}, out)
    assert f'<target state="signed-off">{_EN1} The meeting stressed steady progress.</target>' in out.read_text(encoding="utf-8")
    again = read_document(out)
    assert [(s.unit, s.target) for s in again.segments] == [("0/1", f"{_EN1} The meeting stressed steady progress.")]
    assert again.warnings == doc.warnings


def test_an_empty_target_of_a_segmented_unit_still_counts_its_segments(tmp_path):
    doc = read_document(_sdl(tmp_path, _SEG_SOURCE, ""))
    assert [(s.unit, s.target) for s in doc.segments] == [("0/1/1", ""), ("0/1/2", "")]
    assert doc.warnings == ["2 segment(s) have no target (no MT to review)"]


def test_a_nested_mrk_segment_is_part_of_the_segment_around_it(tmp_path):
    path = _sdl(
        tmp_path,
        f'<mrk mtype="seg" mid="1">{_ZH1}<mrk mtype="seg" mid="2">{_ZH2}</mrk></mrk>',
        f'<mrk mtype="seg" mid="1">{_EN1} <mrk mtype="seg" mid="2">{_EN2}</mrk></mrk>',
    )
    doc = read_document(path)
    assert [(s.unit, s.source, s.target) for s in doc.segments] == [("0/1/1", _ZH1 + _ZH2, f"{_EN1} {_EN2}")]
    assert doc.warnings == ["unit 1: mrk segment(s) 2 nested inside another mrk segment are read as part of the segment around them"]
    out = tmp_path / "out.sdlxliff"
    write_corrected(doc, {"1": f"{_EN1} The meeting stressed steady progress."}, out)
    assert f'<mrk mtype="seg" mid="1">{_EN1} <mrk mtype="seg" mid="2">The meeting stressed steady progress.</mrk></mrk>' in out.read_text(encoding="utf-8")
    again = read_document(out)
    assert [s.target for s in again.segments] == [f"{_EN1} The meeting stressed steady progress."] and again.warnings == doc.warnings


def test_a_utf32_file_is_refused_as_utf32(tmp_path):
    path = tmp_path / "u32.xlf"
    path.write_bytes(b"\xff\xfe\x00\x00" + _xliff(f'<trans-unit id="1"><source>{_ZH1}</source><target>{_EN1}</target></trans-unit>', "UTF-32").encode("utf-32-le"))
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value).endswith(
        "the XLIFF file is in UTF-32 little-endian (it starts with a UTF-32 byte-order mark), which reviewer does not read: save it as UTF-8 or UTF-16"
    )


def test_the_namespace_decides_over_a_contradicting_version(tmp_path):
    path = tmp_path / "v.xlf"
    path.write_text(_xliff(f'<trans-unit id="1"><source>{_ZH1}</source><target>{_EN1}</target></trans-unit>').replace('version="1.2"', 'version="2.0"', 1), encoding="utf-8")
    doc = read_document(path)
    assert [(s.source, s.target) for s in doc.segments] == [(_ZH1, _EN1)] and doc.metadata["format"] == "XLIFF 1.2"
    assert doc.warnings == ['its version="2.0" contradicts its namespace (urn:oasis:names:tc:xliff:document:1.2): it is read as XLIFF 1.2, as the namespace says']
    out = tmp_path / "out.xlf"
    write_corrected(doc, {"1": "Xi Jinping chaired the meeting."}, out)
    again = read_document(out)
    assert again.segments[0].target == "Xi Jinping chaired the meeting." and 'state="signed-off"' in out.read_text(encoding="utf-8")


def test_an_attribute_beyond_the_size_limit_is_refused_in_one_line(tmp_path):
    path = tmp_path / "long.xlf"
    path.write_text(_xliff(f'<trans-unit id="1" x-long="{"a" * 10_500_000}"><source>{_ZH1}</source><target>{_EN1}</target></trans-unit>'), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert "\n" not in message and "XML_PARSE_HUGE" not in message
    assert message.endswith(
        "the XLIFF file is beyond the limits of a safe parse: an element or attribute is beyond the safe size limit (10 MB for a value, 50,000 characters for a name)"
    )
