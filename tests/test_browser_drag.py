"""Lesson ②'s drag sliders in real Chromium: the figure follows the mouse while
the button is held (no rerun), the release reruns once and writes the URL, and
the keyboard moves it too."""

import re

import pytest

from tests.support import open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser

# Records every value of the app's script state from now on.
WATCH_RUNS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__states = [];
  new MutationObserver(() => window.__states.push(app.dataset.testScriptState))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def _range(page, name):
    return page.locator(f".st-key-{name}_drag input[type='range']")


READ_FIGURE = """(wrap, name) => {
  const svg = wrap.querySelector("svg.figure");
  const tangent = wrap.querySelector("line[data-name='tangent']");
  return {
    value: svg.getAttribute("data-value"),
    tangent: tangent && ["x1", "y1", "x2", "y2"].map(a => tangent.getAttribute(a)).join(","),
    point: wrap.querySelector("circle[data-name='point']")?.getAttribute("data-y"),
    bar: wrap.querySelector(`rect[data-name='${name[0]}_grad']`).getAttribute("data-value"),
    bar_text: wrap.querySelector(`text[data-name='${name[0]}_grad_text']`).textContent,
    draws: Number(wrap.dataset.draws),
  };
}"""


def _drawn(page, name) -> dict:
    """What the figure of slider ``name`` draws now: frame value, tangent ends, bar."""
    return page.locator(f".st-key-{name}_drag .drag-slider").evaluate(READ_FIGURE, name)


def _thumb_x(box, index, last, thumb=16):
    return box["x"] + thumb / 2 + (box["width"] - thumb) * index / last


def test_a_drag_moves_the_figure_before_any_rerun_and_the_release_writes_the_url(
        page, server_url):
    open_page(page, server_url, "gradients", "lang=en&v1=0.5")
    slider = _range(page, "a1")
    slider.scroll_into_view_if_needed()
    start = _drawn(page, "a1")
    assert start["value"] == "2" and start["bar_text"] == "18"  # 9·2²·0.5
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.evaluate(WATCH_RUNS)
    page.mouse.move(_thumb_x(box, 50, 60), y)
    page.mouse.down()
    seen = []
    for index in range(49, 29, -1):  # a₁ from 2.0 down to 0.0, one grid step per move
        page.mouse.move(_thumb_x(box, index, 60), y)
        seen.append(_drawn(page, "a1"))
    states_while_held = page.evaluate("() => window.__states.slice()")
    assert "running" not in states_while_held, states_while_held
    values = [s["value"] for s in seen]
    assert len(set(values)) >= 15, values
    # Every step of the drag redrew the tangent, the point and the bar.
    assert len({s["tangent"] for s in seen}) == len(set(values))
    assert len({s["bar"] for s in seen}) == len(set(values))  # a ≥ 0: 9a²·v all differ
    assert seen[-1]["draws"] - start["draws"] >= len(set(values))
    held = seen[-1]
    page.mouse.up()
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('a1') === '{held['value']}'",
                           timeout=60_000)
    wait_idle(page)
    assert "running" in page.evaluate("() => window.__states")  # one rerun on release
    after = _drawn(page, "a1")
    # Nothing jumps on release: the same frame, drawn from the new run's data.
    assert {k: after[k] for k in ("value", "tangent", "point", "bar", "bar_text")} == \
        {k: held[k] for k in ("value", "tangent", "point", "bar", "bar_text")}
    # The page's table shows the number the figure drew during the drag.
    table = page.locator("[data-testid='stMarkdownContainer'] table").first.inner_text()
    assert re.search(rf"\b{re.escape(held['bar_text'])}\b", table), (held, table)
    # The plain slider at the top follows.
    assert float(slider_handle(page, "a1").input_value()) == float(held["value"])
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_keyboard_moves_it_and_keeps_the_focus(page, server_url):
    open_page(page, server_url, "gradients", "lang=ko")
    slider = _range(page, "b1")
    slider.focus()
    assert slider.get_attribute("aria-valuenow") == "6"
    for expected in ("5.9", "5.8"):
        page.keyboard.press("ArrowLeft")
        # Drawn at once, before the rerun the key also asks for.
        assert _drawn(page, "b1")["value"] == expected
        page.wait_for_function(
            f"() => new URLSearchParams(location.search).get('b1') === '{expected}'",
            timeout=60_000)
        wait_idle(page)
        assert slider.evaluate("e => e.matches(':focus')")  # the rerun kept the focus
    assert slider.get_attribute("aria-valuetext") == "5.8"
    assert page.locator(".st-key-b1_drag output").text_content() == "5.8"
    page.keyboard.press("Home")
    page.wait_for_function("() => new URLSearchParams(location.search).get('b1') === '-6'",
                           timeout=60_000)
    wait_idle(page)
    assert _drawn(page, "b1")["bar_text"] == "12"  # −2·(−6)·1
    label = page.locator(".st-key-b1_drag label").text_content()
    assert label == "b₁ (b[0])"


def test_the_calls_lines_grow_during_a_drag_on_lesson_3(page, server_url):
    open_page(page, server_url, "accumulation", "lang=en&calls=3")
    slider = _range(page, "calls")
    slider.scroll_into_view_if_needed()
    wrap = page.locator(".st-key-calls_drag .drag-slider")
    points = "w => JSON.parse(w.querySelector(\"g[data-name='a0_line']\").dataset.points).length"
    assert wrap.evaluate(points) == 3
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.evaluate(WATCH_RUNS)
    page.mouse.move(box["x"] + 8 + (box["width"] - 16) * 2 / 9, y)
    page.mouse.down()
    counts = []
    for k in range(3, 10):  # calls 4 … 10
        page.mouse.move(box["x"] + 8 + (box["width"] - 16) * k / 9, y)
        counts.append(wrap.evaluate(points))
    assert counts == list(range(4, 11))
    assert "running" not in page.evaluate("() => window.__states")
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).get('calls') === '10'",
                           timeout=60_000)
    wait_idle(page)
    assert wrap.evaluate(points) == 10


def test_a_tap_on_a_phone_moves_it_and_vertical_swipes_stay_with_the_page(browser, server_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    phone = context.new_page()
    try:
        open_page(phone, server_url, "gradients", "lang=ko")
        slider = _range(phone, "v1")
        slider.scroll_into_view_if_needed()
        assert slider.evaluate("e => getComputedStyle(e).touchAction") == "pan-y"
        assert slider.get_attribute("aria-valuemin") == "-1"
        assert slider.get_attribute("aria-valuemax") == "1"
        box = slider.bounding_box()
        phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        phone.wait_for_function(
            "() => new URLSearchParams(location.search).get('v1') === '0'", timeout=60_000)
        wait_idle(phone)
        bar = phone.locator(".st-key-v1_drag text[data-name='a_grad_text']")
        assert bar.text_content() == "0"  # a.grad[0] = 9a²·0
    finally:
        context.close()
