"""Editing operations on a termbase, for the editor and for "add to termbase" from a finding.

Every function that changes the termbase changes it in place and raises
:class:`ValueError` with a message for the user when the change is not possible
(checked before anything is changed). The rules live here, not in the GUI:

- a Chinese term belongs to one concept only (:func:`check_chinese_unique`);
- a concept keeps one preferred English term (:func:`add_rendering`, :func:`edit_term`);
- an imported glossary merges into the concepts it shares a Chinese term with, and the
  termbase's own statuses win (:func:`import_concepts`).
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from reviewer.core.chinese import to_simplified
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, Termbase, date_problem
from reviewer.core.text import term_key


_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def new_concept_id(tb: Termbase, prefix: str = "u") -> str:
    """A concept id not yet used in ``tb``: ``u0001``, ``u0002``, ..."""
    used = {c.id for c in tb.concepts}
    n = 1
    while f"{prefix}{n:04d}" in used:
        n += 1
    return f"{prefix}{n:04d}"


def add_concept(tb: Termbase, zh: str, preferred: str, subject: str = "", source: str = "") -> Concept:
    """Create a concept with one Chinese and one preferred English term.

    Raises:
        ValueError: a term is empty, or the Chinese term is already in a concept.
    """
    zh, preferred = zh.strip(), preferred.strip()
    if not zh or not preferred:
        raise ValueError("a new concept needs a Chinese term and a preferred English term")
    check_chinese_unique(tb, [zh])
    concept = Concept(
        id=new_concept_id(tb),
        zh=[Term(zh, lang="zh-Hans", status=Status.PREFERRED)],
        en=[Term(preferred, status=Status.PREFERRED)],
        subject=subject,
        sources=[Source(source)] if source.strip() else [],
        termbase=tb.name,
    )
    tb.concepts.append(concept)
    return concept


def concept_of_chinese(tb: Termbase, zh: str, exclude: str | None = None) -> Concept | None:
    """The concept that has the Chinese term ``zh`` (the same text, surrounding spaces
    ignored), or ``None``; the concept with id ``exclude`` is not looked at."""
    zh = zh.strip()
    if not zh:
        return None
    return next((c for c in tb.concepts if c.id != exclude and any(t.text.strip() == zh for t in c.zh)), None)


def check_chinese_unique(tb: Termbase, zh: Iterable[str], concept_id: str | None = None) -> None:
    """Check that none of the Chinese terms ``zh`` is already a term of a concept other than
    ``concept_id`` (``None``: of any concept, as for a new one).

    Raises:
        ValueError: ``“港口” is already in concept port (port)`` for the first one that is.
    """
    for z in zh:
        owner = concept_of_chinese(tb, z, exclude=concept_id)
        if owner is not None:
            raise ValueError(f"“{z.strip()}” is already in concept {owner.id} ({owner.preferred_text})")


def find_concept(tb: Termbase, key: str) -> Concept | None:
    """The concept whose id is ``key``, else the one with the Chinese term ``key``, or ``None``."""
    key = key.strip()
    return next((c for c in tb.concepts if c.id == key), None) or concept_of_chinese(tb, key)


def chinese_term(text: str, status: Status = Status.ADMITTED) -> Term:
    """A Chinese term, tagged ``zh-Hant`` when folding to Simplified changes it, else ``zh-Hans``."""
    return Term(text, lang="zh-Hant" if to_simplified(text) != text else "zh-Hans", status=status)


def set_concept_fields(
    tb: Termbase,
    concept_id: str,
    zh: Sequence[str],
    subject: str = "",
    definition: str = "",
    note: str = "",
    sources: Sequence[Source] = (),
    verified: str = "",
) -> Concept:
    """Replace the Chinese terms and the descriptive fields of a concept, as one edit.

    Args:
        zh: the Chinese terms in order, the first being the main (preferred) one; blanks and
            repeats are dropped. Terms already in the concept keep their language tag; the
            others are new admitted terms.
        subject, definition, note, sources, verified: the new values (see :class:`Concept`).

    Returns:
        The concept, changed.

    Raises:
        KeyError: no concept ``concept_id``.
        ValueError: no Chinese term, or one that another concept has.
    """
    concept = tb.concept(concept_id)
    texts = list(dict.fromkeys(z.strip() for z in zh if z.strip()))
    if not texts:
        raise ValueError("a concept needs a Chinese term")
    check_chinese_unique(tb, texts, concept_id)
    old = {t.text: t for t in concept.zh}
    concept.zh = [old[z] if z in old else chinese_term(z) for z in texts]
    for i, t in enumerate(concept.zh):
        if i == 0:
            t.status = Status.PREFERRED
        elif t.status is Status.PREFERRED:
            t.status = Status.ADMITTED  # one main Chinese term
    concept.subject, concept.definition, concept.note = subject, definition, note
    concept.sources, concept.verified = list(sources), verified
    return concept


#: The :class:`Term` fields :func:`edit_term` changes, with the type of their value.
TERM_FIELDS: dict[str, type | tuple[type, ...]] = {
    "text": str,
    "status": Status,
    "form": str,
    "note": str,
    "case_sensitive": bool,
    "match": MatchMode,
    "threshold": (float, int, type(None)),
    "valid_from": str,
    "valid_to": str,
}


def edit_term(concept: Concept, index: int, field: str, value: object) -> Term:
    """Set one field of the English term ``concept.en[index]``.

    Making a term preferred makes the concept's old preferred term admitted, so it keeps
    one preferred term.

    Args:
        field: a key of :data:`TERM_FIELDS` (``"text"``, ``"status"``, ``"valid_to"``, ...).
        value: the new value, of the type :data:`TERM_FIELDS` gives.

    Returns:
        The term, changed.

    Raises:
        IndexError: no such term.
        ValueError: an unknown field or a value of the wrong type; the text of another term
            of the concept; the preferred term made non-preferred; a date that is not
            ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; "valid to" before "valid from".
    """
    term = concept.en[index]
    kind = TERM_FIELDS.get(field)
    if kind is None or not isinstance(value, kind):
        raise ValueError(f"cannot set {field} of a term to {value!r}")
    text_key = " ".join(str(value).split()).casefold()
    if field == "text" and any(k != index and " ".join(t.text.split()).casefold() == text_key for k, t in enumerate(concept.en)):
        raise ValueError(f"“{value}” is already a term of this concept")
    if field == "status" and term.status is Status.PREFERRED and value is not Status.PREFERRED:
        raise ValueError("a concept needs a preferred term: make another term preferred instead")
    if field in ("valid_from", "valid_to"):
        why = date_problem(str(value)) if value else ""
        if why:
            raise ValueError(why)
        valid_from = str(value) if field == "valid_from" else term.valid_from
        valid_to = str(value) if field == "valid_to" else term.valid_to
        if valid_from and valid_to and valid_to < valid_from:
            raise ValueError("“valid to” is before “valid from”")
    if field == "status" and value is Status.PREFERRED:
        for other in concept.en:
            if other.status is Status.PREFERRED:
                other.status = Status.ADMITTED  # one preferred term: the old one steps down
    setattr(term, field, value)
    return term


def remove_rendering(concept: Concept, index: int) -> Term:
    """Remove the English term ``concept.en[index]``.

    Raises:
        IndexError: no such term.
        ValueError: it is the concept's only English term, or its preferred one.
    """
    term = concept.en[index]
    if len(concept.en) == 1:
        raise ValueError("a concept needs at least one English term; delete the concept instead")
    if term.status is Status.PREFERRED:
        raise ValueError("make another term preferred before removing the preferred one")
    del concept.en[index]
    return term


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What :func:`import_concepts` did.

    Attributes:
        new: concepts added (no Chinese term of theirs was in the termbase).
        terms: terms added to concepts the termbase already had.
        conflicts: imported English terms the concept already had with another status
            (the termbase's status was kept).
    """

    new: int = 0
    terms: int = 0
    conflicts: int = 0


