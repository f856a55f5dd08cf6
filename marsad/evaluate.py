"""Scoring the extractor against gold annotations (the format of shared/dev/dev_gold.json).

An extracted event matches a gold event when the country and the ACLED event type
(the 'family' of the gold sub-event type) agree and the place is within 40 km or has one
of the gold names. Each gold figure must then be equal; a figure where the gold has
none is counted as invented.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

from marsad.extract import Options, extract_report
from marsad.gazetteer import distance_km
from marsad.lang import load
from marsad.normalise import normalise_word
from marsad.records import Event, Report

CASUALTY_FIELDS = {"killed_total": "killed_min", "killed_civilians": "civilians_killed_min",
                   "injured": "injured_min", "children_killed": "children_killed_min"}
MATCH_KM = 40.0


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
    invented_where: list[str] = field(default_factory=list)
    dates_total: int = 0
    dates_correct: int = 0
    geo_errors_km: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    language_checks: list[tuple[str, str, int]] = field(default_factory=list)

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

    def as_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports, "gold_events": self.gold_events,
            "predicted_events": self.predicted_events, "matched": self.matched,
            "precision": round(self.precision, 3), "recall": round(self.recall, 3),
            "f1": round(self.f1, 3), "casualty_accuracy": round(self.casualty_accuracy, 3),
            "casualty_fields": {k: f"{self.field_correct[k]}/{self.field_total[k]}"
                                for k in CASUALTY_FIELDS},
            "invented_figures": self.invented,
            "date_accuracy": round(self.dates_correct / self.dates_total, 3)
            if self.dates_total else None,
            "dates": f"{self.dates_correct}/{self.dates_total}",
            "geo_error_km_median": round(median(self.geo_errors_km), 1)
            if self.geo_errors_km else None,
            "geo_error_km_max": round(max(self.geo_errors_km), 1) if self.geo_errors_km else None,
            "language_checks": [{"report": r, "language": lang, "events": n}
                                for r, lang, n in self.language_checks],
        }


def _score_pair(pred: Event, gold: dict[str, Any]) -> float:
    s = 2.0 if {normalise_word(n) for n in gold.get("place") or []} & _names(pred) else 1.0
    s += 2.0 if bool(gold.get("aggregate")) == pred.aggregate else 0.0
    s += 1.0 if gold.get("date") and gold["date"] == pred.date_start else 0.0
    for g, p in CASUALTY_FIELDS.items():
        s += 0.5 if gold.get(g) is not None and gold.get(g) == getattr(pred, p) else 0.0
    return s


def evaluate(gold: list[dict[str, Any]], options: Options | None = None) -> Scores:
    lang = load("ar")
    scores = Scores()
    for item in gold:
        report = Report(item["id"], item["text"], item.get("published"))
        result = extract_report(report, options)
        scores.reports += 1
        if item.get("language", "ar") != "ar":
            scores.language_checks.append((item["id"], result.language, len(result.events)))
        preds = result.events
        golds = item.get("events") or []
        scores.gold_events += len(golds)
        scores.predicted_events += len(preds)
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
            _score_match(scores, preds[pi], golds[gi], item["id"])
        for gi, g in enumerate(golds):
            if gi not in used_g:
                scores.misses.append(f"{item['id']}: missed gold {g['type']} at "
                                     f"{'/'.join(g.get('place') or [])}")
        for pi, p in enumerate(preds):
            if pi not in used_p:
                scores.misses.append(f"{item['id']}: extra {p.sub_event_type} at "
                                     f"{p.location_name} ({p.landmark or ''})")
    return scores


def _score_match(scores: Scores, pred: Event, gold: dict[str, Any], rid: str) -> None:
    scores.matched += 1
    for g, p in CASUALTY_FIELDS.items():
        value = getattr(pred, p)
        if gold.get(g) is not None:
            scores.field_total[g] += 1
            if value == gold[g]:
                scores.field_correct[g] += 1
            else:
                scores.misses.append(f"{rid}: {g} gold {gold[g]} got {value}")
        elif value is not None:
            scores.invented += 1
            scores.invented_where.append(f"{rid}: {p}={value} where gold has none")
    if gold.get("date"):
        scores.dates_total += 1
        if pred.date_start == gold["date"] and pred.date_end == gold["date"]:
            scores.dates_correct += 1
        else:
            scores.misses.append(f"{rid}: date gold {gold['date']} got {pred.date_start}")
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
