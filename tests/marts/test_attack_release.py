"""Attacks on the real release (3,000-member synthetic warehouse, every consumer's folder).

The attacker works from the published folders (all runs) and background knowledge an attacker
legitimately has: an employer knows its covered employees (sex, age, site); the insurer knows its
member registry. The warehouse's true values (``intermediate.int_disclosure__*``, ``pseudo.*``) are
read only to CONFIRM a finding (is the recovered value right, is the cell truly primary/small,
is the amount truly dominated), never as attacker knowledge.

Each test prints what it found (kinds, places and counts, never a person's value).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pytest

from confiance.pipeline_inputs import publication_services
from tests.marts import attack_toolkit as at
from tests.marts.dbt_support import run_dbt

K = at.K
BREACH_KINDS = {"recovered", "proven_small", "pinned"}


# --- helpers -----------------------------------------------------------------------------------------


def _folders(published: Path) -> dict[str, Path]:
    out = {c: published / c for c in ("insurer", "dataviz", "prevention") if (published / c).exists()}
    employer = published / "employer"
    if employer.exists():
        out |= {f"employer/{p.name}": p for p in sorted(employer.iterdir()) if p.is_dir()}
    return out


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


_INT_TABLES: dict[tuple[int, str], pd.DataFrame | None] = {}


def _int_table(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame | None:
    key = (id(con), name)
    if key not in _INT_TABLES:
        try:
            _INT_TABLES[key] = con.execute(f"select * from intermediate.{name}").fetchdf()
        except duckdb.Error:
            _INT_TABLES[key] = None
    return _INT_TABLES[key]


def truth_frame(con: duckdb.DuckDBPyConnection, t: at.Table) -> pd.DataFrame | None:
    """The true values behind a published table, aligned on its rows (confirmation only)."""
    consumer, rest = t.mart.removeprefix("mart_").split("__", 1)
    df = _int_table(con, f"int_disclosure__{consumer}_{rest}")
    if df is None:
        return None
    keys = [c for c in t.df.columns if c in (at.DIM_COLUMNS | at.META_COLUMNS) - {"masking"} and c in df.columns]
    if not keys:
        return None
    left = pd.DataFrame({c: _norm(t.df[c]) for c in keys})
    right = df.copy()
    for c in keys:
        right[c] = _norm(right[c])
    right = right.drop(columns=[c for c in right.columns if c == "masking"]).drop_duplicates(keys)
    merged = left.reset_index().merge(right, on=keys, how="left").set_index("index")
    return merged.reindex(t.df.index)


def _true_value(truth: pd.DataFrame | None, ri: int, col: str, t: at.Table) -> float | None:
    if truth is None:
        return None
    ratio = at.ratio_of(col)
    name = ratio[0] if ratio else col
    row = truth.loc[ri]
    if name in truth.columns and pd.notna(row[name]):
        return float(row[name])
    if ratio and col in truth.columns and ratio[1] in truth.columns and pd.notna(row[col]):
        return float(row[col]) * float(row[ratio[1]])
    return None


def _primary(truth: pd.DataFrame | None, ri: int, true_members: float | None) -> bool:
    if truth is not None:
        for c in ("primary_reason", "primary"):
            if c in truth.columns:
                v = truth.loc[ri, c]
                return bool(v) if isinstance(v, (bool, np.bool_)) else (pd.notna(v) and str(v) not in {"", "none"})
    return true_members is not None and true_members < K


def confirmed_breaches(result: at.AttackResult, truths: dict[int, pd.DataFrame | None]) -> list[dict[str, Any]]:
    """Attacker intervals judged against the true values: which masked cells are really exposed."""
    out = []
    for b in result.bounds:
        for ti, ri, col in b.refs:
            t = result.release.tables[ti]
            truth = truths.get(ti)
            true = _true_value(truth, ri, col, t)
            members = _true_value(truth, ri, "member_count", t) if "member_count" in t.df else None
            if true is None:  # no truth: the attacker-side verdicts stand
                kinds = [k for k, _ in at.classify(b.lo, b.hi, b.integer, b.people)]
            else:
                kinds = at.protection_breaches(b.lo, b.hi, true, b.integer, b.people, _primary(truth, ri, members))
                if true < b.lo - 0.01 - 1e-6 * abs(true) or true > b.hi + 0.01 + 1e-6 * abs(true):
                    kinds.append("truth outside attacker interval (an assumed relation is wrong)")
            for kind in kinds:
                out.append({"consumer": t.consumer, "run": t.run, "mart": t.mart, "column": col, "kind": kind})
    return out


def _tally(rows: list[dict[str, Any]]) -> Counter:
    return Counter((r["mart"], r["column"], r["kind"]) for r in rows)


def _attack(rel: at.Release, con, population=None, facts=()) -> tuple[at.AttackResult, list[dict[str, Any]]]:
    result = at.attack(rel, facts=facts, population=population)
    truths = {ti: truth_frame(con, t) for ti, t in enumerate(rel.tables) if "masking" in t.df}
    return result, confirmed_breaches(result, truths)


def _report(title: str, rows: list[dict[str, Any]], result: at.AttackResult | None = None) -> str:
    lines = [f"{title}: {len(rows)} exposed masked cells"]
    if result is not None:
        lines.append(f"  attacker-side verdicts: {result.summary()}  LP stats: {result.stats}")
    for (mart, col, kind), n in sorted(_tally(rows).items()):
        lines.append(f"  {n:5d}  {mart}.{col}: {kind}")
    text = "\n".join(lines)
    print(text)
    return text


def _without_benchmark(rel: at.Release) -> at.Release:
    return at.Release([t for t in rel.tables if "benchmark" not in t.mart], rel.manifests)


@pytest.fixture(scope="module")
def release(published):
    settings, _summary = published
    folders = _folders(settings.published)
    return {c: at.Release.from_folders([f]) for c, f in folders.items()}


def _consumer(release: dict[str, at.Release], name: str) -> at.Release:
    if name not in release:
        pytest.skip(f"{name} was not published: nothing to attack (see test_every_consumer_is_published)")
    return release[name]


def _refusals(summary: dict[str, Any]) -> dict[str, Any]:
    return {
        c: (v.get("status"), [r[:300] for r in v.get("reasons", [])[:5]])
        for c, v in summary.get("consumers", {}).items()
        if v.get("status") != "published"
    }


def test_every_consumer_is_published(published):
    """Not an attack: a refused consumer has nothing to attack, so every other test would pass vacuously."""
    _settings, summary = published
    refused = _refusals(summary)
    print(f"publication: refused {refused}")
    assert not refused, refused


@pytest.fixture(scope="module")
def warehouse(published):
    settings, _ = published
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def population(warehouse):
    """The registry an employer (its own staff) or the insurer (all members) holds: background knowledge."""
    return at.population_frame(warehouse)


def _employers(release: dict[str, at.Release]) -> dict[str, at.Release]:
    return {c.split("/", 1)[1]: r for c, r in release.items() if c.startswith("employer/")}


def _insurer_population(population: pd.DataFrame) -> pd.DataFrame:
    return population.assign(scope="ALL")


# --- reason leakage, existence, structure ---------------------------------------------------------------


def test_masking_is_none_or_masked_and_masked_rows_are_empty(release):
    found = [f for rel in release.values() for f in at.masking_findings(rel)]
    bad = [
        str(f) for f in found if f.kind in {"reason_leak", "reason_column", "value_on_masked_row", "no_masking_column"}
    ]
    other = Counter(f.kind for f in found if str(f) not in bad)
    print(f"masking: {len(bad)} leaks; other observations: {dict(other)}")
    assert not bad, "\n".join(sorted(set(bad))[:30])


def test_cell_tables_are_complete_grids(release, population):
    found = []
    for consumer, rel in release.items():
        if consumer.startswith("employer/"):
            pop = population[population.scope == consumer[9:]]
        elif consumer == "insurer":
            pop = _insurer_population(population)
        else:
            pop = None
        found += [str(f) for f in at.grid_findings(rel, pop)]
    print(f"grids: {len(found)} findings")
    assert not found, "\n".join(sorted(set(found))[:30])


def test_no_row_describes_a_population_under_k(release, population, warehouse):
    """Every row (published or masked) must describe a population of at least k: an employer knows its
    own staff by sex and age, the insurer its registry; a row over 6 people says something about them
    even masked. Confirmed with the true population where the warehouse has it."""
    found = []
    for siret, rel in _employers(release).items():
        found += at.population_findings(rel, population[population.scope == siret])
    if "insurer" in release:
        found += at.population_findings(release["insurer"], _insurer_population(population))
    confirmed = 0
    for rel in release.values():
        for t in rel.cell_tables():
            truth = truth_frame(warehouse, t)
            if truth is not None and "population" in truth.columns:
                confirmed += int((truth["population"].fillna(0) < K).sum())
    by = Counter(f.where.split("[")[0].rsplit(":", 1)[-1] + " " + f.detail for f in found)
    print(f"population: {len(found)} rows under k by the attacker's count; {confirmed} by the warehouse's; {dict(by)}")
    assert not found and not confirmed, dict(by)


def test_manifests_carry_only_the_folders_own_figures(release):
    """Every number in a manifest is a row count of the folder's own file, a public parameter, or a
    figure of the named file the consumer recomputes from that file alone (rows, masked rows, masked
    share); anything else may be computed over other consumers' data."""
    found = []
    for rel in release.values():
        derivable = _derivable_figures(rel)
        for f in at.manifest_findings(rel):
            if f.kind == "manifest_figure" and _explained(f, rel, derivable):
                continue
            found.append(f)
    print(f"manifests: {len(found)} figures a consumer cannot explain from its own files")
    assert not found, "\n".join(sorted({str(f) for f in found})[:20])


