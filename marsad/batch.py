"""Batch mode on Dask: extraction partitioned across workers, Parquet out, incidents at scale.

Each input shard (JSON Lines or Parquet, any fsspec URL) is one task: it calls the same
pure ``extract_report`` as the CLI and writes its reports, events and evidence as Parquet
files partitioned by month, then a marker under ``_done/``. A rerun skips shards with a
marker; Dask retries a task whose worker died; a bad record is logged with its shard and
line and the shard goes on. Incidents are then resolved per country (the resolver blocks
by place and date inside it) with the same function as the single-machine store, so both
paths give the same incidents.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.extract import Options, extract_report
from marsad.read import clean_text
from marsad.records import Report
from marsad.resolve import resolve
from marsad.rows import result_rows

TABLES = ("reports", "events", "evidence")


@dataclass
class ShardResult:
    shard: str
    reports: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: bool = False


def shard_key(url: str) -> str:
    base = posixpath.basename(url.rstrip("/")).split(".")[0] or "shard"
    return f"{base}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Shard URLs from files, folders and globs (local or any fsspec protocol)."""
    import fsspec

    out: list[str] = []
    for url in inputs:
        fs, _, paths = fsspec.get_fs_token_paths(url)
        for p in paths:
            if fs.isdir(p):
                found = [f for f in fs.find(p) if f.endswith((".jsonl", ".parquet"))]
            else:
                found = [p]
            proto = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
            out += [f if proto in ("file", "local") else f"{proto}://{f}" for f in found]
    return sorted(dict.fromkeys(out))


