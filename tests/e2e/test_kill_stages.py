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
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from confiance import cli
from confiance.pipeline import STAGES, runs_dir
from confiance.settings import Settings
from governance import publish
from vault import audit, locking
from vault.db import vault_connection
from vault.landing import ledger

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CONFIANCE = Path(sys.executable).with_name("confiance")
DEMO_KEY = "5e" * 32  # the demo_run fixture's master key (tests/conftest.py)
LOGS: dict[int, Path] = {}  # child pid -> its output


@pytest.fixture
def home(demo_run, tmp_path, monkeypatch) -> Settings:
    """A private copy of the demo run's data directory (the session's copy must stay untouched)."""
    demo, _ = demo_run
    shutil.copytree(demo.home, tmp_path / "var", symlinks=True)
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", DEMO_KEY)
    monkeypatch.setenv("CONFIANCE_HOME", str(tmp_path / "var"))
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    monkeypatch.delenv("CONFIANCE_RUN_LOCK_TIMEOUT", raising=False)
    return Settings(home=tmp_path / "var", key_file=tmp_path / "absent.key")


def _spawn(args: list[str], log: Path) -> subprocess.Popen:
    """A child whose output goes to a file (a pipe nobody reads would fill up and block it)."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, cwd=REPO, env=os.environ.copy(), stdout=out, stderr=subprocess.STDOUT)
    LOGS[proc.pid] = log
    return proc


def _stage_process(settings: Settings, stage: str, run_id: str) -> subprocess.Popen:
    """One stage in its own process, as an Airflow task runs it."""
    script = textwrap.dedent(f"""
        import pathlib
        from confiance.pipeline import STAGES
        from confiance.settings import Settings
        s = Settings(home=pathlib.Path({str(settings.home)!r}), key_file=pathlib.Path({str(settings.key_file)!r}))
        STAGES[{stage!r}](s, {run_id!r})
    """)
    return _spawn([sys.executable, "-c", script], settings.home.parent / f"{run_id}.log")


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _kill_when(proc: subprocess.Popen, marker: Callable[[], bool], what: str, timeout: float = 400) -> None:
    """SIGKILL ``proc`` as soon as ``marker()`` holds; fail if it ended first (the kill would prove nothing)."""
    deadline = time.monotonic() + timeout
    while not marker():
        if proc.poll() is not None:
            tail = LOGS[proc.pid].read_text(encoding="utf-8", errors="replace")[-3000:]
            raise AssertionError(f"the process ended ({proc.returncode}) before {what}:\n{tail}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"no sign of {what} after {timeout:.0f} s")
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"the process had already ended before {what}"


def _pids_gone(pids: list[int], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not [p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in _state(p)]:
            return True
        time.sleep(0.05)
    return False


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].splitlines()[0].lower()
    except (OSError, IndexError):
        return "zombie"  # gone meanwhile


def assert_nothing_broken(settings: Settings) -> None:
    """What the next command finds after a kill: both databases open, accounting and audit chain intact."""
    rows = ledger(settings)
    assert rows and all(r["rows_read"] == r["rows_landed"] + r["rows_quarantined"] for r in rows)
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.members").fetchone()[0] > 0
    con = duckdb.connect(str(settings.warehouse_db))  # read-write: no process holds it any more
    try:
        assert con.execute("SELECT count(*) FROM pseudo.members").fetchone()[0] > 0
    finally:
        con.close()
    ok, message = audit.verify(settings)
    assert ok, message
    assert not [p for p in locking.temp_root(settings).rglob("*") if p.is_file()]


def assert_taken_over(settings: Settings, killed_pid: int) -> None:
    entries = [e for e in audit.entries(settings) if e["action"] == "recovery.run_lock_taken_over"]
    assert [e["details"]["stale_pid"] for e in entries] == [killed_pid]
    assert not locking.run_lock_path(settings).with_suffix(".holder").exists()  # released cleanly by the rerun


def consumer_folders(settings: Settings) -> list[Path]:
    """Every folder a consumer reads: insurer, dataviz and employer/<SIRET>, each holding files. Hidden work
    folders and a previous release set aside during a swap (``<folder>.old``, delivered to no one) are not."""
    root = settings.published

    def delivered(path: Path) -> bool:
        parts = path.relative_to(root).parts
        return not any(part.startswith(".") or part.endswith(".old") for part in parts)

    found = {p.parent for p in root.rglob("*") if p.is_file() and p.parent != root and delivered(p)}
    return sorted(found)


def _release(folder: Path) -> str:
    return json.loads((folder / publish.MANIFEST).read_text(encoding="utf-8"))["run_id"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.parquet"))}


def test_kill_during_quality_checks_of_a_confiance_run(home: Settings):
    """A real `confiance run` killed while its feed checks run; a second run meanwhile is refused (exit 9)."""
    results = home.quality_dir / "results"
    proc = _spawn([str(CONFIANCE), "run", "--run-id", "kill_quality"], home.home.parent / "kill_quality.log")
    # while the run is under way, a second one must refuse at once and clearly
    _kill_when_no_kill = runs_dir(home) / "kill_quality" / "land.json"
    deadline = time.monotonic() + 300
    while not _kill_when_no_kill.exists():
        assert proc.poll() is None, (home.home.parent / "kill_quality.log").read_text()[-3000:]
        assert time.monotonic() < deadline
        time.sleep(0.02)
    second = subprocess.run(
        [str(CONFIANCE), "run", "--run-id", "second_run"], cwd=REPO, env=os.environ.copy(), capture_output=True,
        text=True, timeout=120,
    )
    assert second.returncode == cli.EXIT_RUN_IN_PROGRESS, second.stderr[-2000:]
    assert "Traceback" not in second.stderr and f"pid {proc.pid}" in second.stderr and "kill_quality" in second.stderr
    assert not (runs_dir(home) / "second_run").exists()

    def mid_quality() -> bool:  # one dataset's result of this run written, the stage not finished
        return any(results.glob("*/*__kill_quality.json")) and not (
            runs_dir(home) / "kill_quality" / "quality_feeds.json"
        ).exists()

    _kill_when(proc, mid_quality, "the feed checks being under way")
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
    proc = _stage_process(home, "dbt_build", "kill_dbt")
    dbt_pids: list[int] = []

    def mid_build() -> bool:  # dbt has executed at least three models of this build
        dbt_pids[:] = _children(proc.pid) or dbt_pids
        return sum(1 for p in run_dir.rglob("*.sql") if p.stat().st_mtime >= started) >= 3

    _kill_when(proc, mid_build, "dbt building models")
    assert dbt_pids, "dbt was expected to run in a child process"
    assert _pids_gone(dbt_pids), "the dbt process outlived the killed run and still holds the warehouse"
    assert not (runs_dir(home) / "kill_dbt" / "dbt_build.json").exists()
    assert_nothing_broken(home)

    STAGES["dbt_build"](home, "rerun_dbt")
    assert_taken_over(home, proc.pid)
    assert_nothing_broken(home)
