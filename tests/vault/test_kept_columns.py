"""Nothing identifying crosses in a column that crosses unchanged (``crossing: keep``).

Every kept column is constrained by its contract (reference list, anchored pattern and length, or
bounds), checked at landing (quarantine) and again at the crossing (rows that break it stay in the
vault; an outbound scan refuses the crossing if a text column of the warehouse still holds one).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from confiance.contracts import feed_contracts, load_contract
from confiance.settings import Settings
from tests.vault.vault_fixtures import COLS, make_feeds, write_csv, write_feeds
from vault import audit
from vault.crossing import CrossingError, cross_to_warehouse, kept_column_problems
from vault.db import vault_connection
from vault.landing import land_inbox

# direct identifiers of four kinds, in the forms they are written in source files
PLANTED = {
    "NIR": ["185057800608436", "2 84 12 2A 012 345 67"],
    "EMAIL": ["jeanne.martin@example.fr", "a.b+c@mutuelle.org"],
    "PHONE": ["0612345678", "+33 6 12 34 56 78"],
    "IBAN": ["FR7630001007941234567890185", "FR76 3000 1007 9412 3456 7890 185"],
}
VALUES = [v for vs in PLANTED.values() for v in vs]


def kept_columns() -> list[tuple[str, str]]:
    return [
        (name, c.name)
        for name, contract in feed_contracts().items()
        for c in contract.columns
        if c.crossing in ("keep", "consent")
    ]


def warehouse_text(settings: Settings) -> str:
    """Every value of every warehouse table, as text."""
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        parts = []
        for schema, table in con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall():
            for row in con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall():
                parts.append("|".join("" if v is None else str(v) for v in row))
        return "\n".join(parts)
    finally:
        con.close()


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum())


def test_every_kept_column_is_constrained_by_its_contract():
    assert kept_columns(), "the contracts keep some columns"
    problems = [p for contract in feed_contracts().values() for p in kept_column_problems(contract)]
    assert problems == []


def test_an_unconstrained_kept_column_is_named_and_the_crossing_refuses(tmp_path, settings: Settings, monkeypatch):
    """A contract that lets free text cross unchanged is refused before anything crosses."""
    src = feed_contracts()["benefits"].path
    text = src.read_text(encoding="utf-8")
    loose = text.replace(
        '        logicalTypeOptions: {pattern: "^[A-Z]{1,5}[0-9]{0,3}(-[A-Z]{1,4}){0,2}$", maxLength: 16}\n', ""
    )
    assert loose != text
    (tmp_path / "benefits.odcs.yaml").write_text(loose, encoding="utf-8")
    problems = kept_column_problems(load_contract(tmp_path / "benefits.odcs.yaml"))
    assert problems == [
        "benefits.act_code: kept text column without a reference list (enum) or an anchored pattern and maxLength"
    ]
    import confiance.contracts as contracts

    feeds_dir = tmp_path / "feeds"
    shutil.copytree(contracts.FEEDS_DIR, feeds_dir)
    (feeds_dir / src.name).write_text(loose, encoding="utf-8")
    monkeypatch.setattr(contracts, "FEEDS_DIR", feeds_dir)
    contracts.feed_contracts.cache_clear()
    try:
        with pytest.raises(CrossingError, match="act_code"):
            cross_to_warehouse(settings)
    finally:
        contracts.feed_contracts.cache_clear()
    assert not settings.warehouse_db.exists()


def _planted_feeds() -> tuple[dict, list[tuple[str, str, int, str]]]:
    """Feeds where, for every kept column and every planted identifier, one row carries it."""
    feeds = make_feeds(120, 2, seed=21)
    for b in feeds["benefits"]:
        b["comment"] = ""
    planted = []
    cursor = {name: 0 for name in feeds}
    for feed, column in kept_columns():
        for value in VALUES:
            i = cursor[feed]
            cursor[feed] += 1
            feeds[feed][i][column] = value
            planted.append((feed, column, i, value))
    assert all(cursor[f] < len(feeds[f]) for f in feeds)
    return feeds, planted


def test_identifiers_planted_in_every_kept_column_are_quarantined_and_never_cross(settings: Settings):
    feeds, planted = _planted_feeds()
    write_feeds(settings.inbox, feeds)
    results = {r["feed"]: r for r in land_inbox(settings)}
    with vault_connection(settings, read_only=True) as con:
        quarantined = {
            (f, line): reason
            for f, line, reason in con.execute("SELECT feed, line, reason FROM meta.quarantine").fetchall()
        }
    for feed, column, i, _value in planted:
        reason = quarantined.get((feed, i + 2))  # header is line 1
        assert reason is not None and column in reason, (feed, column, i, reason)
    for feed, r in results.items():
        assert r["rows_read"] == len(feeds[feed]) == r["rows_landed"] + r["rows_quarantined"]
    cross_to_warehouse(settings)
    text = warehouse_text(settings)
    assert text  # the clean rows crossed
    leaked = [v for v in VALUES if v in text or _digits(v) in _digits_only(text)]
    assert leaked == []


def _digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum() or ch in "|\n")


def test_identifiers_already_in_the_vault_are_withheld_at_the_crossing(settings: Settings):
    """Rows landed before a column was constrained (e.g. NIRs in act_code) stay in the vault, counted."""
    feeds = make_feeds(40, 2, seed=5)
    for b in feeds["benefits"]:
        b["comment"] = ""
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    with vault_connection(settings) as con:  # as an older, laxer landing let them in
        for i, value in enumerate(VALUES):
            con.execute(
                "UPDATE raw.benefits SET act_code = ? WHERE benefit_id = ?", [value, feeds["benefits"][i]["benefit_id"]]
            )
        con.execute(
            "UPDATE raw.contracts SET employer_siret = 'jeanne@example.fr' WHERE contract_id = ?",
            [feeds["contracts"][0]["contract_id"]],
        )
    counts = cross_to_warehouse(settings)
    assert counts["benefits"] == len(feeds["benefits"]) - len(VALUES)
    entry = [e for e in audit.entries(settings) if e["action"] == "crossing.warehouse"][-1]
    assert entry["details"]["withheld_contract_violation"]["benefits"] == len(VALUES)
    assert entry["details"]["withheld_contract_violation"]["contracts"] == 1
    text = warehouse_text(settings)
    assert [v for v in VALUES + ["jeanne@example.fr"] if v in text] == []


def test_outbound_scan_redacts_scrubbed_text_and_refuses_kept_text(tmp_path):
    """The scrubber is the first line; the outbound scan, run on the warehouse tables inside the crossing's
    transaction, redacts what free text still holds and refuses a kept or generated text column holding one."""
    from vault.crossing import _outbound_scan

    contract = feed_contracts()["benefits"]
    con = duckdb.connect()
    con.execute(f"ATTACH '{tmp_path / 'wh.duckdb'}' AS wh")
    con.execute("CREATE SCHEMA wh.pseudo")
    con.execute("CREATE TABLE wh.pseudo.benefits (benefit_token VARCHAR, act_code VARCHAR, comment VARCHAR)")
    con.execute(
        "INSERT INTO wh.pseudo.benefits VALUES ('insurer.v1.0612345678', 'G', "
        "'rappeler au 06 12 34 56 78 ou a.b@example.fr'), ('insurer.v1.ab', 'DEN-SOIN', 'RAS'), "
        "('insurer.v1.cd', 'CS', NULL)"
    )
    assert _outbound_scan(con, "benefits", contract) == 2
    rows = con.execute("SELECT benefit_token, comment FROM wh.pseudo.benefits ORDER BY 1").fetchall()
    assert rows[0] == ("insurer.v1.0612345678", "rappeler au <PHONE> ou <EMAIL>")  # tokens are not scanned
    assert rows[1][1] == "RAS"
    con.execute("UPDATE wh.pseudo.benefits SET act_code = '185057800608436' WHERE act_code = 'CS'")
    with pytest.raises(CrossingError) as err:
        _outbound_scan(con, "benefits", contract)
    assert "pseudo.benefits.act_code: 1 value(s) look like a NIR" in str(err.value)
    assert "185057800608436" not in str(err.value)
    con.close()


def test_kept_column_constraints_checked_at_landing_name_column_and_line(settings: Settings):
    feeds = make_feeds(10, 1)
    feeds["benefits"][2]["act_code"] = "X" * 17
    feeds["benefits"][4]["actual_cost"] = "612345678.00"
    feeds["contracts"][1]["monthly_premium"] = "99999.00"
    for name in ("members", "contracts", "benefits"):
        write_csv(settings.inbox / f"{name}_k.csv", feeds[name], COLS[name])
    land_inbox(settings)
    with vault_connection(settings, read_only=True) as con:
        got = {
            (f, line): reason
            for f, line, reason in con.execute("SELECT feed, line, reason FROM meta.quarantine").fetchall()
        }
    assert "act_code" in got[("benefits", 4)]
    assert "actual_cost: maximum is 1000000" in got[("benefits", 6)]
    assert "monthly_premium: maximum is 10000" in got[("contracts", 3)]
