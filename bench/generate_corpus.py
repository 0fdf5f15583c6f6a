#!/usr/bin/env python3
"""Writes N synthetic letters, call notes and press texts in vi/en/fr, with realistic partners, dose counts,
money and dates, for benchmarks.

Usage: generate_corpus.py OUT_DIR N [--seed S]
Files go into OUT_DIR/NNNN/ (1,000 per folder) so that a million documents stay listable.

The bodies are recombined from the sentences of the project's own documents (corpora/documents, with the
UTF-8 originals in corpora/sources for the files stored in legacy encodings), read once at start: partner
names, dose figures, vaccine names, months and years in those sentences become slots that each document
fills with its own values, and each document gets its own heading, sign-off and signatory. About 3% of the
Vietnamese documents lose every diacritic (as bad OCR does) and some 30% are written with the other
tone-mark placement ("hoà"/"hòa", "thuỷ"/"thủy"). Documents are generated one at a time (constant memory)
and depend only on N's index and --seed, so the same seed always gives the same corpus.

As a module: documents(n, seed) yields Doc(index, lang, kind, partners, year, text, path) in file order.
"""
import argparse
import html.parser
import os
import random
import re
import unicodedata
from typing import NamedTuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.join(ROOT, "corpora")

# id: (Vietnamese, English, English adjective, French with its article)
PARTNERS = {
    "JP": ("Nhật Bản", "Japan", "Japanese", "le Japon"),
    "US": ("Hoa Kỳ", "the United States", "American", "les États-Unis"),
    "RU": ("Liên bang Nga", "Russia", "Russian", "la Russie"),
    "GB": ("Vương quốc Anh", "the United Kingdom", "British", "le Royaume-Uni"),
    "AU": ("Ô-xtrây-li-a", "Australia", "Australian", "l'Australie"),
    "CU": ("Cuba", "Cuba", "Cuban", "Cuba"),
    "FR": ("Pháp", "France", "French", "la France"),
    "CH": ("Thụy Sĩ", "Switzerland", "Swiss", "la Suisse"),
    "HU": ("Hung-ga-ri", "Hungary", "Hungarian", "la Hongrie"),
    "CA": ("Ca-na-đa", "Canada", "Canadian", "le Canada"),
    "DE": ("Cộng hòa Liên bang Đức", "Germany", "German", "l'Allemagne"),
    "IT": ("I-ta-li-a", "Italy", "Italian", "l'Italie"),
    "BE": ("Vương quốc Bỉ", "Belgium", "Belgian", "la Belgique"),
    "NL": ("Hà Lan", "the Netherlands", "Dutch", "les Pays-Bas"),
    "PL": ("Ba Lan", "Poland", "Polish", "la Pologne"),
    "KR": ("Hàn Quốc", "the Republic of Korea", "Korean", "la République de Corée"),
    "NZ": ("Niu Di-lân", "New Zealand", "New Zealand", "la Nouvelle-Zélande"),
    "SG": ("Xin-ga-po", "Singapore", "Singaporean", "Singapour"),
    "CN": ("Trung Quốc", "China", "Chinese", "la Chine"),
    "IN": ("Ấn Độ", "India", "Indian", "l'Inde"),
    "ES": ("Tây Ban Nha", "Spain", "Spanish", "l'Espagne"),
    "CZ": ("Cộng hòa Séc", "Czechia", "Czech", "la Tchéquie"),
    "eu": ("Liên minh châu Âu", "the European Union", "European", "l'Union européenne"),
}
PARTNER_IDS = list(PARTNERS)
# How a partner is named in the corpus texts; these names become slots.
CORPUS_NAMES = {
    "vi": ["Cộng hòa Liên bang Đức", "Liên bang Nga", "Vương quốc Anh", "Hoa Kỳ", "Ô-xtrây-li-a", "Niu Di-lân",
           "Ca-na-đa", "Hung-ga-ri", "Cuba", "Nhật Bản", "Mỹ", "phía Nga", "phía Anh", "Anh chia sẻ"],
    "en": ["the United States", "the European Union", "Japan", "Australia", "Italy", "Spain", "Moderna"],
    "fr": ["Canada", "France", "Belgique", "Japon", "UNICEF"],
}
ADJECTIVES_EN = ["Australian", "Japanese", "Spanish", "European"]
# Partners the sentences keep as written (channels, funds, makers): (marker in the text, id).
LITERAL_PARTNERS = [("COVAX", "covax"), ("UNICEF", "unicef"), ("RDIF", "rdif"), ("WHO", "who"), ("Gavi", "gavi"),
                    ("CEPI", "cepi"), ("Gamaleya", "gamaleya"), ("AstraZeneca", "astrazeneca"), ("Pfizer", "pfizer"),
                    ("Moderna", "moderna"), ("Janssen", "janssen"), ("Novavax", "novavax")]
