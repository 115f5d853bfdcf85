"""Great Expectations Data Docs that stay home: no CDN, no logo from GX's servers, no external link.

GX renders its Data Docs with scripts and styles from eight CDNs and a logo
fetched from its servers with the data context id in the address. For an
HDS-style host that is both broken offline and a request leaving the machine.
:func:`make_offline` rewrites every page and stylesheet after each build:
known assets point to the copies vendored in ``quality/static/data_docs``
(copied into ``data_docs/static/vendor``), GX's logo to the local one, external
links lose their address, and anything external left is removed and reported.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

VENDOR_DIR = Path(__file__).resolve().parent / "static" / "data_docs"
VENDOR = "static/vendor"
LOGO = "static/images/logo-long.png"

#: Every external asset GX Data Docs load, and its vendored copy (relative to ``VENDOR_DIR``).
ASSETS = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js": (
        "bootstrap-table-filter-control.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css": (
        "bootstrap-table-filter-control.min.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css": (
        "bootstrap-table-filter-control.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js": (
        "bootstrap-datepicker.min.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css": (
        "bootstrap-datepicker.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "css/fontawesome-all.min.css",
    "https://cdn.jsdelivr.net/npm/vega@5": "vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": (
        "bootstrap-prefers-dark.css"
    ),
}

_GX_ASSET = re.compile(r"https://great-expectations-web-assets\.[^\"')\s]*")
_SRI = re.compile(r"\s(?:integrity|crossorigin)=\"[^\"]*\"")
_EXTERNAL_LINK = re.compile(r"(<a\b[^>]*?)\s+href=\"https?://[^\"]*\"", re.IGNORECASE)
_EXTERNAL_ATTR = re.compile(r"\s(src|href|srcset)=\"(https?://[^\"]*)\"", re.IGNORECASE)
_EXTERNAL_URL = re.compile(r"url\(\s*['\"]?(https?://[^'\")]*)['\"]?\s*\)", re.IGNORECASE)


def _relative(target: str, page: Path, root: Path) -> str:
    return os.path.relpath(root / target, page.parent).replace(os.sep, "/")


def offline_text(text: str, page: Path, root: Path) -> tuple[str, list[str]]:
    """One page or stylesheet of the Data Docs without external request; also what had to be removed."""
    for url, local in ASSETS.items():
        text = text.replace(url, _relative(f"{VENDOR}/{local}", page, root))
    text = _GX_ASSET.sub(_relative(LOGO, page, root), text)
    text = _SRI.sub("", text)
    text = _EXTERNAL_LINK.sub(r"\1", text)
    removed: list[str] = []

    def drop_attr(match: re.Match[str]) -> str:
        removed.append(match.group(2))
        return ""

    def drop_url(match: re.Match[str]) -> str:
        removed.append(match.group(1))
        return "none"

    text = _EXTERNAL_ATTR.sub(drop_attr, text)
    text = _EXTERNAL_URL.sub(drop_url, text)
    return text, removed


def make_offline(docs_dir: Path, since: float | None = None) -> int:
    """Rewrite the Data Docs under ``docs_dir`` to load nothing from outside; returns the files rewritten.

    ``since`` (a time stamp): only the pages and stylesheets written since then are read, the others having been
    made offline by an earlier call (a partial build of the Data Docs rewrites only its own pages)."""
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        return 0
    vendor = docs_dir / VENDOR
    if vendor.exists():
        shutil.rmtree(vendor)
    shutil.copytree(VENDOR_DIR, vendor, ignore=shutil.ignore_patterns("README.md"))
    rewritten = 0
    for path in sorted([*docs_dir.rglob("*.html"), *docs_dir.rglob("*.css")]):
        if vendor in path.parents:
            continue
        if since is not None and path.stat().st_mtime < since:
            continue
        text = path.read_text(encoding="utf-8")
        new, removed = offline_text(text, path, docs_dir)
        for url in sorted(set(removed)):
            host = re.sub(r"^https?://([^/]+).*$", r"\1", url)
            log.warning("Data Docs %s: external asset from %s removed (not vendored)", path.name, host)
        if new != text:
            path.write_text(new, encoding="utf-8")
            rewritten += 1
    return rewritten
