"""The linear relations an attacker knows between the cells of a release.

Nothing here comes from how the tables were built: relations are derived from
what the cells *cover* (a quarter lies in its year, a 10-year age band in its
20-year band, a département in its région, F and M make 'all', a table without
an act family covers every family) and are kept only when they hold on the true
values, so that an attacker's algebra and ours agree:

* **additive measures** (amounts, line counts): for two tables, the cells of
  each falling in one cell of their finest common coarsening sum to the same
  total — a margin published in another table, a grand total shared by two
  tables, or the same cell published twice (history);
* **distinct member counts** are additive only across dimensions that split
  members (sex, age at care, area, guarantee...); across periods or act
  families a coarse count lies between the largest finer count and their sum.
  When the finer table also splits members (a year, all families, against
  quarters x families x age bands x sexes), the attacker reasons through one
  hidden count per member group (the year's members of that age band and sex,
  all families): the coarse count is the sum of the hidden counts, each hidden
  count lies between the largest of its finer cells and their sum, and never
  above the group's population, which the consumer knows (its staff list).
  These hidden counts are *latent cells*: always masked, never published;
* **identities inside a cell** (actual cost = Social Security + complementary
  + out of pocket) and **line counts ≥ member counts**.

A broad care family (a family value grouping several act families, listed in the cell table's
``act_families`` column) covers those act families: its amounts and line counts are the sums of theirs in
any table with act families, the broad families add up to a table without families, and its member count
lies between the largest of theirs and their sum.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from governance.sdc.model import ADDITIVE_COUNT, AMOUNT, DISTINCT_MEMBERS, CellTable, Release, Rules, TableSpec

log = logging.getLogger(__name__)

_GRAIN_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_AGE_TOP = 200
#: Axes along which a member belongs to one cell only within a year (distinct counts add up).
_MEMBER_SPLITTING_EXEMPT = ("time", "family")
#: Vintage of the latent cells (hidden member-group counts): always masked, never published nor audited.
LATENT = "latent"
#: Column of a cell table whose family dimension groups act families (a broad care family): the act families the
#: cell covers, '+' separated (seed act_family_group). Such a cell is the sum of its act families' cells.
COVERED_FAMILIES = "act_families"


@dataclass
class Variables:
    """One linear-programme variable per (table, row, measure) of the release."""

    index: dict[tuple[int, int, str], int] = field(default_factory=dict)
    keys: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, key: tuple[int, int, str]) -> int:
        if key not in self.index:
            self.index[key] = len(self.keys)
            self.keys.append(key)
        return self.index[key]


@dataclass
class Relations:
    """Sparse linear relations over the release's variables: equalities (= 0) and inequalities (<= 0)."""

    variables: Variables
    equalities: list[dict[int, float]] = field(default_factory=list)
    inequalities: list[dict[int, float]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Hidden member-group counts the attacker reasons through (vintage ``LATENT``); their variables use table
    #: numbers after the release's own tables, in this order.
    latent: list[CellTable] = field(default_factory=list)

    def var_rows(self) -> dict[int, list[tuple[str, int]]]:
        """variable -> [(kind, relation number)] for every relation it enters."""
        out: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for i, rel in enumerate(self.equalities):
            for v in rel:
                out[v].append(("eq", i))
        for i, rel in enumerate(self.inequalities):
            for v in rel:
                out[v].append(("ub", i))
        return out


# --- what a cell covers, axis by axis ---------------------------------------------------------------------------


def _age_interval(value: object) -> tuple[int, int]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return (-2, -1)
    text = str(value)
    if text == "all":
        return (0, _AGE_TOP)
    if text.endswith("+"):
        return (int(text[:-1]), _AGE_TOP)
    lo, _, hi = text.partition("-")
    return (int(lo), int(hi) + 1)


def _families(value: object, covered: object) -> frozenset | None:
    """The act families a cell covers: every one ('all': None), those its broad family groups, or itself."""
    if value == "all":
        return None
    if isinstance(covered, str) and covered:
        return frozenset(covered.split("+"))
    return frozenset((str(value),))


def _month_number(value: object) -> int:
    ts = pd.Timestamp(value)
    return ts.year * 12 + ts.month - 1


def _coverages(table: CellTable, regions: dict[str, str]) -> dict[str, list[object]]:
    """axis -> per-row coverage: (lo, hi) on the time and age axes, a frozenset on the others."""
    frame = table.frame
    dims = table.spec.dimensions
    out: dict[str, list[object]] = {}
    by_kind = defaultdict(list)
    for column, kind in dims.items():
        by_kind[kind].append(column)
    if "period" in by_kind:
        column = by_kind["period"][0]
        grains = frame["period_grain"].tolist() if "period_grain" in frame else ["month"] * len(frame)
        starts = [_month_number(v) for v in frame[column].tolist()]
        out["time"] = [(s, s + _GRAIN_MONTHS[str(g)]) for s, g in zip(starts, grains, strict=True)]
    elif "year" in by_kind:
        years = frame[by_kind["year"][0]].astype(int).tolist()
        out["time"] = [(y * 12, y * 12 + 12) for y in years]
    if "age_band" in by_kind:
        out["age"] = [_age_interval(v) for v in frame[by_kind["age_band"][0]].tolist()]
    if "sex" in by_kind:
        out["sex"] = [
            frozenset(("F", "M")) if v == "all" else frozenset((str(v),)) for v in frame[by_kind["sex"][0]].tolist()
        ]
    if "family" in by_kind:
        values = frame[by_kind["family"][0]].tolist()
        covered = frame[COVERED_FAMILIES].tolist() if COVERED_FAMILIES in frame else [None] * len(values)
        out["family"] = [_families(v, c) for v, c in zip(values, covered, strict=True)]
    if "geo" in by_kind:
        by_region: dict[str, set[str]] = defaultdict(set)
        for dep, reg in regions.items():
            by_region[reg].add(dep)

        def geo(v: object) -> frozenset | None:
            text = str(v)
            if text == "FR":
                return None
            if text in by_region:
                return frozenset(by_region[text])
            return frozenset((text,))

        out["geo"] = [geo(v) for v in frame[by_kind["geo"][0]].tolist()]
    for column in by_kind.get("category", []):
        out["cat:" + column] = [frozenset((str(v),)) for v in frame[column].tolist()]
    return out


def _components(values: list[object]) -> dict[object, int]:
    """Group overlapping coverages (intervals or sets; None = everything) into connected components."""
    distinct = list(dict.fromkeys(values))
    if any(v is None for v in distinct):
        return dict.fromkeys(distinct, 0)
    if distinct and isinstance(distinct[0], tuple):
        order = sorted(distinct)
        comp: dict[object, int] = {}
        current, reach = -1, None
        for lo, hi in order:
            if reach is None or lo >= reach:
                current += 1
                reach = hi
            else:
                reach = max(reach, hi)
            comp[(lo, hi)] = current
        return comp
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in distinct:
        items = list(s)
        for a in items[1:]:
            ra, rb = find(items[0]), find(a)
            if ra != rb:
                parent[ra] = rb
    roots: dict[object, int] = {}
    return {s: roots.setdefault(find(next(iter(s))), len(roots)) for s in distinct}


# --- deriving the relations ---------------------------------------------------------------------------------------


def _close(a: float, b: float, rules: Rules, n: int) -> bool:
    return abs(a - b) <= rules.tolerance * max(1, n) + 1e-9 * max(abs(a), abs(b))


def _partitions(tables: list[CellTable]) -> dict[object, list[int]]:
    """Tables grouped by partition value (one employer's tables never relate to another's)."""
    groups: dict[object, list[int]] = defaultdict(list)
    for i, t in enumerate(tables):
        col = t.spec.partition
        if col and col in t.frame and len(t.frame):
            values = t.frame[col].unique().tolist()
            if len(values) != 1:
                raise ValueError(f"{t.key}: a release table must hold one {col} value")
            groups[values[0]].append(i)
        else:
            groups[None].append(i)
    if None in groups and len(groups) > 1:
        shared = groups.pop(None)
        for key in groups:
            groups[key] += shared
    return groups


def derive_relations(release: Release, rules: Rules) -> Relations:
    """Every relation between the release's cells that holds on the true values."""
    tables = release.tables
    variables = Variables()
    for ti, t in enumerate(tables):
        for m in t.spec.linear_measures:
            for row in range(len(t.frame)):
                variables.add((ti, row, m))
    rel = Relations(variables=variables)
    cover = [_coverages(t, release.regions) for t in tables]
    for ti, t in enumerate(tables):
        _cell_identities(rel, ti, t, rules)
    for members in _partitions(tables).values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1 :]:
                _pair_relations(rel, a, tables[a], cover[a], b, tables[b], cover[b], rules, len(tables))
    return rel


