"""Pipeline runs never interleave: a second run refuses clearly (exit code 9) or waits when told to; a stage
run alone (as an Airflow task runs it) respects a run under way; the lock of a killed run is found stale
(its process is gone), taken over and audited. Every "first run" here is a real process holding the real
lock; the second run is the real `confiance run` command."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from confiance import cli
from confiance.pipeline import STAGES, runs_dir
from confiance.settings import Settings
from vault import audit, locking

CONFIANCE = Path(sys.executable).with_name("confiance")


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("CONFIANCE_HOME", str(tmp_path / "var"))
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    monkeypatch.delenv("CONFIANCE_RUN_LOCK_TIMEOUT", raising=False)
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    s.ensure_dirs()
    return s


def _holder_process(settings: Settings, run_id: str, then: str) -> subprocess.Popen:
    """A real process that takes the run lock as `confiance run` does, says so, then ``then`` (Python)."""
    script = textwrap.dedent(f"""
        import os, signal, sys, time, pathlib
        from confiance.settings import Settings
        from vault.locking import run_lock
        s = Settings(home=pathlib.Path({str(settings.home)!r}), key_file=pathlib.Path({str(settings.key_file)!r}))
        with run_lock(s, {run_id!r}):
            print("holding", flush=True)
            {then}
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", script], env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout.readline().strip() == b"holding", proc.stderr.read().decode()[-2000:]
    return proc


def test_second_confiance_run_refuses_at_once_with_exit_9_naming_the_run_under_way(settings):
    first = _holder_process(settings, "cli_first", "time.sleep(60)")
    try:
        started = time.monotonic()
        second = subprocess.run(
            [str(CONFIANCE), "run", "--run-id", "cli_second"],
            env=os.environ.copy(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        waited = time.monotonic() - started
    finally:
        first.kill()
        first.wait()
    assert second.returncode == cli.EXIT_RUN_IN_PROGRESS == 9, second.stderr[-2000:]
    assert "Traceback" not in second.stderr + second.stdout
    errors = [line for line in second.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, second.stderr
    assert f"pid {first.pid}" in errors[0] and "cli_first" in errors[0] and "another run is under way" in errors[0]
    assert waited < 30  # refused at once (the process start-up aside), not after a lock timeout
    # the second run did nothing: no stage ran, nothing was landed
    assert not (runs_dir(settings) / "cli_second").exists()
    assert not settings.vault_db.exists()


def test_a_stage_run_alone_respects_a_run_under_way(settings):
    """An Airflow task runs one stage in its own process: it must not slip between a CLI run's stages."""
    first = _holder_process(settings, "cli_first", "time.sleep(60)")
    try:
        with pytest.raises(locking.RunInProgressError, match=f"pid {first.pid}"):
            STAGES["land"](settings, "manual__2026-01-01T00:00:00+00:00")
    finally:
        first.kill()
        first.wait()
    assert not runs_dir(settings).exists() or not any(runs_dir(settings).iterdir())
    assert not settings.vault_db.exists()


def test_a_run_told_to_wait_starts_when_the_first_ends(settings, monkeypatch):
    monkeypatch.setenv("CONFIANCE_RUN_LOCK_TIMEOUT", "30")
    first = _holder_process(settings, "cli_first", "time.sleep(1.5)")
    started = time.monotonic()
    with locking.run_lock(settings, "cli_second") as taken_over:
        waited = time.monotonic() - started
        assert taken_over is None  # the first ended cleanly: nothing stale
    first.wait(timeout=30)
    assert first.returncode == 0
    assert 0.5 < waited < 30


def test_lock_of_a_killed_run_is_stale_taken_over_and_audited(settings):
    killed = _holder_process(settings, "cli_killed", "os.kill(os.getpid(), signal.SIGKILL)")
    killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    assert locking.run_lock_path(settings).with_suffix(".holder").exists()  # what the dead run left
    with locking.run_lock(settings, "cli_next") as taken_over:
        assert taken_over is not None
        assert taken_over["pid"] == killed.pid and taken_over["pid_alive"] is False
        assert "cli_killed" in taken_over["operation"]
    entries = [e for e in audit.entries(settings) if e["action"] == "recovery.run_lock_taken_over"]
    assert len(entries) == 1
    assert entries[0]["details"]["stale_pid"] == killed.pid and entries[0]["details"]["run_id"] == "cli_next"
    ok, message = audit.verify(settings, check_vault=False)
    assert ok, message
    # released cleanly: the next run finds nothing stale and audits nothing more
    assert not locking.run_lock_path(settings).with_suffix(".holder").exists()
    with locking.run_lock(settings, "cli_after") as taken_over:
        assert taken_over is None
    assert len([e for e in audit.entries(settings) if e["action"] == "recovery.run_lock_taken_over"]) == 1


def test_run_lock_is_reentrant_within_a_run(settings):
    """`confiance run` holds the lock and each of its stages takes it again: no self-deadlock."""
    with locking.run_lock(settings, "cli_outer"):
        with locking.run_lock(settings, "cli_outer") as inner:
            assert inner is None
    assert not locking.run_lock_path(settings).with_suffix(".holder").exists()
