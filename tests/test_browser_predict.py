"""Predict mode in real Chromium: a student answers with the keyboard alone."""

import pytest

from components.ui.i18n import CATALOGS
from tests.support import assert_focus_ring_visible, open_page, slider_handle, tab_to, wait_idle

pytestmark = pytest.mark.browser

# Lesson → (query, checkpoint, the answer by hand, a guess within 1 %).
KEYBOARD_CASES = {
    # 9 · 1.96 · 0.5 = 8.82; a guess of 8.8 is within ±0.0882.
    "gradients": ("a1=-1.4&v1=0.5", "a1_grad", "8.82", "8.8"),
    # Five calls without a reset: 5 · 9 · 1.2² = 64.8.
    "accumulation": ("a1=1.2&calls=5", "a1_grad_calls", "64.8", "64.8"),
}


@pytest.mark.parametrize(("slug", "lang"), [("gradients", "ko"), ("gradients", "en"),
                                            ("accumulation", "en")])
def test_checkpoint_with_the_keyboard_only(page, server_url, slug, lang):
    query, checkpoint, answer, guess = KEYBOARD_CASES[slug]
    open_page(page, server_url, slug, f"lang={lang}&predict=1&{query}")
    alerts = page.locator("[data-testid='stAlert']")
    assert CATALOGS[lang]["predict.hidden"].split("{labels}")[0] in alerts.first.inner_text()
    if slug == "gradients":
        assert page.locator(".js-plotly-plot").count() == 0
    assert answer not in page.locator("[data-testid='stMain']").inner_text()

    # From the top of the page, as a student who just arrived: Tab, type, Enter.
    tab_to(page, f"guess_{checkpoint}", "input")
    assert_focus_ring_visible(page)
    page.keyboard.type(guess)
    page.keyboard.press("Enter")
    wait_idle(page)
    tab_to(page, f"reveal_{checkpoint}", "button")
    assert_focus_ring_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid='stAlert']:has-text('✓')", timeout=60_000)
    wait_idle(page)
    result = page.locator("[data-testid='stAlert']:has-text('✓')").first.inner_text()
    assert answer in result and guess in result
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)  # the lesson is back
    assert "predict=1" in page.url and query.split("&")[0] in page.url
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
