"""Consent changes over time: each landing of the member feed records, per consent, how many members gave or
withdrew it since their previous version; the DPO's consent report shows them per month (chart and CSV) and
reconciles every landing with the landing ledger (issue 15: "shares of members with each consent, changes over
time").

Ground truth: the test writes the second member file itself, so it knows exactly which members changed."""

from __future__ import annotations

import csv
import io

import pytest

from vault import audit
from vault.db import vault_connection


@pytest.fixture
def home(dpo_home):
    return dpo_home


def _landed_members(settings) -> list[dict[str, str]]:
    """The member rows of the first landing that landed (their line numbers in the vault), as the source wrote them."""
    path = next(settings.inbox.glob("members_*.csv"))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=";"))
    with vault_connection(settings, read_only=True) as con:
        lines = {r[0] for r in con.execute("SELECT _line FROM raw.members").fetchall()}
    return [r for i, r in enumerate(rows, start=2) if i in lines]


def _write(settings, name: str, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (settings.inbox / name).write_text(out.getvalue(), encoding="utf-8")


def test_consent_changes_are_recorded_per_landing_and_reconciled_in_the_dpo_report(home):
    from confiance.pipeline_inputs import vault_records
    from governance.reports import consent_report, write_csv
    from vault.landing import land_inbox, ledger_entries

    first = _landed_members(home)
    yes_first = sum(r["consent_research"] == "true" for r in first)
    # the first landing: every landed member is new, each saying yes or no
    first_entry = next(
        e for e in audit.entries(home) if e["action"] == "landing.landed" and e["details"]["feed"] == "members"
    )["details"]
    assert first_entry["consent_changes"]["consent_research"] == {
        "new_given": yes_first,
        "new_refused": len(first) - yes_first,
        "given": 0,
        "withdrawn": 0,
        "unchanged": 0,
    }

    # a month later the source sends a new extract: 7 withdraw research, 4 give it, 3 unchanged, 2 new members
    said_yes = [r for r in first if r["consent_research"] == "true"]
    said_no = [r for r in first if r["consent_research"] == "false"]
    later = "2026-02-15 10:00:00"
    rows = (
        [dict(r, consent_research="false", updated_at=later) for r in said_yes[:7]]
        + [dict(r, consent_research="true", updated_at=later) for r in said_no[:4]]
        + [dict(r, updated_at=later) for r in said_yes[7:10]]
    )
    newcomers = [
        dict(r, member_id=f"A8{i:08d}", nir=nir, email="", updated_at=later)
        for i, (r, nir) in enumerate(zip(first[-2:], ("185057800608491", "290017511200114"), strict=True))
    ]
    _write(home, "members_20260215.csv", rows + newcomers)
    (result,) = [r for r in land_inbox(home) if r["file"] == "members_20260215.csv"]
    assert result["rows_landed"] == 16, result
    assert result["consent_changes"]["consent_research"] == {
        "new_given": sum(r["consent_research"] == "true" for r in newcomers),
        "new_refused": sum(r["consent_research"] == "false" for r in newcomers),
        "given": 4,
        "withdrawn": 7,
        "unchanged": 3,
    }
    assert result["consent_changes"]["consent_marketing"]["unchanged"] == 14  # marketing was not touched
    with vault_connection(home, read_only=True) as con:  # the vault keeps the history (counts only)
        stored = con.execute(
            "SELECT given, withdrawn, unchanged FROM meta.consent_landings WHERE consent = "
            "'consent_research' ORDER BY file_id"
        ).fetchall()
    assert stored[-1] == (4, 7, 3)

    report = consent_report(home, vault_records(home))
    assert report.status == "ok" and report.data["unreconciled_landings"] == 0
    per_landing = [r for r in report.data["changes_per_landing"] if r[1] == "members_20260215.csv"]
    research = next(r for r in per_landing if r[2] == "consent_research")
    assert research[5:10] == [4, 7, 3, 16, "oui / yes"]  # given, withdrawn, unchanged, rows landed (ledger)
    ledger_rows = {e.file: e.rows_landed for e in ledger_entries(home)}
    for r in report.data["changes_per_landing"]:
        assert sum(r[3:8]) == ledger_rows[r[1]] == r[8]
    month = per_landing[0][0]  # the month the vault learnt of them (both landings of this test fall in it)
    assert [
        month,
        "consent_research",
        yes_first + research[3],
        len(first) - yes_first + research[4],
        4,
        7,
    ] in report.data["changes_per_month"]
    assert any(c["title"].startswith("Évolution") and "<svg" in c["svg"] for c in report.charts)
    table = next(t for t in report.tables if t.title.startswith("Évolution des consentements par mois"))
    path = write_csv(table, home.home / "consent_changes.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert f"{month};consent_research;" in text and ";4;7" in text


def test_a_landing_that_does_not_reconcile_with_the_ledger_is_reported_broken(home):
    """The report recomputes the reconciliation: if the ledger says another number of rows landed than the consent
    history adds up to (a ledger edited by hand, a history lost), the report says so instead of staying green."""
    from confiance.pipeline_inputs import vault_records
    from governance.reports import consent_report

    with vault_connection(home) as con:
        con.execute("UPDATE meta.ledger SET rows_landed = rows_landed + 1 WHERE feed = 'members'")
    report = consent_report(home, vault_records(home))
    assert report.status == "broken" and report.data["unreconciled_landings"] >= 1
    assert any("FAUX" in line for line in report.summary)
