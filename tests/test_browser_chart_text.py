"""Chart text alternatives in real Chromium (issue #18): the summary is the
chart's accessible name, and the data expander opens to a real table."""

import pytest

from tests.support import open_page, wait_idle

pytestmark = pytest.mark.browser


def test_the_summary_is_the_charts_accessible_name_and_the_table_opens(page, server_url):
    open_page(page, server_url, "accumulation", "lang=en&calls=5", charts=True)
    charts = page.locator("[data-testid='stPlotlyChart']")
    assert charts.count() == 3
    first = charts.first
    assert first.get_attribute("role") == "figure"
    name = first.get_attribute("aria-label")
    assert name.startswith("a.grad after 1…5 backward() calls")
    assert "36, 72, 108, 144, 180" in name
    # Collapsed until asked for; then the summary and an HTML table with every value.
    expander = page.locator("[data-testid='stExpander']", has_text="Chart data: a.grad per call")
    assert expander.count() == 1
    table = expander.locator("table")
    assert not table.is_visible()
    expander.locator("summary").click()
    table.wait_for(state="visible", timeout=30_000)
    wait_idle(page)
    assert "180" in table.inner_text() and "405" in table.inner_text()
    assert "36, 72, 108, 144, 180" in expander.inner_text()
    assert "\\" not in expander.inner_text()  # markdown escapes are not shown
