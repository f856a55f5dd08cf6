import datetime as dt

import pytest

from marsad.dates import find_dates, resolve
from marsad.lang import load
from marsad.normalise import normalise
from marsad.tokens import tokenize

PUBLISHED = dt.date(2019, 5, 7)  # a Tuesday


def dates(text, published=PUBLISHED):
    n = normalise(text)
    found = find_dates(tokenize(n.text), n.text, load())
    return [resolve(m, published, None) for m in found]


@pytest.mark.parametrize("text, expected", [
    ("بتاريخ 4 يوليو 2015", "2015-07-04"),
    ("في الرابع من تموز 2015", "2015-07-04"),
    ("في 3 جويلية 2016", "2016-07-03"),
    ("يوم 12 نيسان/أبريل 2017", "2017-04-12"),
    ("في الحادي والعشرين من آذار 2016", "2016-03-21"),
    ("بتاريخ 12/03/2016", "2016-03-12"),
    ("اليوم", "2019-05-07"), ("أمس", "2019-05-06"), ("أول أمس", "2019-05-05"),
    ("مساء الخميس", "2019-05-02"), ("الخميس الماضي", "2019-05-02"),
    ("مساء اليوم الثلاثاء", "2019-05-07"), ("في 2 أيار", "2019-05-02"),
    ("قبل يومين", "2019-05-05"), ("منذ يومين", "2019-05-05"), ("يوم أمس", "2019-05-06"),
])
def test_single_days(text, expected):
    (got,) = dates(text)
    assert got.start.isoformat() == expected and got.end == got.start and got.precision == 1


def test_last_weekday_that_is_today_means_a_week_ago():
    (got,) = dates("الثلاثاء الماضي")
    assert got.start == dt.date(2019, 4, 30)


def test_relative_dates_without_publication_date_stay_unknown():
    assert dates("أمس", published=None) == [None]
    assert dates("مساء الخميس", published=None) == [None]


def test_period_from_ordinal_to_ordinal():
    (got,) = dates("بدايةً من الرابع من يوليو 2015 وحتى السابع عشر من يوليو 2015")
    assert (got.start, got.end, got.precision) == (dt.date(2015, 7, 4), dt.date(2015, 7, 17), 3)


def test_month_and_year_only_is_month_precision():
    (got,) = dates("خلال شهر آب 2016")
    assert (got.start, got.end, got.precision) == (dt.date(2016, 8, 1), dt.date(2016, 8, 31), 3)


def test_same_day_and_throughout_the_day_are_not_today():
    n = normalise("بنفس اليوم وعلى مدار اليوم")
    kinds = [m.kind for m in find_dates(tokenize(n.text), n.text, load())]
    assert kinds == ["same_day"]


def test_an_ambiguous_weekday_set_off_as_a_day_is_the_day():
    from conftest import extract
    (e,) = extract("قتل 3 مدنيين الاثنين جراء قصف مدفعي على مدينة سراقب.", "2024-05-08")
    assert e.date_start == "2024-05-06"
    (e,) = extract("قتل الاثنين في قصف مدفعي على مدينة سراقب.", "2024-05-08")
    assert e.date_start is None


def test_the_weekday_the_text_names_beats_the_publication_day():
    from conftest import extract
    # written on Tuesday evening, published on Wednesday
    (e,) = extract("قتل 3 مدنيين مساء اليوم الثلاثاء في قصف مدفعي على مدينة سراقب.", "2024-05-08")
    assert e.date_start == "2024-05-07"


def test_a_date_after_a_publication_cue_is_the_pages_date_not_the_events():
    from conftest import extract
    text = ("مقتل 9 جنود في هجوم\nتاريخ النشر : 2021/02/04\nقتل مسلحون تسعة جنود بكمين قرب "
            "مدينة سراقب اليوم الأربعاء.")
    (e,) = extract(text)
    assert e.date_start == "2021-02-03"


def test_a_strike_recalled_from_the_night_before_does_not_pass_its_day_on():
    from conftest import extract
    text = ("قتل مدني اليوم الأحد في غارة على بلدة كفرنبل. وكان مدنيان قتلا ليلة السبت في غارة "
            "على بلدة سراقب. وفي السياق ذاته قصفت طائرات حربية بلدة معرة النعمان ما أدى لمقتل "
            "طفل.")
    dates = {e.location_name: e.date_start for e in extract(text, "2024-05-05")}
    assert dates["كفرنبل"] == dates["معرة النعمان"] == "2024-05-05"


def test_the_day_a_statement_was_issued_is_not_the_day_of_the_strike():
    from conftest import extract
    (e,) = extract("قتل 14 شخصا في قصف مدفعي على مدينة الفاشر. وأفادت الغرفة في بيانها الصادر "
                   "السبت 10 مايو 2025، أن القصف وقع يوم الجمعة 9 مايو.")
    assert e.date_start == "2025-05-09"
