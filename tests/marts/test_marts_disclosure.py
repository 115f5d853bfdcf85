"""Disclosure control of the cell marts, checked from the attacker model, independently of the dbt macros.

The attacker holds every mart a consumer receives and knows who is covered (an employer knows its employees,
their sex and age). Each test recomputes what it checks from the ``pseudo`` tables with pandas (no dbt model is
read to build the expectation), then compares with the warehouse the session built (``built``):

* a cell describes a population (covered members of the group in the care year): every published group counts
  at least k, and the breakdown chosen is the least generalised one where that holds (then the first whose
  primary-masked share is within the limit);
* complete grids: every group x every act family x every closed period, zeros included, so that a row's
  presence says nothing about who had care;
* no reason, no true value in a mart; masked cells are empty;
* no unmasked cell with 1..k-1 consumers, a member above 85 % of ANY published amount, or an amount the
  second-largest contributor could estimate within 15 % of the largest;
* the benchmark is one table for every recipient: >= k members and >= 5 employers per published cell, no
  employer above 85 % of its members or amounts;
* the employer totals are an exact margin of the employer's consumption grid.

Secondary suppression (linked tables, the attacker's LP) is the publication gate's, tested with it.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from confiance.contracts import feed_contract, mart_contracts
from confiance.identifiers import REGION_OF_DEPARTEMENT
from tests.marts.dbt_support import run_dbt

K, DOMINANCE_PCT, P_PCT, MAX_MASKED_SHARE = 11, 85, 15, 0.25
MIN_EMPLOYERS = 5
AMOUNTS = ["actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket"]
FAMILIES = list(feed_contract("benefits").column("act_family").options["enum"])
REASONS = {"none", "k", "dominance", "p_percent"}
EMPLOYER_LEVELS = [
    ("quarter", 10, "sex"),
    ("quarter", 20, "sex"),
    ("year", 20, "sex"),
    ("year", 20, "all"),
    ("year", None, "sex"),
    ("year", None, "all"),
]


# --- reading the warehouse ----------------------------------------------------------------------------------


def _query(settings, sql: str) -> pd.DataFrame:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def _int(settings, name: str) -> pd.DataFrame:
    return _query(settings, f"select * from intermediate.int_disclosure__{name}")


def _mart(settings, name: str) -> pd.DataFrame:
    return _query(settings, f"select * from marts.{name}")


@pytest.fixture(scope="module")
def pseudo(built):
    """The pseudo tables, with amounts in integer cents (exact dominance and p % arithmetic)."""
    settings, _ = built
    members = _query(
        settings, "select member_token, birth_year, sex, departement, consent_research from pseudo.members"
    )
    contracts = _query(
        settings,
        "select contract_token, member_token, contract_type, product_code, guarantee_level, "
        "employer_siret, start_date, end_date from pseudo.contracts",
    )
    benefits = _query(
        settings,
        "select member_token, contract_token, care_month, act_family, "
        + ", ".join(f"cast(round({a} * 100) as bigint) as {a}" for a in AMOUNTS)
        + " from pseudo.benefits",
    )
    benefits["care_month"] = pd.to_datetime(benefits.care_month)
    benefits["care_year"] = benefits.care_month.dt.year
    members["region"] = members.departement.map(REGION_OF_DEPARTEMENT).fillna("unknown")
    return {"members": members, "contracts": contracts, "benefits": benefits}


def _band(age: int, width: int | None) -> str:
    if width is None:
        return "all"
    if age >= 80:
        return "80+"
    low = max(age, 0) // width * width
    return f"{low}-{low + width - 1}"


def _period(month: pd.Series, grain: str) -> pd.Series:
    if grain == "month":
        return month
    if grain == "quarter":
        return month.dt.to_period("Q").dt.start_time
    return month.dt.to_period("Y").dt.start_time


def _coverage(pseudo, years) -> pd.DataFrame:
    """One row per contract and care year it covers (part of the year), with the member's attributes."""
    c = pseudo["contracts"]
    rows = []
    for year in years:
        start, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
        covered = c[(pd.to_datetime(c.start_date) <= end) & (c.end_date.isna() | (pd.to_datetime(c.end_date) >= start))]
        rows.append(covered.assign(care_year=year))
    out = pd.concat(rows).merge(pseudo["members"], on="member_token")
    out["age"] = out.care_year - out.birth_year
    return out


