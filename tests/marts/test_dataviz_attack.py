"""The member-level dataviz table against the attacker of DESIGN.md, and over time.

Attacker (DESIGN.md, issue 9): anyone may know a colleague's or relative's age, sex and area and one or two exact
bills. A bill proves the member's yearly amount in its act family is at least that much; two bills in two families
prove the member's total yearly consumption is at least their sum. The attacker looks, among the published records
of the member's class, for those compatible with what it knows: a record whose shown amount band could hold that
total (its upper bound is above the sum) or whose band is blank. Fewer than k compatible records singles the member
out. The test takes the member's TRUE per-family yearly amounts from the warehouse and tries every pair (the pair
of largest amounts is the strongest; checking all pairs costs nothing here), on the demo release, on the marts
tests' release and on an adversarial warehouse (a few members with extreme bills in two families).

Over time (docs/disclosure-control.md, releases over time): only a closed care year is published, and a published
year is final: lines of the open year change nothing, a late claim of a published year is refused by the gate.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from confiance.identifiers import REGION_OF_DEPARTEMENT
from confiance.pipeline_inputs import publication_services
from tests.marts.dbt_support import run_dbt

K = 11
MART = "mart_dataviz__member_profiles"
#: exclusive upper bound of each published band of the total yearly consumption (EUR); '0' holds only zero
BAND_UPPER = {"0": 0.0, "<100": 100.0, "100-499": 500.0, "500-1999": 2000.0, "2000+": float("inf")}
CUTOFF = "2025-01-01"  # marts tests' data: care years 2023-2024; with this cut-off 2024 is closed, 2025 open


def _truth(warehouse: Path) -> tuple[pd.DataFrame, set[str], int]:
    """Per member of the published care year: true age, sex, département and per-family yearly amounts; the
    tokens of the members kept in the table; the published care year (warehouse only, never published)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        year = con.execute(f"select distinct care_year from marts.{MART}").fetchall()
        assert len(year) == 1, f"one care year per release, got {year}"
        year = int(year[0][0])
        atoms = con.execute(
            """select member_token, act_family, max(age_at_care) as age, max(sex) as sex,
                      max(departement) as departement, sum(actual_cost) as amount
               from intermediate.int_benefits__member_atoms where care_year = ? group by all""",
            [year],
        ).df()
        kept = {
            r[0]
            for r in con.execute(
                "select member_token from intermediate.int_disclosure__dataviz_member_profiles where masking = 'none'"
            ).fetchall()
        }
    finally:
        con.close()
    return atoms, kept, year


def _age_band(age: int, width: float | None) -> str:
    if width is None or pd.isna(width):
        return "all"
    width = int(width)
    if age >= 80:
        return "80+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


def _class_key(member: pd.Series, node: pd.Series) -> tuple[str, str, str]:
    """The member's class in the published table, from its true attributes and the table's generalisation."""
    geo = {
        "departement": str(member.departement),
        "region": REGION_OF_DEPARTEMENT.get(str(member.departement), "?"),
        "country": "FR",
    }[node.geo_level]
    sex = str(member.sex) if node.sex_level == "sex" else "all"
    return _age_band(int(member.age), node.age_band_width), sex, geo


def _compatible(records: pd.DataFrame, known_totals: np.ndarray) -> np.ndarray:
    """For each known lower bound on the total, the records an attacker cannot rule out: a blank band, or a band
    whose (exclusive) upper bound is above the bound ('0' holds only a zero total)."""
    upper = np.sort(records.consumption_band.map(BAND_UPPER).fillna(np.inf).to_numpy(float))
    fits = len(upper) - np.searchsorted(upper, known_totals, side="right")
    return np.where(known_totals <= 0, len(upper), fits)


