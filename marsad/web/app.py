"""Reviewers verify incidents against their sources: a list with filters, a map and a
timeline; an incident page with the report texts and every extracted value highlighted;
review actions with an audit log; exports; and a JSON API described by OpenAPI.

Server-rendered (Jinja2, autoescaped: report text is always shown as text), every asset
served from the package (works offline). Reviewers log in; sessions are signed cookies
that expire; every form carries a per-session CSRF token.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import logging
import re
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape
from pydantic import BeforeValidator, TypeAdapter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from marsad import __version__, review
from marsad.export import to_acled_csv, to_geojson
from marsad.gazetteer import data_rows
from marsad.lang import load
from marsad.output import format_range
from marsad.read import safe_url
from marsad.store import Store

log = logging.getLogger("marsad.web")

PAGE = 50
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; "
       "base-uri 'self'; form-action 'self'")
MAP_LIMIT = 5000  # newest incidents drawn on the map; the export has them all
_WEB = resources.files("marsad.web")
I18N = {k: v for k, v in json.loads(_WEB.joinpath("i18n.json").read_text("utf-8")).items()
        if not k.startswith("_")}
STATUSES = ("unreviewed", "confirmed", "corrected")


def _iso_only(value: Any) -> Any:
    """Dates in the API are written YYYY-MM-DD; no timestamps, no other spellings."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("write the date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date | None, BeforeValidator(_iso_only)]


def _form_date(value: str | None) -> str | None:
    """A date field of the HTML filter form: empty means no bound."""
    if not value:
        return None
    try:
        return IsoDateAdapter.validate_python(value).isoformat()
    except ValueError:
        raise HTTPException(422, "dates are written YYYY-MM-DD") from None


IsoDateAdapter = TypeAdapter(IsoDate)


@dataclass(frozen=True)
class Settings:
    secret_key: str = ""  # empty: a random key per start (sessions end with the process)
    public_read: bool = False  # let anyone read; only reviewers change things
    session_hours: int = 8
    tile_url: str | None = None  # e.g. a local tile server; none: the bundled outlines only


LOGIN_FAILURES = 5  # wrong passwords per user or per address …
LOGIN_WINDOW_S = 300  # … within this many seconds, then logins wait


class Throttle:
    """Failed logins per key (a user, an address) in a sliding window."""

    def __init__(self, limit: int, window_s: float):
        self.limit, self.window = limit, window_s
        self.failures: dict[str, list[float]] = {}

    def _recent(self, key: str, now: float) -> list[float]:
        times = [t for t in self.failures.get(key, []) if now - t < self.window]
        self.failures[key] = times
        return times

    def wait(self, keys: tuple[str, ...]) -> int:
        """Seconds before these keys may try again (0: now)."""
        now = time.time()
        waits = [int(self.window - (now - times[0])) + 1 for k in keys
                 if len(times := self._recent(k, now)) >= self.limit]
        return max(waits, default=0)

    def fail(self, keys: tuple[str, ...]) -> None:
        for k in keys:
            self.failures.setdefault(k, []).append(time.time())

    def clear(self, keys: tuple[str, ...]) -> None:
        for k in keys[:1]:  # the user's count; the address keeps its own
            self.failures.pop(k, None)


def _local(url: str | None) -> str:
    """Where to go after logging in: a path on this site only (no //host, no scheme)."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return "/"
    return url


def _rng(lo: Any, hi: Any, vague: bool = False, t: dict[str, str] | None = None) -> Markup:
    """A figure isolated from the text around it (so "5–7" never reads "7–5" in Arabic),
    with what "16+" and "~12" mean on hover, in the interface's language ``t``."""
    text = format_range(lo, hi, bool(vague), dash="–")
    hint = "vague" if vague else "open" if lo is not None and hi is None else None
    if hint is None:
        return Markup('<bdi dir="ltr">%s</bdi>') % text
    title = (t or {}).get(f"hint_{hint}", hint)
    return Markup('<bdi dir="ltr" class="fig-%s" title="%s">%s</bdi>') % (hint, title, text)


@pass_context
def _translate_value(ctx, value: Any) -> Any:
    """A stored value (an event type, a grade, a status, an audit action) in the interface
    language; one the file does not know is shown as it is."""
    return ctx["t"]["values"].get(value, value) if isinstance(value, str) else value


