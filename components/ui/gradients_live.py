"""Lesson ②'s drag sliders: a, b and v, each with a figure that follows the drag."""

from __future__ import annotations

import streamlit as st

from components.charts.live_gradients import live_gradient_figure
from components.charts.style import PRESENT_SCALE
from components.core.gradients import gradient_sweep, q_curve
from components.ui.controls import PageState
from components.ui.drag_slider import drag_slider, grid_of
from components.ui.i18n import t
from components.ui.layout import is_presenting
from components.ui.panels import labels_for
from components.ui.schema import A1, B1

# One column per element: Q₁ depends on a₁, b₁ and v₁ only.
LIVE_NAMES = (("a1", "b1", "v1"), ("a2", "b2", "v2"))


@st.cache_data(max_entries=256, show_spinner=False)
def cached_sweep(a: tuple[float, ...], b: tuple[float, ...], v: tuple[float, ...],
                 name: str, grid: tuple[float, ...]):
    """``gradient_sweep`` keyed by plain floats (one batched backward per key)."""
    return gradient_sweep(a, b, v, name, grid)


def live_labels(lang: str) -> dict[str, str]:
    labels = labels_for("gradients.chart.tangent", lang)
    bars = labels_for("gradients.chart.bars", lang)
    labels.update(autograd=bars["autograd"], hand_a=bars["hand_a"], hand_b=bars["hand_b"],
                  bar_y=t("gradients.live.bar_y", lang))
    return labels


def live_figure(state: PageState, name: str) -> dict:
    """The figure spec the drag slider ``name`` draws, for the page's current values."""
    a = (state["a1"], state["a2"])
    b = (state["b1"], state["b2"])
    v = (state["v1"], state["v2"])
    i = int(name[1]) - 1
    sweep = cached_sweep(a, b, v, name, grid_of(state.controls[name]))
    curves = {"a": q_curve(a[i], b[i], "a", A1.low, A1.high),
              "b": q_curve(a[i], b[i], "b", B1.low, B1.high)}
    return live_gradient_figure(sweep, curves, live_labels(state.lang))


def live_section(state: PageState, columns) -> None:
    """The six drag sliders in two columns, one per element of Q.

    In presenter view each takes a whole row: the figure then fills the
    projector's width, its text PRESENT_SCALE larger (drag_slider.css).
    """
    scale = PRESENT_SCALE if is_presenting(state) else 1.0
    for names, column in zip(LIVE_NAMES, columns, strict=True):
        with column:
            for name in names:
                drag_slider(state, name, live_figure(state, name), scale=scale)
