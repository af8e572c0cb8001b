"""The curve of the student's f along a₁, with autograd's tangent (plotly only).

Takes the core's ``CurveData`` (gaps as None where f is not a finite real
number) and localized labels; computes no derivative itself.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from components.charts.gradients import AUTOGRAD_COLOR, TANGENT_COLOR
from components.charts.style import FONT, LEGEND_FONT, TICK_FONT, TITLE_FONT
from components.numbers import format_number


def _y_range(ys: list, y0: float) -> tuple[float, float] | None:
    """A y range that shows the curve's shape: near a pole (1/a at 0) the
    values run to ±10¹², so the range is cut to the middle 90 % of them,
    widened, whenever the full span is far larger than that."""
    finite = sorted(y for y in ys if y is not None)
    if not finite:
        return None
    low, high = finite[0], finite[-1]
    inner_low = finite[int(0.05 * (len(finite) - 1))]
    inner_high = finite[int(0.95 * (len(finite) - 1))]
    inner = inner_high - inner_low
    if inner > 0 and high - low > 20 * inner:
        low, high = inner_low - inner, inner_high + inner
    if math.isfinite(y0):
        low, high = min(low, y0), max(high, y0)
    pad = max((high - low) * 0.12, 1.0)
    return low - pad, high + pad


def curve_figure(curve, labels: dict[str, str]):
    """f(a₁, b₁) over a₁ and the tangent with autograd's slope at the current a₁.

    ``labels``: ``title``, ``x``, ``y``, ``curve``, ``tangent``, ``slope``
    (with ``{value}``). No tangent is drawn where f or the slope is not finite.
    """
    xs, ys = list(curve.xs), list(curve.ys)
    traces = [go.Scatter(x=xs, y=ys, mode="lines", name=labels["curve"], connectgaps=False,
                         line=dict(color=AUTOGRAD_COLOR, width=2.5),
                         hovertemplate="a₁=%{x:.2f}<br>f=%{y:.4g}<extra></extra>")]
    annotations = []
    if math.isfinite(curve.y0) and math.isfinite(curve.slope):
        half = (max(xs) - min(xs)) * 0.15
        tx = (curve.x0 - half, curve.x0 + half)
        ty = tuple(curve.y0 + curve.slope * (x - curve.x0) for x in tx)
        traces.append(go.Scatter(x=tx, y=ty, mode="lines", name=labels["tangent"],
                                 line=dict(color=TANGENT_COLOR, width=3, dash="dash"),
                                 hoverinfo="skip"))
        traces.append(go.Scatter(x=(curve.x0,), y=(curve.y0,), mode="markers", showlegend=False,
                                 marker=dict(color=TANGENT_COLOR, size=11,
                                             line=dict(color="white", width=1.5)),
                                 hovertemplate="a₁=%{x:.2f}<br>f=%{y:.4g}<extra></extra>"))
        middle = (min(xs) + max(xs)) / 2
        annotations.append(dict(
            x=curve.x0, y=curve.y0, showarrow=True, arrowhead=0,
            ax=-60 if curve.x0 > middle else 60, ay=-34,
            font=dict(size=15, color=TANGENT_COLOR), bgcolor="rgba(255,255,255,0.85)",
            text=labels["slope"].format(value=format_number(curve.slope))))
    y_range = _y_range(ys, curve.y0)
    layout = dict(
        title=dict(text=labels["title"], font=dict(size=16), y=1, yref="container",
                   yanchor="top", pad=dict(t=8)), height=440, font=FONT,
        # Room above the plot for the title and a legend that wraps to two rows on a
        # phone (the tangent's Korean label is long): one row grew into the title.
        margin=dict(l=10, r=10, t=112, b=10), annotations=annotations,
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, font=LEGEND_FONT),
        xaxis=dict(range=(min(xs), max(xs)), tickfont=TICK_FONT,
                   title=dict(text=labels["x"], font=TITLE_FONT, standoff=4)),
        yaxis=dict(tickfont=TICK_FONT, zeroline=True,
                   title=dict(text=labels["y"], font=TITLE_FONT, standoff=4)),
    )
    if y_range:
        layout["yaxis"]["range"] = y_range
    return go.Figure(data=traces, layout=layout)
