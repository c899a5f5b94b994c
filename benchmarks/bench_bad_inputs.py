#!/usr/bin/env python3
"""The huge bad inputs of tests/data/bad/make_corpus.py: time and peak memory of each read.

Each case is made in a temporary folder and read in a fresh process (so the peak memory is its
own), with the reader the test suite uses. Prints one line a case: the time to make it, the
time to read (or refuse) it, the peak resident memory of the reading process, and the outcome.

Run: .venv/bin/python benchmarks/bench_bad_inputs.py [CASE...]   (default: every case)
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
MAKE_CORPUS = ROOT / "tests" / "data" / "bad" / "make_corpus.py"

_CHILD = """
import json, resource, sys, time
from pathlib import Path


def peak_mib():
    try:  # VmHWM belongs to this process image (ru_maxrss may carry the parent's peak over a fork)
        line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


from reviewer.core.errors import ReviewerError
from reviewer.core.readers import read_document
from reviewer.core.termbase import load_termbase
path = Path(sys.argv[1])
termbase = path.suffix == ".tbx" or path.name.startswith("concepts")
start = time.perf_counter()
try:
    result = load_termbase(path) if termbase else read_document(path)
    outcome = f"read: {len(result.concepts)} concepts" if termbase else f"read: {len(result.segments)} segments"
except ReviewerError as exc:
    outcome = "refused: " + getattr(exc, "reason", str(exc))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mib": peak_mib(), "outcome": outcome}))
"""


def _make_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", MAKE_CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    make_corpus = _make_corpus()
    names = argv or list(make_corpus.HUGE)
    unknown = [n for n in names if n not in make_corpus.HUGE]
    if unknown:
        print(f"unknown case(s) {', '.join(unknown)}; cases: {', '.join(make_corpus.HUGE)}")
        return 2
    baseline = subprocess.run(
        [sys.executable, "-c", "import resource, reviewer.core.readers, reviewer.core.termbase; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"],
        capture_output=True, text=True, check=True,
    )
    print(f"peak memory of a process that only imports the readers: {float(baseline.stdout):.0f} MiB")
    print(f"{'case':28} {'make':>7} {'read':>8} {'peak':>9}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            start = time.perf_counter()
            path = make_corpus.write_huge(Path(folder), [name])[0]
            made = time.perf_counter() - start
            run = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=False)
            if run.returncode != 0:
                print(f"{name:28} {made:6.1f}s  crashed: {run.stderr.strip().splitlines()[-1] if run.stderr.strip() else run.returncode}")
            else:
                r = json.loads(run.stdout.strip().splitlines()[-1])
                print(f"{name:28} {made:6.1f}s {r['seconds']:7.2f}s {r['peak_mib']:6.0f} MiB  {r['outcome'][:90]}")
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
