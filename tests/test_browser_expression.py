"""Lesson ⑤ in real headless Chromium: typing a function, a hostile one, a shared link."""

import time
import urllib.parse

import pytest

from components.ui.i18n import t
from tests.support import open_page, wait_idle

pytestmark = pytest.mark.browser

TABLE = "[data-testid='stMarkdownContainer'] table"
NO_EXCEPTION = "[data-testid='stException']"
BOX = ".st-key-expr input"


def _type(page, text: str, wait_for: str | None = None) -> float:
    """Replace the function in the box and press Enter; with ``wait_for`` (a
    selector), the seconds until it appeared."""
    box = page.locator(BOX)
    box.fill(text)
    start = time.perf_counter()
    box.press("Enter")
    if wait_for:
        page.wait_for_selector(wait_for, timeout=30_000)
    seconds = time.perf_counter() - start
    page.wait_for_timeout(200)
    wait_idle(page)
    return seconds


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_typing_a_function_updates_numbers_and_url(page, server_url, lang):
    open_page(page, server_url, "expression", f"lang={lang}", charts=True)
    assert page.locator("h1").first.inner_text().strip() == t("expression.title", lang)
    assert "36" in page.locator(TABLE).first.inner_text()
    _type(page, "a*b")
    page.wait_for_function(  # a.grad = b = [6, 4] replaces [36, 81]
        "() => !document.querySelector(\"" + TABLE + "\")?.innerText.includes('36')")
    wait_idle(page)
    first = page.locator(TABLE).first.inner_text()
    assert "✓" in first and "36" not in first  # a.grad = b = [6, 4]
    assert "expr=a%2Ab" in page.url or "expr=a*b" in page.url
    assert page.locator(NO_EXCEPTION).count() == 0


def test_hostile_text_is_refused_within_a_second_and_the_function_stays(page, server_url):
    open_page(page, server_url, "expression", "lang=en", charts=True)
    before = page.locator(TABLE).first.inner_text()
    seconds = _type(page, "().__class__.__bases__[0].__subclasses__()",
                    wait_for="[data-testid='stAlert']")
    # Measured 1.6 s at load average 17 on 2 cores before caching; the server side
    # of the rerun is ~20 ms (a refused text reuses the cached numbers).
    assert seconds < 2.0
    alert = page.locator("[data-testid='stAlert']").first.inner_text()
    assert "__subclasses__" in alert
    assert page.locator(TABLE).first.inner_text() == before
    assert "__subclasses__" not in urllib.parse.unquote(page.url)
    assert page.locator(NO_EXCEPTION).count() == 0


def test_shared_link_with_an_encoded_function(page, server_url):
    expr = urllib.parse.quote("sqrt(a**2 + b**2)")
    open_page(page, server_url, "expression", f"lang=en&expr={expr}&a1=0&a2=3&b1=0&b2=4",
              charts=True)
    assert page.locator(BOX).input_value() == "sqrt(a**2 + b**2)"
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "sqrt receives exactly 0" in text
    assert page.locator("[data-testid='stAlert']").count() == 0
