"""Archive-scale checking (reviewer.core.batch, ``reviewer-cli check --jobs/--jsonl/--scheduler``)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.batch import BatchSummary, check_files, check_files_dask
from reviewer.core.checks import Severity
from reviewer.core.errors import InputError, ReviewerError
from reviewer.core.paths import SAMPLE_ARTICLE, SHIPPED_TERMBASE
from reviewer.core.readers import collect_inputs, read_document
from reviewer.core.report import finding_json
from reviewer.core.review import make_review

BAD = "broken.docx"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles cut from the sample's sentences (one in a subfolder), and a broken .docx."""
    root = tmp_path_factory.mktemp("archive")
    sentences = [s.target for s in read_document(SAMPLE_ARTICLE).segments]
    rng = random.Random(8)
    (root / "2023").mkdir()
    for i in range(6):
        paragraphs = [" ".join(rng.sample(sentences, 3)) for _ in range(3)]
        where = root / "2023" if i == 5 else root
        (where / f"article-{i}.txt").write_text(f"Date: 2023-01-{i + 1:02}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (root / BAD).write_bytes(b"not a zip file")
    return root


def single_process(path, termbase):
    """The findings of one document checked alone by the ordinary path (make_review + run_checks)."""
    review = make_review([read_document(path)], [termbase])
    return [finding_json(f) for f in review.run_checks()]


def test_parallel_gives_the_single_process_findings_in_input_order(folder, shipped_termbase):
    calls = []
    records = list(check_files([folder], [SHIPPED_TERMBASE], jobs=2, progress=lambda d, t, label: calls.append((d, t))))
    files = collect_inputs([folder])
    assert [r["path"] for r in records] == [str(p) for p in files]  # input order by default
    good = [r for r in records if "error" not in r]
    assert len(good) == 6
    for r in good:
        assert r["findings"] == single_process(Path(r["path"]), shipped_termbase)
        assert r["format"] == "text" and r["segments"] > 0 and r["metadata"]["date"].startswith("2023-01-")
    assert sum(len(r["findings"]) for r in good) > 50
    assert calls[-1] == (7, 7)


def test_bad_file_is_an_error_record_not_a_crash(folder):
    records = list(check_files([folder], [SHIPPED_TERMBASE], jobs=2, ordered=False))
    (bad,) = [r for r in records if "error" in r]
    assert bad["path"] == str(folder / BAD) and "Word document" in bad["error"]
    assert set(bad) == {"path", "error"}
    summary = BatchSummary()
    for r in records:
        summary.add(r)
    assert (summary.documents, summary.errors) == (6, 1)
    assert summary.findings == sum(len(r.get("findings", [])) for r in records)


def test_one_job_checks_in_process_with_the_settings(folder):
    records = list(check_files([folder / "article-0.txt", folder / "article-1.txt"], [SHIPPED_TERMBASE], jobs=1, checks=["term-forbidden"], severities={"term-forbidden": Severity.NEUTRAL}))
    findings = [f for r in records for f in r["findings"]]
    assert findings and {(f["check"], f["severity"]) for f in findings} == {("term-forbidden", "neutral")}


def test_errors_before_any_work(folder, tmp_path):
    with pytest.raises(InputError):
        check_files([tmp_path / "missing"], [SHIPPED_TERMBASE])
    with pytest.raises(KeyError):
        check_files([folder], [SHIPPED_TERMBASE], checks=["no-such-check"])
    with pytest.raises(ValueError):
        check_files([folder], [SHIPPED_TERMBASE], jobs=0)


def test_closing_the_stream_early_stops_the_pool(folder):
    records = check_files([folder], [SHIPPED_TERMBASE], jobs=2)
    assert "path" in next(records)
    records.close()  # must return, not hang on the queued documents


def test_cli_jsonl_parses_line_by_line(folder, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["check", str(folder), "--jobs", "2", "--jsonl", str(out), "-q"]) == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 8 and "summary" in records[-1]
    summary = records[-1]["summary"]
    assert (summary["documents"], summary["errors"], summary["jobs"], summary["scope"]) == (6, 1, 2, "document")
    assert summary["findings"] == sum(len(r.get("findings", [])) for r in records[:-1])
    captured = capsys.readouterr()
    assert f"note: left out {folder / BAD}" in captured.err
    assert "6 document(s)" in captured.out and "1 file(s) could not be read" in captured.out
    assert main(["check", str(folder), "--jsonl", str(out), "-q"]) == 2  # exists: needs --force
    assert main(["check", str(folder), "--jsonl", str(out), "-q", "--force", "--fail-on", "none"]) == 0
    assert not list(tmp_path.glob(".*.part"))


def test_cli_jsonl_to_stdout_and_text_findings(folder, capsys):
    assert main(["check", str(folder / "article-0.txt"), str(folder / "article-1.txt"), "-j", "2", "--jsonl", "-", "-q"]) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r.get("path") for r in records[:2]] == [str(folder / "article-0.txt"), str(folder / "article-1.txt")]
    assert "2 document(s)" in captured.err  # the summary goes where --json - puts it
    assert main(["check", str(folder / "article-0.txt"), "--jobs", "2"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("article-0.txt:") and "[" in out[0] and out[-1].startswith("1 document(s)")


def test_cli_named_bad_file_and_usage_errors(folder, capsys):
    assert main(["check", str(folder / BAD), str(folder / "article-0.txt"), "--jobs", "2", "-q"]) == 2
    assert f"reviewer-cli: error: {folder / BAD}:" in capsys.readouterr().err
    for extra, message in ((["--json", "-"], "--json needs the whole batch"), (["--jobs", "0"], "at least 1"), (["--checks", "nope"], "unknown check")):
        assert main(["check", str(folder), "--jsonl", "-", *extra]) == 2
        assert message in capsys.readouterr().err


def test_scheduler_without_dask_is_a_clear_error(folder, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ReviewerError, match="reviewer\\[distributed\\]"):
        check_files_dask([folder], [SHIPPED_TERMBASE])
    assert main(["check", str(folder), "--scheduler", "local"]) == 2
    assert "needs Dask distributed" in capsys.readouterr().err


def test_dask_local_cluster_gives_the_same_findings(folder, shipped_termbase):
    pytest.importorskip("distributed")
    records = list(check_files_dask([folder], [SHIPPED_TERMBASE], scheduler="local", jobs=2))
    assert sorted(r["path"] for r in records) == sorted(str(p) for p in collect_inputs([folder]))  # completion order
    for r in records:
        if r["path"].endswith(BAD):
            assert "error" in r
        else:
            assert r["findings"] == single_process(Path(r["path"]), shipped_termbase)


def test_finding_ids_are_stable_and_the_workbooks(shipped_termbase, sample_path):
    """Issue 16: every finding has a stable id, the same in two runs, in the JSON report and on the
    workbook's Findings sheet."""
    from reviewer.core.review import make_review
    from reviewer.core.workbook import finding_id

    first = make_review([read_document(sample_path)], [shipped_termbase]).run_checks()
    second = make_review([read_document(sample_path)], [shipped_termbase]).run_checks()
    ids = [f.id for f in first]
    assert ids == [f.id for f in second] and len(set(ids)) == len(ids)
    assert [finding_json(f)["id"] for f in first] == ids == [finding_id(f) for f in first]
    assert all(i.startswith("F") and len(i) == 9 for i in ids)
