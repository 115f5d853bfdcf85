"""Three employer reports from the demo (a small, a medium and a large employer) opened in headless Chromium.

As the employer's HR manager would open them, from the file system: the charts render, the trend section
draws a trend or says why there is none, the page shows no masked cell's true value and no reason code, and it
fetches nothing from the internet. Screenshots are saved in the test run's artifacts directory.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import duckdb
import pyarrow.parquet as pq

REASON_CODES = re.compile(
    r"primary_k|primary_dominance|p_percent|secondary|\bprimary\b|\bmasking\b|\bmasked\b|"
    r"dominance|too_small_to_report|nothing_publishable",
    re.IGNORECASE,
)
AMOUNTS = ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")


def _reported_by_size(settings) -> list[tuple[int, str]]:
    sizes = []
    for folder in sorted((settings.published / "employer").iterdir()):
        row = pq.read_table(folder / "mart_employer__summary.parquet").to_pylist()[0]
        if row["report_status"] == "reported":
            sizes.append((row["member_count"], folder.name))
    return sorted(sizes)


def _masked_true_values(settings, siret: str) -> set[str]:
    """The true amounts of this employer's masked cells (from the warehouse, which the page must never show),
    written the ways a page could print them."""
    masked_keys = {}
    folder = settings.published / "employer" / siret
    marts = {
        "mart_employer__yearly": ("int_disclosure__employer_yearly", ("care_year",)),
        "mart_employer__totals": ("int_disclosure__employer_totals", ("care_year", "act_family")),
        "mart_employer__consumption": (
            "int_disclosure__employer_consumption",
            ("period_start", "act_family", "age_band", "sex"),
        ),
    }
    for mart, (cells, dims) in marts.items():
        if not (folder / f"{mart}.parquet").exists():
            continue
        rows = pq.read_table(folder / f"{mart}.parquet").to_pylist()
        masked_keys[cells] = ({tuple(str(r[d]) for d in dims) for r in rows if r["masking"] == "masked"}, dims)
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    values: set[str] = set()
    try:
        for cells, (keys, dims) in masked_keys.items():
            if not keys:
                continue
            frame = con.execute(f"select * from intermediate.{cells} where employer_siret = ?", [siret]).df()
            for _, row in frame.iterrows():
                if tuple(str(row[d])[:10] if d == "period_start" else str(row[d]) for d in dims) not in keys:
                    continue
                for column in AMOUNTS:
                    value = Decimal(str(row[column])).quantize(Decimal("0.01"))
                    if value >= 100:  # small amounts could appear by chance in another published figure
                        plain = f"{value:,.2f}"
                        values |= {plain, plain.replace(",", "\u202f").replace(".", ",")}
    finally:
        con.close()
    return values


def test_three_employer_reports_render_offline_with_charts_and_nothing_hidden(demo_run, local_browser, artifacts_dir):
    settings, _ = demo_run
    sizes = _reported_by_size(settings)
    assert len(sizes) >= 3
    chosen = {"small": sizes[0], "medium": sizes[len(sizes) // 2], "large": sizes[-1]}
    index = json.loads((settings.reports / "employer_deliveries.json").read_text(encoding="utf-8"))
    names = {d["siret"]: d["name"] for d in index["deliveries"]}
    for label, (covered, siret) in chosen.items():
        forbidden = _masked_true_values(settings, siret)
        for page_name in ("rapport_fr.html", "report_en.html"):
            html = settings.published / "employer" / siret / page_name
            local = local_browser()
            local.page.goto(html.resolve().as_uri(), wait_until="load")
            charts = local.page.locator("svg.chart")
            assert charts.count() >= 1, (label, page_name)
            for i in range(charts.count()):
                box = charts.nth(i).bounding_box()
                assert box and box["width"] > 200 and box["height"] > 80, (label, page_name, i)
                drawn = charts.nth(i).locator("rect.bar, polyline, use")  # bars, lines and their points
                assert drawn.count() >= 1 and drawn.first.bounding_box(), (label, page_name, i)
                labels = charts.nth(i).locator("text")  # title, axis and legend, in the page's font
                assert labels.count() > 5 and labels.first.bounding_box()["width"] > 50, (label, page_name, i)
            text = local.page.inner_text("body")
            assert not REASON_CODES.search(text), (label, page_name, REASON_CODES.search(text))
            # the trend section shows a chart, or says in plain words why there is none yet
            trend = local.page.locator("#trend")
            assert trend.is_visible()
            if trend.locator("svg.chart").count() == 0:
                said = trend.locator("p.no-trend").first.inner_text()
                assert (
                    ("une seule année" in said or "aucun de vos chiffres" in said)
                    if page_name.endswith("_fr.html")
                    else ("single closed year" in said or "none of your figures" in said)
                ), said
            leaked = [v for v in forbidden if v in text]
            assert not leaked, (label, page_name, leaked[:3])
            assert local.page.locator("h1").inner_text().strip()
            assert names[siret] in text and names[siret] != siret
            assert local.external_requests == [], local.external_requests
            assert local.console_errors == [], local.console_errors
            if page_name == "rapport_fr.html":
                local.page.screenshot(path=str(artifacts_dir / f"employer_report_{label}.png"), full_page=True)
            local.page.close()
    # the honest statement of an employer too small to report, as it renders
    small = next(
        f
        for f in sorted((settings.published / "employer").iterdir())
        if pq.read_table(f / "mart_employer__summary.parquet").column("report_status")[0].as_py()
        == "too_small_to_report"
    )
    local = local_browser()
    local.page.goto((small / "rapport_fr.html").resolve().as_uri(), wait_until="load")
    text = local.page.inner_text("body")
    assert "Trop petit pour un rapport" in text and not REASON_CODES.search(text)
    assert local.external_requests == []
    local.page.screenshot(path=str(artifacts_dir / "employer_report_too_small.png"), full_page=True)
    local.page.close()
