"""Casualty counts: who was killed or injured, how many, and how sure the text is.

A count is a quantity (digits, number words, a vague word) with its noun, or a noun that
counts itself (سيدة وطفل = 2, قتيلان = 2). It gets its kind (killed, injured, or the
combined 'killed or injured') from the nearest casualty word before it, from a noun that
says it (قتيلا), or from a verb right after it (سقطوا). A count no casualty word governs
is not a casualty figure: strikes, ages, years and residents stay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.lang import LanguageData
from marsad.numbers import parse_quantity
from marsad.tokens import Token

CIVILIAN_CATS = ("civilian", "child", "woman")
COMBATANT_CATS = ("combatant", "security")
_KEYWORD_REACH = 12  # tokens between a casualty word and its count
_CHAIN_REACH = 10  # tokens between counts joined by و that share one casualty word


@dataclass(frozen=True, slots=True)
class Count:
    start: int  # token span of the whole phrase
    end: int
    kind: str  # killed | injured | combined
    low: int | None
    high: int | None
    vague: bool
    cat: str  # civilian child woman combatant security person
    subset: bool = False  # "among them": part of a count already made
    additive: bool = False  # "in addition", "others": adds to the count before
    update: bool = False  # "the toll rose to"
    side_start: int | None = None  # token where the group the people belong to is named
    side: str | None = None  # fighters: the actor or side they belong to ("9 جنود": state)
    stale: bool = False  # "حصيلة سابقة": an earlier toll the report has replaced


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int
    end: int
    low: int | None
    high: int | None
    vague: bool
    cat: str
    noun_kind: str | None
    conj: bool  # starts with و
    bare: bool = False  # a figure with no noun after it
    part: bool = False  # "اثنان منهم أطفال": part of the count before


def _skip_number(tokens: Sequence[Token], i: int, hi: int, lang: LanguageData) -> int:
    """Past a number and the number words glued to it ("500 ألف")."""
    i += 1
    while i < hi and lang.number_words.starts(tokens[i].text):
        i += 1
    return i


def _noun_at(tokens: Sequence[Token], j: int, lang: LanguageData):
    if j < len(tokens) and tokens[j].text == lang.partitive:
        j += 1
    if j >= len(tokens):
        return None
    return lang.persons.match_at(tokens, j)


def _day_count(tokens: Sequence[Token], i: int, lo: int, lang: LanguageData) -> bool:
    k = i - 1
    if k > lo and tokens[k].text == lang.article:  # "لليوم الـ 48"
        k -= 1
    return k >= lo and tokens[k].text in lang.not_a_count_before


def _is_adjective(tokens: Sequence[Token], i: int, lo: int, lang: LanguageData) -> bool:
    """A definite person word right after a definite noun that is neither a person nor a
    casualty word agrees with it as an adjective: "الإعلام العسكري" (military media) counts
    nobody, "مقتل العسكري" does."""
    art = lang.article
    if i <= lo or not tokens[i].text.startswith(art) or not tokens[i - 1].text.startswith(art):
        return False
    return lang.persons.match_at(tokens, i - 1) is None and \
        lang.casualty.match_at(tokens, i - 1) is None and not tokens[i - 1].is_digit


def _phrases(tokens: Sequence[Token], lo: int, hi: int, lang: LanguageData,
             excluded: set[int]) -> list[_Phrase]:
    """Every counted group of people in tokens[lo:hi], left to right."""
    out: list[_Phrase] = []
    def may_count(w: str) -> bool:
        return (lang.modifiers.starts(w) or lang.vague.starts(w)
                or lang.number_words.starts(w) or lang.persons.starts(w))

    i = lo
    while i < hi:
        if i in excluded or not (tokens[i].is_digit or lang.gate("count", tokens[i].text,
                                                                  may_count)):
            i += 1
            continue
        conj = tokens[i].text.startswith(lang.conj) or (i > lo and tokens[i - 1].text == lang.conj)
        q = parse_quantity(tokens, i, lang)
        if q is None and tokens[i].is_digit:
            i = _skip_number(tokens, i, hi, lang)  # a figure we cannot read: none of its parts
            continue
        if q is not None and q.end <= hi and not any(k in excluded for k in range(q.start, q.end)):
            thing = lang.not_a_count.match_at(tokens, q.end) if q.end < hi else None
            if thing is not None and not (tokens[q.end].text.startswith(
                    lang.instrument_clitics) and not thing.surface.startswith(
                    lang.instrument_clitics)):
                i = q.end  # "8 غارات": eight raids (but "إصابة 8 بغارة": eight by a raid)
                continue
            noun = _noun_at(tokens, q.end, lang)
            if noun is None and q.end + 1 < hi and tokens[q.end].text in lang.subset_after:
                of = lang.persons.match_at(tokens, q.end + 1)
                if of is not None and of.end <= hi:  # "اثنان منهم أطفال": two of them children
                    out.append(_Phrase(q.start, of.end, q.low, q.high, q.vague, of.payload["cat"],
                                       of.payload.get("kind"), conj, part=True))
                    i = of.end
                    continue
            side = q.end + 1 if q.end + 1 < hi and tokens[q.end].text == lang.partitive else None
            if noun is None and side is not None and lang.actors.match_at(tokens, side):
                # "5 من الفصائل": five of that side's fighters
                out.append(_Phrase(q.start, q.end, q.low, q.high, q.vague, "combatant", None,
                                   conj))
                i = q.end
                continue
            if noun is not None and noun.end <= hi:
                p = noun.payload
                both = lang.casualty.match_at(tokens, noun.start)
                if both is not None and both.payload == "combined":
                    # "العشرات من القتلى والجرحى": killed and injured together
                    out.append(_Phrase(q.start, both.end, q.low, q.high, q.vague, p["cat"],
                                       "combined", conj))
                    i = both.end
                    continue
                high = q.high
                cat, end = p["cat"], noun.end
                if cat == "person" and end + 1 < hi and tokens[end].text == lang.partitive:
                    of = lang.persons.match_at(tokens, end + 1)
                    if of is not None and of.end <= hi and of.payload["cat"] != "person":
                        cat = of.payload["cat"]  # "29 قتيلا من الأطفال": children
                post = lang.post_modifiers.match_at(tokens, noun.end) if noun.end < hi else None
                if post is not None and post.payload == "min":
                    high = None  # "37 مدنيا على الأقل"
                out.append(_Phrase(q.start, noun.end, q.low, high, q.vague, cat,
                                   p.get("kind"), conj))
                i = noun.end
                continue
            if q.vague:  # "أصيب العشرات": vague, counted only right after a casualty word
                out.append(_Phrase(q.start, q.end, q.low, q.high, True, "person", None, conj,
                                   True))
                i = q.end
                continue
            # a bare figure: "مقتل 4", "إلى 27"; kept only if a casualty word binds it,
            # and never a count of days ("على مدار 48", "لليوم الـ 48")
            if _day_count(tokens, q.start, lo, lang):
                i = q.end
                continue
            out.append(_Phrase(q.start, q.end, q.low, q.high, False, "person", None, conj, True))
            i = q.end
            continue
        noun = lang.persons.match_at(tokens, i)
        if noun is not None and i > lo and (tokens[i - 1].text in lang.descriptors
                                            or tokens[i - 1].text in lang.adjective_after):
            i = noun.end  # "وهو قيادي": who someone counted was; "هجوم مسلح": an adjective
            continue
        if noun is not None and noun.end <= hi and _is_adjective(tokens, i, lo, lang):
            i = noun.end  # "الإعلام العسكري", "الدفاع المدني": it describes the noun before
            continue
        if noun is not None and noun.end <= hi:
            p = noun.payload
            last = out[-1] if out else None
            if p["n"] is not None and last is not None and last.end == i and not conj \
                    and last.low == last.high == p["n"] and last.noun_kind is not None:
                # "شهيد مدني", "قتيلين مدنيين": the second word says who the counted were
                cat = p["cat"] if last.cat == "person" else last.cat
                out[-1] = _Phrase(last.start, noun.end, last.low, last.high, last.vague, cat,
                                  last.noun_kind, last.conj)
                i = noun.end
                continue
            if p["n"] is not None:
                end = noun.end
                again = parse_quantity(tokens, end, lang) if end < hi else None
                if again is not None and again.low == p["n"] and not tokens[end].is_digit:
                    end = again.end  # "مدنيان اثنان": the number repeats the dual
                out.append(_Phrase(i, end, p["n"], p["n"], False, p["cat"], p.get("kind"),
                                   conj))
                i = end
                continue
            else:
                # "مدنيين اثنين": the number follows the noun
                after = parse_quantity(tokens, noun.end, lang) if noun.end < hi else None
                if after is not None and any(k in excluded for k in range(after.start,
                                                                          after.end)):
                    after = None  # "أطفال، الأحد": a day, not "one"
                counted = after is not None and after.end < hi and \
                    lang.persons.match_at(tokens, after.end) is not None
                if after is not None and not after.vague and after.low == after.high \
                        and after.low is not None and after.low <= 10 \
                        and not tokens[noun.end].is_digit and not counted:
                    # (not "بين القتلى ثلاثة أطفال": there the number counts the next noun)
                    out.append(_Phrase(i, after.end, after.low, after.high, False, p["cat"],
                                       p.get("kind"), conj))
                    i = after.end
                    continue
                if noun.end < hi and tokens[noun.end].text in lang.dual_verbs:
                    # "مدنيين قتلا": the verb's dual says there were two
                    out.append(_Phrase(i, noun.end, 2, 2, False, p["cat"], p.get("kind"),
                                       conj))
                    i = noun.end
                    continue
                # a plural with no number: people, but no figure
                out.append(_Phrase(i, noun.end, None, None, False, p["cat"], p.get("kind"), conj))
            i = noun.end
            continue
        i += 1
    return out


def find_counts(tokens: Sequence[Token], lo: int, hi: int, lang: LanguageData,
                excluded: set[int], carried: str | None = None,
                carried_part: bool = False) -> list[Count]:
    """Casualty counts in one clause. ``excluded``: tokens that are dates, places, actors;
    ``carried_part``: that last count was a part ("بينهم 16 طفلا، وثلاث نساء"), so the
    list item is one too.
    ``carried``: the kind of the last count of the clause before, for a list item that
    leaves out its verb ("قتل شخصان في …، وثلاثة آخرون في …")."""
    keywords = lang.casualty.find(tokens, lo, hi)
    if any(m.surface in lang.sentence_words for m in keywords) and \
            lang.court_words.find(tokens, lo, hi):
        # "قضت محكمة بإعدام 8 متهمين": a sentence passed, nobody died
        keywords = [m for m in keywords if m.surface not in lang.sentence_words]
    # "أصابت الضربة منزل أحد الشيوخ": a verb of wounding before a building says what was hit
    keywords = [m for m in keywords if not (m.payload == "injured" and m.end < hi and (
        lang.struck_objects.match_at(tokens, m.end) or lang.landmarks.match_at(tokens, m.end)))]
    after_words = lang.after_count.find(tokens, lo, hi)
    # casualty verbs ("مقتل") cannot be counts; casualty nouns ("قتلى") still can
    verbs = {k for m in keywords for k in range(m.start, m.end)
             if lang.persons.match_at(tokens, k) is None or m.payload == "combined"}
    # "بين قتيل وجريح" names the kind of the count before it; its nouns are not counts
    kin = lang.kin.find(tokens, lo, hi)
    kin_at = {m.start: m.end for m in kin}
    # "من عائلة واحدة": the family's "one" is not a count
    kin_words = {k for m in kin for k in range(m.start, m.end)}
    # "10 أفراد من أسرة المواطن X": the one the family is named after is no further victim
    kin_words |= {m.end for m in kin if m.end < hi and lang.persons.match_at(tokens, m.end)}
    phrases = _phrases(tokens, lo, hi, lang, excluded | verbs | kin_words)
    subset_ends = {m.end for m in lang.subset.find(tokens, lo, hi)}
    combined_at = {m.start: True for m in keywords if m.payload == "combined"}
    additive_at = {m.start for m in lang.additive.find(tokens, lo, hi)}
    updates = [m.start for m in lang.toll_update.find(tokens, lo, hi)]
    split = _split_pairs(tokens, keywords, phrases, lang)
    counts: list[Count] = []
    prev: Count | None = None
    for ph in phrases:
        kind = split.get(ph.start) or ph.noun_kind
        continues_part = False
        close = next((m for m in keywords if m.end == ph.start
                      and lang.persons.match_at(tokens, m.start) is None), None)
        if close is not None and kind is not None and close.payload != kind \
                and ph.start not in split:
            kind = close.payload
        if (kind is None or ph.cat == "other") and ph.start not in split:
            kw = None
            for m in keywords:
                if m.end <= ph.start and ph.start - m.end <= _KEYWORD_REACH:
                    kw = m
            chained = prev is not None and ph.conj and ph.start - prev.end <= _CHAIN_REACH
            if kw is not None and chained and prev is not None and kw.end <= prev.start:
                kind = prev.kind
            elif kw is not None:
                kind = kw.payload
                if kw.surface in lang.natural_death and kw.end == ph.start and any(
                        m.payload == "killed" and m.surface not in lang.soft_death
                        for m in keywords):
                    continue  # "العزاء في وفاة امرأة … مقتل تسع نساء": a death, not a kill
            elif chained and prev is not None:
                kind = prev.kind
            elif prev is not None and any(ph.start - 1 <= e <= ph.start for e in subset_ends):
                kind = prev.kind  # "وأربعة مدنيين بينهم طفل": the part is of the same kind
            elif carried is not None and ph.conj and ph.start <= lo + 1:
                kind = carried
                continues_part = carried_part
            else:
                kind = _verb_after(ph, phrases, after_words, subset_ends, combined_at, kin_at) \
                    or _pronoun_toll(tokens, ph, phrases, hi, lang)
            if kind is None and ph.bare and ph.end + 1 < hi and \
                    tokens[ph.end].text in lang.toll_nouns:
                # "ارتفع إلى 5 عدد الشهداء": the noun after "number of" says what was counted
                named = lang.casualty.match_at(tokens, ph.end + 1)
                kind = named.payload if named is not None else None
        if kind is None:
            continue
        reach = 1 if ph.vague else 3
        update = any(ph.start - 8 <= k < ph.start for k in updates)
        if ph.bare and not any(0 <= ph.start - m.end <= reach for m in keywords) and not update:
            continue
        subset = ph.part or continues_part or any(
            ph.start - 1 <= e <= ph.start for e in subset_ends) or (
            # "اثنان منهم": a bare number of them is a part ("4 مدنيين منهم طفل" is not)
            ph.bare and ph.end < hi and tokens[ph.end].text in lang.subset_after) or (
            # "16 شخصا من القتلى": part of the toll told before
            ph.end < hi and lang.subset_of.match_at(tokens, ph.end) is not None) or (
            # "بينهم ثلاثة أطفال وامرأتان": the list after "among them" is all parts
            ph.conj and prev is not None and prev.subset and (
                ph.start - prev.end <= 1 or _names_between(tokens, prev.end, ph.start, lang)))
        additive = ph.cat == "other" or ph.conj or \
            any(ph.start - 4 <= k <= ph.end for k in additive_at)
        cat = ph.cat
        if cat == "other":
            cat = "person"
        if cat == "person" and (_all_civilians(tokens, ph.end, hi, lang) or ph.end in kin_at):
            cat = "civilian"  # "أربعة أشخاص، جميعهم من الأطفال والنساء", "من عائلة واحدة"
        elif cat == "person":
            cat = _ranks_of(tokens, ph.end, hi, lang) or cat
        if ph.low is None and not ph.vague:
            prev = Count(ph.start, ph.end, kind, None, None, False, cat, subset, additive, update)
            continue  # people named but not counted: no figure
        fighters = cat in COMBATANT_CATS
        count = Count(ph.start, ph.end, kind, ph.low, ph.high, ph.vague, cat, subset, additive,
                      update, ph.end if fighters else None,
                      _side(tokens, ph, hi, lang) if fighters else None)
        counts.append(count)
        prev = count
    counts += _same_as(tokens, lo, hi, lang, counts)
    counts += _perpetrators(tokens, lo, hi, lang, counts)
    counts += _name_lists(tokens, lo, hi, lang, counts)
    if counts and lang.superseded.find(tokens, lo, hi):
        counts = [replace(c, stale=True) for c in counts]
    return counts


def _name_lists(tokens: Sequence[Token], lo: int, hi: int, lang: LanguageData,
                counts: list[Count]) -> list[Count]:
    """"مقتل الطفل فلان، وكل من فلان الفلاني وفلان الفلاني": the names listed after "كل من"
    are more people of the same kind as the one counted before it, one per name joined by
    و (a name has two words at least)."""
    out = []
    for m in lang.name_list.find(tokens, lo, hi):
        before = [c for c in counts if c.end <= m.start and m.start - c.end <= 8
                  and c.low == 1 and c.high == 1 and not c.subset]
        if not before:
            continue
        names, words, j = 0, 0, m.end
        while j < hi and lang.casualty.match_at(tokens, j) is None:
            text = tokens[j].text
            if text == lang.conj or (text.startswith(lang.conj) and words >= 2):
                names, words = names + 1, 0 if text == lang.conj else 1
            else:
                words += 1
            j += 1
        names += 1 if words >= 2 else 0
        if names:
            last = before[-1]
            # after "the child X", the others named are civilians, not more children
            cat = "civilian" if last.cat in ("child", "woman") else last.cat
            out.append(Count(m.start, j, last.kind, names, names, False, cat, additive=True))
    return out


def _perpetrators(tokens: Sequence[Token], lo: int, hi: int, lang: LanguageData,
                  counts: list[Count]) -> list[Count]:
    """"مصرع 4 أشخاص على الأقل، بينهم منفذ الهجوم": the attacker among the dead, a part
    that comes off the victims' toll (cat 'perpetrator')."""
    out = []
    for m in lang.subset.find(tokens, lo, hi):
        who = lang.perpetrators.match_at(tokens, m.end) if m.end < hi else None
        before = [c for c in counts if c.kind == "killed" and not c.subset
                  and 0 <= m.start - c.end <= 3]
        if who is not None and who.payload is not None and before:
            n = who.payload
            out.append(Count(who.start, who.end, "killed", n, n, False, "perpetrator", True))
    return out