VACCINES = ["AstraZeneca", "Pfizer", "Moderna", "Abdala", "Sputnik V", "Vero Cell", "Janssen", "Sputnik Light",
            "Spikevax", "Comirnaty", "Covaxin", "Novavax"]
VACCINE_RE = re.compile(r"\b(?:Pfizer-BioNTech|AstraZeneca|Pfizer|Moderna|Abdala|Sputnik V|Sputnik Light|Vero Cell|"
                        r"Janssen|Spikevax|Comirnaty)\b")
DOSE_RE = {
    "vi": re.compile(r"(?:\d[\d.,]*(?: (?:triệu|nghìn))?|một triệu rưỡi|hai mươi triệu|năm trăm nghìn) liều"),
    "en": re.compile(r"(?:\d[\d.,]*(?: million)?|[Tt]wo million) (?:vaccine )?doses"),
    "fr": re.compile(r"(?:\d+(?:[  \u202f]\d{3})*(?:,\d+)?(?: millions?)?|deux millions)(?: de)? doses"),
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
}
MONTH_RE = {
    "vi": re.compile(r"(?<=tháng )\d{1,2}\b"),
    "en": re.compile(r"\b(?:%s)\b" % "|".join(MONTHS["en"])),
    "fr": re.compile(r"\b(?:%s)\b" % "|".join(MONTHS["fr"])),
}
YEAR_RE = re.compile(r"\b202[12]\b")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Tạ", "Lương", "Cao", "Quách", "Kiều", "Thái", "Lâm"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc", "Thu", "Hồng", "Xuân", "Anh", "Hoài",
          "Kim", "Bảo", "Thùy", "Quang", "Tuấn", "Thành", "Phương"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương", "Khánh",
         "Khôi", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nhung", "Phong", "Phúc", "Quân",
         "Quyên", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Thư", "Trang", "Trung", "Tú", "Tuyết", "Uyên", "Vân",
         "Việt", "Vinh", "Yến", "Thụy", "Khoa", "Toàn", "Hoàn", "Quý", "Thoa", "Loan", "Xoan"]
PROVINCES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Bình Dương", "Đồng Nai", "Long An", "Cần Thơ", "Đà Nẵng",
             "Hải Phòng", "Khánh Hòa", "Thừa Thiên Huế", "Bắc Giang", "Bắc Ninh", "Tiền Giang", "Kiên Giang",
             "An Giang", "Đồng Tháp", "Quảng Ninh", "Nghệ An", "Thanh Hóa", "Tây Ninh", "Bà Rịa - Vũng Tàu",
             "Sóc Trăng", "Vĩnh Long", "Hòa Bình", "Lâm Đồng", "Gia Lai", "Đắk Lắk", "Quảng Nam", "Phú Yên"]
