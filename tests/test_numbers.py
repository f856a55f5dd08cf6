import pytest

from marsad.lang import load
from marsad.normalise import normalise
from marsad.numbers import parse_quantity
from marsad.tokens import tokenize


def q(text):
    return parse_quantity(tokenize(normalise(text).text), 0, load())


@pytest.mark.parametrize("text, low, high", [
    ("4", 4, 4), ("٩", 9, 9), ("1,200", 1200, 1200),
    ("اربع", 4, 4), ("أربعة", 4, 4), ("ثلاث", 3, 3), ("ثمانية عشر", 18, 18),
    ("واحد وعشرون", 21, 21), ("ثلاثة وأربعين", 43, 43), ("مئة وخمسون", 150, 150),
    ("ثلاثة آلاف", 3000, 3000), ("أكثر من 20", 21, None), ("اكثر من 90", 91, None),
    ("ما لا يقل عن 21", 21, None), ("نحو 40", 40, 40), ("بين 10 و15", 10, 15),
    ("أقل من 5", None, 4),
])
def test_lowest_reliable_figure(text, low, high):
    got = q(text)
    assert (got.low, got.high, got.vague) == (low, high, False)


@pytest.mark.parametrize("text, coded", [
    ("عشرات", 12), ("العشرات", 12), ("بضعة", 3), ("عدة", 3), ("مئات", 100),
    ("عدد من", None), ("العديد من", None),
])
def test_vague_quantities_follow_acled_convention(text, coded):
    got = q(text)
    assert got.vague and got.low == coded


@pytest.mark.parametrize("text", ["غارة", "قال", "الرقة"])
def test_words_that_are_not_numbers(text):
    assert q(text) is None
