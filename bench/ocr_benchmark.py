#!/usr/bin/env python3
"""OCR accuracy and speed: dipdoc against tesseract run by hand on the same page images.

Renders the project's letters and call notes with scripts/render_scans.py (each page clean at 300 dpi and
hard: skewed, noisy, 150-180 dpi JPEG), then for every page image:
  baseline  `tesseract IMAGE - -l vie+eng+fra` with OMP_THREAD_LIMIT=1, one page after another;
  dipdoc    `build/dipdoc extract --json IMAGE`, its "text" and "ocr" fields.
Character error rate (CER) = Levenshtein distance / reference length, over NFC text with white space
collapsed. Throughput: N page images (clean and hard mixed) copied into one folder and ingested by
`build/dipdoc ingest` (both cores), against the baseline's sequential time for the same N pages.
Prints a Markdown report; with --write-readme also writes it into README.md between the
<!-- bench:ocr --> markers. When dipdoc cannot OCR an image, its figures are reported as missing.

Usage: bench/ocr_benchmark.py [--pages N] [--write-readme] [--dipdoc PATH]   (N >= 8, default all images)
"""
import argparse
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGUAGES = "vie+eng+fra"
TIMEOUT = 600                                   # seconds for one command; a hung run is a failure
TARGET_CER = 0.02
TARGET_SPEEDUP = 1.6
LOAD_AT_START = os.getloadavg()[0]              # other work on the machine skews the timings: say how much


def normalise(text):
    """NFC, every run of white space (no-break spaces and form feeds included) one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def levenshtein(a, b):
    """Edit distance (insert, delete, substitute: 1 each), two rows of the DP table."""
    while a and b and a[0] == b[0]:             # a shared prefix and suffix cost nothing
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] * (len(b) + 1)
        left = i
        for j, cb in enumerate(b):
            best = previous[j] + (ca != cb)
            up = previous[j + 1] + 1
            if up < best:
                best = up
            if left + 1 < best:
                best = left + 1
            current[j + 1] = left = best
        previous = current
    return previous[-1]


def timed(args, env=None):
    """(seconds, CompletedProcess) of one command; a time-out gives returncode None."""
    started = time.monotonic()
    try:
        proc = subprocess.run(args, capture_output=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        proc = subprocess.CompletedProcess(args, None, e.stdout or b"", b"timed out")
    except OSError as e:                        # the binary is missing or not executable
        proc = subprocess.CompletedProcess(args, None, b"", str(e).encode())
    return time.monotonic() - started, proc


def failure(proc):
    """Why a command failed, in one line."""
    if proc.returncode is None:
        return proc.stderr.decode(errors="replace")
    try:
        return json.loads(proc.stdout).get("error") or f"exit status {proc.returncode}"
    except (ValueError, AttributeError):
        last = proc.stderr.decode(errors="replace").strip().splitlines()
        return last[-1] if last else f"exit status {proc.returncode}"


def render(folder):
    """Page images rendered into folder: [{"page", "kind", "image", "reference"}], clean before hard."""
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "render_scans.py"), folder],
                   check=True, stdout=subprocess.DEVNULL)
    pages = []
    for file in sorted(os.listdir(folder)):
        match = re.fullmatch(r"(.+\.p\d+)\.(clean\.png|hard\.jpg)", file)
        if match:
            with open(os.path.join(folder, match[1] + ".txt"), encoding="utf-8") as f:
                reference = normalise(f.read())
            pages.append({"page": match[1], "kind": match[2].split(".")[0],
                          "image": os.path.join(folder, file), "reference": reference})
    return pages


def run_baseline(page):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    seconds, proc = timed(["tesseract", page["image"], "-", "-l", LANGUAGES], env)
    if proc.returncode != 0:
        sys.exit(f"tesseract failed on {page['image']}: {failure(proc)}")
    page["base_seconds"] = seconds
    page["base_distance"] = levenshtein(page["reference"], normalise(proc.stdout.decode("utf-8", "replace")))


CACHE_HOME = tempfile.mkdtemp(prefix="dipdoc-ocr-bench-cache-")  # every page read afresh, not from a cache
atexit.register(shutil.rmtree, CACHE_HOME, True)


def dipdoc_env():
    """The caller's environment without OMP_THREAD_LIMIT (dipdoc has to set its own threading), with an
    empty cache folder of its own, so no page is served from an earlier run's OCR cache."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    env["XDG_CACHE_HOME"] = CACHE_HOME
    return env


