"""Every disclosure rule, checked independently of the dbt macros that enforce it."""

from __future__ import annotations

from collections import Counter

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

K = 11


def _con(settings):
    return duckdb.connect(str(settings.warehouse_db), read_only=True)


def _recount_insurer(con, row) -> int:
    """Distinct members of one insurer cell, recounted from the pseudo tables with Python-side generalisation."""
    grain = {"month": "month", "quarter": "quarter", "year": "year"}[row.period_grain]
    w = row.age_band_width
    age = "(extract(year from b.care_month) - m.birth_year)"
    band = f"case when {age} >= 80 then '80+' else cast(cast(floor({age}/{w}.0)*{w} as int) as varchar) || '-' || " \
           f"cast(cast(floor({age}/{w}.0)*{w}+{w - 1} as int) as varchar) end"
    geo = {"departement": "m.departement", "region": "r.region", "country": "'FR'"}[row.geo_level]
    sql = f"""
        select count(distinct b.member_token) from pseudo.benefits b
        join pseudo.members m using (member_token) join pseudo.contracts c on c.contract_token = b.contract_token
        join reference.region_of_departement r on r.departement = m.departement
        where date_trunc('{grain}', b.care_month) = ? and b.act_family = ? and c.guarantee_level = ?
          and {band} = ? and m.sex = ? and {geo} = ?"""
    return con.execute(sql, [row.period_start, row.act_family, row.guarantee_level, row.age_band, row.sex,
                             row.geo_area]).fetchone()[0]


def test_insurer_cells_recounted_from_warehouse(published):
    settings, summary = published
    assert summary["consumers"]["insurer"]["status"] == "published"
    df = pq.read_table(settings.published / "insurer" / "mart_insurer__consumption.parquet").to_pandas()
    con = _con(settings)
    shown = df[df.masking == "none"].sample(n=min(40, (df.masking == "none").sum()), random_state=1)
    for row in shown.itertuples():
        assert _recount_insurer(con, row) == row.member_count >= K
    masked = df[df.masking == "primary_k"].head(40)
    assert len(masked) > 0, "the test data should produce small cells"
    for row in masked.itertuples():
        assert _recount_insurer(con, row) < K
        assert pd.isna(row.actual_cost) and pd.isna(row.member_count)


def test_every_published_cell_has_k_members(published):
    settings, _ = published
    files = list(settings.published.rglob("*.parquet"))
    assert files
    for path in files:
        df = pq.read_table(path).to_pandas()
        if "member_count" in df and "masking" in df:
            assert (df.loc[df.masking == "none", "member_count"] >= K).all(), path.name
            assert df.loc[df.masking != "none", "member_count"].isna().all(), path.name


def _atoms_insurer(con):
    """The attacker's unknowns: insurer cell x product x segment (finest split behind all insurer tables)."""
    return con.execute("""
        select * from intermediate.int_disclosure__insurer_consumption
    """).fetchdf()


def test_masked_insurer_cells_cannot_be_recomputed_by_linear_equations(published):
    """Unknowns: masked cells' actual cost. Equations: every published total they enter (out-of-pocket
    table by year x act family, which also publishes actual cost; loss-ratio table's yearly total of
    complementary reimbursements as the sum of its cells). A masked value is recoverable iff its unit
    vector lies in the row space of the equations: rank test."""
    settings, _ = published
    folder = settings.published / "insurer"
    cube = pq.read_table(folder / "mart_insurer__consumption.parquet").to_pandas()
    oop = pq.read_table(folder / "mart_insurer__out_of_pocket.parquet").to_pandas()
    masked = cube[cube.masking != "none"].reset_index(drop=True)
    assert len(masked) >= 2
    rows = []
    # actual cost: margin by (year, act family) published in the out-of-pocket table
    for (year, fam), _ in oop[oop.masking == "none"].groupby(["care_year", "act_family"]):
        rows.append(((masked.care_year == year) & (masked.act_family == fam)).astype(float).to_numpy())
    # yearly totals (derivable from the loss ratio table or the sum of the margins)
    for year in cube.care_year.unique():
        rows.append((masked.care_year == year).astype(float).to_numpy())
    a = np.array(rows)
    rank = np.linalg.matrix_rank(a)
    recoverable = []
    for i in range(len(masked)):
        e = np.zeros(len(masked))
        e[i] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            recoverable.append(i)
    assert not recoverable, f"{len(recoverable)} masked cell(s) recomputable from published totals"


