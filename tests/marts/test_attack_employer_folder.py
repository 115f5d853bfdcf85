"""An employer's HR manager attacks the folder it receives (demo release): the attacks that must keep failing.

Attacker (DESIGN.md, issue 9, issue 13): an employer holding only its own published folder
(``published/employer/<siret>/``: Parquet marts, the yearly total, the HTML/PDF report with its charts, the
CSV/XLSX copies, LISEZMOI, the signed manifest, the pooled benchmark) and its staff list (who is covered, sex,
age); possibly pooling its folder with a second employer's. Every attack below reads only those files; the
warehouse (``intermediate.int_disclosure__*``, ``intermediate.int_benefits__member_atoms``) is opened only to
CONFIRM a finding (is the recovered value right, is a residual really small or dominated), never as attacker
knowledge.

What holds here, and is kept from regressing:

* the charts (inline SVG) encode nothing but published values: every bar is a published amount of a published
  row at one scale per chart, and no chart carries text a value could hide in;
* the manifest's and the page's counts (own cells, masked cells, masked shares) are recomputable from the
  folder's own Parquet files alone;
* the attacker's linear programme over the folder (yearly total, totals by family, detailed consumption and
  the pooled benchmark together, masked markers, zeros, staff-list populations) recovers no masked cell, proves
  no masked count small and pins no masked amount within 15 %;
* the pooled benchmark minus the employer's own published figures (one employer, and two employers pooling
  theirs), wherever the employer's cells line up with published benchmark cells, leaves at least k other
  people and no amount carried by one of them (dominance 85 %, p % 15).

Attacks that succeed are not tests here: they are reported to the project (homogeneity of small groups, silent
revision of the benchmark's averages between runs, and the benchmark coalition guarantee, which the rules
alone do not give, although this release does not break it).
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.marts import attack_toolkit as at

K, DOMINANCE, P_PERCENT, PROTECTION = at.K, at.DOMINANCE, at.P_PERCENT, at.PROTECTION
OWN = ("mart_employer__yearly", "mart_employer__totals", "mart_employer__consumption")
BENCHMARK = "mart_employer__benchmark"
BANDS = ("0-19", "20-39", "40-59", "60-79", "80+")
PAYERS = ("ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
BENCH_AMOUNTS = ("actual_cost", "complementary_reimbursement", "out_of_pocket")


# --- the attacker's holdings ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(demo_run):
    settings, _results = demo_run
    root = settings.published / "employer"
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []
    if not folders:
        pytest.skip("the demo published no employer folder: nothing to attack")
    return settings, folders


@pytest.fixture(scope="module")
def warehouse(demo):
    """Confirmation only (true values, true contributions); never attacker knowledge."""
    settings, _folders = demo
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def staff(warehouse):
    """Each employer's staff list (covered members by year, sex, age): attacker knowledge of that employer."""
    return at.population_frame(warehouse)


def _tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pq.read_table(p).to_pandas() for p in folder.glob("*.parquet")}


def _own_tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {m: df for m, df in _tables(folder).items() if m in OWN}


# --- 1. the charts and counts shown say nothing beyond the Parquet ---------------------------------------------

_BAR = re.compile(r'<rect class="bar"[^>]*? width="([\d.]+)"')
_TICK_GROUP = re.compile(r'<g class="tick".*?</g>', re.S)
_TEXT = re.compile(r"<text[^>]*>([^<]*)</text>")
# what a chart's labels may say with digits besides its axis' ticks: years, quarters, age bands
_LABEL_NUMBERS = re.compile(r"\b(19|20)\d\d\b|\b\d{1,3}\s?[–-]\s?\d{1,3}\b|\b\d{1,3}\+|[TQ][1-4]\b")


def _bars(svg: str) -> list[float]:
    """Widths of the chart's bars (``<rect class="bar">``; legend swatches are another class)."""
    return [float(w) for w in _BAR.findall(svg)]


def _numbers_outside_ticks(svg: str) -> list[str]:
    """The chart's written text, its axis' tick labels left out, that holds a number other than a year, a
    quarter or an age band: a value written on a chart would be a figure the Parquet need not hold."""
    texts = _TEXT.findall(_TICK_GROUP.sub("", svg))
    return [t for t in texts if re.search(r"\d", _LABEL_NUMBERS.sub("", t))]


