"""The vault's current version of a member does not depend on the order its files were landed in.

Real feeds deliver late: an older members file can arrive after the file correcting it. Whatever the landing
order, the identity map (member_id -> NIR), the member tokens derived from it, the NIR-to-one-member rule and
the warehouse follow each member's latest version by ``updated_at`` (a tie: the file landed last, then the
later line)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from confiance.crossing_rules import CROSSING_STAMP
from confiance.identifiers import make_nir
from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import keys
from vault.crossing import cross_to_warehouse, token_py
from vault.db import vault_connection
from vault.landing import land_inbox

TABLES = ("members", "contracts", "benefits")


def _identity_map(settings: Settings) -> dict[str, str]:
    with vault_connection(settings, read_only=True) as con:
        return dict(con.execute("SELECT member_id, nir FROM meta.identity_map").fetchall())


def _warehouse(settings: Settings) -> dict[str, list[tuple]]:
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        return {  # every column but the stamp of the crossing that wrote the row
            t: con.execute(f"SELECT * EXCLUDE ({CROSSING_STAMP}) FROM pseudo.{t} ORDER BY ALL").fetchall()
            for t in TABLES
        }


def _home(settings: Settings, tmp_path: Path, name: str) -> Settings:
    home = Settings(home=tmp_path / name, key_file=settings.key_file)
    home.ensure_dirs()
    return home


def _land(home: Settings, batches: list[tuple[str, dict[str, list[dict]]]]) -> list[dict]:
    """Land each batch (suffix, feeds) in its own run, in the order given; the results of the files landed (the
    inbox's earlier files are skipped)."""
    results = []
    for suffix, feeds in batches:
        write_feeds(home.inbox, feeds, suffix=suffix)
        results += [r for r in land_inbox(home) if r["status"] != "skipped"]
    return results


def _other_nir(member: dict, serial: int) -> str:
    b = date.fromisoformat(member["birth_date"])
    return make_nir(member["sex"], b.year, b.month, "75", 56, serial)


def test_files_landed_in_either_order_give_the_same_identity_map_tokens_and_warehouse(settings, tmp_path):
    feeds = make_feeds(30, 1, seed=21)
    members = feeds["members"]
    corrected_nir = _other_nir(members[3], 789)
    correction = {
        "members": [
            dict(members[3], nir=corrected_nir, updated_at="2024-08-01 10:00:00"),  # a NIR corrected
            dict(members[4], postal_code="69003", updated_at="2024-08-01 10:00:00"),  # a move
        ]
    }
    in_order = _home(settings, tmp_path, "in_order")
    late = _home(settings, tmp_path, "late")
    for home, batches in (
        (in_order, [("2024", feeds), ("2024-08-01", correction)]),
        (late, [("2024-08-01", correction), ("2024", feeds)]),  # the older file delivered after its correction
    ):
        results = _land(home, batches)
        assert all(r["status"] == "landed" and r["rows_quarantined"] == 0 for r in results), results

    assert _identity_map(in_order) == _identity_map(late)
    assert _identity_map(late)[members[3]["member_id"]] == corrected_nir
    assert _identity_map(late)[members[5]["member_id"]] == members[5]["nir"]

    assert cross_to_warehouse(in_order) == cross_to_warehouse(late) == {"members": 30, "contracts": 30, "benefits": 30}
    assert _warehouse(in_order) == _warehouse(late)  # row for row, tokens included

    key = keys.domain_key(in_order, "insurer", 1)
    new_token = token_py(key, "insurer", 1, "member", corrected_nir)
    old_token = token_py(key, "insurer", 1, "member", members[3]["nir"])
    for home in (in_order, late):
        with duckdb.connect(str(home.warehouse_db), read_only=True) as con:
            for table in TABLES:
                tokens = {r[0] for r in con.execute(f"SELECT member_token FROM pseudo.{table}").fetchall()}
                assert new_token in tokens, (home.home.name, table)
                assert old_token not in tokens, (home.home.name, table)
            moved = con.execute(
                "SELECT count(*) FROM pseudo.members WHERE member_token = ?",
                [token_py(key, "insurer", 1, "member", members[4]["nir"])],
            ).fetchone()[0]
            assert moved == 1


def test_a_correction_landed_late_wins_only_if_it_is_later(settings, tmp_path):
    feeds = make_feeds(6, 1, seed=22)
    m = feeds["members"][2]
    fix = _other_nir(m, 456)
    home = _home(settings, tmp_path, "late_fix")
    # a NIR correction delivered days after a later unrelated file: it still wins (its updated_at is later)
    _land(home, [("2024", {"members": feeds["members"]})])
    _land(home, [("2024-09-01", {"members": [dict(feeds["members"][0], updated_at="2024-09-01 08:00:00")]})])
    _land(home, [("2024-08-01", {"members": [dict(m, nir=fix, updated_at="2024-08-01 08:00:00")]})])
    assert _identity_map(home)[m["member_id"]] == fix
    # an older version of the member landed after it changes nothing
    stale = _other_nir(m, 123)
    _land(home, [("2023", {"members": [dict(m, nir=stale, updated_at="2023-01-01 08:00:00")]})])
    assert _identity_map(home)[m["member_id"]] == fix
    # the same updated_at in two files: the file landed last wins (the landing ledger's order), then the line
    tie = _other_nir(m, 124)
    _land(home, [("2024-08-01b", {"members": [dict(m, nir=tie, updated_at="2024-08-01 08:00:00")]})])
    assert _identity_map(home)[m["member_id"]] == tie


def test_the_nir_held_by_one_member_rule_reads_the_current_version_whatever_the_order(settings, tmp_path):
    """A member's NIR mistyped as another person's, then corrected: that person may then join, in either order."""
    feeds = make_feeds(8, 1, seed=23)
    a, newcomer_base = feeds["members"][1], feeds["members"][6]
    typo = _other_nir(newcomer_base, 222)  # the newcomer's real NIR, first given to A by mistake
    older = {"members": [dict(a, nir=typo, updated_at="2024-03-01 10:00:00")]}
    correction = {"members": [dict(a, updated_at="2024-07-01 10:00:00")]}  # back to A's own NIR
    newcomer = {"members": [dict(newcomer_base, member_id="A000000777", nir=typo, updated_at="2024-07-02 10:00:00")]}
    maps = []
    for name, batches in (
        ("in_order", [("2024-03-01", older), ("2024-07-01", correction)]),
        ("late", [("2024-07-01", correction), ("2024-03-01", older)]),
    ):
        home = _home(settings, tmp_path, name)
        _land(home, [("2024", {"members": feeds["members"]}), *batches])
        joined = _land(home, [("2024-07-02", newcomer)])
        assert [(r["rows_landed"], r["rows_quarantined"]) for r in joined] == [(1, 0)], (name, joined)
        maps.append(_identity_map(home))
    assert maps[0] == maps[1]
    assert maps[0]["A000000777"] == typo and maps[0][a["member_id"]] == a["nir"]
