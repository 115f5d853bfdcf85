"""Great Expectations Data Docs made offline: every asset GX loads is vendored, nothing external is left."""

from __future__ import annotations

import re
from pathlib import Path

from quality.data_docs import ASSETS, VENDOR_DIR, make_offline

PAGE = """<html><head>
<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"
 integrity="sha384-x" crossorigin="anonymous">
<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>
<script src="https://cdn.example.org/unknown.js"></script>
<style>.logo { background:
 url('https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/full_logo_dark.png') }</style>
</head><body>
<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1&dataContextId=abc">
<a href="https://greatexpectations.io/newsletter?utm_source=datadocs">Subscribe</a>
<a href="../index.html">home</a>
</body></html>"""


def test_every_known_asset_is_vendored() -> None:
    for url, local in ASSETS.items():
        assert (VENDOR_DIR / local).is_file(), f"{url}: {local} not vendored"
    css = (VENDOR_DIR / "css" / "fontawesome-all.min.css").read_text(encoding="utf-8")
    for font in re.findall(r"url\(\.\./webfonts/([^)]+\.woff2)\)", css):
        assert (VENDOR_DIR / "webfonts" / font).is_file(), font


def test_pages_make_no_external_request_and_keep_their_local_links(tmp_path: Path, caplog) -> None:
    docs = tmp_path / "data_docs"
    page = docs / "validations" / "raw" / "benefits.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    (docs / "static" / "images").mkdir(parents=True)
    (docs / "static" / "images" / "logo-long.png").write_bytes(b"png")
    assert make_offline(docs) == 1
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"(src|href|srcset)=\"https?://", html), html
    assert not re.search(r"url\(\s*['\"]?https?://", html), html
    assert "dataContextId" not in html and "integrity=" not in html and "crossorigin" not in html
    assert 'src="../../static/vendor/jquery.min.js"' in html
    assert 'href="../../static/vendor/bootstrap.min.css"' in html
    assert 'src="../../static/images/logo-long.png"' in html
    assert '<a href="../index.html">home</a>' in html and "<a>Subscribe</a>" in html
    for ref in re.findall(r"(?:src|href)=\"([^\"#]+)\"", html):
        assert (page.parent / ref).resolve().is_file() or ref.endswith("index.html"), ref
    assert "cdn.example.org" in caplog.text  # an asset nobody vendored is removed and named
    assert make_offline(docs) == 0  # idempotent
