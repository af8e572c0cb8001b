"""Plotly figures for the accumulation lesson: .grad after each call, SGD loss curves.

Builders take plain data (the core's dataclasses of floats) and localized
labels; they import plotly only and compute nothing but axis ranges.
"""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts.style import (
    BAD_COLOR,
    FIRST_COLOR,
    FIRST_DASH,
    FIRST_SYMBOL,
    GOOD_COLOR,
    SECOND_COLOR,
    SECOND_DASH,
    SECOND_SYMBOL,
    TICK_FONT,
)
from components.numbers import format_number

ELEMENT_COLORS = (FIRST_COLOR, SECOND_COLOR)
# Element [1] also differs by dash and marker: colour is never the only signal.
ELEMENT_DASHES = (FIRST_DASH, SECOND_DASH)
ELEMENT_SYMBOLS = (FIRST_SYMBOL, SECOND_SYMBOL)
CURRENT_FILL = "rgba(255, 200, 0, 0.13)"
CURRENT_COLOR = "#b35c00"
OTHER_COLOR = "#555555"
WITH_ZERO_COLOR = GOOD_COLOR
WITHOUT_ZERO_COLOR = BAD_COLOR
FONT = dict(size=15)
# Fixed axes, so a line visibly climbs as a slider moves: the largest values
# the sliders allow are 10 calls × 9·3² = 810 for a.grad and 10 × 2·6 = 120 for
# b.grad; the margin leaves room for the value labels at the ends of the lines.
A_LIMIT = 880.0
B_LIMIT = 140.0
MAX_CALLS = 10


def _end_positions(last_values, calls: int) -> tuple[str, str]:
    """Put the larger element's end label above its point, the other below.

    Labels lean right, away from the line, unless the line ends near the
    panel's right edge (many calls), where they lean left to stay inside.
    """
    side = "right" if calls <= MAX_CALLS - 2 else "left"
    if last_values[0] >= last_values[1]:
        return f"top {side}", f"bottom {side}"
    return f"bottom {side}", f"top {side}"


def _wrapped(text: str, width: int = 16) -> str:
    """``text`` broken at spaces into lines of at most ``width`` units (a
    Hangul syllable counts two), as ``<br>``-joined plotly text: a column
    heading then fits its panel even on a 360 px phone."""
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and sum(2 if ord(c) > 0x1100 else 1 for c in candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "<br>".join(lines)


def history_figure(accumulated, zeroed, current_zero: bool, labels: dict[str, str],
                   tensor: str):
    """``tensor``'s gradient ("a" or "b") after every call: accumulating | reset.

    ``accumulated`` and ``zeroed`` are ``BackwardHistory`` runs of the same
    calls; the column of the run selected by ``current_zero`` is highlighted.
    One figure per tensor, a above b on the page: moving a₁ redraws a.grad's
    panels only. The a figure carries the column headings and the legend.
    ``labels``: ``head_accumulate``, ``head_zero``, ``current`` (with
    ``{head}``), ``formula_a_acc``, ``formula_b_acc``, ``formula_a_zero``,
    ``formula_b_zero``, ``x``, ``y_a``, ``y_b``, ``element1``, ``element2``.
    """
    # Laid out by hand in one go: plotly's per-axis update calls
    # (make_subplots, update_xaxes, ...) cost tens of ms on every rerun.
    # Axis 1 = accumulating, axis 2 = reset before each call.
    top = tensor == "a"
    x_domains = ((0.0, 0.475), (0.525, 1.0))
    traces = []
    for col, run in ((1, accumulated), (2, zeroed)):
        grads = run.a_grads if top else run.b_grads
        calls = list(range(1, len(grads) + 1))
        suffix = "" if col == 1 else "2"
        positions = _end_positions(grads[-1], len(grads))
        for i in range(2):
            values = [g[i] for g in grads]
            text = [""] * (len(values) - 1) + [format_number(values[-1])]
            traces.append(go.Scatter(
                x=calls, y=values, mode="lines+markers+text", xaxis=f"x{suffix}",
                yaxis=f"y{suffix}", name=labels[f"element{i + 1}"], legendgroup=f"e{i}",
                showlegend=top and col == 1,
                line=dict(color=ELEMENT_COLORS[i], width=3, dash=ELEMENT_DASHES[i]),
                marker=dict(size=9, color=ELEMENT_COLORS[i], symbol=ELEMENT_SYMBOLS[i]),
                text=text, textposition=positions[i], cliponaxis=False,
                textfont=dict(size=15, color=ELEMENT_COLORS[i]),
                hovertemplate=f"k=%{{x}}<br>{tensor}.grad[{i}] = %{{y:.4g}}<extra></extra>",
            ))

    # Explicit tick size: left to the theme, ticks came out 12 px at 1024 px.
    grid = dict(showgrid=True, gridcolor="#eeeeee", linecolor="#999999",
                zerolinecolor="#999999", tickfont=TICK_FONT)
    limits = (-0.1 * A_LIMIT, A_LIMIT) if top else (-B_LIMIT, B_LIMIT)
    layout = {}
    annotations = []
    current_col = 2 if current_zero else 1
    shapes = []
    for col, run_key, head_key in ((1, "acc", "head_accumulate"), (2, "zero", "head_zero")):
        suffix = "" if col == 1 else "2"
        layout[f"xaxis{suffix}"] = dict(
            # No fixed dtick: in a narrow column ten 14 px labels overlapped;
            # plotly's own spacing (1, 2 or 5 calls) always fits.
            grid, domain=x_domains[col - 1], anchor=f"y{suffix}", range=(0.5, MAX_CALLS + 0.5),
            title=dict(text=labels["x"], standoff=4))
        y_axis = dict(grid, domain=(0.0, 1.0), anchor=f"x{suffix}", range=limits,
                      zeroline=True, zerolinewidth=2)
        if col == 1:
            y_axis.update(title=dict(text=labels[f"y_{tensor}"]))
        else:
            y_axis.update(matches="y", showticklabels=False)
        layout[f"yaxis{suffix}"] = y_axis
        annotations.append(dict(
            text=labels[f"formula_{tensor}_{run_key}"], x=sum(x_domains[col - 1]) / 2, y=1.0,
            xref="paper", yref="paper", xanchor="center", yanchor="bottom",
            showarrow=False, font=dict(size=15, color=OTHER_COLOR),
        ))
        is_current = col == current_col
        if top:
            head = labels[head_key]
            annotations.append(dict(
                x=0.5, y=1.0, xref=f"x{suffix} domain", yref="paper",
                yanchor="bottom", yshift=26, showarrow=False,
                text=f"<b>{_wrapped(labels['current'].format(head=head) if is_current else head)}</b>",
                font=dict(size=17, color=CURRENT_COLOR if is_current else OTHER_COLOR),
            ))
        if is_current:
            shapes.append(dict(type="rect", xref=f"x{suffix} domain", yref=f"y{suffix} domain",
                               x0=0, x1=1, y0=0, y1=1, fillcolor=CURRENT_FILL, layer="below",
                               line=dict(color=CURRENT_COLOR, width=2)))
    return go.Figure(data=traces, layout=dict(
        **layout, height=400 if top else 290,
        margin=dict(l=10, r=10, t=140 if top else 40, b=10), font=FONT,
        # From the figure's top edge: the (two-line) headings sit below it.
        legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0),
        plot_bgcolor="white", annotations=annotations, shapes=shapes,
    ))


