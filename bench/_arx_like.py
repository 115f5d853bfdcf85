"""ARX-like full-domain generalisation of the member-level dataviz profiles (benchmark helper).

Same records as ``mart_dataviz__member_profiles`` (one row per member with care in
the latest care year, built from ``intermediate.int_benefits__member_atoms``), same
quasi-identifiers and sensitive attribute, but searched over the whole
generalisation lattice instead of the dbt model's fixed chain of four levels:

    age   5-year band -> 10-year band -> 20-year band -> *     (80+ is one band)
    geo   département -> région -> *
    sex   sex -> *

For every lattice node the equivalence classes are computed in DuckDB over the
member-level table; records of classes with fewer than k members or fewer than l
distinct sensitive values are suppressed; the node is *anonymous* when the
suppressed share stays within the suppression limit. Among anonymous nodes the
one with minimal information loss (Iyengar's loss metric, LM, ARX's default
"Loss") is chosen; ties go to the lower lattice height. The lattice is tiny
(4 x 3 x 2 = 24 nodes), so it is searched exhaustively bottom-up, which is what
ARX's optimal algorithms amount to at this size; predictive tagging (a node above
an anonymous node is anonymous, k and distinct-l being monotone) is counted to
show how many checks a Flash-style search would skip.

Run as ``python bench/_arx_like.py WAREHOUSE OUT_JSON OUT_PARQUET [k l limit]`` by
bench_disclosure.py (its own process, so its peak RSS is measured on its own).
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

import duckdb

AGE_LEVELS: list[int | None] = [5, 10, 20, None]
GEO_LEVELS: list[str | None] = ["departement", "region", None]
SEX_LEVELS: list[str | None] = ["sex", None]
HEIGHTS = (len(AGE_LEVELS) - 1, len(GEO_LEVELS) - 1, len(SEX_LEVELS) - 1)

PROFILES_SQL = """
create or replace table profiles as
with latest as (
    select max(care_year) as care_year from wh.intermediate.int_benefits__member_atoms
),
by_family as (
    select atoms.member_token, atoms.act_family,
        max(atoms.age_at_care) as age_at_care, max(atoms.sex) as sex,
        max(atoms.departement) as departement, max(atoms.region) as region,
        sum(atoms.actual_cost) as actual_cost
    from wh.intermediate.int_benefits__member_atoms as atoms
    inner join latest on atoms.care_year = latest.care_year
    group by atoms.member_token, atoms.act_family
),
largest as (
    select member_token, max(actual_cost) as max_cost from by_family group by member_token
)
select
    max(by_family.age_at_care) as age_at_care,
    max(by_family.sex) as sex,
    max(by_family.departement) as departement,
    max(by_family.region) as region,
    min(case when by_family.actual_cost = largest.max_cost then by_family.act_family end) as main_act_family
from by_family
inner join largest on by_family.member_token = largest.member_token
group by by_family.member_token
"""


def age_expr(width: int | None, col: str = "age_at_care") -> str:
    """Same bands as the dbt macro age_band (80+ at every width)."""
    if width is None:
        return "'*'"
    return (
        f"case when {col} >= 80 then '80+' else "
        f"cast(cast(floor({col} / {width}.0) * {width} as integer) as varchar) || '-' || "
        f"cast(cast(floor({col} / {width}.0) * {width} + {width - 1} as integer) as varchar) end"
    )


def geo_expr(level: str | None) -> str:
    return "'*'" if level is None else level


def sex_expr(level: str | None) -> str:
    return "'*'" if level is None else "sex"


def node_exprs(node: tuple[int, int, int]) -> tuple[str, str, str]:
    a, g, s = node
    return age_expr(AGE_LEVELS[a]), geo_expr(GEO_LEVELS[g]), sex_expr(SEX_LEVELS[s])


def node_label(node: tuple[int, int, int]) -> str:
    a, g, s = node
    age = f"age{AGE_LEVELS[a]}" if AGE_LEVELS[a] else "age*"
    return f"{age}/{GEO_LEVELS[g] or 'geo*'}/{SEX_LEVELS[s] or 'sex*'}"


def precision(node: tuple[int, int, int]) -> float:
    """Sweeney's Prec: 1 - mean over QIs of (generalisation height / hierarchy height)."""
    return 1 - sum(h / hmax for h, hmax in zip(node, HEIGHTS, strict=True)) / len(node)


