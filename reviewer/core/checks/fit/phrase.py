"""What kind of phrase a rendering is (verb, gerund or noun phrase), and its verbs in another form.

:func:`phrase_kind` tells ``make immediate corrections`` (a verb phrase) from ``guiding
principles`` (a noun phrase); :func:`inflect_verbs` puts the leading verb of a rendering, and
the verbs coordinated with it, in the MT's form (lemminflect).
"""

from __future__ import annotations

from reviewer.core.checks.morphology import can_be_noun, inflect, is_adjective, is_plural, is_verb, noun_only, verb_lemma, verb_tag
from reviewer.core.checks.fit.common import _POSTMODIFIERS, _TOKEN, _first_content, _head, _tokens


def _lemmas_known(word: str) -> bool:
    """True when lemminflect knows ``word`` (it knows few hyphenated compounds: "community-level")."""
    return can_be_noun(word) or is_adjective(word) or bool(verb_tag(word))


def phrase_kind(phrase: str) -> str:
    """What a rendering is: ``"verb"`` (``make immediate corrections``, ``relay and study``,
    ``guide community-level governance…``: a hyphenated word lemminflect does not know is a
    modifier),
    ``"gerund"`` (``comprehensively studying, understanding and implementing``), ``"noun"``
    (``guiding principles``, ``reform and opening up``) or ``"unknown"``."""
    words = _tokens(phrase)
    if not words:
        return "unknown"
    i = _first_content(words)
    first, nxt = words[i], (words[i + 1].lower() if i + 1 < len(words) else "")
    tag = verb_tag(first)
    if tag == "VBG":
        if nxt == "of" or (nxt and noun_only(nxt) and i == 0):
            return "noun"
        return "gerund" if i > 0 or nxt in {"and", ",", "the", "a", "an", "its", "their", "our", "with", "on", "to", "in"} or not nxt else "noun"
    if tag != "VB" or not is_verb(first) or first[:1].isupper():
        return "noun" if noun_only(words[_head(words)]) else "unknown"
    if not nxt:
        return "unknown" if not noun_only(first) and can_be_noun(first) else "verb"
    if nxt in {"the", "a", "an", "its", "their", "our", "all", "this", "these", "those", "it", "them", "itself"} or nxt.endswith("ly"):
        return "verb"
    if nxt in {"and", ","} and i + 2 < len(words):
        other = words[i + 2]
        return "verb" if verb_tag(other) == "VB" and is_verb(other) else "noun"
    if nxt in _POSTMODIFIERS or nxt in {"up", "out", "down", "forward", "firmly", "off"}:
        if nxt == "of" or (nxt == "against" and can_be_noun(first)):
            return "noun" if nxt == "of" else "unknown"  # "fight against poverty" is a noun as often as a verb
        return "verb"
    if verb_tag(nxt) == "VB" and not can_be_noun(first):
        return "verb"
    if (is_adjective(nxt) and not is_plural(nxt)) or ("-" in nxt and not _lemmas_known(nxt)) or (verb_tag(nxt) == "VBG" and i == 0):
        return "verb"
    return "verb" if not can_be_noun(first) else "unknown"


def inflect_verbs(phrase: str, tag: str) -> str:
    """``phrase`` with its leading verb, and the verbs coordinated with it, in the form ``tag``
    (``study and make arrangements for`` → ``studied and made arrangements for`` for ``VBD``)."""
    spans = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(phrase)]
    if not spans:
        return phrase
    i = _first_content([s[2] for s in spans])
    verbs = [i]
    j = i + 1
    while j + 1 < len(spans) and spans[j][2].lower() in {",", "and", "or"}:
        k = j + 1 if spans[j + 1][2].lower() not in {"and", "or"} else j + 2
        if k >= len(spans) or not verb_tag(spans[k][2]) or not is_verb(spans[k][2]):
            break
        verbs.append(k)
        j = k + 1
    out = phrase
    for n in reversed(verbs):
        s, e, w = spans[n]
        lemma = verb_lemma(w) or w
        new = lemma if tag == "VB" else inflect(lemma, tag)
        if w[:1].isupper():
            new = new[:1].upper() + new[1:]
        out = out[:s] + new + out[e:]
    return out
