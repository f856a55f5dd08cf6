"""Text that talks about violence without reporting an event that happened yields nothing;
the same words telling a strike still do."""

import pytest
from conftest import extract


@pytest.mark.parametrize("text", [
    # an arms deal: the weapon is sold, not fired
    "وافقت وزارة الخارجية على صفقة لبيع صواريخ دفاع جوي إلى الجيش بقيمة مليار دولار.",
    # a parade: weapons on display
    "شاركت منظومات الصواريخ والطائرات المسيرة في العرض العسكري في العاصمة دمشق.",
    # a threat and a condition
    "قال المتحدث إنه سيتم استهداف أي سفينة تعبر مضيق باب المندب.",
    "هدد الجيش بتحويل مدينة حلب إلى ركام بضربات جوية إذا استمر التصعيد.",
    # a court case named after the crime
    "أرجأت المحكمة النطق بالحكم في قضية اغتيال رئيس الحكومة السابق في بيروت.",
    # an anniversary: the massacre is years old
    "أحيا أهالي مدينة حماة ذكرى مجزرة عام 1982 التي قتل فيها آلاف المدنيين.",
    # a metaphor
    "دخلت الحرب التجارية بين البلدين مرحلة جديدة بعد الانفجار السعري في الأسواق.",
    # violence with no place to code
    "قتل ثلاثة أشخاص في غارة جوية.",
])
def test_talk_about_violence_is_not_an_event(text):
    assert extract(text, "2024-05-01") == []


def test_a_strike_recalled_from_years_before_the_report_is_not_news():
    text = ("قتل مدني في قصف مدفعي على بلدة كفرنبل اليوم. وكانت البلدة قد شهدت في عام 2016 "
            "غارة جوية قتل فيها 20 شخصا.")
    assert [(e.sub_event_type, e.killed_min) for e in extract(text, "2020-03-01")] == [
        ("Shelling/artillery/missile attack", 1)]


@pytest.mark.parametrize("text", [
    "سقطت قذيفة هاون على حي باب توما في دمشق.",
    "استهدفت طائرة مسيرة سيارة على طريق مأرب.",
    "قتل شخصان بانفجار عبوة ناسفة في مدينة الموصل.",
])
def test_a_weapon_with_an_act_or_a_toll_is_an_event(text):
    assert len(extract(text, "2024-05-01")) == 1


def test_a_village_missing_from_the_gazetteer_still_anchors_the_event():
    (e,) = extract("قتل طفل في قصف مدفعي على قرية كفرزيتونة.", "2024-05-01")
    assert (e.location_name, e.latitude, e.killed_min) == ("كفرزيتونة", None, 1)


@pytest.mark.parametrize("text", [
    # a match report
    "انتهت المواجهات بين الفريقين بالتعادل في مباراة مثيرة على ملعب مدينة حلب.",
    "سيطر الفريق على مجريات اللعب في المباراة التي جرت في مدينة حمص.",
    # a shopper, not a force, 'entered'
    "دخلت السوق في مدينة حماة بمئتي ليرة وخرجت بكيس واحد.",
    # deaths that tell no violence
    "أعلنت الوزارة وفاة 12 شخصا بالكوليرا في مدينة الحديدة.",
    # an anniversary vigil
    "نظم ناشطون وقفة تضامنية مع ضحايا مجزرة الحولة في مدينة إدلب.",
])
def test_figures_of_speech_and_deaths_without_violence_are_not_events(text):
    assert extract(text, "2024-05-01") == []


def test_a_force_taking_ground_is_still_an_event():
    (e,) = extract("سيطرت قوات النظام على بلدة كفرنبل بعد معارك عنيفة.", "2024-05-01")
    assert e.location_name == "كفرنبل"


def test_a_commemoration_or_a_court_story_reports_no_event_of_its_own():
    text = ("إحياء ذكرى مجزرة الحولة\nنظم أهالي بلدة كفرنبل وقفة في ذكرى المجزرة التي ارتكبتها "
            "قوات النظام بقصف مدفعي على الحولة وقتل فيها 108 أشخاص.")
    assert extract(text, "2024-05-25") == []
    text = ("أرجأت المحكمة النطق بالحكم على المتهمين في تفجير سوق مدينة الموصل الذي قتل فيه 30 "
            "شخصا.")
    assert extract(text, "2024-05-25") == []


def test_quarters_of_a_city_are_not_a_revival():
    # أحياء (quarters) folds to the same letters as إحياء (reviving)
    (e,) = extract("قصفت قوات النظام أحياء مدينة سراقب ما أدى إلى مقتل 3 مدنيين.", "2024-05-01")
    assert e.killed_min == 3


def test_a_word_written_with_tanween_is_not_a_place_name():
    # دورًا is "a role", دورا the town near Hebron
    text = "تلعب الطائرات المسيّرة دورًا محوريًا في الحرب، حيث قصفت طائرة مسيرة مدينة الخليل."
    assert [e.location_name for e in extract(text, "2024-05-01")] == ["الخليل"]



def test_a_death_sentence_is_not_a_death():
    events = extract("قضت محكمة عسكرية في مدينة الإسماعيلية بإعدام 8 متهمين بتنفيذ هجمات.",
                     "2018-11-07")
    assert events == []  # no figure, and no execution either: a sentence passed
    (e,) = extract("أعدم مسلحو التنظيم 8 أسرى رميا بالرصاص في مدينة الرقة.", "2018-11-07")
    assert (e.sub_event_type, e.killed_min) == ("Attack", 8)


def test_a_verb_after_a_town_cue_is_not_a_town():
    events = extract("دخلت قافلة مساعدات بلدة تحاصرها قوات موالية للحكومة في ريف دمشق.",
                     "2016-01-11")
    assert all(e.location_name != "تحاصرها" for e in events)
