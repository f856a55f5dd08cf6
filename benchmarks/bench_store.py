"""Ingest throughput, database size and filtered-query latency of the SQLite store.

Writes N synthetic reports in the style of the samples: varied towns (from the bundled
gazetteer), dates, weapons and tolls, and about one in eight a retelling of an earlier
report by another outlet with a different toll, so incident resolution has real work.
Ingests them into a fresh SQLite file on one core, then times filtered queries.
Numbers, not asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from marsad.gazetteer import load_gazetteer
from marsad.ingest import ingest_reports
from marsad.records import Report
from marsad.store import Store

MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]
TEMPLATES = [
    "قتل {n} مدنيين بينهم {c} أطفال في غارة جوية على {kind} {town} يوم {d} {m} {y}، وفق {src}.",
    "قتل {n} أشخاص وأصيب {k} آخرون بانفجار عبوة ناسفة في {kind} {town} في {d} {m} {y}.",
    "لقي {n} عناصر مصرعهم في اشتباكات عنيفة قرب {kind} {town} يوم {d} {m} {y}، بحسب {src}.",
    "أصيب {k} مدنيين في قصف مدفعي استهدف {kind} {town} في {d} {m} {y}، بحسب {src}.",
    "قتل وجرح {k} أشخاص في تفجير انتحاري وسط {kind} {town} بتاريخ {d} {m} {y}.",
]
SOURCES = ["المرصد السوري لحقوق الإنسان", "مصادر محلية", "الدفاع المدني", "مصادر طبية"]


def synthetic(n: int, seed: int = 7) -> list[Report]:
    rng = random.Random(seed)
    gaz = load_gazetteer()
    towns = sorted({p.name_ar for ps in gaz.by_name.values() for p in ps
                    if p.country in ("SY", "IQ", "YE") and p.kind in ("town", "city")})
    out: list[Report] = []
    for i in range(n):
        if out and rng.random() < 0.125:  # another outlet tells an earlier strike again
            prev = out[rng.randrange(max(0, len(out) - 200), len(out))]
            words = prev.text.split(" ")
            text = " ".join(words) + f" (نقلا عن مصدر آخر، رقم {i})"
            out.append(Report(f"r{i}", text, prev.published, f"outlet {rng.randrange(9)}"))
            continue
        day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        text = rng.choice(TEMPLATES).format(
            n=rng.randint(2, 40), c=rng.randint(1, 2), k=rng.randint(3, 60),
            kind=rng.choice(["مدينة", "بلدة"]), town=rng.choice(towns), d=day.day,
            m=MONTHS[day.month - 1], y=day.year, src=rng.choice(SOURCES))
        out.append(Report(f"r{i}", f"{text} رقم {i}.", (day + dt.timedelta(days=1)).isoformat(),
                          f"outlet {rng.randrange(9)}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file (default: in a temporary folder); an existing "
                                 "file is only queried")
    args = ap.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench.db"
    existed = path.exists()
    store = Store(f"sqlite:///{path}")
    if not existed:
        reports = synthetic(args.reports)
        t0 = time.perf_counter()
        summary = ingest_reports(reports, store)
        ingest_s = time.perf_counter() - t0
        with store.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"reports ingested     {summary.new} ({summary.events} events)")
        print(f"ingest               {ingest_s:.1f} s = {summary.new / ingest_s:.0f} reports/s "
              f"(extraction, storage and incident resolution, one core)")
    size_mb = os.path.getsize(path) / 1e6
    with store.engine.connect() as conn:
        n = store.counts(conn)["reports"]
    print(f"database size        {size_mb:.0f} MB ({size_mb * 1e6 / max(1, n):.0f} "
          f"bytes per report)")
    with store.engine.connect() as conn:
        print(f"rows                 {store.counts(conn)}")
        queries = {
            "country+dates": dict(country="SY", date_from="2016-01-01", date_to="2016-12-31",
                                  limit=100),
            "min civilians": dict(min_civilians=10, limit=100),
            "type+country": dict(event_type="Air/drone strike", country="IQ", limit=100),
            "actor": dict(actor="syria", limit=100),
            "search common": dict(search="انتحاري", limit=100),
            "search rare": dict(search="سراقب", limit=100),
        }
        for name, q in queries.items():
            times = []
            for _ in range(5):
                t = time.perf_counter()
                rows = store.query_incidents(conn, **q)
                times.append((time.perf_counter() - t) * 1000)
            print(f"query {name:<15} {statistics.median(times):8.1f} ms median "
                  f"({len(rows)} rows)")


if __name__ == "__main__":
    main()
