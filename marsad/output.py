"""Rendering events: JSON Lines for machines, a compact table for people."""

from __future__ import annotations

import json
from collections.abc import Iterable

from marsad.records import Event


def to_jsonl(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False)


def format_range(lo: object, hi: object, vague: bool = False, dash: str = "-") -> str:
    """A figure for people: "?" unknown, "14", "10-11", "21+" (no upper bound), "~12" vague."""
    if lo is None:
        return "?"
    if vague and hi in (None, lo):
        return f"~{lo}"  # a coded vague word has no bound of its own to show
    text = str(lo) if hi == lo else f"{lo}+" if hi is None else f"{lo}{dash}{hi}"
    return f"~{text}" if vague else text


def table(events: Iterable[Event]) -> str:
    header = ("report", "#", "type", "date", "place", "prec", "killed", "civ", "child",
              "injured", "actor1", "agg")
    rows = [header]
    for e in events:
        date = e.date_start or "?"
        if e.date_end and e.date_end != e.date_start:
            date = f"{e.date_start}..{e.date_end}"
        place = e.location_name or "?"
        if e.landmark:
            place = f"{place} / {e.landmark}"
        rows.append((e.report_id, str(e.event_index), e.sub_event_type, date, place,
                     str(e.geo_precision or "?"),
                     format_range(e.killed_min, e.killed_max, e.killed_vague),
                     format_range(e.civilians_killed_min, e.civilians_killed_max),
                     format_range(e.children_killed_min, e.children_killed_min),
                     format_range(e.injured_min, e.injured_max, e.injured_vague),
                     e.actor1 or "?", "yes" if e.aggregate else ""))
    widths = [max(len(r[k]) for r in rows) for k in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[k]) for k, cell in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
