#!/usr/bin/env python3
"""Renders the OCR test scans from the project's own letters, so the fixtures are reproducible and never
committed (tests/ingest/ocr_test.cc runs this into a temporary folder).

    make_scans.py OUTPUT_DIR

Writes, each page beside the text it shows (NAME.txt, one line per rendered line; NAME-N.txt for the
pages of a multi-page file):
  clean.png   Vietnamese, 300 dpi, black on white: what a good scanner gives
  hard.jpg    Vietnamese, 150 dpi, skewed 2.5 degrees, blurred, grey paper darkening to a binding shadow
              on the right, gaussian and salt-and-pepper noise, JPEG quality 60: a hurried scan of a
              photocopy
  pages.tif   two pages, French then English, 300 dpi bilevel (CCITT group 4), like a fax server's output
  blank.png   a blank page with paper grain and a few specks, 300 dpi (blank.txt is empty)
  rgba.png    200 x 100, a dark blue box on a transparent background, no resolution stated
  huge.png, huge.jpg, huge.tif
              tiny files whose headers claim 20000 x 20000 pixels and hold no real image data

Needs Pillow and the DejaVu fonts (Debian: python3-pil, fonts-dejavu-core); exits 77 without them.
Deterministic: the same output on every run with the same Pillow.
"""

import os
import random
import struct
import sys
import zlib

try:
    from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
except ImportError:
    print("make_scans.py: Pillow is not installed (python3-pil)", file=sys.stderr)
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "corpora", "documents")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 0.9
FONT_POINTS = 12


def corpus_paragraphs(name):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        text = f.read()
    # Printed, a no-break space is a space.
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def wrap(paragraphs, font, width):
    """Lines as a word processor would set them: greedy fill, a blank line between paragraphs."""
    lines = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        for source_line in paragraph.split("\n"):
            line = ""
            for word in source_line.split():
                candidate = word if not line else line + " " + word
                if font.getlength(candidate) <= width:
                    line = candidate
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
    return lines


def render(paragraphs, dpi, max_lines):
    """A white A4 page at `dpi` with the paragraphs set in 12 pt DejaVu Sans; returns (image, lines)."""
    size = (round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi))
    margin = round(MARGIN_INCHES * dpi)
    font = ImageFont.truetype(FONT, round(FONT_POINTS * dpi / 72))
    lines = wrap(paragraphs, font, size[0] - 2 * margin)[:max_lines]
    while lines and not lines[-1]:
        lines.pop()
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    step = round(font.size * 1.5)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * step), line, font=font, fill=0)
    return page, lines


def add_noise(page, rng, sigma, salt_pepper):
    """Gaussian noise of `sigma` grey levels, then a fraction `salt_pepper` of pixels forced black or white."""
    noise = Image.effect_noise(page.size, sigma)  # centred on 128
    page = ImageChops.add(page, noise, 1.0, -128)
    pixels = page.load()
    w, h = page.size
    for _ in range(int(w * h * salt_pepper)):
        pixels[rng.randrange(w), rng.randrange(h)] = 0 if rng.random() < 0.5 else 255
    return page


def add_shadow(page, darkest):
    """The shadow of a book's binding: full brightness at the left edge, falling to `darkest` at the right."""
    w, h = page.size
    row = Image.new("L", (w, 1))
    row.putdata([round(255 * (1 - (1 - darkest) * (x / (w - 1)) ** 2)) for x in range(w)])
    return ImageChops.multiply(page, row.resize((w, h)))


def write_text(out, name, lines):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + ("\n" if lines else ""))


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width, height):
    """A signature, an IHDR claiming width x height, an IDAT holding no pixels, IEND: 65 bytes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(b"")) +
            png_chunk(b"IEND", b""))


def huge_jpeg(width, height):
    """A real 16 x 16 JPEG whose frame header (SOF0) is patched to claim width x height."""
    import io
    buffer = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buffer, "JPEG", quality=90)
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def huge_tiff(width, height):
    """A real 16 x 16 bilevel TIFF whose ImageWidth and ImageLength tags are patched to width x height."""
    import io
    buffer = io.BytesIO()
    Image.new("1", (16, 16), 1).save(buffer, "TIFF")
    data = bytearray(buffer.getvalue())
    assert data[:4] == b"II*\x00"
    ifd = struct.unpack_from("<I", data, 4)[0]
    count = struct.unpack_from("<H", data, ifd)[0]
    for i in range(count):
        entry = ifd + 2 + 12 * i
        tag, kind = struct.unpack_from("<HH", data, entry)
        if tag in (256, 257):
            value = width if tag == 256 else height
            if kind == 3:  # SHORT
                struct.pack_into("<H", data, entry + 8, value)
            else:  # LONG
                struct.pack_into("<I", data, entry + 8, value)
    return bytes(data)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not os.path.exists(FONT):
        print("make_scans.py: %s is missing (fonts-dejavu-core)" % FONT, file=sys.stderr)
        return 77
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20211005)

    vi = corpus_paragraphs("letter_vi_pfizer_2021-10-05.txt")
    fr = corpus_paragraphs("letter_fr_france_2021-10-14.txt")
    en = corpus_paragraphs("letter_en_japan_2021-11-03.txt")

    # clean.png: the letter's heading block and the start of its first paragraph (capitals with diacritics,
    # a reference number, a date).
    page, lines = render(vi[:5], 300, 12)
    page.save(os.path.join(out, "clean.png"), dpi=(300, 300))
    write_text(out, "clean.txt", lines)

    # hard.jpg: body text, rendered at 300 dpi, sampled down to 150 dpi, skewed, then degraded.
    page, lines = render(vi[6:8], 300, 10)
    page = page.resize((page.width // 2, page.height // 2), Image.LANCZOS)
    page = page.rotate(2.5, resample=Image.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    page = page.point(lambda v: 30 + v * 200 // 255)  # grey paper, grey ink
    page = add_shadow(page, darkest=0.4)
    page = add_noise(page, rng, sigma=22, salt_pepper=0.01)
    page.save(os.path.join(out, "hard.jpg"), quality=60, dpi=(150, 150))
    write_text(out, "hard.txt", lines)

    # pages.tif: a French page, then an English one, bilevel G4.
    first, first_lines = render(fr[5:7], 300, 10)
    second, second_lines = render(en[6:8], 300, 10)
    first, second = (p.point(lambda v: 255 if v > 128 else 0).convert("1") for p in (first, second))
    first.save(os.path.join(out, "pages.tif"), save_all=True, append_images=[second], compression="group4",
               dpi=(300, 300))
    write_text(out, "pages-1.txt", first_lines)
    write_text(out, "pages-2.txt", second_lines)

    # blank.png: paper grain and a few dust specks, no text.
    page = Image.new("L", (round(A4_INCHES[0] * 300), round(A4_INCHES[1] * 300)), 245)
    page = add_noise(page, rng, sigma=4, salt_pepper=0.0)
    draw = ImageDraw.Draw(page)
    for _ in range(12):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        draw.ellipse((x, y, x + 2, y + 2), fill=90)
    page.save(os.path.join(out, "blank.png"), dpi=(300, 300), compress_level=1)
    write_text(out, "blank.txt", [])

    # rgba.png: a colour image with a transparent background and no stated resolution.
    page = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(page).rectangle((50, 25, 149, 74), fill=(20, 40, 160, 255))
    page.save(os.path.join(out, "rgba.png"))

    for name, data in (("huge.png", huge_png(20000, 20000)), ("huge.jpg", huge_jpeg(20000, 20000)),
                       ("huge.tif", huge_tiff(20000, 20000))):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
