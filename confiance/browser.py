"""Headless Chromium for documents people read: PDF export and screenshots, nothing downloaded.

Playwright drives Debian's Chromium (``/usr/bin/chromium``, installed by ``make install``); a
browser is never downloaded. Every page is opened with a request filter: anything that is not a
local file, ``data:``/``blob:`` URL or a loopback address is aborted and recorded, so a report that
tries to reach the internet is caught (``LocalPage.external_requests``) instead of phoning home.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
LOCAL_SCHEMES = {"file", "data", "blob", "about"}


class BrowserUnavailable(RuntimeError):
    """Chromium is not installed (``make install`` installs Debian's package)."""


def chromium_path() -> str:
    """Path of the Chromium executable: ``CONFIANCE_CHROMIUM`` or Debian's package."""
    explicit = os.environ.get("CONFIANCE_CHROMIUM")
    candidates = (explicit,) if explicit else CHROMIUM_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found and not explicit:
        return found
    raise BrowserUnavailable(
        "Chromium not found (looked for "
        + ", ".join(c for c in candidates if c)
        + "); `make install` installs Debian's chromium package"
    )


def is_local_url(url: str) -> bool:
    """True for file/data/blob/about URLs and for loopback HTTP(S) addresses."""
    parsed = urlparse(url)
    if parsed.scheme in LOCAL_SCHEMES:
        return True
    return parsed.scheme in {"http", "https", "ws", "wss"} and (parsed.hostname or "") in LOCAL_HOSTS


@dataclass
class LocalPage:
    """A Playwright page plus what it tried to fetch from outside the machine."""

    page: object
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


_SHARED: dict[str, object] = {}


def _browser() -> object:
    """One Chromium per process, started on first use (Playwright's sync API cannot nest)."""
    if "browser" not in _SHARED:
        import atexit

        from playwright.sync_api import sync_playwright

        executable = chromium_path()
        pw = sync_playwright().start()
        browser = pw.chromium.launch(
            executable_path=executable,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"],
        )
        _SHARED.update(playwright=pw, browser=browser)
        atexit.register(close)
    return _SHARED["browser"]


def close() -> None:
    """Stop the shared Chromium (also registered at exit)."""
    browser, pw = _SHARED.pop("browser", None), _SHARED.pop("playwright", None)
    try:
        if browser is not None:
            browser.close()
    finally:
        if pw is not None:
            pw.stop()


@contextmanager
def local_browser(viewport: tuple[int, int] = (1280, 900)) -> Iterator[object]:
    """A headless Chromium context whose pages can only reach local addresses.

    Yields a factory: ``new_page() -> LocalPage``. Non-local requests are aborted and recorded.
    The context (cookies, storage) is discarded on exit; the browser process is shared.
    """
    context = _browser().new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        locale="fr-FR",
        service_workers="block",
    )
    try:

        def new_page() -> LocalPage:
            page = context.new_page()
            record = LocalPage(page=page)

            def route(route_, request) -> None:
                if is_local_url(request.url):
                    route_.continue_()
                else:
                    record.external_requests.append(request.url)
                    route_.abort()

            page.route("**/*", route)
            page.on(
                "console",
                lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None,
            )
            page.on("pageerror", lambda exc: record.console_errors.append(str(exc)))
            return record

        yield new_page
    finally:
        context.close()


def html_to_pdf(html: Path, pdf: Path, *, landscape: bool = False) -> Path:
    """Print a local HTML file to PDF with Chromium (A4, print stylesheet, backgrounds kept)."""
    html, pdf = Path(html).resolve(), Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    tmp = pdf.with_name(pdf.name + ".part")
    with local_browser() as new_page:
        local = new_page()
        local.page.goto(html.as_uri(), wait_until="load")
        local.page.emulate_media(media="print")
        local.page.pdf(
            path=str(tmp),
            format="A4",
            landscape=landscape,
            print_background=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
        )
        if local.external_requests:
            tmp.unlink(missing_ok=True)
            raise RuntimeError(
                f"{html.name}: refused to print, the page requested non-local addresses: "
                + ", ".join(sorted(set(local.external_requests))[:5])
            )
    os.replace(tmp, pdf)
    return pdf


def screenshot(html_or_url: str | Path, png: Path, *, full_page: bool = True) -> list[str]:
    """Screenshot a local page; returns the non-local requests it attempted (aborted)."""
    target = html_or_url if isinstance(html_or_url, str) else Path(html_or_url).resolve().as_uri()
    png.parent.mkdir(parents=True, exist_ok=True)
    with local_browser() as new_page:
        local = new_page()
        local.page.goto(target, wait_until="load")
        local.page.screenshot(path=str(png), full_page=full_page)
        return list(local.external_requests)