PROVINCES_ASCII = ["Hanoi", "Ho Chi Minh City", "Binh Duong", "Dong Nai", "Long An", "Can Tho", "Da Nang",
                   "Hai Phong", "Khanh Hoa", "Hue", "Bac Giang", "Bac Ninh", "Tien Giang", "Kien Giang", "An Giang",
                   "Dong Thap", "Quang Ninh", "Nghe An", "Thanh Hoa", "Tay Ninh", "Soc Trang", "Lam Dong"]
PERSON_RE = re.compile(r"\b(?:%s|Lưu)(?: [A-ZĐÂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝỲ][^\W\d_]+){2,3}\b" % "|".join(f for f in FAMILY if f not in ("Hồ", "Thái", "Mai", "Lâm")))
PLACE_RE = {
    "vi": re.compile(r"\b(?:Thành phố Hồ Chí Minh|TP\. Hồ Chí Minh|(?<!Thái )Bình Dương|Đồng Nai|Long An)\b"),
    "en": re.compile(r"\bHo Chi Minh City\b"),
    "fr": re.compile(r"(?!)"),
}
DEPARTMENTS_VI = ["VỤ CHÂU ÂU", "VỤ CHÂU MỸ", "VỤ ĐÔNG BẮC Á", "VỤ ĐÔNG NAM Á - NAM Á - NAM THÁI BÌNH DƯƠNG",
                  "VỤ CÁC TỔ CHỨC QUỐC TẾ", "VỤ TRUNG ĐÔNG - CHÂU PHI", "VỤ LỄ TÂN", "CỤC NGOẠI VỤ"]
CODES_VI = ["BNG-LT", "BNG-CAU", "BNG-CM", "BNG-ĐBA", "BNG-TCQT", "BNG-ĐNA", "ĐSQ-CT", "BNG-NV"]
TITLES_VI = ["Thứ trưởng Bộ Ngoại giao", "Vụ trưởng Vụ Châu Âu", "Đại sứ", "Trợ lý Bộ trưởng",
             "Phó Vụ trưởng", "Tham tán Công sứ", "Thứ trưởng Bộ Y tế"]
CITIES_EN = ["Hanoi", "Ha Noi", "Tokyo", "Canberra", "Washington, D.C.", "London", "Berlin", "Ottawa", "Budapest",
             "Rome", "Brussels", "Seoul", "Geneva"]
CITIES_FR = ["Paris", "Hanoï", "Bruxelles", "Genève", "Ottawa", "Berne", "Hô Chi Minh-Ville"]
HEADLINES = {
    "vi": ["{P} trao tặng Việt Nam thêm {D} vaccine {V}", "Việt Nam tiếp nhận {D} vaccine {V} từ {P}",
           "{P} cam kết chia sẻ thêm vaccine {V} với Việt Nam", "Lô vaccine {V} thứ {N} của {P} về đến Việt Nam"],
    "en": ["{P} to deliver {D} of {V} to Viet Nam", "Viet Nam receives {D} from {P}",
           "{P} pledges more {V} vaccine for Viet Nam", "{N}th batch of {V} from {P} lands in Viet Nam"],
    "fr": ["{P} livre {D} de vaccin {V} au Vietnam", "Le Vietnam reçoit {D} de {P}",
           "{P} promet de nouvelles doses de {V} au Vietnam", "Le {N}e lot de vaccin {V} arrive au Vietnam"],
}


class Doc(NamedTuple):
    index: int
    lang: str
    kind: str
    partners: tuple   # partner ids the generator put into the text (main partner first)
    year: int
    text: str
    path: str         # relative to OUT_DIR


# --- reading the project's documents -------------------------------------------------------------------------

class _Article(html.parser.HTMLParser):
    """The text of <article> (or <body>) minus asides, scripts and styles, one paragraph per block."""
    BLOCKS = {"p", "h1", "h2", "h3", "li", "div", "br", "article", "section"}
    SKIP = {"aside", "script", "style", "nav", "footer", "header", "form"}

    def __init__(self):
        super().__init__()
        self.out, self.skip, self.inside, self.seen_article = [], 0, 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.inside += 1
            self.seen_article = True
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside -= 1
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        if tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.out.append(data)


