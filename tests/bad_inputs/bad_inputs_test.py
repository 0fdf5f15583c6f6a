#!/usr/bin/env python3
"""Bad input costs nothing else: a batch of real bad files (empty, binary, truncated, invalid UTF-8 and UTF-16,
NUL bytes, lying extensions, a 50 MB file, a single 5 MB line) goes through `dipdoc ingest` together with good
files. Each bad file is refused with its name and the reason, the good ones are ingested, nothing crashes,
the index stays consistent (a re-run changes nothing) and memory stays bounded.

Usage: bad_inputs_test.py DIPDOC        (exit 0 when every check holds)
The files are written by make_bad_inputs() into a temporary folder; the large ones are never committed.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

VIETNAMESE = "Bộ Ngoại giao trân trọng đề nghị Quý Đại sứ quán chuyển lời cảm ơn tới Chính phủ Nhật Bản. "

# file name -> None when it must be ingested, else a phrase its error must contain
EXPECTED = {
    "good.txt": None,
    "one_line_5mb.txt": None,
    "html_named.pdf": None,
    "latin1_french.txt": None,
    "empty.txt": "file is empty",
    "blank.txt": "no text",
    "binary.txt": "binary data",
    "nul_bytes.txt": "binary data",
    "png_named.txt": "binary data",
    "truncated_utf8.txt": "truncated UTF-8",
    "invalid_utf8.txt": "not valid UTF-8",
    "random_high_bytes.txt": "encoding not recognised",
    "truncated_utf16.txt": "UTF-16",
    "lone_surrogate_utf16.txt": "UTF-16",
    "huge_50mb.txt": "over the limit",
}


def make_bad_inputs(folder):
    rng = random.Random(7)
    files = {
        "good.txt": ("Hà Nội, ngày 05 tháng 10 năm 2021\n\n" + VIETNAMESE * 3).encode(),
        "one_line_5mb.txt": (VIETNAMESE * (5 * 2**20 // len(VIETNAMESE.encode()))).encode(),
        "html_named.pdf": b"<!DOCTYPE html><html><head><title>Press release</title></head><body><article><h1>"
                          b"Japan donates vaccine</h1><p>Japan will donate one million doses of AstraZeneca vaccine to "
                          b"Viet Nam, the embassy announced on Monday in Hanoi.</p></article></body></html>",
        "latin1_french.txt": "Hanoï, le 14 octobre 2021\n\nMonsieur le Ministre, la France a livré des doses à l'été."
                             .encode("cp1252"),
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n  \r\n",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "nul_bytes.txt": b"Kinh gui\x00\x00\x00 Dai su quan\x00",
        "png_named.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(512)),
        "truncated_utf8.txt": (VIETNAMESE * 20 + "Việt").encode()[:-2],  # ends inside "ệ"
        "invalid_utf8.txt": (VIETNAMESE * 10).encode() + b"\xff\xfe\xc0\xaf" + (VIETNAMESE * 10).encode(),
        "random_high_bytes.txt": bytes(rng.randrange(0x80, 0x100) for _ in range(4096)),
        "truncated_utf16.txt": b"\xff\xfe" + "Kính gửi Đại sứ quán".encode("utf-16-le")[:-1],
        "lone_surrogate_utf16.txt": b"\xff\xfe" + "Kính gửi".encode("utf-16-le") + b"\x00\xd8" + "abc".encode("utf-16-le"),
    }
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    with open(os.path.join(folder, "huge_50mb.txt"), "wb") as f:
        chunk = (VIETNAMESE + "\n").encode() * 1000
        for _ in range(50 * 2**20 // len(chunk) + 1):
            f.write(chunk)


def main():
    dipdoc = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory(prefix="dipdoc-bad-") as work:
        inputs = os.path.join(work, "inputs")
        os.makedirs(inputs)
        make_bad_inputs(inputs)
        db = os.path.join(work, "db")
        started = time.monotonic()
        proc = subprocess.Popen([dipdoc, "ingest", "--json", "--db", db, inputs],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate()
        seconds = time.monotonic() - started
        peak_mb = 0
        try:
            import resource
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        except ImportError:
            pass
        if proc.returncode != 1:
            problems.append(f"exit status {proc.returncode}, expected 1 (some inputs failed)\n{err.decode()}")
        report = json.loads(out.decode())
        failed = {os.path.basename(f["source"]): f["error"] for f in report["failed"]}
        stderr = err.decode()
        for name, reason in EXPECTED.items():
            if reason is None:
                if name in failed:
                    problems.append(f"{name}: refused ({failed[name]}), expected it ingested")
            elif name not in failed:
                problems.append(f"{name}: not refused, expected an error with {reason!r}")
            elif reason not in failed[name]:
                problems.append(f"{name}: error {failed[name]!r} lacks {reason!r}")
            elif f"{name}: " not in stderr:
                problems.append(f"{name}: not named on stderr")
        good = sum(1 for r in EXPECTED.values() if r is None)
        if report["ingested"] != good:
            problems.append(f"ingested {report['ingested']}, expected {good}")
        if peak_mb > 1024:
            problems.append(f"peak memory {peak_mb:.0f} MiB, expected under 1 GiB")

        again = subprocess.run([dipdoc, "ingest", "--json", "--db", db, inputs], capture_output=True)
        second = json.loads(again.stdout.decode())
        if second["ingested"] != 0 or second["unchanged"] != good:
            problems.append(f"re-run changed the index: {second}")
        stats = json.loads(subprocess.run([dipdoc, "stats", "--json", "--db", db], capture_output=True).stdout)
        if stats["documents"] != good:
            problems.append(f"index holds {stats['documents']} documents, expected {good}")

    print("\n".join(problems))
    print(f"bad inputs: {len(EXPECTED)} files, {len(problems)} problem(s), {seconds:.1f} s, peak {peak_mb:.0f} MiB")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
