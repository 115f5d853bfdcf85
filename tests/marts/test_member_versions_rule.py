"""The filing rule on a small warehouse: care of a year is filed under the member's attributes as of the year's
closing date (its end plus ``closing_lag_months``), by the version's date in the membership system, never by the
date it landed.

Real landing, real encrypted vault, real crossing (appends), real dbt-duckdb. Care of January-April 2024, paid
five days later; every member's first version is dated 1 May 2024. The expected département of each member's 2024
atoms is written here from the feed rows and the dates alone."""

from __future__ import annotations

import duckdb
import pytest

from confiance.identifiers import postal_code_departement
from confiance.settings import Settings
from tests.marts.test_atoms_incremental import ATOMS, _dbt
from tests.vault.vault_fixtures import fresh_settings, make_feeds, write_feeds
from vault.crossing import cross_to_warehouse
from vault.landing import land_inbox

POSTAL = {"13": "13001", "69": "69001", "75": "75011", "33": "33000"}


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    return fresh_settings(tmp_path, monkeypatch)


def _other(member: dict, *avoid: str) -> str:
    """A postal code in a département none of ``avoid`` (nor the member's own) is in."""
    taken = {postal_code_departement(member["postal_code"]), *avoid}
    return next(code for dep, code in POSTAL.items() if dep not in taken)


def _land(settings: Settings, rows: list[dict], suffix: str) -> None:
    write_feeds(settings.inbox, {"members": rows}, suffix=suffix)
    land_inbox(settings)
    cross_to_warehouse(settings)


def _tokens(settings: Settings) -> dict[str, str]:
    from vault.db import vault_connection

    with vault_connection(settings, operation="test") as con:
        return dict(con.execute("select member_id, member_token from meta.member_tokens").fetchall())


def _filed(settings: Settings, tmp_path, lag: int) -> dict[str, tuple]:
    """member token -> the (département, age at care, sex) its 2024 atoms carry, after a dbt run at ``lag``."""
    _dbt(
        "run",
        settings.warehouse_db,
        tmp_path / "target",
        "--select",
        "+int_benefits__member_atoms",
        dbt_vars={"closing_lag_months": lag},
    )
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        rows = con.execute(
            f"select member_token, list(distinct (departement, age_at_care, sex)) from {ATOMS} "
            "where care_year = 2024 group by 1"
        ).fetchall()
    out = {}
    for token, values in rows:
        assert len(values) == 1, (token, values)  # one filing per member and year
        out[token] = tuple(values[0])
    return out


def test_a_year_is_filed_as_of_its_closing_date(settings, tmp_path):
    feeds = make_feeds(40, 3, seed=11)
    members = feeds["members"]
    # member 39 is first delivered after 2024 closed (its lines wait in the vault until it lands)
    late_member = members.pop()
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    _dbt("seed", settings.warehouse_db, tmp_path / "target")

    a, b, c, d, e = members[:5]
    before_closing = dict(a, postal_code=_other(a), updated_at="2024-11-15 09:00:00")  # before 31 Dec 2024
    in_the_lag = dict(b, postal_code=_other(b), updated_at="2025-02-10 09:00:00")  # after 31 Dec, before 31 Mar 2025
    after_closing = dict(c, postal_code=_other(c), updated_at="2025-06-01 09:00:00")  # after every closing
    birth_corrected = dict(e, birth_date="1931-02-03", updated_at="2025-06-01 09:00:00")
    d_now = dict(d, postal_code=_other(d), updated_at="2025-06-01 09:00:00")
    _land(settings, [before_closing, in_the_lag, after_closing, birth_corrected, d_now], "2025-06-01")
    # delivered after all that, dated October 2024: the version d had at the closing, though it landed last
    d_late = dict(d, postal_code=_other(d, postal_code_departement(d_now["postal_code"])), updated_at="2024-10-01")
    d_late["updated_at"] = "2024-10-01 09:00:00"
    first_seen = dict(late_member, updated_at="2025-05-01 09:00:00")
    _land(settings, [d_late, first_seen], "2025-07-01")
    moved_since = dict(first_seen, postal_code=_other(first_seen), updated_at="2025-09-01 09:00:00")
    _land(settings, [moved_since], "2025-09-01")
    tokens = _tokens(settings)

    def dep(row: dict) -> str:
        return postal_code_departement(row["postal_code"])

    def age(row: dict) -> int:
        return 2024 - int(row["birth_date"][:4])

    for lag, b_filed in ((0, b), (3, in_the_lag)):
        filed = _filed(settings, tmp_path, lag)
        expected = {
            "a, moved before the closing": (tokens[a["member_id"]], before_closing),
            "b, moved in the lag": (tokens[b["member_id"]], b_filed),
            "c, moved after the closing": (tokens[c["member_id"]], c),
            "d, late-delivered October version": (tokens[d["member_id"]], d_late),
            "e, birth date corrected after": (tokens[e["member_id"]], e),
            "first delivered after the closing": (tokens[late_member["member_id"]], first_seen),
        }
        for what, (token, row) in expected.items():
            assert filed[token] == (dep(row), age(row), row["sex"]), (lag, what)
        # every other member has one version: filed under it
        others = {tokens[m["member_id"]]: m for m in members[5:]}
        assert all(filed[t] == (dep(m), age(m), m["sex"]) for t, m in others.items())
    # an open year files the current attributes: the same members' care of 2025 (open at any cut-off before 2026)
    with duckdb.connect(str(settings.warehouse_db)) as con:
        con.execute(
            "insert into pseudo.benefits select * replace ('insurer.v1.' || md5('y25' || benefit_token) "
            "as benefit_token, date '2025-10-01' as care_month, date '2025-10-01' as payment_month) "
            "from pseudo.benefits"
        )
        stamp = con.execute("select max(_crossing) + 1000 from pseudo.benefits").fetchone()[0]
        for table in ("members", "member_versions", "contracts", "benefits"):  # restamped, as a whole crossing does
            con.execute(f"update pseudo.{table} set _crossing = {stamp}")
    _dbt("run", settings.warehouse_db, tmp_path / "target", "--select", "+int_benefits__member_atoms")
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        current = dict(con.execute("select member_token, departement from pseudo.members").fetchall())
        filed_2025 = dict(
            con.execute(f"select distinct member_token, departement from {ATOMS} where care_year = 2025").fetchall()
        )
    assert filed_2025 == {t: current[t] for t in filed_2025}
    assert filed_2025[tokens[c["member_id"]]] == dep(after_closing)
    assert filed_2025[tokens[late_member["member_id"]]] == dep(moved_since)
