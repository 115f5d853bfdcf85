"""A feed with duplicate benefit lines publishes nothing to the consumers it feeds, and says why.

Runs the real pipeline (CLI path: vault, Great Expectations, dbt, publication gate) on a small
generated mutuelle whose benefit file carries duplicated lines under new benefit ids.
"""

from __future__ import annotations

import csv
import secrets

import pytest

from confiance.pipeline import run_all
from confiance.settings import Settings
from confiance.synthetic import generate_files

pytestmark = pytest.mark.e2e


def _duplicate_benefit_lines(path, how_many: int) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        fields, rows = reader.fieldnames, list(reader)
    extra = []
    for i, row in enumerate(rows[:how_many]):
        # Same member, act, care date and amount; only the line identifier differs.
        extra.append({**row, "benefit_id": f"P9{i:011d}"})
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + extra)


@pytest.fixture(scope="module")
def blocked_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("gate")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
        settings = Settings(home=base / "var", key_file=base / "absent.key")
        settings.ensure_dirs()
        files = generate_files(settings.inbox, members=600, seed=11)
        _duplicate_benefit_lines(files["benefits"], 5)
        results = run_all(settings, "gate_test")
        yield settings, results


def test_duplicates_block_publication_and_say_why(blocked_run):
    settings, results = blocked_run
    feeds = results["quality_feeds"]["datasets"]
    assert feeds["raw.benefits"]["blocking"], "the duplicate benefit lines were not caught"
    consumers = results["publish"]["consumers"]
    assert consumers, "the publication gate decided nothing"
    for consumer, outcome in consumers.items():
        assert outcome["status"] == "refused", consumer
        assert any("raw.benefits" in reason and "no_duplicate_benefit_line" in reason for reason in outcome["reasons"])
    # Nothing reached the consumers' folders.
    assert not list(settings.published.rglob("*.parquet"))


def test_refusal_reasons_are_in_the_audit_log(blocked_run):
    from vault.audit import entries

    settings, _ = blocked_run
    publish = [e for e in entries(settings) if e["action"] == "publish"][-1]
    for consumer, outcome in publish["details"]["consumers"].items():
        assert outcome["status"] == "refused", consumer
        assert any("no_duplicate_benefit_line" in reason for reason in outcome["reasons"])
