"""TMX: sides picked by language, inline codes kept, corrections written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.errors import InputError
from reviewer.core.readers import read_document
from reviewer.core.writers import write_corrected

TMX = Path(__file__).parent.parent / "data" / "bilingual" / "memory.tmx"


def test_sides_by_language_not_position():
    doc = read_document(TMX)
    assert doc.format == "tmx" and doc.source_lang == "zh-cn" and doc.target_lang == "EN-us"
    first, second, third = doc.segments
    # the English variant comes first in the file: still the target
    assert (first.source, first.target) == ("我们必须坚持两个确立。", "We must uphold the two establishments.")
    assert [(c.kind, c.tag) for c in first.codes] == [("open", "hi"), ("close", "hi")]
    assert first.notes == ("tuid 7", "from the MT engine") and first.unit == "1"
    # TMX 1.1 "lang", a native code inside <ph> is not text
    assert (second.source, second.target) == ("规上企业增长", "Enterprises above the standard grew.")
    assert third.source == "鄉村振興" and third.target == "rural revitalisation" and third.unit == "4"


def test_warnings_for_three_variants_and_no_english():
    warnings = " ".join(read_document(TMX).warnings)
    assert "unit 2 has 3 language variants" in warnings and "fr-FR" in warnings
    assert "1 unit(s) have no English variant" in warnings


def test_write_back(tmp_path):
    doc = read_document(TMX)
    fixed = {
        "1": "We must uphold the Two Establishes.",
        "2": "Enterprises above designated size grew.",
        "3": doc.segments[2].target,
    }
    out = tmp_path / "out.tmx"
    write_corrected(doc, fixed, out)
    text = out.read_text(encoding="utf-8")
    assert '<hi type="b">Two Establishes</hi>.' in text
    assert 'Enterprises above designated size<ph x="1">&lt;br/&gt;</ph> grew.' in text
    assert '<seg>rural <bpt i="1">&lt;b&gt;</bpt>revitalisation<ept i="1">&lt;/b&gt;</ept></seg>' in text  # untouched
    assert "Les entreprises." in text and "只有中文。" in text
    again = read_document(out)
    assert [s.target for s in again.segments] == [fixed[s.id] for s in doc.segments]
    assert [s.source for s in again.segments] == [s.source for s in doc.segments]


@pytest.mark.parametrize(
    "content, reason",
    [
        # a bare DOCTYPE (Okapi, OmegaT) passes the guard, its DTD unread; an internal subset does not
        ('<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><body/></tmx>', "no units with an English"),
        ('<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ATTLIST tmx v CDATA "1">]><tmx version="1.4"><body/></tmx>', "has a DOCTYPE with an internal subset"),
        ('<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>The cat.</seg></tuv><tuv xml:lang="fr"><seg>Le chat.</seg></tuv></tu></body></tmx>', "no Chinese variant .its languages: en, fr.; reviewer checks English translations of Chinese"),
        ('<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>只有中文</seg></tuv></tu></body></tmx>', "no units with an English"),
        ('<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>cut', "truncated"),
        ('<xliff version="1.2"/>', "not a TMX"),
    ],
)
def test_bad_tmx(tmp_path, content, reason):
    path = tmp_path / "bad.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        read_document(path)


def test_a_utf16_tmx_with_a_doctype_is_read_and_reports_utf16(tmp_path):
    # it was refused as "not valid UTF-8 (byte 0)", with "encoding": "utf-8" in the report
    path = tmp_path / "u16.tmx"
    path.write_bytes(
        '<?xml version="1.0" ?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header srclang="zh-CN"/><body>'
        '<tu><tuv xml:lang="zh-CN"><seg>会议在北京举行。</seg></tuv><tuv xml:lang="en"><seg>The meeting was held in Beijing.</seg></tuv></tu>'
        "</body></tmx>".encode("utf-16")
    )
    doc = read_document(path)
    assert doc.encoding == "utf-16" and doc.segments[0].target == "The meeting was held in Beijing."


def test_chinese_marked_english_is_never_checked_as_english(tmp_path):
    path = tmp_path / "mislabelled.tmx"
    zh = "会议强调，必须全面贯彻落实党中央的决策部署，坚持以人民为中心做好全年工作。"
    path.write_text(f'<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>{zh}</seg></tuv><tuv xml:lang="en"><seg>{zh}。</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with pytest.raises(InputError, match=r"translates into Chinese, not into English \(the target side declared en but its text is Chinese\)"):
        read_document(path)


def test_three_letter_language_codes_are_aliases(tmp_path):
    p = tmp_path / "iso639-2.tmx"
    p.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="zho" adminlang="eng" segtype="sentence" '
        'o-tmf="x" datatype="plaintext" creationtool="t" creationtoolversion="1"/><body>'
        '<tu><tuv xml:lang="zho"><seg>我们必须坚持两个确立。</seg></tuv><tuv xml:lang="eng"><seg>We must uphold the Two Establishes.</seg></tuv></tu>'
        '<tu><tuv xml:lang="CHI"><seg>规上企业增长很快。</seg></tuv><tuv xml:lang="ENG-us"><seg>Enterprises above designated size grew fast.</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    doc = read_document(p)
    assert [(s.source, s.target) for s in doc.segments] == [
        ("我们必须坚持两个确立。", "We must uphold the Two Establishes."),
        ("规上企业增长很快。", "Enterprises above designated size grew fast."),
    ]
    assert (doc.source_lang, doc.target_lang, doc.warnings) == ("zho", "eng", [])


def test_a_unit_with_two_english_variants_says_which_one_is_read(tmp_path):
    """Issue 20: the second English variant was dropped with no word."""
    path = tmp_path / "two-english.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" '
        'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu><tuv xml:lang="zh-CN"><seg>两个确立</seg></tuv><tuv xml:lang="en-US"><seg>two establishments</seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>the Two Establishes</seg></tuv></tu>'
        '<tu><tuv xml:lang="zh-CN"><seg>两个维护</seg></tuv><tuv xml:lang="en"><seg>two safeguards</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [s.target for s in doc.segments] == ["two establishments", "two safeguards"]
    assert any("1 unit(s) have two variants of one language (unit 1: English en-US and en-GB); the first of each is read" in w for w in doc.warnings)


def test_a_second_seg_in_one_tuv_is_named_in_a_warning(tmp_path):
    path = tmp_path / "two.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"'
        ' creationtool="t" creationtoolversion="1"/><body><tu><tuv xml:lang="zh-CN"><seg>会议在北京举行。</seg></tuv>'
        '<tuv xml:lang="en"><seg>The meeting was held in Beijing.</seg><seg>It lasted two days.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [(s.source, s.target) for s in doc.segments] == [("会议在北京举行。", "The meeting was held in Beijing.")]
    assert doc.warnings == [
        'unit 1: its English variant (en) has 2 <seg> elements, where TMX allows one; only the first is read, the rest ("It lasted two days.") is not reviewed'
    ]
    out = tmp_path / "out.tmx"
    write_corrected(doc, {"1": "The meeting took place in Beijing."}, out)
    again = read_document(out)
    assert again.segments[0].target == "The meeting took place in Beijing." and again.warnings == doc.warnings
    assert "<seg>It lasted two days.</seg>" in out.read_text(encoding="utf-8")
