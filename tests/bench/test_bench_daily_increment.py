"""The daily-increment benchmark's code path, scaled down (correctness, not time).

``bench/bench_daily_increment.py`` lands a year, then one day of benefits and member changes, and
runs the pipeline again one stage per process. Here the same ``main`` runs on a 150-member year with
a 40-line day and 12 member changes, through landing and crossing: every row of the day's files
is accounted for (read = landed + quarantined), the day's lines reach the warehouse, each changed
member crosses once (its latest version), and the report says the run is not incremental.
"""

from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq

from bench import bench_daily_increment


def test_daily_increment_lands_the_day_on_top_of_the_year(tmp_path, bench_env):
    home, out = tmp_path / "home", tmp_path / "daily.md"
    code = bench_daily_increment.main(
        [
            "--members",
            "150",
            "--day-lines",
            "40",
            "--member-changes",
            "12",
            "--defect-rate",
            "0",
            "--stages",
            "land,cross",
            "--keep",
            str(home),
            "--out",
            str(out),
        ]
    )
    data = json.loads(out.with_suffix(".json").read_text())
    assert code == 0, data
    assert [r["stage"] for r in data["day"]] == ["land", "cross"] and all(r["ok"] for r in data["day"])
    assert data["counts"]["benefits_day"] == 40 and data["counts"]["member_changes"] == 12
    checks = data["checks"]
    assert checks["ok"] and checks["day_files"] == 2 and checks["accounted"]
    assert checks["benefits_landed"] + checks["benefits_quarantined"] == 40
    assert checks["members_landed"] == 12
    assert checks["warehouse_benefits_after"] > checks["warehouse_benefits_before"] > 0
    assert checks["warehouse_members_after"] == checks["warehouse_members_before"]
    # the crossing appended the day's records (and retried the year's held-back ones), not the year's
    appended = checks["cross_appended"]["benefits"]
    assert checks["benefits_landed"] <= appended <= checks["benefits_landed"] + checks["benefits_held_back_before"]
    # the changed members re-crossed (and those a new run date moved to another age band), not the whole register
    assert 12 <= checks["cross_appended"]["members"] < checks["warehouse_members_after"]
    report = out.read_text(encoding="utf-8")
    assert "not incremental" in report and "not judged (some stages only)" in report and "cores" in report

    # The day's lines are the latest paid of the year, and none of them was landed with the year.
    day = pq.read_table(next((home / "day").glob("benefits_*.parquet")))
    year = pq.read_table(next((home / "inbox").glob(f"benefits_{bench_daily_increment.AS_OF.replace('-', '')}*")))
    assert min(day.column("payment_date").to_pylist()) >= max(year.column("payment_date").to_pylist())
    assert not set(day.column("benefit_id").to_pylist()) & set(year.column("benefit_id").to_pylist())
    # by default moved into the open year (paid after the closed year), each line still distinct
    assert min(str(d)[:10] for d in day.column("payment_date").to_pylist()) > bench_daily_increment.AS_OF
    keys = ["member_id", "act_code", "care_date", "actual_cost"]
    assert len({tuple(r[k] for k in keys) for r in day.select(keys).to_pylist()}) == day.num_rows

    # The changed members' latest version crossed: their new commune-level data is unchanged, but the
    # vault holds two versions of each and the warehouse one.
    from confiance.settings import get_settings
    from vault.db import vault_connection

    settings = get_settings(home)
    with vault_connection(settings, read_only=True) as con:
        versions = con.execute("select count(*) - count(distinct member_id) from raw.members").fetchone()[0]
    assert versions == 12
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        tokens = con.execute("select count(*), count(distinct member_token) from pseudo.members").fetchone()
    assert tokens[0] == tokens[1] == checks["warehouse_members_after"]
