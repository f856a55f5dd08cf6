"""Scoring the extractor against gold annotations (the format of shared/dev/README.md).

An extracted event matches a gold event when the country and the ACLED event type
(the 'family' of the gold sub-event type) agree and the place is within 40 km or has one
of the gold names. Each gold figure must then be equal; a figure where the gold has
none is counted as invented.

The gold may also say:
- ``extra_ok`` (per report): that many unmatched extracted events are not false positives;
- ``skip`` (per event): fields not scored because careful coders could disagree;
- ``language`` other than Arabic, or ``"events": []``: every event extracted is a false
  positive (and a report "with events" on the no-event gate).
Scores are kept per country and per outlet too, and every error has a class.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any
from urllib.parse import urlparse

from marsad.extract import Options, extract_report
from marsad.gazetteer import distance_km
from marsad.lang import load
from marsad.normalise import normalise_word
from marsad.records import Event, Report

CASUALTY_FIELDS = {"killed_total": "killed_min", "killed_civilians": "civilians_killed_min",
                   "injured": "injured_min", "children_killed": "children_killed_min"}
MATCH_KM = 40.0
ERROR_CLASSES = ("missed", "extra", "wrong figure", "invented figure", "wrong date",
                 "wrong place")


def _names(e: Event) -> set[str]:
    out = {normalise_word(n) for n in (e.location_name, e.landmark) if n}
    out |= {normalise_word(ev.text) for ev in e.evidence if ev.field in ("location", "landmark")}
    return out


def place_matches(pred: Event, gold: dict[str, Any]) -> bool:
    if {normalise_word(n) for n in gold.get("place") or []} & _names(pred):
        return True
    if pred.latitude is None or gold.get("lat") is None:
        return False
    return distance_km(pred.latitude, pred.longitude, gold["lat"], gold["lon"]) <= MATCH_KM


@dataclass
class Scores:
    reports: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    matched: int = 0
    field_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CASUALTY_FIELDS, 0))
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CASUALTY_FIELDS, 0))
    invented: int = 0
    dates_total: int = 0
    dates_correct: int = 0
    geo_errors_km: list[float] = field(default_factory=list)
    foreign_events: int = 0  # events placed in a country the report's gold does not name
    no_event_reports: int = 0  # reports whose gold has no event
    no_event_reports_with_events: int = 0  # ... of which the extractor still found one
    errors: list[tuple[str, str]] = field(default_factory=list)  # (class, "id: what")
    language_checks: list[tuple[str, str, int]] = field(default_factory=list)
    groups: dict[str, Scores] = field(default_factory=dict)  # "country SY", "outlet x.com"

    @property
    def precision(self) -> float:
        return self.matched / self.predicted_events if self.predicted_events else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def casualty_accuracy(self) -> float:
        total = sum(self.field_total.values())
        return sum(self.field_correct.values()) / total if total else 1.0

    @property
    def date_accuracy(self) -> float | None:
        return self.dates_correct / self.dates_total if self.dates_total else None

    @property
    def invented_where(self) -> list[str]:
        return [w for c, w in self.errors if c == "invented figure"]

    @property
    def misses(self) -> list[str]:
        return [w for c, w in self.errors if c != "invented figure"]

    def add(self, other: Scores) -> None:
        """Add one report's scores into a total (the groups are not added)."""
        for name in ("reports", "gold_events", "predicted_events", "matched", "invented",
                     "dates_total", "dates_correct", "no_event_reports",
                     "no_event_reports_with_events", "foreign_events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k in CASUALTY_FIELDS:
            self.field_total[k] += other.field_total[k]
            self.field_correct[k] += other.field_correct[k]
        self.geo_errors_km += other.geo_errors_km
        self.errors += other.errors
        self.language_checks += other.language_checks

    def error_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ERROR_CLASSES, 0)
        for c, _ in self.errors:
            counts[c] += 1
        return counts

    def as_dict(self, groups: bool = True) -> dict[str, Any]:
        d = {
            "reports": self.reports, "gold_events": self.gold_events,
            "predicted_events": self.predicted_events, "matched": self.matched,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3), "casualty_accuracy": round(self.casualty_accuracy, 3),
            "casualty_fields": {k: f"{self.field_correct[k]}/{self.field_total[k]}"
                                for k in CASUALTY_FIELDS},
            "invented_figures": self.invented,
            "date_accuracy": round(self.date_accuracy, 3)
            if self.date_accuracy is not None else None,
            "dates": f"{self.dates_correct}/{self.dates_total}",
            "geo_error_km_median": round(median(self.geo_errors_km), 1)
            if self.geo_errors_km else None,
            "geo_error_km_max": round(max(self.geo_errors_km), 1) if self.geo_errors_km else None,
            "geo_within_5km": round(sum(1 for k in self.geo_errors_km if k <= 5.0)
                                    / len(self.geo_errors_km), 3) if self.geo_errors_km else None,
            "foreign_events": self.foreign_events,
            "no_event_reports_with_events": self.no_event_reports_with_events,
            "no_event_reports": self.no_event_reports,
            "errors": self.error_counts(),
            "language_checks": [{"report": r, "language": lang, "events": n}
                                for r, lang, n in self.language_checks],
        }
        if groups:
            d["groups"] = {k: v.as_dict(groups=False) for k, v in sorted(self.groups.items())}
        return d