def two_bill_attack(table: pd.DataFrame, warehouse: Path) -> dict[str, int]:
    """Every member of the published year kept in the table, every single one and every pair of its true
    per-family yearly amounts: the fewest compatible records found, and how many members would be singled out."""
    assert {"age_band", "sex", "geo_area", "consumption_band"} <= set(table.columns)
    assert not any(c.startswith("consumption_") and c != "consumption_band" for c in table.columns), (
        "one amount band only at member level"
    )
    atoms, kept, _ = _truth(warehouse)
    atoms = atoms[atoms.member_token.isin(kept)]
    node = table.iloc[0]
    first = atoms.sort_values(["member_token", "amount", "act_family"], ascending=[True, False, True])
    members = first.groupby("member_token", sort=False).head(1).set_index("member_token")
    keys = pd.DataFrame(
        [_class_key(m, node) for m in members.itertuples()], index=members.index, columns=["age_band", "sex", "geo"]
    )
    members = members.assign(**{c: keys[c] for c in keys.columns})
    # the attacker's knowledge: any one bill, or any two bills of two families (their yearly amounts at least)
    pairs = atoms.merge(atoms, on="member_token", suffixes=("_a", "_b"))
    pairs = pairs[pairs.act_family_a < pairs.act_family_b]
    scenarios = pd.concat(
        [
            atoms[["member_token", "amount"]].rename(columns={"amount": "known"}),
            pd.DataFrame({"member_token": pairs.member_token, "known": pairs.amount_a + pairs.amount_b}),
        ],
        ignore_index=True,
    ).merge(members[["age_band", "sex", "geo", "act_family"]], left_on="member_token", right_index=True)
    classes = dict(iter(table.groupby(["age_band", "sex", "geo_area"])))
    by_family = dict(iter(table.groupby(["age_band", "sex", "geo_area", "main_act_family"])))
    found = pd.Series(np.iinfo(np.int64).max, index=scenarios.index)
    for (age, sex, geo, main), part in scenarios.groupby(["age_band", "sex", "geo", "act_family"]):
        assert (age, sex, geo) in classes, f"a kept member's class {(age, sex, geo)} is not in the published table"
        known = part.known.astype(float).to_numpy()
        # the attacker who also guesses the main act family (it knows a big bill) searches a smaller class
        found[part.index] = np.minimum(
            _compatible(classes[(age, sex, geo)], known), _compatible(by_family[(age, sex, geo, main)], known)
        )
    worst = found.groupby(scenarios.member_token).min()
    return {
        "members": len(members),
        "scenarios": len(scenarios),
        "fewest_candidates": int(worst.min()),
        "singled_out": int((worst < K).sum()),
    }


def _assert_safe(result: dict[str, int]) -> None:
    assert result["members"] > 100 and result["scenarios"] > result["members"], result
    assert result["singled_out"] == 0 and result["fewest_candidates"] >= K, result


def test_two_known_bills_single_out_nobody_in_the_demo_release(demo_run):
    settings, _ = demo_run
    files = list((settings.published / "dataviz").rglob(f"{MART}.parquet"))
    assert len(files) == 1, files
    table = pq.read_table(files[0]).to_pandas()
    _assert_safe(two_bill_attack(table, settings.warehouse_db))


def test_two_known_bills_single_out_nobody_in_the_marts_release(published):
    settings, summary = published
    assert summary["consumers"]["dataviz"]["status"] == "published", summary["consumers"]["dataviz"]
    table = pq.read_table(next((settings.published / "dataviz").rglob(f"{MART}.parquet"))).to_pandas()
    _assert_safe(two_bill_attack(table, settings.warehouse_db))


def _dbt_run(settings, select: str) -> None:
    run_dbt("run", settings.warehouse_db, select=[select], dbt_vars={"publication_cutoff": CUTOFF})


def _mart(settings) -> pd.DataFrame:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(f"select * from marts.{MART}").df()
    finally:
        con.close()


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True)


