#!/usr/bin/env python3
"""One-off: turn the curated research record (tools/termbase/concepts.json) into glossaries/political-terms.tbx.

The TBX file is the shipped termbase and the master from now on; this script
documents how its first version was made from ../shared/reference/ (curated,
verified rows, with sources) and can rebuild it from the same record.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.termbase import Concept, MatchMode, Source, Status, Term, Termbase, write_tbx  # noqa: E402


def main() -> None:
    record = json.loads((ROOT / "tools" / "termbase" / "concepts.json").read_text(encoding="utf-8"))
    tb = Termbase(name="Chinese political terms (zh-en)", version="2026.11.1")
    for c in record:
        zh = [Term(c["zh"], lang="zh-Hans", status=Status.PREFERRED)]
        zh += [Term(v, lang="zh-Hans", status=Status.ADMITTED) for v in c.get("zh_variants", [])]
        en = []
        for t in c["terms"]:
            words = t["text"].split()
            en.append(
                Term(
                    text=t["text"],
                    status=Status(t["status"]),
                    note=t.get("note", ""),
                    form=t.get("form", ""),
                    # short all-caps terms (CPC, NPC, CPPCC) stay case-sensitive and exact
                    case_sensitive=bool(t.get("case_sensitive")) or (len(words) == 1 and words[0].isupper() and len(words[0]) <= 6),
                    match=MatchMode.EXACT if len(words) == 1 and words[0].isupper() else MatchMode.INFLECTED,
                    valid_from=t.get("valid_from", ""),
                    valid_to=t.get("valid_to", ""),
                )
            )
        tb.concepts.append(
            Concept(
                id=c["id"],
                zh=zh,
                en=en,
                subject=c.get("subject", ""),
                definition=c.get("definition", ""),
                note=c.get("verification_note", ""),
                sources=[Source(s["title"], s.get("publisher", ""), s.get("url", ""), s.get("date", "")) for s in c["sources"]],
                verified=c.get("verified", ""),
            )
        )
    out = ROOT / "glossaries" / "political-terms.tbx"
    write_tbx(tb, out)
    print(f"wrote {out}: {len(tb)} concepts, {tb.term_count()} English terms")


if __name__ == "__main__":
    main()
