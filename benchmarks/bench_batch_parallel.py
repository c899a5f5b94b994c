#!/usr/bin/env python3
"""Archive-scale benchmark (issue 8): check N articles of about 800 words on 1 core, on every
core, and on a Dask local cluster (when Dask distributed is installed).

Articles are cut from the bundled sample's sentences (shuffled, so the terms and MT errors recur)
and written to a temporary folder as plain text. Each configuration runs in a fresh process
(so its peak memory is its own) and streams the records as the CLI does with ``--jsonl``
(serialised to JSON, written to the null device). Prints, per configuration: articles per
second, the cores kept busy (CPU seconds per second), the start-up time, the peak RSS of the checking process and of its largest worker
(``resource.getrusage`` of self and children), the RSS of the checking process after 10 % and
after all of the articles (flat memory: the two should be close), and the speed-up over 1 core.
Nothing is asserted.

Run: .venv/bin/python benchmarks/bench_batch_parallel.py [ARTICLES (default 10000)] [--words 800] [--jobs N] [--no-dask]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.paths import SAMPLE_ARTICLE, SHIPPED_TERMBASE  # noqa: E402
from reviewer.core.readers import read_document  # noqa: E402


def write_articles(folder: Path, n: int, words: int) -> int:
    """``n`` articles of about ``words`` words each in ``folder``; returns the words written."""
    sentences = [s.target for s in read_document(SAMPLE_ARTICLE).segments]
    rng = random.Random(8)
    total = 0
    for i in range(n):
        chosen, count = [], 0
        while count < words:
            sentence = rng.choice(sentences)
            chosen.append(sentence)
            count += len(sentence.split())
        paragraphs = [" ".join(chosen[k : k + 3]) for k in range(0, len(chosen), 3)]
        total += count
        sub = folder / f"{i // 1000:02}"  # an archive has folders; 1,000 files each
        sub.mkdir(exist_ok=True)
        (sub / f"article-{i:05}.txt").write_text(f"Date: 2023-01-{1 + i % 28:02}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return total


def current_rss_mb() -> float:
    """This process's resident set size now (Linux ``/proc``; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_one(mode: str, folder: Path, jobs: int) -> None:
    """One configuration, in this (fresh) process; prints one JSON line of results."""
    from reviewer.core.batch import BatchSummary, check_files, check_files_dask

    samples: dict[str, float] = {}
    n = sum(1 for _ in folder.rglob("*.txt"))

    def progress(done: int, total: int, label: str) -> None:
        if done == max(1, total // 10):
            samples["rss_10pct"] = current_rss_mb()

    t0 = time.perf_counter()
    if mode == "dask":
        records = check_files_dask([folder], [SHIPPED_TERMBASE], scheduler="local", jobs=jobs, progress=progress)
    else:
        records = check_files([folder], [SHIPPED_TERMBASE], jobs=jobs, progress=progress)
    summary = BatchSummary()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for rec in records:
            if not summary.documents + summary.errors:
                samples["first_seconds"] = time.perf_counter() - t0  # start-up: pool or cluster, termbase
            summary.add(rec)
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
        samples["rss_end"] = current_rss_mb()
        elapsed = time.perf_counter() - t0
    kb = 1024 if sys.platform != "darwin" else 1024 * 1024
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "mode": mode,
        "jobs": jobs,
        "articles": n,
        "documents": summary.documents,
        "errors": summary.errors,
        "segments": summary.segments,
        "findings": summary.findings,
        "seconds": elapsed,
        "cpu_seconds": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime,
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0,
        "peak_self_mb": me.ru_maxrss / kb,
        "peak_children_mb": children.ru_maxrss / kb,
        **samples,
    }
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cores for the parallel runs (default: all)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask local cluster")
    parser.add_argument("--run", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args()
    if args.run:
        run_one(args.run[0], Path(args.run[1]), args.jobs)
        return
    modes = [("pool", 1), ("pool", args.jobs)]
    if not args.no_dask and importlib.util.find_spec("distributed") is not None:
        modes.append(("dask", args.jobs))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        words = write_articles(folder, args.articles, args.words)
        print(f"{args.articles:,} articles, {words:,} words ({words / args.articles:.0f} per article), written in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores")
        results = []
        for mode, jobs in modes:
            cmd = [sys.executable, __file__, "--run", mode, str(folder), "--jobs", str(jobs)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    base = results[0]["seconds"]
    print(f"{'configuration':24} {'seconds':>8} {'articles/s':>10} {'speed-up':>8} {'cores busy':>10} {'start-up':>8} {'peak self':>10} {'peak worker':>11} {'RSS at 10%':>10} {'at 100%':>8}  findings")
    for r in results:
        name = "1 core (in process)" if r["jobs"] == 1 else f"{r['jobs']} {'Dask workers' if r['mode'] == 'dask' else 'processes'}"
        print(
            f"{name:24} {r['seconds']:8.1f} {r['articles'] / r['seconds']:10.1f} {base / r['seconds']:7.2f}× {r['cpu_seconds'] / r['seconds']:10.2f} {r['first_seconds']:6.2f} s "
            f"{r['peak_self_mb']:8.0f} MB {r['peak_children_mb']:8.0f} MB {r.get('rss_10pct', 0):7.0f} MB {r['rss_end']:5.0f} MB  {r['findings']:,}"
        )
    loads = ", ".join(f"{r['load']:.1f}" for r in results)
    print(f"cores busy: CPU seconds of the run and its workers per wall-clock second; load average at the end of each: {loads}")
    print("start-up: until the first record (pool or cluster started, termbase loaded and matched, first article checked)")
    print("(another program busy on the machine shows as a load above the cores busy, and holds back the speed-up)")
    if len({r["findings"] for r in results}) > 1:
        print("warning: the configurations found different numbers of findings")


if __name__ == "__main__":
    main()
