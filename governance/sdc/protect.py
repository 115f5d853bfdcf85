"""Primary rules, linked-table secondary suppression and the attacker's audit, with HiGHS.

* **Primary** cells (recomputed here from the true values, whatever dbt said):
  fewer than k consuming members (but not zero), one member holding more than
  the dominance share of an amount, or the p % rule (the rest of the cell minus
  its two largest contributors is below p % of the largest).
* **Protection levels** (τ-ARGUS / sdcTable style) for every primary cell: the
  attacker's interval for its member count must reach k (it cannot be proven
  small), and for every amount it must reach p % above and below the true value.
* **Secondary suppression** (Fischetti–Salazar): for one primary cell at a time,
  a mixed-integer programme chooses the cheapest set of further cells to mask so
  that, for every protection level, some table consistent with everything the
  consumer sees moves the cell far enough. The programme only proposes: a
  pattern is kept once the audit's own test (the attacker's linear programme,
  ``_level_met``) finds every level met. Masks only ever widen the attacker's
  intervals, so cells protected earlier stay protected. Solved with HiGHS
  through ``scipy.optimize.milp`` on the cell's neighbourhood (cells outside it
  keep their values, which can only make the answer more conservative).
  Then every masked measure the attacker would know to the unit (``_unit``: a
  member, a line, 2 € or 0.2 % of an amount) gets the same treatment with a
  shift of one unit — a year whose every employee appears in one published
  family, with the staff list as its bound; a masked family under a published
  broad family whose out-of-pocket is 0. ONE such measure discloses its cell,
  whatever its other measures hide. A secondary cell known whole is published.
* **Audit**: the attacker's linear programme (HiGHS) gives, for every masked
  cell, the lowest and highest value consistent with the release and
  everything the consumer held before; a primary cell whose interval misses its
  protection levels, or any masked cell with one measure known to the unit,
  fails the release.
"""

from __future__ import annotations

import logging
import math
import os
import sys
from collections import defaultdict
from dataclasses import dataclass

import highspy
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from governance.sdc.model import (
    ADDITIVE_COUNT,
    AMOUNT,
    DISTINCT_MEMBERS,
    AuditReport,
    CellAudit,
    CellTable,
    Release,
    Rules,
)
from governance.sdc.relations import Relations, derive_relations

log = logging.getLogger(__name__)

#: Candidate cells offered to one primary cell's programme before the neighbourhood is widened.
NEIGHBOURHOOD = 250
MILP_TIME_LIMIT = 20.0
#: Unmet protection levels of one component and direction from which one programme over their sum is tried.
PROVE_FROM = 4
#: Programmes proposed for one primary cell before its neighbourhood is masked whole (each proposal is checked).
PROTECT_ROUNDS = 3


# --- primary cells ---------------------------------------------------------------------------------------------


def primary_mask(table: CellTable, rules: Rules) -> np.ndarray:
    """Cells that are sensitive by themselves: k, dominance and p % on every amount."""
    frame = table.frame
    n = len(frame)
    out = np.zeros(n, dtype=bool)
    members = [m for m, k in table.spec.measures.items() if k == DISTINCT_MEMBERS]
    if members:
        count = frame[members[0]].astype(float).to_numpy()
        out |= (count > 0) & (count < rules.k)
    for m in table.spec.amounts:
        if f"{m}_top1" not in frame:
            continue
        total = frame[m].astype(float).to_numpy()
        top1 = frame[f"{m}_top1"].astype(float).to_numpy()
        top2 = frame[f"{m}_top2"].astype(float).to_numpy() if f"{m}_top2" in frame else np.zeros(n)
        positive = total > 0
        out |= positive & (top1 > rules.dominance * total)
        out |= positive & (total - top1 - top2 < rules.p_percent * top1)
    return out


def _requirement(kind: str, value: float, rules: Rules) -> tuple[float | None, float | None]:
    """(required high, required low) of a primary cell's measure."""
    if kind == DISTINCT_MEMBERS:
        return (float(rules.k), None) if 0 < value < rules.k else (None, None)
    if kind == AMOUNT and value > 0:
        return value * (1 + rules.p_percent), value * (1 - rules.p_percent)
    return None, None


# --- the problem in arrays ----------------------------------------------------------------------------------------


@dataclass
class _Problem:
    release: Release
    rules: Rules
    rel: Relations
    x: np.ndarray  # true values
    lo: np.ndarray  # attacker's prior bounds of a masked variable
    hi: np.ndarray
    kind: list[str]
    cell_of: np.ndarray  # variable -> cell number
    cells: list[tuple[int, int]]  # cell number -> (table, row)
    cell_vars: list[list[int]]
    var_rows: dict[int, list[tuple[str, int]]]

    def masked(self, cell: int) -> bool:
        ti, row = self.cells[cell]
        return bool(self.release.tables[ti].frame["masked"].iat[row])

    def masked_cells(self) -> np.ndarray:
        """Whether each cell is masked now (read from the tables' ``masked`` columns)."""
        flags = [t.frame["masked"].to_numpy(bool) for t in self.release.tables]
        return np.array([flags[ti][row] for ti, row in self.cells], dtype=bool)

    def adjacent(self, cell: int) -> set[int]:
        out: set[int] = set()
        for v in self.cell_vars[cell]:
            for kind, r in self.var_rows.get(v, ()):
                rel = self.rel.equalities[r] if kind == "eq" else self.rel.inequalities[r]
                out.update(int(self.cell_of[u]) for u in rel)
        out.discard(cell)
        return out


