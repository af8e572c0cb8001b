"""One control per value, with a figure that follows its drag (issue 27 §3), in
real Chromium: on ② (a value of each tensor), ③ (calls) and ④ (lr, momentum) a
mouse drag on the page's own ``st.slider`` redraws the figure under it while the
button is held (no rerun), the release reruns once, writes the URL and the
figure keeps that frame; keys and a tap move it too. Each figure finds its
slider in the page (``.st-key-<name> input[type=range]``) and says so in
``data-follow``: if Streamlit's DOM changes, these tests fail."""

import json
import re
import struct

import pytest

from tests.support import (
    WATCH_RUNS,
    open_page,
    rerun_bytes,
    slider_handle,
    wait_idle,
    watch_socket,
)

pytestmark = pytest.mark.browser


def _url_value(page, name: str, value: str) -> None:
    """Wait until the URL holds ``name=value`` and the rerun is over."""
    page.wait_for_function(
        f"() => new URLSearchParams(location.search).get('{name}') === '{value}'",
        timeout=60_000)
    wait_idle(page)


def _wrap(page, name):
    return page.locator(f".st-key-{name}_drag .drag-slider")


def _following(page, name) -> None:
    """Wait until the figure of slider ``name`` is drawn and follows its slider."""
    page.wait_for_function(
        "(w) => w.dataset.follow === 'ok' && w.querySelector('svg.figure')",
        arg=_wrap(page, name).element_handle(timeout=60_000), timeout=60_000)


def _track(page, name) -> dict:
    """The st.slider's track: its box and the grid's last index."""
    return page.locator(f".st-key-{name} [role='group'] > div").first.bounding_box()


def _x_at(track, index, last):
    return track["x"] + track["width"] * index / last


def _press(page, name, index, last):
    """Mouse down on the thumb of slider ``name`` (at grid index ``index``)."""
    page.locator(f".st-key-{name}").first.scroll_into_view_if_needed()
    track = _track(page, name)
    y = track["y"] + track["height"] / 2
    page.mouse.move(_x_at(track, index, last), y)
    page.mouse.down()
    return track, y


READ_FIGURE = """(wrap, name) => {
  const svg = wrap.querySelector("svg.figure");
  const tangent = wrap.querySelector("line[data-name='tangent']");
  const tensors = name[0] === "v" ? "ab" : name[0];
  return {
    follow: wrap.dataset.follow,
    value: svg.getAttribute("data-value"),
    frame: svg.getAttribute("data-frame"),
    alt: svg.getAttribute("aria-label"),
    tangent: tangent && ["x1", "y1", "x2", "y2"].map(a => tangent.getAttribute(a)).join(","),
    point: wrap.querySelector("circle[data-name='point']")?.getAttribute("data-y") ?? null,
    bar: [...tensors].map(t => wrap.querySelector(`rect[data-name='${t}_grad']`)
                                 .getAttribute("data-value")).join(","),
    bar_text: wrap.querySelector(`text[data-name='${tensors[0]}_grad_text']`).textContent,
    draws: Number(wrap.dataset.draws),
  };
}"""


def _drawn(page, name) -> dict:
    """What the figure of slider ``name`` draws now: frame value, tangent ends, bars."""
    return _wrap(page, name).evaluate(READ_FIGURE, name)


# ② one value of each tensor: (name, grid index of the start, last index, moves).
GRADIENT_DRAGS = [("a1", 50, 60, range(49, 29, -1)),   # a₁ 2.0 → 0.0
                  ("b2", 100, 120, range(99, 79, -1)),  # b₂ 4.0 → 2.0
                  ("v1", 20, 20, range(19, 4, -1))]     # v₁ 1.0 → 0.25 (grid −1 … 1)


