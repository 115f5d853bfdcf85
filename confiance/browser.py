"""Headless Chromium for documents people read: PDF export and screenshots, nothing downloaded.

Playwright drives Debian's Chromium (``/usr/bin/chromium``, installed by ``make install``); a
browser is never downloaded. Every page is opened with a request filter: anything that is not a
local file, ``data:``/``blob:`` URL or a loopback address is aborted and recorded, so a report that
tries to reach the internet is caught (``LocalPage.external_requests``) instead of phoning home.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
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


#: Pages printed at once by :func:`print_pages`: Chromium renders and prints each in its own renderer, so a few
#: in flight keep both cores busy while Python and Playwright's driver wait on one. ``CONFIANCE_PDF_IN_FLIGHT``
#: overrides it (1 prints one page at a time, as before).
PDF_IN_FLIGHT = 4


def pdf_in_flight() -> int:
    raw = os.environ.get("CONFIANCE_PDF_IN_FLIGHT", "").strip()
    if not raw:
        return PDF_IN_FLIGHT
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"CONFIANCE_PDF_IN_FLIGHT={raw!r}: expected a whole number of pages, at least 1")
    return int(raw)


def print_pages(
    jobs: list[tuple[Path, Path]],
    *,
    margin: dict[str, str],
    landscape: bool = False,
    in_flight: int | None = None,
) -> list[Path]:
    """Print each local page ``(html, pdf)`` to PDF (A4, print stylesheet, backgrounds kept), several in flight
    (:class:`PagePrinter`). Raises RuntimeError naming the first page, in ``jobs``' order, that requested an
    address outside the machine."""
    with PagePrinter(margin=margin, landscape=landscape, in_flight=in_flight) as printer:
        for html, pdf in jobs:
            printer.submit(html, pdf)
        return printer.finish()


class PagePrinter:
    """Local pages printed to PDF while the caller goes on: one headless Chromium, ``in_flight`` pages at once.

    ``submit(html, pdf)`` queues a page and returns at once; :meth:`finish` waits for every page queued and raises
    the first failure: a page that requested an address outside the machine (RuntimeError naming it; the first in
    the order pages were submitted), or the browser's own error. Leaving the ``with`` block without
    :meth:`finish` (an error, a refusal) stops the printing and waits for the browser to close: nothing is left
    running, and PDFs already written stay in the caller's folder, which the caller discards.

    The browser's context is :func:`local_browser`'s (same viewport and locale, no service worker, every request not
    local aborted and recorded); each page is opened, printed and closed on its own. Playwright's asyncio API runs
    on a thread of its own, so a caller that already holds the shared synchronous browser is not disturbed.
    """

    def __init__(
        self,
        *,
        margin: dict[str, str],
        landscape: bool = False,
        in_flight: int | None = None,
        viewport: tuple[int, int] = (1280, 900),
    ) -> None:
        self.margin, self.landscape, self.viewport = margin, landscape, viewport
        self.in_flight = in_flight or pdf_in_flight()
        self.jobs: list[tuple[Path, Path]] = []
        self.external: list[list[str]] = []
        self.error: BaseException | None = None
        self._ready = threading.Event()
        self._stop = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[int | None] | None = None
        self._thread: threading.Thread | None = None
        self._finished = False

    def __enter__(self) -> PagePrinter:
        self._thread = threading.Thread(target=self._run, name="pdf-printer", daemon=True)
        self._thread.start()
        self._ready.wait()
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._finished:
            self._stop = True
            self._close_queue()
            self._join()

    def submit(self, html: Path, pdf: Path) -> None:
        """Queue ``html`` to be printed to ``pdf``."""
        if self._finished:
            raise RuntimeError("PagePrinter: submit after finish")
        index = len(self.jobs)
        self.jobs.append((Path(html), Path(pdf)))
        self.external.append([])
        if self._loop is not None and self._queue is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._queue.put_nowait, index)
            except RuntimeError:  # the loop ended (the browser failed): finish() says why
                pass

    def finish(self) -> list[Path]:
        """Wait for every queued page; the PDFs, in the order submitted."""
        self._close_queue()
        self._join()
        self._finished = True
        if self.error is not None:
            raise self.error
        for (html, _pdf), requested in zip(self.jobs, self.external, strict=True):
            if requested:
                raise RuntimeError(f"{html.name}: the page requested addresses outside the machine")
        return [pdf for _html, pdf in self.jobs]

    def _close_queue(self) -> None:
        if self._loop is not None and self._queue is not None and not self._loop.is_closed():
            try:
                for _ in range(self.in_flight):
                    self._loop.call_soon_threadsafe(self._queue.put_nowait, None)
            except RuntimeError:
                pass

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # noqa: BLE001 - kept and raised by finish() in the caller's thread
            self.error = self.error or exc
        finally:
            self._ready.set()

    async def _main(self) -> None:
        from playwright.async_api import async_playwright

        self._loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue()
        self._ready.set()
        executable = chromium_path()
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=executable,
                headless=True,
                args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"],
            )
            try:
                context = await browser.new_context(
                    viewport={"width": self.viewport[0], "height": self.viewport[1]},
                    locale="fr-FR",
                    service_workers="block",
                )
                await asyncio.gather(*(self._worker(context) for _ in range(self.in_flight)))
                await context.close()
            finally:
                await browser.close()

    async def _worker(self, context: object) -> None:
        assert self._queue is not None
        while True:
            index = await self._queue.get()
            if index is None:
                return
            if self._stop or self.error is not None:
                continue  # drain: a failure or a stop prints nothing more
            try:
                await self._print(context, index)
            except Exception as exc:  # noqa: BLE001 - the first failure is raised by finish()
                self.error = self.error or exc

    async def _print(self, context: object, index: int) -> None:
        html, pdf = self.jobs[index]
        record = self.external[index]
        page = await context.new_page()  # type: ignore[attr-defined]

        async def route(route_, request) -> None:
            if is_local_url(request.url):
                await route_.continue_()
            else:
                record.append(request.url)
                await route_.abort()

        try:
            await page.route("**/*", route)
            await page.goto(html.resolve().as_uri(), wait_until="load")
            await page.emulate_media(media="print")
            await page.pdf(
                path=str(pdf), format="A4", landscape=self.landscape, print_background=True, margin=self.margin
            )
        finally:
            await page.close()
