"""Figure builders of the optimizer lesson: they draw the core's numbers, finite,
with axis titles, in both languages."""

import json
import math

import numpy as np
import pytest

from components.charts.optimizer import (
    LEVEL_SCALE,
    axis_scale,
    contour_figure,
    loss_figure,
    parameters_figure,
)
from components.core import optimizer as core
from components.numbers import format_number
from components.ui.panels import labels_for


def _labels(kind, lang="en"):
    return labels_for(f"optimizer.chart.{kind}", lang)


def _unsymlog(y):
    return math.copysign(10 ** abs(y) - 1, y)


def _numbers(value):
    """Every number anywhere in a figure's JSON."""
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def _all_finite(fig):
    spec = json.loads(fig.to_json())
    return all(math.isfinite(x) for x in _numbers(spec))


def _line(fig, name):
    return next(tr for tr in fig.data if tr.name == name and tr.mode and "lines" in tr.mode)


def test_axis_scale_rules():
    assert axis_scale([16.25, 0.001, 3.0]) == "log"
    assert axis_scale([53.0, -9.4, -170.0]) == "linear"
    assert axis_scale([53.0, -9.4, -1.4e28]) == "symlog"
    assert axis_scale([5.0, 5.0]) == "linear"
    assert axis_scale([]) == "linear"


def test_loss_chart_shows_both_runs_on_a_log_axis():
    comparison = core.compare_momentum("valley", (2.0, 3.0), (0, 0), 0.01, 0.9, 50)
    fig = loss_figure(comparison, _labels("loss"))
    chosen = _line(fig, "momentum 0.9")
    plain = _line(fig, "momentum 0 (plain SGD)")
    assert list(chosen.y) == list(comparison.with_momentum.losses)
    assert list(plain.y) == list(comparison.plain.losses)
    assert list(chosen.x) == list(range(51))
    assert fig.layout.yaxis.type == "log" and fig.layout.yaxis.title.text == "loss (log scale)"
    assert fig.layout.xaxis.title.text == "optim.step() calls"
    assert tuple(fig.layout.xaxis.range) == (-0.5, 50.5)
    # Tick labels are the numbers themselves, one per decade.
    assert "1" in fig.layout.yaxis.ticktext and "0.01" in fig.layout.yaxis.ticktext
    # The dotted line where the runs part: step 2.
    assert [shape.x0 for shape in fig.layout.shapes] == [2]
    assert any("step 2" in ann.text for ann in fig.layout.annotations)
    # Before / after the first step, shared by both runs.
    first = next(tr for tr in fig.data if tr.marker.size == 14)
    assert list(first.y) == list(comparison.with_momentum.losses[:2])
    assert _all_finite(fig)


def test_loss_chart_marks_divergence_on_a_signed_log_axis():
    comparison = core.compare_momentum("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50)
    fig = loss_figure(comparison, _labels("loss", "ko"))
    chosen = _line(fig, "모멘텀 0.9")
    assert fig.layout.yaxis.title.text == "손실 (부호 있는 로그 눈금)"
    shown = [_unsymlog(y) for y in chosen.y]
    assert shown == pytest.approx(comparison.with_momentum.losses, rel=1e-9)
    assert len(chosen.y) == comparison.with_momentum.finite_steps + 1
    stop = next(tr for tr in fig.data if tr.marker.symbol == "x")
    assert list(stop.x) == [comparison.with_momentum.finite_steps]
    step = comparison.with_momentum.diverged_at
    assert any(f"{step}단계" in ann.text and "멈춤" in ann.text for ann in fig.layout.annotations)
    assert "0" in fig.layout.yaxis.ticktext and any("e+" in t for t in fig.layout.yaxis.ticktext)
    assert _all_finite(fig)


def test_momentum_zero_draws_one_curve():
    comparison = core.compare_momentum("rosenbrock", (2.0, 3.0), (0, 0), 0.01, 0.0, 20)
    fig = loss_figure(comparison, _labels("loss"))
    lines = [tr for tr in fig.data if tr.mode and "lines" in tr.mode]
    assert len(lines) == 1 and lines[0].name == "momentum 0 (plain SGD)"
    assert not fig.layout.shapes


def test_contour_draws_the_recorded_paths():
    comparison = core.compare_momentum("rosenbrock", (2.0, 3.0), (0, 0), 0.01, 0.9, 50)
    grid = core.landscape_grid("rosenbrock", -3.5, 3.5, points=61)
    fig = contour_figure(grid, comparison, _labels("map"))
    contour = next(tr for tr in fig.data if tr.type == "contour")
    top = max(max(row) for row in grid.z)
    # Thousandths of log₁₀ as 16-bit integers (half of float32's bytes), levels scaled alike.
    assert contour.z.dtype == np.int16
    level = math.log10(grid.z[10][20] + top * 1e-6)
    assert contour.z[10][20] / LEVEL_SCALE == pytest.approx(level, abs=6e-4)
    lowest = math.log10(min(min(row) for row in grid.z) + top * 1e-6)
    assert contour.contours.start / LEVEL_SCALE == pytest.approx(lowest, abs=6e-4)
    assert contour.contours.end / LEVEL_SCALE == pytest.approx(math.log10(top * (1 + 1e-6)),
                                                               abs=6e-4)
    ticks = contour.colorbar.tickvals
    assert [format_number(10.0 ** (v / LEVEL_SCALE), 2) for v in ticks] \
        == list(contour.colorbar.ticktext)
    for run, name in ((comparison.with_momentum, "momentum 0.9"),
                      (comparison.plain, "momentum 0 (plain SGD)")):
        path = _line(fig, name)
        assert list(path.x) == [p[0] for p in run.params]
        assert list(path.y) == [p[1] for p in run.params]
    assert fig.layout.xaxis.title.text == "a₁" and fig.layout.yaxis.title.text == "a₂"
    assert tuple(fig.layout.xaxis.range) == (-3.5, 3.5)
    texts = [ann.text for ann in fig.layout.annotations]
    assert "start" in texts and "minimum" in texts
    assert _all_finite(fig)


def test_contour_of_a_diverged_run_stays_finite():
    comparison = core.compare_momentum("valley", (2.0, 3.0), (0, 0), 1.0, 0.9, 100)
    assert comparison.with_momentum.diverged and comparison.plain.diverged
    grid = core.landscape_grid("valley", -3.5, 3.5, points=31)
    fig = contour_figure(grid, comparison, _labels("map", "ko"))
    assert _all_finite(fig)
    ends = [tr for tr in fig.data if tr.type == "scatter" and tr.marker.symbol == "x"]
    assert len(ends) == 2


def test_parameters_chart_shows_every_element():
    comparison = core.compare_momentum("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50)
    fig = parameters_figure(comparison, _labels("params"))
    chosen = comparison.with_momentum
    for i, name in enumerate(chosen.names):
        trace = next(tr for tr in fig.data if tr.name == f"{name} · momentum 0.9")
        ys = [_unsymlog(y) for y in trace.y] if i < 2 else list(trace.y)
        assert ys == pytest.approx([p[i] for p in chosen.params], rel=1e-9, abs=1e-9)
    # a explodes (signed log axis), b stays modest (linear axis).
    assert fig.layout.yaxis.title.text == "value (signed log scale)"
    assert fig.layout.yaxis2.title.text == "value"
    assert fig.layout.xaxis.title.text == fig.layout.xaxis2.title.text == "optim.step() calls"
    legend = [tr.name for tr in fig.data if tr.showlegend is not False]
    assert legend == ["element [0]: a₁, b₁", "element [1]: a₂, b₂", "momentum 0.9", "momentum 0"]
    assert _all_finite(fig)
