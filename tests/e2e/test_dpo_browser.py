"""The DPO reports of a whole pipeline run, in headless Chromium: every page renders with its charts and reaches
nothing outside the machine (screenshots saved), the audit log filters by type and period, a report prints to PDF,
and no identifier of the inbox is in any report file (the outbound gate checks the pages)."""

from __future__ import annotations

import csv
import re
import shutil

from confiance.browser import html_to_pdf


def _inbox_identifiers(settings) -> set[str]:
    values: set[str] = set()
    for path in settings.inbox.glob("members*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=";"):
                values.update(v for k in ("nir", "email", "phone", "iban") if (v := (row.get(k) or "").strip()))
    return values


def test_dpo_reports_render_in_chromium_without_identifiers(demo_run, local_browser, artifacts_dir, tmp_path):
    settings, _results = demo_run
    reports = settings.reports
    pages = sorted(reports.glob("*.html"))
    slugs = {p.stem for p in pages}
    assert {
        "index",
        "audit_log",
        "requests",
        "consent",
        "retention",
        "processing_register",
        "landing_ledger",
        "publication_log",
    } <= slugs

    for page in pages:
        local = local_browser()
        local.page.goto(page.as_uri(), wait_until="load")
        assert local.external_requests == [], (page.name, local.external_requests)
        assert local.console_errors == [], (page.name, local.console_errors)
        assert "Responsable du traitement" in local.page.inner_text("main")
        local.page.screenshot(path=str(artifacts_dir / f"dpo-{page.stem}.png"), full_page=True)
        local.page.close()

    # charts are drawn where a picture says more
    for slug in ("landing_ledger", "consent", "audit_log"):
        assert "<svg" in (reports / f"{slug}.html").read_text(encoding="utf-8"), slug
    # consent over time: the changes recorded at each landing, charted and reconciled with the ledger
    consent = (reports / "consent.html").read_text(encoding="utf-8")
    assert consent.count("<svg") >= 2 and "Consentements à chaque arrivée" in consent
    assert "Registre des effacements" in (reports / "requests.html").read_text(encoding="utf-8")

    # the audit log filters by type and by period
    local = local_browser()
    local.page.goto((reports / "audit_log.html").as_uri(), wait_until="load")
    rows = local.page.locator("#filtered tbody tr")
    total = rows.count()
    kinds = local.page.eval_on_selector_all("#f-kind option", "os => os.map(o => o.value).filter(v => v)")
    landing = next(k for k in kinds if k.startswith("Réception"))
    local.page.select_option("#f-kind", landing)
    shown = local.page.eval_on_selector_all(
        "#filtered tbody tr", "rs => rs.filter(r => r.style.display !== 'none').map(r => r.dataset.kind)"
    )
    assert 0 < len(shown) < total and set(shown) == {landing}
    local.page.select_option("#f-kind", "")
    local.page.fill("#f-from", "2999-01-01")
    local.page.dispatch_event("#f-from", "change")
    assert local.page.inner_text("#f-count").startswith("0 / ")
    local.page.close()

    # print stylesheet and PDF export (Debian's Chromium)
    work = tmp_path / "reports"
    shutil.copytree(reports, work)
    pdf = html_to_pdf(work / "consent.html", work / "consent.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 5000

    # no identifier of the inbox in any report file (text, CSV, JSON, Markdown)
    identifiers = _inbox_identifiers(settings)
    assert identifiers
    text = "\n".join(
        p.read_text(encoding="utf-8-sig") for p in reports.iterdir() if p.suffix in (".html", ".csv", ".json", ".md")
    )
    words = set(re.findall(r"[A-Za-z0-9@._+-]+", text))
    assert not identifiers & words
    # and the outbound gate passes on the pages a person reads
    from confiance.pipeline_inputs import pii_detector
    from governance.site import assert_outbound_clean

    assert_outbound_clean([reports / "index.html", reports / "requests.html", reports / "consent.html"], pii_detector())
