"""People's requests handled by the DPO from what a member writes (NIR, or name and birth date): access export
complete against the generator's files, rectification and objection carried by the next run, ambiguity refused,
each request numbered, due one month later and audited."""

from __future__ import annotations

import csv
import json
from datetime import date

import duckdb
import pytest
from click.testing import CliRunner

from tests.vault.dpo_support import inbox_rows
from vault import audit


@pytest.fixture
def home(dpo_home):
    return dpo_home


def _member_with_benefits(settings, minimum: int = 2) -> dict[str, str]:
    benefits = inbox_rows(settings, "benefits")
    per_member: dict[str, int] = {}
    for b in benefits:
        per_member[b["member_id"]] = per_member.get(b["member_id"], 0) + 1
    nir_count: dict[str, int] = {}
    members = inbox_rows(settings, "members")
    for m in members:
        nir_count[m["nir"]] = nir_count.get(m["nir"], 0) + 1
    for m in members:
        if per_member.get(m["member_id"], 0) >= minimum and nir_count[m["nir"]] == 1 and len(m["nir"]) == 15:
            return m
    raise AssertionError("no member with benefits in the generated data")


def _warehouse(settings, sql: str, params: list) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_access_export_holds_everything_the_generator_wrote_about_the_member(home, local_browser):
    from confiance.browser import html_to_pdf
    from vault.requests import MemberQuery, access

    member = _member_with_benefits(home)
    truth_contracts = {c["contract_id"] for c in inbox_rows(home, "contracts") if c["member_id"] == member["member_id"]}
    truth_benefits = {
        b["benefit_id"]
        for b in inbox_rows(home, "benefits")
        if b["member_id"] == member["member_id"] or b["contract_id"] in truth_contracts
    }
    spaced = " ".join([member["nir"][0], member["nir"][1:3], member["nir"][3:5], member["nir"][5:]])
    req, paths = access(home, MemberQuery(nir=spaced), received=date(2026, 1, 31), pdf=html_to_pdf)

    assert req.number.startswith("DPO-2026-") and req.status == "done"
    assert req.due_on == date(2026, 2, 28)  # one month, clamped to the end of February
    exported = json.loads(paths["json"].read_text(encoding="utf-8"))["sections"]
    # every contract and benefit line the source sent is there, landed or set aside in the quarantine
    quarantined = " ".join(q["raw_values"] or "" for q in exported["quarantine"])
    got_contracts = {c["contract_id"] for c in exported["contracts"]}
    got_benefits = {b["benefit_id"] for b in exported["benefits"]}
    assert truth_contracts == got_contracts | {c for c in truth_contracts if c in quarantined}
    assert truth_benefits == got_benefits | {b for b in truth_benefits if b in quarantined}
    assert exported["member_versions"][0]["nir"] == member["nir"]
    assert exported["member_versions"][0]["email"] == (member["email"] or None)
    # pseudonymised rows in the warehouse under their token: member row, their versions, contracts and benefits
    from confiance.contracts import warehouse_tables

    token = exported["tokens"][0]["member_token"]
    assert set(warehouse_tables()) == {"members", "member_versions", "contracts", "benefits"}
    crossed = sum(
        _warehouse(home, f"SELECT count(*) FROM pseudo.{t} WHERE member_token = ?", [token])[0][0]
        for t in warehouse_tables()
    )
    assert any(row["table"] == "pseudo.member_versions" for row in exported["warehouse"])
    assert crossed > 0 and len(exported["warehouse"]) == crossed
    assert exported["consents"] and exported["requests"][0]["number"] == req.number
    # readable French document and one CSV per section, inside the vault's outbox
    html = paths["html"].read_text(encoding="utf-8")
    assert "Vos données personnelles" in html and req.number in html and "Vos prestations" in html
    assert paths["html"].parent.parent == home.vault_dir / "outbox"
    assert paths["pdf"].read_bytes().startswith(b"%PDF-")
    page = local_browser()
    page.page.goto(paths["html"].as_uri(), wait_until="load")
    assert page.external_requests == [] and "Vos contrats" in page.page.inner_text("body")
    page.page.close()
    with open(paths["csv_benefits"], encoding="utf-8-sig", newline="") as fh:
        assert {r["benefit_id"] for r in csv.DictReader(fh, delimiter=";")} == got_benefits
    # logged with counts only: no identifier in the audit log
    entry = [e for e in audit.entries(home) if e["action"] == "request.access"][-1]
    assert entry["details"]["request"] == req.number and entry["details"]["rows"]["benefits"] == len(got_benefits)
    assert member["nir"] not in home.vault_dir.joinpath("audit.jsonl").read_text(encoding="utf-8")


