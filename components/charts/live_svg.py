"""The figure spec a drag slider draws (components/ui/static/drag_slider.js).

A spec is plain JSON: panels with fixed axes, static lines, and items whose
numbers are either constants or the name of a *frame column*: one value per
grid point of the slider, all computed on the server. The browser only maps
numbers to pixels, so every frame it draws is the server's own numbers.

Pure Python (no plotly, no torch): the same palette and sizes as the plotly
figures, so the live figure and the page's charts look alike.
"""

from __future__ import annotations

import math

from components.charts.gradients import HAND_COLOR as _HAND_COLOR
from components.charts.style import FIRST_COLOR, SECOND_COLOR

# The plotly figures' palette (components/charts/style.py), so nothing changes
# colour between a drag and the page after the release.
CURVE_COLOR = FIRST_COLOR
TANGENT_COLOR = SECOND_COLOR
HAND_COLOR = _HAND_COLOR
AXIS_COLOR = "#7f7f7f"
GRID_COLOR = "#e5e5e5"
FONT_SIZE = 14


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values inside [low, high], about ``count`` of them."""
    span = high - low
    if not math.isfinite(span) or span <= 0:
        return [low]
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10) + 0.0)  # + 0.0: no "-0"
        value += step
    return ticks


def tick_text(value: float) -> str:
    text = f"{value:.6g}"
    return "0" if text == "-0" else text.replace("-", "−")


def panel(box, x_range, y_range, *, title="", x_label="", y_label="", x_ticks=None,
          y_ticks=None, zero_line=False, items=()) -> dict:
    """One plot area: ``box`` = [left, top, width, height] in the figure's units."""
    x_ticks = nice_ticks(*x_range) if x_ticks is None else x_ticks
    y_ticks = nice_ticks(*y_range) if y_ticks is None else y_ticks
    return dict(
        box=list(box), x=list(x_range), y=list(y_range), title=title, xlabel=x_label,
        ylabel=y_label, xticks=_ticks(x_ticks), yticks=_ticks(y_ticks), zero=zero_line,
        items=list(items))


def _ticks(ticks) -> list[list]:
    """[value, text] pairs: given as (value, text) tuples, or values written by tick_text."""
    return [[v[0], v[1]] if isinstance(v, tuple) else [v, tick_text(v)] for v in ticks]


def figure(width: int, height: int, panels, frames: dict[str, list], legend=(),
           scale: float = 1.0) -> dict:
    """The whole spec. Every frame column must have one value per grid point."""
    lengths = {column_length(column) for column in frames.values()}
    if len(lengths) > 1:
        raise ValueError(f"frame columns differ in length: {sorted(lengths)}")
    return dict(width=width, height=height, font=round(FONT_SIZE * scale, 1),
                panels=list(panels), frames=frames, legend=list(legend))


def column_length(column) -> int:
    """Frames in a column: a list, or a packed float32 column (its offsets bound them)."""
    return len(column["offsets"]) - 1 if isinstance(column, dict) else len(column)


def frame_count(spec: dict) -> int:
    return column_length(next(iter(spec["frames"].values()))) if spec["frames"] else 0
