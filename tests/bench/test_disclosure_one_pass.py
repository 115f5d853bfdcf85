"""The insurer's consumption cells computed in one pass (GROUPING SETS) publish exactly what one
aggregation per generalisation level published.

The demo warehouse (the session's ``demo_run``: 3,000 generated members, the whole pipeline) was
built with the one-pass roll-up, the model's default. A copy of it is rebuilt with the former path
(``disclosure_one_pass: false``: one scan and one aggregation per level) for the insurer model and
everything downstream of it; every relation of that rebuild (the cell grid with its true values,
top contributions and primary masking, and the published mart) must be equal row for row, masked
cells included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
MODEL = "int_disclosure__insurer_consumption"


def _relations(db: Path, names: list[str]) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        found = dict(con.execute(
            "select table_name, table_schema from information_schema.tables").fetchall())
        return {name: sorted(con.execute(f"select * from {found[name]}.{name}").fetchall(),
                             key=lambda row: tuple((v is None, str(v)) for v in row))
                for name in names}


def test_one_pass_rollup_publishes_the_same_cells_as_one_scan_per_level(demo_run, tmp_path):
    settings, _ = demo_run
    home = tmp_path / "var"
    shutil.copytree(settings.home, home)
    warehouse = home / settings.warehouse_db.relative_to(settings.home)
    env = {**os.environ, "DO_NOT_TRACK": "1", "CONFIANCE_WAREHOUSE_DB": str(warehouse),
           "DBT_TARGET_PATH": str(tmp_path / "target"), "DBT_LOG_PATH": str(tmp_path / "logs")}
    dbt = [str(Path(sys.executable).with_name("dbt")), "--quiet"]
    project = ["--project-dir", str(ROOT / "dbt_project"), "--profiles-dir", str(ROOT / "dbt_project")]
    listed = subprocess.run(  # noqa: S603
        [*dbt, "ls", *project, "--select", f"{MODEL}+", "--resource-type", "model", "--output", "name"],
        env=env, capture_output=True, text=True, check=False, timeout=300)
    assert listed.returncode == 0, listed.stdout[-2000:] + listed.stderr[-2000:]
    names = sorted(line.strip() for line in listed.stdout.splitlines() if line.strip())
    assert MODEL in names and "mart_insurer__consumption" in names, names

    one_pass = _relations(warehouse, names)
    masked = sum(1 for row in one_pass[MODEL] if "masked" in row)
    assert one_pass["mart_insurer__consumption"] and masked > 0, "nothing masked: the comparison would not see masking"

    rebuilt = subprocess.run(  # noqa: S603
        [*dbt, "run", *project, "--select", f"{MODEL}+", "--vars", "{disclosure_one_pass: false}"],
        env=env, capture_output=True, text=True, check=False, timeout=600)
    assert rebuilt.returncode == 0, rebuilt.stdout[-3000:] + rebuilt.stderr[-2000:]
    per_level = _relations(warehouse, names)

    for name in names:
        assert len(one_pass[name]) == len(per_level[name]), name
        differing = [pair for pair in zip(one_pass[name], per_level[name], strict=True) if pair[0] != pair[1]]
        assert not differing, f"{name}: {len(differing)} rows differ, e.g. {differing[:2]}"
