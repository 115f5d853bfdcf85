"""kill -9 during the publication stage, on a copy of the session's demo run (see test_kill_stages.py; shared
helpers in kill_support.py).

Killed while release folders are being swapped in: each consumer folder is the previous release or the new
one, complete and verifying against the pinned key — never a mix, never half a folder; the gate's history
holds every release a consumer holds (its audit must know what the attacker has); the rerun cleans up,
audits it, and publishes the same bytes as the uninterrupted run.
"""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from confiance.pipeline import STAGES
from confiance.pipeline_inputs import publication_services
from confiance.settings import Settings
from governance import publish, release_log
from governance.protection import history_dir
from tests.e2e.kill_support import (
    assert_nothing_broken,
    assert_taken_over,
    consumer_folders,
    kill_when,
    parquet_files,
    release_of,
    stage_process,
)
from vault import audit

pytestmark = pytest.mark.slow


def assert_history_holds_every_release(settings) -> None:
    """The gate audits each release against what the consumer already holds: every release a consumer folder
    holds must be in the gate's history, readable."""
    for folder in consumer_folders(settings):
        consumer = folder.relative_to(settings.published).parts[0]
        run = history_dir(settings, consumer) / release_of(folder)
        assert run.is_dir(), f"{folder.name}: the release it holds ({run.name}) is missing from the gate's history"
        for path in run.glob("*.parquet"):
            pq.read_metadata(path)  # a half-written file raises


def test_kill_during_publication(home: Settings, demo_run):  # noqa: F811 - the fixture imported above
    """Killed while release folders are being swapped in: each consumer folder is the previous release or the
    new one, complete and verifying against the pinned key — never a mix, never half a folder. The rerun
    cleans up, audits it, and publishes the same bytes as the uninterrupted run."""
    demo, demo_results = demo_run
    pinned = publish.public_key_pem(publish.signing_key(home, publication_services()))
    before = {f.relative_to(home.published): (release_of(f), parquet_files(f)) for f in consumer_folders(home)}
    first_run = demo_results["publish"]["run_id"]
    assert len(before) >= 2 and all(run == first_run for run, _ in before.values())
    journal = home.published / ".swaps-in-progress.jsonl"
    # Nothing changed since the demo's publication, so its releases would stand (governance/release_log): without
    # the consumers' release logs the gate must recompute and swap every folder in again, which is what is killed.
    for consumer in {f.relative_to(home.published).parts[0] for f in consumer_folders(home)}:
        release_log.log_path(history_dir(home, consumer)).unlink()

    def mid_swaps() -> bool:  # a folder of this run swapped in, the publication not over (journal still there)
        try:
            lines = journal.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return False
        for line in lines:
            try:
                folder = home.published / json.loads(line)["folder"]
                if release_of(folder) == "kill_publish":
                    return True
            except (OSError, ValueError, KeyError):
                continue  # being written or being swapped
        return False

    proc = stage_process(home, "publish", "kill_publish")
    kill_when(proc, mid_swaps, "release folders being swapped in")

    mixed = {first_run: 0, "kill_publish": 0}
    for folder in consumer_folders(home):
        ok, why = publish.verify_folder(folder, public_key=pinned)
        assert ok, f"{folder.relative_to(home.published)}: a consumer sees a partial folder ({why})"
        rel = folder.relative_to(home.published)
        run = release_of(folder)
        mixed[run] += 1
        if rel in before:
            assert parquet_files(folder) == before[rel][1]  # old or new release: the same content either way
    assert mixed["kill_publish"] >= 1  # the kill really happened between swaps
    # a previous release set aside mid-swap has a hidden name: never taken for a delivery
    assert all(p.name.startswith(".") for p in home.published.rglob("*.old*"))
    assert_nothing_broken(home)
    assert_history_holds_every_release(home)

    summary = STAGES["publish"](home, "rerun_publish")
    statuses = {c: v["status"] for c, v in summary["consumers"].items()}
    assert set(statuses) == set(demo_results["publish"]["consumers"])
    # a consumer whose every folder the killed run had swapped in and logged keeps that release (unchanged);
    # the consumer interrupted mid-swaps, and those not reached, are recomputed and published again
    assert set(statuses.values()) <= {"published", "unchanged"} and "published" in statuses.values()
    assert_taken_over(home, proc.pid)
    recovery = [e for e in audit.entries(home) if e["action"] == "recovery.publication_interrupted"]
    assert len(recovery) == 1 and recovery[0]["details"]["interrupted_run_ids"] == ["kill_publish"]
    assert not list(home.published.glob(".publishing-*")) and not journal.exists()
    assert not list(home.published.rglob("*.old")) and not list(home.published.rglob(".*.old-*"))
    after = {f.relative_to(home.published): f for f in consumer_folders(home)}
    assert set(after) == set(before)
    for rel, folder in after.items():
        ok, why = publish.verify_folder(folder, public_key=pinned)
        assert ok, f"{rel}: {why}"
        consumer = rel.parts[0]
        assert release_of(folder) == ("rerun_publish" if statuses[consumer] == "published" else "kill_publish")
        assert parquet_files(folder) == parquet_files(demo.published / rel), f"{rel}: not the uninterrupted run's bytes"
    assert_nothing_broken(home)
    assert_history_holds_every_release(home)
