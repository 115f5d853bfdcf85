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
  families a coarse count lies between the largest finer count and their sum;
* **identities inside a cell** (actual cost = Social Security + complementary
  + out of pocket) and **line counts ≥ member counts**.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from governance.sdc.model import ADDITIVE_COUNT, AMOUNT, DISTINCT_MEMBERS, CellTable, Release, Rules

log = logging.getLogger(__name__)

_GRAIN_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_AGE_TOP = 200
#: Axes along which a member belongs to one cell only within a year (distinct counts add up).
_MEMBER_SPLITTING_EXEMPT = ("time", "family")


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
        out["sex"] = [frozenset(("F", "M")) if v == "all" else frozenset((str(v),))
                      for v in frame[by_kind["sex"][0]].tolist()]
    if "family" in by_kind:
        out["family"] = [None if v == "all" else frozenset((str(v),)) for v in frame[by_kind["family"][0]].tolist()]
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
            for b in members[a_pos + 1:]:
                _pair_relations(rel, a, tables[a], cover[a], b, tables[b], cover[b], rules)
    return rel


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


def _pair_relations(rel: Relations, ai: int, a: CellTable, ca: dict, bi: int, b: CellTable, cb: dict,
                    rules: Rules) -> None:
    common = [m for m in a.spec.linear_measures
              if m in b.spec.linear_measures and a.spec.measures[m] == b.spec.measures[m]]
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
                    (ai, rows_a[0], bi, rows_b, xa, xb) if len(rows_a) == 1 else (bi, rows_b[0], ai, rows_a, xb, xa))
                c_val = float(xc[coarse_r])
                if c_val > float(xf[fine_rows].sum()) + 1e-9 or any(float(xf[r]) > c_val + 1e-9 for r in fine_rows):
                    holds = False
                    break
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
