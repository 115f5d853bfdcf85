"""What the kill -9 tests share (test_kill_stages.py, test_kill_publication.py): starting a real process, killing
it at a marker, and what the next command must find afterwards."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from confiance.settings import Settings
from governance import publish
from vault import audit, locking
from vault.db import vault_connection
from vault.landing import ledger

REPO = Path(__file__).resolve().parents[2]
CONFIANCE = Path(sys.executable).with_name("confiance")
DEMO_KEY = "5e" * 32  # the demo_run fixture's master key (tests/conftest.py)
LOGS: dict[int, Path] = {}  # child pid -> its output


def spawn(args: list[str], log: Path) -> subprocess.Popen:
    """A child whose output goes to a file (a pipe nobody reads would fill up and block it)."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, cwd=REPO, env=os.environ.copy(), stdout=out, stderr=subprocess.STDOUT)
    LOGS[proc.pid] = log
    return proc


def stage_process(settings: Settings, stage: str, run_id: str) -> subprocess.Popen:
    """One stage in its own process, as an Airflow task runs it."""
    script = textwrap.dedent(f"""
        import pathlib
        from confiance.pipeline import STAGES
        from confiance.settings import Settings
        s = Settings(home=pathlib.Path({str(settings.home)!r}), key_file=pathlib.Path({str(settings.key_file)!r}))
        STAGES[{stage!r}](s, {run_id!r})
    """)
    return spawn([sys.executable, "-c", script], settings.home.parent / f"{run_id}.log")


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def kill_when(proc: subprocess.Popen, marker: Callable[[], bool], what: str, timeout: float = 400) -> None:
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


def pids_gone(pids: list[int], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not [p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in process_state(p)]:
            return True
        time.sleep(0.05)
    return False


def process_state(pid: int) -> str:
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


def release_of(folder: Path) -> str:
    return json.loads((folder / publish.MANIFEST).read_text(encoding="utf-8"))["run_id"]


def parquet_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.parquet"))}
