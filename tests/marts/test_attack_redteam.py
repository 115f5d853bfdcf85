"""Red team (held-out attacks, written without reading the disclosure code): what an employer or the dataviz
consumer can work out from the demo release (the session ``demo_run``: 3,000 generated members, closed year 2025).

Attacker (DESIGN.md, "Disclosure control: what leaves must survive an attacker"): a consumer holding every file it
received, with background knowledge (an employer knows who its covered employees are, their sex and age), using
linear AND integer programming over everything published: values, masked markers, zeros, row order, file
metadata. The warehouse is opened here for two things only, never as attacker knowledge beyond the staff list:

* the employer's staff list (covered members of the year by sex and age: what its HR manager holds);
* confirmation (the true values, and which masked cells were masked as secondaries).

The integer attacker below is independent of ``attack_toolkit`` (its own model, solved with HiGHS' MILP) and
reasons through hidden per-group counts bounded by the staff list, as an HR manager would: the year's members of a
sex x age group are at least the largest of that group's family cells, at most their sum and at most the group's
headcount; the year is the sum of its groups; lines add up across families; a masked count is at least 1 (zeros
are published); lines are at least members; everything is an integer.

Findings of this red team (details, figures on a held-out mutuelle of 4,000 members, seed 911, in the session's
report): F1, a new closed year revised the published benchmark of earlier years (fixed in 8daf231, its test now
guards the fix); F2, the benchmark's published zeros bound an employer's own masked count below k (fixed in
fa6f75c, guarded); F3, the covered headcount an employer is told counted a former employee billed under an ended
contract (fixed in 9d844a2, guarded). Attacks that hold are plain tests.

Red team 3 (session 23; held-out data: 5,000 members, seed 2718, released five times with the real pipeline stages
as the publication cut-off advanced; findings in its report): the measure-level linear programme over a whole
folder (broad families included) against the p % protection of every primary-masked amount, with its control;
the integer programme extended to the broad families; the charts read back from their SVG geometry; and G1, a
prevention year revised when the next year closed (fixed in de29c58, guarded).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

K = 11
UNBOUNDED = 10**7
OWN = ("mart_employer__yearly", "mart_employer__totals", "mart_employer__consumption")


# --- the attacker's holdings ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_run):
    settings, _results = demo_run
    root = settings.published / "employer"
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    assert folders, "the demo published no employer folder: nothing to attack"
    return settings, folders


@pytest.fixture(scope="module")
def warehouse(demo):
    """Staff lists (attacker knowledge) and confirmation only."""
    settings, _folders = demo
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    yield con
    con.close()


def staff_list(con: duckdb.DuckDBPyConnection, siret: str) -> pd.DataFrame:
    """What the employer's HR manager knows: its members covered in each year (one day of an active collective
    contract in the year is cover), with sex and age in that year. Columns: year, sex, age, count."""
    return con.execute(
        """
        with years as (select distinct extract(year from care_month)::integer as year from pseudo.benefits)
        select y.year, m.sex, (y.year - m.birth_year)::integer as age, count(distinct m.member_token) as count
        from pseudo.members m join pseudo.contracts c using (member_token) cross join years y
        where c.employer_siret = ? and c.start_date <= make_date(y.year, 12, 31)
          and (c.end_date is null or c.end_date >= make_date(y.year, 1, 1))
        group by all
        """,
        [siret],
    ).fetchdf()


# --- an integer programme over one folder's counts --------------------------------------------------------------


@dataclass
class Interval:
    table: str
    key: tuple
    column: str
    lo: int | None
    hi: int | None

    def exposed(self) -> str | None:
        """Why the attacker wins on this masked count, or None."""
        if self.lo is None or self.hi is None:
            return "infeasible: the release contradicts the staff list"
        if self.lo == self.hi:
            return "recovered exactly"
        if self.column == "member_count" and self.hi < K:
            return "proven below k"
        return None


class _Programme:
    def __init__(self) -> None:
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.rows: list[tuple[dict[int, float], float, float]] = []

    def var(self, lo: float, hi: float) -> int:
        self.lo.append(lo)
        self.hi.append(hi)
        return len(self.lo) - 1

    def cell(self, value, masked: bool, hi: float) -> int:
        """A published count is a constant; a masked one is an unknown between 1 and ``hi``."""
        return self.var(1, max(hi, 1)) if masked else self.var(float(value), float(value))

    def add(self, coeffs: dict[int, float], lo: float = -np.inf, hi: float = np.inf) -> None:
        self.rows.append((coeffs, lo, hi))

    def bounds(self, target: int) -> tuple[int | None, int | None]:
        n = len(self.lo)
        a = lil_matrix((len(self.rows), n))
        for i, (coeffs, _lo, _hi) in enumerate(self.rows):
            for j, v in coeffs.items():
                a[i, j] += v
        cons = LinearConstraint(a.tocsr(), [r[1] for r in self.rows], [r[2] for r in self.rows])
        box = Bounds(np.array(self.lo), np.array(self.hi))
        out = []
        for sense in (1.0, -1.0):
            c = np.zeros(n)
            c[target] = sense
            res = milp(c, constraints=cons, integrality=np.ones(n), bounds=box, options={"time_limit": 30})
            out.append(None if res.x is None else int(round(res.x[target])))
        return out[0], out[1]


def _band(age: int, width: int) -> str:
    if width == 0:
        return "all"
    if age >= 80:
        return "80+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


def integer_attack(tables: dict[str, pd.DataFrame], staff: pd.DataFrame) -> list[Interval]:
    """Every masked member / line count of one employer folder, bounded by integer programming."""
    yearly, totals, detail = (tables[m] for m in OWN)
    out: list[Interval] = []
    for year in sorted(yearly.care_year.unique()):
        p = _Programme()
        masked: list[tuple[str, tuple, str, int]] = []
        st = staff[staff.year == year]
        head = int(st["count"].sum())
        yr = yearly[yearly.care_year == year].iloc[0]
        ym = p.cell(yr.member_count, yr.masking == "masked", head)
        yl = p.cell(yr.benefit_line_count, yr.masking == "masked", UNBOUNDED)
        if yr.masking == "masked":
            masked += [("yearly", (year,), "member_count", ym), ("yearly", (year,), "benefit_line_count", yl)]
        p.add({ym: 1, yl: -1}, hi=0)
        tm, tl = {}, {}
        for r in totals[totals.care_year == year].itertuples():
            mk = r.masking == "masked"
            tm[r.act_family] = p.cell(r.member_count, mk, head)
            tl[r.act_family] = p.cell(r.benefit_line_count, mk, UNBOUNDED)
            p.add({tm[r.act_family]: 1, tl[r.act_family]: -1}, hi=0)
            if mk:
                key = (year, r.act_family)
                masked += [("totals", key, "member_count", tm[r.act_family])]
                masked += [("totals", key, "benefit_line_count", tl[r.act_family])]
        p.add({yl: 1, **{v: -1 for v in tl.values()}}, 0, 0)
        for v in tm.values():
            p.add({ym: 1, v: -1}, lo=0)
        det = detail[detail.care_year == year]
        width = int(det.age_band_width.iloc[0])
        by_sex = det.sex_level.iloc[0] == "sex"
        groups_of = st.assign(band=[_band(int(a), width) for a in st.age], sx=st.sex if by_sex else "all").groupby(
            ["band", "sx"]
        )["count"]
        pop = {g: int(n) for g, n in groups_of.sum().items()}
        # hidden: the year's members of each group (G) and of each family x group (H)
        g = {gr: p.var(0, n) for gr, n in pop.items()}
        p.add({ym: 1, **{v: -1 for v in g.values()}}, 0, 0)
        cm, cl = {}, {}
        for r in det.itertuples():
            mk = r.masking == "masked"
            key = (r.period_start, r.act_family, r.age_band, r.sex)
            cm[key] = p.cell(r.member_count, mk, pop.get((r.age_band, r.sex), 0))
            cl[key] = p.cell(r.benefit_line_count, mk, UNBOUNDED)
            p.add({cm[key]: 1, cl[key]: -1}, hi=0)
            if mk:
                masked += [("consumption", key, "member_count", cm[key])]
                masked += [("consumption", key, "benefit_line_count", cl[key])]
        for fam in det.act_family.unique():
            p.add({tl[fam]: 1, **{cl[k]: -1 for k in cl if k[1] == fam}}, 0, 0)
            h = {}
            for gr, n in pop.items():
                h[gr] = p.var(0, n)
                ks = [k for k in cm if k[1] == fam and (k[2], k[3]) == gr]
                for k in ks:
                    p.add({h[gr]: 1, cm[k]: -1}, lo=0)
                p.add({h[gr]: 1, **{cm[k]: -1 for k in ks}}, hi=0)
                p.add({g[gr]: 1, h[gr]: -1}, lo=0)
            p.add({tm[fam]: 1, **{v: -1 for v in h.values()}}, 0, 0)
        for gr in pop:
            p.add({g[gr]: 1, **{cm[k]: -1 for k in cm if (k[2], k[3]) == gr}}, hi=0)
        broad = tables.get("mart_employer__broad_families")  # red team 3: the broad care families, when released
        if broad is not None:
            groups = _broad_groups()
            for r in broad[broad.care_year == year].itertuples():
                mk = r.masking == "masked"
                bm, bl = p.cell(r.member_count, mk, head), p.cell(r.benefit_line_count, mk, UNBOUNDED)
                fams = [f for f in tm if groups[f] == r.broad_family]
                p.add({bm: 1, bl: -1}, hi=0)
                p.add({bl: 1, **{tl[f]: -1 for f in fams}}, 0, 0)  # lines add up
                p.add({bm: 1, **{tm[f]: -1 for f in fams}}, hi=0)  # members: at most the sum of the families'
                for f in fams:
                    p.add({bm: 1, tm[f]: -1}, lo=0)  # and at least each family's
                p.add({ym: 1, bm: -1}, lo=0)
                if mk:
                    masked += [("broad", (year, r.broad_family), "member_count", bm)]
                    masked += [("broad", (year, r.broad_family), "benefit_line_count", bl)]
        for table, key, column, v in masked:
            out.append(Interval(table, key, column, *p.bounds(v)))
    return out


def _own_tables(folder: Path) -> dict[str, pd.DataFrame] | None:
    if not all((folder / f"{m}.parquet").exists() for m in OWN):
        return None
    return {m: pd.read_parquet(folder / f"{m}.parquet") for m in OWN}


def test_integer_programme_with_the_staff_list_pins_no_masked_count(demo, warehouse):
    """The HR manager of each employer puts its folder's yearly total, totals by family and detail into an
    integer programme with its staff list (per sex x age group headcounts, hidden per-group counts): no masked
    member or line count is recovered exactly, none proven below k, and the programme is feasible (the release
    does not contradict the staff list)."""
    _settings, folders = demo
    exposed, attacked = [], 0
    for folder in folders:
        tables = _own_tables(folder)
        if tables is None or not any((t.masking == "masked").any() for t in tables.values()):
            continue
        attacked += 1
        for iv in integer_attack(tables, staff_list(warehouse, folder.name)):
            if why := iv.exposed():
                exposed.append((folder.name, iv.table, iv.key, iv.column, why))
    assert attacked >= 5, f"only {attacked} folders hold a masked cell: the attack tested almost nothing"
    assert not exposed, exposed[:10]


def _true_tables(con: duckdb.DuckDBPyConnection, siret: str) -> dict[str, pd.DataFrame]:
    """Confirmation: the employer's cells with their true values and primary reason (warehouse zone)."""
    out = {}
    for mart in OWN:
        name = mart.replace("mart_", "int_disclosure__").replace("__employer__", "__employer_")
        out[mart] = con.execute(f"select * from intermediate.{name} where employer_siret = ?", [siret]).fetchdf()
    return out


