"""Lesson ④'s live figures: under the momentum and learning-rate sliders, the
paths on the loss map and the loss curve following every step of their drag."""

from __future__ import annotations

import streamlit as st

from components.charts.contour_raster import contour_png, data_uri
from components.charts.live_optimizer import live_optimizer_figure
from components.charts.style import PRESENT_SCALE
from components.core import optimizer as core
from components.numbers import format_number
from components.ui import chart_text
from components.ui.controls import PageState, control_widget
from components.ui.drag_slider import digest_of, drag_figure, grid_of, sealed
from components.ui.i18n import t
from components.ui.layout import columns_unless_presenting, is_presenting
from components.ui.memo import shared
from components.ui.optimizer_panels import MAP_MARGIN, cached_grid
from components.ui.panels import labels_for
from components.ui.schema import A1, LR, MOMENTUM

SLIDERS = {"momentum": MOMENTUM, "lr": LR}
# The background map's pixels per side: about the figure's map panel at 2× density.
MAP_PIXELS = 400


@shared(maxsize=4)
def cached_landscape(objective: str) -> dict:
    """The map panel's background and frame for a landscape: once per landscape."""
    low, high = A1.low - MAP_MARGIN, A1.high + MAP_MARGIN
    fine = core.landscape_grid(objective, low, high, points=MAP_PIXELS)
    image = data_uri(contour_png(fine, cached_grid(objective)))
    # The spec names the PNG by its digest: it travels once per session, not per figure.
    return dict(image=digest_of(image), png=image, x=(low, high), y=(low, high),
                minimum=core.MINIMUM[objective])


def live_labels(name: str, momentum: float, lang: str) -> dict[str, str]:
    labels = labels_for("optimizer.live.chart", lang)
    chart_map = labels_for("optimizer.chart.map", lang)
    labels.update(x=chart_map["x"], y=chart_map["y"], start=chart_map["start"],
                  minimum=chart_map["minimum"], plain=chart_map["plain"])
    if name == "lr":  # the momentum is fixed on this slider's figure
        labels["chosen"] = chart_map["momentum"].format(value=format_number(momentum))
    return labels


def frame_texts(comparisons, minimum, lang: str) -> list[str]:
    """Each frame in words: the slider's value, then what its runs did."""
    return [t("optimizer.live.alt", lang, lr=format_number(c.with_momentum.lr),
              momentum=format_number(c.with_momentum.momentum),
              start=format_number(c.with_momentum.losses[0]),
              summary=chart_text.live_summary(c, minimum, lang)) for c in comparisons]


# A figure is 50–400 KB as JSON (100 runs of up to 200 steps), a few times that as
# Python objects: 64 of them stay near ~100 MB. cache_resource, not cache_data: a hit
# hands out the stored dict instead of unpickling a copy on every rerun (the spec is
# never changed after it is built: drag_slider only serializes it).
@shared(maxsize=64)
def cached_live_figure(name: str, objective: str, a: tuple, b: tuple, lr: float | None,
                       momentum: float | None, steps: int, lang: str) -> dict:
    """The figure of drag slider ``name``: one real SGD run per grid value, cached.

    The swept value is left out of the key (None): moving the slider along
    its own grid reuses the figure, as the drag did.
    """
    grid = grid_of(SLIDERS[name])
    comparisons = core.comparisons_over(objective, a, b, lr if lr is not None else 0.0,
                                        momentum if momentum is not None else 0.0, steps,
                                        name, grid)
    landscape = None
    if objective in core.LANDSCAPES:
        landscape = dict(cached_landscape(objective), start=a)
    minimum = landscape["minimum"] if landscape else None
    return sealed(live_optimizer_figure(
        comparisons, name, live_labels(name, momentum or 0.0, lang), landscape=landscape,
        alts=frame_texts(comparisons, minimum, lang)))


def live_figure(state: PageState, name: str) -> dict:
    """The spec drag slider ``name`` draws for the page's current values."""
    objective = state["objective"]
    a = (float(state["a1"]), float(state["a2"]))
    b = (float(state["b1"]), float(state["b2"])) if objective not in core.LANDSCAPES \
        else (0.0, 0.0)
    lr = None if name == "lr" else float(state["lr"])
    momentum = None if name == "momentum" else float(state["momentum"])
    return cached_live_figure(name, objective, a, b, lr, momentum, int(state["steps"]),
                              state.lang)


def live_sliders(state: PageState) -> dict:
    """The momentum and lr sliders side by side (one row each in presenter view),
    each with an empty place right under it for its live figure; returns name → place.

    The figures come later (``live_figures``), once predict mode allows: they show
    the first step, the answer to a question.
    """
    places = {}
    columns = columns_unless_presenting(state, [1, 1])
    for name, column in zip(("momentum", "lr"), columns, strict=True):
        with column:
            control_widget(state, name)
            places[name] = st.empty()
    return places


def live_figures(state: PageState, places: dict) -> None:
    """Each slider's live figure in its place (see ``live_sliders``)."""
    lang = state.lang
    scale = PRESENT_SCALE if is_presenting(state) else 1.0
    hints = {
        "momentum": t("optimizer.live.momentum_hint", lang, lr=format_number(state["lr"])),
        "lr": t("optimizer.live.lr_hint", lang, momentum=format_number(state["momentum"])),
    }
    assets = {}
    if state["objective"] in core.LANDSCAPES:
        landscape = cached_landscape(state["objective"])
        assets[landscape["image"]] = landscape["png"]
    for name, place in places.items():
        with place.container():
            drag_figure(state, name, live_figure(state, name), hint=hints[name], scale=scale,
                        assets=assets)
