"""Seeded random word salads from the extractor's own vocabulary, numbers, dates and
punctuation: extraction never fails, evidence always points at its words, figures are
never negative. (It once found an index past the end of the text after "أكثر من".)"""

import random

from marsad.extract import extract_report
from marsad.lang import load
from marsad.records import Report

EXTRA = ["قتل", "غارة", "مدينة", "حلب", "إدلب", "بغداد", "صنعاء", "2019", "١٢", "أكثر من", "بين",
         "و", "عشرات", "بنفس", "اليوم", "أمس", "-", "،", ".", "\n", "\n\n", ":", "(", ")",
         "15/3/2020", "31/2/2019", "منذ", "حتى", "الرابع", "عشر", "آذار", "قرية", "بلدة", "حي",
         "ريف", "محافظة", "الفرقة", "17", "أبو", "ـ", "ً", "99999999999", "\udcff"]


def test_random_texts_never_break_extraction():
    words = sorted(load().vocabulary) + EXTRA
    rng = random.Random(20261125)
    for i in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 150)))
        result = extract_report(Report(f"f{i}", text, rng.choice([None, "2019-05-07"])))
        for e in result.events:
            for ev in e.evidence:
                assert text[ev.start:ev.end] == ev.text
            for name in ("killed_min", "killed_max", "injured_min", "civilians_killed_min",
                         "children_killed_min", "killed_or_injured_min"):
                value = getattr(e, name)
                assert value is None or value >= 0
