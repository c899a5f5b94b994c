"""The window's command: --version, and the hidden --smoke-test the install tests use."""

import os
import re
import subprocess
import sys

import pytest

import reviewer
from reviewer.gui.app import main


def test_gui_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"tifa-reviewer {reviewer.__version__}"


def test_smoke_test_opens_checks_and_quits(tmp_path, sample_path):
    # a process of its own: main() leaves through os._exit
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), REVIEWER_LOG_DIR=str(tmp_path / "logs"))
    done = subprocess.run([sys.executable, "-m", "reviewer", "--smoke-test", str(sample_path)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = re.search(r"smoke test: 1 documents, 20 segments, (\d+) findings", done.stdout)
    assert found and int(found.group(1)) > 0, done.stdout
