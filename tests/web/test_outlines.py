"""The map's governorate outlines are the build script's output from the shared gazetteer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "gazetteer" / "admin2_outlines.geojson"


def test_the_bundled_outlines_name_every_governorate_in_both_languages():
    g = json.loads((ROOT / "marsad" / "web" / "static" / "admin1.geojson").read_text("utf-8"))
    assert len(g["features"]) >= 140
    assert all(f["properties"]["name_ar"] and f["properties"]["name_en"] for f in g["features"])
    idlib = [f for f in g["features"] if f["properties"]["name_ar"] == "إدلب"]
    assert idlib and idlib[0]["properties"]["country"] == "SY"


@pytest.mark.skipif(not SOURCE.exists(), reason="the shared gazetteer is not here")
def test_the_bundled_outlines_are_current():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_outlines.py"),
                           "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_map_labels_towns_in_both_languages():
    towns = json.loads((ROOT / "marsad" / "web" / "static" / "towns.json").read_text("utf-8"))
    aleppo = [t for t in towns if t["ar"] == "حلب"]
    assert aleppo and aleppo[0]["en"] == "Aleppo"
    assert len({(t["lat"], t["lon"]) for t in towns}) == len(towns)  # one label per town
