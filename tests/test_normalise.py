from marsad.normalise import normalise, normalise_word


def test_diacritics_tatweel_and_digits_are_folded():
    n = normalise("قُتِلَ أربعةٌ فى ٩ حزيرانـ")
    assert n.text == "قتل اربعه في 9 حزيران"


def test_offsets_point_back_into_the_original():
    original = "مقتلُ ٤ أشخاصٍ"
    n = normalise(original)
    start = n.text.index("4")
    a, b = n.orig_span(start, start + 1)
    assert original[a:b] == "٤"
    a, b = n.orig_span(n.text.index("اشخاص"), len(n.text))
    assert original[a:b] == "أشخاصٍ"


def test_text_without_marks_keeps_identity_offsets():
    n = normalise("غارة على حلب")
    assert list(n.offsets) == list(range(len("غارة على حلب") + 1))


def test_lexicon_words_normalise_like_text():
    assert normalise_word("إبريل") == normalise_word("ابريل") == "ابريل"
    assert normalise_word("مستشفى") == "مستشفي"
