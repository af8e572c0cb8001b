"""The ResNet18 lesson in real headless Chromium, served by ``streamlit run``."""

import re

import pytest

from components.ui.i18n import t
from tests.support import open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser

METRIC_VALUES = "[data-testid='stMetricValue']"



def _loss_labels(page) -> list[str]:
    """The number labels next to the points of the loss chart (SVG text)."""
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot .scatterlayer .textpoint text'))"
        ".map(e => e.textContent)")


def test_page_shows_the_training_step_in_korean(page, server_url):
    lang = "ko"  # English is opened by the slider test below
    open_page(page, server_url, "resnet", f"lang={lang}", charts=True)
    assert page.locator("h1").first.inner_text().strip() == t("resnet.title", lang)
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "(1, 1000)" in body and "AddmmBackward0" in body
    assert t("resnet.metric_before", lang) in body
    assert page.locator(".js-plotly-plot").count() == 4
    # The lesson opens on one step: the loss before and after it, and the speed-up.
    assert "steps=1" in page.url
    assert len(page.locator(METRIC_VALUES).all_inner_texts()) == 3
    assert page.locator("[data-testid='stException']").count() == 0


def test_moving_the_steps_slider_changes_numbers_chart_and_url(page, server_url):
    open_page(page, server_url, "resnet", "lang=en&steps=3", charts=True)
    assert page.locator("h1").first.inner_text().strip() == t("resnet.title", "en")
    assert "steps=3" in page.url
    labels_before = _loss_labels(page)
    assert len(labels_before) == 4  # before the first step, then after each of 3 steps
    after_three = page.locator(METRIC_VALUES).nth(2).inner_text()
    slider_handle(page, "steps").focus()
    page.keyboard.press("ArrowRight")  # 3 -> 4 steps
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .scatterlayer .textpoint text').length === 5",
        timeout=120_000)
    wait_idle(page, timeout=120_000)
    assert "steps=4" in page.url
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "after 4 steps" in body
    labels_after = _loss_labels(page)
    assert labels_after[:4] == labels_before  # the same first steps, one more point
    assert page.locator(METRIC_VALUES).nth(2).inner_text() == labels_after[-1]
    assert page.locator(METRIC_VALUES).nth(2).inner_text() != after_three
    assert re.search(r"range\(4\)", page.locator("[data-testid='stCode']").filter(has_text="range(").first.inner_text())
    assert page.locator("[data-testid='stException']").count() == 0

