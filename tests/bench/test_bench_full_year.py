"""The full-year benchmark's code path, scaled down: generated year, one stage per child process.

``bench/bench_full_year.py`` runs the whole pipeline on 10 million members one stage per process and
reports wall, CPU and peak memory per stage. Here the same ``main`` runs on 120 members through the
first stages (landing, crossing), not timed: every stage must succeed in its own
process, the report must carry one measured row per stage and say honestly that the scope is not the
target's, and the vault's ledger must account for every generated row.
"""

from __future__ import annotations

import json
import os
import secrets

import pytest

from bench import bench_full_year

STAGES = ["land", "cross"]


def test_full_year_path_runs_each_stage_in_its_own_process_and_reports_it(tmp_path, bench_env):
    home, out = tmp_path / "home", tmp_path / "full_year.md"
    code = bench_full_year.main(
        ["--members", "120", "--stages", ",".join(STAGES), "--keep", str(home), "--out", str(out)]
    )
    assert code == 0
    report = out.read_text(encoding="utf-8")
    data = json.loads(out.with_suffix(".json").read_text())
    assert [r["stage"] for r in data["runs"]] == STAGES
    for r in data["runs"]:
        assert r["ok"], r
        assert r["wall_s"] > 0 and r["cpu_s"] > 0 and r["peak_rss_mib"] > 50  # a Python child at least
        assert f"| {r['stage']} |" in report
    assert "| **total** |" in report
    assert data["verdict"].startswith("not judged (some stages only") and "not the target's size" in report
    assert "cores" in report and "Load average" in report

    # Every generated row is accounted for: read = landed + quarantined, file by file.
    from confiance.settings import get_settings
    from vault.landing import ledger

    rows = {row["feed"]: row for row in ledger(get_settings(home))}
    assert set(rows) == {"members", "contracts", "benefits"}
    for feed, row in rows.items():
        assert row["status"] == "landed", row
        assert row["rows_read"] == data["counts"][feed] == row["rows_landed"] + row["rows_quarantined"]


def test_a_failing_stage_is_reported_as_failed_not_as_a_time(tmp_path, bench_env):
    """quality_warehouse before any crossing fails: the bench says so and stops."""
    out = tmp_path / "full_year.md"
    code = bench_full_year.main(["--members", "20", "--stages", "quality_warehouse,land", "--out", str(out)])
    assert code == 1
    data = json.loads(out.with_suffix(".json").read_text())
    assert [r["stage"] for r in data["runs"]] == ["quality_warehouse"]  # stopped at the failure
    assert not data["runs"][0]["ok"]
    assert data["verdict"].startswith("NOT met")
    assert "FAILED" in out.read_text(encoding="utf-8")


def test_unknown_stage_is_refused():
    with pytest.raises(SystemExit) as exc:
        bench_full_year.main(["--stages", "land,teleport"])
    assert exc.value.code == 2
    assert os.environ.get("CONFIANCE_HOME")  # the suite's sandbox, untouched by the refusal


def test_a_stage_reports_its_own_peak_memory_not_the_large_parent_it_was_started_from(tmp_path, bench_env):
    """Linux carries a process's peak RSS across fork and exec: a stage started by a 2 GiB parent must
    still report its own peak, not the parent's."""
    home = tmp_path / "home"
    bench_full_year.generate(home, 40, 2.0, 0.0)
    env = bench_full_year.bench_env(home, secrets.token_hex(32))
    ballast = b"\x01" * (2048 * 2**20)  # written, so resident in this (parent) process
    run = bench_full_year.run_stage("land", "peak-check", env)
    assert run.ok, run.detail
    assert 50 < run.peak_rss_mib < 1536, run.peak_rss_mib
    assert len(ballast) == 2048 * 2**20
