"""Landing's cross-row rules, checked against a plain Python oracle on adversarial rows.

The rules that look at several rows of a file (a primary key repeated: every occurrence after the first
line is a duplicate; a unique value such as the NIR carried by several member ids: every row carrying
it) are computed on narrow projections so that a year of benefit lines validates in the vault's memory
limit. Whatever the SQL, each line must get exactly these reasons, and the raw values must be kept for
the quarantined rows (and only for them).
"""

from __future__ import annotations

import json
import random

import duckdb
import pytest

from confiance.contracts import feed_contracts
from vault.landing import validation_select

ROWS = 2000


def _rows(contract, seed: int) -> list[list[str | None]]:
    """Rows of small-domain values (many repeats), some blank or missing, with their line numbers."""
    rng = random.Random(seed)
    out = []
    for line in range(2, ROWS + 2):
        row: list[str | None] = [line]
        for _ in contract.columns:
            r = rng.random()
            row.append(None if r < 0.05 else " " if r < 0.1 else str(rng.randint(0, 60)))
        out.append(row)
    return out


def _typed_text(value: str | None) -> str | None:
    """A text value as landing reads it: trimmed, blank is missing (digits only here: no NIR spacing)."""
    return None if value is None or not value.strip() else value.strip()


@pytest.mark.parametrize("feed", ["members", "benefits"])
def test_cross_row_reasons_match_the_oracle_and_raw_values_stay_only_for_quarantined_rows(feed):
    contract = feed_contracts()[feed]
    names = [c.name for c in contract.columns]
    pk = [c.name for c in contract.columns if c.primary_key]
    unique = [c.name for c in contract.columns if c.unique and not c.primary_key]
    rows = _rows(contract, seed=len(feed))
    con = duckdb.connect()
    con.execute("CREATE TABLE src (_line BIGINT, " + ", ".join(f'"{n}" VARCHAR' for n in names) + ")")
    con.executemany(f"INSERT INTO src VALUES ({', '.join(['?'] * (len(names) + 1))})", rows)
    checked = validation_select(contract, "src")
    got = con.execute(f"SELECT _line, _reason, _raw FROM ({checked}) ORDER BY _line").fetchall()
    assert [g[0] for g in got] == [r[0] for r in rows]  # every line, once

    index = {n: i + 1 for i, n in enumerate(names)}
    seen: set[tuple] = set()
    keys_of: dict[str, dict[str, set]] = {u: {} for u in unique}
    for row in rows:
        for u in unique:
            value, key = _typed_text(row[index[u]]), _typed_text(row[index[pk[0]]])
            if value is not None and key is not None:
                keys_of[u].setdefault(value, set()).add(key)
    duplicates = shared = 0
    for row, (line, reason, raw) in zip(rows, got, strict=True):
        key = tuple(_typed_text(row[index[k]]) for k in pk)
        is_dup = key[0] is not None and key in seen
        seen.add(key)
        assert (f"{', '.join(pk)}: duplicate within the file" in reason) == is_dup, (line, reason)
        duplicates += is_dup
        for u in unique:
            value = _typed_text(row[index[u]])
            is_shared = value is not None and len(keys_of[u].get(value, ())) > 1
            assert (f"{u}: shared by several {pk[0]} in the file" in reason) == is_shared, (line, reason)
            shared += is_shared
        if reason:
            kept = json.loads(raw)
            assert [kept[n] for n in names] == [_typed_text(row[index[n]]) for n in names]
        else:
            assert raw is None
    assert duplicates > ROWS // 2  # the oracle had something to find
    assert shared > 0 or not unique