def _derivable_figures(rel: at.Release) -> dict[str, list[float]]:
    """Per file: the figures its own rows give (rows, masked rows, masked share of rows and of cells)."""
    out: dict[str, list[float]] = {}
    for t in rel.tables:
        n = len(t.df)
        m = int(t.masked.sum())
        out[t.mart] = [float(n), float(m), (m / n) if n else 0.0]
    # The folder's own figures (every file but the shared benchmark), added up across its files.
    own = [t for t in rel.tables if "benchmark" not in t.mart]
    n, m = sum(len(t.df) for t in own), sum(int(t.masked.sum()) for t in own)
    out[FOLDER] = [float(n), float(m), (m / n) if n else 0.0]
    return out


#: Key of the folder-wide figures in ``_derivable_figures`` (never a mart name).
FOLDER = "<folder>"


def _explained(f: at.Finding, rel: at.Release, derivable: dict[str, list[float]]) -> bool:
    for consumer, _run, manifest in rel.manifests:
        for path, value in at.manifest_numbers(manifest):
            if not f.where.endswith(consumer + path):
                continue
            marts = [m for m in derivable if m in path]
            if not marts:  # a figure naming no file: the folder's own totals are all it may be
                marts = [FOLDER]
            if len(marts) == 1 and any(np.isclose(value, d, rtol=0, atol=5e-4) for d in derivable[marts[0]]):
                return True
    return False


