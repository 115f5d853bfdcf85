"""The employer's release as typed records, read from the very tables written to its folder.

Everything the report, the CSV/XLSX copies and the delivery index show comes from these records, which
are built from the employer's published (masked) tables only: its own rows of the per-employer marts and
the benchmark identical for every employer. A release is ``reported`` only when at least one of its own
cells describing care is published; a release whose every such cell ended masked says so honestly.

Which employers can be reported at all (``too_small_to_report``: fewer than k members covered in the year the
report is about; ``no_closed_period``: no closed care year in which it covers anyone) is decided once, in dbt
(``int_employers__coverage``), and read here from the summary table; this module only adds what the gate alone
knows, after suppression: ``nothing_publishable``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import pyarrow as pa

SUMMARY = "mart_employer__summary"
TOTALS = "mart_employer__totals"
CONSUMPTION = "mart_employer__consumption"
BENCHMARK = "mart_employer__benchmark"
YEARLY = "mart_employer__yearly"
BROAD = "mart_employer__broad_families"
OWN_TABLES = (YEARLY, TOTALS, CONSUMPTION, BROAD)

REPORTED = "reported"
NOTHING_PUBLISHABLE = "nothing_publishable"
TOO_SMALL = "too_small_to_report"
NO_CLOSED_PERIOD = "no_closed_period"
STATUSES = (REPORTED, NOTHING_PUBLISHABLE, TOO_SMALL, NO_CLOSED_PERIOD)

Value = int | Decimal | float | None


class ReleaseError(ValueError):
    """An employer's tables cannot make a report (names the table and the reason, never a value)."""


@dataclass(frozen=True)
class Row:
    """One published row: its dimensions and its values (None where masked)."""

    dims: dict[str, Any]
    values: dict[str, Value]
    published: bool

    def get(self, column: str) -> Any:
        return self.dims[column] if column in self.dims else self.values.get(column)


@dataclass(frozen=True)
class Table:
    mart: str
    dim_columns: tuple[str, ...]
    value_columns: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def published_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.published)

    @property
    def masked(self) -> int:
        return sum(not r.published for r in self.rows)


@dataclass(frozen=True)
class EmployerRelease:
    siret: str
    name: str
    status: str
    covered_members: int | None
    #: The year the report is about and covered_members counts (the latest closed care year with a covered member).
    coverage_year: int | None
    k: int
    min_employers: int
    #: Largest share of a benchmark cell one employer may hold (vars.disclosure.employer.dominance).
    dominance: float
    run_id: str
    published_at: str
    period_grain: str | None
    age_band_width: int | None
    sex_level: str | None
    years: tuple[int, ...]
    tables: dict[str, Table] = field(default_factory=dict)

    @property
    def own_cells(self) -> int:
        return sum(len(self.tables[m].rows) for m in OWN_TABLES if m in self.tables)

    @property
    def own_masked(self) -> int:
        return sum(self.tables[m].masked for m in OWN_TABLES if m in self.tables)

    @property
    def masked_cell_share(self) -> float | None:
        """Share of this employer's own cells that are masked (its own figure, not the mart's)."""
        return None if not self.own_cells else self.own_masked / self.own_cells


@dataclass(frozen=True)
class EmployerDelivery:
    """What one employer received, for the delivery index (the mutuelle's staff, not the employers)."""

    siret: str
    name: str
    status: str
    covered_members: int | None
    published_cells: int
    masked_cells: int
    files: tuple[str, ...]
    run_id: str
    published_at: str


_MEASURES = {
    "member_count",
    "benefit_line_count",
    "actual_cost",
    "ss_reimbursement",
    "complementary_reimbursement",
    "out_of_pocket",
    "actual_cost_per_member",
    "complementary_reimbursement_per_member",
    "out_of_pocket_per_member",
}
_HIDDEN = {"employer_siret", "masking", "generalisation_level", "age_band_width", "sex_level"}


