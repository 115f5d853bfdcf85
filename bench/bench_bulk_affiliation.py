"""Bulk-affiliation benchmark: millions of new members of one employer, landed, pseudonymised, in its marts.

Target (issue 16, 2 cores, 24 GiB): a file of 3 million new members for one employer lands, is
pseudonymised and becomes visible in that employer's marts in **under 2 minutes**.

1. the synthetic generator writes one mutuelle of ``--base-members`` + ``--members`` members as
   Parquet; the last ``--members`` of the members file are the affiliation: their benefits are
   dropped (new members have no history yet), each gets one collective contract of the base's
   largest employer from the first day of the closed year (``COLLECTIF_BASE``, no end), and the
   employer's SIRET on their member row. The base's files are the mutuelle before the affiliation;
2. the base runs through the pipeline up to dbt (one stage per process; setup, timed, not counted);
3. the affiliation's members and contracts files are dropped into the inbox and landing, raw-feed
   quality, crossing (pseudonymisation), warehouse quality and dbt run again, one stage per process,
   timed: that is the figure. Landing reads only the new files; raw-feed quality runs its per-row
   checks on the new files only and its cross-batch rules on narrow projections of the whole feeds;
   the crossing appends new records, or crosses a feed whole when they outnumber its table (here
   the members and contracts; the benefits: nothing new); warehouse quality
   still checks the whole warehouse; dbt builds the employer's marts and their lineage only
   (``dbt build --select +path:models/marts/employer``, disclosure models and tests included), not
   the other consumers' marts;
4. checks (counted rows, not times): for each affiliation file rows read = landed + quarantined,
   and the employer's covered members in ``mart_employer__summary`` grow by the affiliated members
   that landed (members and contract both landed).

Run (one benchmark at a time on a shared machine, under the bench lock)::

    flock /tmp/confiance-bench.lock nice -n 10 .venv/bin/python bench/bench_bulk_affiliation.py \\
        --members 3000000 [--base-members 100000] [--keep DIR]

Writes bench/results/bulk_affiliation.md (or ``--out``) and a .json beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from bench._machine import describe_line, load_text
from bench.bench_daily_increment import run_pipeline
from bench.bench_full_year import AS_OF, bench_env, generate, stage_table, write_report

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_WALL_S = 120.0
PIPELINE_STAGES = ["land", "quality_feeds", "cross", "quality_warehouse", "dbt_build"]  # the base's setup
#: The affiliation's stages: the pipeline's up to the warehouse's quality, then dbt builds the employer's marts and
#: their whole lineage (staging, intermediate, the employer disclosure models), with their tests: nothing else.
STAGES = [*PIPELINE_STAGES[:-1], "dbt_build_employer"]
EMPLOYER_MARTS = "+path:models/marts/employer"
DAY = dt.date.fromisoformat(AS_OF) + dt.timedelta(days=1)  # the affiliation file's date
REPORTED_YEAR = dt.date.fromisoformat(AS_OF).year  # the closed care year the employer's summary reports


def split_affiliation(source: Path, inbox: Path, affiliation: Path, new_members: int) -> dict:
    """The base's files into ``inbox``, the affiliation's members and contracts into ``affiliation``.

    Returns the employer (SIRET, name) and the rows of each written file.
    """
    from confiance.synthetic import feed_file_name

    inbox.mkdir(parents=True, exist_ok=True)
    affiliation.mkdir(parents=True, exist_ok=True)
    members_path = next(source.glob("members*.parquet"))
    contracts_path = next(source.glob("contracts*.parquet"))
    benefits_path = next(source.glob("benefits*.parquet"))
    members = pq.read_table(members_path)
    new_members = min(new_members, members.num_rows - 1)
    base, new = members.slice(0, members.num_rows - new_members), members.slice(members.num_rows - new_members)
    new_ids = pc.unique(new.column("member_id"))

    contracts = pq.read_table(contracts_path)
    joining = pc.is_in(contracts.column("member_id"), value_set=new_ids)
    base_contracts = contracts.filter(pc.invert(joining))
    collective = base_contracts.filter(pc.equal(base_contracts.column("contract_type"), "collective"))
    largest = collective.group_by(["employer_siret", "employer_name"]).aggregate([("contract_id", "count")])
    top = largest.sort_by([("contract_id_count", "descending"), ("employer_siret", "ascending")]).slice(0, 1)
    siret, name = top.column("employer_siret")[0].as_py(), top.column("employer_name")[0].as_py()

    # One contract per new member: its latest generated one, made collective for the employer from 1 January.
    theirs = contracts.filter(joining).sort_by([("member_id", "ascending"), ("start_date", "descending")])
    first = pc.not_equal(
        theirs.column("member_id"),
        pa.concat_arrays(
            [pa.array([None], theirs.schema.field("member_id").type), theirs.column("member_id").combine_chunks()[:-1]]
        ),
    )
    first = pc.fill_null(first, True)
    new_contracts = theirs.filter(first)
    n = new_contracts.num_rows
    year_start = dt.date.fromisoformat(AS_OF).replace(month=1, day=1)

    def put(table: pa.Table, column: str, values: pa.Array) -> pa.Table:
        return table.set_column(table.schema.get_field_index(column), column, values)

    constants = {
        "contract_type": "collective",
        "product_code": "COLLECTIF_BASE",
        "employer_siret": siret,
        "employer_name": name,
        "start_date": year_start,
        "end_date": None,
    }
    for column, value in constants.items():
        new_contracts = put(new_contracts, column, pa.array([value] * n, new_contracts.schema.field(column).type))
    new = put(new, "employer_siret", pa.array([siret] * new.num_rows, new.schema.field("employer_siret").type))

    benefits = pq.read_table(benefits_path)
    base_benefits = benefits.filter(pc.invert(pc.is_in(benefits.column("member_id"), value_set=new_ids)))
    pq.write_table(base, inbox / members_path.name)
    pq.write_table(base_contracts, inbox / contracts_path.name)
    pq.write_table(base_benefits, inbox / benefits_path.name)
    pq.write_table(new, affiliation / feed_file_name("members", DAY, "parquet"))
    pq.write_table(new_contracts, affiliation / feed_file_name("contracts", DAY, "parquet"))
    return {
        "employer_siret": siret,
        "employer_name": name,
        "base_members": base.num_rows,
        "new_members": new.num_rows,
        "new_contracts": n,
        "base_benefits": base_benefits.num_rows,
    }


def covered_members(warehouse: Path, siret: str) -> int:
    """The employer's covered members as its summary mart states them (0 when absent): the members covered
    in the year its report is about (int_employers__coverage); the new members' contracts start on the first
    day of that year."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute(
            "select max(member_count) from marts.mart_employer__summary where employer_siret = ?", [siret]
        ).fetchone()
    return int(row[0] or 0)


