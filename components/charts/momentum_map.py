"""The α–μ map of the optimizer lesson: measured rates of real SGD runs as a heatmap.

Takes the core's ``RateMap`` (plain floats) and localized labels; imports plotly
only. The x axis is log₁₀(lr) so the log-spaced learning-rate options get
equal columns and the divergence boundary α·λmax = 2 + 2μ is a smooth curve.
Colour is −log₁₀(1 − rate): rates 0.99 and 0.999 differ by a whole colour step,
which a linear scale near 1 would hide; the colour bar is labelled in rates.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from components.charts.style import BAD_COLOR, FONT, GOOD_COLOR, TICK_FONT, TITLE_FONT, readable
from components.numbers import format_number

BOUNDARY_COLOR = BAD_COLOR
OPTIMUM_COLOR = GOOD_COLOR
CURRENT_COLOR = "#000000"
DIVERGED_COLOR = "#c7c7c7"
RATE_TICKS = (0.5, 0.9, 0.99, 0.999, 0.9999)
CLICK_TRACE = "cells"  # the name of the invisible trace that carries clicks


def rate_to_colour(rate: float) -> float:
    """The colour value of a converging rate: how many 9s it has, −log₁₀(1 − rate)."""
    return -math.log10(max(1.0 - rate, 1e-12))


def _lr_text(lr: float) -> str:
    return format_number(lr)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _decade_tick(lr: float) -> str:
    """A decade's tick label, short enough for a phone: 10⁻⁴ and 10⁻³ instead of
    0.0001 and 0.001 (those collided in a 294 px wide map), 0.01, 0.1 and 1 as they are."""
    exponent = round(math.log10(lr))
    return _lr_text(lr) if exponent >= -2 else f"10{str(exponent).translate(_SUPERSCRIPT)}"


def map_figure(rates, current: tuple[float, float] | None, labels: dict[str, str]):
    """Heatmap of ``rates.measured`` (rows = momenta, columns = lrs), the
    divergence boundary, Goh's optimum and the ``current`` (lr, momentum)
    (None: without it, see ``current_traces``).

    ``labels``: x, y, colour, diverged, unsettled, swing, boundary, optimum ({rate}),
    current, hover ({lr}, {mu}, {measured}, {predicted}), hover_diverged.
    Grey: no rate below 1 to colour. A cell that blew up is plain grey; a run that
    ended nearer the minimum but whose distance grew over the measured half (kind
    ``swing``) is grey with a dark diamond, so the two are told apart without colour.
    An invisible marker sits on every cell (trace ``CLICK_TRACE``, customdata
    [lr, momentum]) so a click selects a cell: plotly heatmaps cannot be selected.
    """
    xs = [math.log10(lr) for lr in rates.lrs]
    lam_max = rates.curvatures.eigenvalues[1]
    colour, grey = [], []
    for j in range(len(rates.momenta)):
        row_c, row_g = [], []
        for i in range(len(rates.lrs)):
            rate = rates.measured[j][i]
            if rates.kind(j, i) != "rate":
                row_c.append(None)
                row_g.append(1.0)
            else:
                row_c.append(rate_to_colour(rate))
                row_g.append(None)
        colour.append(row_c)
        grey.append(row_g)
    ticks = [rate_to_colour(r) for r in RATE_TICKS]
    fig = go.Figure()
    fig.add_trace(go.Heatmap(
        # Reversed: fast cells (few 9s) bright, slow ones dark.
        x=xs, y=rates.momenta, z=colour, colorscale="Viridis", reversescale=True, zmin=0, zmax=4.2,
        hoverinfo="skip", xgap=1, ygap=1,
        colorbar=dict(title=dict(text=labels["colour"], font=TITLE_FONT, side="right"),
                      tickvals=ticks, ticktext=[format_number(r) for r in RATE_TICKS],
                      thickness=12, len=0.9, tickfont=TICK_FONT),
    ))
    fig.add_trace(go.Heatmap(
        x=xs, y=rates.momenta, z=grey, colorscale=[[0, DIVERGED_COLOR], [1, DIVERGED_COLOR]],
        showscale=False, hoverinfo="skip", xgap=1, ygap=1,
    ))
    # Click layer and hover: one transparent marker per cell.
    cx, cy, data, hover = [], [], [], []
    for j, mu in enumerate(rates.momenta):
        for i, lr in enumerate(rates.lrs):
            cx.append(xs[i])
            cy.append(mu)
            data.append([lr, mu])
            measured = rates.measured[j][i]
            if rates.blew_up[j][i]:
                text = labels["hover_diverged"].format(lr=_lr_text(lr), mu=format_number(mu))
            else:
                text = labels["hover"].format(
                    lr=_lr_text(lr), mu=format_number(mu), measured=format_number(measured),
                    predicted=format_number(rates.predicted[j][i]))
                if rates.kind(j, i) == "swing":
                    text += "<br>" + labels["swing"]
                elif not rates.steady[j][i]:
                    text += "<br>" + labels["unsettled"]
            hover.append(text)
    invisible = dict(marker=dict(opacity=0))
    fig.add_trace(go.Scatter(
        x=cx, y=cy, mode="markers", name=CLICK_TRACE, showlegend=False, customdata=data,
        marker=dict(symbol="square", size=16, color="white", opacity=0),
        selected=invisible, unselected=invisible,
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
    ))
    # Cells whose rate was still changing at the end of the run: a small ring.
    rings = [(xs[i], mu) for j, mu in enumerate(rates.momenta) for i in range(len(rates.lrs))
             if rates.kind(j, i) == "rate" and not rates.steady[j][i]]
    fig.add_trace(go.Scatter(
        x=[p[0] for p in rings], y=[p[1] for p in rings], mode="markers",
        name=labels["unsettled"], hoverinfo="skip",
        # A white dot with a dark rim shows on dark cells, bright cells and the legend.
        marker=dict(symbol="circle", size=7, color="white", line=dict(width=1, color="#333333")),
    ))
    swings = [(xs[i], mu) for j, mu in enumerate(rates.momenta) for i in range(len(rates.lrs))
              if rates.kind(j, i) == "swing"]
    fig.add_trace(go.Scatter(
        x=[p[0] for p in swings], y=[p[1] for p in swings], mode="markers",
        name=labels["swing"], hoverinfo="skip",
        marker=dict(symbol="diamond", size=8, color="#333333"),
    ))
    mus = [k * 0.99 / 60 for k in range(61)]
    fig.add_trace(go.Scatter(
        x=[math.log10((2 + 2 * mu) / lam_max) for mu in mus], y=mus, mode="lines",
        name=labels["boundary"], hoverinfo="skip",
        line=dict(color=BOUNDARY_COLOR, width=3, dash="dash"),
    ))
    best = rates.optimum
    fig.add_trace(go.Scatter(
        x=[math.log10(best.lr)], y=[best.momentum], mode="markers",
        name=labels["optimum"].format(rate=format_number(best.rate)),
        marker=dict(symbol="star", size=20, color=OPTIMUM_COLOR,
                    line=dict(color="white", width=1.5)),
        hovertemplate=labels["optimum_hover"].format(
            lr=format_number(best.lr), mu=format_number(best.momentum),
            rate=format_number(best.rate)) + "<extra></extra>",
    ))
    # The star's label on a white box, so it reads over dark and bright cells alike.
    # Up and a little to the left: further left it ran into the momentum ticks on a phone.
    fig.add_annotation(x=math.log10(best.lr), y=best.momentum, ax=-36, ay=-40,
                       text=labels["optimum_short"].format(rate=format_number(best.rate)),
                       showarrow=True, arrowhead=0, arrowcolor="#333333",
                       bgcolor="rgba(255,255,255,0.9)", font=dict(size=14, color="#111111"))
    step = (xs[-1] - xs[0]) / (len(xs) - 1)
    # Labels on the decades only (every other column): nine labels collided at
    # phone and projector widths; a cell's own lr is in its hover text.
    decades = [(x, lr) for x, lr in zip(xs, rates.lrs, strict=True) if abs(x - round(x)) < 1e-9]
    fig.update_xaxes(title_text=labels["x"], tickvals=[x for x, _ in decades],
                     ticktext=[_decade_tick(lr) for _, lr in decades], tickangle=0,
                     range=(xs[0] - 0.6 * step, xs[-1] + 0.6 * step), showgrid=False, zeroline=False)
    fig.update_yaxes(title_text=labels["y"], range=(-0.03, 1.02), dtick=0.1, showgrid=False,
                     zeroline=False)
    # No legend: the caption under the map names every mark, and on a phone a
    # legend below the rotated lr ticks collided with the axis title.
    fig.update_layout(height=560, margin=dict(l=10, r=10, t=10, b=10), font=FONT,
                      showlegend=False, hovermode="closest", dragmode=False, clickmode="event+select",
                      plot_bgcolor="white")
    readable(fig)
    if current is not None:
        fig.add_traces(current_traces(current, labels))
    return fig


def current_traces(current: tuple[float, float], labels: dict[str, str]) -> list[dict]:
    """The marker of the current (lr, momentum) as plain trace dicts: the page
    adds them to a cached copy of the rest of the map (building the 306-cell
    figure again on every slider move cost more than the whole lesson's run)."""
    lr, mu = current
    x = [math.log10(lr)]
    # A white halo under the black ring keeps the current setting visible on any colour.
    halo = dict(type="scatter", x=x, y=[mu], mode="markers", showlegend=False,
                hoverinfo="skip",
                marker=dict(symbol="circle-open", size=22, color="white", line=dict(width=7)))
    ring = dict(type="scatter", x=x, y=[mu], mode="markers", name=labels["current"],
                marker=dict(symbol="circle-open", size=22, color=CURRENT_COLOR,
                            line=dict(width=3.5)),
                hovertemplate=labels["current_hover"].format(lr=_lr_text(lr), mu=format_number(mu))
                + "<extra></extra>")
    return [halo, ring]


def selected_cell(selection) -> tuple[float, float] | None:
    """(lr, momentum) of the cell a plotly selection event picked, if any.

    ``selection`` is the dict Streamlit stores for a chart with ``on_select``;
    only points of the invisible cell trace carry [lr, momentum] customdata.
    """
    points = (selection or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) == 2:
            try:
                lr, mu = float(data[0]), float(data[1])
            except (TypeError, ValueError):
                continue
            if math.isfinite(lr) and math.isfinite(mu):
                return lr, mu
    return None
