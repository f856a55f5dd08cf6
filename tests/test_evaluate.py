import json

import pytest
from conftest import DEV_GOLD

from marsad.evaluate import evaluate, load_gold

GOLD = [{
    "id": "g1", "published": "2019-05-07", "language": "ar",
    "text": "قتل ثلاثة مدنيين بينهم طفل في غارة جوية على بلدة كفرنبل أمس. كما قتل شخصان "
            "في قصف مدفعي على مدينة سراقب.",
    "events": [
        {"type": "Air/drone strike", "place": ["كفرنبل"], "lat": 35.53, "lon": 36.56,
         "country": "SY", "date": "2019-05-06", "killed_total": 3, "killed_civilians": 3,
         "injured": None, "children_killed": 1, "aggregate": False},
        {"type": "Shelling/artillery/missile attack", "place": ["سراقب"], "lat": 35.86,
         "lon": 36.8, "country": "SY", "date": None, "killed_total": 2,
         "killed_civilians": None, "injured": None, "children_killed": None,
         "aggregate": False},
    ]}]


def test_scores_a_project_written_gold():
    s = evaluate(GOLD)
    assert (s.matched, s.precision, s.recall) == (2, 1.0, 1.0)
    assert s.casualty_accuracy == 1.0 and s.invented == 0
    assert (s.dates_correct, s.dates_total) == (1, 1)


def test_a_figure_where_gold_has_none_is_invented():
    gold = json.loads(json.dumps(GOLD))
    gold[0]["events"][0]["killed_civilians"] = None
    assert evaluate(gold).invented == 1


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="shared/dev is not beside the repository")
def test_dev_set_floors():
    s = evaluate(load_gold(DEV_GOLD))
    assert s.f1 >= 0.9 and s.casualty_accuracy >= 0.9 and s.invented == 0
