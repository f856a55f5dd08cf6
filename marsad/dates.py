"""Date mentions: calendar dates, relative days, weekdays, 'the same day', and periods.

Finding and resolving are separate: a mention records what the text says; resolution
needs the publication date (for 'yesterday', 'on Thursday') and returns ACLED's time
precision (1 day, 2 week, 3 month or longer). With no anchor, a relative date is unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.lang import LanguageData
from marsad.tokens import Token

_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b"
                      r"|\b(\d{4})[/\-](\d{1,2})[/\-](\d{1,2})\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # token span
    end: int
    kind: str  # day | month | relative | weekday | same_day | period | published
    day: int | None = None
    month: int | None = None
    year: int | None = None
    offset: int | None = None  # relative days
    weekday: int | None = None
    past: bool = False
    month_ref: str | None = None  # "the 9th of the same/current/previous month"
    first: DateMention | None = None  # periods
    last: DateMention | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    start: dt.date
    end: dt.date
    precision: int


def _year_at(tokens: Sequence[Token], i: int, lang: LanguageData) -> tuple[int, int] | None:
    if i < len(tokens) and tokens[i].text in lang.year_words:
        i += 1
    if i < len(tokens) and tokens[i].is_digit and len(tokens[i].text) == 4:
        y = int(tokens[i].text)
        if 1900 <= y <= 2100:
            return y, i + 1
    return None


def _day_at(tokens: Sequence[Token], i: int, lang: LanguageData) -> tuple[int, int] | None:
    t = tokens[i]
    if t.is_digit:
        v = int(t.text) if t.text.isdigit() else 0
        return (v, i + 1) if 1 <= v <= 31 else None
    if t.text in lang.ordinal_tens:
        return lang.ordinal_tens[t.text], i + 1
    if t.text in lang.ordinal_units:
        v = lang.ordinal_units[t.text]
        j = i + 1
        if j < len(tokens) and tokens[j].text in lang.ordinal_teen and v < 10:
            return v + 10, j + 1
        nxt = tokens[j].text if j < len(tokens) else ""
        if nxt.startswith(lang.conj) and nxt[1:] in lang.ordinal_tens:  # الحادي والعشرين
            return v + lang.ordinal_tens[nxt[1:]], j + 1
        return v, j
    return None


def _month_at(tokens: Sequence[Token], i: int, lang: LanguageData) -> tuple[int, int] | None:
    if i < len(tokens) and tokens[i].text == lang.partitive:
        i += 1
    if i >= len(tokens):
        return None
    m = lang.months.match_at(tokens, i)
    if m is None:
        return None
    end = m.end
    # "تموز/يوليو": a second name for the same month
    if end < len(tokens):
        m2 = lang.months.match_at(tokens, end)
        if m2 is not None and m2.payload == m.payload:
            end = m2.end
    return m.payload, end


def _day_range(tokens: Sequence[Token], i: int, day: tuple[int, int],
               lang: LanguageData) -> DateMention | None:
    """'بين السابع والثالث عشر من آذار 2021': two days sharing one month."""
    j = day[1]
    if j >= len(tokens):
        return None
    word = tokens[j].text
    second = None
    if word in lang.day_range_joiners and j + 1 < len(tokens):
        second = _day_at(tokens, j + 1, lang)
    elif word.startswith(lang.conj) and len(word) > 1:
        second = _day_at([Token(word[1:], 0, 0)] + list(tokens[j + 1:j + 3]), 0, lang)
        if second is not None:
            second = (second[0], second[1] + j)
    if second is None:
        return None
    month = _month_at(tokens, second[1], lang)
    if month is None:
        return None
    year = _year_at(tokens, month[1], lang)
    y = year[0] if year else None
    end = year[1] if year else month[1]
    first = DateMention(i, day[1], "day", day[0], month[0], y)
    last = DateMention(second[1], end, "day", second[0], month[0], y)
    return DateMention(i, end, "period", first=first, last=last)


def _calendar(tokens: Sequence[Token], i: int, lang: LanguageData) -> DateMention | None:
    day = _day_at(tokens, i, lang)
    if day is not None:
        ranged = _day_range(tokens, i, day, lang)
        if ranged is not None:
            return ranged
        ref = lang.month_refs.match_at(tokens, day[1]) if day[1] < len(tokens) else None
        if ref is not None:
            return DateMention(i, ref.end, "day", day[0], None, None, month_ref=ref.payload)
        month = _month_at(tokens, day[1], lang)
        if month is not None:
            year = _year_at(tokens, month[1], lang)
            end = year[1] if year else month[1]
            return DateMention(i, end, "day", day[0], month[0], year[0] if year else None)
    month = _month_at(tokens, i, lang) if tokens[i].text != lang.partitive else None
    if month is not None:
        year = _year_at(tokens, month[1], lang)
        if year is not None:
            return DateMention(i, year[1], "month", None, month[0], year[0])
    if tokens[i].text in lang.year_words:  # "عام 2017": the year alone
        year = _year_at(tokens, i, lang)
        if year is not None:
            return DateMention(i, year[1], "year", None, None, year[0])
    return None


def _relative(tokens: Sequence[Token], i: int, lang: LanguageData) -> DateMention | None:
    m = lang.relative_days.match_at(tokens, i)
    if m is None:
        return None
    if m.end < len(tokens) and tokens[m.end].text in lang.not_a_date_after:
        return None
    for back in (1, 2):
        if i - back >= 0 and lang.not_a_date_before.match_at(tokens, i - back) is not None \
                and lang.not_a_date_before.match_at(tokens, i - back).end == i:
            return None
    end = m.end
    wd = lang.weekdays.match_at(tokens, end) if end < len(tokens) else None
    if wd is not None:
        end = wd.end
    return DateMention(i, end, "relative", offset=m.payload,
                       weekday=wd.payload if wd is not None else None)


def _set_off_as_day(tokens: Sequence[Token], i: int, end: int, text: str,
                    lang: LanguageData) -> bool:
    """"قتل 5 أشخاص، الاثنين، بغارات": an ambiguous weekday between commas, or followed by
    a word that can only follow a day ("الاثنين جراء قصف"), is the day."""
    if i > 0 and tokens[i - 1].text in lang.the_two_before:
        return False
    before = text[tokens[i - 1].end:tokens[i].start] if i > 0 else ""
    after = text[tokens[end - 1].end:tokens[end].start] if end < len(tokens) else ""
    if any(ch in before for ch in "،,") or any(ch in after for ch in "،,"):
        return i > 0  # not a list opening with "the two"
    return end < len(tokens) and tokens[end].text in lang.weekday_cue_after


def _weekday(tokens: Sequence[Token], i: int, lang: LanguageData,
             text: str = "") -> DateMention | None:
    m = lang.weekdays.match_at(tokens, i)
    if m is None:
        return None
    start = i
    if i > 0:
        part = lang.day_parts.match_at(tokens, i - 1)
        if part is not None and part.end == i:
            start = i - 1
        elif i > 1:
            part = lang.day_parts.match_at(tokens, i - 2)
            if part is not None and part.end == i:
                start = i - 2
    end = m.end
    past = end < len(tokens) and tokens[end].text in lang.past_markers
    if past:
        end += 1
    if tokens[i].text in lang.weekday_needs_cue and start == i and not past and \
            not _set_off_as_day(tokens, i, end, text, lang):
        return None
    return DateMention(start, end, "weekday", weekday=m.payload, past=past)


def _may_start_date(word: str, lang: LanguageData) -> bool:
    return (lang.same_day.starts(word) or lang.relative_days.starts(word)
            or lang.weekdays.starts(word) or lang.day_parts.starts(word)
            or lang.months.starts(word) or word in lang.ordinal_units
            or word in lang.ordinal_tens or word in lang.year_words)


def find_dates(tokens: Sequence[Token], text: str, lang: LanguageData) -> list[DateMention]:
    """All date mentions in order; two dates joined as 'from X until Y' become one period."""
    found: list[DateMention] = []
    by_char = {t.start: k for k, t in enumerate(tokens)}
    numeric: dict[int, DateMention] = {}
    for m in _NUMERIC.finditer(text):
        if m.group(1):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            y, mo, d = int(m.group(4)), int(m.group(5)), int(m.group(6))
        k = by_char.get(m.start())
        if k is None or not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        k_end = k
        while k_end < len(tokens) and tokens[k_end].end <= m.end():
            k_end += 1
        numeric[k] = DateMention(k, k_end, "day", d, mo, y)
    i = 0
    while i < len(tokens):
        if i not in numeric and not tokens[i].is_digit and \
                not lang.gate("date", tokens[i].text, lambda w: _may_start_date(w, lang)):
            i += 1
            continue
        mention = numeric.get(i)
        if mention is None:
            same = lang.same_day.match_at(tokens, i)
            if same is not None:
                mention = DateMention(i, same.end, "same_day")
        if mention is None:
            mention = _calendar(tokens, i, lang) or _relative(tokens, i, lang) \
                or _weekday(tokens, i, lang, text)
        if mention is not None:
            found.append(mention)
            i = mention.end
        else:
            i += 1
    return [_publication(m, tokens, lang) for m in _join_periods(found, tokens, lang)]


def _publication(m: DateMention, tokens: Sequence[Token], lang: LanguageData) -> DateMention:
    """"تاريخ النشر: 2021/02/04": the page's date, kept apart from the events' dates."""
    if m.kind != "day":
        return m
    for j in range(max(0, m.start - 4), m.start):
        cue = lang.publication_cues.match_at(tokens, j)
        if cue is not None and cue.end <= m.start:
            return replace(m, kind="published")
    return m


def _join_periods(found: list[DateMention], tokens: Sequence[Token],
                  lang: LanguageData) -> list[DateMention]:
    out: list[DateMention] = []
    k = 0
    while k < len(found):
        a = found[k]
        if a.kind in ("day", "month") and k + 1 < len(found):
            b = found[k + 1]
            gap = range(a.end, b.start)
            joiner = any(lang.period_end.match_at(tokens, g) is not None for g in gap)
            if b.kind in ("day", "month") and len(gap) <= 2 and joiner:
                start = a.start
                for back in (3, 2, 1):
                    if a.start - back >= 0:
                        m = lang.period_start.match_at(tokens, a.start - back)
                        if m is not None and m.end == a.start:
                            start = a.start - back
                            break
                out.append(DateMention(start, b.end, "period", first=a, last=b))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _last_day(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def resolve(m: DateMention, published: dt.date | None, year_hint: int | None,
            context: dt.date | None = None) -> Resolved | None:
    """Turn a mention into dates. ``year_hint``: a year written elsewhere in the report;
    ``context``: the last date the report gave, for "the 9th of the same month"."""
    try:
        if m.month_ref is not None:
            anchor = context if m.month_ref == "same" else published
            if anchor is None or m.day is None:
                return None
            if m.month_ref == "previous":
                anchor = anchor.replace(day=1) - dt.timedelta(days=1)
            d = dt.date(anchor.year, anchor.month, m.day)
            return Resolved(d, d, 1)
        if m.kind == "period" and m.first and m.last:
            a = resolve(m.first, published, year_hint)
            b = resolve(m.last, published, (a.start.year if a else year_hint))
            if a is None or b is None or b.end < a.start:
                return None
            span = (b.end - a.start).days
            return Resolved(a.start, b.end, 2 if span <= 7 else 3)
        if m.kind in ("day", "month", "year"):
            year = m.year
            if year is None:
                if published is not None:
                    year = published.year
                    if dt.date(year, m.month, m.day or 1) > published + dt.timedelta(days=2):
                        year -= 1
                else:
                    year = year_hint
            if year is None:
                return None
            if m.kind == "month":
                return Resolved(dt.date(year, m.month, 1), _last_day(year, m.month), 3)
            if m.kind == "year":
                return Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), 3)
            d = dt.date(year, m.month, m.day)
            return Resolved(d, d, 1)
        if published is None:
            return None
        if m.kind == "relative":
            d = published + dt.timedelta(days=m.offset or 0)
            if m.weekday is not None and d.weekday() != m.weekday:
                # "اليوم الثلاثاء" in a report dated Wednesday: written the day before it
                # was published; the weekday the text names wins
                d -= dt.timedelta(days=(d.weekday() - m.weekday) % 7)
            return Resolved(d, d, 1)
        if m.kind == "weekday":
            back = (published.weekday() - (m.weekday or 0)) % 7
            if back == 0 and m.past:
                back = 7
            d = published - dt.timedelta(days=back)
            return Resolved(d, d, 1)
    except ValueError:  # 31 February and the like: not a date
        return None
    return None