def covered_tokens(warehouse: Path, siret: str, year: int) -> int:
    """The employer's members covered in ``year`` in the pseudonymised contracts (a collective contract active
    on at least one day of it): what its summary mart counts once dbt has run on a warehouse whose latest
    closed care year is ``year`` (int_employers__coverage)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select count(distinct member_token) from pseudo.contracts where employer_siret = ? "
            "and contract_type = 'collective' and start_date <= make_date(?, 12, 31) "
            "and coalesce(end_date, date '9999-12-31') >= make_date(?, 1, 1)",
            [siret, year, year],
        ).fetchone()[0]


def dbt_build_employer(home: Path, env: dict[str, str]) -> Any:
    """``dbt build --select +path:models/marts/employer`` in a child process, as the pipeline runs dbt (same
    project, profile, target and environment): the employer's marts and every model and test upstream of them,
    the employer disclosure models and their checks included; the other consumers' marts are not rebuilt.
    Returns a ``StageRun`` (wall and CPU of the child from ``os.wait4``, peak RSS its own ``VmHWM``)."""
    import subprocess
    import time

    from bench.bench_full_year import PEAK_FILE_ENV, StageRun
    from confiance.pipeline import DBT_TARGET, dbt_env
    from confiance.settings import DBT_PROJECT_DIR, get_settings

    settings = get_settings(home)
    cmd = [sys.executable, "-c", _DBT_CHILD, "build", "--select", EMPLOYER_MARTS, "--project-dir", str(DBT_PROJECT_DIR)]
    cmd += ["--profiles-dir", str(DBT_PROJECT_DIR), "--target", DBT_TARGET, "--quiet"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak_rss_mib"
        child_env = {**env, **dbt_env(settings), PEAK_FILE_ENV: str(peak_file)}
        proc = subprocess.Popen(cmd, env=child_env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        failures = [
            line.strip()
            for line in out.read().decode("utf-8", "replace").splitlines()
            if "Failure in" in line or "Error in" in line
        ]
        # The child's own peak; wait4's (an upper bound: Linux carries the parent's RSS across fork and exec) if absent.
        peak = float(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss / 1024
    detail = "" if code == 0 else ("; ".join(failures) or f"dbt exited with {code}")[:300]
    return StageRun("dbt_build_employer", wall, usage.ru_utime + usage.ru_stime, peak, code == 0, detail)


#: The dbt command line run in a Python child that writes its own peak RSS (``VmHWM``) on exit, as the pipeline
#: stages' children do (``bench_full_year.own_peak_rss_mib``).
_DBT_CHILD = """
import atexit, os, sys
from pathlib import Path

