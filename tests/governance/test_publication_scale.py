"""Employer publication at scale: PDFs printed several at a time, each employer's rows found without one pass over
the marts per employer. Real Chromium, real Arrow tables; what is checked is what a consumer gets."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from confiance import browser
from governance.employer_report import PDF_MARGIN, print_pdfs
from governance.publish import _split_by_employer

_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def _page_count(pdf: Path) -> int:
    return len(_PAGE.findall(pdf.read_bytes()))


def _pages(folder: Path, sizes: list[int]) -> list[Path]:
    """One HTML file per entry of ``sizes``, printing to that many A4 pages (a forced break between pages)."""
    out = []
    for n, size in enumerate(sizes):
        page = folder / f"p{n}" / "rapport_fr.html"
        page.parent.mkdir()
        body = "".join(
            f'<section style="page-break-after: always"><h1>Employeur {n}, page {i + 1}</h1></section>'
            for i in range(size)
        )
        page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
        out.append(page)
    return out


def test_pages_in_flight_give_each_page_its_own_pdf(tmp_path: Path) -> None:
    sizes = [3, 1, 5, 2, 4, 1, 2]
    pages = _pages(tmp_path, sizes)
    pdfs = print_pdfs(pages, in_flight=3)
    assert pdfs == [p.with_name("rapport_fr.pdf") for p in pages]
    assert [_page_count(p) for p in pdfs] == sizes  # each PDF printed from its own page, none swapped


def test_in_flight_prints_what_one_at_a_time_prints(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "many").mkdir()
    one, many = _pages(tmp_path / "one", [2, 3]), _pages(tmp_path / "many", [2, 3])
    browser.print_pages([(h, h.with_suffix(".pdf")) for h in one], margin=PDF_MARGIN, in_flight=1)
    browser.print_pages([(h, h.with_suffix(".pdf")) for h in many], margin=PDF_MARGIN, in_flight=2)
    for a, b in zip(one, many, strict=True):
        pa_, pb = a.with_suffix(".pdf"), b.with_suffix(".pdf")
        assert _page_count(pa_) == _page_count(pb)
        # same renderer, same page: sizes within a few bytes (dates and ids differ)
        assert abs(pa_.stat().st_size - pb.stat().st_size) < 200


def test_a_page_that_reaches_out_is_refused_by_name(tmp_path: Path) -> None:
    pages = _pages(tmp_path, [1, 1, 1])
    leaky = pages[1].with_name("report_en.html")
    leaky.write_text('<html><body><img src="https://tracker.example.net/p.gif">x</body></html>', encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"report_en\.html: the page requested addresses outside the machine"):
        print_pdfs([pages[0], leaky, pages[2]], in_flight=2)


def test_in_flight_setting_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFIANCE_PDF_IN_FLIGHT", "0")
    with pytest.raises(ValueError, match="CONFIANCE_PDF_IN_FLIGHT='0'"):
        browser.pdf_in_flight()
    monkeypatch.setenv("CONFIANCE_PDF_IN_FLIGHT", "2")
    assert browser.pdf_in_flight() == 2
    monkeypatch.delenv("CONFIANCE_PDF_IN_FLIGHT")
    assert browser.pdf_in_flight() == browser.PDF_IN_FLIGHT


def test_split_by_employer_is_the_filter_per_employer() -> None:
    rng = random.Random(7)
    sirets = [f"{rng.randrange(10**13, 10**14)}" for _ in range(40)]
    rows = [rng.choice(sirets) for _ in range(3000)]
    values = list(range(len(rows)))
    # several chunks, as a table read from the warehouse may come
    table = pa.Table.from_batches(
        [
            pa.record_batch({"employer_siret": rows[i : i + 700], "v": values[i : i + 700]})
            for i in range(0, len(rows), 700)
        ]
    )
    split = _split_by_employer(table)
    assert set(split) == set(rows)
    for siret in set(rows):
        expected = table.filter(pc.equal(table.column("employer_siret"), siret))
        assert split[siret].equals(expected)  # same rows, same order
    assert sum(t.num_rows for t in split.values()) == table.num_rows


def test_leaving_without_finish_stops_the_printing(tmp_path: Path) -> None:
    """A refusal (the PII scan, a bad release) leaves the block: the pages not printed yet are not printed, and
    nothing is left running."""
    pages = _pages(tmp_path, [1] * 12)
    with browser.PagePrinter(margin=PDF_MARGIN, in_flight=1) as printer:
        for page in pages:
            printer.submit(page, page.with_suffix(".pdf"))
    assert not printer._thread.is_alive()
    assert sum(p.with_suffix(".pdf").exists() for p in pages) < len(pages)


def test_a_missing_browser_is_said_at_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFIANCE_CHROMIUM", str(tmp_path / "no-chromium"))
    pages = _pages(tmp_path, [1])
    with pytest.raises(browser.BrowserUnavailable, match="Chromium not found"):
        print_pdfs(pages)
    assert not pages[0].with_name("rapport_fr.pdf").exists()
