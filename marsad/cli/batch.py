"""``marsad batch``: extraction on a Dask cluster, Parquet out."""

from __future__ import annotations

import sys

import click

from marsad.cli.extract import check_published


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Output folder or fsspec URL for the Parquet tables.")
@click.option("--scheduler", metavar="ADDRESS",
              help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (a cluster).")
@click.option("--workers", type=int, default=2, show_default=True,
              help="Without --scheduler: start a local cluster of this many processes.")
@click.option("--published", metavar="YYYY-MM-DD", callback=check_published,
              help="Publication date for all records.")
def batch_command(inputs: tuple[str, ...], out: str, scheduler: str | None, workers: int,
                  published: str | None) -> None:
    """Extract JSON Lines or Parquet shards of reports on Dask; write Parquet by month."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise click.ClickException("batch mode needs the 'batch' extra: "
                                   "pip install 'marsad[batch]'") from None
    import dask

    from marsad.batch import run_batch
    from marsad.extract import Options

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # the workers' sampling profiler costs a few percent of a CPU-bound pure-Python task
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    click.echo(f"dask dashboard: {client.dashboard_link}", err=True)
    try:
        summary = run_batch(inputs, out, client, Options(published=published),
                            show_progress=sys.stderr.isatty())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for err in summary.errors:
        click.echo(f"bad record: {err}", err=True)
    click.echo(summary.line())
