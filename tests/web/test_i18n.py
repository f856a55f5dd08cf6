"""Every string of the interface comes from i18n.json, in Arabic and in English: a key used
by a template or a value shown from the store with no translation fails here."""

import json
import re
from importlib import resources

from fastapi.testclient import TestClient

from marsad import review
from marsad.lang import load
from marsad.web import create_app
from marsad.web.app import FAMILIES, FAMILY_ORDER, I18N, STATUSES

AUDIT_ACTIONS = ("confirm", "correct", "note", "split", "merge")
TEMPLATES = resources.files("marsad.web").joinpath("templates")


def test_both_languages_have_the_same_keys_and_values():
    raw = json.loads(resources.files("marsad.web").joinpath("i18n.json").read_text("utf-8"))
    assert set(raw["ar"]) == set(raw["en"])
    assert set(raw["ar"]["values"]) == set(raw["en"]["values"])
    for lang in ("ar", "en"):
        assert all(isinstance(v, str) and v.strip() for k, v in raw[lang].items()
                   if k != "values"), lang


def test_every_value_the_app_shows_has_a_translation():
    data = load()
    shown = set(data.event_types) | set(data.event_types.values()) | set(review.GRADES) \
        | set(STATUSES) | set(AUDIT_ACTIONS)
    for lang in ("ar", "en"):
        missing = sorted(v for v in shown if v not in I18N[lang]["values"])
        assert not missing, (lang, missing)
        fields = set(review.CORRECTABLE) | set(FAMILIES) | {"review_status", "events"}
        assert not sorted(f for f in fields if f"field_{f}" not in I18N[lang]), lang
        assert all(f"family_{f}" in I18N[lang] for f in FAMILY_ORDER)
    # the Arabic words differ from the English ones (not a copy left untranslated)
    same = [v for v in shown if I18N["ar"]["values"][v] == v]
    assert not same, same


def test_every_key_a_template_uses_exists():
    used = set()
    for page in TEMPLATES.iterdir():
        text = page.read_text("utf-8")
        used |= set(re.findall(r"\bt\.([a-z_0-9]+)", text))
        used |= set(re.findall(r"\bt\['([a-z_0-9]+)'\]", text))
    used -= {"get"}
    for lang in ("ar", "en"):
        assert not sorted(k for k in used if k not in I18N[lang]), lang


def test_an_arabic_page_shows_no_english_taxonomy(tmp_path, samples):
    from marsad.ingest import ingest_paths
    from marsad.store import Store
    store = Store(f"sqlite:///{tmp_path / 'i18n.db'}")
    ingest_paths([samples], store)
    client = TestClient(create_app(store, __import__("marsad.web", fromlist=["Settings"])
                                   .Settings(public_read=True)))
    listing = client.get("/?lang=ar").text
    incident = re.search(r'href="(/incidents/[^"?]+)', listing).group(1)
    for html in (listing, client.get(f"{incident}?lang=ar").text):
        body = html.split("<main>")[1]
        visible = re.sub(r"<[^>]+>", " ", body)  # attributes (values) are not read
        for english in list(load().event_types) + ["unreviewed", "weak", "contested"]:
            assert english not in visible, english
