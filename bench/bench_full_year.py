"""Full-year benchmark: a mutuelle's year through the whole pipeline, one stage per process.

Target (issue 16, 2 cores, 24 GiB): 10 million members, their contracts and 100 million benefit
lines (generation not counted) through landing, raw-feed quality, pseudonymisation and scrubbing,
warehouse quality, dbt with disclosure control, mart quality, publication, site and reports in
**under 15 minutes**, peak memory **under 12 GiB**.

1. the synthetic generator writes the year's three source files (members, contracts, benefits;
   ``--members`` members, ``--benefits-per-member`` lines each, ``--defect-rate`` defects) into
   the inbox of a throwaway data directory (timed apart, not counted);
2. every stage of ``confiance.pipeline.PIPELINE_ORDER`` runs in its own child process, as an
   Airflow task would (``python bench/bench_full_year.py --stage NAME``); the parent takes each
   child's wall time and CPU time (user + system, its own children such as dbt included) from
   ``os.wait4``; the child reports its own peak RSS (``VmHWM`` of its process image, and the
   largest of its descendants), because ``os.wait4``'s figure starts from the parent's RSS that
   Linux carries across fork and exec;
3. a table per stage and the totals, with the machine and the load average (the machine may be
   shared: CPU time moves less than wall time), and whether the target is met.

Run (one benchmark at a time on a shared machine)::

    nice -n 10 .venv/bin/python bench/bench_full_year.py --members 1000000 [--stages land,cross,...]
        [--defect-rate 0.001] [--vault-memory-limit 8GB] [--keep DIR] [--out full_year.md]

Writes bench/results/full_year.md (or ``--out``). ``bench/bench_daily_increment.py`` and
``bench/bench_bulk_affiliation.py`` reuse :func:`generate`, :func:`run_stage` and :func:`stage_table`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench._machine import describe_line, load_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_WALL_S = 15 * 60
TARGET_PEAK_GIB = 12.0
AS_OF = "2025-12-31"  # a closed calendar year of care


@dataclass(frozen=True)
class StageRun:
    """One stage run in its own process, as measured by the parent."""

    stage: str
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    ok: bool
    detail: str = ""


def bench_env(home: Path, master_key: str, vault_memory_limit: str | None = None) -> dict[str, str]:
    """The environment of a stage's child: a throwaway data directory and key, nothing phoning home."""
    env = {
        **os.environ,
        "CONFIANCE_HOME": str(home),
        "CONFIANCE_MASTER_KEY": master_key,
        "DO_NOT_TRACK": "1",
        "GX_ANALYTICS_ENABLED": "False",
        "SCARF_ANALYTICS": "false",
    }
    env.pop("CONFIANCE_KEY_FILE", None)
    if vault_memory_limit:
        env["CONFIANCE_VAULT_MEMORY_LIMIT"] = vault_memory_limit
    return env


def run_stage(stage: str, run_id: str, env: dict[str, str]) -> StageRun:
    """Run one pipeline stage in a child process; its wall, CPU and peak RSS from ``os.wait4``."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", stage, "--run-id", run_id]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak_rss_mib"
        proc = subprocess.Popen(
            cmd,
            env={**env, PEAK_FILE_ENV: str(peak_file)},  # noqa: S603
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:] if proc.returncode else []
        # A child that died before writing its figure: wait4's (an upper bound: it includes the parent's RSS).
        peak = float(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss / 1024
    return StageRun(
        stage, wall, usage.ru_utime + usage.ru_stime, peak, proc.returncode == 0, tail[0][:300] if tail else ""
    )


#: Where the child writes its own peak RSS (MiB) for the parent.
PEAK_FILE_ENV = "CONFIANCE_BENCH_PEAK_FILE"


def own_peak_rss_mib() -> float:
    """This process's peak RSS since its exec (``VmHWM``) and its waited-for descendants', in MiB.

    ``getrusage(RUSAGE_SELF).ru_maxrss`` is not used: Linux keeps it across fork and exec, so a child
    started by a large parent reports the parent's size. ``VmHWM`` belongs to the process image exec built.
    """
    hwm_kib = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            hwm_kib = int(line.split()[1])
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(hwm_kib, children_kib) / 1024


def _child(stage: str, run_id: str) -> None:
    """In the child: run one stage on $CONFIANCE_HOME."""
    from confiance.pipeline import STAGES
    from confiance.settings import get_settings

    settings = get_settings()
    settings.ensure_dirs()
    result = STAGES[stage](settings, run_id)
    print(json.dumps(result, default=str)[:2000])
    if os.environ.get(PEAK_FILE_ENV):
        Path(os.environ[PEAK_FILE_ENV]).write_text(f"{own_peak_rss_mib():.1f}")


def generate(
    home: Path, members: int, benefits_per_member: float, defect_rate: float, as_of: str = AS_OF, fmt: str = "csv"
) -> tuple[dict[str, int], float]:
    """The year's source files in ``home/inbox``; (rows per feed, wall seconds)."""
    from confiance.synthetic import generate_with_counts

    started = time.perf_counter()
    _, counts = generate_with_counts(
        home / "inbox", members, as_of=as_of, benefits_per_member=benefits_per_member, defect_rate=defect_rate, fmt=fmt
    )
    return counts, time.perf_counter() - started


def parse_stages(parser: argparse.ArgumentParser, text: str) -> list[str]:
    """The comma-separated ``--stages`` value as a list in pipeline order's names; an unknown one is a usage error."""
    from confiance.pipeline import PIPELINE_ORDER

    stages = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in stages if s not in PIPELINE_ORDER]
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(unknown)}; the stages are {', '.join(PIPELINE_ORDER)}")
    return stages


