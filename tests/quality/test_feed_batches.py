"""Raw-feed quality on the new batch (issue 16): through the real encrypted vault, files landed one after the
other. Per-row checks read only the files landed since the last successful check, cross-batch rules the whole feed,
and the gate's verdict is no weaker than a whole check's."""

from __future__ import annotations

import json
import secrets

import pyarrow.parquet as pq
import pytest

from confiance.pipeline_inputs import validate_feeds
from confiance.settings import Settings
from quality import results
from quality.gate import blocking_failures
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault.landing import land_inbox, ledger


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    s.ensure_dirs()
    return s


def _line(feeds: dict, index: int, new_id: str, **values) -> dict:
    return {
        **feeds["benefits"][index],
        "benefit_id": new_id,
        "care_date": "2024-06-03",
        "payment_date": "2024-06-08",
    } | values


def _land(settings: Settings, lines: list[dict], suffix: str) -> str:
    write_feeds(settings.inbox, {"benefits": lines}, suffix=suffix)
    (entry,) = [r for r in land_inbox(settings) if r["status"] == "landed"]
    assert entry["rows_landed"] == len(lines), entry
    return str(max(e["file_id"] for e in ledger(settings)))


def _check_benefits(settings: Settings, run_id: str, **kwargs) -> dict:
    """The feeds stage as the pipeline runs it (the vault's connection and ledger), on the benefits feed only."""
    from quality.runner import validate_feeds_on
    from vault.db import vault_connection

    with vault_connection(settings, read_only=True) as con:
        summary = validate_feeds_on(con, settings, run_id, ledger_rows=ledger(settings), only=["benefits"], **kwargs)
    return summary["datasets"]["raw.benefits"]


def _stored(settings: Settings, dataset: str = "raw.benefits") -> dict:
    return results.latest(settings.quality_dir)[dataset]


def _checks(stored: dict) -> dict[str, dict]:
    return {c["check"]: c for c in stored["checks"]}


def test_a_bad_row_in_a_second_batch_is_caught_and_stays_caught_until_fixed(settings):
    feeds = make_feeds(40, 2, seed=5)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    first = validate_feeds(settings, "day0")
    assert first["datasets"]["raw.benefits"]["batch"] is None  # the first check reads every row
    assert not first["datasets"]["raw.benefits"]["blocking"]

    # a day's file: three clean lines and one whose amounts do not add up (a per-row rule the landing lets through)
    day = [_line(feeds, i, f"P8{i:011d}") for i in range(3)]
    day.append(_line(feeds, 3, "P800000000009", out_of_pocket="1.00"))
    file_id = _land(settings, day, "2024-06-03")
    second = validate_feeds(settings, "day1")
    benefits = second["datasets"]["raw.benefits"]
    assert benefits["batch"]["files"] == [file_id] and benefits["batch"]["rows"] == len(day)
    assert benefits["rows"] == len(feeds["benefits"]) + len(day)  # the whole feed, as before
    assert benefits["blocking"]
    checks = _checks(_stored(settings))
    amounts = checks["amounts_add_up"]
    assert (amounts["scope"], amounts["element_count"], amounts["unexpected_count"]) == ("batch", len(day), 1)
    # cross-batch rules read the whole feed
    for name in ("benefit_id.unique", "no_duplicate_benefit_line", "benefit_within_contract"):
        assert checks[name]["scope"] == "whole feed"
        assert checks[name]["element_count"] == len(feeds["benefits"]) + len(day), name
    # a share of rows (completeness at least 70 %) is a statement about the feed; a NIR's key, about its row
    members = _checks(_stored(settings, "raw.members"))
    assert (members["email.completeness"]["scope"], members["nir_control_key"]["scope"]) == ("whole feed", "batch")
    # the failing row is referenced by its file and line
    refs = pq.read_table(settings.quality_dir / amounts["failed_rows_file"]).to_pylist()
    assert [(str(r["_file_id"]), r["_line"]) for r in refs] == [(file_id, 5)]
    # the gate blocks, and its reason says what the check read
    (reason,) = [r for r in blocking_failures(settings)["raw.benefits"] if r.startswith("amounts_add_up ")]
    assert f"scope: the rows of the 1 file(s) landed since the last successful check (ledger ids {file_id})" in reason

    # GX's stored validation result and Data Docs say what each expectation read
    stored = [json.loads(p.read_text()) for p in (settings.quality_dir / "gx").rglob("*.json") if "day1" in str(p)]
    (gx_result,) = [r for r in stored if r.get("meta", {}).get("checkpoint_name") == "raw.benefits"]
    descriptions = [r["expectation_config"]["description"] for r in gx_result["results"]]
    assert all("(scope: " in d for d in descriptions)
    assert any(d.endswith("(scope: the whole feed)") for d in descriptions)
    assert any(
        f"(scope: the rows of the 1 file(s) landed since the last successful check (ledger ids {file_id}))" in d
        for d in descriptions
    )
    assert gx_result["meta"]["batch_spec"]["batch_rows"] == len(day)
    docs = "\n".join(p.read_text() for p in (settings.quality_dir / "data_docs").rglob("*.html") if "day1" in str(p))
    assert "scope: the rows of the 1 file(s)" in docs

    # the next day is clean, but the bad row is still there: the last successful check did not cover its file
    later = _land(settings, [_line(feeds, 5, "P800000000010")], "2024-06-04")
    third = _check_benefits(settings, "day2")
    assert third["batch"]["files"] == [file_id, later]
    assert third["blocking"]
    assert _checks(_stored(settings))["amounts_add_up"]["unexpected_count"] == 1


def test_cross_batch_rules_read_the_whole_feed_and_verdicts_equal_a_whole_check(settings):
    import datetime as dt

    feeds = make_feeds(30, 2, seed=6)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    assert not _check_benefits(settings, "day0")["blocking"]
    # a clean day: the check reads its rows only, and says what a whole check says
    _land(settings, [_line(feeds, i, f"P600000000{i:03d}") for i in range(4)], "2024-06-03")
    assert _check_benefits(settings, "day1")["batch"]["rows"] == 4
    incremental = _checks(_stored(settings))
    whole = _check_benefits(settings, "day1_whole", full=True)
    assert whole["batch"] is None and not whole["blocking"]
    for name, c in _checks(_stored(settings)).items():
        assert c["success"] == incremental[name]["success"], name
        if c["scope"] == incremental[name]["scope"] == "whole feed":
            assert c.get("element_count") == incremental[name].get("element_count"), name
            assert c.get("observed_value") == incremental[name].get("observed_value"), name

    # the same member, act, care date and amount as a line landed before, under a new benefit id
    twin = dict(feeds["benefits"][7], benefit_id="P700000000001")
    _land(settings, [twin, _line(feeds, 8, "P700000000002")], "2024-06-04")
    summary = _check_benefits(settings, "day2")
    assert summary["batch"]["rows"] == 2 and summary["blocking"]
    dup = _checks(_stored(settings))["no_duplicate_benefit_line"]
    assert (dup["scope"], dup["success"], dup["unexpected_count"]) == ("whole feed", False, 2)
    assert any(r.startswith("no_duplicate_benefit_line ") for r in blocking_failures(settings)["raw.benefits"])

    # a run date earlier than the last successful check's: every row again
    back = _check_benefits(settings, "day_back", as_of=dt.date.today() - dt.timedelta(days=400))
    assert back["batch"] is None
