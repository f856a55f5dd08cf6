"""What reviewers do to incidents: confirm, correct a field, set a grade, note, split an
event out, merge two incidents. Every change is written to the audit log (who, when,
old → new) and locks the incident, so a later automatic re-extraction or re-resolution
never overwrites it; corrected values are kept apart and re-applied after any recount.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from marsad.resolve import summarise
from marsad.store import Store
from marsad.store.schema import (
    audit,
    corrections,
    events,
    incident_aliases,
    incidents,
    reports,
    users,
)

GRADES = ("weak", "fair", "contested", "confirmed")
INT_FIELDS = ("killed_min", "killed_max", "civilians_killed_min", "civilians_killed_max",
              "children_killed_min", "children_killed_max", "injured_min", "injured_max")
TEXT_FIELDS = ("sub_event_type", "event_type", "location_name", "admin1", "country_code",
               "actor1", "actor2")
DATE_FIELDS = ("date_start", "date_end")
FLOAT_FIELDS = ("latitude", "longitude")
MAX_FIGURE = 10_000_000  # no single incident's toll comes near it
# fields that must keep their order once corrected: (lower, higher)
ORDERED = (("killed_min", "killed_max"), ("civilians_killed_min", "civilians_killed_max"),
           ("children_killed_min", "children_killed_max"), ("injured_min", "injured_max"),
           ("civilians_killed_min", "killed_min"), ("children_killed_min", "civilians_killed_min"),
           ("children_killed_min", "killed_min"), ("date_start", "date_end"))
CORRECTABLE = INT_FIELDS + TEXT_FIELDS + DATE_FIELDS + FLOAT_FIELDS + ("grade",)
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password anyone has")


class ReviewError(ValueError):
    """A review action that cannot be applied; the message says why."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- users ------------------------------------------------------------------------------------
def add_user(store: Store, name: str, password: str) -> None:
    if not name or len(password) < 8:
        raise ReviewError("a user needs a name and a password of at least 8 characters")
    with store.engine.begin() as conn:
        if conn.execute(select(users.c.name).where(users.c.name == name)).first():
            conn.execute(update(users).where(users.c.name == name).values(
                password_hash=_hasher.hash(password)))
        else:
            conn.execute(insert(users).values(name=name, password_hash=_hasher.hash(password),
                                              created_at=_now()))


def check_password(store: Store, name: str, password: str) -> bool:
    with store.engine.connect() as conn:
        row = conn.execute(select(users.c.password_hash).where(users.c.name == name)).first()
    if row is None:
        # an unknown user takes as long as a known one: timing does not tell who exists
        with contextlib.suppress(VerifyMismatchError):
            _hasher.verify(_DUMMY_HASH, password)
        return False
    try:
        return _hasher.verify(row[0], password)
    except VerifyMismatchError:
        return False


# -- helpers ----------------------------------------------------------------------------------
def _incident(conn: Connection, incident_id: str) -> dict[str, Any]:
    row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).first()
    if row is None:  # an id merged into another incident
        target = conn.execute(select(incident_aliases.c.incident_id).where(
            incident_aliases.c.alias == incident_id)).first()
        if target is not None:
            row = conn.execute(select(incidents).where(incidents.c.id == target[0])).first()
    if row is None:
        raise ReviewError(f"no incident {incident_id}")
    return dict(row._mapping)


def _log(conn: Connection, incident_id: str, user: str, action: str, field: str | None = None,
         old: Any = None, new: Any = None, note: str | None = None) -> None:
    conn.execute(insert(audit).values(
        incident_id=incident_id, user=user, at=_now(), action=action, field=field,
        old=None if old is None else str(old), new=None if new is None else str(new),
        note=note))


def parse_value(field: str, raw: str) -> Any:
    raw = (raw or "").strip()
    if field not in CORRECTABLE:
        raise ReviewError(f"'{field}' cannot be corrected; one of: {', '.join(CORRECTABLE)}")
    if raw == "":
        return None  # clearing a value: unknown, never 0
    if field in INT_FIELDS:
        # ASCII digits only ("²" is a digit to str.isdigit), and a bound no toll reaches
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
            raise ReviewError(f"{field} must be a whole number from 0 to {MAX_FIGURE} "
                              f"(or empty for unknown)")
        value = int(raw)
        if value > MAX_FIGURE:
            raise ReviewError(f"{field} must be a whole number from 0 to {MAX_FIGURE}")
        return value
    if field in FLOAT_FIELDS:
        try:
            value = float(raw)
        except ValueError:
            raise ReviewError(f"{field} must be a number") from None
        bound = 90.0 if field == "latitude" else 180.0
        if not math.isfinite(value) or abs(value) > bound:
            raise ReviewError(f"{field} must be a finite number from -{bound:g} to {bound:g}")
        return value
    if field in DATE_FIELDS:
        try:
            return dt.date.fromisoformat(raw).isoformat()
        except ValueError:
            raise ReviewError(f"{field} must be a date written YYYY-MM-DD") from None
    if field == "grade" and raw not in GRADES:
        raise ReviewError(f"grade must be one of {', '.join(GRADES)}")
    return raw[:300]