def _read_texts():
    """(lang, kind, text) for every shipped document, UTF-8 originals for the legacy-encoded files."""
    docs = os.path.join(CORPORA, "documents")
    sources = os.path.join(CORPORA, "sources")
    texts = []
    for folder in (docs, sources):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(name)
            if ext not in (".txt", ".html", ".htm", ".md") or "." in stem:
                continue  # NAME.cp1258.txt and friends: their UTF-8 original is in sources/
            m = re.match(r"(letter|call_note|press)_(vi|en|fr)_", name)
            if not m:
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            if ext in (".html", ".htm"):
                parser = _Article()
                parser.feed(text)
                text = "".join(parser.out)
            texts.append((m.group(2), m.group(1), text))
    if not texts:
        raise SystemExit(f"no documents found under {CORPORA}")
    return texts


_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|TP|Ref|N°|M|Mme)\.|\b[A-Z]\.)$")
_SPLIT = re.compile(r"(?<=[.!?…])[\"”»]?\s+(?=[\"“«(]?[A-ZÀ-ÝĐÂÊÔƠƯĂÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ0-9])")


def _sentences(text):
    for para in re.split(r"\n\s*\n", text.replace("\r", "")):
        lines = [ln.strip() for ln in para.strip().split("\n")]
        while len(lines) > 1 and len(lines[0]) < 60 and not re.search(r"[.!?;]$", lines[0]):
            lines.pop(0)  # a numbered heading above its paragraph ("2. Demandes de la partie vietnamienne")
        para = " ".join(" ".join(lines).split())
        para = re.sub(r"^(?:\d+\.|-|•)\s+", "", para)
        if len(para) < 60 or "@" in para or "http" in para or not re.search(r"[.!?;]$", para):
            continue
        if sum(c.isupper() for c in para) > 0.5 * sum(c.isalpha() for c in para):
            continue  # headings and shouted notes
        start = 0
        for m in _SPLIT.finditer(para):
            if _ABBREV.search(para[start:m.start()].rstrip('"”» ')):
                continue
            yield para[start:m.start()].strip()
            start = m.end()
        yield para[start:].strip()


