#!/usr/bin/env python3
"""Ingest throughput: `dipdoc ingest` against plain Xapian indexing (bench/xapian_baseline) of the same
synthetic corpus, both into a fresh index. Reports documents per second, the ratio and peak memory, and
writes the table into README.md between the <!-- bench:ingest --> markers.

Usage: bench/ingest_throughput.py [N]   (default 20000 documents; run scripts/build.sh first)
"""
import os
import re
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


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    dipdoc = os.path.join(ROOT, "build", "dipdoc")
    baseline = os.path.join(ROOT, "build", "bench", "xapian_baseline")
    with tempfile.TemporaryDirectory(prefix="dipdoc-bench-") as work:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_corpus.py"), corpus, str(n)], check=True)
        megabytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs) / 2**20
        base_s, base_mb = run([baseline, os.path.join(work, "baseline-db"), corpus])
        dip_s, dip_mb = run([dipdoc, "ingest", "--db", os.path.join(work, "dipdoc-db"), corpus])
        again_s, _ = run([dipdoc, "ingest", "--db", os.path.join(work, "dipdoc-db"), corpus])

    rows = [
        ("plain Xapian, 1 thread (baseline)", n / base_s, base_mb),
        (f"dipdoc ingest, {os.cpu_count()} workers", n / dip_s, dip_mb),
        ("dipdoc ingest again (all unchanged)", n / again_s, None),
    ]
    table = [f"{n} synthetic documents ({megabytes:.1f} MB of text, vi/en/fr), {os.cpu_count()} cores, "
             f"measured {time.strftime('%Y-%m-%d')}:", "",
             "| run | documents/s | peak memory |", "| --- | ---: | ---: |"]
    for name, rate, mb in rows:
        table.append(f"| {name} | {rate:,.0f} | {f'{mb:.0f} MiB' if mb else '-'} |")
    table += ["", f"dipdoc / baseline: {base_s / dip_s:.2f}x the baseline's throughput "
              "(dipdoc also sniffs, decodes, normalises and profiles each file, extracts partners, numbers, dates and commitments, checks for unchanged files and stores the full record)."]
    text = "\n".join(table)
    print(text)

    readme = os.path.join(ROOT, "README.md")
    content = open(readme, encoding="utf-8").read()
    new = re.sub(r"<!-- bench:ingest -->.*?<!-- /bench:ingest -->",
                 f"<!-- bench:ingest -->\n{text}\n<!-- /bench:ingest -->", content, flags=re.S)
    open(readme, "w", encoding="utf-8").write(new)


if __name__ == "__main__":
    main()
