"""A review session: documents, termbases, post-edits, findings and decisions.

The GUI and the CLI both work through :class:`Review`. It never changes a
document's MT; post-edited text is kept per segment in :attr:`Review.corrected`.
Decisions on findings are keyed by :attr:`Finding.key`, so a dismissed false
positive stays dismissed when the checks run again.

A review saves itself as JSON (:meth:`Review.save`, atomic) and
:meth:`Review.restore` reads it back; the GUI autosaves after every change.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.core.checks import CheckContext, CheckOptions, Finding, SegmentText, Severity, run_checks
from reviewer.core.consistency import ConceptRenderings, group_renderings
from reviewer.core.document import Document, Segment, document_date
from reviewer.core.errors import InputError
from reviewer.core.fileio import atomic_write_bytes
from reviewer.core.matching import TermMatcher
from reviewer.core.progress import ProgressCallback
from reviewer.core.termbase.model import Termbase
from reviewer.core.text import normalize, tokenize

if TYPE_CHECKING:
    from reviewer.core.scoring import ScoreReport

REVIEW_FORMAT_VERSION = 1


class Decision(str, Enum):
    """What the reviewer decided about a finding."""

    OPEN = "open"
    ACCEPTED = "accepted"  # the suggestion was applied
    FIXED = "fixed"  # a real error the reviewer corrected by hand
    DISMISSED = "dismissed"  # a false positive


@dataclass(frozen=True, slots=True)
class ManualError:
    """An error the reviewer entered by hand, for the MQM scorecard.

    Attributes:
        document, segment: where it is.
        start, end: the span in the segment's post-edited text (characters, end exclusive;
            ``0, 0`` for the whole segment).
        text: the span as it was when entered.
        category: MQM category, e.g. ``"Accuracy/Mistranslation"``.
        severity: ``"minor"``, ``"major"`` or ``"critical"``.
        note: the reviewer's description.
        at: ISO 8601 time (UTC).
    """

    document: str
    segment: str
    start: int
    end: int
    text: str
    category: str
    severity: str
    note: str = ""
    at: str = ""


@dataclass(slots=True)
class AppliedCorrection:
    """A suggestion the reviewer accepted, kept for the workbook after the finding is gone.

    Attributes:
        finding: the finding as it was when accepted.
        replaced: the text that was replaced.
        replacement: the text put in its place.
        at: ISO 8601 time of the change (UTC).
    """

    finding: Finding
    replaced: str
    replacement: str
    at: str


@dataclass(frozen=True, slots=True)
class FindingSummary:
    """The findings of a review by decision (see :meth:`Review.finding_summary`).

    Attributes:
        open: findings neither accepted, fixed nor dismissed.
        by_severity: open findings by severity value (``"critical"``, ...).
        accepted: accepted findings, including those the accepted edit removed.
        fixed: findings marked fixed by hand.
        dismissed: dismissed findings, including those a false-positive rule dismisses.
    """

    open: int
    by_severity: Counter[str]
    accepted: int
    fixed: int
    dismissed: int

    @property
    def resolved(self) -> int:
        """Accepted, fixed and dismissed findings together."""
        return self.accepted + self.fixed + self.dismissed


def apply_suggestion(text: str, finding: Finding, force: bool = False) -> str:
    """``text`` (a segment's post-edit) with ``[finding.start, finding.end)`` (characters, end
    exclusive) replaced by the finding's suggestion.

    Raises:
        ValueError: the finding has no suggestion; the tool could not place it safely
            (:attr:`Finding.manual`, the message gives the reason) and ``force`` is false; or
            ``text`` no longer has the flagged text at the finding's offsets.
    """
    if finding.suggestion is None:
        raise ValueError("this finding has no suggestion; edit the text by hand")
    if finding.manual and not force:
        raise ValueError(f"the suggestion cannot be placed safely: {finding.details['placement']}")
    if text[finding.start : finding.end] != finding.text:
        raise ValueError("the segment has changed since the check ran; check again first")
    return text[: finding.start] + finding.suggestion + text[finding.end :]


@dataclass(slots=True)
class Review:
    """The state of one review.

    Attributes:
        documents: the documents under review (a batch when more than one).
        termbases: termbases in priority order.
        corrected: post-edited text by ``(document key, segment id)``.
        decisions: decisions by finding key (missing means open).
        notes: reviewer notes by finding key.
        false_positives: dismissal rules (:func:`false_positive_rule`): a finding that
            matches one is dismissed in any segment and any document, run after run.
        applied: accepted suggestions in the order they were applied.
        findings: the findings of the latest check run.
        checks: ids of the checks to run (``None``: all).
        severities: check id -> severity for all its findings (the reviewer's setting).
        options: the reviewer's other check settings (subject, calque rules file).
        renderings: the term-renderings report of the latest check run.
        read_hashes: document key -> :func:`document_hash` of the document as read, so
            that merged and split segments are saved and restored with the review.
        states: segment state by ``(document key, segment id)``: ``"reviewed"`` or
            ``"final"`` (after XLIFF 2.0); a segment not listed is ``"translated"``.
        comments: the reviewer's comment on a segment, by ``(document key, segment id)``.
        fixed: findings the reviewer marked fixed by hand, by key, kept after the edit
            removed them (the MQM scorecard counts them).
        manual_errors: errors entered by hand (:class:`ManualError`).
    """

    documents: list[Document]
    termbases: list[Termbase]
    corrected: dict[tuple[str, str], str] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    false_positives: set[str] = field(default_factory=set)
    _rules: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    applied: list[AppliedCorrection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    matcher: TermMatcher | None = None
    checks: list[str] | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    options: CheckOptions = field(default_factory=CheckOptions)
    renderings: list[ConceptRenderings] = field(default_factory=list)
    read_hashes: dict[str, str] = field(default_factory=dict)
    states: dict[tuple[str, str], str] = field(default_factory=dict)
    comments: dict[tuple[str, str], str] = field(default_factory=dict)
    fixed: dict[str, Finding] = field(default_factory=dict)
    manual_errors: list[ManualError] = field(default_factory=list)

    def __post_init__(self) -> None:
        for d in self.documents:  # the documents as read, before any merge or split (reviewer.core.realign)
            if self.doc_key(d) not in self.read_hashes:
                self.read_hashes[self.doc_key(d)] = document_hash(d)
        if self.matcher is None:
            self.matcher = TermMatcher(self.termbases)

    # -- text ----------------------------------------------------------------

    @staticmethod
    def doc_key(doc: Document) -> str:
        """The key of a document in findings and decisions: its path as given."""
        return str(doc.path)

    def document(self, key: str) -> Document:
        """The document with ``key``.

        Raises:
            KeyError: no such document.
        """
        for d in self.documents:
            if self.doc_key(d) == key:
                return d
        raise KeyError(key)

    def target(self, doc_key: str, segment_id: str) -> str:
        """The current target of a segment: the post-edit if any, else the MT."""
        got = self.corrected.get((doc_key, segment_id))
        return got if got is not None else self.document(doc_key).segment(segment_id).target

    def is_changed(self, doc_key: str, segment_id: str) -> bool:
        """True when the segment's post-edit differs from its MT."""
        return self.target(doc_key, segment_id) != self.document(doc_key).segment(segment_id).target

    def units(self) -> list[SegmentText]:
        """Every segment's current text, for the checks."""
        units: list[SegmentText] = []
        corrected = self.corrected
        for d in self.documents:
            key = self.doc_key(d)
            date = document_date(d)
            for s in d.segments:
                edited = corrected.get((key, s.id))
                units.append(SegmentText(key, s.id, s.target if edited is None else edited, s.source, date))
        return units

    def set_target(self, doc_key: str, segment_id: str, text: str) -> None:
        """Set a segment's post-edited text (the MT itself is never changed)."""
        mt = self.document(doc_key).segment(segment_id).target
        if text == mt:
            self.corrected.pop((doc_key, segment_id), None)
        else:
            self.corrected[(doc_key, segment_id)] = text

    def scores(self) -> ScoreReport:
        """BLEU, chrF and TER of the MT against the post-edits (HTER) and against any
        reference translations, per segment, per document and for the batch."""
        from reviewer.core.scoring import score_review  # sacrebleu, loaded when scores are first asked for

        mt = {self.doc_key(d): [(s.id, s.target) for s in d.segments] for d in self.documents}
        post = {self.doc_key(d): [self.target(self.doc_key(d), s.id) for s in d.segments] for d in self.documents}
        refs = {self.doc_key(d): [s.reference for s in d.segments] for d in self.documents if any(s.reference is not None for s in d.segments)}
        lang = self.documents[0].target_lang if self.documents else "en"
        return score_review(mt, post, refs, lang)

    def state(self, doc_key: str, segment_id: str) -> str:
        """A segment's state: ``"translated"`` (as delivered), ``"reviewed"`` or ``"final"``."""
        return self.states.get((doc_key, segment_id), "translated")

    def set_state(self, doc_key: str, segment_id: str, state: str) -> None:
        """Set a segment's state.

        Raises:
            ValueError: not one of ``translated``, ``reviewed``, ``final``.
        """
        if state not in ("translated", "reviewed", "final"):
            raise ValueError(f"unknown segment state '{state}'")
        if state == "translated":
            self.states.pop((doc_key, segment_id), None)
        else:
            self.states[(doc_key, segment_id)] = state

    def set_comment(self, doc_key: str, segment_id: str, comment: str) -> None:
        """Set (or, with ``""``, remove) the reviewer's comment on a segment."""
        if comment.strip():
            self.comments[(doc_key, segment_id)] = comment.strip()
        else:
            self.comments.pop((doc_key, segment_id), None)

    # -- checks and decisions ------------------------------------------------

    def run_checks(self, progress: ProgressCallback | None = None) -> list[Finding]:
        """Run every check over all documents (one batch); keep the findings and the renderings report."""
        assert self.matcher is not None
        self.findings, self.renderings = check_batch(self.units(), self.matcher, self.checks, progress, self.severities, self.options)
        return self.findings

    def decision(self, finding: Finding) -> Decision:
        """The decision on ``finding`` (open if none); a matching false-positive rule dismisses it."""
        decision = self.decisions.get(finding.key)
        if decision is not None:
            return decision
        if self.false_positives:
            text = self.target(finding.document, finding.segment)
            cache_key = (finding.key, text)
            rule = self._rules.get(cache_key)
            if rule is None:
                rule = self._rules[cache_key] = false_positive_rule(finding, text)
            if rule in self.false_positives:
                return Decision.DISMISSED
        return Decision.OPEN

    def all_findings(self) -> list[tuple[Finding, Decision]]:
        """Every finding with its decision: the latest run's, then accepted and fixed ones the
        edits removed."""
        current = {f.key for f in self.findings}
        rows = [(f, self.decision(f)) for f in self.findings]
        rows += [(a.finding, Decision.ACCEPTED) for a in self.applied if a.finding.key not in current]
        rows += [(f, Decision.FIXED) for k, f in self.fixed.items() if k not in current and self.decisions.get(k) is Decision.FIXED]
        return rows

    def mark_fixed(self, finding: Finding) -> None:
        """Record ``finding`` as a real error the reviewer corrected by hand (or will)."""
        self.decisions[finding.key] = Decision.FIXED
        self.fixed[finding.key] = finding

    def reopen(self, finding: Finding) -> None:
        """Take back a decision on ``finding`` (its false-positive rule too)."""
        self.decisions.pop(finding.key, None)
        self.fixed.pop(finding.key, None)
        self.notes.pop(finding.key, None)
        self.false_positives.discard(false_positive_rule(finding, self.target(finding.document, finding.segment)))

    def add_error(self, error: ManualError) -> None:
        """Add an error entered by hand (for the MQM scorecard)."""
        self.manual_errors.append(error if error.at else dataclasses.replace(error, at=_now()))

    def open_findings(self) -> list[Finding]:
        """Findings that are neither accepted nor dismissed."""
        return [f for f in self.findings if self.decision(f) is Decision.OPEN]

    def finding_summary(self, open_findings: list[Finding] | None = None) -> FindingSummary:
        """How many findings are open (by severity) and how many were accepted, fixed or
        dismissed; ``open_findings``: :meth:`open_findings`, when the caller has them already.
        Counted without asking every finding for its decision (a batch has tens of thousands)."""
        open_f = open_findings if open_findings is not None else self.open_findings()
        current = {f.key for f in self.findings}
        on_current = Counter(d for k, d in self.decisions.items() if k in current)
        by_rule = max(0, len(self.findings) - len(open_f) - sum(on_current.values()))  # dismissed by a false-positive rule
        return FindingSummary(
            open=len(open_f),
            by_severity=Counter(f.severity.value for f in open_f),
            accepted=on_current[Decision.ACCEPTED] + sum(1 for a in self.applied if a.finding.key not in current),
            fixed=on_current[Decision.FIXED] + sum(1 for k in self.fixed if k not in current and self.decisions.get(k) is Decision.FIXED),
            dismissed=on_current[Decision.DISMISSED] + by_rule,
        )

    def accepted_text(self, finding: Finding, force: bool = False) -> str:
        """The segment's text as it would be after accepting ``finding`` (nothing changes):
        :func:`apply_suggestion` on the current post-edit. The accept preview shows its word diff.

        Raises:
            ValueError: as :func:`apply_suggestion`.
        """
        return apply_suggestion(self.target(finding.document, finding.segment), finding, force)

    def accept(self, finding: Finding, force: bool = False) -> str:
        """Apply ``finding``'s suggestion to the segment's current text.

        A finding whose suggestion the tool could not place (:attr:`Finding.manual`) is applied
        only with ``force``: the reviewer asked for it after seeing the reason.

        Returns:
            The new text of the segment.

        Raises:
            ValueError: as :meth:`accepted_text`.
        """
        new = self.accepted_text(finding, force)
        assert finding.suggestion is not None
        self.set_target(finding.document, finding.segment, new)
        now = _now()
        # other open findings on exactly this span (another check's view of it) are settled too
        same_span = [
            f
            for f in self.findings
            if (f.document, f.segment, f.start, f.end) == (finding.document, finding.segment, finding.start, finding.end)
            and f.key != finding.key
            and self.decision(f) is Decision.OPEN
        ]
        for f in [finding, *same_span]:
            self.decisions[f.key] = Decision.ACCEPTED
            self.applied.append(AppliedCorrection(f, f.text, finding.suggestion, now))
        return new

    def dismiss(self, finding: Finding, note: str = "") -> None:
        """Mark ``finding`` as a false positive, with an optional reason.

        The dismissal is also remembered as a rule (check, concept and a hash of the
        normalised words around the flagged text), so the same false alarm in the
        same wording is dismissed in every other segment and document.
        """
        self.decisions[finding.key] = Decision.DISMISSED
        self.false_positives.add(false_positive_rule(finding, self.target(finding.document, finding.segment)))
        if note:
            self.notes[finding.key] = note

    def dismiss_all(self, check: str | None = None, concept: str | None = None, note: str = "") -> int:
        """Dismiss every open finding of a check and/or a concept; returns how many."""
        chosen = [
            f for f in self.open_findings()
            if (check is None or f.check == check) and (concept is None or (f.term is not None and f.term.concept == concept))
        ]
        for f in chosen:
            self.dismiss(f, note)
        return len(chosen)

    def export_false_positives(self, path: str | Path) -> int:
        """Write the dismissal rules to a JSON file a team can share (atomic); returns how many."""
        data = {"format": "reviewer-false-positives", "version": 1, "rules": sorted(self.false_positives)}
        atomic_write_bytes(Path(path), json.dumps(data, indent=1).encode("utf-8"))
        return len(self.false_positives)

    def import_false_positives(self, path: str | Path) -> int:
        """Add the rules of a file written by :meth:`export_false_positives`; returns how many were new.

        Raises:
            InputError: the file is not such a file.
        """
        data = _read_json(Path(path), "reviewer-false-positives", "a false-positive file")
        if not isinstance(data.get("rules"), list):
            raise InputError(path, "not a false-positive file")
        rules = {str(r) for r in data["rules"]}
        new = rules - self.false_positives
        self.false_positives |= rules
        return len(new)

    # -- persistence ---------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The review's own state (not the documents or termbases) as JSON data."""
        return {
            "format": "reviewer-review",
            "version": REVIEW_FORMAT_VERSION,
            "saved": _now(),
            "documents": [self._document_json(d) for d in self.documents],
            "termbases": [str(tb.path) if tb.path else tb.name for tb in self.termbases],
            "corrected": [{"document": d, "segment": s, "text": t} for (d, s), t in self.corrected.items()],
            "decisions": {k: v.value for k, v in self.decisions.items()},
            "states": [{"document": d, "segment": s, "state": v} for (d, s), v in self.states.items()],
            "comments": [{"document": d, "segment": s, "text": v} for (d, s), v in self.comments.items()],
            "false_positives": sorted(self.false_positives),
            "notes": self.notes,
            "applied": [
                {"finding": _finding_json(a.finding), "replaced": a.replaced, "replacement": a.replacement, "at": a.at}
                for a in self.applied
            ],
        }

    def _document_json(self, d: Document) -> dict[str, Any]:
        key = self.doc_key(d)
        out: dict[str, Any] = {"path": key, "sha256": self.read_hashes.get(key) or document_hash(d)}
        if document_hash(d) != out["sha256"]:  # segments merged, split or re-paired by the reviewer
            out["segments"] = [
                {"id": s.id, "paragraph": s.paragraph, "target": s.target, "source": s.source, "start": s.start, "end": s.end, "unit": s.unit, "state": s.state}
                for s in d.segments
            ]
        return out

    def save(self, path: str | Path) -> None:
        """Write the review state to ``path`` atomically (JSON, UTF-8).

        Raises:
            reviewer.core.errors.OutputError: the file cannot be written.
        """
        data = json.dumps(self.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
        atomic_write_bytes(Path(path), data)

    def restore(self, path: str | Path) -> list[str]:
        """Load post-edits and decisions saved by :meth:`save` for the same documents.

        Segments whose document changed since (another hash) are skipped.

        Returns:
            Warnings for the user (empty when everything was restored).

        Raises:
            InputError: the file is not a saved review.
        """
        data = _read_json(Path(path), "reviewer-review", "a saved review")
        warnings: list[str] = []
        hashes = {d["path"]: d.get("sha256") for d in data.get("documents", [])}
        current = {self.doc_key(d): self.read_hashes.get(self.doc_key(d)) or document_hash(d) for d in self.documents}
        for entry in data.get("documents", []):
            key = entry.get("path")
            if key in current and entry.get("sha256") == current[key] and isinstance(entry.get("segments"), list):
                doc = self.document(key)
                doc.segments = [
                    Segment(str(x["id"]), int(x["paragraph"]), str(x["target"]), x.get("source"), int(x.get("start", 0)), int(x.get("end", 0)), str(x.get("unit", "")), str(x.get("state", "")))
                    for x in entry["segments"]
                ]
        for key, digest in hashes.items():
            if key in current and digest != current[key]:
                warnings.append(f"{key} changed since the review was saved; its post-edits were not restored")
        for item in data.get("corrected", []):
            doc, seg = item["document"], item["segment"]
            if doc in current and hashes.get(doc) == current[doc]:
                try:
                    self.set_target(doc, seg, item["text"])
                except KeyError:
                    warnings.append(f"segment {seg} of {doc} no longer exists")
        self.decisions.update({k: Decision(v) for k, v in data.get("decisions", {}).items()})
        for item in data.get("states", []):
            if item.get("state") in ("reviewed", "final"):
                self.states[(item["document"], item["segment"])] = item["state"]
        for item in data.get("comments", []):
            self.comments[(item["document"], item["segment"])] = str(item["text"])
        self.false_positives |= {str(r) for r in data.get("false_positives", [])}
        self.notes.update(data.get("notes", {}))
        for a in data.get("applied", []):
            self.applied.append(AppliedCorrection(_finding_from_json(a["finding"]), a["replaced"], a["replacement"], a["at"]))
        return warnings


def check_batch(
    units: Sequence[SegmentText],
    matcher: TermMatcher,
    checks: list[str] | None = None,
    progress: ProgressCallback | None = None,
    severities: dict[str, Severity] | None = None,
    options: CheckOptions | None = None,
) -> tuple[list[Finding], list[ConceptRenderings]]:
    """Run the checks and build the term-renderings report from the same term hits.

    Pure: safe to call from a worker thread with a copy of the units.
    """
    ctx = CheckContext(matcher, options)
    findings = run_checks(units, matcher, checks, progress, severities, ctx)
    return findings, group_renderings((u, h) for u in units for h in ctx.hits(u))


def _read_json(path: Path, fmt: str, what: str) -> dict[str, Any]:
    """A JSON file of ours, checked by its ``format`` field.

    Raises:
        InputError: unreadable, not JSON, or another format (the message says ``not {what}``).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(path, f"not {what} ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise InputError(path, f"not {what}")
    return data


def false_positive_rule(finding: Finding, text: str, words: int = 2) -> str:
    """A dismissal rule: ``check|concept|hash``, the hash (SHA-256, 16 hex digits) of the
    flagged text with up to ``words`` words either side, as lower-case word tokens (punctuation,
    quotes, dashes and spacing do not count), so the rule survives typography and offsets."""
    def tokens(part: str) -> list[str]:
        return [t.lower for t in tokenize(normalize(part).text)]

    before = tokens(text[: finding.start])[-words:]
    span = tokens(text[finding.start : finding.end]) or [text[finding.start : finding.end]]
    after = tokens(text[finding.end :])[:words]
    context = " ".join([*before, "[", *span, "]", *after])
    digest = hashlib.sha256(context.encode("utf-8")).hexdigest()[:16]
    concept = finding.term.concept if finding.term else ""
    return f"{finding.check}|{concept}|{digest}"


def document_hash(doc: Document) -> str:
    """SHA-256 of a document's segment texts (hex), to tell whether it changed."""
    h = hashlib.sha256()
    for s in doc.segments:
        h.update(f"{s.id}\x1f{s.source or ''}\x1f{s.target}\x1e".encode())
    return h.hexdigest()


def _finding_json(f: Finding) -> dict[str, Any]:
    d = asdict(f)
    d.pop("_key", None)
    d["severity"] = f.severity.value
    return d


def _finding_from_json(d: dict[str, Any]) -> Finding:
    from reviewer.core.checks import Severity, TermRef

    d = dict(d)
    d["severity"] = Severity(d["severity"])
    if d.get("term"):
        d["term"] = TermRef(**d["term"])
    return Finding(**d)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def make_review(documents: Sequence[Document], termbases: Sequence[Termbase]) -> Review:
    """A new review of ``documents`` against ``termbases`` (checks not yet run)."""
    return Review(list(documents), list(termbases))
