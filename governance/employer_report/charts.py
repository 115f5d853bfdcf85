"""The employer report's charts, written as plain SVG (governance/employer_report/svg.py: no plotting library).

Each chart plots published values only (the trend's points are published cells: governance/employer_report/
trend.py). A chart with nothing to plot is not drawn. Each bar is a ``<rect class="bar">`` whose length is its value
on the axis its ticks label; each trend line is a ``<g id="trend@...">`` naming the published cells it plots, its
points ``<use>`` markers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from governance.employer_report import texts, trend
from governance.employer_report.model import BENCHMARK, BROAD, CONSUMPTION, TOTALS, YEARLY, EmployerRelease, row_key
from governance.employer_report.svg import (
    CYCLE,
    FONT_SIZE,
    Canvas,
    Plot,
    axis_end,
    legend,
    num,
    text_width,
    value_axis,
)
from governance.employer_report.trend import Trend, TrendSeries

COLOURS = {
    "ss_reimbursement": "#7a9cc6",
    "complementary_reimbursement": "#2e5c8a",
    "out_of_pocket": "#e07b39",
    "company": "#2e5c8a",
    "peers": "#b8c4d0",
}
WIDTH = 720.0
TITLE_SIZE = 14.0
ROW_HEIGHT = 32.0  # one label's row of horizontal bars
EURO = 1.0  # axes are labelled in whole euros: ticks at least one euro apart


def _euros(value: float, lang: str) -> str:
    text = f"{value:,.0f}".replace(",", "\u202f" if lang == "fr" else ",")
    return f"{text} €"


def _hbars(
    labels: Sequence[str],
    rows: Sequence[Sequence[Sequence[tuple[float, str, str]]]],
    keys: Sequence[str],
    entries: Sequence[tuple[str, str]],
    title: str,
    lang: str,
    row_height: float = ROW_HEIGHT,
) -> str:
    """Horizontal bars, one row per label (the first label at the bottom, as a plot's y axis reads). A row holds
    one or more bars (side by side, top first), each bar one or more segments (value, colour, series) stacked
    from the axis' zero. ``keys``: the row's published cell (its data-key), on each of its bars."""
    label_width = max(text_width(label) for label in labels) + 12
    width = max(WIDTH, label_width + 420)
    ends = [sum(max(v, 0.0) for v, _, _ in bar) for row in rows for bar in row]
    plot = Plot(
        left=label_width,
        top=TITLE_SIZE + 20,
        width=width - label_width - text_width(_euros(axis_end(max(ends, default=0.0)), lang)) / 2 - 12,
        height=row_height * len(rows),
        end=axis_end(max(ends, default=0.0)),
        horizontal=True,
    )
    canvas = Canvas(width, 0.0, title)
    canvas.text(8, TITLE_SIZE + 4, title, size=TITLE_SIZE)
    value_axis(canvas, plot, lambda v: _euros(v, lang), min_step=EURO)
    band = row_height * 0.8
    for index, (label, row, key) in enumerate(zip(labels, rows, keys, strict=True)):
        top = plot.top + plot.height - row_height * (index + 1)
        canvas.text(plot.left - 6, top + row_height / 2 + FONT_SIZE * 0.35, label, anchor="end")
        bar_height = band / len(row)
        for position, bar in enumerate(row):
            y = top + (row_height - band) / 2 + bar_height * position
            start = 0.0
            for value, colour, series in bar:
                x0, x1 = plot.along(start), plot.along(start + value)
                canvas.add(
                    f'<rect class="bar" data-series="{series}" data-key="{key}" x="{num(min(x0, x1))}" '
                    f'y="{num(y)}" width="{num(abs(x1 - x0))}" height="{num(bar_height * 0.95)}" fill="{colour}"/>'
                )
                start += value
    bottom = legend(canvas, entries, plot.left, plot.top + plot.height + FONT_SIZE + 18, columns=len(entries))
    canvas.height = bottom + 6
    return canvas.svg()


_PAYERS = ("ss_reimbursement", "complementary_reimbursement", "out_of_pocket")


def _paid_rows(rows) -> list:
    return [
        r for r in rows if all(r.values.get(p) is not None for p in _PAYERS) and (r.values.get("actual_cost") or 0) > 0
    ]


def _payer_chart(rows: list, labels: list[str], title: str, lang: str, dim_columns: Sequence[str]) -> str:
    """Horizontal bars of actual cost, split by who paid it (Sécurité sociale, mutuelle, out-of-pocket)."""
    stacks = [[[(float(r.values[p]), COLOURS[p], p) for p in _PAYERS]] for r in rows]
    entries = [(COLOURS[p], texts.SERIES[p](lang)) for p in _PAYERS]
    keys = [row_key(r, dim_columns) for r in rows]
    return _hbars(labels, stacks, keys, entries, title, lang)


def yearly_chart(release: EmployerRelease, lang: str) -> str | None:
    """The year's actual cost, all care families together, split by who paid it."""
    table = release.tables.get(YEARLY)
    rows = _paid_rows(table.published_rows) if table is not None else []
    if not rows:
        return None
    rows.sort(key=lambda r: r.dims["care_year"])
    return _payer_chart(
        rows, [str(r.dims["care_year"]) for r in rows], texts.CHART_TITLES["yearly"](lang), lang, table.dim_columns
    )


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
    return _payer_chart(rows, labels, title, lang, table.dim_columns)


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


def _line_panel(
    canvas: Canvas,
    release: EmployerRelease,
    found: Trend,
    series: tuple[TrendSeries, ...],
    lang: str,
    box: tuple[float, float, float, float],
    size: float,
    marker: str,
) -> None:
    """One panel of lines in ``box`` (left, top, width, height): a line per series over every period of the axis,
    a period whose cell is not published a gap (the line breaks there), each published point a marker."""
    left, top, width, height = box
    end = axis_end(max((p.value for s in series for p in s.points), default=0.0))
    tick_width = max(text_width(_euros(v, lang), size) for v in (0.0, end))
    plot = Plot(left + tick_width + 10, top, width - tick_width - 18, height, end, horizontal=False)
    value_axis(canvas, plot, lambda v: _euros(v, lang), size=size, min_step=EURO)
    periods = found.periods
    pad = min(24.0, plot.width / 8)
    step = (plot.width - 2 * pad) / (len(periods) - 1) if len(periods) > 1 else 0.0

    def x_of(index: int) -> float:
        return plot.left + (pad + step * index if len(periods) > 1 else plot.width / 2)

    labels = [period_label(p, lang) for p in periods]
    every = max(1, -(-int(sum(text_width(t, size) + 8 for t in labels)) // int(max(plot.width, 1.0))))
    for index, text in enumerate(labels):
        if index % every == 0:
            canvas.text(x_of(index), plot.top + plot.height + size + 4, text, anchor="middle", size=size)
    for number, s in enumerate(series):
        bold = s.group == (trend.ALL_FAMILIES,)
        colour = "#1d2733" if bold else CYCLE[number % len(CYCLE)]
        by_period = {p.period: p.value for p in s.points}
        canvas.add(f'<g id="{line_id(release, s)}" class="series" fill="{colour}">')
        run: list[str] = []
        for index, period in enumerate([*periods, None]):
            if period is not None and period in by_period:
                run.append(f"{num(x_of(index))},{num(plot.along(by_period[period]))}")
                continue
            if len(run) > 1:
                canvas.add(
                    f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                    f'stroke-width="{2.6 if bold else 1.4}"/>'
                )
            run = []
        for index, period in enumerate(periods):
            if period in by_period:
                canvas.add(f'<use href="#{marker}" x="{num(x_of(index))}" y="{num(plot.along(by_period[period]))}"/>')
        canvas.add("</g>")


def _legend_entries(series: tuple[TrendSeries, ...], lang: str) -> list[tuple[str, str]]:
    return [
        ("#1d2733" if s.group == (trend.ALL_FAMILIES,) else CYCLE[n % len(CYCLE)], trend_label(s, lang))
        for n, s in enumerate(series)
    ]


def trend_chart(release: EmployerRelease, lang: str) -> str | None:
    """Actual cost over the published periods: year over year (all families and each family), or quarter by
    quarter (one panel per care family, a line per age band and sex). Every point is a published cell."""
    found = trend.employer_trend(release)
    if found.kind is None:
        return None
    title = texts.CHART_TITLES[found.kind](lang)
    canvas = Canvas(WIDTH, 0.0, title)
    marker = f"trend-dot-{found.kind}"
    canvas.add(f'<defs><circle id="{marker}" r="3.5"/></defs>')
    canvas.text(8, TITLE_SIZE + 4, title, size=TITLE_SIZE)
    top = TITLE_SIZE + 20
    if found.kind == trend.YEAR_OVER_YEAR:
        entries = _legend_entries(found.series, lang)
        legend_width = max(text_width(name) for _, name in entries) + FONT_SIZE * 2.5
        canvas.width = max(WIDTH, 360 + legend_width)
        plot_width = canvas.width - legend_width - 16
        _line_panel(canvas, release, found, found.series, lang, (8, top, plot_width, 260), FONT_SIZE, marker)
        below = legend(canvas, entries, plot_width + 8, top, columns=1)
        canvas.height = max(top + 260 + FONT_SIZE + 14, below + 6)
        return canvas.svg()
    panels = sorted({s.panel for s in found.series}, key=lambda f: texts.family(f, lang))
    columns = min(3, len(panels))
    panel_width = WIDTH / columns
    small = FONT_SIZE * 0.8
    y = top
    for first in range(0, len(panels), columns):
        row_bottom = y
        for offset, panel in enumerate(panels[first : first + columns]):
            x = panel_width * offset
            series = tuple(s for s in found.series if s.panel == panel)
            canvas.text(x + 8, y + small, texts.family(panel, lang), size=small * 1.1)
            _line_panel(
                canvas, release, found, series, lang, (x + 4, y + small + 10, panel_width - 8, 150), small, marker
            )
            bottom = legend(canvas, _legend_entries(series, lang), x + 12, y + small + 10 + 150 + small + 12, 1, small)
            row_bottom = max(row_bottom, bottom)
        y = row_bottom + 14
    canvas.height = y
    return canvas.svg()


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
    """The company's cost per person with care beside its pooled peers', per matching published cell."""
    pairs = benchmark_pairs(release)
    if not pairs:
        return None
    labels = []
    for key, _, _ in pairs:
        year, fam, age, sex = key.split("|")
        labels.append(f"{texts.family(fam, lang)}, {texts.age_band(age, lang)}, {texts.sex(sex, lang)} ({year})")
    rows = [
        [[(float(company), COLOURS["company"], "company")], [(float(peers), COLOURS["peers"], "peers")]]
        for _, company, peers in pairs
    ]
    entries = [(COLOURS[s], texts.SERIES[s](lang)) for s in ("company", "peers")]
    title = texts.CHART_TITLES["benchmark"](lang)
    return _hbars(labels, rows, [key for key, _, _ in pairs], entries, title, lang, row_height=45.0)
