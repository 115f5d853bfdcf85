"""The insurer's consumption cells computed in one pass (GROUPING SETS) publish exactly what one
aggregation per generalisation level published.

A small pseudonymised warehouse with the disclosure cases (tests/marts/pseudo_synth.py: a dominated
cell, a p % cell, small employers) is built with the one-pass roll-up (Spark's default); then the
insurer model and everything downstream of it are rebuilt with the former path
(``disclosure_one_pass: false``: one scan and one aggregation per level). Every relation of that
rebuild (the cell grid with its true values, top contributions and primary masking, and the published
mart) must be equal row for row, masked cells included. Both paths must agree whatever the rule's
parameters; the insurer's k is set to 3 here so that, at this size, finer levels than the last fallback
are chosen and their cells compared (with the project's k the fallback is chosen; the Spark test and
the marts' tests build that case).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.marts import pseudo_synth

ROOT = Path(__file__).resolve().parents[2]


MODEL = "int_disclosure__insurer_consumption"
MEMBERS = 800
CUTOFF = "2026-01-01"
LAST_LEVEL = 28  # the fallback: year x all ages x France x both sexes


def _relations(db: Path, names: list[str]) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        found = dict(con.execute("select table_name, table_schema from information_schema.tables").fetchall())
        return {
            name: sorted(
                con.execute(f"select * from {found[name]}.{name}").fetchall(),
                key=lambda row: tuple((v is None, str(v)) for v in row),
            )
            for name in names
        }


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    work = tmp_path_factory.mktemp("one-pass")
    db = work / "warehouse.duckdb"
    pseudo_synth.build(db, MEMBERS)
    env = {
        **os.environ,
        "DO_NOT_TRACK": "1",
        "CONFIANCE_WAREHOUSE_DB": str(db),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
    }
    return db, env


def _dbt(env: dict, *args: str) -> str:
    proc = subprocess.run(  # noqa: S603
        [
            str(Path(sys.executable).with_name("dbt")),
            "--quiet",
            *args,
            "--project-dir",
            str(ROOT / "dbt_project"),
            "--profiles-dir",
            str(ROOT / "dbt_project"),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, f"dbt {args[0]} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}"
    return proc.stdout


def test_one_pass_rollup_publishes_the_same_cells_as_one_scan_per_level(warehouse, insurer_k=3):
    db, env = warehouse
    project = yaml.safe_load((ROOT / "dbt_project" / "dbt_project.yml").read_text())
    disclosure = project["vars"]["disclosure"]
    disclosure = {**disclosure, "insurer": {**disclosure["insurer"], "k": insurer_k}}
    variables = {"publication_cutoff": CUTOFF, "disclosure": disclosure}
    names = sorted(
        line.strip()
        for line in _dbt(
            env, "ls", "--select", f"{MODEL}+", "--resource-type", "model", "--output", "name"
        ).splitlines()
        if line.strip()
    )
    assert MODEL in names and "mart_insurer__consumption" in names, names

    _dbt(
        env,
        "build",
        "--select",
        f"@{MODEL}",
        "--exclude-resource-type",
        "test",
        "--vars",
        json.dumps({**variables, "disclosure_one_pass": True}),
    )
    one_pass = _relations(db, names)
    _dbt(env, "run", "--select", f"{MODEL}+", "--vars", json.dumps({**variables, "disclosure_one_pass": False}))
    per_level = _relations(db, names)

    cells = one_pass[MODEL]
    assert cells and any("masked" in row for row in cells), "nothing masked: the comparison would not see masking"
    assert min(row[0] for row in cells) < LAST_LEVEL, "only the fallback level chosen: finer levels not compared"
    for name in names:
        assert len(one_pass[name]) == len(per_level[name]), name
        differing = [pair for pair in zip(one_pass[name], per_level[name], strict=True) if pair[0] != pair[1]]
        assert not differing, f"{name}: {len(differing)} rows differ, e.g. {differing[:2]}"
