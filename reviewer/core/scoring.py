"""MT scores with sacrebleu, each with its signature.

The post-editing scores compare the MT (hypothesis) with the reviewer's
post-edit (reference): TER of the MT against the post-edit is HTER, the
share of words the reviewer had to change (0 = none, 100 = all). BLEU and chrF
show the same from the other side (100 = MT untouched). English uses the
``13a`` tokenizer, Chinese ``zh``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER


@dataclass(frozen=True, slots=True)
class Scores:
    """BLEU, chrF and TER (0-100) of a set of segments, with sacrebleu signatures.

    Attributes:
        bleu: corpus BLEU.
        chrf: corpus chrF.
        ter: corpus TER; against a post-edit this is HTER.
        segments: number of segments scored.
        signatures: metric name -> sacrebleu signature string.
    """

    bleu: float
    chrf: float
    ter: float
    segments: int
    signatures: dict[str, str]


@dataclass(frozen=True, slots=True)
class SegmentScores:
    """Sentence-level BLEU, chrF and TER (0-100) of one segment."""

    bleu: float
    chrf: float
    ter: float


def _metrics(lang: str) -> tuple[BLEU, CHRF, TER]:
    tokenize = "zh" if lang.lower().startswith("zh") else "13a"
    return BLEU(tokenize=tokenize, effective_order=True), CHRF(), TER(asian_support=tokenize == "zh")


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str], lang: str = "en") -> Scores:
    """Score MT ``hypotheses`` against ``references`` (post-edits or human references).

    Args:
        hypotheses: MT segments.
        references: the corrected (or reference) segments, same length and order.
        lang: target language code, for the tokenizer.

    Raises:
        ValueError: the two lists differ in length or are empty.
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    if not hypotheses:
        raise ValueError("nothing to score")
    bleu, chrf, ter = _metrics(lang)
    refs = [list(references)]
    b = bleu.corpus_score(list(hypotheses), refs)
    c = chrf.corpus_score(list(hypotheses), refs)
    t = ter.corpus_score(list(hypotheses), refs)
    return Scores(
        bleu=round(b.score, 2),
        chrf=round(c.score, 2),
        ter=round(t.score, 2),
        segments=len(hypotheses),
        signatures={"BLEU": str(bleu.get_signature()), "chrF": str(chrf.get_signature()), "TER": str(ter.get_signature())},
    )


def segment_scores(hypothesis: str, reference: str, lang: str = "en") -> SegmentScores:
    """Sentence-level scores of one MT segment against its post-edit."""
    bleu, chrf, ter = _metrics(lang)
    return SegmentScores(
        bleu=round(bleu.sentence_score(hypothesis, [reference]).score, 2),
        chrf=round(chrf.sentence_score(hypothesis, [reference]).score, 2),
        ter=round(ter.sentence_score(hypothesis, [reference]).score, 2),
    )
