"""Figure builders of the accumulation lesson draw the core's numbers, labelled, on fixed axes."""

import math

import pytest

from components.charts.accumulation import history_figure, training_figure
from components.core.accumulation import TRAIN_STEPS, repeated_backward, training_run
from components.ui.panels import labels_for

# make_subplots numbers the axes row by row: (row, col) -> axis suffix.
CELL = {"y": ("a", "accumulated"), "y2": ("a", "zeroed"),
        "y3": ("b", "accumulated"), "y4": ("b", "zeroed")}


def _lines(fig):
    """{(tensor, run, element): y values} of the history figure's lines."""
    lines = {}
    for trace in fig.data:
        which, run = CELL[trace.yaxis]
        element = 0 if trace.name == fig.data[0].name else 1
        lines[(which, run, element)] = list(trace.y)
    return lines


def _runs(a=(2.0, 3.0), b=(6.0, 4.0), calls=4, graph="rebuild"):
    return (repeated_backward(a, b, calls, False, graph),
            repeated_backward(a, b, calls, True, graph))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_history_shows_both_runs_with_the_core_numbers(lang):
    accumulated, zeroed = _runs()
    fig = history_figure(accumulated, zeroed, False, labels_for("accumulation.chart.history", lang))
    lines = _lines(fig)
    assert len(lines) == 8
    assert lines[("a", "accumulated", 0)] == [36.0, 72.0, 108.0, 144.0]
    assert lines[("a", "accumulated", 1)] == [81.0, 162.0, 243.0, 324.0]
    assert lines[("a", "zeroed", 1)] == [81.0] * 4
    assert lines[("b", "accumulated", 0)] == [-12.0, -24.0, -36.0, -48.0]
    assert lines[("b", "zeroed", 0)] == [-12.0] * 4
    # The last point carries its value as text; the others stay unlabelled.
    first = fig.data[0]
    assert first.yaxis == "y" and list(first.text) == ["", "", "", "144"]
    for axis in ("xaxis3", "xaxis4"):
        assert fig.layout[axis].title.text == labels_for("accumulation.chart.history", lang)["x"]
    assert fig.layout.yaxis.title.text == "a.grad" and fig.layout.yaxis3.title.text == "b.grad"


def test_history_axes_are_fixed_and_hold_every_slider_value():
    small = history_figure(*_runs((0.5, 0.5), (1.0, 1.0), 1), False,
                           labels_for("accumulation.chart.history", "en"))
    large = history_figure(*_runs((-3.0, 3.0), (-6.0, 6.0), 10), True,
                           labels_for("accumulation.chart.history", "en"))
    for axis in ("yaxis", "yaxis3", "xaxis"):
        assert tuple(small.layout[axis].range) == tuple(large.layout[axis].range)
    top = large.layout.yaxis.range[1]
    low_b, high_b = large.layout.yaxis3.range
    lines = _lines(large)
    assert max(lines[("a", "accumulated", 1)]) == 810.0 <= top
    assert low_b <= min(lines[("b", "accumulated", 1)]) == -120.0
    assert max(lines[("b", "accumulated", 0)]) == 120.0 <= high_b


@pytest.mark.parametrize("zero,column", [(False, "x"), (True, "x2")])
def test_the_current_run_is_highlighted(zero, column):
    labels = labels_for("accumulation.chart.history", "en")
    fig = history_figure(*_runs(), zero, labels)
    boxes = {shape.xref for shape in fig.layout.shapes if shape.type == "rect"}
    other = "x2" if column == "x" else "x"
    below = "x3" if column == "x" else "x4"  # the same column's b.grad panel
    assert boxes == {f"{column} domain", f"{below} domain"}
    heads = {ann.xref: ann.text for ann in fig.layout.annotations if ann.xref.endswith("domain")}
    assert heads[f"{column} domain"].startswith("<b>▶")
    assert "▶" not in heads[f"{other} domain"]


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
