"""One event told several times, and one total told before its parts: the document-level
reading that runs after the clause-by-clause assembly.

- A retelling: two events at the same place, of a compatible type, on compatible days, where
  the later one refers back (a definite trigger, a headline, no trigger of its own), are one
  event; so is an event with no place of its own told right after one of its type. ACLED
  codes one event per place, day and type.
- A lead total: an event placed only at a governorate, region or country, when the report
  also has events of the same type at places inside that area, is the sum of those parts
  (or a headline summing them): the parts are the events, and they keep its day. With one
  part only, it is that strike told first at a coarser place: the two are one event.
- One story told at a town and again at its quarter or a village around it ("east of
  Baghdad" … "حي الأمين شرقي بغداد"), with the same distinctive toll, no toll the first time,
  or a combined toll the other splits (5 = 1 + 4): one event, at the finer place.
- A summary of scattered attacks ("في هجمات متفرقة في بغداد والموصل") followed by the
  attacks one by one is their total, not an event.
- The lead's day: the day named in the lead governs the events told after it that name no
  day of their own ("قتل 8 مدنيين اليوم الأحد ... وفي بلدة كفرناها ..."); a later event
  with a day of its own (a strike recalled from the night before) keeps it, and does not
  pass it on.
"""

from __future__ import annotations

from marsad.assemble import (
    Candidate,
    _family,
    _landmark_text,
    _merge,
    _spec,
    _within,
    days_agree,
)
from marsad.figures import event_figures
from marsad.gazetteer import distance_km
from marsad.geocode import Located, is_settlement
from marsad.lang import LanguageData
from marsad.tokens import forms

COARSE_KINDS = ("admin1", "region", "country")
# one story told at a town and then at a quarter or village of it lies within this distance
SAME_STORY_KM = 40.0
# "south of Baghdad": how far from a city's centre its outskirts and villages reach
AROUND_CITY_KM = 50.0
# how many events back a retelling of the same story is looked for (keeps long bulletins
# linear)
STORY_WINDOW = 12
# cue kinds that name a part of a town ("حي", "منطقة", "مخيم"), not a village beside it
QUARTER_CUES = ("neighbourhood", "area", "camp")


def _types_agree(a: Candidate, b: Candidate, lang: LanguageData) -> bool:
    """The same family, or one of them typed only by a weak word ("الهجوم")."""
    return _family(a.sub, lang) == _family(b.sub, lang) or not (a.strong and b.strong)


def same_event(ev: Candidate, cand: Candidate, lang: LanguageData, tokens) -> bool:
    if ev.aggregate or cand.aggregate or ev.location is None or cand.location is None:
        return False
    if ev.recalled != cand.recalled:
        return False  # an earlier event recalled beside today's is not today's told again
    if ev.location.key != cand.location.key or not _types_agree(ev, cand, lang):
        return False
    if not days_agree(ev, cand):
        return _told_the_day_after(ev, cand)
    refers_back = False
    same_toll = _toll(ev) == _toll(cand) and any(lo is not None for lo, _ in _toll(ev))
    if ev.landmark and cand.landmark:
        first, later = _landmark_text(ev, tokens), _landmark_text(cand, tokens)
        # "مركز احتجاز المهاجرين … 40 قتيلا" and "مركز إيواء المهاجرين … 40 قتيلا": the
        # same kind of building with the same toll is the same building in other words
        if not _same_landmark(first, later, lang) and not (
                same_toll and first.split()[0] == later.split()[0]):
            return False
        # "… على المركز": the centre named before; the same landmark and the same kind of
        # attack named again word for word: a subtitle and its paragraph
        refers_back = first != later or ev.sub == cand.sub
    # ACLED codes one event per place, day and type: the same kind of attack at the same
    # place and day, once without a toll of its own or with the same toll, is that event
    # told again
    told_again = ev.sub == cand.sub and ev.strong and cand.strong and \
        (not any(cand.statements) or not any(ev.statements) or same_toll)
    return cand.anaphoric or cand.title or ev.title or cand.trigger is None or refers_back \
        or told_again


def _told_the_day_after(ev: Candidate, cand: Candidate) -> bool:
    """"أفادت الشرطة اليوم السبت أن 11 مدنيا قتل وأصيب" then "انفجرت ليلة أمس … مقتل
    مدنيين اثنين وإصابة 9": the day it was told and the day before, when it happened; one
    event when the later telling has a toll the first does not contradict (none, the same,
    or 11 = 2 + 9)."""
    a, b = ev.date, cand.date
    if a is None or b is None or a.precision != 1 or b.precision != 1 or \
            cand.date_mention is None or cand.date_mention.kind != "relative" or \
            (a.start - b.start).days != 1:
        return False
    ta, tb = _toll(ev), _toll(cand)
    empty = ((None, None),) * 3
    # the later telling gives the detail (its own toll): its day is the event's, not a
    # "yesterday" said of something else ("الطلب الذي تقدمت به أمس")
    return tb != empty and (ta in (empty, tb) or _adds_up(ta, tb))


