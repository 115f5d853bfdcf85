"""The pipeline's stages, in order, as plain functions.

The Airflow DAG (dags/confiance_pipeline.py) calls these one task each, with
dbt run by Cosmos in between; ``confiance run`` calls them in the same order
with ``dbt build`` run in a child process. Each stage returns a small JSON-serialisable
summary (counts, names, reasons; never an identifier).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from confiance.run_ids import new_run_id, safe_run_id
from confiance.settings import DBT_PROJECT_DIR, Settings

log = logging.getLogger(__name__)

DBT_PROFILE = "confiance"
DBT_TARGET = "warehouse"


def dbt_env(settings: Settings) -> dict[str, str]:
    """Environment dbt needs: where the warehouse is, and no telemetry."""
    return {
        "CONFIANCE_WAREHOUSE_DB": str(settings.warehouse_db),
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        # dbt's artifacts (manifest with compiled SQL, run results) live with the data they describe.
        "DBT_TARGET_PATH": str(settings.dbt_target_dir),
    }


# --- stages ---------------------------------------------------------------

Stage = Callable[[Settings, str], dict[str, Any]]
STAGES: dict[str, Stage] = {}


def runs_dir(settings: Settings) -> Path:
    """Where each run's stage results are kept (counts, names and reasons only)."""
    return settings.home / "runs"


def stage(func: Callable[[Settings, str], dict[str, Any]]) -> Stage:
    """Register a stage and keep its result in ``runs/<run_id>/<stage>.json``."""

    @functools.wraps(func)
    def wrapper(settings: Settings, run_id: str) -> dict[str, Any]:
        from vault.locking import run_lock

        run_id = safe_run_id(run_id)
        with run_lock(settings, run_id):  # an Airflow task's stage never interleaves with another run
            result = func(settings, run_id)
        folder = runs_dir(settings) / run_id
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"{func.__name__}.json", "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2, default=str, ensure_ascii=False)
        return result

    STAGES[func.__name__] = wrapper
    return wrapper


@stage
def land(settings: Settings, run_id: str) -> dict[str, Any]:
    from vault.landing import land_inbox

    return {"files": land_inbox(settings)}


@stage
def quality_feeds(settings: Settings, run_id: str) -> dict[str, Any]:
    from confiance.pipeline_inputs import validate_feeds

    return validate_feeds(settings, run_id)


@stage
def cross(settings: Settings, run_id: str) -> dict[str, Any]:
    from vault.crossing import cross_to_warehouse, held_back

    return {"tables": cross_to_warehouse(settings), "held_back": held_back(settings)}


@stage
def quality_warehouse(settings: Settings, run_id: str) -> dict[str, Any]:
    from quality.runner import validate_warehouse

    return validate_warehouse(settings, run_id)


