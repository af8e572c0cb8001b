"""A slider whose figure follows every step of a drag (st.components.v2).

Streamlit reruns a script only when a slider is released, so nothing on the
server can follow a drag. This component gets the slider's whole grid and the
figure's numbers for every grid point (computed by PyTorch on the server,
``components/charts/live_svg.py`` describes the spec); its JavaScript redraws
the SVG on each ``input`` event and, on ``change`` (release or a key), sends
the value back: one rerun, after which the control's session value is the new
one and the page writes it to the URL like any other control.

The JS and CSS are files beside this module, read once at import.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

import streamlit as st

from components.charts.live_svg import frame_count
from components.numbers import format_number
from components.ui.controls import PageState
from components.ui.i18n import t
from components.ui.schema import Control, coerce

_STATIC = Path(__file__).parent / "static"
DRAG_JS = (_STATIC / "drag_slider.js").read_text(encoding="utf-8")
DRAG_CSS = (_STATIC / "drag_slider.css").read_text(encoding="utf-8")

_component = st.components.v2.component("autograd_lab.drag_slider", js=DRAG_JS, css=DRAG_CSS)


def grid_of(control: Control) -> tuple[float, ...]:
    """Every value the control's slider can take, exactly as ``schema.parse`` snaps them."""
    if control.kind == "choice":  # a select slider (the learning rate): its options
        return tuple(float(option) for option in control.options)
    count = round((control.high - control.low) / control.step)
    values = (round(control.low + k * control.step, 10) for k in range(count + 1))
    if control.kind == "int":
        return tuple(float(int(round(v))) for v in values)
    return tuple(values)


# A control's grid and its labels never change: made once per control and process.
@functools.lru_cache(maxsize=64)
def _grid_and_texts(control: Control) -> tuple[tuple[float, ...], tuple[str, ...]]:
    grid = grid_of(control)
    texts = tuple(format_number(v) for v in grid) if control.kind == "choice" \
        else tuple(f"{v:.{_decimals(control.step)}f}" for v in grid)
    return grid, texts


def _decimals(step: float) -> int:
    return max(0, -int(math.floor(math.log10(step)))) if step < 1 else 0


def component_key(name: str) -> str:
    """The component's widget key: the control's URL name stays the st.slider's."""
    return f"{name}_drag"


def value_from_browser(control: Control, raw: Any) -> Any:
    """The control's value for what the browser sent, or None to ignore it.

    The value comes from the browser: anything but a number is ignored, a
    number (even NaN or 1e308) goes through the schema like a URL value.
    """
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return None
    return coerce(control, raw).value


def _released(control: Control) -> None:
    """Callback on release: the component's value becomes the control's value."""
    result = st.session_state.get(component_key(control.name))
    value = value_from_browser(control, result.get("value") if result is not None else None)
    if value is not None:
        st.session_state[control.name] = value


def drag_slider(state: PageState, name: str, figure: dict, hint: str = "",
                scale: float = 1.0) -> None:
    """Draw control ``name`` as a drag slider with ``figure`` (one frame per grid point)."""
    control = state.controls[name]
    grid, texts = _grid_and_texts(control)
    if frame_count(figure) != len(grid):
        raise ValueError(f"{name}: {frame_count(figure)} frames for {len(grid)} grid points")
    value = float(state[name])
    index = min(range(len(grid)), key=lambda k: abs(grid[k] - value))
    _component(
        key=component_key(name),
        data=dict(
            name=name, label=t(f"control.{name}", state.lang),
            # Its own accessible name: the same value may also have a slider at the top.
            aria_label=t("drag.aria_label", state.lang, label=t(f"control.{name}", state.lang)),
            help=t(f"control.{name}.help", state.lang), hint=hint, grid=grid,
            text=texts, index=index, figure=figure, scale=scale,
        ),
        on_value_change=lambda: _released(control),
    )