def _atoms(pseudo) -> pd.DataFrame:
    b = pseudo["benefits"].merge(pseudo["contracts"], on=["contract_token", "member_token"])
    b = b.merge(pseudo["members"], on="member_token")
    b["age"] = b.care_year - b.birth_year
    b["lines"] = 1
    return b


def _reported(pseudo) -> set[str]:
    c = pseudo["contracts"]
    n = c[c.contract_type == "collective"].groupby("employer_siret").member_token.nunique()
    return set(n[n >= K].index)


def _reason(cell: dict, measures: list[str]) -> str:
    if 0 < cell["member_count"] < K:
        return "k"
    if any(cell[m] > 0 and 100 * cell[f"{m}_top1"] > DOMINANCE_PCT * cell[m] for m in measures):
        return "dominance"
    if any(
        cell[m] > 0 and 100 * (cell[m] - cell[f"{m}_top1"] - cell[f"{m}_top2"]) < P_PCT * cell[f"{m}_top1"]
        for m in measures
    ):
        return "p_percent"
    return "none"


def _cells(atoms: pd.DataFrame, keys: list[str], measures: list[str]) -> pd.DataFrame:
    """Cells with distinct consumers, totals and the two largest single-member contributions per measure."""
    per_member = atoms.groupby([*keys, "member_token"], dropna=False)[["lines", *measures]].sum().reset_index()
    grouped = per_member.groupby(keys, dropna=False)
    out = grouped.agg(
        member_count=("member_token", "size"), benefit_line_count=("lines", "sum"), **{m: (m, "sum") for m in measures}
    )
    for m in measures:
        top = grouped[m].apply(lambda s: sorted(s, reverse=True)[:2] + [0, 0])
        out[f"{m}_top1"] = top.map(lambda t: t[0])
        out[f"{m}_top2"] = top.map(lambda t: t[1])
    out = out.reset_index()
    out["primary_reason"] = [_reason(r, measures) for r in out.to_dict("records")]
    return out


def _reference_grid(
    pop: pd.DataFrame,
    atoms: pd.DataFrame,
    levels: list[dict],
    partition: list[str],
    measures: list[str],
    families: list[str] | None,
) -> pd.DataFrame:
    """The chosen level per partition and its complete grid, recomputed in pandas (all periods closed here)."""
    results = []
    fam = ["act_family"] if families else []
    parts = pop.groupby(partition) if partition else [((), pop)]
    atoms_by_part = dict(iter(atoms.groupby(partition))) if partition else {(): atoms}
    for key, p in parts:
        a = atoms_by_part.get(key, atoms.iloc[0:0])
        evaluated = []
        for i, level in enumerate(levels, start=1):
            dims = list(level["dims"])
            pg = p.assign(**{d: f(p) for d, f in level["dims"].items()})
            groups = pg.groupby(["care_year", *dims]).member_token.nunique().rename("population").reset_index()
            ag = a.assign(
                period_start=_period(a.care_month, level["grain"]), **{d: f(a) for d, f in level["dims"].items()}
            )
            cells = _cells(ag, ["care_year", "period_start", *fam, *dims], measures)
            periods = {"month": 12, "quarter": 4, "year": 1}[level["grain"]]
            valid = groups[groups.population >= K]
            grid_cells = len(valid) * periods * (len(families) if families else 1)
            masked = int((cells.primary_reason != "none").sum())
            evaluated.append((i, level, groups, cells, bool((groups.population < K).any()), masked, grid_cells))
        pop_valid = [e for e in evaluated if not e[4]]
        chosen = next(
            (e for e in pop_valid if e[5] <= MAX_MASKED_SHARE * e[6]), pop_valid[-1] if pop_valid else evaluated[-1]
        )
        i, level, groups, cells, _, _, _ = chosen
        dims = list(level["dims"])
        valid = groups[groups.population >= K]
        starts = []
        for year in sorted(valid.care_year.unique()):
            months = {"month": range(1, 13), "quarter": (1, 4, 7, 10), "year": (1,)}[level["grain"]]
            starts += [(year, pd.Timestamp(year, m, 1)) for m in months]
        grid = valid.merge(pd.DataFrame(starts, columns=["care_year", "period_start"]), on="care_year")
        if families:
            grid = grid.merge(pd.DataFrame({"act_family": families}), how="cross")
        grid = grid.merge(cells, on=["care_year", "period_start", *fam, *dims], how="left")
        grid = grid.fillna({c: 0 for c in cells.columns if c not in ("primary_reason", *dims)})
        grid["primary_reason"] = grid.primary_reason.fillna("none")
        numeric = [c for c in cells.columns if c not in ("primary_reason", "care_year", "period_start", *fam, *dims)]
        grid[numeric] = grid[numeric].astype("int64")
        grid["generalisation_level"] = i
        for col, value in zip(partition, key if isinstance(key, tuple) else (key,), strict=True):
            grid[col] = value
        results.append(grid)
    return pd.concat(results, ignore_index=True)


