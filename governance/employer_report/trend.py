"""The trend over time an employer's published cells allow, and nothing more.

Every point of a trend is one published cell, as it is in the employer's Parquet files (never a sum, a
difference or an estimate), so the employer can find each one in its copies:

* **year over year** when at least two care years are published: the yearly total (all care families,
  ``mart_employer__yearly``) and each care family's yearly total (``mart_employer__totals``);
* otherwise **quarter by quarter** when the employer's breakdown is quarterly: each (age band, sex) group's
  cells of one care family (``mart_employer__consumption``), one panel per care family;
* otherwise no trend, with the reason (:data:`ONE_YEAR`, :data:`TOO_FEW_PUBLISHED`) the page states.

A series is kept only when at least two of its periods are published; a masked period is a gap, never a
point.
"""

from __future__ import annotations

from dataclasses import dataclass

from governance.employer_report.model import CONSUMPTION, TOTALS, YEARLY, EmployerRelease, Row

MEASURE = "actual_cost"
YEAR_OVER_YEAR = "year_over_year"
QUARTERLY = "quarterly"
ONE_YEAR = "one_year"  # a single closed care year is published, and the breakdown is yearly
TOO_FEW_PUBLISHED = "too_few_published"  # several periods exist, but no series has two published ones
ALL_FAMILIES = "all"


@dataclass(frozen=True)
class TrendPoint:
    """One published cell: the period it describes and the row it is read from."""

    period: str  # "2024" for a year, the period's first day (ISO) for a quarter
    mart: str
    row: Row

    @property
    def value(self) -> float:
        return float(self.row.values[MEASURE])  # type: ignore[arg-type]


@dataclass(frozen=True)
class TrendSeries:
    panel: str  # care family of the panel (ALL_FAMILIES for the year-over-year chart)
    group: tuple[str, ...]  # ("all",) / (act_family,) for years; (age_band, sex) for quarters
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class Trend:
    kind: str | None  # YEAR_OVER_YEAR, QUARTERLY, or None when no trend can be drawn
    periods: tuple[str, ...]  # every period of the axis, published or not, in order
    series: tuple[TrendSeries, ...]
    reason: str | None  # why there is no trend (None when there is one)
    years: tuple[int, ...]


def _published(row: Row) -> bool:
    return row.published and row.values.get(MEASURE) is not None


def _keep(series: list[TrendSeries]) -> tuple[TrendSeries, ...]:
    return tuple(s for s in series if len(s.points) >= 2)


def _year_over_year(release: EmployerRelease) -> tuple[tuple[str, ...], tuple[TrendSeries, ...]]:
    periods = tuple(str(y) for y in release.years)
    series: list[TrendSeries] = []
    yearly = release.tables.get(YEARLY)
    if yearly is not None:
        points = [TrendPoint(str(r.dims["care_year"]), YEARLY, r) for r in yearly.rows if _published(r)]
        series.append(TrendSeries(ALL_FAMILIES, (ALL_FAMILIES,), tuple(sorted(points, key=lambda p: p.period))))
    totals = release.tables.get(TOTALS)
    if totals is not None:
        by_family: dict[str, list[TrendPoint]] = {}
        for r in totals.rows:
            if _published(r):
                by_family.setdefault(r.dims["act_family"], []).append(TrendPoint(str(r.dims["care_year"]), TOTALS, r))
        for family in sorted(by_family):
            points = tuple(sorted(by_family[family], key=lambda p: p.period))
            series.append(TrendSeries(ALL_FAMILIES, (family,), points))
    return periods, _keep(series)


def _quarterly(release: EmployerRelease) -> tuple[tuple[str, ...], tuple[TrendSeries, ...]]:
    table = release.tables.get(CONSUMPTION)
    if table is None:
        return (), ()
    periods = tuple(sorted({str(r.dims["period_start"]) for r in table.rows}))
    groups: dict[tuple[str, str, str], list[TrendPoint]] = {}
    for r in table.rows:
        if _published(r):
            key = (r.dims["act_family"], str(r.dims["age_band"]), str(r.dims["sex"]))
            groups.setdefault(key, []).append(TrendPoint(str(r.dims["period_start"]), CONSUMPTION, r))
    series = [
        TrendSeries(family, (age, sex), tuple(sorted(points, key=lambda p: p.period)))
        for (family, age, sex), points in sorted(groups.items())
    ]
    return periods, _keep(series)


def employer_trend(release: EmployerRelease) -> Trend:
    """The richest trend the release's published cells allow (see the module's docstring)."""
    years = release.years
    if len(years) >= 2:
        periods, series = _year_over_year(release)
        if series:
            return Trend(YEAR_OVER_YEAR, periods, series, None, years)
    if release.period_grain == "quarter":
        periods, series = _quarterly(release)
        if series:
            return Trend(QUARTERLY, periods, series, None, years)
        return Trend(None, periods, (), TOO_FEW_PUBLISHED, years)
    reason = ONE_YEAR if len(years) < 2 else TOO_FEW_PUBLISHED
    return Trend(None, tuple(str(y) for y in years), (), reason, years)
