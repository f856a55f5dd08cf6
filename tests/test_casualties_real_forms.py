"""Counting forms seen in real reports, in sentences written for these tests."""

import pytest
from conftest import extract


def figures(text):
    (e,) = extract(text, "2024-05-01")
    return e.killed_min, e.civilians_killed_min, e.children_killed_min, e.injured_min


@pytest.mark.parametrize("text, expected", [
    # the count before its verb, with its parts told in between
    ("قال ناشطون إن 12 مدنيا، بينهم 4 أطفال، قتلوا في قصف مدفعي على مدينة سراقب.",
     (12, 12, 4, None)),
    # a list of parts after "among them" stays inside the count
    ("تسعة مدنيين بينهم طفلان وامرأتان قتلوا في قصف على مدينة سراقب.", (9, 9, 2, None)),
    # victims enumerated after هم are the count, not more people
    ("قتل خمسة مدنيين هم رجل وأربعة من أطفاله في قصف على مدينة سراقب.", (5, 5, 4, None)),
    # قضى and a diacritic in the wrong place
    ("قضى أكثر من عشرين مدنياَ في غارات على مدينة الرقة.", (21, 21, None, None)),
    # an enumeration before its verb, with the family named between them
    ("قال ناشطون إن ثلاثة أطفال وامرأة من عائلة واحدة قتلوا بقصف مدفعي على مدينة سراقب.",
     (4, 4, 3, None)),
    # a singular noun before a feminine verb
    ("وقال ناشطون إن امرأة قتلت وجرح ثلاثة مدنيين بقصف على مدينة حرستا.", (1, 1, None, 3)),
    # the Civil Defence is a source, not a civilian
    ("سقطت قذائف على مدينة دوما دون تسجيل إصابات، حسب الدفاع المدني.", (0, None, None, 0)),
    # the ranks the dead came from say who they were
    ("قصف مدفعي على مدينة الرقة أدى لسقوط 6 قتلى في صفوف المدنيين.", (6, 6, None, None)),
    # a verb pair between two counts: the first killed, the second injured
    ("قال مصدر إن مواطنا قتل وأصيب 4 آخرون بانفجار عبوة ناسفة في مدينة الموصل.",
     (1, 1, None, 4)),
    # each side's dead, told in their own sentences, add up
    ("قال الجيش إن مسلحين قتلوا خمسة جنود في هجوم على قرية بوني. وأضاف أن 12 مهاجما قتلوا "
     "في الاشتباك.", (17, None, None, None)),
    # a weekday after a plural noun is a day, not "one" (الأحد)
    ("قتل خمسة مدنيين، بينهم أطفال، الأحد في قصف على مدينة سراقب.", (5, 5, None, None)),
    # the bomber among the dead is not one of the victims
    ("فجر انتحاري نفسه في مطعم بمدينة مقديشو ما أسفر عن مصرع 6 أشخاص، بينهم منفذ الهجوم.",
     (5, None, None, None)),
    # the "one" of "one family" is not one more person
    ("قتل تسعة أشخاص في قصف على مدينة سراقب، من بينهم خمسة قتلى من عائلة واحدة.",
     (9, 5, None, None)),  # the family are civilians; the other four are not known
    # "an armed attack" counts no armed man
    ("قتل أربعة من عناصر الشرطة في هجوم مسلح استهدف مركزا للشرطة في مدينة سامراء.",
     (4, None, None, None)),
    # names listed after "كل من" are more victims, one per name
    ("أسفر القصف على مدينة التحيتا عن مقتل الطفل سالم أحمد علي، وكل من خالد محمد سعيد "
     "وعلي حسن ناصر.", (3, 3, 1, None)),
    # a person word agreeing with a definite noun is an adjective ("الإعلام العسكري")
    ("أصيب خمسة مدنيين بقصف على قرية الرون في ريف الحديدة، بحسب الإعلام العسكري.",
     (None, None, None, 5)),
    # a source described as military or security counts nobody
    ("سقطت قذيفة على مدينة الموصل دون وقوع إصابات، حسبما قال مصدر أمني.", (0, None, None, 0)),
    # an earlier toll the report says it replaced gives way to the current one
    ("قتل 16 شخصا في هجوم انتحاري على مجلس عزاء جنوب مدينة بعقوبة. وأشارت حصيلة سابقة إلى "
     "مقتل 15 في الهجوم ذاته.", (16, None, None, None)),
    # "بمن فيهم" / "بما في ذلك" open a part of the count, not more people
    ("قتل خمسة أشخاص بمن فيهم طفلان في قصف مدفعي على مدينة سراقب.", (5, 2, 2, None)),
    ("قتل خمسة أشخاص، بما في ذلك طفلان، في قصف مدفعي على مدينة سراقب.", (5, 2, 2, None)),
    # a second person word describes the first ("شهيد مدني": one civilian, not two)
    ("وتسبب القصف المدفعي على مدينة الرقة بسقوط شهيد مدني والعديد من الجرحى.",
     (1, 1, None, None)),
    # "أغلبهم" opens a part, and the verb after it still gives the count its kind
    ("قال ناشطون إن 9 أشخاص أغلبهم من الأطفال استشهدوا في قصف جوي على مدينة الرقة.",
     (9, None, None, None)),
    # "بغارة" after a count is the means ("eight injured by a raid"), not eight raids
    ("أفادت الوزارة باستشهاد 6 أشخاص، وإصابة 8 بغارة على بلدة البابلية.", (6, None, None, 8)),
    # the missing are not counted among the dead
    ("أشارت الوزارة إلى استشهاد شخص، بالإضافة إلى 3 مفقودين، جراء غارة على بلدة كفرحتى.",
     (1, None, None, None)),
    # people of one family are civilians
    ("قتل خمسة أشخاص من عائلة واحدة بقصف مدفعي على مدينة سراقب.", (5, 5, None, None)),
    # first person: "we lost"
    ("وقال القائد خسرنا 6 جنود في الهجوم على مدينة سراقب.", (6, None, None, None)),
    # an explicit zero is a figure; "no information" is not
    ("سقطت قذائف هاون على مدينة سراقب دون وقوع إصابات.", (0, None, None, 0)),
    ("سقطت قذائف هاون على مدينة سراقب ولم ترد معلومات عن وقوع إصابات.",
     (None, None, None, None)),
    # "among them children" with no number gives no children figure
    ("قتل مدنيون بينهم أطفال في قصف على مدينة سراقب.", (None, None, None, None)),
])
def test_counting_forms(text, expected):
    assert figures(text) == expected