def _disjoint(a: object, b: object) -> bool:
    """Whether two coverages of one axis share nothing (None covers everything)."""
    if a is None or b is None:
        return False
    if isinstance(a, tuple):
        return a[1] <= b[0] or b[1] <= a[0]
    return not (a & b)


def _member_groups(cover: dict, rows: list[int]) -> list[list[int]] | None:
    """The finer rows grouped by the member groups they describe (their coverage on the axes that split
    members: age, sex, area, categories), or None when the groups do not split members cleanly (two groups
    overlap) or there is only one group."""
    axes = [axis for axis in cover if axis not in _MEMBER_SPLITTING_EXEMPT]
    if not axes:
        return None
    groups: dict[tuple, list[int]] = defaultdict(list)
    for r in rows:
        groups[tuple(cover[axis][r] for axis in axes)].append(r)
    if len(groups) < 2:
        return None
    keys = list(groups)
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            if not any(_disjoint(x, y) for x, y in zip(ka, kb, strict=True)):
                return None
    return list(groups.values())


def _group_population(t: CellTable, rows: list[int]) -> float:
    """The population of a member group, when the consumer knows it and every finer cell of the group states
    the same one (a group's population is per year); NaN otherwise."""
    if not t.spec.population_known or "population" not in t.frame:
        return math.nan
    pops = pd.to_numeric(t.frame["population"], errors="coerce").to_numpy(float)[rows]
    if np.isnan(pops).any() or np.ptp(pops) > 0:
        return math.nan
    return float(pops[0])


