"""Lesson ②'s live figures: under each slider of a, b and v, a figure that follows its drag."""

from __future__ import annotations

import streamlit as st

from components.charts.live_gradients import live_gradient_figure
from components.charts.style import PRESENT_SCALE
from components.core.gradients import gradient_sweep, q_curve
from components.ui.controls import PageState, control_widget
from components.ui.drag_slider import drag_figure, grid_of, sealed
from components.ui.i18n import t
from components.ui.layout import is_presenting
from components.ui.memo import shared
from components.ui.panels import labels_for
from components.ui.schema import A1, B1, controls_for

CONTROLS = {c.name: c for c in controls_for("gradients")}

# One column per element: Q₁ depends on a₁, b₁ and v₁ only.
LIVE_NAMES = (("a1", "b1", "v1"), ("a2", "b2", "v2"))


def live_labels(lang: str) -> dict[str, str]:
    labels = labels_for("gradients.chart.tangent", lang)
    bars = labels_for("gradients.chart.bars", lang)
    labels.update(autograd=bars["autograd"], hand_a=bars["hand_a"], hand_b=bars["hand_b"],
                  bar_y=t("gradients.live.bar_y", lang))
    return labels


# cache_resource, not cache_data: a hit hands out the stored dict itself instead of
# unpickling a copy on every rerun. Nothing changes the spec after it is built
# (drag_slider only serializes it), so every session can share it.
@shared(maxsize=512)
def cached_live_figure(name: str, a_i: float, b_i: float, v_i: float, lang: str) -> dict:
    """The figure of drag slider ``name`` (one batched backward over its grid), cached.

    Q is element-wise, so element i's numbers depend on aᵢ, bᵢ and vᵢ only: the
    key holds just those (moving a₁ leaves the figures of element 2 cached),
    and both elements of the batch are given them.
    """
    grid = grid_of(CONTROLS[name])
    sweep = gradient_sweep((a_i, a_i), (b_i, b_i), (v_i, v_i), name, grid)
    curves = {"a": q_curve(a_i, b_i, "a", A1.low, A1.high),
              "b": q_curve(a_i, b_i, "b", B1.low, B1.high)}
    return sealed(live_gradient_figure(sweep, curves, live_labels(lang)))


def live_figure(state: PageState, name: str) -> dict:
    """The figure spec the drag slider ``name`` draws, for the page's current values."""
    i = name[1]
    return cached_live_figure(name, float(state[f"a{i}"]), float(state[f"b{i}"]),
                              float(state[f"v{i}"]), state.lang)


def slots_under_sliders(state: PageState, groups) -> dict:
    """Each control of ``groups`` ((column, title, names), ...) with an empty place
    right under its slider for its live figure; returns name → place.

    The figures are drawn later (``live_figures``), once predict mode allows:
    the bars they hold are the answer to a question. In presenter view the places
    are full-width rows under the controls, where a figure can be read from the back.
    """
    presenting = is_presenting(state)
    places = {}
    for column, title, names in groups:
        with column:
            st.markdown(f"**{title}**")
            for name in names:
                control_widget(state, name)
                if not presenting:
                    places[name] = st.empty()
    if presenting:
        places = {name: st.empty() for names in LIVE_NAMES for name in names}
    return places


def live_figures(state: PageState, places: dict) -> None:
    """Draw each slider's live figure in its place (see ``slots_under_sliders``).

    In presenter view each takes a whole row: the figure then fills the
    projector's width, its text PRESENT_SCALE larger (drag_slider.css).
    """
    scale = PRESENT_SCALE if is_presenting(state) else 1.0
    for name, place in places.items():
        with place.container():
            drag_figure(state, name, live_figure(state, name), scale=scale)
