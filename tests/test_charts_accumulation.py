"""Figure builders of the accumulation lesson draw the core's numbers, labelled, on fixed axes."""

import math

import pytest

from components.charts.accumulation import history_figure, training_figure
from components.core.accumulation import TRAIN_STEPS, repeated_backward, training_run
from components.ui.panels import labels_for

RUN = {"y": "accumulated", "y2": "zeroed"}  # left / right panel of each figure


def _figures(accumulated, zeroed, zero: bool, lang: str = "en"):
    labels = labels_for("accumulation.chart.history", lang)
    return tuple(history_figure(accumulated, zeroed, zero, labels, tensor) for tensor in "ab")


def _lines(figures):
    """{(tensor, run, element): y values} of the a.grad and b.grad figures' lines."""
    lines = {}
    for tensor, fig in zip("ab", figures, strict=True):
        for trace in fig.data:
            element = 0 if trace.name == fig.data[0].name else 1
            lines[(tensor, RUN[trace.yaxis], element)] = list(trace.y)
    return lines


def _runs(a=(2.0, 3.0), b=(6.0, 4.0), calls=4, graph="rebuild"):
    return (repeated_backward(a, b, calls, False, graph),
            repeated_backward(a, b, calls, True, graph))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_history_shows_both_runs_with_the_core_numbers(lang):
    figures = _figures(*_runs(), False, lang)
    lines = _lines(figures)
    assert len(lines) == 8
    assert lines[("a", "accumulated", 0)] == [36.0, 72.0, 108.0, 144.0]
    assert lines[("a", "accumulated", 1)] == [81.0, 162.0, 243.0, 324.0]
    assert lines[("a", "zeroed", 1)] == [81.0] * 4
    assert lines[("b", "accumulated", 0)] == [-12.0, -24.0, -36.0, -48.0]
    assert lines[("b", "zeroed", 0)] == [-12.0] * 4
    # The last point carries its value as text; the others stay unlabelled.
    first = figures[0].data[0]
    assert first.yaxis == "y" and list(first.text) == ["", "", "", "144"]
    x_title = labels_for("accumulation.chart.history", lang)["x"]
    for fig in figures:
        assert fig.layout.xaxis.title.text == fig.layout.xaxis2.title.text == x_title
    assert figures[0].layout.yaxis.title.text == "a.grad"
    assert figures[1].layout.yaxis.title.text == "b.grad"
    # Only the top (a.grad) figure names the elements in a legend.
    assert [tr.showlegend for tr in figures[1].data] == [False] * 4
    assert sum(bool(tr.showlegend) for tr in figures[0].data) == 2


def test_history_axes_are_fixed_and_hold_every_slider_value():
    small = _figures(*_runs((0.5, 0.5), (1.0, 1.0), 1), False)
    large = _figures(*_runs((-3.0, 3.0), (-6.0, 6.0), 10), True)
    for small_fig, large_fig in zip(small, large, strict=True):
        for axis in ("yaxis", "xaxis", "xaxis2"):
            assert tuple(small_fig.layout[axis].range) == tuple(large_fig.layout[axis].range)
    top = large[0].layout.yaxis.range[1]
    low_b, high_b = large[1].layout.yaxis.range
    lines = _lines(large)
    assert max(lines[("a", "accumulated", 1)]) == 810.0 <= top
    assert low_b <= min(lines[("b", "accumulated", 1)]) == -120.0
    assert max(lines[("b", "accumulated", 0)]) == 120.0 <= high_b


@pytest.mark.parametrize("zero,column", [(False, "x"), (True, "x2")])
def test_the_current_run_is_highlighted(zero, column):
    figures = _figures(*_runs(), zero)
    for fig in figures:
        boxes = {shape.xref for shape in fig.layout.shapes if shape.type == "rect"}
        assert boxes == {f"{column} domain"}
    # The column headings sit on the top figure only.
    heads = {ann.xref: ann.text for ann in figures[0].layout.annotations
             if ann.xref.endswith("domain")}
    other = "x2" if column == "x" else "x"
    assert heads[f"{column} domain"].startswith("<b>▶")
    assert "▶" not in heads[f"{other} domain"]
    assert not [ann for ann in figures[1].layout.annotations if ann.xref.endswith("domain")]


def test_training_figure_draws_the_losses_and_marks_divergence():
    labels = labels_for("accumulation.chart.training", "en")
    with_zero, without = training_run(0.3, True), training_run(0.3, False)
    fig = training_figure(with_zero, without, labels, TRAIN_STEPS)
    curves = [tr for tr in fig.data if tr.mode == "lines+markers"]
    assert list(curves[0].y) == list(with_zero.losses)
    assert list(curves[1].y) == list(without.losses)
    crosses = [tr for tr in fig.data if tr.marker.symbol == "x"]
    assert len(crosses) == 1 and list(crosses[0].x) == [with_zero.diverged_at]
    assert crosses[0].text[0] == f"diverged at step {with_zero.diverged_at}"
    low, high = fig.layout.yaxis.range
    assert low == 0 and high >= max(without.losses)
    assert all(math.isfinite(v) for tr in fig.data for v in tr.y)
    assert fig.layout.xaxis.title.text == "SGD step" and fig.layout.yaxis.title.text == "loss"


def test_training_figure_without_divergence_has_no_cross():
    labels = labels_for("accumulation.chart.training", "ko")
    fig = training_figure(training_run(0.01, True), training_run(0.01, False), labels, TRAIN_STEPS)
    assert not [tr for tr in fig.data if tr.marker.symbol == "x"]
    assert tuple(fig.layout.xaxis.range) == (0.5, TRAIN_STEPS + 0.5)
    assert fig.layout.yaxis.title.text == "손실"