def _same_landmark(first: str, later: str, lang: LanguageData) -> bool:
    """The same words, or the later one refers back with the article to the first one's
    noun ("مركز مؤقت لإيواء النازحين" … "المركز المكتظ بالنازحين")."""
    if first == later:
        return True
    head_a, head_b = first.split()[0], later.split()[0]
    return head_b == lang.article + head_a and not head_a.startswith(lang.article)


def merge_retellings(cands: list[Candidate], lang: LanguageData, tokens) -> list[Candidate]:
    out: list[Candidate] = []
    at: dict[str, list[Candidate]] = {}  # events by place: only those can be the same
    for cand in cands:
        key = cand.location.key if cand.location is not None else None
        same_place = at.get(key, []) if key is not None else []
        target = next((ev for ev in same_place if same_event(ev, cand, lang, tokens)), None)
        if target is None and key is None and cand.unplaced_name is None and out:
            # no place of its own: the story told just before, in more detail
            last = out[-1]
            both_tolls = any(cand.statements) and any(last.statements) and not cand.anaphoric
            if not last.aggregate and not cand.aggregate and _types_agree(last, cand, lang) \
                    and (days_agree(last, cand) or _told_the_day_after(last, cand)) \
                    and not both_tolls:
                target = last
        if target is None:
            out.append(cand)
            if key is not None:
                at.setdefault(key, []).append(cand)
            continue
        day_before = not days_agree(target, cand)  # told today, happened the day before
        _merge(target, cand, lang.air_overrides)  # a strong type replaces a weak one
        if day_before:
            target.date, target.date_mention = cand.date, cand.date_mention
    return _placeless_lead(out, lang)


def _placeless_lead(cands: list[Candidate], lang: LanguageData) -> list[Candidate]:
    """A lead that names no place we can find ("ضربة في إب اليمنية … 11 قتيلا") followed
    by the strike placed ("واستهدفت الضربة مبنى … في مدينة القاعدة"): one event, at the
    place the body gives, with the lead's toll as one more telling of it."""
    if len(cands) < 2:
        return cands
    lead, body = cands[0], cands[1]
    if lead.location is not None or lead.unplaced_name is not None or lead.aggregate \
            or body.location is None or body.aggregate or not _types_agree(lead, body, lang) \
            or not days_agree(lead, body) or not any(lead.statements) or not body.anaphoric:
        return cands  # (the body must refer back: "الضربة", the strike just told)
    loc, landmark = body.location, body.landmark
    _merge(lead, body, lang.air_overrides)
    lead.location, lead.landmark = loc, landmark
    return [lead] + cands[2:]


def _toll(c: Candidate) -> tuple:
    figs = event_figures(c.statements)
    return tuple((figs[k].low, figs[k].high) for k in ("killed", "injured", "combined"))


def _killed_overlap(a: tuple, b: tuple) -> bool:
    """Both tellings give a death toll, and the ranges meet (5 and 4-5)."""
    (lo_a, hi_a), (lo_b, hi_b) = a[0], b[0]
    if lo_a is None or lo_b is None:
        return False
    return lo_a <= (hi_b if hi_b is not None else lo_b) and \
        lo_b <= (hi_a if hi_a is not None else lo_a)


def _adds_up(combined: tuple, split: tuple) -> bool:
    """A killed-or-injured count that is the killed plus the injured of the other telling."""
    (k, _), (i, _), (c, _) = split
    (k2, _), (i2, _), (c2, _) = combined
    return c2 is not None and k2 is None and i2 is None and k is not None and i is not None \
        and c is None and k + i == c2


def _around_city(x: Located, y: Located) -> bool:
    """``x`` is "east of" a city, ``y`` a quarter, village or town the other telling names."""
    return x.precision >= 2 and x.place.kind == "city" and \
        y.place.kind in ("neighbourhood", "village", "town")


def _attackers(c: Candidate, lang: LanguageData, tokens) -> set[str]:
    """The armed actors a telling names, less those named as the target ("على مواقع
    الحوثيين")."""
    out = set()
    for m in c.actors:
        before = {f for k in range(max(0, m.start - 2), m.start) for f in forms(tokens[k].text)}
        if not before & lang.target_cues:
            out.add(m.payload)
    return out


def _other_sides(ev: Candidate, cand: Candidate, lang: LanguageData, tokens) -> bool:
    """Both tellings name who attacked, and none in common: the rebels' shelling of a town
    and the army's (or the coalition's aircraft's) attack on the rebels after it are two
    stories."""
    a, b = _attackers(ev, lang, tokens), _attackers(cand, lang, tokens)
    return bool(a) and bool(b) and not a & b


