"""dbt incremental atoms benchmark: int_benefits__member_atoms built whole vs per changed member after a day.

1. a synthetic stamped warehouse (``tests/marts/pseudo_synth``: ``--members`` members, about 10 benefit lines each
   over 2023-2024; every row stamped by one whole crossing), seeds and ``+int_benefits__member_atoms`` built once;
2. a day lands as an appended crossing writes it (new stamp on the rows it wrote): ``--day-lines`` benefit lines
   (copies of existing lines, December 2024 care paid in December), ``--member-changes`` members re-crossed with
   another département (with ``--versions``: a ``pseudo.member_versions`` table, one version per member, and the
   moved members' new version dated 1 June 2025, after 2024's closing) and ``--contract-changes`` contracts with
   another employer;
3. timed, each in its own dbt process: ``dbt build`` of the whole project on the day (atoms incremental: the
   pipeline's dbt stage), then on a copy of the same warehouse ``dbt run --full-refresh --select
   +int_benefits__member_atoms`` (the atoms whole, after the staging views and int_members__enriched they read)
   and the same run incremental on a second copy;
4. checks: the incremental atoms equal the full-refresh atoms (EXCEPT ALL both ways, counts).

Wall and CPU per dbt process (CPU: user + system of the child, getrusage); the model's own time from dbt's
run_results.json (without dbt's start-up and parse); which models read the atoms (manifest child map).

Run (one benchmark at a time on a shared machine, under the bench lock)::

    flock /tmp/confiance-bench.lock nice -n 10 .venv/bin/python bench/bench_dbt_incremental.py --members 300000

Writes bench/results/dbt_incremental.json (or ``--out``); the .md is written by hand from it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._machine import describe_line, load_text  # noqa: E402
from confiance.crossing_rules import CROSSING_STAMP  # noqa: E402

PROJECT = ROOT / "dbt_project"
ATOMS = "intermediate.int_benefits__member_atoms"
FIRST_STAMP = 1_700_000_000_000_000


def dbt(command: str, warehouse: Path, target: Path, *args: str) -> dict:
    """Run dbt in a child process; wall, CPU, the atoms plan logged and run_results' per-node times."""
    env = {**os.environ, "CONFIANCE_WAREHOUSE_DB": str(warehouse), "DO_NOT_TRACK": "1", "DBT_TARGET_PATH": str(target)}
    cmd = [str(Path(sys.executable).parent / "dbt"), command, "--project-dir", str(PROJECT)]
    cmd += ["--profiles-dir", str(PROJECT), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = load_text()
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"dbt {command} failed:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    plan = [
        line.split("int_benefits__member_atoms: ", 1)[1]
        for line in result.stdout.splitlines()
        if "member_atoms: " in line
    ]
    nodes = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    times = {n["unique_id"]: round(n["execution_time"], 2) for n in nodes}
    return {
        "command": " ".join(cmd[1:2] + list(args)),
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "load_before": load,
        "load_after": load_text(),
        "plan": plan,
        "node_times": times,
    }


def build_warehouse(path: Path, members: int, versions: bool = False) -> dict:
    """The stamped synthetic warehouse; ``versions``: with ``pseudo.member_versions`` as the crossing writes it (one
    version per member here, dated as their members row), so the atoms file each year as of its closing date."""
    from tests.marts import pseudo_synth

    counts = pseudo_synth.build(path, members, threads=2)
    with duckdb.connect(str(path)) as con:
        for table in ("members", "contracts", "benefits"):
            con.execute(f"alter table pseudo.{table} add column {CROSSING_STAMP} bigint default {FIRST_STAMP}")
        if versions:
            con.execute(
                "create table pseudo.member_versions as select member_token, updated_at, birth_year, sex, departement, "
                f"{CROSSING_STAMP} from pseudo.members"
            )
    return counts


def land_day(path: Path, day_lines: int, member_changes: int, contract_changes: int) -> dict:
    """An appended crossing: the day's lines, re-crossed members and contracts, all with the new stamp."""
    stamp = FIRST_STAMP + 86_400_000_000
    with duckdb.connect(str(path)) as con:
        con.execute(f"""
            insert into pseudo.benefits
            select * replace ('insurer.v1.' || md5('day' || benefit_token) as benefit_token,
                              date '2024-12-01' as care_month, date '2024-12-01' as payment_month,
                              {stamp}::bigint as {CROSSING_STAMP})
            from pseudo.benefits order by hash(benefit_token, 'day') limit {day_lines}
        """)
        for table, key, change, n in (
            (
                "members",
                "member_token",
                "case when departement = '2A' then '13' else '2A' end as departement",
                member_changes,
            ),
            ("contracts", "contract_token", "'44306184100047' as employer_siret", contract_changes),
        ):
            con.execute(f"""create temp table re_{table} as
                select * replace ({change}, {stamp}::bigint as {CROSSING_STAMP})
                from pseudo.{table} order by hash({key}, 'change') limit {n}""")
            con.execute(f"delete from pseudo.{table} where {key} in (select {key} from re_{table})")
            con.execute(f"insert into pseudo.{table} select * from re_{table}")
        if con.execute("select count(*) from duckdb_tables() where table_name = 'member_versions'").fetchone()[0]:
            # the moved members' new version, dated after every closing of 2023-2024 (as the crossing appends it)
            con.execute(
                "insert into pseudo.member_versions select member_token, timestamp '2025-06-01', birth_year, sex, "
                f"departement, {CROSSING_STAMP} from re_members"
            )
        changed = con.execute(f"""select count(*) from (
            select member_token from pseudo.members where {CROSSING_STAMP} = {stamp}
            union select member_token from pseudo.benefits where {CROSSING_STAMP} = {stamp}
            union select member_token from pseudo.benefits where contract_token in
                (select contract_token from pseudo.contracts where {CROSSING_STAMP} = {stamp}))""").fetchone()[0]
    return {
        "day_lines": day_lines,
        "member_changes": member_changes,
        "contract_changes": contract_changes,
        "changed_members": changed,
    }