def _compare(ours: pd.DataFrame, theirs: pd.DataFrame, keys: list[str], values: list[str]) -> None:
    theirs = theirs.copy()
    theirs["period_start"] = pd.to_datetime(theirs.period_start)
    for a in [c for c in values if c.split("_top")[0] in AMOUNTS + ["premiums_earned"]]:
        theirs[a] = (theirs[a].astype(float) * 100).round().astype("int64")
    assert len(theirs) == len(ours), f"{len(theirs)} cells built, {len(ours)} expected"
    merged = ours.merge(theirs, on=keys, how="outer", suffixes=("_expected", "_built"), indicator=True)
    assert (merged._merge == "both").all(), merged[merged._merge != "both"][keys].head().to_dict("records")
    for v in values:
        expected, got = merged[f"{v}_expected"], merged[f"{v}_built"]
        if pd.api.types.is_numeric_dtype(expected) or pd.api.types.is_numeric_dtype(got):
            bad = merged[expected.astype(float) != got.astype(float)]
        else:
            bad = merged[expected.astype(str) != got.astype(str)]
        assert bad.empty, f"{v}: {len(bad)} cell(s) differ, e.g. {bad[[*keys, f'{v}_expected', f'{v}_built']].head(3)}"


# --- employer --------------------------------------------------------------------------------------------------


def _employer_inputs(pseudo):
    reported = _reported(pseudo)
    atoms = _atoms(pseudo)
    atoms = atoms[(atoms.contract_type == "collective") & atoms.employer_siret.isin(reported)]
    cover = _coverage(pseudo, sorted(pseudo["benefits"].care_year.unique()))
    cover = cover[(cover.contract_type == "collective") & cover.employer_siret.isin(reported)]
    cols = ["employer_siret", "member_token", "care_year", "age", "sex"]
    pop = pd.concat([cover[cols], atoms[cols]]).drop_duplicates()
    return atoms, pop


def _employer_levels():
    return [
        {
            "grain": g,
            "attrs": (w, s),
            "dims": {
                "age_band": (lambda df, w=w: df.age.map(lambda a: _band(a, w))),
                "sex": (lambda df, s=s: df.sex if s == "sex" else pd.Series("all", index=df.index)),
            },
        }
        for g, w, s in EMPLOYER_LEVELS
    ]


@pytest.fixture(scope="module")
def employer_reference(pseudo):
    atoms, pop = _employer_inputs(pseudo)
    return _reference_grid(pop, atoms, _employer_levels(), ["employer_siret"], AMOUNTS, FAMILIES)


def test_employer_consumption_is_the_reference_grid(built, employer_reference):
    """Level per employer, complete grid, populations, counts, amounts, top contributions and reasons."""
    settings, _ = built
    cells = _int(settings, "employer_consumption")
    keys = ["employer_siret", "care_year", "period_start", "act_family", "age_band", "sex"]
    values = [
        "generalisation_level",
        "population",
        "member_count",
        "benefit_line_count",
        *AMOUNTS,
        *[f"{a}_top{i}" for a in AMOUNTS for i in (1, 2)],
        "primary_reason",
    ]
    _compare(employer_reference, cells, keys, values)
    assert set(cells.masking) <= {"none", "masked"}
    assert ((cells.masking == "masked") == (cells.primary_reason != "none")).all()
    assert {"k", "dominance", "p_percent"} <= set(cells.primary_reason), "the test data should meet every rule"