def test_the_integer_attacker_recovers_cells_when_secondary_suppression_is_removed(demo, warehouse):
    """Control (the attack above is not blind): the same folders with every SECONDARY mask lifted (the cell's true
    counts shown, as a release with primary suppression only would) let the integer programme recover or prove
    small at least one primary-masked count."""
    _settings, folders = demo
    exposed, weakened = [], 0
    for folder in folders:
        tables = _own_tables(folder)
        if tables is None:
            continue
        truth = _true_tables(warehouse, folder.name)
        lifted = False
        for mart, t in tables.items():
            tr = truth[mart]
            keys = [c for c in ("generalisation_level", "care_year", "period_start", "act_family", "age_band", "sex")
                    if c in t]  # fmt: skip
            tr = tr[keys + ["member_count", "benefit_line_count", "primary_reason"]]
            tr = tr.assign(**{k: tr[k].astype(str) for k in keys}).add_suffix("_true")
            joined = t.assign(**{f"{k}_true": t[k].astype(str) for k in keys})
            merged = joined.merge(tr, on=[f"{k}_true" for k in keys], how="left", validate="one_to_one")
            merged = merged.rename(columns={"primary_reason_true": "primary_reason"})
            secondary = (merged.masking == "masked") & (merged.primary_reason == "none")
            if secondary.any():
                lifted = True
                for col in ("member_count", "benefit_line_count"):
                    merged.loc[secondary, col] = merged.loc[secondary, f"{col}_true"]
                merged.loc[secondary, "masking"] = "none"
            tables[mart] = merged
        if not lifted:
            continue
        weakened += 1
        for iv in integer_attack(tables, staff_list(warehouse, folder.name)):
            if iv.exposed():
                exposed.append((folder.name, iv.table, iv.key, iv.column, iv.exposed()))
    assert weakened, "no folder has a secondary mask: nothing to lift"
    assert exposed, f"lifting the secondary masks of {weakened} folders exposed nothing: the attacker is blind"


