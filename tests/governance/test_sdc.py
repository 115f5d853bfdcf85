"""Linked-table disclosure control, tested from the attacker's side.

Each test builds a small release by hand, lets the attacker's linear programme
look at it, and checks what it can learn: a margin published in a second table
recovers a lone masked cell; suppression then has to hold for every primary
cell; and a property test over random hierarchical tables checks that after
suppression no primary cell can be recovered or proven small, whatever the data.
"""

from __future__ import annotations

import copy

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.protection import rules_for
from governance.sdc import CellTable, Release, TableSpec, audit, primary_mask, suppress
from governance.sdc.relations import derive_relations

RULES = rules_for("insurer")
MEASURES = {
    "member_count": "distinct_members",
    "benefit_line_count": "additive_count",
    "actual_cost": "amount",
    "ss_reimbursement": "amount",
    "out_of_pocket": "amount",
}
IDENTITY = (("actual_cost", "ss_reimbursement", "out_of_pocket"),)
DETAIL_DIMENSIONS = {
    "care_year": "year",
    "period_start": "period",
    "act_family": "family",
    "sex": "sex",
    "age_band": "age_band",
}
DETAIL = TableSpec("consumption", DETAIL_DIMENSIONS, MEASURES, IDENTITY, partition="employer_siret")
TOTALS = TableSpec(
    "totals", {"care_year": "year", "act_family": "family"}, MEASURES, IDENTITY, partition="employer_siret"
)


def _cell(**values):
    base = {
        "employer_siret": "12345678900011",
        "care_year": 2024,
        "period_start": pd.Timestamp(2024, 1, 1),
        "period_grain": "year",
        "act_family": "dental",
        "sex": "F",
        "age_band": "all",
        "population": 40,
    }
    base.update(values)
    base.setdefault("benefit_line_count", 2 * base["member_count"])
    base["actual_cost"] = base["ss_reimbursement"] + base["out_of_pocket"]
    return base


def _totals(detail: pd.DataFrame) -> pd.DataFrame:
    """The exact margin year x family of a detail table split only by sex and age (members add up)."""
    keys = ["employer_siret", "care_year", "act_family"]
    out = detail.groupby(keys, as_index=False)[list(MEASURES)].sum()
    out["population"] = detail.groupby(keys)["population"].sum().to_numpy()
    return out


def _release(detail: pd.DataFrame, totals: pd.DataFrame | None = None) -> Release:
    tables = [CellTable(DETAIL, detail.copy())]
    tables.append(CellTable(TOTALS, (_totals(detail) if totals is None else totals).copy()))
    return Release("employer/12345678900011", tables)


def _primary_only(release: Release) -> Release:
    naive = copy.deepcopy(release)
    for t in naive.tables:
        t.frame["primary"] = primary_mask(t, RULES)
        t.frame["masked"] = t.frame["primary"]
    return naive


def test_a_margin_in_another_table_recovers_a_lone_masked_cell():
    detail = pd.DataFrame(
        [
            _cell(sex="F", member_count=4, ss_reimbursement=300.0, out_of_pocket=80.0),
            _cell(sex="M", member_count=16, ss_reimbursement=1200.0, out_of_pocket=400.0),
        ]
    )
    report = audit(_primary_only(_release(detail)), RULES)
    assert not report.passed
    assert any("recovered exactly" in r for r in report.reasons)
    assert any("below k" in r for r in report.reasons)


def test_suppression_protects_the_lone_cell_across_both_tables():
    detail = pd.DataFrame(
        [
            _cell(sex="F", member_count=4, ss_reimbursement=300.0, out_of_pocket=80.0),
            _cell(sex="M", member_count=16, ss_reimbursement=1200.0, out_of_pocket=400.0),
            _cell(act_family="optics", sex="F", member_count=30, ss_reimbursement=900.0, out_of_pocket=500.0),
            _cell(act_family="optics", sex="M", member_count=22, ss_reimbursement=700.0, out_of_pocket=300.0),
        ]
    )
    release = _release(detail)
    counts = suppress(release, RULES)
    assert counts["primary"] == 1 and counts["secondary"] >= 1
    report = audit(release, RULES)
    assert report.passed, report.reasons
    assert report.min_count_upper >= RULES.k
    assert report.min_amount_spread >= RULES.p_percent
    # the optics family has no small cell and keeps every figure
    optics = release.tables[0].frame.query("act_family == 'optics'")
    assert not optics["masked"].any()


def test_two_small_cells_under_one_total_are_not_proven_small():
    """A total of 20 over two masked cells of 10: without published reasons each may be up to 19."""
    detail = pd.DataFrame(
        [
            _cell(sex="F", member_count=10, ss_reimbursement=500.0, out_of_pocket=100.0),
            _cell(sex="M", member_count=10, ss_reimbursement=450.0, out_of_pocket=90.0),
        ]
    )
    release = _release(detail)
    suppress(release, RULES)
    report = audit(release, RULES)
    assert report.passed, report.reasons


