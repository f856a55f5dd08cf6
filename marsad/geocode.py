"""Choosing one place for each mention, and coding its precision the ACLED way.

Same-named places are told apart by the report's other places (a report about Idlib
means the Syrian أريحا, not Jericho), then by the cue word (محافظة wants a governorate,
مدينة a town), then by whether the entry was hand-checked, then by population.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.gazetteer import PRECISION, SETTLEMENT_KINDS, Gazetteer, Place, distance_km
from marsad.places import PlaceMention

_ADMIN_CUES = ("admin1", "countryside")
# a place in a country with less than this share of the report's strongest country vote
# is taken for a namesake, not a place abroad
FOREIGN_SHARE = 0.5
# the country vote of a name only the large village gazetteer knows
MINOR_VOTE = 0.25
# a place this large is known in its own right, whatever part of the governorate a report is on
SMALL_PLACE = 20_000


@dataclass(frozen=True, slots=True)
class Located:
    place: Place
    mention: PlaceMention
    precision: int
    name: str | None = None  # the text's name when the place itself is not in the gazetteer

    @property
    def key(self) -> str:
        return f"name:{self.name}" if self.name else self.place.key


def _vote(m: PlaceMention) -> dict[str, float]:
    """One mention's vote for the report's countries, split among its readings."""
    if m.origin or not m.candidates:
        return {}
    countries = {p.country for p in m.candidates}
    weight = 2.0 if any(p.kind == "country" for p in m.candidates) else 1.0
    if all(p.minor for p in m.candidates):
        weight = MINOR_VOTE  # a hamlet's name says little about the report's country
    return {c: weight / len(countries) for c in countries}


def country_prior(mentions: Sequence[PlaceMention], extra: Sequence[str] = ()) -> Counter:
    votes: Counter = Counter()
    for m in mentions:
        for c, v in _vote(m).items():
            votes[c] += v
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


REGION_SLACK_DEG = 0.05  # about 5 km: a village on the line between two parts fits both


def fit_regions(mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """"قرى الشعثة والقاهرة" in a report about "ريف حماة الشمالي الشرقي": a small place of
    that governorate lying in another part of it is a namesake, not the village meant. Such
    readings are dropped; a name left with none there (Cairo is no reading of a Syrian
    village) keeps its words and no coordinates."""
    parts: dict[tuple[str, str | None], list[tuple[Place, str]]] = {}
    plain: Counter = Counter()
    for m in mentions:
        if m.cue == "countryside" and m.candidates and not m.origin:
            towns = [p for p in m.candidates if p.kind != "admin1"]
            ref = towns[0] if towns else m.candidates[0]
            if m.region:
                parts.setdefault((ref.country, ref.admin1_code), []).append((ref, m.region))
            else:
                plain[(ref.country, ref.admin1_code)] += 1
    # a report that names the plain "ريف حلب" more often than a part of it is about all of it
    parts = {k: told for k, told in parts.items() if len(told) >= plain[k]}
    if not parts:
        return list(mentions)

    def fits(p: Place) -> bool:
        told = parts.get((p.country, p.admin1_code))
        if not told or p.trusted or p.population >= SMALL_PLACE or p.kind == "admin1":
            return True
        return any(_in_part(ref, p, region) for ref, region in told)

    countries = {country for country, _ in parts}
    out = []
    for m in mentions:
        kept = tuple(p for p in m.candidates if fits(p))
        if len(kept) == len(m.candidates) or m.landmark or m.generic:
            out.append(m)
        elif any(p.country in countries for p in kept):
            out.append(replace(m, candidates=kept))
        else:
            out.append(replace(m, candidates=(), unresolved=m.cue is not None))
    return out


def _in_part(ref: Place, p: Place, region: str) -> bool:
    dlat, dlon = p.lat - ref.lat, p.lon - ref.lon
    slack = REGION_SLACK_DEG
    return all({"N": dlat > -slack, "S": dlat < slack, "E": dlon > -slack,
                "W": dlon < slack}[d] for d in region)


NEAR_STEP_KM = 10.0  # nearness to the report's other villages counts in steps this wide
NEAR_KM = 40.0  # a village this close to a town the report names may be of its story
ONE_PLACE_KM = 10.0  # a town and the governorate named after it are one place


def anchors(mentions: Sequence[PlaceMention]) -> list[Place]:
    """The villages and towns a report names that have one reading only (a town and its
    namesake governorate are one): where its story is."""
    out = []
    for m in mentions:
        towns = [p for p in m.candidates if p.kind in SETTLEMENT_KINDS]
        if m.origin or len(towns) != 1:
            continue
        if all(distance_km(p.lat, p.lon, towns[0].lat, towns[0].lon) <= ONE_PLACE_KM
               for p in m.candidates):
            out.append(towns[0])
    return out


def far_namesakes(m: PlaceMention, prior: Counter, admin1s: Counter,
                  near: Sequence[Place]) -> bool:
    """"مديرية أرحب إلى الشمال من صنعاء" where the gazetteer has only hamlets called أرحب,
    none of them near the report's towns nor in a governorate it names: which one is meant
    cannot be told, so none is (the name is kept, placed by the town around it)."""
    if not m.candidates or not all(p.minor for p in m.candidates):
        return False
    top = max(prior, key=prior.get, default=None)
    home = [p for p in m.candidates if p.country == top]
    others = [a for a in near if a.country == top and a not in m.candidates]
    if len(home) < 2 or not others:
        return False
    if any((p.country, p.admin1_code) in admin1s for p in home):
        return False
    return all(distance_km(p.lat, p.lon, a.lat, a.lon) > NEAR_KM for p in home for a in others)


def choose(m: PlaceMention, prior: Counter, admin1s: Counter | None = None,
           near: Sequence[Place] = ()) -> Place | None:
    """The reading of the report's country and governorates; among namesakes there, the one
    nearest the report's other villages ("قرى خفسين وجنينة": the Janina beside Khafsin)."""
    if not m.candidates:
        return None
    others = [a for a in near if a not in m.candidates]

    def nearness(p: Place) -> float:
        if not others or p.kind not in SETTLEMENT_KINDS:
            return 0.0
        d = min(distance_km(p.lat, p.lon, a.lat, a.lon) for a in others)
        return -(d // NEAR_STEP_KM)

    def score(p: Place) -> tuple:
        if m.cue in _ADMIN_CUES:
            kind_fit = p.kind == "admin1"
        elif m.cue is not None:
            kind_fit = p.kind not in ("admin1", "country")
        else:
            kind_fit = p.kind != "admin1"
        area = (admin1s or {}).get((p.country, p.admin1_code), 0.0)
        return (prior.get(p.country, 0.0), area, kind_fit, nearness(p), p.trusted,
                p.population)

    return max(m.candidates, key=score)


def precision_of(place: Place, m: PlaceMention) -> int:
    base = place.precision or PRECISION.get(place.kind, 3)
    if m.cue == "countryside":
        return 3 if place.kind in ("admin1", "region", "country") else 2
    if base == 1 and (m.direction or m.vicinity):
        return 2
    return base


def locate(m: PlaceMention, prior: Counter, admin1s: Counter | None = None,
           near: Sequence[Place] = ()) -> Located | None:
    place = choose(m, prior, admin1s, near)
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
    others = max((v for c, v in prior.items() if c != place.country), default=0.0)
    support = share - _vote(m).get(place.country, 0.0)  # what the rest of the report says
    outvoted = others > share if m.cue is not None else others >= share
    if place.kind != "country" and others >= 1.0 and support <= 0.0 and outvoted:
        return None  # "حي أبوشوك الحلة" in a Darfur story is not Hilla, Iraq
    return Located(place, m, precision_of(place, m))


def is_settlement(place: Place) -> bool:
    return place.kind in SETTLEMENT_KINDS


def admin1_of(place: Place, gaz: Gazetteer) -> str | None:
    return gaz.admin1_name(place.country, place.admin1_code)


@dataclass(frozen=True)
class PlaceCandidate:
    """One reading of a name, as `marsad places` shows it."""

    place: Place
    score: tuple
    why: str


def explain(name: str, gaz: Gazetteer, lang, country: str | None = None,
            near: str | None = None) -> tuple[list[PlaceCandidate], Place | None, str]:
    """How a name resolves, for an analyst debugging a wrong pin: every candidate with its
    score (best first), the chosen place and a one-line reason. A cue word (قرية، بلدة …)
    at the start is read as a cue, as in a report."""
    from marsad.normalise import normalise_word
    from marsad.tokens import tokenize

    words = [t.text for t in tokenize(normalise_word(name))]
    cue = lang.settlement_cues.match_at(tokenize(" ".join(words)), 0) if words else None
    cue_kind = cue.payload if cue is not None and cue.end < len(words) else None
    folded = " ".join(words[cue.end:] if cue_kind else words)
    found: dict[str, tuple[Place, bool]] = {}
    for p in gaz.by_name.get(folded, ()):
        found.setdefault(p.key, (p, False))
    for p in gaz.villages(folded):
        found.setdefault(p.key, (p, True))
    anchor = None
    if near:
        anchor = next(iter(gaz.lookup(near)), None) or next(iter(gaz.villages(
            normalise_word(near))), None)
    out = []
    for p, from_villages in found.values():
        needs_cue = from_villages and cue_kind is None
        km = distance_km(p.lat, p.lon, anchor.lat, anchor.lon) if anchor else None
        score = (0 if needs_cue else 1, 1 if country is None or p.country == country else 0,
                 -round(km) if km is not None else 0, p.trusted, p.population)
        why = []
        if needs_cue:
            why.append("village list: needs a cue word (قرية، بلدة …) in a report")
        if country and p.country != country:
            why.append(f"not in {country}")
        if km is not None:
            why.append(f"{km:.0f} km from {anchor.name_ar}")
        why.append("hand-checked" if p.trusted else f"population {p.population}"
                   if p.population else "no population")
        out.append(PlaceCandidate(p, score, "; ".join(why)))
    out.sort(key=lambda c: c.score, reverse=True)
    if not out:
        return [], None, f"'{name}' is not in the gazetteer; a report keeps the name and " \
                         f"places it at the town or governorate named around it"
    best = out[0]
    reason = "the only candidate" if len(out) == 1 else \
        "ranked by: cue rule, country, distance to --near, hand-checked, population"
    return out, best.place, reason
