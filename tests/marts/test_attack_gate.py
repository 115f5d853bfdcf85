"""The publication gate against the red team's attacker, on small employers built by hand.

Each fixture is one employer's release made from its members' bills (the three employer cell tables:
detail, totals per family, yearly), protected by the gate (``governance.sdc``: primary cells,
secondary suppression, audit) with the real marts' contracts, then attacked by the independent
toolkit (``attack_toolkit``: HiGHS over the published files and the employer's staff list). The
fixtures are the shapes where the gate's earlier model of the yearly table let the toolkit recover a
masked member count: a year whose every employee appears in one published family, directly or
through the member groups (sex x age band) of the detail table.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest

from governance.protection import rules_for, table_spec
from governance.sdc import CellTable, Release, audit, suppress
from tests.marts import attack_toolkit as at

SIRET = "12345678900011"
YEAR = 2024
AMOUNTS = ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
FAMILIES = ("consultation", "dental", "pharmacy")
RULES = rules_for("insurer")
MARTS = ("mart_employer__consumption", "mart_employer__totals", "mart_employer__yearly")


@dataclass(frozen=True)
class Bill:
    member: str
    sex: str
    age: int
    family: str
    cost: float


def _split(cost: float) -> dict[str, float]:
    ss = round(cost * 0.6, 2)
    comp = round(cost * 0.3, 2)
    return {
        "actual_cost": cost,
        "ss_reimbursement": ss,
        "complementary_reimbursement": comp,
        "out_of_pocket": round(cost - ss - comp, 2),
    }


def _cells(bills: list[Bill], staff: pd.DataFrame, keys: list[str], grid: pd.DataFrame, band: str) -> pd.DataFrame:
    """One cell per row of ``grid``: distinct members, lines, amounts and their two largest members."""
    atoms = pd.DataFrame(
        [
            {"member": b.member, "sex_member": b.sex, "age": b.age, "act_family": b.family, **_split(b.cost)}
            for b in bills
        ]
    )
    atoms["sex"] = atoms["sex_member"] if "sex" in grid and set(grid["sex"]) != {"all"} else "all"
    atoms["age_band"] = band
    per_member = atoms.groupby([*keys, "member"], as_index=False).agg(
        lines=("actual_cost", "size"), **{m: (m, "sum") for m in AMOUNTS}
    )
    rows = []
    for _, cell in grid.iterrows():
        sel = per_member
        for k in keys:
            sel = sel[sel[k] == cell[k]]
        row = dict(cell)
        row["member_count"] = len(sel)
        row["benefit_line_count"] = int(sel["lines"].sum())
        for m in AMOUNTS:
            top = sorted(sel[m], reverse=True) + [0.0, 0.0]
            row[m], row[f"{m}_top1"], row[f"{m}_top2"] = round(float(sel[m].sum()), 2), top[0], top[1]
        pop = staff
        if "sex" in keys and cell["sex"] != "all":
            pop = pop[pop["sex"] == cell["sex"]]
        row["population"] = int(pop["count"].sum())
        rows.append(row)
    out = pd.DataFrame(rows)
    out["primary"] = False
    out["masked"] = False
    return out


def employer_release(bills: list[Bill], by_sex: bool) -> tuple[Release, pd.DataFrame]:
    """The employer's three cell tables (complete grids) and its staff list (the attacker's knowledge)."""
    people = {(b.member, b.sex, b.age) for b in bills}
    staff = pd.DataFrame([{"scope": SIRET, "year": YEAR, "sex": s, "age": a, "count": 1} for _m, s, a in people])
    # the levels dbt would choose: sex with all ages together, or one 20-year band with both sexes together
    sexes, band = (["F", "M"], "all") if by_sex else (["all"], "40-59")
    base = {"employer_siret": SIRET, "care_year": YEAR}
    detail_grid = pd.DataFrame(
        [
            {
                **base,
                "period_start": pd.Timestamp(YEAR, 1, 1),
                "period_grain": "year",
                "act_family": f,
                "age_band": band,
                "sex": s,
            }
            for f in FAMILIES
            for s in sexes
        ]
    )
    totals_grid = pd.DataFrame([{**base, "period_grain": "year", "act_family": f} for f in FAMILIES])
    yearly_grid = pd.DataFrame([{**base, "period_grain": "year"}])
    frames = {
        "mart_employer__consumption": _cells(bills, staff, ["act_family", "sex"], detail_grid, band),
        "mart_employer__totals": _cells(bills, staff, ["act_family"], totals_grid, band),
        "mart_employer__yearly": _cells(bills, staff, [], yearly_grid, band),
    }
    tables = [CellTable(table_spec(mart), frames[mart]) for mart in MARTS]
    return Release(f"employer/{SIRET}", tables), staff


def published(release: Release) -> at.Release:
    """What the employer receives: masked rows empty and marked 'masked', nothing else."""
    tables = []
    for t in release.tables:
        frame = t.frame.copy()
        keep = [
            c for c in frame.columns if c in at.DIM_COLUMNS | {"employer_siret", "period_grain"} or c in t.spec.measures
        ]
        out = frame[keep].astype(object)
        masked = frame["masked"].to_numpy(bool)
        for m in t.spec.measures:
            out.loc[masked, m] = None
        out["masking"] = ["masked" if x else "none" for x in masked]
        tables.append(at.table_from_frame(out, t.spec.name, release.consumer))
    return at.Release(tables)


def exposed(release: Release, staff: pd.DataFrame) -> list[str]:
    """Masked cells the toolkit's attacker recovers or proves small, knowing the staff list."""
    result = at.attack(published(release), population=staff)
    return sorted(
        {
            f"{result.release.tables[ti].mart}.{col}: {f.kind}"
            for f in result.findings
            if f.kind in {"recovered", "proven_small", "pinned"}
            for ti, _ri, col in f.refs
        }
    )