def _all_civilians(tokens: Sequence[Token], j: int, hi: int, lang: LanguageData) -> bool:
    """"جميعهم من الأطفال والنساء", "جميعهم من أسرة واحدة" right after a count: all of
    them were civilians."""
    m = lang.all_of_them.match_at(tokens, j) if j < hi else None
    if m is not None and m.end < hi and lang.kin.match_at(tokens, m.end) is not None:
        return True
    noun = _noun_at(tokens, m.end, lang) if m is not None and m.end < hi else None
    return noun is not None and noun.end <= hi and noun.payload["cat"] in CIVILIAN_CATS


def _split_pairs(tokens: Sequence[Token], keywords, phrases: list[_Phrase],
                 lang: LanguageData) -> dict[int, str]:
    """"مواطن قتل وأصيب 9 آخرون": a verb pair between two counts splits them, the one
    before is killed and the one after injured ("قتل وأصيب 9" alone is one combined count;
    so is "22 قتيلا وجريحا", where the pair is nouns)."""
    out: dict[int, str] = {}
    for m in keywords:
        if m.payload != "combined" or m.surface not in lang.combined_verbs:
            continue  # "مقتل وإصابة 9": a noun pair, one combined count
        before = next((p for p in phrases if m.start - 1 <= p.end <= m.start), None)
        after = next((p for p in phrases if m.end <= p.start <= m.end + 1), None)
        if before is not None and after is not None:
            out[before.start], out[after.start] = "killed", "injured"
    return out