def test_benchmark_is_the_same_file_in_every_employer_folder(release):
    bench = {s: next((t for t in r.tables if "benchmark" in t.mart), None) for s, r in _employers(release).items()}
    present = {s: t for s, t in bench.items() if t is not None}
    if not present:
        pytest.skip("no benchmark published")
    ref = next(iter(present.values()))
    diffs = {s: at.folder_differences([ref], [t]) for s, t in present.items()}
    differing = {s: [str(d) for d in v] for s, v in diffs.items() if v}
    print(f"benchmark: {len(present)} copies, {len(differing)} differ from the first")
    # a benchmark that depends on the recipient lets two colluding employers difference their copies
    assert not differing, list(differing.items())[:3]


def test_benchmark_minus_own_figures_never_describes_fewer_than_k(release):
    """An employer subtracts its own published cells from the pooled benchmark (same year, family, and
    the age bands / sexes that partition its cell): what is left are the other employers' members."""
    employers = _employers(release)
    if not employers:
        pytest.skip("no employer folder was published: nothing to attack")
    found = [f for rel in employers.values() for f in at.benchmark_residual_findings(rel)]
    kinds = Counter(f.kind for f in found)
    print(f"benchmark residuals over {len(employers)} employer folders: {dict(kinds)}")
    assert not kinds.get("benchmark_residual_under_k"), [str(f) for f in found][:10]


def test_observations_homogeneity_and_level_choice(release, population):
    """Not rules of the release, reported for the record: published cells where every member of the
    known population consumed (or none did)."""
    kinds: Counter = Counter()
    for siret, rel in _employers(release).items():
        kinds.update(f.kind for f in at.homogeneity_findings(rel, population[population.scope == siret]))
    if "insurer" in release:
        kinds.update(
            f"insurer {f.kind}" for f in at.homogeneity_findings(release["insurer"], _insurer_population(population))
        )
    kinds.update(_level_choice(release, population))
    print(f"observations: {dict(kinds)}")


