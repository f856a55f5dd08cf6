"""The extraction pipeline for one report:
read -> normalise -> find mentions -> assemble events -> geocode -> records.

:func:`extract_report` is pure (no I/O, no global state besides cached language data),
so the CLI, the store and a Dask map all call it unchanged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from marsad.assemble import Assembler, Candidate, Mentions
from marsad.clauses import split_clauses
from marsad.coreference import (
    carry_lead_dates,
    drop_lead_totals,
    drop_summaries,
    merge_retellings,
    merge_same_story,
)
from marsad.dates import find_dates, resolve
from marsad.eventness import framed_report, keep_events
from marsad.figures import event_figures
from marsad.gazetteer import Gazetteer, load_gazetteer, place_id
from marsad.geocode import (
    admin1_of,
    admin1_prior,
    anchors,
    country_prior,
    far_namesakes,
    fit_regions,
    locate,
)
from marsad.lang import LanguageData, load
from marsad.langid import detect
from marsad.normalise import NormText, normalise
from marsad.places import find_places
from marsad.read import check_day
from marsad.records import Event, Evidence, Report
from marsad.tokens import Token, forms, tokenize


@dataclass(frozen=True)
class Options:
    """Picklable settings for one extraction run."""

    language: str = "ar"
    published: str | None = None  # overrides the report's own date when set


@dataclass
class Result:
    report: Report
    language: str
    events: list[Event] = field(default_factory=list)
    message: str | None = None  # why there are no events, when that is not obvious


def _parse_day(value: object) -> dt.date | None:
    """The publication day, or None when it is missing or not a day (a number, "yesterday"):
    then "today" stays unknown."""
    try:
        day = check_day(value)
    except ValueError:
        return None
    return dt.date.fromisoformat(day) if day else None


class _Evidence:
    def __init__(self, report: Report, norm: NormText, tokens: list[Token]):
        self.text, self.norm, self.tokens = report.text, norm, tokens
        self.items: list[Evidence] = []

    def add(self, name: str, start_tok: int, end_tok: int, lead: int = 0) -> None:
        """``lead``: characters of the first token that are not the evidence (a glued "و")."""
        if end_tok <= start_tok:
            return
        a, b = self.norm.orig_span(self.tokens[start_tok].start + lead,
                                   self.tokens[end_tok - 1].end)
        item = Evidence(name, a, b, self.text[a:b])
        if item not in self.items:
            self.items.append(item)


def _indefinite(norm: NormText, tokens: list[Token], original: str,
                lang: LanguageData) -> set[int]:
    """Tokens the original writes with tanween (دورًا): common nouns, never place names."""
    if not original or not any(ch in original for ch in lang.indefinite_marks):
        return set()
    out = set()
    for k, t in enumerate(tokens):
        a, b = norm.orig_span(t.start, t.end)
        if any(ch in lang.indefinite_marks for ch in original[a:b]) and \
                lang.unresolved_cues.match_at(tokens, k) is None:  # ("كلاً من" is a cue)
            out.add(k)
    return out


def find_mentions(norm: NormText, tokens: list[Token], lang: LanguageData,
                  gaz: Gazetteer, original: str = "") -> Mentions:
    clauses = split_clauses(tokens, norm.text, lang)
    actors = lang.actors.find(tokens)
    sources = lang.sources.find(tokens)
    blocked = {k for m in actors + sources for k in range(m.start, m.end)}
    dates = find_dates(tokens, norm.text, lang)
    date_tokens = {k for d in dates for k in range(d.start, d.end)}
    places = fit_regions(find_places(tokens, gaz, lang, blocked | date_tokens
                                     | _indefinite(norm, tokens, original, lang), norm.text))
    adjectives = [m.payload for m in lang.nationality.find(tokens)
                  if not any(k in blocked for k in range(m.start, m.end))]
    prior = country_prior(places, adjectives)
    admin1s = admin1_prior(places)
    near = anchors(places)
    places = [replace(pm, candidates=(), unresolved=pm.cue is not None)
              if far_namesakes(pm, prior, admin1s, near) else pm for pm in places]
    located = {}
    for k, pm in enumerate(places):
        loc = locate(pm, prior, admin1s, near)
        if loc is not None:
            located[k] = loc
    landmark_tokens = {k for pm in places if pm.landmark for k in range(pm.start, pm.end)}
    triggers = [t for t in lang.triggers.find(tokens)
                if not any(k in blocked for k in range(t.start, t.end))]
    # "حسب الدفاع المدني": a source's words are not victims (unless it starts with one)
    source_tokens = {k for m in sources if lang.persons.match_at(tokens, m.start) is None
                     for k in range(m.start, m.end)}
    return Mentions(norm.text, tokens, clauses, triggers, dates, places, located, actors, sources,
                    date_tokens | landmark_tokens | source_tokens)


def extract_report(report: Report, options: Options | None = None) -> Result:
    options = options or Options()
    language = detect(report.text)
    if language != options.language:
        what = {"und": "no Arabic text"}.get(language, f"language '{language}'")
        return Result(report, language, [], f"{report.report_id}: {what}; marsad reads "
                      f"'{options.language}' reports only, so no events were extracted")
    lang = load(options.language)
    gaz = load_gazetteer(options.language)
    norm = normalise(report.text)
    tokens = tokenize(norm.text)
    mentions = find_mentions(norm, tokens, lang, gaz, report.text)
    published = _parse_day(options.published or report.published)
    if published is None:
        published = _dateline(mentions, published)
    candidates = Assembler(mentions, lang, gaz, published).read()
    candidates = merge_same_story(merge_retellings(candidates, lang, tokens), lang, tokens)
    candidates = drop_lead_totals(drop_summaries(candidates, lang, tokens), lang)
    candidates = carry_lead_dates(candidates)
    candidates = keep_events(candidates, published,
                             framed_report(mentions.clauses, tokens, lang))
    events: list[Event] = []
    for k, c in enumerate(candidates):
        # "كما نفذ ... غارات": the attacker of the event just told, when it is the same kind
        prev = events[-1] if events else None
        inherit = prev.actor1 if prev and prev.sub_event_type == c.sub else None
        events.append(_record(report, k, c, mentions, lang, gaz, norm, tokens, inherit))
    return Result(report, language, events)


def _dateline(mentions: Mentions, published: dt.date | None) -> dt.date | None:
    """A date printed on its own short line under the headline, or after "تاريخ النشر",
    is the publication date."""
    for d in mentions.dates:
        if d.kind == "published":
            r = resolve(replace(d, kind="day"), None, None)
            if r is not None:
                return r.start
    for cl in mentions.clauses:
        if cl.dateline:
            for d in mentions.dates:
                if cl.lo <= d.start < cl.hi and d.kind == "day" and d.year:
                    r = resolve(d, None, None)
                    if r is not None:
                        return r.start
    return published


def _actor_name(actor_id: str, lang: LanguageData, country: str | None) -> str | None:
    entry = lang.actor_table[actor_id]
    by_country = entry.get("by_country")
    if by_country:
        target = by_country.get(country or "", by_country.get("*"))
        entry = lang.actor_table[target]
    return entry.get("name")


def _record(report: Report, index: int, c: Candidate, m: Mentions, lang: LanguageData,
            gaz: Gazetteer, norm: NormText, tokens: list[Token],
            inherited_actor: str | None) -> Event:
    ev = _Evidence(report, norm, tokens)
    family = lang.event_types.get(c.sub, "Strategic developments")
    e = Event(report.report_id, index, family, c.sub, aggregate=c.aggregate)
    if c.trigger is not None:
        ev.add("event_type", c.trigger.start, c.trigger.end)
    if c.date is not None:
        e.date_start = c.date.start.isoformat()
        e.date_end = c.date.end.isoformat()
        e.time_precision = c.date.precision
        if c.date_mention is not None:
            ev.add("date", c.date_mention.start, c.date_mention.end)
            e.date_relative = c.date_mention.kind in ("relative", "weekday", "same_day")
    loc = c.location
    if loc is not None:
        p = loc.place
        e.location_name = p.name_ar
        e.location_name_en = p.name_en
        # "قرى X وكراح": a later item of a list starts after its glued "و"
        lead = len(lang.conj) if loc.mention.listed and \
            tokens[loc.mention.start].text.startswith(lang.conj) else 0
        a, b = norm.orig_span(tokens[loc.mention.start].start + lead,
                              tokens[loc.mention.end - 1].end)
        # the place as the text writes it (a hashtag joins its words: "#أم_حارتين")
        own_words = report.text[a:b].replace("_", " ")
        if p.kind not in ("admin1", "country", "region") and not loc.mention.generic \
                and not loc.mention.landmark and not loc.mention.unresolved:
            folded = " ".join(t.text for t in tokens[loc.mention.start:loc.mention.end])
            word_forms = forms(folded) if " " not in folded else (folded,)
            for f in word_forms:
                if f in gaz.spellings.get(p.key, {}):
                    e.location_name = gaz.spelling(p, f)
                    if f == folded:  # no clitic on it: the text's own spelling (إبديتا)
                        e.location_name = own_words
                    elif lang.article + f in word_forms and not f.startswith(lang.article):
                        # "الباغوز" where the gazetteer writes باغوز: keep the article
                        e.location_name = lang.article + e.location_name
                    break
            else:
                joined = {k.replace(" ", "") for k in gaz.spellings.get(p.key, {})}
                variants = {folded.replace(" ", ""), folded.removeprefix(lang.article)}
                if any(v.replace(" ", "") in joined for v in variants):
                    # joined, or with the article the gazetteer drops: the text's own words
                    e.location_name = own_words
        if loc.name:  # a place the gazetteer lacks: the text's own words name it
            e.location_name, e.location_name_en = own_words, None
        e.country_code = p.country
        e.admin1 = admin1_of(p, gaz) or p.admin1_en
        e.admin2 = p.admin2_en
        e.place_id = place_id(p)
        e.latitude, e.longitude = round(p.lat, 5), round(p.lon, 5)
        e.geo_precision = loc.precision
        ev.add("location", loc.mention.start, loc.mention.end, lead)
    elif c.unplaced_name is not None:
        pm = c.unplaced_name
        a, b = norm.orig_span(tokens[pm.start].start, tokens[pm.end - 1].end)
        e.location_name = report.text[a:b]
        ev.add("location", pm.start, pm.end)
    if c.landmark is not None:
        a, b = norm.orig_span(tokens[c.landmark.start].start, tokens[c.landmark.end - 1].end)
        e.landmark = report.text[a:b]
        ev.add("landmark", c.landmark.start, c.landmark.end)

    attackers, targets = _actor_roles(c, lang, tokens, e.country_code)
    if c.sub == "Air/drone strike":
        # only a force with aircraft strikes from the air; the others named are its targets
        targets = targets + [x for x in attackers if not x[3]]
        attackers = [x for x in attackers if x[3]]
    if attackers:
        e.actor1 = attackers[0][0]
        ev.add("actor1", attackers[0][1], attackers[0][2])
        first_id = next(a.payload for a in c.actors if a.start == attackers[0][1])
        if lang.actor_table[first_id].get("kind") == "state" and c.sub in lang.state_variant:
            # a state force taking ground back: ACLED's "Government regains territory"
            e.sub_event_type = lang.state_variant[c.sub]
            e.event_type = lang.event_types.get(e.sub_event_type, e.event_type)
    elif inherited_actor is not None:
        e.actor1 = inherited_actor  # "كما نفذ ... غارات": the attacker named before
    second = next((x for x in targets if x[0] != e.actor1), None)
    if second is not None:
        e.actor2 = second[0]
        ev.add("actor2", second[1], second[2])

    figs = event_figures(c.statements)
    mapping = {"killed": ("killed_min", "killed_max"),
               "civilians": ("civilians_killed_min", "civilians_killed_max"),
               "children": ("children_killed_min", None), "women": ("women_killed_min", None),
               "combatants": ("combatants_killed_min", None),
               "injured": ("injured_min", "injured_max"),
               "combined": ("killed_or_injured_min", None)}
    for name, (lo_f, hi_f) in mapping.items():
        fig = figs[name]
        if fig.low is None:
            continue
        if fig.vague and name in ("civilians", "children", "women") and \
                figs["killed"].low is not None and not figs["killed"].vague:
            continue  # "عشرات المدنيين" then "75 شخصا": the precise toll replaced the vague one
        setattr(e, lo_f, fig.low)
        if hi_f:
            setattr(e, hi_f, fig.high)
        for cnt in fig.counts:
            ev.add(lo_f, cnt.start, cnt.end)
    parts = [x for x in (e.children_killed_min, e.women_killed_min) if x is not None]
    floor = sum(parts) if parts else None
    if floor and (e.civilians_killed_min or 0) < floor and (e.killed_min is None
                                                            or floor <= e.killed_min):
        # children and women killed are civilians: the lowest reliable civilian figure
        e.civilians_killed_min, e.civilians_killed_max = floor, None
        for x in figs["children"].counts + figs["women"].counts:
            ev.add("civilians_killed_min", x.start, x.end)
    zero = next((z for cl in c.clauses for z in lang.no_casualties.find(tokens, cl.lo, cl.hi)),
                None)
    if zero is not None:
        # "دون وقوع إصابات": an explicit zero is a figure (ACLED codes it 0); silence is not
        for lo_f in ("killed_min", "injured_min"):
            if getattr(e, lo_f) is None:
                setattr(e, lo_f, 0)
                setattr(e, lo_f.replace("_min", "_max"), 0)
                ev.add(lo_f, zero.start, zero.end)
    unknown_gunmen = e.actor2 is None and any(
        a.get("unidentified") and a["name"] == e.actor1 for a in lang.actor_table.values())
    if not c.strong and e.sub_event_type in lang.civilian_variant and \
            ((e.civilians_killed_min or 0) > 0 or (unknown_gunmen and (e.killed_min or 0) > 0)) \
            and not e.combatants_killed_min:
        # "هجوم نفذه مسلحون" that killed civilians only, or gunmen no one names who killed
        # people no one calls fighters: violence against civilians, not a clash
        e.sub_event_type = lang.civilian_variant[e.sub_event_type]
        e.event_type = lang.event_types.get(e.sub_event_type, e.event_type)
    e.killed_vague = figs["killed"].vague
    e.injured_vague = figs["injured"].vague
    if e.actor2 is None and e.civilians_killed_min and e.country_code:
        e.actor2 = lang.civilians_name.format(country=gaz.country_names.get(e.country_code,
                                                                          e.country_code))
    e.named_killed = _named(c, m, lang, ev, tokens, report, norm)
    sources = []
    if report.outlet:
        sources.append(report.outlet)
    for s in m.sources:
        if s.payload[0] not in sources:
            sources.append(s.payload[0])
            ev.add("sources", s.start, s.end)
    e.sources = sources
    e.confidence = _confidence(c, e)
    e.evidence = ev.items
    return e


def _actor_roles(c: Candidate, lang: LanguageData, tokens: list[Token], country: str | None):
    """Split the event's actor mentions into attackers and targets: after ضد، على، عناصر …,
    or naming the side of people killed ("17 عنصراً من قوات الأسد")."""
    attackers: list[tuple[str, int, int, bool]] = []
    targets: list[tuple[str, int, int, bool]] = []
    victims_side = {x.end for st in c.statements for x in st}
    victims_side |= {k + 1 for k in victims_side
                     if k < len(tokens) and tokens[k].text == lang.partitive}
    for a in c.actors:
        name = _actor_name(a.payload, lang, country)
        if not name:
            continue
        before = {f for k in range(max(0, a.start - 2), a.start) for f in forms(tokens[k].text)}
        before |= set(forms(tokens[a.start].text)[1:2])
        side = targets if before & lang.target_cues or a.start in victims_side else attackers
        if all(name != x[0] for x in attackers + targets):
            side.append((name, a.start, a.end, bool(lang.actor_table[a.payload].get("air"))))
    return attackers, targets


def _named(c: Candidate, m: Mentions, lang: LanguageData, ev: _Evidence, tokens: list[Token],
           report: Report, norm: NormText) -> list[dict]:
    """Named people killed: a kunya (أبو فلان) after 'among them' in a clause with deaths."""
    out = []
    killed_clauses = {id(cl) for cl, st in zip(c.clauses, _statements_by_clause(c), strict=True)
                      if any(x.kind == "killed" for x in st)}
    for cl in c.clauses:
        if id(cl) not in killed_clauses:
            continue
        for i in range(cl.lo, cl.hi - 1):
            if tokens[i].text not in lang.name_starts:
                continue
            window = range(max(cl.lo, i - 3), i)
            if not any(lang.subset.match_at(tokens, k) is not None for k in window) and not \
                    any(tokens[k].text in lang.combatant_roles for k in window):
                continue
            end = i + 2
            if end < cl.hi and tokens[end].text.startswith(lang.article) and \
                    tokens[end].text not in lang.landmark_stop:
                end += 1
            a, b = norm.orig_span(tokens[i].start, tokens[end - 1].end)
            role = next((tokens[k].text for k in range(end, min(cl.hi, end + 6))
                         if tokens[k].text in lang.combatant_roles), None)
            role = role or next((tokens[k].text for k in window
                                 if tokens[k].text in lang.combatant_roles), None)
            out.append({"name": report.text[a:b], "role": role, "start": a, "end": b})
            ev.add("named_killed", i, end)
    return out


def _statements_by_clause(c: Candidate) -> list[list]:
    """Counts per clause, aligned with c.clauses (a clause may have none)."""
    out = []
    for cl in c.clauses:
        out.append([x for st in c.statements for x in st if cl.lo <= x.start < cl.hi])
    return out


def _confidence(c: Candidate, e: Event) -> float:
    """A rough 0-1 score of how much of the record the text pinned down."""
    score = 0.4 + (0.2 if c.strong else 0.0) - (0.15 if c.inherited_type else 0.0)
    score += 0.15 if e.geo_precision == 1 else 0.05 if e.geo_precision else -0.1
    score += 0.1 if e.time_precision == 1 else 0.0
    score += 0.1 if e.killed_min is not None and not e.killed_vague else 0.0
    return round(max(0.05, min(0.99, score)), 2)