def _build(release: Release, rules: Rules) -> _Problem:
    rel = derive_relations(release, rules)
    if rel.latent:  # the hidden member-group counts join the problem as always-masked cells of their own
        release = Release(release.consumer, [*release.tables, *rel.latent], release.regions, release.points)
    keys = rel.variables.keys
    n = len(keys)
    x = np.zeros(n)
    lo = np.zeros(n)
    hi = np.full(n, np.inf)
    kind: list[str] = []
    cell_number: dict[tuple[int, int], int] = {}
    cells: list[tuple[int, int]] = []
    cell_of = np.zeros(n, dtype=np.int64)
    cell_vars: list[list[int]] = []
    values: dict[tuple[int, str], np.ndarray] = {}
    populations: dict[int, np.ndarray | None] = {}
    for v, (ti, row, m) in enumerate(keys):
        t = release.tables[ti]
        if (ti, m) not in values:
            values[(ti, m)] = t.frame[m].astype(float).to_numpy()
        if ti not in populations:
            known = t.spec.population_known and "population" in t.frame
            populations[ti] = pd.to_numeric(t.frame["population"], errors="coerce").to_numpy(float) if known else None
        value = float(values[(ti, m)][row])
        x[v] = value
        k = t.spec.measures[m]
        kind.append(k)
        if k in (DISTINCT_MEMBERS, ADDITIVE_COUNT):
            lo[v] = min(1.0, value)  # zeros are published, never masked: a masked count is at least 1
            pops = populations[ti]
            if k == DISTINCT_MEMBERS and pops is not None and not math.isnan(pops[row]):
                hi[v] = float(pops[row])
        c = cell_number.setdefault((ti, row), len(cells))
        if c == len(cells):
            cells.append((ti, row))
            cell_vars.append([])
        cell_of[v] = c
        cell_vars[c].append(v)
    return _Problem(release, rules, rel, x, lo, hi, kind, cell_of, cells, cell_vars, rel.var_rows())


def _cell_cost(problem: _Problem, cell: int) -> float:
    """Information lost by masking a cell: its member count (or its first measure) plus one."""
    values = [problem.x[v] for v in problem.cell_vars[cell] if problem.kind[v] == DISTINCT_MEMBERS]
    if not values:
        values = [problem.x[v] for v in problem.cell_vars[cell]]
    return 1.0 + float(values[0] if values else 0.0)


def _is_zero(problem: _Problem, cell: int) -> bool:
    return all(problem.x[v] == 0 for v in problem.cell_vars[cell])


# --- secondary suppression ---------------------------------------------------------------------------------------


def _requirements_of(problem: _Problem, cell: int) -> list[tuple[int, float]]:
    """[(variable, signed shift the attacker must be able to make)] for one primary cell."""
    out = []
    for v in problem.cell_vars[cell]:
        high, low = _requirement(problem.kind[v], problem.x[v], problem.rules)
        if high is not None:
            out.append((v, high - problem.x[v]))
        if low is not None:
            out.append((v, low - problem.x[v]))
    return out


def _protect_one(
    problem: _Problem, primary: int, region: list[int], reqs: list[tuple[int, float]] | None = None
) -> list[int] | None:
    """Cheapest cells of ``region`` to mask so that ``primary`` reaches every protection level (or the shifts
    ``reqs`` given instead); None if impossible."""
    reqs = _requirements_of(problem, primary) if reqs is None else reqs
    if not reqs:
        return []
    region = list(dict.fromkeys([primary, *region]))
    local_cells = {c: i for i, c in enumerate(region)}
    local_vars: list[int] = [v for c in region for v in problem.cell_vars[c]]
    lv = {v: i for i, v in enumerate(local_vars)}
    nv, nc, nq = len(local_vars), len(region), len(reqs)
    eq_rows, ub_rows, ub_rhs = [], [], []
    seen: set[tuple[str, int]] = set()
    for v in local_vars:
        for kind, r in problem.var_rows.get(v, ()):
            if (kind, r) in seen:
                continue
            seen.add((kind, r))
            rel = problem.rel.equalities[r] if kind == "eq" else problem.rel.inequalities[r]
            local = {lv[u]: c for u, c in rel.items() if u in lv}
            if kind == "eq":
                eq_rows.append(local)
            else:
                ub_rows.append(local)
                ub_rhs.append(-sum(c * problem.x[u] for u, c in rel.items()))
    # Variables: y (nc binaries), then one shift vector per requirement (nq * nv).
    total = nc + nq * nv
    cost = np.zeros(total)
    y_lo = np.zeros(nc)
    y_hi = np.ones(nc)
    for c, i in local_cells.items():
        ti, _row = problem.cells[c]
        fixed = problem.release.tables[ti].vintage != "current"
        if problem.masked(c):
            y_lo[i] = 1.0
        elif fixed or _is_zero(problem, c):
            y_hi[i] = 0.0
        else:
            cost[i] = _cell_cost(problem, c)
    big = max(1.0, float(np.abs(problem.x[local_vars]).sum()) * 2 + sum(abs(s) for _, s in reqs))
    up = np.array([min(problem.hi[v] - problem.x[v], big) for v in local_vars])
    down = np.array([max(problem.x[v] - problem.lo[v], 0.0) for v in local_vars])
    rows, cols, vals, lower, upper = [], [], [], [], []
    r = 0

    def add_row(entries: dict[int, float], lb: float, ub: float) -> None:
        nonlocal r
        for col, val in entries.items():
            rows.append(r)
            cols.append(col)
            vals.append(val)
        lower.append(lb)
        upper.append(ub)
        r += 1

    for q, (target, shift) in enumerate(reqs):
        base = nc + q * nv
        for eq in eq_rows:
            add_row({base + i: c for i, c in eq.items()}, 0.0, 0.0)
        for ub, rhs in zip(ub_rows, ub_rhs, strict=True):
            add_row({base + i: c for i, c in ub.items()}, -np.inf, rhs)
        for i, v in enumerate(local_vars):
            y = local_cells[int(problem.cell_of[v])]
            add_row({base + i: 1.0, y: -up[i]}, -np.inf, 0.0)  # shift <= up * y
            add_row({base + i: -1.0, y: -down[i]}, -np.inf, 0.0)  # -shift <= down * y
        t = base + lv[target]
        if shift > 0:
            add_row({t: 1.0}, shift, np.inf)
        else:
            add_row({t: 1.0}, -np.inf, shift)
    a = sparse.csr_array((vals, (rows, cols)), shape=(r, total))
    integrality = np.concatenate([np.ones(nc), np.zeros(nq * nv)])
    bounds = Bounds(np.concatenate([y_lo, np.full(nq * nv, -np.inf)]), np.concatenate([y_hi, np.full(nq * nv, np.inf)]))
    result = milp(
        cost,
        constraints=LinearConstraint(a, lower, upper),
        integrality=integrality,
        bounds=bounds,
        options={"time_limit": MILP_TIME_LIMIT, "mip_rel_gap": 0.05},
    )
    if result.x is None:
        return None
    # A binary within the solver's integrality tolerance of 0 (1e-6) still lets its cell move by up to
    # 1e-6 * big-M, which with large amounts nearby is a whole protection level: every cell the programme's
    # shifts actually move is masked, so that those shifts are a table the attacker cannot rule out.
    shifts = np.abs(result.x[nc:].reshape(nq, nv)).max(axis=0) if nq else np.zeros(nv)
    moved = np.zeros(nc, dtype=bool)
    noise = 1e-6 * np.maximum(1.0, np.abs(problem.x[local_vars]))
    for i, v in enumerate(local_vars):
        if shifts[i] > noise[i]:
            moved[local_cells[int(problem.cell_of[v])]] = True
    return [c for c, i in local_cells.items() if (result.x[i] > 0.5 or moved[i]) and not problem.masked(c)]


