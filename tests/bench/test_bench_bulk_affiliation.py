"""The bulk-affiliation benchmark's code path, scaled down (correctness, not time).

``bench/bench_bulk_affiliation.py`` lands a mutuelle, then a file of new members of one employer
with their collective contracts, and runs landing, quality, crossing and dbt again. Here the same
``main`` runs with 120 base members (landed and crossed only, to keep the test short) and 60 new
ones: every row of the affiliation's files is accounted for, and the employer's summary mart counts
exactly the new members on top of its own.
"""

from __future__ import annotations

import json

import duckdb

from bench import bench_bulk_affiliation


def test_new_members_of_one_employer_reach_its_marts(tmp_path, bench_env):
    home, out = tmp_path / "home", tmp_path / "affiliation.md"
    code = bench_bulk_affiliation.main(
        [
            "--members",
            "60",
            "--base-members",
            "120",
            "--defect-rate",
            "0",
            "--base-stages",
            "land,cross",
            "--keep",
            str(home),
            "--out",
            str(out),
        ]
    )
    data = json.loads(out.with_suffix(".json").read_text())
    assert code == 0, data
    assert [r["stage"] for r in data["affiliation"]] == bench_bulk_affiliation.STAGES
    checks, split = data["checks"], data["split"]
    assert checks["ok"] and checks["files"] == 2 and checks["accounted"]
    assert split["new_members"] == split["new_contracts"] == checks["members_landed"] == 60
    assert checks["employer_covered_after"] - checks["employer_covered_before"] == 60
    report = out.read_text(encoding="utf-8")
    assert "not incremental" in report and "not the target's 3 M" in report and "cores" in report

    # Seen from the warehouse: the employer's collective contracts active on at least one day of the
    # year its summary reports cover the new tokens, and none of the new members brought benefits with them.
    from confiance.settings import get_settings

    settings = get_settings(home)
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        (year,) = con.execute(
            "select max(care_year) from marts.mart_employer__summary where employer_siret = ?",
            [split["employer_siret"]],
        ).fetchone()
        assert year == bench_bulk_affiliation.REPORTED_YEAR
        covered = con.execute(
            "select count(distinct member_token) from pseudo.contracts where employer_siret = ? "
            "and contract_type = 'collective' and start_date <= make_date(?, 12, 31) "
            "and coalesce(end_date, date '9999-12-31') >= make_date(?, 1, 1)",
            [split["employer_siret"], year, year],
        ).fetchone()[0]
    assert covered == checks["employer_covered_after"]