def _score_pair(pred: Event, gold: dict[str, Any]) -> float:
    s = 2.0 if {normalise_word(n) for n in gold.get("place") or []} & _names(pred) else 1.0
    s += 2.0 if bool(gold.get("aggregate")) == pred.aggregate else 0.0
    s += 1.0 if gold.get("date") and gold["date"] == pred.date_start else 0.0
    for g, p in CASUALTY_FIELDS.items():
        s += 0.5 if gold.get(g) is not None and gold.get(g) == getattr(pred, p) else 0.0
    return s


def outlet_of(item: dict[str, Any]) -> str:
    host = urlparse(item.get("url") or "").netloc.lower()
    return host.removeprefix("www.") or "unknown"


def country_of(item: dict[str, Any]) -> str:
    countries = sorted({e.get("country") or "?" for e in item.get("events") or []})
    return "/".join(countries) if countries else "no event"


def evaluate(gold: list[dict[str, Any]], options: Options | None = None) -> Scores:
    total = Scores()
    for item in gold:
        one = score_report(item, options)
        total.add(one)
        for key in (f"country {country_of(item)}", f"outlet {outlet_of(item)}"):
            total.groups.setdefault(key, Scores()).add(one)
    return total


def score_report(item: dict[str, Any], options: Options | None = None) -> Scores:
    """Scores of one annotated report."""
    lang = load("ar")
    scores = Scores(reports=1)
    rid = item["id"]
    report = Report(rid, item["text"], item.get("published"))
    result = extract_report(report, options)
    if item.get("language", "ar") != "ar":
        scores.language_checks.append((rid, result.language, len(result.events)))
    preds = result.events
    golds = item.get("events") or []
    if not golds:
        scores.no_event_reports = 1
        scores.no_event_reports_with_events = int(bool(preds))
    countries = {g.get("country") for g in golds}
    scores.foreign_events = sum(1 for p in preds if golds and p.country_code
                                and p.country_code not in countries)
    pairs = []
    for gi, g in enumerate(golds):
        family = lang.event_types.get(g["type"])
        for pi, p in enumerate(preds):
            if p.country_code == g.get("country") and p.event_type == family \
                    and place_matches(p, g):
                pairs.append((_score_pair(p, g), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        _score_match(scores, preds[pi], golds[gi], rid)
    missed = [g for gi, g in enumerate(golds) if gi not in used_g]
    extra = [p for pi, p in enumerate(preds) if pi not in used_p]
    forgiven = min(len(extra), int(item.get("extra_ok") or 0))
    scores.gold_events = len(golds)
    scores.predicted_events = len(preds) - forgiven
    for g in missed:
        family = lang.event_types.get(g["type"])
        near = next((p for p in extra if p.country_code == g.get("country")
                     and p.event_type == family), None)
        where = "/".join(g.get("place") or [])
        if near is not None:
            scores.errors.append(("wrong place", f"{rid}: gold {g['type']} at {where}, "
                                  f"got {near.sub_event_type} at {near.location_name}"))
        else:
            scores.errors.append(("missed", f"{rid}: missed gold {g['type']} at {where}"))
    for p in extra[forgiven:]:
        scores.errors.append(("extra", f"{rid}: extra {p.sub_event_type} at "
                              f"{p.location_name} ({p.landmark or ''}) [{p.country_code}]"))
    return scores


def _score_match(scores: Scores, pred: Event, gold: dict[str, Any], rid: str) -> None:
    scores.matched += 1
    skip = set(gold.get("skip") or [])
    for g, p in CASUALTY_FIELDS.items():
        if g in skip:
            continue
        value = getattr(pred, p)
        if gold.get(g) is not None:
            scores.field_total[g] += 1
            if value == gold[g]:
                scores.field_correct[g] += 1
            else:
                scores.errors.append(("wrong figure", f"{rid}: {g} gold {gold[g]} got {value}"))
        elif value is not None:
            scores.invented += 1
            scores.errors.append(("invented figure", f"{rid}: {p}={value} where gold has none"))
    if gold.get("date") and "date" not in skip:
        scores.dates_total += 1
        if pred.date_start == gold["date"] and pred.date_end == gold["date"]:
            scores.dates_correct += 1
        else:
            scores.errors.append(("wrong date", f"{rid}: date gold {gold['date']} got "
                                  f"{pred.date_start}..{pred.date_end}"))
    if pred.latitude is not None and gold.get("lat") is not None:
        scores.geo_errors_km.append(distance_km(pred.latitude, pred.longitude, gold["lat"],
                                                gold["lon"]))


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of reports")
    for k, item in enumerate(data):
        if not isinstance(item, dict) or "text" not in item or "id" not in item:
            raise ValueError(f"{path}: item {k} needs 'id' and 'text'")
    return data


# -- floors: a gate that only ever rises ----------------------------------------------------
FLOOR_CHECKS = {
    "min_f1": ("event F1", lambda s: s.f1, ">="),
    "min_casualty": ("casualty accuracy", lambda s: s.casualty_accuracy, ">="),
    "min_date": ("date accuracy", lambda s: s.date_accuracy if s.date_accuracy is not None
                 else 1.0, ">="),
    "max_invented": ("invented figures", lambda s: s.invented, "<="),
    "max_no_event_reports_with_events": ("no-event reports with an event",
                                         lambda s: s.no_event_reports_with_events, "<="),
    "max_foreign_events": ("events in a country the gold does not name",
                           lambda s: s.foreign_events, "<="),
    "max_geo_median_km": ("median geocoding error (km)",
                          lambda s: median(s.geo_errors_km) if s.geo_errors_km else 0.0, "<="),
    # the share placed within 5 km: unlike the median, one more matched event placed at its
    # town's centre does not move it much
    "min_geo_within_5km": ("events placed within 5 km",
                           lambda s: sum(1 for k in s.geo_errors_km if k <= 5.0)
                           / len(s.geo_errors_km) if s.geo_errors_km else 1.0, ">="),
}


def check_floors(scores: Scores, floors: dict[str, float]) -> list[str]:
    """The floors ``scores`` falls below, as messages (empty: the gate passes)."""
    failures = []
    for key, bound in floors.items():
        if key not in FLOOR_CHECKS:
            raise ValueError(f"unknown floor {key!r}; known: {', '.join(FLOOR_CHECKS)}")
        label, get, op = FLOOR_CHECKS[key]
        value = get(scores)
        ok = value >= bound if op == ">=" else value <= bound
        if not ok:
            failures.append(f"{label} {value:.3f} {'<' if op == '>=' else '>'} {bound}")
    return failures
