"""``confiance quality``: run the Great Expectations suites, show the status, rebuild Data Docs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from confiance.cli_options import home_option, run_id_option
from confiance.run_ids import new_run_id
from confiance.settings import get_settings


@click.group("quality")
def quality() -> None:
    """Data quality with Great Expectations: suites generated from contracts/, gates and Data Docs."""


@quality.command("run")
@click.option(
    "--stage",
    type=click.Choice(["feeds", "warehouse", "marts"]),
    required=True,
    help="feeds: raw feeds inside the vault; warehouse: pseudo.* tables; marts: dbt marts.",
)
@run_id_option
@click.option("--as-of", default=None, help="Run date the checks are relative to (YYYY-MM-DD, default today).")
@home_option
def run_cmd(stage: str, run_id: str | None, as_of: str | None, home: Path | None) -> None:
    """Validate one stage; exits 1 when a blocking (error-severity) check fails."""
    from quality import runner

    settings = get_settings(home)
    run_id = run_id or new_run_id()
    day = dt.date.fromisoformat(as_of) if as_of else None
    fn = {"feeds": runner.validate_feeds, "warehouse": runner.validate_warehouse, "marts": runner.validate_marts}
    summary = fn[stage](settings, run_id, as_of=day)
    for dataset, s in summary["datasets"].items():
        verdict = "ok" if s["success"] else ("BLOCKING" if s["blocking"] else "warning")
        click.echo(f"{dataset:<40} {s['passed']:>3}/{s['evaluated']:<3} passed  {s['rows']:>10,} rows  {verdict}")
        for reason in s["blocking_failures"]:
            click.echo(f"    blocking: {reason}")
        for reason in s["warnings"]:
            click.echo(f"    warning:  {reason}")
    click.echo(f"Data Docs: {summary['data_docs']}")
    if summary["blocking"]:
        raise SystemExit(1)


@quality.command("status")
@home_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status_cmd(home: Path | None, as_json: bool) -> None:
    """Latest quality result per dataset, with the trend of the last runs."""
    from quality.status import dataset_status

    status = dataset_status(get_settings(home))
    if as_json:
        click.echo(json.dumps(status, indent=2, sort_keys=True))
        return
    if not status:
        click.echo("no quality run yet")
        return
    for dataset, s in sorted(status.items()):
        trend = "".join("+" if t["success"] else "-" for t in s["trend"])
        verdict = "ok" if s["success"] else ("BLOCKING" if s["blocking"] else "warning")
        click.echo(f"{dataset:<40} {s['passed']:>3}/{s['evaluated']:<3} {verdict:<9} {s['run_time']}  trend {trend}")


@quality.command("docs")
@home_option
def docs_cmd(home: Path | None) -> None:
    """Rebuild the Great Expectations Data Docs and print the index path."""
    from quality.engine import build_data_docs

    settings = get_settings(home)
    click.echo(str(build_data_docs(settings.quality_dir)))
