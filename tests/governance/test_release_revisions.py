"""Releases over time: a figure published for a closed period is final, whatever its kind.

Red-team finding: a late bill for a member already counted in a benchmark cell moved the
published *average* (count unchanged), and the difference times the count gave that one bill to
every employer. The gate compared only counts and totals between releases; it must compare every
published measure, averages included.
"""

from __future__ import annotations

import pandas as pd

from governance.protection import _carry_forward, rules_for
from governance.sdc.model import TableSpec

SPEC = TableSpec(
    name="mart_employer__benchmark",
    dimensions={"year": "year", "act_family": "family", "age_band": "age_band", "sex": "sex"},
    measures={"member_count": "distinct_members", "avg_actual_cost": "average"},
    population_known=False,
)


def _frame(avg: float, count: int = 40, masked: bool = False) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": ["2025", "2025"],
            "act_family": ["hospital", "dental"],
            "age_band": ["40-59", "40-59"],
            "sex": ["F", "F"],
            "member_count": [count, 25],
            "avg_actual_cost": [avg, 210.0],
            "population": [float("nan")] * 2,
            "primary": [False, False],
            "masked": [masked, False],
        }
    )


def test_a_late_bill_that_moves_only_an_average_is_refused() -> None:
    earlier = _frame(1300.00)
    later = _frame(1385.31)  # same 40 people, one late bill of ~3,412 €: the count does not move
    reasons = _carry_forward(later, earlier, SPEC, rules_for("insurer"))
    assert reasons and "revised" in reasons[0], reasons


def test_an_unchanged_release_is_accepted_and_masks_carry_forward() -> None:
    assert _carry_forward(_frame(1300.00), _frame(1300.00), SPEC, rules_for("insurer")) == []
    later = _frame(1385.31)
    assert _carry_forward(later, _frame(1300.00, masked=True), SPEC, rules_for("insurer")) == []
    assert bool(later.loc[0, "masked"]), "a cell masked before must stay masked"


def test_a_revised_count_is_still_refused() -> None:
    reasons = _carry_forward(_frame(1300.00, count=41), _frame(1300.00), SPEC, rules_for("insurer"))
    assert reasons and "revised" in reasons[0], reasons