def _feasible(pop: pd.DataFrame, width: int, by_sex: bool) -> bool:
    """Every non-empty (year, age band, sex) group of the staff list counts at least k."""
    if pop.empty:
        return False
    band = pop["age"].clip(upper=80) // width if width else pd.Series(0, index=pop.index)
    keys = [pop["year"], band] + ([pop["sex"]] if by_sex else [])
    counts = pop.groupby(keys)["count"].sum()
    return bool((counts[counts > 0] >= K).all())


def _level_choice(release: dict[str, at.Release], population: pd.DataFrame) -> Counter:
    """An employer knows its staff: if a strictly finer age / sex breakdown was feasible on population
    alone, the coarser one it got was chosen on its consumption (a side channel, reported)."""
    out: Counter = Counter()
    for siret, rel in _employers(release).items():
        cons = next((t for t in rel.tables if t.mart == "mart_employer__consumption" and len(t.df)), None)
        if cons is None or "age_band_width" not in cons.df:
            continue
        width = int(cons.df["age_band_width"].iloc[0] or 0)
        by_sex = str(cons.df.get("sex_level", pd.Series(["sex"])).iloc[0]) == "sex"
        pop = population[population.scope == siret]

        def finer_or_equal(w: int, s: bool, width: int = width, by_sex: bool = by_sex) -> bool:
            ages = w == width or (w > 0 and (width == 0 or width % w == 0))
            return ages and (s or not by_sex)

        finer = [
            (w, s)
            for w in (5, 10, 20, 0)
            for s in (True, False)
            if finer_or_equal(w, s) and (w, s) != (width, by_sex) and _feasible(pop, w, s)
        ]
        if finer:
            out["level coarser than the staff list allows"] += 1
    return out


# --- the attacker's LP over each consumer's holdings ------------------------------------------------------


def test_insurer_release_survives_the_lp(release, population, warehouse):
    rel = _consumer(release, "insurer")
    result, rows = _attack(rel, warehouse, population=_insurer_population(population))
    text = _report("insurer", rows, result)
    assert not rows, text


@pytest.mark.parametrize("consumer", ["prevention", "dataviz"])
def test_other_consumers_survive_the_lp(release, warehouse, consumer):
    result, rows = _attack(_consumer(release, consumer), warehouse)
    text = _report(consumer, rows, result)
    assert not rows, text


def test_every_employer_folder_survives_the_lp_with_its_staff_list(release, population, warehouse):
    """Each employer alone, knowing its covered employees by sex, age and site. The benchmark (the
    same file everywhere, shares no cell with the employer's own tables) is attacked once, below."""
    if not _employers(release):
        pytest.skip("no employer folder was published: nothing to attack")
    rows: list[dict[str, Any]] = []
    summary: Counter = Counter()
    for siret, rel in _employers(release).items():
        result, found = _attack(_without_benchmark(rel), warehouse, population=population[population.scope == siret])
        rows += found
        summary.update(result.summary())
    text = _report(f"employers ({len(_employers(release))} folders)", rows)
    print(f"  attacker-side verdicts over all folders: {dict(summary)}")
    assert not rows, text


def test_benchmark_survives_the_lp(release, warehouse):
    employers = _employers(release)
    rel = next(iter(employers.values()), None)
    bench = at.Release([t for t in (rel.tables if rel else []) if "benchmark" in t.mart])
    if not bench.tables:
        pytest.skip("no benchmark published")
    result, rows = _attack(bench, warehouse)
    text = _report("benchmark", rows, result)
    assert not rows, text


def test_colluding_consumers_survive_the_lp(release, population, warehouse):
    """Two employers pooling their folders (largest pair, smallest pair), and insurer + dataviz +
    prevention pooling theirs."""
    employers = _employers(release)
    size = {s: len(population[population.scope == s]) for s in employers}
    ranked = sorted(employers, key=size.get)
    coalitions = []
    if len(ranked) >= 4:
        coalitions += [ranked[-2:], ranked[:2]]
    rows: list[dict[str, Any]] = []
    for pair in coalitions:
        rel = at.Release()
        for s in pair:
            rel = rel + employers[s]
        _result, found = _attack(rel, warehouse, population=population[population.scope.isin(pair)])
        rows += found
    others = [release[c] for c in ("insurer", "dataviz", "prevention") if c in release]
    if len(others) > 1:
        pooled = at.Release()
        for r in others:
            pooled = pooled + r
        _result, found = _attack(pooled, warehouse, population=_insurer_population(population))
        rows += found
    text = _report("coalitions", rows)
    assert not rows, text