def _side(tokens: Sequence[Token], ph: _Phrase, hi: int, lang: LanguageData) -> str | None:
    """Whose fighters a count counts: an adjective or the actor named right after it ("سبعة
    مقاتلين معارضين", "30 عنصرا من قوات النظام"), else the side its noun names ("جنود" are
    the state's, "مهاجمين" not)."""
    if ph.end < hi and tokens[ph.end].text in lang.side_adjectives:
        return lang.side_adjectives[tokens[ph.end].text]  # "سبعة مقاتلين معارضين"
    for j in range(ph.end, min(ph.end + 3, hi)):
        m = lang.actors.match_at(tokens, j)
        if m is not None:
            return m.payload
    for j in range(ph.start, ph.end):
        m = lang.persons.match_at(tokens, j)
        if m is not None and m.payload.get("side"):
            return m.payload["side"]
    return None


def _ranks_of(tokens: Sequence[Token], j: int, hi: int, lang: LanguageData) -> str | None:
    """"10 شهداء في صفوف المدنيين": the group named after a count says who they were."""
    m = lang.ranks_of.match_at(tokens, j) if j < hi else None
    if m is None or m.end >= hi:
        return None
    noun = lang.persons.match_at(tokens, m.end)
    if noun is not None and noun.payload["cat"] != "person":
        return noun.payload["cat"]
    return "combatant" if lang.actors.match_at(tokens, m.end) is not None else None


