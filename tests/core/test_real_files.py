"""Real files that other tools wrote (../shared/real-files/, see its SOURCES.tsv; skipped when absent).

68 files from the Okapi Framework's tests (Trados SDLXLIFF, memoQ-style XLIFF, Okapi XLIFF 1.2
and 2, TMX, MultiTerm/TBX v2 ``martif``), the OASIS XLIFF 2.0 test suite and translate-toolkit.
None of them is Chinese → English, so every bilingual one is refused by ``read_document`` for
its true direction; its segments are still read (:func:`reviewer.core.readers.xliff.load`, the
TMX units) and compared, all of them, with an independent parse by lxml XPath. The termbases are
read, and their English terms compared with the same independent parse.

:data:`EXPECTED` holds the outcome of every file: ``(count, outcome)``, the count being the
segments :func:`~reviewer.core.readers.xliff.load` reads (XLIFF), the ``tu`` units (TMX) or the
concepts with an English term (TBX), and the outcome :data:`READ` or a fragment of the
reason ``read_document``/``load_termbase`` gives.
"""

from __future__ import annotations

import pytest
from lxml import etree

from reviewer.core.errors import InputError
from reviewer.core.readers import read_document, tmx, xliff
from reviewer.core.readers.inline import flatten
from reviewer.core.termbase import load_termbase
from tests.conftest import SHARED, shared_path

READ = "read"
CHECKS = "; reviewer checks English translations of Chinese"
NO_SEGMENTS = "the XLIFF file has no segments with text"

