"""Typed records of statistical disclosure control: what a table is, what a release is, what the rules are.

A *release* is everything one consumer receives (one employer's folder, the
insurer's folder...), possibly with the tables it already received in earlier
runs. Each table is a set of *cells* over a complete grid; each cell has the
true values of its measures (kept in the warehouse, never published), the
population it describes, its largest contributions (for dominance and p %) and
whether it is masked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

#: Dimension kinds a cell table may use (the ``disclosure`` property of a mart contract).
DIMENSION_KINDS = ("year", "period", "family", "age_band", "sex", "geo", "category")
#: Measure kinds: distinct members (sub-additive across periods and families), additive counts, amounts, averages.
DISTINCT_MEMBERS = "distinct_members"
ADDITIVE_COUNT = "additive_count"
AMOUNT = "amount"
AVERAGE = "average"
MEASURE_KINDS = (DISTINCT_MEMBERS, ADDITIVE_COUNT, AMOUNT, AVERAGE)


class DisclosureSpecError(ValueError):
    """A contract's ``disclosure`` property is missing or malformed."""


@dataclass(frozen=True)
class Rules:
    """The disclosure-control parameters of one consumer. Their one home is ``vars.disclosure`` in dbt_project.yml:
    build them with ``governance.protection.rules_for(consumer)``, which reads it. No default here, so that no
    second copy of a value can drift from it (tests/governance/test_disclosure_parameters.py)."""

    k: int
    dominance: float
    p_percent: float
    #: Tolerance when checking that a relation holds on the true values (amounts are in cents).
    tolerance: float = 0.011


@dataclass(frozen=True)
class TableSpec:
    """How a published cell table is built: its dimensions, measures, identities and derived columns."""

    name: str
    dimensions: dict[str, str]
    measures: dict[str, str]
    identities: tuple[tuple[str, ...], ...] = ()
    derived: tuple[str, ...] = ()
    partition: str | None = None
    #: Whether the consumer knows each cell's population (its own staff, its own members): bounds member counts.
    population_known: bool = True

    @classmethod
    def from_property(cls, name: str, value: Any) -> TableSpec:
        """Parse a contract's ``disclosure`` custom property (see contracts/README.md)."""
        if not isinstance(value, dict):
            raise DisclosureSpecError(f"{name}: the disclosure property must be a mapping")
        dims = dict(value.get("dimensions") or {})
        measures = dict(value.get("measures") or {})
        if not measures:
            raise DisclosureSpecError(f"{name}: the disclosure property names no measures")
        bad = [f"{c}={k}" for c, k in dims.items() if k not in DIMENSION_KINDS]
        bad += [f"{c}={k}" for c, k in measures.items() if k not in MEASURE_KINDS]
        if bad:
            raise DisclosureSpecError(f"{name}: unknown dimension or measure kind(s): {', '.join(bad)}")
        identities = tuple(tuple(i) for i in value.get("identities") or ())
        for identity in identities:
            if len(identity) < 2 or any(c not in measures for c in identity):
                raise DisclosureSpecError(f"{name}: identity {list(identity)} must name at least two measures")
        return cls(
            name=name,
            dimensions=dims,
            measures=measures,
            identities=identities,
            derived=tuple(value.get("derived") or ()),
            partition=value.get("partition"),
            population_known=bool(value.get("population_known", True)),
        )

    @property
    def amounts(self) -> list[str]:
        return [m for m, kind in self.measures.items() if kind == AMOUNT]

    @property
    def linear_measures(self) -> list[str]:
        """Measures that enter linear relations (averages are published beside their count and total)."""
        return [m for m, kind in self.measures.items() if kind != AVERAGE]


@dataclass
class CellTable:
    """One table of a release: its spec and one row per cell.

    ``frame`` holds the dimension columns (and level columns such as
    ``period_grain``), the true value of every measure, ``population`` (or NaN
    when unknown to the attacker), ``<amount>_top1``/``_top2`` when known,
    ``primary`` (bool) and ``masked`` (bool). ``vintage`` names the run that
    published it ("current" for the release being decided).
    """

    spec: TableSpec
    frame: pd.DataFrame
    vintage: str = "current"

    @property
    def key(self) -> str:
        return f"{self.spec.name}@{self.vintage}"


@dataclass
class Release:
    """All the tables one consumer receives (plus, for the audit, what it already holds)."""

    consumer: str
    tables: list[CellTable]
    #: département code -> région name, to nest geographic areas.
    regions: dict[str, str] = field(default_factory=dict)
    #: Points (variable numbers, values) the suppression found consistent with everything the consumer sees;
    #: the audit re-checks each against its own relations before using it to prove a protection level.
    points: list[tuple[Any, Any]] = field(default_factory=list)

    def current(self) -> list[CellTable]:
        return [t for t in self.tables if t.vintage == "current"]


@dataclass
class CellAudit:
    """The attacker's interval for one masked cell and measure, and what protection it needed."""

    table: str
    cell: int
    measure: str
    primary: bool
    true_value: float
    low: float
    high: float
    required_high: float | None
    required_low: float | None

    @property
    def violated(self) -> bool:
        eps = 1e-6 * max(1.0, abs(self.true_value))
        if self.required_high is not None and self.high < self.required_high - eps:
            return True
        return bool(self.required_low is not None and self.low > self.required_low + eps)

    @property
    def recovered(self) -> bool:
        return self.high - self.low <= 1e-6 * max(1.0, abs(self.true_value))


@dataclass
class AuditReport:
    """What the attacker's linear programme found over one release."""

    consumer: str
    masked_cells: int = 0
    primary_cells: int = 0
    linear_programmes: int = 0
    intervals: list[CellAudit] = field(default_factory=list)
    #: Smallest upper bound found for a small (primary, count < k) cell's member count; None when no such cell.
    min_count_upper: float | None = None
    #: Smallest relative spread (min over both directions) found for a primary cell's amount; None when none.
    min_amount_spread: float | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.reasons

    def to_dict(self) -> dict[str, Any]:
        return {
            "consumer": self.consumer,
            "masked_cells": self.masked_cells,
            "primary_cells": self.primary_cells,
            "linear_programmes": self.linear_programmes,
            "min_count_upper_bound": None if self.min_count_upper is None else round(float(self.min_count_upper), 2),
            "min_amount_spread": None if self.min_amount_spread is None else round(float(self.min_amount_spread), 4),
            "passed": self.passed,
            "reasons": list(self.reasons),
        }


def as_bool(values: Any) -> np.ndarray:
    return np.asarray(values, dtype=bool)
