"""Suite-wide settings: tests never touch a real data directory or key, and nothing phones home."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

_sandbox = Path(tempfile.mkdtemp(prefix="confiance-tests-"))
os.environ["CONFIANCE_HOME"] = str(_sandbox / "var")
os.environ["CONFIANCE_KEY_FILE"] = str(_sandbox / "keys" / "master.key")
os.environ.setdefault("AIRFLOW_HOME", str(_sandbox / "airflow"))
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(ROOT / "dags")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__COSMOS__ENABLE_TELEMETRY"] = "False"
os.environ["AIRFLOW__COSMOS__ENABLE_CACHE"] = "False"
os.environ["DO_NOT_TRACK"] = "1"
os.environ["GX_ANALYTICS_ENABLED"] = "False"
os.environ["SCARF_ANALYTICS"] = "false"


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """dbt's manifest, which Cosmos renders the DAG from; parsed once if missing."""
    manifest = ROOT / "dbt_project" / "target" / "manifest.json"
    if not manifest.exists():
        subprocess.run(
            [str(BIN / "dbt"), "parse", "--project-dir", "dbt_project", "--profiles-dir", "dbt_project", "--quiet"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "CONFIANCE_WAREHOUSE_DB": str(_sandbox / "parse.duckdb")},
        )
    return manifest


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where a test run saves what a person should look at (screenshots): ``test-artifacts/``."""
    out = Path(os.environ.get("CONFIANCE_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="session")
def local_browser():
    """Headless Debian Chromium whose pages can only reach local addresses (governance.browser).

    Yields ``new_page() -> LocalPage``; tests assert ``LocalPage.external_requests == []``.
    """
    from governance.browser import local_browser as _local_browser

    with _local_browser() as new_page:
        yield new_page
