"""A contract or benefit whose member is not in the register is held in the vault, counted, and crosses later."""

from __future__ import annotations

import duckdb

from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault.crossing import cross_to_warehouse, held_back
from vault.landing import land_inbox


def _count(settings, table: str) -> int:
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        return con.execute(f"select count(*), count(member_token) from pseudo.{table}").fetchone()


def test_rows_of_an_unknown_member_are_held_back_then_cross(settings):
    feeds = make_feeds(40, 2, seed=5)
    late_member = feeds["members"].pop(0)  # its contract and benefits arrive before it
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)

    counts = cross_to_warehouse(settings)
    assert counts == {"members": 39, "contracts": 39, "benefits": 78}
    assert held_back(settings) == {"contracts": 1, "benefits": 2}
    # No row crosses without its member token: nothing is orphaned in the warehouse.
    assert _count(settings, "benefits") == (78, 78)
    assert _count(settings, "contracts") == (39, 39)

    # The member lands in a later file: the held rows cross on the next run, nothing was lost.
    write_feeds(settings.inbox, {"members": [late_member]}, suffix="2024b")
    land_inbox(settings)
    assert cross_to_warehouse(settings) == {"members": 40, "contracts": 40, "benefits": 80}
    assert held_back(settings) == {}
