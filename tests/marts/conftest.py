"""Build a synthetic pseudo warehouse and the dbt project once per session; publish once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from confiance.pipeline_inputs import publication_services
from confiance.settings import get_settings
from tests.marts.dbt_support import run_dbt

MEMBERS = 3000


def dbt_build(warehouse: Path, target: Path) -> None:
    """dbt build in a child process (dbt-duckdb keeps its connection open in-process)."""
    run_dbt("build", warehouse, target=target)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(settings, target dir) with the marts built on a 3,000-member synthetic warehouse."""
    from tests.marts import pseudo_synth

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
    # Scoped: a DBT_TARGET_PATH left in the process would send every later publication (the demo's in other
    # test files) to this fixture's manifest.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DBT_TARGET_PATH", str(target))
        summary = publish_all(settings, "test_run", publication_services())
    return settings, summary


@pytest.fixture()
def copy_home(built, tmp_path, monkeypatch):
    """A private copy of the built home (warehouse + dbt target) for tests that alter things."""
    settings, target = built
    home = tmp_path / "home"
    shutil.copytree(settings.home, home, ignore=shutil.ignore_patterns("published"))
    monkeypatch.setenv("DBT_TARGET_PATH", str(home / "dbt" / "target"))  # for this test only
    return get_settings(home)
