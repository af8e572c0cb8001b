"""Plotly figures for the gradients lesson: the gradient bars.

The curves with their tangents are drag sliders' live figures
(``live_gradients.py``), drawn in the browser from the server's numbers.

Builders take plain data (the core's dataclasses of floats) and localized
labels; they import plotly only and never compute a derivative themselves.
"""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts.style import (
    FIRST_COLOR,
    FONT,
    LEGEND_FONT,
    SECOND_COLOR,
    TICK_FONT,
    TITLE_FONT,
)
from components.numbers import format_number

# Bars against diamonds, a solid curve against a dashed tangent: shape tells them apart too.
AUTOGRAD_COLOR = FIRST_COLOR
HAND_COLOR = "#d62728"
TANGENT_COLOR = SECOND_COLOR


def _axis_names(index: int) -> tuple[str, str]:
    """Plotly's axis names of subplot ``index`` (0-based): ("x", "y"), ("x2", "y2") …"""
    suffix = "" if index == 0 else str(index + 1)
    return f"x{suffix}", f"y{suffix}"


def _grid_layout(rows: int, cols: int, titles, gap_x: float, gap_y: float,
                 title_size: int) -> dict:
    """Axes domains and subplot titles of a rows × cols grid, as a layout dict.

    Written out directly: ``make_subplots`` plus ``update_*`` calls cost ~40 ms
    per figure here, on every slider move (bench/bench_profile.py).
    """
    layout: dict = {"annotations": []}
    width = (1 - gap_x * (cols - 1)) / cols
    height = (1 - gap_y * (rows - 1)) / rows
    for index, title in enumerate(titles):
        row, col = divmod(index, cols)
        x0 = col * (width + gap_x)
        y1 = 1 - row * (height + gap_y)
        x_name, y_name = _axis_names(index)
        layout[x_name.replace("x", "xaxis")] = dict(domain=[x0, x0 + width], anchor=y_name)
        layout[y_name.replace("y", "yaxis")] = dict(domain=[y1 - height, y1], anchor=x_name)
        layout["annotations"].append(dict(
            text=title, x=x0 + width / 2, y=y1, xref="paper", yref="paper",
            xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=title_size)))
    return layout


def _axis_title(text: str) -> dict:
    return dict(text=text, font=TITLE_FONT, standoff=4)


def gradient_bars_figure(result, labels: dict[str, str], tensor: str):
    """``tensor``'s gradient ("a" or "b") as bars (autograd), hand values as markers.

    One figure per tensor, side by side on the page: moving a₁ redraws the
    a.grad figure only. Axis ranges are fixed to the largest value the sliders
    allow, so a bar visibly grows and shrinks as a slider moves.
    """
    grads, hand, limit = ((result.a_grad, result.a_grad_analytic, 85.0) if tensor == "a"
                          else (result.b_grad, result.b_grad_analytic, 13.0))
    hand_label = labels[f"hand_{tensor}"]
    layout = _grid_layout(1, 1, (labels[f"title_{tensor}"],), gap_x=0.0, gap_y=0.0,
                          title_size=16)
    xs = [f"{tensor}.grad[{i}]" for i in range(len(grads))]
    traces = [
        go.Bar(x=xs, y=grads, name=labels["autograd"], marker_color=AUTOGRAD_COLOR,
               text=[format_number(g) for g in grads], textposition="auto",
               insidetextanchor="middle", textfont=dict(size=16), cliponaxis=False,
               hovertemplate="%{x} = %{y:.4g}<extra></extra>"),
        go.Scatter(x=xs, y=hand, mode="markers", name=hand_label,
                   marker=dict(symbol="diamond", size=16, color=HAND_COLOR,
                               line=dict(color="white", width=1.5)),
                   hovertemplate=f"{hand_label} = %{{y:.4g}}<extra></extra>"),
    ]
    layout["yaxis"].update(range=(-limit, limit), zeroline=True, zerolinewidth=2,
                           tickfont=TICK_FONT, title=_axis_title(labels["y"]))
    layout["xaxis"].update(tickfont=TICK_FONT)
    # Legend from the figure's top edge: in a narrow column it wraps to two
    # rows, which then grow into the margin instead of onto the panel title.
    layout.update(height=440, margin=dict(l=10, r=10, t=100, b=10), font=FONT,
                  legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0, font=LEGEND_FONT), bargap=0.45)
    return go.Figure(data=traces, layout=layout)
