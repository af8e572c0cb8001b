"""Presenter view from the back row: rendered font sizes on every lesson at
1024 × 768 with ``present=1`` (getComputedStyle, in real Chromium)."""

from __future__ import annotations

import pytest

from components.ui.pages import LESSONS
from tests.support import open_page

pytestmark = pytest.mark.browser

# Rendered sizes in CSS pixels. Drag figures are SVGs in a component's shadow
# root: a text's size is its font size times the figure's displayed width over
# its viewBox width.
SIZES_JS = """() => {
  const roots = [document];
  for (const host of document.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const all = s => roots.flatMap(r => Array.from(r.querySelectorAll(s))).filter(visible)
    .filter(e => e.textContent.trim());
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const main = '[data-testid=stMain] ';
  const sizes = s => all(s).map(e => [size(e), e.textContent.trim().slice(0, 30)]);
  const drag = [];
  for (const svg of all('svg.figure')) {
    const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      if (t.textContent.trim()) drag.push([size(t) * k, t.textContent.trim()]);
    }
  }
  const block = document.querySelector('[data-testid=stMainBlockContainer]');
  const style = getComputedStyle(block);
  const inner = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {
    body: sizes(main + '[data-testid=stMarkdownContainer] :is(p, li)'),
    labels: sizes(main + '[data-testid=stWidgetLabel] p'),
    code: sizes(main + ':is([data-testid=stMarkdownContainer] code, [data-testid=stCode] code)'),
    ticks: sizes('.js-plotly-plot :is(.xtick, .ytick) text'),
    drag,
    dragWidths: all('.drag-slider').map(e => e.getBoundingClientRect().width / inner),
  };
}"""
# Every drag slider's figure is drawn (its component's script has run).
DRAG_DRAWN_JS = """() => Array.from(document.querySelectorAll('[class*="_drag"]')).every(host =>
  Array.from(host.querySelectorAll('*')).some(e => e.shadowRoot &&
    e.shadowRoot.querySelector('svg.figure text')))"""


def _small(found, limit):
    return [(round(size, 1), text) for size, text in found if size < limit]


@pytest.mark.parametrize("slug", [slug for slug, _ in LESSONS])
def test_every_lesson_reads_from_the_back_row(browser, server_url, slug):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="ko-KR")
    try:
        tab = context.new_page()
        open_page(tab, server_url, slug, "lang=ko&present=1", charts=True, timeout=240_000)
        tab.wait_for_function(DRAG_DRAWN_JS, timeout=60_000)
        tab.wait_for_timeout(500)  # plotly lays out its ticks after the run ends
        found = tab.evaluate(SIZES_JS)
        assert found["body"] and found["code"] and found["ticks"]
        assert _small(found["body"] + found["labels"], 24) == []
        assert _small(found["code"], 20) == []
        assert _small(found["ticks"], 18) == []
        assert _small(found["drag"], 18) == []
        # Each drag figure has a row of its own, the page's whole width.
        assert all(share > 0.95 for share in found["dragWidths"]), found["dragWidths"]
        if slug in ("gradients", "accumulation", "optimizer"):
            assert found["drag"] and found["dragWidths"]
    finally:
        context.close()