def _group(prefix: str, sex: str, age: int, n: int, family: str, cost: float) -> list[Bill]:
    return [Bill(f"{prefix}{i}", sex, age, family, cost + 3.0 * i) for i in range(n)]


def every_employee_in_one_family() -> list[Bill]:
    """15 employees (one group, both sexes together): every one consulted and bought medicine, one had a
    dental bill. The dental cell is small; masking the year to protect it leaves the year's member count
    between the largest family (15) and the headcount (15)."""
    people = _group("p", "F", 45, 8, "consultation", 30.0) + _group("q", "M", 50, 7, "consultation", 31.0)
    medicine = [Bill(b.member, b.sex, b.age, "pharmacy", 40.0 + i) for i, b in enumerate(people)]
    return [*people, *medicine, Bill("p0", "F", 45, "dental", 420.0)]


def every_employee_through_the_groups() -> list[Bill]:
    """12 women who all consulted and 11 men who all bought medicine, one woman with a dental bill: no
    family holds everyone, but each sex's group is full in one family, so the year counts 12 + 11."""
    women = _group("f", "F", 45, 12, "consultation", 30.0)
    men = _group("m", "M", 50, 11, "pharmacy", 40.0)
    return [*women, *men, Bill("f0", "F", 45, "dental", 420.0)]


CASES = {
    "one group, everyone in one family": (every_employee_in_one_family, False),
    "two groups, each full in one family": (every_employee_through_the_groups, True),
}


@pytest.mark.parametrize("case", list(CASES))
def test_gate_leaves_nothing_for_the_attacker_with_the_staff_list(case):
    make, by_sex = CASES[case]
    release, staff = employer_release(make(), by_sex)
    counts = suppress(release, RULES)
    assert counts["primary"] >= 1 and counts["unprotectable"] == 0, counts
    report = audit(release, RULES)
    assert report.passed, report.reasons
    found = exposed(release, staff)
    assert not found, found


@pytest.mark.parametrize("case", list(CASES))
def test_the_gate_sees_a_masked_count_pinned_by_the_staff_list(case):
    """The attack itself, before suppression is allowed to help: mask only the small cell and the year (the
    cheapest protection of the dental amounts). The toolkit recovers the year's member count; the gate's
    audit must refuse that release for the same reason."""
    make, by_sex = CASES[case]
    release, staff = employer_release(make(), by_sex)
    for t in release.tables:
        frame = t.frame
        frame["primary"] = (frame["member_count"] > 0) & (frame["member_count"] < RULES.k)
        frame["masked"] = frame["primary"] | (t.spec.name == "mart_employer__yearly")
    assert "mart_employer__yearly.member_count: recovered" in exposed(release, staff)
    report = audit(release, RULES)
    assert any("member count(s) can be recovered exactly" in r for r in report.reasons), report.reasons