def _neighbourhood(problem: _Problem, primary: int, radius: int) -> list[int]:
    frontier, seen = {primary}, {primary}
    for _ in range(radius):
        nxt: set[int] = set()
        for c in frontier:
            nxt |= problem.adjacent(c)
        nxt -= seen
        seen |= nxt
        frontier = nxt
    region = sorted(seen - {primary})
    if len(region) <= NEIGHBOURHOOD:
        return region
    # Keep every masked cell and every cell of another table (margins), then the cheapest others.
    own_table = problem.cells[primary][0]
    keep = [c for c in region if problem.masked(c) or problem.cells[c][0] != own_table]
    rest = sorted(
        (c for c in region if c not in set(keep) and not _is_zero(problem, c)), key=lambda c: _cell_cost(problem, c)
    )
    return keep + rest[: max(0, NEIGHBOURHOOD - len(keep))]


def _set_masked(problem: _Problem, cell: int) -> None:
    ti, row = problem.cells[cell]
    frame = problem.release.tables[ti].frame
    frame.iloc[row, frame.columns.get_loc("masked")] = True


def suppress(release: Release, rules: Rules) -> dict[str, int]:
    """Mask primary cells, then choose secondary cells until every primary cell is protected.

    Updates each current table's ``primary`` and ``masked`` columns in place and
    returns counts: primary cells, secondary cells, cells no programme could
    protect (their neighbourhood was masked whole).
    """
    for t in release.current():
        prim = primary_mask(t, rules)
        if "primary" in t.frame:
            prim |= t.frame["primary"].astype(bool).to_numpy()
        t.frame["primary"] = prim
        masked = t.frame["masked"].astype(bool).to_numpy() if "masked" in t.frame else np.zeros(len(t.frame), bool)
        t.frame["masked"] = masked | prim
    problem = _build(release, rules)
    tables = problem.release.tables  # the release's tables, then its latent cells
    primaries = [
        c
        for c, (ti, row) in enumerate(problem.cells)
        if tables[ti].vintage == "current" and bool(tables[ti].frame["primary"].iat[row])
    ]
    # Every primary cell is checked with the audit's own test (``_meets_levels``); a cell with no relation to
    # another one is settled by its prior bounds alone, without a programme.
    order = sorted(primaries, key=lambda c: -_cell_cost(problem, c))
    secondary = unprotectable = 0
    attacker = _Attacker(problem)
    attacker.prove([(v, problem.x[v] + shift) for cell in order for v, shift in _requirements_of(problem, cell)])
    for cell in order:
        # A pattern is accepted only once the attacker's programme, the audit's test, finds the levels met;
        # the mixed-integer programme proposes cells, it never decides that a cell is protected.
        for _round in range(PROTECT_ROUNDS):
            # Most sensitive cells are already protected by the cells masked so far: one LP per level settles it.
            if _meets_levels(problem, attacker, cell):
                break
            chosen = None
            for radius in (1, 2, 4):
                chosen = _protect_one(problem, cell, _neighbourhood(problem, cell, radius))
                if chosen is not None:
                    break
            if not chosen:  # no pattern, or one the audit's test refused with nothing more to propose
                break
            for c in chosen:
                _set_masked(problem, c)
            secondary += len(chosen)
            attacker = _Attacker(problem, previous=attacker)
        if _meets_levels(problem, attacker, cell):
            continue
        unprotectable += 1
        chosen = [
            c
            for c in _neighbourhood(problem, cell, 4)
            if not problem.masked(c) and not _is_zero(problem, c) and tables[problem.cells[c][0]].vintage == "current"
        ]
        for c in chosen:
            _set_masked(problem, c)
        secondary += len(chosen)
        if chosen:
            attacker = _Attacker(problem, previous=attacker)
    # A secondary cell the attacker knows whole is published (masking it hides nothing); then every masked
    # measure still known to the unit is freed by masking more (``_free_pinned``), and cells those masks left
    # known whole are published in turn.
    attacker, unmasked = _unmask_recovered(problem, attacker)
    attacker, freed, stuck = _free_pinned(problem, attacker)
    secondary += freed
    unprotectable += stuck
    attacker, again = _unmask_recovered(problem, attacker)
    release.points = attacker.points
    return {"primary": len(primaries), "secondary": secondary - unmasked - again, "unprotectable": unprotectable}


