"""Benchmark: disclosure control of the marts at scale, and the dataviz member table vs ARX-like generalisation.

For each requested size (benefit lines), in a temporary directory:

1. builds a synthetic ``pseudo`` warehouse directly in DuckDB with
   ``tests/marts/pseudo_synth.py`` (members, contracts, benefit lines; ~9.4 lines
   per member, so 10 M lines ~ 1.06 M members);
2. ``dbt build`` of the preparation (seed, staging views, base intermediate
   models such as ``int_benefits__member_atoms``, and their tests), then, timed
   on its own, ``dbt build`` of the disclosure-control step: the
   ``intermediate/disclosure`` models (populations per generalisation level, the
   level chosen per partition, complete cell grids over closed periods, k,
   dominance and p % primary masking) and the marts, with their tests. Secondary
   suppression and the attacker's audit run in the publication gate, measured by
   ``bench/bench_publication_gate.py``. Each dbt run is a child process under
   ``/usr/bin/time -v`` (wall, CPU, peak RSS); per-model times come from dbt's
   ``run_results.json``;
3. runs ``bench/_arx_like.py`` (own process) on the same warehouse: full-domain
   generalisation lattice over the dataviz quasi-identifiers, minimal loss
   node, and compares it with what dbt published in
   ``mart_dataviz__member_profiles`` (suppression, class sizes, discernibility,
   loss metric, precision, k and l re-checked with pycanon on the full tables).

Usage: ``python bench/bench_disclosure.py [LINES ...] [--merge | --render]`` (default 1000000
10000000). ``--merge`` keeps the sizes already recorded in bench/results/disclosure.md and
adds/replaces the ones run now; ``--render`` only re-renders the report from the raw
results it embeds. Writes bench/results/disclosure.md. Not collected
by pytest (no test_ prefix); run on demand.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._machine import describe, load_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results" / "disclosure.md"
BEFORE = RESULTS.with_name("disclosure_before_redesign.md")  # the step before the redesign (issue 9)
GATE = RESULTS.with_name("publication_gate.md")  # the gate's solver, by bench_publication_gate.py
#: The dbt project built (another checkout's, e.g. a committed snapshot, when the working tree is mid-change).
DBT_PROJECT = Path(os.environ.get("CONFIANCE_BENCH_DBT_PROJECT", ROOT / "dbt_project"))
LINES_PER_MEMBER = 9.41  # measured mean of pseudo_synth at benefits_per_member=10
TARGET_LINES = 100_000_000
MAX_EMPLOYERS = 11_000  # 10_000_000 + 7919 * i must stay an 8-digit SIREN body in pseudo_synth.employers
DISCLOSURE_SELECTOR = "path:models/intermediate/disclosure+ path:models/marts"
K, L_DIV, SUPPRESSION_LIMIT = 11, 3, 0.25  # as dbt_project.yml vars.disclosure.dataviz
TIME_BIN = Path("/usr/bin/time")
# dbt's dataviz levels: (age band width, geo level) -> lattice node (age, geo, sex) of _arx_like.
DBT_LEVEL_NODE = {
    (5, "departement"): (0, 0, 0),
    (10, "departement"): (1, 0, 0),
    (20, "departement"): (2, 0, 0),
    (10, "region"): (1, 1, 0),
    (20, "region"): (2, 1, 0),
    (10, "country"): (1, 2, 0),
    (20, "country"): (2, 2, 0),
    (5, "region"): (0, 1, 0),
}


def timed(cmd: list[str], env: dict[str, str], log: Path) -> dict:
    """Run cmd as a child process; wall, CPU (user+sys) and peak RSS of that child."""
    stats = log.with_suffix(".time")
    if TIME_BIN.exists():
        full = [str(TIME_BIN), "-v", "-o", str(stats), *cmd]
    else:
        full = cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.run(full, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)  # noqa: S603
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}), see {log}:\n{log.read_text()[-3000:]}")
    result = {
        "wall_s": wall,
        "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_rss_mib": after.ru_maxrss / 1024,
        "rss_source": "getrusage(RUSAGE_CHILDREN)",
    }
    if stats.exists():
        text = stats.read_text()

        def grab(label: str) -> str:
            m = re.search(rf"{re.escape(label)}: (.+)", text)
            return m.group(1).strip() if m else "0"

        result["cpu_s"] = float(grab("User time (seconds)")) + float(grab("System time (seconds)"))
        result["peak_rss_mib"] = int(grab("Maximum resident set size (kbytes)")) / 1024
        result["rss_source"] = "/usr/bin/time -v"
    return result


def dbt_build(warehouse: Path, target: Path, log: Path, select: list[str]) -> dict:
    env = {**os.environ, "CONFIANCE_WAREHOUSE_DB": str(warehouse), "DO_NOT_TRACK": "1", "DBT_TARGET_PATH": str(target)}
    dbt = Path(sys.executable).parent / "dbt"
    cmd = [
        str(dbt),
        "build",
        "--project-dir",
        str(DBT_PROJECT),
        "--profiles-dir",
        str(DBT_PROJECT),
        "--log-path",
        str(target / "logs"),
        *select,
    ]
    result = timed(cmd, env, log)
    run = json.loads((target / "run_results.json").read_text())
    nodes = {r["unique_id"]: r["execution_time"] for r in run["results"]}
    result["models"] = {u.split(".")[-1]: t for u, t in nodes.items() if u.startswith("model.")}
    result["models_s"] = sum(t for u, t in nodes.items() if u.startswith(("model.", "seed.")))
    result["tests_s"] = sum(t for u, t in nodes.items() if u.startswith("test."))
    result["nodes"] = len(nodes)
    result["dbt_elapsed_s"] = run.get("elapsed_time")
    return result


def dbt_dataviz(warehouse: Path) -> dict:
    """What dbt chose and published for the member-level table (read after dbt has finished)."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    level = con.execute("""
        select any_value(age_band_width), any_value(geo_level), count(*),
               count(*) filter (where masking <> 'none')
        from intermediate.int_disclosure__dataviz_member_profiles""").fetchone()
    published = con.execute("select count(*) from marts.mart_dataviz__member_profiles").fetchone()[0]
    df = con.execute("select age_band, sex, geo_area, main_act_family from marts.mart_dataviz__member_profiles").df()
    con.close()
    return {
        "age_band_width": level[0],
        "geo_level": level[1],
        "records": level[2],
        "suppressed": level[3],
        "published": published,
        "pycanon": pycanon_check(df),
    }


def pycanon_check(df) -> dict:  # noqa: ANN001 (pandas frame)
    from pycanon import anonymity

    qi = ["age_band", "sex", "geo_area"]
    t0 = time.perf_counter()
    if df.empty:
        return {"rows": 0, "k": None, "l": None, "seconds": 0.0}
    k = int(anonymity.k_anonymity(df, qi))
    l_div = int(anonymity.l_diversity(df, qi, ["main_act_family"]))
    return {"rows": len(df), "k": k, "l": l_div, "seconds": time.perf_counter() - t0}


def run_size(lines: int, workdir: Path) -> dict:
    from tests.marts import pseudo_synth

    members = max(1000, round(lines / LINES_PER_MEMBER))
    load_start = load_text(" / ", 2)
    warehouse = workdir / "warehouse.duckdb"
    print(f"[{lines:,} lines] generating {members:,} members ...", flush=True)
    t0 = time.perf_counter()
    # pseudo_synth's default (members // 50 employers) overflows its 8-digit SIREN bodies above
    # ~568,000 members (make_siret raises); cap the employer count below that bound.
    counts = pseudo_synth.build(warehouse, members, n_employers=min(MAX_EMPLOYERS, max(8, members // 50)))
    gen_s = time.perf_counter() - t0
    db_mib = warehouse.stat().st_size / 2**20
    print(f"[{lines:,} lines] {counts} in {gen_s:.1f} s; dbt preparation ...", flush=True)
    prep = dbt_build(warehouse, workdir / "target_prep", workdir / "dbt_prep.log", ["--exclude", DISCLOSURE_SELECTOR])
    print(f"[{lines:,} lines] preparation {prep['wall_s']:.1f} s; dbt disclosure step ...", flush=True)
    disc = dbt_build(
        warehouse, workdir / "target_disclosure", workdir / "dbt_disclosure.log", ["--select", DISCLOSURE_SELECTOR]
    )
    print(f"[{lines:,} lines] disclosure {disc['wall_s']:.1f} s; ARX-like ...", flush=True)
    dbt_side = dbt_dataviz(warehouse)
    arx_json, arx_parquet = workdir / "arx.json", workdir / "arx.parquet"
    arx_run = timed(
        [
            sys.executable,
            str(ROOT / "bench" / "_arx_like.py"),
            str(warehouse),
            str(arx_json),
            str(arx_parquet),
            str(K),
            str(L_DIV),
            str(SUPPRESSION_LIMIT),
        ],
        dict(os.environ),
        workdir / "arx.log",
    )
    arx = json.loads(arx_json.read_text())
    import pandas as pd

    arx_pycanon = pycanon_check(pd.read_parquet(arx_parquet)) if arx_parquet.exists() else None
    print(f"[{lines:,} lines] ARX-like {arx_run['wall_s']:.1f} s", flush=True)
    return {
        "lines": counts["benefits"],
        "target_lines": lines,
        "members": counts["members"],
        "load_start": load_start,
        "load_end": load_text(" / ", 2),
        "date": dt.date.today().isoformat(),
        "dbt_memory_limit": dbt_memory_limit(),
        "generate_s": gen_s,
        "warehouse_mib": db_mib,
        "prep": prep,
        "disclosure": disc,
        "dbt_dataviz": dbt_side,
        "arx_run": arx_run,
        "arx": arx,
        "arx_pycanon": arx_pycanon,
    }


# ----------------------------------------------------------------------------------------------- report


def fit(xs: list[float], ys: list[float], x: float) -> float:
    """Least-squares line through (xs, ys) evaluated at x (a ratio when there is one point)."""
    if len(xs) == 1:
        return ys[0] * x / xs[0]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((a - mx) ** 2 for a in xs)
    slope = sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)) / sxx
    return my + slope * (x - mx)


def scaling_note(runs: list[dict]) -> str:
    """Scaling exponents between the two largest sizes, and the power-law extrapolation they imply."""
    if len(runs) < 2:
        return "Only one size measured: no scaling exponent."
    a, b = runs[-2], runs[-1]
    ratio = b["lines"] / a["lines"]

    def expo(key: str) -> float:
        return math.log(b["disclosure"][key] / a["disclosure"][key]) / math.log(ratio)

    ew, ec = expo("wall_s"), expo("cpu_s")
    scale = TARGET_LINES / b["lines"]
    return (
        f"Scaling between {a['lines'] / 1e6:.0f} M and {b['lines'] / 1e6:.0f} M lines (×{ratio:.1f}): wall "
        f"time ∝ lines^{ew:.2f}, CPU time ∝ lines^{ec:.2f}. CPU time grows about linearly; the wall time "
        "grows faster mostly because the larger run waited longer for a CPU on the shared machine (load "
        f"average {a.get('load_start', '?')} → {b.get('load_end', '?')} over these two sizes). If the "
        "wall-time exponent held, the "
        f"disclosure step at {TARGET_LINES / 1e6:.0f} M lines would take ~"
        f"{b['disclosure']['wall_s'] * scale**ew / 3600:.1f} h (pessimistic bound); the CPU-time line gives "
        f"~{b['disclosure']['cpu_s'] * scale**ec / 60:.0f} min of CPU, i.e. between half of that and that "
        "as wall time on an "
        "idle 2-core machine (DuckDB runs on both cores)."
    )


def node_by_label(arx: dict, node: list[int]) -> dict | None:
    return next((n for n in arx["lattice"] if n["node"] == list(node)), None)


def pick(arx: dict, limit: float) -> dict | None:
    ok = [n for n in arx["lattice"] if n["suppressed_share"] <= limit]
    return min(ok, key=lambda n: (n["loss_metric"], n["height"])) if ok else None


DEFAULT_LIMIT = "DuckDB's default (80 % of RAM)"


def dbt_memory_limit() -> str:
    """The memory limit of the DuckDB connection dbt opens: the profile's ``settings`` (CONFIANCE_DBT_MEMORY_LIMIT,
    else its default) when the profile of the project built sets one, else DuckDB's default."""
    profile = (DBT_PROJECT / "profiles.yml").read_text(encoding="utf-8")
    match = re.search(r"memory_limit: .*CONFIANCE_DBT_MEMORY_LIMIT', '([^']+)'", profile)
    if not match:
        return DEFAULT_LIMIT
    value = os.environ.get("CONFIANCE_DBT_MEMORY_LIMIT")
    return f"{value} (CONFIANCE_DBT_MEMORY_LIMIT)" if value else f"{match.group(1)} (the profile's default)"


