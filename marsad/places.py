"""Place mentions: gazetteer names, landmarks, and the words around them.

A mention records what the text says (a name, its cue word such as مدينة or ريف, a
direction such as شمالي, whether it is someone's origin rather than where something
happened); choosing among same-named places is left to :mod:`marsad.geocode`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.gazetteer import Gazetteer, Place, distance_km
from marsad.lang import LanguageData
from marsad.tokens import Token, forms


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # token span of the name (cue words excluded)
    end: int
    candidates: tuple[Place, ...]  # empty for a landmark or a generic reference
    cue: str | None = None  # settlement cue kind: city, village, admin1, countryside...
    direction: str | None = None
    vicinity: bool = False
    origin: bool = False
    landmark: bool = False
    generic: str | None = None  # "المدينة" and the like: refers to a town named before
    unresolved: bool = False  # "بلدة X" where the gazetteer has no X: the name, no coordinates
    attached: bool = False  # names a landmark's end ("طريق حلب - دمشق"), not where it happened
    loose: bool = False  # a word as much as a name ("حي الميدان"): kept only near its town
    listed: bool = False  # a later item of a list under one cue ("قرى X وY وZ": Y and Z)
    region: str | None = None  # "ريف حماة الشمالي الشرقي": the part of the countryside (NE)


def _cue_before(tokens: Sequence[Token], i: int, lang: LanguageData) -> tuple[str | None, int]:
    """The settlement cue word right before token i (or glued to it), and where it starts."""
    for back in (1, 2):
        j = i - back
        if j < 0:
            break
        m = lang.settlement_cues.match_at(tokens, j)
        if m is not None and m.end == i:
            return m.payload, j
    return None, i


def _context(tokens: Sequence[Token], lo: int, lang: LanguageData) -> tuple[str | None, bool, bool]:
    direction, vicinity, origin = None, False, False
    for back in (1, 2, 3):
        j = lo - back
        if j < 0:
            break
        d = lang.directions.match_at(tokens, j)
        if d is not None and d.end in (lo, lo - 1) and direction is None:
            direction = d.payload
        v = lang.vicinity.match_at(tokens, j)
        if v is not None and v.end >= lo - 1:
            vicinity = True
    # where the attacker stands: "من أماكن تمركزه في قرية X", "المتمركزة في حاجز X"; a
    # reference point: "60 كلم شمال شرق بغداد"
    for j in range(max(0, lo - 4), lo):
        if lang.stationed_cues.match_at(tokens, j) is not None or \
                any(f in lang.distance_units for f in forms(tokens[j].text)):
            origin = True
    # origin: "نازحين من تدمر", "القادمين من الريف"
    if lo > 0 and (tokens[lo - 1].text == lang.partitive
                   or tokens[lo].text.startswith(lang.partitive)):
        for j in range(max(0, lo - 5), lo):
            if lang.origin_cues.match_at(tokens, j) is not None:
                origin = True
                break
    return direction, vicinity, origin


def _glued(tokens: Sequence[Token], i: int, gaz: Gazetteer, lang: LanguageData):
    """A direction or cue word that lost its space: جنوبيبغداد."""
    word = tokens[i].text
    if len(word) < 6 or not word.startswith(lang.glued_prefixes):
        return None
    for prefix in lang.glued_prefixes:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 3:
            for f in forms(rest):
                cands = gaz.by_name.get(f)
                if cands:
                    return prefix, tuple(cands)
    return None


def _name_like(word: str, gaz: Gazetteer, lang: LanguageData) -> bool:
    if word.isdigit() or len(word) < 3 or word in lang.place_adjectives:
        return False
    prefixes, suffixes = lang.verb_shapes
    if len(word) > 5 and word.startswith(prefixes) and word.endswith(suffixes):
        return False  # "بلدة تحاصرها قوات": a verb with its object, not a name
    return not any(f in lang.vocabulary or f in lang.place_adjectives for f in forms(word))


def _village(tokens: Sequence[Token], j: int, gaz: Gazetteer, lang: LanguageData,
             blocked: set[int]) -> tuple[int, tuple] | None:
    """The longest name (three words down to one) at token j in the large gazetteer; a
    one-word name must be a name, not a word or the start of one (أبو)."""
    for length in (3, 2, 1):
        end = j + length
        if end > len(tokens) or any(k in blocked for k in range(j, end)):
            continue
        if length == 1 and (len(tokens[j].text) < 4 or tokens[j].text in lang.name_starts):
            continue
        cands = gaz.villages(" ".join(t.text for t in tokens[j:end]))
        if cands:
            return end, cands
    return None


def _listed_villages(tokens: Sequence[Token], after: PlaceMention, gaz: Gazetteer,
                     lang: LanguageData, blocked: set[int], text: str = "") -> list[PlaceMention]:
    """"قرى الشعثة والقاهرة وكراح": villages listed after the first, each joined by و."""
    out: list[PlaceMention] = []
    # after a plural cue ("قرى", "بلدات") every item is a place, known or not
    plural = after.start > 0 and any(f in lang.plural_cues
                                     for f in forms(tokens[after.start - 1].text))
    if after.unresolved and not plural:
        return out  # "بلدة X وY" with X unknown: Y may be anything
    j = after.end
    while j < len(tokens) and j not in blocked:
        word = tokens[j].text
        if word == lang.conj and j + 1 < len(tokens) and j + 1 not in blocked:
            # "قرى #الكبارية و #معان و #أم_حارتين": the conjunction written apart
            end, cands = _village(tokens, j + 1, gaz, lang, blocked) or (j + 2, ())
            known = gaz.lexicon.match_at(tokens, j + 1)
            if not cands and known is not None:
                end, cands = known.end, known.payload
            if not cands:
                end = _name_end(tokens, j + 1, gaz, lang, blocked, text) if plural else j + 1
            if end == j + 1:
                break
            out.append(PlaceMention(j + 1, end, tuple(cands), after.cue, after.direction,
                                    after.vicinity, after.origin, unresolved=not cands,
                                    listed=True))
            j = end
            continue
        if not (word.startswith(lang.conj) and len(word) > 3):
            break
        glued = [Token(word[len(lang.conj):], tokens[j].start, tokens[j].end)]
        if lang.settlement_cues.match_at(glued, 0) is not None:
            break  # "وقرية خربة الحجامة": the next item comes with its own cue word
        known = gaz.lexicon.match_at(glued, 0)
        cands = gaz.villages(glued[0].text) or (known.payload if known else ())
        unresolved = not cands and plural and _name_like(glued[0].text, gaz, lang)
        if not cands and not unresolved:
            break
        end = j + 1
        if unresolved:  # "وتلة البيجو": the words after the glued one go on with the name
            end = max(end, _name_end(tokens, j + 1, gaz, lang, blocked, text))
        out.append(PlaceMention(j, end, cands, after.cue, after.direction, after.vicinity,
                                after.origin, unresolved=unresolved, listed=True))
        j = end
    return out


def _quarter_town(tokens: Sequence[Token], quarter: PlaceMention, gaz: Gazetteer,
                  lang: LanguageData, blocked: set[int]) -> list[PlaceMention]:
    """"حي العين وسط خربة سلم": the village a quarter lies in, named after it with a link
    word and no cue of its own, is a place (the village list wants a cue otherwise)."""
    j = quarter.end
    if quarter.cue != "neighbourhood" or j + 1 >= len(tokens) or \
            tokens[j].text not in lang.quarter_links or gaz.lexicon.match_at(tokens, j + 1):
        return []
    village = _village(tokens, j + 1, gaz, lang, blocked)
    if village is None:
        return []
    end, cands = village
    return [PlaceMention(j + 1, end, tuple(cands), "village")]


def _name_end(tokens: Sequence[Token], j: int, gaz: Gazetteer, lang: LanguageData,
              blocked: set[int], text: str) -> int:
    """Where a name the gazetteer lacks ends: up to three name-like words, before the next
    conjunction, punctuation, cue word or phrase ("و #أم_حارتين و" is two words)."""
    end = j
    while end < len(tokens) and end - j < 3 and end not in blocked:
        w = tokens[end].text
        if end > j and (w.startswith(lang.conj) or text and any(
                ch in text[tokens[end - 1].end:tokens[end].start] for ch in "،,.:;()\"«\n")):
            break
        if not _name_like(w, gaz, lang) or _clitic_article(w, lang) \
                or lang.settlement_cues.match_at(tokens, end) is not None \
                or gaz.lexicon.match_at(tokens, end) is not None:
            break
        end += 1
    return end


def _clitic_article(word: str, lang: LanguageData) -> bool:
    """"بالتزامن", "للمدينة": a preposition glued to the article starts a new phrase."""
    return any(word.startswith(c + lang.article) for c in lang.phrase_clitics)


def _unresolved(tokens: Sequence[Token], i: int, gaz: Gazetteer, lang: LanguageData,
                blocked: set[int], text: str = "") -> PlaceMention | None:
    """'بلدة معرة حرمة': a cue, then one or two name words the gazetteer does not know."""
    cue = lang.unresolved_cues.match_at(tokens, i)
    if cue is None or cue.end >= len(tokens):
        return None
    j = cue.end
    listing = cue.surface in lang.list_cues
    known = gaz.lexicon.match_at(tokens, j)
    if j in blocked or (known is not None and not listing):
        return None
    if text and any(ch in text[tokens[j - 1].end:tokens[j].start] for ch in "،,.:;\n"):
        return None  # "داخل المخيم،\nوتطور الأمر": a name follows its cue word directly
    village = _village(tokens, j, gaz, lang, blocked)
    word = not _name_like(tokens[j].text, gaz, lang)
    if (word or listing) and village is None:
        return None  # ("كلاً من" opens a list of known places only)
    if village is None and (_clitic_article(tokens[j].text, lang)
                            or lang.nationality.match_at(tokens, j) is not None
                            or lang.settlement_cues.match_at(tokens, j) is not None
                            or (cue.surface in lang.plural_cues
                                and tokens[j].text.startswith(lang.conj))):
        return None  # "بلدات بالضفة", "بلدات لبنانية", "بلدات محافظة", "قرى ومدن": no name
    if village is not None:  # "قرية إبديتا": a village of the large gazetteer
        end, cands = village
        if known is not None and known.end == end:  # and the towns of that name
            cands = tuple(dict.fromkeys([*cands, *known.payload]))
        direction, vicinity, origin = _context(tokens, i, lang)
        # "مدينة القاعدة", "منطقة الشعب": a word that is also a known place, after its cue
        return PlaceMention(j, end, cands, cue.payload, direction, vicinity, origin,
                            loose=word)
    end = j + 1
    if end < len(tokens) and end not in blocked and not tokens[end].text.startswith(lang.conj) \
            and gaz.lexicon.match_at(tokens, end) is None \
            and _name_like(tokens[end].text, gaz, lang) \
            and not any(lang.settlement_cues.starts(f) for f in forms(tokens[end].text)) \
            and not _clitic_article(tokens[end].text, lang) \
            and not any(ch in text[tokens[j].end:tokens[end].start] for ch in "،,.:;(\"«"):
        end += 1  # a two-word name, not "بوني بإقليم" or "إبطع، بالتزامن"
    direction, vicinity, origin = _context(tokens, i, lang)
    return PlaceMention(j, end, (), cue.payload, direction, vicinity, origin, unresolved=True)


def _landmark(tokens: Sequence[Token], i: int, gaz: Gazetteer, lang: LanguageData,
              blocked: set[int]) -> PlaceMention | None:
    """"مدرسة حميدة الطاهر", "الفرقة 17": a landmark noun and up to three name words,
    stopping at a preposition, the next item ("وبناء"), a town, or after a number."""
    lm = lang.landmarks.match_at(tokens, i)
    if lm is None or (i > 0 and tokens[i - 1].text in lang.organisation_before):
        return None  # ("المتحدث باسم مركز الطب الميداني": an organisation, not a place)
    j = lm.end
    while j < len(tokens) and j - lm.end < 3 and j not in blocked:
        t = tokens[j].text
        cue = lang.settlement_cues.match_at(tokens, j)
        if t in lang.landmark_stop or t.startswith(lang.conj) or \
                lang.casualty.match_at(tokens, j) is not None or \
                (cue is not None and cue.surface != t):
            break  # ("مستشفى الصدر مقتل رجل": the toll starts, the name has ended;
            # "الطريق بمنطقة الحسينية": a town's cue with its preposition starts the town)
        if j > lm.end and gaz.lexicon.match_at(tokens, j) is not None:
            break
        j += 1
        if tokens[j - 1].is_digit:
            break
    if j == lm.end:
        return None  # a bare "المشفى": no name, not a place
    direction, vicinity, origin = _context(tokens, i, lang)
    return PlaceMention(i, j, (), None, direction, vicinity, origin, landmark=True)


def find_places(tokens: Sequence[Token], gaz: Gazetteer, lang: LanguageData,
                blocked: set[int], text: str = "") -> list[PlaceMention]:
    """Place mentions in token order. ``blocked``: tokens already read as actors or sources;
    ``text``: the normalised text the tokens come from."""
    out: list[PlaceMention] = []
    i = 0
    n = len(tokens)
    while i < n:
        if i in blocked or not lang.gate(f"place{id(gaz)}", tokens[i].text, lambda w: (
                gaz.lexicon.starts(w) or lang.landmarks.starts(w) or lang.generic_refs.starts(w)
                or lang.unresolved_cues.starts(w) or w.startswith(lang.glued_prefixes))):
            i += 1
            continue
        landmark = _landmark(tokens, i, gaz, lang, blocked)
        if landmark is not None:
            out.append(landmark)
            # a town named inside the landmark ("مطار حلب") is read next
            i = lang.landmarks.match_at(tokens, i).end
            continue
        generic = lang.generic_refs.match_at(tokens, i)
        if generic is not None:  # "المدينة": the town named before, not Medina
            direction, vicinity, origin = _context(tokens, i, lang)
            out.append(PlaceMention(i, generic.end, (), None, direction, vicinity, origin,
                                    generic=generic.payload))
            i = generic.end
            continue
        m = gaz.lexicon.match_at(tokens, i)
        glued_prefix = None
        cue_here = lang.unresolved_cues.match_at(tokens, i) if m is not None else None
        opens_list = cue_here is not None and cue_here.surface in lang.list_cues \
            and cue_here.end >= m.end  # "كلاً من" opens a list; it is not a town called كلا
        if m is None or opens_list:
            m = None
            unknown = _unresolved(tokens, i, gaz, lang, blocked, text)
            if unknown is not None:
                out.append(unknown)
                i = unknown.end
                more = _listed_villages(tokens, unknown, gaz, lang, blocked, text)
                more += _quarter_town(tokens, unknown, gaz, lang, blocked)
                out += more
                i = more[-1].end if more else i
                continue
            g = _glued(tokens, i, gaz, lang)
            if g is None:
                i += 1
                continue
            glued_prefix, cands, end = g[0], g[1], i + 1
        else:
            cands, end = m.payload, m.end
            first = tokens[i].text
            if end == i + 1 and first != m.surface and first.startswith(lang.weak_clitics) \
                    and first[1:] == m.surface:
                i += 1  # "فرقه" (his teams) is not ف + رقه (Raqqa)
                continue
        if any(k in blocked for k in range(i, end)):
            i += 1
            continue
        cue_word = lang.settlement_cues.match_at(tokens, i)
        if cue_word is not None and cue_word.end >= end:  # "مدينة" is a cue, not Medina
            i += 1
            continue
        cue, cue_start = _cue_before(tokens, i, lang)
        if cue is None and out and out[-1].cue is not None and not out[-1].landmark and (
                (out[-1].end == i - 1 and tokens[i - 1].text == lang.conj)
                or (out[-1].end == i and tokens[i].text.startswith(lang.conj))):
            cue = out[-1].cue  # "مدينتي الحراك وطفس": the cue word covers the list
        if glued_prefix is not None:
            d = lang.directions.match_at([Token(glued_prefix, 0, 0)], 0)
            direction = d.payload if d else None
            cue_g = lang.settlement_cues.match_at([Token(glued_prefix, 0, 0)], 0)
            cue = cue or (cue_g.payload if cue_g else None)
            _, vicinity, origin = _context(tokens, i, lang)
        else:
            direction, vicinity, origin = _context(tokens, i, lang)
        if cue_start < i and not origin:  # "نازحون من مدينة تدمر": the cue word opens it
            origin = _context(tokens, cue_start, lang)[2]
        surface = " ".join(t.text for t in tokens[i:end])
        word_forms = set(forms(tokens[i].text)) if end == i + 1 else {surface}
        stop = any(f in lang.not_places for f in word_forms) or surface in lang.not_places
        # short names and known hamlets collide with ordinary words: they need a cue (قرية …)
        weak = all(not p.trusted and p.population < 20_000 for p in cands) and \
            len(surface.replace(" ", "")) <= 4
        weak = weak or all(not p.trusted and 0 < p.population < 2_000 for p in cands)
        if (stop or weak) and cue is None:
            i = end
            continue
        prev = out[-1] if out else None
        attached = prev is not None and prev.end == i and (
            prev.landmark or (prev.attached and "-" in text[tokens[i - 1].end:tokens[i].start]))
        region = _region(tokens, end, lang) if cue == "countryside" else None
        out.append(PlaceMention(i, end, tuple(cands), cue, direction, vicinity, origin,
                                attached=attached, region=region))
        i = end
        town = _quarter_town(tokens, out[-1], gaz, lang, blocked)
        if town:
            out += town
            i = town[-1].end
    return _loose_near_town(out)


def _region(tokens: Sequence[Token], j: int, lang: LanguageData) -> str | None:
    """"ريف حماة الشمالي الشرقي": the compass part named after a countryside ("NE")."""
    parts = ""
    while j < len(tokens) and len(parts) < 2 and tokens[j].text in lang.region_directions:
        parts += lang.region_directions[tokens[j].text]
        j += 1
    return parts or None


LOOSE_KM = 30.0  # how far a quarter named by a common word may lie from the town after it


def _loose_near_town(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"حي الميدان في دمشق": a common word read as a place stands only if it lies near the
    town named right after it; otherwise it is that town's quarter, which the gazetteer
    does not know (the name, no coordinates)."""
    out = list(mentions)
    for k, pm in enumerate(out[:-1]):
        nxt = out[k + 1]
        if not pm.loose or not nxt.candidates or nxt.start - pm.end > 2:
            continue
        near = any(distance_km(a.lat, a.lon, b.lat, b.lon) <= LOOSE_KM
                   for a in pm.candidates for b in nxt.candidates)
        if not near:
            out[k] = replace(pm, candidates=(), unresolved=True, loose=False)
    return out