# --- the "too small" statement ------------------------------------------------------------------------------------


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def test_a_too_small_folder_says_only_the_year_and_the_threshold(demo, warehouse):
    """An employer told "moins de 11 salariés couverts en <year>" holds the statement, the pooled benchmark (the
    same file as every other employer's) and nothing else of its own: its summary row publishes no headcount and no
    breakdown, its manifest counts only that row, and its page and CSV print no number that is neither in the
    benchmark, the year, k, its SIRET, the publication date nor the signing fingerprint. The statement's year is the
    latest closed care year, the same for every employer covering anyone in it, so the year itself says nothing
    about the employer's consumption (confirmed: the covered headcount of that year is below k)."""
    _settings, folders = demo
    summaries = {f.name: pd.read_parquet(f / "mart_employer__summary.parquet").iloc[0] for f in folders}
    small = [f for f in folders if summaries[f.name].report_status == "too_small_to_report"]
    assert small, "no employer is too small to report in the demo: the statement was not attacked"
    years = {int(s.care_year) for s in summaries.values() if s.report_status != "no_closed_period"}
    reference = pd.read_parquet(folders[0] / "mart_employer__benchmark.parquet")
    leaks = []
    for folder in small:
        s = summaries[folder.name]
        own = sorted(p.name for p in folder.glob("mart_employer__*.parquet"))
        if own != ["mart_employer__benchmark.parquet", "mart_employer__summary.parquet"]:
            leaks.append((folder.name, "own tables", own))
        if not pd.isna(s.member_count) or s.masking != "masked":
            leaks.append((folder.name, "headcount published", s.member_count))
        for col in ("generalisation_level", "period_grain", "age_band_width", "sex_level"):
            if not pd.isna(s[col]):
                leaks.append((folder.name, "breakdown published", col))
        if not pd.read_parquet(folder / "mart_employer__benchmark.parquet").equals(reference):
            leaks.append((folder.name, "benchmark differs from the others'"))
        year = int(s.care_year)
        staff = staff_list(warehouse, folder.name)
        assert staff[staff.year == year]["count"].sum() < K, folder.name  # confirmation
        public = {"0", "1", "2", "3", "4", "5", "8", "15", "85", "256"}  # k, rules' parameters, UTF-8, SHA-256
        allowed = _numbers(reference.to_csv()) | {str(year), str(K), folder.name} | public
        allowed |= {str(y) for y in years}
        for name in ("rapport_fr.html", "report_en.html"):
            text = re.sub(r"<style.*?</style>|<svg.*?</svg>|<[^>]+>", " ", (folder / name).read_text(), flags=re.S)
            text = re.sub(r"\b[0-9a-f]{16,}\b|\d{4}-\d{2}-\d{2}(?:[ T][\d:.]+)?", " ", text)  # hashes, dates
            text = re.sub(r"(\d)[\s\u00a0\u202f](?=\d{3}\b)", r"\1", text)  # French thousands separator
            if name.endswith("_en.html"):
                text = re.sub(r"(\d),(?=\d{3}\b)", r"\1", text)  # English thousands separator
            extra = {n.replace(",", ".") for n in _numbers(text)} - {a.replace(",", ".") for a in allowed}
            extra = {n for n in extra if not n.replace(".", "").isdigit() or float(n) not in _bench_values(reference)}
            if extra:
                leaks.append((folder.name, name, sorted(extra)[:10]))
    assert not leaks, leaks[:10]


def _bench_values(bench: pd.DataFrame) -> set[float]:
    out: set[float] = set()
    for col in bench.columns:
        if col in ("care_year", "masking", "act_family", "age_band", "sex"):
            continue
        out |= {float(v) for v in pd.to_numeric(bench[col], errors="coerce").dropna()}
    return out


# --- the dataviz consumer ------------------------------------------------------------------------------------------