def _verb_after(ph: _Phrase, phrases: list[_Phrase], after_words, subset_ends: set[int],
                combined_at: dict[int, bool], kin_at: dict[int, int]):
    """The kind a verb after the count gives it ("21 مدنيا قتلوا"), reaching over the
    parts told in between ("21 مدنيا، بينهم 5 أطفال، قتلوا") and over a family named
    after them ("خمسة أطفال وامرأة من عائلة واحدة قتلوا")."""
    end = ph.end
    later = [p for p in phrases if p.start >= ph.end]
    for p in later:
        starts_part = any(p.start - 1 <= e <= p.start for e in subset_ends) and \
            p.start - end <= 2
        if starts_part or (p.conj and p.start - end <= 1):
            end = p.end
            continue
        break
    kin_end = kin_at.get(end)
    for m in after_words:
        if 0 <= m.start - ph.end <= 2 or (end != ph.end and 0 <= m.start - end <= 2) or (
                kin_end is not None and 0 <= m.start - kin_end <= 1):
            both = combined_at.get(m.end)
            return "combined" if both else m.payload  # "سقطوا بين قتيل وجريح"
    return None


def _names_between(tokens: Sequence[Token], lo: int, hi: int, lang: LanguageData) -> bool:
    """"الطفلة أزهار عدنان قطليش، والطفل محمد …": only a person's name (up to four words,
    none a number, a casualty word, a preposition or a place's cue) between two listed
    victims."""
    return 0 < hi - lo <= 4 and all(
        not tokens[k].is_digit and tokens[k].text not in lang.landmark_stop
        and lang.casualty.match_at(tokens, k) is None
        and lang.settlement_cues.match_at(tokens, k) is None for k in range(lo, hi))


