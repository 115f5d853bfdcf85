"""The attacker toolkit tested on hand-made releases (no pipeline).

Each breach below is a case a per-table heuristic misses: a margin published in another table, a
secondary mask that protects in one direction only, a hidden common margin of two breakdowns, a
published ratio beside a masked amount, a second run. The toolkit must find every one of them,
and must find nothing in the safe releases at the end.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.marts import attack_toolkit as at

SIRET = "12345678900011"
EMP = f"employer/{SIRET}"
AMOUNTS = ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")


def _split(cost: float) -> dict[str, float]:
    ss = round(cost * 0.6, 2)
    comp = round(cost * 0.25, 2)
    return {
        "actual_cost": cost,
        "ss_reimbursement": ss,
        "complementary_reimbursement": comp,
        "out_of_pocket": round(cost - ss - comp, 2),
    }


def cells(rows: list[dict], mart: str, consumer: str = EMP, run: str = "r1", **constant) -> at.Table:
    """A cell table; rows carry their true values and ``masked``: masked rows lose every value."""
    out = []
    for r in rows:
        r = {**constant, **r}
        masked = r.pop("masked", False)
        if "cost" in r:
            r.update(_split(r.pop("cost")))
        if masked:
            r = {c: (None if c in at.MEASURE_COLUMNS or at.ratio_of(c) else v) for c, v in r.items()}
        r["masking"] = "masked" if masked else "none"
        out.append(r)
    return at.table_from_frame(pd.DataFrame(out), mart, consumer, run)


def consumption(rows: list[dict], **kw) -> at.Table:
    base = {
        "employer_siret": SIRET,
        "care_year": 2023,
        "period_start": "2023-01-01",
        "period_grain": "year",
        "age_band": "all",
        "sex": "all",
        "act_family": "all",
    }
    return cells([{**base, **r} for r in rows], "mart_employer__consumption", **kw)


def totals(rows: list[dict], **kw) -> at.Table:
    return cells([{"employer_siret": SIRET, "care_year": 2023, **r} for r in rows], "mart_employer__totals", **kw)


def release(*tables: at.Table) -> at.Release:
    return at.Release(list(tables))


def kinds(result: at.AttackResult, column: str | None = None) -> dict[str, set[tuple[str, int]]]:
    """kind -> {(mart, row)} of masked cells, optionally for one column."""
    out: dict[str, set[tuple[str, int]]] = {}
    for f in result.findings:
        for ti, ri, col in f.refs:
            if column is None or col == column:
                out.setdefault(f.kind, set()).add((result.release.tables[ti].mart, ri))
    return out


# --- breaches the toolkit must find ---------------------------------------------------------------


def test_twenty_is_ten_plus_ten_margins_in_other_tables():
    """2 x 2 (family x sex): both consultation cells masked (10 and 10 members); the family margin is in
    the totals table and the sex margin (all families) in a third table. Within the first table each
    masked cell has a masked partner in its row: a per-table heuristic calls it safe. Linked:
    F + M = 20, and the distinct women of any family (40) minus the dental women (30) leaves at least
    10 consulting women, likewise 10 men: both counts are recovered, and both amounts."""
    cons = consumption(
        [
            {
                "act_family": "consultation",
                "sex": "F",
                "member_count": 10,
                "benefit_line_count": 14,
                "cost": 800.0,
                "masked": True,
            },
            {
                "act_family": "consultation",
                "sex": "M",
                "member_count": 10,
                "benefit_line_count": 12,
                "cost": 700.0,
                "masked": True,
            },
            {"act_family": "dental", "sex": "F", "member_count": 30, "benefit_line_count": 40, "cost": 6000.0},
            {"act_family": "dental", "sex": "M", "member_count": 25, "benefit_line_count": 30, "cost": 5000.0},
        ]
    )
    tot = totals(
        [
            {"act_family": "consultation", "member_count": 20, "cost": 1500.0},
            {"act_family": "dental", "member_count": 55, "cost": 11000.0},
        ]
    )
    by_sex = cells(
        [
            {
                "employer_siret": SIRET,
                "care_year": 2023,
                "act_family": "all",
                "sex": "F",
                "member_count": 40,
                "cost": 6800.0,
            },
            {
                "employer_siret": SIRET,
                "care_year": 2023,
                "act_family": "all",
                "sex": "M",
                "member_count": 35,
                "cost": 5700.0,
            },
        ],
        "mart_employer__sex_totals",
    )
    # Alone, the consumption table gives nothing away.
    alone = at.attack(release(cons))
    assert not alone.by_kind("recovered") and not alone.by_kind("proven_small")
    result = at.attack(release(cons, tot, by_sex))
    rec = kinds(result)
    assert {("mart_employer__consumption", 0), ("mart_employer__consumption", 1)} <= rec["recovered"]
    assert {("mart_employer__consumption", 0), ("mart_employer__consumption", 1)} <= rec["proven_small"]
    for b in result.bounds:
        if b.var[1] == "member_count":
            assert b.lo == b.hi == 10
        if b.var[1] == "actual_cost":
            assert b.hi - b.lo < 0.1


def test_single_secondary_mask_in_a_margin():
    """One primary cell (a, F) masked; its row margin (family a) masked as the secondary. The column
    margin (all families, F) is published elsewhere: the amount of (a, F) falls out by subtraction."""
    cons = consumption(
        [
            {"act_family": "a", "sex": "F", "member_count": 4, "benefit_line_count": 5, "cost": 300.0, "masked": True},
            {"act_family": "a", "sex": "M", "member_count": 20, "benefit_line_count": 30, "cost": 2000.0},
            {"act_family": "b", "sex": "F", "member_count": 25, "benefit_line_count": 30, "cost": 2500.0},
            {"act_family": "b", "sex": "M", "member_count": 30, "benefit_line_count": 40, "cost": 3100.0},
            {"act_family": "c", "sex": "F", "member_count": 15, "benefit_line_count": 16, "cost": 900.0},
            {"act_family": "c", "sex": "M", "member_count": 12, "benefit_line_count": 13, "cost": 950.0},
        ]
    )
    tot = totals(
        [
            {"act_family": "a", "member_count": 24, "cost": 2300.0, "masked": True},
            {"act_family": "b", "member_count": 55, "cost": 5600.0},
            {"act_family": "c", "member_count": 27, "cost": 1850.0},
        ]
    )
    margin = consumption(
        [
            {"sex": "F", "member_count": 40, "benefit_line_count": 51, "cost": 3700.0},
            {"sex": "M", "member_count": 50, "benefit_line_count": 83, "cost": 6050.0},
        ]
    )
    margin.mart = "mart_employer__consumption_by_sex"
    result = at.attack(release(cons, tot, margin))
    rec = kinds(result, "actual_cost")
    assert ("mart_employer__consumption", 0) in rec["recovered"]
    assert ("mart_employer__totals", 0) in rec["recovered"]
    lines = kinds(result, "benefit_line_count")
    assert ("mart_employer__consumption", 0) in lines["recovered"]


def test_quarter_inside_the_year_total():
    """Quarterly cells with one quarter masked and the year published in the totals: recovered."""
    rows = [
        {
            "period_grain": "quarter",
            "period_start": f"2023-{m:02d}-01",
            "act_family": "optics",
            "member_count": n,
            "benefit_line_count": n,
            "cost": c,
            "masked": q == 0,
        }
        for q, (m, n, c) in enumerate([(1, 3, 600.0), (4, 12, 2400.0), (7, 14, 2800.0), (10, 15, 3000.0)])
    ]
    tot = totals([{"act_family": "optics", "member_count": 41, "cost": 8800.0}])
    result = at.attack(release(consumption(rows), tot))
    assert ("mart_employer__consumption", 0) in kinds(result, "actual_cost")["recovered"]
    # distinct members are only sub-additive across quarters: the count is not recovered
    assert ("mart_employer__consumption", 0) not in kinds(result, "member_count").get("recovered", set())


def test_departement_inside_its_region():
    """An insurer table by departement with one masked; the region total published in another table."""
    base = {
        "care_year": 2024,
        "period_start": "2024-01-01",
        "period_grain": "year",
        "act_family": "all",
        "age_band": "all",
        "sex": "all",
    }
    bretagne = ["22", "29", "35", "56"]
    dep = cells(
        [
            {
                **base,
                "geo_level": "departement",
                "geo_area": d,
                "member_count": 30 + i,
                "benefit_line_count": 60 + i,
                "cost": 1000.0 + 100 * i,
                "masked": i == 0,
            }
            for i, d in enumerate(bretagne)
        ],
        "mart_insurer__consumption",
        "insurer",
    )
    reg = cells(
        [
            {
                **base,
                "geo_level": "region",
                "geo_area": "Bretagne",
                "member_count": 126,
                "benefit_line_count": 246,
                "cost": 4600.0,
            }
        ],
        "mart_insurer__consumption_region",
        "insurer",
    )
    result = at.attack(release(dep, reg))
    assert ("mart_insurer__consumption", 0) in kinds(result, "member_count")["recovered"]
    assert ("mart_insurer__consumption", 0) in kinds(result, "actual_cost")["recovered"]


def test_nested_age_bands_across_two_tables():
    base = {
        "care_year": 2024,
        "period_start": "2024-01-01",
        "period_grain": "year",
        "act_family": "dental",
        "sex": "F",
        "geo_level": "country",
        "geo_area": "FR",
    }
    ten = cells(
        [
            {**base, "age_band": b, "member_count": n, "benefit_line_count": n, "cost": c, "masked": b == "20-29"}
            for b, n, c in [
                ("0-9", 20, 900.0),
                ("10-19", 25, 1000.0),
                ("20-29", 5, 400.0),
                ("30-39", 30, 2000.0),
                ("40-49", 30, 2100.0),
                ("50-59", 31, 2200.0),
                ("60-69", 33, 2500.0),
                ("70-79", 34, 2600.0),
                ("80+", 20, 1800.0),
            ]
        ],
        "mart_insurer__consumption",
        "insurer",
    )
    twenty = cells(
        [{**base, "age_band": "20-39", "member_count": 35, "benefit_line_count": 35, "cost": 2400.0}],
        "mart_insurer__consumption_20",
        "insurer",
    )
    result = at.attack(release(ten, twenty))
    assert ("mart_insurer__consumption", 2) in kinds(result, "member_count")["proven_small"]
    assert ("mart_insurer__consumption", 2) in kinds(result, "actual_cost")["recovered"]


def test_hidden_common_margin_of_two_breakdowns():
    """Table A by sex, table B by age band, no total published anywhere: both sum to the same hidden
    margin, so A's masked cell is B's sum minus A's published cell."""
    a = consumption(
        [
            {"sex": "F", "member_count": 7, "benefit_line_count": 9, "cost": 500.0, "masked": True},
            {"sex": "M", "member_count": 30, "benefit_line_count": 50, "cost": 3000.0},
        ]
    )
    b = cells(
        [
            {
                "employer_siret": SIRET,
                "care_year": 2023,
                "period_start": "2023-01-01",
                "period_grain": "year",
                "act_family": "all",
                "sex": "all",
                "age_band": band,
                "member_count": n,
                "benefit_line_count": ln,
                "cost": c,
            }
            for band, n, ln, c in [("0-39", 17, 29, 1700.0), ("40+", 20, 30, 1800.0)]
        ],
        "mart_employer__by_age",
    )
    result = at.attack(release(a, b))
    assert ("mart_employer__consumption", 0) in kinds(result, "member_count")["recovered"]
    assert ("mart_employer__consumption", 0) in kinds(result, "actual_cost")["recovered"]