EXPECTED: dict[str, tuple[int, str]] = {
    # OASIS XLIFF 2.0 test suite (via microsoft/XLIFF2-Object-Model)
    "ms2_DocumentWithEverything.xlf": (0, NO_SEGMENTS + ' (3 unit(s) are marked translate="no")'),
    "ms2_FullDocument.xlf": (0, NO_SEGMENTS + ' (1 unit(s) are marked translate="no")'),  # version="version": still XLIFF 2 by namespace
    "oasis2_Good-fs_fs-with-valid-HTML.xlf": (1, "is English (en-us) → German (de)" + CHECKS),
    "oasis2_allExtensions.xlf": (3, "is English (en) → French (fr)" + CHECKS),
    "oasis2_everything-core.xlf": (5, "is English (en) → French (fr)" + CHECKS),
    "oasis2_sample1.xlf": (1, "is English (en) → German (de)" + CHECKS),
    "oasis2_testTranslateWithTarget.xlf": (3, "is English (en) → French (fr)" + CHECKS),
    "oasis2_toJoin.xlf": (5, "is English (en) → French (fr)" + CHECKS),
    "oasis2_toJoin1_in.xlf": (4, "is English (en) → French (fr)" + CHECKS),
    "oasis2_toSegment.xlf": (4, "is English (en) → French (fr)" + CHECKS),
    "oasis2_toSegment1_out.xlf": (8, "is English (en) → French (fr)" + CHECKS),
    "oasis2_withCDataSections.xlf": (1, "is English (en) → French (fr)" + CHECKS),
    "oasis2_withGlossary.xlf": (2, "is English (en) → French (fr)" + CHECKS),
    "oasis2_withMatches.xlf": (1, "is English (en) → French (fr)" + CHECKS),
    "oasis2_withReorderedCodes.xlf": (2, "is English (en) → French (fr)" + CHECKS),
    "oasis2_withXmlSpace.xlf": (1, "is English (en) → French (fr)" + CHECKS),
    # Okapi: Trados SDLXLIFF
    "okapi_32415989.sdlxliff": (68, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_ExcludeIncludeTest15987.sdlxliff": (3, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_FFFEBOM15992.sdlxliff": (1, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_TS09-12-Test01.sdlxliff": (19, "is English (en) → German (de)" + CHECKS),
    "okapi_TeacherXpress15981.sdlxliff": (1123, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_UTF8WithBOM16001.sdlxliff": (1, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_WorldsWorstWebsite15974.sdlxliff": (19, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_bad_textUnit15971.sdlxliff": (5, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_extended-code-type.sdlxliff": (10, "is English (en-US) → French (fr-FR)" + CHECKS),
    "okapi_home_tagcloud_hell15993.sdlxliff": (8, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_no_mrk.sdlxliff": (0, NO_SEGMENTS),  # its one unit holds inline codes only
    "okapi_okapi_intro_test15977.sdlxliff": (15, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_quoted-code-type-values.sdlxliff": (0, NO_SEGMENTS),  # likewise
    "okapi_simpleTest15984.sdlxliff": (9, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_supplementals15982.sdlxliff": (3, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    "okapi_withEncoding15972.sdlxliff": (8, "is English (en-US) → Spanish (es-ES)" + CHECKS),
    # Okapi: XLIFF 1.2 (MQ- memoQ, JMP-, RB-, SF-, PAS-, Typo3 ...) and XLIFF 2
    "okapi_3LevelGTags.xlf": (1, "is German (de) → Italian (it)" + CHECKS),
    "okapi_DifferentCTypesWithBreakingMrk.xlf": (2, "translates from German (de), not from Chinese" + CHECKS),
    "okapi_JMP-11-Test01.xlf": (9, "is English (en) → French (fr)" + CHECKS),
    "okapi_MQ-12-Test01.xlf": (118, "is English (en) → French (fr)" + CHECKS),
    "okapi_Manual-12-AltTrans.xlf": (6, "is English (en) → French (fr)" + CHECKS),
    "okapi_OnTramTest01.xlf": (88, "translates from German (de-DE), not from Chinese" + CHECKS),
    "okapi_PAS-10-Test01.xlf": (137, "translates from English (en), not from Chinese" + CHECKS),
    "okapi_RB-12-Test02.xlf": (11, "is English (en) → French (fr)" + CHECKS),  # declared windows-1252
    "okapi_SF-12-Test02.xlf": (98, "is English (en) → Spanish (es)" + CHECKS),
    "okapi_Typo3Draft.xlf": (6, "is English (EN) → German (DE)" + CHECKS),
    "okapi_lqiTest.xlf": (4, "is English (en) → French (fr)" + CHECKS),
    "okapi_segmented.xlf": (3, "is English (en) → German (de)" + CHECKS),
    "okapi_xliff2_test01.xlf": (5, "is English (en) → French (fr)" + CHECKS),
    # translate-toolkit
    "tt_states.xlf": (8, "translates from English (en-US), not from Chinese" + CHECKS),
    "tt_test_2-test_odf2xliff-reference.xlf": (10, "translates from English (en), not from Chinese" + CHECKS),
    # declared source-language="en", but the sources are Spanish: the text decides
    "tt_test_inline-test_odf2xliff_inline-reference.xlf": (4, "translates from Spanish, not from Chinese (the source side declared en but its text is Spanish)" + CHECKS),
    # Okapi TMX; six of them start with <!DOCTYPE tmx SYSTEM "tmx14.dtd">, two are UTF-16 with a BOM
    "okapi_ExportTest2A.tmx": (6, "has no Chinese variant (its languages: en-us, fr-ca)" + CHECKS),
    "okapi_ImportTest1A.tmx": (2, "has no Chinese variant (its languages: en-us, fr-ca)" + CHECKS),  # UTF-16, DOCTYPE
    "okapi_ImportTest1C.tmx": (3, "has no Chinese variant (its languages: en-us, en-gb, ja-jp, fr-ca, es-es)" + CHECKS),
    "okapi_ImportTest1L.tmx": (1, "has no Chinese variant (its languages: en-us, fr, en-gb)" + CHECKS),
    "okapi_ImportTest2A.tmx": (7, "has no Chinese variant (its languages: en-us, fr-ca)" + CHECKS),
    "okapi_ImportTest2B.tmx": (7, "has no Chinese variant (its languages: en-us, fr-ca)" + CHECKS),  # UTF-16, DOCTYPE
    "okapi_ImportTest2C.tmx": (1, "has no Chinese variant (its languages: en-us, fr, en-gb)" + CHECKS),
    "okapi_Paragraph_TM.tmx": (7, "has no Chinese variant (its languages: en-us, de-de)" + CHECKS),
    "okapi_a_small_test2.tmx": (1, "has no Chinese variant (its languages: en-us, fr)" + CHECKS),
    "okapi_header_with_prop_and_note.tmx": (1, "has no Chinese variant (its languages: en-us, fr)" + CHECKS),
    "okapi_html_test.tmx": (11, "has no Chinese variant (its languages: EN-US, FR-FR)" + CHECKS),
    "okapi_pensieve_mytm.tmx": (25, "has no Chinese variant (its languages: EN-US, FR-FR)" + CHECKS),  # OmegaT
    "okapi_tmxtest-attributes.tmx": (9, "has no Chinese variant (its languages: EN-US, FR-FR)" + CHECKS),
    # TBX v2 martif (MultiTerm, IBM, Oracle ...): all but the last start with a bare DOCTYPE
    "okapi_ibm_tbx.tbx": (5, READ),
    "okapi_maryland.tbx": (1, READ),
    "okapi_medtronic_TBX.tbx": (3, READ),
    "okapi_oracle_TBX.tbx": (2, READ),
    "okapi_sdl_tbx.tbx": (223, READ),
    "okapi_test01.tbx": (1, READ),
    "okapi_test02_win1254.tbx": (1, READ),
}

FOLDER = SHARED / "real-files"
_PRESENT = sorted(p.name for p in FOLDER.iterdir() if p.name not in ("README.md", "SOURCES.tsv")) if FOLDER.is_dir() else []

#: Inline elements whose content is native markup of the original format, not text.
_NATIVE = ("bpt", "ept", "it", "ph", "ut")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _text(el: etree._Element) -> str:
    """The text of a segment element: every text node in it but those inside native codes."""
    out = []
    for t in el.xpath(".//text()"):
        owner = t.getparent().getparent() if t.is_tail else t.getparent()
        inside: list[str] = []
        while owner is not None and owner is not el:
            inside.append(etree.QName(owner).localname)
            owner = owner.getparent()
        if not set(inside) & set(_NATIVE):
            out.append(str(t))
    return "".join(out)


def _translatable(unit: etree._Element) -> bool:
    nearest = unit.xpath("ancestor-or-self::*[@translate][1]/@translate")
    return not nearest or nearest[0] != "no"


def _xliff_pairs(root: etree._Element) -> list[tuple[str, str]]:
    """``(source, target)`` of every segment with text, by XPath alone."""
    pairs: list[tuple[str, str]] = []
    ln = "local-name()"
    if root.xpath(f"namespace-uri()").endswith(":2.0"):
        for unit in root.xpath(f"//*[{ln}='unit']"):
            if not _translatable(unit):
                continue
            for seg in unit.xpath(f"*[{ln}='segment']"):
                src, trg = seg.xpath(f"*[{ln}='source']"), seg.xpath(f"*[{ln}='target']")
                if src:
                    pairs.append((_text(src[0]), _text(trg[0]) if trg else ""))
    else:
        for unit in root.xpath(f"//*[{ln}='trans-unit']"):
            if not _translatable(unit) or not unit.xpath(f"*[{ln}='source']"):
                continue
            mrks = unit.xpath(f"*[{ln}='seg-source']//*[{ln}='mrk'][@mtype='seg']")
            target = unit.xpath(f"*[{ln}='target']")
            if mrks:
                by_mid = {m.get("mid"): m for m in (target[0].xpath(f".//*[{ln}='mrk'][@mtype='seg']") if target else [])}
                pairs += [(_text(m), _text(by_mid[m.get("mid")]) if m.get("mid") in by_mid else "") for m in mrks]
            else:
                pairs.append((_text(unit.xpath(f"*[{ln}='source']")[0]), _text(target[0]) if target else ""))
    return [(s, t) for s, t in pairs if s.strip() or t.strip()]


def _english_terms(root: etree._Element) -> list[list[str]]:
    """The English terms of each entry that has one, by XPath alone."""
    out = []
    for entry in root.xpath("//*[local-name()='termEntry' or local-name()='conceptEntry']"):
        terms = [
            " ".join("".join(t.itertext()).split())
            for sec in entry.xpath("*[local-name()='langSet' or local-name()='langSec']")
            if (sec.get(_XML_LANG) or "").lower().split("-")[0] == "en"
            for t in sec.xpath(".//*[local-name()='term']")
            if "".join(t.itertext()).strip()
        ]
        if terms:
            out.append(terms)
    return out


@pytest.mark.parametrize("name", sorted(set(EXPECTED) | set(_PRESENT)))
def test_real_file_is_read_or_refused_for_its_true_reason(name: str) -> None:
    assert name in EXPECTED, f"{name} is in ../shared/real-files/ but has no row in EXPECTED"
    path = shared_path("real-files", name)
    count, outcome = EXPECTED[name]
    independent = etree.fromstring(path.read_bytes(), _PARSER)
    if path.suffix == ".tbx":
        tb = load_termbase(path)
        assert outcome == READ
        expected_terms = _english_terms(independent)
        assert len(tb.concepts) == len(expected_terms) == count
        assert [[t.text for t in c.en] for c in tb.concepts] == expected_terms
        return
    if path.suffix == ".tmx":
        units = [tu for _, tu in tmx.iter_units(tmx.parse(path).getroot())]
        assert len(units) == len(independent.xpath("/*/*[local-name()='body']/*[local-name()='tu']")) == count
        for tu, ind in zip(units, independent.xpath("//*[local-name()='tu']")):
            segs = [tmx.seg_of(t) for t in tu if tmx.local(t.tag) == "tuv"]
            assert [flatten(s)[0] if s is not None else "" for s in segs] == [_text(s) for s in ind.xpath("*[local-name()='tuv']/*[local-name()='seg']")]
    else:
        pairs = _xliff_pairs(independent)
        assert len(pairs) == count
        if count:
            doc = xliff.load(path)
            assert [(s.source, s.target) for s in doc.segments] == pairs
    if outcome == READ:
        assert len(read_document(path).segments) == count
        return
    with pytest.raises(InputError) as info:
        read_document(path)
    assert outcome in info.value.reason
    assert "\n" not in str(info.value)
