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
# OpenLineage events of any DAG run in the tests go to a file in the sandbox, never to a server.
os.environ["AIRFLOW__OPENLINEAGE__NAMESPACE"] = "confiance"
os.environ["AIRFLOW__OPENLINEAGE__TRANSPORT"] = (
    '{"type": "file", "log_file_path": "' + str(_sandbox / "openlineage.jsonl") + '", "append": true}'
)


def _manifest_is_stale(manifest: Path) -> bool:
    """Missing, or older than a file of the dbt project (a model added since would be left out of the DAG)."""
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    project = ROOT / "dbt_project"
    sources = [project / "dbt_project.yml"] + [
        p for d in ("models", "macros", "seeds", "tests") for p in (project / d).rglob("*") if p.is_file()
    ]
    return any(p.stat().st_mtime > built for p in sources)


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """dbt's manifest, which Cosmos renders the DAG from; parsed once if missing or older than the project."""
    manifest = ROOT / "dbt_project" / "target" / "manifest.json"
    if _manifest_is_stale(manifest):
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
    """Headless Debian Chromium whose pages can only reach local addresses (confiance.browser).

    Yields ``new_page() -> LocalPage``; tests assert ``LocalPage.external_requests == []``.
    """
    from confiance.browser import local_browser as _local_browser

    with _local_browser() as new_page:
        yield new_page


DEMO_MEMBERS = 3000
DEMO_AS_OF = "2026-01-01"


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory, dbt_manifest):
    """The whole pipeline (``run_all``: land → … → publish → site → reports) once per test session.

    A generated mutuelle of 3,000 members whose benefits cover the closed year 2025, defects
    included, run by the same code path as ``make demo`` minus Airflow. Yields
    ``(settings, results)``; tests must not modify its home (copy it first).
    """
    from confiance.pipeline import run_all
    from confiance.settings import Settings
    from confiance.synthetic import generate_files

    base = tmp_path_factory.mktemp("demo-run")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFIANCE_MASTER_KEY", "5e" * 32)
        settings = Settings(home=base / "var", key_file=base / "absent.key")
        settings.ensure_dirs()
        generate_files(settings.inbox, members=DEMO_MEMBERS, seed=42, as_of=DEMO_AS_OF, defect_rate=0.001)
        results = run_all(settings, "demo_test")
        yield settings, results