@pytest.mark.parametrize("name, start, last, moves", GRADIENT_DRAGS)
def test_a_drag_on_a_slider_redraws_its_figure_before_the_release_writes_the_url(
        page, server_url, name, start, last, moves):
    open_page(page, server_url, "gradients", "lang=en&v1=1&v2=0.5")
    _following(page, name)
    first = _drawn(page, name)
    page.evaluate(WATCH_RUNS)
    track, y = _press(page, name, start, last)
    seen = []
    for index in moves:  # one grid step per move
        page.mouse.move(_x_at(track, index, last), y)
        seen.append(_drawn(page, name))
    states_while_held = page.evaluate("() => window.__states.slice()")
    assert "running" not in states_while_held, states_while_held
    assert page.locator(f".st-key-{name}_drag").count() == 1
    values = [s["value"] for s in seen]
    assert len(set(values)) >= len(moves) - 2, values  # (nearly) every step drawn
    assert all(s["follow"] == "ok" for s in seen)
    # Every drawn step redrew the tangent, the point and the bars from its own frame.
    if name[0] != "v":
        assert len({s["tangent"] for s in seen}) == len(set(values))
        assert len({s["point"] for s in seen}) == len(set(values))
    assert len({s["bar"] for s in seen}) == len(set(values))
    assert seen[-1]["draws"] - first["draws"] >= len(set(values)) - 1
    held = seen[-1]
    page.mouse.up()
    _url_value(page, name, held["value"])
    assert page.evaluate("() => window.__states").count("running") == 1  # one rerun
    after = _drawn(page, name)
    # Nothing jumps on release: the same frame, drawn from the new run's data.
    keys = ("value", "frame", "alt", "tangent", "point", "bar", "bar_text")
    assert {k: after[k] for k in keys} == {k: held[k] for k in keys}
    # The one control shows the value the figure drew.
    assert float(slider_handle(page, name).input_value()) == float(held["value"])
    if name == "a1":  # the page's table shows the number the figure drew
        table = page.locator("[data-testid='stMarkdownContainer'] table").first.inner_text()
        assert re.search(rf"\b{re.escape(held['bar_text'])}\b", table), (held, table)
    assert page.locator("[data-testid='stException']").count() == 0


# Every range input of the page, in the document and in components' shadow roots,
# with the st-key of the element that holds it.
RANGES = """() => {
  const roots = [document];
  for (const e of document.querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);
  return roots.flatMap(root => [...root.querySelectorAll("input[type='range'], [role='slider']")])
    .map(input => {
      const host = input.getRootNode().host || input;
      const holder = host.closest("[class*='st-key-']");
      return holder ? [...holder.classList].find(c => c.startsWith("st-key-")) : null;
    });
}"""


@pytest.mark.parametrize("slug, names", [
    ("gradients", ["a1", "a2", "b1", "b2", "v1", "v2"]),
    ("accumulation", ["calls"]),
    ("optimizer", ["momentum", "lr"]),
])
def test_each_value_has_one_control_and_its_figure_follows_it(page, server_url, slug, names):
    open_page(page, server_url, slug, "lang=en")
    for name in names:
        _following(page, name)
    keys = page.evaluate(RANGES)
    for name in names:
        assert keys.count(f"st-key-{name}") == 1, keys
        assert f"st-key-{name}_drag" not in keys, keys  # the figure has no slider of its own


def test_keys_move_the_figure_before_the_rerun_and_keep_the_focus(page, server_url):
    open_page(page, server_url, "gradients", "lang=ko")
    _following(page, "b1")
    slider = slider_handle(page, "b1")
    slider.focus()
    page.evaluate(f"() => {{ window.__read = {READ_FIGURE}; }}")
    # What the figure drew at the moment the key's value change reached the page.
    _wrap(page, "b1").evaluate("""(wrap) => {
      window.__drawnAtKey = [];
      const input = document.querySelector(".st-key-b1 input[type='range']");
      new MutationObserver(() => window.__drawnAtKey.push([
          input.value, window.__read(wrap, "b1").value,
          document.querySelector("[data-testid='stApp']").dataset.testScriptState]))
        .observe(input, {attributes: true, attributeFilter: ["value"]});
    }""")
    for expected in ("5.9", "5.8"):
        page.keyboard.press("ArrowLeft")
        _url_value(page, "b1", expected)
        assert _drawn(page, "b1")["value"] == expected
        assert slider.evaluate("e => e.matches(':focus')")  # the rerun kept the focus
    # Drawn with the key's value while no rerun had started yet.
    first = page.evaluate("() => window.__drawnAtKey")[0]
    assert first == ["5.9", "5.9", "notRunning"], first
    page.keyboard.press("Home")
    _url_value(page, "b1", "-6")
    assert _drawn(page, "b1")["bar_text"] == "12"  # −2·(−6)·1


