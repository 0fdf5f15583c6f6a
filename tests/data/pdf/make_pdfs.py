#!/usr/bin/env python3
"""Writes the PDFs the PDF tests read into OUT_DIR (nothing here is committed but this script):

  text.pdf        two pages with a text layer (Helvetica, Latin-1 text)
  scan.pdf        one page that is only an image of rendered text (a scan)
  mixed.pdf       page 1 text layer, page 2 scan (merged with qpdf)
  blank_300.pdf   300 blank scanned pages
  encrypted.pdf   text.pdf with a user password (qpdf, AES-256)
  truncated.pdf   text.pdf cut in half

Usage: make_pdfs.py OUT_DIR
"""
import os
import subprocess
import sys

from PIL import Image, ImageDraw, ImageFont


def text_pdf(pages):
    """A minimal PDF with one Helvetica text line per entry of each page (WinAnsi, so Latin-1 text)."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    pages_id = len(objects) + 2 * len(pages) + 1
    for lines in pages:
        stream = b"BT /F1 12 Tf 72 760 Td 16 TL " + b" ".join(
            b"(" + line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '"
            for line in lines) + b" ET"
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % p for p in page_ids),
                                                                len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def scan_page(lines):
    page = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 42)
    for i, line in enumerate(lines):
        draw.text((250, 300 + i * 70), line, fill=0, font=font)
    return page


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    path = lambda name: os.path.join(out, name)
    text = text_pdf([["Embassy of Viet Nam, Paris, le 14 octobre 2021", "Monsieur le Ministre,",
                      "La France a livre 670 000 doses de vaccin AstraZeneca."],
                     ["Second page of the letter.", "Veuillez agreer l'assurance de ma haute consideration."]])
    with open(path("text.pdf"), "wb") as f:
        f.write(text)
    with open(path("truncated.pdf"), "wb") as f:
        f.write(text[: len(text) // 2])
    scan_page(["Scanned letter, page two", "Japan donated 1,000,000 doses"]).save(path("scan.pdf"), resolution=300)
    subprocess.run(["qpdf", "--empty", "--pages", path("text.pdf"), "1", path("scan.pdf"), "1", "--",
                    path("mixed.pdf")], check=True)
    blank = Image.new("L", (620, 877), 255)  # A4 at 75 dpi: blank pages need no detail
    blank.save(path("blank_300.pdf"), save_all=True, append_images=[blank] * 299, resolution=75)
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", path("text.pdf"), path("encrypted.pdf")],
                   check=True)


if __name__ == "__main__":
    main()
