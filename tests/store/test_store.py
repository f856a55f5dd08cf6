"""The store on real SQLite and PostgreSQL: idempotent ingest, incidents across outlets,
search, exports."""

import csv
import io
import json

from marsad.export import ACLED_COLUMNS, to_acled_csv, to_geojson
from marsad.ingest import ingest_paths, ingest_reports
from marsad.records import Report
from marsad.store import Store

# The same strike told by two outlets, a day apart, with different tolls (written for tests).
OUTLET_A = Report("a", "قتل خمسة مدنيين بينهم طفلان في غارة جوية روسية على مدينة سراقب بريف "
                       "إدلب الشرقي صباح اليوم، وفق ناشطين.", "2019-05-07", "شبكة شام")
OUTLET_B = Report("b", "أفاد الدفاع المدني بمقتل سبعة مدنيين وإصابة عشرة آخرين جراء غارة "
                       "للطائرات الروسية استهدفت سوقاً في مدينة سراقب أمس الثلاثاء.",
                  "2019-05-08", "مرصد حلب")
ELSEWHERE = Report("c", "قتل شخصان في قصف مدفعي على بلدة اللطامنة بريف حماة الشمالي اليوم.",
                   "2019-05-07", "شبكة شام")


def snapshot(store):
    with store.engine.connect() as conn:
        rows = store.query_incidents(conn)
        return store.counts(conn), [(r["id"], r["killed_min"], r["killed_max"], r["grade"],
                                     r["n_sources"]) for r in rows]


def test_two_outlets_one_strike_make_one_incident(store):
    summary = ingest_reports([OUTLET_A, OUTLET_B, ELSEWHERE], store)
    assert (summary.new, summary.events, summary.failed) == (3, 3, 0)
    with store.engine.connect() as conn:
        rows = store.query_incidents(conn, country="SY")
        (saraqib,) = [r for r in rows if r["location_name"] == "سراقب"]
        assert (saraqib["killed_min"], saraqib["killed_max"]) == (5, 7)
        assert (saraqib["civilians_killed_min"], saraqib["civilians_killed_max"]) == (5, 7)
        assert saraqib["injured_min"] == 10 and saraqib["children_killed_min"] == 2
        assert saraqib["n_reports"] == 2 and saraqib["outlets"] == ["شبكة شام", "مرصد حلب"]
        assert saraqib["grade"] == "contested" and saraqib["date_start"] == "2019-05-07"
        assert any("same place (سراقب)" in r for r in saraqib["merge_rules"])
        detail = store.incident_detail(conn, saraqib["id"])
        assert {e["report"]["name"] for e in detail["events"]} == {"a", "b"}
        ev = detail["events"][0]
        for span in ev["evidence"]:
            assert ev["report"]["text"][span["start"]:span["end"]] == span["text"]


def test_ingest_twice_is_a_no_op(store, samples):
    first = ingest_paths([samples], store)
    before = snapshot(store)
    second = ingest_paths([samples], store)
    assert first.new > 0 and second.new == 0 and second.duplicate == first.read
    assert snapshot(store) == before


