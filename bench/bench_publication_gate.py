"""Benchmark: the publication gate's disclosure control (secondary suppression + the attacker's audit) at scale.

For each requested size (benefit lines), in a temporary directory:

1. builds a synthetic ``pseudo`` warehouse with ``tests/marts/pseudo_synth.py``
   (~9.4 lines per member; employers capped at 11,000 as in bench_disclosure.py)
   and runs the whole dbt project on it (child process);
2. in a child process per consumer (insurer, employer, dataviz, prevention),
   times ``governance.protection.protect_consumer``: primary cells recomputed,
   Fischetti–Salazar secondary suppression with HiGHS, and the attacker's LP
   audit over the consumer's release — wall seconds, CPU seconds (the process and
   its worker processes), peak RSS (the largest of the process and one worker),
   releases (one per employer), masked cells, programmes solved, smallest protection.

Usage: ``DO_NOT_TRACK=1 .venv/bin/python bench/bench_publication_gate.py [LINES ...] [--merge]``
(default 1000000 3000000 10000000). ``--merge`` keeps the sizes already recorded and replaces the
ones run now. Writes bench/results/publication_gate.md after every size (a long run leaves partial
results). Not collected by pytest; run on demand, one benchmark at a time, with ``nice``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._machine import describe_line, load_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results" / "publication_gate.md"
LINES_PER_MEMBER = 9.41
MAX_EMPLOYERS = 11_000  # pseudo_synth's SIREN bodies stay 8 digits (as bench_disclosure.py)
CONSUMERS = ("insurer", "employer", "dataviz", "prevention")
#: The dbt project built (another checkout's, e.g. a committed snapshot, when the working tree is mid-change).
DBT_PROJECT = Path(os.environ.get("CONFIANCE_BENCH_DBT_PROJECT", ROOT / "dbt_project"))


def _env(home: Path, warehouse: Path, target: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CONFIANCE_HOME": str(home),
        "CONFIANCE_WAREHOUSE_DB": str(warehouse),
        "DBT_TARGET_PATH": str(target),
        "DO_NOT_TRACK": "1",
        "PYTHONPATH": str(ROOT),
        "CONFIANCE_MASTER_KEY": os.environ.get("CONFIANCE_MASTER_KEY", "ab" * 32),
    }


def build(lines: int, workdir: Path) -> tuple[Path, Path, dict]:
    from tests.marts import pseudo_synth

    home = workdir / "home"
    warehouse = home / "warehouse" / "warehouse.duckdb"
    warehouse.parent.mkdir(parents=True)
    members = max(1000, int(lines / LINES_PER_MEMBER))
    counts = pseudo_synth.build(warehouse, members, n_employers=min(MAX_EMPLOYERS, max(8, members // 50)))
    target = home / "dbt" / "target"
    start = time.perf_counter()
    dbt = Path(sys.executable).parent / "dbt"
    result = subprocess.run(  # noqa: S603
        [str(dbt), "build", "--project-dir", str(DBT_PROJECT), "--profiles-dir", str(DBT_PROJECT), "--quiet"],
        env=_env(home, warehouse, target),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"dbt build failed:\n{result.stdout[-2000:]}")
    return home, target, {**counts, "dbt_build_s": round(time.perf_counter() - start, 1)}


def one_consumer(home: str, consumer: str) -> None:
    """Child process: protect one consumer's release and print the figures as JSON."""
    import duckdb

    from confiance.settings import get_settings
    from governance.protection import protect_consumer
    from governance.publish import marts_by_consumer

    settings = get_settings(home)
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    start = time.perf_counter()
    before = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    outcome = protect_consumer(con, settings, consumer, marts_by_consumer()[consumer], "bench")
    wall = time.perf_counter() - start
    after = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum((a.ru_utime - b.ru_utime) + (a.ru_stime - b.ru_stime) for a, b in zip(after, before, strict=True))
    cells = sum(len(f) for f in outcome.truth.values())
    print(
        json.dumps(
            {
                "consumer": consumer,
                "wall_s": round(wall, 1),
                "cpu_s": round(cpu, 1),
                "cells": cells,
                "peak_rss_mb": round(max(after[0].ru_maxrss, after[1].ru_maxrss) / 1024),
                **outcome.summary(),
                "refusals": len(outcome.reasons),
            }
        )
    )


