"""``marsad ingest``, ``incidents``, ``export``, ``show``: the store from the command line."""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from marsad.cli.extract import check_published
from marsad.export import to_acled_csv, to_geojson, to_jsonl
from marsad.ingest import ingest_paths
from marsad.output import format_range
from marsad.read import SUFFIXES
from marsad.store import Store, StoreError

DB_HELP = "Database URL or SQLite path (default: $MARSAD_DB, else ./marsad.db)."


def _open(db: str | None) -> Store:
    try:
        return Store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def filters(fn):
    """The incident filters shared by `incidents` and `export`."""
    @click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Incidents on/after.")
    @click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Incidents on/before.")
    @click.option("--country", help="Country: ISO code or name, e.g. SY, Syria, سوريا.")
    @click.option("--admin1", help="Governorate in Arabic or English, e.g. إدلب, Idlib.")
    @click.option("--type", "event_type", help="ACLED event type or sub-event type.")
    @click.option("--actor", help="Part of an actor's name (either side).")
    @click.option("--min-civilians", type=click.IntRange(0, 10_000_000),
                  help="At least this many civilians killed.")
    @click.option("--search", help="Words in the report text (hamza/diacritics ignored).")
    @click.option("--grade", type=click.Choice(["weak", "fair", "contested", "confirmed"]),
                  help="Only incidents with this grade.")
    @click.option("--review-status", "review_status",
                  type=click.Choice(["unreviewed", "confirmed", "corrected"]),
                  help="Only incidents in this review state.")
    @click.option("--needs-place", "needs_place", is_flag=True,
                  help="Only incidents no place was found for (to be placed by a reviewer).")
    @wraps(fn)
    def wrapper(**kw):
        keys = ("date_from", "date_to", "country", "admin1", "event_type", "actor",
                "min_civilians", "search", "grade", "review_status", "needs_place")
        kw["filters"] = {k: kw.pop(k) for k in keys}
        return fn(**kw)
    return wrapper


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", help=DB_HELP)
@click.option("--published", metavar="YYYY-MM-DD", callback=check_published,
              help="Publication date for all inputs.")
@click.option("--outlet", help="Outlet name for all inputs.")
@click.option("--from-parquet", "from_parquet", metavar="DIR",
              help="Load the output of `marsad batch` instead of report files.")
def ingest_command(paths: tuple[str, ...], db: str | None, published: str | None,
                   outlet: str | None, from_parquet: str | None) -> None:
    """Store reports (files, folders, JSONL, RSS/Atom feeds) and resolve incidents."""
    store = _open(db)
    if from_parquet:
        from marsad.ingest import ingest_parquet

        click.echo(ingest_parquet(from_parquet, store).line())
        return
    if not paths:
        raise click.UsageError("give report files/folders, or --from-parquet DIR")
    total = sum(_count(Path(p)) for p in paths)
    with click.progressbar(length=total, label="ingesting", file=sys.stderr,
                           show_pos=True) as bar:
        summary = ingest_paths(paths, store, published=published, outlet=outlet,
                               progress=bar.update)
    for err in summary.errors:
        click.echo(f"error: {err}", err=True)
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)
    if summary.read == 0:
        raise click.ClickException(f"no reports found in {', '.join(paths)} "
                                   f"(looked for {', '.join(SUFFIXES)})")


