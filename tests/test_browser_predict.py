"""Predict mode in real Chromium: a student answers with the keyboard alone."""

import pytest

from components.ui.i18n import t
from tests.support import open_page, wait_idle

pytestmark = pytest.mark.browser

FOCUS_IN = "key => !!document.activeElement?.closest('.st-key-' + key)"


def _tab_to(page, key: str, limit: int = 80) -> int:
    """Press Tab until the focus is inside the widget with key ``key``; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_IN, key):
            return presses
    raise AssertionError(f"Tab never reached {key}")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_gradients_checkpoint_with_the_keyboard_only(page, server_url, lang):
    open_page(page, server_url, "gradients", f"lang={lang}&predict=1&a1=-1.4&v1=0.5")
    alerts = page.locator("[data-testid='stAlert']")
    assert t("predict.hidden", lang, labels="a.grad[0]")[:12] in alerts.first.inner_text()
    assert page.locator(".js-plotly-plot").count() == 0
    # 9 · 1.96 · 0.5 = 8.82; a guess of 8.8 is within ±0.0882.
    assert "8.82" not in page.locator("body").inner_text()

    page.locator("h1").first.click()  # start from the top, as a student who just arrived
    _tab_to(page, "guess_a1_grad")
    page.keyboard.type("8.8")
    page.keyboard.press("Enter")
    wait_idle(page)
    _tab_to(page, "reveal_a1_grad")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid='stAlert']:has-text('✓')", timeout=60_000)
    wait_idle(page)
    result = page.locator("[data-testid='stAlert']:has-text('✓')").first.inner_text()
    assert "8.82" in result and "8.8" in result
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)  # the lesson is back
    assert "predict=1" in page.url and "a1=-1.4" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