def test_masked_employer_cells_cannot_be_recomputed(published):
    settings, summary = published
    assert summary["consumers"]["employer"]["status"] == "published"
    checked = 0
    for folder in (settings.published / "employer").iterdir():
        cons = folder / "mart_employer__consumption.parquet"
        if not cons.exists():
            continue
        cube = pq.read_table(cons).to_pandas()
        totals = pq.read_table(folder / "mart_employer__totals.parquet").to_pandas()
        masked = cube[cube.masking != "none"].reset_index(drop=True)
        if len(masked) == 0:
            continue
        rows = [((masked.care_year == y) & (masked.act_family == f)).astype(float).to_numpy()
                for (y, f), _ in totals[totals.masking == "none"].groupby(["care_year", "act_family"])]
        rows += [(masked.care_year == y).astype(float).to_numpy() for y in cube.care_year.unique()]
        a = np.array(rows)
        rank = np.linalg.matrix_rank(a)
        for i in range(len(masked)):
            e = np.zeros(len(masked))
            e[i] = 1
            assert np.linalg.matrix_rank(np.vstack([a, e])) > rank, f"employer folder {folder.name}: cell recoverable"
        # the totals table itself: a masked total must not equal year total minus the others
        tm = totals[totals.masking != "none"]
        for year, group in tm.groupby("care_year"):
            assert len(group) != 1 or (totals.care_year == year).sum() == 1
        checked += 1
    assert checked > 0


def test_secondary_suppression_is_needed_and_applied(built):
    settings, _ = built
    con = _con(settings)
    counts = Counter(r[0] for r in con.execute(
        "select masking from intermediate.int_disclosure__employer_consumption").fetchall())
    assert counts["primary_k"] > 0
    assert counts["secondary"] > 0 or counts["primary_k"] == sum(counts.values())


def test_dominance_masks_cells(built):
    settings, _ = built
    con = _con(settings)
    bad = con.execute("""select count(*) from intermediate.int_disclosure__insurer_consumption
                         where masking = 'none' and dominant_share > 0.85""").fetchone()[0]
    assert bad == 0


def test_employer_folder_isolation_and_small_employers(published):
    settings, summary = published
    con = _con(settings)
    small = {r[0] for r in con.execute("""select employer_siret from pseudo.contracts where contract_type='collective'
                                         group by 1 having count(distinct member_token) < 11""").fetchall()}
    assert small, "test data must hold employers under 11 covered members"
    folders = list((settings.published / "employer").iterdir())
    assert {f.name for f in folders} >= small
    for folder in folders:
        for path in folder.glob("*.parquet"):
            sirets = set(pq.read_table(path, columns=["employer_siret"]).column(0).to_pylist())
            assert sirets == {folder.name}, f"{path} holds another employer's rows"
        if folder.name in small:
            assert [p.name for p in folder.glob("*.parquet")] == ["mart_employer__summary.parquet"]
            row = pq.read_table(folder / "mart_employer__summary.parquet").to_pylist()[0]
            assert row["report_status"] == "too_small_to_report" and row["member_count"] is None


def test_dataviz_member_table_is_k_anonymous_and_l_diverse_pycanon(published):
    from pycanon import anonymity

    settings, summary = published
    assert summary["consumers"]["dataviz"]["status"] == "published"
    df = pq.read_table(settings.published / "dataviz" / "mart_dataviz__member_profiles.parquet").to_pandas()
    assert len(df) > 100
    assert not any("token" in c for c in df.columns)
    assert not df.astype(str).apply(lambda s: s.str.contains(r"\.v[0-9]+\.", regex=True)).any().any()
    qi = ["age_band", "sex", "geo_area"]
    assert anonymity.k_anonymity(df, qi) >= 11
    assert anonymity.l_diversity(df, qi, ["main_act_family"]) >= 3


def test_prevention_excludes_members_refusing_research(published):
    settings, _ = published
    con = _con(settings)
    df = pq.read_table(settings.published / "prevention" / "mart_prevention__dental_checkup.parquet").to_pandas()
    shown = df[df.masking == "none"]
    eligible = con.execute("""select count(distinct (member_token, extract(year from care_month)))
                              from pseudo.benefits join pseudo.members using (member_token)
                              where consent_research""").fetchone()[0]
    total = con.execute("select count(distinct (member_token, extract(year from care_month))) from pseudo.benefits"
                        ).fetchone()[0]
    published_eligible = con.execute(
        "select sum(member_count) from intermediate.int_disclosure__prevention_dental_checkup").fetchone()[0]
    assert published_eligible == eligible < total
    assert (shown.enrolled <= shown.member_count).all()


@pytest.mark.parametrize("mart", ["mart_insurer__consumption", "mart_employer__consumption"])
def test_information_loss_reported(published, mart):
    _, summary = published
    share = summary["masked_cell_share"][mart]
    assert share is not None and 0 <= share <= 1
    assert summary["masked_amount_share"][mart] is not None
