"""The employer's page: one self-contained HTML file per language (inline CSS and SVG, no script, no link out).

Every figure printed on the page is a published value, written with ``data-mart``, ``data-key`` and
``data-column`` attributes naming the Parquet cell it comes from, so that anyone can check it. A masked
cell is shown as "non publié" / "not published": never a value, never a reason.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from governance.employer_report import charts, texts, trend
from governance.employer_report.model import (
    BENCHMARK,
    BROAD,
    CONSUMPTION,
    REPORTED,
    TOTALS,
    YEARLY,
    EmployerRelease,
    Row,
    as_text,
    row_key,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGES = {"fr": "rapport_fr.html", "en": "report_en.html"}

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def format_number(value: Any, lang: str, decimals: int | None = None) -> str:
    """French: 1 234,56 ; English: 1,234.56. Counts without decimals, amounts with two."""
    if decimals is None:
        decimals = 0 if isinstance(value, int) else 2
    text = f"{Decimal(value):,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def _cell(mart: str, row: Row, dims: tuple[str, ...], column: str, lang: str, short: bool = False) -> Markup:
    value = row.values.get(column)
    if not row.published or value is None:
        return Markup('<td class="np">{}</td>').format("–" if short else texts.NOT_PUBLISHED(lang))
    return Markup('<td class="num" data-mart="{}" data-key="{}" data-column="{}">{}</td>').format(
        mart, row_key(row, dims), column, format_number(value, lang)
    )


def _dim(column: str, value: Any, lang: str, grain: str | None = None) -> str:
    if column == "act_family":
        return texts.family(value, lang)
    if column == "broad_family":
        return texts.broad_family(value, lang)
    if column == "age_band":
        return texts.age_band(value, lang)
    if column == "sex":
        return texts.sex(value, lang)
    if column == "period_start" and value is not None and grain == "quarter":
        return texts.QUARTER(lang).format(q=(value.month - 1) // 3 + 1, y=value.year)
    if column == "period_start" and value is not None and grain == "year":
        return str(value.year)
    return as_text(value)


def _html_table(
    release: EmployerRelease, mart: str, rows: list[Row], dims: list[str], values: list[str], lang: str
) -> Markup:
    table = release.tables[mart]
    head = Markup("").join(Markup("<th>{}</th>").format(texts.DISPLAY[c](lang)) for c in dims)
    head += Markup("").join(Markup('<th class="num">{}</th>').format(texts.DISPLAY[c](lang)) for c in values)
    body = Markup("").join(
        Markup("<tr>{}{}</tr>").format(
            Markup("").join(
                Markup("<td>{}</td>").format(_dim(c, row.dims[c], lang, row.dims.get("period_grain"))) for c in dims
            ),
            Markup("").join(_cell(mart, row, table.dim_columns, c, lang) for c in values),
        )
        for row in rows
    )
    return Markup('<table data-mart="{}"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>').format(mart, head, body)


_AMOUNTS = [
    "member_count",
    "benefit_line_count",
    "actual_cost",
    "ss_reimbursement",
    "complementary_reimbursement",
    "out_of_pocket",
]


def _tables(release: EmployerRelease, lang: str) -> dict[str, Markup | None]:
    out: dict[str, Markup | None] = {"yearly": None, "totals": None, "broad": None, "detail": None, "benchmark": None}
    if YEARLY in release.tables:
        out["yearly"] = _html_table(release, YEARLY, list(release.tables[YEARLY].rows), ["care_year"], _AMOUNTS, lang)
    if TOTALS in release.tables:
        totals = release.tables[TOTALS]
        dims = ["care_year", "act_family"] if len(release.years) > 1 else ["act_family"]
        out["totals"] = _html_table(release, TOTALS, list(totals.rows), dims, _AMOUNTS, lang)
    if BROAD in release.tables and release.tables[BROAD].published_rows:
        # shown only when it holds published values: the broad families are there for what they add
        broad = release.tables[BROAD]
        dims = ["care_year", "broad_family"] if len(release.years) > 1 else ["broad_family"]
        out["broad"] = _html_table(release, BROAD, list(broad.rows), dims, _AMOUNTS, lang)
    if CONSUMPTION in release.tables:
        detail = release.tables[CONSUMPTION]
        rows = list(detail.published_rows)
        dims = ["period_start", "act_family", "age_band", "sex"]
        if rows:
            out["detail"] = _html_table(release, CONSUMPTION, rows, dims, _AMOUNTS, lang)
    if BENCHMARK in release.tables:
        bench = release.tables[BENCHMARK]
        years = set(release.years) or {r.dims["care_year"] for r in bench.rows}
        pivots = [_benchmark_pivot(release, year, lang) for year in sorted(years)]
        if any(p is not None for p in pivots):
            out["benchmark"] = Markup("").join(p for p in pivots if p is not None)
    return out


def _benchmark_pivot(release: EmployerRelease, year: int, lang: str) -> Markup | None:
    """The pooled comparison of one year, compact: a row per care family, a column per age band and sex, the
    average actual cost per person with care in each published cell."""
    bench = release.tables[BENCHMARK]
    rows = [r for r in bench.rows if r.dims["care_year"] == year]
    if not any(r.published and r.values.get("actual_cost_per_member") is not None for r in rows):
        return None
    groups = sorted({(r.dims["age_band"], r.dims["sex"]) for r in rows}, key=lambda g: (str(g[0]), str(g[1])))
    families = sorted({r.dims["act_family"] for r in rows}, key=lambda f: texts.family(f, lang))
    by_key = {(r.dims["act_family"], r.dims["age_band"], r.dims["sex"]): r for r in rows}
    head = Markup("<th>{}</th>").format(texts.DISPLAY["act_family"](lang)) + Markup("").join(
        Markup('<th class="num">{}<br>{}</th>').format(texts.age_band(a, lang), texts.sex(x, lang)) for a, x in groups
    )
    body = Markup("")
    for fam in families:
        cells = Markup("").join(
            _cell(BENCHMARK, by_key[(fam, a, x)], bench.dim_columns, "actual_cost_per_member", lang, short=True)
            if (fam, a, x) in by_key
            else Markup('<td class="np">–</td>')
            for a, x in groups
        )
        body += Markup("<tr><td>{}</td>{}</tr>").format(texts.family(fam, lang), cells)
    caption = Markup("<caption>{} {}</caption>").format(texts.DISPLAY["actual_cost_per_member"](lang), year)
    return Markup('<table class="pivot" data-mart="{}">{}<thead><tr>{}</tr></thead><tbody>{}</tbody></table>').format(
        BENCHMARK, caption, head, body
    )


def trend_section(release: EmployerRelease, lang: str) -> dict[str, Any]:
    """The trend's chart, the table of its points (each a published cell, with its data-* attributes), and,
    when there is no trend, why: in the page's language, and on the French page the English after it."""
    found = trend.employer_trend(release)
    if found.kind is None:
        years = ", ".join(str(y) for y in found.years) or "—"
        said = [(lang, texts.NO_TREND[found.reason](lang).format(years=years, k=release.k))]  # type: ignore[index]
        if lang == "fr":
            said.append(("en", texts.NO_TREND[found.reason]("en").format(years=years, k=release.k)))  # type: ignore[index]
        return {"chart": None, "table": None, "hint": None, "reason": found.reason, "no_trend": said}
    head = Markup("<th>{}</th>").format(
        texts.DISPLAY["act_family"](lang) if found.kind == trend.YEAR_OVER_YEAR else texts.TREND_GROUP(lang)
    )
    head += Markup("").join(
        Markup('<th class="num">{}</th>').format(charts.period_label(p, lang)) for p in found.periods
    )
    body = Markup("")

    def order(series: trend.TrendSeries) -> tuple[bool, str, str]:
        label = charts.trend_label(series, lang)
        return series.group != (trend.ALL_FAMILIES,), texts.family(series.panel, lang), label

    for series in sorted(found.series, key=order):
        by_period = {p.period: p for p in series.points}
        label = charts.trend_label(series, lang)
        if found.kind == trend.QUARTERLY:
            label = f"{texts.family(series.panel, lang)} — {label}"
        cells = Markup("").join(
            _cell(
                by_period[period].mart,
                by_period[period].row,
                release.tables[by_period[period].mart].dim_columns,
                trend.MEASURE,
                lang,
                short=True,
            )
            if period in by_period
            else Markup('<td class="np">–</td>')
            for period in found.periods
        )
        body += Markup("<tr><td>{}</td>{}</tr>").format(label, cells)
    caption = Markup("<caption>{}</caption>").format(texts.DISPLAY[trend.MEASURE](lang))
    table = Markup('<table class="pivot trend">{}<thead><tr>{}</tr></thead><tbody>{}</tbody></table>').format(
        caption, head, body
    )
    return {
        "chart": charts.trend_chart(release, lang),
        "table": table,
        "hint": texts.TREND_HINT[found.kind](lang),
        "reason": None,
        "no_trend": [],
    }


