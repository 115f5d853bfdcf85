"""The shared headless-Chromium helper: PDF export, screenshots, and no request leaves the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from confiance import browser


def test_local_urls_are_told_apart() -> None:
    assert browser.is_local_url("file:///tmp/x.html")
    assert browser.is_local_url("data:image/png;base64,AAAA")
    assert browser.is_local_url("http://127.0.0.1:8000/index.html")
    assert browser.is_local_url("http://localhost/x")
    assert not browser.is_local_url("https://cdn.jsdelivr.net/npm/x.js")
    assert not browser.is_local_url("http://127.0.0.1.example.com/x")


def test_external_requests_are_aborted_and_recorded(tmp_path: Path, local_browser) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><link rel="stylesheet" href="https://cdn.example.org/a.css">'
        '<script src="http://203.0.113.7/t.js"></script></head>'
        '<body><h1 id="t">Rapport annuel</h1></body></html>',
        encoding="utf-8",
    )
    local = local_browser()
    local.page.goto(page.as_uri(), wait_until="load")
    assert local.page.inner_text("#t") == "Rapport annuel"
    assert sorted(local.external_requests) == ["http://203.0.113.7/t.js", "https://cdn.example.org/a.css"]


def test_pdf_of_a_local_page(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text("<html><body><h1>Reste à charge</h1></body></html>", encoding="utf-8")
    pdf = browser.html_to_pdf(page, tmp_path / "r.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 1000
    assert not (tmp_path / "r.pdf.part").exists()


def test_pdf_refused_when_the_page_reaches_out(tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    page.write_text('<html><body><img src="https://tracker.example.net/p.gif"></body></html>', encoding="utf-8")
    with pytest.raises(RuntimeError, match="non-local"):
        browser.html_to_pdf(page, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
