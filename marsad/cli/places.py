"""``marsad places``: how a place name resolves, and why."""

from __future__ import annotations

import click

from marsad.gazetteer import load_gazetteer, place_id
from marsad.geocode import explain
from marsad.lang import load


@click.command("places")
@click.argument("name")
@click.option("--country", metavar="CC", help="The report's country (ISO code, e.g. SY).")
@click.option("--near", metavar="PLACE", help="A place the report also names.")
@click.option("--limit", type=int, default=15, show_default=True,
              help="How many candidates to list.")
def places_command(name: str, country: str | None, near: str | None, limit: int) -> None:
    """Show how NAME resolves: the candidates, their scores and the chosen one.

    Write NAME as a report would, with its cue word when it has one ("قرية معصران")."""
    gaz = load_gazetteer()
    candidates, chosen, reason = explain(name, gaz, load("ar"), country and country.upper(),
                                         near)
    if not candidates:
        click.echo(reason)
        return
    click.echo(f"{len(candidates)} candidate(s) for '{name}':")
    for k, c in enumerate(candidates[:limit]):
        p = c.place
        mark = "*" if p is chosen else " "
        admin = gaz.admin1_name(p.country, p.admin1_code) or p.admin1_en or "-"
        click.echo(f"{mark} {k + 1:>2}. {p.name_ar} ({p.name_en or '-'}) {p.country} {admin}"
                   f" {p.admin2_en or ''} [{p.kind}] {p.lat:.4f},{p.lon:.4f} "
                   f"{place_id(p)} — {c.why}")
    click.echo(f"chosen: {chosen.name_ar}, {chosen.country} ({place_id(chosen)}); {reason}")
