"""The dataviz member-level table: ARX-like full-domain lattice search, checked by an independent Python search.

The lattice is evaluated here from the ``pseudo`` tables alone (no dbt model is read to build it), with the rule
the model documents: suppress whole classes under k members or under l distinct main act families (counting only
the families at least k records of the class share), and the records of a family fewer than k share; valid nodes
suppress at most max_masked_share of the records; keep the valid node of highest precision, then fewest suppressed
records, then lowest height.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

from confiance.identifiers import REGION_OF_DEPARTEMENT
from confiance.settings import DBT_PROJECT_DIR
from tests.marts.dbt_support import run_dbt

K, L_DIV, LIMIT = 11, 3, 0.25
AGE = [5, 10, 20, None]
GEO = ["departement", "region", "country"]
SEX = ["sex", "all"]
# The levels the model tried before the lattice search: (age band width, geo level), sex never generalised.
OLD_CHAIN = [(10, "region"), (20, "region"), (10, "country"), (20, "country")]


def _profiles(warehouse: Path) -> pd.DataFrame:
    """One row per member with care in the latest care year: age at care, sex, département, main act family."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        df = con.execute("""
            with spend as (
                select member_token, cast(extract(year from care_month) as integer) as care_year, act_family,
                       sum(actual_cost) as cost
                from pseudo.benefits group by all),
            latest as (select * from spend where care_year = (select max(care_year) from spend))
            select member_token, care_year, act_family, cost, birth_year, sex, departement
            from latest join pseudo.members using (member_token)""").df()
    finally:
        con.close()
    df = df.sort_values(["member_token", "cost", "act_family"], ascending=[True, False, True])
    first = df.groupby("member_token", sort=False).head(1)  # largest spending, ties -> first family by name
    return pd.DataFrame(
        {
            "age": (first.care_year - first.birth_year).to_numpy(),
            "sex": first.sex.to_numpy(),
            "departement": first.departement.to_numpy(),
            "main_act_family": first.act_family.to_numpy(),
        }
    )


def _band(age: int, width: int | None) -> str:
    if width is None:
        return "all"
    if age >= 80:
        return "80+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


def _generalise(profiles: pd.DataFrame, width: int | None, geo: str, sex: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "age_band": [_band(a, width) for a in profiles.age],
            "geo_area": {
                "departement": profiles.departement,
                "region": profiles.departement.map(REGION_OF_DEPARTEMENT),
                "country": pd.Series("FR", index=profiles.index),
            }[geo].to_numpy(),
            "sex": profiles.sex.to_numpy() if sex == "sex" else "all",
            "main_act_family": profiles.main_act_family.to_numpy(),
        }
    )


def _suppressed(table: pd.DataFrame) -> int:
    """Records suppressed: whole classes under k or under l families held by k records each, and inside the
    other classes the records whose main act family fewer than k records of the class share."""
    families = table.groupby(["age_band", "geo_area", "sex", "main_act_family"]).size().rename("n").reset_index()
    families["linkable"] = families.n.where(families.n >= K, 0)
    classes = families.groupby(["age_band", "geo_area", "sex"]).agg(
        size=("n", "sum"), linkable=("linkable", "sum"), diversity=("linkable", lambda x: int((x > 0).sum()))
    )
    invalid = (classes["size"] < K) | (classes["diversity"] < L_DIV)
    kept = classes.loc[~invalid]
    return int(classes.loc[invalid, "size"].sum() + (kept["size"] - kept["linkable"]).sum())


def _precision(a: int, g: int, s: int) -> Fraction:
    return 1 - (Fraction(a, 3) + Fraction(g, 2) + Fraction(s, 1)) / 3


def _lattice(profiles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for a, g, s in itertools.product(range(len(AGE)), range(len(GEO)), range(len(SEX))):
        suppressed = _suppressed(_generalise(profiles, AGE[a], GEO[g], SEX[s]))
        rows.append(
            {
                "node": (a, g, s),
                "age_band_width": AGE[a],
                "geo_level": GEO[g],
                "sex_level": SEX[s],
                "height": a + g + s,
                "precision": _precision(a, g, s),
                "suppressed": suppressed,
            }
        )
    return pd.DataFrame(rows)


def _best(lattice: pd.DataFrame, records: int, limit: float) -> pd.Series:
    valid = lattice[lattice.suppressed <= limit * records]
    assert len(valid), "the test data must leave at least one valid node"
    key = valid.apply(lambda r: (-r.precision, r.suppressed, r.height), axis=1)
    best = valid.loc[key == key.min()]
    assert len(best) >= 1
    return best.iloc[0]


def _old_choice(lattice: pd.DataFrame, records: int, limit: float) -> pd.Series:
    chain = [
        lattice[(lattice.age_band_width == w) & (lattice.geo_level == geo) & (lattice.sex_level == "sex")].iloc[0]
        for w, geo in OLD_CHAIN
    ]
    return next((n for n in chain if n.suppressed <= limit * records), chain[-1])


def _dbt_choice(warehouse: Path) -> tuple[tuple, int, int, int]:
    """(node, generalisation_level, records, suppressed) of the dbt model."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("""
            select age_band_width, geo_level, sex_level, generalisation_level, count(*),
                   count(*) filter (where masking <> 'none')
            from intermediate.int_disclosure__dataviz_member_profiles group by all""").fetchall()
    finally:
        con.close()
    assert len(rows) == 1, f"one generalisation node per table, got {rows}"
    width, geo, sex, level, records, suppressed = rows[0]
    return (AGE.index(width), GEO.index(geo), SEX.index(sex)), level, records, suppressed


def _check(warehouse: Path, limit: float) -> tuple[tuple, tuple]:
    profiles = _profiles(warehouse)
    lattice = _lattice(profiles)
    node, level, records, suppressed = _dbt_choice(warehouse)
    assert records == len(profiles)
    best = _best(lattice, records, limit)
    assert node == best.node, f"dbt chose {node}, the least-loss valid node is {best.node}"
    assert level == sum(node), "generalisation_level is the node's height"
    assert suppressed == best.suppressed and suppressed <= limit * records
    old = _old_choice(lattice, records, limit)
    # At least as fine as the fixed chain: no less precise, and not coarser on every quasi-identifier.
    assert best.precision >= old.precision
    assert not (all(n >= o for n, o in zip(node, old.node, strict=True)) and node != old.node)
    return node, old.node


def test_dataviz_chooses_least_loss_valid_node(built):
    settings, _ = built
    _check(settings.warehouse_db, LIMIT)


def test_published_dataviz_table_is_the_unsuppressed_records(built):
    settings, _ = built
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        kept = con.execute(
            "select count(*) from intermediate.int_disclosure__dataviz_member_profiles where masking = 'none'"
        ).fetchone()[0]
        table = con.execute("select * from marts.mart_dataviz__member_profiles").df()
    finally:
        con.close()
    assert len(table) == kept > 100
    assert table.sex_level.nunique() == 1 and table.generalisation_level.nunique() == 1
    assert not any("token" in c for c in table.columns)


BANDS = ["0", "<100", "100-499", "500-1999", "2000+"]
QI = ["care_year", "age_band", "sex", "geo_area"]


def _amount_band(cents: int) -> str:
    if cents <= 0:
        return "0"
    for upper, label in ((10_000, "<100"), (50_000, "100-499"), (200_000, "500-1999")):
        if cents < upper:
            return label
    return "2000+"


def _mart_and_cells(settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        mart = con.execute("select * from marts.mart_dataviz__member_profiles").df()
        cells = con.execute(
            "select * from intermediate.int_disclosure__dataviz_member_profiles where masking = 'none'"
        ).df()
    finally:
        con.close()
    return mart, cells


def test_no_record_is_unique_on_its_quasi_identifiers_plus_its_published_amount(built):
    """An attacker who knows a colleague's age band, sex, area (and main act family) and the band of the one
    published amount finds at least k records sharing them: the only amount is the total yearly consumption as a
    band, blanked where fewer than k records of the class and main act family share it."""
    from confiance.contracts import mart_contracts

    settings, _ = built
    mart, _ = _mart_and_cells(settings)
    contract = mart_contracts()["mart_dataviz__member_profiles"]
    linking = contract.table_custom["linking_values"]
    qis = [c.name for c in contract.columns if c.classification == "quasi_identifier"]
    assert set(qis) == set(QI)
    assert linking == ["consumption_band"]
    amounts = [c for c in mart.columns if c.startswith("consumption_")]
    assert amounts == ["consumption_band"], f"one amount per member at most, got {amounts}"
    assert set(mart.consumption_band.dropna()) <= set(BANDS)
    for key in (qis, [*qis, "main_act_family"]):
        sizes = mart.fillna({"consumption_band": "(blank)"}).groupby([*key, "consumption_band"]).size()
        assert (sizes >= K).all(), f"{key}: {int((sizes < K).sum())} group(s) of fewer than {K} records"
    assert mart.consumption_band.isna().sum() > 0, "the test data should need some blanking"
    # the sensitive attribute keeps its l-diversity and the classes their k-anonymity
    classes = mart.groupby(qis).main_act_family.agg(["size", "nunique"])
    assert (classes["size"] >= K).all() and (classes["nunique"] >= L_DIV).all()


def test_total_band_is_true_and_blanked_only_as_needed(built):
    """Each shown band is the band of the member's true total yearly consumption (all act families, from the
    pseudo benefits); within a class and main act family, the bands shared by fewer than k records are blanked,
    then the next smallest until the blank holds at least k records; no more."""
    settings, _ = built
    _, cells = _mart_and_cells(settings)
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        totals = con.execute(
            """select member_token, sum(actual_cost) as total from pseudo.benefits
               where cast(extract(year from care_month) as integer) = ? group by member_token""",
            [int(cells.care_year.iloc[0])],
        ).df()
    finally:
        con.close()
    cells = cells.merge(totals, on="member_token", how="left", validate="one_to_one")
    true = (cells.total.astype(float) * 100).round().astype("int64").map(_amount_band)
    shown = cells.consumption_band
    assert (shown.isna() | (shown == true)).all()
    expected_blank = pd.Series(False, index=cells.index)
    for _, cls in cells.assign(band=true).groupby(["age_band", "sex", "geo_area", "main_act_family"]):
        counts = cls.band.value_counts()
        if not (counts < K).any():
            continue
        ordered = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
        blank, held = set(), 0
        for band, n in ordered:
            if n < K or held < K:
                blank.add(band)
                held += n
        expected_blank[cls.index[cls.band.isin(blank)]] = True
    assert (shown.isna() == expected_blank).all()


def test_dataviz_node_at_least_as_fine_as_the_old_chain_under_a_strict_limit(copy_home):
    """With at most 5 % suppressed, the lattice's node is the least-loss valid one and never coarser than the old
    fixed chain's (since records are also suppressed for a main act family fewer than k share, both reach the
    same node on the tests' data; before that rule the lattice found a finer one)."""
    # vars.disclosure is one var: override only the dataviz limit and keep every consumer's other parameters
    with open(DBT_PROJECT_DIR / "dbt_project.yml", encoding="utf-8") as fh:
        disclosure = yaml.safe_load(fh)["vars"]["disclosure"]
    disclosure["dataviz"] = {**disclosure["dataviz"], "max_masked_share": 0.05}
    run_dbt(
        "run",
        copy_home.warehouse_db,
        select=["int_disclosure__dataviz_member_profiles"],
        dbt_vars={"disclosure": disclosure},
    )
    node, old = _check(copy_home.warehouse_db, 0.05)  # asserts least loss, and precision >= the old chain's
    assert node[0] <= old[0] or node[1] <= old[1] or node[2] <= old[2]