def test_same_money_in_a_table_by_product():
    """The insurer's complementary reimbursements by act family (one masked) and by product (the loss
    ratio table, all published): both sum to the year's reimbursements, so the masked one falls out."""
    base = {"care_year": 2024, "period_start": "2024-01-01", "period_grain": "year", "age_band": "all", "sex": "all"}
    care = cells(
        [
            {**base, "act_family": "dental", "member_count": 8, "cost": 2000.0, "masked": True},
            {**base, "act_family": "optics", "member_count": 40, "cost": 9000.0},
        ],
        "mart_insurer__consumption",
        "insurer",
    )
    loss = cells(
        [
            {
                "care_year": 2024,
                "product_code": p,
                "segment": "individual",
                "member_count": n,
                "premiums_earned": pr,
                "complementary_reimbursement": cr,
                "loss_ratio": round(cr / pr, 4),
            }
            for p, n, pr, cr in [("BASE", 30, 12000.0, 500.0), ("PLUS", 25, 15000.0, 2250.0)]
        ],
        "mart_insurer__loss_ratio",
        "insurer",
    )
    assert not at.attack(release(care)).by_kind("recovered")
    result = at.attack(release(care, loss))
    assert ("mart_insurer__consumption", 0) in kinds(result, "complementary_reimbursement")["recovered"]


