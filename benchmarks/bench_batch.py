"""Where the time goes in batch mode. Prints, in one run:
- single-core extraction throughput (the baseline `marsad extract` has);
- Dask LocalCluster throughput with 1 and 2 workers, and scaling efficiency;
- peak memory per worker;
- incident resolution time for 10k, 100k and 1M synthetic events (growth should be
  near-linear);
- a cProfile of the extraction core: its top costs.
Numbers, not asserts.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import pstats
import random
import resource
import tempfile
import time
from pathlib import Path

from bench_extract import corpus

from marsad.extract import Options, extract_report
from marsad.gazetteer import load_gazetteer
from marsad.resolve import resolve


def write_shards(reports, folder: Path, n_shards: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n_shards):
        p = folder / f"shard{k:03d}.jsonl"
        with p.open("w", encoding="utf-8") as fh:
            for r in reports[k::n_shards]:
                fh.write(json.dumps({"id": r.report_id, "text": r.text,
                                     "published": r.published}, ensure_ascii=False) + "\n")
        paths.append(str(p))
    return paths


def cluster_throughput(paths: list[str], n_reports: int, workers: int) -> tuple[float, float]:
    import dask
    from distributed import Client, LocalCluster

    from marsad.batch import process_shard

    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(lambda: extract_report(corpus(1)[0]))  # warm: language data loaded
        out = tempfile.mkdtemp()
        t = time.perf_counter()
        client.gather(client.map(process_shard, paths, out=out, pure=False))
        rate = n_reports / (time.perf_counter() - t)
        peak = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
                   .values()) / 1024
    return rate, peak


def synthetic_events(n: int, seed: int = 3) -> list[dict]:
    """Events shaped like the samples' ones, spread over 10 years and 300 towns."""
    rng = random.Random(seed)
    templates = [e.to_dict() for r in corpus(12) for e in extract_report(r).events
                 if not e.aggregate]
    towns = sorted({p for ps in load_gazetteer().by_name.values() for p in ps
                    if p.country in ("SY", "IQ", "YE") and p.kind in ("town", "city")},
                   key=lambda p: p.key)[:300]
    out = []
    for i in range(n):
        e = dict(rng.choice(templates))
        town = rng.choice(towns)
        day = (dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3650))).isoformat()
        e.update(id=f"r{i // 2}:{i % 2}", report_id=f"r{i // 2}", outlet=f"o{rng.randrange(9)}",
                 date_start=day, date_end=day, time_precision=1, location_name=town.name_ar,
                 country_code=town.country, latitude=town.lat, longitude=town.lon,
                 geo_precision=1, landmark=None)
        out.append(e)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=6000)
    ap.add_argument("--events", default="10000,100000,1000000")
    args = ap.parse_args()
    reports = corpus(args.reports)
    extract_report(reports[0])
    t = time.perf_counter()
    for r in reports:
        extract_report(r, Options())
    single = len(reports) / (time.perf_counter() - t)
    print(f"single core (no Dask)      {single:7.0f} reports/s")
    paths = write_shards(reports, Path(tempfile.mkdtemp()), 6)
    rates = {}
    for w in (1, 2):
        rates[w], peak = cluster_throughput(paths, len(reports), w)
        print(f"LocalCluster {w} worker(s)   {rates[w]:7.0f} reports/s "
              f"({rates[w] / w / single:.0%} of single core per worker; "
              f"peak memory per worker {peak:.0f} MB)")
    print(f"scaling efficiency 1->2    {rates[2] / (2 * rates[1]):.0%}")
    for n in (int(x) for x in args.events.split(",")):
        events = synthetic_events(n)
        t = time.perf_counter()
        incidents = resolve(events)
        s = time.perf_counter() - t
        print(f"resolve {n:>8} events      {s:7.1f} s ({len(incidents)} incidents, "
              f"{n / s:,.0f} events/s)")
        del events, incidents
    prof = cProfile.Profile()
    prof.enable()
    for r in reports[:1500]:
        extract_report(r, Options())
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(6)
    print("extraction profile (top costs by own time):")
    print("\n".join(line for line in buf.getvalue().splitlines() if "/marsad/" in line))


if __name__ == "__main__":
    main()
