"""The gate's publication history survives a kill at any point of its write (issue 12).

What the attacker holds must stay known to the next audit: a history run is complete or absent, a half-written
one never breaks the next publication, and what a killed publication left is cleaned and audited.
"""

from __future__ import annotations

import secrets

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from confiance.pipeline_inputs import publication_services
from confiance.settings import Settings
from governance.protection import HISTORY_TMP, ConsumerProtection, _history, history_dir, save_history
from governance.publish import recover_publication
from vault import audit

MART = "mart_claims__by_region"


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    s.ensure_dirs()
    s.published.mkdir(parents=True, exist_ok=True)
    return s


def _outcome(amount: float) -> ConsumerProtection:
    truth = pd.DataFrame(
        {
            "region": ["11", "84"],
            "members": [40, 25],
            "amount": [amount, 12.5],
            "masked": [False, True],
            "primary": [False, True],
            "_scratch": [1, 2],
        }
    )
    return ConsumerProtection(consumer="insurer", truth={MART: truth})


def _recoveries(settings: Settings) -> list[dict]:
    return [e for e in audit.entries(settings) if e["action"] == "recovery.publication_interrupted"]


def test_history_run_is_whole_and_read_back(settings):
    save_history(settings, "insurer", "run1", _outcome(100.0))
    root = history_dir(settings, "insurer")
    assert sorted(p.name for p in root.iterdir()) == ["run1"]  # no temporary directory left
    [(run, frame)] = _history(settings, "insurer", MART, "run2")
    assert run == "run1" and frame["amount"].tolist() == [100.0, 12.5]
    assert "_scratch" not in frame.columns
    save_history(settings, "insurer", "run1", _outcome(200.0))  # the same run id again replaces it whole
    [(_, frame)] = _history(settings, "insurer", MART, "run2")
    assert frame["amount"].tolist() == [200.0, 12.5]


def test_history_write_killed_midway_neither_breaks_the_next_load_nor_stays(settings):
    save_history(settings, "insurer", "run1", _outcome(100.0))
    root = history_dir(settings, "insurer")
    # what a kill -9 during the write leaves: the temporary sibling with a truncated Parquet file
    partial = root / f"{HISTORY_TMP}run2"
    partial.mkdir()
    whole = pa.Table.from_pandas(_outcome(300.0).truth[MART], preserve_index=False)
    pq.write_table(whole, partial / f"{MART}.parquet")
    data = (partial / f"{MART}.parquet").read_bytes()
    (partial / f"{MART}.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(pa.ArrowInvalid):
        pq.read_table(partial / f"{MART}.parquet")  # really half a file

    # the next publication's audit loads the history: only the whole run, no crash on the partial one
    runs = _history(settings, "insurer", MART, "run3")
    assert [run for run, _ in runs] == ["run1"]

    details = recover_publication(settings, publication_services())
    assert details is not None and details["partial_history_runs_removed"] == 1
    assert not partial.exists() and (root / "run1").is_dir()
    [entry] = _recoveries(settings)
    assert entry["details"]["partial_history_runs_removed"] == 1
    assert audit.verify(settings, check_vault=False)[0]
    assert recover_publication(settings, publication_services()) is None  # nothing left: no second entry
    assert len(_recoveries(settings)) == 1


def test_history_run_without_a_swap_is_kept(settings):
    """Killed after the history run was renamed into place but before any folder swap: the run stays in the
    history (the consumer might hold it; the audit must not ignore it)."""
    save_history(settings, "insurer", "run1", _outcome(100.0))
    save_history(settings, "insurer", "run2", _outcome(100.0))
    assert recover_publication(settings, publication_services()) is None
    assert [run for run, _ in _history(settings, "insurer", MART, "run3")] == ["run1", "run2"]


def test_set_aside_release_is_hidden_and_recovered(settings):
    root = settings.published
    (root / "insurer").mkdir()
    (root / "insurer" / "MANIFEST.json").write_text("{}", encoding="utf-8")
    (root / ".insurer.old-run1").mkdir()  # killed after the new one arrived, before the old one was removed
    (root / ".dataviz.old-run1").mkdir()  # killed between setting aside and the new one's arrival
    (root / ".dataviz.old-run1" / "MANIFEST.json").write_text('{"run_id": "run0"}', encoding="utf-8")
    details = recover_publication(settings, publication_services())
    assert details["set_aside_removed"] == 1 and details["previous_releases_restored"] == 1
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == ["dataviz", "insurer"]
    assert (root / "dataviz" / "MANIFEST.json").read_text(encoding="utf-8") == '{"run_id": "run0"}'