def test_published_ratio_beside_a_masked_amount():
    """out_of_pocket masked but its share of actual_cost published: pinned to a few euros."""
    t = at.table_from_frame(
        pd.DataFrame(
            [
                {
                    "care_year": 2024,
                    "act_family": "optics",
                    "member_count": 50,
                    "actual_cost": 20000.0,
                    "out_of_pocket": None,
                    "out_of_pocket_share": 0.3821,
                    "out_of_pocket_per_member": None,
                    "masking": "masked",
                },
            ]
        ),
        "mart_insurer__out_of_pocket",
        "insurer",
    )
    result = at.attack(release(t))
    assert kinds(result, "out_of_pocket").keys() & {"recovered", "pinned"}
    assert any(f.kind == "value_on_masked_row" for f in at.masking_findings(release(t)))


def test_dominated_average_and_p_percent():
    """A benchmark average over 12 members where one member carries 90 % of the amount."""
    contrib = pd.DataFrame(
        {"cell": [0] * 12 + [1] * 12, "value": [9000.0] + [90.0] * 11 + [100.0 + i for i in range(12)]}
    )
    conc = at.concentration(contrib)
    assert bool(conc.loc[0, "dominated"]) and bool(conc.loc[0, "p_unsafe"])
    assert not conc.loc[1, "dominated"] and not conc.loc[1, "p_unsafe"]
    # two members dominate together: 50 % + 45 %, the rest 5 %: not dominated by one, but p % unsafe
    pair = at.concentration(pd.DataFrame({"cell": [0] * 11, "value": [5000.0, 4500.0] + [50.0] * 9}))
    assert not pair.loc[0, "dominated"] and bool(pair.loc[0, "p_unsafe"])


