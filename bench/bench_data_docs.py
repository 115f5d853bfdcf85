"""Data Docs benchmark: what a quality stage pays for its Great Expectations Data Docs after a year of daily runs.

Every quality stage (raw feeds, warehouse, marts) stores its validation results and builds the Data Docs. A whole
build renders every stored result again, so its cost grows with the runs kept; the pipeline's build renders only
the results the stage has just stored, every suite, any stored result whose page is missing, and the index
(``quality.engine.build_data_docs``). Part of issue 16's daily-increment target (a daily run in about a minute).

1. a small mutuelle (``--members``) is generated, landed and its raw feeds validated once (a real stage);
2. that run's stored results are copied ``--runs`` times under other run names and dates (a year of daily runs
   has 365 x 3 raw-feed results, plus the warehouse's and the marts');
3. the Data Docs are built whole once (the site as a year of whole builds leaves it), then, alternately, whole and
   from the last run's results only, ``--repeat`` times each; CPU and wall time of each build, the pages written.

Run (one benchmark at a time on a shared machine, under the bench lock)::

    flock /tmp/confiance-bench.lock nice -n 10 .venv/bin/python bench/bench_data_docs.py --runs 400

Writes bench/results/data_docs.md (or ``--out``) and a .json beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench._machine import describe_line, load_text, self_peak_rss_mib
from bench.bench_full_year import generate, write_report

ROOT = Path(__file__).resolve().parent.parent


def replicate(validations: Path, run_name: str, copies: int) -> int:
    """Copy every stored result of ``run_name`` ``copies`` times under other run names and days; files written."""
    written = 0
    sources = [p for p in validations.rglob("*.json") if p.parent.parent.name == run_name]
    start = dt.datetime(2025, 1, 1, 3, 0, tzinfo=dt.UTC)
    for i in range(copies):
        stamp = (start + dt.timedelta(days=i)).strftime("%Y%m%dT%H%M%S.%fZ")
        for source in sources:
            target = source.parent.parent.parent / f"day_{i:04d}" / stamp / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written += 1
    return written


def timed_build(quality_dir: Path, new_results: list | None) -> dict:
    from quality.engine import build_data_docs

    docs = quality_dir / "data_docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*.html")} if docs.exists() else {}
    cpu, wall = time.process_time(), time.perf_counter()
    build_data_docs(quality_dir, new_results=new_results)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    written = sum(1 for p in docs.rglob("*.html") if before.get(p) != p.stat().st_mtime_ns)
    return {
        "mode": "whole" if new_results is None else "stage's results",
        "cpu_s": cpu,
        "wall_s": wall,
        "pages": written,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--runs", type=int, default=400, help="copies of the raw-feed run's results (daily runs)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "data_docs.md")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="confiance-bench-docs-"))
    saved_env = dict(os.environ)  # restored at the end: the scaled-down test runs main in the test process
    os.environ.update({"CONFIANCE_HOME": str(work / "var"), "DO_NOT_TRACK": "1", "GX_ANALYTICS_ENABLED": "False"})
    os.environ["CONFIANCE_MASTER_KEY"] = secrets.token_bytes(32).hex()
    os.environ.pop("CONFIANCE_KEY_FILE", None)
    try:
        from confiance.pipeline_inputs import validate_feeds
        from confiance.settings import get_settings
        from quality.engine import gx_context
        from vault.landing import land_inbox

        settings = get_settings(work / "var")
        settings.ensure_dirs()
        generate(settings.home, args.members, 4.0, 0.001)
        land_inbox(settings)
        validate_feeds(settings, "bench_base")
        quality_dir = settings.quality_dir
        copies = replicate(quality_dir / "gx" / "uncommitted" / "validations", "bench_base", args.runs)
        ctx = gx_context(quality_dir)
        keys = ctx.validation_results_store.list_keys()
        last = [k for k in keys if k.run_id.run_name == "bench_base"]
        load_before = load_text()
        runs = [timed_build(quality_dir, None)]  # the site as whole builds leave it
        for _ in range(args.repeat):
            runs.append(timed_build(quality_dir, None))
            runs.append(timed_build(quality_dir, last))
        load_after = load_text()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.environ.clear()
        os.environ.update(saved_env)

    best = {
        mode: min((r for r in runs[1:] if r["mode"] == mode), key=lambda r: r["cpu_s"])
        for mode in {r["mode"] for r in runs[1:]}
    }
    lines = [
        "# Data Docs benchmark",
        "",
        f"`bench/bench_data_docs.py --members {args.members} --runs {args.runs} --repeat {args.repeat}`, "
        f"run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"Machine: {describe_line(usable=True)}, Python {sys.version.split()[0]}. Load average (1/5/15 min) "
        f"before: {load_before}; after: {load_after} (a shared machine: read the CPU column).",
        "",
        f"Stored validation results: {len(keys):,} ({copies:,} copies of one raw-feed run's {len(last)} results, "
        "as a year of daily runs leaves them). Each build makes its pages offline (no CDN).",
        "",
        "| build | CPU s | wall s | pages written |",
        "| --- | ---: | ---: | ---: |",
    ]
    for run in runs[1:]:
        lines.append(f"| {run['mode']} | {run['cpu_s']:.2f} | {run['wall_s']:.2f} | {run['pages']:,} |")
    whole, partial = best["whole"], best["stage's results"]
    lines += [
        "",
        f"Best of each: whole {whole['cpu_s']:.2f} s CPU, the stage's results {partial['cpu_s']:.2f} s CPU "
        f"({whole['cpu_s'] / max(partial['cpu_s'], 1e-9):.1f}x less). The index still lists every stored result "
        "(GX reads each), so the stage's build grows slowly with the runs kept; a whole build grows with them.",
        f"Peak RSS of the process: {self_peak_rss_mib():,.0f} MiB.",
    ]
    write_report(
        args.out, lines, {"runs": runs, "stored_results": len(keys), "args": vars(args) | {"out": str(args.out)}}
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
