#!/usr/bin/env python3
"""Ingest throughput: `dipdoc ingest` against plain Xapian indexing (bench/xapian_baseline) of the same
synthetic corpus, both into a fresh index. Reports documents per second, the ratio and peak memory, and
writes the table into README.md between the <!-- bench:ingest --> markers.

Then `dipdoc ingest` again into fresh indexes at each of --rss-sizes corpus sizes (default 10000 and 40000;
the smaller corpora are the first folders of the largest, which generate_corpus.py makes the same documents),
recording its peak resident memory (ru_maxrss of the child, from wait4) to show whether memory grows with
the corpus.

The baseline and dipdoc run --repeat times each, taking turns, each into a fresh index, and the table
shows the fastest run of each (and the slowest, so that the spread is visible): on a shared machine the
same run can take twice as long from one minute to the next, and the fastest run is the one least
disturbed.

Usage: bench/ingest_throughput.py [N] [--repeat R] [--rss-sizes A,B,...] [--build DIR]
       (default 20000 documents, 3 repeats; run scripts/build.sh first; --build defaults to build/)
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(args):
    """Wall seconds and peak resident memory (MiB) of one command."""
    started = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args[0]} failed with {status}")
    return seconds, usage.ru_maxrss / 1024


def size_of(paths):
    return sum(os.path.getsize(os.path.join(d, f)) for p in paths for d, _, fs in os.walk(p) for f in fs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=20000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, taking turns (default 3)")
    parser.add_argument("--rss-sizes", default="10000,40000",
                        help="comma-separated corpus sizes for the peak-memory runs; empty: none")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="build folder (default build/)")
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()
    n = args.n
    sizes = sorted({int(x) for x in args.rss_sizes.split(",") if x.strip()})
    dipdoc = os.path.join(args.build, "dipdoc")
    baseline = os.path.join(args.build, "bench", "xapian_baseline")
    generate = os.path.join(ROOT, "bench", "generate_corpus.py")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="dipdoc-bench-") as work:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, generate, corpus, str(n)], check=True)
        megabytes = size_of([corpus]) / 2**20
        base_runs, dip_runs = [], []
        for _ in range(max(1, args.repeat)):
            for db in ("baseline-db", "dipdoc-db"):
                shutil.rmtree(os.path.join(work, db), ignore_errors=True)
            base_runs.append(run([baseline, os.path.join(work, "baseline-db"), corpus]))
            dip_runs.append(run([dipdoc, "ingest", "--db", os.path.join(work, "dipdoc-db"), corpus]))
        base_s, base_mb = min(base_runs)
        dip_s, dip_mb = min(dip_runs)
        base_slowest = max(r[0] for r in base_runs)
        dip_slowest = max(r[0] for r in dip_runs)
        again_s, _ = run([dipdoc, "ingest", "--db", os.path.join(work, "dipdoc-db"), corpus])
        shutil.rmtree(corpus)

        memory = []  # (documents, MB of text, seconds, peak MiB)
        if sizes:
            big = os.path.join(work, "rss-corpus")
            subprocess.run([sys.executable, generate, big, str(sizes[-1])], check=True)
            folders = sorted(os.listdir(big))
            for size in sizes:
                parts = [os.path.join(big, f) for f in folders[:(size + 999) // 1000]]
                db = os.path.join(work, f"rss-db-{size}")
                seconds, peak = run([dipdoc, "ingest", "--db", db] + parts)
                memory.append((size, size_of(parts) / 2**20, seconds, peak))
                shutil.rmtree(db)

    rows = [
        ("plain Xapian, 1 thread (baseline)", n / base_s, n / base_slowest, base_mb),
        (f"dipdoc ingest, {os.cpu_count()} threads (the writer one of them)", n / dip_s, n / dip_slowest, dip_mb),
        ("dipdoc ingest again (all unchanged)", n / again_s, None, None),
    ]
    table = [f"{n} synthetic documents ({megabytes:.1f} MB of text, vi/en/fr), {os.cpu_count()} cores, "
             f"load average {load:.1f} at the start, best of {len(base_runs)} runs each taken in turns, "
             f"measured {time.strftime('%Y-%m-%d')}:", "",
             "| run | documents/s (best) | (slowest run) | peak memory |", "| --- | ---: | ---: | ---: |"]
    for name, rate, slowest, mb in rows:
        table.append(f"| {name} | {rate:,.0f} | {f'{slowest:,.0f}' if slowest else '-'} | "
                     f"{f'{mb:.0f} MiB' if mb else '-'} |")
    table += ["", f"dipdoc / baseline: {base_s / dip_s:.2f}x the baseline's throughput "
              "(dipdoc also sniffs, decodes, normalises and profiles each file, extracts partners, numbers, dates and commitments, checks for unchanged files and stores the full record)."]
    if memory:
        table += ["", "Peak memory of `dipdoc ingest` by corpus size (each into a fresh index, same generator and seed; "
                  "peak resident set of the process from wait4):", "",
                  "| documents | MB of text | seconds | documents/s | peak memory |", "| ---: | ---: | ---: | ---: | ---: |"]
        for size, mb, seconds, peak in memory:
            table.append(f"| {size:,} | {mb:.1f} | {seconds:.1f} | {size / seconds:,.0f} | {peak:.0f} MiB |")
        (s0, _, _, m0), (s1, _, _, m1) = memory[0], memory[-1]
        if s1 > s0:
            growth = (m1 - m0) / m0
            verdict = ("grows with the corpus" if growth > 0.25 else "stays about flat")
            table += ["", f"{s1 / s0:.0f}x the documents, {m1 / m0:.2f}x the peak memory ({m0:.0f} to {m1:.0f} MiB): "
                      f"peak memory {verdict}."]
    text = "\n".join(table)
    print(text)

    if args.no_readme:
        return
    readme = os.path.join(ROOT, "README.md")
    content = open(readme, encoding="utf-8").read()
    new = re.sub(r"<!-- bench:ingest -->.*?<!-- /bench:ingest -->",
                 f"<!-- bench:ingest -->\n{text}\n<!-- /bench:ingest -->", content, flags=re.S)
    open(readme, "w", encoding="utf-8").write(new)


if __name__ == "__main__":
    main()
