"""The organiser's dashboard in real headless Chromium against the real server (gunicorn): a database made
with `vesko db upgrade`, a group made with `vesko groups create`, fifty members' submissions sent through
the API; then the organiser signs in, sees the charts drawn with those counts, filters, downloads the CSV.

The pages are served here under a strict Content-Security-Policy (no script at all, styles only from
files): any inline script or style the dashboard grew would show up as a console error.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, SCREENSHOTS
from tests.groups.stories import PHONE, fifty
from tests.live_service import running

STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
NO_LIMITS = {"RATE_LIMIT": "", "SUBMISSION_RATE_LIMIT": "", "SUBMISSION_RATE_LIMIT_PER_GROUP": ""}


def vesko(database_url: str, *args: str) -> str:
    command = [str(Path(sys.executable).parent / "vesko"), *args]
    env = {**os.environ, "VESKO_DATABASE_URL": database_url}
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def share(url: str, group: dict, body: dict) -> None:
    """A member's submission, through the API as the extension sends it."""
    request = urllib.request.Request(
        f"{url}/api/v1/groups/{group['slug']}/submissions",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-Vesko-Join-Code": group["join_code"]},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201


@pytest.fixture(scope="module")
def seeded_service(tmp_path_factory):
    """The real server on a fresh SQLite file holding one group and the fifty stories."""
    database_url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'vesko.db'}"
    vesko(database_url, "db", "upgrade")
    group = json.loads(vesko(database_url, "groups", "create", "--name", "Общество защиты прав потребителей", "--json"))
    with running(DATABASE_URL=database_url, SECRET_KEY="e2e-" + "k" * 40, **NO_LIMITS) as url:
        for body in fifty():
            share(url, group, body)
        yield url, group


@pytest.fixture
def organiser(playwright_instance):
    """A plain Chromium (no extension): the organiser's own browser, on a desktop-sized window."""
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="ru-RU")

    def strict_policy(route):
        response = route.fetch(max_redirects=0)  # the browser follows redirects itself, as without us
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    context.route(lambda url: "/export/" not in url, strict_policy)  # downloads are not documents
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.unroute_all(behavior="ignoreErrors")  # a request still in the handler must not fail the teardown
    context.close()
    browser.close()


def printed_values(page, chart: str) -> list[int]:
    """The numbers drawn on a chart's bars: what the organiser reads off the SVG."""
    return [int(text) for text in page.locator(f"#chart-{chart} svg .text-overlay text.value").all_text_contents()]


def test_the_organiser_signs_in_sees_the_charts_filters_and_downloads_the_csv(seeded_service, organiser):
    url, group = seeded_service
    page = organiser
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(f"{url}/groups/{group['slug']}")
    expect(page).to_have_url(f"{url}/groups/{group['slug']}/login")
    page.get_by_label("Токен администратора").fill("not-the-token")
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("alert")).to_contain_text("Это не токен администратора")
    page.get_by_label("Токен администратора").fill(group["admin_token"])
    page.get_by_role("button", name="Войти").click()

    expect(page).to_have_url(f"{url}/groups/{group['slug']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Общество защиты прав потребителей")
    expect(page.locator("#figure-count")).to_have_text("50")
    expect(page.locator("svg.pygal-chart")).to_have_count(6)
    ratings = Counter(body["answers"]["rating"] for body in fifty())
    assert printed_values(page, "rating") == [ratings[stars] for stars in range(1, 6)]
    expect(page.locator("#chart-rating svg rect.rect")).to_have_count(5)
    bars = page.locator("#chart-rating svg rect.rect").evaluate_all("(rects) => rects.map((r) => r.getBBox().height)")
    assert all(height > 10 for height in bars)  # drawn, not just present
    sellers = Counter(body["seller"] for body in fifty())
    assert sorted(printed_values(page, "sellers")) == sorted(sellers.values())
    box = page.locator("#chart-rating svg").bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    expect(page.locator("table.latest tbody tr")).to_have_count(20)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)

    page.get_by_label("Маркетплейс").select_option("wildberries")
    page.get_by_role("button", name="Применить").click()
    wildberries = [body for body in fifty() if body["marketplace"] == "wildberries"]
    expect(page.locator("#figure-count")).to_have_text(str(len(wildberries)))
    assert "marketplace=wildberries" in page.url
    assert sum(printed_values(page, "rating")) == len(wildberries)
    expect(page.locator("table.latest tbody tr")).to_have_count(len(wildberries))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Скачать CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith(group["slug"]) and download.suggested_filename.endswith(".csv")
    content = Path(download.path()).read_bytes().decode("utf-8")
    assert content.startswith("\ufeff")  # Excel reads the Cyrillic right
    rows = list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows) == len(wildberries) and {row["marketplace"] for row in rows} == {"wildberries"}
    assert Counter(row["seller"] for row in rows) == Counter(body["seller"] for body in wildberries)
    assert PHONE not in content and "[скрыто]" in content

    page.get_by_role("button", name="Выйти").click()
    expect(page).to_have_url(f"{url}/groups/{group['slug']}/login")
    assert all(address.startswith(url) for address in requested), "the dashboard asked another site for something"
    # The one expected: Chromium logs the refused sign-in (403) at the start. No CSP violation, nothing else.
    assert [error for error in page.console_errors if "status of 403" not in error] == []
