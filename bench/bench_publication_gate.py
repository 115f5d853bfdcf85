"""Benchmark: the publication gate's disclosure control (secondary suppression + the attacker's audit) at scale.

For each requested size (benefit lines), in a temporary directory:

1. builds a synthetic ``pseudo`` warehouse with ``tests/marts/pseudo_synth.py``
   (~9.4 lines per member) and runs the whole dbt project on it (child process);
2. in a child process per consumer (insurer, employer, dataviz, prevention),
   times ``governance.protection.protect_consumer``: primary cells recomputed,
   Fischetti–Salazar secondary suppression with HiGHS, and the attacker's LP
   audit over the consumer's release — wall and CPU seconds, peak RSS, releases
   (one per employer), masked cells, programmes solved, smallest protection.

Usage: ``python bench/bench_publication_gate.py [LINES ...]`` (default 100000 1000000).
Writes bench/results/publication_gate.md. Not collected by pytest; run on demand.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _machine import describe_line

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "marts"))

RESULTS = ROOT / "bench" / "results" / "publication_gate.md"
LINES_PER_MEMBER = 9.41
CONSUMERS = ("insurer", "employer", "dataviz", "prevention")


def _env(home: Path, warehouse: Path, target: Path) -> dict[str, str]:
    return {**os.environ, "CONFIANCE_HOME": str(home), "CONFIANCE_WAREHOUSE_DB": str(warehouse),
            "DBT_TARGET_PATH": str(target), "DO_NOT_TRACK": "1", "PYTHONPATH": str(ROOT),
            "CONFIANCE_MASTER_KEY": os.environ.get("CONFIANCE_MASTER_KEY", "ab" * 32)}


def build(lines: int, workdir: Path) -> tuple[Path, Path, float]:
    import pseudo_synth

    home = workdir / "home"
    warehouse = home / "warehouse" / "warehouse.duckdb"
    warehouse.parent.mkdir(parents=True)
    members = max(1000, int(lines / LINES_PER_MEMBER))
    pseudo_synth.build(warehouse, members)
    target = home / "dbt" / "target"
    start = time.perf_counter()
    dbt = Path(sys.executable).parent / "dbt"
    result = subprocess.run(  # noqa: S603
        [str(dbt), "build", "--project-dir", str(ROOT / "dbt_project"), "--profiles-dir", str(ROOT / "dbt_project"),
         "--quiet"], env=_env(home, warehouse, target), capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"dbt build failed:\n{result.stdout[-2000:]}")
    return home, target, time.perf_counter() - start


def one_consumer(home: str, consumer: str) -> None:
    """Child process: protect one consumer's release and print the figures as JSON."""
    import duckdb

    from confiance.settings import get_settings
    from governance.protection import protect_consumer
    from governance.publish import marts_by_consumer

    settings = get_settings(home)
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    start, cpu = time.perf_counter(), time.process_time()
    outcome = protect_consumer(con, settings, consumer, marts_by_consumer()[consumer], "bench")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    cells = sum(len(f) for f in outcome.truth.values())
    print(json.dumps({"consumer": consumer, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "cells": cells,
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      **outcome.summary(), "refusals": len(outcome.reasons)}))


def run_size(lines: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="confiance-bench-gate-") as tmp:
        home, target, dbt_s = build(lines, Path(tmp))
        rows = []
        for consumer in CONSUMERS:
            out = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--child", str(home), consumer],
                env=_env(home, home / "warehouse" / "warehouse.duckdb", target),
                capture_output=True, text=True, check=False)
            if out.returncode:
                raise SystemExit(f"{consumer} failed:\n{out.stderr[-2000:]}")
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  {lines:,} lines, {consumer}: {rows[-1]['wall_s']} s", file=sys.stderr)
        return {"lines": lines, "dbt_build_s": round(dbt_s, 1), "consumers": rows}


def render(runs: list[dict]) -> str:
    out = ["# Publication gate: linked-table suppression and the attacker's audit", "",
           "Machine: " + describe_line(usable=True) + ".", "",
           "Warehouse from `tests/marts/pseudo_synth.py` (~9.4 benefit lines per member), whole dbt project built "
           "first; then, per consumer in its own process, `governance.protection.protect_consumer` (primary cells "
           "recomputed from true values, Fischetti–Salazar secondary suppression with HiGHS, the attacker's LP "
           "audit). `python bench/bench_publication_gate.py [LINES ...]`.", "",
           "| benefit lines | dbt build (whole project) s | consumer | releases | cells | masked cells audited | "
           "primary | secondary | programmes | min count upper bound | min amount spread | wall s | CPU s | "
           "peak RSS MB |",
           "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in runs:
        for c in run["consumers"]:
            out.append(f"| {run['lines']:,} | {run['dbt_build_s']} | {c['consumer']} | {c['releases_audited']} | "
                       f"{c['cells']:,} | {c['masked_cells_audited']:,} | {c['primary_cells']:,} | "
                       f"{c['secondary_cells']:,} | {c['linear_programmes']:,} | {c['min_count_upper_bound']} | "
                       f"{c['min_amount_spread']} | {c['wall_s']} | {c['cpu_s']} | {c['peak_rss_mb']} |")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        one_consumer(argv[1], argv[2])
        return 0
    sizes = [int(a) for a in argv] or [100_000, 1_000_000]
    runs = [run_size(n) for n in sizes]
    RESULTS.write_text(render(runs), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
