"""Term checks: non-standard, forbidden, inconsistent and missing renderings of a concept, and odd characters in a term.

The capitals and number of their suggestions come from :mod:`reviewer.core.checks.casing`; fitting a suggestion
to its sentence is :mod:`reviewer.core.checks.fit`.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from os.path import commonprefix
from typing import cast
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from reviewer.core.calques.gate import ordinary_english
from reviewer.core.checks.fit import past_dangling, past_head
from reviewer.core.checks.casing import fit_case as fit_case  # calques.py takes it from here
from reviewer.core.checks.casing import inflect_like, termbase_capital
from reviewer.core.checks.base import Check, CheckContext, Finding, SegmentCheck, SegmentText, Severity, TermRef
from reviewer.core.checks.morphology import zipf_frequency
from reviewer.core.checks.registry import register
from reviewer.core.consistency import group_renderings, translation_families
from reviewer.core.matching import HitKind, TermHit
from reviewer.core.term_alignment import LocatedRendering, locate_rendering, renders
from reviewer.core.text import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES, ZERO_WIDTH
from reviewer.core.termbase.model import Concept, Status, Term


_STOP = frozenset("a an the of and in on for to with by at as its our their".split())


def _uncertain_alignment(used: str, aligned: str, score: float) -> dict[str, str]:
    """``{"placement": why}`` when a term-missing span is too weak to replace safely: under 55%
    like the rendering it was aligned with, or under 70% and with at most three quarters of its
    content words (the span
    is likely part of the MT's rendering, or another concept's word: "eradicate [poverty]" for
    脱贫攻坚); or when the span coordinates ("and", a comma) where the rendering does not, and
    has a content word of four letters or more that is unlike every word of the rendering
    ("[party organizations and cadres]" aligned with "party cadres": the other conjunct is
    another concept's; "stability and progress" is like "steady progress"). Measured on the
    applied-suggestion sample (eval/evaluate_suggestions.py)."""
    def words(t: str) -> list[str]:
        return [w for w in re.findall(r"[^\W_][\w-]*", t.lower()) if w not in _STOP]

    if score < 55 or (score < 70 and len(words(used)) <= 0.75 * len(words(aligned))):
        return {"placement": f"“{used}” is only {score:.0f}% like “{aligned}”, so the MT's whole rendering may be longer or elsewhere: place the term by hand"}
    coordinated = re.compile(r"\band\b|,")
    if coordinated.search(used) and not coordinated.search(aligned):
        theirs = words(aligned)
        extra = [w for w in words(used) if len(w) >= 4 and not any(w[:4] == t[:4] or SequenceMatcher(None, w, t).ratio() >= 0.5 for t in theirs)]
        if extra:
            return {"placement": f"“{used}” joins “{extra[0]}”, which “{aligned}” does not have, so part of it may be another term's: place the term by hand"}
    return {}


#: spelling variants that are one word spelt two ways (British and American), not two words
_VARIANTS = ((r"is(e|ed|es|ing|ation)\b", r"iz\1"), (r"our\b", "or"), (r"tre\b", "ter"), (r"ll(ed|ing)\b", r"l\1"), (r"mme\b", "m"), (r"[-’']", ""))
#: how common (Zipf) a word must be to be a word in its own right, not a misspelling
_REAL_WORD_ZIPF = 3.5


def _other_word(written: str, term: str) -> dict[str, str]:
    """``{"placement": why}`` when a spelling near miss ``written`` differs from ``term`` in one
    word only, by one letter inside the word, and both words are common English words: "my
    [country's economy]" is not "county economy". A word cut short ("the Part"), another form
    of the word ("real economic") or a spelling variant ("organisation") is no other word. The
    reviewer checks the sense and places the term."""
    def plain(word: str) -> str:
        w = re.sub(r"[’']s$", "", word.lower())
        for pattern, repl in _VARIANTS:
            w = re.sub(pattern, repl, w)
        return w

    ws, ts = written.split(), term.split()
    if len(ws) != len(ts):
        return {}
    pairs = [(w, t) for w, t in zip(ws, ts) if plain(w) != plain(t) and plain(w).rstrip("s") != plain(t).rstrip("s")]
    if len(pairs) != 1:
        return {}
    w, t = pairs[0]
    a, b = plain(w), plain(t)
    if not a.isalpha() or Levenshtein.distance(a, b) != 1 or len(commonprefix([a, b])) >= min(len(a), len(b)):
        return {}  # "expelled from the [Part]": a word cut short; "real [economic]": another form of the word
    if zipf_frequency(a, "en") >= _REAL_WORD_ZIPF and zipf_frequency(b, "en") >= _REAL_WORD_ZIPF:
        return {"placement": f"“{w}” is a word in its own right, not a misspelling of “{t}”: check that the MT means this term, and place it by hand"}
    return {}


def _after_neighbour(text: str, start: int, concept: Concept, hits: Sequence[TermHit]) -> str:
    """The rest of an acceptable term of ``concept`` whose first words the MT has right before
    ``start``, beginning with an acceptable hit of another term (at most three words between,
    no punctuation), or ``""``: the MT's correct words stay. "the [CPC Central Committee] [with
    Comrade Xi Jinping as the core]": "with Comrade Xi Jinping at its core", which makes the
    admitted "CPC Central Committee with Comrade Xi Jinping at its core"."""
    for h in hits:
        between = text[h.end : start]
        if not h.acceptable or h.end > start or h.start >= start or len(between.split()) > 3 or not re.fullmatch(r"[\w\s'’-]*", between):
            continue
        before = [w.lower() for w in text[h.start : start].split()]
        for t in concept.en:
            words = t.text.split()
            if t.status.acceptable and len(words) > len(before) and [w.lower() for w in words[: len(before)]] == before:
                return " ".join(words[len(before) :])
    return ""


def acceptable_renderings(concept: Concept) -> tuple[str, ...]:
    """The concept's acceptable English terms, preferred first: what may stand in for the
    preferred term where the sentence needs another kind of phrase (a verb, not a noun)."""
    preferred = concept.preferred_text
    return tuple(dict.fromkeys([preferred, *(t.text for t in concept.en if t.status.acceptable)])) if preferred else ()


def out_of_use(term: Term, date: str) -> str:
    """Why an acceptable ``term`` was not yet, or no longer, the standard at ``date``
    (``YYYY[-MM[-DD]]``, the document's date), or ``""`` when it was (or a date is missing).

    A date compares at the precision of the coarser of the two: a term valid from
    ``2025`` is out of use in a text of ``2024-12-31`` and in use in one of ``2025-03``.
    """
    if not date:
        return ""
    if term.valid_from and date[: len(term.valid_from)] < term.valid_from[: len(date)]:
        return f"official English writes it from {term.valid_from}"
    if term.valid_to and date[: len(term.valid_to)] > term.valid_to[: len(date)]:
        return f"official English wrote it until {term.valid_to}"
    return ""


def _about_something_else(ctx: CheckContext, document: str) -> bool:
    """The context gate is closed on enough text to judge (a one-line snippet is not)."""
    verdict = ctx.subject(document)
    return not verdict.open and verdict.judged


@register
class NonStandardTerm(SegmentCheck):
    """A deprecated or superseded rendering, a case variant, or a near miss."""

    id = "term-nonstandard"
    name = "Non-standard term"
    description = (
        "A rendering the termbase marks deprecated or superseded; an admitted rendering used before or after "
        "the dates the termbase gives it (the document's date decides); a case-sensitive term written with the "
        "wrong capitals; or a near miss of a term (fuzzy match with its similarity score and a "
        "classification: case, inflection, spelling, word order, partial). The suggestion is the concept's "
        "preferred term. Forbidden renderings are term-forbidden's."
    )
    severity = Severity.MAJOR
    category = "Terminology/Wrong term"

    _SEVERITY = {
        Status.FORBIDDEN: Severity.MAJOR,
        Status.DEPRECATED: Severity.MINOR,
        Status.SUPERSEDED: Severity.MINOR,
    }

    #: This check takes the hits of forbidden terms (True) or all other non-standard hits (False).
    forbidden = False

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        for hit in ctx.hits(unit):
            if (hit.term.status is Status.FORBIDDEN) != self.forbidden:
                continue
            if (hit.kind is HitKind.NEAR or (not hit.term.status.acceptable and ordinary_english(hit.term.text))) and _about_something_else(ctx, unit.document):
                continue  # "research and deployment", or "construction projects" near "project construction", in a story about Brooklyn (the context gate)
            finding = self._finding(unit, hit, ctx.hits(unit))
            if finding is not None:
                yield finding

    def _out_of_date(self, unit: SegmentText, hit: TermHit) -> Finding | None:
        """An acceptable rendering used before its ``valid_from`` or after its ``valid_to``."""
        why = out_of_use(hit.term, unit.date) if hit.kind in (HitKind.EXACT, HitKind.INFLECTED) else ""
        preferred = hit.concept.preferred_text
        if not why or not preferred or hit.term.status is Status.PREFERRED:
            return None
        zh = hit.concept.source_term
        msg = f"“{hit.text}” renders {zh or 'this concept'}, but {why}; in a text of {unit.date} the standard was “{preferred}”."
        suggestion = fit_case(inflect_like(preferred, hit.text, hit.term.text), unit.text, hit.start, hit.end)
        return self.finding(
            unit, hit.start, hit.end, msg, severity=Severity.MINOR, suggestion=suggestion, term=TermRef.of(hit), details={"kind": hit.kind.value, "classification": "date"},
            alternatives=acceptable_renderings(hit.concept),
        )

    def _finding(self, unit: SegmentText, hit: TermHit, hits: Sequence[TermHit] = ()) -> Finding | None:
        if hit.acceptable:
            return self._out_of_date(unit, hit)
        preferred_text = hit.concept.preferred_text
        zh = hit.concept.source_term
        concept_label = f"{zh} ({preferred_text})" if zh and preferred_text else (zh or preferred_text or "its concept")
        status = hit.term.status
        if hit.kind is HitKind.NEAR:
            if status.acceptable:
                msg = f"“{hit.text}” is close to the standard rendering “{hit.term.text}” of {zh or 'this concept'} ({hit.score:.0f}% similar, {hit.classification})."
                severity = Severity.MINOR
            else:
                msg = f"“{hit.text}” looks like the {status.value} rendering “{hit.term.text}” ({hit.score:.0f}% similar)"
                msg += f"; the standard rendering of {zh or 'this concept'} is “{preferred_text}”." if preferred_text else "."
                severity = self._SEVERITY.get(status, Severity.MINOR)
            replacement = hit.term.text if status.acceptable else preferred_text
        elif hit.kind is HitKind.CASE:
            msg = f"Capitalisation: write “{hit.term.text}”" + (f" ({zh})." if zh else ".")
            severity = Severity.MINOR
            replacement = hit.term.text if status.acceptable else preferred_text
        else:
            reason = {
                Status.FORBIDDEN: "a wrong rendering",
                Status.DEPRECATED: "a non-standard rendering",
                Status.SUPERSEDED: f"a superseded rendering{' (used until ' + hit.term.valid_to + ')' if hit.term.valid_to else ''}",
            }.get(status, "non-standard")
            msg = f"“{hit.text}” is {reason} of {concept_label}" + (f"; use “{preferred_text}”." if preferred_text else ".")
            if hit.term.note:
                msg += f" {hit.term.note}"
            severity = self._SEVERITY.get(status, Severity.MINOR)
            replacement = preferred_text
        suggestion: str | None = None
        if replacement:  # a termbase of forbidden terms only has no replacement to offer
            suggestion = fit_case(inflect_like(replacement, hit.text, hit.term.text), unit.text, hit.start, hit.end)
            if not status.acceptable:
                suggestion = _after_neighbour(unit.text, hit.start, hit.concept, hits) or suggestion
        return self.finding(
            unit,
            hit.start,
            hit.end,
            msg,
            severity=severity,
            suggestion=suggestion,
            term=TermRef.of(hit),
            score=hit.score if hit.kind is HitKind.NEAR else None,
            details={"kind": hit.kind.value, "classification": hit.classification, **(_other_word(hit.text, hit.term.text) if hit.kind is HitKind.NEAR and hit.classification.split(",")[0] == "spelling" else {})},
            alternatives=acceptable_renderings(hit.concept) if not (hit.kind in (HitKind.NEAR, HitKind.CASE) and status.acceptable) else (),
        )


@register
class ForbiddenTerm(NonStandardTerm):
    """A rendering the termbase marks forbidden, or a near miss of one."""

    id = "term-forbidden"
    name = "Forbidden term"
    description = (
        "A rendering the termbase marks forbidden (a known MT error such as “two establishments” for "
        "两个确立), exactly, inflected, in other capitals or as a near miss. The suggestion is the concept's "
        "preferred term."
    )
    severity = Severity.MAJOR
    category = "Terminology/Wrong term"
    forbidden = True


@register
class InconsistentTerm(Check):
    """One concept rendered in more than one way across a document or batch."""

    id = "term-inconsistent"
    name = "Inconsistent term"
    description = (
        "A concept is rendered in more than one way in the document (or batch); capitals alone do not make "
        "another rendering. Each finding lists every rendering with its count; the suggestion is the "
        "preferred term if it is used, else the most frequent acceptable rendering, and the preferred term is "
        "never the one flagged. Non-standard renderings are listed with their counts but flagged only by "
        "term-nonstandard, so no span is flagged twice. Several translations of the same source in one batch "
        "(MT systems, versions) are not compared with each other: the systems view compares them."
    )
    severity = Severity.MINOR
    category = "Terminology/Inconsistent use of terminology"

    def run(self, units: Sequence[SegmentText], ctx: CheckContext) -> Iterable[Finding]:
        families = translation_families(units)
        if len(set(families.values())) == len(families):
            yield from self._compare(units, ctx, None)  # no two translations of one text: one comparison
            return
        # several translations of one source (MT systems, versions) are compared side by side in the
        # systems view, not with each other: each document against itself and the other texts
        for document, family in families.items():
            scope = [u for u in units if u.document == document or families[u.document] != family]
            yield from self._compare(scope, ctx, document)

    def _compare(self, units: Sequence[SegmentText], ctx: CheckContext, only: str | None) -> Iterable[Finding]:
        """The findings of one comparison of ``units`` (on document ``only``'s segments, if given)."""
        for group in group_renderings((unit, hit) for unit in units for hit in ctx.hits(unit)):
            if group.consistent or group.dominant is None:
                continue  # one rendering, or none acceptable (term-nonstandard flags each one)
            counts: dict[str, int] = {}
            for r in group.renderings:  # one line per text, however many terms it matched
                counts[r.text] = counts.get(r.text, 0) + r.count
            listing = "; ".join(f"“{text}” ×{n}" for text, n in counts.items())
            details = [{"rendering": text, "count": n} for text, n in counts.items()]
            concept = group.concept
            for r in group.renderings:
                if r is group.dominant or not r.acceptable:
                    continue  # a non-standard rendering is term-nonstandard's finding, listed here only
                for occurrence, hit in r.occurrences:
                    unit = cast(SegmentText, occurrence)
                    suggestion = fit_case(termbase_capital(group.dominant_text, group.dominant.occurrences[0][1].term if group.dominant and group.dominant.occurrences else None), unit.text, hit.start, hit.end)
                    if (only is not None and unit.document != only) or suggestion == hit.text:
                        continue
                    yield self.finding(
                        unit,
                        hit.start,
                        hit.end,
                        f"{concept.source_term or concept.preferred_text} is rendered {len(counts)} ways here: {listing}. Use one rendering, e.g. “{group.dominant_text}”.",
                        suggestion=suggestion,
                        term=TermRef.of(hit),
                        details={"renderings": details, "dominant": group.dominant_text},
                    )


@register
class MissingTerm(SegmentCheck):
    """A term of the Chinese source with none of its concept's renderings in the target."""

    needs_target = True

    id = "term-missing"
    name = "Missing term"
    description = (
        "The source has a termbase term, but the target has none of its concept's approved renderings "
        "(a deprecated or forbidden rendering, or a near miss, is term-nonstandard's finding instead). "
        "The finding points at the words the target used instead when they can be found (aligned with "
        "the concept's terms, with a similarity score) and suggests the preferred term. Needs a Chinese source."
    )
    severity = Severity.MINOR
    category = "Terminology/Missing term"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        source_hits = ctx.source_hits(unit)
        if not source_hits:
            return
        hits = ctx.hits(unit)
        rendered_concepts = {h.concept.id for h in hits}
        taken = [(h.start, h.end) for h in hits]
        seen: set[str] = set()
        for sh in source_hits:
            concept = sh.concept
            if concept.id in seen or not concept.preferred_text:
                continue
            # any hit of the concept is rendered (a wrong one is term-nonstandard's), and so is an
            # approved term inside another concept's hit, or with other determiners (term_alignment.renders)
            if concept.id in rendered_concepts or any(t.status.acceptable and renders(unit.text, t.text) for t in concept.en):
                continue
            seen.add(concept.id)
            terms = [t.text for t in concept.en]
            # where another concept's hit renders part of a term ("CPC Central Committee" in
            # "CPC Central Committee with Comrade Xi Jinping at its core"), align the rest too
            rests: dict[str, tuple[str, list[tuple[int, int]]]] = {}
            for t in list(terms):
                for h in hits:
                    rest = _without(t, h.text)
                    if rest:
                        rests.setdefault(rest, (t, []))[1].append((h.start, h.end))
                        terms.append(rest)
            found = locate_rendering(unit.text, terms, taken)
            if found is not None:
                found = _whole_rendering(unit.text, found, rests)
            zh = sh.text + (" (Traditional)" if sh.traditional else "")
            term = TermRef(concept.id, concept.source_term, concept.preferred_text, concept.termbase, "")
            if found is None:
                yield self.finding(
                    unit,
                    0,
                    0,
                    f"The source has {zh}, but the target has no rendering of it; the standard one is “{concept.preferred_text}”.",
                    term=term,
                )
                continue
            taken.append((found.start, found.end))
            like = next((t for t in concept.en if t.text == found.term), None)
            known = f", the {like.status.value} rendering" if like is not None and not like.status.acceptable else ""
            yield self.finding(
                unit,
                found.start,
                found.end,
                f"The source has {zh}, but the target has none of its approved renderings: it says “{found.text}” "
                f"({found.score:.0f}% like “{found.term}”{known}). Use “{concept.preferred_text}”.",
                suggestion=_after_neighbour(unit.text, found.start, concept, hits) or fit_case(inflect_like(concept.preferred_text, found.text, found.term), unit.text, found.start, found.end),
                term=term,
                score=found.score,
                details={"used": found.text, "aligned_with": found.term, **_uncertain_alignment(found.text, found.term, found.score)},
                alternatives=acceptable_renderings(concept),
            )


def _whole_rendering(text: str, found: LocatedRendering, rests: dict[str, tuple[str, list[tuple[int, int]]]]) -> LocatedRendering:
    """The located rendering widened to the whole of the MT's wording, so that replacing it with the
    preferred term leaves correct English (issue 16):

    - when it was aligned with the rest of a term beside another concept's hit ("comprehensively"
      for 全面推进乡村振兴 next to the hit "rural revitalization"), it takes in that hit and the
      words between, if they are at most three words of one clause ("comprehensively promote rural
      revitalization");
    - a span ending on a word that the term has before its head runs on over the MT's head
      nouns ("cadres at the grass-roots [level]" aligned with "grass-roots cadres"; "the domestic
      and international [double loop]" with "domestic and international cycles";
      :func:`reviewer.core.checks.fit.past_head`);
    - a span ending on a preposition runs on over any determiners and one word
      (:func:`reviewer.core.checks.fit.past_dangling`).

    Offsets are characters in ``text``, end exclusive; the ``term`` becomes the whole term."""
    start, end, term = found.start, found.end, found.term
    if found.term in rests:
        whole, spans = rests[found.term]
        for hs, he in spans:
            gap = text[end:hs] if hs >= end else text[he:start] if he <= start else ""
            if len(gap.split()) <= 3 and not re.search(r"[,;:.!?()]", gap):
                start, end, term = min(start, hs), max(end, he), whole
    end = past_head(text, start, end, term)
    end = past_dangling(text, start, end)
    if (start, end, term) == (found.start, found.end, found.term):
        return found
    return LocatedRendering(start, end, text[start:end], term, found.score)


def _without(term: str, part: str) -> str:
    """``term`` with the words of ``part`` taken out where they occur in it whole, else ``""``."""
    words, cut = term.split(), part.split()
    low, cut_low = [w.lower() for w in words], [w.lower() for w in cut]
    for i in range(len(words) - len(cut) + 1):
        if cut and low[i : i + len(cut)] == cut_low:
            rest = words[:i] + words[i + len(cut) :]
            return " ".join(rest) if rest else ""
    return ""


#: Characters that have no place inside a term, with what to write instead ("" = delete).
#: Curly quotes and apostrophes are ordinary typography and are not listed.
def _odd_replacement(ch: str) -> str | None:
    if ch in ZERO_WIDTH:
        return ""
    if ch in DASHES:
        return "-"
    if ch != " " and ch.isspace():
        return " "
    if ch in SINGLE_QUOTES or ch in DOUBLE_QUOTES:
        return None
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded != ch else None


@register
class TermTypography(SegmentCheck):
    """An odd character inside a recognised term: a dash variant, a special space, a zero-width
    character or a compatibility form (full-width letter, ligature)."""

    id = "typography"
    name = "Odd character in a term"
    description = (
        "A character inside a recognised term that matching folded away: a hyphen or dash variant "
        "(U+2010, U+2011, U+2013, U+2014, U+2212 ...), a non-breaking or other special space, a line "
        "break, a zero-width character (U+200B ...), or a full-width letter or ligature. The finding "
        "names the code point and suggests the plain character. Curly quotes are not flagged."
    )
    severity = Severity.MINOR
    category = "Fluency/Typography"

    def check_segment(self, unit: SegmentText, ctx: CheckContext) -> Iterable[Finding]:
        for hit in ctx.hits(unit):
            for i in range(hit.start, hit.end):
                ch = unit.text[i]
                if ord(ch) < 0x80 and not ch.isspace() or ch == " ":
                    continue
                plain = _odd_replacement(ch)
                if plain is None:
                    continue
                name = unicodedata.name(ch, "unnamed character")
                fix = "delete it" if plain == "" else f"write “{plain}”" if plain != " " else "write a plain space"
                yield self.finding(
                    unit,
                    i,
                    i + 1,
                    f"“{hit.text}” ({hit.concept.source_term or hit.concept.preferred_text}) has U+{ord(ch):04X} {name} inside it; {fix}.",
                    suggestion=plain,
                    term=TermRef.of(hit),
                    details={"codepoint": f"U+{ord(ch):04X}", "character_name": name},
                )