def test_known_population_proves_a_masked_count_small():
    """The employer knows it has 8 women: a masked women's cell is at most 8, and the row itself
    describes a population under k."""
    cons = consumption(
        [
            {
                "act_family": "dental",
                "sex": "F",
                "member_count": 6,
                "benefit_line_count": 7,
                "cost": 900.0,
                "masked": True,
            },
            {"act_family": "dental", "sex": "M", "member_count": 25, "benefit_line_count": 30, "cost": 4000.0},
        ]
    )
    pop = pd.DataFrame(
        {
            "scope": [SIRET] * 4,
            "year": [2023] * 4,
            "sex": ["F", "F", "M", "M"],
            "age": [30, 50, 30, 50],
            "count": [4, 4, 20, 20],
        }
    )
    result = at.attack(release(cons), population=pop)
    assert ("mart_employer__consumption", 0) in kinds(result, "member_count")["proven_small"]
    assert [f.kind for f in at.population_findings(release(cons), pop)] == ["population_under_k"]
    # without the background knowledge nothing is proven
    assert not at.attack(release(cons)).by_kind("proven_small")


def test_known_bill_of_a_colleague():
    """Hospital: two consumers, the total published, both sex cells masked. The attacker knows the bill
    of a colleague who is the only man of the employer: the woman's bill is the total minus his."""
    cons = consumption(
        [
            {
                "act_family": "hospital",
                "sex": "F",
                "member_count": 1,
                "benefit_line_count": 1,
                "cost": 5000.0,
                "masked": True,
            },
            {
                "act_family": "hospital",
                "sex": "M",
                "member_count": 1,
                "benefit_line_count": 1,
                "cost": 200.0,
                "masked": True,
            },
        ]
    )
    tot = totals([{"act_family": "hospital", "member_count": 2, "cost": 5200.0}])
    assert not at.attack(release(cons, tot)).by_kind("recovered")
    fact = at.Fact(
        "care",
        "actual_cost",
        {
            "employer_siret": SIRET,
            "care_year": 2023,
            "act_family": "hospital",
            "sex": "M",
            "period_start": "2023-01-01",
            "period_grain": "year",
        },
        lo=200.0,
        hi=200.0,
        consumer=EMP,
    )
    result = at.attack(release(cons, tot), facts=[fact])
    assert ("mart_employer__consumption", 0) in kinds(result, "actual_cost")["recovered"]


