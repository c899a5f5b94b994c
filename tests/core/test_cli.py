import json
from pathlib import Path
import subprocess
import sys

import openpyxl
import pytest

from reviewer.cli import main


def test_findings_exit_1_and_json_shape(sample_path, mini_tbx, tmp_path, capsys):
    out = tmp_path / "r.json"
    code = main(["check", str(sample_path), "--glossary", str(mini_tbx), "--json", str(out), "-q"])
    assert code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["termbase"] == {"paths": [str(mini_tbx)], "names": ["mini"], "concepts": 15}
    (doc,) = data["documents"]
    assert doc["path"] == str(sample_path)
    assert doc["metadata"] == {"date": "2023-01-19", "source": "Fuxin News Network"}
    assert doc["segments"][0]["id"] == "1" and doc["segments"][0]["source"] is None
    (f,) = [f for f in doc["findings"] if f["text"] == "two establishments"]
    seg = next(s for s in doc["segments"] if s["id"] == f["segment"])
    assert seg["target"][f["start"] : f["end"]] == "two establishments"
    assert f["check"] == "term-forbidden" and f["severity"] == "major"
    assert f["suggestion"] == "Two Establishes"
    assert f["term"]["source"] == "两个确立" and f["term"]["preferred"] == "Two Establishes"
    incons = [f for f in doc["findings"] if f["check"] == "term-inconsistent"]
    assert incons and all("term" in f and f["renderings"] for f in incons)
    assert "findings" in capsys.readouterr().out


def test_fail_on_threshold(tmp_path, mini_tbx):
    src = tmp_path / "a.txt"
    src.write_text("We studied the provincial party committee report.\n", encoding="utf-8")  # one minor finding
    assert main(["check", str(src), "--glossary", str(mini_tbx), "--fail-on", "major", "-q"]) == 0
    assert main(["check", str(src), "--glossary", str(mini_tbx), "--fail-on", "minor", "-q"]) == 1
    assert main(["check", str(src), "--glossary", str(mini_tbx), "--fail-on", "none", "-q"]) == 0


