#!/usr/bin/env python3
"""Encodes the UTF-8 originals in corpora/sources/ into the legacy encodings the text decoder must read.

Each source corpora/sources/NAME.txt becomes corpora/documents/NAME.ENCODING.txt. The encoded files are
committed; run this script again after editing a source (or ingest/data/vni.tsv) and commit both.

- cp1258: Windows-1258 the way ICU and Word write it: a base letter (or a letter with circumflex, breve or
  horn) followed by the tone as a combining mark.
- tcvn3: TCVN 5712 ("ABC") through glibc's iconv (TCVN5712-1), since Python has no codec for it.
- vni: VNI-Windows through ingest/data/vni.tsv, the table the decoder reads.
- cp1252: Windows-1252, as French and English files from older Windows machines come.
- utf16le / utf16be: UTF-16 with a byte-order mark.

Usage: scripts/encode_corpus.py
"""

import pathlib
import subprocess
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "corpora" / "sources"
DOCUMENTS = ROOT / "corpora" / "documents"
VNI_TABLE = ROOT / "ingest" / "data" / "vni.tsv"

# Source name -> (target encoding, line end). Files that would come from Windows programs get CR LF.
TARGETS = {
    "letter_vi_hungary_2021-10-20": ("cp1258", "\r\n"),
    "call_note_vi_uk_2021-09-28": ("tcvn3", "\n"),
    "letter_vi_germany_2021-11-08": ("vni", "\r\n"),
    "call_note_en_moderna_2021-10-12": ("utf16le", "\r\n"),
    "letter_fr_unicef_2021-11-16": ("utf16be", "\n"),
    "call_note_fr_belgium_2021-12-02": ("cp1252", "\r\n"),
}

# Marks that Windows-1258 keeps inside a precomposed letter; every other mark (the tones) is written apart.
SHAPE_MARKS = {"\u0302", "\u0306", "\u031B"}  # circumflex, breve, horn


def to_cp1258(text):
    out = []
    for cluster in _clusters(unicodedata.normalize("NFD", text)):
        base, marks = cluster[0], cluster[1:]
        shape = "".join(m for m in marks if m in SHAPE_MARKS)
        tones = "".join(m for m in marks if m not in SHAPE_MARKS)
        out.append(unicodedata.normalize("NFC", base + shape) + tones)
    return "".join(out).encode("cp1258")


def _clusters(nfd):
    """A base character with the combining marks that follow it, one cluster at a time."""
    cluster = ""
    for ch in nfd:
        if cluster and unicodedata.combining(ch):
            cluster += ch
        else:
            if cluster:
                yield cluster
            cluster = ch
    if cluster:
        yield cluster


def to_tcvn3(text):
    run = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode("utf-8"),
                         capture_output=True, check=False)
    if run.returncode != 0:
        sys.exit("iconv failed: " + run.stderr.decode(errors="replace"))
    return run.stdout


def read_vni_table():
    table = {}
    for line in VNI_TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        vni, letter = line.split("\t")
        table[letter] = vni
    return table


def to_vni(text, table):
    return "".join(table.get(ch, ch) for ch in text).encode("cp1252")


def from_vni(data, table):
    """The decoder's reading (bytes -> Windows-1252 -> longest match), to check the round trip."""
    inverse = {vni: letter for letter, vni in table.items()}
    text, out, i = data.decode("cp1252"), [], 0
    while i < len(text):
        if text[i:i + 2] in inverse:
            out.append(inverse[text[i:i + 2]])
            i += 2
        else:
            out.append(inverse.get(text[i], text[i]))
            i += 1
    return "".join(out)


def main():
    vni_table = read_vni_table()
    for name, (encoding, line_end) in TARGETS.items():
        text = unicodedata.normalize("NFC", (SOURCES / f"{name}.txt").read_text(encoding="utf-8"))
        text = text.replace("\n", line_end)
        if encoding == "cp1258":
            data = to_cp1258(text)
            back = data.decode("cp1258")
        elif encoding == "tcvn3":
            data = to_tcvn3(text)
            back = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True,
                                  check=True).stdout.decode("utf-8")
        elif encoding == "vni":
            data = to_vni(text, vni_table)
            back = from_vni(data, vni_table)
        elif encoding == "cp1252":
            data = text.encode("cp1252")
            back = data.decode("cp1252")
        elif encoding == "utf16le":
            data = b"\xff\xfe" + text.encode("utf-16-le")
            back = data[2:].decode("utf-16-le")
        elif encoding == "utf16be":
            data = b"\xfe\xff" + text.encode("utf-16-be")
            back = data[2:].decode("utf-16-be")
        else:
            sys.exit(f"unknown encoding {encoding}")
        if unicodedata.normalize("NFC", back) != text:
            sys.exit(f"{name}: {encoding} does not round-trip")
        target = DOCUMENTS / f"{name}.{encoding}.txt"
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT)}: {len(data)} bytes")


if __name__ == "__main__":
    main()