def test_two_runs_differencing_and_revision():
    """Run 1 masks the women's cell and the total; run 2 (same closed year) publishes the total at a
    coarser level: the women's cell falls out. A revised closed-period value is reported too."""
    r1 = consumption(
        [
            {
                "act_family": "dental",
                "sex": "F",
                "member_count": 5,
                "benefit_line_count": 6,
                "cost": 700.0,
                "masked": True,
            },
            {"act_family": "dental", "sex": "M", "member_count": 20, "benefit_line_count": 30, "cost": 3000.0},
        ],
        run="r1",
    )
    r2 = consumption(
        [{"act_family": "dental", "sex": "all", "member_count": 25, "benefit_line_count": 36, "cost": 3700.0}], run="r2"
    )
    assert not at.attack(release(r1)).by_kind("recovered")
    result = at.attack(release(r1, r2))
    assert ("mart_employer__consumption", 0) in kinds(result, "actual_cost")["recovered"]
    assert ("mart_employer__consumption", 0) in kinds(result, "member_count")["proven_small"]
    # a late bill changed a published closed-period cell between runs: differencing gives that bill
    t1 = totals([{"act_family": "dental", "member_count": 25, "cost": 3700.0}], run="r1")
    t2 = totals([{"act_family": "dental", "member_count": 25, "cost": 3912.5}], run="r2")
    assert any(f.kind == "revised" for f in at.revision_findings([t1], [t2]))
    assert any(f.kind == "inconsistent" for f in at.attack(release(t1, t2)).findings)
    # a cell masked in run 1 and published in run 2
    t3 = totals([{"act_family": "dental", "member_count": 25, "cost": 3700.0, "masked": True}], run="r1")
    assert any(f.kind == "unmasked_in_later_run" for f in at.revision_findings([t3], [t1]))


