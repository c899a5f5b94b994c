"""Checks: base classes, the registry, and one module per family of checks."""

from reviewer.core.checks.base import Check, CheckContext, CheckOptions, Finding, SegmentCheck, SegmentText, Severity, TermRef
from reviewer.core.checks.registry import all_checks, get_check, register, run_checks

__all__ = [
    "Check",
    "CheckContext",
    "CheckOptions",
    "Finding",
    "SegmentCheck",
    "SegmentText",
    "Severity",
    "TermRef",
    "all_checks",
    "get_check",
    "register",
    "run_checks",
]
