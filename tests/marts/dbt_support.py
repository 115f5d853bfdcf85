"""dbt in a child process on a test warehouse (dbt-duckdb keeps its connection open in-process): one helper for
the marts tests' builds and partial runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from confiance.settings import DBT_PROJECT_DIR


def run_dbt(
    command: str,
    warehouse: Path,
    *,
    select: list[str] | None = None,
    dbt_vars: dict | None = None,
    target: Path | None = None,
) -> None:
    """``dbt <command>`` on ``warehouse`` (``--select`` and ``--vars`` when given); fails the test with dbt's output."""
    env = {**os.environ, "CONFIANCE_WAREHOUSE_DB": str(warehouse), "DO_NOT_TRACK": "1"}
    if target is not None:
        env["DBT_TARGET_PATH"] = str(target)
    args = [str(Path(sys.executable).parent / "dbt"), command, "--project-dir", str(DBT_PROJECT_DIR)]
    args += ["--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"]
    if select:
        args += ["--select", *select]
    if dbt_vars is not None:
        args += ["--vars", yaml.safe_dump(dbt_vars)]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    assert result.returncode == 0, f"dbt {command} failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}"