def test_no_population_under_k_and_the_least_generalised_valid_level(built, pseudo):
    """Every employer's groups count >= k covered members; every finer level had a group under k or too many
    masked cells. The employer of 14 women and one man is never broken down by sex."""
    from tests.marts import pseudo_synth

    settings, _ = built
    cells = _int(settings, "employer_consumption")
    assert (cells.population >= K).all()
    assert cells.groupby("employer_siret").generalisation_level.nunique().max() == 1
    atoms, pop = _employer_inputs(pseudo)
    for siret, level in cells.groupby("employer_siret").generalisation_level.first().items():
        p, a = pop[pop.employer_siret == siret], atoms[atoms.employer_siret == siret]
        for spec in _employer_levels()[: level - 1]:
            groups = (
                p.assign(**{d: f(p) for d, f in spec["dims"].items()})
                .groupby(["care_year", *spec["dims"]])
                .member_token.nunique()
            )
            if (groups >= K).all():
                ag = a.assign(
                    period_start=_period(a.care_month, spec["grain"]), **{d: f(a) for d, f in spec["dims"].items()}
                )
                c = _cells(ag, ["care_year", "period_start", "act_family", *spec["dims"]], AMOUNTS)
                periods = {"quarter": 4, "year": 1}[spec["grain"]]
                assert (c.primary_reason != "none").sum() > MAX_MASKED_SHARE * len(groups) * periods * len(FAMILIES)
    n_employers = pseudo["contracts"].employer_siret.nunique() - 1
    single = cells[cells.employer_siret == pseudo_synth.single_man_employer(n_employers)]
    assert len(single) and set(single.sex) == {"all"}
    assert not (
        _mart(settings, "mart_employer__consumption").pipe(
            lambda m: m[(m.employer_siret == single.employer_siret.iloc[0]) & (m.sex == "M")]
        )
    ).shape[0]


def test_employer_totals_are_an_exact_margin_of_the_consumption_grid(built, pseudo):
    settings, _ = built
    cells, totals = _int(settings, "employer_consumption"), _int(settings, "employer_totals")
    summed = cells.groupby(["employer_siret", "care_year", "act_family"])[["benefit_line_count", *AMOUNTS]].sum()
    mine = totals.set_index(["employer_siret", "care_year", "act_family"]).sort_index()
    assert len(mine) == len(summed)
    pd.testing.assert_frame_equal(
        mine[["benefit_line_count", *AMOUNTS]].astype(float), summed.sort_index().astype(float)
    )
    groups = cells.drop_duplicates(["employer_siret", "care_year", "age_band", "sex"])
    population = groups.groupby(["employer_siret", "care_year"]).population.sum()
    assert (
        mine.reset_index().set_index(["employer_siret", "care_year"]).population
        == population.reindex(mine.reset_index().set_index(["employer_siret", "care_year"]).index)
    ).all()
    # distinct consumers and top contributions recounted from the atoms in the consumption grid's scope
    atoms, _ = _employer_inputs(pseudo)
    atoms = atoms[atoms.employer_siret.isin(set(cells.employer_siret))]
    scoped = []
    levels = dict(cells.groupby("employer_siret").generalisation_level.first())
    specs = _employer_levels()
    for siret, a in atoms.groupby("employer_siret"):
        spec = specs[levels[siret] - 1]
        a = a.assign(period_start=_period(a.care_month, spec["grain"]), **{d: f(a) for d, f in spec["dims"].items()})
        scope = cells[cells.employer_siret == siret][["care_year", "period_start", "age_band", "sex"]].drop_duplicates()
        scope["period_start"] = pd.to_datetime(scope.period_start)
        scoped.append(a.merge(scope, on=["care_year", "period_start", "age_band", "sex"]))
    expected = _cells(pd.concat(scoped), ["employer_siret", "care_year", "act_family"], AMOUNTS)
    built_cells = totals[totals.member_count > 0].set_index(["employer_siret", "care_year", "act_family"]).sort_index()
    expected = expected.set_index(["employer_siret", "care_year", "act_family"]).sort_index()
    assert list(built_cells.index) == list(expected.index)
    assert (built_cells.member_count == expected.member_count).all()
    assert (built_cells.primary_reason == expected.primary_reason).all()
    for a in AMOUNTS:
        assert ((built_cells[f"{a}_top1"].astype(float) * 100).round().astype("int64") == expected[f"{a}_top1"]).all()