#: How far a masked measure must be able to move from its true value, in some table consistent with the
#: release, not to count as recovered: one member or one line for counts; for amounts, twice the precision at
#: which an amount counts as known (to the euro, or to 0.1 % of a large amount), so that the attacker's interval
#: is always wider than that precision.
COUNT_UNIT = 1.0
AMOUNT_KNOWN_EUROS = 1.0
AMOUNT_KNOWN_SHARE = 1e-3


def _unit(problem: _Problem, v: int) -> float:
    if problem.kind[v] in (DISTINCT_MEMBERS, ADDITIVE_COUNT):
        return COUNT_UNIT
    return 2.0 * max(AMOUNT_KNOWN_EUROS, AMOUNT_KNOWN_SHARE * abs(problem.x[v]))


def _masked_measures(problem: _Problem, attacker: _Attacker) -> list[tuple[int, int]]:
    """(cell, variable) of every masked measure of the current release (latent cells and earlier releases
    excepted: the former are never published, the latter are what the consumer already holds)."""
    tables = problem.release.tables
    return [
        (int(problem.cell_of[v]), v)
        for v in attacker.masked_vars
        if tables[problem.cells[int(problem.cell_of[v])][0]].vintage == "current"
    ]


def _moves(problem: _Problem, attacker: _Attacker, v: int) -> bool:
    """Whether some table consistent with the release moves ``v`` by one unit (``_unit``: a member, a line,
    two euros) from its true value, up or down within its prior bounds."""
    x, u = problem.x[v], _unit(problem, v)
    if x + u <= problem.hi[v] + 1e-9 and attacker.reaches(v, x + u):
        return True
    return bool(x - u >= problem.lo[v] - 1e-9 and attacker.reaches(v, x - u))


def _pinned_measures(problem: _Problem, attacker: _Attacker) -> list[tuple[int, int]]:
    """Masked measures the attacker knows to the unit: no table consistent with the release (and what the
    consumer already holds) moves them by one unit (``_unit``) either way. A masked cell with ANY
    such measure discloses that figure, whatever its other measures hide (amounts never negative: a published
    0 of a parent pins its masked children's amount to 0)."""
    measures = _masked_measures(problem, attacker)
    up = [
        (v, problem.x[v] + _unit(problem, v)) for _c, v in measures if problem.x[v] + _unit(problem, v) <= problem.hi[v]
    ]
    attacker.prove(up)
    down = {v for v, _t in attacker._unmet(up)} | {
        v for _c, v in measures if problem.x[v] + _unit(problem, v) > problem.hi[v]
    }
    attacker.prove(
        [
            (v, problem.x[v] - _unit(problem, v))
            for v in sorted(down)
            if problem.x[v] - _unit(problem, v) >= problem.lo[v]
        ]
    )
    return [(cell, v) for cell, v in measures if not _moves(problem, attacker, v)]


def _free_pinned(problem: _Problem, attacker: _Attacker, rounds: int = 4) -> tuple[_Attacker, int, int]:
    """Mask further cells until no masked measure is known to the unit.

    A masked figure pinned by published neighbours (a year whose every covered employee appears in one published
    family, with the staff list as its bound; a masked family under a published broad family whose out-of-pocket
    is 0) would be a masked figure recovered: for each, the cheapest cells are masked so that it can move by one
    unit, down when its prior bounds allow it, else up; when no programme finds such cells, its neighbourhood
    is masked whole. Returns the attacker, the cells masked and the measures that nothing could free."""
    masked = 0
    tables = problem.release.tables
    for _ in range(rounds):
        pinned = _pinned_measures(problem, attacker)
        if not pinned:
            return attacker, masked, 0
        changed = False
        for cell, v in pinned:
            if _moves(problem, attacker, v):
                continue  # freed by a cell masked for another one
            u = _unit(problem, v)
            shifts = [s for s in (-u, u) if problem.lo[v] - 1e-9 <= problem.x[v] + s <= problem.hi[v] + 1e-9]
            chosen = None
            for shift in shifts:
                for radius in (1, 2, 4):
                    chosen = _protect_one(problem, cell, _neighbourhood(problem, cell, radius), reqs=[(v, shift)])
                    if chosen is not None:
                        break
                if chosen:
                    break
            if not chosen:
                chosen = [
                    c
                    for c in _neighbourhood(problem, cell, 4)
                    if not problem.masked(c)
                    and not _is_zero(problem, c)
                    and tables[problem.cells[c][0]].vintage == "current"
                ]
            if not chosen:
                continue
            for c in chosen:
                _set_masked(problem, c)
            masked += len(chosen)
            changed = True
            attacker = _Attacker(problem, previous=attacker)
        if not changed:
            break
    return attacker, masked, len(_pinned_measures(problem, attacker))


