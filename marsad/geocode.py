"""Choosing one place for each mention, and coding its precision the ACLED way.

Same-named places are told apart by the report's other places (a report about Idlib
means the Syrian أريحا, not Jericho), then by the cue word (محافظة wants a governorate,
مدينة a town), then by whether the entry was hand-checked, then by population.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.gazetteer import PRECISION, SETTLEMENT_KINDS, Gazetteer, Place
from marsad.places import PlaceMention

_ADMIN_CUES = ("admin1", "countryside")
# a place in a country with less than this share of the report's strongest country vote
# is taken for a namesake, not a place abroad
FOREIGN_SHARE = 0.5
# the country vote of a name only the large village gazetteer knows
MINOR_VOTE = 0.25


@dataclass(frozen=True, slots=True)
class Located:
    place: Place
    mention: PlaceMention
    precision: int
    name: str | None = None  # the text's name when the place itself is not in the gazetteer

    @property
    def key(self) -> str:
        return f"name:{self.name}" if self.name else self.place.key


def country_prior(mentions: Sequence[PlaceMention], extra: Sequence[str] = ()) -> Counter:
    votes: Counter = Counter()
    for m in mentions:
        if m.origin or not m.candidates:
            continue
        countries = {p.country for p in m.candidates}
        weight = 2.0 if any(p.kind == "country" for p in m.candidates) else 1.0
        if all(p.minor for p in m.candidates):
            weight = MINOR_VOTE  # a hamlet's name says little about the report's country
        for c in countries:
            votes[c] += weight / len(countries)
    for c in extra:
        votes[c] += 0.5
    return votes


def admin1_prior(mentions: Sequence[PlaceMention]) -> Counter:
    """Governorates the report names, and those of the towns it names that have only one
    reading: a village with namesakes is the one in the report's governorate."""
    votes: Counter = Counter()
    for m in mentions:
        if m.origin or not m.candidates:
            continue
        places = {(p.country, p.admin1_code) for p in m.candidates if p.admin1_code}
        if len(places) == 1:
            weight = 2.0 if any(p.kind == "admin1" for p in m.candidates) else 1.0
            votes[next(iter(places))] += weight
    return votes


def choose(m: PlaceMention, prior: Counter, admin1s: Counter | None = None) -> Place | None:
    if not m.candidates:
        return None

    def score(p: Place) -> tuple:
        if m.cue in _ADMIN_CUES:
            kind_fit = p.kind == "admin1"
        elif m.cue is not None:
            kind_fit = p.kind not in ("admin1", "country")
        else:
            kind_fit = p.kind != "admin1"
        area = (admin1s or {}).get((p.country, p.admin1_code), 0.0)
        return (prior.get(p.country, 0.0), area, kind_fit, p.trusted, p.population)

    return max(m.candidates, key=score)


def precision_of(place: Place, m: PlaceMention) -> int:
    base = place.precision or PRECISION.get(place.kind, 3)
    if m.cue == "countryside":
        return 3 if place.kind in ("admin1", "region", "country") else 2
    if base == 1 and (m.direction or m.vicinity):
        return 2
    return base


def locate(m: PlaceMention, prior: Counter, admin1s: Counter | None = None) -> Located | None:
    place = choose(m, prior, admin1s)
    if place is None:
        return None
    top = max(prior.values(), default=0.0)
    share = prior.get(place.country, 0.0)
    if place.minor and share < top:
        return None  # a village of the large gazetteer only in the report's own country
    if place.kind != "country" and share < FOREIGN_SHARE * top and \
            (m.cue is None or not place.trusted or share < 1.0):
        # a town abroad that shares its name with a common word or a local village: a
        # name never moves the event to a country the report hardly mentions
        return None
    return Located(place, m, precision_of(place, m))


def is_settlement(place: Place) -> bool:
    return place.kind in SETTLEMENT_KINDS


def admin1_of(place: Place, gaz: Gazetteer) -> str | None:
    return gaz.admin1_name(place.country, place.admin1_code)