def run_dipdoc(dipdoc, page):
    """Fills page's dipdoc figures; returns why they are missing, or None."""
    _, proc = timed([dipdoc, "extract", "--json", page["image"]], dipdoc_env())
    if proc.returncode != 0:
        return failure(proc)
    try:
        record = json.loads(proc.stdout)
    except ValueError:
        return "extract --json printed no JSON"
    text = record.get("text")
    if not isinstance(text, str):
        return "no text in its record"
    if not text.strip() and not record.get("ocr"):     # nothing read, and no OCR tried: cannot OCR
        return "no text and no OCR in its record"
    page["dip_distance"] = levenshtein(page["reference"], normalise(text))
    page["confidence"] = (record.get("ocr") or {}).get("mean_confidence")
    return None


def run_dipdoc_batch(dipdoc, batch, work):
    """(seconds, None) for `dipdoc ingest` of the batch, or (None, why it failed)."""
    folder = os.path.join(work, "batch")
    os.makedirs(folder)
    for page in batch:
        shutil.copy(page["image"], folder)
    seconds, proc = timed([dipdoc, "ingest", "--json", "--db", os.path.join(work, "dipdoc-db"), folder],
                          dipdoc_env())
    try:
        result = json.loads(proc.stdout)
    except ValueError:
        return None, failure(proc)
    if proc.returncode != 0 or result.get("failed") or result.get("ingested") != len(batch):
        failed = result.get("failed") or [{}]
        return None, (f"ingested {result.get('ingested')} of {len(batch)}, exit status {proc.returncode}"
                      + (f": {failed[0].get('error')}" if failed[0].get("error") else ""))
    return seconds, None


def pick_batch(pages, n):
    """n page images, clean and hard taking turns, spread over the documents."""
    clean = [p for p in pages if p["kind"] == "clean"]
    hard = [p for p in pages if p["kind"] == "hard"]
    mixed = [p for pair in zip(clean, hard[1:] + hard[:1]) for p in pair]
    mixed += [p for p in pages if p not in mixed]
    return mixed[:n]


def percent(distance, length):
    return "-" if distance is None else f"{100 * distance / max(length, 1):.2f}%"


def cer(page, key):
    return page.get(key, 0) / max(len(page["reference"]), 1)


def report(pages, batch, base_batch_s, dip_batch_s, dip_missing, batch_missing):
    dipdoc_ok = dip_missing is None
    lines = [f"{len(pages)} page images of {len({p['page'].split('.p')[0] for p in pages})} letters and call "
             f"notes rendered by `scripts/render_scans.py` (clean: 300 dpi; hard: skewed 2-3 degrees, noisy, "
             f"150-180 dpi JPEG), `tesseract IMAGE - -l {LANGUAGES}` with OMP_THREAD_LIMIT=1 as the baseline, "
             f"{os.cpu_count()} cores (load average {LOAD_AT_START:.1f} at the start), "
             f"measured {time.strftime('%Y-%m-%d')}:", "",
             "| page | kind | CER tesseract | CER dipdoc | confidence |", "| --- | --- | ---: | ---: | ---: |"]
    for p in pages:
        confidence = p.get("confidence")
        lines.append(f"| {p['page']} | {p['kind']} | {percent(p['base_distance'], len(p['reference']))} | "
                     f"{percent(p.get('dip_distance'), len(p['reference']))} | "
                     f"{'-' if confidence is None else f'{confidence:.2f}'} |")

    def summary(key, kind=None):
        chosen = [p for p in pages if kind in (None, p["kind"])]
        if not chosen or any(key not in p for p in chosen):
            return "missing"
        total = sum(p[key] for p in chosen) / max(sum(len(p["reference"]) for p in chosen), 1)
        worst = max(chosen, key=lambda p: cer(p, key))
        return f"{100 * total:.2f}% (worst {100 * cer(worst, key):.2f}%, {worst['page']})"

    base_rate = len(batch) * 60 / base_batch_s
    dip_rate = len(batch) * 60 / dip_batch_s if dip_batch_s else None
    lines += ["", "| | tesseract (baseline) | dipdoc |", "| --- | --- | --- |"]
    for kind in ("clean", "hard"):
        lines.append(f"| CER, {kind} pages (all characters) | {summary('base_distance', kind)} | "
                     f"{summary('dip_distance', kind)} |")
    lines.append(f"| pages per minute, {len(batch)} pages | {base_rate:.1f} (one after another) | "
                 + (f"{dip_rate:.1f} (`dipdoc ingest`)" if dip_rate else "missing") + " |")

    def verdict(ok):
        return "met" if ok else "NOT met"
    if dipdoc_ok:
        no_worse = [p["page"] + " " + p["kind"] for p in pages if p["dip_distance"] > p["base_distance"]]
        over = [p["page"] + " " + p["kind"] for p in pages if cer(p, "dip_distance") >= TARGET_CER]
        targets = [f"- dipdoc no worse than tesseract on any page: {verdict(not no_worse)}"
                   + (f" (worse on {', '.join(no_worse)})" if no_worse else ""),
                   f"- under {100 * TARGET_CER:.0f}% CER on every page: {verdict(not over)}"
                   + (f" ({', '.join(over)})" if over else "")]
    else:
        targets = ["- dipdoc no worse than tesseract on any page: unmeasured",
                   f"- under {100 * TARGET_CER:.0f}% CER on every page: unmeasured "
                   f"(tesseract alone: {sum(cer(p, 'base_distance') < TARGET_CER for p in pages)} of "
                   f"{len(pages)} pages)"]
    if dip_rate:
        targets.append(f"- at least {TARGET_SPEEDUP}x the baseline's pages per minute: "
                       f"{verdict(dip_rate >= TARGET_SPEEDUP * base_rate)} ({dip_rate / base_rate:.2f}x)")
    else:
        targets.append(f"- at least {TARGET_SPEEDUP}x the baseline's pages per minute: unmeasured")
    lines += ["", "Targets:", *targets]
    if not dipdoc_ok:
        lines += ["", f"dipdoc's figures are missing: it cannot OCR these images yet ({dip_missing})."]
    elif batch_missing:
        lines += ["", f"dipdoc's throughput is missing: `dipdoc ingest` failed ({batch_missing})."]
    return "\n".join(lines)