def _same_story(ev: Candidate, cand: Candidate, toll_a: tuple, toll_b: tuple,
                lang: LanguageData, tokens) -> bool:
    """Two tellings at nearby settlements that are one story (see merge_same_story)."""
    if _other_sides(ev, cand, lang, tokens):
        return False
    a, b = ev.location, cand.location
    km = distance_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    if not (is_settlement(a.place) and is_settlement(b.place)) or a.key == b.key \
            or km > AROUND_CITY_KM:
        return False
    empty = ((None, None),) * 3
    # the same toll, distinctive enough not to be chance: two figures, or a large one
    told = [lo for lo, _ in toll_a if lo is not None]
    if toll_a == toll_b and (len(told) >= 2 or max(told, default=0) >= 5) \
            and km <= SAME_STORY_KM:
        return True
    # "استشهاد وإصابة خمسة جنود" and "استشهاد جندي وإصابة أربعة": 5 = 1 + 4
    if _adds_up(toll_a, toll_b) or _adds_up(toll_b, toll_a):
        return True
    untold = toll_a == empty or toll_b == empty
    # "east of Baghdad" and the quarter or village the other telling names: one story when
    # one of the two has no toll, or the later one refers back
    if (_around_city(a, b) or _around_city(b, a)) and (untold or cand.anaphoric):
        return True
    # "غارة شمال صنعاء … قتلت 10" then "الضربة … في مديرية أرحب إلى الشمال من صنعاء" (a
    # district the gazetteer lacks, placed by the city): the later telling, which refers
    # back, names the place
    if untold and cand.anaphoric and (a.name is None) != (b.name is None) \
            and a.place.key == b.place.key \
            and (a if a.name is None else b).precision >= 2 and a.place.kind == "city":
        return True
    # "منطقة الليثي" (a quarter the gazetteer lacks, placed at Benghazi) and Benghazi: the
    # quarter of that very town, when their death tolls meet
    named = a if a.name else b
    return (a.name is not None) != (b.name is not None) and a.place.key == b.place.key \
        and named.mention.cue in QUARTER_CUES and (untold or _killed_overlap(toll_a, toll_b))


def merge_same_story(cands: list[Candidate], lang: LanguageData, tokens) -> list[Candidate]:
    """"سيارة مفخخة شرقي بغداد … قتل شخص وجرح ثمانية" then "انفجرت في حي الأمين شرقي
    بغداد … مقتل شخص وجرح ثمانية": the same story told at the town and then at its quarter,
    with the same toll (or with none the second time): one event, at the finer place."""
    out: list[Candidate] = []
    tolls = {id(c): _toll(c) for c in cands}  # figured once; again only after a merge
    for cand in cands:
        target = next((ev for ev in out[-STORY_WINDOW:]  # a retelling is close by
                       if not (ev.aggregate or cand.aggregate or ev.location is None
                               or cand.location is None)
                       and _types_agree(ev, cand, lang) and days_agree(ev, cand)
                       and _same_story(ev, cand, tolls[id(ev)], tolls[id(cand)], lang,
                                       tokens)), None)
        if target is None:
            out.append(cand)
            continue
        finer = cand.location if _spec(cand.location) < _spec(target.location) or \
            cand.location.precision < target.location.precision else target.location
        _merge(target, cand, lang.air_overrides)
        target.location = finer
        tolls[id(target)] = _toll(target)
    return out


def _coarse(c: Candidate) -> bool:
    loc = c.location
    return loc is not None and not loc.name and loc.place.kind in COARSE_KINDS


def drop_summaries(cands: list[Candidate], lang: LanguageData, tokens) -> list[Candidate]:
    """"قتل 10 أشخاص في هجمات متفرقة في بغداد والموصل وبعقوبة" followed by the attacks one
    by one: the summary is their total, not an event; it passes its day on."""
    out = []
    after = [0] * (len(cands) + 1)  # events (not totals) told after each one
    for k in range(len(cands) - 1, -1, -1):
        after[k] = after[k + 1] + (not cands[k].aggregate)
    for k, c in enumerate(cands):
        summary = not c.aggregate and after[k + 1] >= 2 and any(
            lang.summary_markers.find(tokens, cl.lo, cl.hi) for cl in c.clauses)
        if summary:
            c.aggregate, c.statements = True, []
            if c.date is None or c.date.precision != 1:
                continue
        out.append(c)
    return out


