"""Phones (390 × 844, touch) and the projector's back row, in real Chromium.

Swipes are real touch events (CDP ``Input.dispatchTouchEvent``): a thumb that
scrolls the page drifts sideways a few pixels, and it must not move a slider.
"""

from __future__ import annotations

import contextlib

import pytest

from tests.support import WATCH_RUNS, open_page, wait_idle

pytestmark = pytest.mark.browser

SCROLL_TOP = "() => document.querySelector('[data-testid=stMain]').scrollTop"
# The live figure under a slider (it follows the slider; it has no slider of its own).
DRAG_FIGURE = ".st-key-{}_drag .drag-slider"
KNOB = ".st-key-{} [role='group'] > div > div:has(input[type='range'])"
ST_RANGE = ".st-key-{} input[type='range']"


@contextlib.contextmanager
def _phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, locale="ko-KR")
    try:
        tab = context.new_page()
        yield tab, context.new_cdp_session(tab)
    finally:
        context.close()


def _swipe(tab, cdp, x, y, dx, dy, steps=12):
    """A finger from (x, y) to (x + dx, y + dy) in ``steps`` moves, ~60 per second."""
    def touch(kind, px, py):
        points = [] if kind == "touchEnd" else [{"x": px, "y": py}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", x, y)
    for step in range(1, steps + 1):
        touch("touchMove", x + dx * step / steps, y + dy * step / steps)
        tab.wait_for_timeout(16)
    touch("touchEnd", x + dx, y + dy)
    # A release that sends a value starts a rerun within a few frames.
    tab.wait_for_timeout(800)
    wait_idle(tab)


ROOM_BELOW = """() => { const m = document.querySelector('[data-testid=stMain]');
  return m.scrollHeight - m.clientHeight - m.scrollTop; }"""


def _swipe_from(tab, cdp, selector, share, dx, dy):
    """Swipe starting at ``share`` of the element's width, in the screen's middle.

    A vertical ``dy`` goes whichever way the page has room to scroll (the
    finger up, the page down, unless the element is near the page's end).
    Returns how far the page scrolled, in pixels."""
    element = tab.locator(selector)
    element.evaluate("e => e.scrollIntoView({block: 'center'})")
    tab.wait_for_timeout(200)
    if abs(dy) > abs(dx) and tab.evaluate(ROOM_BELOW) < 400:
        dy = abs(dy)
    elif abs(dy) > abs(dx):
        dy = -abs(dy)
    box = element.bounding_box()
    before = tab.evaluate(SCROLL_TOP)
    _swipe(tab, cdp, box["x"] + box["width"] * share, box["y"] + box["height"] / 2, dx, dy)
    return abs(tab.evaluate(SCROLL_TOP) - before)


@pytest.mark.parametrize("drift", [0, 5, 10, 18])
def test_a_vertical_swipe_on_any_slider_scrolls_and_leaves_its_value(browser, server_url,
                                                                     drift):
    with _phone(browser) as (tab, cdp):
        open_page(tab, server_url, "gradients", "lang=ko&a1=-1.2&b2=4")
        url = tab.url
        # ②'s live figure of a₁, from several points across it, and a₁'s own knob.
        for selector, share in [(DRAG_FIGURE.format("a1"), s) for s in (0.1, 0.5, 0.9)] + \
                [(KNOB.format("a1"), 0.5)]:
            tab.evaluate(WATCH_RUNS)
            assert _swipe_from(tab, cdp, selector, share, drift, 300) > 100, "the page scrolled"
            assert tab.locator(ST_RANGE.format("a1")).get_attribute("aria-valuetext") == "-1.2"
            assert tab.locator(DRAG_FIGURE.format("a1")).get_attribute("data-value") \
                == "-1.2", "the figure stayed on a₁ = −1.2"
            assert tab.evaluate("window.__states") == [], "no rerun"
        # A Streamlit slider's knob (18 px of drift moved b₂ 4.0 → 4.1 before). Up to
        # 10 px is the rule; 18 px over a 300 px swipe is still plainly vertical.
        tab.evaluate(WATCH_RUNS)
        assert _swipe_from(tab, cdp, KNOB.format("b2"), 0.5, drift, 300) > 100, \
            "the page scrolled"
        assert tab.locator(ST_RANGE.format("b2")).get_attribute("aria-valuetext") == "4.0"
        assert tab.evaluate("window.__states") == [], "no rerun"
        assert tab.url == url


def test_a_horizontal_drag_moves_either_slider_and_the_figure_follows(browser, server_url):
    with _phone(browser) as (tab, cdp):
        open_page(tab, server_url, "gradients", "lang=ko&a1=-1.2&b2=4")
        # The slider (and the figure under it) follows the finger once the move is
        # plainly sideways.
        _swipe_from(tab, cdp, KNOB.format("a1"), 0.5, 120, 8)
        tab.wait_for_function("() => new URLSearchParams(location.search).get('a1') !== '-1.2'",
                              timeout=30_000)
        wait_idle(tab)
        value = float(tab.locator(ST_RANGE.format("a1")).get_attribute("aria-valuetext"))
        assert value > 0.0  # 120 px of a ~330 px track for −3 … 3: about +2
        assert f"a1={value:g}" in tab.url
        assert float(tab.locator(DRAG_FIGURE.format("a1")).get_attribute("data-value")) == value
        _swipe_from(tab, cdp, KNOB.format("b2"), 0.5, -100, 6)
        tab.wait_for_function("() => new URLSearchParams(location.search).get('b2') !== '4'",
                              timeout=30_000)
        wait_idle(tab)
        assert float(tab.locator(ST_RANGE.format("b2")).get_attribute("aria-valuetext")) < 4.0