# one colour per family of fields in the evidence view (see the legend on the page)
FAMILIES = {"killed_min": "deaths", "killed_max": "deaths", "civilians_killed_min": "deaths",
            "children_killed_min": "deaths", "women_killed_min": "deaths",
            "combatants_killed_min": "deaths", "named_killed": "deaths",
            "killed_or_injured_min": "injured", "injured_min": "injured",
            "injured_max": "injured", "date": "date", "location": "place",
            "landmark": "place", "actor1": "actor", "actor2": "actor", "sources": "source",
            "event_type": "type"}
FAMILY_ORDER = ("deaths", "injured", "date", "place", "actor", "source", "type")
# characters that change how text looks without being seen: bidi overrides and isolates,
# zero-width marks, other controls (a reviewer must see them, or "12" can show as "21")
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
                        "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _visible(text: str) -> str:
    """Escaped text in which each invisible control character is shown as its code."""
    out, last = [], 0
    for m in _INVISIBLE.finditer(text):
        out.append(str(escape(text[last:m.start()])))
        code = f"U+{ord(m.group()):04X}"
        out.append(f'<span class="ctl" title="{code}">⟨{code}⟩</span>')
        last = m.end()
    out.append(str(escape(text[last:])))
    return "".join(out)


def highlight(text: str, spans: list[dict], anchor: str,
              t: dict[str, str] | None = None) -> tuple[Markup, dict[str, list[str]]]:
    """The report text, escaped, with each evidence span in a <mark> coloured by its field's
    family and named, on hover, in the interface language ``t``; overlapping spans share
    one mark. Returns the HTML and, per field, the anchors of its marks."""
    t = t or {}
    cuts = sorted({0, len(text)} | {s["start"] for s in spans} | {s["end"] for s in spans})
    out: list[str] = []
    anchors: dict[str, list[str]] = {}
    for k, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
        piece = _visible(text[a:b])
        fields = sorted({s["field"] for s in spans if s["start"] <= a and b <= s["end"]})
        if fields and b > a:
            mid = f"{anchor}-{k}"
            for f in fields:
                anchors.setdefault(f, []).append(mid)
            families = {FAMILIES.get(f, "type") for f in fields}
            family = next(x for x in FAMILY_ORDER if x in families)
            names = ", ".join(t.get(f"field_{f}", f) for f in fields)
            out.append(f'<mark id="{mid}" class="f-{family}" '
                       f'data-fields="{escape(" ".join(fields))}" '
                       f'title="{escape(names)}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("".join(out)), anchors


def _next_month(d: dt.date) -> dt.date:
    """The first day of the month after d's."""
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _bins(first: dt.date, last: dt.date) -> tuple[str, list[tuple[dt.date, dt.date]]]:
    """Every period from the first day to the last, empty ones included: days for up to two
    months, weeks for up to two years, months beyond."""
    span = (last - first).days
    out = []
    if span <= 62:
        unit, d = "day", first
        while d <= last:
            out.append((d, d))
            d += dt.timedelta(days=1)
    elif span <= 730:
        unit, d = "week", first - dt.timedelta(days=first.weekday())
        while d <= last:
            out.append((d, d + dt.timedelta(days=6)))
            d += dt.timedelta(days=7)
    else:
        unit, d = "month", first.replace(day=1)
        while d <= last:
            nxt = _next_month(d)
            out.append((d, nxt - dt.timedelta(days=1)))
            d = nxt
    return unit, out


def _timeline(rows: list[dict], t: dict[str, str], query: str) -> Markup:
    """Incidents and civilian deaths over a continuous time axis (empty periods shown), as an
    inline SVG: one row each, a few readable date labels, a legend. Each period is a link
    that sets the date filter to it."""
    days = [(dt.date.fromisoformat(r["date_start"]), r) for r in rows if r.get("date_start")]
    if not days:
        return Markup('<p class="muted" id="timeline">—</p>')
    unit, bins = _bins(min(d for d, _ in days), max(d for d, _ in days))
    counts = [[0, 0] for _ in bins]
    starts = [b[0] for b in bins]
    for d, r in days:
        k = bisect.bisect_right(starts, d) - 1
        counts[k][0] += r.get("incidents", 1)
        counts[k][1] += r.get("civilians_killed_min") or 0
    width, row_h, left = 900, 50, 0
    bw = width / len(bins)
    top_n = max(c[0] for c in counts) or 1
    top_c = max(c[1] for c in counts) or 1
    keep = f"&{query}" if query else ""
    parts = []
    for (a, b), (n, c) in zip(bins, counts, strict=True):
        x = left + (a - bins[0][0]).days / ((bins[-1][1] - bins[0][0]).days + 1) * width
        hn, hc = row_h * n / top_n, row_h * c / top_c
        label = f"{a.isoformat()} – {b.isoformat()}: {n} {t['count']}, {c} {t['civilians_killed']}"
        href = escape(f"/?date_from={a.isoformat()}&date_to={b.isoformat()}{keep}")
        parts.append(
            f'<a href="{href}" class="bin" aria-label="{escape(label)}"><title>{escape(label)}'
            f'</title><rect x="{x:.1f}" y="0" width="{max(bw, 1):.1f}" height="{2 * row_h + 6}"'
            f' fill="transparent"/>'
            f'<rect x="{x:.1f}" y="{row_h - hn:.1f}" width="{max(bw - 1, 0.8):.1f}" '
            f'height="{hn:.1f}" fill="#486581"/>'
            f'<rect x="{x:.1f}" y="{2 * row_h + 6 - hc:.1f}" width="{max(bw - 1, 0.8):.1f}" '
            f'height="{hc:.1f}" fill="#c0392b"/></a>')
    ticks = []
    step = max(1, len(bins) // 6)
    for k in range(0, len(bins), step):
        x = k * bw
        text = bins[k][0].isoformat()[:7] if unit == "month" else bins[k][0].isoformat()
        ticks.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{2 * row_h + 6}" '
                     f'y2="{2 * row_h + 10}" stroke="#777"/>'
                     f'<text x="{x:.1f}" y="{2 * row_h + 20}" font-size="10">{text}</text>')
    legend = (f'<p class="muted legend" id="timeline-legend"><span class="sw" '
              f'style="background:#486581"></span> {t["count"]} · <span class="sw" '
              f'style="background:#c0392b"></span> {t["civilians_killed"]} · '
              f'{t["per_" + unit]}</p>')
    return Markup(f'<svg id="timeline" data-unit="{unit}" viewBox="-2 0 {width + 60} '
                  f'{2 * row_h + 26}" width="100%" role="group" '
                  f'aria-label="{escape(t["timeline"])}" direction="ltr">'
                  f'<line x1="0" x2="{width}" y1="{row_h + 3}" y2="{row_h + 3}" stroke="#ddd"/>'
                  f'<line x1="0" x2="{width}" y1="{2 * row_h + 6}" y2="{2 * row_h + 6}" '
                  f'stroke="#777"/>{"".join(parts)}{"".join(ticks)}</svg>{legend}')


def _small_multiples(rows: list[dict], t: dict[str, str]) -> Markup:
    """Civilian deaths per month, one small chart per country on one shared month axis
    (empty months shown), so countries can be compared at a glance."""
    if not rows:
        return Markup("")
    months = sorted({r["month"] for r in rows})
    first, last = dt.date.fromisoformat(months[0] + "-01"), dt.date.fromisoformat(
        months[-1] + "-01")
    axis, d = [], first
    while d <= last:
        axis.append(d.isoformat()[:7])
        d = _next_month(d)
    by: dict[str, dict[str, int]] = {}
    for r in rows:
        by.setdefault(r["country_code"], {})[r["month"]] = int(r["civilians_killed_min"] or 0)
    top = max((v for c in by.values() for v in c.values()), default=0) or 1
    w, h = 240, 40
    bw = w / len(axis)
    charts = []
    for cc in sorted(by, key=lambda c: -sum(by[c].values())):
        bars = "".join(
            f'<rect x="{k * bw:.1f}" y="{h - h * by[cc].get(m, 0) / top:.1f}" '
            f'width="{max(bw - 0.5, 0.5):.1f}" height="{h * by[cc].get(m, 0) / top:.1f}" '
            f'fill="#c0392b"><title>{m}: {by[cc].get(m, 0)}</title></rect>'
            for k, m in enumerate(axis))
        total = sum(by[cc].values())
        charts.append(f'<figure class="multiple"><figcaption><bdi dir="ltr">{escape(cc)}'
                      f'</bdi> · <bdi dir="ltr">{total}</bdi></figcaption>'
                      f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
                      f'aria-label="{escape(cc)}: {total} {escape(t["civilians_killed"])}">'
                      f'<line x1="0" x2="{w}" y1="{h}" y2="{h}" stroke="#999"/>{bars}</svg>'
                      f'</figure>')
    span = f'<bdi dir="ltr">{axis[0]}</bdi> – <bdi dir="ltr">{axis[-1]}</bdi>'
    return Markup(f'<section id="multiples"><h3>{escape(t["multiples"])}</h3>'
                  f'<p class="muted">{span}</p><div class="multiples">{"".join(charts)}</div>'
                  f'</section>')


@lru_cache(maxsize=1)
def _suggestions() -> dict[str, list[str]]:
    """What the country and governorate boxes suggest, in both languages: the bundled
    countries and the governorates of the map's outlines (the filters accept all of them)."""
    countries: set[str] = set()
    for cc, name_en, names_ar, *_ in data_rows("countries.tsv"):
        countries |= {cc, name_en, names_ar.split("|")[0]}
    outlines = json.loads(_WEB.joinpath("static", "admin1.geojson").read_text("utf-8"))
    admin1 = {f["properties"][k] for f in outlines["features"] for k in ("name_ar", "name_en")
              if f["properties"].get(k)}
    return {"country": sorted(countries), "admin1": sorted(admin1)}


def create_app(store: Store, settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    # no /docs: Swagger UI loads from a CDN, which an offline install cannot reach;
    # /openapi.json describes the API
    app = FastAPI(title="marsad review API", version=__version__, docs_url=None,
                  redoc_url=None,
                  description="Incidents extracted from conflict reports, with their sources "
                              "and evidence.")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        # no inline script may run (a stored javascript: or <script> has nowhere to go),
        # the app is never framed, and types are not sniffed
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key or
                       secrets.token_urlsafe(32), max_age=settings.session_hours * 3600,
                       same_site="lax", https_only=False)
    app.mount("/static", StaticFiles(directory=str(_WEB.joinpath("static"))), name="static")
    templates = Jinja2Templates(directory=str(_WEB.joinpath("templates")))
    templates.env.globals["rng"] = _rng
    templates.env.filters["tv"] = _translate_value
    templates.env.filters["safe_url"] = safe_url  # a stored javascript: URL is never a link
    types = list(load().event_types)

    # -- session helpers --------------------------------------------------------------
    def csrf_token(request: Request) -> str:
        tok = request.session.get("csrf")
        if not tok:
            tok = request.session["csrf"] = secrets.token_urlsafe(24)
        return tok

    sessions: dict[str, float] = {}  # live session ids -> login time; logout revokes one
    throttle = Throttle(LOGIN_FAILURES, LOGIN_WINDOW_S)

    def user_of(request: Request) -> str | None:
        user, sid = request.session.get("user"), request.session.get("sid")
        started = sessions.get(sid or "")
        if user is None or started is None:
            return None
        if time.time() - started > settings.session_hours * 3600:  # absolute expiry
            sessions.pop(sid, None)
            return None
        return user

    def check_csrf(request: Request, token: str) -> None:
        if not token or not secrets.compare_digest(token, request.session.get("csrf", "")):
            raise HTTPException(403, "the form has expired or did not come from this site; "
                                     "reload the page and try again")

    def reader(request: Request) -> str | None:
        user = user_of(request)
        if user is None and not settings.public_read:
            raise HTTPException(401, "log in first")
        return user

    def editor(request: Request) -> str:
        user = user_of(request)
        if user is None:
            raise HTTPException(401, "log in first")
        return user

    def lang_of(request: Request) -> str:
        lang = request.query_params.get("lang") or request.session.get("lang") or "ar"
        lang = lang if lang in I18N else "ar"
        request.session["lang"] = lang
        return lang

    def page(request: Request, name: str, **ctx) -> HTMLResponse:
        lang = lang_of(request)
        params = dict(request.query_params)
        params["lang"] = "en" if lang == "ar" else "ar"
        ctx.update(request=request, t=I18N[lang], lang=lang, user=user_of(request),
                   csrf=csrf_token(request), lang_switch=urlencode(params))
        return templates.TemplateResponse(request, name, ctx)

    def error(request: Request, status: int, message: str, details: list | None = None,
              headers: dict[str, str] | None = None):
        """One shape for every error: a JSON envelope under /api, a page with the site's
        navigation, in the interface language, elsewhere."""
        if request.url.path.startswith("/api/"):
            body: dict[str, Any] = {"status": status, "message": message}
            if details:
                body["details"] = details
            return JSONResponse({"error": body}, status_code=status, headers=headers)
        t = I18N[lang_of(request)]
        title = t.get(f"error_{status}", t["error"])
        response = page(request, "error.html", status=status, title=title, message=message)
        response.status_code = status
        response.headers.update(headers or {})  # a 405 says what is allowed
        return response

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 401 and not request.url.path.startswith("/api/"):
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return error(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_bad_value(request: Request, exc: RequestValidationError):
        details = [{"field": ".".join(str(x) for x in e.get("loc", ())[1:]),
                    "problem": e.get("msg", "")} for e in exc.errors()]
        words = "; ".join(f"{d['field']}: {d['problem']}" for d in details)
        return error(request, 422, f"bad value: {words}", details)

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error(request, 500, "internal error; the server log has the details")

    # -- filters ------------------------------------------------------------------------
    def filters(date_from: IsoDate = None, date_to: IsoDate = None,
                country: str | None = None, admin1: str | None = None,
                event_type: str | None = None, actor: str | None = None,
                min_civilians: int | None = Query(None, ge=0, le=1_000_000),
                grade: str | None = None,
                review_status: str | None = None, search: str | None = None,
                needs_place: bool = False) -> dict:
        return _clean(date_from=date_from and date_from.isoformat(),
                      date_to=date_to and date_to.isoformat(), country=country,
                      admin1=admin1, event_type=event_type, actor=actor,
                      min_civilians=min_civilians, grade=grade, review_status=review_status,
                      search=search, needs_place=needs_place)

    def form_filters(date_from: str | None = None, date_to: str | None = None,
                     country: str | None = None, admin1: str | None = None,
                     event_type: str | None = None, actor: str | None = None,
                     min_civilians: str | None = None, grade: str | None = None,
                     review_status: str | None = None, search: str | None = None,
                     needs_place: str | None = None) -> dict:
        """The same filters from the HTML form, where an empty field means 'any'."""
        raw = (min_civilians or "").strip()
        if raw and not (raw.isascii() and raw.isdigit() and len(raw) <= 8):
            # "²" passes str.isdigit; a 30-digit number overflows the database
            raise HTTPException(422, "the minimum of civilians is a whole number up to "
                                     "99,999,999")
        return _clean(date_from=_form_date(date_from), date_to=_form_date(date_to),
                      country=country, admin1=admin1, event_type=event_type, actor=actor,
                      min_civilians=int(raw) if raw else None, grade=grade,
                      review_status=review_status, search=search,
                      needs_place=needs_place in ("1", "on", "true"))

    def _clean(**f) -> dict:
        """Empty means 'any' (None); a zero stays a zero; an unticked box is left out."""
        return {k: True if v is True else None if v is False
                else (v.strip() if isinstance(v, str) else v) or (0 if v == 0 else None)
                for k, v in f.items()}

    # -- pages ----------------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next_url: str = Query("/", alias="next")):
        return page(request, "login.html", error=False, next_url=_local(next_url))

    @app.post("/login", include_in_schema=False)
    def login(request: Request, username: str = Form(...), password: str = Form(...),
              csrf: str = Form(""), next_url: str = Form("/", alias="next")):
        check_csrf(request, csrf)
        keys = (f"user:{username}", f"ip:{request.client.host if request.client else '?'}")
        wait = throttle.wait(keys)
        if wait:  # too many wrong passwords: even the right one waits
            raise HTTPException(429, f"too many failed logins; try again in {wait} s")
        if not review.check_password(store, username, password):
            throttle.fail(keys)
            return page(request, "login.html", error=True, next_url=next_url)
        throttle.clear(keys)
        lang = lang_of(request)
        request.session.clear()  # a new session on login; only the language carries over
        sid = secrets.token_urlsafe(24)
        sessions[sid] = time.time()
        request.session.update(user=username, sid=sid, lang=lang)
        return RedirectResponse(_local(next_url), status_code=303)

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")):
        check_csrf(request, csrf)
        sessions.pop(request.session.get("sid") or "", None)  # the cookie no longer works
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def incident_list(request: Request, f: dict = Depends(form_filters), page_no: int = Query(
            1, alias="page", ge=1, le=1_000_000), user: str | None = Depends(reader)):
        with store.engine.connect() as conn:
            rows = store.query_incidents(conn, limit=PAGE + 1, offset=(page_no - 1) * PAGE, **f)
            counts = store.count_incidents(conn, **f)
            unplaced = store.count_incidents(conn, needs_place=True)["incidents"]
            timeline_rows = store.timeline(conn, **f)
            monthly = store.monthly_by_country(conn, **f)
        query = urlencode({k: v for k, v in f.items() if v is not None})
        # a period picked on the timeline keeps the other filters and the language
        timeline_query = urlencode({k: v for k, v in {**f, "lang": lang_of(request)}.items()
                                    if v is not None and k not in ("date_from", "date_to")})
        return page(request, "list.html", rows=rows[:PAGE], more=len(rows) > PAGE, f=f,
                    counts=counts, unplaced=unplaced, query=query, page=page_no, types=types,
                    suggest=_suggestions(),
                    grades=review.GRADES, statuses=STATUSES,
                    timeline=_timeline(timeline_rows, I18N[lang_of(request)], timeline_query),
                    multiples=_small_multiples(monthly, I18N[lang_of(request)]),
                    tile_url=settings.tile_url, map_limit=MAP_LIMIT)

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str, message: str | None = None,
                      user: str | None = Depends(reader)):
        with store.engine.connect() as conn:
            inc = store.incident_detail(conn, incident_id)
            if inc is None:
                target = store.resolve_alias(conn, incident_id)
                if target is not None:  # merged into another incident: its URL follows
                    return RedirectResponse(f"/incidents/{target}?{request.url.query}",
                                            status_code=301)
                raise HTTPException(404, f"no incident {incident_id}")
            log = review.audit_log(conn, incident_id)
            left = len(store.review_queue(conn))
        evidence_for: dict[str, list[str]] = {}
        for k, e in enumerate(inc["events"], start=1):
            e["html"], anchors = highlight(e["report"]["text"], e["evidence"], f"ev{k}",
                                           I18N[lang_of(request)])
            for fld, ids in anchors.items():
                evidence_for.setdefault(fld, []).extend(ids)
        t = I18N[lang_of(request)]
        date = inc["date_start"] or "?"
        if inc["date_end"] and inc["date_end"] != inc["date_start"]:
            date = f"{date} – {inc['date_end']}"
        figures = [(t["killed"], _rng(inc["killed_min"], inc["killed_max"],
                                      inc.get("killed_vague"), t), "killed_min"),
                   (t["civilians"], _rng(inc["civilians_killed_min"],
                                         inc["civilians_killed_max"], False, t),
                    "civilians_killed_min"),
                   (t["children"], _rng(inc["children_killed_min"],
                                        inc["children_killed_max"], False, t),
                    "children_killed_min"),
                   (t["injured"], _rng(inc["injured_min"], inc["injured_max"],
                                       inc.get("injured_vague"), t), "injured_min"),
                   # a date and a name are shown as they are, never as a range ("سراقب+")
                   (t["date"], Markup('<bdi dir="ltr">%s</bdi>') % date, "date"),
                   (t["place"], inc["location_name"] or "?", "location")]
        return page(request, "incident.html", inc=inc, events=inc["events"], audit=log,
                    families=FAMILY_ORDER, queue_left=left,
                    figures=figures, evidence_for=evidence_for, can_edit=user is not None,
                    correctable=review.CORRECTABLE, grades=review.GRADES, message=message)

    def act(request: Request, incident_id: str, csrf: str, fn) -> RedirectResponse:
        check_csrf(request, csrf)
        try:
            fn()
        except review.ReviewError as exc:
            return RedirectResponse(f"/incidents/{incident_id}?{urlencode({'message': str(exc)})}",
                                    status_code=303)
        return RedirectResponse(f"/incidents/{incident_id}", status_code=303)

    @app.get("/review/next", include_in_schema=False)
    def review_next(request: Request, after: str | None = None,
                    user: str | None = Depends(reader)):
        """The next incident to review after ``after`` in the queue's order (round the end
        to the start); the list of unreviewed incidents when none is left."""
        with store.engine.connect() as conn:
            queue = store.review_queue(conn)
        lang = lang_of(request)
        if not queue:
            return RedirectResponse(f"/?review_status=unreviewed&lang={lang}", status_code=303)
        nxt = queue[(queue.index(after) + 1) % len(queue)] if after in queue else queue[0]
        return RedirectResponse(f"/incidents/{nxt}?lang={lang}", status_code=303)

    @app.post("/incidents/{incident_id}/confirm", include_in_schema=False)
    def do_confirm(request: Request, incident_id: str, csrf: str = Form(""),
                   user: str = Depends(editor)):
        return act(request, incident_id, csrf,
                   lambda: review.confirm(store, incident_id, user))

    @app.post("/incidents/{incident_id}/correct", include_in_schema=False)
    def do_correct(request: Request, incident_id: str, field: str = Form(...),
                   value: str = Form(""), csrf: str = Form(""), user: str = Depends(editor)):
        return act(request, incident_id, csrf,
                   lambda: review.correct(store, incident_id, field, value, user))

    @app.post("/incidents/{incident_id}/note", include_in_schema=False)
    def do_note(request: Request, incident_id: str, note: str = Form(""),
                csrf: str = Form(""), user: str = Depends(editor)):
        return act(request, incident_id, csrf, lambda: review.add_note(store, incident_id,
                                                                        note, user))

    @app.post("/incidents/{incident_id}/split", include_in_schema=False)
    def do_split(request: Request, incident_id: str, event_id: str = Form(...),
                 csrf: str = Form(""), user: str = Depends(editor)):
        return act(request, incident_id, csrf,
                   lambda: review.split(store, incident_id, event_id, user))

    @app.post("/incidents/{incident_id}/merge", include_in_schema=False)
    def do_merge(request: Request, incident_id: str, other: str = Form(...),
                 csrf: str = Form(""), user: str = Depends(editor)):
        return act(request, incident_id, csrf,
                   lambda: review.merge(store, incident_id, other.strip(), user))

    @app.get("/export", include_in_schema=False)
    def export(request: Request, format: str = Query(..., pattern="^(acled-csv|geojson)$"),
               f: dict = Depends(form_filters), limit: int | None = Query(None, ge=1),
               user: str | None = Depends(reader)):
        with store.engine.connect() as conn:
            rows = store.query_incidents(conn, limit=limit, **f)
        stamp = dt.date.today().isoformat()
        if format == "acled-csv":
            return Response(to_acled_csv(rows), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition":
                                     f'attachment; filename="marsad-{stamp}.csv"'})
        return Response(json.dumps(to_geojson(rows), ensure_ascii=False),
                        media_type="application/geo+json",
                        headers={"Content-Disposition":
                                 f'attachment; filename="marsad-{stamp}.geojson"'})

    # -- JSON API -------------------------------------------------------------------------
    @app.get("/api/incidents", tags=["incidents"],
             responses={401: {"description": "log in first"}})
    def api_incidents(f: dict = Depends(filters), limit: int = Query(PAGE, ge=1, le=1000),
                      offset: int = Query(0, ge=0, le=1_000_000_000),
                      user: str | None = Depends(reader)
                      ) -> dict[str, Any]:
        """Incidents matching the filters, newest first, with the total count."""
        with store.engine.connect() as conn:
            rows = store.query_incidents(conn, limit=limit, offset=offset, **f)
            counts = store.count_incidents(conn, **f)
        return {"count": counts["incidents"], "incidents": rows}

    @app.get("/api/incidents/{incident_id}", tags=["incidents"],
             responses={301: {"description": "merged into another incident: follow Location"},
                        404: {"description": "no such incident"},
                        401: {"description": "log in first"}})
    def api_incident(incident_id: str, user: str | None = Depends(reader)) -> dict[str, Any]:
        """One incident with its events, reports, evidence spans and audit log."""
        with store.engine.connect() as conn:
            inc = store.incident_detail(conn, incident_id)
            if inc is None:
                target = store.resolve_alias(conn, incident_id)
                if target is not None:  # merged into another incident: its URL follows
                    return RedirectResponse(f"/api/incidents/{target}", status_code=301)
                raise HTTPException(404, f"no incident {incident_id}")
            inc["audit"] = review.audit_log(conn, incident_id)
        return inc

    return app
