"""The pipeline's stages, in order, as plain functions.

The Airflow DAG (dags/confiance_pipeline.py) calls these one task each, with
dbt run by Cosmos in between; ``confiance run`` calls them in the same order
with dbt run through dbtRunner. Each stage returns a small JSON-serialisable
summary (counts, names, reasons; never an identifier).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from confiance.settings import DBT_PROJECT_DIR, Settings, get_settings

log = logging.getLogger(__name__)

DBT_PROFILE = "confiance"
DBT_TARGET = "warehouse"


def new_run_id() -> str:
    return "cli_" + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def safe_run_id(run_id: str) -> str:
    """Airflow run ids carry ':' and '+'; keep a form usable in file names."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", run_id).strip("_")


def dbt_env(settings: Settings) -> dict[str, str]:
    """Environment dbt needs: where the warehouse is, and no telemetry."""
    return {
        "CONFIANCE_WAREHOUSE_DB": str(settings.warehouse_db),
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


# --- stages ---------------------------------------------------------------


def land(settings: Settings) -> dict[str, Any]:
    from vault.landing import land_inbox

    files = land_inbox(settings)
    return {"files": files}


def quality_feeds(settings: Settings, run_id: str) -> dict[str, Any]:
    from quality.runner import validate_feeds

    return validate_feeds(settings, safe_run_id(run_id))


def cross(settings: Settings) -> dict[str, Any]:
    from vault.crossing import cross_to_warehouse

    return {"tables": cross_to_warehouse(settings)}


def quality_warehouse(settings: Settings, run_id: str) -> dict[str, Any]:
    from quality.runner import validate_warehouse

    return validate_warehouse(settings, safe_run_id(run_id))


def dbt_build(settings: Settings) -> dict[str, Any]:
    """``dbt build`` (models, then their tests) through dbtRunner — the CLI path; Airflow uses Cosmos."""
    from dbt.cli.main import dbtRunner

    os.environ.update(dbt_env(settings))
    args = [
        "build",
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target",
        DBT_TARGET,
        "--quiet",
    ]
    result = dbtRunner().invoke(args)
    if not result.success:
        failed = []
        if result.result is not None:
            failed = [r.node.name for r in result.result if str(r.status) in {"error", "fail"}]
        raise RuntimeError(f"dbt build failed: {', '.join(failed) or result.exception}")
    return {"nodes": len(result.result or [])}


def quality_marts(settings: Settings, run_id: str) -> dict[str, Any]:
    from quality.runner import validate_marts

    return validate_marts(settings, safe_run_id(run_id))


def publish(settings: Settings, run_id: str) -> dict[str, Any]:
    from governance.publish import publish_all

    return publish_all(settings, safe_run_id(run_id))


def site(settings: Settings) -> dict[str, Any]:
    from governance.site import build_site

    return {"index": str(build_site(settings))}


def reports(settings: Settings) -> dict[str, Any]:
    from governance.reports import build_dpo_reports

    return {"reports": [str(p) for p in build_dpo_reports(settings)]}


def run_all(settings: Settings, run_id: str | None = None, echo: Callable[[str], None] = log.info) -> dict[str, Any]:
    """Every stage in order, as Airflow runs them (dbt through dbtRunner instead of Cosmos)."""
    run_id = run_id or new_run_id()
    settings.ensure_dirs()
    results: dict[str, Any] = {}
    stages: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("land", lambda: land(settings)),
        ("quality_feeds", lambda: quality_feeds(settings, run_id)),
        ("cross", lambda: cross(settings)),
        ("quality_warehouse", lambda: quality_warehouse(settings, run_id)),
        ("dbt_build", lambda: dbt_build(settings)),
        ("quality_marts", lambda: quality_marts(settings, run_id)),
        ("publish", lambda: publish(settings, run_id)),
        ("site", lambda: site(settings)),
        ("reports", lambda: reports(settings)),
    ]
    for name, stage in stages:
        echo(f"stage {name} ...")
        results[name] = stage()
    return results


@click.command("run")
@click.option(
    "--home", type=click.Path(path_type=Path), default=None, help="Data directory (default $CONFIANCE_HOME or ./var)."
)
@click.option("--run-id", default=None, help="Identifier of this run (default: cli_<UTC timestamp>).")
def run(home: Path | None, run_id: str | None) -> None:
    """Run the whole pipeline without Airflow: land, check, pseudonymise, dbt, publish, site, reports."""
    from confiance.summary import render_summary

    settings = get_settings(home)
    run_all(settings, run_id, echo=click.echo)
    click.echo(render_summary(settings))
