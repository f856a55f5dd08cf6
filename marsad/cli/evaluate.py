"""``marsad eval``: score the extractor against gold annotations."""

from __future__ import annotations

import json

import click

from marsad.evaluate import evaluate, load_gold


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--details/--no-details", default=True, help="List misses and invented figures.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def eval_command(gold: str, details: bool, as_json: bool) -> None:
    """Score extraction against GOLD (a JSON list of annotated reports)."""
    try:
        data = load_gold(gold)
    except (ValueError, json.JSONDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    scores = evaluate(data)
    d = scores.as_dict()
    if as_json:
        click.echo(json.dumps(d, ensure_ascii=False))
        return
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