_HIDDEN_TABLES = ((YEARLY, "yearly"), (TOTALS, "totals"), (CONSUMPTION, "detail"), (BROAD, "broad"))


def hidden_counts(release: EmployerRelease, lang: str) -> list[str]:
    """Per table of the employer's own, as its section is titled on the page: how many rows are not published."""
    out = []
    for mart, section in _HIDDEN_TABLES:
        table = release.tables.get(mart)
        if table is None or not table.rows:
            continue
        label = texts.HIDDEN_TABLE if table.masked else texts.HIDDEN_NONE
        out.append(label(lang).format(table=texts.SECTIONS[section](lang), masked=table.masked, rows=len(table.rows)))
    return out


def statement(release: EmployerRelease, lang: str) -> str:
    covered = "" if release.covered_members is None else format_number(release.covered_members, lang)
    year = "" if release.coverage_year is None else str(release.coverage_year)
    return texts.STATUS[release.status](lang).format(k=release.k, covered=covered, year=year)


def covered_label(release: EmployerRelease, lang: str) -> str:
    """'Salariés couverts en 2025': the covered employees are those of the year the report is about."""
    if release.coverage_year is None:
        return texts.FACTS["covered"](lang)
    return texts.FACTS["covered_in"](lang).format(year=release.coverage_year)


