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

import pyarrow as pa

from governance.employer_report import exports, render
from governance.employer_report.model import (
    EmployerDelivery,
    EmployerRelease,
    ReleaseError,
    build_release,
)

CHECKSUMS = "SHA256SUMS"
PDFS = {"rapport_fr.html": "rapport_fr.pdf", "report_en.html": "report_en.pdf"}  # each page, printed

__all__ = [
    "CHECKSUMS",
    "EmployerDelivery",
    "EmployerRelease",
    "ReleaseError",
    "build_documents",
    "build_release",
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


def print_pdfs(pages: list[Path]) -> list[Path]:
    """Print every page to PDF beside it, in one headless Chromium whose pages can reach nothing outside.

    Raises RuntimeError naming the page if one tried to load anything from outside the machine.
    """
    from confiance.browser import local_browser

    out = []
    with local_browser() as new_page:
        for html in pages:
            pdf = html.with_name(PDFS[html.name])
            local = new_page()
            try:
                local.page.goto(html.resolve().as_uri(), wait_until="load")
                local.page.emulate_media(media="print")
                local.page.pdf(
                    path=str(pdf),
                    format="A4",
                    print_background=True,
                    margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"},
                )
                if local.external_requests:
                    raise RuntimeError(f"{html.name}: the page requested addresses outside the machine")
            finally:
                local.page.close()
            out.append(pdf)
    return out


def write_checksums(folder: Path, names: list[str]) -> Path:
    """SHA256SUMS in the format ``sha256sum -c`` reads: one ``<hex>  <name>`` line per file."""
    lines = []
    for name in sorted(names):
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        lines.append(f"{digest}  {name}\n")
    path = folder / CHECKSUMS
    path.write_text("".join(lines), encoding="utf-8")
    return path