def _latent_values(coarse: float, fine: np.ndarray, groups: list[list[int]], pops: list[float]) -> np.ndarray | None:
    """A value per member group consistent with the true cells (the true hidden counts are not needed: any
    consistent point serves the programmes), or None when no value is: then the relation does not hold."""
    low = np.array([float(fine[g].max()) for g in groups])
    high = np.array(
        [
            min(float(fine[g].sum()), p) if not math.isnan(p) else float(fine[g].sum())
            for g, p in zip(groups, pops, strict=True)
        ]
    )
    if (low > high + 1e-9).any() or low.sum() > coarse + 1e-9 or high.sum() < coarse - 1e-9:
        return None
    room = high - low
    if room.sum() <= 1e-12:
        return low
    return low + room * (coarse - low.sum()) / room.sum()


def _cell_identities(rel: Relations, ti: int, t: CellTable, rules: Rules) -> None:
    idx = rel.variables.index
    frame = t.frame
    for identity in t.spec.identities:
        total, parts = identity[0], identity[1:]
        lhs = frame[total].astype(float).to_numpy()
        rhs = sum(frame[p].astype(float).to_numpy() for p in parts)
        if not np.all(np.abs(lhs - rhs) <= rules.tolerance * len(parts) + 1e-9 * np.abs(lhs)):
            rel.skipped.append(f"{t.key}: identity {total} = {' + '.join(parts)} does not hold on every cell")
            continue
        for row in range(len(frame)):
            eq = {idx[(ti, row, total)]: 1.0}
            for p in parts:
                eq[idx[(ti, row, p)]] = -1.0
            rel.equalities.append(eq)
    kinds = t.spec.measures
    lines = [m for m, k in kinds.items() if k == ADDITIVE_COUNT]
    members = [m for m, k in kinds.items() if k == DISTINCT_MEMBERS]
    if lines and members:
        for row in range(len(frame)):
            rel.inequalities.append({idx[(ti, row, members[0])]: 1.0, idx[(ti, row, lines[0])]: -1.0})


