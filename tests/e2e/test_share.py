"""Sharing a review with the buyer's group, clicked through like a person would: the buyer pastes the group's
address and join code in the options, writes a review on Ozon, ticks "also share with my group" and presses
the button. The group's own server (a temporary database with one group, made with the organisers' command
line) receives exactly one submission, with the product and without the phone number the buyer typed.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.test_review_story import OZON_PATH, RU_ANSWERS, answer_flow, field
from tests.live_service import running

VESKO = str(Path(sys.executable).parent / "vesko")
NO_LIMITS = {"RATE_LIMIT": "", "SUBMISSION_RATE_LIMIT": "", "SUBMISSION_RATE_LIMIT_PER_GROUP": ""}
PHONE = "8 916 123-45-67"


@pytest.fixture(scope="module")
def group_server(tmp_path_factory):
    """The group's server: its own SQLite file, upgraded and given one group with `vesko groups create --json`."""
    database = f"sqlite:///{tmp_path_factory.mktemp('group-db') / 'vesko.db'}"
    env = {**os.environ, "VESKO_DATABASE_URL": database}
    subprocess.run([VESKO, "db", "upgrade"], env=env, check=True, capture_output=True)
    created = subprocess.run(
        [VESKO, "groups", "create", "--name", "Родители школы 5", "--slug", "school-5", "--json"],
        env=env, check=True, capture_output=True, text=True,
    )
    group = json.loads(created.stdout)
    with running(DATABASE_URL=database, **NO_LIMITS) as url:
        yield {**group, "url": url}


def export(group_server) -> list[dict]:
    """Every submission, as the organiser downloads them with the admin token."""
    request = urllib.request.Request(
        f"{group_server['url']}/api/v1/groups/{group_server['slug']}/export?format=json",
        headers={"Authorization": f"Bearer {group_server['admin_token']}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def save_group(options, address: str, join_code: str) -> None:
    options.get_by_label("Адрес группы").fill(address)
    options.get_by_label("Код для участников").fill(join_code)
    options.get_by_role("button", name="Запомнить группу").click()
    expect(options.locator("#group-result")).to_contain_text("Сохранено: группа school-5")


def network_log(message: str) -> bool:
    """Chromium's own line for an HTTP error answer (the 403 and 409 this story provokes on purpose)."""
    return bool(re.search(r"Failed to load resource: the server responded with a status of (403|409)", message))


def test_share_with_the_group(browser, group_server):
    browser.settings(uiLanguage="ru")
    address = f"{group_server['url']}/groups/{group_server['slug']}"

    # The buyer first types the join code wrong.
    options = browser.options()
    expect(options.get_by_role("heading", name="Моя группа")).to_be_visible()
    options.get_by_role("button", name="Запомнить группу").click()
    expect(options.locator("#group-result")).to_contain_text("Вставьте адрес группы")
    expect(options.get_by_label("Адрес группы")).to_be_focused()
    save_group(options, address, "AAAA-BBBB-CCCC")
    browser.screenshot(options, "31-options-group")

    page = browser.page("www.ozon.ru", OZON_PATH)
    panel = browser.panel(page)
    expect(panel.locator("#product-title")).to_have_text("Наушники Sony WH-1000XM5, чёрный")
    expect(panel.locator("#share")).to_be_hidden()  # nothing to share before the draft
    answer_flow(panel, RU_ANSWERS)
    expect(panel.locator("#editor-view")).to_be_visible()

    comment = field(panel, "comment")
    comment.click()
    comment.press("Control+End")
    comment.press_sequentially(f" Звоните {PHONE}.", delay=5)
    draft = comment.input_value()

    consent = panel.get_by_label("Отправить и в мою группу school-5")
    share = panel.get_by_role("button", name="Отправить в группу")
    expect(consent).not_to_be_checked()  # opt-in, every time
    expect(share).to_be_hidden()
    browser.screenshot(panel, "32-share-unticked")

    consent.check()
    share.click()
    expect(panel.locator("#share-result")).to_contain_text("Группа не приняла код участника")
    assert comment.input_value() == draft  # a refusal never touches the draft
    assert export(group_server) == []

    # Corrected in the options (the panel stays open), the review is shared.
    save_group(options, address, group_server["join_code"].lower())
    expect(consent).not_to_be_checked()
    consent.check()
    share.click()
    expect(panel.locator("#share-result")).to_contain_text("Отзыв отправлен в группу school-5")
    expect(consent).not_to_be_checked()  # the next share is a new decision
    expect(consent).to_be_focused()
    browser.screenshot(panel, "33-shared")

    rows = export(group_server)
    assert len(rows) == 1
    shared = rows[0]
    assert shared["marketplace"] == "ozon"
    assert shared["product_external_id"] == "1234567890"
    assert shared["product_url"] == f"https://www.ozon.ru{OZON_PATH}"
    assert shared["product_title"] == "Наушники Sony WH-1000XM5, чёрный"
    assert shared["seller"] == "Электроника Плюс"
    assert shared["rating"] == 2
    assert "Звоните [скрыто]" in shared["text"] and "916" not in shared["text"]
    assert "Цвет совпадает с фото." in shared["text"]

    # Sharing the same review again: the group already has it.
    consent.check()
    share.click()
    expect(panel.locator("#share-result")).to_contain_text("Уже отправлено")
    assert len(export(group_server)) == 1
    assert comment.input_value() == draft

    # Reopened, the panel shows the same draft with the box unticked again.
    panel.close()
    panel = browser.panel(page)
    expect(field(panel, "comment")).to_have_value(draft)
    expect(panel.get_by_label("Отправить и в мою группу school-5")).not_to_be_checked()
    assert [e for e in browser.console_errors if not network_log(e)] == []