def _apply_corrections(conn: Connection, incident_id: str) -> None:
    rows = conn.execute(select(corrections).where(corrections.c.incident_id == incident_id))
    values = {r.field: r.value for r in rows}
    if values:
        conn.execute(update(incidents).where(incidents.c.id == incident_id).values(**values))


def _recount(conn: Connection, incident_id: str) -> None:
    """Figures from the incident's events again, then the reviewer's corrections on top."""
    q = select(events, reports.c.outlet).join(reports, reports.c.id == events.c.report_id) \
        .where(events.c.incident_id == incident_id)
    members = [dict(r._mapping) for r in conn.execute(q)]
    if not members:
        conn.execute(delete(incidents).where(incidents.c.id == incident_id))
        return
    conn.execute(update(incidents).where(incidents.c.id == incident_id).values(
        **summarise(members)))
    _apply_corrections(conn, incident_id)


# -- actions ----------------------------------------------------------------------------------
def confirm(store: Store, incident_id: str, user: str) -> None:
    with store.engine.begin() as conn:
        inc = _incident(conn, incident_id)
        incident_id = inc["id"]  # an alias acts on the incident it was merged into
        conn.execute(update(incidents).where(incidents.c.id == incident_id).values(
            review_status="confirmed", locked=True))
        _log(conn, incident_id, user, "confirm", "review_status", inc["review_status"],
             "confirmed")


def correct(store: Store, incident_id: str, field: str, raw: str, user: str) -> Any:
    value = parse_value(field, raw)
    with store.engine.begin() as conn:
        inc = _incident(conn, incident_id)
        incident_id = inc["id"]  # an alias acts on the incident it was merged into
        old = inc.get(field)
        after = {**inc, field: value}
        for lo, hi in ORDERED:
            if after.get(lo) is not None and after.get(hi) is not None and after[lo] > after[hi]:
                raise ReviewError(f"{lo} ({after[lo]}) cannot be above {hi} ({after[hi]}): "
                                  f"killed ≥ civilians ≥ children, min ≤ max, start ≤ end")
        conn.execute(delete(corrections).where(corrections.c.incident_id == incident_id,
                                               corrections.c.field == field))
        conn.execute(insert(corrections).values(incident_id=incident_id, field=field,
                                                value=value))
        conn.execute(update(incidents).where(incidents.c.id == incident_id).values(
            **{field: value}, locked=True, review_status="corrected"))
        _log(conn, incident_id, user, "correct", field, old, value)
    return value


def add_note(store: Store, incident_id: str, note: str, user: str) -> None:
    if not note.strip():
        raise ReviewError("the note is empty")
    with store.engine.begin() as conn:
        incident_id = _incident(conn, incident_id)["id"]
        _log(conn, incident_id, user, "note", note=note.strip()[:4000])


def split(store: Store, incident_id: str, event_id: str, user: str) -> str:
    """Move one event out of an incident into an incident of its own."""
    with store.engine.begin() as conn:
        inc = _incident(conn, incident_id)
        incident_id = inc["id"]  # an alias acts on the incident it was merged into
        members = [r[0] for r in conn.execute(select(events.c.id).where(
            events.c.incident_id == incident_id))]
        if event_id not in members:
            raise ReviewError(f"event {event_id} is not part of {incident_id}")
        if len(members) == 1:
            raise ReviewError("an incident of one event cannot be split")
        new_id = "I" + hashlib.sha1(f"split:{event_id}".encode()).hexdigest()[:12]
        conn.execute(insert(incidents).values(
            {**{k: v for k, v in inc.items() if k != "id"}, "id": new_id,
             "merge_rules": [f"split out of {incident_id} by {user}"], "locked": True,
             "review_status": "corrected"}))
        conn.execute(update(events).where(events.c.id == event_id).values(incident_id=new_id))
        conn.execute(update(incidents).where(incidents.c.id == incident_id).values(
            locked=True, review_status="corrected"))
        _recount(conn, incident_id)
        _recount(conn, new_id)
        _log(conn, incident_id, user, "split", "events", json.dumps(members), event_id)
        _log(conn, new_id, user, "split", "events", incident_id, event_id)
    return new_id


def merge(store: Store, keep: str, other: str, user: str) -> None:
    """Move every event of ``other`` into ``keep``; ``other`` is removed."""
    if keep == other:
        raise ReviewError("an incident cannot be merged with itself")
    with store.engine.begin() as conn:
        _incident(conn, keep)
        _incident(conn, other)
        moved = [r[0] for r in conn.execute(select(events.c.id).where(
            events.c.incident_id == other))]
        conn.execute(update(events).where(events.c.incident_id == other).values(
            incident_id=keep))
        conn.execute(delete(incidents).where(incidents.c.id == other))
        conn.execute(update(incidents).where(incidents.c.id == keep).values(
            locked=True, review_status="corrected"))
        _recount(conn, keep)
        _log(conn, keep, user, "merge", "events", other, json.dumps(moved))


def audit_log(conn: Connection, incident_id: str) -> list[dict[str, Any]]:
    q = select(audit).where(audit.c.incident_id == incident_id).order_by(audit.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]
