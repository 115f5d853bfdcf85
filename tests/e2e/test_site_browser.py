"""The CDO office's data dictionary, used as they would: real headless Chromium (Debian's), the demo run's site.

Search "reste à charge", follow the glossary term to its columns, read the lineage graph of the feed's
out-of-pocket column down to every mart column it feeds, walk a mart column back to the feed through the
dbt models, open the quality pages and the Data Docs: from file:// and from a local server, with the
browser refusing and recording any request to a non-local address. Screenshots land in ``artifacts_dir``.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

pytestmark = pytest.mark.e2e

FEED_COLUMN = "feed.benefits.out_of_pocket"


@pytest.fixture(scope="module")
def site(demo_run) -> Path:
    settings, _results = demo_run
    index = settings.site / "index.html"
    assert index.is_file(), "the pipeline did not build the site"
    return settings.site


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The same site over HTTP on 127.0.0.1 (a random free port), as `confiance site serve` does."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.parent))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/site"
    finally:
        server.shutdown()
        server.server_close()


def _search(page, base: str, query: str) -> list[tuple[str, str]]:
    page.goto(f"{base}/index.html")
    page.fill("form.search.big input[name=q]", query)
    page.press("form.search.big input[name=q]", "Enter")
    page.wait_for_selector("#search-results li", timeout=15000)
    links = page.locator("#search-results li > a")
    return [(links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "") for i in range(links.count())]


def _graph_columns(page) -> set[str]:
    """The columns drawn in the page's lineage graph (each node is a link to its column page)."""
    nodes = page.locator("#lineage-graph svg a.node")
    return {nodes.nth(i).get_attribute("data-column") or "" for i in range(nodes.count())}


def _mart_pages(page, base: str) -> list[str]:
    page.goto(f"{base}/index.html")
    hrefs = page.locator("a[href^='mart-']")
    return sorted({hrefs.nth(i).get_attribute("href") or "" for i in range(hrefs.count())})


def test_search_term_columns_and_lineage_both_ways(site, local_browser, artifacts_dir):
    base = site.as_uri()
    lp = local_browser()
    page = lp.page

    page.goto(f"{base}/index.html")
    assert "Dictionnaire de données" in page.inner_text("h1")
    page.screenshot(path=str(artifacts_dir / "site-home.png"), full_page=False)

    # 1. Search finds the glossary term, accents or not.
    results = _search(page, base, "reste à charge")
    page.screenshot(path=str(artifacts_dir / "site-search-reste-a-charge.png"), full_page=False)
    term = [(text, href) for text, href in results if href.startswith("glossary.html#term-")]
    assert term and "Reste à charge" in term[0][0], results[:5]
    assert _search(page, base, "reste a charge")[0] == results[0]  # typed without the accent
    assert any("out_of_pocket" in text for text, _ in _search(page, base, "out-of-pocket"))  # English name

    # 2. The term links to its columns; the feed's column is one of them.
    page.goto(f"{base}/{term[0][1]}")
    anchor = term[0][1].split("#")[1]
    columns = page.locator(f"#{anchor} .term-columns a")
    targets = {columns.nth(i).get_attribute("href") for i in range(columns.count())}
    assert "col-feed-benefits--out_of_pocket.html" in targets, targets
    assert any(t.startswith("col-mart-") for t in targets), targets
    page.click(f"#{anchor} .term-columns a[href='col-feed-benefits--out_of_pocket.html']")

    # 3. The feed column's page draws every mart column it feeds. Expected set, from the other side:
    #    every mart column whose own page lists the feed column upstream.
    page.wait_for_selector("#lineage-graph svg")
    page.screenshot(path=str(artifacts_dir / "site-lineage-feed-benefits-out_of_pocket.png"), full_page=True)
    drawn = _graph_columns(page)
    assert FEED_COLUMN in drawn
    assert "warehouse.benefits.out_of_pocket" in drawn
    feed_step = page.locator("#lineage-graph svg g.edge.step title").all_text_contents()
    assert any("benefits.out_of_pocket" in t for t in feed_step), "no privacy step on the crossing edge"

    # (the other side is read from the pages' HTML directly: opening ~150 pages in the browser is slow)
    fed: set[str] = set()
    for mart_page in _mart_pages(page, base):
        html = (site / mart_page).read_text(encoding="utf-8")
        for href in re.findall(r'<tr id="col-[^"]*">\s*<td><a href="([^"]+)"', html):
            upstream = (site / href).read_text(encoding="utf-8").split('id="upstream"')[1].split("</section>")[0]
            if f'data-column="{FEED_COLUMN}"' in upstream:
                fed.add(re.sub(r"^col-mart-(.+)--(.+)\.html$", r"mart.\1.\2", href))
    assert "mart.mart_insurer__out_of_pocket.out_of_pocket" in fed, sorted(fed)
    drawn_marts = {c for c in drawn if c.startswith("mart.")}
    assert drawn_marts == fed, (sorted(drawn_marts - fed), sorted(fed - drawn_marts))

    # 4. A mart column's page goes back to the feed through the dbt models, node by node, each a link.
    page.goto(f"{base}/col-mart-mart_insurer__out_of_pocket--out_of_pocket.html")
    up = _graph_columns(page)
    assert FEED_COLUMN in up
    assert any(c.startswith("model.stg_pseudo__benefits.") for c in up), sorted(up)
    assert any(c.startswith("model.int_") for c in up), sorted(up)
    page.screenshot(path=str(artifacts_dir / "site-lineage-mart-out_of_pocket.png"), full_page=True)
    # follow the graph's links upstream until the feed column: stg -> warehouse -> feed
    page.click("#lineage-graph svg a.node[data-column='model.stg_pseudo__benefits.out_of_pocket']")
    assert "stg_pseudo__benefits" in page.url
    page.click("#lineage-graph svg a.node[data-column='warehouse.benefits.out_of_pocket']")
    page.click(f"#lineage-graph svg a.node[data-column='{FEED_COLUMN}']")
    assert unquote(urlparse(page.url).path).endswith("col-feed-benefits--out_of_pocket.html")

    # 5. Privacy steps in plain words on a token's edge.
    page.goto(f"{base}/col-feed-members--nir.html")
    steps = " ".join(page.locator("#downstream .step").all_inner_texts())
    assert "keyed pseudonym of members.nir, domain insurer" in steps, steps

    assert lp.external_requests == [], lp.external_requests
    assert lp.console_errors == [], lp.console_errors


def test_served_site_search_and_quality_docs_stay_local(site, served, local_browser, artifacts_dir):
    lp = local_browser()
    page = lp.page
    results = _search(page, served, "adhérent")
    assert any("Adhérent" in text for text, _ in results), results[:5]

    # Quality: the site's own page, then the Great Expectations Data Docs it links to.
    page.goto(f"{served}/quality.html")
    statuses = page.locator("table.quality [data-status]")
    assert statuses.count() >= 3
    page.goto(site.joinpath("quality.html").as_uri())
    page.click("header a:has-text('Data Docs')")
    page.wait_for_selector("table tbody tr", timeout=15000)
    assert page.locator("table tbody tr").count() > 0  # the index table is drawn by its vendored scripts
    page.screenshot(path=str(artifacts_dir / "data-docs-offline.png"), full_page=False)

    assert lp.external_requests == [], lp.external_requests