def test_reason_leaks_values_on_masked_rows_and_existence():
    t = consumption(
        [
            {"act_family": "dental", "sex": "F", "member_count": 5, "cost": 700.0, "masked": True},
            {"act_family": "dental", "sex": "M", "member_count": 20, "cost": 3000.0},
            {"act_family": "optics", "sex": "M", "member_count": 20, "cost": 3000.0},
        ]
    )
    t.df.loc[0, "masking"] = "primary_k"
    t.df.loc[0, "member_count"] = 0  # a zero left on a masked row
    t.df["suppression_reason"] = None
    found = {f.kind for f in at.masking_findings(release(t))}
    assert {"reason_leak", "reason_column", "value_on_masked_row"} <= found
    # the (optics, F) row is absent: its absence says nobody / too few
    grid = {f.kind for f in at.grid_findings(release(t))}
    assert "incomplete_grid" in grid
    other = consumption([{"act_family": "audiology", "sex": s, "member_count": 20, "cost": 1.0} for s in "FM"])
    assert "missing_domain_values" in {f.kind for f in at.grid_findings(release(t, other))}


def test_member_level_uniqueness_and_exact_amounts():
    rows = [
        {
            "care_year": 2024,
            "age_band": "40-49",
            "sex": "F",
            "geo_area": "Bretagne",
            "main_act_family": "pharmacy",
            "consumption_dental": "0-100",
        }
        for _ in range(12)
    ]
    rows[0]["consumption_dental"] = "1000+"  # one woman of the class with a big dental bill
    t = at.table_from_frame(pd.DataFrame(rows), "mart_dataviz__member_profiles", "dataviz")
    assert any(f.kind == "unique_record" and "consumption_dental" in f.detail for f in at.uniqueness_findings(t))
    exact = at.table_from_frame(
        pd.DataFrame({"consumption_optics": [123.45 + i for i in range(60)]}),
        "mart_dataviz__member_profiles",
        "dataviz",
    )
    assert at.banding_findings(exact)


def test_manifest_figure_over_other_consumers():
    t = totals([{"act_family": "dental", "member_count": 25, "cost": 3700.0}])
    rel = release(t)
    rel.manifests.append(
        (
            EMP,
            "r1",
            {
                "files": [{"mart": "mart_employer__totals", "rows": 1, "checks": {"k": {"min_cell_size": 11}}}],
                "information_loss": {"mart_employer__totals": {"masked_cell_share": 0.137}},
            },
        )
    )
    found = at.manifest_findings(rel)
    assert [f.kind for f in found] == ["manifest_figure"]
    rel.manifests[0][2]["files"][0]["rows"] = 2
    assert "manifest_mismatch" in {f.kind for f in at.manifest_findings(rel)}


def test_benchmark_minus_own_cell_describes_other_employers():
    """The pooled benchmark counts 15 women aged 20-39 for dental; the employer's own cell counts 12:
    the other employers' women in that cell are 3."""
    bench = cells(
        [
            {
                "care_year": 2023,
                "act_family": "dental",
                "age_band": "20-39",
                "sex": "F",
                "member_count": 15,
                "actual_cost_per_member": 150.0,
            },
            {
                "care_year": 2023,
                "act_family": "dental",
                "age_band": "20-39",
                "sex": "M",
                "member_count": 40,
                "actual_cost_per_member": 120.0,
            },
        ],
        "mart_employer__benchmark",
    )
    own = consumption(
        [
            {"act_family": "dental", "age_band": "20-39", "sex": "F", "member_count": 12, "cost": 1500.0},
            {"act_family": "dental", "age_band": "20-39", "sex": "M", "member_count": 12, "cost": 1500.0},
        ]
    )
    found = at.benchmark_residual_findings(release(bench, own))
    assert [f.kind for f in found] == ["benchmark_residual_under_k"]
    own.df.loc[0, "member_count"] = 20
    assert [f.kind for f in at.benchmark_residual_findings(release(bench, own))] == ["benchmark_excludes_recipient"]


