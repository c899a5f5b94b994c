"""Honest encodings (issue 20): a declaration is trusted only when the bytes agree, UTF-8 and
GB18030 come first for Chinese and English text, and a damaged file is refused with the offset
of its first bad byte instead of being read as gibberish in a guessed encoding."""

from __future__ import annotations

import pytest

from reviewer.core.encoding import declared_mismatch, decode_bytes, xml_encoding
from reviewer.core.errors import InputError
from reviewer.core.readers import read_document

ENGLISH = "We must firmly support the “two establishments” and the “two upholds”. "
GLOSSARY = "两个确立,Two Establishes\n两个维护,Two Upholds\n规上企业,industrial enterprises above designated size\n"


@pytest.mark.parametrize(
    "data, encoding, start",
    [
        (ENGLISH.encode("utf-8"), "utf-8", "We must"),
        (GLOSSARY.encode("gbk"), "gb18030", "两个确立"),
        ("镕基 两个确立 Two Establishes".encode("gbk"), "gb18030", "镕基"),  # beyond GB2312
        ("He said “yes” — café, and the meeting stressed the “two establishments”.".encode("cp1252"), "cp1252", "He said “yes”"),
        ("Совещание подчеркнуло важность двух установлений. Это важно для всех.".encode("cp1251"), "cp1251", "Совещание"),
    ],
)
def test_the_encoding_is_the_one_the_bytes_show(data, encoding, start):
    text, found = decode_bytes(data)
    assert found == encoding and text.startswith(start)


def test_invalid_utf8_is_refused_at_its_byte_not_read_as_cp1251():
    data = ENGLISH.encode() * 5 + b"\xff" + "more — text.".encode()
    with pytest.raises(InputError, match=f"UTF-8 except for 1 invalid byte sequence.*first at byte {len(ENGLISH.encode()) * 5}"):
        decode_bytes(data)


def test_a_gbk_glossary_with_one_bad_byte_is_refused_not_read_as_koi8(tmp_path):
    data = GLOSSARY.encode("gbk") * 3 + b"\x81\x20" + "四个意识,Four Consciousnesses\n".encode("gbk")
    with pytest.raises(InputError, match="GB18030/GBK except for 1 invalid byte sequence"):
        decode_bytes(data)
    path = tmp_path / "glossary.csv"
    path.write_bytes(data)
    from reviewer.core.termbase import load_termbase

    with pytest.raises(InputError, match="save it again as UTF-8"):
        load_termbase(path)


def test_a_tmx_declared_latin1_holding_utf8_is_read_as_utf8_and_says_so(tmp_path):
    body = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" '
        'segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu>'
        '<tuv xml:lang="zh-CN"><seg>要坚定拥护“两个确立”。</seg></tuv><tuv xml:lang="en"><seg>We must support the “two establishments”.</seg></tuv>'
        "</tu></body></tmx>"
    ).encode("utf-8")
    assert xml_encoding(body) == "utf-8" and "declares the encoding iso-8859-1" in (declared_mismatch(body) or "")
    path = tmp_path / "mislabelled.tmx"
    path.write_bytes(body)
    doc = read_document(path)
    assert doc.encoding == "utf-8" and doc.segments[0].source == "要坚定拥护“两个确立”。"
    assert any("its bytes are UTF-8" in w for w in doc.warnings)
    # a true Latin-1 file keeps its declaration
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>'.encode("latin-1")
    assert xml_encoding(latin) == "iso-8859-1" and declared_mismatch(latin) is None


def test_utf8_laid_out_bytes_that_encode_no_character_are_damaged_utf8():
    """A surrogate written as UTF-8 (ED A0 80, CESU-8) in an otherwise ASCII file was read as
    cp1252 ("Xi Jiní €ping"): bytes laid out as UTF-8 sequences are damaged UTF-8."""
    with pytest.raises(InputError, match="UTF-8 except for"):
        decode_bytes(b"Xi Jin\xed\xa0\x80ping met the delegates.")