def _count(path: Path) -> int:
    """Inputs to expect, for the progress bar (JSONL lines count one each)."""
    if path.is_dir():
        return sum(_count(p) for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
    if path.suffix.lower() == ".jsonl" and path.is_file():
        try:
            with path.open("rb") as fh:
                return max(1, sum(1 for line in fh if line.strip()))
        except OSError:
            return 1  # the reader reports it; the count only sizes the progress bar
    return 1


@click.command("incidents")
@filters
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many (newest first).")
def incidents_command(filters: dict, db: str | None, fmt: str, limit: int | None) -> None:
    """List incidents, newest first."""
    store = _open(db)
    with store.engine.connect() as conn:
        rows = store.query_incidents(conn, limit=limit, **filters)
    if fmt == "jsonl":
        click.echo(to_jsonl(rows), nl=False)
        return
    click.echo(_table(rows))


def _table(rows: list[dict]) -> str:
    head = ("incident", "date", "type", "place", "killed", "civ", "inj", "reports", "grade")
    lines = [head]
    for r in rows:
        rng = format_range
        lines.append((r["id"], r["date_start"] or "?", r["sub_event_type"],
                      f"{r['location_name'] or '?'} ({r['country_code'] or '?'})",
                      rng(r["killed_min"], r["killed_max"], r.get("killed_vague")),
                      rng(r["civilians_killed_min"], r["civilians_killed_max"]),
                      rng(r["injured_min"], r["injured_max"], r.get("injured_vague")),
                      str(r["n_reports"]), r["grade"]))
    widths = [max(len(str(x[k])) for x in lines) for k in range(len(head))]
    out = ["  ".join(str(c).ljust(widths[k]) for k, c in enumerate(x)).rstrip() for x in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out) + f"\n{len(rows)} incident(s)"


@click.command("export")
@filters
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl"]),
              required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
def export_command(filters: dict, db: str | None, fmt: str, output: str | None) -> None:
    """Export incidents as ACLED-style CSV, GeoJSON or JSON Lines."""
    store = _open(db)
    with store.engine.connect() as conn:
        rows = store.query_incidents(conn, **filters)
        if fmt == "acled-csv":
            data = to_acled_csv(rows)
        elif fmt == "geojson":
            data = json.dumps(to_geojson(rows), ensure_ascii=False, indent=1) + "\n"
        else:
            data = to_jsonl(store.incident_detail(conn, r["id"]) for r in rows)
    if output:
        try:
            Path(output).write_text(data, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") \
                from None
        click.echo(f"wrote {len(rows)} incident(s) to {output}", err=True)
    else:
        click.echo(data, nl=False)


@click.command("show")
@click.argument("incident")
@click.option("--db", help=DB_HELP)
def show_command(incident: str, db: str | None) -> None:
    """An incident, its sources, and each figure with the sentence it came from."""
    store = _open(db)
    with store.engine.connect() as conn:
        d = store.incident_detail(conn, incident)
    if d is None:
        raise click.ClickException(f"no incident '{incident}'; `marsad incidents` lists them")
    click.echo(f"{d['id']}  {d['sub_event_type']}  {d['date_start'] or '?'}  "
               f"{d['location_name'] or '?'} ({d['admin1'] or '?'}, {d['country_code'] or '?'})")
    rng = format_range  # "?" unknown, "16+" open, "~12" a vague word coded by convention
    click.echo(f"killed {rng(d['killed_min'], d['killed_max'], d.get('killed_vague'))}  "
               f"civilians {rng(d['civilians_killed_min'], d['civilians_killed_max'])}  "
               f"injured {rng(d['injured_min'], d['injured_max'], d.get('injured_vague'))}  "
               f"grade {d['grade']}  sources {', '.join(d['outlets'] or [])}")
    for rule in d["merge_rules"] or []:
        click.echo(f"  merged: {rule}")
    for e in d["events"]:
        rep = e["report"]
        click.echo(f"\n- report {rep['name']} ({e['outlet'] or 'outlet unknown'}, "
                   f"{rep['published'] or 'date unknown'})")
        by_sentence: dict[tuple[int, int], list[dict]] = {}
        for ev in e["evidence"]:
            by_sentence.setdefault(_sentence(rep["text"], ev), []).append(ev)
        for (a, b), spans in sorted(by_sentence.items()):
            click.echo(f"    «{' '.join(rep['text'][a:b].split())}»")
            for ev in spans:
                click.echo(f"      {ev['field']}: {ev['text']}  [{ev['start']}:{ev['end']}]")


def _sentence(text: str, ev: dict) -> tuple[int, int]:
    """The sentence around an evidence span, as offsets into the report text."""
    start = max(text.rfind(ch, 0, ev["start"]) for ch in ".\n؟!") + 1
    ends = [i for i in (text.find(ch, ev["end"]) for ch in ".\n؟!") if i >= 0]
    return start, (min(ends) if ends else len(text))