# A template is a tuple of parts: str, or a slot code:
#   ("P", n, case)  partner number n of the document (0 = main), case: vi/en name, or French "nom"/"de"/"a"
#   ("A", n)        English adjective of partner n      ("D",) a dose figure      ("V",) the vaccine
#   ("M",) a month  ("Y",) the year
def _templates(lang, sentence):
    spans = []  # (start, end, slot)

    def claim(start, end, slot):
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, slot))

    names = {}
    for name in CORPUS_NAMES[lang]:
        if lang == "vi":
            pattern = re.escape(name)
            if name == "Mỹ":
                pattern = r"(?<!đô la )(?<!Châu )Mỹ"
            elif name in ("phía Nga", "phía Anh"):
                pattern = r"(?<=phía )" + re.escape(name.split()[1])
            elif name == "Anh chia sẻ":
                pattern = r"Anh(?= chia sẻ)"
            for m in re.finditer(r"(?<!\w)%s(?!\w)" % pattern, sentence):
                key = {"Mỹ": "Hoa Kỳ", "phía Nga": "Liên bang Nga", "phía Anh": "Vương quốc Anh",
                       "Anh chia sẻ": "Vương quốc Anh"}.get(name, name)
                claim(m.start(), m.end(), ("P", names.setdefault(key, len(names)), "vi"))
        elif lang == "en":
            for m in re.finditer(r"\b%s\b(?!-)" % re.escape(name).replace("the\\ ", "[Tt]he\\ "), sentence):
                key = name.lower()
                claim(m.start(), m.end(), ("P", names.setdefault(key, len(names)), "en"))
        else:
            art = r"(?:(du|au|aux|des|de la|à la|de l'|à l'|d'|de|à|le|la|les|l'|Le|La|Les|L')\s?)?"
            for m in re.finditer(r"(?<!\w)%s%s\b(?!-)" % (art, re.escape(name)), sentence):
                a = (m.group(1) or "").lower()
                case = "de" if a in ("du", "des", "de la", "de l'", "d'", "de") else \
                       "a" if a in ("au", "aux", "à la", "à l'", "à") else "nom"
                claim(m.start(), m.end(), ("P", names.setdefault(name, len(names)), case))
    if lang == "en":
        for adj in ADJECTIVES_EN:
            for m in re.finditer(r"\b%s\b(?= [A-Z])(?! Union)" % adj, sentence):
                key = {"Australian": "australia", "Japanese": "japan", "Spanish": "spain",
                       "European": "the european union"}[adj]
                claim(m.start(), m.end(), ("A", names.setdefault(key, len(names))))
    for m in PLACE_RE[lang].finditer(sentence):
        claim(m.start(), m.end(), ("L",))
    for m in PERSON_RE.finditer(sentence):
        claim(m.start(), m.end(), ("N",))
    for m in DOSE_RE[lang].finditer(sentence):
        claim(m.start(), m.end(), ("D",))
    for m in VACCINE_RE.finditer(sentence):
        claim(m.start(), m.end(), ("V",))
    for m in MONTH_RE[lang].finditer(sentence):
        claim(m.start(), m.end(), ("M",))
    for m in YEAR_RE.finditer(sentence):
        claim(m.start(), m.end(), ("Y",))
    parts, pos = [], 0
    for start, end, slot in sorted(spans):
        if start > pos:
            parts.append(sentence[pos:start])
        parts.append(slot)
        pos = end
    if pos < len(sentence):
        parts.append(sentence[pos:])
    return tuple(parts)


_NOT_BODY = re.compile(r"prie d'agréer|Please accept|Yours sincerely|Trân trọng|^Participants|^Date ?:|^Thành phần")


def _pools():
    """{lang: {kind: [template, ...]}} plus {lang: [template, ...]} over all kinds."""
    by_kind, by_lang = {}, {}
    seen = set()
    for lang, kind, text in _read_texts():
        for s in _sentences(text):
            if s in seen or len(s) < 25 or _NOT_BODY.search(s):
                continue
            seen.add(s)
            t = _templates(lang, s)
            by_kind.setdefault(lang, {}).setdefault(kind, []).append(t)
            by_lang.setdefault(lang, []).append(t)
    return by_kind, by_lang


# --- Vietnamese spelling variants ------------------------------------------------------------------------------

_TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _tone_tables():
    """Word-final "oa", "oe", "uy" with the tone on the first vowel (old style) or the second (new style)."""
    old_to_new, new_to_old = {}, {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second), (first.upper(), second.upper())):
                old = unicodedata.normalize("NFC", f + tone + s)
                new = unicodedata.normalize("NFC", f + s + tone)
                old_to_new[old], new_to_old[new] = new, old
    return old_to_new, new_to_old


_OLD_TO_NEW, _NEW_TO_OLD = _tone_tables()
_WORD_END = r"(?![^\W\d_])"
_OLD_RE = re.compile(r"(?<![qQ])(%s)%s" % ("|".join(_OLD_TO_NEW), _WORD_END))
_NEW_RE = re.compile(r"(?<![qQ])(%s)%s" % ("|".join(_NEW_TO_OLD), _WORD_END))


def _strip_table():
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for cp in range(0xC0, 0x1EFA):
        c = chr(cp)
        base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
        if base != c and base.isascii():
            table[cp] = base
    return table


STRIP = _strip_table()


def strip_diacritics(text):
    return text.translate(STRIP)


def new_tone_style(text):
    return _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], text)


def old_tone_style(text):
    return _NEW_RE.sub(lambda m: _NEW_TO_OLD[m.group(1)], text)


# --- filling in ------------------------------------------------------------------------------------------------

