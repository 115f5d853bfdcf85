"""Broad care families: an employer subtracts its published figures to recover a masked one.

Attacker (DESIGN.md, "Disclosure control"): an employer's HR manager holding its own published folder (yearly
total, totals per act family, totals per broad care family, detailed consumption, the pooled benchmark) and its
staff list, who knows the public grouping of the act families (dbt_project/seeds/act_family_group.csv, printed in
its report). A broad family's total is the SUM of its act families' totals and the year's total the sum of the
broad families: "published group minus its published families" or "published year minus published groups" must
never give back a masked figure — not even ONE measure of a masked cell (a published broad family whose
out-of-pocket is 0 tells that each of its masked families' out-of-pocket is 0: amounts are never negative) — nor
narrow a sensitive cell within its protection levels (k members, +-15 % of each amount).

The attack is the independent toolkit (tests/marts/attack_toolkit.py), which reads only published files and the
public seed. The warehouse is opened only to CONFIRM a finding against the true values.

Negative controls prove the attack can fail: on a small constructed employer, (1) the real gate (governance.sdc:
HiGHS suppression and audit, with the employer's real rules and contracts) is run once knowing which act
families each broad family covers and once not knowing it (its cell table without the ``act_families`` column):
the same attack recovers the masked cell in the second case only; (2) with every routine-care family's
out-of-pocket at 0, the pattern an all-measures rule accepts (the sensitive family and one other routine-care
family masked, routine care published) lets the attack recover the sensitive family's out-of-pocket while its
other measures stay free; the gate refuses that pattern, and its own suppression masks further (or leaves the
broad table out for that employer) until the attack recovers nothing.

On the demo, the released folders are attacked one at a time (own tables with the broad families, the benchmark,
the staff list): nothing is recovered and no sensitive cell narrowed; employers whose pattern left the broad
table out get no trace of it.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from confiance.contracts import feed_contracts
from confiance.settings import DBT_PROJECT_DIR
from governance.protection import ConsumerProtection, protect_releases, rules_for, table_spec
from governance.sdc import CellTable, Release, audit, primary_mask, suppress
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


def _cell(members: int, lines: int, cost: float, paid_in_full: bool = False) -> dict[str, float]:
    """One cell; ``paid_in_full``: the Sécurité sociale and the mutuelle pay everything (out of pocket 0)."""
    ss, comp = (
        (round(cost * 0.7, 2), round(cost * 0.3, 2)) if paid_in_full else (round(cost * 0.6, 2), round(cost * 0.3, 2))
    )
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


def _constructed(gate_knows_the_grouping: bool, routine_paid_in_full: bool = False) -> Release:
    base = {"employer_siret": SIRET, "care_year": 2025, "primary": False, "masked": False}
    routine = set(_grouping()["routine_care"])
    full = {f: routine_paid_in_full and f in routine for f in FAMILIES}
    totals = pd.DataFrame([{**base, "act_family": f, **_cell(*v, paid_in_full=full[f])} for f, v in FAMILIES.items()])
    groups = []
    for g, families in _grouping().items():
        parts = totals[totals.act_family.isin(families)]
        row = {**base, "broad_family": g, **_cell(GROUP_MEMBERS[g], int(parts.benefit_line_count.sum()), 1.0)}
        for m in AMOUNTS:  # the exact sums of its families (no rounding gap)
            row[m] = round(float(parts[m].sum()), 2)
            row[f"{m}_top1"], row[f"{m}_top2"] = round(row[m] * 0.2, 2), round(row[m] * 0.15, 2)
        if gate_knows_the_grouping:
            row["act_families"] = "+".join(families)
        groups.append(row)
    yearly = {**base, **_cell(YEAR_MEMBERS, totals["benefit_line_count"].sum(), float(totals["actual_cost"].sum()))}
    for m in AMOUNTS:  # the year's amounts are the exact sums of the families' (no rounding gap)
        yearly[m] = round(float(totals[m].sum()), 2)
        yearly[f"{m}_top1"], yearly[f"{m}_top2"] = round(yearly[m] * 0.2, 2), round(yearly[m] * 0.15, 2)
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


# --- any measure pinned is disclosure: a published zero out-of-pocket over masked families -------------------------


def _attack_breaches(release: Release, published: dict[int, bool] | None = None) -> list[tuple[str, str, str, str]]:
    """The toolkit's LP over the current tables as published (``published``: which tables the employer receives,
    all by default); every breach of a masked cell, confirmed on the true values: (table, act or broad family,
    measure, breach)."""
    tables, frames = [], []
    for ti, t in enumerate(release.current()):
        if published is not None and not published.get(ti, True):
            continue
        tables.append(at.table_from_frame(_published(t), t.spec.name, consumer=f"employer/{SIRET}"))
        frames.append(t.frame)
    result = at.attack(at.Release(tables))
    out = []
    for b in result.bounds:
        for ti, ri, col in b.refs:
            truth = frames[ti].iloc[ri]
            if col not in truth or not bool(truth["masked"]):
                continue
            name = truth.get("act_family", truth.get("broad_family", "year"))
            kinds = at.protection_breaches(b.lo, b.hi, float(truth[col]), b.integer, b.people, bool(truth["primary"]))
            out += [(tables[ti].mart, str(name), col, k) for k in kinds]
    return out


def _mask(release: Release, families: set[str]) -> None:
    """The pattern as given: the primary cells (the gate's own rules) and ``families`` of the totals masked."""
    rules = rules_for("employer")
    for t in release.current():
        t.frame["primary"] = primary_mask(t, rules)
        t.frame["masked"] = t.frame["primary"] | (
            t.frame["act_family"].isin(families) if "act_family" in t.frame else False
        )


def test_one_pinned_measure_is_a_recovered_cell_negative_control():
    """Every routine-care family paid in full (out of pocket 0), paramedical sensitive (4 members). The pattern an
    all-measures rule accepts — paramedical and laboratory masked, routine care published — keeps paramedical's
    count and amounts free (its protection levels are met, nothing else of it is known), yet the attacker reads
    its out-of-pocket: routine care's published 0 is the sum of four amounts that are never negative. The
    toolkit recovers it (only it), and the gate's audit refuses the pattern."""
    release = _constructed(gate_knows_the_grouping=True, routine_paid_in_full=True)
    _mask(release, {"paramedical", "laboratory"})
    breaches = _attack_breaches(release)
    para = {(col, kind) for _t, name, col, kind in breaches if name == "paramedical"}
    assert para == {("out_of_pocket", "recovered")}, breaches
    report = audit(release, rules_for("employer"))
    assert not report.passed
    assert any("recovered exactly" in r for r in report.reasons), report.reasons
    assert not any("below k" in r or "narrowed" in r for r in report.reasons), report.reasons


def test_the_gate_masks_further_or_drops_the_broad_table_until_nothing_is_recovered():
    """The same employer through the gate: its suppression, its audit, and the per-employer choice between the
    pattern with the broad families and the pattern without them (governance.protection.protect_releases). The
    chosen pattern passes its audit, the attack recovers nothing from what the employer would receive, and
    routine care is masked wherever the broad table is sent (published, its 0 would tell paramedical's)."""
    rules = rules_for("employer")
    release = _constructed(gate_knows_the_grouping=True, routine_paid_in_full=True)
    counts = suppress(release, rules)
    report = audit(release, rules)
    assert report.passed and not counts["unprotectable"], report.reasons
    assert not _attack_breaches(release)
    broad = release.tables[2].frame
    assert broad.loc[broad.broad_family == "routine_care", "masked"].all()

    release = _constructed(gate_knows_the_grouping=True, routine_paid_in_full=True)
    outcome = ConsumerProtection(consumer="employer")
    protect_releases([(f"employer/{SIRET}", release)], rules, outcome)
    assert not outcome.reasons, outcome.reasons
    sent = SIRET not in outcome.withheld.get(BROAD, set())
    assert outcome.choices[f"employer/{SIRET}"] == ("with" if sent else "without")
    assert not _attack_breaches(release, published={2: sent})
    if sent:
        broad = release.tables[2].frame
        assert broad.loc[broad.broad_family == "routine_care", "masked"].all()
    else:
        assert release.tables[2].frame["masked"].all(), "a broad table left out is masked whole"


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


def _confirmed(result: at.AttackResult, con: duckdb.DuckDBPyConnection, siret: str) -> list[tuple[str, str, str]]:
    """Breaches of the attacker's bounds, confirmed on the true cells of this employer (and the benchmark)."""
    out = []
    cache: dict[str, pd.DataFrame] = {}
    for b in result.bounds:
        for ti, ri, col in b.refs:
            t = result.release.tables[ti]
            name = "int_disclosure__" + t.mart.removeprefix("mart_").replace("__", "_", 1)
            if name not in cache:
                cache[name] = con.execute(f"select * from intermediate.{name}").df()
            truth = cache[name]
            row = t.df.loc[ri]
            keys = [
                c
                for c in (
                    "employer_siret",
                    "care_year",
                    "period_start",
                    "act_family",
                    "broad_family",
                    "age_band",
                    "sex",
                )
                if c in t.df.columns and c in truth.columns
            ]
            match = truth
            for c in keys:
                match = match[match[c].astype(str) == str(row[c])]
            base = (at.ratio_of(col) or (col,))[0]
            if len(match) != 1 or base not in match:
                kinds = [k for k, _ in at.classify(b.lo, b.hi, b.integer, b.people)]
            else:
                cell = match.iloc[0]
                primary = str(cell.get("primary_reason", "none")) not in ("none", "nan", "None")
                kinds = at.protection_breaches(b.lo, b.hi, float(cell[base]), b.integer, b.people, primary)
            out += [(t.mart, f"{siret}[{ri}].{col}", k) for k in kinds]
    return out


def test_each_released_folder_with_its_broad_families_recovers_nothing(demo):
    """The broad level is released. One employer's folder at a time — its yearly total, totals per act family,
    totals per broad family, detailed consumption and the benchmark, with the public grouping and its staff
    list — the attacker's LP recovers no masked measure (a member, a line, an amount to the euro), proves no
    sensitive count below k and narrows no sensitive amount within +-15 % (confirmed on the true values).
    At least one demo employer receives published broad families (else this attacks nothing)."""
    _settings, folders, con = demo
    staff = at.population_frame(con)
    with_broad = [f for f in folders if (f / f"{BROAD}.parquet").exists()]
    published = [f for f in with_broad if pd.read_parquet(f / f"{BROAD}.parquet").masking.eq("none").any()]
    assert published, "no demo employer received a published broad family: the attack tests nothing"
    found = []
    for folder in with_broad:
        release = at.Release.from_folders([folder])
        assert any(t.mart == BROAD for t in release.tables)
        result = at.attack(release, population=staff[staff.scope == folder.name])
        found += _confirmed(result, con, folder.name)
    print(f"{len(with_broad)} folders with the broad families attacked, {len(published)} with published ones")
    assert not found, found[:10]


def test_an_employer_left_without_the_broad_table_gets_no_trace_of_it_and_one_that_gets_it_sees_it(demo):
    """The gate's choice per employer is the table or nothing: a folder without the broad Parquet has no CSV, no
    report section and no manifest line of it; a folder with published broad families shows them in its report
    (both languages) and its CSV copy."""
    _settings, folders, _con = demo
    without = [f for f in folders if not (f / f"{BROAD}.parquet").exists()]
    for folder in without:
        assert not (folder / "totaux_grandes_familles.csv").exists(), folder.name
        assert BROAD not in (folder / "manifest.json").read_text(encoding="utf-8"), folder.name
        for page in ("rapport_fr.html", "report_en.html"):
            assert 'id="broad"' not in (folder / page).read_text(encoding="utf-8"), (folder.name, page)
    shown = 0
    for folder in folders:
        path = folder / f"{BROAD}.parquet"
        if not path.exists() or not pd.read_parquet(path).masking.eq("none").any():
            continue
        shown += 1
        assert (folder / "totaux_grandes_familles.csv").exists(), folder.name
        assert BROAD in (folder / "manifest.json").read_text(encoding="utf-8"), folder.name
        for page in ("rapport_fr.html", "report_en.html"):
            assert 'id="broad"' in (folder / page).read_text(encoding="utf-8"), (folder.name, page)
    assert shown, "no folder shows published broad families"