def render(runs: list[dict], meta: dict) -> str:
    runs = sorted(runs, key=lambda r: r["lines"])
    m = meta["machine"]
    out = [
        "# Disclosure-control benchmark",
        "",
        f"- date: {meta['date']}",
        f"- machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}; shared with other "
        "engineers' jobs (numbers are wall times on a loaded machine)",
        "- load average (1/5/15 min) at the start and end of each size: last column of the first table "
        f"(sizes may come from separate runs merged with --merge; last run started at {meta['load_start']})",
        "- data: synthetic `pseudo` warehouse built directly in DuckDB by `tests/marts/pseudo_synth.py` "
        "(hash-based draws; consumption by age and sex; 2 care years; employers of very different sizes)",
        "- dbt: dbt-duckdb, 1 dbt thread, DuckDB default threads (= cores); DuckDB memory limit by size: "
        + "; ".join(f"{r['lines']:,} lines: {r.get('dbt_memory_limit', DEFAULT_LIMIT)}" for r in runs),
        f"- peak RSS and CPU time of each dbt / ARX-like child process: {runs[0]['disclosure']['rss_source']}",
        "",
        "## 1. Disclosure-control step (dbt)",
        "",
        "*Preparation* = seed, staging views over `pseudo`, base intermediate models "
        "(`int_benefits__member_atoms`: one row per member and finest cell; members, contracts, employers) "
        "and their tests. *Disclosure step* = `dbt build --select "
        f'"{DISCLOSURE_SELECTOR}"`: every `int_disclosure__*` model (populations at each generalisation '
        "level, the least generalised level where every population counts at least k = 11, complete cell grids "
        "over closed periods, true values, top contributions, k / dominance 85 % / p % primary masking), the "
        "marts (contracts enforced) and all their tests. Secondary suppression and the attacker's audit are the "
        "publication gate's (HiGHS), measured by `bench/bench_publication_gate.py` and summed in section 1b. "
        "Staging models are views, so reading the raw lines is paid inside `int_benefits__member_atoms` "
        "(preparation).",
        "",
        "| benefit lines | members | generate (s) | prep wall (s) | prep CPU (s) | prep peak RSS (MiB) "
        "| **disclosure wall (s)** | disclosure CPU (s) | disclosure peak RSS (MiB) | models (s) | tests (s) "
        "| load avg start → end |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in runs:
        p, d = r["prep"], r["disclosure"]
        out.append(
            f"| {r['lines']:,} | {r['members']:,} | {r['generate_s']:.0f} | {p['wall_s']:.0f} | "
            f"{p['cpu_s']:.0f} | {p['peak_rss_mib']:,.0f} | **{d['wall_s']:.0f}** | {d['cpu_s']:.0f} | "
            f"{d['peak_rss_mib']:,.0f} | {d['models_s']:.0f} | {d['tests_s']:.0f} | "
            f"{r.get('load_start', '?')} → {r.get('load_end', '?')} |"
        )
    xs = [r["lines"] for r in runs]
    est = {
        key: fit(xs, [r["disclosure"][key] for r in runs], TARGET_LINES) for key in ("wall_s", "cpu_s", "peak_rss_mib")
    }
    est_prep = fit(xs, [r["prep"]["wall_s"] for r in runs], TARGET_LINES)
    est_gen = fit(xs, [r["generate_s"] for r in runs], TARGET_LINES)
    out += [
        "",
        f"**Extrapolation to {TARGET_LINES:,} benefit lines (~{TARGET_LINES / LINES_PER_MEMBER / 1e6:.1f} M "
        f"members) — NOT measured**: a least-squares straight line through the {len(runs)} measured size(s) "
        f"gives a disclosure step of about **{est['wall_s'] / 60:.0f} min wall** "
        f"({est['cpu_s'] / 60:.0f} min CPU), preparation about {est_prep / 60:.0f} min and generation about "
        f"{est_gen / 60:.0f} min on this machine. The same line puts the disclosure step's peak RSS at "
        f"~{est['peak_rss_mib'] / 1024:.1f} GiB; DuckDB caps its buffer pool at 80 % of RAM "
        f"(~{0.8 * m['ram_gib']:.1f} GiB here) and spills hash aggregates to disk beyond it, so if the line "
        "crosses the cap the real time grows faster than linearly. Part of the RSS is buffer pool kept "
        "because it is there, not needed, so the memory line is an upper bound.",
        "",
        scaling_note(runs),
        "",
        "Per model (seconds, from `run_results.json`), largest size measured:",
        "",
        "| model | " + " | ".join(f"{r['lines'] / 1e6:.0f} M lines" for r in runs) + " |",
        "| --- | " + " | ".join("---:" for _ in runs) + " |",
    ]
    biggest = runs[-1]
    names = sorted(biggest["disclosure"]["models"], key=lambda n: -biggest["disclosure"]["models"][n])
    prep_names = sorted(biggest["prep"]["models"], key=lambda n: -biggest["prep"]["models"][n])[:3]
    for name in [*names, *prep_names]:
        tag = " (prep)" if name in prep_names else ""
        cells = [f"{r['disclosure']['models'].get(name, r['prep']['models'].get(name, 0)):.1f}" for r in runs]
        out.append(f"| `{name}`{tag} | " + " | ".join(cells) + " |")

    out += before_after(runs)
    out += [
        "",
        "## 2. Member-level dataviz table: dbt model vs ARX-like lattice search",
        "",
        "Same records (members with care in the latest care year), same quasi-identifiers "
        "(age band, sex, geographic area), same sensitive attribute (`main_act_family`, the act family of "
        f"the member's largest spending), same rules: k = {K} and distinct l = {L_DIV} per equivalence class, "
        f"whole classes suppressed, at most {SUPPRESSION_LIMIT:.0%} of records suppressed.",
        "",
        "- **dbt** (`int_disclosure__dataviz_member_profiles` → `mart_dataviz__member_profiles`): a fixed "
        "chain of 4 levels (10-year/région, 20-year/région, 10-year/France, 20-year/France), sex never "
        "generalised; keeps the first level whose suppressed share is within the limit.",
        "- **ARX-like** (`bench/_arx_like.py`): full-domain generalisation lattice age 5→10→20→*, "
        "département→région→*, sex→* (24 nodes), equivalence classes computed in DuckDB for every node, "
        "classes under k or l suppressed, the anonymous node with minimal loss metric (LM, Iyengar; ARX's "
        'default "loss") kept. Exhaustive bottom-up search; the number of nodes a Flash-style predictive '
        "tagging would not have needed to check is shown.",
        "",
        "Metrics: *suppressed* = share of records removed; *avg class* = mean size of published classes; "
        "*C_avg* = avg class / k; *DM* = discernibility (Σ|E|² over published classes + |D| per suppressed "
        "record; lower is better); *LM* = loss metric (0 = original, 1 = nothing left); *Prec* = Sweeney's "
        "precision, 1 − mean generalisation height (1 = no generalisation); LM and Prec are relative to the "
        "finest level of the hierarchies (5-year band, département, sex), taken as the leaves "
        "(exact ages are not used); k and l re-checked by pycanon on "
        "the full published table. dbt's figures are computed by the same evaluator at dbt's chosen node, "
        "and the suppressed count is cross-checked against dbt's own masking flags.",
        "",
        "| lines | method | node chosen | records | suppressed | classes | avg class | C_avg | DM | LM | Prec "
        "| k / l (pycanon) | time (s) | peak RSS (MiB) |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    notes = []
    for r in runs:
        d, arx = r["dbt_dataviz"], r["arx"]
        node = DBT_LEVEL_NODE.get((d["age_band_width"], d["geo_level"]))
        dn = node_by_label(arx, node) if node else None
        dbt_time = sum(
            r["disclosure"]["models"].get(n, 0.0)
            for n in ("int_disclosure__dataviz_member_profiles", "mart_dataviz__member_profiles")
        )
        rows = []
        if dn:
            pc = d["pycanon"]
            rows.append(("dbt", dn, f"{pc['k']} / {pc['l']}", dbt_time, None))
            if dn["suppressed"] != d["suppressed"] or dn["records"] != d["records"]:
                notes.append(
                    f"{r['lines']:,} lines: dbt flags {d['suppressed']:,} of {d['records']:,} records "
                    f"suppressed, the evaluator {dn['suppressed']:,} of {dn['records']:,}."
                )
        best = arx["best"]
        if best:
            pc = r["arx_pycanon"] or {}
            rows.append(
                ("ARX-like", best, f"{pc.get('k')} / {pc.get('l')}", arx["total_s"], r["arx_run"]["peak_rss_mib"])
            )
        for method, n, kl, secs, rss in rows:
            out.append(
                f"| {r['lines'] / 1e6:.0f} M | {method} | {n['label']} | {n['records']:,} | "
                f"{n['suppressed_share']:.2%} | {n['kept_classes']:,} | {n['avg_class_size']:,.0f} | "
                f"{n['c_avg']:,.1f} | {n['discernibility']:.3g} | {n['loss_metric']:.3f} | {n['precision']:.2f} | "
                f"{kl} | {secs:.1f} | {'-' if rss is None else f'{rss:,.0f}'} |"
            )
    out += [
        "",
        "Time: dbt = execution time of `int_disclosure__dataviz_member_profiles` + "
        "`mart_dataviz__member_profiles` in `run_results.json` (within the dbt process; its RSS is the "
        "whole disclosure step's, above). ARX-like = building the member profiles from "
        "`int_benefits__member_atoms` + the lattice search + writing the published table (own process; "
        "peak RSS of that process).",
    ]
    if notes:
        out += ["", "Cross-check differences: " + " ".join(notes)]
    else:
        out += [
            "",
            "Cross-check: at every size the evaluator finds exactly dbt's record and suppression counts at dbt's node.",
        ]
    for r in runs:
        arx = r["arx"]
        out += [
            "",
            f"### Lattice at {r['lines']:,} lines ({r['members']:,} members)",
            "",
            f"Profiles built in {arx['profiles_s']:.1f} s; {arx['nodes']} nodes evaluated in "
            f"{arx['search_s']:.1f} s ({arx['search_s'] / arx['nodes']:.2f} s per node); predictive tagging "
            f"would have skipped the anonymity check of {arx['tagged']} of them. Best by LM: "
            f"**{arx['best']['label'] if arx['best'] else 'none'}**; best by DM: "
            f"{arx['best_discernibility']['label'] if arx['best_discernibility'] else 'none'}. With a "
            "suppression limit of 5 % instead of 25 % the LM choice would be "
            f"{(pick(arx, 0.05) or {'label': 'none'})['label']}; with 0 %, "
            f"{(pick(arx, 0.0) or {'label': 'none'})['label']}.",
            "",
            "| node (age/geo/sex) | height | classes | under k | under l | suppressed | DM | LM | Prec "
            "| in dbt chain |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        chain = {(1, 1, 0), (2, 1, 0), (1, 2, 0), (2, 2, 0)}
        for n in arx["lattice"]:
            out.append(
                f"| {n['label']} | {n['height']} | {n['classes']:,} | {n['classes_under_k']:,} | "
                f"{n['classes_under_l']:,} | {n['suppressed_share']:.2%} | {n['discernibility']:.3g} | "
                f"{n['loss_metric']:.3f} | {n['precision']:.2f} | "
                f"{'yes' if tuple(n['node']) in chain else ''} |"
            )
    out += [
        "",
        "## Reading",
        "",
        "- The disclosure step is dominated by the cell models that roll the member atoms up at every "
        "candidate generalisation level (insurer consumption, employer consumption and benchmark): each "
        "level is a full group-by over the atoms, then secondary suppression adds 6 unrolled passes of "
        "window functions per group family.",
        "- The dbt dataviz model's levels start at 10-year bands × région, although `generalisation.sql` "
        "defines 5-year bands and départements (and the insurer mart starts there); it never generalises "
        "sex, and its 4 levels form a chain chosen on suppressed share alone, not on information loss. "
        + comparison(runs[-1]),
        "- pycanon on the full published tables: "
        + "; ".join(
            f"{r['lines'] / 1e6:.0f} M lines dbt k={r['dbt_dataviz']['pycanon']['k']} "
            f"l={r['dbt_dataviz']['pycanon']['l']}, ARX-like k={(r['arx_pycanon'] or {}).get('k')} "
            f"l={(r['arx_pycanon'] or {}).get('l')}"
            for r in runs
        )
        + f" (required k ≥ {K}, l ≥ {L_DIV}).",
        "",
        "Run again with `DO_NOT_TRACK=1 .venv/bin/python bench/bench_disclosure.py [LINES ...] [--merge]`.",
        "",
        "<details><summary>raw results (JSON, used by --merge)</summary>",
        "",
        "```json",
        json.dumps({"meta": meta, "runs": runs}, indent=None, default=str),
        "```",
        "",
        "</details>",
        "",
    ]
    return "\n".join(out)


def _embedded(path: Path) -> dict:
    """The raw results a report embeds (a ```json block), or {} when the report is absent."""
    if not path.exists():
        return {}
    m = re.search(r"```json\n(.+?)\n```", path.read_text(encoding="utf-8"), re.S)
    return json.loads(m.group(1)) if m else {}


def _nearest(rows: list[dict], lines: int, key: str) -> dict | None:
    """The row measured at the same size (within 5 %), if any."""
    for row in rows:
        if abs(row[key] - lines) <= 0.05 * lines:
            return row
    return None


def before_after(runs: list[dict]) -> list[str]:
    """Section 1b: the step before the redesign beside the dbt step and the gate's solver now."""
    before = _embedded(BEFORE).get("runs", [])
    gate = _embedded(GATE).get("runs", [])
    out = [
        "",
        "## 1b. Before the redesign and now",
        "",
        f"*Before*: the dbt step measured on 2026-11-21 (`{BEFORE.name}`; per-table secondary suppression "
        "inside dbt, no audit). *Now*: the dbt step above plus the publication gate's secondary suppression "
        f"and attacker's audit for every consumer (`{GATE.name}`, wall time of each consumer's process "
        "summed). Same generator, same machine, different days and load.",
        "",
        "| benefit lines | before: dbt step wall (s) | before: CPU (s) | now: dbt step wall (s) | now: CPU (s) "
        "| now: gate wall (s), all consumers | now: dbt + gate wall (s) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        old = _nearest(before, r["lines"], "lines")
        g = _nearest(gate, r["lines"], "lines")
        gate_s = sum(c["wall_s"] for c in g["consumers"]) if g else None
        d = r["disclosure"]
        out.append(
            f"| {r['lines']:,} | {'-' if not old else format(old['disclosure']['wall_s'], '.0f')} | "
            f"{'-' if not old else format(old['disclosure']['cpu_s'], '.0f')} | {d['wall_s']:.0f} | "
            f"{d['cpu_s']:.0f} | {'not measured' if gate_s is None else format(gate_s, '.0f')} | "
            f"{'-' if gate_s is None else format(d['wall_s'] + gate_s, '.0f')} |"
        )
    return out


def comparison(r: dict) -> str:
    """One sentence comparing dbt's and the ARX-like choice at one size."""
    d, arx = r["dbt_dataviz"], r["arx"]
    node = DBT_LEVEL_NODE.get((d["age_band_width"], d["geo_level"]))
    dn, best = (node_by_label(arx, node) if node else None), arx["best"]
    if not dn or not best:
        return ""
    return (
        f"At {r['lines'] / 1e6:.0f} M lines dbt publishes {dn['label']} ({dn['suppressed_share']:.2%} "
        f"suppressed, LM {dn['loss_metric']:.3f}, Prec {dn['precision']:.2f}, {dn['kept_classes']:,} "
        f"classes) where the lattice search finds {best['label']} ({best['suppressed_share']:.2%} "
        f"suppressed, LM {best['loss_metric']:.3f}, Prec {best['precision']:.2f}, "
        f"{best['kept_classes']:,} classes): finer data for the same k and l, at the price of smaller "
        f"classes (average {best['avg_class_size']:,.0f} vs {dn['avg_class_size']:,.0f} records). "
        f"The search itself is cheap: {arx['nodes']} group-bys over the member table, "
        f"{arx['search_s']:.1f} s, against {arx['profiles_s']:.1f} s to build the profiles."
    )


def previous() -> dict:
    if not RESULTS.exists():
        return {"runs": []}
    m = re.search(r"```json\n(.+?)\n```", RESULTS.read_text(), re.S)
    return json.loads(m.group(1)) if m else {"runs": []}


# ----------------------------------------------------------------------------------------------- utility

UTILITY = RESULTS.with_name("disclosure_utility.md")
#: The last commit before the redesign of issue 9 (per-table secondary suppression in dbt, reasons published;
#: its child c75f00a already dropped a macro the old models need).
BEFORE_COMMIT = "eafe330"


def _cell_marts() -> dict[str, list[str]]:
    """consumer -> the cell-table marts it receives (those whose contract declares a ``disclosure`` property)."""
    from governance.protection import table_spec
    from governance.publish import marts_by_consumer

    return {c: [m for m in marts if table_spec(m) is not None] for c, marts in marts_by_consumer().items()}


def _shares(frame, masked, amount: str | None, count: str | None) -> dict:  # noqa: ANN001 (pandas)
    import numpy as np

    masked = np.asarray(masked, dtype=bool)
    amount = amount if amount in frame.columns else None
    count = count if count in frame.columns else None
    nonempty = np.ones(len(frame), dtype=bool) if count is None else frame[count].fillna(0).to_numpy(float) > 0
    values = frame[amount].fillna(0).to_numpy(float) if amount else np.zeros(len(frame))
    return {
        "cells": int(len(frame)),
        "masked": int(masked.sum()),
        "nonempty": int(nonempty.sum()),
        "nonempty_masked": int((masked & nonempty).sum()),
        "amount": float(values.sum()),
        "amount_masked": float(values[masked].sum()),
    }


def _measure(mart: str, kind: str) -> str | None:
    """The mart's first measure of a kind (``amount``, ``distinct_members``), from its contract."""
    from governance.protection import table_spec

    spec = table_spec(mart)
    return None if spec is None else next((m for m, k in spec.measures.items() if k == kind), None)


def utility(members: int) -> dict:
    """Cells and amounts published per consumer and mart, before the redesign and now, on one warehouse."""
    import duckdb

    from confiance.settings import get_settings
    from governance.protection import cell_table, protect_consumer
    from tests.marts import pseudo_synth

    out: dict = {"members": members, "before_commit": BEFORE_COMMIT, "before": {}, "now": {}}
    with tempfile.TemporaryDirectory(prefix="confiance-utility-") as tmp:
        tmp_path = Path(tmp)
        old_project = tmp_path / "before"
        old_project.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BEFORE_COMMIT, "dbt_project"],  # noqa: S607
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old_project)], input=archive, check=True)  # noqa: S607
        base = tmp_path / "base.duckdb"
        counts = pseudo_synth.build(base, members)
        out["lines"] = counts["benefits"]
        for label, project in (("before", old_project / "dbt_project"), ("now", DBT_PROJECT)):
            home = tmp_path / label
            warehouse = home / "warehouse" / "warehouse.duckdb"
            warehouse.parent.mkdir(parents=True)
            shutil.copy(base, warehouse)
            env = {
                **os.environ,
                "CONFIANCE_WAREHOUSE_DB": str(warehouse),
                "DO_NOT_TRACK": "1",
                "DBT_TARGET_PATH": str(home / "target"),
                "CONFIANCE_HOME": str(home),
                "CONFIANCE_MASTER_KEY": os.environ.get("CONFIANCE_MASTER_KEY", "ab" * 32),
            }
            dbt = Path(sys.executable).parent / "dbt"
            run = subprocess.run(
                [
                    str(dbt),
                    "build",
                    "--project-dir",
                    str(project),
                    "--profiles-dir",  # noqa: S603
                    str(project),
                    "--quiet",
                ],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if run.returncode and label == "now":
                raise SystemExit(f"dbt build ({label}) failed:\n{run.stdout[-2000:]}")
            os.environ.update({k: v for k, v in env.items() if k.startswith(("CONFIANCE_", "DBT_"))})
            con = duckdb.connect(str(warehouse), read_only=True)
            for consumer, marts in _cell_marts().items():
                for mart in marts:
                    if label == "before":
                        try:
                            frame = con.execute(f'select * from intermediate."{cell_table(mart)}"').df()
                        except duckdb.Error:
                            continue
                        masked = frame["masking"].fillna("none").astype(str) != "none"
                    else:
                        continue
                    out[label].setdefault(consumer, {})[mart] = _shares(
                        frame, masked, _measure(mart, "amount"), _measure(mart, "distinct_members")
                    )
                if label == "now" and marts:
                    outcome = protect_consumer(con, get_settings(home), consumer, marts, "utility")
                    for mart, frame in outcome.truth.items():
                        out[label].setdefault(consumer, {})[mart] = _shares(
                            frame, frame["masked"], _measure(mart, "amount"), _measure(mart, "distinct_members")
                        )
            con.close()
    return out


def render_utility(result: dict) -> str:
    def pct(a: float, b: float) -> str:
        return "-" if not b else f"{100 * a / b:.1f} %"

    lines = [
        "# Utility before and after the disclosure-control redesign",
        "",
        f"Machine: {describe()['cpu']}. Data: one synthetic warehouse from `tests/marts/pseudo_synth.py`, "
        f"{result['members']:,} members ({result['lines']:,} benefit lines, the demo's size), built twice: "
        f"with the dbt project of commit {result['before_commit']} (before: per-table secondary suppression "
        "in dbt, only non-empty cells, reasons published) and with the current project followed by the "
        "publication gate's linked suppression and audit (now: complete grids including zeros). "
        "*Published* = not masked. Amounts = the mart's first amount column (actual cost, premium...). "
        "Non-empty cells are those with at least one member (the only cells the old tables had).",
        "",
        "| consumer | mart | before: non-empty cells published | now: non-empty cells published | "
        "now: all grid cells published | before: amount published | now: amount published |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for consumer in sorted(set(result["before"]) | set(result["now"])):
        marts = sorted(set(result["before"].get(consumer, {})) | set(result["now"].get(consumer, {})))
        for mart in marts:
            b = result["before"].get(consumer, {}).get(mart)
            n = result["now"].get(consumer, {}).get(mart)
            lines.append(
                f"| {consumer} | `{mart}` | "
                f"{'-' if not b else pct(b['nonempty'] - b['nonempty_masked'], b['nonempty'])} | "
                f"{'-' if not n else pct(n['nonempty'] - n['nonempty_masked'], n['nonempty'])} | "
                f"{'-' if not n else pct(n['cells'] - n['masked'], n['cells'])} | "
                f"{'-' if not b else pct(b['amount'] - b['amount_masked'], b['amount'])} | "
                f"{'-' if not n else pct(n['amount'] - n['amount_masked'], n['amount'])} |"
            )
    lines += [
        "",
        f"`DO_NOT_TRACK=1 .venv/bin/python bench/bench_disclosure.py --utility {result['members']}`",
        "",
        "<details><summary>raw results (JSON)</summary>",
        "",
        "```json",
        json.dumps(result),
        "```",
        "",
        "</details>",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    if "--utility" in argv:  # cells and amounts published, before the redesign and now
        members = int(next((a for a in argv if not a.startswith("--")), "3000"))
        UTILITY.write_text(render_utility(utility(members)), encoding="utf-8")
        print(UTILITY.read_text(encoding="utf-8"))
        return 0
    merge = "--merge" in argv
    if "--render" in argv:  # re-render the report from the recorded raw results, nothing is run
        old = previous()
        RESULTS.write_text(render(old["runs"], old["meta"]))
        return 0
    sizes = [int(float(a)) for a in argv if not a.startswith("--")] or [1_000_000, 10_000_000]
    meta = {"date": dt.date.today().isoformat(), "machine": describe(), "load_start": load_text(" / ", 2)}
    runs = [r for r in previous()["runs"] if r["target_lines"] not in sizes] if merge else []
    for lines in sizes:
        workdir = Path(tempfile.mkdtemp(prefix=f"bench_disclosure_{lines}_"))
        try:
            runs.append(run_size(lines, workdir))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        meta["load_end"] = load_text(" / ", 2)
        RESULTS.write_text(render(runs, meta))  # after every size, so a long run leaves partial results
        print(f"wrote {RESULTS.relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