def test_dataviz_row_order_and_file_metadata_carry_nothing(demo):
    """The dataviz consumer reads the member-level file's row order and its Parquet metadata (statistics, key-value
    metadata) looking for what the values hide: a row order following a member's total (which would place a blank
    band between two shown ones), or min/max statistics of a hidden column. The rows are in the order of their
    published values (sorting them changes nothing, so the order says nothing more than the values), and every
    column statistic is the min/max of the published values."""
    settings, _folders = demo
    path = settings.published / "dataviz" / "mart_dataviz__member_profiles.parquet"
    df = pd.read_parquet(path)
    assert len(df) >= K
    cols = list(df.columns)
    as_text = df.astype(str)
    assert as_text.equals(as_text.sort_values(cols, kind="stable").reset_index(drop=True)), (
        "the member-level rows are not in the order of their published values: their order may encode something"
    )
    meta = pq.ParquetFile(path).metadata
    for rg in range(meta.num_row_groups):
        for ci in range(meta.num_columns):
            col = meta.row_group(rg).column(ci)
            stats = col.statistics
            if stats is None or not stats.has_min_max:
                continue
            values = df[col.path_in_schema].dropna()
            assert len(values), f"{col.path_in_schema}: statistics on a column with no published value"
            assert str(stats.min) == str(values.min()) and str(stats.max) == str(values.max()), col.path_in_schema
    kv = pq.read_schema(path).metadata or {}
    assert not {k for k in kv if k not in (b"pandas", b"ARROW:schema")}, kv.keys()


# --- releases over time: a new closed year ---------------------------------------------------------------------


def _published_benchmark(folders: list[Path]) -> pd.DataFrame:
    return pd.read_parquet(folders[0] / "mart_employer__benchmark.parquet")


def test_a_new_closed_year_leaves_the_published_benchmark_of_earlier_years_unchanged(demo, warehouse, tmp_path):
    """Every employer holds the 2025 benchmark. 2026 closes; one small employer of the 2025 pool loses staff at the
    end of 2025 and covers fewer than k in 2026 (nothing unusual: people leave). The 2025 benchmark the gate would
    now publish must be the one every employer already holds: the 2025 pool is the 2025 pool. If it changes, either
    the gate refuses the whole employer release (no employer ever gets its 2026 report) or, after a manual
    correction, benchmark(2025, before) - benchmark(2025, after) = the leavers' 2025 members and amounts per family
    x band x sex, exactly (counts, and averages x counts to the cent). Checked on the warehouse the next release
    would be built from (dbt with publication_cutoff 2027-01-01), on every cell published in 2025.

    Red team finding F1 (session 22): before commit 8daf231 the pool of every year followed the employers' status
    on the LATEST closed year; on seed 911 (4,000 members) 26 published 2025 cells would have moved and the gate
    refused every employer release; on the demo 23 of 31 (14 by exactly one member). Fixed by a per-year pool;
    this test now guards it."""
    from tests.marts.dbt_support import run_dbt

    settings, folders = demo
    summaries = [pd.read_parquet(f / "mart_employer__summary.parquet").iloc[0] for f in folders]
    pool = [s for s in summaries if s.report_status in ("reported", "nothing_publishable")]
    victim = min(pool, key=lambda s: s.member_count).employer_siret
    db = tmp_path / "warehouse.duckdb"
    shutil.copy2(settings.warehouse_db, db)
    con = duckdb.connect(str(db))
    tokens = [
        r[0]
        for r in con.execute(
            "select contract_token from pseudo.contracts where employer_siret = ? and (end_date is null "
            "or end_date >= date '2026-01-01') order by contract_token",
            [victim],
        ).fetchall()
    ]
    leavers = tokens[: max(len(tokens) - (K - 1), 0)]  # none if staff left at the end of 2025 already
    if leavers:
        con.execute(
            f"update pseudo.contracts set end_date = date '2025-12-31' where contract_token in "
            f"({','.join('?' * len(leavers))})",
            leavers,
        )
    _insert_next_year_of_care(con)
    con.close()
    run_dbt(
        "run",
        db,
        select=["+int_disclosure__employer_benchmark"],
        dbt_vars={"publication_cutoff": "2027-01-01"},
        target=tmp_path / "target",
    )
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute(
        "select care_year, act_family, age_band, sex, member_count, actual_cost "
        "from intermediate.int_disclosure__employer_benchmark where care_year = 2025"
    ).fetchdf()
    con.close()
    before = _published_benchmark(folders)
    before = before[(before.masking != "masked") & (before.member_count > 0)]
    joined = before.merge(after, on=["care_year", "act_family", "age_band", "sex"], suffixes=("", "_next"))
    assert len(joined) == len(before), "published 2025 cells missing from the next release's benchmark"
    average = (joined.actual_cost.astype(float) / joined.member_count_next).round(2)
    moved = joined[
        (joined.member_count != joined.member_count_next)
        | ((average - joined.actual_cost_per_member.astype(float)).abs() > 0.005)
    ]
    revealed = moved.member_count - moved.member_count_next
    assert moved.empty, (
        f"{len(moved)} of {len(before)} published 2025 benchmark cells move when 2026 closes "
        f"({int((revealed == 1).sum())} by exactly one member): e.g. "
        f"{moved[['act_family', 'age_band', 'sex', 'member_count', 'member_count_next']].head(5).to_dict('records')}"
    )


# --- the benchmark's published zeros against an employer's own masked cells -------------------------------------


def _band20(age: int) -> str:
    return "80+" if age >= 80 else f"{age // 20 * 20}-{age // 20 * 20 + 19}"