def run_size(lines: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="confiance-bench-gate-") as tmp:
        load_start = load_text(" / ", 2)
        home, target, built = build(lines, Path(tmp))
        print(
            f"  {lines:,} lines: warehouse and dbt build done ({built['dbt_build_s']} s)", file=sys.stderr, flush=True
        )
        rows = []
        for consumer in CONSUMERS:
            out = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--child", str(home), consumer],
                env=_env(home, home / "warehouse" / "warehouse.duckdb", target),
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode:
                raise SystemExit(f"{consumer} failed:\n{out.stderr[-2000:]}")
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  {lines:,} lines, {consumer}: {rows[-1]['wall_s']} s", file=sys.stderr, flush=True)
        return {
            "lines": built.get("benefits", lines),
            "target_lines": lines,
            "members": built.get("members"),
            "employers": built.get("employers"),
            "dbt_build_s": built["dbt_build_s"],
            "date": dt.date.today().isoformat(),
            "dbt_project": str(DBT_PROJECT),
            "load_start": load_start,
            "load_end": load_text(" / ", 2),
            "consumers": rows,
        }


def render(runs: list[dict]) -> str:
    runs = sorted(runs, key=lambda r: r["lines"])
    out = [
        "# Publication gate: linked-table suppression and the attacker's audit",
        "",
        "Machine: " + describe_line(usable=True) + "; shared with other engineers' jobs (load average "
        "1/5/15 min at the start and end of each size in the last table), so wall times are upper bounds.",
        "",
        "Warehouse from `tests/marts/pseudo_synth.py` (~9.4 benefit lines per member), whole dbt project built "
        "first; then, per consumer in its own process, `governance.protection.protect_consumer` (primary cells "
        "recomputed from true values, Fischetti–Salazar secondary suppression with HiGHS, the attacker's LP "
        "audit). CPU counts the process and its worker processes (employers are solved on every core). "
        "`DO_NOT_TRACK=1 nice -n 10 .venv/bin/python bench/bench_publication_gate.py [LINES ...] [--merge]`.",
        "",
        "| benefit lines | dbt build (whole project) s | consumer | releases | cells | masked cells audited | "
        "primary | secondary | programmes | min count upper bound | min amount spread | refused | wall s | "
        "CPU s | peak RSS MB |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        for c in run["consumers"]:
            out.append(
                f"| {run['lines']:,} | {run['dbt_build_s']} | {c['consumer']} | {c['releases_audited']:,} | "
                f"{c['cells']:,} | {c['masked_cells_audited']:,} | {c['primary_cells']:,} | "
                f"{c['secondary_cells']:,} | {c['linear_programmes']:,} | {c['min_count_upper_bound']} | "
                f"{c['min_amount_spread']} | {'yes' if c['refusals'] else 'no'} | {c['wall_s']} | "
                f"{c['cpu_s']} | {c['peak_rss_mb']} |"
            )
    out += [
        "",
        "| benefit lines | members | employers | date | gate wall s, all consumers | load start → end |",
        "| ---: | ---: | ---: | --- | ---: | --- |",
    ]
    for run in runs:
        total = sum(c["wall_s"] for c in run["consumers"])
        out.append(
            f"| {run['lines']:,} | {run.get('members') or '-'} | {run.get('employers') or '-'} | "
            f"{run.get('date', '-')} | {total:.1f} | {run.get('load_start', '?')} → "
            f"{run.get('load_end', '?')} |"
        )
    out += [
        "",
        "<details><summary>raw results (JSON, used by --merge and by bench_disclosure.py)</summary>",
        "",
        "```json",
        json.dumps({"runs": runs}),
        "```",
        "",
        "</details>",
        "",
    ]
    return "\n".join(out)


def previous() -> list[dict]:
    if not RESULTS.exists():
        return []
    m = re.search(r"```json\n(.+?)\n```", RESULTS.read_text(encoding="utf-8"), re.S)
    return json.loads(m.group(1))["runs"] if m else []


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        one_consumer(argv[1], argv[2])
        return 0
    os.environ.setdefault("DO_NOT_TRACK", "1")
    sizes = [int(float(a)) for a in argv if not a.startswith("--")] or [1_000_000, 3_000_000, 10_000_000]
    runs = [r for r in previous() if r.get("target_lines", r["lines"]) not in sizes] if "--merge" in argv else []
    print(f"machine: {describe_line(usable=True)}; load {load_text(' / ', 2)}", file=sys.stderr, flush=True)
    for lines in sizes:
        runs.append(run_size(lines))
        RESULTS.write_text(render(runs), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
