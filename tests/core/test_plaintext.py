import pytest

from reviewer.core.encoding import decode_bytes
from reviewer.core.errors import InputError
from reviewer.core.readers import read_document
from reviewer.core.segmentation import split_sentences

ARTICLE = "Date: 2023-01-19\n\nSource: Test News\n\nThe meeting was held. It ended.\n\nSecond paragraph here.\n"


@pytest.mark.parametrize(
    "encoding, expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("gb18030", "gb18030")],
)
def test_encodings_are_detected_and_reported(tmp_path, encoding, expected):
    text = "Date: 2023-01-19\n\n会议强调，要深刻领悟“两个确立”的决定性意义。The meeting stressed the “Two Establishes”.\n全市上下要坚决做到“两个维护”，推动高质量发展。\n"
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    doc = read_document(p)
    assert doc.encoding == expected
    assert "两个确立" in (doc.segments[0].source or doc.segments[0].target)


def test_seed_header_becomes_metadata_not_segments(sample_path):
    doc = read_document(sample_path)
    assert doc.metadata == {"date": "2023-01-19", "source": "Fuxin News Network"}
    assert doc.segments[0].target.startswith("On January 18, the municipal government")
    assert all("Fuxin News Network" != s.target for s in doc.segments)
    assert [s.id for s in doc.segments] == [str(i) for i in range(1, len(doc.segments) + 1)]
    assert len(doc.segments) == 20
    assert [s.paragraph for s in doc.segments[:5]] == [1, 1, 2, 2, 2]
    assert doc.segments[-1].paragraph == 8


def test_paragraphs_and_ids(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = read_document(p)
    assert doc.metadata == {"date": "2023-01-19", "source": "Test News"}
    assert [(s.id, s.paragraph, s.target) for s in doc.segments] == [
        ("1", 1, "The meeting was held."),
        ("2", 1, "It ended."),
        ("3", 2, "Second paragraph here."),
    ]


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("The U.S. and China met on Jan. 5. Talks went on.", ["The U.S. and China met on Jan. 5.", "Talks went on."]),
        ("No. 1 Middle School grew 3.5 percent. It is big.", ["No. 1 Middle School grew 3.5 percent.", "It is big."]),
        ("He said: “We will win.” The meeting ended.", ["He said: “We will win.”", "The meeting ended."]),
        ("GDP rose 5.2% in 2023. Mr. Li spoke.", ["GDP rose 5.2% in 2023.", "Mr. Li spoke."]),
    ],
)
def test_english_sentence_boundaries(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text, "en")] == sentences


def test_chinese_sentences_keep_closing_quotes():
    text = "会议强调，要坚持“两个确立”。全市要努力！“好。”他说。"
    assert [text[s:e] for s, e in split_sentences(text, "zh")] == ["会议强调，要坚持“两个确立”。", "全市要努力！", "“好。”", "他说。"]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "no article text"),
        (b"Date: 2023-01-01\nSource: X\n", "no article text after its header"),
        (b"abc\x00def", "NUL bytes"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=reason) as info:
        read_document(p)
    assert info.value.path == p


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported file type '.pdf'"):
        read_document(tmp_path / "a.pdf")


def test_invalid_utf8_with_bom_is_an_error():
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(b"\xef\xbb\xbfabc\xff\xfe\xfd")


def test_a_headline_with_a_colon_is_text_not_metadata(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Source: Xinhua\n\nXi Jinping: Promote high-quality development\n\nThe meeting was held.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.metadata == {"source": "Xinhua"}
    assert doc.segments[0].target == "Xi Jinping: Promote high-quality development"


def test_chinese_header_fields(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("来源：新华社\n日期：2023-01-19\n\n会议强调，要坚持“两个确立”。\nThe meeting stressed the Two Establishes.\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.metadata == {"来源": "新华社", "日期": "2023-01-19"}
    assert doc.segments[0].source == "会议强调，要坚持“两个确立”。" and doc.segments[0].target == ""
    assert doc.segments[1].target == "The meeting stressed the Two Establishes."


def test_a_folder_is_named_as_such(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)


def test_chinese_only_text_is_refused(tmp_path):
    p = tmp_path / "zh.txt"
    p.write_bytes("会议强调，要坚持“两个确立”。\n全市要努力！\n".encode("gb18030"))
    with pytest.raises(InputError, match="Chinese text only"):
        read_document(p)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, codec):
    p = tmp_path / "a.txt"
    p.write_bytes("The meeting stressed the Two Establishes.\n".encode(codec))
    doc = read_document(p)
    assert doc.encoding == codec and doc.segments[0].target.startswith("The meeting")


def test_gbk_english_with_chinese_punctuation_is_gb18030_not_big5(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("The meeting，and the 二十大 and 两会 were attended。\n".encode("gbk"))
    doc = read_document(p)
    assert doc.encoding == "gb18030"
    assert doc.segments[0].target == "The meeting，and the 二十大 and 两会 were attended。"


def test_fifo_is_refused_without_hanging(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_document(fifo)


def test_overlong_segments_are_cut_at_a_space(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(("word " * 3000).strip() + "\n", encoding="utf-8")
    doc = read_document(p)
    assert len(doc.segments) == 4
    assert all(len(s.target) <= 4000 for s in doc.segments)
    assert " ".join(s.target for s in doc.segments) == ("word " * 3000).strip()
