"""From mentions to events: which clauses report an event, which of them tell the same
event again, and what the event's figures are.

Rules, in the order they apply (each is a function below so it can be tested alone):
- a clause reports an event if it has a trigger that is not negated (لم) or background
  (وسط معارك, خوفا من قصف); a clause with only casualty counts continues the last event;
- a clause about a period (في تلك الفترة, منذ, بداية من X وحتى Y) with counts is an
  aggregate; without counts it only sets the period for undated events after it;
- a later clause is the same event when it refers back (الغارات, السيارة المفخخة) or names
  the same place, and its date and place do not conflict;
- counts told again are a range (min-max); parts of one statement add up.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.casualties import Count, find_counts
from marsad.clauses import Clause
from marsad.dates import DateMention, Resolved, resolve
from marsad.gazetteer import Gazetteer, distance_km
from marsad.geocode import Located, is_settlement
from marsad.lang import LanguageData
from marsad.lexicon import Match
from marsad.normalise import normalise_word
from marsad.places import PlaceMention
from marsad.tokens import Token, forms

_SPECIFICITY = {"neighbourhood": 0, "village": 0, "town": 1, "city": 1, "area": 2,
                "admin1": 3, "region": 4, "country": 5}
_NEAR_KM = 10.0
AIR = "Air/drone strike"  # ACLED's sub-event type that aircraft decide


@dataclass
class Mentions:
    """Everything found in one report, found once, in token order."""

    text: str  # normalised report text
    tokens: Sequence[Token]
    clauses: list[Clause]
    triggers: list[Match]
    dates: list[DateMention]
    places: list[PlaceMention]
    located: dict[int, Located]  # by index into places
    actors: list[Match]
    sources: list[Match]
    excluded: set[int]  # tokens that cannot be counts (dates, landmarks)


@dataclass
class Candidate:
    clauses: list[Clause]
    sub: str
    trigger: Match | None
    strong: bool
    anaphoric: bool = False
    recalled: bool = False  # told in the pluperfect ("وكانت … قد شهدت"): an earlier event
    title: bool = False
    location: Located | None = None
    landmark: PlaceMention | None = None
    unplaced_name: PlaceMention | None = None  # "بلدة X" the gazetteer lacks, nothing around it
    own_place: bool = False
    date: Resolved | None = None
    date_mention: DateMention | None = None
    own_date: bool = False  # the date is written in the event's own clauses
    statements: list[list[Count]] = field(default_factory=list)
    aggregate: bool = False
    actors: list[Match] = field(default_factory=list)
    inherited_type: bool = False


def _distance_km(a: Located, b: Located) -> float:
    return distance_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)


def trigger_status(tokens: Sequence[Token], m: Match, lang: LanguageData, lo: int,
                   hi: int | None = None) -> str:
    """'event', or why the trigger tells no event that happened: 'negated', 'background',
    'irrealis' (a plan, threat or condition), 'frame' (a court case, an anniversary, an arms
    deal), 'metaphor' (a trade war, a match, ground 'taken' by no force) or 'weapon' (a
    weapon named, nothing done with it)."""
    for j in range(max(lo, m.start - 3), m.start):
        if any(f in lang.negation for f in forms(tokens[j].text)):
            return "negated"
    reaches = ((lang.background, "background", lang.background_reach),
               (lang.frames, "frame", lang.background_reach),
               (lang.irrealis, "irrealis", lang.irrealis_reach))
    for lex, status, reach in reaches:
        for j in range(max(lo, m.start - reach), m.start):
            b = lex.match_at(tokens, j)
            if b is not None and b.end <= m.start:
                return status
    if m.end < len(tokens) and lang.metaphor_after.match_at(tokens, m.end) is not None:
        return "metaphor"
    if hi is None:
        return "event"
    if _has(lang.domain_words, tokens, lo, hi):
        return "metaphor"  # "أكثر المواجهات إثارة في تاريخ كرة القدم"
    if tokens[m.start].text in lang.sentence_words and _has(lang.court_words, tokens, lo, hi):
        return "frame"  # "قضت محكمة بإعدام 8 متهمين": a sentence passed, not an execution
    if m.payload[2] in lang.weapon_nouns and \
            not _has(lang.acts, tokens, lo, hi) and not _has(lang.casualty, tokens, lo, hi):
        return "weapon"
    if m.payload[0] in lang.territory_subs and not _has(lang.actors, tokens, lo, hi) and \
            not _has(lang.armed_nouns, tokens, lo, hi):
        return "metaphor"  # "دخلت السوق", "سيطر على مجريات اللعب": no force takes ground
    return "event"


def _pluperfect(tokens: Sequence[Token], sentence_lo: int, trigger: int, lang: LanguageData,
                reach: int = 12) -> bool:
    """"وكانت الفاشر قد شهدت هدوءا … بعدما هاجمت": كان … قد before the trigger, in its
    sentence, tells of an earlier event."""
    lo = max(sentence_lo, trigger - reach)
    words = [t.text for t in tokens[lo:trigger]]
    aux = next((k for k, w in enumerate(words) if w in lang.pluperfect_aux), None)
    return aux is not None and lang.pluperfect_particle in words[aux + 1:aux + 5]


def _has(lex, tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return bool(lex.find(tokens, lo, hi))


def resolve_type(cl: Clause, active: list[Match], tokens: Sequence[Token], lang: LanguageData,
                 previous: str | None) -> tuple[str, Match | None, bool, bool]:
    """(sub_event_type, trigger, strong, inherited)."""
    strong = [m for m in active if m.payload[1] == "strong"]
    if strong:
        sub = strong[0].payload[0]
        finer = next((m for m in strong[1:]
                      if sub in lang.more_specific.get(m.payload[0], ())), None)
        if finer is not None:  # "سيارة مفخخة يقودها انتحاري": a suicide bomb
            return finer.payload[0], finer, True, False
        if strong[0].payload[2] in lang.weapon_nouns and sub in lang.air_overrides and \
                _has(lang.air_context, tokens, cl.lo, cl.hi):
            sub = AIR  # "طائرة حربية استهدفت المنزل بستة صواريخ"
        return sub, strong[0], True, False
    trig = active[0] if active else None
    if _has(lang.air_context, tokens, cl.lo, cl.hi):
        return AIR, trig, False, False
    if _has(lang.artillery_context, tokens, cl.lo, cl.hi):
        return "Shelling/artillery/missile attack", trig, False, False
    if trig is not None and trig.payload[2] in lang.weak_defaults:
        return lang.weak_defaults[trig.payload[2]], trig, False, False
    if previous is not None:
        return previous, trig, False, True
    return (trig.payload[0] if trig else "Shelling/artillery/missile attack"), trig, False, True


def _family(sub: str, lang: LanguageData) -> str:
    return lang.event_types.get(sub, "Strategic developments")


class Assembler:
    def __init__(self, mentions: Mentions, lang: LanguageData, gaz: Gazetteer,
                 published: dt.date | None):
        self.m = mentions
        self.lang = lang
        self.gaz = gaz
        self.published = published
        years = [d.year for d in mentions.dates if d.year]
        firsts = [d.first.year for d in mentions.dates if d.first and d.first.year]
        self.year_hint = (years or firsts or [None])[0]
        self._starts: dict[int, list[int]] = {}
        self._place_starts = [pm.start for pm in mentions.places]
        self._sentence_lo: dict[int, int] = {}  # where each sentence starts
        for c in mentions.clauses:
            self._sentence_lo.setdefault(c.sentence, c.lo)
        self.datelines = self._datelines()
        self.main_place = self._main_place()
        countries = Counter(loc.place.key for k, loc in mentions.located.items()
                            if loc.place.kind == "country" and not mentions.places[k].origin)
        self.main_country = next((loc for loc in mentions.located.values() if countries
                                  and loc.place.key == countries.most_common(1)[0][0]), None)
        self.admin1s = {(loc.place.country, loc.place.admin1_code)
                        for loc in mentions.located.values() if loc.place.kind == "admin1"}
        named = Counter(loc.place.key for k, loc in mentions.located.items()
                        if loc.place.kind == "admin1" and not mentions.places[k].origin)
        self.main_admin1 = next((loc for loc in mentions.located.values()
                                 if named and loc.place.key == named.most_common(1)[0][0]), None)
        strong = Counter(t.payload[0] for t in mentions.triggers if t.payload[1] == "strong")
        self.dominant = strong.most_common(1)[0][0] if strong else None

    # -- report-level context -------------------------------------------------------------
    def _datelines(self) -> set[PlaceMention]:
        """A place opening a paragraph and followed by a dash or bracket: a dateline."""
        out = set()
        starts = {cl.lo for cl in self.m.clauses}
        for pm in self.m.places:
            if pm.start in starts and pm.end < len(self.m.tokens):
                gap = self.m.text[self.m.tokens[pm.end - 1].end:self.m.tokens[pm.end].start]
                if any(ch in gap for ch in "-–—(:"):
                    out.add(pm)
        return out

    def _main_place(self) -> Located | None:
        settlements = Counter()
        first: dict[str, Located] = {}
        for k, loc in self.m.located.items():
            pm = self.m.places[k]
            if pm.origin:
                continue
            if is_settlement(loc.place) or loc.place.kind == "admin1":
                weight = 2 if is_settlement(loc.place) else 1
                settlements[loc.place.key] += weight
                first.setdefault(loc.place.key, loc)
        if not settlements:
            return None
        key = settlements.most_common(1)[0][0]
        return first[key]

    # -- clause reading ---------------------------------------------------------------------
    def _in(self, items, cl: Clause):
        """The items (in token order) that start inside the clause: a binary search, so
        a long bulletin costs no more per clause than a short report."""
        starts = self._starts.get(id(items))
        if starts is None:
            starts = self._starts[id(items)] = [x.start for x in items]
        return items[bisect_left(starts, cl.lo):bisect_left(starts, cl.hi)]

    def read(self) -> list[Candidate]:
        tokens, lang = self.m.tokens, self.lang
        events: list[Candidate] = []
        period: tuple[Resolved, DateMention] | None = None
        current_town: Located | None = None
        last_date: tuple[Resolved, DateMention] | None = None
        last_sentence = -1  # the sentence whose own date last_date is
        last_kind, last_kind_sentence = None, -1  # for list items without their verb
        last_part = False
        for cl in self.m.clauses:
            if cl.dateline:
                continue
            triggers = self._in(self.m.triggers, cl)
            status = {id(t): trigger_status(tokens, t, lang, cl.lo, cl.hi) for t in triggers}
            active = [t for t in triggers if status[id(t)] == "event"]
            quiet = [t for t in triggers if status[id(t)] != "event"]
            first = bisect_left(self._place_starts, cl.lo)
            last = bisect_left(self._place_starts, cl.hi)
            place_idx = [k for k in range(first, last) if not self.m.places[k].origin
                         and not self._after_quiet(self.m.places[k], triggers, quiet)]
            death_words = lang.casualty.find(tokens, cl.lo, cl.hi)
            killing = bool(death_words) or any(tokens[k].text in lang.pronoun_tolls
                                               for k in range(cl.lo, cl.hi))  # "مقتلهم"
            carried = last_kind if cl.sentence == last_kind_sentence else None
            # no casualty word and nothing carried over: no count can be bound
            counts = find_counts(tokens, cl.lo, cl.hi, lang, self.m.excluded, carried,
                                 last_part) \
                if killing or carried or lang.after_count.find(tokens, cl.lo, cl.hi) else []
            if counts:
                last_kind, last_kind_sentence = counts[-1].kind, cl.sentence
                # a part goes on into the next item, unless a place closed this one
                # ("بينهم طفل في قرية X، وأربعة مدنيين": a new toll, not more children)
                last_part = counts[-1].subset and not any(
                    self.m.places[k].start >= counts[-1].end for k in place_idx)
            counts, totals = self._running_totals(cl, counts)
            dates = self._in(self.m.dates, cl)
            period_here = next((d for d in dates if d.kind == "period"), None)
            day_here = next((d for d in dates if d.kind == "day"), None) or \
                next((d for d in dates if d.kind in ("month", "year")), None) or \
                next((d for d in dates if d.kind in ("relative", "weekday")), None)
            same_day = any(d.kind == "same_day" for d in dates)
            period_words = _has(lang.period_markers, tokens, cl.lo, cl.hi)
            documented = _has(lang.documentation, tokens, cl.lo, cl.hi)

            if not active and not (counts or killing):
                if period_here is not None:
                    r = resolve(period_here, self.published, self.year_hint)
                    period = (r, period_here) if r else period
                current_town = self._update_town(place_idx, current_town)
                continue
            if not active and not counts and not _has(lang.air_context, tokens, cl.lo, cl.hi):
                # a casualty word with no figure and no trigger (a headline's "kills
                # children"): an event only when the clause says who struck from the air
                current_town = self._update_town(place_idx, current_town)
                continue
            previous = events[-1].sub if events else self.dominant
            sub, trig, strong, inherited = resolve_type(cl, active, tokens, lang, previous)
            if not active and death_words and all(w.surface in lang.soft_death
                                                  for w in death_words):
                # "وفاة مئات الآلاف": a death word that tells no violence, and no trigger
                current_town = self._update_town(place_idx, current_town)
                continue
            if not active and quiet:
                # the clause's violence is background, planned or recalled: its counts
                # belong to that, not to the event told before
                current_town = self._update_town(place_idx, current_town)
                continue
            one_day = any(d.kind in ("day", "relative", "weekday") for d in dates)
            is_period = period_here is not None or (period_words and not one_day)
            recalled = not active and counts and _pluperfect(
                tokens, self._sentence_lo[cl.sentence], counts[0].start, lang, reach=30)
            if recalled:
                # "وكانت الفاشر قد شهدت … ما أسفر عن مقتل 15": the toll of an earlier event,
                # not more of the one told before
                current_town = self._update_town(place_idx, current_town)
                continue
            if not active and events and counts and not self._has_own_settlement(place_idx) \
                    and not is_period:  # ("وبذلك ترتفع الحصيلة منذ بدء العدوان": a total)
                # counts with no trigger and no new town: the last event, told again
                ev = events[-1]
                ev.clauses.append(cl)
                ev.statements.append(counts)
                continue
            cand = Candidate([cl], sub, trig, strong, inherited_type=inherited, title=cl.title)
            # "القصف نفذ بواسطة طائرة مسيرة": a definite trigger anywhere refers back
            cand.anaphoric = any(_definite(tokens[t.start].text, lang.article) for t in active)
            cand.recalled = bool(active) and _pluperfect(
                tokens, self._sentence_lo[cl.sentence], active[0].start, lang)
            cand.statements = [counts] if counts else []
            cand.actors = [a for a in self._in(self.m.actors, cl)
                           if not self._after_quiet(a, triggers, quiet)]
            self._place(cand, place_idx, current_town)
            current_town = self._update_town(place_idx, current_town)

            # a period total unless a single day is named ("منذ بداية الحرب عام 2011": total)
            if is_period and not counts:
                if period_here is not None:
                    r = resolve(period_here, self.published, self.year_hint)
                    period = (r, period_here) if r else period
                continue
            plural = trig is not None and trig.surface in lang.plural_triggers
            cand.aggregate = bool(counts) and (is_period or (
                documented and plural and not dates and not self._has_own_settlement(place_idx)))
            area = self.main_admin1 or self.main_place
            if cand.aggregate and cand.location is None and area is not None:
                # a total for the area the report is about, at region precision
                cand.location = Located(area.place, area.mention, 3)
            cand.own_date = bool(dates)
            if day_here is not None and not cand.aggregate:
                context = last_date[0].start if last_date else (period[0].start if period else None)
                r = resolve(day_here, self.published, self.year_hint, context)
                cand.date, cand.date_mention = r, day_here
            elif (same_day or last_sentence == cl.sentence) and last_date is not None:
                # "بنفس اليوم", or a date that opened this sentence and governs its clauses
                cand.date, cand.date_mention = last_date
            elif period_here is not None:
                r = resolve(period_here, self.published, self.year_hint)
                if r:
                    cand.date, cand.date_mention = r, period_here
                    period = (r, period_here)
            elif period is not None and (cand.aggregate or day_here is None):
                cand.date, cand.date_mention = period
            if cand.date is not None and cand.date.precision == 1:
                last_date = (cand.date, cand.date_mention)
                last_sentence = cl.sentence if day_here is not None else last_sentence
            elif day_here is not None:
                last_date = None
            self._add(events, cand)
            events.extend(self._listed_places(cand, place_idx))
            if totals:
                events.append(self._total_of(cand, totals, period))
        return self._drop_empty(events)

    def _joined(self, end: int, start: int) -> bool:
        """Two place names joined as a list: "X وY", "X و Y", "X، Y" (not "X بY": X in Y)."""
        toks, conj = self.m.tokens, self.lang.conj
        if start == end + 1 and toks[end].text == conj:
            return True
        cue = self.lang.settlement_cues.match_at(toks, end) if start == end + 1 else None
        if cue is not None and toks[end].text.startswith(conj) and \
                cue.surface not in self.lang.plural_cues:
            return True  # "مدينة دوما وبلدة عين ترما": each with its own (singular) cue word
        if start != end:
            return False
        gap = self.m.text[toks[end - 1].end:toks[start].start]
        return toks[start].text.startswith(conj) or "،" in gap or "," in gap

    def _between(self, start: int) -> bool:
        """"بين مدينتي X وY": the list is the two ends of a road or a front line."""
        return any(self.m.tokens[k].text in self.lang.between_words
                   for k in range(max(0, start - 2), start))

    def _listed_places(self, cand: Candidate, place_idx: list[int]) -> list[Candidate]:
        """"ألقى برميلين على مدينتي الحراك وطفس", "سيطرت على قرى الشعثة والقاهرة وكراح":
        one verb over a list of places is one event per place (ACLED codes one event per
        location). The toll, which cannot be split, stays with the first."""
        summary = any(_has(self.lang.summary_markers, self.m.tokens, cl.lo, cl.hi)
                      for cl in cand.clauses)
        if cand.location is None or cand.aggregate or summary:
            return []  # "في محافظتي تعز والحديدة": a summary, told place by place later
        chain: list[Located] = []
        unknown = 0  # "بلدتي حاروش ودير العصافير": a listed town the gazetteer lacks
        named: list[PlaceMention] = []  # "قرى X وكراح": later unknown items, each an event
        prev_end = None
        for k in place_idx:
            pm, loc = self.m.places[k], self.m.located.get(k)
            if pm.landmark or pm.generic or pm.origin or pm.attached or pm.direction:
                continue
            joined = prev_end is not None and self._joined(prev_end, pm.start)
            if not (chain or unknown) and self._between(pm.start):
                break  # "الطريق بين مدينتي بلعد وجوهر": a road's two ends, one place
            if pm.unresolved and loc is None and (joined or not (chain or unknown)):
                unknown += 1  # it stays the event's own place, named, with no coordinates
                if pm.listed and joined:
                    named.append(pm)
                prev_end = pm.end
                continue
            if loc is None or not is_settlement(loc.place):
                prev_end = None  # a governorate or an unknown word ends the list
                continue
            if loc.name:
                continue
            if (chain or unknown) and not joined:
                if len(chain) + unknown >= 2:
                    break
                chain, unknown = [], 0  # ("قرية الفندا بمحلية الدلنج": X in Y, not X and Y)
            if not (chain or unknown) and self._between(pm.start):
                break  # "الطريق بين مدينتي بلعد وجوهر": a road's two ends, one place
            chain.append(loc)
            prev_end = pm.end
        if len(chain) + unknown < 2 or not chain:
            return []
        # a listed village the gazetteer lacks lies among the others: near the first of them
        chain += [Located(chain[0].place, pm, 2, self._name(pm)) for pm in named]
        out = []
        for loc in chain:
            if loc.key == cand.location.key:
                continue
            other = Candidate(list(cand.clauses), cand.sub, cand.trigger, cand.strong,
                              location=loc, date=cand.date, date_mention=cand.date_mention,
                              own_place=True, own_date=cand.own_date, actors=list(cand.actors),
                              inherited_type=cand.inherited_type)
            out.append(other)
        return out

    def _running_totals(self, cl: Clause, counts: list[Count]) -> tuple[list[Count], list[Count]]:
        """"… ليرتفع عدد القتلى منذ بداية الأسبوع إلى 45": a toll that rises to a total over
        a period is that period's aggregate, not this incident's figure."""
        if not any(c.update for c in counts):
            return counts, []
        marks = [m.start for m in self.lang.period_markers.find(self.m.tokens, cl.lo, cl.hi)]
        totals = [c for c in counts if c.update and any(c.start - 10 <= k <= c.end + 5
                                                         for k in marks)]
        if not totals or len(totals) == len(counts):
            return counts, []  # all of it is one statement: handled as a period clause
        return [c for c in counts if c not in totals], totals

    def _total_of(self, cand: Candidate, totals: list[Count],
                  period: tuple[Resolved, DateMention] | None) -> Candidate:
        agg = Candidate(list(cand.clauses), cand.sub, cand.trigger, cand.strong,
                        aggregate=True, actors=list(cand.actors))
        agg.statements = [totals]
        area = self.main_admin1 or cand.location or self.main_place
        agg.location = Located(area.place, area.mention, 3) if area is not None else None
        agg.own_place = cand.own_place
        if period is not None:
            agg.date, agg.date_mention = period
        return agg

    def _after_quiet(self, item, triggers: list[Match], quiet: list[Match]) -> bool:
        """A mention that belongs to a negated or background trigger before it."""
        before = [t for t in triggers if t.start < item.start]
        return bool(before) and any(before[-1] is q for q in quiet)

    def _has_own_settlement(self, place_idx: list[int]) -> bool:
        return any((k in self.m.located and self.m.located[k].place.kind != "country")
                   or self.m.places[k].unresolved for k in place_idx)

    def _rank(self, loc: Located, plain_town_here: bool,
              towns: list[Located] = ()) -> tuple[bool, int, bool, bool, int]:
        """Places named without a direction from them come first ("التاجي شمالي بغداد"),
        then those that agree with the governorates the report names, then those not naming
        a landmark's ends ("طريق حلب - دمشق"), then a town before a city that shares its
        governorate's name, then the most specific."""
        fits = not self.admin1s or (loc.place.country, loc.place.admin1_code) in self.admin1s
        # "التاجي شمالي بغداد": beside a town named plainly, a town with a direction is the
        # other's reference point
        reference = plain_town_here and loc.mention.direction is not None \
            and is_settlement(loc.place)
        # "وفي الحديدة قتل 4 … أحياء مدينة التحيتا": الحديدة names the governorate there
        governorate = any(t.place.key != loc.place.key and t.place.country == loc.place.country
                          and t.place.admin1_code == loc.place.admin1_code for t in towns) \
            and self._names_governorate(loc)
        return (reference, 0 if fits else 1, loc.mention.attached, governorate,
                _SPECIFICITY[loc.place.kind])

    def _names_governorate(self, loc: Located) -> bool:
        """A city whose name is also its governorate's (الحديدة, حماة)."""
        adm = self.gaz.admin1_place(loc.place.country, loc.place.admin1_code)
        return adm is not None and loc.place.kind == "city" and \
            normalise_word(adm.name_ar) == normalise_word(loc.place.name_ar)

    def _towns(self, place_idx: list[int], plain: bool = False) -> list[Located]:
        """The settlements the clause names, in order; ``plain``: only those named without a
        direction from them (not the reference point of "قرية الرفة جنوب شرقي إدلب")."""
        return [loc for k in place_idx if (loc := self.m.located.get(k)) is not None
                and is_settlement(loc.place)
                and not (plain and self.m.places[k].direction is not None)]

    def _update_town(self, place_idx: list[int], current: Located | None) -> Located | None:
        """The town later references ("القرية", "المدينة") point to: the last one named,
        but not a reference point ("قرية الرفة جنوب شرقي إدلب": the village, not Idlib)."""
        towns = self._towns(place_idx, plain=True) or self._towns(place_idx)
        return towns[-1] if towns else current

    def _place(self, cand: Candidate, place_idx: list[int], current_town: Located | None) -> None:
        plain_here = bool(self._towns(place_idx, plain=True))
        towns = self._towns(place_idx)

        def rank(loc: Located) -> tuple[bool, int, bool, bool, int]:
            return self._rank(loc, plain_here, towns)

        best: Located | None = None
        generic: PlaceMention | None = None
        unresolved: PlaceMention | None = None
        for k in place_idx:
            pm = self.m.places[k]
            if pm.landmark:
                cand.landmark = cand.landmark or pm
                continue
            if pm.generic:
                generic = generic or pm
                continue
            if pm.unresolved:
                if not pm.listed:  # a later item of a list is its own event (_listed_places)
                    unresolved = unresolved or pm
                continue
            loc = self.m.located.get(k)
            if loc is None:
                continue
            if best is None or rank(loc) < rank(best):
                best = loc
        if best is not None and best.mention in self.datelines:
            # "إدلب - ": where the report was filed; a place named in the story wins
            others = [self.m.located[k] for k in place_idx if k in self.m.located
                      and self.m.located[k].mention not in self.datelines]
            if others:
                best = min(others, key=rank)
        cand.own_place = bool(place_idx)
        town = current_town or self.main_place
        if best is not None and best.mention.cue == "neighbourhood" and not best.place.trusted \
                and town is not None and is_settlement(town.place) \
                and _distance_km(best, town) > 15:
            # "حي الروضة" in a story about Taiz: a district of that town, not a namesake
            cand.landmark = cand.landmark or best.mention
            best = Located(town.place, best.mention, 1)
        if unresolved is not None and unresolved.cue not in ("neighbourhood",):
            cand.location = self._name_only(unresolved, best, town)
            cand.unplaced_name = unresolved if cand.location is None else None
        elif unresolved is not None and town is not None and (best is None or not
                                                              is_settlement(best.place)):
            # "حي الروضة": a quarter of the town the story is in
            cand.landmark = cand.landmark or unresolved
            cand.location = Located(town.place, unresolved, 1)
        elif best is not None and is_settlement(best.place):
            cand.location = best
        elif generic is not None and generic.generic == "admin1" and best is None \
                and self.main_admin1 is not None:
            # "في قرية في شرق المحافظة": the governorate named before, not its last town
            cand.location = Located(self.main_admin1.place, generic, 3)
        elif (generic is not None or cand.landmark is not None) and town is not None and (
                best is None or _within(best, town)):
            direction = generic.direction if generic else None
            precision = 2 if direction or (generic and generic.vicinity) else 1
            cand.location = Located(town.place, generic or cand.landmark, precision)
        else:
            cand.location = best

    def _name(self, pm: PlaceMention) -> str:
        """The words of a name the gazetteer lacks, without a list's glued "و" ("وكراح")."""
        name = " ".join(t.text for t in self.m.tokens[pm.start:pm.end])
        conj = self.lang.conj
        return name[len(conj):] if pm.listed and name.startswith(conj) else name

    def _name_only(self, pm: PlaceMention, best: Located | None,
                   town: Located | None) -> Located | None:
        """A village the gazetteer lacks keeps its name; its coordinates are those of the
        known place around it (a town: precision 2; a governorate: precision 3)."""
        name = self._name(pm)
        if best is not None:
            return Located(best.place, pm, 2 if is_settlement(best.place) else 3, name)
        if town is not None:
            adm = self.gaz.admin1_place(town.place.country, town.place.admin1_code)
            return Located(adm or town.place, pm, 3, name)
        if self.main_country is not None:  # "قرية بوني" in a report about Mali
            return Located(self.main_country.place, pm, 3, name)
        return None

    # -- coreference within the report -----------------------------------------------------
    def _compatible(self, ev: Candidate, cand: Candidate) -> bool:
        lang = self.lang
        if ev.aggregate or cand.aggregate:
            return False
        if _family(ev.sub, lang) != _family(cand.sub, lang):
            return False
        if ev.strong and cand.strong and ev.sub != cand.sub and not (
                AIR in (ev.sub, cand.sub) and {ev.sub, cand.sub} & lang.air_overrides):
            return False  # a car bomb and a hand grenade in one town: two attacks
        if not days_agree(ev, cand):
            return False  # two days, or a strike recalled from another year
        if ev.landmark and cand.landmark and _landmark_text(ev, self.m.tokens) != \
                _landmark_text(cand, self.m.tokens):
            return False
        refers = cand.anaphoric or ev.title or cand.title
        a, b = ev.location, cand.location
        if a is None or b is None:
            return refers and not (cand.own_place and b is not None)
        if a.key == b.key:
            return True
        if (a.name or b.name) and not (a.name and b.name) and \
                (is_settlement(a.place) or is_settlement(b.place)):
            return False  # a village with no coordinates and a known town: two places
        if a.name and b.name:
            return False
        if not refers:
            return False
        if is_settlement(a.place) and is_settlement(b.place):
            # two villages the text names are two places; a quarter and its town are one
            quarter = "neighbourhood" in (a.place.kind, b.place.kind)
            return quarter and a.place.kind != b.place.kind and _distance_km(a, b) <= _NEAR_KM
        return _within(a, b) or _within(b, a)

    def _add(self, events: list[Candidate], cand: Candidate) -> None:
        for ev in reversed(events):
            if self._compatible(ev, cand):
                _merge(ev, cand, self.lang.air_overrides)
                return
            if not ev.title:
                break  # only the latest body event, or a headline, can be told again
        events.append(cand)

    def _drop_empty(self, events: list[Candidate]) -> list[Candidate]:
        """An event with no place, date or figure of its own says nothing an analyst can
        code; keep it only when it is the report's only event."""
        def empty(e: Candidate) -> bool:
            return not e.own_place and not e.own_date and not any(e.statements)
        kept = [e for e in events if not empty(e)]
        kept = kept if kept else events
        body = [e for e in kept if not e.title]
        # a headline that matched no event of the body is a summary ("غارات وتفجيرات")
        return body if body else kept


