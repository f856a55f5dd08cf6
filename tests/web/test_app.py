"""The review app through HTTP (TestClient): access, CSRF, escaping, review actions, export,
API."""

import re

import pytest
from fastapi.testclient import TestClient

from marsad import review
from marsad.ingest import ingest_paths, ingest_reports
from marsad.records import Report
from marsad.store import Store
from marsad.web import Settings, create_app

EVIL = Report("evil", "<script>alert('x')</script> قتل 3 مدنيين في غارة جوية على بلدة "
                      "كفرنبل <img src=x onerror=alert(1)> اليوم. \udcff" .encode(
                          "utf-8", "replace").decode("utf-8") + " " + "غارة " * 20000,
              "2019-05-07", "<b>evil outlet</b>")


@pytest.fixture
def app_store(tmp_path, samples):
    store = Store(f"sqlite:///{tmp_path / 'web.db'}")
    ingest_paths([samples], store)
    review.add_user(store, "amal", "correct horse battery")
    return store


def login(client):
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"username": "amal", "password": "correct horse battery",
                                    "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303
    # a new session after logging in: its own token
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def saraqib(store):
    with store.engine.connect() as conn:
        return store.query_incidents(conn, search="سراقب")[0]["id"]


def test_pages_need_a_login_unless_reading_is_public(app_store):
    client = TestClient(create_app(app_store))
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert client.get("/api/incidents").status_code == 401
    public = TestClient(create_app(app_store, Settings(public_read=True)))
    assert public.get("/").status_code == 200
    r = public.post(f"/incidents/{saraqib(app_store)}/confirm", data={"csrf": "x"},
                    follow_redirects=False)
    assert r.status_code == 303 and "/login" in r.headers["location"]


def test_wrong_password_and_forged_forms_are_refused(app_store):
    client = TestClient(create_app(app_store))
    page = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"username": "amal", "password": "nope", "csrf": csrf})
    assert 'id="login-error"' in r.text
    assert client.post("/login", data={"username": "amal", "password": "correct horse battery",
                                       "csrf": "forged"}).status_code == 403
    login(client)
    r = client.post(f"/incidents/{saraqib(app_store)}/confirm", data={"csrf": "forged"})
    assert r.status_code == 403


def test_list_filters_and_counts(app_store):
    client = TestClient(create_app(app_store))
    login(client)
    page = client.get("/", params={"country": "SY", "min_civilians": 5})
    assert "سراقب" in page.text and "الكرادة" not in page.text
    assert re.search(r'<p id="counts"><strong>2</strong>', page.text)
    assert '<svg id="timeline"' in page.text
    assert client.get("/", params={"country": "IQ"}).text.count('class="incident-link"') == 2


def test_incident_page_highlights_evidence_and_corrections_are_audited(app_store):
    client = TestClient(create_app(app_store))
    csrf = login(client)
    iid = saraqib(app_store)
    page = client.get(f"/incidents/{iid}")
    assert '<mark id="ev1-' in page.text and 'data-fields="civilians_killed_min killed_min"' \
        in page.text
    r = client.post(f"/incidents/{iid}/correct",
                    data={"field": "killed_min", "value": "6", "csrf": csrf})
    assert r.status_code == 200 and 'id="fig-killed_min"><bdi dir="ltr">6–7</bdi><' in r.text
    assert "amal · تصحيح · القتلى: 5 → 6" in r.text  # the audit in the page's language
    bad = client.post(f"/incidents/{iid}/correct",
                      data={"field": "killed_min", "value": "many", "csrf": csrf})
    assert "whole number" in bad.text
    with app_store.engine.begin() as conn:  # a later run never undoes the correction
        app_store.resolve_countries(conn, ["SY"])
    with app_store.engine.connect() as conn:
        assert app_store.query_incidents(conn, search="سراقب")[0]["killed_min"] == 6