# --- insurer ---------------------------------------------------------------------------------------------------


def test_insurer_consumption_is_the_reference_grid(built, pseudo):
    settings, _ = built
    cells = _int(settings, "insurer_consumption")
    atoms = _atoms(pseudo)
    cover = _coverage(pseudo, sorted(pseudo["benefits"].care_year.unique()))
    cols = ["member_token", "care_year", "guarantee_level", "age", "sex", "departement", "region"]
    pop = pd.concat([cover[cols], atoms[cols]]).drop_duplicates()
    geo = {
        "departement": lambda df: df.departement,
        "region": lambda df: df.region,
        "country": lambda df: pd.Series("FR", index=df.index),
    }
    chosen = cells.iloc[0]
    width = None if chosen.age_band_width == 0 else int(chosen.age_band_width)
    level = {
        "grain": chosen.period_grain,
        "dims": {
            "guarantee_level": lambda df: df.guarantee_level,
            "age_band": lambda df, w=width: df.age.map(lambda a: _band(a, w)),
            "sex": lambda df, s=chosen.sex_level: df.sex if s == "sex" else pd.Series("all", index=df.index),
            "geo_area": geo[chosen.geo_level],
        },
    }
    expected = _reference_grid(pop, atoms, [level], [], AMOUNTS, FAMILIES)
    expected["generalisation_level"] = int(chosen.generalisation_level)
    keys = ["care_year", "period_start", "act_family", "guarantee_level", "age_band", "sex", "geo_area"]
    _compare(expected, cells, keys, ["population", "member_count", "benefit_line_count", *AMOUNTS, "primary_reason"])
    assert cells.generalisation_level.nunique() == 1
    # the 27 finer levels of the lattice were not all population-valid with few enough masks: at least the
    # finest (month x 5-year bands x département) has groups under k on this data
    finest = (
        pop.assign(band=pop.age.map(lambda a: _band(a, 5)))
        .groupby(["care_year", "guarantee_level", "band", "sex", "departement"])
        .member_token.nunique()
    )
    assert (finest < K).any() and chosen.generalisation_level > 1


# --- every cell table ------------------------------------------------------------------------------------------

CELL_MARTS = {  # mart -> (int table, partition, factors of the grid within partition x level x year)
    "mart_employer__consumption": (
        "employer_consumption",
        ["employer_siret"],
        [["period_start"], ["act_family"], ["age_band", "sex"]],
    ),
    "mart_employer__totals": ("employer_totals", ["employer_siret"], [["act_family"]]),
    "mart_employer__benchmark": ("employer_benchmark", [], [["act_family"], ["age_band"], ["sex"]]),
    "mart_insurer__consumption": (
        "insurer_consumption",
        [],
        [["period_start"], ["act_family"], ["guarantee_level", "age_band", "sex", "geo_area"]],
    ),
    "mart_insurer__out_of_pocket": ("insurer_out_of_pocket", [], [["act_family"]]),
    "mart_insurer__loss_ratio": ("insurer_loss_ratio", [], [["product_code", "segment"]]),
    "mart_dataviz__mutualisation": ("dataviz_mutualisation", [], [["age_band"]]),
    "mart_prevention__dental_checkup": ("prevention_dental_checkup", [], [["age_band", "sex"]]),
}


@pytest.mark.parametrize("mart", sorted(CELL_MARTS))
def test_cell_tables_are_complete_grids_over_populations_of_at_least_k(built, mart):
    settings, _ = built
    table, partition, factors = CELL_MARTS[mart]
    cells, published = _int(settings, table), _mart(settings, mart)
    assert len(published) == len(cells) > 0
    assert (cells.population >= K).all(), "a row describes a population under k"
    assert not ((cells.member_count == 0) & (cells.masking != "none")).any(), "a zero cell is masked"
    group = partition + ["care_year"] + (["generalisation_level"] if "generalisation_level" in published else [])
    for key, g in published.groupby(group):
        product = 1
        for f in factors:
            product *= len(g[f].drop_duplicates())
        assert len(g) == product == len(g.drop_duplicates([c for f in factors for c in f])), (mart, key)
        if ["act_family"] in factors:
            assert set(g.act_family) == set(FAMILIES), (mart, key)


