"""The one registry of checks, and the function that runs them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reviewer.core.checks.base import Check, CheckContext, Finding, SegmentText, Severity
from reviewer.core.matching import TermMatcher
from reviewer.core.progress import ProgressCallback, check_cancel

_REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: add a check to the registry under ``cls.id``.

    Raises:
        ValueError: the id is empty or already taken.
    """
    if not cls.id or cls.id in _REGISTRY:
        raise ValueError(f"check id {cls.id!r} is empty or already registered")
    _REGISTRY[cls.id] = cls
    return cls


def all_checks() -> list[type[Check]]:
    """Every registered check class, in registration order."""
    _load_builtin()
    return list(_REGISTRY.values())


def get_check(check_id: str) -> type[Check]:
    """The check class with ``check_id``.

    Raises:
        KeyError: no such check.
    """
    _load_builtin()
    return _REGISTRY[check_id]


def _load_builtin() -> None:
    # Importing the modules registers their checks.
    from reviewer.core.checks import accuracy, calques, mechanical, terms  # noqa: F401


def run_checks(
    units: Sequence[SegmentText],
    matcher: TermMatcher,
    checks: Iterable[str] | None = None,
    progress: ProgressCallback | None = None,
    severities: Mapping[str, Severity] | None = None,
    context: CheckContext | None = None,
) -> list[Finding]:
    """Run checks over a document or a batch.

    Args:
        units: the segments to check, in reading order (several documents for a batch).
        matcher: the term matcher over the loaded termbases.
        checks: ids of the checks to run; ``None`` runs all.
        progress: called with ``(done, total, label)``; may raise
            :class:`reviewer.core.progress.Cancelled`.
        severities: check id -> the severity all its findings get (a reviewer's setting).
        context: a context to run in (its cached term hits stay available to the caller).

    Raises:
        KeyError: an unknown check id.

    Returns:
        Findings ordered by document, segment and offset, each with its
        ``occurrence`` index set.
    """
    classes = all_checks() if checks is None else [get_check(c) for c in checks]
    ctx = context if context is not None else CheckContext(matcher)
    ctx.prepare(units)
    total = len(units) + len(classes)
    for n, unit in enumerate(units):  # term matching dominates: report it per segment
        ctx.hits(unit)
        if progress and n % 8 == 0:
            progress(n, total, "Matching terms")
        check_cancel(progress)
    findings: list[Finding] = []
    for n, cls in enumerate(classes):
        if progress:
            progress(len(units) + n, total, f"Running {cls.name}")
        forced = (severities or {}).get(cls.id)
        findings.extend(f if forced is None else replace(f, severity=forced) for f in cls().run(units, ctx))
    if progress:
        progress(total, total, "Done")
    order = {(u.document, u.segment): i for i, u in enumerate(units)}
    findings.sort(key=lambda f: (order.get((f.document, f.segment), 0), f.start, f.end, f.check))
    return number_occurrences(findings)


def number_occurrences(findings: Sequence[Finding]) -> list[Finding]:
    """Set each finding's ``occurrence`` (see :attr:`Finding.key`)."""
    seen: Counter[tuple[str, str, str, str, str]] = Counter()
    out: list[Finding] = []
    for f in findings:
        k = (f.check, f.document, f.segment, f.term.concept if f.term else "", f.text.casefold())
        out.append(replace(f, occurrence=seen[k]) if seen[k] != f.occurrence else f)
        seen[k] += 1
    return out