# --- concentration of published amounts ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def atoms(warehouse):
    return warehouse.execute(at.MEMBER_ATOMS_SQL).fetchdf()


def _int_concentration(t: at.Table, truth: pd.DataFrame) -> Counter:
    """Dominance / p % of every published amount from the warehouse's top contributions (int tables),
    and the benchmark's employer rules (>= 5 employers, no employer above 85 % of members or amounts)."""
    out: Counter = Counter()
    shown = (~t.masked).to_numpy()
    for c in truth.columns:
        if not c.endswith("_top1") or c.endswith("_employer_top1"):
            continue
        m = c.removesuffix("_top1")
        if m not in truth.columns:
            continue
        total, top1 = truth[m].astype(float), truth[c].astype(float)
        top2 = truth.get(f"{m}_top2", pd.Series(0.0, index=truth.index)).astype(float).fillna(0.0)
        pos = shown & (total > 0).to_numpy()
        out[(t.mart, m, "dominance")] += int((pos & (top1 > at.DOMINANCE * total).to_numpy()).sum())
        out[(t.mart, m, "p%")] += int((pos & ((total - top1 - top2) < at.P_PERCENT * top1).to_numpy()).sum())
        if f"{m}_employer_top1" in truth.columns:
            emp = truth[f"{m}_employer_top1"].astype(float)
            out[(t.mart, m, "one employer above 85 %")] += int((pos & (emp > at.DOMINANCE * total).to_numpy()).sum())
    if "employer_count" in truth.columns:
        out[(t.mart, "employers", "fewer than 5")] += int((shown & (truth["employer_count"] < at.MIN_EMPLOYERS)).sum())
    if "largest_employer_members" in truth.columns and "member_count" in truth.columns:
        big = truth["largest_employer_members"] > at.DOMINANCE * truth["member_count"]
        out[(t.mart, "member_count", "one employer above 85 %")] += int((shown & big.to_numpy()).sum())
    return out


def test_no_published_amount_is_dominated(release, atoms, warehouse):
    """Dominance (one member above 85 %) and p % (p = 15) on every published amount, and the benchmark's
    employer rules: from the warehouse's top contributions (int tables) for every table, and recounted
    member by member from the pseudo tables for the consumption tables (cells whose recount of
    member_count differs from the published one are left out and counted)."""
    int_found: Counter = Counter()
    recount: Counter = Counter()
    mismatched: Counter = Counter()
    checked = recounted = 0
    first_employer = min((c for c in release if c.startswith("employer/")), default=None)
    for consumer, rel in release.items():
        scoped = atoms if not consumer.startswith("employer/") else atoms[atoms.employer_siret == consumer[9:]]
        for t in rel.cell_tables():
            if "benchmark" in t.mart and consumer != first_employer:
                continue  # the same file everywhere: once is enough
            truth = truth_frame(warehouse, t)
            if truth is not None:
                int_found += _int_concentration(t, truth)
                checked += int((~t.masked).sum())
            if at.namespace(t.mart, t.df.columns) != "care":
                continue
            contrib = at.cell_contributions(t, scoped, measures=at.AMOUNTS)
            bad = at.recount_mismatches(t, contrib)
            mismatched[t.mart] += int(bad.sum())
            shown = set(np.flatnonzero((~t.masked & ~bad).to_numpy()))
            recounted += len(shown)
            contrib = contrib[contrib.cell.isin(shown)]
            for measure in (c for c in at.AMOUNTS if c in t.df.columns):
                conc = at.concentration(contrib, value=measure)
                recount[(t.mart, measure, "dominance")] += int(conc["dominated"].sum())
                recount[(t.mart, measure, "p%")] += int(conc["p_unsafe"].sum())
    if not checked and not recounted:
        pytest.skip("no published cell to check")
    int_found = Counter({k: v for k, v in int_found.items() if v})
    recount = Counter({k: v for k, v in recount.items() if v})
    print(
        f"concentration: {checked} published cells checked from the int tables, breaches {dict(int_found)};"
        f" {recounted} recounted from pseudo, breaches {dict(recount)}; recount mismatches {dict(mismatched)}"
    )
    assert not int_found and not recount, (dict(int_found), dict(recount))


