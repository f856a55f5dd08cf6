"""Extraction throughput and peak memory on one core.

Builds N reports from the bundled samples (cycling them, each made unique by a serial
number so no cache can help) and times extract_report on them in one process.
Prints reports/s, events/s and peak resident memory. Not a test: numbers, not asserts.
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


def corpus(n: int) -> list[Report]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for line in (SAMPLES / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return [Report(f"r{i}", f"{texts[i % len(texts)]}\nرقم {i}", "2019-05-07")
            for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=10_000)
    args = ap.parse_args()
    reports = corpus(args.reports)
    chars = sum(len(r.text) for r in reports)
    t0 = time.perf_counter()
    extract_report(reports[0], Options())  # loading language data and gazetteer
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    events = 0
    for r in reports:
        events += len(extract_report(r, Options()).events)
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports            {len(reports)}")
    print(f"characters         {chars} ({chars / len(reports):.0f} per report)")
    print(f"start-up (data)    {warm:.2f} s")
    print(f"extraction         {dt:.2f} s")
    print(f"throughput         {len(reports) / dt:.0f} reports/s on one core")
    print(f"events             {events} ({events / dt:.0f} events/s)")
    print(f"peak memory (RSS)  {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
