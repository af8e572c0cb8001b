"""Lesson ④'s drag sliders (momentum, lr): every frame is the page's own SGD run.

A drag figure holds one frame per grid point of its slider, computed before
the drag by ``run_sgd_grid`` (one torch.optim.SGD, a parameter group per grid
value). For every grid point the frame must equal what the page computes
after the slider is released there (``compare_momentum``, the function behind
``cached_comparison``), and the page sent after that release must draw the
same frame and show the same numbers in its own charts.
"""

import io
import json
import math
import struct

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from components.charts.contour_raster import BANDS, band_colours, band_indices, contour_png
from components.charts.live_optimizer import (
    live_optimizer_figure,
    loss_axis,
    marker_every,
    packed,
    step_ticks,
    unpacked,
)
from components.charts.live_svg import frame_count
from components.core import optimizer as core
from components.numbers import format_number
from components.ui.controls import PageState
from components.ui.drag_slider import digest_of, grid_of
from components.ui.optimizer_live import cached_landscape, live_figure, live_labels
from components.ui.optimizer_panels import cached_grid
from components.ui.schema import LR, MOMENTUM, controls_for
from tests.support import (
    assert_no_exception,
    decode_array,
    drag_components,
    drag_payloads,
    run_page,
)

# Not the page's defaults: a start off the diagonal, and for Q negative entries.
CASES = [
    ("valley", (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 50),
    ("rosenbrock", (-2.5, 1.2), (0.0, 0.0), 0.003, 0.5, 80),
    ("q", (-1.3, 0.7), (2.5, -4.0), 0.01, 0.3, 30),
]


def _f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def _state(objective, a, b, lr, momentum, steps, lang="en") -> PageState:
    controls = {c.name: c for c in controls_for("optimizer")}
    values = dict(objective=objective, a1=a[0], a2=a[1], b1=b[0], b2=b[1], lr=lr,
                  momentum=momentum, steps=steps, present=False, predict=False)
    return PageState(page="optimizer", lang=lang, values=values, controls=controls)


@pytest.mark.parametrize("objective", core.OBJECTIVES)
def test_one_optimizer_for_the_grid_gives_each_run_bit_for_bit(objective):
    """run_sgd_grid's runs equal run_sgd's, including runs that blow up at different steps."""
    a, b = ((2.0, 3.0), (6.0, 4.0)) if objective != "rosenbrock" else ((2.0, 3.0), (0.0, 0.0))
    settings = [(lr, mu) for lr in (0.001, 0.03, 0.06, 0.1, 0.3) for mu in (0.0, 0.5, 0.99)]
    runs = core.run_sgd_grid(objective, a, b if objective == "q" else (0.0, 0.0), settings, 60)
    stops = set()
    for (lr, mu), run in zip(settings, runs, strict=True):
        alone = core.run_sgd(objective, a, b if objective == "q" else (0.0, 0.0), lr, mu, 60)
        assert run == alone, (lr, mu)
        stops.add(run.diverged_at)
    assert len(stops) >= 3  # finished runs and runs stopped at different steps


def test_the_grid_is_one_optimizer_and_one_backward_per_step(monkeypatch):
    made, backwards = [], []
    original_init = torch.optim.SGD.__init__
    original_backward = torch.autograd.backward

    def init(self, *args, **kw):
        made.append(1)
        original_init(self, *args, **kw)

    monkeypatch.setattr(torch.optim.SGD, "__init__", init)
    monkeypatch.setattr(torch.autograd, "backward",
                        lambda *args, **kw: backwards.append(1) or original_backward(*args, **kw))
    runs = core.comparisons_over("valley", (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 40, "momentum",
                                 grid_of(MOMENTUM))
    assert len(runs) == 100 and made == [1] and len(backwards) == 40


@pytest.mark.parametrize("objective, a, b, lr, momentum, steps", CASES)
@pytest.mark.parametrize("name", ["momentum", "lr"])
def test_every_frame_equals_the_page_at_that_grid_point(objective, a, b, lr, momentum, steps,
                                                         name):
    spec = live_figure(_state(objective, a, b, lr, momentum, steps), name)
    frames = spec["frames"]
    grid = grid_of(MOMENTUM if name == "momentum" else LR)
    assert frame_count(spec) == len(grid) and frames["value"] == list(grid)
    paths, losses = unpacked(frames["m_path"]), unpacked(frames["m_loss"])
    plain_items = {item.get("name"): item for p in spec["panels"] for item in p["items"]}
    for k, value in enumerate(grid):
        settings = (lr, value) if name == "momentum" else (value, momentum)
        page = core.compare_momentum(objective, a, b, *settings, steps)  # after release
        chosen = page.with_momentum
        assert paths[k] == [[_f32(p[0]), _f32(p[1])] for p in chosen.params]
        assert losses[k] == [[i, _f32(v)] for i, v in enumerate(chosen.losses)]
        assert frames["m_shape"][k] == ("cross" if chosen.diverged else "circle")
        # Single numbers travel as JSON in float32's shortest form: the same float32.
        assert (_f32(frames["m_end_x"][k]), _f32(frames["m_end_y"][k])) == tuple(
            _f32(x) for x in chosen.params[-1][:2])
        if name == "lr":
            plain = unpacked(frames["p_loss"])[k]
            assert plain == [[i, _f32(v)] for i, v in enumerate(page.plain.losses)]
        else:  # over momentum the plain run is one static line: momentum 0 at this lr
            assert [[i, _f32(v)] for i, v in plain_items["plain_loss"]["points"]] == \
                [[i, _f32(v)] for i, v in enumerate(page.plain.losses)]
        alt = frames["alt"][k]
        assert format_number(chosen.losses[0]) in alt
        assert format_number(chosen.losses[-1]) in alt
        assert f"momentum {format_number(chosen.momentum)}" in alt
        assert f"lr {format_number(chosen.lr)}" in alt
        if chosen.diverged:
            assert f"step {chosen.diverged_at}" in frames["m_label"][k]
        else:
            n = len(chosen.losses) - 1
            assert frames["m_label"][k] == \
                f"after {n} {'step' if n == 1 else 'steps'}: {format_number(chosen.losses[-1])}"


def test_packed_columns_keep_every_float32_exactly():
    rows = [[(0.1, -2.5), (1e-30, 3.4028234663852886e38)], [], [(-0.0, 7.0)]]
    column = packed(rows, 2)
    assert column["offsets"] == [0, 2, 2, 3]
    assert unpacked(column) == [[[_f32(x) for x in p] for p in row] for row in rows]
    losses = packed([[5.0, 0.25, 1e-7]], 1)
    assert unpacked(losses) == [[[0, 5.0], [1, 0.25], [2, _f32(1e-7)]]]
    # Shorter than the same numbers as JSON text, which is why they travel packed.
    many = [[(_f32(math.sin(i)), _f32(math.cos(i))) for i in range(51)] for _ in range(100)]
    assert len(json.dumps(packed(many, 2))) < 0.6 * len(json.dumps(many))


def test_the_loss_axis_is_fixed_for_the_grid_and_a_blow_up_does_not_flatten_it():
    runs = core.comparisons_over("valley", (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 50, "lr",
                                 LR.options)
    assert any(c.with_momentum.diverged for c in runs)  # lr 0.3 and 1 blow up
    scale, (low, high), ticks = loss_axis(runs)
    start = runs[0].with_momentum.losses[0]
    assert scale == "log" and high <= start * 10**4  # not stretched to the overflow
    # Every run that stays within three decades above the start is drawn whole.
    tame = [v for c in runs for v in c.with_momentum.losses
            if max(c.with_momentum.losses) <= start * 10**3]
    assert low <= min(tame) and max(tame) <= high
    for value, text in ticks:  # powers of ten inside the axis, written short
        exponent = round(math.log10(value))
        assert value == 10.0**exponent and low <= value <= high
        assert text == (format_number(value, 2) if -2 <= exponent <= 2
                        else f"10^{exponent}".replace("-", "−"))


def test_symlog_axis_on_q_spans_the_overflowing_losses():
    runs = core.comparisons_over("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50, "momentum",
                                 grid_of(MOMENTUM))
    scale, (low, high), ticks = loss_axis(runs)
    values = [v for c in runs for v in c.with_momentum.losses]
    assert scale == "symlog" and low <= min(values) and max(values) <= high
    assert "0" in [text for _, text in ticks] and any(t.startswith("−10^") for _, t in ticks)


def test_a_loss_of_exactly_zero_keeps_the_log_axis_and_its_headroom():
    """Rosenbrock at lr 0.03: some runs land on the minimum (loss 0.0 in float32) while
    momentum 0.99 blows up past 1e34; the axis stays logarithmic, capped above the start."""
    runs = core.comparisons_over("rosenbrock", (2.0, 3.0), (0.0, 0.0), 0.03, 0.99, 200,
                                 "momentum", grid_of(MOMENTUM))
    values = [v for c in runs for v in c.with_momentum.losses]
    assert 0.0 in values and max(values) > 1e30
    scale, (low, high), _ = loss_axis(runs)
    assert scale == "log" and 0 < low and high <= runs[0].with_momentum.losses[0] * 10**4


def test_step_ticks_are_whole_steps():
    assert step_ticks(1) == [0.0, 1.0]
    assert step_ticks(3) == [0.0, 1.0, 2.0, 3.0] and step_ticks(7) == [0.0, 2.0, 4.0, 6.0]
    assert step_ticks(50) == [0.0, 20.0, 40.0] and step_ticks(200) == [0.0, 50.0, 100.0,
                                                                          150.0, 200.0]


def test_markers_are_thinned_on_long_runs():
    assert marker_every(50) == 2 and marker_every(10) == 1 and marker_every(200) == 8


def test_the_contour_background_uses_the_plotly_maps_levels():
    image = cached_landscape("valley")
    png = contour_png(core.landscape_grid("valley", *image["x"], points=101),
                      cached_grid("valley"))
    decoded = Image.open(io.BytesIO(png))  # an independent decoder reads it
    assert decoded.size == (101, 101) and decoded.mode == "P"
    pixels = np.asarray(decoded) % BANDS  # edge pixels sit BANDS entries later
    bands = band_indices(core.landscape_grid("valley", *image["x"], points=101),
                         cached_grid("valley"))
    assert (pixels == bands).all()
    # Row 0 is the top (a₂ = 3.5): the minimum (0, 0) is the centre, the lowest band;
    # the corner (3.5, −3.5) is across the valley's steep wall, the highest.
    assert bands[50, 50] == 0 and bands[100, 100] == BANDS - 1
    colours = band_colours()
    assert sum(colours[0]) < sum(colours[-1])  # darkest at the lowest loss, as the plotly map
    # The spec names the PNG by digest; the page sends it once per session (an asset).
    assert image["png"].startswith("data:image/png;base64,")
    assert image["image"] == digest_of(image["png"])


def test_the_page_sends_both_sliders_and_release_draws_the_same_frame():
    query = dict(objective="valley", a1="2", a2="3", lr="0.01", momentum="0.9", steps="50")
    at = run_page("optimizer", query, lang="en")
    assert_no_exception(at)
    payloads = drag_payloads(at)
    assert sorted(payloads) == ["lr", "momentum"]
    assert payloads["momentum"]["index"] == 90 and payloads["lr"]["index"] == 4
    assert payloads["lr"]["grid"][4] == 0.01 and payloads["momentum"]["grid"][90] == 0.9
    assert payloads["lr"]["choice"] and not payloads["momentum"]["choice"]
    # The map's PNG: sent once, with the first figure, and named by both specs.
    png = cached_landscape("valley")
    assert payloads["momentum"]["assets"][png["image"]] == png["png"]
    assert png["image"] not in payloads["lr"]["assets"]
    assert all(png["image"] in data["needs"] for data in payloads.values())
    before = payloads["momentum"]["figure"]
    losses = unpacked(before["frames"]["m_loss"])
    for k in (0, 37):
        value = before["frames"]["value"][k]
        at = run_page("optimizer", {**query, "momentum": f"{value:g}"}, lang="en")
        after = drag_payloads(at)["momentum"]
        assert after["index"] == k and after["figure"] == before
        # The page's plotly loss chart draws the frame's losses for that momentum.
        spec = next(json.loads(e.proto.spec) for e in at.get("plotly_chart")
                    if e.proto.id.endswith("-loss_chart"))
        name = "momentum 0 (plain SGD)" if value == 0 else f"momentum {format_number(value)}"
        trace = next(tr for tr in spec["data"] if tr.get("name") == name and "lines" in tr["mode"])
        assert [_f32(v) for v in decode_array(trace["y"])] == [v for _, v in losses[k]]


def test_a_momentum_move_resends_only_the_lr_figure_and_no_png():
    """In one session: moving momentum changes the lr figure (μ is in it), not the
    momentum figure (its own value is not); neither the PNG nor the code again."""
    at = run_page("optimizer", dict(objective="valley"), lang="en")
    first = drag_payloads(at)
    at.slider(key="momentum").set_value(0.5).run()
    assert_no_exception(at)
    after = drag_payloads(at)
    assert after["momentum"]["assets"] == {} and after["momentum"]["index"] == 50
    assert after["momentum"]["digest"] == first["momentum"]["digest"]
    assert list(after["lr"]["assets"]) == [after["lr"]["digest"]]
    assert after["lr"]["digest"] != first["lr"]["digest"]


def test_predict_mode_sends_no_frames_before_the_reveal():
    at = run_page("optimizer", {"predict": "1"}, lang="ko")
    assert_no_exception(at)
    assert not drag_components(at)


@pytest.mark.parametrize("query", [
    dict(objective="q", lr="1", momentum="0.99", steps="200"),
    dict(objective="rosenbrock", a1="-3", a2="-3", lr="0.3", steps="200"),
    dict(objective="valley", a1="0", a2="0"),  # the start is the minimum: the loss stays 0
    # Some runs land on the minimum (loss 0.0) while momentum 0.99 blows up.
    dict(objective="rosenbrock", lr="0.03", momentum="0.99", steps="200"),
])
def test_extremes_draw_without_error_and_their_words_hold_no_infinity(query):
    at = run_page("optimizer", query, lang="ko")
    assert_no_exception(at)
    assert len(drag_components(at)) == 2
    for element in drag_components(at):
        json.dumps(json.loads(element.proto.json), allow_nan=False)  # no Infinity or NaN
    for data in drag_payloads(at).values():
        frames = data["figure"]["frames"]
        for text in frames["alt"] + frames["m_label"]:
            assert not any(word in text.lower() for word in ("nan", "inf", "∞")), text


@pytest.mark.parametrize("objective", core.OBJECTIVES)
def test_every_learning_rate_builds_both_figures_with_plain_json(objective):
    """Each lr option × (start at the default, at the minimum, at a corner): the
    figures build, and their data holds no NaN or infinity."""
    b = (6.0, 4.0) if objective == "q" else (0.0, 0.0)
    starts = [(2.0, 3.0), core.MINIMUM.get(objective, (0.0, 0.0)), (-3.0, -3.0)]
    for a in starts:
        for lr in LR.options:
            state = _state(objective, a, b, lr, 0.99, 40)
            for name in ("momentum", "lr"):
                spec = live_figure(state, name)
                json.dumps(spec, allow_nan=False)
                assert frame_count(spec) == (100 if name == "momentum" else 9)


# Any losses a float32 run can record: 0, subnormal-small, huge, negative (Q), and a
# run that stops on an overflow or a NaN.
_F32_MAX = 3.4028234663852886e38
_LOSS = st.one_of(st.just(0.0), st.floats(-_F32_MAX, _F32_MAX, width=32),
                  st.floats(1.1754943508222875e-38, 1.0000000031710769e-30, width=32))


@st.composite
def _run(draw, lr: float, momentum: float, steps: int):
    finite = draw(st.lists(_LOSS, min_size=1, max_size=steps + 1))
    stop = draw(st.sampled_from([None, float("inf"), float("-inf"), float("nan")]))
    if len(finite) == steps + 1:
        stop = None
    coordinate = st.floats(-_F32_MAX, _F32_MAX, width=32)
    points = [(draw(coordinate), draw(coordinate)) for _ in finite]
    return core.SGDRun(
        objective="valley", lr=lr, momentum=momentum, steps=steps, names=("a[0]", "a[1]"),
        losses=tuple(finite), params=tuple(points), grads=(), buffers=(),
        diverged_at=len(finite) if stop is not None else None, stop_value=stop,
        stop_params=points[-1] if stop is not None else None)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), steps=st.integers(1, 12), landscape=st.booleans())
def test_any_recorded_losses_give_a_figure_with_plain_json_and_a_fixed_axis(data, steps,
                                                                           landscape):
    """Whatever the runs recorded, the figure builds, its data has no NaN or ∞, and every
    drawn loss within the headroom lies inside its fixed loss axis."""
    comparisons = []
    for lr in (0.01, 0.1, 1.0):
        chosen = data.draw(_run(lr, 0.9, steps))
        plain = data.draw(_run(lr, 0.0, steps))
        comparisons.append(core.comparison_of(chosen, plain))
    labels = live_labels("lr", 0.9, "en")
    land = dict(cached_landscape("valley"), start=(2.0, 3.0)) if landscape else None
    spec = live_optimizer_figure(comparisons, "lr", labels, landscape=land, alts=())
    json.dumps(spec, allow_nan=False)
    scale, (low, high), _ = loss_axis(comparisons)
    assert low < high and math.isfinite(low) and math.isfinite(high)
    if scale == "log":
        assert low > 0
