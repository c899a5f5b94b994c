"""Fit a term suggestion to its sentence, so that accepting it leaves correct English.

Two steps, used by :class:`reviewer.core.checks.base.SegmentCheck` for every term and calque
suggestion:

1. :func:`fit_span` widens the finding's span so that the replacement repeats no word and puts
   no preposition after a preposition ("to make make immediate corrections", "arrangements for
   of"); for ``term-missing``, whose span comes from alignment, :func:`past_dangling` and
   :func:`past_head` keep a span from ending on a preposition or on a modifier.
2. :func:`place` fits the suggestion's grammar to the sentence (word forms, articles,
   agreement), or says why it cannot be placed safely (:attr:`Placement.manual`).

The modules:

- :mod:`~reviewer.core.checks.fit.span`: widening the span (step 1);
- :mod:`~reviewer.core.checks.fit.placement`: what the sentence wants at the span, and the
  choice of rendering (step 2);
- :mod:`~reviewer.core.checks.fit.nouns`: number, articles and agreement of a noun rendering;
- :mod:`~reviewer.core.checks.fit.phrase`: what kind of phrase a rendering is, and its verbs in
  another form;
- :mod:`~reviewer.core.checks.fit.common`: :class:`Placement`, the word lists and the phrase
  helpers the others share.

Offsets are characters, end exclusive.
"""

from reviewer.core.checks.fit.common import DANGLING, PREPOSITIONS, Placement
from reviewer.core.checks.fit.phrase import inflect_verbs, phrase_kind
from reviewer.core.checks.fit.placement import place
from reviewer.core.checks.fit.span import fit_span, past_dangling, past_head

__all__ = [
    "DANGLING",
    "PREPOSITIONS",
    "Placement",
    "fit_span",
    "inflect_verbs",
    "past_dangling",
    "past_head",
    "phrase_kind",
    "place",
]