# --- the attacker's linear programme -------------------------------------------------------------------------------


class _Attacker:
    """Bounds of masked variables given everything published (solved per connected component)."""

    def __init__(self, problem: _Problem, previous: _Attacker | None = None) -> None:
        self.p = problem
        self.is_masked = problem.masked_cells()[problem.cell_of]
        self.masked_vars = np.flatnonzero(self.is_masked).tolist()
        self.programmes = 0
        self._component_of: dict[int, int] = {}
        self._components: list[tuple[list[int], list[dict], list[dict]]] = []
        self._split()
        self._matrices: dict[int, tuple] = {}
        # Smallest and largest value of each variable over the points known to satisfy everything the attacker
        # sees (the truth, then every optimal point of a programme solved). They are inner bounds of the
        # attacker's interval: a protection level they reach is proven without another programme. Masking
        # more cells only adds points, so the bounds of an earlier attacker on the same release stay valid.
        self.seen_low, self.seen_high = (
            (problem.x.copy(), problem.x.copy()) if previous is None else (previous.seen_low, previous.seen_high)
        )
        #: The points themselves (masked variables, values), kept for the audit to re-check and reuse.
        self.points: list[tuple[np.ndarray, np.ndarray]] = [] if previous is None else previous.points
        #: (variable, +1 for its maximum / -1 for its minimum) -> the exact optimum, once solved.
        self._exact: dict[tuple[int, float], float] = {}

    def _split(self) -> None:
        p = self.p
        parent = {v: v for v in self.masked_vars}

        def find(a: int) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        relations = [("eq", i, r) for i, r in enumerate(p.rel.equalities)]
        relations += [("ub", i, r) for i, r in enumerate(p.rel.inequalities)]
        touching: list[tuple[str, dict]] = []
        for kind, _i, rel in relations:
            masked = [v for v in rel if self.is_masked[v]]
            if not masked:
                continue
            touching.append((kind, rel))
            for v in masked[1:]:
                ra, rb = find(masked[0]), find(v)
                if ra != rb:
                    parent[ra] = rb
        comp_index: dict[int, int] = {}
        for v in self.masked_vars:
            comp_index.setdefault(find(v), len(comp_index))
            self._component_of[v] = comp_index[find(v)]
        self._components = [([], [], []) for _ in comp_index]
        for v in self.masked_vars:
            self._components[self._component_of[v]][0].append(v)
        for kind, rel in touching:
            first = next(v for v in rel if self.is_masked[v])
            comp = self._components[self._component_of[first]]
            (comp[1] if kind == "eq" else comp[2]).append(rel)

    def _matrix(self, comp: int) -> tuple:
        if comp not in self._matrices:
            p = self.p
            variables, eqs, ubs = self._components[comp]
            col = {v: i for i, v in enumerate(variables)}
            rows: list[int] = []
            cols: list[int] = []
            vals: list[float] = []
            rhs = np.zeros(len(eqs) + len(ubs))
            for r, rel in enumerate([*eqs, *ubs]):
                const = 0.0
                for v, c in rel.items():
                    if self.is_masked[v]:
                        rows.append(r)
                        cols.append(col[v])
                        vals.append(c)
                    else:
                        const += c * p.x[v]
                rhs[r] = -const
            lower = np.concatenate([rhs[: len(eqs)], np.full(len(ubs), -np.inf)])
            row_a, col_a, val_a = np.asarray(rows, np.int32), np.asarray(cols, np.int64), np.asarray(vals, float)
            order = np.lexsort((row_a, col_a))  # column-wise, as HiGHS takes it
            start = np.searchsorted(col_a[order], np.arange(len(variables) + 1)).astype(np.int32)
            index = np.asarray(variables)
            self._matrices[comp] = (
                col,
                _lp_model(start, row_a[order], val_a[order], lower, rhs, p.lo[index], p.hi[index]),
            )
        return self._matrices[comp]

    def optimum(self, v: int, sign: float) -> float:
        """The exact largest (sign +1) or smallest (sign -1) value of ``v`` the attacker can find."""
        if (v, sign) in self._exact:
            return self._exact[(v, sign)]
        p = self.p
        comp = self._component_of[v]
        variables, eqs, ubs = self._components[comp]
        if not eqs and not ubs:
            return p.hi[v] if sign > 0 else p.lo[v]
        col, highs = self._matrix(comp)
        highs.changeColCost(col[v], -sign)  # HiGHS minimises
        self.programmes += 1
        status = _run(highs)
        value = highs.getInfo().objective_function_value
        highs.changeColCost(col[v], 0.0)
        if status == highspy.HighsModelStatus.kUnbounded:
            result = np.inf if sign > 0 else -np.inf
        elif status != highspy.HighsModelStatus.kOptimal:
            raise AttackerProgrammeError(
                f"the attacker's programme was not solved ({highs.modelStatusToString(status)}): what the release "
                "discloses is not known"
            )
        else:
            result = -sign * value
            # The optimal point satisfies every relation: it widens the known bounds of the whole component.
            self._keep(np.asarray(variables), np.asarray(highs.getSolution().col_value))
        self._exact[(v, sign)] = result
        return result

    def _unmet(self, requirements: list[tuple[int, float]]) -> list[tuple[int, float]]:
        out = []
        for v, target in requirements:
            eps = 1e-6 * max(1.0, abs(target))
            if target >= self.p.x[v] and self.seen_high[v] < target - eps:
                out.append((v, target))
            elif target < self.p.x[v] and self.seen_low[v] > target + eps:
                out.append((v, target))
        return out

    def prove(self, requirements: list[tuple[int, float]], rounds: int = 3) -> None:
        """Look for points meeting many protection levels at once (one programme per component and direction).

        Each round maximises, over one component, the sum of the masked values that must
        rise (each scaled by its target) — or minimises those that must fall — and keeps the
        optimal point. Levels no point meets are left to ``reaches`` (one programme each):
        this only saves programmes, it never decides that a level is met without a point.
        """
        by_comp: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for v, target in requirements:
            if self.is_masked[v]:
                by_comp[self._component_of[v]].append((v, target))
        for comp, reqs in by_comp.items():
            variables, eqs, ubs = self._components[comp]
            if not eqs and not ubs:
                continue
            for _ in range(rounds):
                before = len(reqs)
                for up in (True, False):
                    todo = [(v, t) for v, t in self._unmet(reqs) if (t >= self.p.x[v]) == up]
                    if len(todo) >= PROVE_FROM:
                        self._solve_sum(comp, todo, up)
                reqs = self._unmet(reqs)
                if not reqs or len(reqs) == before:
                    break

    def _solve_sum(self, comp: int, todo: list[tuple[int, float]], up: bool) -> None:
        variables = self._components[comp][0]
        col, highs = self._matrix(comp)
        cols = np.array([col[v] for v, _t in todo], dtype=np.int32)
        costs = np.array([(-1.0 if up else 1.0) / max(1.0, abs(t)) for _v, t in todo])
        highs.changeColsCost(len(cols), cols, costs)
        self.programmes += 1
        status = _run(highs)
        highs.changeColsCost(len(cols), cols, np.zeros(len(cols)))
        if status == highspy.HighsModelStatus.kOptimal:
            self._keep(np.asarray(variables), np.asarray(highs.getSolution().col_value))

    def _keep(self, index: np.ndarray, point: np.ndarray) -> None:
        """Widen the known bounds with one point; keep the point if it widened any."""
        low, high = np.minimum(self.seen_low[index], point), np.maximum(self.seen_high[index], point)
        if (low < self.seen_low[index]).any() or (high > self.seen_high[index]).any():
            self.seen_low[index], self.seen_high[index] = low, high
            self.points.append((index, point))

    def adopt(self, points: list[tuple[np.ndarray, np.ndarray]]) -> int:
        """Use points found by someone else (the suppression) after checking each against this release.

        A point is used only if it changes masked variables alone, stays within their prior
        bounds and satisfies every relation (to HiGHS's tolerances); returns how many were used.
        """
        p = self.p
        if not points:
            return 0
        n = len(p.x)
        matrices = []
        for rels in (p.rel.equalities, p.rel.inequalities):
            rows = np.repeat(np.arange(len(rels)), [len(r) for r in rels])
            cols = np.fromiter((v for r in rels for v in r), dtype=np.int64, count=len(rows))
            vals = np.fromiter((c for r in rels for c in r.values()), dtype=float, count=len(rows))
            a = sparse.csc_array((vals, (rows, cols)), shape=(len(rels), n))
            matrices.append((a, a @ p.x, abs(a) @ np.abs(p.x)))
        used = 0
        for index, point in points:
            if len(index) == 0 or index.max() >= n:
                continue
            open_ = self.is_masked[index]
            if not open_.all():
                # Variables published since the point was found (cells known whole, see ``_unmask_recovered``):
                # usable only where the point holds their published value.
                shut = index[~open_]
                if (np.abs(point[~open_] - p.x[shut]) > 1e-6 * (1.0 + np.abs(p.x[shut]))).any():
                    continue
                index, point = index[open_], point[open_]
                if len(index) == 0:
                    continue
            slack = 1e-6 * (1.0 + np.abs(point))
            if (point < p.lo[index] - slack).any() or (point > p.hi[index] + slack).any():
                continue
            delta = point - p.x[index]
            feasible = True
            for kind, (a, base, scale) in zip(("eq", "ub"), matrices, strict=True):
                part = a[:, index]
                residual = base + part @ delta
                tolerance = 1e-6 * (1.0 + scale + abs(part) @ np.abs(delta))
                if (kind == "eq" and (np.abs(residual) > tolerance).any()) or (residual > tolerance).any():
                    feasible = False
                    break
            if feasible:
                self._keep(index, point)
                used += 1
        return used

    def reaches(self, v: int, target: float) -> bool:
        """Whether the attacker's interval of ``v`` reaches ``target`` (above or below the true value)."""
        eps = 1e-6 * max(1.0, abs(target))
        if target >= self.p.x[v]:
            return self.seen_high[v] >= target - eps or self.optimum(v, 1.0) >= target - eps
        return self.seen_low[v] <= target + eps or self.optimum(v, -1.0) <= target + eps

    def known(self, v: int) -> tuple[float, float]:
        """Inner bounds of ``v``'s interval: exact where its programmes were solved, else the points seen."""
        if not self.is_masked[v]:
            return self.p.x[v], self.p.x[v]
        _variables, eqs, ubs = self._components[self._component_of[v]]
        if not eqs and not ubs:
            return self.p.lo[v], self.p.hi[v]
        return (
            min(self._exact.get((v, -1.0), np.inf), self.seen_low[v]),
            max(self._exact.get((v, 1.0), -np.inf), self.seen_high[v]),
        )

    def interval(self, v: int) -> tuple[float, float]:
        """The attacker's exact interval for ``v`` (two programmes, each solved once)."""
        return self.optimum(v, -1.0), self.optimum(v, 1.0)