def read_shard(url: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line, record) for each record; a string in place of the record says what is wrong."""
    import fsspec

    if url.endswith(".parquet"):
        import pyarrow.parquet as pq

        with fsspec.open(url, "rb") as fh:
            rows = pq.read_table(fh).to_pylist()
        yield from enumerate(rows, start=1)
        return
    with fsspec.open(url, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, f"not JSON ({exc.msg} at column {exc.colno})"
                continue
            yield n, obj if isinstance(obj, dict) else "expected a JSON object"


def _month(day: str | None) -> str:
    return day[:7] if day and len(day) >= 7 else "undated"


def extract_shard(url: str, options: Options | None = None) -> dict[str, list[dict]]:
    """Rows of the three tables for one shard, plus '_errors'. Pure: no writing."""
    options = options or Options()
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["_errors"] = []
    for n, rec in read_shard(url):
        origin = f"{url}:{n}"
        if isinstance(rec, str):
            rows["_errors"].append(f"{origin}: {rec}")
            continue
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            rows["_errors"].append(f"{origin}: field 'text' is missing or empty")
            continue
        text = clean_text(text)
        report = Report(str(rec.get("id") or f"{shard_key(url)}-{n}"), text,
                        rec.get("published") or None, rec.get("outlet") or None,
                        rec.get("url") or None, rec.get("title") or None, origin)
        try:
            result = extract_report(report, options)
        except Exception as exc:  # one bad record must not stop the shard
            rows["_errors"].append(f"{origin}: extraction failed: {exc!r}")
            continue
        report_row, event_rows, evidence_rows = result_rows(result)
        rows["reports"].append({**report_row, "month": _month(report.published)})
        month_of = {}
        for row in event_rows:
            # Parquet keeps lists of dicts as JSON text; the month partitions the files
            month_of[row["id"]] = _month(row["date_start"] or report.published)
            rows["events"].append({**row, "outlet": report.outlet, "origin": origin,
                                   "named_killed": json.dumps(row["named_killed"],
                                                              ensure_ascii=False),
                                   "sources": json.dumps(row["sources"], ensure_ascii=False),
                                   "month": month_of[row["id"]]})
        rows["evidence"] += [{**s, "month": month_of[s["event_id"]]} for s in evidence_rows]
    return rows


def process_shard(url: str, out: str, options: Options | None = None) -> ShardResult:
    """Extract one shard and write it; skip it if a previous run finished it."""
    import fsspec

    key = shard_key(url)
    fs, _, (root,) = fsspec.get_fs_token_paths(out)
    marker = posixpath.join(root, "_done", f"{key}.json")
    if fs.exists(marker):
        done = json.loads(fs.cat_file(marker))
        return ShardResult(url, done["reports"], done["events"], done["errors"], skipped=True)
    rows = extract_shard(url, options)
    for table in TABLES:
        _write(fs, root, table, key, rows[table])
    result = ShardResult(url, len(rows["reports"]), len(rows["events"]), rows["_errors"])
    fs.makedirs(posixpath.join(root, "_done"), exist_ok=True)
    with fs.open(marker, "w") as fh:  # written last: its presence means the shard is whole
        json.dump({"shard": url, "reports": result.reports, "events": result.events,
                   "errors": result.errors}, fh, ensure_ascii=False)
    return result


def _write(fs, root: str, table: str, key: str, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    by_month: dict[str, list[dict]] = {}
    for r in rows:
        by_month.setdefault(r["month"], []).append({k: v for k, v in r.items() if k != "month"})
    for month, part in by_month.items():
        folder = posixpath.join(root, table, f"month={month}")
        fs.makedirs(folder, exist_ok=True)
        with fs.open(posixpath.join(folder, f"{key}.parquet"), "wb") as fh:
            pq.write_table(pa.Table.from_pylist(part), fh)


def read_table(out: str, table: str) -> list[dict]:
    """All rows of one output table (reports, events, evidence, incidents)."""
    import fsspec
    import pyarrow.parquet as pq

    fs, _, (root,) = fsspec.get_fs_token_paths(out)
    rows: list[dict] = []
    for path in sorted(fs.glob(posixpath.join(root, table, "**", "*.parquet"))):
        month = next((p.split("=", 1)[1] for p in path.split("/") if p.startswith("month=")),
                     None)
        with fs.open(path, "rb") as fh:
            for r in pq.read_table(fh).to_pylist():
                if month is not None:
                    r["month"] = month
                rows.append(r)
    return rows


def unique_events(events: list[dict]) -> list[dict]:
    """One copy of each report's events when a report sits in several shards (first by
    shard and line wins), as the store keeps one copy of each text."""
    first_origin: dict[str, str] = {}
    for e in sorted(events, key=lambda e: (e["origin"], e["id"])):
        first_origin.setdefault(e["report_id"], e["origin"])
    seen: set[str] = set()
    out = []
    for e in events:
        if e["origin"] == first_origin[e["report_id"]] and e["id"] not in seen:
            seen.add(e["id"])
            out.append(e)
    return out


def resolve_by_country(events: list[dict], client=None) -> list[dict]:
    """Incidents of all events, one resolution task per country."""
    rows = [e for e in unique_events(events) if not e["aggregate"]]
    for e in rows:
        e["sources"] = json.loads(e["sources"]) if isinstance(e["sources"], str) \
            else e["sources"]
    groups: dict[str, list[dict]] = {}
    for e in rows:
        groups.setdefault(e.get("country_code") or "", []).append(e)
    keys = sorted(groups)
    if client is not None:
        futures = client.map(resolve, [groups[k] for k in keys], key=[f"resolve-{k}"
                                                                       for k in keys])
        results = client.gather(futures)
    else:
        results = [resolve(groups[k]) for k in keys]
    out = []
    for incs in results:
        for inc in incs:
            out.append({"id": inc.id, "block": inc.block, "event_ids": inc.event_ids,
                        "merge_rules": inc.merge_rules, **inc.fields})
    return sorted(out, key=lambda r: r["id"])


def write_incidents(out: str, incidents: list[dict]) -> None:
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, _, (root,) = fsspec.get_fs_token_paths(out)
    folder = posixpath.join(root, "incidents")
    fs.makedirs(folder, exist_ok=True)
    with fs.open(posixpath.join(folder, "incidents.parquet"), "wb") as fh:
        pq.write_table(pa.Table.from_pylist(incidents), fh)


@dataclass
class BatchSummary:
    shards: int = 0
    skipped: int = 0
    reports: int = 0
    events: int = 0
    incidents: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"shards {self.shards} ({self.skipped} already done), reports {self.reports}, "
                f"events {self.events}, incidents {self.incidents}, "
                f"bad records {len(self.errors)}")


def run_batch(inputs: Iterable[str], out: str, client, options: Options | None = None,
              show_progress: bool = False) -> BatchSummary:
    """Extract every shard on the cluster, then resolve incidents; restartable."""
    shards = expand_inputs(inputs)
    futures = client.map(process_shard, shards, out=out, options=options or Options(),
                         key=[f"extract-{shard_key(s)}" for s in shards], retries=2,
                         pure=False)
    if show_progress:
        from distributed import progress

        progress(futures)
    summary = BatchSummary(shards=len(shards))
    for r in client.gather(futures):
        summary.skipped += r.skipped
        summary.reports += r.reports
        summary.events += r.events
        summary.errors += r.errors
    incidents = resolve_by_country(read_table(out, "events"), client)
    write_incidents(out, incidents)
    summary.incidents = len(incidents)
    return summary
