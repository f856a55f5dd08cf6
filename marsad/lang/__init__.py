"""Language data, one folder per language (``lang/ar/``), one concern per file.

:func:`load` reads the JSON files once and builds the lexicons the mention finders use;
the finders themselves hold no words of any language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.lexicon import Lexicon
from marsad.normalise import normalise_word


def _read(code: str, name: str) -> dict[str, Any]:
    path = resources.files("marsad.lang").joinpath(code, f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalise_word(w) for w in words)


def _lex(words: list[str], payload: Any = True) -> Lexicon:
    return Lexicon((w, payload) for w in words)


def _lex_map(mapping: dict[str, Any]) -> Lexicon:
    return Lexicon((k, v) for k, v in mapping.items() if not k.startswith("_"))


@dataclass(frozen=True)
class LanguageData:
    code: str
    raw: dict[str, dict[str, Any]]
    # numbers
    number_words: Lexicon
    teen_suffix: frozenset[str]
    vague: Lexicon
    modifiers: Lexicon
    post_modifiers: Lexicon
    range_joiners: frozenset[str]
    # casualties
    casualty: Lexicon
    after_count: Lexicon
    same_as: Lexicon
    no_casualties: Lexicon
    soft_death: frozenset[str]
    dual_verbs: frozenset[str]
    natural_death: frozenset[str]
    toll_nouns: frozenset[str]
    toll_update: Lexicon
    subset: Lexicon
    subset_after: frozenset[str]
    subset_of: Lexicon
    descriptors: frozenset[str]
    additive: Lexicon
    not_a_count: Lexicon
    not_a_count_before: frozenset[str]
    name_list: Lexicon
    superseded: Lexicon
    combined_verbs: frozenset[str]
    instrument_clitics: tuple[str, ...]
    sentence_words: frozenset[str]
    court_words: Lexicon
    persons: Lexicon
    combatant_roles: frozenset[str]
    name_starts: frozenset[str]
    all_of_them: Lexicon
    kin: Lexicon
    ranks_of: Lexicon
    perpetrators: Lexicon
    adjective_after: frozenset[str]
    side_adjectives: dict[str, str]
    struck_objects: Lexicon
    pronoun_tolls: dict[str, str]
    # events
    triggers: Lexicon
    weak_defaults: dict[str, str]
    state_variant: dict[str, str]
    civilian_variant: dict[str, str]
    event_types: dict[str, str]
    plural_triggers: frozenset[str]
    weapon_nouns: frozenset[str]
    acts: Lexicon
    armed_nouns: Lexicon
    territory_subs: frozenset[str]
    air_overrides: frozenset[str]
    more_specific: dict[str, frozenset[str]]
    air_context: Lexicon
    artillery_context: Lexicon
    # dates
    months: Lexicon
    ambiguous_months: frozenset[str]
    weekdays: Lexicon
    weekday_needs_cue: frozenset[str]
    weekday_cue_after: frozenset[str]
    the_two_before: frozenset[str]
    publication_cues: Lexicon
    day_parts: Lexicon
    past_markers: frozenset[str]
    relative_days: Lexicon
    same_day: Lexicon
    ordinal_units: dict[str, int]
    ordinal_teen: frozenset[str]
    ordinal_tens: dict[str, int]
    month_refs: Lexicon
    day_range_joiners: frozenset[str]
    period_start: Lexicon
    period_end: Lexicon
    not_a_date_after: frozenset[str]
    not_a_date_before: Lexicon
    # actors and sources
    actors: Lexicon
    actor_table: dict[str, dict[str, Any]]
    civilians_name: str
    target_cues: frozenset[str]
    sources: Lexicon
    # places
    settlement_cues: Lexicon
    landmarks: Lexicon
    landmark_stop: frozenset[str]
    directions: Lexicon
    region_directions: dict[str, str]
    quarter_links: frozenset[str]
    list_cues: frozenset[str]
    organisation_before: frozenset[str]
    vicinity: Lexicon
    generic_refs: Lexicon
    origin_cues: Lexicon
    stationed_cues: Lexicon
    distance_units: frozenset[str]
    nationality: Lexicon
    indefinite_marks: frozenset[str]
    glued_prefixes: tuple[str, ...]
    unresolved_cues: Lexicon
    plural_cues: frozenset[str]
    between_words: frozenset[str]
    verb_shapes: tuple[tuple[str, ...], tuple[str, ...]]
    weak_clitics: tuple[str, ...]
    phrase_clitics: tuple[str, ...]
    place_adjectives: frozenset[str]
    not_places: frozenset[str]
    # discourse
    clause_openers: Lexicon
    clause_verbs: frozenset[str]
    line_joiners: frozenset[str]
    negation: frozenset[str]
    background: Lexicon
    background_reach: int
    irrealis: Lexicon
    irrealis_reach: int
    pluperfect_aux: frozenset[str]
    pluperfect_particle: str
    frames: Lexicon
    metaphor_after: Lexicon
    domain_words: Lexicon
    period_markers: Lexicon
    documentation: Lexicon
    summary_markers: Lexicon
    report_frames: Lexicon
    # every single word the files above list: words of the language, not place names
    vocabulary: frozenset[str]
    # grammar particles
    conj: str
    partitive: str
    article: str
    conj_exceptions: frozenset[str]
    year_words: frozenset[str]
    # language identification
    arabic_only: frozenset[str]
    distinct_scripts: tuple[tuple[str, frozenset[str], int], ...]
    shared_script: tuple[str, frozenset[str]]
    _gates: dict[str, dict[str, bool]] = field(default_factory=dict, compare=False, repr=False)

    def gate(self, name: str, word: str, test: Callable[[str], bool]) -> bool:
        """Memoised yes/no per word for a finder's "could anything start here?" check."""
        memo = self._gates.setdefault(name, {})
        hit = memo.get(word)
        if hit is None:
            if len(memo) > 100_000:
                memo.clear()
            hit = memo[word] = test(word)
        return hit


