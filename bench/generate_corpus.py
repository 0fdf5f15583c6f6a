#!/usr/bin/env python3
"""Writes N synthetic letters, call notes and press texts in vi/en/fr, with realistic partners, dose counts,
money and dates, for benchmarks.

Usage: generate_corpus.py OUT_DIR N [--seed S]
Files go into OUT_DIR/NNN/ (1,000 per folder) so that a million documents stay listable.
"""
import argparse
import os
import random

PARTNERS = {
    "vi": ["Nhật Bản", "Hoa Kỳ", "Liên bang Nga", "Vương quốc Anh", "Ô-xtrây-li-a", "Cuba", "Pháp", "Thụy Sĩ",
           "Công ty Pfizer", "AstraZeneca", "cơ chế COVAX", "Tổ chức Y tế Thế giới", "Hung-ga-ri", "Ca-na-đa"],
    "en": ["Japan", "the United States", "Russia", "the United Kingdom", "Australia", "Cuba", "France",
           "Switzerland", "Pfizer", "AstraZeneca", "the COVAX Facility", "the World Health Organization"],
    "fr": ["le Japon", "les États-Unis", "la Russie", "le Royaume-Uni", "l'Australie", "Cuba", "la France",
           "la Suisse", "Pfizer", "AstraZeneca", "le mécanisme COVAX", "l'Organisation mondiale de la santé"],
}
VACCINES = ["AstraZeneca", "Pfizer", "Moderna", "Abdala", "Sputnik V", "Vero Cell", "Janssen"]
FILLER = {
    "vi": ("Hai bên nhất trí tiếp tục thúc đẩy hợp tác trong lĩnh vực y tế, trao đổi kinh nghiệm phòng chống "
           "dịch bệnh và tăng cường phối hợp tại các diễn đàn đa phương. Phía Việt Nam đánh giá cao sự hỗ trợ "
           "kịp thời và mong muốn các đợt bàn giao tiếp theo được thực hiện đúng tiến độ đã thống nhất. "),
    "en": ("Both sides agreed to deepen cooperation on public health, to share experience in epidemic control and "
           "to coordinate closely in multilateral forums. The Vietnamese side appreciated the timely support and "
           "hoped that the next deliveries would follow the agreed schedule. "),
    "fr": ("Les deux parties sont convenues d'approfondir leur coopération dans le domaine de la santé, de "
           "partager leur expérience de la lutte contre l'épidémie et de se concerter dans les enceintes "
           "multilatérales. La partie vietnamienne a salué ce soutien et souhaité que les prochaines livraisons "
           "respectent le calendrier convenu. "),
}


def number(lang, rng):
    millions = rng.choice([0.5, 1, 1.05, 1.2, 2, 2.6, 3.9, 5, 10, 20, 31])
    if lang == "vi":
        return f"{millions:g}".replace(".", ",") + " triệu liều"
    if lang == "fr":
        return f"{millions:g}".replace(".", ",") + " million de doses"
    return f"{millions:g} million doses"


def document(i, rng):
    lang = rng.choice(["vi", "en", "fr"])
    kind = rng.choice(["letter", "call_note", "press"])
    partner = rng.choice(PARTNERS[lang])
    vaccine = rng.choice(VACCINES)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    year = rng.choice([2021, 2021, 2022])
    if lang == "vi":
        head = {"letter": f"Số: {i}/BNG-LT\nHà Nội, ngày {day:02d} tháng {month:02d} năm {year}\nKính gửi: {partner}\n",
                "call_note": f"GHI CHÉP CUỘC ĐIỆN ĐÀM\nThời gian: 15h00, ngày {day} tháng {month} năm {year}\n",
                "press": f"{day:02d}/{month:02d}/{year} 10:15\n"}[kind]
        body = f"{partner} cam kết chuyển giao {number(lang, rng)} vaccine {vaccine} trong quý {rng.randint(1, 4)}/{year}. "
    elif lang == "en":
        head = {"letter": f"Hanoi, {day} {['January','February','March','April','May','June','July','August','September','October','November','December'][month-1]} {year}\nDear Excellency,\n",
                "call_note": f"Minutes of the call, {year}-{month:02d}-{day:02d}\n",
                "press": f"Press release, {day}/{month}/{year}\n"}[kind]
        body = f"{partner} pledged {number(lang, rng)} of {vaccine} by the end of {year}. "
    else:
        head = {"letter": f"Paris, le {day} {['janvier','février','mars','avril','mai','juin','juillet','août','septembre','octobre','novembre','décembre'][month-1]} {year}\nMonsieur le Ministre,\n",
                "call_note": f"Compte rendu de l'entretien téléphonique du {day}/{month}/{year}\n",
                "press": f"Communiqué, {day}/{month}/{year}\n"}[kind]
        body = f"{partner} s'est engagé à livrer {number(lang, rng)} de vaccin {vaccine} d'ici la fin de {year}. "
    paragraphs = [body] + [FILLER[lang]] * rng.randint(2, 6)
    return lang, kind, head + "\n" + "\n\n".join(paragraphs) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for i in range(args.n):
        lang, kind, text = document(i, rng)
        folder = os.path.join(args.out_dir, f"{i // 1000:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{kind}_{lang}_{i:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
