"""Projects: one SQLite file per review; every change on disk at once; crashes lose nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.core.errors import InputError, OutputError
from reviewer.core.project import SCHEMA_VERSION, Project
from reviewer.core.readers import read_document
from reviewer.core.realign import split_segment
from reviewer.core.review import Decision, make_review

DATA = Path(__file__).parent.parent / "data" / "bilingual"


def new_project(tmp_path, docs, termbases=()):
    return Project.create(tmp_path / "p.reviewer", docs, termbases)


def test_round_trip_of_a_whole_review(tmp_path, sample_path, mini_termbase, mini_tbx):
    doc = read_document(sample_path)
    project = new_project(tmp_path, [doc], [mini_tbx])
    review = make_review(project.documents(), [mini_termbase])
    key = review.doc_key(review.documents[0])
    review.run_checks()
    f = next(x for x in review.findings if x.text == "two establishments")
    review.accept(f)
    project.record(review, key, f.segment)
    other = next(x for x in review.findings if x.segment != f.segment)
    review.dismiss(other, "a proper name here")
    review.set_state(key, "1", "reviewed")
    review.set_comment(key, "1", "Checked against the source.")
    project.record(review, key, "1")
    project.record(review)
    project.close()

    again = Project.open(tmp_path / "p.reviewer")
    assert again.termbase_paths() == [mini_tbx]
    docs = again.documents()
    assert [s.target for s in docs[0].segments] == [s.target for s in doc.segments]
    restored = make_review(docs, [mini_termbase])
    assert again.load_into(restored) == []
    assert restored.target(key, f.segment) == review.target(key, f.segment) and "Two Establishes" in restored.target(key, f.segment)
    assert restored.decisions[other.key] is Decision.DISMISSED and restored.notes[other.key] == "a proper name here"
    assert restored.false_positives == review.false_positives and len(restored.applied) == 1
    assert restored.state(key, "1") == "reviewed" and restored.comments[(key, "1")] == "Checked against the source."
    original, digest = again.original(key)
    assert original == sample_path.read_bytes() and len(digest) == 64


def test_bilingual_document_keeps_codes_and_states(tmp_path, mini_termbase):
    doc = read_document(DATA / "mt-1.2.xlf")
    project = new_project(tmp_path, [doc])
    (stored,) = project.documents()
    assert stored.segments == doc.segments and stored.format == "xliff" and stored.metadata == doc.metadata


def test_regrouped_segments_are_kept(tmp_path, sample_path, mini_termbase):
    project = new_project(tmp_path, [read_document(sample_path)])
    review = make_review(project.documents(), [mini_termbase])
    key = review.doc_key(review.documents[0])
    seg = next(s for s in review.documents[0].segments if len(s.target) > 80)
    split_segment(review, key, seg.id, seg.target.index(" ", 40) + 1)
    project.record_segmentation(review, key)
    project.close()
    again = Project.open(tmp_path / "p.reviewer")
    assert [s.id for s in again.documents()[0].segments] == [s.id for s in review.documents[0].segments]


def test_a_draft_left_by_a_crash_is_recovered_and_reported(tmp_path, sample_path, mini_termbase):
    project = new_project(tmp_path, [read_document(sample_path)])
    key = str(sample_path)
    project.save_draft(key, "3", "Typed, never committed as an edit.")
    project.close()  # as if the process died before the debounced edit
    again = Project.open(tmp_path / "p.reviewer")
    review = make_review(again.documents(), [mini_termbase])
    notes = again.load_into(review)
    assert review.target(key, "3") == "Typed, never committed as an edit."
    assert notes and "segment(s) 3" in notes[0]
    again.close()
    third = Project.open(tmp_path / "p.reviewer")
    review = make_review(third.documents(), [mini_termbase])
    assert third.load_into(review) == [] and review.target(key, "3") == "Typed, never committed as an edit."


def test_second_opener_is_refused_while_the_project_is_open(tmp_path, sample_path):
    project = new_project(tmp_path, [read_document(sample_path)])
    with pytest.raises(OutputError, match="open in another"):
        Project.open(tmp_path / "p.reviewer")
    project.close()
    Project.open(tmp_path / "p.reviewer").close()


def test_read_only_project_says_so(tmp_path, sample_path):
    if os.geteuid() == 0:
        pytest.skip("root can write read-only files")
    project = new_project(tmp_path, [read_document(sample_path)])
    project.close()
    path = tmp_path / "p.reviewer"
    for p in tmp_path.glob("p.reviewer*"):
        p.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="Save As|read-only"):
            Project.open(path)
    finally:
        tmp_path.chmod(0o755)


def test_newer_schema_and_foreign_files_are_refused(tmp_path, sample_path):
    project = new_project(tmp_path, [read_document(sample_path)])
    with project._transaction() as c:
        c.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    project.close()
    with pytest.raises(InputError, match="newer reviewer"):
        Project.open(tmp_path / "p.reviewer")
    junk = tmp_path / "junk.reviewer"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(InputError, match="not a reviewer project"):
        Project.open(junk)
    other = tmp_path / "other.reviewer"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(InputError, match="not a reviewer project"):
        Project.open(other)


def test_older_schema_is_migrated(tmp_path, sample_path, monkeypatch):
    from reviewer.core import project as module

    project = new_project(tmp_path, [read_document(sample_path)])
    project.close()
    calls = []
    monkeypatch.setattr(module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(module.MIGRATIONS, SCHEMA_VERSION, lambda conn: calls.append(conn.execute("SELECT count(*) FROM segments").fetchone()[0]))
    migrated = module.Project.open(tmp_path / "p.reviewer")
    assert calls and calls[0] > 0
    assert migrated._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION + 1)


def test_never_overwrites_an_existing_file(tmp_path, sample_path):
    (tmp_path / "p.reviewer").write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match="exists already"):
        new_project(tmp_path, [read_document(sample_path)])
    assert (tmp_path / "p.reviewer").read_text(encoding="utf-8") == "precious"


def test_save_as_copies_and_continues_there(tmp_path, sample_path, mini_termbase):
    project = new_project(tmp_path, [read_document(sample_path)])
    review = make_review(project.documents(), [mini_termbase])
    key = review.doc_key(review.documents[0])
    review.set_target(key, "2", "Edited before Save As.")
    project.record(review, key, "2")
    copy = project.save_as(tmp_path / "copy.reviewer")
    review.set_target(key, "2", "Edited after Save As.")
    copy.record(review, key, "2")
    copy.close()
    first = Project.open(tmp_path / "p.reviewer")
    r1 = make_review(first.documents(), [mini_termbase])
    first.load_into(r1)
    assert r1.target(key, "2") == "Edited before Save As."
    second = Project.open(tmp_path / "copy.reviewer")
    r2 = make_review(second.documents(), [mini_termbase])
    second.load_into(r2)
    assert r2.target(key, "2") == "Edited after Save As."


WRITER = """
import sys, time
from pathlib import Path
from reviewer.core.project import Project
from reviewer.core.review import make_review
project = Project.open(Path(sys.argv[1]))
review = make_review(project.documents(), [])
key = review.doc_key(review.documents[0])
ids = [s.id for s in review.documents[0].segments]
n = 0
while True:
    n += 1
    seg = ids[n % len(ids)]
    review.set_target(key, seg, f"edit {n}")
    project.record(review, key, seg)
    print(n, seg, flush=True)