def _table(mart: str, table: pa.Table) -> Table:
    if "masking" not in table.column_names:
        raise ReleaseError(f"{mart}: no masking column")
    dims = tuple(c for c in table.column_names if c not in _MEASURES and c not in _HIDDEN)
    values = tuple(c for c in table.column_names if c in _MEASURES)
    rows = []
    for record in table.to_pylist():
        masking = record["masking"]
        if masking not in ("none", "masked"):
            raise ReleaseError(f"{mart}: unexpected masking marker")
        rows.append(
            Row(dims={c: record[c] for c in dims}, values={c: record[c] for c in values}, published=masking == "none")
        )
    order = [c for c in ("care_year", "period_start", "act_family", "broad_family", "age_band", "sex") if c in dims]
    rows.sort(key=lambda r: tuple(str(r.dims[c]) for c in order))
    return Table(mart=mart, dim_columns=dims, value_columns=values, rows=tuple(rows))


def _describes_care(row: Row) -> bool:
    count = row.values.get("member_count")
    return row.published and count is not None and count > 0


def release_status(summary_status: str, own: list[Table]) -> str:
    """The summary's status (dbt's one rule: too small, no closed period, reported), except that a ``reported``
    employer none of whose own published cells describes people with care is ``nothing_publishable``."""
    if summary_status in (TOO_SMALL, NO_CLOSED_PERIOD):
        return summary_status
    if summary_status != REPORTED:
        raise ReleaseError(f"{SUMMARY}: unknown report_status")
    if any(_describes_care(r) for t in own for r in t.rows):
        return REPORTED
    return NOTHING_PUBLISHABLE


def build_release(
    siret: str,
    tables: dict[str, pa.Table],
    *,
    name: str | None,
    run_id: str,
    published_at: str,
    k: int,
    min_employers: int,
    dominance: float | None = None,
) -> EmployerRelease:
    """The employer's release from the tables about to be written to its folder (already masked) and its
    raison sociale (public company data; its SIRET when the feeds do not carry it). ``dominance`` defaults to the
    employer rules' own (vars.disclosure in dbt_project.yml, their one home)."""
    if SUMMARY not in tables:
        raise ReleaseError(f"{SUMMARY}: missing for this employer")
    summary_rows = tables[SUMMARY].to_pylist()
    if len(summary_rows) != 1 or summary_rows[0].get("employer_siret") != siret:
        raise ReleaseError(f"{SUMMARY}: expected exactly one row for this employer")
    summary = summary_rows[0]
    parsed = {m: _table(m, t) for m, t in tables.items() if m != SUMMARY}
    for mart in OWN_TABLES:
        if mart in tables and set(tables[mart].column("employer_siret").to_pylist()) - {siret}:
            raise ReleaseError(f"{mart}: rows of another employer")
    own = [parsed[m] for m in OWN_TABLES if m in parsed]
    status = release_status(summary["report_status"], own)
    years = sorted({int(r.dims["care_year"]) for t in own for r in t.rows if r.dims.get("care_year") is not None})
    covered = summary.get("member_count")
    coverage_year = summary.get("care_year")
    if dominance is None:
        from governance.protection import disclosure_parameter

        dominance = float(disclosure_parameter("employer", "dominance"))
    return EmployerRelease(
        siret=siret,
        name=name or siret,
        status=status,
        covered_members=None if covered is None else int(covered),
        coverage_year=None if coverage_year is None else int(coverage_year),
        k=k,
        min_employers=min_employers,
        dominance=dominance,
        run_id=run_id,
        published_at=published_at,
        period_grain=summary.get("period_grain"),
        age_band_width=summary.get("age_band_width"),
        sex_level=summary.get("sex_level"),
        years=tuple(years),
        tables=parsed,
    )


def as_text(value: Any) -> str:
    """A dimension value as written in the copies (dates ISO)."""
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def row_key(row: Row, dims: tuple[str, ...]) -> str:
    """The row's identity in its table: ``column=value`` pairs of its dimensions joined with '|' (dates ISO)."""
    return "|".join(f"{c}={as_text(row.dims[c])}" for c in dims)