@pytest.mark.parametrize("mart", sorted(CELL_MARTS))
def test_marts_publish_no_reason_and_nothing_under_a_mask(built, mart):
    settings, _ = built
    published = _mart(settings, mart)
    assert set(published.masking) <= {"none", "masked"}
    leaked = [
        c
        for c in published.columns
        if c in ("population", "primary_reason", "dominant_share") or c.endswith(("_top1", "_top2"))
    ]
    assert not leaked, leaked
    contract = mart_contracts()[mart]
    disclosure = contract.table_custom["disclosure"]
    values = list(disclosure["measures"]) + list(disclosure.get("derived", []))
    masked = published[published.masking == "masked"]
    assert masked[values].isna().all().all()
    shown = published[published.masking == "none"]
    counts = shown[[c for c, kind in disclosure["measures"].items() if kind == "distinct_members"]]
    assert ((counts == 0) | (counts >= K)).all().all()


@pytest.mark.parametrize(
    "table,measures",
    [
        ("employer_consumption", AMOUNTS),
        ("employer_totals", AMOUNTS),
        ("insurer_consumption", AMOUNTS),
        ("insurer_out_of_pocket", ["actual_cost", "out_of_pocket"]),
        ("insurer_loss_ratio", ["premiums_earned", "complementary_reimbursement"]),
        ("dataviz_mutualisation", ["premiums_earned", "complementary_reimbursement"]),
        ("employer_benchmark", ["actual_cost", "complementary_reimbursement", "out_of_pocket"]),
    ],
)
def test_no_unmasked_cell_breaks_a_primary_rule_on_any_published_amount(built, table, measures):
    settings, _ = built
    cells = _int(settings, table)
    shown = cells[cells.masking == "none"].copy()
    for m in [*measures, *[f"{x}_top{i}" for x in measures for i in (1, 2)]]:
        shown[m] = (shown[m].astype(float) * 100).round().astype("int64")
    reasons = [_reason(r, measures) for r in shown.to_dict("records")]
    assert reasons == ["none"] * len(shown)


def test_amount_identity_holds_in_every_cell(built):
    """The contracts declare actual cost = SS + complementary + out-of-pocket: the gate may rely on it."""
    settings, _ = built
    for table in ("employer_consumption", "employer_totals", "insurer_consumption"):
        cells = _int(settings, table)
        gap = cells.actual_cost - cells.ss_reimbursement - cells.complementary_reimbursement - cells.out_of_pocket
        assert (gap.astype(float).abs() < 0.005).all(), table


def test_closed_periods_only(copy_home):
    """With a cut-off of 2024-05-01 no period ending after it is built; Q1 2024 is, the year 2024 is not."""
    cutoff = dt.date(2024, 5, 1)
    models = [
        "int_disclosure__employer_consumption",
        "int_disclosure__employer_totals",
        "int_disclosure__employer_benchmark",
        "int_disclosure__insurer_out_of_pocket",
        "int_disclosure__dataviz_mutualisation",
    ]
    run_dbt("run", copy_home.warehouse_db, select=models, dbt_vars={"publication_cutoff": cutoff.isoformat()})
    months = {"month": 1, "quarter": 3, "year": 12}
    for model in models:
        cells = _int(copy_home, model.removeprefix("int_disclosure__"))
        if "period_grain" in cells and "period_start" in cells:
            ends = [
                pd.Timestamp(s) + pd.DateOffset(months=months[g]) - pd.Timedelta(days=1)
                for s, g in zip(cells.period_start, cells.period_grain, strict=True)
            ]
            assert max(ends) <= pd.Timestamp(cutoff), model
        if model.endswith("employer_totals"):
            continue  # a margin of the consumption grid: the closed quarters of 2024 (tested as a margin above)
        if "period_grain" in cells:
            assert not ((cells.period_grain == "year") & (cells.care_year == 2024)).any(), model
        else:
            assert 2024 not in set(cells.care_year), model
    quarterly = _int(copy_home, "employer_consumption").query("period_grain == 'quarter' and care_year == 2024")
    assert set(pd.to_datetime(quarterly.period_start)) <= {pd.Timestamp(2024, 1, 1)}


# --- benchmark -------------------------------------------------------------------------------------------------