def compare(incremental: Path, full: Path) -> dict:
    with duckdb.connect(str(incremental), read_only=True) as con:
        con.execute(f"attach '{full}' as full_build (read_only)")
        rows = con.execute(f"select count(*) from {ATOMS}").fetchone()[0]
        full_rows = con.execute(f"select count(*) from full_build.{ATOMS}").fetchone()[0]
        extra = con.execute(
            f"select count(*) from (select * from {ATOMS} except all select * from full_build.{ATOMS})"
        ).fetchone()[0]
        missing = con.execute(
            f"select count(*) from (select * from full_build.{ATOMS} except all select * from {ATOMS})"
        ).fetchone()[0]
    return {"rows": rows, "full_rows": full_rows, "stale": extra, "missing": missing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=300_000)
    parser.add_argument("--day-lines", type=int)
    parser.add_argument("--member-changes", type=int)
    parser.add_argument("--contract-changes", type=int)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "dbt_incremental.json")
    parser.add_argument("--keep", type=Path)
    parser.add_argument(
        "--versions", action="store_true", help="with pseudo.member_versions (the filing rule's input, issue 16)"
    )
    args = parser.parse_args()
    os.environ["DO_NOT_TRACK"] = "1"
    work = args.keep or Path(tempfile.mkdtemp(prefix="dbt_inc_"))
    report: dict = {"machine": describe_line(), "members": args.members}
    try:
        day_dir, full_dir, inc_dir = (work / d for d in ("day", "full", "inc"))
        for d in (day_dir, full_dir, inc_dir):
            d.mkdir(parents=True, exist_ok=True)
        db = day_dir / "warehouse.duckdb"  # same file name everywhere: dbt's views name their catalog (its stem)
        t0 = time.perf_counter()
        report["warehouse"] = build_warehouse(db, args.members, args.versions)
        report["versions"] = args.versions
        report["generate_s"] = round(time.perf_counter() - t0, 1)
        report["first_build"] = dbt("build", db, day_dir / "target0")
        lines = report["warehouse"]["benefits"]
        day = land_day(
            db,
            args.day_lines or max(1, lines // 365),
            args.member_changes or max(1, args.members // 1000),
            args.contract_changes or max(1, args.members // 10_000),
        )
        report["day"] = day
        for d in (full_dir, inc_dir):
            shutil.copyfile(db, d / "warehouse.duckdb")
        report["day_build"] = dbt("build", db, day_dir / "target1")
        report["atoms_full"] = dbt(
            "run",
            full_dir / "warehouse.duckdb",
            full_dir / "target",
            "--select",
            "+int_benefits__member_atoms",
            "--full-refresh",
        )
        report["atoms_incremental"] = dbt(
            "run", inc_dir / "warehouse.duckdb", inc_dir / "target", "--select", "+int_benefits__member_atoms"
        )
        report["equal_day_build_vs_full"] = compare(db, full_dir / "warehouse.duckdb")
        report["equal_run_vs_full"] = compare(inc_dir / "warehouse.duckdb", full_dir / "warehouse.duckdb")
        manifest = json.loads((day_dir / "target1" / "manifest.json").read_text(encoding="utf-8"))
        report["atoms_children"] = sorted(
            c for c in manifest["child_map"]["model.confiance.int_benefits__member_atoms"] if c.startswith("model.")
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    summary = {k: report[k] for k in ("machine", "members", "versions", "warehouse", "day")}
    for k in ("first_build", "day_build", "atoms_full", "atoms_incremental"):
        r = report[k]
        summary[k] = {x: r[x] for x in ("wall_s", "cpu_s", "load_before", "load_after", "plan")} | {
            "atoms_model_s": r["node_times"].get("model.confiance.int_benefits__member_atoms")
        }
    summary["equal"] = [report["equal_day_build_vs_full"], report["equal_run_vs_full"]]
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
