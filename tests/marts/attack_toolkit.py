"""The attacker's toolkit: what a consumer can work out from what it was given.

Written from the attacker model of DESIGN.md ("Disclosure control: what leaves must survive an
attacker"), independently of the defence: nothing here reads the suppression code. Every relation
used below is derived from the published files and public domain knowledge only:

* the cells of every table a consumer holds (all runs), their published values, masked markers,
  zeros and row presence;
* hierarchies an attacker knows: month c quarter c year, age bands nested in wider bands and in
  'all', F + M = all, departement c region c country (dbt_project/seeds/region_of_departement.csv
  is public knowledge), act family c broad care family c all (dbt_project/seeds/act_family_group.csv
  is public knowledge: the employer's report prints it), product -> segment;
* additivity of amounts and benefit lines along every dimension; distinct member counts additive
  along the partitions a member belongs to once (sex, age band in a year, area, guarantee,
  employer) and sub-additive along periods and act families (max(parts) <= whole <= sum(parts));
* exact margins published in another table (or another run) and hidden common margins of two
  tables with different breakdowns (latent "join" cells);
* cell identities: actual_cost = ss_reimbursement + complementary_reimbursement + out_of_pocket,
  members <= benefit lines, published ratios and averages (num in [r_lo, r_hi] * den);
* non-negativity, integrality of counts, and background knowledge (``Fact``s: an employer's
  covered population by sex and age, a known bill of a colleague).

For every masked cell the toolkit solves the attacker's linear programme (scipy / HiGHS) for the
minimum and maximum the cell can take, with a mixed-integer refinement for counts where cheap,
and reports cells recovered exactly, counts proven below k, amounts pinned within +-15 %.

Other attacks: existence disclosure (incomplete grids, missing domain values), reason leakage in
the masking column or extra columns, values left on masked rows, manifests, two-run differencing,
member-level uniqueness (dataviz) and concentration (dominance, p %) of published amounts.

The "confirmation" helpers at the end read the warehouse; they are never attacker knowledge and
are only used by the tests to check whether a finding is real (true value, true population).
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

K = 11
PROTECTION = 0.15  # an amount's attacker interval must reach 15 % either side of the true value
DOMINANCE = 0.85
P_PERCENT = 0.15
MIN_EMPLOYERS = 5
MAX_AGE = 120
REGION_SEED = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "region_of_departement.csv"
BROAD_FAMILY_SEED = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "act_family_group.csv"

# --- what the columns are (names are public: they are in the files and the contracts) -------------

META_COLUMNS = {"generalisation_level", "period_grain", "age_band_width", "geo_level", "sex_level", "masking"}
DIM_COLUMNS = {
    "care_year",
    "period_start",
    "act_family",
    "broad_family",
    "age_band",
    "sex",
    "geo_area",
    "guarantee_level",
    "product_code",
    "segment",
    "employer_siret",
}
PEOPLE_COLUMNS = {"member_count", "enrolled", "followed_up"}
COUNT_COLUMNS = PEOPLE_COLUMNS | {"benefit_line_count"}
AMOUNT_COLUMNS = {"actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket", "premiums_earned"}
MEASURE_COLUMNS = COUNT_COLUMNS | AMOUNT_COLUMNS
AMOUNTS = ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
RATIO_COLUMNS = {  # ratio column: (numerator, denominator)
    "out_of_pocket_share": ("out_of_pocket", "actual_cost"),
    "loss_ratio": ("complementary_reimbursement", "premiums_earned"),
    "redistribution_ratio": ("complementary_reimbursement", "premiums_earned"),
    "enrolment_rate": ("enrolled", "member_count"),
    "follow_up_rate": ("followed_up", "enrolled"),
}
TEXT_COLUMNS = {"statement", "statement_fr", "statement_en", "report_status"}
PARAMETER_COLUMNS = {"min_cell_size"}  # a published rule parameter (k), the same on every row
REASON_WORDS = re.compile(
    r"reason|primary|secondary|suppress|dominan|p_percent|flag|why|cause|small|status_code", re.IGNORECASE
)
MASKING_VALUES = {"none", "masked"}
DIMS = ("scope", "time", "family", "age", "sex", "geo", "guarantee", "product", "segment")
DI = {d: i for i, d in enumerate(DIMS)}
GRAIN_MONTHS = {"month": 1, "quarter": 3, "semester": 6, "half": 6, "half_year": 6, "year": 12}


def ratio_of(column: str) -> tuple[str, str] | None:
    """(numerator, denominator) of a ratio or average column, from its name."""
    if column in RATIO_COLUMNS:
        return RATIO_COLUMNS[column]
    for suffix, den in (("_per_member", "member_count"), ("_per_line", "benefit_line_count")):
        if column.endswith(suffix):
            return column[: -len(suffix)], den
    return None


def namespace(mart: str, columns: Iterable[str]) -> str:
    """Which measures mean the same thing across marts (the attacker's reading of the contracts)."""
    cols = set(columns)
    if "benchmark" in mart:
        return "benchmark"
    if cols & {"actual_cost", "benefit_line_count", "out_of_pocket"} and "premiums_earned" not in cols:
        return "care"
    if "premiums_earned" in cols:
        return "premium"
    if "enrolled" in cols:
        return "prevention"
    return mart


SHARED_AMOUNTS = {"complementary_reimbursement"}  # the same amount in the care and premium marts


def measure_ns(ns: str, measure: str) -> str:
    """The namespace of one measure: the mutual's complementary reimbursements of a year are the same
    money whether a mart breaks them down by act family or by product (the attacker tries the link; if
    the figures contradict it, the LP drops it as an inconsistent relation)."""
    return "care" if ns == "premium" and measure in SHARED_AMOUNTS else ns


# --- loading -------------------------------------------------------------------------------------


@dataclass
class Table:
    mart: str
    df: pd.DataFrame
    consumer: str = ""
    run: str = "run"
    scales: dict[str, int | None] = field(default_factory=dict)  # decimal places of numeric columns

    @property
    def label(self) -> str:
        return f"{self.run}:{self.consumer}:{self.mart}"

    @property
    def masked(self) -> pd.Series:
        if "masking" not in self.df:
            return pd.Series(False, index=self.df.index)
        return self.df["masking"].fillna("none") != "none"


def _scale(t: pa.DataType) -> int | None:
    if pa.types.is_decimal(t):
        return t.scale
    if pa.types.is_integer(t):
        return 0
    return None


def table_from_arrow(arrow: pa.Table, mart: str, consumer: str = "", run: str = "run") -> Table:
    scales = {f.name: _scale(f.type) for f in arrow.schema}
    df = arrow.to_pandas()
    for f in arrow.schema:
        if pa.types.is_decimal(f.type):
            df[f.name] = df[f.name].astype("float64")
    return Table(mart, df, consumer, run, scales)


def table_from_frame(
    df: pd.DataFrame, mart: str, consumer: str = "", run: str = "run", scales: Mapping[str, int | None] | None = None
) -> Table:
    """A hand-made table (fixtures): amounts have 2 decimals and ratios 4 unless told otherwise."""
    df = df.copy()
    sc: dict[str, int | None] = {}
    for c in df.columns:
        if c in COUNT_COLUMNS:
            sc[c] = 0
        elif c in AMOUNT_COLUMNS or (ratio_of(c) and c.endswith(("_per_member", "_per_line"))):
            sc[c] = 2
        elif ratio_of(c):
            sc[c] = 4
        if df[c].map(lambda v: isinstance(v, Decimal)).any():
            df[c] = df[c].astype("float64")
    sc.update(scales or {})
    return Table(mart, df, consumer, run, sc)


def consumer_of(folder: Path) -> str:
    return f"employer/{folder.name}" if folder.parent.name == "employer" else folder.name


def load_folder(folder: Path | str, run: str = "run", consumer: str | None = None) -> list[Table]:
    folder = Path(folder)
    consumer = consumer or consumer_of(folder)
    return [table_from_arrow(pq.read_table(p), p.stem, consumer, run) for p in sorted(folder.glob("*.parquet"))]


def load_manifest(folder: Path | str) -> dict[str, Any]:
    path = Path(folder) / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else {}


@dataclass
class Release:
    """Everything one attacker (or a coalition) holds: tables of one or several folders and runs."""

    tables: list[Table] = field(default_factory=list)
    manifests: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # consumer, run, manifest

    @classmethod
    def from_folders(cls, folders: Iterable[Path | str | tuple[str, Path | str]]) -> Release:
        rel = cls()
        for item in folders:
            run, folder = item if isinstance(item, tuple) else ("run", item)
            folder = Path(folder)
            rel.tables += load_folder(folder, run)
            rel.manifests.append((consumer_of(folder), run, load_manifest(folder)))
        return rel

    def __add__(self, other: Release) -> Release:
        return Release(self.tables + other.tables, self.manifests + other.manifests)

    def cell_tables(self) -> list[Table]:
        """Tables of cells (with a masking column); member-level tables are attacked separately."""
        return [t for t in self.tables if "masking" in t.df.columns]


# --- the universe of each dimension and a cell's key -----------------------------------------------


def region_map(path: Path = REGION_SEED) -> dict[str, str]:
    df = pd.read_csv(path, dtype=str)
    return dict(zip(df.departement, df.region, strict=True))


def broad_family_map(path: Path = BROAD_FAMILY_SEED) -> dict[str, frozenset[str]]:
    """Broad care family -> the act families it covers (public: printed in every employer's report)."""
    df = pd.read_csv(path, dtype=str)
    out: dict[str, frozenset[str]] = defaultdict(frozenset)
    for fam, broad in zip(df.act_family, df.broad_family, strict=True):
        out[broad] = out[broad] | {fam}
    return dict(out)


def _month(d: Any) -> int:
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    if isinstance(d, (pd.Timestamp, datetime)):
        d = d.date()
    return d.year * 12 + d.month - 1


class Universe:
    """Domains of the dimensions, from public knowledge and from everything the attacker holds."""

    def __init__(self, tables: list[Table]) -> None:
        self.region = region_map()
        self.broad = broad_family_map()
        self.deps = frozenset(self.region)
        self.regions: dict[str, frozenset[str]] = defaultdict(frozenset)
        for dep, reg in self.region.items():
            self.regions[reg] = self.regions[reg] | {dep}
        years: set[int] = set()
        fam: set[str] = set()
        gua: set[str] = set()
        prod: set[str] = set()
        seg: set[str] = set()
        for t in tables:
            df = t.df
            if "care_year" in df:
                years |= {int(y) for y in df["care_year"].dropna()}
            if "period_start" in df:
                years |= {_month(d) // 12 for d in df["period_start"].dropna()}
            for col, acc in (("act_family", fam), ("guarantee_level", gua), ("product_code", prod), ("segment", seg)):
                if col in df:
                    acc |= {str(v) for v in df[col].dropna()} - {"all"}
            if "broad_family" in df:
                for v in df["broad_family"].dropna():
                    fam |= self.broad.get(str(v), {str(v)})
        self.months = frozenset(m for y in years for m in range(y * 12, y * 12 + 12))
        self.ages = frozenset(range(MAX_AGE + 1))
        self.universe = {
            "time": self.months,
            "family": frozenset(fam),
            "age": self.ages,
            "sex": frozenset({"F", "M"}),
            "geo": self.deps,
            "guarantee": frozenset(gua),
            "product": frozenset(prod),
            "segment": frozenset(seg),
        }
        self._cache: dict[tuple[str, Any, Any], frozenset] = {}

    def value(self, dim: str, raw: Any, extra: Any = None) -> frozenset:
        ck = (dim, raw, extra)
        if ck not in self._cache:
            self._cache[ck] = self._parse(dim, raw, extra)
        return self._cache[ck]

    def _parse(self, dim: str, raw: Any, extra: Any) -> frozenset:
        if not isinstance(raw, tuple) and (raw is None or pd.isna(raw) or str(raw).lower() in {"all", "tous", "*"}):
            return self.universe[dim]
        if dim == "age":
            s = str(raw).strip()
            if s.endswith("+"):
                return frozenset(range(int(s[:-1]), MAX_AGE + 1))
            lo, hi = (int(x) for x in s.split("-"))
            return frozenset(range(lo, hi + 1))
        if dim == "geo":
            s, level = str(raw), (extra or "")
            if level in {"country", "national"} or s in {"FR", "France"}:
                return self.deps
            if level == "region" or s in self.regions:
                return self.regions.get(s, frozenset({f"?{s}"}))
            return frozenset({s}) if s in self.deps else frozenset({f"?{s}"})
        if dim == "family" and str(raw).startswith("broad:"):
            name = str(raw)[len("broad:") :]
            return self.broad.get(name, frozenset({f"?{name}"}))
        if dim == "time":  # raw = (care_year, period_start, grain)
            year, start, grain = raw
            if start is None or pd.isna(start):
                return frozenset(range(int(year) * 12, int(year) * 12 + 12))
            m0 = _month(start)
            n = GRAIN_MONTHS.get(str(grain), 12) if grain is not None else 12
            return frozenset(range(m0, m0 + n))
        return frozenset({str(raw)})


def _scope(t: Table, row: Mapping[str, Any]) -> frozenset:
    if "benchmark" in t.mart:
        return frozenset({"POOL"})
    siret = row.get("employer_siret")
    if siret is not None and str(siret) not in {"", "nan", "None"}:
        return frozenset({str(siret)})
    if t.consumer.startswith("employer/"):
        return frozenset({t.consumer.split("/", 1)[1]})
    return frozenset({"ALL"})


def _grain_guess(df: pd.DataFrame) -> pd.Series:
    """period_grain when the table has none: 12 / 4 / 1 period starts per year."""
    if "period_start" not in df or "care_year" not in df:
        return pd.Series([None] * len(df), index=df.index)
    n = df.groupby("care_year")["period_start"].transform("nunique")
    return n.map({12: "month", 4: "quarter", 2: "semester", 1: "year"})


def _family_of(row: Mapping[str, Any]) -> Any:
    """The family value of a row: its act family, or its broad care family (tagged, to read through the seed)."""
    broad = row.get("broad_family")
    if broad is not None and not pd.isna(broad) and str(broad).lower() not in {"all", "tous", "*"}:
        return f"broad:{broad}"
    return row.get("act_family")


def row_keys(t: Table, uni: Universe) -> list[tuple[frozenset, ...]]:
    df = t.df
    grains = df["period_grain"] if "period_grain" in df else _grain_guess(df)
    keys = []
    for i, row in enumerate(df.to_dict("records")):
        year = row.get("care_year")
        start = row.get("period_start")
        if year is None and start is not None:
            year = _month(start) // 12
        time = uni.value("time", (year, start, grains.iloc[i])) if year is not None else uni.universe["time"]
        keys.append(
            (
                _scope(t, row),
                time,
                uni.value("family", _family_of(row)),
                uni.value("age", row.get("age_band")),
                uni.value("sex", row.get("sex")),
                uni.value("geo", row.get("geo_area"), row.get("geo_level")),
                uni.value("guarantee", row.get("guarantee_level")),
                uni.value("product", row.get("product_code")),
                uni.value("segment", row.get("segment")),
            )
        )
    return keys


# --- the attacker's linear programme -------------------------------------------------------------

VarKey = tuple[str, str, tuple[frozenset, ...], str]  # namespace, measure, key, run


@dataclass
class Var:
    published: tuple[float, float] | None = None
    refs: list[tuple[int, int, str]] = field(default_factory=list)  # masked cells: (table index, row, column)
    marts: set[str] = field(default_factory=set)
    integer: bool = False
    conflict: bool = False


@dataclass
class Con:
    coefs: dict[VarKey, float]
    lo: float
    hi: float
    tag: str  # core | cross_mart | cross_run | ratio | assumed | fact


@dataclass
class Fact:
    """Background knowledge: bounds on one cell (``dims`` as column values, e.g. a colleague's bill)."""

    namespace: str
    measure: str
    dims: dict[str, Any]
    lo: float = 0.0
    hi: float = np.inf
    consumer: str = ""
    run: str | None = None


@dataclass
class Bound:
    var: VarKey
    refs: list[tuple[int, int, str]]
    lo: float
    hi: float
    integer: bool
    people: bool


@dataclass
class Finding:
    kind: str  # recovered | proven_small | pinned | inconsistent | ...
    where: str
    detail: str = ""
    lo: float | None = None
    hi: float | None = None
    refs: list[tuple[int, int, str]] = field(default_factory=list)

    def __str__(self) -> str:  # no values: kinds, places and interval shapes only
        return f"{self.kind} @ {self.where} {self.detail}".strip()


@dataclass
class AttackResult:
    release: Release
    bounds: list[Bound]
    findings: list[Finding]
    stats: dict[str, Any]

    def by_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def summary(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for f in self.findings:
            out[f.kind] += 1
        return dict(out)

    def bounds_frame(self) -> pd.DataFrame:
        """One line per masked cell: its table, row, column and the attacker's interval (plus its dims)."""
        rows = []
        for b in self.bounds:
            for ti, ri, col in b.refs:
                t = self.release.tables[ti]
                rec = {
                    "table": ti,
                    "mart": t.mart,
                    "consumer": t.consumer,
                    "run": t.run,
                    "row": ri,
                    "column": col,
                    "lo": b.lo,
                    "hi": b.hi,
                    "integer": b.integer,
                    "people": b.people,
                }
                for c in t.df.columns:
                    if c in DIM_COLUMNS or c in META_COLUMNS:
                        rec[f"dim:{c}"] = t.df.iloc[ri][c]
                rows.append(rec)
        return pd.DataFrame(rows)


class _Model:
    def __init__(self, release: Release, facts: Iterable[Fact], population: pd.DataFrame | None) -> None:
        self.release = release
        self.tables = release.tables
        self.uni = Universe(self.tables)
        self.vars: dict[VarKey, Var] = {}
        self.cons: list[Con] = []
        self.findings: list[Finding] = []
        self.grids: list[dict[str, Any]] = []
        self.keys: dict[int, list[tuple[frozenset, ...]]] = {}
        self._collect()
        self._refinements()
        self._cross_run()
        self._identities()
        self._facts(facts)
        if population is not None:
            self._population(population)

    # registry
    def var(self, vk: VarKey) -> Var:
        v = self.vars.get(vk)
        if v is None:
            v = self.vars[vk] = Var(integer=vk[1] in COUNT_COLUMNS)
        return v

    def _collect(self) -> None:
        for ti, t in enumerate(self.tables):
            if "masking" not in t.df.columns:
                continue
            ns = namespace(t.mart, t.df.columns)
            keys = row_keys(t, self.uni)
            self.keys[ti] = keys
            masked = t.masked.to_numpy()
            measures = [c for c in t.df.columns if c in MEASURE_COLUMNS]
            ratios = [(c, ratio_of(c)) for c in t.df.columns if ratio_of(c)]
            values = {c: t.df[c].to_numpy(dtype="float64", na_value=np.nan) for c in measures + [c for c, _ in ratios]}
            for ri, key in enumerate(keys):
                for c in measures:
                    vk = (measure_ns(ns, c), c, key, t.run)
                    v = self.var(vk)
                    v.marts.add(t.mart)
                    x = values[c][ri]
                    if masked[ri]:
                        v.refs.append((ti, ri, c))
                    if np.isnan(x):  # a value left on a masked row is used like any other
                        continue
                    tol = 0.0 if t.scales.get(c) == 0 else (0.5 * 10.0 ** -(t.scales.get(c) or 2))
                    iv = (x - tol, x + tol)
                    if v.published is None:
                        v.published = iv
                    else:
                        lo, hi = max(v.published[0], iv[0]), min(v.published[1], iv[1])
                        if lo > hi + 1e-6:
                            v.conflict = True
                            self.findings.append(
                                Finding(
                                    "inconsistent", t.label, f"{c}: same cell published twice with different values"
                                )
                            )
                        else:
                            v.published = (lo, hi)
                for c, (num, den) in ratios:
                    r = values[c][ri]
                    if masked[ri] and num not in t.df.columns:  # a masked average hides its total
                        self.var((measure_ns(ns, num), num, key, t.run)).refs.append((ti, ri, c))
                    if np.isnan(r):
                        continue
                    sc = t.scales.get(c)
                    tol = 0.5 * 10.0**-sc if sc is not None else 1e-9 * max(1.0, abs(r))
                    nk, dk = (measure_ns(ns, num), num, key, t.run), (measure_ns(ns, den), den, key, t.run)
                    self.var(nk)
                    self.var(dk)
                    self.cons.append(Con({nk: 1.0, dk: -(r - tol)}, 0.0, np.inf, "ratio"))
                    self.cons.append(Con({nk: 1.0, dk: -(r + tol)}, -np.inf, 0.0, "ratio"))
            self._grids_of(ti, t, ns, keys)

    def _grids_of(self, ti: int, t: Table, ns: str, keys: list[tuple[frozenset, ...]]) -> None:
        """Split a table into grids: sets of rows whose values partition each dimension."""
        if not keys:
            return
        meta = [c for c in t.df.columns if c in META_COLUMNS - {"masking"}]
        sig = t.df[meta].astype(str).agg("|".join, axis=1).tolist() if meta else [""] * len(keys)
        groups: dict[Any, list[int]] = defaultdict(list)
        for ri, key in enumerate(keys):
            is_all = tuple(key[DI[d]] == self.uni.universe.get(d) for d in DIMS)
            groups[(sig[ri], is_all)].append(ri)
        pending = list(groups.values())
        while pending:
            rows = pending.pop()
            bad = None
            for d in range(len(DIMS)):
                vals = {keys[r][d] for r in rows}
                if sum(len(v) for v in vals) != len(frozenset().union(*vals)):
                    bad = d
                    break
            if bad is None:
                measures = [c for c in t.df.columns if c in MEASURE_COLUMNS]
                self.grids.append(
                    {
                        "table": ti,
                        "ns": ns,
                        "run": t.run,
                        "mart": t.mart,
                        "rows": rows,
                        "values": [sorted({keys[r][d] for r in rows}, key=len) for d in range(len(DIMS))],
                        "index": {keys[r]: r for r in rows},
                        "measures": measures,
                    }
                )
                continue
            split: dict[int, list[int]] = defaultdict(list)
            for r in rows:
                split[len(keys[r][bad])].append(r)
            if len(split) == 1:
                self.findings.append(Finding("unusable_grid", t.label, f"overlapping values in {DIMS[bad]}"))
                continue
            pending += list(split.values())

    def _refines(self, grid: dict[str, Any], d: int, s: frozenset, cache: dict) -> list[frozenset] | None:
        ck = (id(grid), d, s)
        if ck in cache:
            return cache[ck]
        inside, union = [], set()
        out: list[frozenset] | None = None
        for v in grid["values"][d]:
            if v <= s:
                inside.append(v)
                union |= v
            elif v & s:
                break
        else:
            out = inside if union == s else None
        cache[ck] = out
        return out

    def _children(self, grid: dict[str, Any], key: tuple[frozenset, ...], cache: dict) -> list[int] | None:
        per_dim = []
        for d in range(len(DIMS)):
            vals = self._refines(grid, d, key[d], cache)
            if not vals:
                return None
            per_dim.append(vals)
        size = int(np.prod([len(v) for v in per_dim]))
        if size > 50_000:
            return None
        idx = grid["index"]
        kids = [idx[c] for c in itertools.product(*per_dim) if c in idx]
        return kids

    def _join_cells(self) -> list[tuple[str, str, tuple[frozenset, ...]]]:
        """Hidden common margins of two grids with different breakdowns (same namespace)."""
        out = []
        for g1, g2 in itertools.combinations(self.grids, 2):
            shared = {measure_ns(g1["ns"], m) for m in g1["measures"]} & {
                measure_ns(g2["ns"], m) for m in g2["measures"]
            }
            if not shared or (g1["table"] == g2["table"] and g1["run"] == g2["run"]):
                continue
            blocks_per_dim = []
            coarser_than = [False, False]
            ok = True
            for d in range(len(DIMS)):
                v1, v2 = g1["values"][d], g2["values"][d]
                if frozenset().union(*v1) != frozenset().union(*v2):
                    ok = False
                    break
                blocks = _join_partition(v1 + v2)
                blocks_per_dim.append(blocks)
                if len(blocks) < len(set(v1)):
                    coarser_than[0] = True
                if len(blocks) < len(set(v2)):
                    coarser_than[1] = True
            same_run = g1["run"] == g2["run"]
            if not ok or (same_run and not all(coarser_than)) or (not same_run and not any(coarser_than)):
                continue
            if int(np.prod([len(b) for b in blocks_per_dim])) > 20_000:
                continue
            for key in itertools.product(*blocks_per_dim):
                for run in {g1["run"], g2["run"]}:
                    out += [(vns, run, key) for vns in shared]
        return out

    def _refinements(self) -> None:
        cache: dict = {}
        parents: dict[tuple[str, str], set[tuple[frozenset, ...]]] = defaultdict(set)
        for ns, _m, key, run in self.vars:
            parents[(ns, run)].add(key)
        latent = set()
        for ns, run, key in self._join_cells():
            if key not in parents[(ns, run)]:
                latent.add((ns, run, key))
            parents[(ns, run)].add(key)
        for grid in self.grids:
            ti, run = grid["table"], grid["run"]
            keys = self.keys[ti]
            spaces = {measure_ns(grid["ns"], m) for m in grid["measures"]}
            for pkey in set().union(*(parents[(vns, run)] for vns in spaces)) if spaces else ():
                kids = self._children(grid, pkey, cache)
                if not kids or (len(kids) == 1 and keys[kids[0]] == pkey):
                    continue
                for m in grid["measures"]:
                    ns = measure_ns(grid["ns"], m)
                    is_latent = (ns, run, pkey) in latent
                    pk = (ns, m, pkey, run)
                    if pk not in self.vars and not is_latent:
                        continue
                    pv = self.var(pk)
                    tag = "cross_mart" if is_latent or (pv.marts and pv.marts != {grid["mart"]}) else "core"
                    kid_keys = [keys[r] for r in kids]
                    if m in PEOPLE_COLUMNS:
                        self._people_relation(ns, m, run, pkey, kid_keys, tag)
                    else:
                        coefs = {pk: -1.0}
                        for kk in kid_keys:
                            coefs[(ns, m, kk, run)] = coefs.get((ns, m, kk, run), 0.0) + 1.0
                        self.cons.append(Con(coefs, 0.0, 0.0, tag))

    def _people_relation(
        self, ns: str, m: str, run: str, pkey: tuple[frozenset, ...], kid_keys: list[tuple[frozenset, ...]], tag: str
    ) -> None:
        """Distinct members: exact along sex/age/area/guarantee/scope, sub-additive along periods and families."""
        groups: dict[tuple[frozenset, ...], list[tuple[frozenset, ...]]] = defaultdict(list)
        t, f = DI["time"], DI["family"]
        for kk in kid_keys:
            g = tuple(pkey[d] if d in (t, f) else kk[d] for d in range(len(DIMS)))
            groups[g].append(kk)
        pk = (ns, m, pkey, run)
        if len(groups) > 1 or next(iter(groups)) != pkey:
            coefs = {pk: -1.0}
            for g in groups:
                coefs[(ns, m, g, run)] = 1.0
                self.var((ns, m, g, run))
            self.cons.append(Con(coefs, 0.0, 0.0, tag))
        for g, kids in groups.items():
            gk = (ns, m, g, run)
            if len(kids) == 1:
                if kids[0] != g:
                    self.cons.append(Con({gk: 1.0, (ns, m, kids[0], run): -1.0}, 0.0, 0.0, tag))
                continue
            coefs = {gk: -1.0}
            for kk in kids:
                coefs[(ns, m, kk, run)] = 1.0
                self.cons.append(Con({gk: 1.0, (ns, m, kk, run): -1.0}, 0.0, np.inf, tag))  # whole >= part
            self.cons.append(Con(coefs, 0.0, np.inf, tag))  # sum(parts) >= whole

    def _cross_run(self) -> None:
        """A published closed period is never revised: the same cell in two runs is one value."""
        by_cell: dict[tuple[str, str, tuple[frozenset, ...]], list[str]] = defaultdict(list)
        for ns, m, key, run in self.vars:
            by_cell[(ns, m, key)].append(run)
        for (ns, m, key), runs in by_cell.items():
            runs = sorted(set(runs))
            for a, b in itertools.pairwise(runs):
                self.cons.append(Con({(ns, m, key, a): 1.0, (ns, m, key, b): -1.0}, 0.0, 0.0, "cross_run"))

    def _identities(self) -> None:
        comps = ("ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
        cells = {(ns, key, run) for ns, m, key, run in self.vars if m == "actual_cost"}
        for ns, key, run in cells:
            present = [c for c in comps if (ns, c, key, run) in self.vars]
            if len(present) >= 2:
                coefs = {(ns, "actual_cost", key, run): 1.0}
                for c in comps:
                    coefs[(ns, c, key, run)] = -1.0
                    self.var((ns, c, key, run))
                self.cons.append(Con(coefs, 0.0, 0.0, "assumed"))
        for ns, m, key, run in list(self.vars):
            if m == "member_count" and (ns, "benefit_line_count", key, run) in self.vars:
                self.cons.append(
                    Con({(ns, "benefit_line_count", key, run): 1.0, (ns, m, key, run): -1.0}, 0.0, np.inf, "assumed")
                )
            if ns == "prevention" and m == "followed_up" and (ns, "enrolled", key, run) in self.vars:
                self.cons.append(
                    Con({(ns, "enrolled", key, run): 1.0, (ns, m, key, run): -1.0}, 0.0, np.inf, "assumed")
                )

    def _facts(self, facts: Iterable[Fact]) -> None:
        for fact in facts:
            t = table_from_frame(pd.DataFrame([fact.dims]), "fact", fact.consumer)
            key = row_keys(t, self.uni)[0]
            runs = [fact.run] if fact.run else sorted({vk[3] for vk in self.vars}) or ["run"]
            for run in runs:
                vk = (fact.namespace, fact.measure, key, run)
                if vk in self.vars:
                    self.cons.append(Con({vk: 1.0}, fact.lo, fact.hi, "fact"))

    def _population(self, pop: pd.DataFrame) -> None:
        """Upper bounds on consumer counts from a known population (see :func:`population_of`)."""
        pop = _prepare_population(pop)
        for vk in list(self.vars):
            ns, m, key, _run = vk
            if ns != "care" or m != "member_count":
                continue
            n = population_of(pop, key, self.uni)
            if n is not None:
                self.cons.append(Con({vk: 1.0}, 0.0, float(n), "fact"))


def _prepare_population(pop: pd.DataFrame) -> pd.DataFrame:
    pop = pop.copy()
    pop["scope"] = pop["scope"].astype(str)
    if "guarantee_level" in pop:
        pop["guarantee_level"] = pop["guarantee_level"].astype(str)
    return pop


def population_of(pop: pd.DataFrame, key: tuple[frozenset, ...], uni: Universe) -> int | None:
    """People of a cell's population the attacker knows of (covered members of the scope in the cell's
    year, of its sexes, ages, areas and guarantee levels). ``pop``: scope, year, sex, age, count and
    optionally departement and guarantee_level (an employer's staff list, the insurer's registry)."""
    scope, time, _fam, ages, sexes, geo, guarantee = key[:7]
    years = {m // 12 for m in time}
    if len(years) != 1:
        return None
    sel = pop["scope"].isin(scope) & pop["year"].isin(years) & pop["sex"].isin(sexes) & pop["age"].isin(ages)
    if "departement" in pop and geo != uni.deps:
        sel &= pop["departement"].isin(geo)
    if "guarantee_level" in pop and guarantee != uni.universe["guarantee"]:
        sel &= pop["guarantee_level"].isin(guarantee)
    return int(pop.loc[sel, "count"].sum())


def _join_partition(values: list[frozenset]) -> list[frozenset]:
    """The finest partition both lists of blocks refine: connected components of overlapping blocks."""
    blocks: list[frozenset] = []
    for v in values:
        merged = v
        keep = []
        for b in blocks:
            if b & merged:
                merged = merged | b
            else:
                keep.append(b)
        blocks = [*keep, merged]
    changed = True
    while changed:
        changed = False
        for a, b in itertools.combinations(range(len(blocks)), 2):
            if blocks[a] & blocks[b]:
                blocks[a] = blocks[a] | blocks[b]
                del blocks[b]
                changed = True
                break
    return blocks


class _DSU:
    def __init__(self) -> None:
        self.p: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        self.p[self.find(a)] = self.find(b)


DROP_ORDER = (
    ("assumed",),
    ("assumed", "cross_run"),
    ("assumed", "cross_run", "cross_mart"),
    ("assumed", "cross_run", "cross_mart", "ratio"),
    ("assumed", "cross_run", "cross_mart", "ratio", "fact"),
)


def _lp_bounds(model: _Model, targets: list[VarKey], milp_vars: int, k: int) -> tuple[dict, list[Finding], dict]:
    vars_ = model.vars
    fixed = {vk: v.published for vk, v in vars_.items() if v.published is not None and not v.conflict}
    free_cons = []
    findings: list[Finding] = []
    for con in model.cons:
        clo, chi = con.lo, con.hi
        free = {}
        for vk, a in con.coefs.items():
            if vk in fixed:
                lo, hi = fixed[vk]
                clo -= max(a * lo, a * hi)
                chi -= min(a * lo, a * hi)
            else:
                free[vk] = a
        if not free:
            if clo > 1e-6 * max(1, abs(clo)) or chi < -1e-6 * max(1, abs(chi)):
                findings.append(
                    Finding(
                        "inconsistent",
                        f"{con.tag} relation",
                        "published figures contradict a relation the attacker assumed",
                    )
                )
            continue
        free_cons.append(Con(free, clo, chi, con.tag))
    dsu = _DSU()
    for con in free_cons:
        first = next(iter(con.coefs))
        dsu.find(first)
        for vk in con.coefs:
            dsu.union(first, vk)
    comp_cons: dict[Any, list[Con]] = defaultdict(list)
    for con in free_cons:
        comp_cons[dsu.find(next(iter(con.coefs)))].append(con)
    comp_targets: dict[Any, list[VarKey]] = defaultdict(list)
    out: dict[VarKey, tuple[float, float]] = {}
    for t in targets:
        if t in fixed:
            out[t] = fixed[t]
        elif t in dsu.p:
            comp_targets[dsu.find(t)].append(t)
        else:
            out[t] = (0.0, np.inf)
    stats = {"components": len(comp_targets), "largest": 0, "lps": 0, "milps": 0, "dropped": defaultdict(int)}
    for root, tgs in comp_targets.items():
        cons = comp_cons[root]
        res, dropped = _solve_component(cons, tgs, vars_, milp_vars, k, stats)
        if dropped:
            stats["dropped"][dropped] += 1
            findings.append(
                Finding(
                    "inconsistent",
                    "component",
                    f"relations tagged {'/'.join(dropped)} dropped to make {len(tgs)} cells feasible",
                )
            )
        out.update(res)
    stats["dropped"] = dict(stats["dropped"])
    return out, findings, stats


def _solve_component(
    cons: list[Con], targets: list[VarKey], vars_: dict[VarKey, Var], milp_vars: int, k: int, stats: dict
) -> tuple[dict[VarKey, tuple[float, float]], tuple[str, ...]]:
    for drop in ((), *DROP_ORDER):
        use = [c for c in cons if c.tag not in drop]
        idx: dict[VarKey, int] = {}
        for c in use:
            for vk in c.coefs:
                idx.setdefault(vk, len(idx))
        for t in targets:
            idx.setdefault(t, len(idx))
        n = len(idx)
        rows, cols, data, lo, hi = [], [], [], [], []
        for i, c in enumerate(use):
            for vk, a in c.coefs.items():
                rows.append(i)
                cols.append(idx[vk])
                data.append(a)
            lo.append(c.lo)
            hi.append(c.hi)
        a_mat = coo_matrix((data, (rows, cols)), shape=(len(use), n)).tocsr()
        lo_a, hi_a = np.array(lo), np.array(hi)
        stats["largest"] = max(stats["largest"], n)
        # HiGHS through milp with no integer column: the same LP solver as linprog(method="highs"), with
        # one prebuilt constraint matrix per component (less input handling per programme).
        lin = [LinearConstraint(a_mat, lo_a, hi_a)] if use else []
        continuous = np.zeros(n)

        def lp(c_vec: np.ndarray, lin=lin, continuous=continuous) -> Any:
            stats["lps"] += 1
            return milp(c_vec, constraints=lin, integrality=continuous, bounds=Bounds(0, np.inf))

        feas = lp(np.zeros(n))
        if feas.status == 2:
            continue
        out = {}
        twins: dict[tuple[str, str, tuple[frozenset, ...]], VarKey] = {}
        for t in targets:
            twin = twins.get(t[:3]) if "cross_run" not in drop else None
            if twin is not None:  # the same closed-period cell in another run: one value, one interval
                out[t] = out[twin]
                continue
            twins[t[:3]] = t
            c_vec = np.zeros(n)
            c_vec[idx[t]] = 1.0
            r_min = lp(c_vec)
            r_max = lp(-c_vec)
            lo_t = r_min.fun if r_min.status == 0 else 0.0
            hi_t = -r_max.fun if r_max.status == 0 else np.inf
            v = vars_.get(t)
            people = t[1] in PEOPLE_COLUMNS
            could_be_small = people and np.isfinite(hi_t) and k <= hi_t < 2 * k
            could_be_exact = np.isfinite(hi_t) and 0.5 <= hi_t - lo_t < 2
            if v is not None and v.integer and n <= milp_vars and (could_be_small or could_be_exact):
                integrality = np.array([1 if vars_.get(vk, Var()).integer else 0 for vk in idx])
                constraints = [LinearConstraint(a_mat, lo_a, hi_a)] if len(use) else []
                for sign in (1.0, -1.0) if could_be_exact else (-1.0,):
                    stats["milps"] += 1
                    r = milp(
                        sign * c_vec,
                        constraints=constraints,
                        integrality=integrality,
                        bounds=Bounds(0, np.inf),
                        options={"time_limit": 5.0},
                    )
                    if r.status == 0:
                        if sign > 0:
                            lo_t = max(lo_t, r.fun)
                        else:
                            hi_t = min(hi_t, -r.fun)
            out[t] = (lo_t, hi_t)
        return out, drop
    return {t: (0.0, np.inf) for t in targets}, ("infeasible",)


def attack(
    release: Release,
    facts: Iterable[Fact] = (),
    population: pd.DataFrame | None = None,
    k: int = K,
    protection: float = PROTECTION,
    milp_vars: int = 400,
) -> AttackResult:
    """The attacker's linear (and, where cheap, integer) programme over everything in ``release``."""
    model = _Model(release, facts, population)
    targets = [vk for vk, v in model.vars.items() if v.refs]
    bounds_map, findings, stats = _lp_bounds(model, targets, milp_vars, k)
    findings = model.findings + findings
    bounds = []
    for vk in targets:
        lo, hi = bounds_map[vk]
        v = model.vars[vk]
        people = vk[1] in PEOPLE_COLUMNS
        if v.integer:
            lo, hi = float(np.ceil(lo - 1e-6)), float(np.floor(hi + 1e-6)) if np.isfinite(hi) else hi
        bounds.append(Bound(vk, v.refs, lo, hi, v.integer, people))
        where = ", ".join(sorted({release.tables[ti].label + f"[{ri}].{col}" for ti, ri, col in v.refs}))
        for kind, detail in classify(lo, hi, v.integer, people, k, protection):
            findings.append(Finding(kind, where, detail, lo, hi, v.refs))
    stats["targets"] = len(targets)
    stats["constraints"] = len(model.cons)
    return AttackResult(release, bounds, findings, stats)


def classify(
    lo: float, hi: float, integer: bool, people: bool, k: int = K, protection: float = PROTECTION
) -> list[tuple[str, str]]:
    """Attacker-side verdicts on one masked cell's interval (no true value needed)."""
    out = []
    if integer:
        if np.isfinite(hi) and hi - lo < 0.5:
            out.append(("recovered", "count known exactly"))
        if people and np.isfinite(hi) and hi < k:
            out.append(("proven_small", f"count proven below k={k}"))
    else:
        if np.isfinite(hi) and hi - lo <= max(1.0, 1e-3 * abs(hi)):
            out.append(("recovered", "amount known to the euro"))
        elif np.isfinite(hi) and hi + lo > 0 and (hi - lo) / (hi + lo) < protection:
            out.append(("pinned", f"amount known within +-{protection:.0%}"))
    return out


def protection_breaches(
    lo: float,
    hi: float,
    truth: float,
    integer: bool,
    people: bool,
    primary: bool,
    k: int = K,
    protection: float = PROTECTION,
) -> list[str]:
    """With the true value (confirmation only): which protection rule the attacker's interval breaks."""
    out = []
    if integer:
        if np.isfinite(hi) and hi - lo < 0.5:
            out.append("recovered")
        if primary and people and hi < k:
            out.append("upper bound below k")
    else:
        if np.isfinite(hi) and hi - lo <= max(1.0, 1e-3 * abs(hi)):
            out.append("recovered")
        elif primary and truth > 0 and (lo > (1 - protection) * truth + 1e-6 or hi < (1 + protection) * truth - 1e-6):
            out.append(f"amount pinned within +-{protection:.0%}")
    return out


# --- structure, existence and reason leakage -------------------------------------------------------


def masking_findings(release: Release) -> list[Finding]:
    """Masking markers other than none|masked, reason-like columns, values left on masked rows."""
    out = []
    for t in release.tables:
        df = t.df
        for c in df.columns:
            if REASON_WORDS.search(c):
                out.append(Finding("reason_column", t.label, f"column {c}"))
        if "masking" not in df.columns:
            if {"member_count"} & set(df.columns):
                out.append(Finding("no_masking_column", t.label))
            continue
        other = set(df["masking"].dropna().astype(str)) - MASKING_VALUES
        if other:
            out.append(Finding("reason_leak", t.label, f"masking values beyond none|masked: {len(other)} kinds"))
        if df["masking"].isna().any():
            out.append(Finding("reason_leak", t.label, "masking is NULL on some rows"))
        masked = t.masked
        value_cols = [c for c in df.columns if c not in DIM_COLUMNS | META_COLUMNS | TEXT_COLUMNS | PARAMETER_COLUMNS]
        for c in value_cols:
            n = int(df.loc[masked, c].notna().sum())
            if n:
                out.append(Finding("value_on_masked_row", t.label, f"{c} on {n} masked rows"))
        for c in df.columns:
            if c in MEASURE_COLUMNS or ratio_of(c) or c in DIM_COLUMNS | META_COLUMNS | TEXT_COLUMNS:
                continue
            if c in PARAMETER_COLUMNS and set(df[c].dropna()) <= {K}:
                continue
            if pd.api.types.is_numeric_dtype(df[c]):
                out.append(Finding("unclassified_column", t.label, f"numeric column {c} the attacker cannot place"))
    return out


def _fd_groups(df: pd.DataFrame, cols: list[str]) -> list[list[str]]:
    """Merge dimension columns that determine one another (period_start -> care_year, product -> segment)."""
    groups = [[c] for c in cols]
    merged = True
    while merged:
        merged = False
        for i, j in itertools.combinations(range(len(groups)), 2):
            a, b = groups[i], groups[j]
            if (
                df.groupby(a, dropna=False)[b].nunique(dropna=False).max().max() <= 1
                or df.groupby(b, dropna=False)[a].nunique(dropna=False).max().max() <= 1
            ):
                groups[i] = a + b
                del groups[j]
                merged = True
                break
    return groups


def _nobody(pop: pd.DataFrame | None, scope: frozenset, years: set[int] | None, sexes=None, ages=None) -> bool | None:
    """True when the attacker's own registry has nobody of the scope in those sexes / ages (None: unknown)."""
    if pop is None:
        return None
    sel = pop["scope"].isin(scope)
    if years:
        sel &= pop["year"].isin(years)
    if sexes is not None:
        sel &= pop["sex"].isin(sexes)
    if ages is not None:
        sel &= pop["age"].isin(ages)
    return int(pop.loc[sel, "count"].sum()) == 0


def grid_findings(release: Release, population: pd.DataFrame | None = None) -> list[Finding]:
    """Existence disclosure: a cell table must be a complete grid over complete domains. With the
    attacker's own registry (``population``), a band or sex in which the scope has nobody may be absent:
    its absence tells the attacker nothing it did not know."""
    out = []
    pop = _prepare_population(population) if population is not None else None
    uni = Universe(release.tables)
    fams = uni.universe["family"]
    for t in release.cell_tables():
        df = t.df
        meta = [c for c in df.columns if c in META_COLUMNS - {"masking"}]
        dims = [c for c in df.columns if c in DIM_COLUMNS and c != "employer_siret" and df[c].nunique(dropna=False) > 1]
        levels = df.groupby(meta, dropna=False) if meta else [((), df)]
        for _lvl, part in levels:
            if not dims:
                continue
            groups = _fd_groups(part, dims)
            expected = int(np.prod([len(part[g].drop_duplicates()) for g in groups]))
            if expected != len(part):
                out.append(Finding("incomplete_grid", t.label, f"{len(part)} rows where the grid has {expected}"))
            if part.duplicated(dims).any():
                out.append(Finding("duplicate_cells", t.label, f"{int(part.duplicated(dims).sum())} duplicate keys"))
            if "act_family" in part and set(part["act_family"]) != {"all"}:
                missing = fams - set(part["act_family"].astype(str))
                if missing:
                    out.append(Finding("missing_domain_values", t.label, f"{len(missing)} act families absent"))
            if "broad_family" in part and set(part["broad_family"]) != {"all"}:
                missing = set(uni.broad) - set(part["broad_family"].astype(str))
                if missing:
                    out.append(Finding("missing_domain_values", t.label, f"{len(missing)} broad families absent"))
            scope = _scope(t, part.iloc[0].to_dict())
            years = {int(y) for y in part["care_year"].unique()} if "care_year" in part else None
            if "sex" in part and set(part["sex"]) != {"all"} and set(part["sex"]) != {"F", "M"}:
                missing_sexes = {"F", "M"} - set(part["sex"])
                if _nobody(pop, scope, years, sexes=missing_sexes) is not True:
                    out.append(Finding("missing_domain_values", t.label, "sex grid is not F, M"))
            if "age_band" in part and set(part["age_band"]) != {"all"}:
                ages = frozenset().union(*(uni.value("age", b) for b in part["age_band"].unique()))
                if ages != frozenset(range(min(ages), MAX_AGE + 1)):
                    if _nobody(pop, scope, years, ages=uni.ages - ages) is not True:
                        out.append(Finding("missing_domain_values", t.label, "age bands leave a gap"))
            if "period_start" in part and "care_year" in part:
                grain = part["period_grain"] if "period_grain" in part else _grain_guess(part)
                per_year = {1: 12, 3: 4, 6: 2, 12: 1}
                want = per_year.get(GRAIN_MONTHS.get(str(grain.iloc[0]), 12), 1)
                got = part.groupby("care_year")["period_start"].nunique()
                if (got != want).any():
                    out.append(Finding("missing_domain_values", t.label, "periods of a year absent"))
    return out


def population_findings(release: Release, population: pd.DataFrame, k: int = K) -> list[Finding]:
    """Rows (published or masked) describing a population the attacker knows to be under k."""
    out = []
    uni = Universe(release.tables)
    pop = _prepare_population(population)
    for t in release.cell_tables():
        if namespace(t.mart, t.df.columns) not in {"care"}:
            continue
        for ri, key in enumerate(row_keys(t, uni)):
            n = population_of(pop, key, uni)
            if n is not None and n < k:
                state = "masked" if t.masked.iloc[ri] else "published"
                out.append(Finding("population_under_k", f"{t.label}[{ri}]", f"{state} row over a population < k"))
    return out


def homogeneity_findings(release: Release, population: pd.DataFrame) -> list[Finding]:
    """Published cells where EVERY member of the known population consumed (each person's consumption
    is disclosed) or none did. Observations: the written rules do not forbid them."""
    out = []
    uni = Universe(release.tables)
    pop = _prepare_population(population)
    for t in release.cell_tables():
        if namespace(t.mart, t.df.columns) != "care" or "member_count" not in t.df:
            continue
        mc = t.df["member_count"].to_numpy(dtype="float64", na_value=np.nan)
        for ri, key in enumerate(row_keys(t, uni)):
            if t.masked.iloc[ri] or np.isnan(mc[ri]):
                continue
            n = population_of(pop, key, uni)
            if n and mc[ri] >= n:
                out.append(Finding("all_consumed", f"{t.label}[{ri}]", "every member of the population consumed"))
            elif n and mc[ri] == 0:
                out.append(Finding("none_consumed", f"{t.label}[{ri}]", "no member of the population consumed"))
    return out


def manifest_numbers(obj: Any, path: str = "") -> list[tuple[str, float]]:
    """Every number in a manifest, with its JSON path."""
    out = []
    if isinstance(obj, dict):
        for key, v in obj.items():
            out += manifest_numbers(v, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            name = v.get("mart") or v.get("name") if isinstance(v, dict) else None
            out += manifest_numbers(v, f"{path}[{name or i}]")
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        out.append((path, float(obj)))
    return out


def manifest_findings(release: Release) -> list[Finding]:
    """Numbers in a manifest that are not row counts of the folder's own files or public thresholds."""
    out = []
    rows = {(t.consumer, t.run, t.mart): len(t.df) for t in release.tables}
    public = {
        float(K),
        DOMINANCE,
        P_PERCENT,
        float(MIN_EMPLOYERS),
        0.25,
        3.0,
        1.0,
        0.0,
        PROTECTION,
        100 * P_PERCENT,
        100 * DOMINANCE,
    }
    for consumer, run, manifest in release.manifests:
        for path, value in manifest_numbers(manifest):
            leaf = path.rsplit(".", 1)[-1]
            if leaf == "rows":
                mart = re.search(r"\[([^\]]+)\]", path)
                if mart and (consumer, run, mart.group(1).removesuffix(".parquet")) in rows:
                    if rows[(consumer, run, mart.group(1).removesuffix(".parquet"))] != value:
                        out.append(Finding("manifest_mismatch", f"{consumer}{path}", "row count differs from file"))
                    continue
            if leaf in {"checked_columns", "version", "schema_version"} or value in public:
                continue
            out.append(Finding("manifest_figure", f"{run}:{consumer}{path}", "a figure the folder cannot explain"))
    return out


def cell_index(t: Table) -> pd.DataFrame:
    """A table indexed by its dimension (and generalisation) columns."""
    dims = [c for c in t.df.columns if c in DIM_COLUMNS | (META_COLUMNS - {"masking"})]
    df = t.df.copy()
    for c in dims:
        df[c] = df[c].astype(str)
    return df.set_index(dims) if dims else df


def revision_findings(old: Iterable[Table], new: Iterable[Table], ignore: Iterable[str] = ()) -> list[Finding]:
    """Two runs: the same published cell changed (differencing) or a masked cell now published."""
    out = []
    new_by = {(t.consumer, t.mart): t for t in new}
    for t in old:
        if any(s in t.mart for s in ignore) or (t.consumer, t.mart) not in new_by:
            continue
        a, b = cell_index(t), cell_index(new_by[(t.consumer, t.mart)])
        common = a.index.intersection(b.index)
        if not a.index.is_unique or not b.index.is_unique:
            continue
        a, b = a.loc[common], b.loc[common]
        cols = [c for c in a.columns if c in b.columns and c not in TEXT_COLUMNS]
        for c in cols:
            va, vb = a[c], b[c]
            if c == "masking":
                unmasked = int(((va != "none") & (vb == "none")).sum())
                if unmasked:
                    out.append(Finding("unmasked_in_later_run", f"{t.consumer}:{t.mart}", f"{unmasked} cells"))
                continue
            xa = pd.to_numeric(va, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
            xb = pd.to_numeric(vb, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
            changed = np.isfinite(xa) & np.isfinite(xb) & ~np.isclose(xa, xb, rtol=0, atol=1e-6)
            n = int(changed.sum())
            if n:
                out.append(Finding("revised", f"{t.consumer}:{t.mart}", f"{c} changed on {n} cells"))
    return out


def folder_differences(a: Iterable[Table], b: Iterable[Table], ignore: Iterable[str] = ()) -> list[Finding]:
    """Everything that differs between two copies of one consumer's folder (values, masks, rows, files)."""
    out = []
    ta = {t.mart: t for t in a if not any(s in t.mart for s in ignore)}
    tb = {t.mart: t for t in b if not any(s in t.mart for s in ignore)}
    for mart in sorted(set(ta) ^ set(tb)):
        out.append(Finding("file_presence", mart, "file present in one copy only"))
    for mart in sorted(set(ta) & set(tb)):
        da, db = ta[mart].df, tb[mart].df
        if list(da.columns) != list(db.columns) or len(da) != len(db):
            out.append(Finding("shape_changed", mart, f"{len(da)} vs {len(db)} rows"))
            continue
        sa = da.sort_values(list(da.columns)).reset_index(drop=True)
        sb = db.sort_values(list(db.columns)).reset_index(drop=True)
        for c in da.columns:
            x, y = sa[c], sb[c]
            if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y):
                diff = ~np.isclose(x.astype(float), y.astype(float), rtol=0, atol=1e-9, equal_nan=True)
            else:
                diff = (x.astype(str) != y.astype(str)).to_numpy()
            if diff.any():
                out.append(Finding("value_changed", mart, f"{c} on {int(diff.sum())} rows"))
    return out


# --- the benchmark minus the employer's own figures ----------------------------------------------------


def benchmark_residual_findings(release: Release, k: int = K) -> list[Finding]:
    """An employer holds the pooled benchmark (member_count and averages per member) and its own cells.
    If the pool includes the employer's members (a benchmark identical for every employer cannot exclude
    each recipient), pool - own describes the OTHER employers' members of that cell: a published
    difference under k members describes fewer than k people. Own cells are matched to the benchmark
    cells that partition them along age and sex (same year and act family)."""
    out: list[Finding] = []
    uni = Universe(release.tables)
    bench = [t for t in release.cell_tables() if "benchmark" in t.mart]
    own = [t for t in release.cell_tables() if namespace(t.mart, t.df.columns) == "care"]
    for b in bench:
        bkeys = row_keys(b, uni)
        shown = ~b.masked.to_numpy()
        n = b.df["member_count"].to_numpy(dtype="float64", na_value=np.nan) if "member_count" in b.df else None
        if n is None:
            continue
        by_tf: dict[tuple[frozenset, frozenset], list[int]] = defaultdict(list)
        for i, key in enumerate(bkeys):
            by_tf[(key[DI["time"]], key[DI["family"]])].append(i)
        for t in own:
            if "member_count" not in t.df:
                continue
            mc = t.df["member_count"].to_numpy(dtype="float64", na_value=np.nan)
            for ri, key in enumerate(row_keys(t, uni)):
                if t.masked.iloc[ri] or np.isnan(mc[ri]):
                    continue
                rows = [
                    i
                    for i in by_tf.get((key[DI["time"]], key[DI["family"]]), [])
                    if bkeys[i][DI["age"]] <= key[DI["age"]] and bkeys[i][DI["sex"]] <= key[DI["sex"]]
                ]
                ages = frozenset().union(*(bkeys[i][DI["age"]] for i in rows)) if rows else frozenset()
                sexes = frozenset().union(*(bkeys[i][DI["sex"]] for i in rows)) if rows else frozenset()
                if not rows or ages != key[DI["age"]] or sexes != key[DI["sex"]]:
                    continue
                if not all(shown[i] for i in rows):
                    continue
                pool = float(np.nansum(n[rows]))
                others = pool - mc[ri]
                where = f"{t.label}[{ri}] vs {b.mart}"
                if others < 0:
                    out.append(Finding("benchmark_excludes_recipient", where, "own count above the pool"))
                elif 0 < others < k:
                    out.append(Finding("benchmark_residual_under_k", where, "pool minus own counts under k members"))
    return out


# --- member-level records (dataviz) -----------------------------------------------------------------

QUASI_IDENTIFIERS = ("care_year", "age_band", "sex", "geo_area")


def uniqueness_findings(t: Table, qis: Iterable[str] = QUASI_IDENTIFIERS, k: int = K) -> list[Finding]:
    """Records unique on the quasi-identifiers plus any one published value (a band, the main family)."""
    df = t.df
    qis = [c for c in qis if c in df.columns]
    out = []
    sizes = df.groupby(qis, dropna=False)[qis[0]].transform("size")
    if (sizes < k).any():
        out.append(Finding("qi_class_under_k", t.label, f"{int((sizes < k).sum())} records in classes under k"))
    for c in df.columns:
        if c in qis or c in META_COLUMNS:
            continue
        n = df.groupby([*qis, c], dropna=False)[qis[0]].transform("size")
        uniq = int((n == 1).sum())
        if uniq:
            out.append(Finding("unique_record", t.label, f"{uniq} records unique on QIs + {c}"))
    return out


def banding_findings(t: Table) -> list[Finding]:
    """Amount columns of a member-level table must be bands, not exact amounts."""
    out = []
    for c in t.df.columns:
        if not c.startswith(("consumption_", "amount_")):
            continue
        s = t.df[c].dropna()
        if pd.api.types.is_numeric_dtype(s):
            cents = (np.round(s.astype(float) * 100) % 100 != 0).mean() if len(s) else 0
            distinct = s.nunique()
            if cents > 0.05 or distinct > max(50, len(s) // 5):
                out.append(Finding("exact_amounts", t.label, f"{c}: {distinct} distinct values"))
    return out


# --- concentration of published amounts (needs member contributions: confirmation only) -------------


def concentration(contrib: pd.DataFrame, cell: str = "cell", value: str = "value") -> pd.DataFrame:
    """Per cell: total, largest and second contributions, dominance share and the p % rule's margin."""
    c = contrib[contrib[value] > 0].sort_values([cell, value], ascending=[True, False])
    c["rank"] = c.groupby(cell).cumcount()
    total = c.groupby(cell)[value].sum()
    top1 = c[c["rank"] == 0].set_index(cell)[value]
    top2 = c[c["rank"] == 1].set_index(cell)[value].reindex(total.index).fillna(0.0)
    out = pd.DataFrame({"total": total, "top1": top1.reindex(total.index), "top2": top2})
    out["share"] = out["top1"] / out["total"]
    out["dominated"] = out["share"] > DOMINANCE
    # p % rule: the second contributor estimates the first as total - own; unsafe if the rest is under p % of it.
    out["p_unsafe"] = (out["total"] - out["top1"] - out["top2"]) < P_PERCENT * out["top1"]
    return out


def atom_key_maps(t: Table, uni: Universe) -> list[dict[str, dict]]:
    """For each grid of a table, the map from atomic values (month, age, sex, departement...) to cell values."""
    maps = []
    keys = row_keys(t, uni)
    for d in range(len(DIMS)):
        m: dict[Any, frozenset] = {}
        for key in keys:
            for atom in key[d]:
                m.setdefault(atom, key[d])
        maps.append(m)
    return maps


# --- confirmation helpers (warehouse access; never attacker knowledge) ------------------------------


MEMBER_ATOMS_SQL = """
    select b.member_token,
           coalesce(c.employer_siret, 'INDIVIDUAL') as employer_siret,
           m.sex, m.birth_year, m.departement, cast(c.guarantee_level as varchar) as guarantee_level,
           c.product_code, c.contract_type as segment,
           (extract(year from b.care_month) * 12 + extract(month from b.care_month) - 1)::integer as month,
           b.act_family,
           count(*) as benefit_line_count,
           sum(b.actual_cost)::double as actual_cost,
           sum(b.ss_reimbursement)::double as ss_reimbursement,
           sum(b.complementary_reimbursement)::double as complementary_reimbursement,
           sum(b.out_of_pocket)::double as out_of_pocket
    from pseudo.benefits b
    join pseudo.members m using (member_token)
    join pseudo.contracts c on c.contract_token = b.contract_token
    group by all
"""


def cell_contributions(
    t: Table, atoms: pd.DataFrame, uni: Universe | None = None, measures: Iterable[str] = AMOUNTS
) -> pd.DataFrame:
    """Per (row of t, member): the member's contributions to ``measures`` (confirmation only).

    ``atoms``: one line per member x month x family with the member's attributes (MEMBER_ATOMS_SQL).
    Ages are care year - birth year. Rows whose recount of member_count differs from the published
    value are reported by :func:`recount_mismatches` so a wrong mapping is never taken for a breach.
    """
    uni = uni or Universe([t])
    keys = row_keys(t, uni)
    index = {key: i for i, key in enumerate(keys)}
    maps = atom_key_maps(t, uni)
    a = atoms.copy()
    a["age"] = a["month"] // 12 - a["birth_year"]
    cols = {
        "time": a["month"],
        "family": a["act_family"],
        "age": a["age"],
        "sex": a["sex"],
        "geo": a["departement"],
        "guarantee": a["guarantee_level"],
        "product": a["product_code"],
        "segment": a["segment"],
    }
    mapped = {}
    for d, name in enumerate(DIMS):
        vals = {key[d] for key in keys}
        const = pd.Series([next(iter(vals))] * len(a), index=a.index, dtype=object)
        if name == "scope":
            if vals == {frozenset({"ALL"})}:
                mapped[name] = const
            elif vals == {frozenset({"POOL"})}:
                mapped[name] = const.where(a["employer_siret"] != "INDIVIDUAL", None)
            else:
                mapped[name] = a["employer_siret"].map({next(iter(v)): v for v in vals})
        elif len(vals) == 1 and next(iter(vals)) == uni.universe.get(name):
            mapped[name] = const
        else:
            mapped[name] = cols[name].map(maps[d])
    frame = pd.DataFrame(mapped)
    ok = frame.notna().all(axis=1)
    frame, a = frame[ok], a[ok]
    cell = [index.get(tuple(r)) for r in frame.itertuples(index=False, name=None)]
    a = a.assign(cell=cell).dropna(subset=["cell"])
    a["cell"] = a["cell"].astype(int)
    return a.groupby(["cell", "member_token", "employer_siret"], as_index=False)[list(measures)].sum()


def recount_mismatches(t: Table, contrib: pd.DataFrame) -> pd.Series:
    """Rows where the recount of distinct members differs from the published member_count."""
    n = contrib.groupby("cell")["member_token"].nunique().reindex(range(len(t.df))).fillna(0)
    pub = t.df["member_count"].astype(float)
    shown = ~t.masked & pub.notna()
    return shown & (n.to_numpy() != pub.to_numpy())


def population_frame(con: Any, employers: bool = True) -> pd.DataFrame:
    """Covered members per scope x year x sex x age x departement (an employer's / insurer's own registry)."""
    scope = "coalesce(c.employer_siret, 'INDIVIDUAL')" if employers else "'ALL'"
    return con.execute(f"""
        with years as (select distinct extract(year from care_month)::integer as year from pseudo.benefits)
        select {scope} as scope, y.year, m.sex, (y.year - m.birth_year)::integer as age, m.departement,
               cast(c.guarantee_level as varchar) as guarantee_level, count(distinct m.member_token) as count
        from pseudo.members m join pseudo.contracts c using (member_token) cross join years y
        where c.start_date <= make_date(y.year, 12, 31)
          and (c.end_date is null or c.end_date >= make_date(y.year, 1, 1))
        group by all
    """).fetchdf()