def test_benchmark_is_one_table_pooled_over_at_least_five_employers(built, pseudo):
    settings, _ = built
    bench = _mart(settings, "mart_employer__benchmark")
    assert "employer_siret" not in bench.columns, "the benchmark must be identical for every recipient"
    years = sorted(pseudo["benefits"].care_year.unique())
    assert len(bench) == len(years) * len(FAMILIES) * 5 * 2
    atoms = _atoms(pseudo)
    atoms = atoms[(atoms.contract_type == "collective") & atoms.employer_siret.isin(_reported(pseudo))]
    atoms = atoms.assign(age_band=atoms.age.map(lambda a: _band(a, 20)))
    keys = ["care_year", "act_family", "age_band", "sex"]
    measures = ["actual_cost", "complementary_reimbursement", "out_of_pocket"]
    members = _cells(atoms, keys, measures).set_index(keys)
    per_employer = atoms.groupby([*keys, "employer_siret"]).agg(
        members=("member_token", "nunique"), **{m: (m, "sum") for m in measures}
    )
    shown = bench[bench.masking == "none"].set_index(keys)
    assert len(shown) > 0 and (bench.masking == "masked").any()
    for key, row in shown.iterrows():
        if row.member_count == 0:
            assert key not in members.index
            continue
        cell, employers = members.loc[key], per_employer.loc[key]
        assert row.member_count == cell.member_count >= K
        assert len(employers) >= MIN_EMPLOYERS
        assert 100 * employers.members.max() <= DOMINANCE_PCT * cell.member_count
        assert cell.member_count - employers.members.max() >= K
        for m in measures:
            assert 100 * employers[m].max() <= DOMINANCE_PCT * cell[m] or cell[m] <= 0
            assert abs(float(row[f"{m}_per_member"]) - cell[m] / 100 / cell.member_count) < 0.006
        assert _reason(cell.to_dict(), measures) == "none"


# --- prevention and summary ------------------------------------------------------------------------------------


def test_prevention_counts_only_consenting_covered_members(built, pseudo):
    settings, _ = built
    cells = _int(settings, "prevention_dental_checkup")
    years = sorted(pseudo["benefits"].care_year.unique())
    cover = _coverage(pseudo, years)
    atoms = _atoms(pseudo)
    eligible = pd.concat(
        [
            cover[cover.consent_research][["member_token", "care_year"]],
            atoms[atoms.consent_research][["member_token", "care_year"]],
        ]
    ).drop_duplicates()
    everyone = pd.concat([cover[["member_token", "care_year"]], atoms[["member_token", "care_year"]]]).drop_duplicates()
    groups = cells.drop_duplicates(["care_year", "age_band", "sex"])
    assert groups.population.sum() <= len(eligible) < len(everyone)
    assert (cells.member_count == cells.population).all()
    shown = cells[cells.masking == "none"]
    assert (shown.enrolled <= shown.member_count).all() and (shown.followed_up <= shown.enrolled).all()
    for col in ("enrolled", "followed_up"):
        assert not ((shown[col] > 0) & (shown[col] < K)).any()


def test_employer_summary_says_what_is_there_in_french_and_english(built, pseudo):
    from tests.marts import pseudo_synth

    settings, _ = built
    summary = _mart(settings, "mart_employer__summary")
    assert "statement" not in summary.columns
    assert summary.statement_fr.notna().all() and summary.statement_en.notna().all()
    small = summary[summary.report_status == "too_small_to_report"]
    assert len(small) > 0 and small.statement_fr.str.startswith("Trop petit").all()
    assert small.member_count.isna().all() and (small.masking == "masked").all()
    reported = summary[summary.report_status == "reported"]
    assert reported.statement_fr.str.contains("cellules masquées sont cachées pour protéger").all()
    assert reported.statement_en.str.contains("Masked cells are hidden to protect individuals").all()
    assert not summary.statement_en.str.contains("reported in the other files").any()
    levels = _int(settings, "employer_consumption").groupby("employer_siret").period_grain.first()
    for row in reported.itertuples():
        word = {"quarter": "trimestre", "year": "année"}[levels[row.employer_siret]]
        assert f"par {word}" in row.statement_fr
    n_employers = pseudo["contracts"].employer_siret.nunique() - 1
    single = summary[summary.employer_siret == pseudo_synth.single_man_employer(n_employers)].iloc[0]
    assert "les deux sexes ensemble" in single.statement_fr and "both sexes together" in single.statement_en