def _pronoun_toll(tokens: Sequence[Token], ph: _Phrase, phrases: list[_Phrase], hi: int,
                  lang: LanguageData) -> str | None:
    """"عائلة من أربعة أشخاص، جميعهم من الأطفال والنساء، ما أدى إلى مقتلهم": a casualty
    noun whose pronoun stands for the people just counted, with no other count between."""
    nxt = min((p.start for p in phrases if p.start >= ph.end and p.low is not None), default=hi)
    for j in range(ph.end, min(hi, nxt, ph.end + _KEYWORD_REACH)):
        kind = lang.pronoun_tolls.get(tokens[j].text)
        if kind is not None:
            return kind
    return None


def _same_as(tokens: Sequence[Token], lo: int, hi: int, lang: LanguageData,
             counts: list[Count]) -> list[Count]:
    """"11 قتيلا ومثلهم جرحى": the same number again, of another kind."""
    out = []
    for m in lang.same_as.find(tokens, lo, hi):
        before = [c for c in counts if c.end <= m.start and m.start - c.end <= 2]
        kind_m = lang.persons.match_at(tokens, m.end) if m.end < hi else None
        kw = lang.casualty.match_at(tokens, m.end) if m.end < hi else None
        kind = (kind_m.payload.get("kind") if kind_m else None) or (kw.payload if kw else None)
        if before and kind and kind != before[-1].kind:
            end = kind_m.end if kind_m else kw.end
            out.append(replace(before[-1], start=m.start, end=end, kind=kind, subset=False))
    return out