# --- member-level dataviz ---------------------------------------------------------------------------------


def test_no_dataviz_record_unique_on_quasi_identifiers_plus_one_value(release):
    rel = _consumer(release, "dataviz")
    tables = [t for t in rel.tables if "masking" not in t.df.columns and "member_count" not in t.df.columns]
    found = [f for t in tables for f in at.uniqueness_findings(t) + at.banding_findings(t)]
    print(f"dataviz member-level: {[str(f) for f in found]}")
    assert not found, [str(f) for f in found]


# --- employer isolation and two runs -------------------------------------------------------------------------


@dataclass
class Run:
    run_id: str
    folders: Path  # a copy of published/ right after this run
    truth: dict[tuple[str, str], pd.DataFrame | None]
    summary: dict[str, Any]


@dataclass
class Altered:
    settings: Any
    altered_employer: str
    late_employers: list[str]
    runs: list[Run]  # r1: one employer's rows changed; r2: a new closed year; r3: late bills in 2023


def _dbt_build(warehouse: Path, target: Path) -> None:
    run_dbt("build", warehouse, target=target)


def _publish(settings, run_id: str) -> dict[str, Any]:
    from governance.publish import publish_all

    previous = os.environ.get("DBT_TARGET_PATH")
    os.environ["DBT_TARGET_PATH"] = str(settings.home / "dbt" / "target")
    try:
        return publish_all(settings, run_id, publication_services())
    finally:
        if previous is None:
            os.environ.pop("DBT_TARGET_PATH", None)
        else:
            os.environ["DBT_TARGET_PATH"] = previous


def _truths(settings) -> dict[tuple[str, str], pd.DataFrame | None]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        out = {}
        for consumer, folder in _folders(settings.published).items():
            for t in at.load_folder(folder):
                if "masking" in t.df:
                    out[(consumer, t.mart)] = truth_frame(con, t)
        return out
    finally:
        con.close()


def _run(settings, run_id: str, tmp_path_factory, sql: list[tuple[str, list[Any]]]) -> Run:
    """Change the warehouse's pseudo tables, rebuild the marts, publish, keep a copy of what was published."""
    con = duckdb.connect(str(settings.warehouse_db))
    for statement, params in sql:
        con.execute(statement, params)
    con.close()
    _dbt_build(settings.warehouse_db, settings.home / "dbt" / "target")
    summary = _publish(settings, run_id)
    copy = tmp_path_factory.mktemp(f"attack_{run_id}") / "published"
    shutil.copytree(settings.published, copy)
    return Run(run_id, copy, _truths(settings), summary)


STAFF = "(select member_token from pseudo.members where employer_siret = ?)"
HAS_2023 = (
    "exists (select 1 from pseudo.benefits b where b.member_token = m.member_token and year(b.care_month) = 2023)"
)


