"""Ingest: reports from files, folders and feeds into the store, then incidents.

Each batch of reports is one transaction, so Ctrl-C or a kill loses at most the batch in
flight and never leaves half a report; reports already stored are skipped by content
hash, and events left without an incident by an interrupted run are resolved on the
next run. Re-running an ingest is a no-op that says "0 new".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy.exc import DBAPIError

from marsad.extract import Options, extract_report
from marsad.read import ReadError, clean_text, content_id, read_inputs
from marsad.records import Report
from marsad.store import Store

BATCH = 200


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0
    incidents_touched: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"reports read {self.read}, new {self.new}, duplicate {self.duplicate}, "
                f"failed {self.failed}; events {self.events}; "
                f"incidents touched {self.incidents_touched}")


def ingest_reports(items: Iterable[Report | ReadError], store: Store,
                   options: Options | None = None,
                   progress: Callable[[int], None] | None = None) -> Summary:
    options = options or Options()
    summary = Summary()
    new_countries: set[str] = set()
    new_ids: set[str] = set()
    batch: list[Report] = []

    def flush() -> None:
        if not batch:
            return
        # extract outside any write transaction: the write that follows is short
        reports_in = [replace(r, text=clean_text(r.text)) for r in batch]
        ids = [content_id(r.text) for r in reports_in]
        with store.engine.connect() as conn:
            stored = store.stored_reports(conn, ids)
        results = []
        for report, rid in zip(reports_in, ids, strict=True):
            if rid in new_ids or rid in stored:
                summary.duplicate += 1
                continue
            try:
                result = extract_report(report, options)
            except Exception as exc:  # one bad report must not stop the run
                summary.failed += 1
                summary.errors.append(f"{report.origin}: extraction failed: {exc!r}")
                continue
            new_ids.add(rid)
            results.append((rid, result))
        try:
            with store.engine.begin() as conn:
                written = [_write(conn, rid, result) for rid, result in results]
        except DBAPIError:
            # one report the database refuses must not cost the others: one at a time
            written = []
            for rid, result in results:
                try:
                    with store.engine.begin() as conn:
                        written.append(_write(conn, rid, result))
                except DBAPIError as exc:
                    new_ids.discard(rid)
                    summary.failed += 1
                    summary.errors.append(f"{result.report.origin or rid}: not stored: "
                                          f"{str(exc.orig).splitlines()[0]}")
        for stored_now, result in written:
            if not stored_now:  # another ingest stored it meanwhile
                summary.duplicate += 1
                continue
            summary.new += 1
            summary.events += len(result.events)
            new_countries.update(e.country_code for e in result.events if e.country_code)
        if progress:
            progress(len(batch))
        batch.clear()

    def _write(conn, rid: str, result) -> tuple[bool, object]:
        if store.has_report(conn, rid):
            return False, result
        store.add_result(conn, result)
        return True, result

    for item in items:
        if isinstance(item, ReadError):
            summary.failed += 1
            summary.errors.append(str(item))
            if progress:
                progress(1)
            continue
        summary.read += 1
        batch.append(item)
        if len(batch) >= BATCH:
            flush()
    flush()
    summary.incidents_touched = _resolve(store, new_countries)
    return summary


def _resolve(store: Store, countries: set[str]) -> int:
    """Resolve the countries with new (or left-over) events; how many incidents now hold an
    event that had none: one of a newly stored report, or one an interrupted run left."""
    with store.engine.begin() as conn:
        waiting = store.unresolved_event_ids(conn)
        result = store.resolve_countries(conn, countries | store.pending_countries(conn))
    return sum(1 for inc in result if any(eid in waiting for eid in inc.event_ids))


def ingest_paths(paths: Iterable[str], store: Store, options: Options | None = None,
                 published: str | None = None, outlet: str | None = None,
                 progress: Callable[[int], None] | None = None) -> Summary:
    return ingest_reports(read_inputs(paths, published, outlet), store, options, progress)


def ingest_parquet(out: str, store: Store) -> Summary:
    """Load the output of `marsad batch` into the store (idempotent), then resolve."""
    import json

    from marsad.batch import read_table, unique_events
    from marsad.store.schema import events, evidence, reports

    summary = Summary()
    rep_rows = sorted(read_table(out, "reports"), key=lambda r: (r["origin"], r["id"]))
    spans: dict[str, list[dict]] = {}
    for s in read_table(out, "evidence"):
        spans.setdefault(s["event_id"], []).append(s)
    by_report: dict[str, list[dict]] = {}
    for e in unique_events(read_table(out, "events")):
        by_report.setdefault(e["report_id"], []).append(e)
    report_cols = {c.name for c in reports.columns} - {"text_norm", "ingested_at"}
    event_cols = {c.name for c in events.columns}
    evidence_cols = {c.name for c in evidence.columns} - {"id"}
    countries: set[str] = set()
    new_ids: set[str] = set()
    with store.engine.begin() as conn:
        for r in rep_rows:
            summary.read += 1
            if r["id"] in new_ids or store.has_report(conn, r["id"]):
                summary.duplicate += 1
                continue
            event_rows = []
            for e in by_report.get(r["id"], []):
                row = {k: v for k, v in e.items() if k in event_cols}
                # Parquet kept the lists as JSON text
                row["named_killed"] = json.loads(row["named_killed"] or "[]")
                row["sources"] = json.loads(row["sources"] or "[]")
                event_rows.append(row)
            evidence_rows = [{k: s[k] for k in evidence_cols}
                             for e in event_rows for s in spans.get(e["id"], [])]
            _, n = store.add_rows(conn, {k: r[k] for k in report_cols}, event_rows,
                                  evidence_rows)
            new_ids.add(r["id"])
            countries.update(e["country_code"] for e in event_rows if e.get("country_code"))
            summary.new += 1
            summary.events += n
    summary.incidents_touched = _resolve(store, countries)
    return summary