"""


def test_kill_9_while_edits_flow_loses_nothing_that_was_saved(tmp_path, sample_path):
    project = new_project(tmp_path, [read_document(sample_path)])
    project.close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path / "p.reviewer")], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    confirmed: dict[str, int] = {}
    deadline = time.time() + 30
    while len(confirmed) < 40 and time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        n, seg = line.split()
        confirmed[seg] = int(n)
        if sum(1 for _ in confirmed) >= 20 and int(n) > 200:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert confirmed, "the writer made no edits"
    again = Project.open(tmp_path / "p.reviewer")
    review = make_review(again.documents(), [])
    again.load_into(review)
    key = review.doc_key(review.documents[0])
    for seg, n in confirmed.items():
        saved = int(review.target(key, seg).split()[1])
        assert saved >= n, f"segment {seg}: edit {n} was confirmed but {saved} is on disk"


def test_a_schema_1_project_is_upgraded_and_keeps_its_work(tmp_path, sample_path, mini_termbase):
    from reviewer.core.review import ManualError

    project = new_project(tmp_path, [read_document(sample_path)])
    review = make_review(project.documents(), [mini_termbase])
    key = review.doc_key(review.documents[0])
    review.set_target(key, "2", "Written by the first version.")
    project.record(review, key, "2")
    with project._transaction() as c:  # what reviewer's first schema looked like
        c.execute("DROP TABLE fixed")
        c.execute("DROP TABLE manual_errors")
        c.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    project.close()
    upgraded = Project.open(tmp_path / "p.reviewer")
    assert upgraded._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    again = make_review(upgraded.documents(), [mini_termbase])
    upgraded.load_into(again)
    assert again.target(key, "2") == "Written by the first version." and again.manual_errors == []
    again.add_error(ManualError(key, "2", 0, 7, "Written", "Fluency/Grammar", "minor", "tense"))
    upgraded.record(again)
    upgraded.close()
    third = Project.open(tmp_path / "p.reviewer")
    last = make_review(third.documents(), [mini_termbase])
    third.load_into(last)
    assert [(e.segment, e.category, e.severity, e.note) for e in last.manual_errors] == [("2", "Fluency/Grammar", "minor", "tense")]