def test_benchmark_zeros_do_not_prove_an_own_masked_count_small(demo, warehouse):
    """An employer of the benchmark pool (reported or nothing publishable: its members are pooled) reads, in the
    benchmark it receives, the cells published as 0: nobody of the pool, hence none of its own employees of that
    20-year band and sex, had that care in that year. Its own masked member count for that family is then at most
    its headcount in the other groups (staff list), and at least 1 (zeros are published). The protection the DPO
    document promises, "the interval an attacker can compute must reach k for its member count", requires that
    bound to stay at or above k. When the other groups hold one person, this names who had the care (an employer
    of 11 with ten staff in zero groups and one employee aged 60+).

    Red team finding F2 (session 22): before commit fa6f75c the benchmark published its zero cells; audiology for
    men aged 0-19 bounded the audiology count of 4 demo employers of 11 covered at 10 (2 employers on seed 911:
    10 and 9). Fixed by masking the benchmark's zeros; this test now guards it."""
    _settings, folders = demo
    proven, attacked = [], 0
    for folder in folders:
        summary = pd.read_parquet(folder / "mart_employer__summary.parquet").iloc[0]
        if summary.report_status not in ("reported", "nothing_publishable"):
            continue
        totals = pd.read_parquet(folder / "mart_employer__totals.parquet")
        bench = pd.read_parquet(folder / "mart_employer__benchmark.parquet")
        staff = staff_list(warehouse, folder.name)
        for row in totals[totals.masking == "masked"].itertuples():
            year_staff = staff[staff.year == row.care_year]
            groups = year_staff.assign(band=year_staff.age.map(_band20)).groupby(["band", "sex"])["count"].sum()
            cells = bench[(bench.care_year == row.care_year) & (bench.act_family == row.act_family)]
            zero = {(c.age_band, c.sex) for c in cells.itertuples() if c.masking != "masked" and c.member_count == 0}
            attacked += 1
            upper = int(sum(n for g, n in groups.items() if g not in zero))
            if upper < K:
                proven.append((folder.name, int(row.care_year), row.act_family, f"1 <= members <= {upper}"))
    assert attacked, "no masked own family cell in a pooled employer's folder: nothing attacked"
    assert not proven, proven


# --- the covered headcount against the staff list ----------------------------------------------------------------


def test_the_covered_headcount_is_the_staff_list_whatever_was_billed(demo, warehouse, tmp_path):
    """The employer's HR manager knows who its covered employees are (DESIGN.md). The headcount printed in its report
    and summary ("Salariés couverts en <year>", ``member_count``) must therefore tell it nothing it does not know:
    it must equal the staff list of that year. Here a 2025 bill is paid under the collective contract of a former
    employee of a reported employer whose contract ended in 2024 (a late or misfiled claim: the quality suite only
    warns about it). If the headcount grows by one, the employer learns that a person it no longer covers had
    care in 2025, and who, when a single person left. Checked on the coverage model the next release reads
    (dbt ``+int_employers__coverage`` on a copy of the demo warehouse).

    Red team finding F3 (session 22): before commit 9d844a2 care paid under an ended contract counted as cover
    (demo employer 39267713400018 told 160 for a staff list of 159; seed 911: 69 for 68). This test now guards
    the fix."""
    from tests.marts.dbt_support import run_dbt

    settings, folders = demo
    summaries = {f.name: pd.read_parquet(f / "mart_employer__summary.parquet").iloc[0] for f in folders}
    reported = [s for s, v in summaries.items() if v.report_status == "reported"]
    db = tmp_path / "warehouse.duckdb"
    shutil.copy2(settings.warehouse_db, db)
    con = duckdb.connect(str(db))
    former = con.execute(
        f"""select c.contract_token, c.member_token, c.employer_siret from pseudo.contracts c
        where c.contract_type = 'collective' and c.end_date between date '2024-01-01' and date '2024-12-31'
          and c.employer_siret in ({",".join("?" * len(reported))})
          and not exists (select 1 from pseudo.contracts d where d.member_token = c.member_token
                          and d.employer_siret = c.employer_siret
                          and (d.end_date is null or d.end_date >= date '2025-01-01'))
        order by c.contract_token limit 1""",
        reported,
    ).fetchone()
    assert former, "no former employee of a reported employer in the demo: nothing to attack"
    contract, member, siret = former
    con.execute(
        """insert into pseudo.benefits select 'redteam-former', ?, ?, date '2025-03-01', date '2025-04-01',
               'dental', act_code, practitioner_type, 950, 120, 84, 500, 366, null, updated_at, _crossing
           from pseudo.benefits limit 1""",
        [member, contract],
    )
    con.close()
    run_dbt("run", db, select=["+int_employers__coverage"], target=tmp_path / "target")
    staff = staff_list(warehouse, siret)
    known = int(staff[staff.year == 2025]["count"].sum())
    assert int(summaries[siret].member_count) == known, "the demo's headcount already differs from the staff list"
    con = duckdb.connect(str(db), read_only=True)
    told = con.execute(
        "select covered_members from intermediate.int_employers__coverage where employer_siret = ?", [siret]
    ).fetchone()[0]
    con.close()
    assert told == known, f"employer {siret}: told {told} covered in 2025, its staff list says {known}"


# --- red team 3: every masked MEASURE of an employer folder, by linear programming ------------------------------