def import_concepts(tb: Termbase, imported: Termbase) -> ImportCounts:
    """Add the concepts of ``imported`` (a glossary just read) to ``tb``: the merge policy.

    - An imported concept that shares a Chinese term with a concept of ``tb`` (its main term
      looked up first) merges into it: English terms it lacks are added, an imported
      preferred term as admitted (``tb`` keeps its preferred term); an English term it has
      keeps ``tb``'s status (counted as a conflict when the statuses differ); Chinese terms
      no concept has are added as admitted; a note it lacks is appended.
    - Any other concept is added as it is, under its id, or under a fresh ``imp0001``-style
      id when ``tb`` uses that id already; ``Concept.termbase`` becomes ``tb.name``.

    Later imported concepts merge into earlier ones they share a Chinese term with, so the
    Chinese terms of ``tb`` stay unique. ``imported`` is not changed (its concepts are copied).
    """
    new = terms = conflicts = 0
    by_zh = {t.text.strip(): c for c in tb.concepts for t in c.zh}
    for c in copy.deepcopy(imported.concepts):
        target = next((by_zh[t.text.strip()] for t in c.zh if t.text.strip() in by_zh), None)
        if target is None:
            if any(c.id == x.id for x in tb.concepts):
                c.id = new_concept_id(tb, "imp")
            c.termbase = tb.name
            tb.concepts.append(c)
            by_zh.update((t.text.strip(), c) for t in c.zh if t.text.strip())
            new += 1
            continue
        for t in c.zh:
            if t.text.strip() and t.text.strip() not in by_zh:
                target.zh.append(dataclasses.replace(t, status=Status.ADMITTED))
                by_zh[t.text.strip()] = target
                terms += 1
        for t in c.en:
            same = next((x for x in target.en if x.text == t.text), None)
            if same is None:
                if t.status is Status.PREFERRED:
                    t = dataclasses.replace(t, status=Status.ADMITTED)  # the termbase keeps its preferred term
                target.en.append(t)
                terms += 1
            elif same.status is not t.status:
                conflicts += 1  # the termbase's status is kept
        if c.note and c.note not in target.note:
            target.note = f"{target.note}\n{c.note}".strip()
    return ImportCounts(new, terms, conflicts)


