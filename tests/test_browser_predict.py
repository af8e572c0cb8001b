"""Predict mode in real Chromium: a student answers with the keyboard alone."""

import pytest

from components.ui.i18n import t
from tests.support import open_page, slider_handle, wait_idle

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


def _score(page) -> str:
    return page.locator("[data-testid='stMarkdownContainer']").filter(
        has_text="Score on this page").first.inner_text()


def _answer(page, checkpoint_id: str, option: int) -> None:
    """Pick an option of a choice checkpoint and press its reveal button."""
    box = page.locator(f".st-key-checkpoint_{checkpoint_id}")
    box.locator("[role='radiogroup'] label").nth(option).click()
    wait_idle(page, timeout=120_000)
    page.locator(f".st-key-reveal_{checkpoint_id} button").click()
    page.wait_for_timeout(300)
    wait_idle(page, timeout=120_000)


def test_resnet_reveal_inside_the_training_fragment_updates_the_score(page, server_url):
    """The loss question sits in a fragment (its lr slider reruns only that part): a
    reveal there, and a slider that asks it again, still update the score at the end."""
    open_page(page, server_url, "resnet", "lang=en&predict=1&pretrained=0&size=32&steps=1")
    assert page.locator(".js-plotly-plot").count() == 0
    _answer(page, "largest_grad_layer", 0)
    page.wait_for_selector(".st-key-checkpoint_loss_after_step", timeout=120_000)
    assert "out of 1 revealed (2 in all)" in _score(page)
    _answer(page, "loss_after_step", 0)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"]')]"
        ".some(e => e.innerText.includes('out of 2 revealed'))", timeout=120_000)
    assert page.locator("[data-testid='stMetric']").count() >= 3
    slider_handle(page, "lr").focus()
    page.keyboard.press("ArrowRight")  # lr 0.01 -> 0.03: a new question
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"]')]"
        ".some(e => e.innerText.includes('out of 1 revealed'))", timeout=120_000)
    wait_idle(page, timeout=120_000)
    assert "lr=0.03" in page.url and "predict=1" in page.url
    assert page.locator(".st-key-reveal_loss_after_step button").is_enabled()
    assert page.locator("[data-testid='stException']").count() == 0
