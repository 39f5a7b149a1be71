"""End-to-end fixtures: real Chromium (Debian's package) with the built extension, the real Vesko server,
and local copies of marketplace pages served under the marketplaces' own host names.

Chromium's --host-resolver-rules sends www.ozon.ru and the others to a local server that serves
tests/fixtures/marketplaces/<site>/, so the extension's URL patterns and host permissions are the real ones
and no request leaves the machine.
"""
from __future__ import annotations

import functools
import http.server
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
    "shop.example.test": "generic",
}

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the fixture folder of the requested host; any page path falls back to its index.html."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0]
        if path.startswith("/node_modules/"):
            return str(ROOT / path.lstrip("/"))
        site = SITES / HOSTS.get(self.headers.get("Host", "").split(":")[0], "generic")
        candidate = site / path.lstrip("/")
        return str(candidate if candidate.is_file() else site / "index.html")


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
    """Chromium with the extension loaded: its id, its service worker, and helpers a test needs."""

    def __init__(self, context, port: int):
        self.context = context
        self.port = port
        self.worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
        self.extension_id = self.worker.url.split("/")[2]
        self.console_errors: list[str] = []

    def page(self, host: str, path: str = "/"):
        """A marketplace page, as the buyer would open it (http: the fixture server speaks no TLS)."""
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(f"{host}: {m.text}"))
        page.goto(f"http://{host}:{self.port}{path}")
        return page

    def tab_id(self, page) -> int:
        return self.worker.evaluate("async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id", page.url)

    def panel(self, for_page):
        """The side panel's page, opened as a tab that works on `for_page`'s tab (automation cannot click the
        toolbar button that opens the real side panel; the page is the same)."""
        panel = self.context.new_page()
        panel.on("console", lambda m: m.type == "error" and self.console_errors.append(f"panel: {m.text}"))
        panel.on("pageerror", lambda e: self.console_errors.append(f"panel: {e}"))
        panel.goto(f"chrome-extension://{self.extension_id}/panel/panel.html?tab={self.tab_id(for_page)}")
        return panel

    def options(self):
        page = self.context.new_page()
        page.on("pageerror", lambda e: self.console_errors.append(f"options: {e}"))
        page.goto(f"chrome-extension://{self.extension_id}/options/options.html")
        return page

    def screenshot(self, page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def browser(playwright_instance, extension_dir, marketplace_port, vesko_url):
    rules = ",".join(f"MAP {host} 127.0.0.1:{marketplace_port}" for host in HOSTS)
    context = playwright_instance.chromium.launch_persistent_context(
        tempfile.mkdtemp(prefix="vesko-chromium-"),
        executable_path=CHROMIUM,
        headless=True,
        viewport={"width": 420, "height": 900},
        args=[
            "--no-sandbox",
            "--lang=ru",  # the buyer's browser speaks Russian; English is switched on in the options
            f"--disable-extensions-except={extension_dir}",
            f"--load-extension={extension_dir}",
            f"--host-resolver-rules={rules}",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    )
    browser = Browser(context, marketplace_port)
    # Point the extension at the test server (the default is 127.0.0.1:8000).
    browser.worker.evaluate("async (url) => chrome.storage.local.set({settings: {serverUrl: url}})", vesko_url)
    yield browser
    context.close()