def add_rendering(concept: Concept, text: str, status: Status, note: str = "") -> Term:
    """Add an English rendering to ``concept`` (or change the status of an equal one).

    Raises:
        ValueError: the text is empty, or it would be a second preferred term.
    """
    text = " ".join(text.split())
    if not text:
        raise ValueError("the rendering is empty")
    if status is Status.PREFERRED and any(t.status is Status.PREFERRED and term_key(t.text) != term_key(text) for t in concept.en):
        raise ValueError(f"concept {concept.id} already has the preferred term “{concept.preferred_text}”")
    for t in concept.en:
        if t.text == text:
            t.status = status
            if note:
                t.note = note
            return t
    term = Term(text, status=status, note=note)
    concept.en.append(term)
    return term


def delete_concept(tb: Termbase, concept_id: str) -> Concept:
    """Remove a concept.

    Raises:
        ValueError: no such concept.
    """
    for i, c in enumerate(tb.concepts):
        if c.id == concept_id:
            return tb.concepts.pop(i)
    raise ValueError(f"no concept {concept_id}")


def merge_concepts(tb: Termbase, keep_id: str, other_id: str) -> Concept:
    """Merge concept ``other_id`` into ``keep_id`` and remove it.

    Chinese and English terms, sources and notes are carried over without
    duplicates; the other concept's preferred term becomes admitted, so the kept
    concept still has one preferred term.

    Raises:
        ValueError: the same concept twice, or no such concept.
    """
    if keep_id == other_id:
        raise ValueError("choose two different concepts to merge")
    keep = tb.concept(keep_id) if any(c.id == keep_id for c in tb.concepts) else None
    other = tb.concept(other_id) if any(c.id == other_id for c in tb.concepts) else None
    if keep is None or other is None:
        raise ValueError(f"no concept {keep_id if keep is None else other_id}")
    for t in other.zh:
        if all(t.text != k.text for k in keep.zh):
            keep.zh.append(Term(t.text, lang=t.lang, status=Status.ADMITTED))
    for t in other.en:
        if all(t.text != k.text for k in keep.en):
            status = Status.ADMITTED if t.status is Status.PREFERRED else t.status
            keep.en.append(Term(t.text, t.lang, status, t.note, t.form, t.case_sensitive, t.match, t.valid_from, t.valid_to, t.threshold))
    for s in other.sources:
        if str(s) not in {str(k) for k in keep.sources}:
            keep.sources.append(s)
    for attr in ("definition", "note", "subject"):
        if not getattr(keep, attr) and getattr(other, attr):
            setattr(keep, attr, getattr(other, attr))
    if other.note and other.note not in keep.note:
        keep.note = f"{keep.note}\n{other.note}".strip()
    delete_concept(tb, other_id)
    return keep


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A concept found by :func:`search`, with its best similarity (0-100)."""

    concept: Concept
    score: float


def search(
    tb: Termbase,
    query: str = "",
    status: Status | None = None,
    subject: str = "",
    source: str = "",
    threshold: float = 80.0,
) -> list[SearchHit]:
    """Find concepts by Chinese or English text (fuzzy), status, subject and source.

    Args:
        query: text to find; Chinese (Traditional folded to Simplified, spaces
            ignored) matches a Chinese term containing it or close to it, English any
            term by ``rapidfuzz`` partial ratio at or above ``threshold``. Empty
            matches everything.
        status: only concepts with an English term of this status.
        subject: only this subject field (exact).
        source: only concepts whose sources contain this text (case-insensitive).

    Returns:
        Hits, best first (file order among equals).
    """
    q = query.strip()
    q_key = term_key(q) if q else ""
    hits: list[SearchHit] = []
    for order, c in enumerate(tb.concepts):
        if status is not None and not any(t.status is status for t in c.en):
            continue
        if subject and c.subject != subject:
            continue
        if source and not any(source.lower() in str(s).lower() for s in c.sources):
            continue
        if not q:
            hits.append(SearchHit(c, 100.0))
            continue
        score = 0.0
        zh_q = to_simplified("".join(q.split()))
        if q == c.id or any(zh_q in to_simplified(t.text) for t in c.zh):
            score = 100.0
        elif _CJK_RE.search(zh_q) and len(zh_q) >= 3:
            score = max((fuzz.partial_ratio(zh_q, to_simplified(t.text)) for t in c.zh), default=0.0)
        elif q_key:
            for t in c.en:
                key = term_key(t.text)
                s = 100.0 if q_key in key else fuzz.partial_ratio(q_key, key) if len(q_key) >= 4 else 0.0
                score = max(score, s)
        if score >= threshold:
            hits.append(SearchHit(c, score))
    hits.sort(key=lambda h: -h.score)
    return hits
