"""Charts drawn at build time with matplotlib, as inline SVG (text drawn as paths: no font, nothing to load).

Each chart plots published values only (the trend's points are published cells: governance/employer_report/
trend.py). A chart with nothing to plot is not drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from matplotlib import rc_context
from matplotlib.figure import Figure

from governance.charts import inline_svg, rc
from governance.employer_report import texts, trend
from governance.employer_report.model import BENCHMARK, BROAD, CONSUMPTION, TOTALS, YEARLY, EmployerRelease, row_key
from governance.employer_report.trend import Trend, TrendSeries

COLOURS = {
    "ss_reimbursement": "#7a9cc6",
    "complementary_reimbursement": "#2e5c8a",
    "out_of_pocket": "#e07b39",
    "company": "#2e5c8a",
    "peers": "#b8c4d0",
}
_RC = rc("confiance")


def _svg(fig: Figure, title: str) -> str:
    return inline_svg(fig, title, _RC)


def _euros(value: float, lang: str) -> str:
    text = f"{value:,.0f}".replace(",", "\u202f" if lang == "fr" else ",")
    return f"{text} €"


def _figure(height: float) -> Figure:
    with rc_context(_RC):
        return Figure(figsize=(7.2, height), dpi=100)


_PAYERS = ("ss_reimbursement", "complementary_reimbursement", "out_of_pocket")


def _paid_rows(rows) -> list:
    return [
        r for r in rows if all(r.values.get(p) is not None for p in _PAYERS) and (r.values.get("actual_cost") or 0) > 0
    ]


def _payer_chart(rows: list, labels: list[str], title: str, lang: str) -> str:
    """Horizontal bars of actual cost, split by who paid it (Sécurité sociale, mutuelle, out-of-pocket)."""
    with rc_context(_RC):
        fig = _figure(0.9 + 0.32 * len(rows))
        ax = fig.add_subplot()
        left = [0.0] * len(rows)
        for part in _PAYERS:
            widths = [float(r.values[part]) for r in rows]
            ax.barh(labels, widths, left=left, color=COLOURS[part], label=texts.SERIES[part](lang))
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.xaxis.set_major_formatter(lambda v, _pos: _euros(v, lang))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 / len(rows)), ncol=3, frameon=False)
        ax.set_title(title, loc="left")
        return _svg(fig, title)


def yearly_chart(release: EmployerRelease, lang: str) -> str | None:
    """The year's actual cost, all care families together, split by who paid it."""
    table = release.tables.get(YEARLY)
    rows = _paid_rows(table.published_rows) if table is not None else []
    if not rows:
        return None
    rows.sort(key=lambda r: r.dims["care_year"])
    return _payer_chart(rows, [str(r.dims["care_year"]) for r in rows], texts.CHART_TITLES["yearly"](lang), lang)


def _family_chart(
    release: EmployerRelease, mart: str, family: Callable[[dict], str], title: str, lang: str
) -> str | None:
    """Actual cost per family (of a table of yearly totals) and year, split by who paid it (published rows only)."""
    table = release.tables.get(mart)
    rows = _paid_rows(table.published_rows) if table is not None else []
    if not rows:
        return None
    several_years = len({r.dims["care_year"] for r in rows}) > 1
    rows.sort(key=lambda r: (r.dims["care_year"], float(r.values["actual_cost"])))
    labels = [family(r.dims) + (f" {r.dims['care_year']}" if several_years else "") for r in rows]
    return _payer_chart(rows, labels, title, lang)


def totals_chart(release: EmployerRelease, lang: str) -> str | None:
    """Actual cost per care family and year, split by who paid it (Sécurité sociale, mutuelle, out-of-pocket)."""
    return _family_chart(
        release, TOTALS, lambda d: texts.family(d["act_family"], lang), texts.CHART_TITLES["totals"](lang), lang
    )


def broad_chart(release: EmployerRelease, lang: str) -> str | None:
    """Actual cost per broad care family and year, split by who paid it (published rows only)."""
    return _family_chart(
        release, BROAD, lambda d: texts.broad_family(d["broad_family"], lang), texts.CHART_TITLES["broad"](lang), lang
    )


def trend_label(series: TrendSeries, lang: str) -> str:
    """The series' name in a legend or a table: a care family (or all of them), or an age band and sex."""
    if series.group == (trend.ALL_FAMILIES,):
        return texts.ALL_FAMILIES(lang)
    if len(series.group) == 1:
        return texts.family(series.group[0], lang)
    age, sex = series.group
    return f"{texts.age_band(age, lang)}, {texts.sex(sex, lang)}"


