"""End-to-end: short reports written for these tests, and what a monitor must get from them."""

from conftest import extract

from marsad.extract import extract_report
from marsad.records import Report


def one(text, published=None):
    events = extract(text, published)
    assert len(events) == 1, [(e.sub_event_type, e.location_name) for e in events]
    return events[0]


def test_combined_count_is_never_read_as_killed():
    e = one("قتل وجرح 15 شخصاً في قصف مدفعي على بلدة سراقب بريف إدلب.")
    assert e.killed_or_injured_min == 15
    assert e.killed_min is None and e.injured_min is None


def test_same_number_of_injured():
    e = one("لقي 11 شخصاً مصرعهم ومثلهم جرحى في انفجار سيارة مفخخة في مدينة الموصل.")
    assert (e.killed_min, e.injured_min) == (11, 11)


def test_two_sources_disagreeing_give_a_range():
    e = one("قتل 11 مدنياً في غارة جوية على مدينة دوما، بحسب المرصد السوري. "
            "فيما قالت مصادر محلية إن عدد القتلى 10 مدنيين.")
    assert (e.killed_min, e.killed_max) == (10, 11)
    assert (e.civilians_killed_min, e.civilians_killed_max) == (10, 11)


def test_a_toll_that_rose_replaces_the_first_figure():
    e = one("قتل 20 شخصاً في تفجير انتحاري استهدف سوقاً في مدينة الرمادي. "
            "وارتفعت حصيلة القتلى لاحقاً إلى 27 شخصاً.")
    assert e.killed_min == 27
    assert e.sub_event_type == "Suicide bomb"


def test_no_scale_stays_unknown_and_vague_scale_is_coded_and_flagged():
    e = one("أدى القصف المدفعي على مدينة حرستا إلى سقوط قتلى وعدد من الجرحى.")
    assert e.killed_min is None and e.injured_min is None
    e = one("قتل عشرات المدنيين في غارات جوية على مدينة حرستا.")
    assert (e.killed_min, e.killed_vague, e.civilians_killed_min) == (12, True, 12)


def test_duals_and_people_as_counts():
    assert one("قتل مدنيان اثنان في قصف على بلدة تفتناز.").civilians_killed_min == 2
    assert one("سقط قتيلان في انفجار لغم أرضي قرب بلدة سراقب.").killed_min == 2
    e = one("قتلت غارة جوية سيدة وطفلها في قرية كنصفرة.")
    assert (e.killed_min, e.civilians_killed_min, e.women_killed_min) == (2, 2, 1)
    assert one("أصيب مواطن بجروح في قصف على بلدة سراقب.").injured_min == 1


def test_ages_years_and_strikes_are_not_casualties():
    e = one("شنت الطائرات الحربية 12 غارة على مدينة معرة النعمان عام 2019، "
            "ما أدى إلى مقتل طفل يبلغ من العمر 9 أعوام.")
    assert (e.killed_min, e.children_killed_min) == (1, 1)


def test_parts_add_up_and_named_leader_is_kept():
    e = one("استهدفت غارة للتحالف الدولي سيارة في مدينة الرقة ما أدى لمقتل ثلاثة عناصر من "
            "تنظيم الدولة بينهم أبو خالد الشامي وهو قيادي في التنظيم، بالإضافة لمقتل اثنين "
            "من أمنيي التنظيم وثلاثة مدنيين.", "2016-01-10")
    assert (e.killed_min, e.civilians_killed_min, e.combatants_killed_min) == (8, 3, 5)
    assert e.named_killed[0]["name"] == "أبو خالد الشامي"
    assert e.named_killed[0]["role"] == "قيادي"
    assert e.actor1 == "Global Coalition Against Daesh"
    assert e.actor2 == "Islamic State (IS)"


def test_one_event_told_twice_comes_out_once():
    events = extract("انفجرت سيارة مفخخة في حي الكرادة ببغداد مما أسفر عن مقتل 5 أشخاص. "
                     "وقال مصدر أمني إن السيارة المفخخة كانت مركونة قرب سوق شعبي، وإن "
                     "الانفجار أدى إلى مقتل 5 أشخاص وإصابة 12 آخرين.")
    assert len(events) == 1
    assert (events[0].killed_min, events[0].injured_min) == (5, 12)


