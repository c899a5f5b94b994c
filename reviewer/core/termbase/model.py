"""The concept-oriented termbase model, in TBX words.

A :class:`Termbase` holds :class:`Concept` objects (TBX ``conceptEntry``; "term
entry"). A concept has Chinese terms and English terms; each English
:class:`Term` carries an administrative :class:`Status`.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


_YEARS_RE = re.compile(r"^(\d{4})-(\d{4})$")


def date_problem(text: str, allow_range: bool = False) -> str:
    """Why ``text`` is not a termbase date, or ``""`` when it is one (or empty).

    A date is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and must exist in the calendar:
    ``2024-02-30`` and ``2024-13`` are impossible. With ``allow_range`` (a source
    that is a series, such as the Government Work Reports), ``YYYY-YYYY`` with the
    second year not before the first is a date too.
    """
    if not text:
        return ""
    years = _YEARS_RE.match(text) if allow_range else None
    if years is not None:
        first, last = int(years.group(1)), int(years.group(2))
        return "" if first <= last else f"“{text}” is an impossible range of years"
    m = _DATE_RE.match(text)
    if m is None:
        return f"“{text}” is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = (int(g) if g else 0 for g in m.groups())
    if m.group(2) and not 1 <= month <= 12:
        return f"“{text}” is an impossible date (month {month})"
    if m.group(3) and not 1 <= day <= calendar.monthrange(year or 1, month)[1]:
        return f"“{text}” is an impossible date (day {day})"
    return ""


def threshold_problem(value: float | None) -> str:
    """Why ``value`` is not a near-miss threshold (a number from 0 to 100), or ``""``."""
    if value is None:
        return ""
    if math.isnan(value) or not 0 <= value <= 100:
        return f"the near-miss threshold {value:g} is not a number from 0 to 100"
    return ""


class Status(str, Enum):
    """Administrative status of a term (TBX ``administrativeStatus``).

    ``FORBIDDEN`` is not in the TBX-Basic picklist; reviewer writes it as
    ``forbiddenTerm-admn-sts`` and reads it back (see :mod:`.tbx`).
    """

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"
    FORBIDDEN = "forbidden"

    @property
    def acceptable(self) -> bool:
        """True for renderings a reviewer should leave alone (preferred, admitted)."""
        return self in (Status.PREFERRED, Status.ADMITTED)


class MatchMode(str, Enum):
    """How a term is recognised in text.

    ``EXACT``: the same words (case-insensitive unless the term is case-sensitive).
    ``INFLECTED``: the same word stems, so plurals and inflections match (default).
    ``FUZZY``: stems, plus near misses reported with a similarity score.
    ``SOURCE``: a rendering that is right only where the Chinese source has the
    concept, usually one generic word ("inspection" for 巡视). It is never looked
    for in the English alone, but ``term-missing`` accepts it (with inflections)
    as a rendering of a source term.
    """

    EXACT = "exact"
    INFLECTED = "inflected"
    FUZZY = "fuzzy"
    SOURCE = "source"


@dataclass(slots=True)
class Source:
    """A citation for a rendering: title, publisher, URL, date (``YYYY`` or ``YYYY-MM``)."""

    title: str
    publisher: str = ""
    url: str = ""
    date: str = ""

    def __str__(self) -> str:
        parts = [self.title]
        if self.publisher:
            parts.append(self.publisher)
        if self.date:
            parts.append(self.date)
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


@dataclass(slots=True)
class Term:
    """One English (or Chinese) term of a concept.

    Attributes:
        text: the term as written.
        lang: BCP 47 code, ``"en"`` or ``"zh-Hans"``.
        status: administrative status.
        note: usage note.
        form: TBX ``termType``: ``"fullForm"``, ``"shortForm"``, ``"abbreviation"`` or ``""``.
        case_sensitive: the capitals of ``text`` must appear in the target.
        match: matching mode.
        valid_from: first date the rendering applies (``YYYY`` or ``YYYY-MM``), or ``""``.
        valid_to: last date the rendering applied, or ``""``.
        threshold: this term's near-miss threshold (0-100), or ``None`` for the termbase's.
    """

    text: str
    lang: str = "en"
    status: Status = Status.PREFERRED
    note: str = ""
    form: str = ""
    case_sensitive: bool = False
    match: MatchMode = MatchMode.INFLECTED
    valid_from: str = ""
    valid_to: str = ""
    threshold: float | None = None

    def __post_init__(self) -> None:
        # Short all-caps terms (CPC, NPC, CPPCC, GDP) are acronyms: matched case-sensitively,
        # so "cpc" in running text is a case variant and "Npc" never an acronym.
        word = self.text.strip()
        if self.lang == "en" and 2 <= len(word) <= 6 and word.isalpha() and word.isupper():
            self.case_sensitive = True


@dataclass(slots=True)
class Concept:
    """A term entry: one concept with its Chinese and English terms.

    Attributes:
        id: the entry id, unique in its termbase.
        zh: Chinese terms; the first is the main one.
        en: English terms; exactly one should be preferred.
        subject: subject field, e.g. ``"Party building"``.
        definition: what the concept is.
        note: a note for reviewers.
        sources: citations for the renderings.
        verified: ``"yes"``, ``"partly"`` or ``"no"``: whether the preferred
            rendering was checked against an official English text.
        termbase: name of the termbase the concept came from (set on load).
        gloss_pattern: overrides of the concept's generated literal-rendering pattern
            (``off``, ``parts: ...``, ``ignore: ...``, ``CHINESE: glosses``; see
            :mod:`reviewer.core.calques.patterns`), or ``""``.
    """

    id: str
    zh: list[Term] = field(default_factory=list)
    en: list[Term] = field(default_factory=list)
    subject: str = ""
    definition: str = ""
    note: str = ""
    sources: list[Source] = field(default_factory=list)
    verified: str = ""
    termbase: str = ""
    gloss_pattern: str = ""

    @property
    def source_term(self) -> str:
        """The main Chinese term, or ``""``."""
        return self.zh[0].text if self.zh else ""

    @property
    def preferred_text(self) -> str:
        """The preferred English term's text, or ``""`` when the concept has no acceptable
        English term (a list of forbidden renderings only)."""
        for term in self.en:
            if term.status.acceptable:
                return self.preferred.text
        return ""

    @property
    def preferred(self) -> Term:
        """The preferred English term (the first acceptable one if none is marked).

        Raises:
            ValueError: the concept has no acceptable English term.
        """
        for term in self.en:
            if term.status is Status.PREFERRED:
                return term
        for term in self.en:
            if term.status.acceptable:
                return term
        raise ValueError(f"concept {self.id} has no preferred English term")


@dataclass(slots=True)
class Termbase:
    """A set of concepts read from one file.

    Attributes:
        name: display name (the file stem unless the file names itself).
        path: the file it came from, if any.
        concepts: the term entries in file order.
        version: a version string from the file header, if any.
        fuzzy_threshold: near-miss threshold (0-100) for this termbase's terms, or
            ``None`` for the matcher's default.
        notes: what loading it reported (a spreadsheet's import report); not saved.
        load_problems: ``(concept id, message)`` for values the reader could not keep,
            such as an unknown match mode or a threshold that is no number from 0 to
            100; :func:`reviewer.core.termbase.validate.validate` reports them as errors.
            Not saved.
    """

    name: str
    concepts: list[Concept] = field(default_factory=list)
    path: Path | None = None
    version: str = ""
    fuzzy_threshold: float | None = None
    notes: list[str] = field(default_factory=list)
    load_problems: list[tuple[str, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.concepts)

    def concept(self, concept_id: str) -> Concept:
        """The concept with ``concept_id``.

        Raises:
            KeyError: no such concept.
        """
        for c in self.concepts:
            if c.id == concept_id:
                return c
        raise KeyError(concept_id)

    def term_count(self) -> int:
        """Number of English terms in all concepts."""
        return sum(len(c.en) for c in self.concepts)