def _fr_case(name, case):
    if case == "nom":
        return name
    for art, de, a in (("le ", "du ", "au "), ("les ", "des ", "aux "), ("la ", "de la ", "à la "),
                       ("l'", "de l'", "à l'")):
        if name.startswith(art):
            return (de if case == "de" else a) + name[len(art):]
    return ("de " if case == "de" else "à ") + name


def number(lang, rng):
    """A dose figure as the language writes it."""
    if rng.random() < 0.6:
        millions = rng.choice([0.5, 1, 1.05, 1.2, 1.5, 2, 2.5, 2.6, 2.9, 3.2, 3.9, 4.1, 4.6, 5, 6, 10, 18.6, 20, 31])
        if lang == "vi":
            return f"{millions:g}".replace(".", ",") + " triệu liều"
        if lang == "fr":
            plural = "millions" if millions >= 2 else "million"
            return f"{millions:g}".replace(".", ",") + f" {plural} de doses"
        return f"{millions:g} million doses"
    count = rng.choice([1000, 5000, 49800, 83400, 100000, 120000, 200000, 300000, 320000, 415000, 450000, 500000,
                        500400, 670000, 801600, 852480, 800000])
    if lang == "vi":
        return f"{count:,}".replace(",", ".") + " liều"
    if lang == "fr":
        return f"{count:,}".replace(",", "\u00a0") + " doses"
    return f"{count:,} doses"


def _name(lang, pid, case):
    vi, en, adj, fr = PARTNERS[pid]
    if lang == "vi":
        return vi
    if lang == "en":
        return adj if case == "adj" else en
    return _fr_case(fr, case)


def _fill(lang, template, partners, vaccine, year, rng, used):
    out = []
    for i, part in enumerate(template):
        if type(part) is str:
            out.append(part)
            continue
        code = part[0]
        if code == "P" or code == "A":
            pid = partners[part[1] % len(partners)]
            used.add(pid)
            text = _name(lang, pid, "adj" if code == "A" else part[2])
            if i == 0:
                text = text[0].upper() + text[1:]
        elif code == "D":
            text = number(lang, rng)
        elif code == "V":
            text = vaccine if rng.random() < 0.8 else rng.choice(VACCINES)
        elif code == "N":
            text = _person(rng)
        elif code == "L":
            text = rng.choice(PROVINCES if lang == "vi" else PROVINCES_ASCII)
        elif code == "M":
            m = rng.randint(1, 12)
            text = str(m) if lang == "vi" else MONTHS[lang][m - 1]
            if lang == "fr" and out and out[-1].endswith("d'") and text[0] not in "ao":
                out[-1] = out[-1][:-2] + "de "
        else:
            text = str(year if rng.random() < 0.85 else rng.choice((2021, 2022)))
        out.append(text)
    return "".join(out)