def _pair_relations(
    rel: Relations, ai: int, a: CellTable, ca: dict, bi: int, b: CellTable, cb: dict, rules: Rules, n_tables: int
) -> None:
    common = [
        m for m in a.spec.linear_measures if m in b.spec.linear_measures and a.spec.measures[m] == b.spec.measures[m]
    ]
    if not common:
        return
    axes = sorted(set(ca) | set(cb))
    na, nb = len(a.frame), len(b.frame)
    keys_a: list[list[int]] = [[] for _ in range(na)]
    keys_b: list[list[int]] = [[] for _ in range(nb)]
    same_split = True  # both tables cut time and family the same way inside every group
    for axis in axes:
        va = ca.get(axis, [None] * na)
        vb = cb.get(axis, [None] * nb)
        comp = _components(list(va) + list(vb))
        for row, v in enumerate(va):
            keys_a[row].append(comp[v])
        for row, v in enumerate(vb):
            keys_b[row].append(comp[v])
        if axis in _MEMBER_SPLITTING_EXEMPT:
            per_comp_a = defaultdict(set)
            per_comp_b = defaultdict(set)
            for v in va:
                per_comp_a[comp[v]].add(v)
            for v in vb:
                per_comp_b[comp[v]].add(v)
            for c in set(per_comp_a) | set(per_comp_b):
                if len(per_comp_a.get(c, ())) > 1 or len(per_comp_b.get(c, ())) > 1:
                    same_split = False
    groups: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for row, key in enumerate(keys_a):
        groups[tuple(key)][0].append(row)
    for row, key in enumerate(keys_b):
        groups[tuple(key)][1].append(row)
    idx = rel.variables.index
    for m in common:
        kind = a.spec.measures[m]
        xa = a.frame[m].astype(float).to_numpy()
        xb = b.frame[m].astype(float).to_numpy()
        additive = kind in (AMOUNT, ADDITIVE_COUNT) or (kind == DISTINCT_MEMBERS and same_split)
        pending_eq: list[dict[int, float]] = []
        pending_ub: list[dict[int, float]] = []
        pending_latent: list[tuple] = []
        holds = True
        for rows_a, rows_b in groups.values():
            if not rows_a or not rows_b:
                continue  # one table does not reach this part of the other: no relation
            sa, sb = float(xa[rows_a].sum()), float(xb[rows_b].sum())
            if additive:
                if not _close(sa, sb, rules, len(rows_a) + len(rows_b)):
                    holds = False
                    break
                eq = defaultdict(float)
                for r in rows_a:
                    eq[idx[(ai, r, m)]] += 1.0
                for r in rows_b:
                    eq[idx[(bi, r, m)]] -= 1.0
                pending_eq.append(dict(eq))
            elif len(rows_a) == 1 or len(rows_b) == 1:
                # distinct members across periods or families: max(finer) <= coarse <= sum(finer)
                (coarse_t, coarse_r, fine_t, fine_rows, xc, xf) = (
                    (ai, rows_a[0], bi, rows_b, xa, xb) if len(rows_a) == 1 else (bi, rows_b[0], ai, rows_a, xb, xa)
                )
                c_val = float(xc[coarse_r])
                if c_val > float(xf[fine_rows].sum()) + 1e-9 or any(float(xf[r]) > c_val + 1e-9 for r in fine_rows):
                    holds = False
                    break
                fine_table, fine_cover = (b, cb) if fine_t == bi else (a, ca)
                member_groups = _member_groups(fine_cover, fine_rows)
                if member_groups is not None:
                    pops = [_group_population(fine_table, g) for g in member_groups]
                    values = _latent_values(c_val, xf, member_groups, pops)
                    if values is not None:
                        pending_latent.append((coarse_t, coarse_r, fine_t, member_groups, values, pops))
                        continue
                ub = {idx[(coarse_t, coarse_r, m)]: 1.0}
                for r in fine_rows:
                    ub[idx[(fine_t, r, m)]] = ub.get(idx[(fine_t, r, m)], 0.0) - 1.0
                pending_ub.append(ub)
                for r in fine_rows:
                    pending_ub.append({idx[(fine_t, r, m)]: 1.0, idx[(coarse_t, coarse_r, m)]: -1.0})
        if not holds:
            rel.skipped.append(f"{a.key} ~ {b.key}: {m} does not add up between the tables; no relation used")
            continue
        rel.equalities += [e for e in pending_eq if any(abs(c) > 0 for c in e.values())]
        rel.inequalities += pending_ub
        if pending_latent:
            _latent_relations(rel, m, pending_latent, f"{a.key}~{b.key}", n_tables)


def _latent_relations(rel: Relations, m: str, pending: list[tuple], label: str, n_tables: int) -> None:
    """One latent cell per member group under a coarse distinct count: coarse = sum of the groups; each group
    between its largest finer cell and their sum, and at most its population (bounded in the latent table)."""
    coarse_cells, values, pops, members = [], [], [], []
    for coarse_t, coarse_r, fine_t, groups, group_values, group_pops in pending:
        first = len(values)
        values += group_values.tolist()
        pops += group_pops
        coarse_cells.append((coarse_t, coarse_r, first, len(groups)))
        members.append((fine_t, groups))
    spec = TableSpec(name=f"latent:{label}:{m}", dimensions={}, measures={m: DISTINCT_MEMBERS}, population_known=True)
    frame = pd.DataFrame({m: values, "population": pops, "primary": False, "masked": True})
    ti = n_tables + len(rel.latent)
    rel.latent.append(CellTable(spec, frame, vintage=LATENT))
    idx = rel.variables.index
    latent_var = [rel.variables.add((ti, row, m)) for row in range(len(values))]
    for (coarse_t, coarse_r, first, n), (fine_t, groups) in zip(coarse_cells, members, strict=True):
        eq = {idx[(coarse_t, coarse_r, m)]: 1.0}
        for j in range(n):
            eq[latent_var[first + j]] = -1.0
        rel.equalities.append(eq)
        for j, group in enumerate(groups):
            g = latent_var[first + j]
            ub = {g: 1.0}
            for r in group:
                ub[idx[(fine_t, r, m)]] = ub.get(idx[(fine_t, r, m)], 0.0) - 1.0
                rel.inequalities.append({idx[(fine_t, r, m)]: 1.0, g: -1.0})
            rel.inequalities.append(ub)
