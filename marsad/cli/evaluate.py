"""``marsad eval``: score the extractor against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path

import click

from marsad.evaluate import ERROR_CLASSES, Scores, check_floors, evaluate, load_gold


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--details/--no-details", default=False,
              help="List every error, grouped by class.")
@click.option("--groups/--no-groups", default=True, help="Scores per country and per outlet.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--min-f1", type=float, help="Fail (exit 1) if event F1 is below this.")
@click.option("--min-casualty", type=float, help="Fail if casualty-field accuracy is below this.")
@click.option("--min-date", type=float, help="Fail if date accuracy is below this.")
@click.option("--max-invented", type=int, help="Fail if more figures than this are invented.")
@click.option("--max-no-event", type=int,
              help="Fail if more reports whose gold has no event than this yield one.")
@click.option("--floors", type=click.Path(exists=True, dir_okay=False),
              help="A JSON file of floors per gold file name (see eval_floors.json).")
def eval_command(gold: str, details: bool, groups: bool, as_json: bool, min_f1: float | None,
                 min_casualty: float | None, min_date: float | None, max_invented: int | None,
                 max_no_event: int | None, floors: str | None) -> None:
    """Score extraction against GOLD (a JSON list of annotated reports).

    With --min-*/--max-* or --floors it is a gate: CI fails on a regression."""
    try:
        data = load_gold(gold)
        limits = {"min_f1": min_f1, "min_casualty": min_casualty, "min_date": min_date,
                  "max_invented": max_invented, "max_no_event_reports_with_events": max_no_event}
        limits = {k: v for k, v in limits.items() if v is not None}
        if floors:
            table = json.loads(Path(floors).read_text(encoding="utf-8"))
            limits = {**table.get(Path(gold).name, {}), **limits}
    except (ValueError, json.JSONDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    scores = evaluate(data)
    if as_json:
        click.echo(json.dumps(scores.as_dict(groups), ensure_ascii=False))
    else:
        _print_scores(scores, details, groups)
    try:
        failures = check_floors(scores, limits)
    except ValueError as exc:
        raise click.ClickException(f"{floors}: {exc}") from None
    if failures:
        raise click.ClickException("gate failed: " + "; ".join(failures))


def _line(label: str, s: Scores) -> str:
    d = s.as_dict(groups=False)
    date = "-" if d["date_accuracy"] is None else f"{d['date_accuracy']:.2f}"
    no_ev = (f"  no-event {s.no_event_reports_with_events}/{s.no_event_reports}"
             if s.no_event_reports else "")
    return (f"{label:<28} {s.reports:>4} {s.gold_events:>5} {s.predicted_events:>5} "
            f"{s.f1:>5.2f} {s.casualty_accuracy:>5.2f} {s.invented:>4} {date:>5}{no_ev}")


def _print_scores(scores: Scores, details: bool, groups: bool) -> None:
    d = scores.as_dict(groups=False)
    click.echo(f"reports {d['reports']}  gold events {d['gold_events']}  "
               f"extracted {d['predicted_events']}  matched {d['matched']}")
    click.echo(f"event precision {d['precision']:.3f}  recall {d['recall']:.3f}  "
               f"F1 {d['f1']:.3f}")
    fields = "  ".join(f"{k} {v}" for k, v in d["casualty_fields"].items())
    click.echo(f"casualty accuracy {d['casualty_accuracy']:.3f}  ({fields})")
    click.echo(f"invented figures {d['invented_figures']}")
    click.echo(f"date accuracy {d['date_accuracy']}  ({d['dates']})")
    click.echo(f"geocoding error km: median {d['geo_error_km_median']}  "
               f"max {d['geo_error_km_max']}  within 5 km {d['geo_within_5km']}  "
               f"events in a country the gold does not name {d['foreign_events']}")
    if scores.no_event_reports:
        click.echo(f"reports with no gold event that yield one: "
                   f"{scores.no_event_reports_with_events}/{scores.no_event_reports}")
    for check in d["language_checks"]:
        click.echo(f"language check {check['report']}: detected {check['language']}, "
                   f"{check['events']} events")
    click.echo("errors: " + "  ".join(f"{k} {v}" for k, v in d["errors"].items()))
    if groups and scores.groups:
        click.echo(f"{'group':<28} {'rep':>4} {'gold':>5} {'pred':>5} {'F1':>5} "
                   f"{'cas':>5} {'inv':>4} {'date':>5}")
        for key in sorted(scores.groups, key=lambda k: (not k.startswith("country"), k)):
            click.echo(_line(key, scores.groups[key]))
    if details:
        for cls in ERROR_CLASSES:
            lines = [w for c, w in scores.errors if c == cls]
            if lines:
                click.echo(f"{cls} ({len(lines)}):")
                for line in lines:
                    click.echo(f"  - {line}")