def _published_payers(df: pd.DataFrame) -> list[float]:
    shown = df[(df["masking"] == "none") & df["actual_cost"].notna()]
    shown = shown[shown["actual_cost"].astype(float) > 0]
    return [float(v) for p in PAYERS for v in shown[p].astype(float)]


def test_payer_charts_encode_only_published_values_at_one_scale(demo):
    """The yearly and per-family charts: their bars are, at one scale, exactly the published payer amounts of
    the published rows (no masked row, no total and no value beyond the Parquet is drawn), and no number is
    written on a chart besides its axis' ticks and its labels' years, quarters and age bands."""
    _settings, folders = demo
    charts = 0
    for folder in folders:
        tables = _own_tables(folder)
        for page in ("rapport_fr.html", "report_en.html"):
            html = (folder / page).read_text(encoding="utf-8")
            svgs = re.findall(r'<svg class="chart".*?</svg>', html, flags=re.S)
            assert not [n for s in svgs for n in _numbers_outside_ticks(s)], (folder.name, page)
            for svg in svgs:
                label = re.search(r'aria-label="([^"]*)"', svg).group(1).lower()
                mart = (
                    "mart_employer__yearly"
                    if ("toutes familles" in label or "all care families" in label)
                    else "mart_employer__totals"
                    if ("par famille" in label or "per care family" in label)
                    else None
                )
                if mart is None:
                    continue  # trend and benchmark charts: sums and ratios of published cells
                values, widths = sorted(_published_payers(tables[mart])), sorted(_bars(svg))
                assert len(widths) == len(values) and sum(values) > 0, (folder.name, page, mart)
                scale = sum(widths) / sum(values)
                for w, v in zip(widths, values, strict=True):
                    assert abs(w / scale - v) <= max(0.05, 1e-4 * v), (folder.name, page, mart, v)
                charts += 1
    assert charts, "no payer chart to check in the demo release"


def test_counts_in_the_manifest_and_page_are_recomputable_from_the_folder(demo):
    """Every number in an employer's manifest and the page's "n of N values not published" come from the
    folder's own files: nothing computed over other employers."""
    _settings, folders = demo
    for folder in folders:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        tables = _tables(folder)
        own = {m: df for m, df in tables.items() if m in OWN}
        cells = sum(len(df) for df in own.values())
        masked = sum(int((df["masking"] != "none").sum()) for df in own.values())
        # the manifest may count the cell tables or every own file (the summary row too): both are the folder's
        files = {m: df for m, df in tables.items() if m != BENCHMARK}
        every = (
            sum(len(df) for df in files.values()),
            sum(int((df["masking"] == "masked").sum()) for df in files.values() if "masking" in df),
        )
        emp = manifest["employer"]
        assert (emp["own_cells"], emp["own_masked_cells"]) in {(cells, masked), every}, folder.name
        if emp["own_cells"]:
            assert emp["own_masked_cell_share"] == pytest.approx(emp["own_masked_cells"] / emp["own_cells"])
        for mart, share in manifest["masked_cell_share"].items():
            df = tables[mart]
            expected = (df["masking"] != "none").mean() if len(df) and "masking" in df else 0.0
            assert share == pytest.approx(expected, abs=1e-9) or (share is None and not len(df)), (folder.name, mart)
        for entry in manifest["files"]:
            assert entry["rows"] == len(tables[Path(entry["name"]).stem]), (folder.name, entry["name"])
        html = (folder / "rapport_fr.html").read_text(encoding="utf-8")
        hidden = re.search(r"(\d+) valeur\(s\) sur (\d+)", html)
        if hidden:
            assert (int(hidden.group(1)), int(hidden.group(2))) == (masked, cells), folder.name


# --- 2. the attacker's linear programme over the whole folder --------------------------------------------------


