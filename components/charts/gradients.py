"""Plotly figures for the gradients lesson: curves with tangents, gradient bars.

Builders take plain data (the core's dataclasses of floats) and localized
labels; they import plotly only and never compute a derivative themselves.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.charts.style import FONT, readable
from components.numbers import format_number

AUTOGRAD_COLOR = "#1f77b4"
HAND_COLOR = "#d62728"
TANGENT_COLOR = "#ff7f0e"


def _tangent(curve, half_width: float):
    xs = (curve.x0 - half_width, curve.x0 + half_width)
    ys = tuple(curve.y0 + curve.slope * (x - curve.x0) for x in xs)
    return xs, ys


def tangent_figure(curves: dict[tuple[str, int], object], labels: dict[str, str]):
    """2×2 grid: Q_i over a_i (top) and over b_i (bottom), tangent at the point.

    ``curves[("a", 1)]`` is the ``CurveData`` of Q₁ along a₁, and so on.
    ``labels`` has ``title_a``/``title_b`` (with ``{i}``), ``x_a``/``x_b``,
    ``y``, ``curve``, ``tangent`` and ``slope`` (with ``{value}``).
    """
    order = [("a", 1), ("a", 2), ("b", 1), ("b", 2)]
    titles = [labels[f"title_{along}"].format(i=i) for along, i in order]
    fig = make_subplots(rows=2, cols=2, subplot_titles=titles,
                        vertical_spacing=0.16, horizontal_spacing=0.08)
    for index, (along, i) in enumerate(order):
        row, col = index // 2 + 1, index % 2 + 1
        curve = curves[(along, i)]
        first = index == 0
        fig.add_trace(go.Scatter(
            x=curve.xs, y=curve.ys, mode="lines", name=labels["curve"],
            line=dict(color=AUTOGRAD_COLOR, width=2.5), showlegend=first,
            legendgroup="curve",
            hovertemplate=f"{along}{i}=%{{x:.2f}}<br>Q{i}=%{{y:.2f}}<extra></extra>",
        ), row=row, col=col)
        span = (max(curve.xs) - min(curve.xs)) * 0.15
        tx, ty = _tangent(curve, span)
        fig.add_trace(go.Scatter(
            x=tx, y=ty, mode="lines", name=labels["tangent"],
            line=dict(color=TANGENT_COLOR, width=3, dash="dash"), showlegend=first,
            legendgroup="tangent", hoverinfo="skip",
        ), row=row, col=col)
        fig.add_trace(go.Scatter(
            x=(curve.x0,), y=(curve.y0,), mode="markers", showlegend=False,
            marker=dict(color=TANGENT_COLOR, size=11, line=dict(color="white", width=1.5)),
            hovertemplate=f"{along}{i}=%{{x:.2f}}<br>Q{i}=%{{y:.2f}}<extra></extra>",
        ), row=row, col=col)
        low, high = min(curve.ys), max(curve.ys)
        pad = max((high - low) * 0.12, 1.0)
        fig.update_yaxes(range=(low - pad, high + pad), row=row, col=col,
                         title_text=labels["y"].format(i=i), title_standoff=4)
        fig.update_xaxes(range=(min(curve.xs), max(curve.xs)), row=row, col=col,
                         title_text=labels[f"x_{along}"].format(i=i), title_standoff=2)
        # Point the label inwards so it never leaves the plot at the slider's ends.
        middle = (min(curve.xs) + max(curve.xs)) / 2
        above = curve.y0 < (low + high) / 2
        fig.add_annotation(
            x=curve.x0, y=curve.y0, row=row, col=col, showarrow=True, arrowhead=0,
            ax=-60 if curve.x0 > middle else 60, ay=-34 if above else 34, font=dict(size=14, color=TANGENT_COLOR),
            text=labels["slope"].format(value=format_number(curve.slope)),
            bgcolor="rgba(255,255,255,0.85)",
        )
    fig.update_layout(height=620, margin=dict(l=10, r=10, t=60, b=10), font=FONT,
                      legend=dict(orientation="h", y=1.12, x=0))
    fig.update_annotations(font_size=15)  # subplot titles
    return readable(fig)


def gradient_bars_figure(result, labels: dict[str, str]):
    """a.grad and b.grad as bars (autograd) with the hand values as markers.

    Axis ranges are fixed to the largest value the sliders allow, so a bar
    visibly grows and shrinks as a slider moves.
    """
    fig = make_subplots(rows=1, cols=2, subplot_titles=(labels["title_a"], labels["title_b"]),
                        horizontal_spacing=0.12)
    panels = (
        ("a", result.a_grad, result.a_grad_analytic, labels["hand_a"], 1, 85.0),
        ("b", result.b_grad, result.b_grad_analytic, labels["hand_b"], 2, 13.0),
    )
    for name, grads, hand, hand_label, col, limit in panels:
        xs = [f"{name}.grad[{i}]" for i in range(len(grads))]
        fig.add_trace(go.Bar(
            x=xs, y=grads, name=labels["autograd"], marker_color=AUTOGRAD_COLOR,
            text=[format_number(g) for g in grads], textposition="auto",
            insidetextanchor="middle", textfont=dict(size=16), showlegend=col == 1,
            cliponaxis=False,
            hovertemplate="%{x} = %{y:.4g}<extra></extra>",
        ), row=1, col=col)
        fig.add_trace(go.Scatter(
            x=xs, y=hand, mode="markers", name=hand_label,
            marker=dict(symbol="diamond", size=16, color=HAND_COLOR,
                        line=dict(color="white", width=1.5)),
            hovertemplate=f"{hand_label} = %{{y:.4g}}<extra></extra>",
        ), row=1, col=col)
        fig.update_yaxes(range=(-limit, limit), zeroline=True, zerolinewidth=2,
                         title_text=labels["y"], row=1, col=col)
    fig.update_layout(height=420, margin=dict(l=10, r=10, t=60, b=10), font=FONT,
                      legend=dict(orientation="h", y=1.18, x=0), bargap=0.45)
    fig.update_annotations(font_size=16)  # subplot titles
    return readable(fig)