class AttackerProgrammeError(RuntimeError):
    """HiGHS could not solve one of the attacker's programmes (neither an optimum nor a proof of unboundedness,
    even from scratch): nothing is known of what the release discloses, so the caller refuses it."""


def _run(highs: highspy.Highs) -> highspy.HighsModelStatus:
    """Solve warm; a warm start that ends in neither an optimum nor a proof of unboundedness (HiGHS reports
    ``Unknown`` after some changes of objective) is solved again from scratch before anyone reads its status."""
    highs.run()
    status = highs.getModelStatus()
    if status not in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kUnbounded):
        highs.clearSolver()
        highs.run()
        status = highs.getModelStatus()
    return status


_BANNER_SHOWN = False


def _new_highs() -> highspy.Highs:
    """A silent HiGHS instance (its one-time banner goes to stderr, never to the command's output)."""
    global _BANNER_SHOWN
    if not _BANNER_SHOWN:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            os.dup2(2, 1)
            highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _BANNER_SHOWN = True
    else:
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    if limit := os.environ.get(TIME_LIMIT_ENV):
        try:
            seconds = float(limit)
        except ValueError:
            raise ValueError(f"{TIME_LIMIT_ENV}={limit!r}: expected a number of seconds") from None
        highs.setOptionValue("time_limit", seconds)
    return highs


