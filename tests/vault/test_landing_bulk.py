"""Bulk landing: a file whose every data line is malformed (an export with one field too many) lands
with exact counts, and its rejected lines stay inside DuckDB (bounded memory, no raw line in Python)."""

from __future__ import annotations

import tracemalloc

from confiance.identifiers import make_nir
from confiance.settings import Settings
from tests.vault.vault_fixtures import COLS, make_feeds, write_csv
from vault.db import vault_connection
from vault.landing import land_inbox

N = 100_000


def test_many_malformed_lines_counted_exactly_without_python_copies(settings: Settings):
    members = make_feeds(200, 0)["members"]
    # one NIR per member (the NIR is unique in the members contract)
    rows = [
        dict(m, member_id=f"A{i:09d}", nir=make_nir("M", 2010, 1 + (i // 999) % 12, "75", 1 + i // 11988, 1 + i % 999))
        for i in range(N)
        for m in [members[i % len(members)]]
    ]
    path = write_csv(settings.inbox / "members_bulk.tmp", rows, COLS["members"])
    lines = path.read_text(encoding="utf-8").splitlines()
    # every even data line has one field too many: half the file is malformed
    lines = lines[:1] + [x + ";extra" if i % 2 == 0 else x for i, x in enumerate(lines[1:])]
    path.unlink()

    write_csv(settings.inbox / "members_warmup.csv", members[:5], COLS["members"])
    land_inbox(settings)  # warm-up: the lazy imports of the landing path are not what is measured
    (settings.inbox / "members_bulk.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tracemalloc.start()
    try:
        (r,) = [x for x in land_inbox(settings) if x["status"] != "skipped"]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert r["status"] == "landed"
    assert r["rows_read"] == N and r["rows_quarantined"] == N // 2 and r["rows_landed"] == N // 2
    with vault_connection(settings, read_only=True) as con:
        bad = con.execute(
            "SELECT min(line), max(line), count(*) FROM meta.quarantine "
            "WHERE file = 'members_bulk.csv' AND reason LIKE 'malformed line%'"
        ).fetchone()
        good = con.execute(
            "SELECT count(*), count(*) FILTER (_line % 2 = 1) FROM raw.members "
            "WHERE _file_id = (SELECT max(file_id) FROM meta.ledger)"
        ).fetchone()
    assert bad == (2, N, N // 2)  # data lines 2, 4, ... N were malformed
    assert good == (N // 2, N // 2)  # lines 3, 5, ... N + 1 landed with their own line numbers
    # the rejected lines (raw values, identifiers) are never fetched into Python objects
    assert peak < 8_000_000, f"Python allocations peaked at {peak / 1e6:.1f} MB while landing"