def test_two_events_in_one_sentence():
    events = extract("قصفت قوات النظام بلدة اللطامنة بالمدفعية ما أدى لمقتل مدني، "
                     "كما شن الطيران الروسي غارات على مدينة خان شيخون ما أسفر عن مقتل طفلين.")
    assert [(e.sub_event_type, e.location_name, e.killed_min) for e in events] == [
        ("Shelling/artillery/missile attack", "اللطامنة", 1),
        ("Air/drone strike", "خان شيخون", 2),
    ]


def test_period_totals_are_aggregates():
    events = extract("وثق ناشطون مقتل 125 مدنياً جراء الغارات الجوية على محافظة إدلب خلال "
                     "الأسبوع الماضي.", "2019-05-07")
    assert len(events) == 1 and events[0].aggregate
    assert events[0].civilians_killed_min == 125


def test_dates_relative_to_publication_and_carried_over():
    events = extract("قتل ثلاثة مدنيين في غارة على بلدة كفرنبل مساء الخميس. "
                     "كما استهدفت غارة أخرى في اليوم ذاته مدينة سراقب.", "2019-05-07")
    assert [e.date_start for e in events] == ["2019-05-02", "2019-05-02"]
    assert [e.time_precision for e in events] == [1, 1]


def test_undated_strikes_inside_a_stated_period():
    events = extract("كثف طيران التحالف غاراته على مدينة الرقة بداية من 3 آب 2016 وحتى "
                     "10 آب 2016. واستهدفت إحدى الغارات مبنى البريد وسط المدينة.")
    assert len(events) == 1
    e = events[0]
    assert (e.date_start, e.date_end, e.time_precision) == ("2016-08-03", "2016-08-10", 2)
    assert e.landmark == "مبنى البريد" and e.location_name == "الرقة"


def test_glued_words_and_egyptian_spelling():
    e = one("انفجرت عبوة ناسفة فى سوق شعبى جنوبيبغداد مما اسفرعن مقتل 3 أشخاص.")
    assert e.location_name == "بغداد" and e.geo_precision == 2 and e.killed_min == 3


def test_countryside_is_region_precision():
    e = one("قتل 4 مدنيين في قصف مدفعي على ريف إدلب الجنوبي.")
    assert (e.location_name, e.admin1, e.geo_precision) == ("إدلب", "Idleb", 3)


def test_where_people_came_from_is_not_where_it_happened():
    e = one("قتل خمسة نازحين من تدمر في غارة جوية على مخيم قرب بلدة سرمدا.")
    assert e.location_name != "تدمر"


def test_al_qaeda_is_a_group_not_a_place():
    e = one("قتل ثلاثة عناصر من تنظيم القاعدة في غارة بطائرة مسيرة في محافظة شبوة.")
    assert e.actor2 == "AQAP: Al Qaeda in the Arabian Peninsula"
    assert e.admin1 == "Shabwah"


def test_evidence_points_into_the_original_text():
    text = "قُتِلَ ٣ مدنيين في غارة جوية على بلدة كفرنبل."
    (e,) = extract(text)
    for ev in e.evidence:
        assert text[ev.start:ev.end] == ev.text
    killed = [ev for ev in e.evidence if ev.field == "killed_min"]
    assert killed and "٣" in killed[0].text


def test_a_persian_report_yields_no_events_and_says_why(samples):
    text = (samples / "persian_report.txt").read_text(encoding="utf-8")
    result = extract_report(Report("fa", text))
    assert result.language == "fa" and result.events == []
    assert "fa" in result.message


def test_unknown_is_null_never_zero():
    e = one("شن الطيران الحربي غارات على مدينة أريحا.")
    assert e.killed_min is None and e.injured_min is None and e.civilians_killed_min is None


def test_threats_and_condemnations_are_not_events():
    assert extract("توعد الجيش بشن غارات جوية على مدينة إدلب في الأيام المقبلة.") == []
    assert extract("أدانت الخارجية القصف المدفعي على بلدة كفرنبل.") == []