def _norm(s: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.dt.strftime("%Y-%m-%d")
    return s.map(
        lambda v: (
            v.isoformat()[:10]
            if hasattr(v, "isoformat")
            else (str(int(v)) if isinstance(v, (float, np.floating)) and float(v).is_integer() else str(v))
        )
    )


def _truth(con: duckdb.DuckDBPyConnection, t: at.Table, cache: dict[str, pd.DataFrame]) -> pd.DataFrame | None:
    """The true cells behind a published table, aligned on its rows (confirmation only)."""
    consumer, rest = t.mart.removeprefix("mart_").split("__", 1)
    name = f"int_disclosure__{consumer}_{rest}"
    if name not in cache:
        try:
            cache[name] = con.execute(f"select * from intermediate.{name}").fetchdf()
        except duckdb.Error:  # not a cell table (the summary): nothing to confirm against
            cache[name] = None
    df = cache[name]
    if df is None:
        return None
    keys = [c for c in t.df.columns if c in (at.DIM_COLUMNS | at.META_COLUMNS) - {"masking"} and c in df.columns]
    left = pd.DataFrame({c: _norm(t.df[c]) for c in keys})
    right = df.copy()
    for c in keys:
        right[c] = _norm(right[c])
    right = right.drop(columns=[c for c in right.columns if c == "masking"]).drop_duplicates(keys)
    return left.reset_index().merge(right, on=keys, how="left").set_index("index").reindex(t.df.index)


def _breaches(result: at.AttackResult, con, cache) -> list[tuple[str, str, str]]:
    out = []
    truths = {ti: _truth(con, t, cache) for ti, t in enumerate(result.release.tables) if "masking" in t.df}
    for b in result.bounds:
        for ti, ri, col in b.refs:
            t, truth = result.release.tables[ti], truths.get(ti)
            name = (at.ratio_of(col) or (col,))[0]
            if truth is None or name not in truth or pd.isna(truth.loc[ri, name]):
                kinds = [k for k, _ in at.classify(b.lo, b.hi, b.integer, b.people)]
            else:
                true = float(truth.loc[ri, name])
                reason = str(truth.loc[ri, "primary_reason"]) if "primary_reason" in truth else "none"
                kinds = at.protection_breaches(b.lo, b.hi, true, b.integer, b.people, reason not in ("none", "nan"))
            out += [(t.mart, col, k) for k in kinds]
    return out


def test_the_lp_over_each_folder_with_its_staff_list_recovers_nothing(demo, warehouse, staff):
    """Yearly total, totals by family and detailed consumption of one folder at once (masked markers, zeros,
    the staff list's populations as bounds on counts), then the benchmark (the same file in every folder; the
    toolkit relates it to no own cell: its differencing with own cells is the next test): no masked cell
    recovered, proven small or pinned (confirmed on the true values)."""
    _settings, folders = demo
    cache: dict[str, pd.DataFrame | None] = {}
    found, attacked = [], 0
    for folder in folders:
        rel = at.Release.from_folders([folder])
        own = at.Release([t for t in rel.tables if t.mart in OWN], rel.manifests)
        if not any(t.masked.any() for t in own.tables):
            continue  # nothing masked: nothing to recover
        attacked += 1
        result = at.attack(own, population=staff[staff.scope == folder.name])
        found += [(folder.name, *b) for b in _breaches(result, warehouse, cache)]
    bench = at.Release([t for t in at.Release.from_folders([folders[0]]).tables if t.mart == BENCHMARK])
    found += [("benchmark", *b) for b in _breaches(at.attack(bench), warehouse, cache)]
    print(f"LP over {attacked} folders with masked cells and the benchmark: {len(found)} exposed cells")
    assert attacked, "no employer folder has a masked cell: the attack tested nothing"
    assert not found, found[:10]


def test_a_known_bill_of_a_colleague_pins_no_other_masked_figure(demo, warehouse, staff):
    """The HR manager knows one colleague's bill (the largest in a masked cell: the colleague who dominates it)
    and adds it to the folder's linear programme: no OTHER masked cell gets recovered, proven small or pinned,
    and the rest of the known cell (everyone else's amount in it) keeps its +-15 % (confirmed on the truth).
    The folders whose most dominated masked cell is the most dominated are attacked (at most 12, for time)."""
    _settings, folders = demo
    cache: dict[str, pd.DataFrame | None] = {}
    targets = []
    for folder in folders:
        rel = at.Release([t for t in at.Release.from_folders([folder]).tables if t.mart in OWN])
        best = None
        for ti, t in enumerate(rel.tables):
            truth = _truth(warehouse, t, cache)
            if truth is None or "actual_cost_top1" not in truth:
                continue
            for ri in np.flatnonzero(t.masked.to_numpy()):
                total, top1 = float(truth.loc[ri, "actual_cost"]), float(truth.loc[ri, "actual_cost_top1"])
                if top1 > 0 and str(truth.loc[ri, "primary_reason"]) not in ("none", "nan"):
                    if best is None or top1 / total > best[0]:
                        best = (top1 / total, ti, int(ri), top1, total)
        if best is not None:
            targets.append((best, folder, rel))
    targets.sort(key=lambda x: -x[0][0])
    exposed = []
    for (_share, ti, ri, bill, total), folder, rel in targets[:12]:
        t = rel.tables[ti]
        dims = {c: t.df.iloc[ri][c] for c in t.df.columns if c in at.DIM_COLUMNS | {"period_grain"}}
        dims["employer_siret"] = folder.name
        fact = at.Fact("care", "actual_cost", dims, lo=bill, hi=np.inf, consumer=t.consumer)
        result = at.attack(rel, facts=[fact], population=staff[staff.scope == folder.name])
        truths = {i: _truth(warehouse, x, cache) for i, x in enumerate(rel.tables)}
        for b in result.bounds:
            known = any(i == ti and r == ri for i, r, _ in b.refs)
            for i, r, col in b.refs:
                truth = truths.get(i)
                if truth is None or col not in truth or pd.isna(truth.loc[r, col]):
                    continue
                true = float(truth.loc[r, col])
                if known:
                    if col != "actual_cost" or i != ti or r != ri:
                        continue
                    rest, lo, hi = true - bill, max(b.lo, bill) - bill, b.hi - bill
                    if rest > 0 and (hi < (1 + PROTECTION) * rest - 1e-6 or lo > (1 - PROTECTION) * rest + 1e-6):
                        exposed.append((folder.name, rel.tables[i].mart, "rest of the known cell pinned"))
                    continue
                primary = str(truth.loc[r, "primary_reason"]) not in ("none", "nan")
                exposed += [
                    (folder.name, rel.tables[i].mart, col, k)
                    for k in at.protection_breaches(b.lo, b.hi, true, b.integer, b.people, primary)
                ]
    print(f"known-bill attacks on {min(len(targets), 12)} folders: {len(exposed)} exposed figures")
    assert not exposed, exposed[:10]


# --- 3. the pooled benchmark minus one or two employers' own figures -------------------------------------------


def _band20(age: pd.Series) -> pd.Series:
    return pd.cut(age.clip(upper=80), [-1, 19, 39, 59, 79, 200], labels=list(BANDS)).astype(str)


def _regions(folders: list[Path], staff: pd.DataFrame) -> tuple[dict, dict]:
    """Attacker side. Benchmark cells by (year, family, band, sex); and, per employer, each published own row of
    a whole year as the set of benchmark cells it covers (the staff list says which age/sex groups are empty)."""
    bench = pq.read_table(folders[0] / f"{BENCHMARK}.parquet").to_pandas()
    families = sorted(bench["act_family"].unique())
    cells = {(int(r.care_year), r.act_family, r.age_band, r.sex): r for r in bench.itertuples()}
    s = staff.assign(band=_band20(staff["age"]))
    headcount = s.groupby(["scope", "year", "band", "sex"])["count"].sum().to_dict()
    own: dict[tuple, dict[str, tuple[int | None, dict[str, float]]]] = defaultdict(dict)
    for folder in folders:
        siret = folder.name
        for mart, df in _own_tables(folder).items():
            for r in df[df["masking"] == "none"].to_dict("records"):
                if mart.endswith("consumption") and r.get("period_grain") != "year":
                    continue
                band, sex = r.get("age_band", "all"), r.get("sex", "all")
                bands = BANDS if band in (None, "all") else ((band,) if band in BANDS else None)
                if bands is None:
                    continue  # a 5- or 10-year band covers no whole benchmark cell
                sexes = ("F", "M") if sex in (None, "all") else (sex,)
                year = int(r["care_year"])
                groups = frozenset((b, x) for b in bands for x in sexes if headcount.get((siret, year, b, x), 0) > 0)
                fams = frozenset([r["act_family"]]) if "act_family" in r else frozenset(families)
                if groups:
                    count = int(r["member_count"]) if len(fams) == 1 else None
                    own[(year, fams, groups)][siret] = (count, {a: float(r[a]) for a in BENCH_AMOUNTS})
    return cells, own


def _pool(cells: dict, region: tuple) -> tuple[int, dict[str, float]] | None:
    year, fams, groups = region
    n, amounts = 0, dict.fromkeys(BENCH_AMOUNTS, 0.0)
    for fam in fams:
        for band, sex in groups:
            r = cells.get((year, fam, band, sex))
            if r is None or r.masking != "none":
                return None
            n += int(r.member_count)
            for a in BENCH_AMOUNTS:
                amounts[a] += float(getattr(r, f"{a}_per_member") or 0) * int(r.member_count)
    return n, amounts


ATOMS_SQL = """
    select a.employer_siret, a.member_token, a.care_year, a.act_family, a.age_at_care, a.sex,
           a.actual_cost::double as actual_cost,
           a.complementary_reimbursement::double as complementary_reimbursement,
           a.out_of_pocket::double as out_of_pocket
    from intermediate.int_benefits__member_atoms as a
    join intermediate.int_employers__coverage as c
      on c.employer_siret = a.employer_siret and c.report_status = 'reported'
"""


def _in_scope(scope: pd.DataFrame, atoms: pd.DataFrame, siret: str) -> pd.Series:
    """Confirmation: the employer's atoms that fall in the groups its own tables describe (left-out groups not)."""
    g = scope[scope.employer_siret == siret]
    mine = atoms.employer_siret == siret
    if g.empty:
        return mine & False
    width, by_sex = int(g.age_band_width.iloc[0] or 0), g.sex_level.iloc[0] == "sex"
    age = atoms.age_at_care.clip(upper=80)
    if width:
        lo = (age // width) * width
        band = np.where(
            atoms.age_at_care >= 80, "80+", lo.astype(int).astype(str) + "-" + (lo + width - 1).astype(int).astype(str)
        )
    else:
        band = np.full(len(atoms), "all")
    sex = atoms.sex.to_numpy() if by_sex else np.full(len(atoms), "all")
    key = (
        atoms.care_year.astype(str) + "|" + pd.Series(band, index=atoms.index) + "|" + pd.Series(sex, index=atoms.index)
    )
    keys = {f"{y}|{b}|{x}" for y, b, x in zip(g.care_year, g.age_band, g.sex, strict=True)}
    return mine & key.isin(keys)


def _true_rest(
    atoms: pd.DataFrame, scopes: dict[str, pd.Series], region: tuple, coalition: tuple[str, ...]
) -> dict[str, Any]:
    """Confirmation: the pool's members of the region outside the coalition's published scope."""
    year, fams, groups = region
    inside = (atoms.care_year == year) & atoms.act_family.isin(fams) & atoms.group.isin({f"{b}|{x}" for b, x in groups})
    for siret in coalition:
        inside &= ~scopes[siret]
    per = atoms[inside].groupby("member_token")[list(BENCH_AMOUNTS)].sum()
    out: dict[str, Any] = {"members": len(per)}
    for m in BENCH_AMOUNTS:
        v = np.sort(per[m].to_numpy())[::-1]
        out[m] = (float(v.sum()), float(v[0]) if len(v) else 0.0, float(v[1]) if len(v) > 1 else 0.0)
    return out


@pytest.mark.parametrize("size", [1, 2], ids=["one employer", "two employers pooling"])
def test_benchmark_minus_own_figures_leaves_k_people_and_no_dominated_amount(demo, warehouse, staff, size):
    """pool - own (or pool - A - B) over every region where the employers' published whole-year rows line up
    with published benchmark cells: the others' count is 0 or at least k, and no other person carries more than
    85 % of the others' amount or lets the p % rule fail (confirmed on true contributions)."""
    _settings, folders = demo
    cells, own = _regions(folders, staff)
    atoms = warehouse.execute(ATOMS_SQL).fetchdf()
    atoms["group"] = _band20(atoms["age_at_care"]) + "|" + atoms["sex"]
    scope = warehouse.execute(
        "select distinct employer_siret, care_year, age_band, sex, age_band_width, sex_level "
        "from intermediate.int_disclosure__employer_consumption"
    ).fetchdf()
    scopes = {f.name: _in_scope(scope, atoms, f.name) for f in folders}
    problems, evaluated, confirmed = [], 0, 0
    for region, by_employer in own.items():
        pool = _pool(cells, region)
        if pool is None:
            continue
        n, amounts = pool
        for coalition in itertools.combinations(sorted(by_employer), size):
            figures = [by_employer[s] for s in coalition]
            evaluated += 1
            if all(c is not None for c, _ in figures):
                rest = n - sum(c for c, _ in figures)
                if 0 < rest < K:
                    problems.append(("count under k", region[0], sorted(region[1]), coalition, rest))
            truth = _true_rest(atoms, scopes, region, coalition)
            for m in BENCH_AMOUNTS:
                derived = amounts[m] - sum(f[m] for _, f in figures)
                total, top1, top2 = truth[m]
                if abs(derived - total) > 0.01 * n + 0.01:
                    continue  # the relation does not hold (groups left out): the attacker gets nothing exact
                confirmed += 1
                if total > 0 and (top1 > DOMINANCE * total or total - top1 - top2 < P_PERCENT * top1):
                    problems.append(("dominated rest", region[0], sorted(region[1]), coalition, m))
    print(
        f"benchmark differencing by {size} employer(s): {evaluated} regions evaluated, {confirmed} residual amounts "
        f"matching the truth, {len(problems)} problems"
    )
    assert not problems, problems[:10]


def test_every_published_benchmark_cell_survives_its_two_largest_employers_pooling(demo, warehouse):
    """Rule, not luck: for every published benchmark cell, take away the two largest employers (by members, and
    by each amount): at least k members remain, and among the remaining people the largest bills pass dominance
    and p % (true contributions). Red-team finding: two employers pooling their folders can otherwise subtract
    their own figures from a cell where three people remain."""
    _settings, folders = demo
    files = sorted(folders[0].glob(f"{BENCHMARK}*.parquet")) if folders else []
    if not files:
        pytest.fail("no benchmark file in the first employer folder of the demo run")
    bench = pd.read_parquet(files[0])
    published = bench[(bench["masking"] == "none") & (bench["member_count"] > 0)]
    assert len(published), "the demo run publishes no benchmark cell: nothing to check"
    atoms = warehouse.execute(ATOMS_SQL).fetchdf()
    atoms["age_band"] = _band20(atoms["age_at_care"])
    problems = []
    for cell in published.itertuples(index=False):
        inside = atoms[
            (atoms.care_year.astype(str) == str(cell.care_year))
            & (atoms.act_family == cell.act_family)
            & (atoms.age_band == cell.age_band)
            & (atoms.sex == cell.sex)
        ]
        members = inside.groupby("employer_siret")["member_token"].nunique().sort_values(ascending=False)
        rest = inside[~inside.employer_siret.isin(members.index[:2])]["member_token"].nunique()
        if rest < K:
            problems.append((cell.care_year, cell.act_family, cell.age_band, cell.sex, "members", rest))
        for m in BENCH_AMOUNTS:
            by_employer = inside.groupby("employer_siret")[m].sum().sort_values(ascending=False)
            others = inside[~inside.employer_siret.isin(by_employer.index[:2])]
            per = np.sort(others.groupby("member_token")[m].sum().to_numpy())[::-1]
            total = float(per.sum())
            top1 = float(per[0]) if len(per) else 0.0
            top2 = float(per[1]) if len(per) > 1 else 0.0
            if top1 > 0 and (top1 > DOMINANCE * total or total - top1 - top2 < P_PERCENT * top1):
                problems.append((cell.care_year, cell.act_family, cell.age_band, cell.sex, m, round(top1 / total, 3)))
    assert not problems, problems[:10]