def _person(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _head(lang, kind, i, day, month, year, partner_name, rng):
    if lang == "vi":
        if kind == "letter":
            return (f"BỘ NGOẠI GIAO\n{rng.choice(DEPARTMENTS_VI)}\nSố: {i % 9000 + 100}/{rng.choice(CODES_VI)}\n"
                    f"V/v vaccine phòng COVID-19\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                    f"Hà Nội, ngày {day:02d} tháng {month:02d} năm {year}\n\nKính gửi: Đại sứ quán {partner_name} tại Hà Nội\n")
        if kind == "call_note":
            return (f"BỘ NGOẠI GIAO\n{rng.choice(DEPARTMENTS_VI)}\n\nGHI CHÉP CUỘC ĐIỆN ĐÀM\n"
                    f"giữa {rng.choice(TITLES_VI)} Việt Nam và Đại sứ {partner_name}\n\n"
                    f"Thời gian: {rng.randint(8, 20)}h{rng.choice(['00', '15', '30', '45'])}, ngày {day} tháng {month} năm {year} (giờ Hà Nội)\n"
                    f"Hình thức: {rng.choice(['điện đàm trực tuyến', 'gặp trực tiếp', 'điện đàm'])}\n"
                    f"Người ghi: {_person(rng)}, chuyên viên\n\nNỘI DUNG CHÍNH\n")
        return f"Thời sự | {day:02d}/{month:02d}/{year} {rng.randint(6, 22)}:{rng.randint(0, 59):02d} (GMT+7)\n"
    if lang == "en":
        date = f"{day} {MONTHS['en'][month - 1]} {year}"
        if kind == "letter":
            return (f"EMBASSY OF THE SOCIALIST REPUBLIC OF VIET NAM\n{rng.choice(CITIES_EN)}\n\n"
                    f"Ref. No.: {i % 900 + 100}/ĐSQ-{rng.choice(['NB', 'HK', 'UC', 'CT', 'LH'])}\n\n{date}\n\n"
                    f"Dear {rng.choice(['Excellency', 'Mr. Director-General', 'Madam Ambassador', 'Colleague'])},\n")
        if kind == "call_note":
            return (f"MINUTES OF THE {rng.choice(['CALL', 'MEETING', 'VIDEO CONFERENCE'])}\n\n"
                    f"Date/time: {date}, {rng.randint(8, 18)}:00\nParticipants: {_person(rng)}, Ministry of Foreign Affairs; "
                    f"the Ambassador of {partner_name}\n")
        return f"{rng.choice(['PRESS RELEASE', 'MEDIA RELEASE', 'NEWS'])}\n\n{rng.choice(CITIES_EN)}, {date}\n"
    date = f"{day} {MONTHS['fr'][month - 1]} {year}"
    if kind == "letter":
        return (f"AMBASSADE DE LA RÉPUBLIQUE SOCIALISTE DU VIET NAM\n\nN° {i % 900 + 100}/ĐSQ-{rng.choice(['CT', 'VP', 'KT'])}\n\n"
                f"{rng.choice(CITIES_FR)}, le {date}\n\n{rng.choice(['Monsieur le Ministre,', 'Madame la Représentante,', 'Monsieur l’Ambassadeur,', 'Excellence,'])}\n")
    if kind == "call_note":
        return (f"MINISTÈRE DES AFFAIRES ÉTRANGÈRES DU VIET NAM\n\n"
                f"{rng.choice(['COMPTE RENDU DE L’ENTRETIEN TÉLÉPHONIQUE', 'NOTE D’ENTRETIEN'])}\n\n"
                f"Date : le {date}, {rng.randint(8, 18)} h 00\nParticipants : {_person(rng)} ; l'Ambassadeur {_fr_case(partner_name, 'de')}\n")
    return f"{rng.choice(['Communiqué', 'Actualités', 'Le Courrier du Vietnam'])} – {day:02d}/{month:02d}/{year}\n"


def _tail(lang, kind, rng):
    who = _person(rng)
    if lang == "vi":
        if kind == "letter":
            return f"Trân trọng./.\n\nNơi nhận:\n- Như trên;\n- Bộ Y tế (để phối hợp);\n- Lưu: VT.\n\nTL. BỘ TRƯỞNG\n\n{who}\n"
        if kind == "call_note":
            return f"ĐỀ XUẤT\n\n- {rng.choice(['Bộ Y tế', 'Vụ Châu Âu', 'Vụ Châu Mỹ'])} theo dõi tiến độ giao vaccine tại {rng.choice(PROVINCES)}.\n"
        return f"{who.split(' ', 1)[1]}\n"
    if lang == "en":
        if kind == "letter":
            return f"Please accept the renewed assurances of my highest consideration.\n\nYours sincerely,\n\n{strip_diacritics(who) if rng.random() < 0.3 else who}\n"
        if kind == "call_note":
            return f"Follow-up: the Ministry of Health will coordinate delivery to {rng.choice(PROVINCES_ASCII)}.\n"
        return "-- ENDS --\n"
    if kind == "letter":
        return f"Je vous prie d'agréer l'assurance de ma haute considération.\n\n(signé)\n\n{who}\n"
    if kind == "call_note":
        return f"Suite à donner : la Direction transmettra le compte rendu au ministère de la Santé.\n"
    return f"{rng.choice(['(VNA)', '(CVN)', ''])}\n"


def _lead(lang, partner, vaccine, year, rng):
    if lang == "vi":
        return f"{partner} cam kết chuyển giao {number(lang, rng)} vaccine {vaccine} trong quý {rng.randint(1, 4)}/{year}."
    if lang == "en":
        return f"{partner[0].upper() + partner[1:]} pledged {number(lang, rng)} of {vaccine} by the end of {year}."
    p = partner[0].upper() + partner[1:]
    return f"{p} s'est engagé{'e' if partner.startswith('la ') else ''} à livrer {number(lang, rng)} de vaccin {vaccine} d'ici la fin de {year}."


class Generator:
    def __init__(self, seed):
        self.seed = seed
        self.by_kind, self.by_lang = _pools()

    def document(self, i):
        rng = random.Random(self.seed * 1_000_003 + i)
        lang = rng.choice(["vi", "en", "fr"])
        kind = rng.choice(["letter", "call_note", "press"])
        partners = rng.sample(PARTNER_IDS, 3)
        vaccine = rng.choice(VACCINES)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        year = rng.choice([2021, 2021, 2022])
        used = {partners[0]}
        main = _name(lang, partners[0], "nom")
        head = _head(lang, kind, i, day, month, year, main, rng)
        if kind == "press":
            headline = rng.choice(HEADLINES[lang]).format(P=main[0].upper() + main[1:], D=number(lang, rng),
                                                          V=vaccine, N=rng.randint(2, 9))
            head = head + "\n" + headline + "\n"
        body = [_lead(lang, main, vaccine, year, rng)]
        target = rng.randint(700, 2300) if lang == "vi" else rng.randint(850, 2600)
        same, every = self.by_kind[lang].get(kind, []), self.by_lang[lang]
        size = len(head) + len(body[0])
        picked = set()
        while size < target and len(picked) < len(every):
            pool = same if same and rng.random() < 0.6 else every
            t = pool[rng.randrange(len(pool))]
            if id(t) in picked:
                continue
            picked.add(id(t))
            s = _fill(lang, t, partners, vaccine, year, rng, used)
            body.append(s)
            size += len(s) + 1
        paragraphs, k = [], 0
        while k < len(body):
            n = rng.randint(1, 3)
            paragraphs.append(" ".join(body[k:k + n]))
            k += n
        if kind == "call_note":
            paragraphs = [f"{j + 1}. {p}" for j, p in enumerate(paragraphs)]
        text = head + "\n" + "\n\n".join(paragraphs) + "\n\n" + _tail(lang, kind, rng)
        if lang == "vi":
            r = rng.random()
            if r < 0.03:
                text = strip_diacritics(text)
            elif r < 0.18:
                text = new_tone_style(text)
            elif r < 0.33:
                text = old_tone_style(text)
        ordered = [partners[0]] + [p for p in partners[1:] if p in used]
        ordered += [pid for marker, pid in LITERAL_PARTNERS if marker in text and pid not in ordered]
        ordered = tuple(ordered)
        return Doc(i, lang, kind, ordered, year, text, os.path.join(f"{i // 1000:04d}", f"{kind}_{lang}_{i:07d}.txt"))


def documents(n, seed=2021):
    gen = Generator(seed)
    for i in range(n):
        yield gen.document(i)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    folder = None
    for doc in documents(args.n, args.seed):
        path = os.path.join(args.out_dir, doc.path)
        if os.path.dirname(path) != folder:
            folder = os.path.dirname(path)
            os.makedirs(folder, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(doc.text)


if __name__ == "__main__":
    main()
