"""Termbase validation: the problems a terminology manager must fix before shipping.

Errors: a concept without a preferred English term; an empty term; the same
term both preferred (or admitted) and forbidden in one concept; the same Chinese
term in two concepts; the same English term preferred in two concepts; a
forbidden or deprecated term that occurs inside a preferred term of another
concept (it would flag correct text); a near-miss threshold that is not a number
from 0 to 100 (NaN included); an unknown match mode (as the reader met it, in
``Termbase.load_problems``); an impossible date (``2024-02-30``) on a term or a
source, and a "valid to" before "valid from". Warnings: a concept without a source
or a Chinese term, ``verified=yes`` without an official source that has a date or
URL (:func:`reviewer.core.termbase.sources.verification_problem`), more than one
preferred English term, and one English term that
is preferred in one concept and admitted in another (as "inspection tour" was under
巡视 and 视察): a reviewer cannot tell which concept the text means.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reviewer.core.termbase.model import MatchMode, Status, Termbase, date_problem, threshold_problem
from reviewer.core.termbase.sources import verification_problem
from reviewer.core.text import term_key


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem.

    Attributes:
        severity: ``"error"`` or ``"warning"``.
        concept: the concept id (the first one, when two concepts clash).
        message: what is wrong, naming the terms.
    """

    severity: str
    concept: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.concept}: {self.message}"


def validate(tb: Termbase) -> list[Problem]:
    """All problems of ``tb``, errors first, in concept order."""
    problems: list[Problem] = [Problem("error", cid, message) for cid, message in tb.load_problems]
    admitted_owner: dict[str, tuple[str, str]] = {}
    zh_owner: dict[str, str] = {}
    preferred_owner: dict[str, str] = {}
    bad_terms: list[tuple[str, str, str]] = []  # (key, concept, text) of deprecated/forbidden terms
    preferred_terms: list[tuple[str, str, str]] = []
    ids: dict[str, int] = defaultdict(int)
    for c in tb.concepts:
        ids[c.id] += 1
        if not c.zh:
            problems.append(Problem("warning", c.id, "no Chinese term"))
        if not c.sources:
            problems.append(Problem("warning", c.id, "no source for the renderings"))
        unverified = verification_problem(c)
        if unverified:
            problems.append(Problem("warning", c.id, unverified))
        preferred = [t for t in c.en if t.status is Status.PREFERRED]
        if not preferred:
            problems.append(Problem("error", c.id, "no preferred English term"))
        elif len(preferred) > 1:
            problems.append(Problem("warning", c.id, "more than one preferred English term: " + ", ".join(f"“{t.text}”" for t in preferred)))
        for t in [*c.zh, *c.en]:
            if not t.text.strip():
                problems.append(Problem("error", c.id, f"an empty {t.lang} term"))
            why = threshold_problem(t.threshold)
            if why:
                problems.append(Problem("error", c.id, f"“{t.text}”: {why}"))
            for label, value in (("valid from", t.valid_from), ("valid to", t.valid_to)):
                why = date_problem(value)
                if why:
                    problems.append(Problem("error", c.id, f"“{t.text}” {label}: {why}"))
            if t.valid_from and t.valid_to and not date_problem(t.valid_from) and not date_problem(t.valid_to) and t.valid_to < t.valid_from:
                problems.append(Problem("error", c.id, f"“{t.text}”: valid to {t.valid_to} is before valid from {t.valid_from}"))
        for source in c.sources:
            why = date_problem(source.date, allow_range=True)
            if why:
                problems.append(Problem("error", c.id, f"source “{source.title}”: {why}"))
        statuses: dict[str, set[Status]] = defaultdict(set)
        for t in c.en:
            statuses[term_key(t.text)].add(t.status)
        for key, found in statuses.items():
            if any(s.acceptable for s in found) and Status.FORBIDDEN in found:
                problems.append(Problem("error", c.id, f"“{key}” is both acceptable and forbidden"))
        for t in c.zh:
            if t.text.strip():
                other = zh_owner.setdefault(t.text.strip(), c.id)
                if other != c.id:
                    problems.append(Problem("error", other, f"Chinese term “{t.text}” is also in concept {c.id}"))
        for t in c.en:
            key = term_key(t.text)
            if not key:
                continue
            if t.status is Status.PREFERRED:
                other = preferred_owner.setdefault(key, c.id)
                if other != c.id:
                    problems.append(Problem("error", other, f"preferred term “{t.text}” is also preferred in concept {c.id}"))
                preferred_terms.append((key, c.id, t.text))
            elif t.status is Status.ADMITTED and t.match is not MatchMode.SOURCE:  # a source-only term is told apart by its source
                admitted_owner.setdefault(key, (c.id, t.text))
            elif t.status in (Status.FORBIDDEN, Status.DEPRECATED):
                bad_terms.append((key, c.id, t.text))
    for key, (admitted_id, text) in admitted_owner.items():
        preferred_id = preferred_owner.get(key)
        if preferred_id is not None and preferred_id != admitted_id:
            problems.append(
                Problem("warning", preferred_id, f"“{text}” is preferred here and admitted in concept {admitted_id}: the text cannot tell which concept it renders")
            )
    for cid, n in ids.items():
        if n > 1:
            problems.append(Problem("error", cid, f"the id is used by {n} concepts"))
    # every run of words of every preferred term, so each non-standard term is one look-up
    runs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for good_key, good_id, good_text in preferred_terms:
        words = good_key.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                runs[" ".join(words[i:j])].append((good_id, good_text))
    for bad_key, bad_id, bad_text in bad_terms:
        for good_id, good_text in runs.get(bad_key, ()):
            if good_id != bad_id:
                problems.append(
                    Problem("error", bad_id, f"non-standard “{bad_text}” occurs inside the preferred term “{good_text}” of concept {good_id}, so correct text would be flagged")
                )
    problems.sort(key=lambda p: p.severity != "error")
    return problems
