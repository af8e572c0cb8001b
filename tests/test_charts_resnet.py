"""ResNet figures: they draw the core's numbers, with axis titles, even after an overflow."""

from __future__ import annotations

from dataclasses import replace

import pytest

from components.charts.resnet import (
    backward_time_figure,
    gradient_norms_figure,
    layer_movement_figure,
    loss_curve_figure,
)
from components.core.resnet import GROUPS, train_resnet
from components.core.resnet_weights import load_random
from components.ui.panels import labels_for


@pytest.fixture(scope="module")
def result():
    return train_resnet(load_random(), 0.001, 0.9, 2, 0, 64)


def _axis_titles(fig) -> list[str]:
    """The title of every x and y axis in the figure's layout."""
    layout = fig.to_plotly_json()["layout"]
    return [axis.get("title", {}).get("text") for name, axis in layout.items()
            if name.startswith(("xaxis", "yaxis"))]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_gradient_norms_show_every_tensor_of_the_core(result, lang):
    labels = labels_for("resnet.chart.grads", lang)
    fig = gradient_norms_figure(result.parameters, labels)
    shown = {}
    for trace in fig.data:
        shown.update(zip(trace.y, trace.x, strict=True))
    assert shown == {p.name: p.grad_norm for p in result.parameters}
    assert {trace.name for trace in fig.data} == set(GROUPS)
    # Every bar named instead of a colour legend (a phone stacked it 234 px tall).
    assert not fig.layout.showlegend and not any(trace.showlegend for trace in fig.data)
    assert all(len(trace.y) == len(trace.text) for trace in fig.data)
    assert {(axis.tickmode, axis.dtick) for axis in (fig.layout.yaxis, fig.layout.yaxis2)} == {
        ("linear", 1)}
    assert fig.layout.xaxis.type == "log" and fig.layout.xaxis2.type == "log"
    assert fig.layout.xaxis.range == fig.layout.xaxis2.range  # comparable panels
    assert fig.layout.xaxis.title.text == labels["x"] and fig.layout.yaxis2.title.text == labels["y"]
    assert len(_axis_titles(fig)) == 4 and all(_axis_titles(fig))


def test_gradient_norms_leave_out_what_a_log_axis_cannot_show(result):
    odd = [replace(result.parameters[0], grad_norm=0.0),
           replace(result.parameters[1], grad_norm=float("nan")), *result.parameters[2:]]
    fig = gradient_norms_figure(odd, labels_for("resnet.chart.grads", "en"))
    first = fig.data[0]  # conv1
    assert first.x == (None,) and first.text == ("0",)
    assert fig.data[1].x[0] is None and fig.data[1].text[0] == "NaN"


def test_loss_curve_is_the_core_losses(result):
    labels = labels_for("resnet.chart.loss", "en")
    fig = loss_curve_figure(result.losses, labels)
    assert list(fig.data[0].y) == list(result.losses)
    assert list(fig.data[0].x) == [0, 1, 2]
    assert fig.layout.xaxis.title.text == labels["x"] and fig.layout.yaxis.title.text == labels["y"]
    broken = loss_curve_figure((-1.0, float("nan"), float("inf")), labels)
    assert list(broken.data[0].y) == [-1.0, None, None]
    assert list(broken.data[0].text) == ["-1", "NaN", "∞"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_layer_movement_shows_relative_change_and_buffers(result, lang):
    labels = labels_for("resnet.chart.move", lang)
    fig = layer_movement_figure(result.groups, labels)
    change, buffers = fig.data
    assert list(change.y) == list(GROUPS)
    assert list(change.x) == pytest.approx([100 * g.change_norm / g.weight_norm for g in result.groups])
    assert list(buffers.x) == pytest.approx([g.buffer_norm for g in result.groups])
    assert fig.layout.xaxis.title.text == labels["x_change"]
    assert fig.layout.xaxis2.title.text == labels["x_buffer"]
    assert fig.layout.yaxis.title.text == labels["y"]


def test_without_momentum_the_right_panel_says_there_is_no_buffer(result):
    labels = labels_for("resnet.chart.move", "en")
    groups = [replace(g, buffer_norm=None) for g in result.groups]
    fig = layer_movement_figure(groups, labels)
    assert len(fig.data) == 1
    note = next(a for a in fig.layout.annotations if a.text == labels["no_buffer"])
    low, high = fig.layout.yaxis2.domain
    assert low < note.y < high  # over the buffer panel (the lower one), not the other one
    assert fig.layout.yaxis.domain[0] > high


def test_backward_times_are_drawn_as_given():
    labels = labels_for("resnet.chart.time", "en")
    fig = backward_time_figure(15.5, 0.125, labels)
    assert list(fig.data[0].x) == [15.5, 0.125]
    assert list(fig.data[0].text) == ["15.5 ms", "0.125 ms"]
    assert list(fig.data[0].y) == [labels["full"], labels["frozen"]]
    assert fig.layout.xaxis.title.text == labels["x"] and fig.layout.yaxis.title.text == labels["y"]
    assert fig.layout.xaxis.range[1] > 15.5 * 1.2  # room for the label
    assert all(_axis_titles(fig))
