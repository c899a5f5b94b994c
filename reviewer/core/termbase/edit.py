"""Editing operations on a termbase, for the editor and for "add to termbase" from a finding.

Every function changes the termbase in place and raises :class:`ValueError`
with a message for the user when the change is not possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

import re

from reviewer.core.chinese import to_simplified
from reviewer.core.termbase.model import Concept, Source, Status, Term, Termbase
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
    for c in tb.concepts:
        if any(t.text == zh for t in c.zh):
            raise ValueError(f"“{zh}” is already in concept {c.id} ({c.preferred_text})")
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
