"""The >1 GB landing benchmark's code path, scaled down for the suite.

``bench/bench_landing.py`` lands a members file of over 1 GB (bench/results/landing_1gb.md). This test runs
the very same function, :func:`bench_landing.one_size` — generator file with defects, landing in a child
process through ``land_inbox(progress=True)``, the ledger read back by another process, a second landing —
on 10,000 members with a 100 MB DuckDB memory limit (the smallest DuckDB's CSV reader accepts; spilling
itself is killed and recovered in test_crash_recovery.py), and asserts every check the benchmark reports.
"""

from __future__ import annotations

import os
import secrets

from bench import bench_landing

N = 10_000


def test_bulk_landing_with_spilling_counts_exactly_and_leaves_nothing(tmp_path):
    env = dict(os.environ)
    env["CONFIANCE_MASTER_KEY"] = secrets.token_hex(32)
    env["CONFIANCE_ACTOR"] = "test-runner"
    env.pop("CONFIANCE_KEY_FILE", None)
    env["CONFIANCE_VAULT_MEMORY_LIMIT"] = "100MB"
    out = bench_landing.one_size(N, 0.01, tmp_path, env)
    failed = [name for name, ok in out["checks"].items() if not ok]
    assert not failed, failed
    r = out["result"]
    assert r["rows_read"] == N == r["rows_landed"] + r["rows_quarantined"]
    assert 0 < r["rows_quarantined"] < N * 0.05
    assert out["verify"]["memory_limit"] == "95.3 MiB"  # the children ran with the limit given