def percent(share: float, lang: str) -> str:
    """A share as the page writes it: 0.85 -> '85 %'."""
    value = round(share * 100, 2)
    return f"{format_number(int(value) if value == int(value) else value, lang)} %"


def breakdown(release: EmployerRelease, lang: str) -> str | None:
    if release.status != REPORTED or release.period_grain is None:
        return None
    width = release.age_band_width or 0
    ages = texts.AGES[0](lang) if width == 0 else texts.AGE_WIDTH(lang).format(w=width)
    sexes = texts.SEX_LEVEL.get(release.sex_level or "all", texts.SEX_LEVEL["all"])(lang)
    grain = texts.GRAINS.get(release.period_grain, texts.GRAINS["year"])(lang)
    return texts.BREAKDOWN(lang).format(grain=grain, ages=ages, sexes=sexes)


def _in_both(label: texts.Label, lang: str) -> list[tuple[str, str]]:
    """[(language, sentence)]: the page's language, and on the French page the English after it."""
    return [(lang, label(lang))] + ([("en", label("en"))] if lang == "fr" else [])


def render_page(release: EmployerRelease, lang: str) -> str:
    other = "en" if lang == "fr" else "fr"
    covered = None
    if release.covered_members is not None:
        covered = Markup(
            '<span data-mart="mart_employer__summary" data-key="{}" data-column="member_count">{}</span>'
        ).format(f"employer_siret={release.siret}", format_number(release.covered_members, lang))
    reported = release.status == REPORTED
    drawn = {
        "yearly": charts.yearly_chart(release, lang) if reported else None,
        "totals": charts.totals_chart(release, lang) if reported else None,
        "broad": charts.broad_chart(release, lang) if reported else None,
        "benchmark": charts.benchmark_chart(release, lang) if reported else None,
    }
    hidden = hidden_counts(release, lang) if reported and release.own_cells else None
    params = {"k": release.k, "min_employers": release.min_employers, "dominance": percent(release.dominance, lang)}
    years = release.years
    period = "–".join(str(y) for y in sorted({years[0], years[-1]})) if years else "—"
    page = _env.get_template("report.html.j2").render(
        t=texts,
        lang=lang,
        release=release,
        other_page=PAGES[other],
        other_lang=other,
        period=period,
        covered=covered,
        covered_label=covered_label(release, lang),
        too_few=texts.TOO_FEW(lang).format(k=release.k),
        published_on=release.published_at[:10],
        breakdown=breakdown(release, lang),
        statement=statement(release, lang),
        charts=drawn,
        tables=_tables(release, lang),
        hidden_count=hidden,
        trend=trend_section(release, lang) if reported else None,
        benchmark_coarser=reported and drawn["benchmark"] is None,
        notes=[n(lang).format(**params) for n in texts.HIDDEN_NOTES],
        glossary=[(texts.glossary_heading(e)(lang), e.meaning(lang)) for e in texts.GLOSSARY],
        broad_why=_in_both(texts.BROAD_WHY, lang),
        broad_parts=texts.broad_family_parts(lang),
    )
    # One table cell per line: a reader that goes line by line (the outbound PII scan, a diff) never joins two
    # neighbouring figures into one string ("2,060.59 910.06" is not a phone number).
    return page.replace("</td>", "</td>\n").replace("</th>", "</th>\n")


def write_pages(release: EmployerRelease, folder: Path) -> list[Path]:
    paths = []
    for lang, name in PAGES.items():
        path = folder / name
        path.write_text(render_page(release, lang), encoding="utf-8")
        paths.append(path)
    return paths
