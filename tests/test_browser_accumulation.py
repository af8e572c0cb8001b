"""The accumulation lesson in real headless Chromium, served by ``streamlit run``."""

import pytest

from components.ui.i18n import t
from tests.support import open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser

TABLE = "[data-testid='stMarkdownContainer'] table"
NO_EXCEPTION = "[data-testid='stException']"



def _first_table(page) -> str:
    return page.locator(TABLE).first.inner_text()


def _wait_table_contains(page, text: str):
    page.wait_for_function(
        "text => document.querySelector(\"" + TABLE + "\")?.innerText.includes(text)",
        arg=text, timeout=60_000)
    wait_idle(page)


def _chart_labels(page) -> set[str]:
    """The value labels plotly drew at the ends of the lines (SVG text)."""
    return set(page.locator(".js-plotly-plot .textpoint text").all_text_contents())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_opens_in_both_languages(page, server_url, lang):
    open_page(page, server_url, "accumulation", f"lang={lang}", charts=True)
    assert page.locator("h1").first.inner_text().strip() == t("accumulation.title", lang)
    assert page.locator(".js-plotly-plot").count() == 3  # a.grad, b.grad, training
    assert "[108, 243]" in _first_table(page)
    assert {"108", "243", "36", "81"} <= _chart_labels(page)
    code = page.locator("[data-testid='stCode']").all_inner_texts()
    assert any("backward through the graph a second time" in c for c in code)
    assert page.locator(NO_EXCEPTION).count() == 0
    assert f"lang={lang}" in page.url


def test_keyboard_moves_calls_and_the_reset_toggle_switches_the_table(page, server_url):
    open_page(page, server_url, "accumulation", "lang=en", charts=True)
    slider_handle(page, "calls").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 3 -> 5 calls
    _wait_table_contains(page, "[180, 405]")
    assert "calls=5" in page.url
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot .textpoint text'))"
        ".some(e => e.textContent === '405')", timeout=30_000)
    page.locator(".st-key-zero label").first.click()
    page.wait_for_function("() => location.search.includes('zero=1')", timeout=60_000)
    wait_idle(page)
    assert "[180, 405]" not in _first_table(page)
    assert _first_table(page).count("[36, 81]") == 10  # autograd and hand, five calls
    assert "405" in _chart_labels(page)  # the accumulating run stays on the chart
    assert page.locator(NO_EXCEPTION).count() == 0


def test_learning_rate_slider_changes_the_loss_curves(page, server_url):
    open_page(page, server_url, "accumulation", "lang=ko&lr=0.1", charts=True)
    before = page.locator(TABLE).last.inner_text()
    slider_handle(page, "lr").focus()
    page.keyboard.press("ArrowRight")  # 0.1 -> 0.3: the zeroed run diverges
    page.wait_for_function("() => location.search.includes('lr=0.3')", timeout=60_000)
    wait_idle(page)
    page.wait_for_function(
        "() => document.body.innerText.includes('발산')", timeout=60_000)
    assert page.locator(TABLE).last.inner_text() != before
    assert page.locator(NO_EXCEPTION).count() == 0


def test_bad_link_shows_one_line_per_value_and_still_works(page, server_url):
    open_page(page, server_url, "accumulation", "lang=en&calls=NaN&graph=banana&lr=1e999", charts=True)
    alert = page.locator("[data-testid='stAlert']").first.inner_text()
    assert "calls = NaN" in alert and "graph = banana" in alert and "lr = 1e999" in alert
    assert "[108, 243]" in _first_table(page)
    assert page.locator(NO_EXCEPTION).count() == 0
