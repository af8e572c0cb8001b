"""The classroom screens in real headless Chromium: phones, projector, laptop.

One server and one browser for the whole module; each test opens a context
with the screen it needs. Widths and languages are parametrised per screen,
and every page is checked inside one test, to keep the suite short.
"""

from __future__ import annotations

import pytest

from components.ui.i18n import t
from components.ui.pages import LESSONS
from tests.support import open_page, screen_tab, slider_handle, wait_idle

pytestmark = pytest.mark.browser

SLUGS = [""] + [slug for slug, _ in LESSONS]
RESET = ".st-key-reset_defaults button[data-testid^='stBaseButton'] >> visible=true"
PHONES = {(360, 740), (390, 844)}
SCREENS = [(360, 740, "ko"), (390, 844, "ko"), (390, 844, "en"), (768, 1024, "ko"),
           (1024, 768, "en"), (1024, 768, "ko"), (1440, 900, "en")]

# Every text box plotly draws around a chart: titles, ticks, legend, annotations.
CHART_TEXT = (".gtitle, .g-xtitle text, .g-ytitle text, .xtick text, .ytick text, "
              ".legendtext, .annotation-text, .cbtitle text, .cbaxis text")

_OVERLAPS_JS = """(selector) => {
  const found = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const boxes = [];
    for (const el of plot.querySelectorAll(selector)) {
      if (!el.textContent.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      boxes.push([el.textContent.trim(), r]);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [ta, a] = boxes[i], [tb, b] = boxes[j];
        // Text boxes include the font's line gap: a 2 px touch is not an overlap.
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) found.push(`${ta} × ${tb}`);
      }
    }
  }
  return found;
}"""

_WIDTH_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return Math.max(document.documentElement.scrollWidth, main ? main.scrollWidth : 0);
}"""

_TICK_SIZES_JS = """() => Array.from(document.querySelectorAll(
    '.js-plotly-plot .xtick text, .js-plotly-plot .ytick text'))
  .filter(e => e.textContent.trim() && e.getBoundingClientRect().width > 0)
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""

# The backward graph is an SVG in an <img>: its text renders at its font size
# times the image's displayed width over its viewBox width.
_GRAPH_TEXT_JS = """() => {
  const img = document.querySelector('[data-testid="stImage"] img[src^="data:image/svg+xml"]');
  const svg = atob(img.src.split(',')[1]);
  const size = parseFloat(/font-size="([0-9.]+)"/.exec(svg)[1]);
  const viewWidth = parseFloat(/viewBox="0 0 ([0-9.]+)/.exec(svg)[1]);
  return size * img.getBoundingClientRect().width / viewWidth;
}"""


def _tab(browser, width, height, lang="ko"):
    """A tab with this screen; a phone's is mobile and touch."""
    return screen_tab(browser, width, height, lang, phone=(width, height) in PHONES)


# True once every plotly chart is drawn and the charts' sizes, their number of text
# boxes and the page width read the same twice in a row (one poll apart).
_CHARTS_SETTLED_JS = """() => {
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
  if (plots.some(p => !p._fullLayout || !p.querySelector('.main-svg'))) {
    window.__chartsSeen = null;
    return false;
  }
  const seen = JSON.stringify([document.documentElement.scrollWidth, plots.map(p => {
    const r = p.getBoundingClientRect();
    return [Math.round(r.width), Math.round(r.height), p.querySelectorAll('text').length];
  })]);
  const same = window.__chartsSeen === seen;
  window.__chartsSeen = seen;
  return same;
}"""


def _settle_charts(tab):
    """Plotly lays out after the script run: wait for idle, then until the charts
    stop changing (not a fixed pause)."""
    wait_idle(tab)
    tab.evaluate("() => { window.__chartsSeen = null; }")
    tab.wait_for_function(_CHARTS_SETTLED_JS, polling=150, timeout=30_000)
    wait_idle(tab)


@pytest.mark.parametrize(("width", "height", "lang"), SCREENS,
                         ids=[f"{w}x{h}-{lang}" for w, h, lang in SCREENS])