def days_agree(a: Candidate, b: Candidate) -> bool:
    """Two tellings can be one event only if their dates (when known) overlap."""
    if a.date is None or b.date is None:
        return True
    return a.date.start <= b.date.end and b.date.start <= a.date.end


def _spec(loc: Located) -> int:
    return 0 if loc.name else _SPECIFICITY[loc.place.kind]


def _definite(word: str, article: str) -> bool:
    """الغارات، بالغارة، والسيارة: a definite noun points back to something told before."""
    return any(f.startswith(article) and len(f) > len(article) + 1 for f in forms(word))


def _within(big: Located, small: Located) -> bool:
    """``small`` lies inside ``big`` (a governorate, region or country)."""
    b, s = big.place, small.place
    if b.kind == "country":
        return s.country == b.country
    if b.kind == "admin1":
        return s.country == b.country and s.admin1_code == b.admin1_code
    if b.kind in ("region", "area"):
        return s.country == b.country and (s.admin1_code == b.admin1_code or
                                            _distance_km(big, small) <= 60)
    return False


def _landmark_text(c: Candidate, tokens: Sequence[Token]) -> str:
    lm = c.landmark
    return " ".join(t.text for t in tokens[lm.start:lm.end]) if lm else ""


def _merge(ev: Candidate, cand: Candidate, air_overrides: frozenset[str] = frozenset()) -> None:
    """Tell ``ev`` with ``cand``'s words too. ``air_overrides``: the types a strike gives
    way to when another telling names the aircraft ("قصف صاروخي ... بواسطة طائرة مسيرة")."""
    if cand.sub == AIR and ev.sub in air_overrides:
        ev.sub, ev.trigger = cand.sub, cand.trigger
    elif ev.sub == AIR and cand.sub in air_overrides:
        cand.sub = AIR
    ev.clauses += cand.clauses
    if ev.title and not cand.title and cand.statements:
        # a headline's figure may sum several events of the body: the body's own stands
        ev.statements = list(cand.statements)
    else:
        ev.statements += cand.statements
    ev.actors += cand.actors
    if cand.strong and not ev.strong:
        ev.sub, ev.trigger, ev.strong = cand.sub, cand.trigger, True
    if ev.title and not cand.title:
        ev.title = False
    a, b = ev.location, cand.location
    if b is not None and (a is None or _spec(b) < _spec(a)
                          or (a.key == b.key and b.precision < a.precision)):
        ev.location = b
    ev.landmark = ev.landmark or cand.landmark
    ev.unplaced_name = ev.unplaced_name or cand.unplaced_name
    ev.own_place = ev.own_place or cand.own_place
    ev.own_date = ev.own_date or cand.own_date
    if cand.date is not None and (ev.date is None or cand.date.precision < ev.date.precision):
        ev.date, ev.date_mention = cand.date, cand.date_mention