def test_report_html_is_shown_as_text(app_store):
    ingest_reports([EVIL], app_store)
    client = TestClient(create_app(app_store))
    login(client)
    with app_store.engine.connect() as conn:
        (iid,) = [r["id"] for r in app_store.query_incidents(conn, search="onerror")]
    page = client.get(f"/incidents/{iid}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x" not in page and "<b>evil outlet</b>" not in page


def test_export_and_api(app_store):
    client = TestClient(create_app(app_store))
    login(client)
    csv_text = client.get("/export", params={"format": "acled-csv", "country": "SY"}).text
    assert csv_text.startswith("event_id_cnty,event_date") and "سراقب" in csv_text
    geo = client.get("/export", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    api = client.get("/api/incidents", params={"country": "YE"}).json()
    assert api["count"] == 3 and all(i["country_code"] == "YE" for i in api["incidents"])
    detail = client.get(f"/api/incidents/{saraqib(app_store)}").json()
    assert len(detail["events"]) == 2 and detail["events"][0]["evidence"]
    missing = client.get("/api/incidents/Inope")
    assert missing.status_code == 404 and missing.json()["error"]["status"] == 404
    assert "/api/incidents" in client.get("/openapi.json").json()["paths"]


def test_broken_unicode_from_json_is_stored_and_shown_safely(app_store, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "قتل 3 مدنيين في غارة على بلدة كفرنبل \\udcff اليوم <script>x()'
                   '</script>", "published": "2019-05-07"}\n', encoding="utf-8")
    summary = ingest_paths([bad], app_store)
    assert (summary.new, summary.failed) == (1, 0)
    client = TestClient(create_app(app_store))
    login(client)
    with app_store.engine.connect() as conn:
        (iid,) = [r["id"] for r in app_store.query_incidents(conn, search="script")]
    page = client.get(f"/incidents/{iid}").text
    assert "\ufffd" in page and "<script>x()" not in page


def test_bad_numbers_get_a_clear_422_not_a_500(app_store):
    client = TestClient(create_app(app_store, Settings(public_read=True)))
    for bad in ("²", "1" * 30, "-3"):
        r = client.get("/", params={"min_civilians": bad})
        assert r.status_code == 422, bad


@pytest.mark.parametrize("field, value", [
    ("latitude", "inf"), ("latitude", "999"), ("longitude", "nan"), ("killed_min", "²"),
    ("killed_min", "1" * 30)])
def test_corrections_refuse_values_that_break_the_map_or_the_database(app_store, field, value):
    with pytest.raises(review.ReviewError):
        review.correct(app_store, saraqib(app_store), field, value, "amal")


def test_corrections_keep_figures_and_dates_in_order(app_store):
    iid = saraqib(app_store)
    review.correct(app_store, iid, "killed_min", "6", "amal")
    with pytest.raises(review.ReviewError, match="killed_min"):
        review.correct(app_store, iid, "killed_max", "2", "amal")  # "Killed 6–2"
    review.correct(app_store, iid, "date_start", "2019-05-07", "amal")
    with pytest.raises(review.ReviewError, match="date_start"):
        review.correct(app_store, iid, "date_end", "2019-05-01", "amal")


def test_pages_forbid_inline_script_and_framing(app_store):
    client = TestClient(create_app(app_store, Settings(public_read=True)))
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text  # the map's code is a static file


def _csrf(client, path="/login"):
    return re.search(r'name="csrf" value="([^"]+)"', client.get(path).text).group(1)


def test_wrong_passwords_are_throttled_even_before_the_right_one(app_store):
    client = TestClient(create_app(app_store))
    for _ in range(5):
        client.post("/login", data={"username": "amal", "password": "nope",
                                    "csrf": _csrf(client)})
    r = client.post("/login", data={"username": "amal", "password": "correct horse battery",
                                    "csrf": _csrf(client)}, follow_redirects=False)
    assert r.status_code == 429


def test_login_honours_a_local_next_and_logout_revokes_the_cookie(app_store):
    client = TestClient(create_app(app_store))
    iid = saraqib(app_store)
    r = client.post("/login", data={"username": "amal", "password": "correct horse battery",
                                    "csrf": _csrf(client), "next": f"/incidents/{iid}"},
                    follow_redirects=False)
    assert r.headers["location"] == f"/incidents/{iid}"
    stolen = dict(client.cookies)
    client.post("/logout", data={"csrf": _csrf(client, "/")})
    thief = TestClient(client.app, cookies=stolen)
    assert thief.get("/", follow_redirects=False).status_code == 303  # back to the login
    r = client.post("/login", data={"username": "amal", "password": "correct horse battery",
                                    "csrf": _csrf(client), "next": "//evil.example/x"},
                    follow_redirects=False)
    assert r.headers["location"] == "/"


def test_vague_and_open_figures_are_marked_and_explained_in_both_languages(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'vague.db'}")
    ingest_reports([Report("v", "أصيب العشرات في قصف مدفعي على مدينة سراقب اليوم، وقتل 12 مدنيا "
                                "على الأقل.", "2019-05-07", "شبكة شام")], store)
    review.add_user(store, "amal", "correct horse battery")
    client = TestClient(create_app(store))
    login(client)
    page = client.get(f"/incidents/{saraqib(store)}?lang=en").text
    bdi = r'<bdi dir="ltr" class="fig-{}" title="([^"]+)">'  # numbers read left to right
    injured = re.search(r'id="fig-injured_min">' + bdi.format("vague") + "~12<", page)
    killed = re.search(r'id="fig-killed_min">' + bdi.format("open") + r"12\+<", page)
    assert injured and killed and "ACLED" in injured.group(1)
    assert 'id="fig-location">سراقب<' in page  # a name is never formatted as a range
    arabic = client.get(f"/incidents/{saraqib(store)}?lang=ar").text
    assert "عشرات" in re.search(r'class="fig-vague" title="([^"]+)"', arabic).group(1)
    import csv
    import io
    (flags,) = csv.DictReader(io.StringIO(client.get("/export?format=acled-csv").text))
    assert (flags["fatalities_vague"], flags["injured_vague"], flags["fatalities_max"]) == \
        ("0", "1", "")


def test_an_unplaced_incident_waits_in_the_needs_a_place_bucket(app_store):
    ingest_reports([Report("np", "قتل ثلاثة مدنيين في غارة جوية على قرية زوغلابيت اليوم.",
                           "2024-05-01", "مرصد")], app_store)
    client = TestClient(create_app(app_store))
    login(client)
    page = client.get("/").text
    assert re.search(r'id="unplaced-count">1<', page)
    bucket = client.get("/?needs_place=1").text
    assert "زوغلابيت" in bucket and "سراقب" not in bucket.split('id="incidents"')[1]


def test_every_api_error_has_one_envelope_and_pages_get_a_page(app_store, monkeypatch):
    client = TestClient(create_app(app_store, Settings(public_read=True)),
                        raise_server_exceptions=False)
    answers = {
        404: client.get("/api/incidents/Inope"),
        405: client.post("/api/incidents"),
        422: client.get("/api/incidents?min_civilians=abc"),
    }
    monkeypatch.setattr(Store, "query_incidents", lambda *a, **k: 1 / 0)
    answers[500] = client.get("/api/incidents")
    for status, r in answers.items():
        body = r.json()
        assert r.status_code == status and set(body) == {"error"}, (status, body)
        assert body["error"]["status"] == status and body["error"]["message"]
    assert answers[422].json()["error"]["details"][0]["field"] == "min_civilians"
    assert "ZeroDivisionError" not in answers[500].text  # no internals leak
    page = client.get("/incidents/Inope?lang=ar")
    assert page.status_code == 404 and 'id="error-title">غير موجود' in page.text
    assert 'href="/?lang=ar"' in page.text and "<header>" in page.text
    bad = client.get("/?min_civilians=abc&lang=en")
    assert bad.status_code == 422 and "A value was not understood" in bad.text


def test_evidence_shows_hidden_controls_and_colours_each_field_family():
    from marsad.web.app import I18N, highlight
    text = "قتل \u202e12\u202c مدنيا في سراقب"
    spans = [{"field": "killed_min", "start": 4, "end": 8},
             {"field": "location", "start": 17, "end": 22}]
    html, anchors = highlight(text, spans, "ev1", I18N["ar"])
    # the override that would show "12" as "21" is visible where it sits
    assert '<span class="ctl" title="U+202E">⟨U+202E⟩</span>12' in html
    assert 'class="f-deaths"' in html and 'class="f-place"' in html
    assert 'title="القتلى"' in html and set(anchors) == {"killed_min", "location"}


def test_the_review_queue_puts_contested_then_deadliest_first_and_counts_what_is_left(
        app_store):
    client = TestClient(create_app(app_store))
    csrf = login(client)
    with app_store.engine.connect() as conn:
        rows = app_store.query_incidents(conn)
        queue = app_store.review_queue(conn)
    assert sorted(queue) == sorted(r["id"] for r in rows)  # all unreviewed at first
    by_id = {r["id"]: r for r in rows}
    keys = [(by_id[i]["grade"] != "contested", -(by_id[i]["civilians_killed_min"] or -1))
            for i in queue]
    assert keys == sorted(keys)
    first = client.get("/review/next", follow_redirects=False)
    assert first.headers["location"].startswith(f"/incidents/{queue[0]}")
    page = client.get(first.headers["location"]).text
    assert re.search(rf'id="queue-left">{len(queue)}<', page)
    client.post(f"/incidents/{queue[0]}/confirm", data={"csrf": csrf})
    nxt = client.get(f"/review/next?after={queue[0]}", follow_redirects=False)
    assert nxt.headers["location"].startswith(f"/incidents/{queue[1]}")
    page = client.get(nxt.headers["location"]).text
    assert re.search(rf'id="queue-left">{len(queue) - 1}<', page)


def test_the_timeline_is_continuous_and_each_period_sets_the_date_filter(app_store):
    import datetime as dt

    from marsad.web.app import _bins
    unit, bins = _bins(dt.date(2016, 1, 5), dt.date(2021, 3, 2))
    assert unit == "month" and len(bins) == 63  # the empty years between are on the axis
    assert _bins(dt.date(2019, 5, 1), dt.date(2019, 5, 20))[0] == "day"
    client = TestClient(create_app(app_store))
    login(client)
    page = client.get("/?country=SY&lang=en").text
    svg = page[page.index('<svg id="timeline"'):page.index("</svg>")]
    links = re.findall(r'<a href="([^"]+)" class="bin"', svg)
    assert len(links) > 2 and all("date_from=" in x and "country=SY" in x and "lang=en" in x
                                  for x in links)
    assert 'id="timeline-legend"' in page


def test_the_list_suggests_places_and_compares_countries_and_conflicts_sit_side_by_side(
        app_store):
    client = TestClient(create_app(app_store))
    login(client)
    page = client.get("/?lang=ar").text
    admin1 = page[page.index('<datalist id="admin1-list">'):].split("</datalist>")[0]
    assert 'value="إدلب"' in admin1 and 'value="Idlib"' in admin1
    assert 'value="سوريا"' in page and 'value="Syria"' in page
    multiples = page[page.index('<section id="multiples">'):].split("</section>")[0]
    assert multiples.count('<figure class="multiple">') >= 2  # SY, YE, IQ in the samples
    incident = client.get(f"/incidents/{saraqib(app_store)}").text  # contested: 5 vs 7 dead
    assert 'id="reports" class="side-by-side"' in incident and 'id="conflict-note"' in incident
    assert client.get("/static/admin2.geojson").status_code == 200  # districts when zoomed