def test_no_page_scrolls_sideways_and_no_chart_text_overlaps(browser, server_url, width,
                                                              height, lang):
    with _tab(browser, width, height, lang) as tab:
        for slug in SLUGS:
            open_page(tab, server_url, slug, f"lang={lang}", charts=bool(slug))
            _settle_charts(tab)
            assert tab.evaluate(_WIDTH_JS) <= width, f"/{slug} scrolls sideways at {width} px"
            assert tab.evaluate(_OVERLAPS_JS, CHART_TEXT) == [], f"/{slug} at {width} px"
            assert tab.locator("[data-testid='stException']").count() == 0
            if width == 1024 and slug:
                ticks = tab.evaluate(_TICK_SIZES_JS)
                assert ticks and min(ticks) >= 14, f"/{slug}: tick labels {min(ticks or [0])} px"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_presenter_view_is_larger_and_says_when_no_qr_code_can_work(browser, server_url, lang):
    with _tab(browser, 1024, 768, lang) as tab:
        open_page(tab, server_url, "gradients", f"lang={lang}", charts=True)
        _settle_charts(tab)
        body_size = tab.evaluate("() => parseFloat(getComputedStyle("
                                 "document.querySelector('[data-testid=stMain] p')).fontSize)")
        assert tab.locator(".st-key-share_panel").count() == 0

        open_page(tab, server_url, "gradients", f"lang={lang}&present=1&a1=-1", charts=True)
        _settle_charts(tab)
        # The sidebar starts folded: the lesson gets the projector's full width.
        sidebar = tab.locator("[data-testid='stSidebar']")
        assert sidebar.count() == 0 or sidebar.get_attribute("data-collapsed") == "true"
        big = tab.evaluate("() => parseFloat(getComputedStyle("
                           "document.querySelector('[data-testid=stMain] p')).fontSize)")
        assert big >= 1.25 * body_size
        assert min(tab.evaluate(_TICK_SIZES_JS)) >= 18
        assert tab.evaluate(_GRAPH_TEXT_JS) >= 16
        assert tab.evaluate(_OVERLAPS_JS, CHART_TEXT) == []

        # This server listens on 127.0.0.1 only: no phone could open a link to it,
        # so the share panel says so instead of showing a QR code
        # (tests/test_browser_room.py has a server a room can reach).
        panel = tab.locator(".st-key-share_panel")
        assert t("share.unreachable.loopback_only", lang,
                 env="AUTOGRAD_LAB_PUBLIC_URL").split("`")[0] in panel.inner_text()
        assert panel.locator("[data-testid='stImage']").count() == 0
        assert "present=1" in tab.url and "a1=-1" in tab.url


def test_presenter_charts_on_the_fragment_pages_follow_their_sliders(browser, server_url):
    """③'s lr slider lives in a fragment; in presenter view it reruns the page."""
    with _tab(browser, 1024, 768, "en") as tab:
        open_page(tab, server_url, "accumulation", "lang=en&present=1", charts=True)
        _settle_charts(tab)
        assert min(tab.evaluate(_TICK_SIZES_JS)) >= 18
        slider_handle(tab, "lr").focus()
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function("() => location.search.includes('lr=0.03')", timeout=30_000)


def _touch(cdp, kind, x, y):
    points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def test_phone_swipe_on_a_slider_scrolls_and_a_drag_moves_it(browser, server_url):
    with _tab(browser, 390, 844) as tab:
        open_page(tab, server_url, "gradients", "lang=ko", charts=True)
        _settle_charts(tab)
        cdp = tab.context.new_cdp_session(tab)
        thumb = tab.locator(".st-key-a2 [role='group'] > div > div:has(input[type='range'])")
        thumb.scroll_into_view_if_needed()
        box = thumb.bounding_box()
        # Touch targets: the knob is at least 44 × 44 px.
        assert box["width"] >= 44 and box["height"] >= 44
        scroll = "() => document.querySelector('[data-testid=stMain]').scrollTop"
        before = tab.evaluate(scroll)
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # A vertical swipe that starts on the knob, as a thumb scrolls a page.
        _touch(cdp, "touchStart", x, y)
        for step in range(1, 13):
            _touch(cdp, "touchMove", x, y - 25 * step)
            tab.wait_for_timeout(16)
        _touch(cdp, "touchEnd", x, y - 300)
        tab.wait_for_timeout(800)
        wait_idle(tab)
        assert tab.evaluate(scroll) > before + 100, "the page scrolled"
        assert "a2=3" in tab.url
        assert slider_handle(tab, "a2").get_attribute("aria-valuetext") == "3.0"
        # A swipe across the track (not on the knob) scrolls too and leaves the value.
        track = tab.locator(".st-key-b1 [role='group'] > div").first
        track.scroll_into_view_if_needed()
        tbox = track.bounding_box()
        x, y = tbox["x"] + tbox["width"] * 0.3, tbox["y"] + tbox["height"] / 2
        _touch(cdp, "touchStart", x, y)
        for step in range(1, 9):
            _touch(cdp, "touchMove", x, y + 25 * step)
            tab.wait_for_timeout(16)
        _touch(cdp, "touchEnd", x, y + 200)
        tab.wait_for_timeout(800)
        wait_idle(tab)
        assert "b1=6" in tab.url
        # A horizontal drag of the knob still moves the slider.
        thumb.scroll_into_view_if_needed()
        box = thumb.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        _touch(cdp, "touchStart", x, y)
        for step in range(1, 11):
            _touch(cdp, "touchMove", x - 12 * step, y)
            tab.wait_for_timeout(16)
        _touch(cdp, "touchEnd", x - 120, y)
        tab.wait_for_function("() => !location.search.includes('a2=3&')", timeout=30_000)
        wait_idle(tab)
        assert float(slider_handle(tab, "a2").get_attribute("aria-valuetext")) < 3.0


