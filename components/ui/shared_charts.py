"""Lesson results, figures and their text alternatives, built once per input.

A class moves the same sliders to the same values, and a rerun redraws every
chart even when its inputs did not change. Each function here is keyed by the
plain control values (and the language), so a chart and its ChartText are
built once per input in the process, whichever session asks first.

``st.cache_resource``, not ``st.cache_data``: a hit hands out the stored
object itself. That is safe because nothing changes these objects after they
are built: the results and ChartText are frozen dataclasses, and a plotly
figure is only read (``st.plotly_chart`` serializes a copy of it;
``layout.chart`` scales a copy in presenter view). cache_data would unpickle a
fresh copy on every rerun, which for a plotly figure means validating it again.
"""

from __future__ import annotations

from components.charts.accumulation import history_figure, training_figure
from components.charts.expression import curve_figure
from components.charts.gradients import gradient_bars_figure
from components.charts.optimizer import contour_figure, loss_figure, parameters_figure
from components.charts.resnet import (
    backward_time_figure,
    gradient_norms_figure,
    layer_movement_figure,
    loss_curve_figure,
)
from components.core import accumulation, gradients
from components.core.accumulation import repeated_backward, training_run
from components.core.gradients import gradients_of_q
from components.ui import chart_text
from components.ui.memo import shared
from components.ui.optimizer_panels import cached_comparison, cached_grid
from components.ui.panels import labels_for

# A plotly figure holds tens to hundreds of KB of Python objects: 128 settings per
# function keep each cache to a few tens of MB (a class shares a handful of settings).
_ENTRIES = 128


# ② gradients --------------------------------------------------------------

@shared(maxsize=_ENTRIES)
def gradients_result(a: tuple, b: tuple, v: tuple):
    """``gradients_of_q`` (frozen result), shared by every session."""
    return gradients_of_q(a, b, v)


@shared(maxsize=_ENTRIES)
def gradient_bars(a: tuple, b: tuple, v: tuple, tensor: str, lang: str):
    """Tensor ``tensor``'s bars figure and its text alternative."""
    result = gradients_result(a, b, v)
    return (gradient_bars_figure(result, labels_for("gradients.chart.bars", lang), tensor),
            chart_text.bars_text(result, tensor, lang))


# The page's other results (frozen dataclasses, a string), shared the same way.
vector_backward_error = shared(maxsize=_ENTRIES)(gradients.vector_backward_error)
sum_versus_ones = shared(maxsize=_ENTRIES)(gradients.sum_versus_ones)


# ③ accumulation -----------------------------------------------------------

@shared(maxsize=_ENTRIES)
def histories(a: tuple, b: tuple, calls: int, graph: str):
    """``repeated_backward`` without and with zeroing (frozen results)."""
    return (repeated_backward(a, b, calls, zero=False, graph=graph),
            repeated_backward(a, b, calls, zero=True, graph=graph))


@shared(maxsize=_ENTRIES)
def history_chart(a: tuple, b: tuple, calls: int, graph: str, zero: bool, tensor: str,
                  lang: str):
    """Tensor ``tensor``'s history figure and its text alternative."""
    accumulated, zeroed = histories(a, b, calls, graph)
    return (history_figure(accumulated, zeroed, zero,
                           labels_for("accumulation.chart.history", lang), tensor),
            chart_text.history_text(accumulated, zeroed, tensor, lang))


graph_modes_agree = shared(maxsize=_ENTRIES)(accumulation.graph_modes_agree)
freed_graph_demo = shared(maxsize=_ENTRIES)(accumulation.freed_graph_demo)
zeroing_methods = shared(maxsize=_ENTRIES)(accumulation.zeroing_methods)


@shared(maxsize=_ENTRIES)
def training_runs(lr: float, steps: int):
    """The training loop with and without ``zero_grad`` (frozen results)."""
    return training_run(lr, zero_grad=True, steps=steps), \
        training_run(lr, zero_grad=False, steps=steps)


@shared(maxsize=_ENTRIES)
def training_chart(lr: float, steps: int, lang: str):
    with_zero, without_zero = training_runs(lr, steps)
    return (training_figure(with_zero, without_zero,
                            labels_for("accumulation.chart.training", lang), steps),
            chart_text.training_text(with_zero, without_zero, steps, lang))


# ④ optimizer --------------------------------------------------------------

@shared(maxsize=_ENTRIES)
def optimizer_chart(kind: str, objective: str, a: tuple, b: tuple, lr: float, momentum: float,
                    steps: int, lang: str):
    """The loss curve (``kind`` "loss"), the path map ("map") or the parameters
    ("params") and its text alternative, for these control values."""
    comparison = cached_comparison(objective, a, b, lr, momentum, steps)
    if kind == "loss":
        return (loss_figure(comparison, labels_for("optimizer.chart.loss", lang)),
                chart_text.loss_text(comparison, lang))
    if kind == "map":
        grid = cached_grid(objective)
        return (contour_figure(grid, comparison, labels_for("optimizer.chart.map", lang)),
                chart_text.path_text(comparison, grid.minimum, lang))
    return (parameters_figure(comparison, labels_for("optimizer.chart.params", lang)),
            chart_text.params_text(comparison, lang))


# ⑤ expression -------------------------------------------------------------

@shared(maxsize=_ENTRIES)
def expression_curve_chart(curve, lang: str):
    """The curve along a₁ (a frozen CurveData: its numbers are the key)."""
    return (curve_figure(curve, labels_for("expression.chart", lang)),
            chart_text.expression_curve_text(curve, lang))


# ① resnet ------------------------------------------------------------------
# Keyed by the result's own numbers (frozen dataclasses and tuples: hashable),
# so a figure always matches the result the page shows, whichever cached
# result that is.

@shared(maxsize=64)
def grad_norms_chart(parameters: tuple, lang: str):
    return (gradient_norms_figure(parameters, labels_for("resnet.chart.grads", lang)),
            chart_text.grad_norms_text(parameters, lang))


@shared(maxsize=64)
def resnet_loss_chart(losses: tuple, lang: str):
    return (loss_curve_figure(losses, labels_for("resnet.chart.loss", lang)),
            chart_text.resnet_loss_text(losses, lang))


@shared(maxsize=64)
def movement_chart(groups: tuple, lang: str):
    return (layer_movement_figure(groups, labels_for("resnet.chart.move", lang)),
            chart_text.movement_text(groups, lang))


@shared(maxsize=64)
def backward_time_chart(full_ms: float, frozen_ms: float, lang: str):
    return (backward_time_figure(full_ms, frozen_ms, labels_for("resnet.chart.time", lang)),
            chart_text.backward_time_text(full_ms, frozen_ms, lang))
