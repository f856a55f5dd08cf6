"""``marsad extract``: reports in, events out."""

from __future__ import annotations

import sys

import click

from marsad.extract import Options, extract_report
from marsad.output import table, to_jsonl
from marsad.read import ReadError, check_day, read_inputs


def check_published(ctx: click.Context, param: click.Parameter,
                    value: str | None) -> str | None:
    """The --published check every command shares (marsad.read.check_day)."""
    try:
        return check_day(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", callback=check_published, metavar="YYYY-MM-DD",
              help="Publication date that 'today', 'yesterday', 'on Thursday' count from.")
@click.option("--outlet", help="Name of the outlet that published the reports.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="jsonl: one event a line; table: for reading.")
def extract_command(paths: tuple[str, ...], published: str | None, outlet: str | None,
                    fmt: str) -> None:
    """Extract conflict events from report files (.txt, .html, .jsonl) or folders."""
    options = Options(published=published)
    failed = 0
    events = []
    for item in read_inputs(paths, outlet=outlet):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"error: {item}", err=True)
            continue
        result = extract_report(item, options)
        if result.message:
            click.echo(f"note: {result.message}", err=True)
        if fmt == "jsonl":
            for e in result.events:
                click.echo(to_jsonl(e))
        else:
            events.extend(result.events)
    if fmt == "table":
        click.echo(table(events))
    if failed:
        click.echo(f"{failed} input(s) could not be read; the others were processed", err=True)
        sys.exit(1)
