"""Reports in the styles of different outlets and countries (written for these tests):
each row is the report, its publication date, and what must come out of it."""

import pytest
from conftest import extract

CASES = [
    ("استشهد 3 مواطنين بينهم طفلة جراء قصف طائرات حربية روسية على مناطق في بلدة معرة حرمة "
     "بريف إدلب الجنوبي، فيما ارتفع إلى 5 عدد الشهداء الذين قضوا جراء القصف على بلدة "
     "كفرسجنة بالريف ذاته.", "2019-06-10",
     [("Air/drone strike", "معرة حرمة", "SY", 3, 3, None),
      ("Air/drone strike", "كفرسجنة", "SY", 5, None, None)]),
    ("أعلنت خلية الإعلام الأمني، اليوم الأحد، مقتل أربعة إرهابيين بضربة جوية لطيران الجيش "
     "العراقي في وادي الشاي جنوب كركوك.", "2020-02-09",
     [("Air/drone strike", "كركوك", "IQ", 4, None, None)]),
    ("قتل 5 مدنيين بينهم امرأتان وأصيب 7 آخرون في قصف حوثي استهدف حياً سكنياً في مدينة تعز، "
     "وفق مصادر محلية.", "2018-01-20",
     [("Shelling/artillery/missile attack", "تعز", "YE", 5, 5, 7)]),
    ("قتل شخصان وأصيب ثلاثة آخرون في قصف صاروخي استهدف منطقة أبو سليم في العاصمة الليبية "
     "طرابلس مساء أمس.", "2019-09-02",
     [("Shelling/artillery/missile attack", "أبو سليم", "LY", 2, None, 3)]),
    ("استشهد مواطن وأصيب آخرون في غارة إسرائيلية على منزل في مدينة رفح جنوب قطاع غزة فجر "
     "اليوم.", "2021-05-12",
     [("Air/drone strike", "رفح", "PS", 1, 1, None)]),
    ("فجر انتحاري يرتدي حزاماً ناسفاً نفسه وسط تجمع للمعزين في قضاء حديثة غربي الأنبار، ما "
     "أسفر عن سقوط 12 قتيلاً و25 جريحاً، بحسب مصدر في الشرطة.", "2016-03-01",
     [("Suicide bomb", "حديثة", "IQ", 12, None, 25)]),
    ("قالت مصادر ميدانية إن اشتباكات عنيفة دارت بين فصائل المعارضة وقوات النظام على محور "
     "كفرنبودة بريف حماة الشمالي، أسفرت عن مقتل 14 عنصراً من قوات النظام و6 مقاتلين من "
     "الفصائل.", "2019-05-20",
     [("Armed clash", "كفرنبودة", "SY", 20, None, None)]),
    ("اختطف مسلحون مجهولون ثلاثة مدنيين من أهالي بلدة الحراك في ريف درعا الشرقي يوم الثلاثاء "
     "الماضي، ولا يزال مصيرهم مجهولاً.", "2017-11-03",
     [("Abduction/forced disappearance", "الحراك", "SY", None, None, None)]),
    ("قتل 7 مدنيين، بينهم 4 أطفال، وأصيب 10 آخرون، بانفجار لغم أرضي من مخلفات الحرب في بلدة "
     "الباغوز بريف دير الزور الشرقي، أثناء عودتهم إلى منازلهم.", "2019-03-03",
     [("Remote explosive/landmine/IED", "الباغوز", "SY", 7, 7, 10)]),
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_report_styles(text, published, expected):
    got = [(e.sub_event_type, e.location_name, e.country_code, e.killed_min,
            e.civilians_killed_min, e.injured_min) for e in extract(text, published)]
    assert got == expected


def test_a_village_missing_from_the_gazetteer_keeps_its_name_and_its_governorate():
    (e,) = extract("قتل مدنيان في قصف على بلدة كفرزيتونة بريف إدلب الجنوبي.")
    assert (e.location_name, e.admin1, e.geo_precision) == ("كفرزيتونة", "Idleb", 3)
    assert e.latitude is not None


def test_dates_of_the_styles():
    (e,) = extract(CASES[7][0], CASES[7][1])
    assert e.date_start == "2017-10-31"
    (e,) = extract(CASES[3][0], CASES[3][1])
    assert e.date_start == "2019-09-01"


@pytest.mark.parametrize("text, field, value", [
    ("سقط العشرات من القتلى والجرحى في غارات جوية على بلدة حمورية.", "killed_or_injured_min", 12),
    ("استشهد وأصيب 5 أشخاص بانفجار عبوة ناسفة في قضاء المقدادية بمحافظة ديالى.",
     "killed_or_injured_min", 5),
    ("قتل 3 من قوات النظام و5 من الفصائل في معارك على جبهة الزلاقيات شمالي حماة.",
     "killed_min", 8),
    ("لقيت امرأة حتفها وأصيب طفلاها بجروح جراء سقوط قذيفة هاون على حي باب توما في دمشق.",
     "injured_min", 2),
    ("انفجرت سيارة مفخخة في تمام الساعة 14:30 قرب جامع الفاروق في مدينة الباب، ما أدى إلى "
     "مقتل أكثر من مئة شخص.", "killed_min", 101),
    ("قتلت طفلة تبلغ من العمر 5 سنوات برصاص قناص في حي جوبر بدمشق.", "killed_min", 1),
])
def test_counting_phrases(text, field, value):
    (e,) = extract(text)
    assert getattr(e, field) == value


def test_the_side_of_the_dead_is_the_target():
    (e,) = extract("قتل 17 عنصراً من قوات الأسد بينهم ضابطان في هجوم لفصائل المعارضة على "
                   "مواقعهم في ريف اللاذقية الشمالي.")
    assert (e.actor1, e.actor2, e.killed_min) == ("Syrian opposition armed groups",
                                                  "Military Forces of Syria", 17)


@pytest.mark.parametrize("text, expected", [
    ("وثق المرصد السوري مقتل 4 مدنيين في قصف جوي روسي على بلدة معرة مصرين بريف إدلب الشمالي. "
     "وفي ريف حلب الغربي، قتل مدنيان اثنان جراء قصف صاروخي لقوات النظام على بلدة الأتارب.",
     [("معرة مصرين", 4, None, None), ("الأتارب", 2, None, None)]),
    ("قتل 3 أطفال بانفجار لغم أرضي زرعته ميليشيا الحوثي في مديرية حيس جنوبي الحديدة.",
     [("حيس", 3, 3, None)]),
    ("قتل ١٢ شخصاً وأصيب ٣٠ آخرون في تفجير انتحاري في مدينة القامشلي.",
     [("القامشلي", 12, None, 30)]),
    ("سقط قتيلان وخمسة جرحى في قصف بالهاون على حي الميدان في دمشق.",
     [("دمشق", 2, None, 5)]),
    ("قتل طفلان وأصيبت والدتهما بجروح خطيرة في غارة جوية على قرية كفرعويد في جبل الزاوية.",
     [("كفرعويد", 2, 2, 1)]),
    ("عقد مجلس الأمن الدولي جلسة طارئة لبحث الوضع الإنساني في سوريا، وسط تحذيرات أممية من "
     "كارثة إنسانية في إدلب حيث يعيش أكثر من ثلاثة ملايين شخص.", []),
])
def test_more_styles(text, expected):
    got = [(e.location_name, e.killed_min, e.children_killed_min, e.injured_min)
           for e in extract(text, "2019-02-20")]
    assert got == expected


def test_a_weekday_with_its_date_and_the_current_month():
    (e,) = extract("قتل 6 مدنيين يوم السبت الماضي 12 آذار في غارات جوية على مدينة دوما.",
                   "2016-03-15")
    assert e.date_start == "2016-03-12"
    (e,) = extract("وكانت قوات النظام قد قصفت في 3 من الشهر الجاري بلدة بنش بالمدفعية، ما أدى "
                   "إلى مقتل شخص.", "2016-03-15")
    assert (e.date_start, e.killed_min) == ("2016-03-03", 1)


def test_a_list_of_tolls_in_one_sentence_gives_one_event_per_place():
    events = extract("قتل شخصان في قصف مدفعي على بلدة كفرنبل، وثلاثة آخرون في قصف مماثل على "
                     "قرية حاس، فيما أصيب خمسة مدنيين في بلدة معرة حرمة.", "2019-06-01")
    assert [(e.location_name, e.killed_min, e.injured_min) for e in events] == [
        ("كفرنبل", 2, None), ("حاس", 3, None), ("معرة حرمة", None, 5)]


def test_dual_others_and_drone_claims():
    (e,) = extract("قتل شخص وأصيب اثنان آخران بانفجار عبوة ناسفة في مدينة الباب.")
    assert (e.killed_min, e.injured_min) == (1, 2)
    (e,) = extract("أعلن الحوثيون استهداف قاعدة الملك خالد الجوية في خميس مشيط بطائرة مسيرة.")
    assert (e.sub_event_type, e.actor1, e.country_code) == ("Air/drone strike",
                                                         "Ansar Allah (Houthis)", "SA")


@pytest.mark.parametrize("text, sub, actor1, actor2", [
    ("سيطرت قوات النظام على بلدة كفرنبودة في ريف حماة الشمالي بعد معارك عنيفة مع فصائل "
     "المعارضة.", "Government regains territory", "Military Forces of Syria",
     "Syrian opposition armed groups"),
    ("سيطرت فصائل المعارضة على قرية الحماميات بريف حماة الشمالي إثر هجوم معاكس على مواقع "
     "قوات النظام.", "Non-state actor overtakes territory", "Syrian opposition armed groups",
     "Military Forces of Syria"),
    ("أحرق عناصر من ميليشيا الحوثي منازل مواطنين في قرية الحصين بمديرية دمت شمالي الضالع.",
     "Looting/property destruction", "Ansar Allah (Houthis)", None),
    ("اختطف مسلحون مجهولون طبيباً من أمام عيادته في مدينة الباب شرقي حلب مساء أمس.",
     "Abduction/forced disappearance", "Unidentified Armed Group", None),
])
def test_other_event_types_and_their_actors(text, sub, actor1, actor2):
    (e,) = extract(text, "2019-06-01")
    assert (e.sub_event_type, e.actor1, e.actor2) == (sub, actor1, actor2)


def test_places_naming_a_road_do_not_locate_the_event():
    (e,) = extract("قتل 3 مدنيين في قصف على الطريق الدولي حلب - دمشق قرب مدينة سراقب.")
    assert (e.location_name, e.geo_precision, e.landmark) == ("سراقب", 2, "الطريق الدولي")


def test_camps_stabbings_and_the_current_month():
    (e,) = extract("قتل لاجئ عراقي طعناً في مخيم الهول شرقي الحسكة.")
    assert (e.sub_event_type, e.location_name, e.civilians_killed_min) == ("Attack", "الهول", 1)
    (e,) = extract("قتل شخصان في 12 الجاري بانفجار في مخيم الهول شرقي الحسكة.", "2019-05-20")
    assert e.date_start == "2019-05-12"


@pytest.mark.parametrize("text, sub", [
    # an ambush is a setting: the landmine decides
    ("قتل 10 جنود في كمين بلغم أرضي زرعه مسلحون على طريق مدينة سراقب.",
     "Remote explosive/landmine/IED"),
    # the accusative ending on the trigger
    ("قتل 4 أشخاص في تفجيرا انتحاريا استهدف مطعما في مدينة الموصل.", "Suicide bomb"),
    ("قتل شرطيان في هجوم بقنابل على سيارتهما في مدينة العريش.",
     "Remote explosive/landmine/IED"),
    # an attack that killed civilians only is violence against civilians
    ("قتل 3 مدنيين في هجوم نفذه مسلحون مجهولون على قرية كفرنبل.", "Attack"),
])
def test_the_weapon_and_the_victims_decide_the_type(text, sub):
    (e,) = extract(text, "2024-05-01")
    assert e.sub_event_type == sub


def test_a_name_follows_its_cue_word_directly():
    text = "توتر الوضع داخل المخيم،\nوتطور الأمر إلى اشتباكات عنيفة في مدينة صيدا."
    assert [e.location_name for e in extract(text, "2024-05-01")] == ["صيدا"]


def test_gunmen_no_one_names_who_kill_people_no_one_calls_fighters_attack_civilians():
    (e,) = extract("قتل شخصان في هجوم نفذه مسلحون مجهولو الهوية في قرية ماندولي بمالي.",
                   "2019-05-21")
    assert e.sub_event_type == "Attack"
    (f,) = extract("قتل شخصان في هجوم نفذه مسلحون مجهولو الهوية على حاجز للجيش في بلدة "
                   "سراقب، وقتل في الاشتباك 3 جنود.", "2019-05-21")
    assert f.sub_event_type == "Armed clash"  # soldiers among the dead: a clash