def test_lattice_evaluator_agrees_with_pycanon(built):
    """The Python evaluator's notion of a kept class is pycanon's: the kept records are k-anonymous and l-diverse."""
    from pycanon import anonymity

    settings, _ = built
    profiles = _profiles(settings.warehouse_db)
    for width, geo, sex in [(5, "departement", "sex"), (10, "region", "sex"), (5, "country", "sex")]:
        table = _generalise(profiles, width, geo, sex)
        qi = ["age_band", "sex", "geo_area"]
        linkable = table[table.groupby([*qi, "main_act_family"]).main_act_family.transform("size") >= K]
        classes = linkable.groupby(qi).main_act_family.transform
        valid = linkable[classes("size") >= K]
        valid = valid[valid.groupby(qi).main_act_family.transform("nunique") >= L_DIV]
        kept = valid.reset_index(drop=True)
        assert len(table) - len(kept) == _suppressed(table)
        if len(kept):
            assert anonymity.k_anonymity(kept, qi) >= K
            assert anonymity.l_diversity(kept, qi, ["main_act_family"]) >= L_DIV
            # no kept record is singled out by its quasi-identifiers plus its main act family
            assert anonymity.k_anonymity(kept, [*qi, "main_act_family"]) >= K


@pytest.mark.parametrize("n", [1, 12_000, 100_000])
def test_employer_sirets_distinct_and_valid_for_large_counts(n):
    from confiance.identifiers import siren_valid
    from tests.marts import pseudo_synth

    sirets = pseudo_synth.employers(n)
    assert len(sirets) == n
    assert len({s[:9] for s in sirets}) == n  # distinct SIRENs
    assert all(len(s) == 14 and siren_valid(s[:9]) for s in sirets[-2000:] + sirets[:10])
    assert pseudo_synth.employers(3)[0] == sirets[0]  # deterministic, unchanged start
