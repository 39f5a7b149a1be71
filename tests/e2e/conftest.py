"""End-to-end fixtures: real Chromium (Debian's package) with the built extension, the real Vesko server,
and local copies of marketplace pages served under the marketplaces' own addresses.

Requests to https://www.ozon.ru/... and the other marketplaces are answered by Playwright from
tests/fixtures/marketplaces/<site>/ (any page path → that folder's index.html), so the extension's URL
patterns and host permissions are the real ones, https included (several of these hosts are HSTS-preloaded),
and no request leaves the machine. Pages on 127.0.0.1 come from a real local HTTP server.
"""
from __future__ import annotations

import http.server
import mimetypes
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from tests.live_service import running

ROOT = Path(__file__).resolve().parents[2]
SITES = ROOT / "tests" / "fixtures" / "marketplaces"
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: host name -> the fixture folder that plays it
HOSTS = {
    "www.ozon.ru": "ozon",
    "www.wildberries.ru": "wildberries",
    "market.yandex.ru": "yandex_market",
    "aliexpress.ru": "aliexpress",
    "www.amazon.com": "amazon",
    "www.ebay.com": "ebay",
}

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")


def fixture_file(site: str, path: str) -> Path:
    """The file that plays `path` on `site`: node_modules for React, else the site's file or its index.html."""
    path = path.split("?", 1)[0]
    if path.startswith("/node_modules/"):
        return ROOT / path.lstrip("/")
    candidate = SITES / site / path.lstrip("/")
    return candidate if candidate.is_file() else SITES / site / "index.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """127.0.0.1: the generic shop page (a site no adapter knows)."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        return str(fixture_file("generic", path))


@pytest.fixture(scope="session")
def marketplace_port():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SiteHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


@pytest.fixture(scope="session")
def extension_dir():
    from scripts.build_extension import build

    build("chrome")
    return ROOT / "dist" / "chrome"


@pytest.fixture(scope="session")
def vesko_url():
    with running(RATE_LIMIT="") as url:
        yield url


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


class Browser:
    """Chromium with the extension loaded, and what a test needs: pages, the panel, the extension's own context."""

    def __init__(self, context, port: int):
        self.context = context
        self.port = port
        worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
        self.extension_id = worker.url.split("/")[2]
        self.console_errors: list[str] = []
        for host, site in HOSTS.items():
            context.route(f"https://{host}/**", self._site_handler(site))
        # An extension document (its manifest.json) to talk to the extension from: the service worker itself
        # may be stopped and restarted by Chromium between calls.
        self.extension_page = context.new_page()
        self.extension_page.goto(f"chrome-extension://{self.extension_id}/manifest.json")

    @staticmethod
    def _site_handler(site: str):
        def fulfil(route) -> None:
            file = fixture_file(site, "/" + route.request.url.split("/", 3)[3])
            route.fulfill(status=200, body=file.read_bytes(), content_type=mimetypes.guess_type(file.name)[0] or "text/html")

        return fulfil

    def _watch(self, page, name: str):
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{name}: {m.text}"))
        page.on("pageerror", lambda e: self.console_errors.append(f"{name}: {e}"))
        return page

    def page(self, host: str, path: str = "/"):
        """A marketplace page as the buyer opens it (127.0.0.1: the local shop, over http)."""
        page = self._watch(self.context.new_page(), host)
        page.goto(f"http://127.0.0.1:{self.port}{path}" if host == "127.0.0.1" else f"https://{host}{path}")
        return page

    def send(self, message: dict) -> dict:
        """A message to the service worker, as the panel sends it."""
        return self.extension_page.evaluate("(message) => chrome.runtime.sendMessage(message)", message)

    def settings(self, **settings) -> None:
        self.extension_page.evaluate(
            "async (changes) => { const {settings = {}} = await chrome.storage.local.get('settings');"
            " await chrome.storage.local.set({settings: {...settings, ...changes}}); }",
            settings,
        )

    def tab_id(self, page) -> int:
        return self.extension_page.evaluate("async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id", page.url)

    def panel(self, for_page):
        """The side panel's page, opened as a tab that works on `for_page`'s tab (automation cannot click the
        toolbar button that opens the real side panel; the page is the same)."""
        panel = self._watch(self.context.new_page(), "panel")
        panel.goto(f"chrome-extension://{self.extension_id}/panel/panel.html?tab={self.tab_id(for_page)}")
        return panel

    def options(self):
        page = self._watch(self.context.new_page(), "options")
        page.goto(f"chrome-extension://{self.extension_id}/options/options.html")
        return page

    def screenshot(self, page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def browser(playwright_instance, extension_dir, marketplace_port, vesko_url):
    context = playwright_instance.chromium.launch_persistent_context(
        tempfile.mkdtemp(prefix="vesko-chromium-"),
        executable_path=CHROMIUM,
        headless=True,
        viewport={"width": 420, "height": 900},
        args=[
            "--no-sandbox",
            f"--disable-extensions-except={extension_dir}",
            f"--load-extension={extension_dir}",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    )
    browser = Browser(context, marketplace_port)
    browser.settings(serverUrl=vesko_url)  # the test server, not the default 127.0.0.1:8000
    yield browser
    context.close()
