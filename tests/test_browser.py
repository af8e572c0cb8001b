"""The whole app in real headless Chromium, served by ``streamlit run``."""

import pytest

from components.ui.i18n import t
from components.ui.pages import LESSONS
from tests.support import open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser

SLUGS = [""] + [slug for slug, _ in LESSONS]



@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_opens_without_an_exception(page, server_url, slug, lang):
    open_page(page, server_url, slug, f"lang={lang}")
    title = t(f"{slug or 'home'}.title", lang)
    assert page.locator("h1").first.inner_text().strip().startswith(title[:8])
    assert page.locator("[data-testid='stException']").count() == 0
    assert f"lang={lang}" in page.url


def _table_text(page):
    # The first table on screen (a closed "Go deeper" expander may hold an earlier one).
    return page.locator("[data-testid='stMarkdownContainer'] table >> visible=true").first.inner_text()


def test_gradients_slider_moves_numbers_chart_and_url(page, server_url):
    open_page(page, server_url, "gradients", "lang=en")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    assert "36" in _table_text(page)
    slider_handle(page, "a1").focus()
    for _ in range(5):  # 2.0 -> 2.5 in steps of 0.1
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stMarkdownContainer\"] table')"
        "?.innerText.includes('56.25')", timeout=60_000)
    wait_idle(page)
    assert "a1=2.5" in page.url
    # The plotly chart redrew with the new value (bar labels are SVG text).
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot .bartext'))"
        ".some(e => e.textContent === '56.25')", timeout=30_000)
    graph = page.locator("[data-testid='stImage'] img[src^='data:image/svg+xml']")
    assert graph.count() == 1 and graph.first.evaluate("img => img.naturalWidth") > 100
    assert page.locator("[data-testid='stException']").count() == 0


def test_shared_link_reproduces_the_view(page, server_url):
    open_page(page, server_url, "gradients", "lang=ko&a1=-1&a2=0.5&b1=2&b2=-3&v1=0.7&v2=0.3")
    text = _table_text(page)
    assert "6.3" in text  # 9 * 1 * 0.7
    assert page.locator("[data-testid='stAlert']").count() == 0
    assert "a1=-1" in page.url and "v1=0.7" in page.url


def test_bad_link_shows_one_line_and_works(page, server_url):
    open_page(page, server_url, "gradients", "lang=en&a1=NaN&b1=banana&v2=1e999")
    alert = page.locator("[data-testid='stAlert']").first.inner_text()
    assert "a1 = NaN" in alert and "b1 = banana" in alert and "v2 = 1e999" in alert
    assert "36" in _table_text(page)
    assert page.locator("[data-testid='stException']").count() == 0


def test_first_request_of_a_fresh_server_to_a_lesson_uses_the_router(browser):
    """A shared link is often the first request after the instructor starts the
    server; the router (titles, wide layout) must handle it too."""
    from tests.support import start_server

    proc, url = start_server()
    try:
        tab = browser.new_page()
        open_page(tab, url, "gradients", "lang=en")
        nav = tab.locator("[data-testid='stSidebarNav']").inner_text()
        assert "② Computing gradients" in nav and "Start here" in nav
        assert "dashboard" not in nav
        tab.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