@pytest.fixture(scope="module")
def altered(built, published, tmp_path_factory):
    """A fresh home (no publication history) whose warehouse differs from the session's in ONE employer's
    rows (amounts x 1.7, a fifth of its lines deleted, three members' sex flipped): run 1. In the same
    home, a new closed year of care (2025) lands: run 2. Then late bills land in the closed year 2023
    for two members of other employers and one individual: run 3."""
    from confiance.settings import get_settings

    base, _target = built
    settings0, _ = published
    home = tmp_path_factory.mktemp("attack_home")
    settings = get_settings(home)
    settings.ensure_dirs()
    shutil.copy2(base.warehouse_db, settings.warehouse_db)
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    sizes = dict(con.execute("select employer_siret, count(*) from pseudo.members group by all").fetchall())
    late = [
        r[0]
        for r in con.execute(
            f"""(select member_token from pseudo.members m where employer_siret is null and {HAS_2023}
                 order by member_token limit 1)""",
        ).fetchall()
    ]
    con.close()
    folder = settings0.published / "employer"
    employers = (
        [p.name for p in sorted(folder.iterdir())] if folder.exists() else [s for s in sizes if s and sizes[s] >= K]
    )
    ranked = sorted((sizes.get(s, 0), s) for s in employers)
    victim = ranked[len(ranked) // 2][1]  # a mid-sized employer with its own folder
    late_employers = [ranked[-1][1], ranked[len(ranked) // 3][1]]
    scale = "round({c} * 1.7, 2)"
    runs = [
        _run(
            settings,
            "attack_r1",
            tmp_path_factory,
            [
                (
                    f"""update pseudo.benefits set actual_cost = {scale.format(c="actual_cost")},
                        ss_reimbursement = {scale.format(c="ss_reimbursement")},
                        complementary_reimbursement = {scale.format(c="complementary_reimbursement")},
                        out_of_pocket = {scale.format(c="actual_cost")} - {scale.format(c="ss_reimbursement")}
                                        - {scale.format(c="complementary_reimbursement")}
                        where member_token in {STAFF}""",
                    [victim],
                ),
                (
                    f"delete from pseudo.benefits where member_token in {STAFF} and hash(benefit_token) % 5 = 0",
                    [victim],
                ),
                (
                    """update pseudo.members set sex = case sex when 'F' then 'M' else 'F' end
                       where member_token in (select member_token from pseudo.members where employer_siret = ?
                                              order by member_token limit 3)""",
                    [victim],
                ),
            ],
        )
    ]
    new_year = """insert into pseudo.benefits
        select benefit_token || '-2025', member_token, contract_token, (care_month + interval 12 month)::date,
               (payment_month + interval 12 month)::date, act_family, act_code, practitioner_type, actual_cost,
               ss_base, ss_reimbursement, complementary_reimbursement, out_of_pocket, comment, updated_at
        from pseudo.benefits where year(care_month) = 2024 and hash(benefit_token, 'y') % 10 <> 0"""
    runs.append(_run(settings, "attack_r2", tmp_path_factory, [(new_year, [])]))
    late_sql = []
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    for siret in late_employers:
        late += [
            r[0]
            for r in con.execute(
                f"select member_token from pseudo.members m where employer_siret = ? and {HAS_2023} "
                "order by member_token limit 1",
                [siret],
            ).fetchall()
        ]
    con.close()
    for token in late:
        late_sql.append(
            (
                """insert into pseudo.benefits
                select benefit_token || '-late', member_token, contract_token, care_month,
                       (payment_month + interval 6 month)::date, act_family, act_code, practitioner_type,
                       actual_cost * 3, ss_base * 3, ss_reimbursement * 3, complementary_reimbursement * 3,
                       out_of_pocket * 3, comment, updated_at
                from pseudo.benefits where member_token = ? and year(care_month) = 2023 limit 1""",
                [token],
            )
        )
    runs.append(_run(settings, "attack_r3", tmp_path_factory, late_sql))
    return Altered(settings, victim, late_employers, runs)


def _statuses(summary: dict[str, Any]) -> dict[str, Any]:
    return {c: v.get("status") for c, v in summary.get("consumers", {}).items()}


def _strip_manifest(manifest: dict[str, Any], ignore: str = "benchmark") -> list[tuple[str, float]]:
    return [(p, v) for p, v in at.manifest_numbers(manifest) if ignore not in p]


def test_an_employer_folder_does_not_move_when_another_employer_changes(release, published, altered):
    """Every employer but the altered one: the same files, values, masks and manifest figures (the
    benchmark excepted), between the session's release and the first release of the altered warehouse
    (both first publications: nothing frozen by a history)."""
    settings0, _ = published
    before = _folders(settings0.published)
    after = _folders(altered.runs[0].folders)
    if not any(c.startswith("employer/") for c in before):
        pytest.skip("no employer folder was published: nothing to compare")
    victim = f"employer/{altered.altered_employer}"
    moved: dict[str, list[str]] = {}
    vanished = []
    for consumer, folder in before.items():
        if not consumer.startswith("employer/") or consumer == victim:
            continue
        if consumer not in after:
            vanished.append(consumer)
            continue
        diffs = [
            str(d)
            for d in at.folder_differences(
                at.load_folder(folder), at.load_folder(after[consumer]), ignore=("benchmark",)
            )
        ]
        if _strip_manifest(at.load_manifest(folder)) != _strip_manifest(at.load_manifest(after[consumer])):
            diffs.append("manifest figures changed")
        if diffs:
            moved[consumer] = diffs
    appeared = [c for c in after if c.startswith("employer/") and c not in before and c != victim]
    print(
        f"isolation: {len(moved)} of {len(before) - 1} other employer folders moved; vanished {len(vanished)},"
        f" appeared {len(appeared)}; first: {list(moved.items())[:2]}"
    )
    assert not moved and not vanished and not appeared, (list(moved.items())[:5], vanished, appeared)


def test_later_runs_revise_no_closed_period(altered):
    """Run 2 adds a closed year, run 3 late bills in 2023: every cell published earlier keeps its value
    and its mask (else the difference of two runs is the late bills of identifiable members). A refused
    consumer keeps its earlier folder: no revision either, but it is reported."""
    found = []
    for a, b in itertools.pairwise(altered.runs):
        before, after = _folders(a.folders), _folders(b.folders)
        for consumer, folder in before.items():
            if consumer in after:
                found += [
                    f"{a.run_id}->{b.run_id} {consumer}: {f}"
                    for f in at.revision_findings(
                        at.load_folder(folder, a.run_id), at.load_folder(after[consumer], b.run_id)
                    )
                ]
    print(
        f"runs: statuses {[_statuses(r.summary) for r in altered.runs]};"
        f" refusals {[_refusals(r.summary) for r in altered.runs]}; {len(found)} revisions: {found[:10]}"
    )
    assert not found, found[:20]


def test_lp_over_all_runs_recovers_nothing(altered):
    """Each consumer's LP over everything it holds from the three runs (a closed period's cell is one
    value across runs): insurer, prevention, dataviz, the late-bill employers and a spread of others."""
    runs = altered.runs
    con = duckdb.connect(str(altered.settings.warehouse_db), read_only=True)
    population = at.population_frame(con)  # the registry as it stands after the three runs (2025 included)
    con.close()
    last = _folders(runs[-1].folders)
    employers = sorted(c for c in last if c.startswith("employer/"))
    chosen = [c for c in ("insurer", "prevention", "dataviz") if c in last]
    chosen += sorted({f"employer/{s}" for s in altered.late_employers} & set(employers))
    chosen += employers[:: max(1, len(employers) // 6)]
    rows: list[dict[str, Any]] = []
    summary: Counter = Counter()
    inconsistent = 0
    for consumer in dict.fromkeys(chosen):
        folders, seen = [], set()
        for r in runs:  # a refused run leaves the earlier folder in place: the attacker holds it once
            folder = _folders(r.folders).get(consumer)
            if folder is not None and at.load_manifest(folder).get("run_id") not in seen:
                seen.add(at.load_manifest(folder).get("run_id"))
                folders.append((r.run_id, folder))
        rel = _without_benchmark(at.Release.from_folders(folders))
        if consumer == "insurer":
            pop = _insurer_population(population)
        elif consumer.startswith("employer/"):
            pop = population[population.scope == consumer[9:]]
        else:
            pop = None
        result = at.attack(rel, population=pop)
        truth_of = {r.run_id: r.truth for r in runs}
        truths = {ti: truth_of[t.run].get((consumer, t.mart)) for ti, t in enumerate(rel.tables)}
        rows += confirmed_breaches(result, truths)
        summary.update(result.summary())
        if result.by_kind("inconsistent"):
            print(f"  {consumer}: {[str(f) for f in result.by_kind('inconsistent')][:5]}")
        inconsistent += len(result.by_kind("inconsistent"))
    text = _report(f"three runs ({len(dict.fromkeys(chosen))} consumers)", rows)
    print(f"  attacker-side verdicts: {dict(summary)}; inconsistent components: {inconsistent}")
    assert not rows, text


def test_manifests_of_later_runs_say_nothing_new_about_others(altered):
    """An employer folder's manifest figures (benchmark entry excepted) do not move between runs unless
    its own folder's files do."""
    changed = []
    for a, b in itertools.pairwise(altered.runs):
        before, after = _folders(a.folders), _folders(b.folders)
        for consumer, folder in before.items():
            if not consumer.startswith("employer/") or consumer not in after:
                continue
            same_files = not at.folder_differences(
                at.load_folder(folder), at.load_folder(after[consumer]), ignore=("benchmark",)
            )
            same_manifest = _strip_manifest(at.load_manifest(folder)) == _strip_manifest(
                at.load_manifest(after[consumer])
            )
            if same_files and not same_manifest:
                changed.append(f"{a.run_id}->{b.run_id} {consumer}")
    print(f"later-run manifests: {len(changed)} employer manifests changed figures with unchanged files")
    assert not changed, changed[:5]