def write_report(out: Path, lines: list[str], data: dict) -> None:
    """The benchmark's Markdown report (also printed) and its raw figures beside it as JSON."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    out.with_suffix(".json").write_text(json.dumps(data, indent=2, default=str))


def stage_table(runs: list[StageRun]) -> list[str]:
    """Markdown rows: one per stage, then the total (wall and CPU summed, peak the largest)."""
    lines = ["| stage | wall s | CPU s | peak RSS MiB | status |", "| --- | ---: | ---: | ---: | --- |"]
    for r in runs:
        status = "ok" if r.ok else f"FAILED: {r.detail}"
        lines.append(f"| {r.stage} | {r.wall_s:.1f} | {r.cpu_s:.1f} | {r.peak_rss_mib:,.0f} | {status} |")
    if runs:
        lines.append(
            f"| **total** | **{sum(r.wall_s for r in runs):.1f}** | **{sum(r.cpu_s for r in runs):.1f}** | "
            f"**{max(r.peak_rss_mib for r in runs):,.0f}** | |"
        )
    return lines


def verdict(runs: list[StageRun], all_stages: bool, wall_target_s: float, peak_target_gib: float) -> str:
    """'met' / 'NOT met' with the figures, or why it cannot be said."""
    if not runs or not all(r.ok for r in runs):
        return "NOT met: a stage failed"
    wall = sum(r.wall_s for r in runs)
    peak = max(r.peak_rss_mib for r in runs) / 1024
    met = wall < wall_target_s and peak < peak_target_gib
    figures = (
        f"{wall:.0f} s wall (target < {wall_target_s:.0f} s), peak {peak:.1f} GiB (target < {peak_target_gib:.0f} GiB)"
    )
    if not all_stages:
        return f"not judged (some stages only, not the target's scope): {figures}"
    return f"{'met' if met else 'NOT met'}: {figures}"


def main(argv: list[str] | None = None) -> int:
    from confiance.pipeline import PIPELINE_ORDER

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000_000)
    parser.add_argument("--benefits-per-member", type=float, default=10.0)
    parser.add_argument("--defect-rate", type=float, default=0.001)
    parser.add_argument("--stages", default=",".join(PIPELINE_ORDER), help="comma-separated stages, in order")
    parser.add_argument("--vault-memory-limit", help="CONFIANCE_VAULT_MEMORY_LIMIT for the children")
    parser.add_argument("--keep", type=Path, help="data directory to use and keep (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "full_year.md")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--run-id", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        _child(args.stage, args.run_id)
        return 0
    stages = parse_stages(parser, args.stages)

    home = args.keep or Path(tempfile.mkdtemp(prefix="bench-full-year-"))
    home.mkdir(parents=True, exist_ok=True)
    # A throwaway master key unless one is given (CONFIANCE_MASTER_KEY): the data directory is the bench's own.
    env = bench_env(home, os.environ.get("CONFIANCE_MASTER_KEY") or secrets.token_hex(32), args.vault_memory_limit)
    load_before = load_text()
    try:
        counts, gen_wall = generate(home, args.members, args.benefits_per_member, args.defect_rate)
        print(f"generated {counts} in {gen_wall:.1f} s (not counted)", flush=True)
        run_id = "bench_full_year"
        runs: list[StageRun] = []
        for stage in stages:
            r = run_stage(stage, run_id, env)
            runs.append(r)
            print(
                f"{stage}: {r.wall_s:.1f} s wall, {r.cpu_s:.1f} s CPU, peak {r.peak_rss_mib:,.0f} MiB"
                f"{'' if r.ok else ' FAILED ' + r.detail}",
                flush=True,
            )
            if not r.ok:
                break
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    result = verdict(runs, stages == PIPELINE_ORDER, TARGET_WALL_S, TARGET_PEAK_GIB)
    import duckdb

    lines = [
        "# Full-year benchmark",
        "",
        f"`bench/bench_full_year.py --members {args.members}`, run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"Machine: {describe_line(usable=True)}, Python {platform.python_version()}, DuckDB {duckdb.__version__}.",
        f"Load average (1/5/15 min) before: {load_before}; after: {load_text()} (the machine may be shared: "
        "CPU time moves less than wall time).",
        f"Vault memory limit: {args.vault_memory_limit or os.environ.get('CONFIANCE_VAULT_MEMORY_LIMIT', 'default')}.",
        "",
        f"Input (generated, not counted: {gen_wall:.0f} s): {counts.get('members', 0):,} members rows, "
        f"{counts.get('contracts', 0):,} contracts rows, {counts.get('benefits', 0):,} benefit lines, "
        f"defect rate {args.defect_rate}, as-of {AS_OF}.",
        "",
        "Each stage runs in its own process; wall and CPU (user + system, dbt's child included) from `os.wait4`, "
        "peak RSS reported by the child itself (its `VmHWM` and its descendants').",
        "",
        *stage_table(runs),
        "",
        f"Target (10 M members, 100 M lines, < 15 min, < 12 GiB): **{result}**"
        + ("" if args.members >= 10_000_000 else f" — at {args.members:,} members, not the target's size"),
        "",
    ]
    write_report(
        args.out,
        lines,
        {"members": args.members, "counts": counts, "runs": [asdict(r) for r in runs], "verdict": result},
    )
    return 0 if runs and all(r.ok for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