def test_phone_reaches_lessons_and_language_without_the_sidebar(browser, server_url):
    with _tab(browser, 390, 844) as tab:
        open_page(tab, server_url, "gradients", "lang=ko")
        bar = tab.locator(".st-key-top_bar")
        # The app's stylesheet can land a moment after the run ends under load;
        # wait for it (the 44 px rule is what is measured below).
        tab.wait_for_function(
            "() => { const b = document.querySelector('.st-key-top_bar button');"
            " return b && b.getBoundingClientRect().height >= 44; }", timeout=30_000)
        for target in (bar.locator("button").first, tab.locator(RESET)):
            box = target.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44
        for label in bar.locator("[role='radiogroup'] label").all():
            assert label.bounding_box()["height"] >= 44
        # Switch the language from the top bar.
        bar.get_by_text("English").click()
        tab.wait_for_function("() => location.search.includes('lang=en')", timeout=30_000)
        wait_idle(tab)
        assert tab.locator("h1").first.inner_text().startswith("②")
        # Open the lesson menu and go to ③.
        bar.locator("button").first.click()
        tab.get_by_test_id("stPopoverBody").get_by_role("link",
                                                        name="③ Gradient accumulation").click()
        tab.wait_for_url("**/accumulation?**", timeout=30_000)
        wait_idle(tab)
        assert tab.locator("h1").first.inner_text().startswith("③")
        # Every lesson ends with a link to the next one.
        link = tab.get_by_role("link", name="Next lesson: ④ The optimizer")
        link.scroll_into_view_if_needed()
        assert link.bounding_box()["height"] >= 44
        link.click()
        tab.wait_for_url("**/optimizer?**", timeout=30_000)
        wait_idle(tab)
        assert tab.locator("h1").first.inner_text().startswith("④")


def test_reset_restores_the_tutorial_values_and_the_url(browser, server_url):
    with _tab(browser, 1024, 768, "en") as tab:
        open_page(tab, server_url, "optimizer",
                  "lang=en&objective=rosenbrock&a1=-1&lr=0.1&momentum=0.5&steps=20", charts=True)
        tab.locator(RESET).click()
        tab.wait_for_function("() => location.search.includes('objective=valley')",
                              timeout=30_000)
        wait_idle(tab)
        for part in ("lang=en", "a1=2", "a2=3", "lr=0.01", "momentum=0.9", "steps=50"):
            assert part in tab.url, part
        assert slider_handle(tab, "a1").get_attribute("aria-valuetext") == "2.0"


def test_optimizer_map_is_full_width_and_tall_on_a_projector(browser, server_url):
    with _tab(browser, 1024, 768, "ko") as tab:
        open_page(tab, server_url, "optimizer", "lang=ko", charts=True)
        _settle_charts(tab)
        chart = tab.locator(".st-key-map_chart .js-plotly-plot")
        box = chart.bounding_box()
        content = tab.evaluate("""() => {
          const main = document.querySelector('[data-testid=stMainBlockContainer]');
          const style = getComputedStyle(main);
          return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        }""")
        assert box["height"] >= 500
        assert box["width"] >= 0.98 * content
        # The map itself (the square plot area), not only its frame, is large.
        area = chart.locator(".nsewdrag").first.bounding_box()
        assert area["height"] >= 400
