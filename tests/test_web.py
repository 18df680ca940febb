"""The chat page in a real headless Chromium (Debian's package) driven by Selenium, against
the real service and index. Screenshots go to test-artifacts/ at the repository root.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.api import create_app, running_in_thread

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
QUESTION = "Hoeveel openstaande vacatures waren er in de industrie aan het eind van 2025?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
        reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, chromedriver)",
    ),
]


@pytest.fixture(scope="module")
def page_url(assistant: Any, settings: Any) -> Iterator[str]:
    app = create_app(assistant, settings.model_copy(update={"api_key": None}))
    with running_in_thread(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,900",
        "--lang=nl",
    ):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="vraagbaak-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        try:
            yield driver
        finally:
            driver.quit()


def test_ask_highlight_and_open_the_cited_passage(browser: Any, page_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.get(page_url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    documents = browser.find_elements(By.CSS_SELECTOR, "#documents .document")
    assert len(documents) == 5

    box = browser.find_element(By.ID, "question")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=question]").text == "Uw vraag"
    box.send_keys(QUESTION)
    box.send_keys(Keys.ENTER)

    answer = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".answer-text")))
    assert "28.000" in answer.text
    marks = answer.find_elements(By.CSS_SELECTOR, "mark.figure")
    assert any("28.000" in mark.text for mark in marks)
    log = browser.find_element(By.ID, "log")
    assert log.get_attribute("aria-live") == "polite"

    citations = browser.find_elements(By.CSS_SELECTOR, ".citation")
    assert citations and "regels" in citations[0].text
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "web-chat.png"))

    citations[0].click()
    wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#passage .line.cited")))
    cited = browser.find_elements(By.CSS_SELECTOR, "#passage .line.cited mark")
    assert any("8.000" in line.text for line in cited)
    assert browser.find_elements(By.CSS_SELECTOR, "#passage .line:not(.cited)")  # context
    browser.save_screenshot(str(ARTIFACTS / "web-passage.png"))

    browser.find_element(By.ID, "passage-close").click()
    wait.until(ec.invisibility_of_element_located((By.ID, "passage")))


def test_not_in_the_documents_and_phone_layout(browser: Any, page_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.set_window_size(390, 844)
    browser.get(page_url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "web-start-phone.png"))
    box = browser.find_element(By.ID, "question")
    box.send_keys("Hoeveel vacatures had de zorgsector in Japan in 1990?")
    browser.find_element(By.ID, "ask-button").click()
    notice = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".not-found")))
    assert notice.text == "Dit staat niet in de documenten."

    box = browser.find_element(By.ID, "question")
    box.send_keys(QUESTION)
    browser.find_element(By.ID, "ask-button").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".answer-text")) == 1)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, "the page must not scroll sideways on a phone"
    browser.save_screenshot(str(ARTIFACTS / "web-chat-phone.png"))


def test_the_page_asks_for_the_api_key_once(browser: Any, assistant: Any, settings: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    key = "browser-test-key"
    app = create_app(assistant, settings.model_copy(update={"api_key": key}))
    with running_in_thread(app) as url:
        wait = WebDriverWait(browser, 60)
        browser.set_window_size(1280, 900)
        browser.get(url)
        field = wait.until(ec.visibility_of_element_located((By.ID, "key-input")))
        field.send_keys("wrong")
        browser.find_element(By.CSS_SELECTOR, "#key-form button").click()
        error = wait.until(ec.visibility_of_element_located((By.ID, "key-error")))
        wait.until(lambda d: "sleutel" in error.text.lower())  # asked again, with the reason
        field.send_keys(key)
        browser.find_element(By.CSS_SELECTOR, "#key-form button").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
        assert len(browser.find_elements(By.CSS_SELECTOR, "#documents .document")) == 5
        stored = browser.execute_script("return sessionStorage.getItem('vraagbaak-api-key')")
        assert stored == key

        browser.get(url)  # a reload in the same session does not ask again
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready"))
        assert not browser.find_element(By.ID, "key-dialog").is_displayed()
        browser.execute_script("sessionStorage.clear()")
