"""Incident resolution: events from different reports that tell the same happening
become one incident, with every source and every figure kept.

Rules (each merge records which applied):
- never aggregates, never two events of one report (the extractor already merged those);
- the same ACLED event type;
- dates overlap, with one day of slack when either date was counted from a publication
  date ("yesterday", "on Thursday");
- the same named place (and landmark, when both name one), or both within 5 km;
- compatible attackers (the same, or one unnamed).
Events are compared in date order inside each country with a sliding window, so the cost
grows with the events of a few days, not with all pairs. The result does not depend on
the order reports arrived in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from marsad.gazetteer import distance_km
from marsad.normalise import normalise_word

NEAR_KM = 5.0
FIGURES = ("killed", "civilians_killed", "children_killed", "injured")
VAGUE_FLAGS = {"killed": "killed_vague", "injured": "injured_vague"}
# each of these is part of the one after it: killed ≥ civilians ≥ children
NESTED = ("children_killed", "civilians_killed", "killed")


@dataclass
class Incident:
    id: str
    block: str
    event_ids: list[str]
    fields: dict[str, Any]
    merge_rules: list[str] = field(default_factory=list)


def _day(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _km(a: dict, b: dict) -> float:
    return distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


@lru_cache(maxsize=65536)
def _norm(s: str | None) -> str:
    return normalise_word(s) if s else ""


def resolvable(e: dict) -> bool:
    return not e.get("aggregate") and bool(e.get("date_start")) and bool(e.get("country_code")) \
        and (e.get("time_precision") or 3) <= 2


def same_incident(a: dict, b: dict) -> str | None:
    """Why a and b are one incident, or None."""
    if a["report_id"] == b["report_id"] or a["event_type"] != b["event_type"]:
        return None
    if a["country_code"] != b["country_code"]:
        return None
    slack = 1 if a.get("date_relative") or b.get("date_relative") else 0
    a0, a1 = _day(a["date_start"]), _day(a.get("date_end") or a["date_start"])
    b0, b1 = _day(b["date_start"]), _day(b.get("date_end") or b["date_start"])
    if a0 > b1 + dt.timedelta(days=slack) or b0 > a1 + dt.timedelta(days=slack):
        return None
    la, lb = _norm(a.get("landmark")), _norm(b.get("landmark"))
    if la and lb and la != lb:
        return None
    if a.get("location_name") and _norm(a["location_name"]) == _norm(b.get("location_name")):
        place = f"same place ({a['location_name']})"
    elif a.get("latitude") is not None and b.get("latitude") is not None \
            and (a.get("geo_precision") or 3) <= 2 and (b.get("geo_precision") or 3) <= 2 \
            and _km(a, b) <= NEAR_KM:
        place = f"within {NEAR_KM:.0f} km"
    else:
        return None
    if a.get("actor1") and b.get("actor1") and a["actor1"] != b["actor1"]:
        return None
    day = "same day" if not slack else "dates within a day (relative date)"
    return f"{a['id']} + {b['id']}: same type, {day}, {place}, compatible actors"


class _Union:
    def __init__(self, items: Iterable[str]):
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


_CELL = 0.05  # degrees, about 5.5 km: places within 5 km share a cell or touch one


def _buckets(e: dict) -> list[tuple]:
    """Blocks an event can meet its twins in: its named place, and its map cell."""
    keys: list[tuple] = []
    if e.get("location_name"):
        keys.append(("name", e["country_code"], _norm(e["location_name"])))
    if e.get("latitude") is not None and (e.get("geo_precision") or 3) <= 2:
        keys.append(("cell", e["country_code"], int(e["latitude"] // _CELL),
                     int(e["longitude"] // _CELL)))
    return keys


def _window_pairs(events: list[dict]):
    """Candidate pairs: the same block (place name, or neighbouring map cells) and start
    dates at most 2 days apart, by a sorted sweep inside each block: near-linear."""
    blocks: dict[tuple, list[dict]] = {}
    for e in events:
        for key in _buckets(e):
            blocks.setdefault(key, []).append(e)
    seen: set[tuple[str, str]] = set()
    for key in sorted(blocks, key=str):
        rows = blocks[key]
        if key[0] == "cell":  # a place within 5 km may sit in the next cell
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    if (di, dj) != (0, 0):
                        rows = rows + blocks.get(("cell", key[1], key[2] + di, key[3] + dj), [])
        rows = sorted({e["id"]: e for e in rows}.values(), key=lambda e: (e["date_start"], e["id"]))
        days = [_day(e["date_start"]) for e in rows]
        for i, a in enumerate(rows):
            j = i + 1
            while j < len(rows) and (days[j] - days[i]).days <= 2:
                pair = (a["id"], rows[j]["id"])
                if pair not in seen:
                    seen.add(pair)
                    yield a, rows[j]
                j += 1


def incident_id(event_ids: list[str]) -> str:
    return "I" + hashlib.sha1(min(event_ids).encode()).hexdigest()[:12]


def resolve(events: list[dict]) -> list[Incident]:
    """Group events into incidents. Each event dict needs the extracted record's fields,
    an ``id``, and the report's ``outlet``."""
    events = sorted(events, key=lambda e: e["id"])
    ids = [e["id"] for e in events]
    uf = _Union(ids)
    rules: dict[str, list[str]] = {}
    candidates = [e for e in events if resolvable(e)]
    for a, b in _window_pairs(candidates):
        why = same_incident(a, b)
        if why:
            uf.union(a["id"], b["id"])
            rules.setdefault(a["id"], []).append(why)
    groups: dict[str, list[dict]] = {}
    for e in events:
        groups.setdefault(uf.find(e["id"]), []).append(e)
    out = []
    for members in groups.values():
        members.sort(key=lambda e: (e.get("date_start") or "9999", e["id"]))
        member_ids = [e["id"] for e in members]
        why = sorted(r for i in member_ids for r in rules.get(i, []))
        out.append(Incident(incident_id(member_ids), _block(members[0]), member_ids,
                            summarise(members), why))
    return sorted(out, key=lambda inc: inc.id)


