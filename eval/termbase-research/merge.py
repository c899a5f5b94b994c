"""Merge the researched concepts (eval/termbase-research/*/concepts.tsv) into the shipped termbase.

Run from the repository root:  .venv/bin/python eval/termbase-research/merge.py [--dry-run]

What it does, so that every added entry is right for the text it meets:
- a concept whose Chinese term the termbase already holds is skipped (the shipped
  entry wins), and so is a second research row for the same Chinese term (its
  preferred rendering, when verified, is kept as an admitted one);
- ``verified=yes`` stays only with an official source that has a date or URL
  (reviewer.core.termbase.sources), else it becomes ``partly``;
- MT variants become deprecated terms; one that is an acceptable term anywhere in the
  termbase, that occurs inside another concept's preferred term, or that is a single
  common English word is not added (a single common word is kept in ``source`` match
  mode, counted only where the Chinese source has the concept);
- a single common English word as an admitted term gets the ``source`` match mode;
- the result must pass ``validate`` with no error.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.core.calques.dictionary import zipf  # noqa: E402
from reviewer.core.termbase.model import Concept, MatchMode, Source, Status, Term, date_problem  # noqa: E402
from reviewer.core.termbase.sources import verification_problem  # noqa: E402
from reviewer.core.termbase.tbx import read_tbx, write_tbx  # noqa: E402
from reviewer.core.termbase.validate import validate  # noqa: E402
from reviewer.core.text import term_key  # noqa: E402

TBX = ROOT / "glossaries" / "political-terms.tbx"
VERSION = "2026.12.1"
HERE = Path(__file__).resolve().parent
#: research folders in merge order: an earlier folder wins a Chinese term claimed twice
FOLDERS = ["party", "government", "economy", "rural", "law", "unitedfront", "formulas"]


#: the curator's additions after the research rows were read against the tests and eval sets:
#: Chinese term -> (admitted English, its note and source) and gloss-pattern overrides
EXTRA_ADMITTED: dict[str, list[tuple[str, str, Source]]] = {
    "重点任务": [
        (
            "key tasks",
            "People's Daily Online 2024-03-06 on the Government Work Report: \"All of these will be key tasks this year.\"",
            Source("AI insights on the two sessions: key points of 2024 Chinese gov't work report", "People's Daily Online", "http://en.people.cn/n3/2024/0306/c90000-20141537.html", "2024-03-06"),
        )
    ],
}
EXTRA_ADMITTED["脱贫攻坚"] = [
    (
        "poverty alleviation",
        "The SCIO white paper of 2021-04 is titled \"Poverty Alleviation: China's Experience and Contribution\"; Xinhua writes both.",
        Source("Poverty Alleviation: China's Experience and Contribution (white paper)", "State Council Information Office", "http://english.scio.gov.cn/whitepapers/2021-04/06/content_77380652_5.htm", "2021-04-06"),
    )
]
EXTRA_ADMITTED["党内法规"] = [
    (
        "intra-Party regulations",
        "Xinhua 2024-08-20: \"China has issued its first intra-Party regulations aimed at reducing burdens at the grassroots level\".",
        Source("China issues first intra-Party regulations on reducing burdens at grassroots level", "Xinhua (en.people.cn)", "http://en.people.cn/n3/2024/0820/c90000-20208027.html", "2024-08-20"),
    )
]
#: acceptable terms that are everyday English in another order ("use power" beside "power use"):
#: counted only where the source has the concept
SOURCE_ONLY = {"power use"}
#: numbered formulas whose capitals official English keeps (Xinhua: "the Two Establishes", "the Four
#: Consciousnesses"; the 20th Congress report: "the Five Principles of Peaceful Coexistence"):
#: written otherwise they are a case finding
CASE_SENSITIVE = {
    "Two Establishes", "Two Upholds", "Four Consciousnesses", "Three Represents", "Four Cardinal Principles",
    "Five Principles of Peaceful Coexistence", "Four-pronged Comprehensive Strategy", "Five-sphere Integrated Plan",
    "Three Stricts and Three Earnests",
}
#: formulas whose capitals official English splits on: left case-insensitive, with a note
CASE_SPLIT = {
    "Two Centenary Goals": "Capitals split in official English: Xinhua writes both \"the Two Centenary Goals\" and \"the two centenary goals\".",
    "Four-sphere confidence": "Capitals split: \"Four-sphere Confidence\" and \"four-sphere confidence\" both occur in Xinhua.",
    "Three Meetings and One Lecture": "Capitals split: Xinhua and China Daily write it with and without capitals.",
}
GLOSS_PATTERNS: dict[str, str] = {
    "中国共产党章程": "ignore: regulations",
    "政协常委": "ignore: committee",  # "the county CPPCC committee" is 政协委员会, no rendering of 政协常委  # 章程 is glossed "regulations" too: "intra-Party regulations" are 党内法规
    "重点任务": "ignore: role",  # CC-CEDICT glosses 任务 "role" too: "key role" is no rendering of 重点任务
}


#: research renderings written with editorial marks, as the text would have them ("" = not a term:
#: a pattern such as "held in [place]" is no string of running text); an "(ACRONYM)" becomes an
#: admitted term of its own
TERM_FIXES: dict[str, str] = {
    "hunting (officials)": "hunting officials",
    "recruiting ... into the Party": "",
    "summon (officials) for talks": "summon officials for talks",
    "I Do Practical Things for the Masses (campaign)": "I Do Practical Things for the Masses",
    "15th Five-Year Plan period (2026-2030)": "15th Five-Year Plan period",
    "national meeting held in [place]": "",
    "Statistical Communiqué of the People's Republic of China on the [year] National Economic and Social Development": "",
    "people who have been relocated from inhospitable areas (follow-up support)": "people who have been relocated from inhospitable areas",
    "Office of the Central Rural Work Leading Group (中央农办)": "Office of the Central Rural Work Leading Group",
    "mayor's responsibility system (for the Vegetable Basket Project)": "mayor's responsibility system for the Vegetable Basket Project",
    "key national enterprises (of agricultural industrialization)": "key national enterprises of agricultural industrialization",
    "People's Government of ... Province": "",
}
_ACRONYM = re.compile(r"^(.*\S)\s*\(([A-Z][A-Z&]{1,5})\)(.*)$")


def clean_terms(texts: list[str]) -> list[str]:
    """The research renderings as terms: TERM_FIXES applied, "consumer price index (CPI)" as
    "consumer price index" and "CPI", "research and experimental development (R&D) spending" as
    "research and experimental development spending" and "R&D spending"."""
    out: list[str] = []
    for text in texts:
        text = TERM_FIXES.get(text, text)
        m = _ACRONYM.match(text)
        if m:
            out += [f"{m.group(1)}{m.group(3)}", f"{m.group(2)}{m.group(3)}"]
        elif text:
            out.append(text)
    return out


#: an audit of 40 random verified rows (2026-12-03) found these sources do not show the claim as
#: cited (a quote short of the term, a wrong date or page): partly until re-checked
AUDIT_PARTLY = {
    "乡镇": "the quote shows \"townships, ethnic townships and towns\", not the term, on an unofficial mirror",
    "跨省通办": "the quote says only \"inter-provincial services\"",
    "约谈": "the quote says only \"summoned\", on a mirror of China Daily",
    "座谈会": "the cited page is a headline list dated 2024-05; the symposium was on 2024-04-23",
    "以联合国为核心的国际体系和以国际法为基础的国际秩序": "cited from an aggregator's copy dated before the summit",
    "睦邻、安邻、富邻": "cited from a reprint dated only by month",
}
#: the audit's corrections of renderings: variants that are official or everyday English
AUDIT_NOT_VARIANTS = {"文化强国": {"socialist cultural power", "cultural power"}}
AUDIT_ADMITTED = {"文化强国": [("socialist cultural power", "Xinhua 2011 (\"China vows to construct socialist cultural power\"); the 2020s write \"cultural powerhouse\".")]}
#: Chinese aliases that name another concept ("代表建议" is deputies' suggestions only)
AUDIT_NOT_ALIASES = {"代表建议"}

#: where the research rows disagree and the evidence quoted favours another rendering
PREFERRED_OVERRIDE = {
    "信访": "letters and visits",  # the government row's own evidence says "letters and visits"; "petitions" is one everyday word
}


def split(text: str) -> list[str]:
    return [p.strip() for p in (text or "").split("|") if p.strip()]


def common_word(text: str) -> bool:
    words = text.split()
    return len(words) == 1 and text.islower() and zipf(text) >= 3.0


def clean_date(text: str) -> str:
    text = (text or "").strip()
    m = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", text)
    while m and date_problem(m.group(0)):
        text = m.group(0).rsplit("-", 1)[0]
        m = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", text)
    return m.group(0) if m else ""


#: base terms filed under the wrong concept ("new crown epidemic" is 新冠疫情, not 疫情防控: its
#: preferred rendering "epidemic prevention and control" made a wrong suggestion, issue 16)
BASE_DROPS = {"c0083": {"new crown epidemic"}}


def main(dry_run: bool) -> None:
    tb = read_tbx(TBX)
    for c in tb.concepts:
        if c.id in BASE_DROPS:
            c.en = [t for t in c.en if t.text not in BASE_DROPS[c.id]]
    held_zh = {t.text for c in tb.concepts for t in c.zh}
    acceptable = {term_key(t.text) for c in tb.concepts for t in c.en if t.status.acceptable}
    preferred_keys = {term_key(c.preferred.text) for c in tb.concepts}
    next_id = max(int(c.id[1:]) for c in tb.concepts if re.fullmatch(r"c\d+", c.id)) + 1
    rows: list[tuple[str, dict[str, str]]] = []
    for folder in FOLDERS:
        path = HERE / folder / "concepts.tsv"
        if path.exists():
            rows += [(folder, r) for r in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")]
    # the research rows' acceptable terms, so no variant is something another row admits
    for _, r in rows:
        acceptable |= {term_key(t) for t in [*split(r["preferred_en"]), *split(r["admitted_en"])]}
    added: dict[str, Concept] = {}
    log: list[str] = []
    for c in tb.concepts:  # shipped entries: "yes" needs an official source on the outlet's own site
        why = verification_problem(c)
        if why:
            c.verified = "partly"
            c.note = (c.note + "\n" if c.note else "") + f"Issue 15: verified set to partly ({why})."
    for c in tb.concepts:  # the curator's gloss patterns and capitals for shipped concepts
        if c.source_term in GLOSS_PATTERNS and not c.gloss_pattern:
            c.gloss_pattern = GLOSS_PATTERNS[c.source_term]
        for t in c.en:
            if t.text in CASE_SENSITIVE and t.status.acceptable:
                t.case_sensitive = True
            elif t.text in CASE_SPLIT and CASE_SPLIT[t.text] not in t.note:
                t.note = (t.note + " " if t.note else "") + CASE_SPLIT[t.text]
    for folder, r in rows:
        zh = [z for z in split(r["zh"]) if z not in AUDIT_NOT_ALIASES]
        preferred = (r["preferred_en"] or "").strip()
        if not zh or not preferred:
            log.append(f"{folder}: row without Chinese or English skipped: {r['zh']!r}")
            continue
        if any(z in held_zh for z in zh):
            if zh[0] in added and r["verified"] == "yes":
                c = added[zh[0]]
                if term_key(preferred) not in {term_key(t.text) for t in c.en}:
                    c.en.append(Term(preferred, status=Status.ADMITTED, note=f"Also official ({r['source_publisher']}, {r['source_date']})."))
            log.append(f"{folder}: {zh[0]} already held")
            continue
        if term_key(preferred) in preferred_keys:
            log.append(f"{folder}: {zh[0]}: preferred “{preferred}” is another concept's preferred term; skipped")
            continue
        c = Concept(id=f"c{next_id:04d}", subject=r["subject"].strip(), definition=r["definition"].strip())
        next_id += 1
        c.zh = [Term(zh[0], lang="zh-Hans", status=Status.PREFERRED)] + [Term(z, lang="zh-Hans", status=Status.ADMITTED) for z in zh[1:]]
        for t in split(r["zh_traditional"]):
            if t not in zh and t not in held_zh:
                c.zh.append(Term(t, lang="zh-Hant", status=Status.ADMITTED))
        if zh[0] in PREFERRED_OVERRIDE:
            r = dict(r, admitted_en="|".join([preferred, *split(r["admitted_en"])]))
            preferred = PREFERRED_OVERRIDE[zh[0]]
        first, *also = clean_terms([preferred])
        preferred = first
        c.en = [Term(preferred, status=Status.PREFERRED)]
        seen = {term_key(preferred)}
        for a in [*also, *clean_terms(split(r["admitted_en"]))]:
            if term_key(a) in seen or (zh[0] in PREFERRED_OVERRIDE and term_key(a) == term_key(preferred)):
                continue
            seen.add(term_key(a))
            # a single common word, or an acronym beside its full form ("CPI"), counts only with the
            # source: in English alone it would make "consumer price index (CPI)" two renderings
            source_only = common_word(a) or re.fullmatch(r"[A-Z][A-Z&]{1,7}", a) is not None
            c.en.append(Term(a, status=Status.ADMITTED, match=MatchMode.SOURCE if source_only else MatchMode.INFLECTED))
        for text, note in AUDIT_ADMITTED.get(zh[0], []):
            if term_key(text) not in seen:
                seen.add(term_key(text))
                c.en.append(Term(text, status=Status.ADMITTED, note=note))
        for v in clean_terms(split(r["mt_variants"])):
            if v in AUDIT_NOT_VARIANTS.get(zh[0], set()):
                continue
            key = term_key(v)
            if key in seen or key in acceptable:
                log.append(f"{folder}: {zh[0]}: variant “{v}” is an acceptable rendering; not added")
                continue
            seen.add(key)
            c.en.append(
                Term(v, status=Status.DEPRECATED, note="MT variant (termbase research, 2026-12).", match=MatchMode.SOURCE if common_word(v) else MatchMode.INFLECTED)
            )
        date = clean_date(r["source_date"])
        title = (r["source_title"] or "").replace("[title not in excerpt]", "").strip() or "(untitled page)"
        field = lambda text: " / ".join(p.strip() for p in (text or "").split("|") if p.strip())  # " | " separates a source's fields in TBX
        c.sources = [Source(field(title), field(r["source_publisher"]), field(r["source_url"]), date)]
        c.verified = (r["verified"] or "no").strip().lower()
        notes = []
        if r.get("evidence"):
            notes.append(f"Evidence: “{r['evidence'].strip()}”")
        if r.get("note"):
            notes.append(r["note"].strip())
        why = verification_problem(c)
        if not why and c.verified == "yes" and zh[0] in AUDIT_PARTLY:
            why = "audit 2026-12-03: " + AUDIT_PARTLY[zh[0]]
        if why:
            c.verified = "partly"
            notes.append(f"Verified set to partly: {why}.")
        if common_word(c.en[0].text):
            c.en[0].match = MatchMode.SOURCE  # one everyday word ("lecture"): only where the source has the concept
        c.note = "\n".join(notes)
        for text, note, source in EXTRA_ADMITTED.get(zh[0], []):
            c.en.append(Term(text, status=Status.ADMITTED, note=note))
            c.sources.append(source)
        c.gloss_pattern = GLOSS_PATTERNS.get(zh[0], "")
        for t in c.en:
            if t.text in SOURCE_ONLY:
                t.match = MatchMode.SOURCE
        held_zh |= {t.text for t in c.zh}
        preferred_keys.add(term_key(preferred))
        added[zh[0]] = c
        tb.concepts.append(c)
    # a variant that occurs inside another concept's preferred term would flag correct text
    for _ in range(3):
        problems = [p for p in validate(tb) if p.severity == "error"]
        if not problems:
            break
        for p in problems:
            m = re.match(r"non-standard “(.+?)” occurs inside", p.message)
            if m:
                c = tb.concept(p.concept)
                c.en = [t for t in c.en if not (t.text == m.group(1) and not t.status.acceptable)]
                log.append(f"{p.concept}: variant “{m.group(1)}” dropped: {p.message}")
            else:
                log.append(f"unresolved: {p}")
    # an English term preferred in one concept and admitted in another: the admitted one only with the source
    preferred_at = {term_key(c.preferred.text): c.id for c in tb.concepts}
    for c in tb.concepts:
        for t in c.en:
            if t.status is Status.ADMITTED and preferred_at.get(term_key(t.text), c.id) != c.id and t.match is not MatchMode.SOURCE:
                t.match = MatchMode.SOURCE
                log.append(f"{c.id}: admitted “{t.text}” is preferred in {preferred_at[term_key(t.text)]}; counted only with the source")
    for line in log:
        print(line)
    print(f"added {len(added)} concepts; termbase now {len(tb.concepts)}")
    errors = [p for p in validate(tb) if p.severity == "error"]
    for p in errors:
        print("ERROR", p)
    if not dry_run and not errors:
        tb.version = VERSION
        write_tbx(tb, TBX)
        print(f"wrote {TBX}")


if __name__ == "__main__":
    main("--dry-run" in sys.argv)
