"""Plotly figures for the gradients lesson: curves with tangents, gradient bars.

Builders take plain data (the core's dataclasses of floats) and localized
labels; they import plotly only and never compute a derivative themselves.
"""

from __future__ import annotations

import numpy as np
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


def _tangent(curve, half_width: float):
    xs = (curve.x0 - half_width, curve.x0 + half_width)
    ys = tuple(curve.y0 + curve.slope * (x - curve.x0) for x in xs)
    return xs, ys


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


def tangent_figure(curves: dict[tuple[str, int], object], labels: dict[str, str], element: int):
    """Q_i over a_i (top) and over b_i (bottom) for ``i = element``, tangent at the point.

    One figure per element, side by side on the page: moving a₁ or b₁ redraws
    element 1's figure only (every redrawn subplot costs the browser time).
    ``curves[("a", 1)]`` is the ``CurveData`` of Q₁ along a₁, and so on.
    ``labels`` has ``title_a``/``title_b`` (with ``{i}``), ``x_a``/``x_b``,
    ``y``, ``curve``, ``tangent`` and ``slope`` (with ``{value}``).
    """
    order = [("a", element), ("b", element)]
    titles = [labels[f"title_{along}"].format(i=i) for along, i in order]
    layout = _grid_layout(2, 1, titles, gap_x=0.0, gap_y=0.16, title_size=15)
    traces = []
    for index, (along, i) in enumerate(order):
        curve = curves[(along, i)]
        x_name, y_name = _axis_names(index)
        first = index == 0
        point_hover = f"{along}{i}=%{{x:.2f}}<br>Q{i}=%{{y:.2f}}<extra></extra>"
        # Arrays, not tuples: plotly validates a list element by element (~10 ms
        # of every slider move for these 2 × 121 points) and packs an array.
        traces.append(go.Scatter(
            x=np.asarray(curve.xs), y=np.asarray(curve.ys), mode="lines", name=labels["curve"], xaxis=x_name,
            yaxis=y_name, line=dict(color=AUTOGRAD_COLOR, width=2.5), showlegend=first,
            legendgroup="curve", hovertemplate=point_hover))
        span = (max(curve.xs) - min(curve.xs)) * 0.15
        tx, ty = _tangent(curve, span)
        traces.append(go.Scatter(
            x=tx, y=ty, mode="lines", name=labels["tangent"], xaxis=x_name, yaxis=y_name,
            line=dict(color=TANGENT_COLOR, width=3, dash="dash"), showlegend=first,
            legendgroup="tangent", hoverinfo="skip"))
        traces.append(go.Scatter(
            x=(curve.x0,), y=(curve.y0,), mode="markers", showlegend=False, xaxis=x_name,
            yaxis=y_name, hovertemplate=point_hover,
            marker=dict(color=TANGENT_COLOR, size=11, line=dict(color="white", width=1.5))))
        low, high = min(curve.ys), max(curve.ys)
        pad = max((high - low) * 0.12, 1.0)
        layout[y_name.replace("y", "yaxis")].update(
            range=(low - pad, high + pad), tickfont=TICK_FONT,
            title=_axis_title(labels["y"].format(i=i)))
        layout[x_name.replace("x", "xaxis")].update(
            range=(min(curve.xs), max(curve.xs)), tickfont=TICK_FONT,
            title=_axis_title(labels[f"x_{along}"].format(i=i)))
        # Point the label inwards so it never leaves the plot at the slider's ends.
        middle = (min(curve.xs) + max(curve.xs)) / 2
        above = curve.y0 < (low + high) / 2
        layout["annotations"].append(dict(
            x=curve.x0, y=curve.y0, xref=x_name, yref=y_name, showarrow=True, arrowhead=0,
            ax=-60 if curve.x0 > middle else 60, ay=-34 if above else 34,
            font=dict(size=15, color=TANGENT_COLOR), bgcolor="rgba(255,255,255,0.85)",
            text=labels["slope"].format(value=format_number(curve.slope))))
    # The legend hangs from the figure's top edge (not above the plot), so
    # larger type in the presenter view cannot push it onto the panel title.
    layout.update(height=640, margin=dict(l=10, r=10, t=90, b=10), font=FONT,
                  legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0,
                              font=LEGEND_FONT))
    return go.Figure(data=traces, layout=layout)


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
