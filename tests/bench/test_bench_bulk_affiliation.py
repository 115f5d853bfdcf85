"""The bulk-affiliation benchmark's code path, scaled down (correctness, not time).

``bench/bench_bulk_affiliation.py`` lands a mutuelle, then a file of new members of one employer
with their collective contracts, and runs landing, quality, crossing and dbt again. Here the same
``main`` runs with 120 base members (landed and crossed only, to keep the test short) and 60 new
ones: every row of the affiliation's files is accounted for, the employer's summary mart counts
exactly the new members on top of its own, and dbt built the employer's marts with their lineage and
disclosure checks, not the other consumers' marts.
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
    assert "per-row checks on the new files only" in report and "not the target's 3 M" in report
    assert "cores" in report

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
    _dbt_built_the_employers_lineage_only(settings)


def _dbt_built_the_employers_lineage_only(settings) -> None:
    """The affiliation's dbt step builds the employer's marts and what they are built from, disclosure control
    included (its models and their tests pass); the other consumers' marts are not built. The base here runs
    landing and crossing only, so a mart the step did not build is absent from the warehouse."""
    results = json.loads((settings.dbt_target_dir / "run_results.json").read_text())["results"]
    status = {r["unique_id"]: r["status"] for r in results}
    built = {uid.split(".")[-1] for uid in status if uid.startswith("model.")}
    assert {"mart_employer__summary", "mart_employer__consumption", "int_disclosure__employer_consumption"} <= built
    assert not [m for m in built if m.startswith(("mart_insurer", "mart_dataviz", "mart_prevention"))]
    disclosure_tests = [uid for uid in status if uid.startswith("test.") and "int_disclosure__employer" in uid]
    assert disclosure_tests and all(status[uid] == "pass" for uid in disclosure_tests)
    assert all(status[uid] in ("success", "pass") for uid in status), status
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        marts = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts'"
            ).fetchall()
        }
    assert "mart_employer__summary" in marts and "mart_insurer__consumption" not in marts
