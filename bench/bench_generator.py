"""Benchmark of the synthetic mutuelle generator: time, peak memory, rows/s, extrapolation to 10M members.

Run on demand, never in the test suite:

    .venv/bin/python bench/bench_generator.py                 # 100k and 1M members, CSV
    .venv/bin/python bench/bench_generator.py --sizes 100000 --format parquet

Each size runs in its own process (so its peak RSS is its own) and writes into a
temporary folder that is removed afterwards. Results go to
bench/results/generator.md with a description of the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._machine import cores, cpu_model, load_text, ram_text, self_peak_rss_mib

ROOT = Path(__file__).resolve().parent.parent
TARGET_MEMBERS = 10_000_000


def _child(members: int, fmt: str, out: str) -> None:
    """One measured run (in a child process)."""
    sys.path.insert(0, str(ROOT))
    from confiance.synthetic import generate_with_counts

    wall0, cpu0 = time.perf_counter(), time.process_time()
    paths, counts = generate_with_counts(out, members, seed=42, as_of="2025-06-30", fmt=fmt)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    sizes = {feed: p.stat().st_size for feed, p in paths.items()}
    print(json.dumps({"members": members, "wall": wall, "cpu": cpu, "peak_mib": self_peak_rss_mib(),
                      "rows": counts, "bytes": sizes}))  # fmt: skip


def _machine() -> list[str]:
    import numpy
    import pyarrow

    return [
        f"- CPU: {cpu_model('unknown')}, {cores()} logical cores; memory {ram_text('unknown')}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, numpy {numpy.__version__}, pyarrow {pyarrow.__version__}",
        f"- load average at start: {load_text(' ', 2)}"
        " (the machine may be shared: CPU time is steadier than wall time)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="member counts")
    parser.add_argument("--format", default="csv", choices=["csv", "parquet", "jsonl"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "generator.md")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.format, args.dir)
        return

    machine = _machine()
    results = []
    for members in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="bench-generator-"))
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(members), "--format", args.format, "--dir", str(work)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
        finally:
            shutil.rmtree(work, ignore_errors=True)
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(result)
        total = sum(result["rows"].values())
        print(f"{members:>12,} members: {result['wall']:.1f} s wall, {result['cpu']:.1f} s CPU, "
              f"peak {result['peak_mib']:.0f} MiB, {total / result['wall']:,.0f} rows/s")  # fmt: skip

    lines = [
        "# Generator benchmark",
        "",
        f"`bench/bench_generator.py`, run {dt.datetime.now():%Y-%m-%d %H:%M}, format {args.format}, "
        "10 benefit lines per member and year, seed 42, as-of 2025-06-30.",
        "",
        "## Machine",
        "",
        *machine,
        "",
        "## Results",
        "",
        "| members | members rows | contracts rows | benefits rows | total MiB | wall s | CPU s | peak RSS MiB "
        "| rows/s (wall) | members/s (wall) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        rows = r["rows"]
        total = sum(rows.values())
        lines.append(
            f"| {r['members']:,} | {rows['members']:,} | {rows['contracts']:,} | {rows['benefits']:,} "
            f"| {sum(r['bytes'].values()) / 2**20:,.0f} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['peak_mib']:.0f} "
            f"| {total / r['wall']:,.0f} | {r['members'] / r['wall']:,.0f} |"
        )
    big = max(results, key=lambda r: r["members"])
    scale = TARGET_MEMBERS / big["members"]
    lines += [
        "",
        f"## Extrapolation to {TARGET_MEMBERS:,} members",
        "",
        "Generation is chunked (a fixed number of members per chunk, each chunk generated, written and "
        "dropped), so time grows linearly with members and peak memory does not grow with them. From the "
        f"{big['members']:,}-member run:",
        "",
        f"- time: about {big['wall'] * scale / 60:.0f} min wall ({big['cpu'] * scale / 60:.0f} min CPU)",
        f"- rows: about {sum(big['rows'].values()) * scale / 1e6:,.0f} million, "
        f"{sum(big['bytes'].values()) * scale / 2**30:,.1f} GiB of {args.format}",
        f"- peak memory: about {big['peak_mib']:.0f} MiB, as at {big['members']:,} members",
    ]
    if len(results) > 1:
        small = min(results, key=lambda r: r["members"])
        ratio = (big["cpu"] / big["members"]) / (small["cpu"] / small["members"])
        lines.append(
            f"- linearity: CPU time per member at {big['members']:,} is {ratio:.2f}x that at "
            f"{small['members']:,}; peak RSS {small['peak_mib']:.0f} -> {big['peak_mib']:.0f} MiB"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"results written to {args.out}")


if __name__ == "__main__":
    main()
