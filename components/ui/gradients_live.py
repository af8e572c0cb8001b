"""Lesson ②'s drag sliders: a, b and v, each with a figure that follows the drag."""

from __future__ import annotations

from components.charts.live_gradients import live_gradient_figure
from components.charts.style import PRESENT_SCALE
from components.core.gradients import gradient_sweep, q_curve
from components.ui.controls import PageState
from components.ui.drag_slider import drag_slider, grid_of
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
    return live_gradient_figure(sweep, curves, live_labels(lang))


def live_figure(state: PageState, name: str) -> dict:
    """The figure spec the drag slider ``name`` draws, for the page's current values."""
    i = name[1]
    return cached_live_figure(name, float(state[f"a{i}"]), float(state[f"b{i}"]),
                              float(state[f"v{i}"]), state.lang)


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