def _vocabulary(raw: dict[str, dict[str, Any]]) -> frozenset[str]:
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if not k.startswith("_"):
                    walk(k)
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            w = normalise_word(node).rstrip("*")
            if w and " " not in w and not w.isascii():
                words.add(w)

    for name, data in raw.items():
        if name not in ("language", "places", "persons"):
            walk(data)
    walk(list(raw["persons"]["nouns"]))
    walk(raw["places"]["not_places"])
    walk(list(raw["places"]["settlement_cues"]))
    walk(raw["places"]["landmarks"])
    for key in ("directions", "generic_refs", "vicinity", "landmark_stop", "origin_cues"):
        walk(raw["places"][key] if isinstance(raw["places"][key], list)
             else list(raw["places"][key]))
    for w in raw["discourse"]["function_words"]:
        base = normalise_word(w)
        words.update(p + base for p in ("", "و", "ف", "ب", "ل", "وب", "ول"))
    return frozenset(words)


@lru_cache(maxsize=4)
def load(code: str = "ar") -> LanguageData:
    raw = {name: _read(code, name) for name in
           ("numbers", "casualties", "persons", "triggers", "dates", "actors", "sources",
            "places", "discourse", "language")}
    num, cas, per, trg, dat = (raw[k] for k in ("numbers", "casualties", "persons", "triggers",
                                                 "dates"))
    act, src, plc, dis, lng = (raw[k] for k in ("actors", "sources", "places", "discourse",
                                                 "language"))

    number_entries: list[tuple[str, Any]] = []
    for group in ("units", "tens", "hundreds", "thousands"):
        number_entries += [(w, (group, v)) for w, v in num[group].items()]

    casualty_entries = [(w, "combined") for w in cas["combined"]]
    casualty_entries += [(w, "killed") for w in cas["killed"]]
    casualty_entries += [(w, "injured") for w in cas["injured"]]
    after = [(w, "killed") for w in cas["after_count_killed"]]
    after += [(w, "injured") for w in cas["after_count_injured"]]

    trigger_entries = [(w, (t["sub"], t["strength"], normalise_word(w)))
                       for t in trg["triggers"] for w in t["words"]]
    actor_table = {a["id"]: a for a in act["actors"]}
    actor_entries = [(alias, a["id"]) for a in act["actors"] for alias in a["aliases"]]
    source_entries = [(alias, (s["name"], s["kind"])) for s in src["sources"]
                      for alias in s["aliases"]]

    return LanguageData(
        code=code,
        raw=raw,
        number_words=Lexicon(number_entries),
        teen_suffix=_norm_set(num["teen_suffix"]),
        vague=_lex_map(num["vague"]),
        modifiers=_lex_map(num["modifiers"]),
        post_modifiers=_lex_map(num["post_modifiers"]),
        range_joiners=_norm_set(num["range_joiners"]),
        casualty=Lexicon(casualty_entries),
        after_count=Lexicon(after),
        same_as=_lex(cas["same_as"]),
        no_casualties=_lex(cas["no_casualties"]),
        struck_objects=_lex(cas["struck_objects"]),
        pronoun_tolls={normalise_word(k): v for k, v in cas["pronoun_tolls"].items()},
        soft_death=_norm_set(cas["soft_death"]),
        dual_verbs=_norm_set(cas["dual_verbs"]),
        natural_death=_norm_set(cas["natural_death"]),
        toll_nouns=_norm_set(cas["toll_nouns"]),
        toll_update=_lex(cas["toll_update"]),
        subset=_lex(cas["subset"]),
        subset_after=_norm_set(cas["subset_after"]),
        subset_of=_lex(cas["subset_of"]),
        descriptors=_norm_set(per["descriptors"]),
        additive=_lex(cas["additive"]),
        not_a_count=_lex(cas["not_a_count"]),
        not_a_count_before=_norm_set(cas["not_a_count_before"]),
        name_list=_lex(cas["name_list"]),
        superseded=_lex(cas["superseded"]),
        combined_verbs=_norm_set(cas["combined_verbs"]),
        instrument_clitics=tuple(cas["instrument_clitics"]),
        sentence_words=_norm_set(cas["death_sentence"]["sentence"]),
        court_words=_lex(cas["death_sentence"]["court"]),
        persons=_lex_map(per["nouns"]),
        combatant_roles=_norm_set(per["combatant_roles"]),
        name_starts=_norm_set(per["name_starts"]),
        all_of_them=_lex(per["all_of_them"]),
        kin=_lex(per["kin"]),
        ranks_of=_lex(per["ranks_of"]),
        perpetrators=_lex_map(per["perpetrators"]),
        adjective_after=_norm_set(per["adjective_after"]),
        side_adjectives={normalise_word(k): v for k, v in per["side_adjectives"].items()},
        triggers=Lexicon(trigger_entries),
        weak_defaults={normalise_word(k): v for k, v in trg["weak_defaults"].items()},
        event_types=dict(trg["event_types"]),
        state_variant=dict(trg.get("state_variant", {})),
        civilian_variant=dict(trg.get("civilian_variant", {})),
        plural_triggers=_norm_set(trg["plural_forms"]),
        weapon_nouns=_norm_set(trg["weapon_nouns"]),
        acts=_lex(trg["acts"]),
        armed_nouns=_lex(trg["armed_nouns"]),
        territory_subs=frozenset(trg["territory_subs"]),
        air_overrides=frozenset(trg["air_overrides"]),
        more_specific={k: frozenset(v) for k, v in trg["more_specific"].items()},
        air_context=_lex(trg["air_context"]),
        artillery_context=_lex(trg["artillery_context"]),
        months=_lex_map(dat["months"]),
        ambiguous_months=_norm_set(dat["ambiguous_months"]),
        weekdays=_lex_map(dat["weekdays"]),
        weekday_needs_cue=_norm_set(dat["weekday_needs_cue"]),
        weekday_cue_after=_norm_set(dat["weekday_cue_after"]),
        the_two_before=_norm_set(dat["the_two_before"]),
        publication_cues=_lex(dat["publication_cues"]),
        day_parts=_lex(dat["day_parts"]),
        past_markers=_norm_set(dat["past_markers"]),
        relative_days=_lex_map(dat["relative"]),
        same_day=_lex(dat["same_day"]),
        ordinal_units={normalise_word(k): v for k, v in dat["ordinal_units"].items()},
        ordinal_teen=_norm_set(dat["ordinal_teen"]),
        ordinal_tens={normalise_word(k): v for k, v in dat["ordinal_tens"].items()},
        month_refs=_lex_map(dat["month_refs"]),
        day_range_joiners=_norm_set(dat["day_range_joiners"]),
        period_start=_lex(dat["period_start"]),
        period_end=_lex(dat["period_end"]),
        not_a_date_after=_norm_set(dat["not_a_date_after"]),
        not_a_date_before=_lex(dat["not_a_date_before"]),
        actors=Lexicon(actor_entries),
        actor_table=actor_table,
        civilians_name=act["civilians_name"],
        target_cues=_norm_set(act["target_cues"]),
        sources=Lexicon(source_entries),
        settlement_cues=_lex_map(plc["settlement_cues"]),
        landmarks=_lex(plc["landmarks"]),
        landmark_stop=_norm_set(plc["landmark_stop"]),
        directions=_lex_map(plc["directions"]),
        region_directions={normalise_word(k): v for k, v in plc["region_directions"].items()},
        quarter_links=_norm_set(plc["quarter_links"]),
        list_cues=_norm_set(plc["list_cues"]),
        organisation_before=_norm_set(plc["organisation_before"]),
        vicinity=_lex(plc["vicinity"]),
        generic_refs=_lex_map(plc["generic_refs"]),
        origin_cues=_lex(plc["origin_cues"]),
        stationed_cues=_lex(plc["stationed_cues"]),
        distance_units=_norm_set(plc["distance_units"]),
        nationality=_lex_map(plc["nationality"]),
        indefinite_marks=frozenset(plc["indefinite_marks"]),
        glued_prefixes=tuple(sorted(_norm_set(plc["glued_prefixes"]), key=len, reverse=True)),
        not_places=_norm_set(plc["not_places"]),
        unresolved_cues=Lexicon((w, plc["settlement_cues"].get(w, "area"))
                                for w in plc["unresolved_cues"]),
        plural_cues=_norm_set(plc["plural_cues"]),
        between_words=_norm_set(plc["between_words"]),
        verb_shapes=(tuple(plc["verb_shapes"]["prefixes"]),
                     tuple(plc["verb_shapes"]["suffixes"])),
        place_adjectives=_norm_set(plc["place_adjectives"]),
        weak_clitics=tuple(plc["weak_clitics"]),
        phrase_clitics=tuple(plc["phrase_clitics"]),
        clause_openers=_lex(dis["clause_openers"]),
        clause_verbs=_norm_set(dis["clause_verbs"]),
        line_joiners=_norm_set(dis["line_joiners"]),
        negation=_norm_set(dis["negation"]),
        background=_lex(dis["background"]),
        background_reach=int(dis["background_reach"]),
        irrealis=_lex(dis["irrealis"]),
        irrealis_reach=int(dis["irrealis_reach"]),
        pluperfect_aux=_norm_set(dis["pluperfect_aux"]),
        pluperfect_particle=normalise_word(dis["pluperfect_particle"]),
        frames=_lex(dis["frames"]),
        metaphor_after=_lex(dis["metaphor_after"]),
        domain_words=_lex(dis["domain_words"]),
        period_markers=_lex(dis["period_markers"]),
        documentation=_lex(dis["documentation"]),
        summary_markers=_lex(dis["summary_markers"]),
        report_frames=_lex(dis["report_frames"]),
        vocabulary=_vocabulary(raw),
        conj=normalise_word(dis["grammar"]["conjunction"]),
        partitive=normalise_word(dis["grammar"]["partitive"]),
        article=normalise_word(dis["grammar"]["article"]),
        conj_exceptions=_norm_set(dis["grammar"]["conjunction_words"]),
        year_words=_norm_set(dat["year_words"]),
        arabic_only=frozenset(lng["arabic_only"]),
        distinct_scripts=tuple((d["code"], frozenset(d["letters"]), int(d["min_count"]))
                               for d in lng["distinct"]),
        shared_script=(lng["shared"]["code"], frozenset(lng["shared"]["letters"])),
    )