def period_label(period: str, lang: str) -> str:
    """'2025' stays; a quarter's first day '2025-04-01' becomes 'T2 2025' / 'Q2 2025'."""
    if len(period) == 4:
        return period
    year, month = int(period[:4]), int(period[5:7])
    return texts.QUARTER(lang).format(q=(month - 1) // 3 + 1, y=year)


def line_id(release: EmployerRelease, series: TrendSeries) -> str:
    """The SVG id of a trend line, naming the published cells it plots, in order: ``trend@<panel>@<mart>@<key>;
    <key>...`` (keys as in the page's data-key), so that anyone can check each point against the Parquet files."""
    keys = ";".join(row_key(p.row, release.tables[p.mart].dim_columns) for p in series.points)
    return f"trend@{series.panel}@{series.points[0].mart}@{keys}"


def _lines(ax, release: EmployerRelease, found: Trend, series: tuple[TrendSeries, ...], lang: str) -> None:
    """One line per series over every period of the axis; a period whose cell is not published is a gap."""
    x = list(range(len(found.periods)))
    for s in series:
        by_period = {p.period: p.value for p in s.points}
        y = [by_period.get(period, float("nan")) for period in found.periods]
        bold = s.group == (trend.ALL_FAMILIES,)
        (line,) = ax.plot(
            x,
            y,
            marker="o",
            linewidth=2.6 if bold else 1.4,
            color="#1d2733" if bold else None,
            label=trend_label(s, lang),
        )
        line.set_gid(line_id(release, s))
    ax.set_xticks(x, [period_label(p, lang) for p in found.periods])
    ax.yaxis.set_major_formatter(lambda v, _pos: _euros(v, lang))
    ax.set_ylim(bottom=0)


def trend_chart(release: EmployerRelease, lang: str) -> str | None:
    """Actual cost over the published periods: year over year (all families and each family), or quarter by
    quarter (one panel per care family, a line per age band and sex). Every point is a published cell."""
    found = trend.employer_trend(release)
    if found.kind is None:
        return None
    title = texts.CHART_TITLES[found.kind](lang)
    with rc_context(_RC):
        if found.kind == trend.YEAR_OVER_YEAR:
            fig = _figure(3.4)
            ax = fig.add_subplot()
            _lines(ax, release, found, found.series, lang)
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
            ax.set_title(title, loc="left")
            return _svg(fig, title)
        panels = sorted({s.panel for s in found.series}, key=lambda f: texts.family(f, lang))
        columns = min(3, len(panels))
        rows = -(-len(panels) // columns)
        fig = _figure(0.6 + 2.4 * rows)
        axes = fig.subplots(rows, columns, squeeze=False)
        for index, panel in enumerate(panels):
            ax = axes[index // columns][index % columns]
            _lines(ax, release, found, tuple(s for s in found.series if s.panel == panel), lang)
            ax.set_title(texts.family(panel, lang), loc="left", fontsize="small")
            ax.tick_params(labelsize="x-small")
            ax.legend(fontsize="xx-small", frameon=False)
        for index in range(len(panels), rows * columns):
            axes[index // columns][index % columns].set_visible(False)
        fig.suptitle(title, x=0.01, ha="left")
        fig.tight_layout()
        return _svg(fig, title)


def benchmark_pairs(release: EmployerRelease) -> list[tuple[str, Decimal, Decimal]]:
    """(label key, company cost per person with care, pooled peers' cost per person) for the company's yearly
    cells that match a published benchmark cell exactly (year, family, age band, sex).

    The company's figure is its published amount divided by its published count of people with care.
    """
    consumption, bench = release.tables.get(CONSUMPTION), release.tables.get(BENCHMARK)
    if consumption is None or bench is None or release.period_grain != "year":
        return []
    dims = ("care_year", "act_family", "age_band", "sex")
    peers = {
        tuple(r.dims.get(d) for d in dims): r.values["actual_cost_per_member"]
        for r in bench.published_rows
        if r.values.get("actual_cost_per_member") is not None
    }
    pairs = []
    for r in consumption.published_rows:
        count, cost = r.values.get("member_count"), r.values.get("actual_cost")
        key = tuple(r.dims.get(d) for d in dims)
        if count and cost is not None and key in peers:
            pairs.append(
                ("|".join(str(k) for k in key), (Decimal(cost) / count).quantize(Decimal("0.01")), Decimal(peers[key]))
            )
    return sorted(pairs)


def benchmark_chart(release: EmployerRelease, lang: str) -> str | None:
    pairs = benchmark_pairs(release)
    if not pairs:
        return None
    labels = []
    for key, _, _ in pairs:
        year, fam, age, sex = key.split("|")
        labels.append(f"{texts.family(fam, lang)}, {texts.age_band(age, lang)}, {texts.sex(sex, lang)} ({year})")
    with rc_context(_RC):
        fig = _figure(0.9 + 0.45 * len(pairs))
        ax = fig.add_subplot()
        positions = list(range(len(pairs)))
        ax.barh(
            [p + 0.2 for p in positions],
            [float(c) for _, c, _ in pairs],
            height=0.38,
            color=COLOURS["company"],
            label=texts.SERIES["company"](lang),
        )
        ax.barh(
            [p - 0.2 for p in positions],
            [float(b) for _, _, b in pairs],
            height=0.38,
            color=COLOURS["peers"],
            label=texts.SERIES["peers"](lang),
        )
        ax.set_yticks(positions, labels)
        ax.xaxis.set_major_formatter(lambda v, _pos: _euros(v, lang))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 / len(pairs)), ncol=2, frameon=False)
        ax.set_title(texts.CHART_TITLES["benchmark"](lang), loc="left")
        return _svg(fig, texts.CHART_TITLES["benchmark"](lang))