def _peak():
    hwm = [line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM:")]
    if hwm and os.environ.get("CONFIANCE_BENCH_PEAK_FILE"):
        Path(os.environ["CONFIANCE_BENCH_PEAK_FILE"]).write_text(f"{int(hwm[0].split()[1]) / 1024:.1f}")

atexit.register(_peak)
from dbt.cli.main import cli
sys.argv[0] = "dbt"
sys.exit(cli())
"""


def affiliation_checks(home: Path, split: dict, before: int) -> dict:
    """Rows in = landed + quarantined for both files; the employer's marts count the members that landed."""
    from confiance.settings import get_settings
    from vault.landing import ledger

    settings = get_settings(home)
    rows = [row for row in ledger(settings) if f"_{DAY:%Y%m%d}." in row["file"]]
    landed = {row["feed"]: row for row in rows}
    after = covered_members(settings.warehouse_db, split["employer_siret"])  # the employer's summary mart
    checks = {
        "files": len(rows),
        "accounted": all(r["rows_read"] == r["rows_landed"] + r["rows_quarantined"] for r in rows),
        "members_landed": landed.get("members", {}).get("rows_landed", 0),
        "members_quarantined": landed.get("members", {}).get("rows_quarantined", 0),
        "contracts_landed": landed.get("contracts", {}).get("rows_landed", 0),
        "contracts_quarantined": landed.get("contracts", {}).get("rows_quarantined", 0),
        "employer_covered_before": before,  # pseudonymised contracts of the reported year, before
        "employer_covered_after": after,
    }
    complete = min(checks["members_landed"], checks["contracts_landed"])
    no_quarantine = checks["members_quarantined"] == checks["contracts_quarantined"] == 0
    checks["ok"] = (
        len(rows) == 2
        and checks["accounted"]
        and (after - before == split["new_members"] if no_quarantine else 0 < after - before <= complete)
    )
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=3_000_000, help="new members of the employer")
    parser.add_argument("--base-members", type=int, default=100_000, help="the mutuelle before the affiliation")
    parser.add_argument("--benefits-per-member", type=float, default=10.0)
    parser.add_argument("--defect-rate", type=float, default=0.001)
    parser.add_argument(
        "--base-stages",
        default=",".join(PIPELINE_STAGES),
        help="stages run on the mutuelle before the affiliation (setup, not counted)",
    )
    parser.add_argument("--vault-memory-limit", help="CONFIANCE_VAULT_MEMORY_LIMIT for the children")
    parser.add_argument("--keep", type=Path, help="data directory to use and keep (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "bulk_affiliation.md")
    args = parser.parse_args(argv)

    home = args.keep or Path(tempfile.mkdtemp(prefix="bench-affiliation-"))
    home.mkdir(parents=True, exist_ok=True)
    env = bench_env(home, os.environ.get("CONFIANCE_MASTER_KEY") or secrets.token_hex(32), args.vault_memory_limit)
    os.environ["CONFIANCE_MASTER_KEY"] = env["CONFIANCE_MASTER_KEY"]  # the checks read the vault's ledger
    # Compiled bytecode, as an installed deployment has it: each stage's child would otherwise compile every module
    # it imports (Great Expectations, pandas, dbt) again. Written under the run's data directory by the base's
    # stages (setup, not counted).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    load_before = load_text()
    checks: dict = {}
    day = []
    try:
        generated, gen_wall = generate(
            home / "source", args.base_members + args.members, args.benefits_per_member, args.defect_rate, fmt="parquet"
        )
        split = split_affiliation(home / "source" / "inbox", home / "inbox", home / "affiliation", args.members)
        shutil.rmtree(home / "source")
        print(f"generated {generated} in {gen_wall:.1f} s; split {split}", flush=True)
        base_stages = [s.strip() for s in args.base_stages.split(",") if s.strip()]
        base = run_pipeline(base_stages, "bench_base", env, "base")
        if all(r.ok for r in base):
            from confiance.settings import get_settings

            before = covered_tokens(get_settings(home).warehouse_db, split["employer_siret"], REPORTED_YEAR)
            for path in sorted((home / "affiliation").glob("*.parquet")):
                shutil.copy(path, home / "inbox" / path.name)
            day = run_pipeline(STAGES[:-1], "bench_affiliation", env, "affiliation")
            if all(r.ok for r in day):
                day.append(dbt_build_employer(home, env))
                print(f"affiliation dbt_build_employer: {day[-1].wall_s:.1f} s wall {day[-1].detail}", flush=True)
            if all(r.ok for r in day):
                checks = affiliation_checks(home, split, before)
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    wall = sum(r.wall_s for r in day)
    ok = bool(day) and all(r.ok for r in day) and checks.get("ok", False)
    result = (
        f"{'met' if wall < TARGET_WALL_S else 'NOT met'}: {wall:.0f} s wall (target < {TARGET_WALL_S:.0f} s)"
        if ok
        else "NOT met: a stage or a check failed"
    )
    lines = [
        "# Bulk-affiliation benchmark",
        "",
        f"`bench/bench_bulk_affiliation.py --members {args.members} --base-members {args.base_members}`, "
        f"run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"Machine: {describe_line(usable=True)}, Python {platform.python_version()}, DuckDB {duckdb.__version__}.",
        f"Load average (1/5/15 min) before: {load_before}; after: {load_text()} (the machine may be shared: "
        "CPU time moves less than wall time).",
        "",
        f"Input (generated, not counted: {gen_wall:.0f} s): a mutuelle of {split['base_members']:,} members "
        f"({split['base_benefits']:,} benefit lines), then {split['new_members']:,} new members of one employer "
        "(its largest), one collective contract each.",
        "",
        "## The mutuelle before the affiliation (setup, not counted)",
        "",
        *stage_table(base),
        "",
        "## The affiliation: land, check, pseudonymise, build the employer's marts (counted)",
        "",
        "Landing reads only the two new files (staged and checked in temporary tables, only the valid rows "
        "written to the vault). Raw-feed quality runs its per-row checks on the new files only (cross-batch rules: "
        "uniqueness, a NIR to one member, benefits within contracts, on the whole feeds, key columns only); the "
        "crossing appends the new records, or crosses a feed whole when they outnumber its warehouse table (here "
        "the members and contracts; benefits: nothing to cross); "
        "warehouse quality still checks the **whole** warehouse (almost all of it the new members here). dbt builds "
        f"only the employer's marts and their lineage (`dbt build --select {EMPLOYER_MARTS}`: staging, "
        "intermediate and employer disclosure models with their tests), whole.",
        "",
        *stage_table(day),
        "",
        f"Checks: {json.dumps(checks)}",
        "",
        f"Target (3 M new members of one employer in its marts, < 2 min): **{result}**"
        + ("" if args.members >= 3_000_000 else f" — at {args.members:,} new members, not the target's 3 M"),
        "",
    ]
    write_report(
        args.out,
        lines,
        {
            "members": args.members,
            "split": split,
            "base": [r.__dict__ for r in base],
            "affiliation": [r.__dict__ for r in day],
            "checks": checks,
            "verdict": result,
        },
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