def _block(e: dict) -> str:
    d = _day(e.get("date_start"))
    week = f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" if d else "undated"
    return f"{e.get('country_code') or '??'}/{week}"


def summarise(members: list[dict]) -> dict[str, Any]:
    """An incident's figures: the lowest reliable figure across its reports, and the
    highest, so disagreement shows as a range."""
    subs = Counter(e["sub_event_type"] for e in members)
    best_sub = max(subs, key=lambda s: (subs[s], -[e["sub_event_type"] for e in members]
                                        .index(s)))
    place = min(members, key=lambda e: (e.get("geo_precision") or 9,
                                        e.get("date_start") or "9999", e["id"]))
    starts = [e["date_start"] for e in members if e.get("date_start")]
    ends = [e.get("date_end") or e["date_start"] for e in members if e.get("date_start")]
    f: dict[str, Any] = {
        "event_type": members[0]["event_type"], "sub_event_type": best_sub,
        "date_start": min(starts) if starts else None, "date_end": max(ends) if ends else None,
        "time_precision": min((e["time_precision"] for e in members if e.get("time_precision")),
                              default=None),
        "location_name": place.get("location_name"),
        "location_name_en": place.get("location_name_en"),
        "country_code": place.get("country_code"),
        "admin1": place.get("admin1"), "admin2": place.get("admin2"),
        "place_id": place.get("place_id"), "latitude": place.get("latitude"),
        "longitude": place.get("longitude"), "geo_precision": place.get("geo_precision"),
        "actor1": next((e["actor1"] for e in members if e.get("actor1")), None),
        "actor2": next((e["actor2"] for e in members if e.get("actor2")), None),
    }
    disagree = False
    for name in FIGURES:
        told = [e for e in members if e.get(f"{name}_min") is not None]
        vague_key = VAGUE_FLAGS.get(name)
        precise = [e for e in told if not (vague_key and e.get(vague_key))]
        # a vague figure (عشرات, coded 12) is the incident's only while no report is precise
        if vague_key:
            f[vague_key] = bool(told) and not precise
            told = precise or told
        lows = [e[f"{name}_min"] for e in told]
        # an event field with a max column and no max is open ("أكثر من 15": 16+); a field
        # with no max column (children) is exact
        has_max = any(f"{name}_max" in e for e in told)
        highs = [e.get(f"{name}_max") if has_max else e[f"{name}_min"] for e in told]
        f[f"{name}_min"] = min(lows) if lows else None
        f[f"{name}_max"] = None if not highs or None in highs else max(highs)
        known = [h for h in highs if h is not None]
        if lows and (min(lows) != max(lows) or (known and max(known) != min(lows))):
            disagree = True
    _keep_order(f)
    reports = sorted({e["report_id"] for e in members})
    outlets = sorted({e.get("outlet") or f"report {e['report_id'][:8]}" for e in members})
    f["n_reports"] = len(reports)
    f["n_sources"] = len(outlets)
    f["outlets"] = outlets
    f["sources"] = sorted({s for e in members for s in (e.get("sources") or [])})
    f["grade"] = "weak" if len(outlets) < 2 else "contested" if disagree else "fair"
    return f


def _keep_order(f: dict[str, Any]) -> None:
    """killed ≥ civilians ≥ children across reports: when one report counts 7 civilians
    and another 5 killed, at least 7 were killed (raise the whole, never lower the part)."""
    for part, whole in zip(NESTED, NESTED[1:], strict=False):
        lo = f.get(f"{part}_min")
        if lo is not None and f.get(f"{whole}_min") is not None and f[f"{whole}_min"] < lo:
            f[f"{whole}_min"] = lo
            hi = f.get(f"{whole}_max")
            if hi is not None and hi < lo:
                f[f"{whole}_max"] = lo
