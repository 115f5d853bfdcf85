"""A daily run crosses only what was landed since the last crossing, and the warehouse is what a whole crossing
of everything landed would have written (issue 16, daily increment)."""

from __future__ import annotations

from datetime import date

import duckdb

from confiance.crossing_rules import CROSSING_STAMP
from confiance.identifiers import make_nir
from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import audit
from vault.crossing import cross_to_warehouse
from vault.landing import land_inbox

TABLES = ("members", "contracts", "benefits")


def _rows(settings: Settings, table: str) -> list[tuple]:
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        # every column but the stamp of the crossing that wrote the row (an append and a whole crossing differ there)
        return con.execute(f"select * exclude ({CROSSING_STAMP}) from pseudo.{table} order by all").fetchall()


def _last_crossing(settings: Settings) -> dict:
    return [e for e in audit.entries(settings) if e["action"] == "crossing.warehouse"][-1]["details"]


def _day(feeds: dict[str, list[dict]]) -> list[dict]:
    """One day's benefits file: four new lines (one naming its member in a comment) and a corrected line."""
    old = feeds["benefits"]
    new = []
    for i, line in enumerate(old[:4]):
        new.append({**line, "benefit_id": f"P9{i:011d}", "care_date": "2024-06-03", "payment_date": "2024-06-08"})
    member = feeds["members"][1]
    new[1]["comment"] = f"Rappel de {member['first_name']} {member['last_name']} au 06 11 22 33 44"
    corrected = dict(old[10], actual_cost="999.00", out_of_pocket="999.00", updated_at="2024-06-02 09:00:00")
    corrected.update(ss_base="0.00", ss_reimbursement="0.00", complementary_reimbursement="0.00")
    return [*new, corrected]


def test_a_new_benefits_file_alone_crosses_and_the_result_equals_a_whole_crossing(settings, tmp_path):
    feeds = make_feeds(60, 2, seed=3)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    first = cross_to_warehouse(settings)
    assert first == {"members": 60, "contracts": 60, "benefits": 120}
    assert _last_crossing(settings)["appended"] == {}  # the first crossing is whole

    day = _day(feeds)
    write_feeds(settings.inbox, {"benefits": day}, suffix="2024-06-03")
    landed = land_inbox(settings)
    assert [(r["rows_landed"], r["rows_quarantined"]) for r in landed if r["status"] == "landed"] == [(len(day), 0)]
    second = cross_to_warehouse(settings)
    assert second == {"members": 60, "contracts": 60, "benefits": 124}  # four new lines, one replaced
    details = _last_crossing(settings)
    # only the day's records were crossed; no member or contract file, the same run date: none of theirs
    assert details["appended"] == {"members": 0, "contracts": 0, "benefits": len(day)}
    assert details["texts_scrubbed"] <= sum(1 for line in day if line["comment"])
    appended = {t: _rows(settings, t) for t in TABLES}
    member = feeds["members"][1]
    assert not any(member["last_name"] in str(row) for row in appended["benefits"])  # the new comment scrubbed

    # The same two files landed in a fresh home (same master key) and crossed once, whole: row for row the same.
    other = Settings(home=tmp_path / "whole", key_file=settings.key_file)
    other.ensure_dirs()
    write_feeds(other.inbox, feeds)
    write_feeds(other.inbox, {"benefits": day}, suffix="2024-06-03")
    land_inbox(other)
    assert cross_to_warehouse(other) == second
    for table in TABLES:
        assert _rows(other, table) == appended[table], table
    # and the full re-cross path (as after a key rotation) gives the same table again
    assert cross_to_warehouse(settings, full=True) == second
    assert _last_crossing(settings)["appended"] == {}
    assert _rows(settings, "benefits") == appended["benefits"]
    # a run with nothing new crosses no record
    assert cross_to_warehouse(settings) == second
    assert _last_crossing(settings)["appended"] == {"members": 0, "contracts": 0, "benefits": 0}
    assert _rows(settings, "benefits") == appended["benefits"]


def test_rows_deleted_from_the_warehouse_behind_the_crossing_make_it_whole_again(settings):
    """The vault's memory of the last crossing must describe the warehouse as it is; when it does not (rows
    removed there, a crossing interrupted), the next crossing is whole, and nothing stays missing."""
    feeds = make_feeds(30, 2, seed=8)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    expected = _rows(settings, "benefits")
    with duckdb.connect(str(settings.warehouse_db)) as con:
        con.execute("delete from pseudo.benefits where rowid < 5")
    assert cross_to_warehouse(settings)["benefits"] == len(expected)
    assert "benefits" not in _last_crossing(settings)["appended"]
    assert _rows(settings, "benefits") == expected


