"""The dbt project runs unchanged on Apache Spark and publishes the same cells as on DuckDB.

A small pseudonymised warehouse (tests/marts/pseudo_synth.py, with its disclosure cases: an
employer of 14 women and one man, a dominated cell, a p % cell) is built once in DuckDB. Its
``pseudo.*`` tables are exported to Parquet and registered as tables of a local Spark session
(PySpark, local mode, no download); ``dbt build --target spark`` then builds the staging,
intermediate and mart models there (tests/spark/spark_dbt.py, in a child process; one model is a
stated known gap, NOT_YET_ON_SPARK). The same
project is built with dbt-duckdb on the same warehouse, with the same publication cut-off, and
every mart (the cells Confiance would publish: values, masked cells, grid rows) must be equal,
row for row.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.marts import pseudo_synth

ROOT = Path(__file__).resolve().parents[2]


MEMBERS = 800
CUTOFF = "2026-01-01"  # the same closed periods on both engines, whatever the day the test runs
VARS = f'{{publication_cutoff: "{CUTOFF}"}}'
BIN = Path(sys.executable).parent
MARTS_DIR = ROOT / "dbt_project" / "models" / "marts"
# Models left out of the Spark build (with their marts); the test checks that these, and only these,
# are missing. The insurer's consumption cells (28 generalisation levels) used to be too large for
# Spark's analyser; they now aggregate every level in one GROUPING SETS pass and build on Spark. The
# dataviz member profiles were rewritten the same way (one pass over the lattice nodes and over the
# band counts), but their Spark build is not proven yet: the one attempt, on the shared machine at
# load ~40, lost its SparkContext after 18 minutes on this model.
NOT_YET_ON_SPARK = {
    "int_disclosure__dataviz_member_profiles": "mart_dataviz__member_profiles",
}


def mart_models() -> set[str]:
    """Every mart model of the project (models/marts/<consumer>/mart_*.sql)."""
    return {p.stem for p in MARTS_DIR.glob("*/mart_*.sql")}


def _normalise(value):
    """A cell value comparable across engines: decimals and floats as exact decimals (2 places or 4)."""
    if isinstance(value, float):
        return Decimal(repr(value)).normalize()
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _rows(table) -> list[tuple]:
    columns = sorted(table.column_names)
    data = table.select(columns).to_pylist()
    rows = [tuple(_normalise(row[c]) for c in columns) for row in data]
    return sorted(rows, key=lambda r: tuple((v is None, str(v)) for v in r))


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory):
    """(DuckDB marts as {model: pyarrow table}, Spark marts folder, Spark run output)."""
    work = tmp_path_factory.mktemp("spark")
    db = work / "warehouse.duckdb"
    pseudo_synth.build(db, MEMBERS)
    sources = work / "sources"
    sources.mkdir()
    with duckdb.connect(str(db)) as con:
        # the member versions the crossing writes (pseudo.member_versions): one in eight members moved after their
        # care years closed (their closed years stay filed under the version before), one in eight before 2024's
        # closing (2024 filed under the move): the filing rule (macros/member_versions.sql) runs on both engines
        con.execute(
            "create table pseudo.member_versions as select member_token, timestamp '2022-06-01' as updated_at, "
            "birth_year, sex, departement from pseudo.members"
        )
        con.execute(
            "insert into pseudo.member_versions select member_token, case when hash(member_token) % 2 = 0 then "
            "timestamp '2025-06-01' else timestamp '2024-10-01' end, birth_year - 11, sex, "
            "case when departement = '2A' then '13' else '2A' end from pseudo.members where hash(member_token) % 4 = 0"
        )
        con.execute(
            "update pseudo.members set birth_year = v.birth_year, departement = v.departement "
            "from pseudo.member_versions v where v.member_token = members.member_token and v.updated_at > '2023-01-01'"
        )
        for table in ("members", "member_versions", "contracts", "benefits"):
            con.execute(f"copy pseudo.{table} to '{sources / (table + '.parquet')}' (format parquet)")

    env = {
        **os.environ,
        "DO_NOT_TRACK": "1",
        "CONFIANCE_WAREHOUSE_DB": str(db),
        "DBT_TARGET_PATH": str(work / "duckdb-target"),
        "DBT_LOG_PATH": str(work / "duckdb-logs"),
    }
    duck = subprocess.run(  # noqa: S603
        [
            str(BIN / "dbt"),
            "build",
            "--project-dir",
            str(ROOT / "dbt_project"),
            "--profiles-dir",
            str(ROOT / "dbt_project"),
            "--vars",
            VARS,
            "--quiet",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert duck.returncode == 0, f"dbt build on DuckDB failed:\n{duck.stdout[-3000:]}\n{duck.stderr[-2000:]}"
    with duckdb.connect(str(db), read_only=True) as con:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            ).fetchall()
        ]
        duck_marts = {name: con.execute(f"select * from marts.{name}").fetch_arrow_table() for name in names}

    out = work / "spark-marts"
    spark = subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "tests" / "spark" / "spark_dbt.py"),
            "--sources",
            str(sources),
            "--work",
            str(work / "spark"),
            "--out",
            str(out),
            "--",
            "build",
            "--exclude-resource-type",
            "test",
            "--vars",
            VARS,
            "--quiet",
            *(["--exclude", *[f"{model}+" for model in NOT_YET_ON_SPARK]] if NOT_YET_ON_SPARK else []),
        ],
        env={**os.environ, "DO_NOT_TRACK": "1"},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert spark.returncode == 0, f"dbt build on Spark failed:\n{spark.stdout[-4000:]}\n{spark.stderr[-3000:]}"
    return duck_marts, out, spark.stdout


def test_spark_builds_every_mart_of_the_project(warehouses):
    duck_marts, out, log = warehouses
    built = {p.stem for p in out.glob("*.parquet")}
    expected = mart_models() - set(NOT_YET_ON_SPARK.values())
    assert built == expected, f"marts built on Spark: {sorted(built)}; expected {sorted(expected)}"
    assert set(duck_marts) == mart_models()
    assert "dbt on spark: ok" in log


def test_spark_publishes_the_same_cells_as_duckdb(warehouses):
    duck_marts, out, _ = warehouses
    differences = []
    for name in sorted(mart_models() - set(NOT_YET_ON_SPARK.values())):
        duck = duck_marts[name]
        spark = pq.read_table(out / f"{name}.parquet")
        assert duck.num_rows > 0, f"{name}: empty on DuckDB, nothing compared"
        if sorted(duck.column_names) != sorted(spark.column_names):
            differences.append(f"{name}: columns {sorted(duck.column_names)} vs {sorted(spark.column_names)}")
            continue
        d_rows, s_rows = _rows(duck), _rows(spark)
        if d_rows != s_rows:
            only_d = [r for r in d_rows if r not in s_rows][:3]
            only_s = [r for r in s_rows if r not in d_rows][:3]
            differences.append(
                f"{name}: {len(d_rows)} rows on DuckDB, {len(s_rows)} on Spark; "
                f"DuckDB only {only_d}; Spark only {only_s}"
            )
    assert not differences, "\n".join(differences)


def test_the_comparison_sees_masking(warehouses):
    """The disclosure cases are in the data: some published cells are masked on both engines, equally."""
    duck_marts, out, _ = warehouses
    masked = {}
    for name in ("mart_employer__consumption", "mart_employer__totals", "mart_insurer__consumption"):
        duck = duck_marts[name].column("masking").to_pylist()
        spark = pq.read_table(out / f"{name}.parquet").column("masking").to_pylist()
        masked[name] = (duck.count("masked"), spark.count("masked"))
    assert all(d > 0 for d, _ in masked.values()), masked
    assert all(d == s for d, s in masked.values()), masked
