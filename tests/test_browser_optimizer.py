"""The optimizer lesson in real headless Chromium: keyboard on sliders, charts, URL."""

import pytest

from components.core.optimizer import compare_momentum
from tests.support import open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser

NO_EXCEPTION = "[data-testid='stException']"



def _metric_values(page):
    return page.locator("[data-testid='stMetricValue']").all_inner_texts()


def _legend_has(text):
    return ("() => Array.from(document.querySelectorAll('.js-plotly-plot .legendtext'))"
            f".some(e => e.textContent === {text!r})")


def test_momentum_slider_moves_numbers_chart_and_url(page, server_url):
    # The tutorial's Q (the page opens on the valley).
    open_page(page, server_url, "optimizer", "lang=en&objective=q", charts=True)
    values = _metric_values(page)
    assert values[:3] == ["53", "-9.358", "-9.358"]
    page.wait_for_function(_legend_has("momentum 0.9"), timeout=30_000)
    slider_handle(page, "momentum").focus()
    for _ in range(5):  # 0.90 -> 0.85 in steps of 0.01
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('momentum=0.85')", timeout=60_000)
    wait_idle(page)
    page.wait_for_function(_legend_has("momentum 0.85"), timeout=30_000)
    values = _metric_values(page)
    assert values[:3] == ["53", "-9.358", "-9.358"]  # momentum cannot change the first step
    # Momentum 0.85 still runs away on Q, at the step the core computes.
    expected = compare_momentum("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.85, 50).with_momentum
    label = page.locator("[data-testid='stMetricLabel']").nth(3).inner_text()
    assert label == f"momentum 0.85: stopped at step {expected.diverged_at}, loss"
    assert page.locator(NO_EXCEPTION).count() == 0


def test_landscape_in_korean_and_keyboard_start_point(page, server_url):
    open_page(page, server_url, "optimizer", "lang=ko&objective=rosenbrock", charts=True)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length === 2",
                           timeout=30_000)
    assert "손실 지형 위의 두 경로" in page.locator("h2").all_inner_texts()
    assert _metric_values(page)[0] == "14"  # (1 + 2)² + 5·(3 − 4)²
    slider_handle(page, "a1").focus()
    for _ in range(10):  # 2.0 -> 1.0
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('a1=1&')", timeout=60_000)
    wait_idle(page)
    # (1 + 1)² + 5·(3 − 1)² = 24
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stMetricValue']\")?.innerText === '24'",
        timeout=30_000)
    assert "b1=6" in page.url and "objective=rosenbrock" in page.url
    assert page.locator(NO_EXCEPTION).count() == 0


def test_diverging_link_is_explained_not_crashed(page, server_url):
    open_page(page, server_url, "optimizer", "lang=en&objective=valley&lr=1&steps=200", charts=True)
    alerts = page.locator("[data-testid='stAlert']").all_inner_texts()
    assert any("diverged" in text for text in alerts)
    # loss and landscape; the α–μ map is built only once its "Go deeper" is opened
    assert page.locator(".js-plotly-plot").count() == 2
    assert page.locator(NO_EXCEPTION).count() == 0


def test_every_step_table_is_drawn_when_its_expander_opens(page, server_url):
    open_page(page, server_url, "optimizer", "lang=en", charts=True)
    assert page.locator("[data-testid='stDataFrame']").count() == 0  # lazy: closed by default
    page.locator(".st-key-every_step_table summary").click()
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    wait_idle(page)
    assert page.locator(NO_EXCEPTION).count() == 0
