"""The α–μ map in real headless Chromium: a click (or a tap) on a cell sets lr and momentum."""

import math

import pytest

from components.core import momentum_theory as mt
from components.ui.i18n import t
from components.ui.momentum_panels import MAP_KEY, PICK_GO_KEY, PICK_MU_KEY
from tests.support import open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser

NO_EXCEPTION = "[data-testid='stException']"


def open_theory(page, lang: str, tap: bool = False) -> None:
    """Open the closed "Go deeper" expander that holds the theory and its map."""
    label = t("common.deeper", lang, topic=t("optimizer.theory.title", lang))
    summary = page.locator("[data-testid='stExpander'] summary", has_text=label)
    if tap:
        summary.tap()
    else:
        summary.click()
    page.wait_for_selector(f".st-key-{MAP_KEY} .js-plotly-plot", state="visible", timeout=120_000)
    # Until the expander's opening animation ends, the map still moves down the page.
    page.wait_for_function(
        "(sel) => { const el = document.querySelector(sel); const top = el.getBoundingClientRect().top;"
        " return new Promise(r => setTimeout(() => r(el.getBoundingClientRect().top === top), 400)); }",
        arg=f".st-key-{MAP_KEY} .js-plotly-plot", timeout=30_000)


# Pixel position of a data point (x = log10 lr, y = μ) on the map, from plotly's own axes.
CELL_XY = """([x, y]) => {
  const gd = document.querySelector('.st-key-MAP_KEY .js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  return [box.left + xa._offset + xa.l2p(x), box.top + ya._offset + ya.l2p(y)];
}""".replace("MAP_KEY", MAP_KEY)


def _cell_position(page, lr, mu):
    chart = page.locator(f".st-key-{MAP_KEY} .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    return page.evaluate(CELL_XY, [math.log10(lr), mu])


def _predicted_metric(page, label):
    metric = page.locator("[data-testid='stMetric']", has_text=label)
    return metric.locator("[data-testid='stMetricValue']").inner_text()


def test_click_on_a_map_cell_sets_lr_momentum_and_url(page, server_url):
    open_page(page, server_url, "optimizer", "lang=en&objective=valley", charts=True)
    open_theory(page, "en")
    page.wait_for_selector(f".st-key-{MAP_KEY} .js-plotly-plot", timeout=120_000)
    assert _predicted_metric(page, "Predicted rate") == "0.9487"
    x, y = _cell_position(page, 0.03, 0.66)
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function("() => location.search.includes('lr=0.03&')"
                           " && location.search.includes('momentum=0.66')", timeout=60_000)
    wait_idle(page)
    curvatures = mt.valley_curvatures()
    expected = mt.predicted_rate(0.03, 0.66, curvatures)
    page.wait_for_function(
        "(v) => Array.from(document.querySelectorAll(\"[data-testid='stMetricValue']\"))"
        ".some(e => e.innerText === v)", arg=f"{expected:#.4g}", timeout=30_000)
    # The sliders show the clicked cell too.
    assert page.locator(".st-key-momentum").inner_text().find("0.66") >= 0
    assert page.locator(".st-key-lr").inner_text().find("0.03") >= 0
    assert page.locator(NO_EXCEPTION).count() == 0


def test_phone_map_fits_and_the_form_sets_a_cell(browser, server_url):
    """A tap does not select a plotly point (plotly selects only a hovered point),
    so on a phone the form under the map chooses the cell."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, locale="ko-KR")
    page = context.new_page()
    try:
        open_page(page, server_url, "optimizer", "lang=ko&objective=valley", charts=True)
        open_theory(page, "ko", tap=True)
        page.wait_for_selector(f".st-key-{MAP_KEY} .js-plotly-plot", timeout=120_000)
        right = page.evaluate(
            f"() => document.querySelector('.st-key-{MAP_KEY}').getBoundingClientRect().right")
        assert right <= 390  # the map fits the phone's width
        page.locator("[data-testid='stExpander'] summary", has_text="값으로 칸 고르기").tap()
        picker = slider_handle(page, PICK_MU_KEY)
        picker.focus()
        for _ in range(3):  # 0.9 -> 0.81 on the map's 0.03 grid
            page.keyboard.press("ArrowLeft")
        wait_idle(page)
        button = page.locator(f".st-key-{PICK_GO_KEY} button")
        page.wait_for_function("(el) => el.innerText.includes('0.81')",
                               arg=button.element_handle(), timeout=30_000)
        wait_idle(page)  # under load the label can update before the run has ended
        button.tap()
        page.wait_for_function("() => location.search.includes('momentum=0.81')",
                               timeout=120_000)
        wait_idle(page)
        assert "lr=0.01&" in page.url
        assert page.locator(NO_EXCEPTION).count() == 0
    finally:
        context.close()
