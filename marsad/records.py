"""Record types that flow through the pipeline: Report in, Event out.

Events are flat like an ACLED row so they export without reshaping; every value
that came from the text has an Evidence entry with offsets into the ORIGINAL text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Report:
    """One news report as read from disk; ``text`` is never modified downstream."""

    report_id: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # "path" or "path:line" it was read from


@dataclass
class Evidence:
    field: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


EVENT_FIELDS = (
    "report_id", "event_index", "event_type", "sub_event_type", "date_start", "date_end",
    "time_precision", "date_relative", "location_name", "location_name_en", "landmark",
    "country_code", "admin1", "admin2", "place_id",
    "latitude", "longitude", "geo_precision", "actor1", "actor2", "killed_min", "killed_max",
    "killed_vague", "civilians_killed_min", "civilians_killed_max", "children_killed_min",
    "women_killed_min", "combatants_killed_min", "injured_min", "injured_max", "injured_vague",
    "killed_or_injured_min", "named_killed", "sources", "aggregate", "confidence", "evidence",
)


@dataclass
class Event:
    """One conflict event as the extractor understood it. Unknown is None, never 0."""

    report_id: str
    event_index: int
    event_type: str
    sub_event_type: str
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    date_relative: bool = False  # counted from the publication date ("yesterday", "Thursday")
    location_name: str | None = None
    location_name_en: str | None = None
    landmark: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    place_id: str | None = None  # stable gazetteer id: geonames:…, wof:…, yemen-info:…
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    killed_min: int | None = None
    killed_max: int | None = None
    killed_vague: bool = False
    civilians_killed_min: int | None = None
    civilians_killed_max: int | None = None
    children_killed_min: int | None = None
    women_killed_min: int | None = None
    combatants_killed_min: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    injured_vague: bool = False
    killed_or_injured_min: int | None = None
    named_killed: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    aggregate: bool = False
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in EVENT_FIELDS}
        d["named_killed"] = [dict(n) for n in self.named_killed]
        d["sources"] = list(self.sources)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d
