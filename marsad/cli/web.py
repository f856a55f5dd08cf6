"""``marsad serve`` and ``marsad user add``: the review app."""

from __future__ import annotations

import os

import click

from marsad.cli.store import DB_HELP, _open


@click.command("serve")
@click.option("--db", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--public-read/--no-public-read", default=False,
              help="Let anyone read incidents without logging in (changes still need a login).")
@click.option("--tile-url", envvar="MARSAD_TILE_URL",
              help="A tile server URL template for the map (default: bundled outlines only).")
def serve_command(db: str | None, host: str, port: int, public_read: bool,
                  tile_url: str | None) -> None:
    """Start the review web app."""
    import uvicorn

    from marsad.web import Settings, create_app

    store = _open(db)
    settings = Settings(secret_key=os.environ.get("MARSAD_SECRET", ""), public_read=public_read,
                        tile_url=tile_url)
    click.echo(f"marsad review app: http://{host}:{port}/  (database {store.url})", err=True)
    uvicorn.run(create_app(store, settings), host=host, port=port, log_level="warning")


@click.group("user")
def user_group() -> None:
    """Reviewer accounts."""


@user_group.command("add")
@click.argument("name")
@click.option("--db", help=DB_HELP)
@click.password_option(help="The password (asked twice when not given).")
def user_add(name: str, db: str | None, password: str) -> None:
    """Add a reviewer, or set a new password for one."""
    from marsad.review import ReviewError, add_user

    try:
        add_user(_open(db), name, password)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"user {name} saved")