def drop_lead_totals(cands: list[Candidate], lang: LanguageData) -> list[Candidate]:
    parts: dict[tuple[str, str], list[Candidate]] = {}  # settled events by country, family
    for p in cands:
        if not p.aggregate and p.location is not None and (
                is_settlement(p.location.place) or p.location.name is not None):
            parts.setdefault((p.location.place.country, _family(p.sub, lang)), []).append(p)

    def parts_of(total: Candidate) -> list[Candidate]:
        near = parts.get((total.location.place.country, _family(total.sub, lang)), [])
        return [p for p in near if p is not total and _within(total.location, p.location)]
    out = []
    order = {id(c): k for k, c in enumerate(cands)}
    tolls = [_toll(c) for c in cands]  # figured once (a bulletin has many events)
    told = {id(c): _told(c) for c in cands}
    for k, c in enumerate(cands):
        if c.recalled:  # "وكان مدنيان قد قتلا …": an earlier strike, no total of today's
            out.append(c)
            continue
        inside = [] if c.aggregate or not _coarse(c) else parts_of(c)
        if inside and told[id(c)] and not any(told[id(p)] for p in inside):
            inside = []  # a toll over the area is no total of events that have none
        later = range(k + 1, min(len(cands), k + 1 + STORY_WINDOW))
        if not inside and not c.aggregate and _sums_later(c, tolls[k], [
                (cands[j], tolls[j]) for j in later]):
            inside = [c]  # a lead whose toll is the later parts' sum: dropped like one
        if not inside and not c.aggregate and c.location is not None:
            # "22 قتيلا وجريحا … في محافظة صعدة" then "11 قتيلا ومثلهم جرحى" at a village of
            # that governorate: the same strike, its combined toll split by the body
            split = [cands[j] for j in later if _same_admin1(c, cands[j])
                     and _adds_up(tolls[k], tolls[j])]
            inside = split if len(split) == 1 else []
        if len(inside) == 1 and days_agree(c, inside[0]) and order[id(inside[0])] > order[id(c)]:
            # one strike told first at the governorate, then at its village: one event (told
            # after the village, it is a total or a summary, dropped below)
            part = inside[0]
            loc, landmark = part.location, part.landmark
            _merge(part, c)
            part.location, part.landmark = loc, landmark
            continue
        if not inside:
            out.append(c)
        elif c.date is not None and c.date.precision == 1:
            c.aggregate, c.statements = True, []  # keeps only its day, for the parts after it
            out.append(c)
    return out


def _told(c: Candidate) -> bool:
    """Any casualty figure at all (the dead, the injured, the children among them …)."""
    return any(f.low is not None for f in event_figures(c.statements).values())


def _same_admin1(a: Candidate, b: Candidate) -> bool:
    x, y = a.location, b.location
    return y is not None and not b.aggregate and x.place.country == y.place.country and \
        x.place.admin1_code is not None and x.place.admin1_code == y.place.admin1_code


def _sums_later(lead: Candidate, toll: tuple, later: list[tuple[Candidate, tuple]]) -> bool:
    """"قتل 14 مدنيا بقصف على قريتين قرب إدلب" then 7 at one village and 7 at another:
    a death toll that is exactly the sum of two or more events told after it (within the
    story window), in the same country and around the same area, is their total, whatever
    place the lead names. So is a toll of dead and wounded that both add up ("قتل شخص وأصيب
    8 في انفجار عبوتين" then 4 wounded at one blast, 1 dead and 4 wounded at the other)."""
    if lead.location is None:
        return False
    loc = lead.location
    if loc.place.kind in ("village", "neighbourhood") and loc.precision == 1 and not loc.name:
        return False  # a village's own toll (4 at معرشمشة, then 3 and 1 elsewhere) by chance
    parts = [t for p, t in later if not p.aggregate
             and p.location is not None and p.location.place.country == loc.place.country
             and distance_km(loc.place.lat, loc.place.lon, p.location.place.lat,
                             p.location.place.lon) <= AROUND_CITY_KM]
    (killed, _), (injured, _), _ = toll
    known = [t[0][0] for t in parts if t[0][0] is not None]
    if killed is not None and len(known) >= 2 and sum(known) == killed:
        return True
    told = [t for t in parts if t[0][0] is not None or t[1][0] is not None]
    return killed is not None and injured is not None and len(told) >= 2 and \
        sum(t[0][0] or 0 for t in told) == killed and sum(t[1][0] or 0 for t in told) == injured


def carry_lead_dates(cands: list[Candidate]) -> list[Candidate]:
    """Undated events after the first day-dated one take its day; a dropped lead total only
    passes its day on (it is not kept)."""
    day = None
    out = []
    for c in cands:
        dropped = c.aggregate and not any(c.statements)
        if c.date is not None and c.date.precision == 1 and not (c.aggregate and not dropped) \
                and day is None:
            day = (c.date, c.date_mention)  # the lead's day; a later, other day is its own
        elif c.date is None and not c.aggregate and day is not None:
            c.date, c.date_mention = day
        if not dropped:
            out.append(c)
    return out
