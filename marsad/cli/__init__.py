"""The ``marsad`` command. Each sub-command parses its options and calls one library
function; errors become one-line messages that say what to fix."""

from __future__ import annotations

import click

from marsad import __version__
from marsad.cli.batch import batch_command
from marsad.cli.evaluate import eval_command
from marsad.cli.extract import extract_command
from marsad.cli.places import places_command
from marsad.cli.store import export_command, incidents_command, ingest_command, show_command
from marsad.cli.web import serve_command, user_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def cli() -> None:
    """marsad: Arabic-first conflict-incident monitor."""


cli.add_command(extract_command)
cli.add_command(eval_command)
cli.add_command(places_command)
cli.add_command(ingest_command)
cli.add_command(incidents_command)
cli.add_command(export_command)
cli.add_command(show_command)
cli.add_command(batch_command)
cli.add_command(serve_command)
cli.add_command(user_group)


def main() -> None:
    cli()
