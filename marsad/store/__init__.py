"""The incident store: reports, their events and evidence, and resolved incidents, in
SQLite (default, ``./marsad.db``) or PostgreSQL, through SQLAlchemy with Alembic migrations.

Writes are transactional: a report goes in with all its events and evidence or not at all,
so an interrupted ingest leaves a consistent database that a re-run completes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine

from marsad.extract import Result
from marsad.gazetteer import load_gazetteer
from marsad.normalise import normalise
from marsad.resolve import Incident, resolve
from marsad.rows import result_rows
from marsad.store.schema import (
    audit,
    corrections,
    events,
    evidence,
    incident_aliases,
    incidents,
    reports,
)

DEFAULT_DB = "sqlite:///marsad.db"
_WORD = re.compile(r"\w+")
BUSY_TIMEOUT_MS = 60_000  # how long a writer waits for SQLite's lock before giving up
_RESOLVE_LOCK = 7_401_123  # PostgreSQL advisory lock that serialises incident resolution
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A database problem, said in a way that tells the user what to do."""


def database_url(value: str | None) -> str:
    """--db value, else $MARSAD_DB, else ./marsad.db; a bare path means SQLite."""
    url = value or os.environ.get("MARSAD_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def search_text(text: str) -> str:
    """Folded text for search: one alef, ه for ة, ي for ى, no marks (both sides of a query)."""
    return normalise(text).text


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


NO_COUNTRY = ""  # the resolution group of events no place was found for


def _in_countries(column, countries: Iterable[str]):
    """The rows of these countries; NO_COUNTRY stands for rows with no country."""
    codes = sorted(c for c in countries if c)
    cond = column.in_(codes)
    return or_(cond, column.is_(None)) if NO_COUNTRY in countries else cond


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    # a second writer (another ingest, a reviewer) waits for the lock instead of failing
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Store:
    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = database_url(url)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except Exception as exc:  # a malformed URL or a missing driver
            raise StoreError(f"cannot open database '{self.url}': {exc}") from exc
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    # -- schema ----------------------------------------------------------------------------
    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        try:
            with self.engine.connect() as conn:
                sqlite = self.dialect == "sqlite"
                if sqlite:
                    # a table rebuilt by a migration must not cascade into the rows that
                    # point at it; keys are off for the run (a pragma outside a transaction)
                    # and checked before they are back on
                    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                    conn.commit()
                with conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() \
                        if sqlite else []
                    if broken:
                        raise StoreError(f"rows without the row they refer to: {broken[:5]}")
                if sqlite:
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    conn.commit()
        except Exception as exc:
            raise StoreError(f"cannot prepare database '{self.engine.url!r}': {exc}") from exc

    # -- reports -----------------------------------------------------------------------------
    def stored_reports(self, conn: Connection, report_ids: list[str]) -> set[str]:
        """Which of these report ids are stored already (one query for a batch)."""
        if not report_ids:
            return set()
        return {r[0] for r in conn.execute(select(reports.c.id).where(
            reports.c.id.in_(sorted(set(report_ids)))))}

    def has_report(self, conn: Connection, report_id: str) -> bool:
        return conn.execute(select(reports.c.id).where(reports.c.id == report_id)).first() \
            is not None

    def index_report(self, conn: Connection, report_id: str) -> None:
        """Add a stored report to full-text search (PostgreSQL indexes by itself)."""
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO reports_fts(rowid, text_norm) SELECT rowid, text_norm "
                              "FROM reports WHERE id = :id"), {"id": report_id})

    def add_result(self, conn: Connection, result: Result) -> tuple[str, int]:
        """Insert a report with its events and evidence; returns (report id, events)."""
        return self.add_rows(conn, *result_rows(result))

    def add_rows(self, conn: Connection, report_row: dict[str, Any],
                 event_rows: list[dict[str, Any]],
                 evidence_rows: list[dict[str, Any]]) -> tuple[str, int]:
        """Insert the rows of one report (as marsad.rows makes them), indexed for search."""
        conn.execute(insert(reports).values(
            **report_row, text_norm=search_text(report_row["text"]),
            ingested_at=_now()))
        self.index_report(conn, report_row["id"])
        if event_rows:
            conn.execute(insert(events), event_rows)
        if evidence_rows:
            conn.execute(insert(evidence), evidence_rows)
        return report_row["id"], len(event_rows)

    # -- incidents -------------------------------------------------------------------------
    def pending_countries(self, conn: Connection) -> set[str]:
        """Countries with events not yet in an incident (new, or left by an interrupted run)."""
        rows = conn.execute(select(events.c.country_code).where(
            events.c.incident_id.is_(None), events.c.aggregate.is_(False)).distinct())
        return {r[0] or NO_COUNTRY for r in rows}  # unplaced events are resolved too

    def unresolved_event_ids(self, conn: Connection) -> set[str]:
        """Events that belong to no incident yet (aggregates never do)."""
        return {r[0] for r in conn.execute(select(events.c.id).where(
            events.c.incident_id.is_(None), events.c.aggregate.is_(False)))}

    def _event_rows(self, conn: Connection, where) -> list[dict[str, Any]]:
        q = select(events, reports.c.outlet).join(reports, reports.c.id == events.c.report_id) \
            .where(where)
        return [dict(r._mapping) for r in conn.execute(q)]

    def resolve_countries(self, conn: Connection, countries: Iterable[str]) -> list[Incident]:
        """Recompute the incidents of these countries from all their events (deterministic:
        the result depends on the events, not on the order they came in). Incidents a
        reviewer has locked are left alone."""
        countries = sorted(set(countries))
        if not countries:
            return []
        self._lock_resolution(conn)
        locked = select(incidents.c.id).where(incidents.c.locked.is_(True))
        rows = self._event_rows(conn, and_(
            _in_countries(events.c.country_code, countries),
            or_(events.c.incident_id.is_(None), events.c.incident_id.not_in(locked))))
        rows = [r for r in rows if not r["aggregate"]]
        mine = and_(_in_countries(incidents.c.country_code, countries),
                    incidents.c.locked.is_(False))
        previous = {r.id: dict(r._mapping) for r in conn.execute(select(incidents).where(mine))}
        conn.execute(delete(incidents).where(mine))
        result = resolve(rows)
        was = {r["id"]: r["incident_id"] for r in rows if r["incident_id"] in previous}
        ids = self._stable_ids(conn, result, was, previous)
        now = _now()
        incident_rows = []
        assignments = []
        for inc in result:
            iid = ids[inc.id]
            old = previous.get(iid, {})
            inc.id = iid
            incident_rows.append({"id": iid, "block": inc.block, "merge_rules": inc.merge_rules,
                                  "locked": False,
                                  "review_status": old.get("review_status") or "unreviewed",
                                  "first_seen": old.get("first_seen") or now, **inc.fields})
            assignments += [{"eid": eid, "iid": iid} for eid in inc.event_ids]
        if incident_rows:
            conn.execute(insert(incidents), incident_rows)
            self._reapply_corrections(conn, [r["id"] for r in incident_rows])
        if assignments:
            stmt = update(events).where(events.c.id == bindparam("eid")).values(
                incident_id=bindparam("iid"))
            conn.execute(stmt, assignments)
        return result

    def _lock_resolution(self, conn: Connection) -> None:
        """One resolution at a time: two ingests resolving the same countries would insert
        the same incident twice. PostgreSQL: a transaction-scoped advisory lock; SQLite: take
        the write lock now (a no-op write), before reading what will be rewritten."""
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _RESOLVE_LOCK})
        elif self.dialect == "sqlite":
            conn.execute(text("UPDATE incidents SET id = id WHERE 0"))

    def _stable_ids(self, conn: Connection, result: list[Incident], was: dict[str, str],
                    previous: dict[str, dict[str, Any]]) -> dict[str, str]:
        """Incident ids survive re-resolution. A group keeps an id its events had: when
        incidents merge, the oldest id survives and the others become aliases (their notes
        and corrections move with them); when one splits, the larger part keeps it and the
        other gets a new id. Returns {computed id: stable id}."""
        taken_aliases = {r[0] for r in conn.execute(select(incident_aliases.c.alias))}
        used: set[str] = set()
        out: dict[str, str] = {}
        votes: dict[str, Counter] = {}
        for inc in sorted(result, key=lambda i: (-len(i.event_ids), min(i.event_ids))):
            votes[inc.id] = Counter(was[e] for e in inc.event_ids if e in was)
            ranked = sorted(votes[inc.id], key=lambda iid: (
                previous[iid].get("first_seen") or "", -votes[inc.id][iid], iid))
            keep = next((iid for iid in ranked if iid not in used), None)
            if keep is None:
                keep = inc.id
                while keep in used or keep in taken_aliases or (keep in previous
                                                                and keep not in ranked):
                    keep = "I" + hashlib.sha1(keep.encode()).hexdigest()[:12]
            used.add(keep)
            out[inc.id] = keep
        now = _now()
        for old in sorted(set(previous) - used):
            # merged away: it points to the incident that took most of its events
            heirs = Counter(out[inc.id] for inc in result for e in inc.event_ids
                            if was.get(e) == old)
            if heirs:
                target = heirs.most_common(1)[0][0]
                conn.execute(delete(incident_aliases).where(incident_aliases.c.alias == old))
                conn.execute(insert(incident_aliases).values(alias=old, incident_id=target,
                                                             at=now))
                conn.execute(update(incident_aliases).where(
                    incident_aliases.c.incident_id == old).values(incident_id=target))
                # the reviewer's notes and corrections follow the events
                conn.execute(update(audit).where(audit.c.incident_id == old).values(
                    incident_id=target))
                kept = {r[0] for r in conn.execute(select(corrections.c.field).where(
                    corrections.c.incident_id == target))}
                for r in conn.execute(select(corrections).where(
                        corrections.c.incident_id == old)).fetchall():
                    if r.field not in kept:
                        conn.execute(insert(corrections).values(
                            incident_id=target, field=r.field, value=r.value))
                conn.execute(delete(corrections).where(corrections.c.incident_id == old))
        # an id issued again is no longer an alias
        if used & taken_aliases:
            conn.execute(delete(incident_aliases).where(
                incident_aliases.c.alias.in_(sorted(used & taken_aliases))))
        return out

    def _reapply_corrections(self, conn: Connection, ids: list[str]) -> None:
        """A reviewer's corrections stay on top of re-resolved figures."""
        rows = conn.execute(select(corrections).where(corrections.c.incident_id.in_(ids)))
        values: dict[str, dict[str, Any]] = {}
        for r in rows:
            values.setdefault(r.incident_id, {})[r.field] = r.value
        for iid, vals in values.items():
            conn.execute(update(incidents).where(incidents.c.id == iid).values(**vals))

    def resolve_alias(self, conn: Connection, incident: str) -> str | None:
        """The incident an old id was merged into, if it was."""
        row = conn.execute(select(incident_aliases.c.incident_id).where(
            incident_aliases.c.alias == incident)).first()
        return row[0] if row else None

    # -- queries ---------------------------------------------------------------------------
    def query_incidents(self, conn: Connection, *, date_from: str | None = None,
                        date_to: str | None = None, country: str | None = None,
                        admin1: str | None = None, event_type: str | None = None,
                        actor: str | None = None, min_civilians: int | None = None,
                        search: str | None = None, grade: str | None = None,
                        review_status: str | None = None, needs_place: bool = False,
                        limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        q = select(incidents).where(self._filters(
            date_from=date_from, date_to=date_to, country=country, admin1=admin1,
            event_type=event_type, actor=actor, min_civilians=min_civilians, search=search,
            grade=grade, review_status=review_status, needs_place=needs_place))
        q = q.order_by(incidents.c.date_start.desc().nulls_last(), incidents.c.id)
        if limit:
            q = q.limit(limit).offset(offset)
        return [dict(r._mapping) for r in conn.execute(q)]

    def timeline(self, conn: Connection, **filters) -> list[dict[str, Any]]:
        """Per day: how many filtered incidents, and their civilian deaths (for charts)."""
        q = select(incidents.c.date_start, func.count().label("incidents"),
                   func.coalesce(func.sum(incidents.c.civilians_killed_min), 0)
                   .label("civilians_killed_min")) \
            .where(self._filters(**filters), incidents.c.date_start.is_not(None)) \
            .group_by(incidents.c.date_start)
        return [dict(r._mapping) for r in conn.execute(q)]

    def monthly_by_country(self, conn: Connection, **filters) -> list[dict[str, Any]]:
        """Civilian deaths (lowest figures) per month and country, for small multiples."""
        month = func.substr(incidents.c.date_start, 1, 7).label("month")
        q = select(incidents.c.country_code, month,
                   func.coalesce(func.sum(incidents.c.civilians_killed_min), 0)
                   .label("civilians_killed_min")) \
            .where(self._filters(**filters), incidents.c.date_start.is_not(None),
                   incidents.c.country_code.is_not(None)) \
            .group_by(incidents.c.country_code, month)
        return [dict(r._mapping) for r in conn.execute(q)]

    def review_queue(self, conn: Connection) -> list[str]:
        """Unreviewed incidents in the order a reviewer should take them: contested first
        (sources disagree), then the most civilians killed, then the newest."""
        contested = case((incidents.c.grade == "contested", 0), else_=1)
        q = select(incidents.c.id).where(incidents.c.review_status == "unreviewed").order_by(
            contested, incidents.c.civilians_killed_min.desc().nulls_last(),
            incidents.c.date_start.desc().nulls_last(), incidents.c.id)
        return [r[0] for r in conn.execute(q)]

    def count_incidents(self, conn: Connection, **filters) -> dict[str, int]:
        """How many incidents the filters keep, and their civilian deaths (lowest figures)."""
        row = conn.execute(select(func.count(), func.sum(incidents.c.civilians_killed_min),
                                  func.sum(incidents.c.killed_min))
                           .where(self._filters(**filters))).one()
        return {"incidents": row[0], "civilians_killed": row[1] or 0, "killed": row[2] or 0}

    def _filters(self, *, date_from=None, date_to=None, country=None, admin1=None,
                 event_type=None, actor=None, min_civilians=None, search=None, grade=None,
                 review_status=None, needs_place=False):
        conds = [text("1 = 1")]
        if needs_place:  # the review bucket of incidents no place was found for
            conds.append(incidents.c.latitude.is_(None))
        if grade:
            conds.append(incidents.c.grade == grade)
        if review_status:
            conds.append(incidents.c.review_status == review_status)
        if date_from:
            conds.append(incidents.c.date_start >= date_from)
        if date_to:
            conds.append(incidents.c.date_start <= date_to)
        if country:  # SY, Syria or سوريا
            gaz = load_gazetteer()
            conds.append(incidents.c.country_code == (gaz.country_code(country)
                                                      or country.strip().upper()))
        if admin1:  # Idleb, Idlib or إدلب
            conds.append(func.lower(incidents.c.admin1).in_(
                sorted(load_gazetteer().admin1_spellings(admin1))))
        if event_type:
            conds.append(or_(incidents.c.event_type == event_type,
                             incidents.c.sub_event_type == event_type))
        if actor:
            names = actor_names(actor)
            if names:  # canonical names: an indexed IN on both sides
                conds.append(or_(incidents.c.actor1.in_(names), incidents.c.actor2.in_(names)))
            else:
                # % and _ are the user's letters, not wildcards
                esc = actor.lower().replace("\\", "\\\\").replace("%", "\\%") \
                    .replace("_", "\\_")
                like = f"%{esc}%"
                conds.append(or_(func.lower(incidents.c.actor1).like(like, escape="\\"),
                                 func.lower(incidents.c.actor2).like(like, escape="\\")))
        if min_civilians is not None:
            conds.append(incidents.c.civilians_killed_min >= min_civilians)
        if search:
            conds.append(incidents.c.id.in_(
                select(events.c.incident_id).where(events.c.report_id.in_(
                    self._search_subquery(search)))))
        return and_(*conds)

    def _search_subquery(self, query: str):
        """SELECT of report ids whose text has all the words of the query, whatever their
        hamza, alef, ta marbuta or diacritics; runs inside the database."""
        # words with punctuation attached ("تعز،") are the words themselves
        words = [w for w in _WORD.findall(search_text(query)) if w.isalnum()]
        if not words:
            return select(reports.c.id).where(text("1 = 0"))
        if self.dialect == "sqlite":
            match = " ".join(f'"{w}"' for w in words)
            return text("SELECT r.id FROM reports_fts f JOIN reports r ON r.rowid = f.rowid "
                        "WHERE reports_fts MATCH :q").bindparams(q=match).columns(
                            reports.c.id)
        return text("SELECT id FROM reports WHERE to_tsvector('simple', text_norm) @@ "
                    "plainto_tsquery('simple', :q)").bindparams(q=" ".join(words)).columns(
                        reports.c.id)

    def search_reports(self, conn: Connection, query: str) -> list[str]:
        return [r[0] for r in conn.execute(self._search_subquery(query))]

    def incident_detail(self, conn: Connection, incident: str) -> dict[str, Any] | None:
        row = conn.execute(select(incidents).where(incidents.c.id == incident)).first()
        if row is None:
            return None
        detail = dict(row._mapping)
        evs = self._event_rows(conn, events.c.incident_id == incident)
        ev_ids = [e["id"] for e in evs]
        spans: dict[str, list[dict]] = {}
        for r in conn.execute(select(evidence).where(evidence.c.event_id.in_(ev_ids or [""]))
                              .order_by(evidence.c.id)):
            spans.setdefault(r.event_id, []).append(
                {"field": r.field, "start": r.start, "end": r.end, "text": r.text})
        texts = {r.id: r for r in conn.execute(select(
            reports.c.id, reports.c.name, reports.c.text, reports.c.url, reports.c.published)
            .where(reports.c.id.in_({e["report_id"] for e in evs} or {""})))}
        for e in evs:
            e["evidence"] = spans.get(e["id"], [])
            rep = texts[e["report_id"]]
            e["report"] = {"id": rep.id, "name": rep.name, "url": rep.url,
                           "published": rep.published, "text": rep.text}
        detail["events"] = sorted(evs, key=lambda e: e["id"])
        return detail

    def counts(self, conn: Connection) -> dict[str, int]:
        return {name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in (("reports", reports), ("events", events),
                                ("evidence", evidence), ("incidents", incidents))}


def actor_names(part: str) -> list[str]:
    """Canonical actor names (and 'Civilians (Country)') that contain ``part``."""
    from marsad.gazetteer import load_gazetteer
    from marsad.lang import load

    lang = load()
    names = {a["name"] for a in lang.actor_table.values() if a.get("name")}
    names |= {lang.civilians_name.format(country=c)
              for c in load_gazetteer().country_names.values()}
    return sorted(n for n in names if part.lower() in n.lower())
