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


def test_extra_ok_forgives_that_many_unmatched_events():
    gold = json.loads(json.dumps(GOLD))
    gold[0]["events"] = gold[0]["events"][:1]
    assert evaluate(gold).precision == 0.5
    gold[0]["extra_ok"] = 1
    assert evaluate(gold).precision == 1.0


def test_skipped_fields_are_not_scored():
    gold = json.loads(json.dumps(GOLD))
    gold[0]["events"][0]["killed_civilians"] = None
    gold[0]["events"][0]["skip"] = ["killed_civilians", "date"]
    s = evaluate(gold)
    assert s.invented == 0 and s.dates_total == 0


def test_a_report_with_no_event_counts_every_extracted_event_against_it():
    gold = [{"id": "n1", "language": "ar", "events": [],
             "text": "قتل شخصان في قصف مدفعي على مدينة سراقب."}]
    s = evaluate(gold)
    assert (s.predicted_events, s.precision, s.no_event_reports_with_events) == (1, 0.0, 1)
    assert s.error_counts()["extra"] == 1


def test_scores_are_kept_per_country_and_outlet():
    gold = json.loads(json.dumps(GOLD))
    gold[0]["url"] = "https://www.example.org/news/1"
    s = evaluate(gold)
    assert set(s.groups) == {"country SY", "outlet example.org"}
    assert s.groups["country SY"].matched == 2


def test_floors_gate_names_what_fell():
    from marsad.evaluate import check_floors
    s = evaluate(GOLD)
    assert check_floors(s, {"min_f1": 1.0, "max_invented": 0}) == []
    gold = json.loads(json.dumps(GOLD))
    gold[0]["events"][0]["killed_civilians"] = None
    assert check_floors(evaluate(gold), {"max_invented": 0}) == ["invented figures 1.000 > 0"]
    with pytest.raises(ValueError):
        check_floors(s, {"min_typo": 1})


def test_the_checked_in_floors_name_known_gates():
    from pathlib import Path

    from marsad.evaluate import FLOOR_CHECKS
    floors = json.loads((Path(__file__).parent.parent / "eval_floors.json").read_text())
    for name, table in floors.items():
        if not name.startswith("_"):
            assert set(table) <= set(FLOOR_CHECKS), name