def test_the_same_reports_in_any_order_give_the_same_incidents(store_url, tmp_path):
    one = Store(store_url)
    ingest_reports([OUTLET_A, OUTLET_B, ELSEWHERE], one)
    a = snapshot(one)[1]
    with one.engine.begin() as conn:
        for table in ("evidence", "events", "incidents", "reports"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    ingest_reports([ELSEWHERE, OUTLET_B], one)
    ingest_reports([OUTLET_A], one)
    assert snapshot(one)[1] == a
    one.engine.dispose()


def test_a_corrupt_file_fails_alone(store, tmp_path, samples):
    (tmp_path / "good.txt").write_text(OUTLET_A.text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    good_line = json.dumps({"text": ELSEWHERE.text}, ensure_ascii=False)
    (tmp_path / "lines.jsonl").write_text(f"{good_line}\n{{oops\n", encoding="utf-8")
    summary = ingest_paths([tmp_path], store)
    assert (summary.new, summary.failed) == (2, 2)
    assert any("bad.txt" in e and "UTF-8" in e for e in summary.errors)
    assert any("lines.jsonl:2" in e for e in summary.errors)
    with store.engine.connect() as conn:
        assert store.counts(conn)["reports"] == 2


def test_an_interrupted_run_is_finished_by_the_next(store):
    from marsad.extract import extract_report

    with store.engine.begin() as conn:  # stored, but the run died before resolving
        store.add_result(conn, extract_report(OUTLET_A))
    with store.engine.connect() as conn:
        assert store.counts(conn)["incidents"] == 0
    summary = ingest_reports([OUTLET_A], store)
    assert summary.duplicate == 1
    assert summary.incidents_touched == 1  # the left-over events found their incident
    with store.engine.connect() as conn:
        assert store.counts(conn)["incidents"] == 1
    assert ingest_reports([OUTLET_A], store).incidents_touched == 0  # nothing was waiting


def test_search_ignores_hamza_and_diacritics(store):
    ingest_reports([OUTLET_A, OUTLET_B, ELSEWHERE], store)
    with store.engine.connect() as conn:
        assert len(store.search_reports(conn, "إدلب")) == 1
        assert len(store.search_reports(conn, "ادلب")) == 1
        assert len(store.search_reports(conn, "سُوقاً")) == 1
        rows = store.query_incidents(conn, search="اللطامنة")
        assert [r["location_name"] for r in rows] == ["اللطامنة"]


def test_filters(store):
    ingest_reports([OUTLET_A, OUTLET_B, ELSEWHERE], store)
    with store.engine.connect() as conn:
        assert len(store.query_incidents(conn, min_civilians=5)) == 1
        assert len(store.query_incidents(conn, event_type="Shelling/artillery/missile attack")) \
            == 1
        assert len(store.query_incidents(conn, actor="russia")) == 1
        assert len(store.query_incidents(conn, admin1="idleb")) == 1
        assert store.query_incidents(conn, date_from="2019-05-08") == []


def test_exports(store):
    ingest_reports([OUTLET_A, OUTLET_B, ELSEWHERE], store)
    with store.engine.connect() as conn:
        rows = store.query_incidents(conn)
    table = list(csv.DictReader(io.StringIO(to_acled_csv(rows))))
    assert tuple(table[0].keys()) == ACLED_COLUMNS
    saraqib = next(r for r in table if r["location_ar"] == "سراقب")
    # ACLED's location column is the English name, with the gazetteer's stable id
    assert saraqib["location"] == "Saraqib" and saraqib["place_id"].startswith("geonames:")
    assert (saraqib["fatalities"], saraqib["fatalities_max"], saraqib["grade"]) == ("5", "7",
                                                                                    "contested")
    assert saraqib["event_date"] == "2019-05-07" and saraqib["country"] == "Syria"
    geo = json.loads(json.dumps(to_geojson(rows)))
    assert geo["type"] == "FeatureCollection"
    for f in geo["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert 30 < lat < 40 and 34 < lon < 43  # [longitude, latitude], RFC 7946


def test_migrated_columns_are_the_declared_ones(store):
    """Schema drift: a fresh database built by the migrations has every table and column
    that schema.py declares, with the same nullability."""
    from sqlalchemy import inspect

    from marsad.store.schema import metadata
    found = inspect(store.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"]: c for c in found.get_columns(table.name)}
        assert set(columns) == {c.name for c in table.columns}, table.name
        for c in table.columns:
            assert columns[c.name]["nullable"] == c.nullable or c.primary_key, \
                (table.name, c.name)
        keys = {(tuple(k["constrained_columns"]), k["referred_table"])
                for k in found.get_foreign_keys(table.name)}
        declared = {(tuple(c.name for c in k.columns), k.referred_table.name)
                    for k in table.foreign_key_constraints}
        assert keys == declared, table.name  # events → reports was missing on a fresh db


def test_an_older_database_gains_the_events_key_without_losing_evidence(tmp_path):
    """A database from before migration 0006 keeps every event and its evidence when its
    events table is rebuilt with the key to reports."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from marsad.store import _MIGRATIONS
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    ingest_reports([OUTLET_A, ELSEWHERE], store)
    count = "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM evidence)"
    with store.engine.connect() as conn:
        before = tuple(conn.execute(text(count)).one())
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")  # the schema as it was
        assert not store.engine.dialect.get_foreign_keys(conn, "events")
    store.engine.dispose()
    store = Store(url)  # runs 0006 on the old database
    with store.engine.begin() as conn:
        assert tuple(conn.execute(text(count)).one()) == before and before[1] > 0
        conn.execute(text("DELETE FROM reports"))  # the key now cascades
        assert tuple(conn.execute(text(count)).one()) == (0, 0)

def test_exports_carry_the_place_id_and_district(store):
    ingest_reports([Report("v", "قتل مدني في قصف مدفعي على قرية إبديتا بريف إدلب الجنوبي.",
                           "2019-05-07", "شبكة شام")], store)
    with store.engine.connect() as conn:
        (row,) = store.query_incidents(conn)
    assert row["place_id"].startswith(("geonames:", "wof:")) and row["admin2"]
    assert row["location_name_en"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    from marsad.export import csv_cell
    assert csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)" and csv_cell("+1") == "'+1"
    assert csv_cell(-3.5) == -3.5 and csv_cell("سراقب") == "سراقب" and csv_cell(None) == ""


def test_an_open_upper_bound_stays_open_on_the_incident():
    from marsad.resolve import summarise
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "report_id": "r",
            "id": "r:0", "country_code": "SY"}
    inc = summarise([{**base, "injured_min": 16, "injured_max": None,
                      "killed_min": 12, "killed_max": 12, "children_killed_min": 2}])
    assert (inc["injured_min"], inc["injured_max"]) == (16, None)  # "أكثر من 15": 16+
    assert (inc["killed_min"], inc["killed_max"]) == (12, 12)
    assert (inc["children_killed_min"], inc["children_killed_max"]) == (2, 2)


def test_an_incident_id_survives_another_outlets_report_with_its_review_work(store):
    from marsad import review
    ingest_reports([OUTLET_A, ELSEWHERE], store)
    with store.engine.connect() as conn:
        (before,) = [r for r in store.query_incidents(conn) if r["location_name"] == "سراقب"]
    review.add_note(store, before["id"], "checked against the civil defence list", "ana")
    ingest_reports([OUTLET_B], store)  # the same strike, told by another outlet
    with store.engine.connect() as conn:
        (after,) = [r for r in store.query_incidents(conn) if r["location_name"] == "سراقب"]
        log = review.audit_log(conn, after["id"])
    assert after["id"] == before["id"] and after["n_reports"] == 2
    assert after["first_seen"] == before["first_seen"]
    assert any(entry["action"] == "note" for entry in log)
    # a correction (which locks the incident) stays on it whatever is ingested later
    review.correct(store, after["id"], "actor2", "Civilians (Syria)", "ana")
    ingest_reports([Report("d", "قتل شخصان في قصف مدفعي على بلدة كفرنبل اليوم.", "2019-05-09",
                           "شبكة شام")], store)
    with store.engine.connect() as conn:
        (kept,) = [r for r in store.query_incidents(conn) if r["id"] == before["id"]]
    assert kept["actor2"] == "Civilians (Syria)" and kept["n_reports"] == 2


def test_a_merged_away_id_redirects_to_the_incident_that_took_its_events(store):
    with store.engine.begin() as conn:
        conn.execute(incident_aliases_table().insert().values(alias="Iold", incident_id="Inew",
                                                              at="2024-01-01T00:00:00"))
    with store.engine.connect() as conn:
        assert store.resolve_alias(conn, "Iold") == "Inew"
        assert store.resolve_alias(conn, "Inew") is None


def incident_aliases_table():
    from marsad.store.schema import incident_aliases
    return incident_aliases


def test_when_incidents_merge_the_older_id_survives_and_the_other_redirects(store):
    from marsad.resolve import Incident
    previous = {"Iolder": {"first_seen": "2024-01-01T00:00:00"},
                "Inewer": {"first_seen": "2024-02-01T00:00:00"}}
    was = {"e1": "Inewer", "e2": "Iolder", "e3": "Inewer"}
    merged = Incident("Icomputed", "SY/2024-W01", ["e1", "e2", "e3"], {})
    with store.engine.begin() as conn:
        ids = store._stable_ids(conn, [merged], was, previous)
        # the older id survives, whoever had more of the events; the newer one redirects
        assert ids == {"Icomputed": "Iolder"} and store.resolve_alias(conn, "Inewer") == "Iolder"
    split_a = Incident("Ia", "SY/2024-W01", ["e1", "e3"], {})
    split_b = Incident("Ib", "SY/2024-W01", ["e2"], {})
    with store.engine.begin() as conn:
        ids = store._stable_ids(conn, [split_b, split_a], {"e1": "Iolder", "e2": "Iolder",
                                                          "e3": "Iolder"}, previous)
        # a split: the larger part keeps the id, the other gets a new one
        assert ids["Ia"] == "Iolder" and ids["Ib"] not in ("Inewer", "Iolder")


def test_search_words_with_punctuation_and_literal_wildcards_in_the_actor_filter(store):
    ingest_reports([OUTLET_A, ELSEWHERE], store)
    with store.engine.connect() as conn:
        assert len(store.query_incidents(conn, search="سراقب،")) == 1
        assert store.query_incidents(conn, actor="%") == []
        assert store.query_incidents(conn, actor="_") == []


def test_filters_take_country_and_governorate_as_people_type_them(store):
    ingest_reports([OUTLET_A, ELSEWHERE], store)
    with store.engine.connect() as conn:
        for country in ("SY", "sy", "Syria", "سوريا"):
            assert len(store.query_incidents(conn, country=country)) == 2, country
        for admin1 in ("Idleb", "Idlib", "إدلب", "محافظة إدلب"):
            assert len(store.query_incidents(conn, admin1=admin1)) == 1, admin1
        assert store.query_incidents(conn, admin1="Hama")[0]["location_name"] == "اللطامنة"


def test_a_precise_figure_beats_a_vague_one_and_parts_never_exceed_the_whole():
    from marsad.resolve import summarise
    base = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "country_code": "SY"}
    vague = {**base, "id": "a:0", "report_id": "a", "killed_min": 12, "killed_max": None,
             "killed_vague": True, "civilians_killed_min": 12}
    precise = {**base, "id": "b:0", "report_id": "b", "killed_min": 25, "killed_max": 25,
               "civilians_killed_min": 25}
    inc = summarise([vague, precise])
    assert (inc["killed_min"], inc["killed_max"], inc["killed_vague"]) == (25, 25, False)
    assert summarise([vague])["killed_vague"] is True  # "عشرات" alone: ~12, flagged
    # one report counts 7 civilians, another 5 killed: at least 7 were killed
    few = {**base, "id": "c:0", "report_id": "c", "killed_min": 5, "killed_max": 5}
    civ = {**base, "id": "d:0", "report_id": "d", "civilians_killed_min": 7,
           "civilians_killed_max": 7, "children_killed_min": 2}
    inc = summarise([few, civ])
    assert (inc["killed_min"], inc["killed_max"], inc["civilians_killed_min"]) == (7, 7, 7)
