"""The member versions the crossing writes (``pseudo.member_versions``): every dated version of the generalised
attributes the member atoms file care under (sex, birth year, département), under the member's current token.

Real landing, real encrypted vault, real crossing; the expected rows are what the landed files say, computed here
from the feed rows, not from the crossing's code."""

from __future__ import annotations

import duckdb
import pytest

from confiance.crossing_rules import CROSSING_STAMP
from confiance.identifiers import postal_code_departement
from confiance.settings import Settings
from tests.vault.vault_fixtures import fresh_settings, make_feeds, write_feeds
from vault import audit
from vault.crossing import cross_to_warehouse
from vault.landing import land_inbox

VERSIONS = "pseudo.member_versions"


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    return fresh_settings(tmp_path, monkeypatch)


def _versions(settings: Settings) -> dict[str, list[tuple]]:
    """member token -> [(updated_at as text, birth_year, sex, departement)] by date."""
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        rows = con.execute(
            f"select member_token, strftime(updated_at, '%Y-%m-%d %H:%M:%S'), birth_year, sex, departement "
            f"from {VERSIONS} order by all"
        ).fetchall()
    out: dict[str, list[tuple]] = {}
    for token, *version in rows:
        out.setdefault(token, []).append(tuple(version))
    return out


def _token_of(settings: Settings) -> dict[str, str]:
    """member token -> département of the member's current row (pseudo.members)."""
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        return dict(con.execute("select member_token, departement from pseudo.members").fetchall())


def _last_crossing(settings: Settings) -> dict:
    return [e for e in audit.entries(settings) if e["action"] == "crossing.warehouse"][-1]["details"]


def _expected(member: dict) -> tuple:
    return (
        member["updated_at"],
        int(member["birth_date"][:4]),
        member["sex"],
        postal_code_departement(member["postal_code"]),
    )


def _by_member(settings: Settings, feeds: dict) -> dict[str, str]:
    """member_id -> member token, found through the vault's own token table (tests may read the vault)."""
    from vault.db import vault_connection

    with vault_connection(settings, operation="test") as con:
        return dict(
            con.execute(
                "select member_id, member_token from meta.member_tokens where key_version = "
                "(select max(key_version) from meta.member_tokens)"
            ).fetchall()
        )


def test_versions_after_first_crossing_append_late_version_rotation_and_erasure(settings):
    feeds = make_feeds(30, 1, seed=5)
    members = feeds["members"]
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    tokens = _by_member(settings, feeds)
    versions = _versions(settings)
    assert len(versions) == 30
    assert all(versions[tokens[m["member_id"]]] == [_expected(m)] for m in members)
    assert _last_crossing(settings)["version_rows"] == {"member_versions": 30}

    # a day's members file: member 0 moves, member 1's birth date is corrected, member 2 is delivered again unchanged
    # (collapsed: same attributes), member 3 gets a late-delivered OLD version (dated before what the vault holds)
    moved = dict(members[0], postal_code="13001" if members[0]["postal_code"][:2] != "13" else "69001")
    moved["updated_at"] = "2025-03-02 08:00:00"
    corrected = dict(members[1], birth_date="1950-06-30", updated_at="2025-03-02 08:00:00")
    same = dict(members[2], updated_at="2025-03-02 08:00:00", email="autre@example.fr")
    old = dict(members[3], postal_code="97110", updated_at="2023-01-15 08:00:00")
    write_feeds(settings.inbox, {"members": [moved, corrected, same, old]}, suffix="2025-03-02")
    land_inbox(settings)
    cross_to_warehouse(settings)
    assert _last_crossing(settings)["appended"]["members"] == 4  # appended, not whole
    versions = _versions(settings)
    assert versions[tokens[members[0]["member_id"]]] == [_expected(members[0]), _expected(moved)]
    assert versions[tokens[members[1]["member_id"]]] == [_expected(members[1]), _expected(corrected)]
    assert versions[tokens[members[2]["member_id"]]] == [_expected(members[2])]  # identical version collapsed
    assert versions[tokens[members[3]["member_id"]]] == [_expected(old), _expected(members[3])]  # by date, not landing
    assert sum(len(v) for v in versions.values()) == 33
    # the member table itself still holds the current version only (the late old one does not become current)
    current = _token_of(settings)
    assert current[tokens[members[3]["member_id"]]] == postal_code_departement(members[3]["postal_code"])
    assert current[tokens[members[0]["member_id"]]] == postal_code_departement(moved["postal_code"])
    # the append stamped the re-crossed members' versions, and only theirs
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        stamps = dict(con.execute(f"select member_token, max({CROSSING_STAMP}) from {VERSIONS} group by 1").fetchall())
    newest = max(stamps.values())
    assert {t for t, s in stamps.items() if s == newest} == {tokens[m["member_id"]] for m in members[:4]}

    # the same files crossed whole in one go give the same versions (the append equals a whole crossing)
    cross_to_warehouse(settings, full=True)
    assert _versions(settings) == versions

    # key rotation: every token changes, the history stays
    from vault.rotation import rotate_domain_key

    rotate_domain_key(settings, settings.warehouse_domain)
    rotated = _versions(settings)
    assert not set(rotated) & set(versions)
    new_tokens = _by_member(settings, feeds)
    assert all(rotated[new_tokens[mid]] == versions[tokens[mid]] for mid in tokens)

    # erasure: the member leaves no version
    from vault.erasure import erase_member_id

    erase_member_id(settings, members[0]["member_id"])
    after = _versions(settings)
    assert new_tokens[members[0]["member_id"]] not in after
    assert len(after) == 29
    assert after[new_tokens[members[1]["member_id"]]] == rotated[new_tokens[members[1]["member_id"]]]
