import pytest

from marsad.langid import detect


@pytest.mark.parametrize("text, code", [
    ("قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب", "ar"),
    ("در حمله هوایی به یک روستا در شمال سوریه هفت نفر کشته شدند", "fa"),
    ("شمالی شام میں ایک فضائی حملے میں سات افراد ہلاک ہو گئے ہیں", "ur"),
    ("Seven civilians were killed in an air strike", "und"),
    ("", "und"),
])
def test_detect(text, code):
    assert detect(text) == code
