"""The prevention release over time: a published care year is final (docs/disclosure-control.md, section 4).

The prevention consumer receives, per care year, the members enrolled in the dental check-up programme and those
followed up within ``prevention_followup_months`` (6) of their check-up. A check-up late in 2025 is followed up in
2026: were 2025 published as soon as it ended, the release closing 2026 would revise it (the gate would refuse
every later prevention release, and a deliberate correction would hand the consumer the difference, down to one
member: red team finding G1). The consumer holds every release; the tests replay the releases a mutuelle would
make on the session demo's warehouse (a copy: care of 2025) as the care of 2026 lands month after month (the care of
July-December 2025 recurring 6 and 12 months later, where the contract still runs; no late claim: each release
holds all care before its cut-off).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.marts.dbt_support import run_dbt

MART = "mart_prevention__dental_checkup"
KEYS = ["care_year", "age_band", "sex"]
VALUES = ["masking", "member_count", "enrolled", "followed_up", "enrolment_rate", "follow_up_rate"]


def _land_2026_care(db: Path, before: str) -> None:
    """Care of 2026 with a care month before ``before`` lands in the warehouse: each line of July-December 2025
    recurs 6 and 12 months later (a member's care goes on, where the contract still runs), so that check-ups late
    in 2025 get their follow-up early in 2026."""
    con = duckdb.connect(str(db))
    try:
        for shift in (6, 12):
            con.execute(
                f"""insert into pseudo.benefits
                select b.benefit_token || '-p{shift}', b.member_token, b.contract_token,
                       (b.care_month + interval {shift} month)::date, (b.payment_month + interval {shift} month)::date,
                       b.act_family, b.act_code, b.practitioner_type, b.actual_cost, b.ss_base, b.ss_reimbursement,
                       b.complementary_reimbursement, b.out_of_pocket, b.comment, b.updated_at,
                       epoch_us(now()) as _crossing  -- a new crossing's stamp (the atoms are incremental)
                from pseudo.benefits b join pseudo.contracts c using (contract_token)
                where b.care_month >= date '2025-07-01' and b.care_month < date '2026-01-01'
                  and (b.care_month + interval {shift} month)::date < ?::date
                  and (c.end_date is null or c.end_date >= (b.care_month + interval {shift} month)::date)
                  and b.benefit_token || '-p{shift}' not in (select benefit_token from pseudo.benefits)""",
                [before],
            )
    finally:
        con.close()


def _release(db: Path, target: Path, cutoff: str, *, parents: bool) -> pd.DataFrame:
    """The prevention mart built with publication cut-off ``cutoff`` (what that release would publish)."""
    select = [f"+{MART}"] if parents else ["int_disclosure__prevention_dental_checkup", MART]
    run_dbt("run", db, select=select, dbt_vars={"publication_cutoff": cutoff}, target=target)
    con = duckdb.connect(str(db), read_only=True)
    try:
        cells = con.execute(f"select * from marts.{MART}").fetchdf()
    finally:
        con.close()
    return cells.sort_values(KEYS).reset_index(drop=True)


def _year(cells: pd.DataFrame, year: int) -> pd.DataFrame:
    return cells[cells.care_year == year][KEYS + VALUES].reset_index(drop=True)


@pytest.fixture(scope="module")
def releases(demo_run, tmp_path_factory):
    """The releases of one warehouse copy as 2026 care lands: {name: mart cells}."""
    settings, _results = demo_run
    work = tmp_path_factory.mktemp("prevention-releases")
    db, target = work / "warehouse.duckdb", work / "target"
    shutil.copy2(settings.warehouse_db, db)
    out = {}
    # 2026-01-01: 2025 has ended, nothing of 2026 has landed.
    out["2026-01"] = _release(db, target, "2026-01-01", parents=True)
    # The same data read as if 2025's follow-up window were over: the figures the rule "a year is closed when it
    # ends" published on 2026-01-01 (nothing later than 2025 is in the warehouse, so no later cut-off adds care).
    out["ended_only"] = _release(db, target, "2026-07-01", parents=False)
    # 2026-07-01: January-June 2026 has landed; 2025's follow-up window (6 months) is over.
    _land_2026_care(db, "2026-07-01")
    out["2026-07"] = _release(db, target, "2026-07-01", parents=True)
    # 2027-01-01: the whole of 2026 has landed; 2026 has ended, its follow-up window has not.
    _land_2026_care(db, "2027-01-01")
    out["2027-01"] = _release(db, target, "2027-01-01", parents=True)
    # 2027-07-01: 2026's follow-up window is over (no care of 2027 here: the follow-ups of 2026 are what they are).
    out["2027-07"] = _release(db, target, "2027-07-01", parents=False)
    return out


def test_a_year_whose_follow_up_window_is_not_over_is_not_published(releases):
    assert 2025 not in set(releases["2026-01"].care_year), "2025 published before its follow-ups could land"
    assert 2026 not in set(releases["2027-01"].care_year), "2026 published before its follow-ups could land"
    assert set(releases["2026-07"].care_year) == {2025}
    assert set(releases["2027-01"].care_year) == {2025}
    assert set(releases["2027-07"].care_year) == {2025, 2026}


def test_every_published_prevention_cell_is_final(releases):
    """Each release's cells of each year, values and masks, are those of every later release."""
    order = ["2026-01", "2026-07", "2027-01", "2027-07"]
    published = 0
    for i, earlier in enumerate(order):
        for later in order[i + 1 :]:
            for year in sorted(set(releases[earlier].care_year)):
                before, after = _year(releases[earlier], year), _year(releases[later], year)
                pd.testing.assert_frame_equal(before, after, check_dtype=False, obj=f"{year}: {earlier} -> {later}")
                published += len(before)
    assert published > 0, "no release published a prevention cell: nothing shown final"
    shown = _year(releases["2026-07"], 2025)
    assert (shown.masking == "none").any() and (shown.followed_up > 0).any()


def test_control_closing_a_year_when_it_ends_revises_its_follow_up(releases):
    """Negative control: 2025 published as soon as it ended (the rule before the follow-up lag) differs from the
    2025 that the following releases compute once 2026 care has landed: the revision G1 found."""
    early, final = _year(releases["ended_only"], 2025), _year(releases["2027-01"], 2025)
    assert len(early) and len(early) == len(final)
    merged = early.merge(final, on=KEYS, suffixes=("", "_final"))
    moved = merged[merged.followed_up.fillna(-1) != merged.followed_up_final.fillna(-1)]
    assert len(moved) > 0, "the control found no revision: the test data cannot show G1"