def test_the_calls_lines_grow_during_a_drag_on_lesson_3(page, server_url):
    open_page(page, server_url, "accumulation", "lang=en&calls=3")
    _following(page, "calls")
    wrap = _wrap(page, "calls")
    points = "w => JSON.parse(w.querySelector(\"g[data-name='a0_line']\").dataset.points).length"
    assert wrap.evaluate(points) == 3
    page.evaluate(WATCH_RUNS)
    track, y = _press(page, "calls", 2, 9)
    counts = []
    for k in range(3, 10):  # calls 4 … 10
        page.mouse.move(_x_at(track, k, 9), y)
        counts.append(wrap.evaluate(points))
    assert counts == list(range(4, 11))
    assert "running" not in page.evaluate("() => window.__states")
    page.mouse.up()
    _url_value(page, "calls", "10")
    assert page.evaluate("() => window.__states").count("running") == 1
    assert wrap.evaluate(points) == 10


def test_a_finger_drag_on_a_phone_moves_the_figure_under_the_slider(browser, server_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    phone = context.new_page()
    cdp = context.new_cdp_session(phone)
    try:
        open_page(phone, server_url, "gradients", "lang=ko")
        _following(phone, "v1")
        phone.locator(".st-key-v1").first.evaluate("e => e.scrollIntoView({block: 'center'})")
        phone.wait_for_timeout(300)
        track = _track(phone, "v1")
        # The figure sits right under its slider (its top within 100 px of the track).
        figure = _wrap(phone, "v1").locator("svg.figure").bounding_box()
        assert 0 <= figure["y"] - (track["y"] + track["height"]) < 100, (track, figure)
        phone.evaluate(WATCH_RUNS)
        x, y = _x_at(track, 20, 20), track["y"] + track["height"] / 2  # the knob: v₁ = 1

        def touch(kind, px):
            points = [] if kind == "touchEnd" else [{"x": px, "y": y}]
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        touch("touchStart", x)
        seen = []
        for step in range(1, 9):  # a plainly sideways drag, ~120 px to the left
            touch("touchMove", x - 15 * step)
            phone.wait_for_timeout(16)
            seen.append(_drawn(phone, "v1")["value"])
        assert "running" not in phone.evaluate("() => window.__states.slice()")
        assert len(set(seen)) >= 4 and float(seen[-1]) < 1, seen
        touch("touchEnd", x - 120)
        phone.wait_for_function(
            "() => !['1', null].includes(new URLSearchParams(location.search).get('v1'))",
            timeout=60_000)
        wait_idle(phone)
        committed = phone.evaluate("() => new URLSearchParams(location.search).get('v1')")
        # The release keeps the figure on the value the slider committed.
        assert _drawn(phone, "v1")["value"] == committed, (committed, seen)
    finally:
        context.close()


# Streamlit's slider markup as if it had changed: no range input inside a widget's
# st-key element any more (for the page's own scripts; Playwright's locators see all).
HIDE_SLIDER_INPUTS = """(() => {
  const original = Document.prototype.querySelector;
  Document.prototype.querySelector = function (selector) {
    if (/\\.st-key-[^ ]+ input\\[type='range'\\]/.test(selector)) return null;
    return original.call(this, selector);
  };
})();"""


def test_a_figure_that_cannot_find_its_slider_says_so(browser, server_url):
    """If Streamlit's markup changed so that the slider is not where the figure
    looks, the figure marks itself ``data-follow="missing"`` (which every test
    above waits against) rather than silently standing still."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_init_script(HIDE_SLIDER_INPUTS)
    try:
        tab = context.new_page()
        open_page(tab, server_url, "gradients", "lang=en")
        wrap = _wrap(tab, "a1")
        tab.wait_for_function("(w) => w.dataset.follow === 'missing'",
                              arg=wrap.element_handle(timeout=60_000), timeout=60_000)
        assert wrap.evaluate("w => w.querySelector('svg.figure') !== null")  # drawn, not following
    finally:
        context.close()


def test_a_tab_that_lost_a_figure_asks_for_it_once_and_draws_it(page, server_url):
    """The session sends a spec once; a window without it (its store cleared) asks."""
    open_page(page, server_url, "gradients", "lang=en")
    _following(page, "a2")
    page.evaluate("() => { window.__autogradLabFigures.clear(); }")
    page.evaluate(WATCH_RUNS)
    slider_handle(page, "a1").focus()
    page.keyboard.press("ArrowLeft")
    _url_value(page, "a1", "1.9")
    # a₂'s figure did not change: this run sent its digest alone, the tab lacks the
    # spec, waits, asks, and the next run brings it.
    page.wait_for_function(
        "(w) => w.querySelector('svg.figure') && window.__autogradLabFigures.size >= 6",
        arg=_wrap(page, "a2").element_handle(), timeout=60_000)
    wait_idle(page)
    assert _drawn(page, "a2")["value"] == "3"
    # The key's rerun, and one more that sends the tab everything again.
    assert page.evaluate("() => window.__states").count("running") == 2


# Lesson ④ (issue #14): the runs of the momentum and lr figures.
READ_RUNS = """(wrap) => {
  const svg = wrap.querySelector("svg.figure");
  const attr = (what, name) => wrap.querySelector(what)?.getAttribute(name) ?? null;
  const end = wrap.querySelector("path[data-name='chosen_end']");
  return {
    follow: wrap.dataset.follow,
    value: svg.getAttribute("data-value"),
    frame: svg.getAttribute("data-frame"),
    alt: svg.getAttribute("aria-label"),
    chosen_path: attr("g[data-name='chosen_path']", "data-points"),
    plain_path: attr("g[data-name='plain_path']", "data-points"),
    chosen_loss: attr("g[data-name='chosen_loss']", "data-points"),
    end: end && ["data-x", "data-y", "data-shape"].map(a => end.getAttribute(a)),
    loss_text: wrap.querySelector("text[data-name='chosen_loss_text']")?.textContent ?? null,
    draws: Number(wrap.dataset.draws),
  };
}"""

# The trace of the page's plotly map (key map_chart) that draws the chosen run's
# path: the momentum colour, lines and markers.
MAP_PATH = """(color) => {
  const plot = document.querySelector(".st-key-map_chart .js-plotly-plot");
  const trace = (plot?.data || []).find(t => t.mode === "lines+markers" && t.line?.color === color);
  return trace ? {x: Array.from(trace.x), y: Array.from(trace.y), name: trace.name} : null;
}"""


def _runs(page, name) -> dict:
    return _wrap(page, name).evaluate(READ_RUNS)


def _f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def test_dragging_momentum_moves_the_chosen_path_before_any_rerun_on_lesson_4(
        page, server_url):
    from components.charts.optimizer import MOMENTUM_COLOR

    open_page(page, server_url, "optimizer", "lang=en")
    _following(page, "momentum")
    start = _runs(page, "momentum")
    assert start["value"] == "0.9"
    page.evaluate(WATCH_RUNS)
    track, y = _press(page, "momentum", 90, 99)
    seen = []
    for index in range(89, 69, -1):  # μ from 0.89 down to 0.70, one grid step per move
        page.mouse.move(_x_at(track, index, 99), y)
        seen.append(_runs(page, "momentum"))
    states_while_held = page.evaluate("() => window.__states.slice()")
    assert "running" not in states_while_held, states_while_held
    values = [s["value"] for s in seen]
    assert len(set(values)) >= 18 and values[-1] == "0.7", values
    # Every step drew another chosen run (path, losses, words); the plain run stays.
    for key in ("chosen_path", "chosen_loss", "alt"):
        assert len({s[key] for s in seen} | {start[key]}) == len(set(values) | {"0.9"}), key
    assert {s["plain_path"] for s in seen} == {start["plain_path"]}
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


def test_dragging_the_learning_rate_moves_both_runs_before_any_rerun(page, server_url):
    open_page(page, server_url, "optimizer", "lang=en")
    _following(page, "lr")
    start = _runs(page, "lr")
    assert start["value"] == "0.01"
    page.evaluate(WATCH_RUNS)
    track, y = _press(page, "lr", 4, 8)
    seen = []
    for index in (5, 6):  # lr 0.03, then 0.1
        page.mouse.move(_x_at(track, index, 8), y)
        seen.append(_runs(page, "lr"))
    assert "running" not in page.evaluate("() => window.__states.slice()")
    assert [s["value"] for s in seen] == ["0.03", "0.1"]
    assert len({s["chosen_path"] for s in seen} | {start["chosen_path"]}) == 3
    assert len({s["plain_path"] for s in seen} | {start["plain_path"]}) == 3  # both move
    page.mouse.up()
    _url_value(page, "lr", "0.1")
    assert page.evaluate("() => window.__states").count("running") == 1
    assert _runs(page, "lr")["chosen_path"] == seen[-1]["chosen_path"]


def test_the_keyboard_moves_the_learning_rate_until_the_run_blows_up(page, server_url):
    from components.core.optimizer import run_sgd
    from components.ui.schema import A1, A2

    open_page(page, server_url, "optimizer", "lang=en")
    _following(page, "lr")
    slider = slider_handle(page, "lr")
    slider.focus()
    page.keyboard.press("ArrowRight")
    _url_value(page, "lr", "0.03")
    assert _runs(page, "lr")["value"] == "0.03"
    assert slider.evaluate("e => e.matches(':focus')")  # the rerun kept the focus
    # Once the slider rests, a screen reader hears the frame: the figure's own sentence.
    wrap = _wrap(page, "lr")
    page.wait_for_function("(w) => w.querySelector('.announce').textContent !== ''",
                           arg=wrap.element_handle(), timeout=10_000)
    spoken = wrap.evaluate("w => [w.querySelector('.announce').textContent,"
                           " w.querySelector('svg.figure').getAttribute('aria-label'),"
                           " w.querySelector('.announce').getAttribute('aria-live'),"
                           " w.querySelector('svg.figure').getAttribute('role')]")
    assert spoken[0] == spoken[1] and "lr 0.03" in spoken[0] and spoken[2] == "polite"
    assert spoken[3] == "img"
    page.keyboard.press("End")
    _url_value(page, "lr", "1")
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


# Issue 26: ④ sends at most 100 KB per slider move. Counted in Chromium: the
# websocket bytes of the one rerun after a key on the slider (a size, not a time).
MOVE_LIMIT = 100_000


def _move_bytes(browser, server_url, key: str) -> tuple[dict[str, int], dict[str, list]]:
    """The bytes of one rerun after a key on ④'s slider ``key``, and the assets
    (digests) each live figure received in it."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        tab = context.new_page()
        frames = watch_socket(tab)
        open_page(tab, server_url, "optimizer", "lang=en", charts=True)
        _following(tab, "momentum")
        _following(tab, "lr")
        tab.wait_for_timeout(500)
        sent = rerun_bytes(tab, frames, key)
        assets = {}
        for payload in frames:
            message = ForwardMsg()
            message.ParseFromString(payload if isinstance(payload, bytes) else payload.encode())
            if message.WhichOneof("type") == "delta" and \
                    message.delta.new_element.WhichOneof("type") == "bidi_component":
                element = message.delta.new_element.bidi_component
                if element.json:
                    data = json.loads(element.json)
                    assets[data["name"]] = sorted(data["assets"])
        return sent, assets
    finally:
        context.close()


@pytest.mark.parametrize("key", ["momentum", "lr"])
def test_a_slider_move_on_lesson_4_sends_the_live_figures_only_what_changed(
        browser, server_url, key):
    """The figures' share of one rerun: their code and the map PNG never again, the
    spec of the moved slider's own figure never again (its value is not in it)."""
    from components.ui.drag_slider import DRAG_JS

    sent, assets = _move_bytes(browser, server_url, key)
    print(f"④ {key} move: {sent}")
    other = "lr" if key == "momentum" else "momentum"
    spec = _spec_for(other, momentum=0.89, lr=0.003)
    # Only the other figure's new spec (the moved value is in it), nothing else.
    assert assets == {key: [], other: [spec["digest"]]}, assets
    # Besides that spec: the loaders, their CSS, the touch guard (~12 KB), not the code.
    overhead = sent["bidi_component"] - len(json.dumps(spec))
    assert 0 < overhead < min(15_000, len(DRAG_JS)), sent


def _spec_for(name: str, momentum: float, lr: float) -> dict:
    from components.ui.optimizer_live import cached_live_figure

    return cached_live_figure(name, "valley", (2.0, 3.0), (0.0, 0.0),
                              None if name == "lr" else lr,
                              None if name == "momentum" else momentum, 50, "en")


@pytest.mark.xfail(strict=True, reason=(
    "not met yet (2026-12-08): a momentum move sends ~115 KB, an lr move ~235 KB. The "
    "plotly charts are ~52 KB (the map's levels as int16, 30 KB) and an lr move must send "
    "the momentum figure's 100 new runs (~143 KB: paths and losses as float32, alt texts)"))
@pytest.mark.parametrize("key", ["momentum", "lr"])
def test_a_slider_move_on_lesson_4_sends_at_most_100_kb(browser, server_url, key):
    sent, _ = _move_bytes(browser, server_url, key)
    assert sent["total"] <= MOVE_LIMIT, sent
