"""Exports for analysts: ACLED-style CSV, RFC 7946 GeoJSON, and JSON Lines with the full
record (sources and evidence included)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from marsad.gazetteer import load_gazetteer
from marsad.output import format_range

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
    # marsad's own columns: the civilian figures and the range across sources
    "fatalities_max", "civilian_fatalities_min", "civilian_fatalities_max",
    "child_fatalities_min", "injured_min", "injured_max",
    "fatalities_vague", "injured_vague",  # 1: the figure is a vague word coded by convention
    "n_reports", "n_sources", "grade",
    "marsad_incident_id", "location_ar", "place_id",
)
_ISO_NUMERIC = {"SY": 760, "IQ": 368, "YE": 887, "LB": 422, "JO": 400, "PS": 275, "IL": 376,
                "LY": 434, "EG": 818, "SD": 729, "SO": 706, "SA": 682, "TR": 792, "IR": 364,
                "TN": 788, "DZ": 12, "MA": 504, "ML": 466, "AF": 4}
_REGION = {"SY": "Middle East", "IQ": "Middle East", "YE": "Middle East", "LB": "Middle East",
           "JO": "Middle East", "PS": "Middle East", "IL": "Middle East", "SA": "Middle East",
           "TR": "Middle East", "IR": "Middle East", "LY": "Northern Africa",
           "EG": "Northern Africa", "SD": "Northern Africa", "TN": "Northern Africa",
           "DZ": "Northern Africa", "MA": "Northern Africa", "SO": "Eastern Africa",
           "ML": "Western Africa", "AF": "Caspian"}


def _disorder(event_type: str) -> str:
    return "Strategic developments" if event_type == "Strategic developments" \
        else "Political violence"


def _notes(inc: dict[str, Any]) -> str:
    parts = [f"{inc['sub_event_type']} in {inc.get('location_name') or 'an unknown place'}"]
    if inc.get("killed_min") is not None:
        # "12+": at least 12, no upper bound; "~12": a vague word (عشرات) coded as 12
        rng = format_range(inc["killed_min"], inc.get("killed_max"), inc.get("killed_vague"))
        parts.append(f"{rng} killed" + (" (a vague word, coded by ACLED's convention)"
                                        if inc.get("killed_vague") else ""))
    if inc.get("civilians_killed_min") is not None:
        parts.append(f"at least {inc['civilians_killed_min']} civilians")
    parts.append(f"{inc['n_reports']} report(s), grade {inc['grade']}")
    return "; ".join(parts) + "."


def acled_rows(incidents: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    gaz = load_gazetteer()
    for inc in incidents:
        cc = inc.get("country_code") or ""
        date = inc.get("date_start") or ""
        yield {
            "event_id_cnty": f"{cc}{inc['id']}", "event_date": date, "year": date[:4],
            "time_precision": inc.get("time_precision"), "disorder_type": _disorder(
                inc["event_type"]), "event_type": inc["event_type"],
            "sub_event_type": inc["sub_event_type"], "actor1": inc.get("actor1") or "",
            "assoc_actor_1": "", "inter1": "", "actor2": inc.get("actor2") or "",
            "assoc_actor_2": "", "inter2": "", "interaction": "",
            "civilian_targeting": "Civilian targeting"
            if (inc.get("actor2") or "").startswith("Civilians") else "",
            "iso": _ISO_NUMERIC.get(cc, ""), "region": _REGION.get(cc, ""),
            "country": gaz.country_names.get(cc, cc), "admin1": inc.get("admin1") or "",
            # ACLED's location is the English name; the Arabic one has its own column
            "admin2": inc.get("admin2") or "", "admin3": "",
            "location": inc.get("location_name_en") or inc.get("location_name") or "",
            "latitude": inc.get("latitude"), "longitude": inc.get("longitude"),
            "geo_precision": inc.get("geo_precision"),
            "source": "; ".join(inc.get("outlets") or []),
            "source_scale": "", "notes": _notes(inc),
            # never 0 for unknown: an empty cell means the reports give no figure
            "fatalities": inc.get("killed_min"), "tags": "", "timestamp": "",
            "fatalities_max": inc.get("killed_max"),
            "civilian_fatalities_min": inc.get("civilians_killed_min"),
            "civilian_fatalities_max": inc.get("civilians_killed_max"),
            "child_fatalities_min": inc.get("children_killed_min"),
            "fatalities_vague": int(bool(inc.get("killed_vague"))),
            "injured_vague": int(bool(inc.get("injured_vague"))),
            "injured_min": inc.get("injured_min"), "injured_max": inc.get("injured_max"),
            "n_reports": inc["n_reports"], "n_sources": inc["n_sources"], "grade": inc["grade"],
            "marsad_incident_id": inc["id"], "location_ar": inc.get("location_name") or "",
            "place_id": inc.get("place_id") or "",
        }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @) gets a
    leading apostrophe, as OWASP advises; numbers are left as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_acled_csv(incidents: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in acled_rows(incidents):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return out.getvalue()


_GEO_PROPS = ("id", "event_type", "sub_event_type", "date_start", "date_end", "time_precision",
              "location_name", "location_name_en", "country_code", "admin1", "admin2",
              "place_id", "geo_precision", "actor1", "actor2",
              "killed_min", "killed_max", "civilians_killed_min", "civilians_killed_max",
              "children_killed_min", "injured_min", "injured_max", "killed_vague",
              "injured_vague", "n_reports", "n_sources", "outlets", "grade")


def to_geojson(incidents: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """RFC 7946: [longitude, latitude]; an incident with no coordinates has null geometry."""
    features = []
    for inc in incidents:
        geometry = None
        if inc.get("latitude") is not None and inc.get("longitude") is not None:
            geometry = {"type": "Point", "coordinates": [inc["longitude"], inc["latitude"]]}
        features.append({"type": "Feature", "id": inc["id"], "geometry": geometry,
                         "properties": {k: inc.get(k) for k in _GEO_PROPS}})
    return {"type": "FeatureCollection", "features": features}


def to_jsonl(details: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False, default=str) + "\n" for d in details)
