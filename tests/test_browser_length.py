"""Lessons a first-year finishes (issue #27 §3): every lesson, opened at
1440×900 in English, shows at most 900 words of prose before anything is
opened and a figure above the fold; and no two sliders on a page share an
accessible name (the drag sliders included, which live in a shadow root).

"Words before anything is opened": the main column's visible text without
charts, figures, equations and code (they are pictures and listings, not
prose to read) and without the contents of closed expanders. Streamlit keeps
a closed expander's children in the DOM, hidden; ``innerText`` already skips
them, and the count removes them explicitly so it does not depend on that.
"""

from __future__ import annotations

from collections import Counter

import pytest

from components.ui.pages import LESSONS
from tests.support import open_page

pytestmark = pytest.mark.browser

WORD_LIMIT = 900
FOLD = 900
# The ResNet page offline (its default size), as a class without internet sees it.
QUERY = {"resnet": "&pretrained=0"}

MEASURE = r"""
() => {
  const words = s => (s.match(/\S+/g) || []).length;
  const main = document.querySelector('[data-testid=stMain]');
  const copy = main.cloneNode(true);
  copy.querySelectorAll('.js-plotly-plot, svg, .katex, pre, [data-testid=stSidebar],'
                        + ' details:not([open]) > :not(summary)').forEach(e => e.remove());
  copy.style.position = 'absolute';
  copy.style.left = '-99999px';
  copy.style.width = main.clientWidth + 'px';
  document.body.appendChild(copy);
  const prose = words(copy.innerText);
  copy.remove();
  const roots = [document];
  for (const e of document.querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);
  const tops = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll('.js-plotly-plot, [data-testid=stImage] img, svg[role=img]')) {
      const box = el.getBoundingClientRect();
      if (box.height > 40 && box.width > 100) tops.push(box.top + main.scrollTop);
    }
  }
  const names = [];
  for (const root of roots) {
    for (const el of root.querySelectorAll('input[type=range], [role=slider]')) {
      names.push(el.getAttribute('aria-label')
                 || (el.getAttribute('aria-labelledby') || '').split(' ').map(
                      id => document.getElementById(id)?.textContent || '').join(' ').trim()
                 || '');
    }
  }
  return {prose, firstFigure: tops.length ? Math.min(...tops) : null, names};
}
"""


ALL_DRAWN = r"""
() => {
  const roots = [document];
  for (const e of document.querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);
  const drags = roots.flatMap(r => [...r.querySelectorAll('.drag-slider')]);
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  return drags.every(d => d.querySelector('svg[role=img]'))
      && charts.every(c => c.querySelector('.js-plotly-plot .main-svg'));
}
"""


@pytest.fixture(scope="module")
def measured(browser, server_url):
    """``measured(slug)``: the page's numbers, each page opened once for both tests."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US")
    tab = context.new_page()
    seen: dict[str, dict] = {}

    def numbers(slug: str) -> dict:
        if slug not in seen:
            seen[slug] = measure(tab, server_url, slug)
        return seen[slug]

    yield numbers
    context.close()


def measure(page, server_url: str, slug: str) -> dict:
    open_page(page, server_url, "" if slug == "home" else slug,
              "lang=en" + QUERY.get(slug, ""), timeout=240_000)
    if slug != "home":
        # A figure drawn by plotly or by the drag slider's script arrives after the run.
        page.wait_for_function("() => document.querySelector('.js-plotly-plot, "
                               "[data-testid=stImage] img') || [...document.querySelectorAll('*')]"
                               ".some(e => e.shadowRoot && e.shadowRoot.querySelector('svg[role=img]'))",
                               timeout=120_000)
        # Under load a drag slider's figure (④'s first) may be drawn seconds after a
        # plotly chart further down: wait until every figure on the page is drawn and
        # the layout has settled, or the first figure found is a later one.
        page.wait_for_function(ALL_DRAWN, timeout=120_000)
    seen = page.evaluate(MEASURE)
    for _ in range(20):
        page.wait_for_timeout(500)
        again = page.evaluate(MEASURE)
        if again == seen:
            break
        seen = again
    return seen


@pytest.mark.parametrize("slug", ["home"] + [slug for slug, _ in LESSONS])
def test_prose_fits_and_a_figure_is_above_the_fold(measured, slug):
    seen = measured(slug)
    assert seen["prose"] <= WORD_LIMIT, f"{slug}: {seen['prose']} words before anything is opened"
    if slug != "home":  # the home page has no figure: it is the list of lessons
        assert seen["firstFigure"] is not None, f"{slug}: no figure"
        assert seen["firstFigure"] < FOLD, f"{slug}: first figure at {seen['firstFigure']:.0f} px"


@pytest.mark.parametrize("slug", [slug for slug, _ in LESSONS])
def test_no_two_sliders_share_an_accessible_name(measured, slug):
    names = measured(slug)["names"]
    assert names and all(names), f"{slug}: a slider without a name: {names}"
    shared = [name for name, n in Counter(names).items() if n > 1]
    assert not shared, f"{slug}: sliders sharing a name: {shared}"
