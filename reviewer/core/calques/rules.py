"""Generic calque rules: English patterns that are wrong in official English whatever the concept.

The rules live in a TOML file that terminology managers edit (the shipped one is
``glossaries/calque-rules.toml``)::

    version = "2026.12.1"

    [classes]
    # a class is a list of phrases, or a table of phrase = what the suggestion writes for it
    abstract = { "work style" = "conduct", "clean government" = "integrity" }

    [[rule]]
    id = "my-country"
    zh = "我国"
    patterns = ["=my country"]
    suggestion = "China"
    explanation = "Official English names the country: “China”, not “my country”."
    source = "Report on the Work of the Government 2024, english.www.gov.cn"
    severity = "major"
    unless = ["love|serve|defend my country"]
    fires = ["The economy of my country grew by 5.2%."]
    quiet = ["China's economy grew by 5.2%."]

Pattern items, separated by spaces:

* ``word``: the word or a regular inflection of it (``implement`` matches
  ``implemented``), in any capitals; ``=word``: this form only;
* ``a|b|c``: one of these words; ``item?``: the item may be missing;
* ``{class}``: one phrase of the class; ``*``: any one word; ``...``: up to three words;
* ``[`` ``]`` around some items: only their words are the flagged span, the rest is
  context (``[deeply] implement`` flags “deeply” and suggests “fully”, whatever form
  “implement” takes).

A hyphen and a space are the same between words (``grass roots`` matches
``grass-roots``). A match never runs across a clause break (``.;:!?``, a bracket or a
quote). ``unless`` lists patterns that, where one of them matches over the span, keep
the rule quiet. ``suggestion`` may use ``{class}`` for the class's text of the matched
phrase; an empty suggestion means there is no safe replacement (the message advises).
``fires`` and ``quiet`` are examples that must and must not raise the rule: they are
checked when the file is loaded in a test and in the rules editor.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.fileio import read_regular_file
from reviewer.core.matching import inflections
from reviewer.core.text import Token, normalize, tokenize

MAX_RULES_BYTES = 4 * 1024 * 1024
_BREAK = re.compile(r"[.;:!?()\[\]{}\"“”«»]")
_SEVERITIES = ("critical", "major", "minor", "neutral")


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str  # "word", "class", "any", "gap"
    words: frozenset[str] = frozenset()  # the forms a token may have (every alternative, inflected unless exact)
    name: str = ""
    optional: bool = False
    flagged: bool = True  # inside the [ ] span of the pattern (or the pattern has none)


@dataclass(frozen=True, slots=True)
class CalqueRule:
    """One generic calque rule (see the module docstring for the fields)."""

    id: str
    patterns: tuple[str, ...]
    explanation: str
    zh: str = ""
    suggestion: str = ""
    source: str = ""
    severity: str = "minor"
    unless: tuple[str, ...] = ()
    fires: tuple[str, ...] = ()
    quiet: tuple[str, ...] = ()
    compiled: tuple[tuple[_Item, ...], ...] = field(default=(), repr=False, compare=False)
    compiled_unless: tuple[tuple[_Item, ...], ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class CalqueMatch:
    """Where a rule matched.

    Attributes:
        rule: the rule.
        start: offset in the original segment text (characters).
        end: exclusive end offset.
        text: the span as written.
        suggestion: the rule's suggestion with its classes filled in, or ``""``.
    """

    rule: CalqueRule
    start: int
    end: int
    text: str
    suggestion: str


@dataclass
class CalqueRules:
    """A rules file: its classes and rules.

    Attributes:
        rules: in file order.
        classes: class name -> {phrase (lower-case words joined by one space): suggestion text}.
        version: the file's ``version``.
        path: where it was read from, if anywhere.
    """

    rules: list[CalqueRule]
    classes: dict[str, dict[str, str]]
    version: str = ""
    path: Path | None = None
    _class_phrases: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = field(default_factory=dict, init=False, repr=False)
    _needs: dict[int, tuple[frozenset[str], ...]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._class_phrases = {
            name: [(tuple(inflections(w) for w in p.split()), v) for p, v in sorted(m.items(), key=lambda kv: -len(kv[0].split()))] for name, m in self.classes.items()
        }
        # what a segment must hold for a pattern to match: a form of each word that must be there
        # (for a class, of the first word of one of its phrases); most patterns fail this at once
        for rule in self.rules:
            for pattern in (*rule.compiled, *rule.compiled_unless):
                needs = []
                for it in pattern:
                    if it.kind == "word" and not it.optional:
                        needs.append(it.words)
                    elif it.kind == "class" and not it.optional:
                        needs.append(frozenset().union(*(forms[0] for forms, _ in self._class_phrases.get(it.name, ()))))
                self._needs[id(pattern)] = tuple(needs)

    def find(self, text: str) -> list[CalqueMatch]:
        """Every rule match in ``text``, longest first where two overlap, in text order."""
        norm = normalize(text)
        toks = tokenize(norm.text)
        if not toks:
            return []
        breaks = [bool(_BREAK.search(norm.text[a.end : b.start])) for a, b in zip(toks, toks[1:])]
        lowers = {t.lower for t in toks}
        found: list[tuple[int, int, CalqueRule, dict[str, str]]] = []
        for rule in self.rules:
            for pattern in rule.compiled:
                if not all(forms & lowers for forms in self._needs[id(pattern)]):
                    continue
                for i in range(len(toks)):
                    for j, fills, (a, b) in self._match(pattern, 0, toks, i, breaks, {}):
                        if j > i and b > a and not self._excepted(rule, toks, breaks, i, j):
                            found.append((a, b, rule, fills))
                        break
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken = [False] * len(toks)
        out: list[CalqueMatch] = []
        for i, j, rule, fills in found:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            start, end = norm.to_original(toks[i].start, toks[j - 1].end)
            suggestion = rule.suggestion
            for name, value in fills.items():
                suggestion = suggestion.replace("{" + name + "}", value)
            out.append(CalqueMatch(rule, start, end, norm.original[start:end], suggestion))
        out.sort(key=lambda m: m.start)
        return out

    def _excepted(self, rule: CalqueRule, toks: list[Token], breaks: list[bool], i: int, j: int) -> bool:
        for pattern in rule.compiled_unless:
            for a in range(max(0, i - 6), min(len(toks), j)):
                for b, _, _ in self._match(pattern, 0, toks, a, breaks, {}):
                    if a < j and i < b:
                        return True
        return False

    def _match(self, pattern: tuple[_Item, ...], k: int, toks: list[Token], i: int, breaks: list[bool], fills: dict[str, str], span: tuple[int, int] = (-1, -1)) -> list[tuple[int, dict[str, str], tuple[int, int]]]:
        """The matches of ``pattern[k:]`` starting at token ``i``, best first: ``(end, fills,
        (first, end) of the tokens inside the pattern's [ ] span)``, ends exclusive."""
        if k == len(pattern):
            return [(i, fills, span)]
        item = pattern[k]
        out: list[tuple[int, dict[str, str], tuple[int, int]]] = []

        def on(n: int) -> tuple[int, int]:  # the span grown by the n tokens this item takes
            if not item.flagged or n == 0:
                return span
            return (i if span[0] < 0 else span[0], i + n)

        def joined(j: int) -> bool:  # no clause break between the previous word and token j
            return k == 0 or j == 0 or not breaks[j - 1]

        if item.optional:
            out += self._match(pattern, k + 1, toks, i, breaks, fills, span)
        if i >= len(toks) or not joined(i):
            return out
        if item.kind == "word":
            if toks[i].lower in item.words:
                out = self._match(pattern, k + 1, toks, i + 1, breaks, fills, on(1)) + out
        elif item.kind == "any":
            out = self._match(pattern, k + 1, toks, i + 1, breaks, fills, on(1)) + out
        elif item.kind == "gap":
            for n in range(3, 0, -1):
                if i + n <= len(toks) and not any(breaks[i : i + n - 1]) and joined(i):
                    out = self._match(pattern, k + 1, toks, i + n, breaks, fills, on(n)) + out
        elif item.kind == "class":
            for phrase, value in self._class_phrases.get(item.name, ()):
                n = len(phrase)
                if i + n > len(toks) or any(breaks[i : i + n - 1]):
                    continue
                if all(t.lower in forms for t, forms in zip(toks[i : i + n], phrase)):
                    out = self._match(pattern, k + 1, toks, i + n, breaks, {**fills, item.name: value}, on(n)) + out
                    break
        return out

    def check_examples(self) -> list[str]:
        """Problems with the rules' own examples: a ``fires`` example the rule does not raise,
        or a ``quiet`` one it does. ``[]`` when every example behaves."""
        problems = []
        for rule in self.rules:
            for ex in rule.fires:
                if not any(m.rule.id == rule.id for m in self.find(ex)):
                    problems.append(f"{rule.id}: does not fire on “{ex}”")
            for ex in rule.quiet:
                if any(m.rule.id == rule.id for m in self.find(ex)):
                    problems.append(f"{rule.id}: fires on “{ex}”, which should stay quiet")
        return problems


def compile_pattern(pattern: str, classes: dict[str, dict[str, str]]) -> tuple[_Item, ...]:
    """Parse one pattern (module docstring).

    Raises:
        ValueError: empty, an unknown class, an empty alternative, or a pattern that is all
            optional items or gaps.
    """
    items: list[_Item] = []
    marked = "[" in pattern
    inside = not marked
    for raw in pattern.replace("-", " ").split():
        opens, closes = raw.startswith("["), raw.endswith("]")
        raw = raw.removeprefix("[").removesuffix("]")
        if opens:
            inside = True
        flagged = inside
        if closes:
            inside = False
        if not raw:
            continue
        optional = raw.endswith("?") and len(raw) > 1
        body = raw[:-1] if optional else raw
        if body == "*":
            items.append(_Item("any", optional=optional, flagged=flagged))
        elif body == "...":
            items.append(_Item("gap", optional=True, flagged=flagged))
        elif body.startswith("{") and body.endswith("}"):
            name = body[1:-1]
            if name not in classes:
                raise ValueError(f"pattern “{pattern}”: no class {{{name}}} in [classes]")
            items.append(_Item("class", name=name, optional=optional, flagged=flagged))
        else:
            forms: set[str] = set()
            for alt in body.split("|"):
                exact = alt.startswith("=")
                word = alt[1:] if exact else alt
                toks = tokenize(normalize(word).text)
                if len(toks) != 1:
                    raise ValueError(f"pattern “{pattern}”: “{alt}” is not one word")
                forms |= {toks[0].lower} if exact else inflections(toks[0].lower)
            items.append(_Item("word", frozenset(forms), optional=optional, flagged=flagged))
    if marked and not any(it.flagged for it in items):
        raise ValueError(f"pattern “{pattern}”: nothing between [ and ]")
    if not any(not it.optional and it.kind in ("word", "class") for it in items):
        raise ValueError(f"pattern “{pattern}” has no word that must be there")
    return tuple(items)


def parse_rules(text: str, path: Path | None = None) -> CalqueRules:
    """Read a rules file's text.

    Raises:
        ValueError: not TOML, or a rule with a missing id, pattern or explanation, a bad
            pattern, an unknown severity or a duplicate id (the message names the rule).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not a valid rules file ({exc})") from None
    classes: dict[str, dict[str, str]] = {}
    for name, value in (data.get("classes") or {}).items():
        if isinstance(value, list):
            phrases = {str(v): str(v) for v in value}
        elif isinstance(value, dict):
            phrases = {str(k): str(v) for k, v in value.items()}
        else:
            raise ValueError(f"class {name}: write a list of phrases or a table of phrase = suggestion")
        classes[name] = {" ".join(t.lower for t in tokenize(normalize(p).text)): v for p, v in phrases.items()}
    rules: list[CalqueRule] = []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("rule") or [], start=1):
        rid = str(raw.get("id") or "").strip()
        where = f"rule {rid or n}"
        if not rid:
            raise ValueError(f"{where}: no id")
        if rid in seen:
            raise ValueError(f"{where}: the id is used twice")
        seen.add(rid)
        patterns = raw.get("patterns") or ([raw["pattern"]] if raw.get("pattern") else [])
        if isinstance(patterns, str):
            patterns = [patterns]
        if not patterns:
            raise ValueError(f"{where}: no patterns")
        if not str(raw.get("explanation") or "").strip():
            raise ValueError(f"{where}: no explanation")
        severity = str(raw.get("severity") or "minor").lower()
        if severity not in _SEVERITIES:
            raise ValueError(f"{where}: unknown severity “{severity}” (use {', '.join(_SEVERITIES)})")
        try:
            compiled = tuple(compile_pattern(str(p), classes) for p in patterns)
            unless = tuple(str(p) for p in raw.get("unless") or [])
            compiled_unless = tuple(compile_pattern(p, classes) for p in unless)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        rules.append(
            CalqueRule(
                id=rid,
                patterns=tuple(str(p) for p in patterns),
                explanation=str(raw["explanation"]).strip(),
                zh=str(raw.get("zh") or ""),
                suggestion=str(raw.get("suggestion") or ""),
                source=str(raw.get("source") or ""),
                severity=severity,
                unless=unless,
                fires=tuple(str(x) for x in raw.get("fires") or []),
                quiet=tuple(str(x) for x in raw.get("quiet") or []),
                compiled=compiled,
                compiled_unless=compiled_unless,
            )
        )
    return CalqueRules(rules, classes, str(data.get("version") or ""), path)


def load_rules(path: str | Path) -> CalqueRules:
    """Read a rules file.

    Raises:
        InputError: unreadable, not UTF-8, or not a valid rules file (the reason named).
    """
    p = Path(path)
    data = read_regular_file(p, MAX_RULES_BYTES, "calque rules file")
    try:
        return parse_rules(data.decode("utf-8"), p)
    except UnicodeDecodeError:
        raise InputError(p, "the calque rules file is not UTF-8") from None
    except ValueError as exc:
        raise InputError(p, str(exc)) from None


__all__ = ["CalqueMatch", "CalqueRule", "CalqueRules", "compile_pattern", "load_rules", "parse_rules"]
