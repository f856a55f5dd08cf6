"""The language files are data; these checks keep them well-formed (an untested word
list fails silently)."""

import json
import unicodedata
from importlib import resources

import pytest

from marsad.lang import load

FILES = ["numbers", "casualties", "persons", "triggers", "dates", "actors", "sources", "places",
         "discourse", "language"]


def strings(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if not k.startswith("_"):
                yield k
                yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("name", FILES)
def test_arabic_words_are_plain_letters(name):
    data = json.loads(resources.files("marsad.lang").joinpath("ar", f"{name}.json").read_text())
    for s in strings(data):
        assert unicodedata.normalize("NFKC", s) == s, f"{name}: {s!r} is not NFKC-stable"
        assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in s), f"{name}: {s!r} presentation form"


def test_every_trigger_maps_to_an_acled_type():
    lang = load()
    data = lang.raw["triggers"]
    for t in data["triggers"]:
        assert t["sub"] in lang.event_types
    assert set(data["weak_defaults"].values()) <= set(lang.event_types)


def test_actor_aliases_are_unique_and_resolvable():
    lang = load()
    seen = {}
    for a in lang.raw["actors"]["actors"]:
        for alias in a["aliases"]:
            assert alias not in seen, f"{alias} belongs to {seen.get(alias)} and {a['id']}"
            seen[alias] = a["id"]
        for target in a.get("by_country", {}).values():
            assert target in lang.actor_table


def test_person_nouns_have_known_categories():
    cats = {"civilian", "child", "woman", "combatant", "security", "person", "other"}
    for word, p in load().raw["persons"]["nouns"].items():
        assert p["cat"] in cats, word
        assert p["n"] is None or p["n"] > 0, word


def test_month_names_cover_the_year_in_each_tradition():
    months = load().raw["dates"]["months"]
    assert sorted(set(months.values())) == list(range(1, 13))
    for levantine in ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                      "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"):
        assert levantine in months