def test_an_analysis_piece_gives_its_campaign_total_not_a_strike_recalled_from_years_ago():
    text = ("تشهد محافظة إدلب منذ أشهر تصعيداً عسكرياً متواصلاً، حيث تتعرض مدنها وبلداتها لقصف "
            "يومي من قوات النظام. ويقول ناشطون إن الحملة العسكرية الأخيرة أودت بحياة أكثر من "
            "500 مدني.\nويتذكر أبو أحمد الغارة التي استهدفت سوق الخضار في مدينة معرة النعمان "
            "عام 2017 وقتل فيها 40 شخصاً، ويقول إن المشهد يتكرر اليوم. ويؤكد الدفاع المدني أن "
            "فرقه استجابت لأكثر من 300 غارة.\nويطالب السكان بالتدخل لوقف القصف.")
    events = extract(text, "2019-08-20")
    assert [(e.aggregate, e.killed_min, e.location_name, e.date_start, e.time_precision)
            for e in events] == [(True, 501, "إدلب", None, None)]


def test_a_running_total_is_an_aggregate_not_the_incident_toll():
    events = extract("قتل 5 مدنيين اليوم في غارات جوية على مدينة أريحا، ليرتفع عدد القتلى "
                     "المدنيين منذ بداية الأسبوع إلى 45 مدنياً في محافظة إدلب.", "2019-05-07")
    assert [(e.aggregate, e.killed_min, e.location_name) for e in events] == [
        (False, 5, "أريحا"), (True, 45, "إدلب")]


def test_a_headline_total_does_not_widen_the_first_body_event():
    events = extract("مقتل 7 مدنيين بغارات روسية على ريف إدلب\n\nقتل خمسة مدنيين في غارة جوية "
                     "روسية على مدينة سراقب صباح اليوم، كما قتل مدنيان اثنان في غارة أخرى على "
                     "مدينة أريحا.", "2019-05-07")
    assert [(e.location_name, e.killed_min, e.killed_max) for e in events] == [
        ("سراقب", 5, 5), ("أريحا", 2, 2)]


def test_a_war_total_is_an_aggregate_and_large_numbers_are_read_whole():
    (e,) = extract("قتل أكثر من 500 ألف شخص في سوريا منذ بداية الحرب عام 2011، وفق المرصد "
                   "السوري.", "2019-05-07")
    assert (e.aggregate, e.killed_min, e.killed_max) == (True, 500001, None)
    (e,) = extract("قتل ألف شخص في المعارك في مدينة حلب.")
    assert e.killed_min == 1000


def test_two_of_them_is_a_part_and_a_commander_counts_once():
    (e,) = extract("قتل ثلاثة مدنيين، اثنان منهم أطفال، في قصف على بلدة سراقب.")
    assert (e.killed_min, e.civilians_killed_min, e.children_killed_min) == (3, 3, 2)
    (e,) = extract("مقتل قائد اللواء 93 في غارة على مدينة الرقة.")
    assert (e.killed_min, e.combatants_killed_min) == (1, 1)
    (e,) = extract("مقتل أربعة عناصر بينهم أبو علي وهو قيادي في غارة على مدينة الرقة.")
    assert e.killed_min == 4


def test_a_car_bomb_driven_by_a_suicide_bomber_is_a_suicide_bomb():
    (e,) = extract("انفجرت سيارة مفخخة يقودها انتحاري في مدينة الموصل ما أدى إلى مقتل شخصين.",
                   "2024-05-01")
    assert e.sub_event_type == "Suicide bomb"


def test_bombs_dropped_by_an_aircraft_are_an_air_strike():
    (e,) = extract("قتل طفل عندما ألقت طائرة أنتونوف قنابل على قرية الفندا بمحلية الدلنج.",
                   "2024-05-01")
    assert e.sub_event_type == "Air/drone strike"


def test_a_car_bomb_and_a_hand_grenade_in_one_town_are_two_attacks():
    text = ("أصيب ثلاثة موظفين بانفجار عبوة ناسفة قرب مصرف في مدينة الموصل. كما أصيب خمسة مدنيين "
            "في هجوم بقنبلة يدوية استهدف مقرا لحزب في الموصل.")
    events = extract(text, "2024-05-01")
    assert sorted((e.sub_event_type, e.injured_min) for e in events) == [
        ("Grenade", 5), ("Remote explosive/landmine/IED", 3)]
