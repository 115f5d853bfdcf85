"""The incremental member atoms after a real vault crossing that moves a benefit line to another member.

A benefit line landed again with another member (a claim corrected to its right member) is re-crossed by an
appended crossing: the line's new row carries the new stamp, and nothing of its former member is re-crossed. The
crossing then stamps the former member's row as well (``vault.crossing._stamp_members_left``), so the atoms built
per changed member drop the line from the former member as a full build does. Real landing, real encrypted vault,
real crossing (append), real dbt-duckdb; the comparison is the one of ``test_atoms_incremental``."""

from __future__ import annotations

import duckdb
import pytest

from confiance.settings import Settings
from tests.marts.test_atoms_incremental import ATOMS, _assert_same, _dbt, _differences, _plan
from tests.vault.vault_fixtures import fresh_settings, make_feeds, write_feeds
from vault import audit
from vault.crossing import cross_to_warehouse
from vault.landing import land_inbox


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    return fresh_settings(tmp_path, monkeypatch)


def _lines_of_each_member(settings: Settings) -> dict[str, int]:
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        return dict(con.execute(f"select member_token, sum(line_count) from {ATOMS} group by 1").fetchall())


def test_a_line_moved_to_another_member_leaves_no_stale_atom(settings, tmp_path):
    feeds = make_feeds(40, 3, seed=21)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    warehouse, target = settings.warehouse_db, tmp_path / "target"
    _dbt("seed", warehouse, target)
    assert _plan(_dbt("run", warehouse, target, "--select", "+int_benefits__member_atoms")) == "created"
    before = _lines_of_each_member(settings)

    # member 1's first line corrected to member 6 (member 6's contract), a later version of the same line
    line = feeds["benefits"][0]
    to_member, to_contract = feeds["members"][5], feeds["contracts"][5]
    assert line["member_id"] != to_member["member_id"]
    moved = line | {
        "member_id": to_member["member_id"],
        "contract_id": to_contract["contract_id"],
        "updated_at": "2024-06-01 10:00:00",
    }
    write_feeds(settings.inbox, {"benefits": [moved]}, suffix="2024-06-01")
    land_inbox(settings)
    cross_to_warehouse(settings)
    crossing = [e["details"] for e in audit.entries(settings) if e["action"] == "crossing.warehouse"][-1]
    assert crossing["appended"].get("benefits") == 1, crossing  # an append of the one line, not a whole crossing

    assert _plan(_dbt("run", warehouse, target, "--select", "+int_benefits__member_atoms")) == "members"
    _assert_same(_differences(warehouse, tmp_path))
    after = _lines_of_each_member(settings)
    assert sum(after.values()) == sum(before.values())
    changed = {
        t: (before.get(t, 0), after.get(t, 0)) for t in before.keys() | after.keys() if before.get(t) != after.get(t)
    }
    assert sorted(changed.values()) == [(3, 2), (3, 4)], changed  # one line fewer for one member, one more for another
