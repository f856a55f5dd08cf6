"""The bundled gazetteer: GeoNames places with Arabic names, about 100,000 villages,
neighbourhoods and districts (Who's On First, yemen-regions-py), governorates, countries
and hand-written additions, all offline.

Files live in ``marsad/gazetteer/``; ``geonames_ar.tsv`` and ``villages_ar.tsv.gz`` are
generated (see scripts/build_gazetteer.py), the others are hand-written. A team adds its
own places without a release in a file named by ``MARSAD_PLACES`` (the additions.tsv
format).
"""

from __future__ import annotations

import gzip
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.lexicon import Lexicon
from marsad.normalise import normalise_word

# Kinds from most to least specific; geo_precision follows ACLED (1 town, 2 near/part, 3 region).
SETTLEMENT_KINDS = ("neighbourhood", "village", "town", "city")
# kinds of the large gazetteer that share names with ordinary words: a cue word must name them
MINOR_KINDS = ("village", "neighbourhood", "area")
PRECISION = {"neighbourhood": 1, "village": 1, "town": 1, "city": 1, "area": 2,
             "admin1": 3, "region": 3, "country": 3}


@dataclass(frozen=True, slots=True)
class Place:
    key: str  # stable id: "gn:<geonameid>", "add:<row>", "adm:<cc>.<code>", "cc:<cc>"
    name_ar: str
    name_en: str | None
    country: str
    admin1_code: str | None
    lat: float
    lon: float
    kind: str
    population: int
    trusted: bool  # hand-curated: safe to match without a cue word
    minor: bool = False  # a village from the large gazetteer: matched only after a cue word
    precision: int | None = None  # ACLED precision the source implies (a village known only
    # at its sub-district's centre is 2); None: from the kind
    admin1_en: str | None = None
    admin2_en: str | None = None


def _consonants(name: str) -> str:
    """"Idlib" and "Idleb" -> "dlb": transliterations differ in their vowels."""
    return "".join(ch for ch in name.lower() if ch.isascii() and ch.isalpha()
                   and ch not in "aeiouy")


def place_id(place: Place) -> str:
    """A stable id an export can carry: the source's own id where there is one."""
    kind, _, rest = place.key.partition(":")
    if kind == "gn":
        return f"geonames:{rest}"
    if kind == "yi":
        return f"yemen-info:{rest}"
    if kind == "wof":
        return place.key
    if kind == "adm":
        return f"marsad:admin1:{rest}"
    if kind == "cc":
        return f"marsad:country:{rest}"
    return f"marsad:{kind}:{place.country}:{place.name_ar}"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * \
        math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def data_rows(name: str) -> Iterator[list[str]]:
    """The rows of one bundled gazetteer file (tab-separated; comments skipped)."""
    path = resources.files("marsad").joinpath("gazetteer", name)
    if name.endswith(".gz"):
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    yield from _lines(text)


