"""What a phone (390 × 844, touch) shows of wide content, in real Chromium
(issue #24): a table or equation wider than the screen says that it scrolls,
and a chart's text is readable and its legend leaves room for the chart.

One page load per lesson and language checks both; the page-width and
overlap checks of every screen are in test_browser_classroom.py.
"""

from __future__ import annotations

import pytest

from components.ui.pages import LESSONS
from tests.support import open_page, screen_tab
from tests.test_browser_classroom import _settle_charts

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
# Tables and equations come through layout._scroll_region on ① to ④ (⑤'s are
# checked too: the rule is the same wherever a region is drawn).
SLUGS = [slug for slug, _ in LESSONS]

# Every region a reader can see (not inside a closed expander): does its
# content overflow, and is the cue shown (app.css: the "↔" line under it and
# the shaded edge)?
_REGIONS_JS = """() => Array.from(document.querySelectorAll('.scroll-region'))
  .filter(r => r.checkVisibility())
  .map(r => {
    const hint = getComputedStyle(r, '::after');
    return {name: r.getAttribute('aria-label').slice(0, 80),
            overflows: r.scrollWidth > r.clientWidth + 1,
            hint: hint.visibility === 'visible' && hint.display !== 'none'
                  && parseFloat(hint.height) > 8 && hint.content.includes('↔'),
            shade: getComputedStyle(r).boxShadow !== 'none'};
  })"""

# Every text plotly draws (ticks, titles, legend, bar labels, annotations) at
# its rendered size: the font size times the scale of its screen transform
# (plotly shrinks bar labels with a transform, not with the font size).
_CHARTS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(p => {
  const small = [];
  for (const t of p.querySelectorAll('svg text')) {
    if (!t.textContent.trim() || t.getBoundingClientRect().width < 1) continue;
    const m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    if (size < 12) small.push(`${t.textContent.trim().slice(0, 24)}: ${size.toFixed(1)} px`);
  }
  const legend = p.querySelector('.legend');
  return {small, chart: p.getBoundingClientRect().height,
          legend: legend ? legend.getBoundingClientRect().height : 0};
})"""


def _phone(browser, lang):
    return screen_tab(browser, WIDTH, HEIGHT, lang, phone=True)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_on_a_phone_wide_content_says_it_scrolls_and_charts_stay_readable(browser, server_url,
                                                                          lang):
    overflowing = 0
    with _phone(browser, lang) as tab:
        for slug in SLUGS:
            open_page(tab, server_url, slug, f"lang={lang}", charts=True)
            _settle_charts(tab)
            regions = tab.evaluate(_REGIONS_JS)
            for region in regions:
                cue = region["hint"] and region["shade"]
                assert cue == region["overflows"], (slug, region)
                overflowing += region["overflows"]
            charts = tab.evaluate(_CHARTS_JS)
            assert charts, f"/{slug}: no chart drawn"
            for number, chart in enumerate(charts):
                assert chart["small"] == [], (slug, number, chart["small"][:5])
                assert chart["legend"] <= 0.25 * chart["chart"], (slug, number, chart)
            assert tab.evaluate("document.documentElement.scrollWidth") <= WIDTH, slug
    # ②'s finite differences and ④'s momentum equations are wider than a phone:
    # without any overflowing region this test would check nothing.
    assert overflowing >= 3