@pytest.fixture()
def adversarial_home(published, copy_home):
    """A copy of the published marts home (its publication history included) whose warehouse gains, after the
    first release: lines of the OPEN year 2025, then late claims of the published year 2024 — extreme dental and
    optics bills for a dozen members of one département (two big bills each, the old per-family bands' worst
    case) and ordinary late bills for a few hundred others."""
    before = _mart(copy_home)
    con = duckdb.connect(str(copy_home.warehouse_db))
    try:
        con.execute("""
            insert into pseudo.benefits
            select * replace ('insurer.v1.' || md5('open' || benefit_token) as benefit_token,
                              date '2025-02-01' as care_month, date '2025-03-01' as payment_month)
            from pseudo.benefits where hash(benefit_token) % 20 = 0""")
        open_lines = con.execute("select count(*) from pseudo.benefits where care_month >= '2025-01-01'").fetchone()[0]
    finally:
        con.close()
    assert open_lines > 100
    _dbt_run(copy_home, "+int_disclosure__dataviz_member_profiles+")
    after_open_lines = _mart(copy_home)
    con = duckdb.connect(str(copy_home.warehouse_db))
    try:
        targets = con.execute("""
            select b.member_token from pseudo.benefits b join pseudo.members m using (member_token)
            where year(b.care_month) = 2024
            group by b.member_token, m.departement
            qualify count(*) over (partition by m.departement) >= 12
            order by m.departement, b.member_token limit 12""").fetchall()
        for n, (token,) in enumerate(targets):
            for family, cost in (("dental", 2500 + 37 * n), ("optics", 1900 + 23 * n)):
                con.execute(
                    f"""insert into pseudo.benefits
                    select * replace ('insurer.v1.' || md5('late{family}' || benefit_token) as benefit_token,
                                      '{family}' as act_family, cast({cost} as decimal(12, 2)) as actual_cost)
                    from pseudo.benefits where member_token = ? and year(care_month) = 2024 limit 1""",
                    [token],
                )
        con.execute("""
            insert into pseudo.benefits
            select * replace ('insurer.v1.' || md5('late' || benefit_token) as benefit_token)
            from pseudo.benefits where year(care_month) = 2024 and hash(benefit_token, 'late') % 10 = 0""")
    finally:
        con.close()
    _dbt_run(copy_home, "+int_disclosure__dataviz_member_profiles+")
    return copy_home, before, after_open_lines


def test_open_year_is_not_published_and_a_late_claim_is_refused_not_revised(adversarial_home):
    settings, before, after_open_lines = adversarial_home
    from governance.publish import publish_all

    # Lines of the open year 2025 landed: the table still describes the closed year, unchanged.
    assert set(before.care_year) == {2024}
    assert _sorted(after_open_lines).equals(_sorted(before))
    # Late claims of 2024: the rebuilt table differs, and the gate refuses to revise what was published.
    late = _mart(settings)
    assert set(late.care_year) == {2024}
    assert not _sorted(late).equals(_sorted(before)), "the late claims must move the table for this test"
    summary = publish_all(settings, "late_claims", publication_services())
    outcome = summary["consumers"]["dataviz"]
    assert outcome["status"] == "refused", outcome
    reasons = [r for r in outcome["reasons"] if MART in r]
    assert reasons and all("care_year 2024" in r and "revised" in r for r in reasons), outcome["reasons"]
    assert not any(band in r for r in reasons for band in BAND_UPPER if band != "0"), "no values in reasons"
    assert not (settings.published / "dataviz").exists() or not list(
        (settings.published / "dataviz").rglob(f"{MART}.parquet")
    ), "nothing new is published for dataviz"
    # The adversarial table the gate refused would still single nobody out.
    _assert_safe(two_bill_attack(late, settings.warehouse_db))


def test_record_revisions_accept_only_the_same_records_for_a_published_year():
    from governance.protection import _record_revisions

    earlier = pd.DataFrame(
        {"care_year": [2024] * 3, "age_band": ["40-49"] * 3, "consumption_band": ["<100", "100-499", None]}
    )
    assert _record_revisions(earlier.iloc[::-1].reset_index(drop=True), earlier, MART) == []  # order is no change
    nxt = pd.concat([earlier, earlier.assign(care_year=2025)], ignore_index=True)
    assert _record_revisions(nxt, earlier, MART) == []  # a new closed year is a new period
    for revised in (
        earlier.assign(consumption_band=["<100", "500-1999", None]),  # a late claim moved one band
        earlier.iloc[:2],  # a record left
        earlier.assign(main_act_family="dental"),  # another schema
    ):
        reasons = _record_revisions(revised, earlier, MART)
        assert len(reasons) == 1 and "care_year 2024" in reasons[0] and "revised" in reasons[0], reasons
        assert "500-1999" not in reasons[0] and "<100" not in reasons[0], "counts only, never values"