def evaluate(con: duckdb.DuckDBPyConnection, node: tuple[int, int, int], k: int, l_div: int) -> dict:
    """Equivalence classes of one node and its information loss (suppressed records count as full loss)."""
    ae, ge, se = node_exprs(node)
    finest_age = age_expr(5)
    row = con.execute(f"""
        with gen as (
            select {ae} as q_age, {ge} as q_geo, {se} as q_sex, {finest_age} as leaf_age,
                   departement as leaf_geo, sex as leaf_sex, main_act_family
            from profiles
        ),
        dom as (
            select count(distinct leaf_age) - 1 as d_age, count(distinct leaf_geo) - 1 as d_geo,
                   count(distinct leaf_sex) - 1 as d_sex
            from gen
        ),
        leaves_age as (select q_age, count(distinct leaf_age) as n_age from gen group by q_age),
        leaves_geo as (select q_geo, count(distinct leaf_geo) as n_geo from gen group by q_geo),
        leaves_sex as (select q_sex, count(distinct leaf_sex) as n_sex from gen group by q_sex),
        classes as (
            select q_age, q_geo, q_sex, count(*) as n, count(distinct main_act_family) as d
            from gen group by q_age, q_geo, q_sex
        ),
        scored as (
            select classes.*, (n >= {k} and d >= {l_div}) as kept,
                ((n_age - 1) / greatest(d_age, 1) + (n_geo - 1) / greatest(d_geo, 1)
                 + (n_sex - 1) / greatest(d_sex, 1)) / 3.0 as lm
            from classes
            join leaves_age using (q_age) join leaves_geo using (q_geo) join leaves_sex using (q_sex)
            cross join dom
        )
        select
            sum(n) as records,
            count(*) as classes,
            coalesce(sum(n) filter (where not kept), 0) as suppressed,
            count(*) filter (where kept) as kept_classes,
            coalesce(sum(n * n) filter (where kept), 0) as dm_kept,
            coalesce(sum(n * lm) filter (where kept), 0) as lm_kept,
            min(n) filter (where kept) as min_class,
            min(d) filter (where kept) as min_diversity,
            count(*) filter (where n < {k}) as classes_under_k,
            count(*) filter (where n >= {k} and d < {l_div}) as classes_under_l
        from scored
    """).fetchone()
    (records, classes, suppressed, kept_classes, dm_kept, lm_kept, min_class, min_div, under_k, under_l) = row
    kept = records - suppressed
    return {
        "node": list(node),
        "label": node_label(node),
        "height": sum(node),
        "records": int(records),
        "classes": int(classes),
        "kept_classes": int(kept_classes),
        "suppressed": int(suppressed),
        "suppressed_share": suppressed / records,
        # Discernibility (Bayardo & Agrawal): |E|^2 per published class, |D| per suppressed record.
        "discernibility": int(dm_kept) + int(suppressed) * int(records),
        "avg_class_size": kept / kept_classes if kept_classes else 0.0,
        "c_avg": (kept / kept_classes) / k if kept_classes else 0.0,
        # Loss metric (Iyengar), 0 = original data, 1 = everything suppressed or fully generalised.
        "loss_metric": (float(lm_kept) + suppressed) / records,
        "precision": precision(node),
        "min_class": int(min_class) if min_class is not None else None,
        "min_diversity": int(min_div) if min_div is not None else None,
        "classes_under_k": int(under_k),
        "classes_under_l": int(under_l),
    }


def search(con: duckdb.DuckDBPyConnection, k: int, l_div: int, limit: float) -> dict:
    """Bottom-up exhaustive search of the lattice; the anonymous node with minimal LM wins."""
    nodes = sorted(itertools.product(*(range(h + 1) for h in HEIGHTS)), key=lambda n: (sum(n), n))
    evaluated, tagged = [], 0
    anonymous_below: set[tuple[int, int, int]] = set()
    t0 = time.perf_counter()
    for node in nodes:
        # Flash-style predictive tagging: a successor of an anonymous node is anonymous.
        if any(all(x >= y for x, y in zip(node, m, strict=True)) for m in anonymous_below):
            tagged += 1
        result = evaluate(con, node, k, l_div)
        result["anonymous"] = result["suppressed_share"] <= limit
        if result["anonymous"]:
            anonymous_below.add(node)
        evaluated.append(result)
    elapsed = time.perf_counter() - t0
    anonymous = [r for r in evaluated if r["anonymous"]]
    best = min(anonymous, key=lambda r: (r["loss_metric"], r["height"])) if anonymous else None
    best_dm = min(anonymous, key=lambda r: (r["discernibility"], r["height"])) if anonymous else None
    return {
        "lattice": evaluated,
        "best": best,
        "best_discernibility": best_dm,
        "search_s": elapsed,
        "nodes": len(nodes),
        "tagged": tagged,
    }


def write_output(con: duckdb.DuckDBPyConnection, node: tuple[int, int, int], k: int, l_div: int, out: Path) -> None:
    """The published ARX-like table: records of kept classes, generalised (QIs + sensitive attribute)."""
    ae, ge, se = node_exprs(node)
    con.execute(f"""
        copy (
            with gen as (
                select {ae} as age_band, {ge} as geo_area, {se} as sex, main_act_family from profiles
            )
            select * from gen
            qualify count(*) over (partition by age_band, geo_area, sex) >= {k}
                and count(distinct main_act_family) over (partition by age_band, geo_area, sex) >= {l_div}
        ) to '{out}' (format parquet)
    """)


def run(warehouse: str, k: int = 11, l_div: int = 3, limit: float = 0.25, out_parquet: Path | None = None) -> dict:
    con = duckdb.connect()
    con.execute(f"attach '{warehouse}' as wh (read_only)")
    t0 = time.perf_counter()
    con.execute(PROFILES_SQL)
    profiles_s = time.perf_counter() - t0
    result = search(con, k, l_div, limit)
    result.update({"profiles_s": profiles_s, "k": k, "l": l_div, "limit": limit})
    if out_parquet is not None and result["best"] is not None:
        t1 = time.perf_counter()
        write_output(con, tuple(result["best"]["node"]), k, l_div, out_parquet)
        result["output_s"] = time.perf_counter() - t1
    result["total_s"] = time.perf_counter() - t0
    con.close()
    return result


def main(argv: list[str]) -> int:
    warehouse, out_json, out_parquet = argv[:3]
    k, l_div, limit = (int(argv[3]), int(argv[4]), float(argv[5])) if len(argv) >= 6 else (11, 3, 0.25)
    result = run(warehouse, k, l_div, limit, Path(out_parquet))
    Path(out_json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