MEASURES = ("benefit_line_count", "actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
AMOUNTS = MEASURES[1:]
P_PERCENT = 0.15
CENT = 0.005  # published amounts are rounded to the cent: each term of a sum may be off by half a cent


def _broad_groups() -> dict[str, str]:
    """The public grouping of act families (printed in every employer's report): the attacker knows it."""
    from confiance.settings import DBT_PROJECT_DIR

    seed = pd.read_csv(DBT_PROJECT_DIR / "seeds" / "act_family_group.csv")
    return dict(zip(seed.act_family, seed.broad_family, strict=True))


class _AmountLP:
    """One year of one folder: a variable per measure of every cell (a published value is a constant, a masked one
    is >= 0), additive relations between them within half a cent per term."""

    def __init__(self) -> None:
        self.bounds: list[tuple[float, float | None]] = []
        self.masked: dict[tuple, int] = {}
        self.sums: list[dict[int, float]] = []

    def cell(self, table: str, key: tuple, row) -> dict[str, int]:
        out = {}
        masked = row.masking == "masked"
        for m in MEASURES:
            out[m] = len(self.bounds)
            value = getattr(row, m)
            self.bounds.append((0.0, 1e9) if masked else (float(value), float(value)))
            if masked:
                self.masked[(table, key, m)] = out[m]
        return out

    def equal(self, left: int, rights: list[int]) -> None:
        if rights and left not in rights:
            self.sums.append({left: 1.0, **{r: -1.0 for r in rights}})

    def intervals(self, targets: set | None = None) -> dict[tuple, tuple[float, float]]:
        from scipy.optimize import linprog

        n = len(self.bounds)
        a = lil_matrix((2 * len(self.sums), n))
        b = np.zeros(2 * len(self.sums))
        for i, row in enumerate(self.sums):
            for j, v in row.items():
                a[2 * i, j], a[2 * i + 1, j] = v, -v
            b[2 * i] = b[2 * i + 1] = CENT * len(row)
        a = a.tocsr()
        out = {}
        for name, j in self.masked.items():
            if targets is not None and (name[0], _plain(name[1])) not in targets:
                continue
            ends = []
            for sense in (1.0, -1.0):
                c = np.zeros(n)
                c[j] = sense
                res = linprog(c, A_ub=a, b_ub=b, bounds=self.bounds, method="highs")
                assert res.status in (0, 3), f"{name}: the release contradicts its own sums ({res.message})"
                ends.append(np.inf if res.status == 3 else sense * res.fun)
            out[name] = (ends[0], ends[1])
        return out


def amount_attack(tables: dict[str, pd.DataFrame], targets: set | None = None) -> dict[tuple, tuple[float, float]]:
    """Every masked measure of one folder, min and max over the tables consistent with what it shows: the year is
    the sum of its act families, each family the sum of its detailed cells, each broad family the sum of its act
    families and the year the sum of the broad families (when the folder holds them), and inside every cell actual
    cost = Social Security + complementary + out of pocket. Keys: (table, (year, ...), measure)."""
    groups = _broad_groups()
    yearly, totals, detail = (tables[m] for m in OWN)
    broad = tables.get("mart_employer__broad_families")
    out: dict[tuple, tuple[float, float]] = {}
    for year in sorted(yearly.care_year.unique()):
        lp = _AmountLP()
        cells = [lp.cell("yearly", (year,), yearly[yearly.care_year == year].iloc[0])]
        year_cell = cells[0]
        fam = {
            r.act_family: lp.cell("totals", (year, r.act_family), r)
            for r in totals[totals.care_year == year].itertuples()
        }
        cells += fam.values()
        det = {}
        for r in detail[detail.care_year == year].itertuples():
            key = (year, str(r.period_start), r.act_family, r.age_band, r.sex)
            det[key] = lp.cell("consumption", key, r)
        cells += det.values()
        for m in MEASURES:
            lp.equal(year_cell[m], [v[m] for v in fam.values()])
            for f, v in fam.items():
                lp.equal(v[m], [d[m] for k, d in det.items() if k[2] == f])
        if broad is not None and len(broad[broad.care_year == year]):
            wide = {
                r.broad_family: lp.cell("broad", (year, r.broad_family), r)
                for r in broad[broad.care_year == year].itertuples()
            }
            cells += wide.values()
            for m in MEASURES:
                lp.equal(year_cell[m], [v[m] for v in wide.values()])
                for g, v in wide.items():
                    lp.equal(v[m], [fam[f][m] for f in fam if groups[f] == g])
        for c in cells:
            lp.equal(c["actual_cost"], [c["ss_reimbursement"], c["complementary_reimbursement"], c["out_of_pocket"]])
        out.update(lp.intervals(targets))
    return out


def _folder_tables(folder: Path) -> dict[str, pd.DataFrame] | None:
    tables = _own_tables(folder)
    if tables is not None and (folder / "mart_employer__broad_families.parquet").exists():
        tables["mart_employer__broad_families"] = pd.read_parquet(folder / "mart_employer__broad_families.parquet")
    return tables


def _plain(key: tuple) -> tuple:
    return tuple(str(k) if isinstance(k, str) else int(k) for k in key)


def _sensitive_truth(con: duckdb.DuckDBPyConnection, siret: str) -> dict[tuple, dict]:
    """Confirmation only: the true measures of the employer's PRIMARY-masked cells (warehouse zone), keyed as
    ``amount_attack`` keys them."""
    out: dict[tuple, dict] = {}
    sources = {
        "yearly": ("int_disclosure__employer_yearly", ["care_year"]),
        "totals": ("int_disclosure__employer_totals", ["care_year", "act_family"]),
        "broad": ("int_disclosure__employer_broad_families", ["care_year", "broad_family"]),
        "consumption": (
            "int_disclosure__employer_consumption",
            ["care_year", "period_start", "act_family", "age_band", "sex"],
        ),
    }
    known = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    for table, (relation, keys) in sources.items():
        if relation not in known:
            continue
        rows = con.execute(
            f"select * from intermediate.{relation} where employer_siret = ? and primary_reason <> 'none'", [siret]
        ).fetchdf()
        for r in rows.to_dict("records"):
            key = tuple(str(r[k]) if k == "period_start" else r[k] for k in keys)
            out[(table, key)] = r
    return out


def _under_protected(intervals: dict[tuple, tuple[float, float]], truth: dict[tuple, dict]) -> list[tuple]:
    """Sensitive amounts whose interval does not reach p % above and below the true value (a true 0 must not be
    pinned at 0)."""
    weak = []
    for (table, key, measure), (lo, hi) in intervals.items():
        true = truth.get((table, _plain(key)))
        if true is None or measure not in AMOUNTS:
            continue
        v = float(true[measure])
        if (v == 0 and hi < 0.01) or (v > 0 and (hi < v * (1 + P_PERCENT) - 0.01 or lo > v * (1 - P_PERCENT) + 0.01)):
            weak.append((table, key, measure, round(lo, 2), round(hi, 2), v, true["primary_reason"]))
    return weak


def test_no_sensitive_amount_is_narrowed_by_the_folder_sums(demo, warehouse):
    """Red team 3. An employer (DESIGN.md: "using arithmetic, linear and integer programming over everything
    published: values, masked markers, zeros") writes one linear programme per year over ALL its tables — the year,
    the totals per act family, the detail and, when released, the broad care families whose grouping it reads in
    its report — with the identity actual cost = Social Security + complementary + out of pocket inside each cell,
    and bounds every masked amount. For every cell masked for its own sake (primary), the interval of each amount
    must reach p % (15 %) above and below the true value, and a true 0 (nobody paid anything out of pocket) must
    not be pinned at 0. Measured per measure, not per cell: a cell whose out-of-pocket alone is pinned discloses
    that. Confirmation of the true values only from the warehouse."""
    _settings, folders = demo
    weak, attacked = [], 0
    for folder in folders:
        tables = _folder_tables(folder)
        if tables is None or not any((t.masking == "masked").any() for t in tables.values()):
            continue
        truth = _sensitive_truth(warehouse, folder.name)
        intervals = amount_attack(tables, set(truth))
        attacked += sum(1 for (_t, _k, m) in intervals if m in AMOUNTS)
        weak += [(folder.name, *w) for w in _under_protected(intervals, truth)]
    assert attacked >= 50, f"only {attacked} sensitive masked amounts attacked: the test tested almost nothing"
    assert not weak, weak[:10]


def test_the_amount_attacker_narrows_cells_when_secondary_suppression_is_removed(demo, warehouse):
    """Control for the test above (the attack is not blind): with every SECONDARY mask of each folder lifted (the
    true measures shown, as a release with primary suppression only would), the same programme narrows at least one
    sensitive amount within p % or pins it."""
    _settings, folders = demo
    weak, lifted = [], 0
    for folder in folders:
        tables = _folder_tables(folder)
        if tables is None:
            continue
        truth = _sensitive_truth(warehouse, folder.name)
        true_tables = _true_tables(warehouse, folder.name)
        changed = False
        for mart in OWN:
            t, tr = tables[mart].copy(), true_tables[mart]
            keys = [c for c in ("care_year", "period_start", "act_family", "age_band", "sex") if c in t]
            tr = tr.assign(**{k: tr[k].astype(str) for k in keys}).set_index(keys)
            for i, row in t.iterrows():
                if row.masking != "masked":
                    continue
                true = tr.loc[tuple(str(row[k]) for k in keys)]
                if true.primary_reason == "none":
                    for m in MEASURES:
                        t.at[i, m] = true[m]
                    t.at[i, "masking"] = "none"
                    changed = True
            tables[mart] = t
        if not changed:
            continue
        lifted += 1
        weak += [(folder.name, *w) for w in _under_protected(amount_attack(tables, set(truth)), truth)]
        if weak:
            break  # one narrowed cell shows the attacker sees what the secondary masks hide
    assert lifted, "no folder has a secondary mask: nothing to lift"
    assert weak, f"lifting the secondary masks of {lifted} folders narrowed nothing: the amount attacker is blind"


# --- red team 3: the report's charts, read back from their geometry -------------------------------------------

_TICK = re.compile(
    r'<g class="tick" data-axis="([xy])"><line x1="([\d.]+)" y1="([\d.]+)"[^>]*/><text[^>]*>([^<]*)</text>'
)
_RECT = r'<rect class="{cls}"[^>]*? x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"'
_FRAME, _BAR = re.compile(_RECT.format(cls="plot")), re.compile(_RECT.format(cls="bar"))


def _tick_value(label: str, english: bool) -> float | None:
    text = re.sub(r"[\s\u00a0\u202f€%]", "", label).replace("\u2212", "-")
    text = text.replace(",", "") if english else text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _bar_lengths(svg: str, english: bool = False) -> tuple[list[float], float, float] | None:
    """Each drawn bar's length in data units, the axis' far end and the farthest bar end, from the SVG's tick
    positions and labels (what anyone can do with the page's source): None for a chart without a value axis."""
    for axis, coord in (("x", 0), ("y", 1)):
        ticks = [
            (float((x, y)[coord]), v)
            for a, x, y, label in _TICK.findall(svg)
            if a == axis and (v := _tick_value(label, english)) is not None
        ]
        if len(ticks) >= 2 and ticks[0][0] != ticks[1][0] and ticks[0][1] != ticks[1][1]:
            break
    else:
        return None
    (p0, v0), (p1, v1) = ticks[0], ticks[1]
    scale = (v1 - v0) / (p1 - p0)

    def extent(match: re.Match) -> tuple[float, float]:
        x, y, width, height = (float(match.group(i)) for i in range(1, 5))
        return (x, x + width) if coord == 0 else (y, y + height)

    def value(pos: float) -> float:
        return abs((pos - p0) * scale + v0)

    frames = [extent(m) for m in _FRAME.finditer(svg)]
    bars = [extent(m) for m in _BAR.finditer(svg)]
    if not frames or not bars:
        return None
    frame = frames[0]  # the plot area
    far = max(value(frame[0]), value(frame[1]))
    reach = max(max(value(lo), value(hi)) for lo, hi in bars)
    return [abs((hi - lo) * scale) for lo, hi in bars], far, reach


def _published_numbers(folder: Path) -> list[float]:
    values: set[float] = set()
    for path in folder.glob("mart_employer__*.parquet"):
        df = pd.read_parquet(path)
        for col in df.columns:
            values |= {round(float(v), 2) for v in pd.to_numeric(df[col], errors="coerce").dropna()}
    return sorted(values)


def test_chart_geometry_draws_only_published_values(demo):
    """Red team 3. The employer reads its report's charts (inline SVG) not as pictures but as numbers: with two
    tick positions and their labels it converts every bar's length back into euros or people. Every bar drawn must
    then be a value published in the folder's Parquet (or 0), to the precision of the drawing, and no axis may run
    beyond the largest published value by more than the plotting margin — an axis scaled on a masked figure would
    tell its size."""
    _settings, folders = demo
    odd, bars = [], 0
    for folder in folders:
        published = np.array(_published_numbers(folder))
        if not len(published):
            continue
        for name in ("rapport_fr.html", "report_en.html"):
            for i, svg in enumerate(re.findall(r"<svg.*?</svg>", (folder / name).read_text(), flags=re.S)):
                read = _bar_lengths(svg, english=name.endswith("_en.html"))
                if read is None:
                    continue
                lengths, far, reach = read
                for length in lengths:
                    bars += 1
                    nearest = float(np.abs(published - length).min())
                    if length > 0.5 and nearest > max(0.6, 0.003 * length):
                        odd.append((folder.name, name, i, "bar", round(length, 2)))
                if reach and far > reach * 1.12 + 1:
                    odd.append((folder.name, name, i, "axis beyond the longest bar", round(far, 2), round(reach, 2)))
    assert bars >= 100, f"only {bars} bars read back: the charts were not attacked"
    assert not odd, odd[:10]


# --- red team 3: releases over time, the prevention programme ------------------------------------------------


def _insert_next_year_of_care(con: duckdb.DuckDBPyConnection) -> None:
    """2026 care: every 2025 line a year on, where its contract still runs then."""
    con.execute("""insert into pseudo.benefits
        select b.benefit_token || '-2026', b.member_token, b.contract_token, (b.care_month + interval 12 month)::date,
               (b.payment_month + interval 12 month)::date, b.act_family, b.act_code, b.practitioner_type,
               b.actual_cost, b.ss_base, b.ss_reimbursement, b.complementary_reimbursement, b.out_of_pocket,
               b.comment, b.updated_at, epoch_us(now()) as _crossing  -- a new crossing's stamp (incremental atoms)
        from pseudo.benefits b join pseudo.contracts c using (contract_token)
        where year(b.care_month) = 2025
          and (c.end_date is null or c.end_date >= (b.care_month + interval 12 month)::date)""")


def _next_year_of_care(settings, tmp_path: Path) -> Path:
    """A copy of the demo warehouse one year later: 2026 care (the 2025 lines a year on, where the contract still
    runs) has landed, nothing else changed: no late claim, no correction."""
    db = tmp_path / "warehouse.duckdb"
    shutil.copy2(settings.warehouse_db, db)
    con = duckdb.connect(str(db))
    _insert_next_year_of_care(con)
    con.close()
    return db


def test_a_new_closed_year_leaves_the_published_prevention_figures_unchanged(demo, tmp_path):
    """Red team 3, releases over time. The prevention consumer holds its 2025 release (enrolment in the dental
    check-up programme and follow-up care within 6 months, per 20-year band and sex). 2026 closes with nothing but
    2026 care landed. The 2025 figures the next release would carry must be those already published: a published
    closed period is final (docs/disclosure-control.md, section 4). If they move, the gate refuses the prevention
    release at every year end (the programme never receives a later year), and a manual correction hands the
    consumer the difference: members followed up early in 2026 after a 2025 check-up, per band x sex, down to one
    person.

    Red team finding G1 (session 23): a prevention year was closed at its end while its check-ups' follow-up window
    ran into the next year; on a 5,000-member mutuelle (seed 2718) released at 2025-01-01 then 2026-01-01, 8 of 10
    published 2024 cells moved (two by exactly 1 member) and the gate refused the prevention release. Fixed in
    de29c58 (a prevention year closes once its follow-up window is over); this test now guards it."""
    from tests.marts.dbt_support import run_dbt

    settings, _folders = demo
    published = pd.read_parquet(settings.published / "prevention" / "mart_prevention__dental_checkup.parquet")
    published = published[published.masking != "masked"]
    assert len(published), "the demo published no prevention figure: nothing to difference"
    db = _next_year_of_care(settings, tmp_path)
    run_dbt(
        "run",
        db,
        select=["+mart_prevention__dental_checkup"],
        dbt_vars={"publication_cutoff": "2027-01-01"},
        target=tmp_path / "target",
    )
    con = duckdb.connect(str(db), read_only=True)
    after = con.execute("select * from marts.mart_prevention__dental_checkup where care_year = 2025").fetchdf()
    con.close()
    keys = ["care_year", "age_band", "sex"]
    joined = published.merge(after, on=keys, suffixes=("", "_next"))
    assert len(joined) == len(published), "published 2025 prevention cells missing from the next release"
    moved = joined[
        (joined.member_count != joined.member_count_next)
        | (joined.enrolled != joined.enrolled_next)
        | (joined.followed_up != joined.followed_up_next)
    ]
    assert moved.empty, (
        f"{len(moved)} of {len(published)} published 2025 prevention cells move when 2026 closes: "
        f"{moved[keys + ['followed_up', 'followed_up_next']].to_dict('records')[:5]}"
    )


def test_integer_programme_with_the_broad_families_pins_no_masked_count(demo, warehouse):
    """Red team 3, the broad care families (``mart_employer__broad_families``, grouping public in every report):
    the HR manager's integer programme above, with each broad family's member count between the largest of its act
    families' and their sum, its lines their exact sum, and the year at least each broad family: no masked member or
    line count recovered exactly, none proven below k. Runs on the folders that hold the broad table (none while it
    is held back: then the test checks the folders without it, as above)."""
    _settings, folders = demo
    exposed, attacked = [], 0
    for folder in folders:
        tables = _folder_tables(folder)
        if tables is None or "mart_employer__broad_families" not in tables:
            continue
        attacked += 1
        for iv in integer_attack(tables, staff_list(warehouse, folder.name)):
            if why := iv.exposed():
                exposed.append((folder.name, iv.table, iv.key, iv.column, why))
    assert not exposed, exposed[:10]
