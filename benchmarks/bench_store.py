"""Ingest throughput, database size and filtered-query latency of the SQLite store.

Builds N reports from the bundled samples (each made unique by a serial number and a
date shift, so each is stored and resolved), ingests them into a fresh SQLite file on one
core, then times filtered incident queries. Numbers, not asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench_extract import corpus

from marsad.ingest import ingest_reports
from marsad.records import Report
from marsad.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file (default: a temporary one)")
    args = ap.parse_args()
    base = corpus(args.reports)
    start = dt.date(2015, 1, 1)
    reports = [Report(r.report_id, r.text, (start + dt.timedelta(days=i % 2000)).isoformat(),
                      f"outlet {i % 7}") for i, r in enumerate(base)]
    path = Path(args.db or tempfile.mkdtemp()) / "bench.db" if not args.db else Path(args.db)
    store = Store(f"sqlite:///{path}")
    t0 = time.perf_counter()
    summary = ingest_reports(reports, store)
    ingest_s = time.perf_counter() - t0
    size_mb = sum(os.path.getsize(p) for p in path.parent.glob(path.name + "*")) / 1e6
    print(f"reports ingested     {summary.new} ({summary.events} events)")
    print(f"ingest               {ingest_s:.1f} s = {summary.new / ingest_s:.0f} reports/s")
    print(f"database size        {size_mb:.0f} MB ({size_mb * 1e6 / max(1, summary.new):.0f} "
          f"bytes per report)")
    with store.engine.connect() as conn:
        print(f"rows                 {store.counts(conn)}")
        queries = {
            "country+date+limit": dict(country="SY", date_from="2016-01-01",
                                       date_to="2016-12-31", limit=100),
            "min civilians": dict(min_civilians=5, limit=100),
            "type+admin1": dict(event_type="Air/drone strike", admin1="Idleb", limit=100),
            "actor": dict(actor="russia", limit=100),
            "search": dict(search="غارة", limit=100),
        }
        for name, q in queries.items():
            times = []
            for _ in range(5):
                t = time.perf_counter()
                rows = store.query_incidents(conn, **q)
                times.append((time.perf_counter() - t) * 1000)
            print(f"query {name:<18} {statistics.median(times):7.1f} ms median "
                  f"({len(rows)} rows)")


if __name__ == "__main__":
    main()
