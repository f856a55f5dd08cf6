"""Build the review map's governorate and district outlines (marsad/web/static/admin1.geojson
and admin2.geojson, the districts drawn when zoomed in) and its town labels (towns.json, from
the bundled GeoNames towns) from ../shared/gazetteer/
admin{1,2}_outlines.geojson: coordinates rounded to 1/40° (about 2.5 km, far
below what a country-wide map shows) with the points that rounding makes redundant dropped,
and rings too small to see left out. Deterministic; run it again to check the file is
current. Boundaries: Data from Who's On First (whosonfirst.org/docs/licenses), including
Mesoshapes and foursquare Quattroshapes (CC BY 2.0); see NOTICE."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "gazetteer"
STATIC = ROOT / "marsad" / "web" / "static"
LEVELS = ("admin1", "admin2")
STEP = 40  # points are rounded to 1/40 degree (about 2.5 km)


def _ring(ring: list) -> list | None:
    out: list[list[float]] = []
    for lon, lat in ring:
        p = [round(lon * STEP) / STEP, round(lat * STEP) / STEP]
        if not out or p != out[-1]:
            out.append(p)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def _polygon(poly: list) -> list | None:
    rings = [r for r in (_ring(x) for x in poly) if r]
    return rings if rings and rings[0] == _ring(poly[0]) else None


def simplify(feature: dict) -> dict | None:
    geom = feature["geometry"]
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    kept = [p for p in (_polygon(x) for x in polys) if p]
    if not kept:
        return None
    props = {k: feature["properties"][k] for k in ("name_ar", "name_en", "country")}
    shape = {"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1 else \
        {"type": "MultiPolygon", "coordinates": kept}
    return {"type": "Feature", "properties": props, "geometry": shape}


def build(level: str) -> str:
    src = json.loads((SHARED / f"{level}_outlines.geojson").read_text(encoding="utf-8"))
    feats = [f for f in (simplify(x) for x in src["features"]) if f]
    feats.sort(key=lambda f: (f["properties"]["country"], f["properties"]["name_en"]))
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False,
                      separators=(",", ":")) + "\n"


COVERED = ("SY", "IQ", "YE", "LB", "PS", "LY", "SD", "SO", "EG", "ML", "JO")
TOWN_POPULATION = 50_000  # towns labelled on the map when zoomed in


def build_towns() -> str:
    """Town labels for the map: the bundled GeoNames towns of the covered countries."""
    rows, seen = [], set()
    for line in (ROOT / "marsad" / "gazetteer" / "geonames_ar.tsv").read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        gid, name_ar, name_en, cc, _, lat, lon, pop = line.split("\t")[:8]
        if cc in COVERED and int(pop or 0) >= TOWN_POPULATION and gid not in seen:
            seen.add(gid)  # one label per town (the file lists each spelling on its own row)
            rows.append({"ar": name_ar, "en": name_en, "lat": float(lat), "lon": float(lon),
                         "pop": int(pop)})
    rows.sort(key=lambda r: (-r["pop"], r["en"]))
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true", help="fail if the file is not current")
    args = ap.parse_args()
    outputs = [(STATIC / f"{level}.geojson", lambda level=level: build(level))
               for level in LEVELS] + [(STATIC / "towns.json", build_towns)]
    for target, make in outputs:
        text = make()
        if args.check:
            if target.read_text(encoding="utf-8") != text:
                raise SystemExit(f"{target} is not current: run scripts/build_outlines.py")
            continue
        target.write_text(text, encoding="utf-8")
        print(f"{target}: {len(text):,} bytes")


if __name__ == "__main__":
    main()
