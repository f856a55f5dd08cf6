"""Casualty arithmetic: from the counts an event's clauses state to its figures.

Within one statement, parts add up (4 fighters + 2 security men + 4 civilians = 10) and
"among them" counts are parts, not additions. Across statements of the same event
(the lead and the body, two sources), the figures form a range: min is the lowest
reliable figure, max the highest. A later "the toll rose to" replaces what came before.
A precise figure beats a vague one; a vague one alone is coded and flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.casualties import CIVILIAN_CATS, COMBATANT_CATS, Count

FIELDS = ("killed", "civilians", "children", "women", "combatants", "injured", "combined")


@dataclass
class Figure:
    low: int | None = None
    high: int | None = None
    vague: bool = False
    counts: list[Count] = field(default_factory=list)


def _sum(counts: list[Count]) -> tuple[int | None, int | None, bool, list[Count]]:
    precise = [c for c in counts if not c.vague and c.low is not None]
    if precise:
        low = sum(c.low for c in precise)
        high = None if any(c.high is None for c in precise) else sum(c.high for c in precise)
        return low, high, False, precise
    vague = [c for c in counts if c.vague and c.low is not None]
    if vague:
        return sum(c.low for c in vague), None, True, vague
    return None, None, False, []


def _statement_variants(counts: list[Count]) -> list[list[Count]]:
    """Split one statement where it repeats a figure for the same group without saying
    'in addition' (two sources in one sentence): each repetition is an alternative."""
    base: list[Count] = []
    alternatives: list[Count] = []
    for c in counts:
        # "قتل طفل … وسقط شهيدا التلميذ X": as many people told of again, not said to be
        # others, may be the ones already counted (the lowest reliable figure adds nothing)
        same = [b for b in base if b.kind == c.kind and b.subset == c.subset
                and (b.cat == c.cat or (c.cat == "person" and not c.additive
                                        and (b.low, b.high) == (c.low, c.high)))]
        if same and not c.additive and (c.cat != "person" or not c.subset):
            alternatives.append(c)
        else:
            base.append(c)
    variants = [base]
    for alt in alternatives:
        variant = [alt if (b.kind == alt.kind and b.subset == alt.subset
                           and (b.cat == alt.cat or (alt.cat == "person"
                                                     and (b.low, b.high) == (alt.low, alt.high))))
                   else b for b in base]
        variants.append(variant)
    return variants


def statement_figures(counts: list[Count]) -> dict[str, tuple]:
    killed = [c for c in counts if c.kind == "killed"]
    whole = [c for c in killed if not c.subset]
    out: dict[str, tuple] = {}
    out["killed"] = _sum(whole)
    attackers = sum(c.low for c in killed if c.subset and c.cat == "perpetrator")
    if attackers and out["killed"][0] is not None and not out["killed"][2]:
        # "4 dead, among them the bomber": 3 victims
        low, high, vague, used = out["killed"]
        out["killed"] = (max(low - attackers, 0),
                         None if high is None else max(high - attackers, 0), vague, used)

    def group(cats: tuple[str, ...], part_cats: tuple[str, ...] | None = None) -> tuple:
        direct = [c for c in whole if c.cat in cats]
        parts = [c for c in killed if c.subset and c.cat in (part_cats or cats)]
        return _sum(direct) if direct else _sum(parts)

    # "9 people, among them 3 children" says nothing of the others: civilians stay unknown
    # unless the text calls them civilians ("10 people, among them 4 civilians" -> 4).
    out["civilians"] = group(CIVILIAN_CATS, ("civilian",))
    out["children"] = group(("child",))
    out["women"] = group(("woman",))
    out["combatants"] = group(COMBATANT_CATS)
    out["injured"] = _sum([c for c in counts if c.kind == "injured" and not c.subset])
    out["combined"] = _sum([c for c in counts if c.kind == "combined" and not c.subset])
    return out


def event_figures(statements: list[list[Count]]) -> dict[str, Figure]:
    per_statement: list[tuple[dict[str, tuple], bool]] = []
    # an earlier toll the report says it replaced ("حصيلة سابقة") counts only when it is
    # the only telling
    fresh = [st for st in statements if not all(c.stale for c in st)]
    statements = fresh or statements
    for counts in statements:
        # "7 killed ... before the toll rose to 9": the rise starts a statement of its own
        first_update = next((k for k, c in enumerate(counts) if c.update), len(counts))
        for part, update in ((counts[:first_update], False), (counts[first_update:], True)):
            if part:
                for variant in _statement_variants(part):
                    per_statement.append((statement_figures(variant), update))
    figures: dict[str, Figure] = {}
    for name in FIELDS:
        values = [(s[name], upd) for s, upd in per_statement if s[name][0] is not None]
        updates = [v for v, upd in values if upd and not v[2]]
        # "the toll rose to": the newest figure for this field replaces the earlier ones
        values = [updates[-1]] if updates else [v for v, _ in values]
        precise = [v for v in values if not v[2]]
        if name == "civilians":
            # "a man and a woman killed": one civilian known among two dead is a part; beside
            # "two civilians killed" it is not a lower count of civilians
            full = [v for v, k in _with_killed(per_statement, name)
                    if k is None or v[0] >= k]
            precise = [v for v in precise if v in full] or precise
        whole = [v for v in precise if not all(c.subset for c in v[3])]
        if whole and name in ("civilians", "children", "women", "combatants"):
            # "8 dead, among them two children and a woman" says at least 3 civilians; beside
            # a statement of 8 civilians it is a part of those, not a lower count of them
            precise = whole
        fig = Figure()
        if name in ("killed", "combatants") and _both_sides(precise):
            # "9 soldiers killed" … "about 20 attackers killed": each side's dead, told in
            # their own statements, add up; they are not two sources for one figure
            sides: dict[str, list[tuple]] = {}
            for v in precise:
                sides.setdefault(v[3][0].side, []).append(v)
            fig.low = sum(min(v[0] for v in vs) for vs in sides.values())
            fig.high = None if any(v[1] is None for v in precise) else sum(
                max(v[1] for v in vs) for vs in sides.values())
            fig.counts = [c for v in precise for c in v[3]]
        elif precise:
            fig.low = min(v[0] for v in precise)
            highs = [v[1] for v in precise]
            fig.high = None if any(h is None for h in highs) else max(highs)
            fig.counts = [c for v in precise for c in v[3]]
        elif values:
            fig.low = min(v[0] for v in values)
            fig.vague = True
            fig.counts = [c for v in values for c in v[3]]
        figures[name] = fig
    return figures


def _both_sides(values: list[tuple]) -> bool:
    """Every statement counts the dead of one armed side only, and two sides are counted."""
    sides = set()
    for v in values:
        own = {c.side for c in v[3]}
        if len(own) != 1 or None in own or any(c.cat not in COMBATANT_CATS for c in v[3]):
            return False
        sides |= own
    return len(sides) >= 2


def _with_killed(per_statement: list, name: str) -> list[tuple[tuple, int | None]]:
    """Each statement's figure for ``name`` beside its killed total."""
    return [(s[name], s["killed"][0]) for s, _ in per_statement if s[name][0] is not None]
