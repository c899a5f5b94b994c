"""TBX reader and writer (ISO 30042:2019 TBX-Basic, and TBX v2 ``martif``).

Reading is safe: :func:`reviewer.core.xmlsafe.safe_fromstring` (``defusedxml``) refuses
an internal DTD subset, entity declarations and external references; a bare
``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`` (TBX v2 as SDL MultiTerm and Okapi
write it) is accepted and its DTD never read. Language sections are chosen by
``xml:lang`` (case-insensitive, with aliases: ``zh``, ``zh-CN``, ``zh-Hans``,
``zh-SG`` are Simplified Chinese; ``zh-TW``, ``zh-HK``, ``zh-Hant`` Traditional;
``en``, ``en-US``, ``en-GB`` English; ``eng``, ``zho``, ``chi`` too: :mod:`reviewer.core.langtags`),
never by position. Both ``termSec``/``tig``
(2019) and ``tig``/``ntig`` (v2) term containers are read. A ``langSec`` without ``xml:lang``
takes the language of each ``termSec`` that has one; a term with no language at all, and a
second ``<term>`` in one ``termSec``, are not read and are reported in ``Termbase.load_problems``.

Administrative status (``termNote type="administrativeStatus"`` or
``"normativeAuthorization"``) maps to :class:`Status`: ``preferredTerm-admn-sts``,
``admittedTerm-admn-sts``, ``deprecatedTerm-admn-sts``, ``supersededTerm-admn-sts``
and reviewer's own ``forbiddenTerm-admn-sts``, with their common synonyms (``obsolete``,
``superseded``, ``deprecated``, ``notRecommended`` ...). A term without a status is admitted;
one with a status reviewer does not know is admitted too, and the status is reported in
``Termbase.load_problems`` (so ``glossary validate`` and the import report show it).

reviewer-specific term data is written as ``termNote`` elements whose types are
prefixed ``x-`` (``x-caseSensitive``, ``x-matchMode``, ``x-validFrom``,
``x-validTo``, ``x-fuzzyThreshold``) and concept data as ``descrip``/``admin`` (``subjectField``,
``definition``, ``source``, ``x-verified``, ``x-glossPattern``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml import DefusedXmlException

from reviewer.core.errors import InputError
from reviewer.core.fileio import atomic_write_bytes, read_regular_file
from reviewer.core.langtags import lang_kind as lang_kind  # re-exported: its old home
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, Termbase
from reviewer.core.xmlsafe import safe_fromstring, unsafe_reason

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX_NS = "urn:iso:std:iso:30042:ed-2"

_STATUS_IN = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "preferredterm": Status.PREFERRED,
    "preferred": Status.PREFERRED,
    "standardizedterm": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "admittedterm": Status.ADMITTED,
    "admitted": Status.ADMITTED,
    "legalterm": Status.ADMITTED,
    "regulatedterm": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "deprecatedterm": Status.DEPRECATED,
    "deprecated": Status.DEPRECATED,
    "notrecommendedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.SUPERSEDED,
    "supersededterm": Status.SUPERSEDED,
    "superseded": Status.SUPERSEDED,
    "obsoleteterm-admn-sts": Status.SUPERSEDED,
    "obsoleteterm": Status.SUPERSEDED,
    "obsolete": Status.SUPERSEDED,
    "outdated": Status.SUPERSEDED,
    "archaic": Status.SUPERSEDED,
    "notrecommendedterm": Status.DEPRECATED,
    "notrecommended": Status.DEPRECATED,
    "not recommended": Status.DEPRECATED,
    "rejected": Status.DEPRECATED,
    "proposed": Status.ADMITTED,
    "forbiddenterm-admn-sts": Status.FORBIDDEN,
    "forbiddenterm": Status.FORBIDDEN,
    "forbidden": Status.FORBIDDEN,
}
_STATUS_OUT = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
    Status.SUPERSEDED: "supersededTerm-admn-sts",
    Status.FORBIDDEN: "forbiddenTerm-admn-sts",
}

MAX_TBX_BYTES = 100 * 1024 * 1024


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: ET.Element) -> str:
    return "".join(el.itertext()).strip()


def read_tbx(path: str | Path) -> Termbase:
    """Read a TBX file.

    Returns:
        The termbase; concept order follows the file.

    Raises:
        InputError: unreadable file, unsafe XML (DTD, entities), malformed XML,
            not a TBX document, or no concept with an English term.
    """
    from reviewer.core.encoding import refuse_utf32

    p = Path(path)
    refuse_utf32(p, "termbase")
    data = read_regular_file(p, MAX_TBX_BYTES, "termbase")
    try:
        root = safe_fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(p, f"refused unsafe XML: the termbase {unsafe_reason(exc)} (entities and external references are not allowed)") from None
    except ET.ParseError as exc:
        raise InputError(p, f"not well-formed XML ({exc})") from None
    except (ValueError, LookupError) as exc:  # an XML declaration naming an encoding expat lacks
        raise InputError(p, f"cannot decode the termbase ({exc}); save it as UTF-8") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise InputError(p, f"not a TBX file (root element is <{_local(root.tag)}>, expected <tbx> or <martif>)")
    termbase = Termbase(name=p.stem, path=p)
    for el in root.iter():
        name = _local(el.tag)
        if name == "title" and not termbase.name.startswith("~"):
            title = _text(el)
            if title:
                termbase.name = title
        elif name == "sourceDesc":
            for sub in el.iter():
                text = _text(sub) if _local(sub.tag) == "p" else ""
                if text.lower().startswith("version ") and not termbase.version:
                    termbase.version = text.split(None, 1)[-1]
                elif text.lower().startswith("fuzzy threshold "):
                    termbase.fuzzy_threshold = _number(text.split()[-1])
    for n, entry in enumerate(e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")):
        concept = _read_concept(entry, n + 1, termbase.load_problems)
        concept.termbase = termbase.name
        if concept.en:
            termbase.concepts.append(concept)
    if not termbase.concepts:
        raise InputError(p, "the termbase has no concept with an English term (check the xml:lang of its language sections)")
    return termbase


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None  # NaN fails both comparisons


def _read_concept(entry: ET.Element, number: int, problems: list[tuple[str, str]]) -> Concept:
    concept = Concept(id=entry.get("id") or f"entry-{number}")
    for child in entry:
        name = _local(child.tag)
        if name in ("descrip", "admin", "note", "descripGrp", "adminGrp"):
            _read_concept_field(concept, child)
        elif name in ("langSec", "langSet"):
            sec_lang = child.get(XML_LANG) or child.get("lang") or ""
            sec_kind = lang_kind(sec_lang)
            for holder in child.iter():
                if _local(holder.tag) not in ("termSec", "tig", "ntig"):
                    continue
                # the language is the langSec's; one written on the termSec instead (and none on
                # its langSec) is unambiguous, and is used
                kind = sec_kind if sec_lang else lang_kind(holder.get(XML_LANG) or holder.get("lang") or "")
                if not kind:
                    if not sec_lang:
                        texts = [_text(t) for t in holder.iter() if _local(t.tag) == "term" and _text(t)]
                        if texts:
                            problems.append((concept.id, f"the term(s) {', '.join(f'“{t}”' for t in texts)} have no xml:lang on their langSec or termSec; not read"))
                    continue
                term = _read_term(holder, kind, concept.id, problems)
                if term is not None:
                    (concept.en if kind == "en" else concept.zh).append(term)
    if concept.zh and not any(t.status is Status.PREFERRED for t in concept.zh):
        concept.zh[0].status = Status.PREFERRED  # the main Chinese term
    return concept


def _read_concept_field(concept: Concept, el: ET.Element) -> None:
    if _local(el.tag) in ("descripGrp", "adminGrp"):
        for sub in el:
            _read_concept_field(concept, sub)
        return
    kind = (el.get("type") or "").strip()
    value = _text(el)
    if not value:
        return
    if kind == "subjectField":
        concept.subject = value
    elif kind == "definition":
        concept.definition = value
    elif kind == "source":
        concept.sources.append(_parse_source(value))
    elif kind == "x-verified":
        concept.verified = value
    elif kind == "x-glossPattern":
        concept.gloss_pattern = value
    elif _local(el.tag) == "note" or kind == "note":
        concept.note = value if not concept.note else concept.note + "\n" + value


def _parse_source(value: str) -> Source:
    parts = [p.strip() for p in value.split(" | ")]
    parts += [""] * (4 - len(parts))
    return Source(title=parts[0], publisher=parts[1], date=parts[2], url=parts[3])


def _read_term(holder: ET.Element, kind: str, concept_id: str, problems: list[tuple[str, str]]) -> Term | None:
    term_el = next((e for e in holder.iter() if _local(e.tag) == "term"), None)
    if term_el is None or not _text(term_el):
        return None
    term = Term(text=" ".join(_text(term_el).split()), lang="en" if kind == "en" else kind, status=Status.ADMITTED)
    others = [" ".join(_text(e).split()) for e in holder.iter() if _local(e.tag) == "term" and e is not term_el and _text(e)]
    if others:
        problems.append(
            (concept_id, f"a {_local(holder.tag)} holds more than one <term> (“{term.text}”, then {', '.join(f'“{t}”' for t in others)}); only the first is read: give each term its own {_local(holder.tag)}")
        )
    for note in holder.iter():
        if _local(note.tag) not in ("termNote", "descrip", "admin", "note"):
            continue
        kind_attr = (note.get("type") or "").strip()
        value = _text(note)
        if kind_attr in ("administrativeStatus", "normativeAuthorization"):
            status = _STATUS_IN.get(" ".join(value.lower().split()))
            if status is None and value:
                problems.append((concept_id, f"unknown {kind_attr} “{value}” on “{term.text}”; read as admitted"))
            term.status = status or term.status
        elif kind_attr == "termType":
            term.form = value
        elif kind_attr == "usageNote" or (_local(note.tag) == "note" and not kind_attr):
            term.note = value
        elif kind_attr == "x-caseSensitive":
            term.case_sensitive = value.lower() in ("yes", "true", "1")
        elif kind_attr == "x-matchMode":
            try:
                term.match = MatchMode(value.lower())
            except ValueError:
                modes = ", ".join(m.value for m in MatchMode)
                problems.append((concept_id, f"unknown match mode “{value}” on “{term.text}” (one of {modes}); read as inflected"))
        elif kind_attr == "x-validFrom":
            term.valid_from = value
        elif kind_attr == "x-validTo":
            term.valid_to = value
        elif kind_attr == "x-fuzzyThreshold":
            term.threshold = _number(value)
            if term.threshold is None and value:
                problems.append((concept_id, f"the near-miss threshold “{value}” on “{term.text}” is not a number from 0 to 100; ignored"))
    return term


def write_tbx(termbase: Termbase, path: str | Path, dialect: str = "TBX-Basic") -> None:
    """Write ``termbase`` as TBX-Basic (or TBX-Core), ISO 30042:2019, atomically.

    TBX-Core carries only the concepts and their terms by language (no status,
    notes or sources): use it for tools that read nothing more.

    The file is written to a temporary file in the same folder, flushed to disk,
    then renamed over ``path``, so a crash never leaves a half-written termbase.

    Raises:
        reviewer.core.errors.OutputError: the file cannot be written.
    """
    p = Path(path)
    if dialect not in ("TBX-Basic", "TBX-Core"):
        raise ValueError(f"unknown TBX dialect {dialect!r}")
    core = dialect == "TBX-Core"
    root = ET.Element("tbx", {"type": dialect, "style": "dca", XML_LANG: "en", "xmlns": TBX_NS})
    header = ET.SubElement(root, "tbxHeader")
    fdesc = ET.SubElement(header, "fileDesc")
    tstmt = ET.SubElement(fdesc, "titleStmt")
    ET.SubElement(tstmt, "title").text = termbase.name
    sdesc = ET.SubElement(fdesc, "sourceDesc")
    if termbase.version:
        ET.SubElement(sdesc, "p").text = f"version {termbase.version}"
    if termbase.fuzzy_threshold is not None:
        ET.SubElement(sdesc, "p").text = f"fuzzy threshold {termbase.fuzzy_threshold:g}"
    ET.SubElement(sdesc, "p").text = "Written by reviewer"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for c in termbase.concepts:
        entry = ET.SubElement(body, "conceptEntry", {"id": c.id})
        if core:
            for lang, terms in (("zh-Hans", [t for t in c.zh if t.lang != "zh-Hant"]), ("zh-Hant", [t for t in c.zh if t.lang == "zh-Hant"]), ("en", c.en)):
                if terms:
                    lang_sec = ET.SubElement(entry, "langSec", {XML_LANG: lang})
                    for t in terms:
                        ET.SubElement(ET.SubElement(lang_sec, "termSec"), "term").text = t.text
            continue
        if c.subject:
            ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = c.subject
        if c.definition:
            ET.SubElement(entry, "descrip", {"type": "definition"}).text = c.definition
        for s in c.sources:
            ET.SubElement(entry, "admin", {"type": "source"}).text = " | ".join([s.title, s.publisher or "", s.date or "", s.url or ""]).rstrip(" |")
        if c.verified:
            ET.SubElement(entry, "admin", {"type": "x-verified"}).text = c.verified
        if c.gloss_pattern:
            ET.SubElement(entry, "admin", {"type": "x-glossPattern"}).text = c.gloss_pattern
        if c.note:
            ET.SubElement(entry, "note").text = c.note
        for lang, terms in (("zh-Hans", [t for t in c.zh if t.lang != "zh-Hant"]), ("zh-Hant", [t for t in c.zh if t.lang == "zh-Hant"]), ("en", c.en)):
            if not terms:
                continue
            lang_sec = ET.SubElement(entry, "langSec", {XML_LANG: lang})
            for t in terms:
                sec = ET.SubElement(lang_sec, "termSec")
                ET.SubElement(sec, "term").text = t.text
                ET.SubElement(sec, "termNote", {"type": "administrativeStatus"}).text = _STATUS_OUT[t.status]
                if t.form:
                    ET.SubElement(sec, "termNote", {"type": "termType"}).text = t.form
                if t.note:
                    ET.SubElement(sec, "termNote", {"type": "usageNote"}).text = t.note
                if t.case_sensitive:
                    ET.SubElement(sec, "termNote", {"type": "x-caseSensitive"}).text = "yes"
                if t.match is not MatchMode.INFLECTED:
                    ET.SubElement(sec, "termNote", {"type": "x-matchMode"}).text = t.match.value
                if t.valid_from:
                    ET.SubElement(sec, "termNote", {"type": "x-validFrom"}).text = t.valid_from
                if t.valid_to:
                    ET.SubElement(sec, "termNote", {"type": "x-validTo"}).text = t.valid_to
                if t.threshold is not None:
                    ET.SubElement(sec, "termNote", {"type": "x-fuzzyThreshold"}).text = f"{t.threshold:g}"
    ET.indent(root, space=" ")
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")
    atomic_write_bytes(p, data)