def _band(birth: str, as_of: str) -> str:
    b, d = date.fromisoformat(birth), date.fromisoformat(as_of)
    age = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
    return f"{age // 5 * 5}-{age // 5 * 5 + 4}"


def test_a_small_members_file_and_a_new_run_date_cross_only_what_changed_and_equal_a_whole_crossing(settings, tmp_path):
    """Members and contracts are appended to as benefits are: a members file of changes (a new address, a corrected
    NIR, a new member with a contract and a benefit line) and a later run date re-cross only those members and the
    members whose age band the new date changes; the warehouse equals a whole crossing row for row."""
    feeds = make_feeds(80, 1, seed=11)
    settings.extra["as_of"] = "2024-06-01"
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    assert _last_crossing(settings)["appended"] == {}  # the first crossing is whole

    later = "2024-09-01"
    members = feeds["members"]
    moved = dict(members[4], postal_code="69003", updated_at="2024-08-01 10:00:00")
    b = date.fromisoformat(members[5]["birth_date"])
    corrected = dict(
        members[5], nir=make_nir(members[5]["sex"], b.year, b.month, "75", 56, 789), updated_at="2024-08-01 10:00:00"
    )
    new = dict(members[6], member_id="A000000999", nir=make_nir("F", 1990, 2, "13", 55, 321), birth_date="1990-02-11")
    new.update(email="nouvelle@example.fr", updated_at="2024-08-01 10:00:00")
    contract = dict(feeds["contracts"][6], contract_id="C0000009999", member_id="A000000999")
    line = dict(feeds["benefits"][6], benefit_id="P000000999999", member_id="A000000999", contract_id="C0000009999")
    changes = {"members": [moved, corrected, new], "contracts": [contract], "benefits": [line]}
    write_feeds(settings.inbox, changes, suffix="2024-08-01")
    assert all(r["rows_landed"] == 1 or r["feed"] == "members" for r in land_inbox(settings) if r["status"] == "landed")
    settings.extra["as_of"] = later
    second = cross_to_warehouse(settings)
    assert second == {"members": 81, "contracts": 81, "benefits": 81}
    birthdays = {
        m["member_id"] for m in members if _band(m["birth_date"], "2024-06-01") != _band(m["birth_date"], later)
    }
    assert birthdays, "the seed gives members a new age band between the two run dates"
    expected_members = birthdays | {m["member_id"] for m in changes["members"]}
    # contracts and lines: the new member's, and the corrected member's (its token moved)
    assert _last_crossing(settings)["appended"] == {"members": len(expected_members), "contracts": 2, "benefits": 2}
    appended = {t: _rows(settings, t) for t in TABLES}

    # the same files landed in a fresh home and crossed once, whole, at the later date: row for row the same
    other = Settings(home=tmp_path / "whole", key_file=settings.key_file, extra={"as_of": later})
    other.ensure_dirs()
    write_feeds(other.inbox, changes, suffix="2024-08-01")
    land_inbox(other)  # in the other order: the changes first, the older files delivered late
    write_feeds(other.inbox, feeds)
    land_inbox(other)
    assert cross_to_warehouse(other) == second
    for table in TABLES:
        assert _rows(other, table) == appended[table], table
    # the corrected NIR's old token is gone from every table (the member and its contract and lines re-crossed)
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        tokens = {r[0] for r in con.execute("select member_token from pseudo.members").fetchall()}
        for table in ("contracts", "benefits"):
            assert {r[0] for r in con.execute(f"select member_token from pseudo.{table}").fetchall()} <= tokens

    # an objection recorded by the DPO: the members cross whole (their consent flags read the register)
    from vault.consent import record_event
    from vault.db import vault_connection

    with vault_connection(settings) as con:
        record_event(con, members[7]["member_id"], "consent_research", False, "dpo", None)
    assert cross_to_warehouse(settings) == second
    details = _last_crossing(settings)["appended"]
    assert "members" not in details and details["contracts"] == details["benefits"] == 0


def test_a_batch_larger_than_the_table_crosses_whole(settings):
    """A bulk affiliation (more new records than the warehouse table holds) is crossed whole: same table, one
    write."""
    feeds = make_feeds(10, 1, seed=12)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    bulk = [dict(feeds["benefits"][i % 10], benefit_id=f"P4{i:011d}", actual_cost="20.00") for i in range(25)]
    for line in bulk:
        line.update(ss_base="6.00", ss_reimbursement="6.00", complementary_reimbursement="10.00", out_of_pocket="4.00")
    write_feeds(settings.inbox, {"benefits": bulk}, suffix="2024-06-03")
    land_inbox(settings)
    assert cross_to_warehouse(settings)["benefits"] == 35
    assert _last_crossing(settings)["appended"] == {"members": 0, "contracts": 0}
