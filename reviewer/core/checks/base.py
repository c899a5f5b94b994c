"""The check interface: :class:`Check`, :class:`Finding`, :class:`Severity`.

A check is a small class with an ``id``, a ``name``, a ``description``, a
default severity and an MQM category, and one method, :meth:`Check.run`, that
returns findings. Register it with :func:`reviewer.core.checks.registry.register`
and nothing else needs to change.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar

from reviewer.core.calques.gate import SubjectVerdict, judge, ordinary_english
from reviewer.core.calques.patterns import LiteralRendering, detector_for
from reviewer.core.calques.rules import CalqueMatch, CalqueRules, load_rules
from reviewer.core.checks.fit import fit_span, place
from reviewer.core.matching import TermHit, TermMatcher
from reviewer.core.paths import SHIPPED_CALQUE_RULES
from reviewer.core.source_matching import SourceHit, SourceMatcher, source_matcher_for
from reviewer.core.text import clear_cache


class Severity(str, Enum):
    """MQM severity levels, most severe first."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    NEUTRAL = "neutral"

    @property
    def rank(self) -> int:
        """3 for critical down to 0 for neutral."""
        return {"critical": 3, "major": 2, "minor": 1, "neutral": 0}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Parse a severity name, case-insensitively.

        Raises:
            ValueError: not one of critical, major, minor, neutral.
        """
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity '{value}' (use critical, major, minor or neutral)") from None


@dataclass(frozen=True, slots=True)
class TermRef:
    """The term entry a finding is about.

    Attributes:
        concept: concept id.
        source: the main Chinese term.
        preferred: the preferred English term.
        termbase: name of the termbase the concept came from.
        status: status of the term that matched, e.g. ``"forbidden"``.
    """

    concept: str
    source: str
    preferred: str
    termbase: str
    status: str = ""

    @classmethod
    def of(cls, hit: TermHit) -> TermRef:
        """The reference for a term hit."""
        c = hit.concept
        return cls(c.id, c.source_term, c.preferred_text, c.termbase, hit.term.status.value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one segment.

    Attributes:
        check: id of the check that raised it, e.g. ``"term-nonstandard"``.
        document: key of the document (its path as given) in a batch.
        segment: segment id.
        severity: MQM severity.
        category: MQM category, e.g. ``"Terminology/Wrong term"``.
        start: offset of the flagged span in the checked text (characters).
        end: exclusive end offset.
        text: the flagged span as written.
        message: one sentence for the reviewer.
        suggestion: replacement for the span, or ``None`` when only a person can fix it.
        term: the term entry, for term findings.
        score: similarity 0-100 for fuzzy findings, else ``None``.
        details: check-specific extras (e.g. ``renderings`` for consistency).
        occurrence: 0-based index among findings with the same check, segment,
            concept and flagged text (makes :attr:`key` stable across edits elsewhere).
    """

    check: str
    document: str
    segment: str
    severity: Severity
    category: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    term: TermRef | None = None
    score: float | None = None
    details: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    occurrence: int = 0
    _key: str = field(default="", init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        concept = self.term.concept if self.term else ""
        object.__setattr__(self, "_key", f"{self.check}|{self.document}|{self.segment}|{concept}|{self.text.casefold()}|{self.occurrence}")

    @property
    def id(self) -> str:
        """The finding's stable short id: ``F`` and 8 hex digits of a SHA-256 of :attr:`key`. The
        same finding has the same id in every run, in the JSON report and in the workbook, so
        scripts and re-imports can name it."""
        return "F" + hashlib.sha256(self._key.encode("utf-8", "surrogateescape")).hexdigest()[:8]

    @property
    def manual(self) -> bool:
        """True when the suggestion cannot be placed safely (``details["placement"]`` says why):
        the reviewer places the term by hand, and Accept is not one keystroke."""
        return bool(self.details.get("placement"))

    @property
    def key(self) -> str:
        """A stable identity for decisions: survives edits elsewhere in the segment (made once,
        when the finding is made: a batch of 70,000 findings asks for keys a million times)."""
        return self._key


@dataclass(frozen=True, slots=True)
class SegmentText:
    """The text a check sees: a segment's current target.

    Attributes:
        document: key of the document in the batch.
        segment: segment id.
        text: the current target text (the post-edit if any, else the MT).
        source: the Chinese source, if any.
        date: the document's date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, from its
            metadata), or ``""``; terms with a ``valid_from`` or ``valid_to`` are judged
            against it.
    """

    document: str
    segment: str
    text: str
    source: str | None = None
    date: str = ""


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """A reviewer's settings for one check run (beyond which checks run and their severities).

    Attributes:
        subject: whether the text is about Chinese government and Party affairs: ``"auto"``
            (the context gate decides per document), ``"china"`` or ``"other"``
            (:mod:`reviewer.core.calques.gate`).
        calque_rules: the calque rules file, or ``None`` for the shipped one.
        literal_confidence: the lowest confidence (0-1) of a reported literal rendering.
    """

    subject: str = "auto"
    calque_rules: str | None = None
    literal_confidence: float = 0.55


_rules_lock = threading.Lock()
_rules_cache: dict[tuple[str, float], CalqueRules] = {}


def calque_rules(path: str | Path | None = None) -> CalqueRules:
    """The calque rules in ``path`` (default: the shipped file), read once per version of the file.

    Raises:
        reviewer.core.errors.InputError: the file cannot be read or is not a valid rules file.
    """
    p = Path(path) if path else SHIPPED_CALQUE_RULES
    try:
        key = (str(p.resolve()), p.stat().st_mtime)
    except OSError:
        key = (str(p), 0.0)
    with _rules_lock:
        if key not in _rules_cache:
            _rules_cache[key] = load_rules(p)
        return _rules_cache[key]


class CheckContext:
    """Shared state of one check run: the matcher, its cached hits, and the context gate.

    Args:
        matcher: term matcher over the loaded termbases.
        options: the reviewer's settings (default: :class:`CheckOptions`).
    """

    def __init__(self, matcher: TermMatcher, options: CheckOptions | None = None) -> None:
        self.matcher = matcher
        self.options = options or CheckOptions()
        self._hits: dict[tuple[str, str, str], list[TermHit]] = {}
        self._source_matcher: SourceMatcher | None = None
        self._source_hits: dict[tuple[str, str, str], list[SourceHit]] = {}
        self._documents: dict[str, list[SegmentText]] = {}
        self._verdicts: dict[str, SubjectVerdict] = {}
        self._literals: dict[tuple[str, str, str], list[LiteralRendering]] = {}
        self._calques: dict[tuple[str, str, str], list[CalqueMatch]] = {}
        self._rules: CalqueRules | None = None

    def prepare(self, units: Sequence[SegmentText]) -> None:
        """Remember which segments make up each document (the gate judges whole documents), and
        start the run's shared analyses afresh (:func:`reviewer.core.text.clear_cache`: the matcher
        and the checks then normalise and tokenise each segment once)."""
        clear_cache()
        self._documents = {}
        self._verdicts = {}
        for unit in units:
            self._documents.setdefault(unit.document, []).append(unit)

    def literals(self, unit: SegmentText) -> list[LiteralRendering]:
        """Literal renderings of termbase concepts in ``unit``'s text (gate not applied)."""
        key = (unit.document, unit.segment, unit.text)
        if key not in self._literals:
            self._literals[key] = detector_for(self.matcher).find(unit.text, self.hits(unit))
        return self._literals[key]

    def calques(self, unit: SegmentText) -> list[CalqueMatch]:
        """Calque-rule matches in ``unit``'s text (gate not applied).

        Raises:
            reviewer.core.errors.InputError: the rules file cannot be read.
        """
        key = (unit.document, unit.segment, unit.text)
        if key not in self._calques:
            if self._rules is None:
                self._rules = calque_rules(self.options.calque_rules)
            self._calques[key] = self._rules.find(unit.text)
        return self._calques[key]

    def subject(self, document: str) -> SubjectVerdict:
        """The context gate's verdict on ``document`` (see :mod:`reviewer.core.calques.gate`)."""
        if document not in self._verdicts:
            units = self._documents.get(document, [])
            concepts: set[str] = set()
            calques: set[str] = set()
            has_source = False
            if self.options.subject == "auto":
                for unit in units:
                    has_source = has_source or bool(unit.source and unit.source.strip())
                    for h in self.hits(unit):
                        # a variant that is ordinary English ("leading group") is what the gate decides on, not a sign
                        if len(h.term.text.split()) >= 2 and (h.acceptable or not ordinary_english(h.term.text)):
                            concepts.add(h.term.text if h.term.status.acceptable else h.concept.preferred_text or h.term.text)
                    calques |= {m.rule.id for m in self.calques(unit)}
            self._verdicts[document] = judge((u.text for u in units), concepts, calques, has_source, self.options.subject)
        return self._verdicts[document]

    def hits(self, unit: SegmentText) -> list[TermHit]:
        """Term hits of ``unit``'s text, computed once per text."""
        key = (unit.document, unit.segment, unit.text)
        if key not in self._hits:
            self._hits[key] = self.matcher.match(unit.text)
        return self._hits[key]

    def source_hits(self, unit: SegmentText) -> list[SourceHit]:
        """Chinese term hits of ``unit``'s source (``[]`` without a source)."""
        if not unit.source:
            return []
        key = (unit.document, unit.segment, unit.source)
        if key not in self._source_hits:
            if self._source_matcher is None:
                self._source_matcher = source_matcher_for(self.matcher)
            self._source_hits[key] = self._source_matcher.match(unit.source)
        return self._source_hits[key]


class Check:
    """Base class of all checks.

    Subclasses set the class attributes and implement :meth:`run`.
    """

    id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.MINOR
    category: ClassVar[str] = ""

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        """Return the findings for ``units`` (a document or a whole batch)."""
        raise NotImplementedError

    def finding(self, unit: SegmentText, start: int, end: int, message: str, **kw: Any) -> Finding:
        """A finding of this check on ``unit.text[start:end]``, with the check's defaults.

        A term or calque suggestion is fitted to the sentence (:func:`reviewer.core.checks.fit.place`):
        the span may widen, and the suggestion takes the sentence's word forms. ``alternatives``
        (the concept's other acceptable renderings, preferred first) serve where the suggestion's
        kind of phrase does not fit; with none that fits, ``details["placement"]`` says why the
        reviewer must place the term by hand, and :attr:`Finding.manual` is true."""
        kw.setdefault("severity", self.severity)
        kw.setdefault("category", self.category)
        suggestion = kw.get("suggestion")
        alternatives = tuple(kw.pop("alternatives", ()))
        if suggestion and end > start and self.id.startswith(("term-", "calque")):
            start, end = fit_span(unit.text, start, end, suggestion)
            placed = place(unit.text, start, end, suggestion, alternatives)
            start, end, kw["suggestion"] = placed.start, placed.end, placed.suggestion
            if placed.manual:
                kw["details"] = {**kw.get("details", {}), "placement": placed.manual}
        return Finding(
            check=self.id,
            document=unit.document,
            segment=unit.segment,
            start=start,
            end=end,
            text=unit.text[start:end],
            message=message,
            **kw,
        )


class SegmentCheck(Check):
    """A check that looks at one segment at a time.

    Attributes:
        needs_target: the check compares the target with its source, so a segment with no
            target at all (an untranslated unit) is skipped: ``omission`` reports it once.
    """

    needs_target = False

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        for unit in units:
            if self.needs_target and not unit.text.strip():
                continue
            yield from self.check_segment(unit, ctx)

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        """Findings in one segment."""
        raise NotImplementedError