def write_readme(text):
    readme = os.path.join(ROOT, "README.md")
    with open(readme, encoding="utf-8") as f:
        content = f.read()
    block = f"<!-- bench:ocr -->\n{text}\n<!-- /bench:ocr -->"
    if "<!-- bench:ocr -->" in content:
        content = re.sub(r"<!-- bench:ocr -->.*?<!-- /bench:ocr -->", lambda _: block, content, flags=re.S)
    else:                                       # a new subsection at the end of "## Benchmarks"
        section = "### OCR accuracy and speed (`bench/ocr_benchmark.py`)\n\n" + block + "\n"
        start = content.find("\n## Benchmarks")
        if start < 0:
            sys.exit("README.md has no '## Benchmarks' section")
        end = content.find("\n## ", start + 1)
        end = len(content) if end < 0 else end + 1
        body = content[:end].rstrip("\n") + "\n\n" + section
        content = body + ("\n" + content[end:] if end < len(content) else "")
    with open(readme, "w", encoding="utf-8") as f:
        f.write(content)


def main():
    parser = argparse.ArgumentParser(description="OCR accuracy and speed of dipdoc against tesseract.")
    parser.add_argument("--pages", type=int, help="page images in the throughput batch (>= 8; default all)")
    parser.add_argument("--write-readme", action="store_true", help="write the report into README.md")
    parser.add_argument("--dipdoc", default=os.path.join(ROOT, "build", "dipdoc"), metavar="PATH",
                        help="the dipdoc binary (default build/dipdoc)")
    args = parser.parse_args()
    if shutil.which("tesseract") is None:
        sys.exit("tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)")
    dipdoc = args.dipdoc

    with tempfile.TemporaryDirectory(prefix="dipdoc-ocr-bench-") as work:
        scans = os.path.join(work, "scans")
        pages = render(scans)
        n = args.pages or len(pages)
        if not 8 <= n <= len(pages):
            sys.exit(f"--pages must be between 8 and {len(pages)} (the rendered page images)")
        for p in pages:
            run_baseline(p)
            print(f"tesseract {p['page']} {p['kind']}: {p['base_seconds']:.1f} s, "
                  f"CER {percent(p['base_distance'], len(p['reference']))}", file=sys.stderr)

        dip_missing = None
        for p in pages:
            why = run_dipdoc(dipdoc, p)
            if why:
                dip_missing = dip_missing or f"{os.path.basename(p['image'])}: {why}"
                print(f"dipdoc {p['page']} {p['kind']}: missing ({why})", file=sys.stderr)
            else:
                print(f"dipdoc {p['page']} {p['kind']}: CER {percent(p['dip_distance'], len(p['reference']))}",
                      file=sys.stderr)

        batch = pick_batch(pages, n)
        base_batch_s = sum(p["base_seconds"] for p in batch)
        dip_batch_s, batch_missing = run_dipdoc_batch(dipdoc, batch, work)

    text = report(pages, batch, base_batch_s, dip_batch_s, dip_missing, batch_missing)
    print(text)
    if args.write_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
