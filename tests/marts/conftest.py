"""Build a synthetic pseudo warehouse and the dbt project once per session; publish once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from confiance.settings import DBT_PROJECT_DIR, get_settings  # noqa: E402

MEMBERS = 3000


def dbt_build(warehouse: Path, target: Path) -> None:
    """dbt build in a child process (dbt-duckdb keeps its connection open in-process)."""
    env = {**os.environ, "CONFIANCE_WAREHOUSE_DB": str(warehouse), "DO_NOT_TRACK": "1", "DBT_TARGET_PATH": str(target)}
    dbt = Path(sys.executable).parent / "dbt"
    result = subprocess.run(  # noqa: S603
        [str(dbt), "build", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"dbt build failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(settings, target dir) with the marts built on a 3,000-member synthetic warehouse."""
    import pseudo_synth

    home = tmp_path_factory.mktemp("home")
    os.environ.setdefault("CONFIANCE_MASTER_KEY", "ab" * 32)
    settings = get_settings(home)
    settings.ensure_dirs()
    pseudo_synth.build(settings.warehouse_db, MEMBERS)
    target = home / "dbt" / "target"
    dbt_build(settings.warehouse_db, target)
    return settings, target


@pytest.fixture(scope="session")
def published(built):
    from governance.publish import publish_all

    settings, target = built
    os.environ["DBT_TARGET_PATH"] = str(target)
    summary = publish_all(settings, "test_run")
    return settings, summary


@pytest.fixture()
def copy_home(built, tmp_path):
    """A private copy of the built home (warehouse + dbt target) for tests that alter things."""
    settings, target = built
    home = tmp_path / "home"
    shutil.copytree(settings.home, home, ignore=shutil.ignore_patterns("published"))
    os.environ["DBT_TARGET_PATH"] = str(home / "dbt" / "target")
    return get_settings(home)
