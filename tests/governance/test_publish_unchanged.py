"""A daily run that changes nothing a consumer would receive publishes nothing new; any change recomputes.

Issue 16 (daily increment): the gate publishes closed periods only, so a run that adds benefits of the open
year must not redo the suppression and the attacker's audit of releases whose inputs did not move. From the
outside: the published folders stay byte for byte, the publication log says "unchanged", and every way a
release could go stale (an input changed, a file of the release gone, its log entry gone, its history gone)
recomputes it — with the rule that a published closed period is final still applied.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from confiance.files import sha256_file
from confiance.pipeline_inputs import publication_services
from confiance.settings import Settings
from governance.protection import history_dir
from governance.publish import publish_all, verify_folder
from vault.audit import entries

CONSUMERS = ("insurer", "employer", "dataviz", "prevention")


@pytest.fixture
def home(demo_run, tmp_path) -> Settings:
    """A private copy of the demo's home (pipeline run once, every consumer published)."""
    settings, results = demo_run
    statuses = {c: v["status"] for c, v in results["publish"]["consumers"].items()}
    assert statuses == dict.fromkeys(CONSUMERS, "published"), statuses
    shutil.copytree(settings.home, tmp_path / "var")
    return Settings(home=tmp_path / "var", key_file=settings.key_file)


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): sha256_file(p) for p in sorted(root.rglob("*")) if p.is_file()}


def _run_id(settings: Settings, folder: str) -> str:
    return json.loads((settings.published / folder / "manifest.json").read_text(encoding="utf-8"))["run_id"]


def _log(settings: Settings, consumer: str) -> list[dict]:
    path = history_dir(settings, consumer) / "releases.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _last_audited(settings: Settings) -> dict:
    return [e for e in entries(settings) if e["action"] == "publish"][-1]["details"]["consumers"]


def test_unchanged_inputs_leave_every_release_standing(home: Settings) -> None:
    before = _tree(home.published)
    summary = publish_all(home, "daily_2", publication_services())
    for consumer in CONSUMERS:
        outcome = summary["consumers"][consumer]
        assert outcome["status"] == "unchanged", (consumer, outcome)
        assert outcome["release_run_id"] == "demo_test" and not outcome["reasons"]
        assert not (history_dir(home, consumer) / "daily_2").exists()  # nothing new for the audit to remember
        last = _log(home, consumer)[-1]
        assert (last["status"], last["run_id"], last["release_run_id"]) == ("unchanged", "daily_2", "demo_test")
        assert _last_audited(home)[consumer]["status"] == "unchanged"
    # not a byte rewritten: the consumers hold exactly what they held
    assert _tree(home.published) == before
    assert _run_id(home, "insurer") == "demo_test"
    # the summary still carries the standing release's figures (what the DPO's log shows)
    assert summary["disclosure_audit"]["employer"]["passed"] is True
    assert summary["employers"]["folders"] == len(list((home.published / "employer").iterdir()))
    assert set(summary["masked_cell_share"]) >= {"mart_insurer__consumption", "mart_prevention__dental_checkup"}


def test_a_changed_input_or_a_missing_piece_recomputes(home: Settings) -> None:
    employer_before = _tree(home.published / "employer")
    prevention_before = _tree(home.published / "prevention")
    con = duckdb.connect(str(home.warehouse_db))
    try:
        # insurer: a statistic the dominance rule reads moves (the mart's rows do not)
        con.execute(
            "update intermediate.int_disclosure__insurer_consumption set actual_cost_top2 = actual_cost_top2 + 0.01 "
            "where rowid = (select min(rowid) from intermediate.int_disclosure__insurer_consumption "
            "where actual_cost_top2 is not null)"
        )
        # prevention: a late record in the closed year moves a published figure of the mart and of its cells
        row = con.execute(
            "select care_year, generalisation_level, age_band, sex from marts.mart_prevention__dental_checkup "
            "where masking = 'none' and enrolled is not null order by all limit 1"
        ).fetchone()
        where = "care_year = ? and generalisation_level = ? and age_band = ? and sex = ?"
        con.execute(f"update marts.mart_prevention__dental_checkup set enrolled = enrolled + 1 where {where}", row)
        con.execute(
            f"update intermediate.int_disclosure__prevention_dental_checkup set enrolled = enrolled + 1 where {where}",
            row,
        )
    finally:
        con.close()
    # dataviz: the log line of its release is lost
    log = history_dir(home, "dataviz") / "releases.jsonl"
    log.write_text("", encoding="utf-8")

    summary = publish_all(home, "daily_2", publication_services())
    outcome = {c: summary["consumers"][c] for c in CONSUMERS}
    assert outcome["employer"]["status"] == "unchanged"
    assert _tree(home.published / "employer") == employer_before
    for consumer in ("insurer", "dataviz"):  # recomputed and published anew, never the stale release
        assert outcome[consumer]["status"] == "published", (consumer, outcome[consumer])
        assert _run_id(home, consumer) == "daily_2"
        assert (history_dir(home, consumer) / "daily_2").is_dir()
        assert verify_folder(home.published / consumer, fingerprint=_fingerprint(home))[0]
    # the rule on revisions still applies: a closed year's published figure may not move; the earlier file stands
    assert outcome["prevention"]["status"] == "refused"
    assert any("would be revised" in r for r in outcome["prevention"]["reasons"])
    assert _tree(home.published / "prevention") == prevention_before

    # next run: a file of the insurer's release is gone, the dataviz history run is gone, prevention unchanged
    # since its refusal: each is recomputed (prevention refused again, never "unchanged" over a refused input)
    next(p for p in (home.published / "insurer").glob("*.parquet")).unlink()
    shutil.rmtree(history_dir(home, "dataviz") / "daily_2")
    summary = publish_all(home, "daily_3", publication_services())
    outcome = {c: summary["consumers"][c] for c in CONSUMERS}
    assert outcome["employer"]["status"] == "unchanged"
    assert outcome["prevention"]["status"] == "refused"
    for consumer in ("insurer", "dataviz"):
        assert outcome[consumer]["status"] == "published", (consumer, outcome[consumer])
        assert _run_id(home, consumer) == "daily_3"
        assert verify_folder(home.published / consumer, fingerprint=_fingerprint(home))[0]
    # and a run after that, with nothing changed, leaves the new releases standing
    summary = publish_all(home, "daily_4", publication_services())
    assert summary["consumers"]["insurer"]["status"] == "unchanged"
    assert summary["consumers"]["insurer"]["release_run_id"] == "daily_3"


def _fingerprint(settings: Settings) -> str:
    from governance.publish import key_fingerprint, public_key_pem, signing_key

    return key_fingerprint(public_key_pem(signing_key(settings, publication_services())))


def test_the_publish_command_reports_an_unchanged_release_as_done(home: Settings) -> None:
    """An operator re-running `confiance publish` with nothing new sees each release stand, exit code 0."""
    from click.testing import CliRunner

    from confiance.cli import main

    result = CliRunner().invoke(main, ["publish", "--home", str(home.home), "--run-id", "daily_cli"])
    assert result.exit_code == 0, result.output
    for consumer in CONSUMERS:
        assert f"{consumer}: unchanged" in result.output
    assert "Traceback" not in result.output