#: Seconds HiGHS may spend on one programme (unset: no limit). A programme not settled in time is not trusted:
#: the release it belongs to is refused (``AttackerProgrammeError``), never published on a guess.
TIME_LIMIT_ENV = "CONFIANCE_GATE_TIME_LIMIT"


def _lp_model(
    start: np.ndarray,
    index: np.ndarray,
    value: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
) -> highspy.Highs:
    """One component's constraints (column-wise) loaded once into HiGHS; each bound is then a change of
    objective, solved warm."""
    inf = highspy.kHighsInf
    lp = highspy.HighsLp()
    lp.num_col_ = len(start) - 1
    lp.num_row_ = len(lower)
    lp.col_cost_ = np.zeros(lp.num_col_)
    lp.col_lower_ = np.where(np.isinf(lo), -inf, lo)
    lp.col_upper_ = np.where(np.isinf(hi), inf, hi)
    lp.row_lower_ = np.where(np.isinf(lower), -inf, lower)
    lp.row_upper_ = np.where(np.isinf(upper), inf, upper)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = start
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    highs = _new_highs()
    status = highs.passModel(lp)
    if status != highspy.HighsStatus.kOk:
        raise AttackerProgrammeError(f"HiGHS refused the attacker's programme ({status})")
    return highs


def _is_primary(problem: _Problem, cell: int) -> bool:
    ti, row = problem.cells[cell]
    frame = problem.release.tables[ti].frame
    return bool(frame["primary"].iat[row]) if "primary" in frame else False


def _level_met(problem: _Problem, attacker: _Attacker, v: int) -> bool:
    """The protection rule, in one home for the suppression and the audit: the attacker's interval of the
    masked variable ``v`` reaches each of its protection levels (see ``_requirement``)."""
    req_high, req_low = _requirement(problem.kind[v], problem.x[v], problem.rules)
    return bool(attacker.is_masked[v]) and all(attacker.reaches(v, r) for r in (req_high, req_low) if r is not None)


def _meets_levels(problem: _Problem, attacker: _Attacker, cell: int) -> bool:
    """True when every measure of ``cell`` meets the protection rule (``_level_met``, the audit's test)."""
    return all(_level_met(problem, attacker, v) for v, _shift in _requirements_of(problem, cell))


def _unmask_recovered(problem: _Problem, attacker: _Attacker) -> tuple[_Attacker, int]:
    """Publish secondary cells the attacker knows whole anyway: every measure pinned to one value (masking them
    hides nothing; publishing them changes no table the attacker can build, so every point found stays valid).
    Only exactly pinned cells: relations hold on the true values within a cent's tolerance, so publishing a
    cell the attacker knows only to the unit could leave the programme without a solution. A cell with some
    measure known to the unit stays masked and is freed (``_free_pinned``). Returns the attacker over the new
    masks and the count of cells published."""
    count = 0
    for cell, (ti, row) in enumerate(problem.cells):
        t = problem.release.tables[ti]
        if t.vintage != "current" or not problem.masked(cell) or bool(t.frame["primary"].iat[row]):
            continue
        if all(
            _pinned(attacker.known(v), problem.x[v]) and _pinned(attacker.interval(v), problem.x[v])
            for v in problem.cell_vars[cell]
        ):
            t.frame.iloc[row, t.frame.columns.get_loc("masked")] = False
            count += 1
    return (_Attacker(problem, previous=attacker) if count else attacker), count


def _pinned(interval: tuple[float, float], value: float) -> bool:
    low, high = interval
    return high - low <= 1e-6 * max(1.0, abs(value))


