"""Charts drawn at build time with matplotlib, as inline SVG (text drawn as paths: no font, nothing to load).

Each chart plots published values only (or, for the trend, sums of published cells over groups that are
all published, which anyone can recompute from the files). A chart with nothing to plot is not drawn.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from matplotlib import rc_context
from matplotlib.figure import Figure

from governance.charts import inline_svg, rc
from governance.employer_report import texts
from governance.employer_report.model import BENCHMARK, CONSUMPTION, TOTALS, YEARLY, EmployerRelease

COLOURS = {"ss_reimbursement": "#7a9cc6", "complementary_reimbursement": "#2e5c8a", "out_of_pocket": "#e07b39",
           "company": "#2e5c8a", "peers": "#b8c4d0"}
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
    return [r for r in rows if all(r.values.get(p) is not None for p in _PAYERS)
            and (r.values.get("actual_cost") or 0) > 0]


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


def totals_chart(release: EmployerRelease, lang: str) -> str | None:
    """Actual cost per care family and year, split by who paid it (Sécurité sociale, mutuelle, out-of-pocket)."""
    table = release.tables.get(TOTALS)
    rows = _paid_rows(table.published_rows) if table is not None else []
    if not rows:
        return None
    several_years = len({r.dims["care_year"] for r in rows}) > 1
    rows.sort(key=lambda r: (r.dims["care_year"], float(r.values["actual_cost"])))
    labels = [texts.family(r.dims["act_family"], lang) + (f" {r.dims['care_year']}" if several_years else "")
              for r in rows]
    return _payer_chart(rows, labels, texts.CHART_TITLES["totals"](lang), lang)


def trend_series(release: EmployerRelease) -> dict[str, dict[str, Decimal]]:
    """family -> period start (ISO) -> actual cost, summed over the age and sex groups of the period, for the
    families whose every cell is published and which have at least two periods."""
    table = release.tables.get(CONSUMPTION)
    if table is None:
        return {}
    series: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    complete: dict[str, bool] = defaultdict(lambda: True)
    for row in table.rows:
        fam = row.dims["act_family"]
        if not row.published or row.values.get("actual_cost") is None:
            complete[fam] = False
            continue
        series[fam][str(row.dims["period_start"])] += Decimal(row.values["actual_cost"])
    return {f: dict(s) for f, s in series.items() if complete[f] and len(s) >= 2 and any(s.values())}


def trend_chart(release: EmployerRelease, lang: str) -> str | None:
    series = trend_series(release)
    if not series:
        return None
    with rc_context(_RC):
        fig = _figure(3.2)
        ax = fig.add_subplot()
        for fam, points in sorted(series.items()):
            periods = sorted(points)
            ax.plot(periods, [float(points[p]) for p in periods], marker="o", label=texts.family(fam, lang))
        ax.yaxis.set_major_formatter(lambda v, _pos: _euros(v, lang))
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        ax.set_title(texts.CHART_TITLES["trend"](lang), loc="left")
        return _svg(fig, texts.CHART_TITLES["trend"](lang))


def benchmark_pairs(release: EmployerRelease) -> list[tuple[str, Decimal, Decimal]]:
    """(label key, company cost per person with care, pooled peers' cost per person) for the company's yearly
    cells that match a published benchmark cell exactly (year, family, age band, sex).

    The company's figure is its published amount divided by its published count of people with care.
    """
    consumption, bench = release.tables.get(CONSUMPTION), release.tables.get(BENCHMARK)
    if consumption is None or bench is None or release.period_grain != "year":
        return []
    dims = ("care_year", "act_family", "age_band", "sex")
    peers = {tuple(r.dims.get(d) for d in dims): r.values["actual_cost_per_member"] for r in bench.published_rows
             if r.values.get("actual_cost_per_member") is not None}
    pairs = []
    for r in consumption.published_rows:
        count, cost = r.values.get("member_count"), r.values.get("actual_cost")
        key = tuple(r.dims.get(d) for d in dims)
        if count and cost is not None and key in peers:
            pairs.append(("|".join(str(k) for k in key), (Decimal(cost) / count).quantize(Decimal("0.01")),
                          Decimal(peers[key])))
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
        ax.barh([p + 0.2 for p in positions], [float(c) for _, c, _ in pairs], height=0.38,
                color=COLOURS["company"], label=texts.SERIES["company"](lang))
        ax.barh([p - 0.2 for p in positions], [float(b) for _, _, b in pairs], height=0.38,
                color=COLOURS["peers"], label=texts.SERIES["peers"](lang))
        ax.set_yticks(positions, labels)
        ax.xaxis.set_major_formatter(lambda v, _pos: _euros(v, lang))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 / len(pairs)), ncol=2, frameon=False)
        ax.set_title(texts.CHART_TITLES["benchmark"](lang), loc="left")
        return _svg(fig, texts.CHART_TITLES["benchmark"](lang))
