"""Text alternatives of the charts (issue #18): every summary and table carries
the numbers its figure draws, read back from the figure itself, in both languages."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pytest

from components.charts.accumulation import history_figure, training_figure
from components.charts.class_spread import choice_figure, spread_figure
from components.charts.expression import curve_figure
from components.charts.gradients import gradient_bars_figure, tangent_figure
from components.charts.momentum_map import map_figure, rate_to_colour
from components.charts.optimizer import contour_figure, loss_figure, parameters_figure
from components.charts.resnet import (
    backward_time_figure,
    gradient_norms_figure,
    layer_movement_figure,
    loss_curve_figure,
)
from components.core import momentum_theory as mt
from components.core.accumulation import repeated_backward, training_run
from components.core.expression import curve_along_a
from components.core.expression_parser import parse_expression
from components.core.gradients import gradients_of_q, q_curve
from components.core.optimizer import compare_momentum, landscape_grid
from components.core.resnet import GroupStats, ParameterStats
from components.numbers import format_number
from components.ui import chart_text
from components.ui.i18n import t
from components.ui.layout import markdown_escaped
from components.ui.panels import labels_for

LANGS = ("ko", "en")
# A float printed without formatting (36.36090087890625) in a summary.
RAW_FLOAT = re.compile(r"\d\.\d{6,}")


def _f(values) -> list[str]:
    return [format_number(v) for v in values]


def _column(text, index) -> list[str]:
    return [row[index] for row in text.rows]


def _check_readable(text):
    assert not RAW_FLOAT.search(text.summary), text.summary
    assert all(len(row) == len(text.columns) for row in text.rows)
    assert len(set(text.columns)) == len(text.columns)  # st.table needs unique columns


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("calls", [1, 5])
def test_history_text_is_the_figures_lines(lang, calls):
    acc = repeated_backward((2.0, 3.0), (6.0, 4.0), calls, zero=False)
    zero = repeated_backward((2.0, 3.0), (6.0, 4.0), calls, zero=True)
    for tensor in "ab":
        fig = history_figure(acc, zero, False, labels_for("accumulation.chart.history", lang),
                             tensor)
        text = chart_text.history_text(acc, zero, tensor, lang)
        _check_readable(text)
        # Traces: [0] and [1] of the accumulating panel, then of the reset panel.
        drawn = [_f(trace.y) for trace in fig.data]
        assert [_column(text, i) for i in (1, 2, 3, 4)] == drawn
        for series in drawn:
            assert ", ".join(series) in text.summary
        assert f"{tensor}.grad" in text.summary and t("charttext.history.name", lang,
                                                      tensor=tensor) in text.label
    if calls == 5:  # the issue's own example: a.grad after 1…5 calls
        assert "36, 72, 108, 144, 180" in chart_text.history_text(acc, zero, "a", lang).summary


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("lr", [0.01, 0.3])
def test_training_text_names_the_run_that_blew_up(lang, lr):
    with_zero, without = training_run(lr, zero_grad=True), training_run(lr, zero_grad=False)
    fig = training_figure(with_zero, without, labels_for("accumulation.chart.training", lang), 20)
    text = chart_text.training_text(with_zero, without, 20, lang)
    _check_readable(text)
    lines = [tr for tr in fig.data if tr.mode == "lines+markers"]
    for column, trace in zip((1, 2), lines, strict=True):
        drawn = _f(trace.y)
        assert _column(text, column)[:len(drawn)] == drawn
        assert set(_column(text, column)[len(drawn):]) <= {chart_text.MISSING}
        assert drawn[0] in text.summary
    for run in (with_zero, without):
        phrase = (t("charttext.training.diverged", lang, step=run.diverged_at,
                    last=format_number(run.losses[-1])) if run.diverged_at
                  else t("charttext.training.ends", lang, first=format_number(run.losses[0]),
                         last=format_number(run.losses[-1]), steps=len(run.losses),
                         low=format_number(min(run.losses))))
        assert phrase in text.summary
    if lr == 0.3:  # a run blows up, and the ✕ on the chart says where
        blown = [run for run in (with_zero, without) if run.diverged_at is not None]
        marked = [tr for tr in fig.data if tr.mode == "markers+text"]
        assert len(blown) == len(marked) >= 1
        step = str(blown[0].diverged_at)
        assert step in marked[0].text[0] and f"{step}" in text.summary


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("objective, lr, momentum", [("valley", 0.01, 0.9), ("q", 0.1, 0.5),
                                                    ("valley", 0.01, 0.0)])
def test_optimizer_texts_are_the_figures_runs(lang, objective, lr, momentum):
    comparison = compare_momentum(objective, (2.0, 3.0), (6.0, 4.0), lr, momentum, 30)
    runs = chart_text._runs(comparison)
    names = [chart_text._run_name(run, lang) for run in runs]
    loss = chart_text.loss_text(comparison, lang)
    _check_readable(loss)
    fig = loss_figure(comparison, labels_for("optimizer.chart.loss", lang))
    for r, name in enumerate(names):
        trace = next(tr for tr in fig.data if tr.name == name)
        # customdata holds the real losses, also where the axis is signed-log.
        assert _column(loss, r + 1)[:len(trace.customdata)] == list(trace.customdata)
        assert name in loss.summary
    if objective == "valley":
        grid = landscape_grid(objective, -3.5, 3.5, points=21)
        path = chart_text.path_text(comparison, grid.minimum, lang)
        _check_readable(path)
        fig = contour_figure(grid, comparison, labels_for("optimizer.chart.map", lang))
        for r, name in enumerate(names):
            trace = next(tr for tr in fig.data if tr.name == name)
            assert _column(path, 1 + 2 * r)[:len(trace.x)] == _f(trace.x)
            assert _column(path, 2 + 2 * r)[:len(trace.y)] == _f(trace.y)
            assert f"({format_number(trace.x[-1])}, {format_number(trace.y[-1])})" in path.summary
    else:
        params = chart_text.params_text(comparison, lang)
        _check_readable(params)
        fig = parameters_figure(comparison, labels_for("optimizer.chart.params", lang))
        element_names = comparison.with_momentum.names
        for r, run in enumerate(runs):
            for i, element in enumerate(element_names):
                trace = next(tr for tr in fig.data
                             if tr.name == f"{element} · {_optimizer_label(run, lang)}")
                column = 1 + r * len(element_names) + i
                assert _column(params, column)[:len(trace.customdata)] == list(trace.customdata)
                assert f"{element} = {trace.customdata[-1]}" in params.summary


def _optimizer_label(run, lang):
    labels = labels_for("optimizer.chart.params", lang)
    return labels["plain"] if run.momentum == 0 else labels["momentum"].format(
        value=format_number(run.momentum))


@pytest.mark.parametrize("lang", LANGS)
def test_rate_map_text_is_the_maps_cells(lang):
    rates = mt.rate_map((0.001, 0.01, 0.03, 0.1), (2.0, 3.0), momenta=(0.0, 0.3, 0.6, 0.9),
                        steps=120)
    fig = map_figure(rates, (0.01, 0.9), labels_for("optimizer.chart.theory", lang))
    text = chart_text.rate_map_text(rates, (0.01, 0.9), lang)
    _check_readable(text)
    colour = fig.data[0].z  # None where the run diverged (drawn grey)
    for j, row in enumerate(text.rows):
        assert row[0] == format_number(rates.momenta[j])
        for i, cell in enumerate(row[1:]):
            if colour[j][i] is None:
                assert cell == t("charttext.map.diverged", lang)
            else:
                assert rate_to_colour(float(cell)) == pytest.approx(colour[j][i], abs=0.02)
    star = next(tr for tr in fig.data if tr.type == "scatter" and tr.marker.symbol == "star")
    assert format_number(10 ** star.x[0]) in text.summary
    assert format_number(star.y[0]) in text.summary
    blew = sum(v is None for row in colour for v in row)
    assert str(blew) in text.summary


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("v", [(1.0, 1.0), (0.7, 0.3)])
def test_gradient_texts_are_the_bars_and_curves(lang, v):
    result = gradients_of_q((2.0, -1.5), (6.0, 4.0), v)
    for tensor in "ab":
        fig = gradient_bars_figure(result, labels_for("gradients.chart.bars", lang), tensor)
        text = chart_text.bars_text(result, tensor, lang)
        _check_readable(text)
        assert _column(text, 1) == _f(fig.data[0].y) and _column(text, 2) == _f(fig.data[1].y)
        assert ", ".join(_f(fig.data[0].y)) in text.summary
    curves = {}
    for i, (a_i, b_i) in enumerate(zip((2.0, -1.5), (6.0, 4.0), strict=True), start=1):
        curves[("a", i)] = q_curve(a_i, b_i, "a", -3.0, 3.0)
        curves[("b", i)] = q_curve(a_i, b_i, "b", -6.0, 6.0)
    for element in (1, 2):
        fig = tangent_figure(curves, labels_for("gradients.chart.tangent", lang), element)
        text = chart_text.tangent_text(curves, element, lang)
        _check_readable(text)
        along_a, along_b = fig.data[0], fig.data[3]  # the curve of each panel
        assert _column(text, 0) == _f(along_a.x) and _column(text, 1) == _f(along_a.y)
        assert _column(text, 2) == _f(along_b.x) and _column(text, 3) == _f(along_b.y)
        slopes = [a.text for a in fig.layout.annotations if a.text and "slope" in a.text
                  or a.text and "기울기" in a.text]
        assert len(slopes) == 2
        for label in slopes:  # "slope 36" on the chart → "36" in the summary
            assert label.split()[-1] in text.summary


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("expr, a1", [("3*a**3 - b**2", 2.0), ("1/a", 0.0), ("log(a)", 1.0)])
def test_expression_text_is_the_curve(lang, expr, a1):
    curve = curve_along_a(parse_expression(expr), a1, 4.0, -3.0, 3.0)
    fig = curve_figure(curve, labels_for("expression.chart", lang))
    text = chart_text.expression_curve_text(curve, lang)
    _check_readable(text)
    drawn = fig.data[0]
    assert _column(text, 0) == _f(drawn.x)
    assert _column(text, 1) == [chart_text.MISSING if y is None else format_number(y)
                                for y in drawn.y]
    gaps = sum(y is None for y in drawn.y)
    assert (t("charttext.curve.gaps", lang, count=gaps) in text.summary) == bool(gaps)
    if len(fig.data) > 1:  # a tangent is drawn: its slope is in the summary
        assert format_number(curve.slope) in text.summary
    else:
        assert t("charttext.curve.no_point", lang, x0=format_number(a1)) in text.summary


@dataclass(frozen=True)
class _Result:
    parameters: tuple
    groups: tuple
    losses: tuple


# ResNet-shaped numbers (the real network is checked on the page, in
# test_app_chart_text.py): a zero gradient, which a log axis cannot draw, included.
RESNET = _Result(
    parameters=(ParameterStats("conv1.weight", "conv1", (64, 3, 7, 7), 9408, 9.5, 0.8123, 0.01, 0.5),
                ParameterStats("bn1.weight", "bn1", (64,), 64, 8.0, 0.04567, 0.001, 0.02),
                ParameterStats("layer1.0.conv1.weight", "layer1", (64, 64, 3, 3), 36864, 12.1,
                               0.0, 0.0, 0.0),
                ParameterStats("fc.weight", "fc", (1000, 512), 512000, 30.2, 7.891, 0.2, 3.3),
                ParameterStats("fc.bias", "fc", (1000,), 1000, 1.1, 1.0, 0.03, 0.9)),
    groups=(GroupStats("conv1", 1, 9408, 9.5, 0.8123, 0.01, 0.5),
            GroupStats("bn1", 2, 128, 8.0, 0.04567, 0.001, 0.02),
            GroupStats("fc", 2, 513000, 30.2, 7.92, 0.2, 3.3)),
    losses=(7.2345, 6.1234, 5.987),
)


@pytest.mark.parametrize("lang", LANGS)
def test_resnet_texts_are_the_bars_and_the_loss(lang):
    result = RESNET
    fig = gradient_norms_figure(result.parameters, labels_for("resnet.chart.grads", lang))
    text = chart_text.grad_norms_text(result.parameters, lang)
    _check_readable(text)
    drawn = {name: value for trace in fig.data for name, value in zip(trace.y, trace.text,
                                                                       strict=True)}
    assert {row[0]: row[2] for row in text.rows} == drawn
    largest = max(result.parameters, key=lambda p: p.grad_norm)
    assert f"{largest.name} {drawn[largest.name]}" in text.summary
    assert f"layer1.0.conv1.weight {drawn['layer1.0.conv1.weight']}" in text.summary  # 0

    fig = loss_curve_figure(result.losses, labels_for("resnet.chart.loss", lang))
    text = chart_text.resnet_loss_text(result.losses, lang)
    _check_readable(text)
    assert _column(text, 1) == list(fig.data[0].text)
    assert fig.data[0].text[0] in text.summary and fig.data[0].text[-1] in text.summary

    fig = layer_movement_figure(result.groups, labels_for("resnet.chart.move", lang))
    text = chart_text.movement_text(result.groups, lang)
    _check_readable(text)
    assert _column(text, 0) == list(fig.data[0].y)
    assert _column(text, 3) == list(fig.data[1].text)  # the buffer bars' labels

    fig = backward_time_figure(41.5, 12.25, labels_for("resnet.chart.time", lang))
    text = chart_text.backward_time_text(41.5, 12.25, lang)
    assert [row[0] for row in text.rows] == list(fig.data[0].y)
    assert "41.5 ms" in text.summary and "12.2 ms" in text.summary


def test_resnet_loss_text_says_where_it_overflowed():
    text = chart_text.resnet_loss_text((2.5, 1e30, math.inf), "en")
    assert "from step 2 on" in text.summary and text.rows[2][1] == "∞"


@pytest.mark.parametrize("lang", LANGS)
def test_class_texts_are_the_bars_and_hide_the_answer_until_shown(lang):
    guesses = [36.0, 35.0, 40.0, 36.5, 72.0, 12.0]
    right = [True, False, False, True, False, False]
    labels = {"x": "x", "y": "y", "right": "r", "wrong": "w", "guesses": "g", "answer": "{value}"}
    fig = spread_figure(guesses, right, 36.0, labels)
    text = chart_text.spread_text(guesses, right, 36.0, lang)
    _check_readable(text)
    assert [int(c) for c in _column(text, 2)] == list(fig.data[0].y)  # right
    assert [int(c) for c in _column(text, 3)] == list(fig.data[1].y)  # wrong
    assert "36" in text.summary and "2" in text.summary
    hidden = chart_text.spread_text(guesses, None, None, lang)
    fig = spread_figure(guesses, None, None, labels)
    assert [int(c) for c in _column(hidden, 1)] == list(fig.data[0].y)
    assert len(hidden.columns) == 2
    assert t("charttext.spread.answer", lang, answer="36", right=2, wrong=4) not in hidden.summary
    assert chart_text.spread_text([], None, None, lang).rows == ()

    fig = choice_figure([3, 1, 0], ["adds", "same", "error"], 0, {"y": "n"})
    text = chart_text.choice_text([3, 1, 0], ["adds", "same", "error"], 0, lang)
    assert [int(c) for c in _column(text, 1)] == list(fig.data[0].x)
    assert "“adds”" in text.summary and text.rows[0][0] == "adds ✓"
    assert "✓" not in "".join(row[0] for row in
                              chart_text.choice_text([3, 1, 0], ["x", "y", "z"], None, lang).rows)


def test_summaries_change_with_the_numbers():
    one = chart_text.history_text(repeated_backward((2.0, 3.0), (6.0, 4.0), 3, zero=False),
                                  repeated_backward((2.0, 3.0), (6.0, 4.0), 3, zero=True), "a", "en")
    two = chart_text.history_text(repeated_backward((1.0, 3.0), (6.0, 4.0), 3, zero=False),
                                  repeated_backward((1.0, 3.0), (6.0, 4.0), 3, zero=True), "a", "en")
    assert one.summary != two.summary and "9, 18, 27" in two.summary


def test_markdown_in_a_summary_is_shown_as_written():
    assert markdown_escaped("optim.zero_grad() a.grad[0] $x$ *") == (
        r"optim.zero\_grad() a.grad\[0\] \$x\$ \*")
