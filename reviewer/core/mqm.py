"""The MQM scorecard: error points per 1,000 words, pass or fail, per document and batch.

Each check belongs to an MQM core category (Terminology, Accuracy, Fluency, Style, Locale
convention), the first part of its ``category`` ("Terminology/Wrong term" →
Terminology). A finding counts as an error once the reviewer decided it is one: its
suggestion was accepted, or it was marked fixed; errors entered by hand count too. Open
and dismissed findings do not count.

Penalty points = the sum of the severity weights of the counted errors (defaults after
MQM: minor 1, major 5, critical 25, neutral 0). The normalised penalty is the points per
1,000 words, of the source by default (Chinese words as jieba segments them, punctuation
left out) or of the target (English words split on spaces); a document without a source
falls back to its target words and says so. A document passes when its normalised
penalty is at or below the threshold (default 15 points per 1,000 words).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.core.chinese import plain_words
from reviewer.core.review import Decision, Review

#: The MQM core categories, in the order shown.
CATEGORIES = ("Terminology", "Accuracy", "Fluency", "Style", "Locale convention")

#: Default weight of each severity.
DEFAULT_WEIGHTS = {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}

#: Default pass threshold: penalty points per 1,000 words.
DEFAULT_THRESHOLD = 15.0

_WORD_RE = re.compile(r"\w", re.UNICODE)


@dataclass(slots=True)
class ScorecardSettings:
    """How errors are weighed and what passes.

    Attributes:
        weights: severity -> points.
        threshold: the highest normalised penalty (points per 1,000 words) that passes.
        per: ``"source"`` or ``"target"`` words.
    """

    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    threshold: float = DEFAULT_THRESHOLD
    per: str = "source"


@dataclass(slots=True)
class Scorecard:
    """The scorecard of one document or of the batch.

    Attributes:
        name: the document's name, or ``"Batch"``.
        counts: ``(category, severity)`` -> number of errors.
        points: penalty points.
        words: the words the penalty is measured against.
        word_basis: ``"source"`` or ``"target"`` (the target when there is no source).
        penalty: points per 1,000 words (``None`` with no words).
        passed: ``penalty <= threshold``.
    """

    name: str
    counts: Counter[tuple[str, str]]
    points: float
    words: int
    word_basis: str
    penalty: float | None
    passed: bool


def category_of(check_category: str) -> str:
    """The MQM core category of a check's category (``"Accuracy/Omission"`` → ``"Accuracy"``);
    ``"Locale convention"`` for locale categories, ``"Style"`` for anything unknown."""
    top = check_category.split("/", 1)[0].strip()
    if top.lower().startswith("locale"):
        return "Locale convention"
    return top if top in CATEGORIES else "Style"


def source_words(text: str) -> int:
    """Words of a Chinese source as jieba's own dictionary segments them (tokens with a letter or
    digit), by :func:`reviewer.core.chinese.plain_words`, so the count does not change when the
    termbase's terms are added to the matcher's tokenizer (:mod:`reviewer.core.source_matching`)."""
    return sum(1 for w in plain_words(text, hmm=True) if _WORD_RE.search(w))


def target_words(text: str) -> int:
    """Words of an English text: whitespace-separated tokens with a letter or digit."""
    return sum(1 for w in text.split() if _WORD_RE.search(w))


def scorecards(review: Review, settings: ScorecardSettings | None = None) -> list[Scorecard]:
    """One scorecard per document, then one for the batch (last).

    A document is counted in source words when ``settings.per`` is ``"source"`` and it has a
    Chinese source, else in target words. The batch is counted on one side only: in source words
    when every document was, else in target words for all of them (a sum of Chinese and English
    words would mean nothing)."""
    settings = settings or ScorecardSettings()
    errors: dict[str, list[tuple[str, str]]] = {review.doc_key(d): [] for d in review.documents}
    for f, decision in review.all_findings():
        if decision in (Decision.ACCEPTED, Decision.FIXED) and f.document in errors:
            errors[f.document].append((category_of(f.category), f.severity.value))
    for e in review.manual_errors:
        if e.document in errors:
            errors[e.document].append((category_of(e.category), e.severity))
    cards: list[Scorecard] = []
    batch_counts: Counter[tuple[str, str]] = Counter()
    batch_words = 0
    batch_target_words = 0
    bases = set()
    for doc in review.documents:
        key = review.doc_key(doc)
        basis = settings.per
        if basis == "source" and any(s.source for s in doc.segments):
            words = sum(source_words(s.source) for s in doc.segments if s.source)
        else:
            basis = "target"
            words = sum(target_words(s.target) for s in doc.segments)
        counts = Counter(errors[key])
        cards.append(_card(doc.name, counts, words, basis, settings))
        batch_counts += counts
        batch_words += words
        batch_target_words += words if basis == "target" else sum(target_words(s.target) for s in doc.segments)
        bases.add(basis)
    if len(bases) > 1:
        batch_words, bases = batch_target_words, {"target"}
    cards.append(_card("Batch", batch_counts, batch_words, bases.pop() if bases else settings.per, settings))
    return cards


def _card(name: str, counts: Counter[tuple[str, str]], words: int, basis: str, settings: ScorecardSettings) -> Scorecard:
    points = sum(settings.weights.get(sev, 0.0) * n for (_, sev), n in counts.items())
    penalty = round(1000 * points / words, 2) if words else None
    return Scorecard(name, counts, points, words, basis, penalty, penalty is not None and penalty <= settings.threshold)
