"""Lesson ②'s drag sliders in real Chromium: the figure follows the mouse while
the button is held (no rerun), the release reruns once and writes the URL, and
the keyboard moves it too."""

import json
import re
import struct

import pytest

from tests.support import WATCH_RUNS, open_page, slider_handle, wait_idle

pytestmark = pytest.mark.browser



def _url_value(page, name: str, value: str) -> None:
    """Wait until the URL holds ``name=value`` and the rerun is over."""
    page.wait_for_function(
        f"() => new URLSearchParams(location.search).get('{name}') === '{value}'",
        timeout=60_000)
    wait_idle(page)


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
    _url_value(page, "a1", held["value"])
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
        _url_value(page, "b1", expected)
        assert slider.evaluate("e => e.matches(':focus')")  # the rerun kept the focus
    assert slider.get_attribute("aria-valuetext") == "5.8"
    assert page.locator(".st-key-b1_drag output").text_content() == "5.8"
    page.keyboard.press("Home")
    _url_value(page, "b1", "-6")
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
    _url_value(page, "calls", "10")
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
        _url_value(phone, "v1", "0")
        bar = phone.locator(".st-key-v1_drag text[data-name='a_grad_text']")
        assert bar.text_content() == "0"  # a.grad[0] = 9a²·0
    finally:
        context.close()


# Lesson ④ (issue #14): the runs of the momentum and lr drag sliders.
READ_RUNS = """(wrap) => {
  const svg = wrap.querySelector("svg.figure");
  const attr = (what, name) => wrap.querySelector(what)?.getAttribute(name) ?? null;
  const end = wrap.querySelector("path[data-name='chosen_end']");
  return {
    value: svg.getAttribute("data-value"),
    frame: svg.getAttribute("data-frame"),
    alt: svg.getAttribute("aria-label"),
    chosen_path: attr("g[data-name='chosen_path']", "data-points"),
    plain_path: attr("g[data-name='plain_path']", "data-points"),
    chosen_loss: attr("g[data-name='chosen_loss']", "data-points"),
    end: end && ["data-x", "data-y", "data-shape"].map(a => end.getAttribute(a)),
    loss_text: wrap.querySelector("text[data-name='chosen_loss_text']")?.textContent ?? null,
    draws: Number(wrap.dataset.draws),
    state: document.querySelector("[data-testid='stApp']").dataset.testScriptState,
  };
}"""

# After this, every `input` event on drag slider `name` records what the figure
# drew by the time it had bubbled up (the component's own listener ran first).
WATCH_INPUT = """(wrap) => {
  window.__inputs = [];
  wrap.addEventListener("input", () => window.__inputs.push(window.__readRuns(wrap)));
}"""

# The trace of the page's plotly map (key map_chart) that draws the chosen run's
# path: the momentum colour, lines and markers.
MAP_PATH = """(color) => {
  const plot = document.querySelector(".st-key-map_chart .js-plotly-plot");
  const trace = (plot?.data || []).find(t => t.mode === "lines+markers" && t.line?.color === color);
  return trace ? {x: Array.from(trace.x), y: Array.from(trace.y), name: trace.name} : null;
}"""


def _runs(page, name) -> dict:
    return page.locator(f".st-key-{name}_drag .drag-slider").evaluate(READ_RUNS)


