"""MT scores with sacrebleu, each with its signature.

The post-editing scores compare the MT (hypothesis) with the reviewer's post-edit
(reference): TER of the MT against the post-edit is HTER, the share of words the reviewer
had to change (0 = none, 100 = all). BLEU and chrF show the same from the other side (100
= MT untouched). When a human reference translation is loaded, the same scores compare
the MT with it. The tokenizer follows the language of the text scored: ``zh`` for
Chinese, ``13a`` otherwise; for Chinese, TER uses sacrebleu's normalisation with Asian
support (it splits the characters only then). TER ignores case, as sacrebleu does by default
(its signature says ``case:lc``).

Honest gaps: a segment whose MT or reference is empty has no score (``None``, shown as
"n/a"), not 0 or 100; sentence BLEU is also ``None`` when either side has fewer than
:data:`MIN_BLEU_TOKENS` tokens, because BLEU's 4-gram precision means nothing there
(chrF and TER are still given). Corpus scores leave out segments with an empty side and
say how many they scored.

Reference argument shapes follow sacrebleu: ``corpus_score(hypotheses, [references])`` (a
list of reference *streams*, each as long as the hypotheses) and
``sentence_score(hypothesis, [reference])``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sacrebleu itself loads at the first score, not with the window
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

#: Fewest tokens (on both sides) for a sentence BLEU score.
MIN_BLEU_TOKENS = 4


@dataclass(frozen=True, slots=True)
class Scores:
    """BLEU, chrF and TER (0-100) of a set of segments, with sacrebleu signatures.

    Attributes:
        bleu: corpus BLEU.
        chrf: corpus chrF.
        ter: corpus TER; against a post-edit this is HTER.
        segments: number of segments scored (segments with an empty side are left out).
        signatures: metric name -> sacrebleu signature string.
        skipped: segments left out because the MT or the reference was empty.
    """

    bleu: float
    chrf: float
    ter: float
    segments: int
    signatures: dict[str, str]
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class SegmentScores:
    """Sentence-level BLEU, chrF and TER (0-100) of one segment; ``None`` is "n/a"."""

    bleu: float | None
    chrf: float | None
    ter: float | None


def tokenizer_for(lang: str) -> str:
    """sacrebleu's tokenizer for a language code: ``zh`` for Chinese, ``13a`` otherwise."""
    return "zh" if lang.lower().startswith("zh") else "13a"


def _metrics(lang: str) -> tuple[BLEU, CHRF, TER]:
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    tokenize = tokenizer_for(lang)
    zh = tokenize == "zh"  # sacrebleu splits CJK characters for TER only with normalisation on
    return BLEU(tokenize=tokenize, effective_order=True), CHRF(), TER(normalized=zh, asian_support=zh)


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str], lang: str = "en") -> Scores:
    """Score MT ``hypotheses`` against ``references`` (post-edits or human references).

    Args:
        hypotheses: MT segments.
        references: the corrected (or reference) segments, same length and order.
        lang: language code of the texts, for the tokenizer.

    Raises:
        ValueError: the two lists differ in length, or no segment has both sides.
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    pairs = [(h, r) for h, r in zip(hypotheses, references) if h.strip() and r.strip()]
    if not pairs:
        raise ValueError("nothing to score")
    hyps = [h for h, _ in pairs]
    refs = [[r for _, r in pairs]]  # one reference stream
    bleu, chrf, ter = _metrics(lang)
    b = bleu.corpus_score(hyps, refs)
    c = chrf.corpus_score(hyps, refs)
    t = ter.corpus_score(hyps, refs)
    return Scores(
        bleu=round(b.score, 2),
        chrf=round(c.score, 2),
        ter=round(t.score, 2),
        segments=len(pairs),
        signatures={"BLEU": str(bleu.get_signature()), "chrF": str(chrf.get_signature()), "TER": str(ter.get_signature())},
        skipped=len(hypotheses) - len(pairs),
    )


def segment_scores(hypothesis: str, reference: str, lang: str = "en") -> SegmentScores:
    """Sentence-level scores of one MT segment against its post-edit or reference
    (``None`` where a score would mean nothing; see the module docstring)."""
    if not hypothesis.strip() or not reference.strip():
        return SegmentScores(None, None, None)
    bleu, chrf, ter = _metrics(lang)
    tok = bleu.tokenizer
    short = min(len(tok(hypothesis).split()), len(tok(reference).split())) < MIN_BLEU_TOKENS
    if hypothesis == reference:  # the usual case (nothing post-edited): no need to align, which TER does in quadratic time
        return SegmentScores(None if short else 100.0, 100.0, 0.0)
    return SegmentScores(
        bleu=None if short else round(bleu.sentence_score(hypothesis, [reference]).score, 2),
        chrf=round(chrf.sentence_score(hypothesis, [reference]).score, 2),
        ter=round(ter.sentence_score(hypothesis, [reference]).score, 2),
    )


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """One segment's scores in a :class:`ScoreReport`."""

    document: str
    segment: str
    words: int
    edited: bool
    post_edit: SegmentScores
    reference: SegmentScores | None


@dataclass(slots=True)
class ScoreReport:
    """Scores of a review: per segment, per document and for the batch.

    Attributes:
        rows: one per segment, in reading order.
        documents: document key -> corpus scores of the MT against the post-edit (``None``
            when nothing could be scored).
        batch: the same for the whole batch.
        reference_documents: document key -> corpus scores of the MT against the loaded
            reference translations, for documents that have them.
        reference_batch: the same for the batch.
    """

    rows: list[SegmentRow] = field(default_factory=list)
    documents: dict[str, Scores | None] = field(default_factory=dict)
    batch: Scores | None = None
    reference_documents: dict[str, Scores | None] = field(default_factory=dict)
    reference_batch: Scores | None = None


def _safe(hyps: Sequence[str], refs: Sequence[str], lang: str) -> Scores | None:
    try:
        return corpus_scores(hyps, refs, lang)
    except ValueError:
        return None


def score_review(mt: dict[str, list[tuple[str, str]]], post_edits: dict[str, list[str]], references: dict[str, list[str | None]], lang: str = "en") -> ScoreReport:
    """Score every document of a review.

    Args:
        mt: document key -> ``[(segment id, MT text)]`` in order.
        post_edits: document key -> the current text of the same segments.
        references: document key -> the reference translation of each segment, or ``None``.
        lang: the target language.
    """
    report = ScoreReport()
    all_h, all_p, ref_h, ref_r = [], [], [], []
    for key, segs in mt.items():
        hyps = [t for _, t in segs]
        posts = post_edits[key]
        refs = references.get(key, [None] * len(segs))
        doc_rh, doc_rr = [], []
        for (seg_id, h), p, r in zip(segs, posts, refs):
            report.rows.append(
                SegmentRow(key, seg_id, len(h.split()), p != h, segment_scores(h, p, lang), segment_scores(h, r, lang) if r is not None else None)
            )
            if r is not None:
                doc_rh.append(h)
                doc_rr.append(r)
        report.documents[key] = _safe(hyps, posts, lang)
        if doc_rh:
            report.reference_documents[key] = _safe(doc_rh, doc_rr, lang)
        all_h += hyps
        all_p += posts
        ref_h += doc_rh
        ref_r += doc_rr
    report.batch = _safe(all_h, all_p, lang)
    report.reference_batch = _safe(ref_h, ref_r, lang) if ref_h else None
    return report
