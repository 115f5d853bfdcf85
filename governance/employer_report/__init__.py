"""What an employer receives, beside its published Parquet tables: a report it can read and copies it can use.

For each employer folder the publication gate stages (governance/publish.py), :func:`build_documents` writes,
from the very tables written to that folder:

* ``rapport_fr.html`` and ``report_en.html``: one self-contained page per language (inline CSS, charts drawn
  at build time as inline SVG, no script, nothing loaded from anywhere), and ``rapport_fr.pdf`` /
  ``report_en.pdf``, each page printed by headless Chromium (confiance/browser.py);
* ``donnees.xlsx`` and ``*.csv`` (UTF-8 with BOM, ``;``) with a column dictionary;
* ``LISEZMOI.txt``: the files, and how to verify them without Confiance (OpenSSL or a Python one-liner);
* ``SHA256SUMS``: the checksums of every file, in sha256sum's format.

The release's status is decided here from what is actually published (:func:`model.release_status`): an
employer is told its figures are reported only when at least one of its own cells is. The gate signs the
folder, swaps it in atomically and writes the delivery index (:mod:`delivery`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from governance.employer_report import exports, render
from governance.employer_report.model import (
    EmployerDelivery,
    EmployerRelease,
    ReleaseError,
    build_release,
)

if TYPE_CHECKING:
    from confiance.browser import PagePrinter

CHECKSUMS = "SHA256SUMS"
PDFS = {"rapport_fr.html": "rapport_fr.pdf", "report_en.html": "report_en.pdf"}  # each page, printed

__all__ = [
    "CHECKSUMS",
    "EmployerDelivery",
    "EmployerRelease",
    "ReleaseError",
    "build_documents",
    "build_release",
    "pdf_of",
    "pdf_printer",
    "print_pdfs",
    "write_checksums",
]


def build_documents(
    folder: Path,
    siret: str,
    tables: dict[str, pa.Table],
    *,
    name: str | None,
    run_id: str,
    published_at: str,
    k: int,
    min_employers: int,
    key_fingerprint: str,
) -> tuple[EmployerRelease, list[Path]]:
    """Write the report pages, CSV/XLSX copies and LISEZMOI.txt into ``folder``; return the release and the
    HTML pages to print (PDFs come from :func:`print_pdfs`)."""
    release = build_release(
        siret, tables, name=name, run_id=run_id, published_at=published_at, k=k, min_employers=min_employers
    )
    pages = render.write_pages(release, folder)
    exports.write_csvs(release, folder)
    exports.write_workbook(release, folder, render.statement(release, "fr"), render.statement(release, "en"))
    exports.write_readme(release, folder, key_fingerprint)
    return release, [p for p in pages if p.name in PDFS]


#: The employers' PDFs' page margins (A4, print stylesheet, backgrounds kept).
PDF_MARGIN = {"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"}


def print_pdfs(pages: list[Path], *, in_flight: int | None = None) -> list[Path]:
    """Print every page to PDF beside it, in one headless Chromium whose pages can reach nothing outside, a few
    pages in flight at once (:func:`pdf_printer`).

    Raises RuntimeError naming the page if one tried to load anything from outside the machine.
    """
    with pdf_printer(in_flight=in_flight) as printer:
        for html in pages:
            printer.submit(html, pdf_of(html))
        return printer.finish()


def pdf_of(html: Path) -> Path:
    """Where a report page's PDF is written: beside it (``rapport_fr.html`` -> ``rapport_fr.pdf``)."""
    return html.with_name(PDFS[html.name])


def pdf_printer(*, in_flight: int | None = None) -> PagePrinter:
    """A printer of report pages (confiance.browser.PagePrinter, the employers' margins): pages are printed while
    the caller goes on building the next employers' documents. ``in_flight`` defaults to
    ``CONFIANCE_PDF_IN_FLIGHT``, else 4."""
    from confiance.browser import PagePrinter

    return PagePrinter(margin=PDF_MARGIN, in_flight=in_flight)


def write_checksums(folder: Path, names: list[str]) -> Path:
    """SHA256SUMS in the format ``sha256sum -c`` reads: one ``<hex>  <name>`` line per file."""
    lines = []
    for name in sorted(names):
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        lines.append(f"{digest}  {name}\n")
    path = folder / CHECKSUMS
    path.write_text("".join(lines), encoding="utf-8")
    return path