def _die_with_parent() -> None:
    """In the dbt child, before exec: Linux sends it SIGKILL when the run that started it dies (even by
    kill -9), so a killed run never leaves a dbt process writing the warehouse behind it."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


def _dbt(settings: Settings, command: str) -> None:
    """Run a dbt command in its own process, as Airflow does.

    dbt-duckdb keeps its connection to the warehouse open for the life of the process,
    and the stages after it open the file again.
    """
    dbt = Path(sys.executable).with_name("dbt")
    args = [str(dbt), command, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    args += ["--target", DBT_TARGET, "--quiet"]
    proc = subprocess.run(
        args,
        env={**os.environ, **dbt_env(settings)},
        capture_output=True,
        text=True,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,  # noqa: PLW1509 - async-signal-safe
    )
    if proc.returncode != 0:
        failures = [line.strip() for line in proc.stdout.splitlines() if "Failure in" in line or "Error in" in line]
        detail = "; ".join(failures) or (proc.stdout[-2000:] + proc.stderr[-2000:])
        raise RuntimeError(f"dbt {command} failed: {detail}")


@stage
def dbt_build(settings: Settings, run_id: str) -> dict[str, Any]:
    """``dbt build`` (models, then their tests) — the CLI path; Airflow runs each model through Cosmos."""
    from governance.site.dbt_results import archive_run_results

    _dbt(settings, "build")
    # dbt's test results beside the quality results on the site (Cosmos does the same under Airflow).
    archive_run_results(target_dir=settings.dbt_target_dir)
    return {"status": "success", "target": str(settings.dbt_target_dir)}


def built_manifest_complete(target_dir: Path) -> bool:
    """Whether ``target_dir`` holds the manifest of a whole ``dbt build`` with every model's compiled SQL.

    ``dbt build`` writes its manifest with the SQL it compiled for each model it ran, identical to what ``dbt
    compile`` writes; a build that selected some models, a per-model run (Cosmos under Airflow), a compile or a
    manifest from another invocation than the run results beside it does not count."""
    try:
        manifest = json.loads((target_dir / "manifest.json").read_text(encoding="utf-8"))
        results = json.loads((target_dir / "run_results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    invocation = manifest.get("metadata", {}).get("invocation_id")
    if not invocation or invocation != results.get("metadata", {}).get("invocation_id"):
        return False
    args = results.get("args", {})
    if args.get("which") != "build" or args.get("select") or args.get("exclude"):
        return False
    models = [n for n in manifest.get("nodes", {}).values() if n.get("resource_type") == "model"]
    return bool(models) and all(n.get("compiled_code") for n in models)


@stage
def dbt_artifacts(settings: Settings, run_id: str) -> dict[str, Any]:
    """dbt's manifest with every model's compiled SQL: column lineage for the gate and the site reads it.

    After the CLI's whole ``dbt build`` the manifest already carries it (``built_manifest_complete``): no second
    parse and compile. Otherwise (Cosmos ran one model per task) ``dbt compile`` writes it."""
    manifest = settings.dbt_target_dir / "manifest.json"
    if built_manifest_complete(settings.dbt_target_dir):
        return {"manifest": str(manifest), "compiled_by": "dbt build"}
    _dbt(settings, "compile")
    return {"manifest": str(manifest), "compiled_by": "dbt compile"}


@stage
def quality_marts(settings: Settings, run_id: str) -> dict[str, Any]:
    from quality.runner import validate_marts

    return validate_marts(settings, run_id)


@stage
def publish(settings: Settings, run_id: str) -> dict[str, Any]:
    from confiance.pipeline_inputs import publication_services
    from governance.publish import publish_all

    return publish_all(settings, run_id, publication_services())


@stage
def site(settings: Settings, run_id: str) -> dict[str, Any]:
    from confiance.pipeline_inputs import build_site

    return {"index": str(build_site(settings))}


@stage
def reports(settings: Settings, run_id: str) -> dict[str, Any]:
    from confiance.pipeline_inputs import build_dpo_reports

    return {"reports": [str(p) for p in build_dpo_reports(settings)]}


PIPELINE_ORDER = [
    "land",
    "quality_feeds",
    "cross",
    "quality_warehouse",
    "dbt_build",
    "dbt_artifacts",
    "quality_marts",
    "publish",
    "site",
    "reports",
]


def run_all(settings: Settings, run_id: str | None = None, echo: Callable[[str], None] = log.info) -> dict[str, Any]:
    """Every stage in order, as Airflow runs them (dbt through the dbt CLI instead of Cosmos)."""
    from vault.locking import run_lock

    run_id = safe_run_id(run_id or new_run_id())
    settings.ensure_dirs()
    results: dict[str, Any] = {}
    with run_lock(settings, run_id):  # a second run refuses (RunInProgressError); a killed run's lock is taken over
        for name in PIPELINE_ORDER:
            echo(f"stage {name} ...")
            results[name] = STAGES[name](settings, run_id)
    return results


def latest_run_results(settings: Settings) -> dict[str, dict[str, Any]]:
    """Each stage's result from the most recent run that recorded it."""
    out: dict[str, dict[str, Any]] = {}
    runs = sorted(runs_dir(settings).glob("*/*.json"), key=lambda p: p.stat().st_mtime)
    for path in runs:
        with open(path, encoding="utf-8") as fh:
            out[path.stem] = json.load(fh)
    return out
