"""A daily run crosses only what was landed since the last crossing, and the warehouse is what a whole crossing
of everything landed would have written (issue 16, daily increment)."""

from __future__ import annotations

import duckdb

from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import audit
from vault.crossing import cross_to_warehouse
from vault.landing import land_inbox

TABLES = ("members", "contracts", "benefits")


def _rows(settings: Settings, table: str) -> list[tuple]:
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        return con.execute(f"select * from pseudo.{table} order by all").fetchall()


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
    assert details["appended"] == {"benefits": len(day)}  # only the day's records were crossed
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
    # a run with nothing new crosses no benefit record
    assert cross_to_warehouse(settings) == second
    assert _last_crossing(settings)["appended"] == {"benefits": 0}
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
    assert _last_crossing(settings)["appended"] == {}
    assert _rows(settings, "benefits") == expected
