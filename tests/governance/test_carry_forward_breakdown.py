"""Releases over time: a published closed period is final, its breakdown included.

Attacker (DESIGN.md, "Disclosure control"): a consumer that keeps every release it received. If a care year it
already holds comes back at another generalisation level (chosen again once a new period closed: 10-year bands
instead of 20-year ones), the two releases together are two breakdowns of the same population, and a band masked
in one is the total minus the bands published in the other. The gate must refuse such a release, whatever dtype
either release stored its keys in, and must still accept a release that no longer carries that year at all.
"""

from __future__ import annotations

import pandas as pd

from governance.protection import _carry_forward
from governance.sdc import Rules, TableSpec

SPEC = TableSpec(
    name="mart_example",
    dimensions={"care_year": "year", "age_band": "age_band"},
    measures={"member_count": "distinct_members"},
)
RULES = Rules(k=11, dominance=0.85, p_percent=0.15)


def _cells(year, bands, counts, masked=None):
    n = len(bands)
    return pd.DataFrame(
        {
            "care_year": [year] * n,
            "age_band": bands,
            "member_count": counts,
            "masked": masked or [False] * n,
            "primary": [False] * n,
        }
    )


def test_the_same_cells_again_are_accepted():
    earlier = _cells(2025, ["0-19", "20-39"], [40.0, 50.0])
    assert _carry_forward(_cells(2025, ["0-19", "20-39"], [40.0, 50.0]), earlier, SPEC, RULES) == []


def test_a_published_year_at_another_level_is_refused():
    earlier = _cells(2025, ["0-39", "40+"], [90.0, 60.0])
    now = _cells(2025, ["0-19", "20-39", "40+"], [40.0, 50.0, 60.0], masked=[True, False, False])
    reasons = _carry_forward(now, earlier, SPEC, RULES)
    assert any("breakdown of published care year(s) 2025 changed" in r for r in reasons), reasons


def test_a_year_no_longer_released_is_not_a_change_of_breakdown():
    earlier = pd.concat([_cells(2024, ["0-39", "40+"], [80.0, 55.0]), _cells(2025, ["0-39"], [90.0])])
    now = _cells(2025, ["0-39"], [90.0])
    assert _carry_forward(now, earlier, SPEC, RULES) == []


def test_keys_stored_as_floats_still_meet_their_cells():
    """A release that stored the year as 2025.0 (a column with nulls read back as floats) is the same year: the
    revision of its published figure is seen, not lost because the keys' text differs."""
    earlier = _cells(2025.0, ["0-19"], [40.0])
    earlier["care_year"] = earlier["care_year"].astype(float)
    reasons = _carry_forward(_cells(2025, ["0-19"], [41.0]), earlier, SPEC, RULES)
    assert any("would be revised" in r for r in reasons), reasons
    assert not any("breakdown" in r for r in reasons), reasons
