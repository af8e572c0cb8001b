"""Lesson ③'s live figure: under the calls slider, lines that follow its drag."""

from __future__ import annotations

from components.charts.live_accumulation import live_history_figure
from components.charts.style import PRESENT_SCALE
from components.core.accumulation import histories_over_calls
from components.ui.controls import PageState
from components.ui.drag_slider import drag_figure, grid_of, sealed
from components.ui.i18n import t
from components.ui.layout import is_presenting
from components.ui.memo import shared
from components.ui.panels import labels_for
from components.ui.schema import CALLS


# Shared as is (cache_resource): no unpickled copy per rerun; the spec is never changed.
@shared(maxsize=256)
def cached_history_figure(a: tuple[float, ...], b: tuple[float, ...], zero: bool, graph: str,
                          lang: str, scale: float) -> dict:
    """The calls slider's figure: one real ``repeated_backward`` per grid value, cached."""
    runs = histories_over_calls(a, b, zero, graph, grid_of(CALLS))
    return sealed(live_history_figure(runs, labels_for("accumulation.chart.history", lang), scale))


def live_history(state: PageState) -> dict:
    """The figure spec of the calls drag slider, for the page's current values.

    In presenter view the figure has the page's whole width (the page stacks
    its columns) and its wide layout, with text PRESENT_SCALE larger.
    """
    return cached_history_figure((state["a1"], state["a2"]), (state["b1"], state["b2"]),
                                 bool(state["zero"]), state["graph"], state.lang,
                                 PRESENT_SCALE if is_presenting(state) else 1.0)


def calls_figure(state: PageState) -> None:
    """The figure that follows the calls slider (drawn where the page placed it)."""
    scale = PRESENT_SCALE if is_presenting(state) else 1.0
    drag_figure(state, "calls", live_history(state), scale=scale,
                hint=t("accumulation.live_hint", state.lang))