def test_clean_text_exits_0(tmp_path, mini_tbx, capsys):
    src = tmp_path / "a.txt"
    src.write_text("The Two Establishes were upheld.\n", encoding="utf-8")
    assert main(["check", str(src), "--glossary", str(mini_tbx)]) == 0
    assert "no findings" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.txt"], "no such file"),
        (["check", "{sample}", "--glossary", "missing.tbx"], "missing.tbx: no such file"),
        (["check", "{sample}", "--fail-on", "huge"], "unknown severity"),
        (["check"], "required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(args, message, sample_path, capsys):
    args = [a.replace("{sample}", str(sample_path)) for a in args]
    with pytest.raises(SystemExit) if args in (["check"], ["frobnicate"]) else _nothing():
        code = main(args)
        assert code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_xlsx_output_and_no_silent_overwrite(sample_path, mini_tbx, tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    assert main(["check", str(sample_path), "--glossary", str(mini_tbx), "--xlsx", str(out), "-q"]) == 1
    assert openpyxl.load_workbook(out).sheetnames == ["Summary", "Segments", "Findings", "Term renderings", "Glossary suggestions", "_reviewer"]
    assert main(["check", str(sample_path), "--glossary", str(mini_tbx), "--xlsx", str(out), "-q"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["check", str(sample_path), "--glossary", str(mini_tbx), "--xlsx", str(out), "--force", "-q"]) == 1


def test_entry_point_runs_as_a_process(sample_path, mini_tbx):
    done = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "check", str(sample_path), "--glossary", str(mini_tbx), "--json", "-", "-q"],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["documents"][0]["findings"]
    bad = subprocess.run([sys.executable, "-m", "reviewer.cli", "check", "nope.txt", "--glossary", str(mini_tbx)], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--json", "{out}/same", "--xlsx", "{out}/same"], "the same file"),
        (["--json", ""], "needs a file name"),
        (["--json", "{out}"], "is a folder"),
        (["--json", "{sample}"], "one of the inputs"),
        (["--xlsx", "{out}/r.csv"], ".xlsx"),
        (["--xlsx", "{out}/missing/r.xlsx"], "does not exist"),
        (["{sample}"], "given twice"),
    ],
)
def test_output_problems_are_refused_before_any_work(extra, message, sample_path, mini_tbx, tmp_path, capsys):
    extra = [a.replace("{out}", str(tmp_path)).replace("{sample}", str(sample_path)) for a in extra]
    positional = [a for a in extra if a == str(sample_path) and extra[0] == a]
    options = extra[len(positional):]
    args = ["check", str(sample_path), *positional, "--glossary", str(mini_tbx), "--force", "-q", *options]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert sample_path.read_text(encoding="utf-8").startswith(" date 2023-01-19")


def test_broken_pipe_is_quiet(sample_path, mini_tbx):
    done = subprocess.run(
        f"{sys.executable} -m reviewer.cli check '{sample_path}' --glossary '{mini_tbx}' | head -1",
        shell=True, capture_output=True, text=True,
    )
    assert "Traceback" not in done.stderr and done.stdout.count("\n") == 1


def test_ascii_console_gets_escapes_not_a_crash(sample_path, mini_tbx):
    import os

    env = dict(os.environ, PYTHONIOENCODING="ascii")
    done = subprocess.run([sys.executable, "-m", "reviewer.cli", "check", str(sample_path), "--glossary", str(mini_tbx)], capture_output=True, text=True, env=env)
    assert done.returncode == 1 and "Traceback" not in done.stderr and "\\u201c" in done.stdout


def test_checks_can_be_chosen_and_reweighted(sample_path, mini_tbx, tmp_path):
    out = tmp_path / "r.json"
    assert main(["check", str(sample_path), "--glossary", str(mini_tbx), "--checks", "punctuation", "--json", str(out), "-q"]) == 1
    findings = json.loads(out.read_text(encoding="utf-8"))["documents"][0]["findings"]
    assert findings and {f["check"] for f in findings} == {"punctuation"}
    assert main(["check", str(sample_path), "--glossary", str(mini_tbx), "--checks", "punctuation", "--severity", "punctuation=neutral", "-q"]) == 0
    out2 = tmp_path / "r2.json"
    main(["check", str(sample_path), "--glossary", str(mini_tbx), "--skip", "punctuation,repetition", "--json", str(out2), "-q"])
    checks = {f["check"] for f in json.loads(out2.read_text(encoding="utf-8"))["documents"][0]["findings"]}
    assert "punctuation" not in checks and "repetition" not in checks and "term-nonstandard" in checks


@pytest.mark.parametrize("args", [["--checks", "nope"], ["--skip", "x"], ["--severity", "punctuation=huge"], ["--severity", "zzz=minor"]])
def test_bad_check_settings(args, sample_path, capsys):
    assert main(["check", str(sample_path), *args]) == 2
    assert "error" in capsys.readouterr().err


def test_folder_is_one_batch_of_every_readable_file(tmp_path, capsys):
    import shutil

    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(Path(__file__).parent.parent / "data" / "bilingual" / "mt-1.2.xlf", folder / "a.xlf")
    shutil.copy(Path(__file__).parent.parent / "data" / "bilingual" / "memory.tmx", folder / "sub" / "b.tmx")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not a format reviewer reads: left out
    (folder / ".hidden.txt").write_text("Hidden text.", encoding="utf-8")
    code = main(["check", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "a.xlf:1:" in out and "b.tmx:" in out and "2 document(s)" in out
    assert "unit 2 has 3 language variants" in out  # reader warnings are shown


def test_empty_folder_is_an_error(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "no file reviewer can read" in capsys.readouterr().err


def test_source_needs_exactly_one_input(tmp_path, capsys, sample_path):
    assert main(["check", str(sample_path), str(sample_path), "--source", str(sample_path)]) == 2
    assert "exactly one INPUT" in capsys.readouterr().err


def test_source_file_is_aligned_and_source_checks_run(tmp_path, capsys):
    mt = tmp_path / "mt.txt"
    zh = tmp_path / "zh.txt"
    mt.write_text(
        "The meeting stressed that we must understand the two establishments. "
        "Regional GDP reached 1.2 billion yuan.\n\nWe will promote rural revitalization.\n",
        encoding="utf-8",
    )
    zh.write_text("会议强调，要深刻领悟“两个确立”。地区生产总值达到1.2万亿元。\n\n全面推进乡村振兴。\n", encoding="utf-8")
    assert main(["check", str(mt), "--source", str(zh), "--json", "-", "-q"]) == 1
    data = json.loads(capsys.readouterr().out)
    (doc,) = data["documents"]
    assert [s["source"] for s in doc["segments"]] == ["会议强调，要深刻领悟“两个确立”。", "地区生产总值达到1.2万亿元。", "全面推进乡村振兴。"]
    checks = {f["check"] for f in doc["findings"]}
    assert {"term-forbidden", "number"} <= checks  # "1.2 billion" for 1.2万亿: a source-side check


def test_an_unreadable_file_in_a_folder_is_left_out_with_a_note(tmp_path, capsys, sample_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "en.txt").write_bytes(sample_path.read_bytes())
    (folder / "zh.txt").write_text("全面推进乡村振兴。\n", encoding="utf-8")  # the source beside its MT
    assert main(["check", str(folder), "-q"]) == 1
    captured = capsys.readouterr()
    assert "left out" in captured.err and "zh.txt" in captured.err and "Chinese text only" in captured.err
    assert "1 document(s)" in captured.out
    assert main(["check", str(folder / "zh.txt")]) == 2  # named on its own, it is an error


def test_json_segments_carry_their_unit(tmp_path, capsys):
    xlf = Path(__file__).parent.parent / "data" / "bilingual" / "mt-1.2.xlf"
    main(["check", str(xlf), "--json", "-", "-q"])
    (doc,) = json.loads(capsys.readouterr().out)["documents"]
    assert [s["unit"] for s in doc["segments"]] == ["0/u1", "0/u2"]


def test_export_and_import_review_through_a_project(tmp_path, capsys, sample_path):
    import openpyxl

    from reviewer.core.project import Project
    from reviewer.core.readers import read_document

    project_path = tmp_path / "p.reviewer"
    Project.create(project_path, [read_document(sample_path)]).close()
    book = tmp_path / "review.xlsx"
    assert main(["export-review", str(project_path), "-o", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    seg = wb["Segments"]
    row = next(r for r in range(2, seg.max_row + 1) if seg.cell(row=r, column=2).value == 3)
    seg.cell(row=row, column=7).value = "Edited in Excel."
    wb.save(book)
    assert main(["import-review", str(book), "--project", str(project_path), "--dry-run"]) == 0
    assert "Edited in Excel." in capsys.readouterr().out
    assert main(["import-review", str(book), "--project", str(project_path)]) == 0
    project = Project.open(project_path)
    assert project._conn.execute("SELECT text FROM corrections WHERE segment = '3'").fetchone() == ("Edited in Excel.",)
    project.close()
    other = tmp_path / "other.reviewer"
    Project.create(other, [read_document(sample_path)]).close()
    assert main(["import-review", str(book), "--project", str(other)]) == 2
    assert "another project" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [[], ["-j", "2", "--jsonl", "out.jsonl"]])
def test_a_symlink_loop_is_a_one_line_error(tmp_path, capsys, monkeypatch, jobs):
    """Issue 20: a link pointing back at itself gave a traceback (RuntimeError: Symlink loop)."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(tmp_path / "a.txt"), *jobs]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"tifa-reviewer-cli: error: {tmp_path / 'a.txt'}: the symbolic links of this path loop (a link points back to itself)"]


def test_a_file_name_that_is_not_utf8_is_reported_not_a_traceback(tmp_path, monkeypatch, capsys):
    """Issue 20: a Latin-1 file name (surrogates in Python) crashed --json, --xlsx and --jsonl."""
    import json as json_module
    import os

    import openpyxl

    name = tmp_path / os.fsdecode(b"finding-\xe9\xff.txt")
    name.write_text("We must uphold the two establishments.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", str(name), "--json", "out.json", "--xlsx", "out.xlsx", "--quiet"])
    assert code in (0, 1) and "Traceback" not in capsys.readouterr().err
    report = json_module.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["documents"][0]["path"].endswith("finding-\udce9\udcff.txt")  # the bytes, escaped in the JSON
    names = {c.value for row in openpyxl.load_workbook(tmp_path / "out.xlsx")["Findings"].iter_rows(min_row=2, max_col=2) for c in row}
    assert any(isinstance(v, str) and v.startswith("finding-") for v in names)
    assert main(["check", str(name), "-j", "2", "--jsonl", "out.jsonl", "--quiet"]) in (0, 1)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(json_module.loads(line) for line in lines)