def test_every_member_consumed_is_reported():
    cons = consumption(
        [
            {"act_family": "pharmacy", "sex": "F", "member_count": 12, "cost": 900.0},
            {"act_family": "hospital", "sex": "F", "member_count": 0, "cost": 0.0},
            {"act_family": "dental", "sex": "F", "member_count": 5, "cost": 700.0},
        ]
    )
    pop = pd.DataFrame({"scope": [SIRET], "year": [2023], "sex": ["F"], "age": [40], "count": [12]})
    assert sorted(f.kind for f in at.homogeneity_findings(release(cons), pop)) == ["all_consumed", "none_consumed"]


# --- safe releases: nothing to find -------------------------------------------------------------------


def test_safe_rectangle_with_margins():
    """A 2 x 2 block of masked cells with every margin published: intervals stay wide."""
    cons = consumption(
        [
            {
                "act_family": "a",
                "sex": "F",
                "member_count": 12,
                "benefit_line_count": 20,
                "cost": 1500.0,
                "masked": True,
            },
            {
                "act_family": "a",
                "sex": "M",
                "member_count": 30,
                "benefit_line_count": 40,
                "cost": 3000.0,
                "masked": True,
            },
            {
                "act_family": "b",
                "sex": "F",
                "member_count": 35,
                "benefit_line_count": 45,
                "cost": 3500.0,
                "masked": True,
            },
            {
                "act_family": "b",
                "sex": "M",
                "member_count": 20,
                "benefit_line_count": 30,
                "cost": 1800.0,
                "masked": True,
            },
            {"act_family": "c", "sex": "F", "member_count": 40, "benefit_line_count": 60, "cost": 4000.0},
            {"act_family": "c", "sex": "M", "member_count": 45, "benefit_line_count": 60, "cost": 4100.0},
        ]
    )
    tot = totals(
        [
            {"act_family": f, "member_count": n, "cost": c}
            for f, n, c in [("a", 42, 4500.0), ("b", 55, 5300.0), ("c", 85, 8100.0)]
        ]
    )
    margin = consumption(
        [
            {"sex": "F", "member_count": 70, "benefit_line_count": 125, "cost": 9000.0},
            {"sex": "M", "member_count": 80, "benefit_line_count": 130, "cost": 8900.0},
        ]
    )
    margin.mart = "mart_employer__consumption_by_sex"
    result = at.attack(release(cons, tot, margin))
    assert not ({"recovered", "proven_small", "pinned"} & result.summary().keys()), [str(f) for f in result.findings]
    assert not at.masking_findings(release(cons, tot, margin))
    assert not at.grid_findings(release(cons, tot, margin))


def test_safe_table_without_margins_and_safe_member_table():
    cons = consumption(
        [
            {"act_family": f, "sex": s, "member_count": 20, "benefit_line_count": 30, "cost": 900.0, "masked": f == "a"}
            for f in "ab"
            for s in "FM"
        ]
    )
    result = at.attack(release(cons))
    assert not ({"recovered", "proven_small", "pinned"} & result.summary().keys())
    rows = [
        {
            "care_year": 2024,
            "age_band": "40-49",
            "sex": s,
            "geo_area": "Bretagne",
            "main_act_family": "pharmacy",
            "consumption_dental": band,
        }
        for s in "FM"
        for band in ("0-100", "100-500")
        for _ in range(11)
    ]
    t = at.table_from_frame(pd.DataFrame(rows), "mart_dataviz__member_profiles", "dataviz")
    assert not at.uniqueness_findings(t) and not at.banding_findings(t)


@pytest.mark.parametrize("p", [0.15])
def test_classify_protection_interval(p):
    # true 100: attacker interval [90, 120] breaks the lower side of +-15 %, [80, 120] does not
    assert at.protection_breaches(90, 120, 100, False, False, True, protection=p)
    assert not at.protection_breaches(80, 120, 100, False, False, True, protection=p)
    assert at.protection_breaches(0, 10, 4, True, True, True) == ["upper bound below k"]
    assert not at.protection_breaches(0, 11, 4, True, True, True)