@pytest.mark.parametrize(
    "amounts, dominated",
    [
        ([5000.0, 10.0, 10.0, 10.0], True),  # one member holds > 85 %
        ([1000.0, 900.0, 50.0, 40.0], True),  # two largest hold almost everything (p % rule)
        ([300.0, 280.0, 260.0, 250.0], False),
    ],
)
def test_dominance_and_p_percent_rule_on_every_amount(amounts, dominated):
    total = sum(amounts)
    top = sorted(amounts, reverse=True)
    frame = pd.DataFrame([_cell(member_count=20, ss_reimbursement=1000.0, out_of_pocket=total)])
    frame["out_of_pocket_top1"] = top[0]
    frame["out_of_pocket_top2"] = top[1]
    frame["ss_reimbursement_top1"] = 60.0
    frame["ss_reimbursement_top2"] = 55.0
    assert bool(primary_mask(CellTable(DETAIL, frame), RULES)[0]) is dominated


def test_relations_that_do_not_add_up_on_true_values_are_not_used():
    detail = pd.DataFrame(
        [
            _cell(sex="F", member_count=30, ss_reimbursement=100.0, out_of_pocket=0.0),
            _cell(sex="M", member_count=30, ss_reimbursement=100.0, out_of_pocket=0.0),
        ]
    )
    totals = _totals(detail)
    totals["ss_reimbursement"] += 1000.0  # another scope: not a margin of detail
    totals["actual_cost"] += 1000.0
    rel = derive_relations(_release(detail, totals), RULES)
    assert any("ss_reimbursement" in s for s in rel.skipped)


def test_a_release_differenced_with_an_earlier_one_is_audited_together():
    """Yesterday's release masked other cells of the same table: together they recover today's masked cell."""
    detail = pd.DataFrame(
        [
            _cell(sex="F", member_count=4, ss_reimbursement=300.0, out_of_pocket=80.0),
            _cell(sex="M", member_count=16, ss_reimbursement=1200.0, out_of_pocket=400.0),
            _cell(sex="F", age_band="20-39", member_count=18, ss_reimbursement=700.0, out_of_pocket=60.0),
        ]
    )
    today = _release(detail)
    suppress(today, RULES)
    assert audit(today, RULES).passed
    # Yesterday the M cell was published (a different pattern): the consumer still holds it.
    yesterday = CellTable(DETAIL, today.tables[0].frame.copy(), vintage="run-1")
    yesterday.frame["masked"] = yesterday.frame["primary"]
    together = Release(today.consumer, [*today.tables, yesterday])
    assert not audit(together, RULES).passed


@st.composite
def _employer_tables(draw):
    cells = []
    for family in ("dental", "optics"):
        for quarter in range(4):
            for sex in ("F", "M"):
                for band in ("20-39", "40-59"):
                    n = draw(st.integers(min_value=0, max_value=40))
                    ss = float(draw(st.integers(min_value=0, max_value=200))) * n
                    oop = float(draw(st.integers(min_value=0, max_value=60))) * n
                    cells.append(
                        _cell(
                            period_start=pd.Timestamp(2024, 1 + 3 * quarter, 1),
                            period_grain="quarter",
                            act_family=family,
                            sex=sex,
                            age_band=band,
                            member_count=n,
                            ss_reimbursement=ss,
                            out_of_pocket=oop,
                            population=60,
                        )
                    )
    detail = pd.DataFrame(cells)
    totals = detail.groupby(["employer_siret", "care_year", "act_family"], as_index=False)[list(MEASURES)].sum()
    # distinct members of a year lie between the largest quarter and the sum of the quarters
    per_quarter = detail.groupby(["act_family", "period_start"])["member_count"].sum().groupby("act_family")
    low, high = per_quarter.max(), per_quarter.sum()
    totals["member_count"] = [
        draw(st.integers(min_value=int(low[f]), max_value=int(high[f]))) for f in totals["act_family"]
    ]
    totals["population"] = 240
    return detail, totals


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_employer_tables())
def test_after_suppression_no_primary_cell_is_recovered_or_proven_small(tables):
    detail, totals = tables
    release = _release(detail, totals)
    suppress(release, RULES)
    report = audit(release, RULES)
    assert report.passed, report.reasons
    for entry in report.intervals:
        assert entry.low - 1e-6 <= entry.true_value <= entry.high + 1e-6  # the truth is always feasible
    zeros = release.tables[0].frame.query("member_count == 0")
    assert not zeros["masked"].any()  # a zero is never masked: masked cells say nothing about emptiness


def test_the_audit_checks_points_handed_to_it_before_trusting_them():
    """A point that breaks a published margin must not prove a masked cell protected."""
    import numpy as np

    detail = pd.DataFrame(
        [
            _cell(sex="F", member_count=4, ss_reimbursement=300.0, out_of_pocket=80.0),
            _cell(sex="M", member_count=16, ss_reimbursement=1200.0, out_of_pocket=400.0),
        ]
    )
    release = _primary_only(_release(detail))
    honest = audit(release, RULES)
    assert not honest.passed
    # Forged points: the F cell's count and amounts moved far from the truth, nothing else adjusted.
    rel = derive_relations(release, RULES)
    forged = []
    for (ti, row, measure), v in rel.variables.index.items():
        if ti == 0 and row == 0:
            true = float(release.tables[0].frame[measure].iat[0])
            forged.append((np.array([v]), np.array([true * 3 + 20])))
            forged.append((np.array([v]), np.array([true * 0.5])))
    release.points = forged
    again = audit(release, RULES)
    assert again.reasons == honest.reasons
