"""kill -9 at the later stages of a real run: during the quality checks and during the dbt build (the publication:
test_kill_publication.py), on a copy of the session's demo mutuelle (3,000 members, the whole pipeline already
run once).

Each test starts a real process — `confiance run`, or one stage in its own process as an Airflow task runs it —
waits for a marker showing the stage is under way (a file that stage writes), sends SIGKILL, then checks what
the next command finds: the vault and the warehouse open, the audit chain verifies, no lock or temporary file
blocks anything (a killed run's lock is taken over with an audit entry), a consumer never sees a partial
publication (each consumer or employer folder verifies against the pinned publisher key, or is absent), and the
rerun of the stage completes.
"""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from confiance import cli
from confiance.pipeline import STAGES, runs_dir
from confiance.settings import Settings
from tests.e2e.kill_support import (
    CONFIANCE,
    REPO,
    assert_nothing_broken,
    assert_taken_over,
    children,
    kill_when,
    pids_gone,
    spawn,
    stage_process,
)

pytestmark = pytest.mark.slow


def test_kill_during_quality_checks_of_a_confiance_run(home: Settings):
    """A real `confiance run` killed while its feed checks run; a second run meanwhile is refused (exit 9)."""
    results = home.quality_dir / "results"
    proc = spawn([str(CONFIANCE), "run", "--run-id", "kill_quality"], home.home.parent / "kill_quality.log")
    # while the run is under way, a second one must refuse at once and clearly
    _kill_when_no_kill = runs_dir(home) / "kill_quality" / "land.json"
    deadline = time.monotonic() + 300
    while not _kill_when_no_kill.exists():
        assert proc.poll() is None, (home.home.parent / "kill_quality.log").read_text()[-3000:]
        assert time.monotonic() < deadline
        time.sleep(0.02)
    second = subprocess.run(
        [str(CONFIANCE), "run", "--run-id", "second_run"],
        cwd=REPO,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == cli.EXIT_RUN_IN_PROGRESS, second.stderr[-2000:]
    assert "Traceback" not in second.stderr and f"pid {proc.pid}" in second.stderr and "kill_quality" in second.stderr
    assert not (runs_dir(home) / "second_run").exists()

    def mid_quality() -> bool:  # one dataset's result of this run written, the stage not finished
        return (
            any(results.glob("*/*__kill_quality.json"))
            and not (runs_dir(home) / "kill_quality" / "quality_feeds.json").exists()
        )

    kill_when(proc, mid_quality, "the feed checks being under way")
    written = list(results.glob("*/*__kill_quality.json"))
    assert 1 <= len(written) < 3  # killed between datasets or inside one: the stage did not finish
    for path in results.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # no half-written result (written then renamed)
    assert_nothing_broken(home)

    # the rerun: the stage completes, taking over the dead run's lock (audited)
    summary = STAGES["quality_feeds"](home, "rerun_quality")
    assert set(summary["datasets"]) == {"raw.members", "raw.contracts", "raw.benefits"}
    assert_taken_over(home, proc.pid)
    assert_nothing_broken(home)


def test_kill_during_the_dbt_build(home: Settings):
    """The dbt build killed mid-way (some models rebuilt, others not): its dbt process dies with it, the warehouse
    opens, and the rebuild completes."""
    run_dir = home.dbt_target_dir / "run"
    started = time.time()
    proc = stage_process(home, "dbt_build", "kill_dbt")
    dbt_pids: list[int] = []

    def mid_build() -> bool:  # dbt has executed at least three models of this build
        dbt_pids[:] = children(proc.pid) or dbt_pids
        return sum(1 for p in run_dir.rglob("*.sql") if p.stat().st_mtime >= started) >= 3

    kill_when(proc, mid_build, "dbt building models")
    assert dbt_pids, "dbt was expected to run in a child process"
    assert pids_gone(dbt_pids), "the dbt process outlived the killed run and still holds the warehouse"
    assert not (runs_dir(home) / "kill_dbt" / "dbt_build.json").exists()
    assert_nothing_broken(home)

    STAGES["dbt_build"](home, "rerun_dbt")
    assert_taken_over(home, proc.pid)
    assert_nothing_broken(home)