def _lines(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


class Gazetteer:
    """``stopwords``: words of the report language that must not be read as a place name
    unless a hand-checked entry says so (a village called جديدة, "new")."""

    def __init__(self, stopwords: frozenset[str] = frozenset()) -> None:
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.admin1_ar: dict[tuple[str, str], str] = {}
        self.country_names: dict[str, str] = {}
        places: list[tuple[str, Place]] = []
        for cc, code, name_en, names_ar, lat, lon in data_rows("admin1.tsv"):
            self.admin1_names[(cc, code)] = name_en
            names = names_ar.split("|")
            self.admin1_ar[(cc, code)] = names[0]
            for n in names:
                places.append((n, Place(f"adm:{cc}.{code}", names[0], name_en, cc, code,
                                        float(lat), float(lon), "admin1", 0, True)))
        for cc, name_en, names_ar, lat, lon in data_rows("countries.tsv"):
            self.country_names[cc] = name_en
            names = names_ar.split("|")
            for n in names:
                places.append((n, Place(f"cc:{cc}", names[0], name_en, cc, None, float(lat),
                                        float(lon), "country", 0, True)))
        for k, (names_ar, cc, lat, lon, kind, adm) in enumerate(data_rows("additions.tsv")):
            names = names_ar.split("|")
            for n in names:
                places.append((n, Place(f"add:{k}", names[0], None, cc, adm or None, float(lat),
                                        float(lon), kind, 0, True)))
        user = os.environ.get("MARSAD_PLACES")
        if user:  # a team's own villages, same columns as additions.tsv
            with open(user, encoding="utf-8") as f:
                for k, row in enumerate(_lines(f.read())):
                    if len(row) != 6:
                        raise ValueError(f"{user}: line {k + 1}: expected 6 tab-separated "
                                         f"columns (names_ar, country, lat, lon, kind, admin1)")
                    names_ar, cc, lat, lon, kind, adm = row
                    names = names_ar.split("|")
                    for n in names:
                        places.append((n, Place(f"user:{k}", names[0], None, cc, adm or None,
                                                float(lat), float(lon), kind, 0, True)))
        by_gid: dict[str, list[list[str]]] = {}
        for row in data_rows("geonames_ar.tsv"):
            if not any(len(w) == 1 for w in row[1].split()):  # "د مشق": a broken spelling
                by_gid.setdefault(row[0], []).append(row)
        for gid, rows in by_gid.items():
            # one canonical Arabic name per place: the fullest spelling (hamza, ta marbuta),
            # then the fewest words
            canon = min((r[1] for r in rows),
                        key=lambda n: (-sum(n.count(c) for c in "أإآةى"), n.count(" "), n))
            _, _, name_en, cc, adm, lat, lon, pop = rows[0]
            pop_i = int(pop)
            kind = "city" if pop_i >= 100_000 else "town" if pop_i >= 5_000 else "village"
            place = Place(f"gn:{gid}", canon, name_en, cc, adm, float(lat), float(lon), kind,
                          pop_i, False)
            places += [(r[1], place) for r in rows]
        self.size = len(places)
        self.spellings: dict[str, dict[str, str]] = {}  # place key -> folded name -> spelling
        for name, place in places:
            self.spellings.setdefault(place.key, {}).setdefault(normalise_word(name), name)
        entries: list[tuple[str, Place]] = []
        for name, place in places:
            entries.append((name, place))
            if " " in name:  # a lost space: جسرالشغور
                entries.append((name.replace(" ", ""), place))
        by_name: dict[str, list[Place]] = {}
        for name, place in entries:
            key = normalise_word(name)
            if not place.trusted and (key in stopwords or len(key.replace(" ", "")) < 3):
                continue
            bucket = by_name.setdefault(key, [])
            if all(p.key != place.key for p in bucket):
                bucket.append(place)
        self.by_name = by_name
        self.lexicon = Lexicon((name, tuple(cands)) for name, cands in by_name.items())
        self._load_villages({p.key: p for _, p in places})
        self.size += len(self._village_rows)

    def _load_villages(self, known: dict[str, Place]) -> None:
        """Villages, neighbourhoods and districts of the large gazetteer, indexed by the
        folded forms a report writes them in (computed when the file is built) and turned
        into places only when a report names one after its cue word."""
        self._village_rows: list[str] = []  # raw lines, split when a place is asked for
        self._village_index: dict[str, list[int] | int] = {}
        self._village_places: dict[int, Place] = {}
        self._known = known
        path = resources.files("marsad").joinpath("gazetteer", "villages_ar.tsv.gz")
        index = self._village_index
        for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            k = len(self._village_rows)
            self._village_rows.append(line)
            for key in line.split("\t", 3)[2].split("|"):
                hit = index.get(key)
                if hit is None:
                    index[key] = k  # most names are one place's: no list for them
                elif isinstance(hit, int):
                    index[key] = [hit, k]
                else:
                    hit.append(k)

    def _village(self, k: int) -> Place:
        place = self._village_places.get(k)
        if place is None:
            key, names_ar, _, name_en, cc, adm, adm1_en, adm2_en, lat, lon, kind, prec, pop = \
                self._village_rows[k].split("\t")
            names = names_ar.split("|")
            place = self._known.get(key) or Place(
                key, names[0], name_en or None, cc, adm or None, float(lat), float(lon), kind,
                int(pop), False, minor=kind in MINOR_KINDS, precision=int(prec),
                admin1_en=adm1_en or None, admin2_en=adm2_en or None)
            for n in names:
                self.spellings.setdefault(place.key, {}).setdefault(normalise_word(n), n)
            self._village_places[k] = place
        return place

    def villages(self, folded: str) -> tuple[Place, ...]:
        """Places of the large gazetteer named ``folded`` (a normalised name)."""
        rows = self._village_index.get(folded)
        if rows is None:
            rows = self._village_index.get(folded.replace(" ", ""), ())
        rows = (rows,) if isinstance(rows, int) else rows
        out: dict[str, Place] = {}
        for k in rows:
            place = self._village(k)
            out.setdefault(place.key, place)
        return tuple(out.values())

    def country_code(self, value: str) -> str | None:
        """A country as people type it: ISO code, English or Arabic name (SY, Syria, سوريا)."""
        v = value.strip()
        if v.upper() in self.country_names:
            return v.upper()
        for cc, name in self.country_names.items():
            if name.lower() == v.lower():
                return cc
        return next((p.country for p in self.lookup(v) if p.kind == "country"), None)

    def admin1_spellings(self, value: str) -> set[str]:
        """The stored names a governorate typed in Arabic or English can have: إدلب, Idlib
        and Idleb all find Idleb (English spellings compared by their consonants)."""
        v = value.strip()
        out = {v.lower()}
        for p in self.lookup(v):
            if p.kind == "admin1" and (p.country, p.admin1_code) in self.admin1_names:
                out.add(self.admin1_names[(p.country, p.admin1_code)].lower())
        skeleton = _consonants(v)
        if skeleton:
            out |= {n.lower() for n in self.admin1_names.values() if _consonants(n) == skeleton}
        return out

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self.admin1_names.get((country, code))

    def spelling(self, place: Place, folded: str) -> str:
        """The place's name as the text wrote it, when that is one of its spellings."""
        return self.spellings.get(place.key, {}).get(folded, place.name_ar)

    def admin1_place(self, country: str | None, code: str | None) -> Place | None:
        for p in self.by_name.get(normalise_word(self.admin1_ar.get((country, code), "")), ()):
            if p.key == f"adm:{country}.{code}":
                return p
        return None

    def lookup(self, name: str) -> tuple[Place, ...]:
        return tuple(self.by_name.get(normalise_word(name), ()))


@lru_cache(maxsize=4)
def load_gazetteer(language: str = "ar") -> Gazetteer:
    from marsad.lang import load

    return Gazetteer(load(language).vocabulary)
