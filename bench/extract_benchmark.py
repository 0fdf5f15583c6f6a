#!/usr/bin/env python3
"""Extraction speed: MB of normalised text per second per core through nlp's Extractor (partners, numbers,
dates, quantities, commitments), on the project's corpus and the seeds, read once and extracted over and
over (bench/extract_throughput.cc), with one thread and with one per core. Prints a Markdown report; with
--write-readme also writes it into README.md between the <!-- bench:extract --> markers.

Usage: bench/extract_benchmark.py [--megabytes M] [--write-readme]   (run scripts/build.sh first)
"""
import argparse
import datetime
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, files, threads, megabytes):
    out = subprocess.run([binary, "--threads", str(threads), "--megabytes", str(megabytes)] + files,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=32, help="text extracted per thread (default 32)")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    binary = os.path.join(ROOT, "build", "bench", "extract_throughput")
    files = sorted(glob.glob(os.path.join(ROOT, "corpora", "documents", "*")))
    files += sorted(glob.glob(os.path.join(ROOT, "..", "shared", "seeds", "*.txt")))
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0]
    one = run(binary, files, 1, args.megabytes)
    many = run(binary, files, cores, args.megabytes)
    lines = [
        f"{one['documents']} documents (the corpus and the seeds, {len(files)} files), extracted over and over; "
        f"{cores} cores, load average {load:.1f} at the start, measured {datetime.date.today()}:",
        "",
        "| threads | MB of text | seconds | MB/s | MB/s per core | documents/s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in (one, many):
        lines.append(f"| {r['threads']} | {r['megabytes']:.0f} | {r['seconds']:.1f} | {r['mb_per_s']:.2f} | "
                     f"{r['mb_per_s_per_thread']:.2f} | {r['documents_per_s']:,.0f} |")
    report = "\n".join(lines)
    print(report)
    if args.write_readme:
        path = os.path.join(ROOT, "README.md")
        with open(path, encoding="utf-8") as f:
            readme = f.read()
        block = f"<!-- bench:extract -->\n{report}\n<!-- /bench:extract -->"
        if "<!-- bench:extract -->" not in readme:
            sys.exit("README.md has no <!-- bench:extract --> markers")
        readme = re.sub(r"<!-- bench:extract -->.*?<!-- /bench:extract -->", lambda _: block, readme, flags=re.S)
        with open(path, "w", encoding="utf-8") as f:
            f.write(readme)


if __name__ == "__main__":
    main()
