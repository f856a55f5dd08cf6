"""``marsad eval``: score the extractor against gold annotations."""

from __future__ import annotations

import json

import click

from marsad.evaluate import evaluate, load_gold


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--details/--no-details", default=True, help="List misses and invented figures.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--min-f1", type=float, help="Fail (exit 1) if event F1 is below this.")
@click.option("--min-casualty", type=float, help="Fail if casualty-field accuracy is below this.")
@click.option("--max-invented", type=int, help="Fail if more figures than this are invented.")
def eval_command(gold: str, details: bool, as_json: bool, min_f1: float | None,
                 min_casualty: float | None, max_invented: int | None) -> None:
    """Score extraction against GOLD (a JSON list of annotated reports).

    With --min-f1/--min-casualty/--max-invented it is a gate: CI fails on a regression."""
    try:
        data = load_gold(gold)
    except (ValueError, json.JSONDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    scores = evaluate(data)
    d = scores.as_dict()
    if as_json:
        click.echo(json.dumps(d, ensure_ascii=False))
    else:
        _print_scores(scores, d, details)
    failures = []
    if min_f1 is not None and scores.f1 < min_f1:
        failures.append(f"event F1 {scores.f1:.3f} < {min_f1}")
    if min_casualty is not None and scores.casualty_accuracy < min_casualty:
        failures.append(f"casualty accuracy {scores.casualty_accuracy:.3f} < {min_casualty}")
    if max_invented is not None and scores.invented > max_invented:
        failures.append(f"{scores.invented} invented figures > {max_invented}")
    if failures:
        raise click.ClickException("gate failed: " + "; ".join(failures))


def _print_scores(scores, d: dict, details: bool) -> None:
    click.echo(f"reports {d['reports']}  gold events {d['gold_events']}  "
               f"extracted {d['predicted_events']}  matched {d['matched']}")
    click.echo(f"event precision {d['precision']:.3f}  recall {d['recall']:.3f}  "
               f"F1 {d['f1']:.3f}")
    fields = "  ".join(f"{k} {v}" for k, v in d["casualty_fields"].items())
    click.echo(f"casualty accuracy {d['casualty_accuracy']:.3f}  ({fields})")
    click.echo(f"invented figures {d['invented_figures']}")
    click.echo(f"date accuracy {d['date_accuracy']}  ({d['dates']})")
    click.echo(f"geocoding error km: median {d['geo_error_km_median']}  "
               f"max {d['geo_error_km_max']}")
    for check in d["language_checks"]:
        click.echo(f"language check {check['report']}: detected {check['language']}, "
                   f"{check['events']} events")
    if details:
        for line in scores.invented_where + scores.misses:
            click.echo(f"  - {line}")