def test_name_and_birth_date_find_the_member_and_ambiguity_is_refused(home):
    from vault.db import vault_connection
    from vault.requests import AmbiguousMember, MemberNotFound, MemberQuery, access, find_member, rectify

    members = [m for m in inbox_rows(home, "members") if len(m["nir"]) == 15]
    a, b = members[3], members[4]
    born = date.fromisoformat(a["birth_date"])
    with vault_connection(home, read_only=True) as con:
        assert find_member(con, MemberQuery(last_name=a["last_name"].upper(), birth_date=born)) == a["member_id"]
        with pytest.raises(MemberNotFound):
            find_member(con, MemberQuery(last_name="Nobody-Here", birth_date=born))
    # b gets a's name and birth date (a rectification): the name no longer names one person
    rectify(home, MemberQuery(nir=b["nir"]), {"last_name": a["last_name"], "birth_date": a["birth_date"]})
    with pytest.raises(AmbiguousMember, match="2 members share"):
        access(home, MemberQuery(last_name=a["last_name"], birth_date=born))
    if a["first_name"] != b["first_name"]:
        with vault_connection(home, read_only=True) as con:
            query = MemberQuery(last_name=a["last_name"], first_name=a["first_name"], birth_date=born)
            assert find_member(con, query) == a["member_id"]
    # from the command line: one clear line, exit 1, no traceback, no value
    from confiance.cli import main

    result = CliRunner().invoke(
        main, ["vault", "request", "access", "--last-name", a["last_name"], "--birth-date", a["birth_date"], "--no-pdf"]
    )
    assert result.exit_code == 1, result.output
    assert "share this name and birth date" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["vault", "request", "erase", "--nir", "185057800608436", "--yes"])
    assert result.exit_code == 1 and "no member with this NIR" in result.output


def test_rectification_is_carried_downstream_by_the_next_crossing(home):
    from vault.crossing import cross_to_warehouse
    from vault.requests import MemberQuery, RequestError, list_requests, rectify

    member = _member_with_benefits(home)
    new_postal = "69003" if not member["postal_code"].startswith("69") else "13008"
    new_dep = new_postal[:2]
    with pytest.raises(RequestError, match="postal_code"):
        rectify(home, MemberQuery(nir=member["nir"]), {"postal_code": "6900"})  # landing rules apply
    req = rectify(home, MemberQuery(nir=member["nir"]), {"postal_code": new_postal})
    assert req.kind == "rectify" and req.status == "done"
    cross_to_warehouse(home)
    from vault.db import vault_connection

    with vault_connection(home, read_only=True) as con:
        token = con.execute(
            "SELECT member_token FROM meta.member_tokens WHERE member_id = ?", [member["member_id"]]
        ).fetchone()[0]
    assert _warehouse(home, "SELECT departement FROM pseudo.members WHERE member_token = ?", [token]) == [(new_dep,)]
    register = list_requests(home)
    assert [r.kind for r in register] == ["rectify"]  # the refused one was rolled back
    assert any(
        e["action"] == "request.rectify" and e["details"]["attributes"] == ["postal_code"] for e in audit.entries(home)
    )


def test_objection_is_honoured_by_the_next_run_in_marts_and_campaigns(home, tmp_path):
    from confiance.contracts import feed_contract
    from vault.consent import shares
    from vault.crossing import _latest, cross_to_warehouse
    from vault.db import vault_connection
    from vault.reidentify import reidentify
    from vault.requests import MemberQuery, object_to

    members = inbox_rows(home, "members")
    member = next(
        m
        for m in members
        if m["consent_research"] == "true" and m["consent_marketing"] == "true" and len(m["nir"]) == 15
    )
    with vault_connection(home, read_only=True) as con:
        before = {s.consent: s.given for s in shares(con, _latest(feed_contract("members")))}
        token = con.execute(
            "SELECT member_token FROM meta.member_tokens WHERE member_id = ?", [member["member_id"]]
        ).fetchone()[0]
    req = object_to(home, MemberQuery(nir=member["nir"]), ["research", "prevention"])
    assert req.outcome["consents_withdrawn"] == ["consent_marketing", "consent_research"]
    cross_to_warehouse(home)
    assert _warehouse(
        home, "SELECT consent_research, consent_marketing FROM pseudo.members WHERE member_token = ?", [token]
    ) == [(False, False)]
    with vault_connection(home, read_only=True) as con:
        after = {s.consent: s.given for s in shares(con, _latest(feed_contract("members")))}
    assert after == {k: v - 1 for k, v in before.items()}
    # a later feed still saying "yes" does not undo the objection
    from datetime import UTC, datetime

    from vault.landing import land_inbox

    later = dict(member, updated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S"))
    path = home.inbox / "members_zz_later.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(member), delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerow(later)
    assert [r["rows_landed"] for r in land_inbox(home) if r["file"] == path.name] == [1]
    cross_to_warehouse(home)
    assert _warehouse(
        home, "SELECT consent_research, consent_marketing FROM pseudo.members WHERE member_token = ?", [token]
    ) == [(False, False)]
    # the prevention mailing (a campaign needing consent_marketing) now leaves them out
    tokens = tmp_path / "tokens.txt"
    tokens.write_text(token + "\n", encoding="utf-8")
    result = reidentify(home, "dental_prevention_mailing", tokens, caller="tiers-de-confiance")
    assert result["resolved"] == 1 and result["consented"] == 0
