#!/usr/bin/env python3
"""Bad input costs nothing else: a batch of real bad files (empty, binary, truncated, invalid UTF-8 and UTF-16,
NUL bytes, lying extensions, a 50 MB file, a single 5 MB line, truncated and zero-byte images, a 20000 x 20000
image, a PDF of 300 blank pages, a password-protected PDF, a corrupt DOCX) goes through `dipdoc ingest` together
with good files. Each bad file is refused with its name and the reason, the good ones are ingested, nothing crashes,
the index stays consistent (a re-run changes nothing) and memory stays bounded.

Usage: bad_inputs_test.py DIPDOC [--max-peak-mb N]   (exit 0 when every check holds; N defaults to 512)
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
    "png_named.txt": "PNG",
    "truncated_utf8.txt": "truncated UTF-8",
    "invalid_utf8.txt": "not valid UTF-8",
    "random_high_bytes.txt": "encoding not recognised",
    "truncated_utf16.txt": "UTF-16",
    "lone_surrogate_utf16.txt": "UTF-16",
    "huge_50mb.txt": "over the limit",
    "truncated.png": "image",
    "truncated.jpg": "image",
    "truncated.tiff": "image",
    "zero_bytes.png": "file is empty",
    "huge_20000x20000.png": "over the limit",
    "blank_300_pages.pdf": "no text",
    "protected.pdf": "password-protected",
    "truncated.pdf": "damaged PDF",
    "corrupt.docx": "zip archive",
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
    make_bad_images_and_documents(folder, rng)
    with open(os.path.join(folder, "huge_50mb.txt"), "wb") as f:
        chunk = (VIETNAMESE + "\n").encode() * 1000
        for _ in range(50 * 2**20 // len(chunk) + 1):
            f.write(chunk)


def make_bad_images_and_documents(folder, rng):
    import io
    import zipfile
    from PIL import Image  # Debian's python3-pil: this script runs under /usr/bin/python3

    def image_bytes(fmt, size=(400, 300), **options):
        out = io.BytesIO()
        Image.new("L", size, 255).save(out, fmt, **options)
        return out.getvalue()

    path = lambda name: os.path.join(folder, name)
    for name, data in (("truncated.png", image_bytes("PNG")), ("truncated.jpg", image_bytes("JPEG")),
                       ("truncated.tiff", image_bytes("TIFF"))):
        with open(path(name), "wb") as f:
            f.write(data[: len(data) // 3])
    open(path("zero_bytes.png"), "wb").close()
    Image.new("1", (20000, 20000), 1).save(path("huge_20000x20000.png"), optimize=True)
    blank = Image.new("L", (620, 877), 255)
    blank.save(path("blank_300_pages.pdf"), save_all=True, append_images=[blank] * 299, resolution=75)
    text_pdf = io.BytesIO()
    Image.new("L", (620, 877), 255).save(text_pdf, "PDF", resolution=75)
    with open(path("plain.pdf"), "wb") as f:
        f.write(text_pdf.getvalue())
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", path("plain.pdf"), path("protected.pdf")],
                   check=True)
    os.remove(path("plain.pdf"))
    with open(path("truncated.pdf"), "wb") as f:
        f.write(text_pdf.getvalue()[:200])
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Kính gửi" * 50)
    with open(path("corrupt.docx"), "wb") as f:
        f.write(docx.getvalue()[: len(docx.getvalue()) * 2 // 3])


def main():
    if sys.argv[1] == "--make":
        make_bad_inputs(sys.argv[2])
        return
    dipdoc = sys.argv[1]
    # The memory target is the program's; a sanitizer build adds shadow memory and a quarantine of freed
    # blocks (256 MB by default), so CMake passes a larger bound there and the plain build holds the target.
    max_peak_mb = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--max-peak-mb" else 512
    problems = []
    with tempfile.TemporaryDirectory(prefix="dipdoc-bad-") as work:
        inputs = os.path.join(work, "inputs")
        os.makedirs(inputs)
        # In a process of its own: the 20000 x 20000 image costs Pillow 400 MB, which a forked dipdoc would
        # otherwise inherit (and count in its peak) before it execs.
        subprocess.run([sys.executable, __file__, "--make", inputs], check=True)
        db = os.path.join(work, "db")
        started = time.monotonic()
        with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
            proc = subprocess.Popen([dipdoc, "ingest", "--json", "--db", db, inputs], stdout=out_file, stderr=err_file)
            _, status, usage = os.wait4(proc.pid, 0)  # this process's own peak memory, not its parent's
            out_file.seek(0)
            err_file.seek(0)
            out, err = out_file.read(), err_file.read()
        seconds = time.monotonic() - started
        peak_mb = usage.ru_maxrss / 1024
        returncode = os.waitstatus_to_exitcode(status)
        if returncode != 1:
            problems.append(f"exit status {returncode}, expected 1 (some inputs failed)\n{err.decode()}")
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
        if peak_mb > max_peak_mb:
            problems.append(f"peak memory {peak_mb:.0f} MiB, expected under {max_peak_mb} MiB")

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