def _f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def test_dragging_momentum_moves_the_chosen_path_before_any_rerun_on_lesson_4(
        page, server_url):
    from components.charts.optimizer import MOMENTUM_COLOR

    open_page(page, server_url, "optimizer", "lang=en")
    slider = _range(page, "momentum")
    slider.scroll_into_view_if_needed()
    start = _runs(page, "momentum")
    assert start["value"] == "0.9" and slider.get_attribute("aria-valuenow") == "0.9"
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.evaluate(WATCH_RUNS)
    page.mouse.move(_thumb_x(box, 90, 99), y)
    page.mouse.down()
    seen = []
    for index in range(89, 69, -1):  # μ from 0.89 down to 0.70, one grid step per move
        page.mouse.move(_thumb_x(box, index, 99), y)
        seen.append(_runs(page, "momentum"))
    states_while_held = page.evaluate("() => window.__states.slice()")
    assert "running" not in states_while_held, states_while_held
    values = [s["value"] for s in seen]
    assert values == [f"{k / 100:g}" for k in range(89, 69, -1)], values
    # Every step drew another chosen run (path, losses, words); the plain run stays.
    for key in ("chosen_path", "chosen_loss", "alt"):
        assert len({s[key] for s in seen} | {start[key]}) == len(seen) + 1, key
    assert {s["plain_path"] for s in seen} == {start["plain_path"]}
    assert seen[-1]["draws"] - start["draws"] == len(seen)
    held = seen[-1]
    assert "0.7" in held["alt"]
    page.mouse.up()
    _url_value(page, "momentum", held["value"])
    assert page.evaluate("() => window.__states").count("running") == 1  # one rerun
    after = _runs(page, "momentum")
    # Nothing jumps on release: the same frame, drawn from the new run's data.
    frame_keys = ("value", "frame", "alt", "chosen_path", "plain_path", "chosen_loss", "end",
                  "loss_text")
    assert {k: after[k] for k in frame_keys} == {k: held[k] for k in frame_keys}
    # The page's plotly map, rerun at μ 0.7, draws the path the drag drew.
    drawn = json.loads(held["chosen_path"])
    page.wait_for_function(
        f"(color) => ({MAP_PATH})(color)?.name.includes('0.7')", arg=MOMENTUM_COLOR,
        timeout=30_000)
    trace = page.evaluate(MAP_PATH, MOMENTUM_COLOR)
    assert len(trace["x"]) == len(drawn) > 2
    assert [[_f32(x), _f32(y)] for x, y in zip(trace["x"], trace["y"], strict=True)] == \
        [[_f32(x), _f32(y)] for x, y in drawn]
    assert float(slider_handle(page, "momentum").input_value()) == 0.7
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_keyboard_moves_the_learning_rate_until_the_run_blows_up(page, server_url):
    from components.core.optimizer import run_sgd
    from components.ui.schema import A1, A2

    open_page(page, server_url, "optimizer", "lang=en")
    slider = _range(page, "lr")
    slider.focus()
    assert slider.get_attribute("aria-valuenow") == "0.01"
    start = _runs(page, "lr")
    page.evaluate(f"() => {{ window.__readRuns = {READ_RUNS}; }}")
    page.locator(".st-key-lr_drag .drag-slider").evaluate(WATCH_INPUT)
    page.keyboard.press("ArrowRight")
    # Drawn at the key's `input` event itself, while no rerun had started.
    (drawn,) = page.evaluate("() => window.__inputs")
    assert drawn["state"] == "notRunning"
    assert drawn["value"] == "0.03" and drawn["chosen_path"] != start["chosen_path"]
    assert drawn["plain_path"] != start["plain_path"]  # over lr both runs move
    _url_value(page, "lr", "0.03")
    assert slider.evaluate("e => e.matches(':focus')")  # the rerun kept the focus
    # Once the slider rests, a screen reader hears the frame: the figure's own sentence.
    wrap = page.locator(".st-key-lr_drag .drag-slider")
    page.wait_for_function("(w) => w.querySelector('.announce').textContent !== ''",
                           arg=wrap.element_handle(), timeout=10_000)
    spoken = wrap.evaluate("w => [w.querySelector('.announce').textContent,"
                           " w.querySelector('svg.figure').getAttribute('aria-label'),"
                           " w.querySelector('.announce').getAttribute('aria-live')]")
    assert spoken[0] == spoken[1] and "lr 0.03" in spoken[0] and spoken[2] == "polite"
    assert _runs(page, "lr")["chosen_path"] == drawn["chosen_path"]
    page.keyboard.press("End")
    _url_value(page, "lr", "1")
    assert slider.get_attribute("aria-valuetext") == "1"
    end = _runs(page, "lr")
    assert end["value"] == "1" and end["end"][2] == "cross"
    # lr 1 on the valley blows up; the label names the step the real run stopped at.
    run = run_sgd("valley", (A1.default, A2.default), (0.0, 0.0), 1.0, 0.9, 50)
    assert run.diverged
    assert end["loss_text"] == f"blew up at step {run.diverged_at}", end["loss_text"]


def test_the_momentum_figure_stacks_its_panels_on_a_phone(browser, server_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    phone = context.new_page()
    try:
        open_page(phone, server_url, "optimizer", "lang=ko")
        wrap = phone.locator(".st-key-momentum_drag .drag-slider")
        wrap.scroll_into_view_if_needed()
        # The component lives in a shadow root: wait on its element, not the document.
        phone.wait_for_function(
            "(w) => w.querySelector('svg.figure').getAttribute('viewBox').startsWith('0 0 340 ')",
            arg=wrap.element_handle(), timeout=30_000)
        figure = wrap.locator("svg.figure")
        box = figure.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, box
        # Both panels drawn (map above, loss below) and the page does not scroll sideways.
        assert figure.locator("g[data-name='chosen_path']").count() == 1
        assert figure.locator("g[data-name='chosen_loss']").count() == 1
        width = phone.evaluate("""() => {
          const main = document.querySelector('[data-testid="stMain"]');
          return Math.max(document.scrollingElement.scrollWidth, main ? main.scrollWidth : 0);
        }""")
        assert width <= 390 + 1, width
        # No text leaves the SVG (the SVG clips it), on a landscape and on Q, whose
        # long signed-log ticks push the loss axis title furthest left.
        assert wrap.evaluate(TEXT_OUTSIDE) == []
        open_page(phone, server_url, "optimizer", "lang=ko&objective=q")
        assert wrap.locator("g[data-name='chosen_path']").count() == 0  # no map on Q
        assert wrap.evaluate(TEXT_OUTSIDE) == []
    finally:
        context.close()


# Every text of a drag figure whose box reaches more than 4 px beyond its SVG.
# The box is the font's line box, a little taller than the ink: a rotated "a₂"
# 3 px past the edge still shows whole; the Q loss title 12 px past it was cut.
TEXT_OUTSIDE = """(wrap) => {
  const svg = wrap.querySelector("svg.figure").getBoundingClientRect();
  return [...wrap.querySelectorAll("svg.figure text")].filter(t => t.textContent).map(t => {
    const box = t.getBoundingClientRect();
    return [t.textContent, Math.round(box.left - svg.left), Math.round(svg.right - box.right),
            Math.round(box.top - svg.top), Math.round(svg.bottom - box.bottom)];
  }).filter(([, ...gaps]) => gaps.some(g => g < -4));
}"""