def training_figure(with_zero, without_zero, labels: dict[str, str], steps: int):
    """Loss per SGD step, with and without ``optim.zero_grad()``, one above the other.

    Stacked, not side by side: on a phone two side-by-side panels left each
    about 150 px and their titles ran into each other. Both panels share one y range: from 0 to a little above the highest loss
    drawn (at least the starting loss). A diverged run's curve stops at its
    last finite loss and an ✕ marks the step where it blew up, at the top.
    ``labels``: ``title_with``, ``title_without``, ``x``, ``y``, ``start``,
    ``diverged`` (with ``{step}``).
    """
    runs = ((1, with_zero, WITH_ZERO_COLOR), (2, without_zero, WITHOUT_ZERO_COLOR))
    # The run without zero_grad is dashed with square markers as well as vermillion.
    looks = {1: (FIRST_DASH, FIRST_SYMBOL), 2: (SECOND_DASH, SECOND_SYMBOL)}
    start = max((run.losses[0] for _, run, _ in runs if run.losses), default=1.0)
    highest = max([start, *(max(run.losses) for _, run, _ in runs if run.losses)])
    # Room above the curves for the ✕ and its label when a run blew up.
    blew_up = any(run.diverged_at is not None for _, run, _ in runs)
    top = highest * (1.45 if blew_up else 1.12)
    y_domains = ((0.58, 1.0), (0.0, 0.42))
    grid = dict(showgrid=True, gridcolor="#eeeeee", linecolor="#999999", tickfont=TICK_FONT)
    traces, layout, annotations = [], {}, []
    for col, run, color in runs:
        suffix = "" if col == 1 else "2"
        axes = dict(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
        traces.append(go.Scatter(
            x=list(range(1, len(run.losses) + 1)), y=list(run.losses), mode="lines+markers",
            showlegend=False, name=labels["title_with" if col == 1 else "title_without"],
            line=dict(color=color, width=3, dash=looks[col][0]),
            marker=dict(size=7, color=color, symbol=looks[col][1]),
            hovertemplate=f"{labels['x']} %{{x}}<br>{labels['y']} = %{{y:.4g}}<extra></extra>",
            **axes,
        ))
        # The starting loss as a legend entry, not a label that curves could cover.
        traces.append(go.Scatter(
            x=(0.5, steps + 0.5), y=(start, start), mode="lines", name=labels["start"],
            line=dict(color="#888888", width=1.5, dash="dot"), showlegend=col == 1,
            hoverinfo="skip", **axes,
        ))
        if run.diverged_at is not None:
            traces.append(go.Scatter(
                x=[run.diverged_at], y=[top * 0.93], mode="markers+text", showlegend=False,
                marker=dict(symbol="x", size=16, color=color),
                text=[labels["diverged"].format(step=run.diverged_at)],
                textposition="middle right" if run.diverged_at < steps / 2 else "middle left",
                textfont=dict(size=15, color=color), cliponaxis=False, hoverinfo="skip",
                **axes,
            ))
        layout[f"xaxis{suffix}"] = dict(grid, anchor=f"y{suffix}", range=(0.5, steps + 0.5),
                                        title=dict(text=labels["x"], standoff=4))
        y_axis = dict(grid, anchor=f"x{suffix}", range=(0, top), domain=y_domains[col - 1],
                      title=dict(text=labels["y"]))
        if col == 2:
            y_axis.update(matches="y")
        layout[f"yaxis{suffix}"] = y_axis
        annotations.append(dict(
            text=labels["title_with" if col == 1 else "title_without"],
            x=0.5, y=y_domains[col - 1][1], xref="paper", yref="paper",
            xanchor="center", yanchor="bottom", showarrow=False,
            font=dict(size=16, color=color),
        ))
    fig = go.Figure(data=traces, layout=dict(
        **layout, height=640, margin=dict(l=10, r=10, t=70, b=10), font=FONT,
        plot_bgcolor="white", annotations=annotations,
        legend=dict(orientation="h", x=0, xanchor="left", y=1.09, yanchor="bottom"),
    ))
    return fig
