"""Is a candidate a violent event that happened, here and then? The last reading step.

A report's words about violence are mostly not events: a weapon on parade, a campaign
discussed in general, a massacre remembered, a case in court. An event is kept only when
it is anchored: it has a place below the country (or a country and figures of its own),
and its date is not long before the report's own time. In a report whose headline or lead
is a commemoration or a court story, only news of the day (figures and a day near the
report's time) is an event. Each rule is a small function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from marsad.assemble import Candidate

# an event dated this long before the report's time is a recalled one (an anniversary,
# the case a court is hearing), not news
RECALL_DAYS = 400
# in a commemoration or a court story, an event told as news is within this many days
NEWS_DAYS = 7


def anchored(c: Candidate) -> bool:
    """A place an analyst can code: a settlement, district or governorate; a country
    only when the event has figures of its own (a national toll is still a fact)."""
    loc = c.location
    if loc is None:
        return c.unplaced_name is not None  # a named village with no coordinates yet
    if loc.place.kind == "country" and not loc.name:
        return any(c.statements) and (c.trigger is not None or c.aggregate)
    return True


def report_time(candidates: Sequence[Candidate], published: dt.date | None) -> dt.date | None:
    """The report's own time: its publication date, else the latest day it names."""
    if published is not None:
        return published
    days = [c.date.end for c in candidates if c.date is not None]
    return max(days) if days else None


def recalled(c: Candidate, now: dt.date | None) -> bool:
    return c.date is not None and now is not None and (now - c.date.end).days > RECALL_DAYS


def framed_report(clauses, tokens, lang) -> bool:
    """A commemoration or a court story: its headline or lead says so (ذكرى، المحكمة …)."""
    lead = [cl for cl in clauses if not cl.dateline][:2]
    return any(lang.report_frames.find(tokens, cl.lo, cl.hi) for cl in lead)


def news_of_the_day(c: Candidate, now: dt.date | None) -> bool:
    """Figures of its own and a day within a week of the report's time."""
    return any(c.statements) and c.date is not None and now is not None and \
        abs((now - c.date.end).days) <= NEWS_DAYS


def keep_events(candidates: list[Candidate], published: dt.date | None,
                framed: bool = False) -> list[Candidate]:
    """``framed``: the report is a commemoration or a court story (framed_report)."""
    now = report_time(candidates, published)
    kept = [c for c in candidates if anchored(c) and not recalled(c, now)]
    if framed:
        kept = [c for c in kept if news_of_the_day(c, now)]
    return kept
