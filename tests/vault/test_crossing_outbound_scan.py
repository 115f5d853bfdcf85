"""The crossing's outbound scan on kept and generated text columns, at the scale of a bulk affiliation.

A kept column (an employer's name, a SIRET, a sex) repeats few values over millions of rows, so the scan tries
the identifier patterns on each column's distinct values. What the scan decides must not change with that: any
row holding an identifier refuses the crossing, the refusal counts the rows (not the distinct values) and names
the first column and pattern concerned, never the value.
"""

from __future__ import annotations

import duckdb
import pytest

from confiance.contracts import feed_contracts
from vault.crossing import CrossingError, _outbound_scan


def _warehouse(tmp_path, rows: list[tuple]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"ATTACH '{tmp_path / 'wh.duckdb'}' AS wh")
    con.execute("CREATE SCHEMA wh.pseudo")
    con.execute(
        "CREATE TABLE wh.pseudo.contracts (contract_token VARCHAR, member_token VARCHAR, contract_type VARCHAR, "
        "employer_siret VARCHAR, employer_name VARCHAR)"
    )
    con.executemany("INSERT INTO wh.pseudo.contracts VALUES (?, ?, ?, ?, ?)", rows)
    return con


def _rows(n: int) -> list[tuple]:
    return [
        (f"insurer.v1.c{i:06d}", f"insurer.v1.m{i:06d}", "collective", "31622442700013", "Électricité du Jura SARL")
        for i in range(n)
    ]


def test_repeated_clean_values_cross(tmp_path):
    con = _warehouse(tmp_path, _rows(5000))
    assert _outbound_scan(con, "contracts", feed_contracts()["contracts"]) == 0
    con.close()


def test_an_identifier_repeated_on_many_rows_is_counted_per_row(tmp_path):
    rows = _rows(3000)
    leaked = "jeanne.martin@example.fr"
    rows[10:13] = [(*r[:4], leaked) for r in rows[10:13]]  # the same address on three rows
    con = _warehouse(tmp_path, rows)
    with pytest.raises(CrossingError) as err:
        _outbound_scan(con, "contracts", feed_contracts()["contracts"])
    assert "pseudo.contracts.employer_name: 3 value(s) look like a EMAIL" in str(err.value)
    assert leaked not in str(err.value)
    con.close()


def test_the_first_column_and_pattern_in_order_are_named(tmp_path):
    """Two columns leak: the refusal names the first text column of the table and, in it, the first pattern."""
    rows = _rows(200)
    rows[0] = (*rows[0][:2], "0612345678", rows[0][3], "185057800608436 et 0612345678")
    con = _warehouse(tmp_path, rows)
    with pytest.raises(CrossingError) as err:
        _outbound_scan(con, "contracts", feed_contracts()["contracts"])
    assert "pseudo.contracts.contract_type: 1 value(s) look like a PHONE" in str(err.value)
    con.close()


def test_tokens_are_not_scanned(tmp_path):
    rows = [("insurer.v1.0612345678", "insurer.v1.185057800608436", "collective", "31622442700013", "ACME")]
    con = _warehouse(tmp_path, rows)
    assert _outbound_scan(con, "contracts", feed_contracts()["contracts"]) == 0
    con.close()
