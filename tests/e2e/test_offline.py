"""When the Vesko server cannot be reached, the buyer still gets the questions (bundled with the extension),
a draft (composed in the panel itself), and a clear word that the wording is not being checked."""
from __future__ import annotations

import re
import socket

from playwright.sync_api import expect

from tests.e2e.test_review_story import OZON_PATH, RU_ANSWERS, answer_flow, field, use_language


def dead_url() -> str:
    """An address nothing listens on: a port the OS just handed out and took back."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_flow_and_draft_work_offline_and_say_so(browser):
    use_language(browser, "ru")
    browser.settings(serverUrl=dead_url())
    page = browser.page("www.ozon.ru", OZON_PATH)
    panel = browser.panel(page)
    status = panel.locator("#server-status")
    expect(status).to_have_attribute("data-state", "offline")
    expect(status).to_contain_text("Проверка недоступна")
    expect(panel.locator("#flow-title")).to_have_text("Отзыв по существу")  # the bundled flow

    answer_flow(panel, RU_ANSWERS)
    expect(panel.locator("#editor-view")).to_be_visible()
    expect(field(panel, "pros")).to_have_value("Цвет совпадает с фото.")
    expect(field(panel, "cons")).to_have_value(re.compile(r"^Размер не совпадает с размерной сеткой\."))
    expect(field(panel, "comment")).to_have_value(re.compile(r"Не рекомендую\. Больше покупать не буду\.$"))
    summary = panel.locator("#check-summary")
    expect(summary).to_have_class(re.compile("offline"))
    expect(summary).to_contain_text("формулировки не проверяются")
    expect(status).to_have_attribute("data-state", "offline")
    browser.screenshot(panel, "21-offline-draft")

    # Editing goes on; the check keeps saying it is offline instead of failing silently.
    box = field(panel, "comment")
    box.click()
    box.press("Control+End")
    box.press_sequentially(" Брать не советую.", delay=10)
    panel.wait_for_timeout(800)
    expect(summary).to_have_class(re.compile("offline"))
    expect(panel.locator(".finding")).to_have_count(0)

    # Inserting works without the server too.
    panel.get_by_role("button", name="Вставить на страницу").click()
    expect(panel.locator("#action-result")).to_contain_text("Заполнено")
    assert page.input_value("textarea[name=comment]") == box.input_value()
    # Chromium reports each refused connection to the dead server as a console error; nothing else may appear.
    unexpected = [e for e in browser.console_errors if "ERR_CONNECTION_REFUSED" not in e]
    assert unexpected == []


def test_options_test_connection_says_what_happened(browser, vesko_url):
    use_language(browser, "ru")
    options = browser.options()
    url = options.get_by_label("Адрес сервера")
    result = options.locator("#server-result")
    url.fill(dead_url())
    options.get_by_role("button", name="Проверить соединение").click()
    expect(result).to_contain_text("Нет соединения")
    expect(result).to_have_attribute("data-state", "error")
    url.fill("не адрес")
    options.get_by_role("button", name="Сохранить").click()
    expect(result).to_contain_text("http://")
    expect(url).to_have_attribute("aria-invalid", "true")
    url.fill(vesko_url)
    options.get_by_role("button", name="Проверить соединение").click()
    expect(result).to_contain_text("Соединение есть: отвечает Vesko 0.")
    expect(result).to_have_attribute("data-state", "ok")
    # Hiding a category is saved for the panel.
    options.get_by_label("Орфография").uncheck()
    expect(options.locator("#saved")).to_have_text("Сохранено.")
    saved = browser.extension_page.evaluate("async () => (await chrome.storage.local.get('settings')).settings")
    assert saved["hiddenCategories"] == ["spelling"] and saved["serverUrl"] == vesko_url
    browser.screenshot(options, "22-options")
    assert [e for e in browser.console_errors if "ERR_CONNECTION_REFUSED" not in e] == []
