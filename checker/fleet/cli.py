"""`cloudpact fleet check s3://bucket/prefix` (issue 19): a thin command over
checker.fleet.run and checker.fleet.summary."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


@click.group("fleet")
def fleet_group() -> None:
    """Check every tenant's stored bundles at once, on Dask distributed (docs/fleet.md)."""


@fleet_group.command("check")
@click.argument("location")
@click.option("--scheduler", default=None, envvar="CLOUDPACT_DASK_SCHEDULER", metavar="ADDRESS",
              help="A running Dask scheduler (tcp://host:8786) [default: a local cluster].")
@click.option("--workers", type=int, default=None,
              help="Worker processes of the local cluster, one thread each [default: CPUs].")
@click.option("--endpoint-url", envvar="CLOUDPACT_ENDPOINT_URL", default=None,
              help="S3 endpoint (else AWS_ENDPOINT_URL or AWS defaults); workers use it too.")
@click.option("--retries", type=int, default=3, show_default=True,
              help="Times a task that raised (an S3 error) is run again.")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Folder for fleet-summary.json and fleet-summary.html.")
def check_cmd(location: str, scheduler: str | None, workers: int | None,
              endpoint_url: str | None, retries: int, out: Path) -> None:
    """Check every complete bundle under LOCATION against its own contract pack; store
    each report write-once beside its bundle (skipped when already checked with the same
    pack); write the fleet summary. Exit 1 if a bundle has a failing clause, 2 if a bundle
    could not be checked."""
    from checker.fleet.run import dask_client, open_root, run_fleet
    from checker.fleet.summary import build_summary, render_html, render_json
    from checker.output import write_atomic

    open_root(location, endpoint_url)  # a wrong URL is refused before a cluster starts
    if not out.is_dir():
        out.mkdir(parents=True)
    with dask_client(scheduler, workers or os.cpu_count() or 1) as client:
        run = run_fleet(location, client=client, endpoint_url=endpoint_url, retries=retries)
    summary = build_summary(run)
    write_atomic(out / "fleet-summary.json", render_json(summary))
    write_atomic(out / "fleet-summary.html", render_html(summary))
    for r in run.results:
        if r["state"] in ("incomplete", "error"):
            click.echo(f"{r['bundle_id']}: {r['state']}: {r['problem']}", err=True)
    c = summary["counts"]
    click.echo(f"{run.location}: {c['bundles']} bundle(s): {c['checked']} checked, "
               f"{c['skipped']} skipped (already checked with the same pack), "
               f"{c['incomplete']} incomplete, {c['error']} not checked; "
               f"summary in {out / 'fleet-summary.json'} and .html", err=True)
    if c["error"]:
        sys.exit(2)
    sys.exit(1 if any(r.get("failing") for r in run.results) else 0)


def register(cli: click.Group) -> None:
    cli.add_command(fleet_group)
