#!/usr/bin/env python3
"""Whole-process benchmark of `cvpress batch` (issue 6):

    python3 bench/batch.py build/cvpress [--docs 100] [--repeat 3] [--big 1000] [--dir DIR]

Renders the samples cycled to --docs documents in one batch at -j 1 and -j 2 and prints
documents/second, the scaling ratio, the median milliseconds per document (from --report)
and peak RSS (/usr/bin/time -v); then the same documents as one `cvpress render` process
each, for the ratio; then peak RSS of a --big batch against a 10-document batch. Every
figure is the median of --repeat runs (the machine is noisy). Outputs go to --dir (default:
a temporary folder on the same disk as /tmp), so fsync costs are included, as in real use."""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_inputs(folder, n):
    os.makedirs(folder, exist_ok=True)
    samples = sorted(f for f in os.listdir(os.path.join(ROOT, "samples")) if f.endswith(".md"))
    for f in os.listdir(os.path.join(ROOT, "samples")):
        if not f.endswith(".md"):  # images the samples show
            shutil.copy(os.path.join(ROOT, "samples", f), folder)
    paths = []
    for i in range(n):
        s = samples[i % len(samples)]
        dst = os.path.join(folder, f"d{i:04}-{s}")
        shutil.copy(os.path.join(ROOT, "samples", s), dst)
        paths.append(dst)
    return paths


def timed(cmd):
    """(seconds, peak RSS in KiB) of one process, via GNU time."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return seconds, rss


def run_batch(cvpress, inputs_dir, out, jobs, report=None):
    shutil.rmtree(out, ignore_errors=True)
    cmd = [cvpress, "batch", inputs_dir, "--out-dir", out, "-j", str(jobs), "--force"]
    if report:
        cmd += ["--report", report]
    return timed(cmd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cvpress")
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big", type=int, default=1000)
    ap.add_argument("--dir")
    a = ap.parse_args()
    cvpress = os.path.abspath(a.cvpress)
    work = a.dir or tempfile.mkdtemp(prefix="cvpress-bench-")
    inputs_dir = os.path.join(work, "in")
    inputs = make_inputs(inputs_dir, a.docs)
    out = os.path.join(work, "out")
    report = os.path.join(work, "report.jsonl")
    print(f"{a.docs} documents ({', '.join(sorted({os.path.basename(p).split('-', 1)[1] for p in inputs}))}), "
          f"median of {a.repeat} runs, outputs in {work}")

    results = {}
    for jobs in (1, 2):
        runs = [run_batch(cvpress, inputs_dir, out, jobs, report) for _ in range(a.repeat)]
        seconds = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs)
        with open(report, encoding="utf-8") as f:
            ms = statistics.median(json.loads(line)["ms"] for line in f)
        results[jobs] = seconds
        print(f"batch -j {jobs}: {seconds:6.2f} s  {a.docs / seconds:6.1f} documents/s  "
              f"{1000 * seconds / a.docs:6.1f} ms/document (wall)  median job {ms:5.1f} ms  "
              f"peak RSS {rss / 1024:5.1f} MiB")
    print(f"scaling -j 2 / -j 1: {results[1] / results[2]:.2f}x")

    runs = []
    for _ in range(a.repeat):
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        start = time.perf_counter()
        for p in inputs:
            subprocess.run([cvpress, "render", p, "-o", os.path.join(out, os.path.basename(p)[:-3] + ".pdf")],
                           check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    separate = statistics.median(runs)
    print(f"{a.docs} x `cvpress render`: {separate:6.2f} s  {a.docs / separate:6.1f} documents/s  "
          f"{1000 * separate / a.docs:6.1f} ms/document")
    print(f"per-document time, separate processes / batch -j 1: {separate / results[1]:.2f}x; "
          f"/ batch -j 2: {separate / results[2]:.2f}x")

    small_dir = os.path.join(work, "small")
    make_inputs(small_dir, 10)
    big_dir = os.path.join(work, "big")
    make_inputs(big_dir, a.big)
    small = statistics.median(run_batch(cvpress, small_dir, out, 2)[1] for _ in range(a.repeat))
    big_s, big = run_batch(cvpress, big_dir, out, 2)
    print(f"peak RSS at -j 2: 10 documents {small / 1024:.1f} MiB, {a.big} documents {big / 1024:.1f} MiB "
          f"({big / small:.2f}x; {a.big} documents in {big_s:.1f} s)")
    if not a.dir:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
