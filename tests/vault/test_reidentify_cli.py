"""Re-identification for declared purposes only, consent-checked, results inside the vault; and the CLI."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import audit
from vault.crossing import cross_to_warehouse
from vault.db import vault_connection
from vault.landing import land_inbox
from vault.reidentify import ReidentificationRefused, purposes, reidentify


@pytest.fixture
def crossed(settings: Settings):
    feeds = make_feeds(60, 1, seed=3)
    for b in feeds["benefits"]:
        b["comment"] = ""  # keep this module free of the (slow to load) PII scrubber
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    return feeds


def _tokens(settings: Settings, where: str = "true") -> list[str]:
    w = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return [t for (t,) in w.execute(f"SELECT member_token FROM pseudo.members WHERE {where}").fetchall()]
    finally:
        w.close()


def test_purposes_are_declared_with_consent_and_callers():
    p = purposes()
    assert "dental_prevention_mailing" in p
    assert p["dental_prevention_mailing"]["requires_consent"] == ["consent_marketing"]


def test_reidentify_respects_consent_and_stays_in_vault(settings: Settings, crossed, tmp_path):
    feeds = crossed
    tokens = _tokens(settings)
    tokens_file = tmp_path / "tokens.txt"
    tokens_file.write_text("\n".join(tokens + ["insurer.v1.ffffffffffffffffffffffffffffffff", "garbage"]) + "\n")
    wh_before = settings.warehouse_db.read_bytes()
    res = reidentify(settings, "dental_prevention_mailing", tokens_file, caller="tiers-de-confiance")
    consenting = sum(m["consent_marketing"] == "true" for m in feeds["members"])
    assert res["tokens"] == 61 and res["malformed"] == 1 and res["resolved"] == 60
    assert res["consented"] == res["written"] == consenting
    assert settings.warehouse_db.read_bytes() == wh_before  # nothing written to the warehouse
    with vault_connection(settings, read_only=True) as con:
        rows = con.execute(
            "SELECT member_id, fields FROM reid.results WHERE request_id = ?", [res["request_id"]]
        ).fetchall()
    by_id = {m["member_id"]: m for m in feeds["members"]}
    assert len(rows) == consenting and all(by_id[mid]["consent_marketing"] == "true" for mid, _ in rows)
    assert all(by_id[mid]["last_name"] in fields for mid, fields in rows)
    entry = audit.entries(settings)[-1]
    assert entry["action"] == "reidentification" and entry["actor"] == "tiers-de-confiance"
    assert entry["details"]["purpose"] == "dental_prevention_mailing" and entry["details"]["written"] == consenting
    assert not any(m["last_name"] in str(entry) for m in feeds["members"])
    published = list(settings.published.rglob("*")) if settings.published.exists() else []
    assert published == []


def test_undeclared_purpose_and_unlisted_caller_refused_and_audited(settings: Settings, crossed, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("\n".join(_tokens(settings)))
    with pytest.raises(ReidentificationRefused, match="not declared"):
        reidentify(settings, "curiosity", f, caller="tiers-de-confiance")
    with pytest.raises(ReidentificationRefused, match="may not"):
        reidentify(settings, "dental_prevention_mailing", f, caller="insurer-analyst")
    actions = [(e["action"], e["details"]["reason"]) for e in audit.entries(settings)[-2:]]
    assert actions == [
        ("reidentification.refused", "undeclared purpose"),
        ("reidentification.refused", "caller not allowed"),
    ]
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM reid.results").fetchone()[0] == 0


def test_cli_land_reidentify_and_audit_print_counts_only(settings: Settings, monkeypatch, tmp_path):
    from confiance.cli import EXIT_AUDIT, main

    monkeypatch.setenv("CONFIANCE_HOME", str(settings.home))
    monkeypatch.setenv("CONFIANCE_KEY_FILE", str(settings.key_file))
    feeds = make_feeds(30, 1, seed=9)
    for b in feeds["benefits"]:
        b["comment"] = ""
    write_feeds(settings.inbox, feeds)
    runner = CliRunner()
    out = runner.invoke(main, ["vault", "land", "--no-progress"])
    assert out.exit_code == 0, out.output
    assert "landed   members_2024.csv: read 30, landed 30, quarantined 0" in out.output
    out = runner.invoke(main, ["vault", "cross"])
    assert out.exit_code == 0 and "pseudo.members: 30 rows" in out.output
    f = tmp_path / "tokens.csv"
    f.write_text("member_token\n" + "\n".join(_tokens(settings)) + "\n")
    out = runner.invoke(
        main,
        [
            "vault",
            "reidentify",
            "--purpose",
            "research_cohort_recontact",
            "--tokens",
            str(f),
            "--caller",
            "tiers-de-confiance",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "30 resolved" in out.output
    names = {m["last_name"] for m in feeds["members"]} | {m["email"] for m in feeds["members"]}
    assert not [n for n in names if n in out.output]
    out = runner.invoke(main, ["vault", "audit", "verify"])
    assert out.exit_code == 0 and "intact" in out.output
    lines = audit.log_path(settings).read_text().splitlines()
    audit.log_path(settings).write_text("\n".join(lines[:1] + lines[2:]) + "\n")
    out = runner.invoke(main, ["vault", "audit", "verify"])
    assert out.exit_code == EXIT_AUDIT
    # a tampered log stops every vault write: nothing new is chained onto it; one line, no traceback
    out = runner.invoke(main, ["vault", "rotate-key", "--domain", "insurer"])
    assert out.exit_code == EXIT_AUDIT and out.output.startswith("error: audit log:")
    assert "Traceback" not in out.output and len(out.output.strip().splitlines()) == 1
    audit.log_path(settings).write_text("\n".join(lines) + "\n")
    out = runner.invoke(main, ["vault", "rotate-key", "--domain", "insurer"])
    assert out.exit_code == 0, out.output
    assert "key version 1 -> 2" in out.output
    # the erasure register's key rotates from the same command, one target at a time, audited
    out = runner.invoke(main, ["vault", "rotate-key", "--domain", "insurer", "--erasure-register"])
    assert out.exit_code == 2 and "exactly one of" in out.output and "Traceback" not in out.output
    out = runner.invoke(main, ["vault", "rotate-key", "--erasure-register"])
    assert out.exit_code == 0, out.output
    assert "erasure register: new entries under key version 2" in out.output
    rotated = [e for e in audit.entries(settings) if e["action"] == "key.erasure_register.rotated"]
    assert [(e["actor"], e["details"]["to_version"]) for e in rotated] == [("cli", 2)]


def test_erasure_removes_member_from_vault_and_warehouse(settings: Settings, crossed):
    from vault.erasure import erase_member

    feeds = crossed
    m = feeds["members"][0]
    token = _tokens(settings)[0]
    with vault_connection(settings, read_only=True) as con:
        sql = "SELECT member_id FROM meta.member_tokens WHERE member_token = ?"
        member_id = con.execute(sql, [token]).fetchone()[0]
    deleted = erase_member(settings, token)
    assert deleted["raw.members"] == 1 and deleted["raw.contracts"] == 1 and deleted["raw.benefits"] == 1
    assert token not in _tokens(settings) and len(_tokens(settings)) == 59
    assert token.encode() not in settings.warehouse_db.read_bytes()
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.members WHERE member_id = ?", [member_id]).fetchone()[0] == 0
    # with its crossing, then the sweep of the files and the rewrite of the vault
    assert sorted(e["action"] for e in audit.entries(settings)[-3:]) == [
        "crossing.warehouse",
        "erasure.member",
        "erasure.member.files",
    ]
    assert m["nir"] not in audit.log_path(settings).read_text()
    ok, _ = audit.verify(settings)
    assert ok
