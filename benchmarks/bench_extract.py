"""Extraction throughput and peak memory on one core.

Three corpora, each timed with extract_report in one process:
- the bundled samples, cycled to N reports (each made unique by a serial number);
- real reports (``--gold``, e.g. ../shared/dev/real_reports.json), read several times over;
- one long bulletin (``--bulletin-kb``) made by joining real or sample reports, to show the
  cost grows linearly with length: its time is set beside the same text as separate reports.
Prints reports/s, characters/s, events/s and peak resident memory. Numbers, not asserts.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from marsad.extract import Options, extract_report
from marsad.records import Report

SAMPLES = Path(__file__).resolve().parent.parent / "marsad" / "samples"


def sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for line in (SAMPLES / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return texts


def corpus(texts: list[str], n: int) -> list[Report]:
    return [Report(f"r{i}", f"{texts[i % len(texts)]}\nرقم {i}", "2019-05-07")
            for i in range(n)]


def run(label: str, reports: list[Report]) -> float:
    chars = sum(len(r.text) for r in reports)
    t0 = time.perf_counter()
    events = 0
    for r in reports:
        events += len(extract_report(r, Options()).events)
    dt = time.perf_counter() - t0
    print(f"{label}")
    print(f"  reports            {len(reports)} ({chars / len(reports):.0f} characters each)")
    print(f"  extraction         {dt:.2f} s")
    print(f"  throughput         {len(reports) / dt:.0f} reports/s, {chars / dt:,.0f} "
          f"characters/s on one core")
    print(f"  events             {events} ({events / dt:.0f} events/s)")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--gold", type=Path, help="a gold JSON file of real reports")
    ap.add_argument("--repeat", type=int, default=10, help="passes over the real reports")
    ap.add_argument("--bulletin-kb", type=int, default=0, help="also time one bulletin this long")
    args = ap.parse_args()
    t0 = time.perf_counter()
    extract_report(Report("warm", "قتل شخص في مدينة حلب."), Options())  # data and gazetteer
    print(f"start-up (data)      {time.perf_counter() - t0:.2f} s")
    texts = sample_texts()
    if args.reports:
        run("bundled samples", corpus(texts, args.reports))
    if args.gold and args.gold.exists():
        items = json.loads(args.gold.read_text(encoding="utf-8"))
        texts = [it["text"] for it in items]
        reports = [Report(f"{it['id']}-{k}", it["text"], it.get("published"))
                   for k in range(args.repeat) for it in items]
        run(f"real reports ({args.gold.name} x {args.repeat})", reports)
    if args.bulletin_kb:
        parts, size = [], 0
        while size < args.bulletin_kb * 1000:
            t = texts[len(parts) % len(texts)]
            parts.append(t)
            size += len(t) + 2
        split = run("the bulletin's parts as separate reports",
                    [Report(f"p{k}", t, "2019-05-07") for k, t in enumerate(parts)])
        whole = run(f"one bulletin of {size / 1000:.0f} KB",
                    [Report("bulletin", "\n\n".join(parts), "2019-05-07")])
        print(f"  bulletin / parts   {whole / split:.2f}x the time")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS)    {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