def audit(release: Release, rules: Rules) -> AuditReport:
    """The attacker's linear programme over the release (and what the consumer already holds).

    A protection level counts as met only when a point satisfying everything the
    attacker sees reaches it (a programme's optimum, or a point found while solving
    another); a level no known point reaches is settled by its own programme. The
    smallest protection reported is exact: the cells whose known bounds could hold
    the minimum are solved in full.
    """
    problem = _build(release, rules)
    attacker = _Attacker(problem)
    attacker.adopt(release.points)
    report = AuditReport(consumer=release.consumer)
    by_cell: dict[int, list[int]] = defaultdict(list)
    for v in attacker.masked_vars:
        by_cell[int(problem.cell_of[v])].append(v)
    checked: list[tuple[int, int, bool]] = []  # (cell, variable, primary)
    tables = problem.release.tables  # the release's tables, then its latent cells (never audited themselves)
    attacker.prove(
        [
            (v, problem.x[v] + shift)
            for cell in by_cell
            if tables[problem.cells[cell][0]].vintage == "current" and _is_primary(problem, cell)
            for v, shift in _requirements_of(problem, cell)
        ]
    )
    # Any masked measure known to the unit discloses its cell, primary or secondary (``_pinned_measures``).
    pinned = _pinned_measures(problem, attacker)
    pinned_of: dict[int, int] = {}
    for cell, v in pinned:
        pinned_of.setdefault(cell, v)
    for cell, variables in by_cell.items():
        ti, row = problem.cells[cell]
        t = tables[ti]
        if t.vintage != "current":
            continue
        report.masked_cells += 1
        primary = bool(t.frame["primary"].iat[row]) if "primary" in t.frame else False
        report.primary_cells += primary
        if primary:
            # Measures with a protection level get the levels' test (and a breach its exact interval).
            variables = [v for v in variables if _requirement(problem.kind[v], problem.x[v], rules) != (None, None)]
            for v in variables:
                if not _level_met(problem, attacker, v):
                    attacker.interval(v)  # a breach is described by the exact interval
                checked.append((cell, v, True))
        elif variables:
            checked.append((cell, pinned_of.get(cell, variables[0]), False))
    recovered = len(pinned_of)
    pinned_counts = sum(1 for _c, v in pinned if problem.kind[v] == DISTINCT_MEMBERS)
    _exact_minimum(problem, attacker, [v for _c, v, primary in checked if primary], rules)
    small = thin = 0
    for cell, v, primary in checked:
        ti, row = problem.cells[cell]
        t = tables[ti]
        low, high = attacker.known(v)
        req_high, req_low = _requirement(problem.kind[v], problem.x[v], rules) if primary else (None, None)
        if problem.kind[v] == DISTINCT_MEMBERS and not math.isinf(high):
            high = math.floor(high + 1e-6)  # counts are integers: the attacker rounds
            low = math.ceil(low - 1e-6)
        measure = problem.rel.variables.keys[v][2]
        entry = CellAudit(t.spec.name, row, measure, primary, problem.x[v], low, high, req_high, req_low)
        report.intervals.append(entry)
        if entry.violated:
            if req_high is not None and problem.kind[v] == DISTINCT_MEMBERS:
                small += 1
            else:
                thin += 1
        if primary and req_high is not None and problem.kind[v] == DISTINCT_MEMBERS:
            report.min_count_upper = high if report.min_count_upper is None else min(report.min_count_upper, high)
        if primary and problem.kind[v] == AMOUNT and problem.x[v] > 0:
            spread = min(high - problem.x[v], problem.x[v] - low) / problem.x[v]
            report.min_amount_spread = (
                spread if report.min_amount_spread is None else min(report.min_amount_spread, spread)
            )
    report.linear_programmes = attacker.programmes
    if recovered:
        report.reasons.append(
            f"{recovered} masked cell(s) can be recovered exactly from the release "
            "(at least one measure known to the member, the line or the euro)"
        )
    if pinned_counts:
        report.reasons.append(f"{pinned_counts} masked member count(s) can be recovered exactly from the release")
    if small:
        report.reasons.append(f"{small} masked member count(s) can be proven below k={rules.k}")
    if thin:
        report.reasons.append(f"{thin} masked amount(s) can be narrowed within ±{rules.p_percent:.0%} of their value")
    return report


def _exact_minimum(problem: _Problem, attacker: _Attacker, variables: list[int], rules: Rules) -> None:
    """Solve in full the primary measures whose known bounds could hold the smallest protection.

    Known bounds are inner bounds (the exact interval is at least as wide), so cells are
    taken from the least protected known upwards, and the search stops once the next
    cell's known protection is already above the smallest exact one found.
    """

    def protection(v: int, low: float, high: float) -> float:
        if problem.kind[v] == DISTINCT_MEMBERS:
            return math.floor(high + 1e-6) if not math.isinf(high) else math.inf
        return min(high - problem.x[v], problem.x[v] - low) / problem.x[v]

    counts = [
        v
        for v in variables
        if problem.kind[v] == DISTINCT_MEMBERS and _requirement(DISTINCT_MEMBERS, problem.x[v], rules)[0] is not None
    ]
    amounts = [v for v in variables if problem.kind[v] == AMOUNT and problem.x[v] > 0]
    for group in (counts, amounts):
        best = math.inf
        for v in sorted(group, key=lambda u: protection(u, *attacker.known(u))):
            if protection(v, *attacker.known(v)) >= best:
                break
            if problem.kind[v] == DISTINCT_MEMBERS:
                attacker.optimum(v, 1.0)  # a count's protection is its upper bound
            else:
                attacker.interval(v)
            best = min(best, protection(v, *attacker.known(v)))