def test_a_count_with_its_noun_before_among_them_is_the_whole():
    assert figures("قتل 4 مدنيين منهم طفل في قصف على مدينة سراقب.") == (4, 4, 1, None)


def test_fell_between_killed_and_injured_is_a_combined_count():
    (e,) = extract("قال مصدر إن أربعة جنود سقطوا بين قتيل وجريح في انفجار عبوة ناسفة في مدينة "
                   "الموصل.", "2024-05-01")
    assert (e.killed_min, e.injured_min, e.killed_or_injured_min) == (None, None, 4)


@pytest.mark.parametrize("text, expected", [
    # the partitive names who the dead were
    ("قتل 29 قتيلا من الأطفال في غارة على مدينة صعدة.", (29, 29, 29, None)),
    # a plural noun with no number and a verb in the dual: two
    ("قال مصدر إن مدنيين قتلا في انفجار عبوة ناسفة في مدينة الموصل.", (2, 2, None, None)),
])
def test_who_and_how_many_from_the_grammar(text, expected):
    assert figures(text) == expected


def test_a_natural_death_beside_a_killing_is_not_counted():
    assert figures("قصفت طائرات منزلا في مدينة صعدة به تجمع لتقديم العزاء في وفاة امرأة، مما "
                   "أسفر عن مقتل تسع نساء وطفل واحد.") == (10, 10, 1, None)


def test_an_adjective_after_the_fighters_names_their_side_and_the_sides_add_up():
    text = ("أسفرت المواجهات في ريف حماة عن مقتل 30 عنصراً من قوات النظام، في حين قتل سبعة "
            "مقاتلين معارضين.")
    (e,) = extract(text, "2016-10-09")
    assert (e.killed_min, e.killed_max) == (37, 37)


def test_a_verb_of_wounding_before_a_building_says_what_was_hit():
    text = "قتل رجل في غارة جوية أصابت منزل أحد وجهاء القرية في بلدة كفرنبل."
    (e,) = extract(text, "2020-01-01")
    assert (e.killed_min, e.injured_min) == (1, None)


def test_all_of_them_of_one_family_were_civilians():
    (e,) = extract("قتل 4 أشخاص جميعهم من أسرة واحدة في غارة على بلدة ميس الجبل.", "2024-06-02")
    assert (e.killed_min, e.civilians_killed_min) == (4, 4)


def test_a_toll_noun_with_a_pronoun_for_the_people_counted_before_it():
    text = ("سقطت قذيفة على عائلة مكونة من خمسة أشخاص، جميعهم من الأطفال والنساء، ما أدى إلى "
            "مقتلهم على الفور، وهم: الطفلة سلمى خالد، والطفل عمر خالد، وهدى سالم، ومريم سالم، "
            "ونجوى حسن، في بلدة داعل.")
    (e,) = extract(text, "2015-01-01")
    # the named victims after "وهم:" are parts of the five, names between them or not
    assert (e.killed_min, e.civilians_killed_min, e.children_killed_min) == (5, 5, 2)


def test_lost_their_lives_after_a_count_is_death():
    (e,) = extract("أكد المرصد أن مدنيين اثنين فقدا حياتهما وأصيب خمسة آخرون جراء قصف صاروخي "
                   "على مدينة أريحا.", "2020-01-02")
    assert (e.killed_min, e.civilians_killed_min, e.injured_min) == (2, 2, 5)


def test_brothers_and_sisters_are_counted_people():
    (e,) = extract("قتل شقيقان وأصيبت شقيقتهما في غارة على بلدة حولا.", "2024-06-02")
    assert e.killed_min == 2


def test_the_one_a_family_is_named_after_is_no_further_victim():
    (e,) = extract("قتل 10 أفراد من أسرة المواطن عبدالله سالم، بينهم زوجته ووالدته وثمانية من "
                   "أطفاله، في قصف مدفعي على مدينة الفاشر.", "2025-05-10")
    assert (e.killed_min, e.children_killed_min) == (10, 8)


def test_a_person_told_of_again_without_being_called_another_is_not_added():
    (e,) = extract("قتل طفل وأصيب 7 آخرون عندما ألقت طائرة قنابل على قرية الفندا بمحلية الدلنج "
                   "وسقط شهيدا جراء القصف التلميذ بلة فرح البالغ من العمر 9 سنوات.", "2019-01-01")
    assert (e.killed_min, e.killed_max, e.children_killed_min) == (1, 1, 1)
    # one called another is added, and so are other numbers of people
    (f,) = extract("قتل طفل وشخص آخر في قصف على قرية الفندا بمحلية الدلنج.", "2019-01-01")
    assert f.killed_min == 2
    (g,) = extract("قتل 3 جنود في الهجوم على بلدة سراقب ومقتل شخصين.", "2019-01-01")
    assert g.killed_min == 5
