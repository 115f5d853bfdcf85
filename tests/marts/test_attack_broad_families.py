"""Broad care families: an employer subtracts its published figures to recover a masked one.

Attacker (DESIGN.md, "Disclosure control"): an employer's HR manager holding its own published folder (yearly
total, totals per act family, totals per broad care family, detailed consumption, the pooled benchmark) and its
staff list, who knows the public grouping of the act families (dbt_project/seeds/act_family_group.csv, printed in
its report). A broad family's total is the SUM of its act families' totals and the year's total the sum of the
broad families: "published group minus its published families" or "published year minus published groups" must
never give back a masked cell, nor narrow it within its protection levels (k members, +-15 % of each amount).

The attack is the independent toolkit (tests/marts/attack_toolkit.py), which reads only published files and the
public seed. The warehouse is opened only to CONFIRM a finding against the true values.

On the demo, the gate run in-process with the broad families included passes its own audit, yet this attack
still recovers masked measures there (a published broad family whose out-of-pocket is 0 pins its masked families'
out-of-pocket to 0; the gate counts a cell recovered only when every measure is): so the broad level is built,
related and tested, but held back from the release (its contract's ``held_back`` property), and a test checks that
no folder holds it. The demo tests below check the relations on the true values and the hold-back.

The negative control proves the attack can fail: on a small constructed employer, the real gate
(governance.sdc: HiGHS suppression and audit, with the employer's real rules and contracts) is run once knowing
which act families each broad family covers and once not knowing it (its cell table without the ``act_families``
column, so "group = sum of its families" is unknown to it); the same attack recovers the masked cell in the
second case only.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from confiance.contracts import feed_contracts
from confiance.settings import DBT_PROJECT_DIR
from governance.protection import rules_for, table_spec
from governance.sdc import CellTable, Release, audit, suppress
from tests.marts import attack_toolkit as at

BROAD = "mart_employer__broad_families"
TOTALS = "mart_employer__totals"
YEARLY = "mart_employer__yearly"
OWN = (YEARLY, TOTALS, BROAD, "mart_employer__consumption")
AMOUNTS = ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
SIRET = "10000000000001"
SEED = DBT_PROJECT_DIR / "seeds" / "act_family_group.csv"


def test_the_grouping_covers_every_act_family_once():
    """The seed is the grouping's one home: every act family of the benefits contract in exactly one broad family
    (otherwise a broad total would not be the sum the attacker and the gate assume), and each broad family has
    one French and one English name."""
    seed = pd.read_csv(SEED, dtype=str)
    column = next(c for c in feed_contracts()["benefits"].columns if c.name == "act_family")
    assert sorted(seed["act_family"]) == sorted(column.options["enum"])
    assert not seed["act_family"].duplicated().any()
    labels = seed.groupby("broad_family")[["broad_family_label_fr", "broad_family_label_en"]].nunique()
    assert (labels == 1).all().all()
    assert 1 < seed["broad_family"].nunique() < len(seed), "a grouping must group"


# --- the negative control: a small constructed employer ----------------------------------------------------------

# act family: (members, benefit lines, actual cost). Paramedical has 4 consumers (< k): masked. The cheapest other
# cells to mask (hospital, audiology: 12 members) lie outside routine care, so a gate that ignores "routine care =
# consultation + paramedical + laboratory + radiology" leaves routine care and its three other families published.
FAMILIES = {
    "consultation": (30, 120, 3000.00),
    "paramedical": (4, 10, 400.00),
    "laboratory": (20, 40, 800.00),
    "radiology": (25, 30, 900.00),
    "pharmacy": (35, 300, 5000.00),
    "hospital": (12, 12, 6000.00),
    "dental": (18, 30, 2500.00),
    "optics": (16, 16, 3200.00),
    "audiology": (12, 12, 4000.00),
}
#: distinct members of each broad family and of the year (between the largest part and the sum of the parts)
GROUP_MEMBERS = {"routine_care": 35, "pharmacy": 35, "hospital": 12, "dental_optics_audiology": 30}
YEAR_MEMBERS = 38
POPULATION = 40


def _grouping() -> dict[str, list[str]]:
    seed = pd.read_csv(SEED, dtype=str)
    return {g: sorted(part["act_family"]) for g, part in seed.groupby("broad_family")}


def _cell(members: int, lines: int, cost: float) -> dict[str, float]:
    ss, comp = round(cost * 0.6, 2), round(cost * 0.3, 2)
    row = {
        "member_count": members,
        "benefit_line_count": lines,
        "actual_cost": cost,
        "ss_reimbursement": ss,
        "complementary_reimbursement": comp,
        "out_of_pocket": round(cost - ss - comp, 2),
        "population": POPULATION,
    }
    for m in AMOUNTS:  # no one dominates: only the count rule (k) makes a cell sensitive here
        row[f"{m}_top1"], row[f"{m}_top2"] = round(row[m] * 0.2, 2), round(row[m] * 0.15, 2)
    return row


def _constructed(gate_knows_the_grouping: bool) -> Release:
    base = {"employer_siret": SIRET, "care_year": 2025, "primary": False, "masked": False}
    totals = pd.DataFrame([{**base, "act_family": f, **_cell(*v)} for f, v in FAMILIES.items()])
    groups = []
    for g, families in _grouping().items():
        parts = [FAMILIES[f] for f in families]
        row = {**base, "broad_family": g, **_cell(GROUP_MEMBERS[g], sum(p[1] for p in parts), sum(p[2] for p in parts))}
        if gate_knows_the_grouping:
            row["act_families"] = "+".join(families)
        groups.append(row)
    yearly = {**base, **_cell(YEAR_MEMBERS, totals["benefit_line_count"].sum(), float(totals["actual_cost"].sum()))}
    for m in AMOUNTS:  # the year's amounts are the exact sums of the families' (no rounding gap)
        yearly[m] = round(float(totals[m].sum()), 2)
    return Release(
        f"employer/{SIRET}",
        [
            CellTable(table_spec(YEARLY), pd.DataFrame([yearly])),
            CellTable(table_spec(TOTALS), totals),
            CellTable(table_spec(BROAD), pd.DataFrame(groups)),
        ],
    )


def _published(table: CellTable) -> pd.DataFrame:
    """The table as the employer receives it: dimensions, measures emptied where masked, masking none|masked."""
    spec = table.spec
    frame = table.frame
    out = frame[[spec.partition, *spec.dimensions]].copy()
    masked = frame["masked"].astype(bool).to_numpy()
    for m in spec.measures:
        out[m] = frame[m].astype(float).where(~masked)
    out["masking"] = np.where(masked, "masked", "none")
    return out


@pytest.mark.parametrize("gate_knows_the_grouping", [True, False], ids=["relation_known", "relation_removed"])
def test_constructed_employer_negative_control(gate_knows_the_grouping):
    """The gate's suppression and audit, then the attacker's LP on what would be published. Knowing the relation,
    the masked paramedical cell keeps its protection (count not provable below k, each amount free +-15 %);
    without it the gate still passes its own audit, and the attacker recovers the cell exactly."""
    release = _constructed(gate_knows_the_grouping)
    rules = rules_for("employer")
    counts = suppress(release, rules)
    report = audit(release, rules)
    assert counts["primary"] >= 1 and report.passed, report.reasons
    tables = [at.table_from_frame(_published(t), t.spec.name, consumer=f"employer/{SIRET}") for t in release.current()]
    totals = tables[1].df
    para = int(np.flatnonzero(totals["act_family"].to_numpy() == "paramedical")[0])
    assert totals.loc[para, "masking"] == "masked"
    result = at.attack(at.Release(tables))
    truth = release.tables[1].frame.iloc[para]
    breaches = []
    for b in result.bounds:
        for ti, ri, col in b.refs:
            if ti == 1 and ri == para:
                true = float(truth[col])
                breaches += at.protection_breaches(b.lo, b.hi, true, b.integer, b.people, primary=True)
    exposed = [f for f in result.findings if f.kind in ("recovered", "proven_small", "pinned")]
    if gate_knows_the_grouping:
        assert not breaches and not exposed, (breaches, [str(f) for f in exposed])
        # routine care published beside its three other families would give paramedical back: the gate masked
        # routine care or a second of its families
        routine = _grouping()["routine_care"]
        hidden = int(totals[totals.act_family.isin(routine)].masking.eq("masked").sum())
        broad = tables[2].df
        assert hidden >= 2 or broad.loc[broad.broad_family == "routine_care", "masking"].eq("masked").all()
    else:
        assert "recovered" in breaches, "the attack should recover the cell the gate left unprotected"


# --- the demo ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_run):
    settings, _results = demo_run
    root = settings.published / "employer"
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []
    assert folders, "the demo published no employer folder"
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    yield settings, folders, con
    con.close()


def test_the_broad_cells_are_exact_sums_of_the_act_families_and_add_up_to_the_year(demo):
    """The relations the gate and the attacker assume hold on the true values of every demo employer: each broad
    family's amounts and line counts are the sums of its act families' cells (int_disclosure__employer_totals), the
    broad families add up to the year (int_disclosure__employer_yearly), and each broad member count lies between
    the largest of its families' counts and their sum."""
    _settings, _folders, con = demo
    grouping = _grouping()
    broad = con.execute("select * from intermediate.int_disclosure__employer_broad_families").df()
    totals = con.execute("select * from intermediate.int_disclosure__employer_totals").df()
    yearly = con.execute("select * from intermediate.int_disclosure__employer_yearly").df()
    assert len(broad) == len(yearly) * len(grouping), "one cell per employer, year and broad family"
    additive = ["benefit_line_count", *AMOUNTS]
    fam = totals.set_index(["employer_siret", "care_year", "act_family"])
    for row in broad.itertuples():
        parts = fam.loc[[(row.employer_siret, row.care_year, f) for f in grouping[row.broad_family]]]
        assert row.act_families == "+".join(sorted(grouping[row.broad_family]))
        for m in additive:
            assert float(getattr(row, m)) == pytest.approx(float(parts[m].astype(float).sum()), abs=0.005), m
        assert parts.member_count.max() <= row.member_count <= parts.member_count.sum()
    sums = broad.groupby(["employer_siret", "care_year"])[additive].sum().astype(float)
    year = yearly.set_index(["employer_siret", "care_year"])[additive].astype(float).loc[sums.index]
    assert np.allclose(sums.to_numpy(), year.to_numpy(), atol=0.005)


def test_the_broad_level_is_held_back_from_every_employer_folder(demo):
    """Until the gate blocks what the attack still finds (docs/disclosure-control.md), no employer receives the
    broad families: no Parquet, no CSV, no section of its report, no line of its manifest."""
    _settings, folders, _con = demo
    for folder in folders:
        names = {p.name for p in folder.iterdir()}
        assert f"{BROAD}.parquet" not in names, folder.name
        assert "totaux_grandes_familles.csv" not in names, folder.name
        assert BROAD not in (folder / "manifest.json").read_text(encoding="utf-8"), folder.name
        for page in ("rapport_fr.html", "report_en.html"):
            assert 'id="broad"' not in (folder / page).read_text(encoding="utf-8"), (folder.name, page)
