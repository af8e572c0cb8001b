"""Plotly figures for the ResNet18 lesson.

Builders take the core's plain data (``ParameterStats``, ``GroupStats``,
lists of floats) and a dict of localized labels; they import plotly only.
Values that cannot sit on a log axis (0, NaN, ∞) are left out of the bars and
written as text instead, so a diverged run still draws.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.charts.style import BAD_COLOR, GOOD_COLOR, readable
from components.numbers import format_number

FONT = dict(size=15)
# One colour per layer group, in the order data flows through the network.
GROUP_COLORS = {
    "conv1": "#4c78a8", "bn1": "#72b7b2", "layer1": "#54a24b", "layer2": "#eeca3b",
    "layer3": "#f58518", "layer4": "#e45756", "fc": "#b279a2",
}
# The 62 tensors split into two columns of about 30 bars at a group boundary.
LEFT_GROUPS = ("conv1", "bn1", "layer1", "layer2")
ROW_PX = 22
LOSS_COLOR = "#1f77b4"


def _positive(value) -> float | None:
    return value if value is not None and math.isfinite(value) and value > 0 else None


def _log_range(values, pad: float = 0.35) -> tuple[float, float]:
    finite = [v for v in values if _positive(v)]
    if not finite:
        return (-1.0, 1.0)
    low, high = math.log10(min(finite)), math.log10(max(finite))
    return (math.floor(low - pad), high + max(pad, 0.6))


def _log_dtick(log_range: tuple[float, float]) -> int:
    """Whole decades between labels, at most ~4 labels: on a phone the long
    parameter names leave the bars ~70 px, and whole decades never bring
    plotly's small in-between digits (9 px at 1024 px)."""
    return max(1, math.ceil((log_range[1] - log_range[0]) / 3))


def gradient_norms_figure(parameters, labels: dict[str, str]):
    """‖p.grad‖ of every parameter tensor as horizontal bars, log scale.

    ``parameters`` are ``ParameterStats`` (``name``, ``group``, ``grad_norm``);
    two panels one above the other (side by side, the right panel's names
    covered the left one's bars at 1024 px), coloured by layer group, one shared x range.
    ``labels``: ``x``, ``y``, ``title_left``, ``title_right``.
    """
    panels = ([p for p in parameters if p.group in LEFT_GROUPS],
              [p for p in parameters if p.group not in LEFT_GROUPS])
    rows = sum(len(panel) for panel in panels)
    fig = make_subplots(rows=2, cols=1, vertical_spacing=0.12,
                        row_heights=[len(panel) for panel in panels],
                        subplot_titles=(labels["title_left"], labels["title_right"]))
    x_range = _log_range([p.grad_norm for p in parameters])
    for col, panel in enumerate(panels, start=1):
        for group in dict.fromkeys(p.group for p in panel):
            members = [p for p in panel if p.group == group]
            fig.add_trace(go.Bar(
                orientation="h", y=[p.name for p in members],
                x=[_positive(p.grad_norm) for p in members],
                name=group, showlegend=False,
                marker_color=GROUP_COLORS.get(group, "#888"),
                text=[format_number(p.grad_norm) for p in members], textposition="outside",
                # Unconstrained: plotly shrank each label to the bar's 16 px
                # thickness (13 → 9.7 px); the 22 px row holds it whole.
                textfont=dict(size=13), cliponaxis=False, constraintext="none",
                customdata=[format_number(p.grad_norm) for p in members],
                hovertemplate="%{y}<br>‖grad‖ = %{customdata}<extra></extra>",
            ), row=col, col=1)
        # Every bar named (dtick 1): plotly's automatic ticks named one bar in
        # four, and a name is what a student looks for. A 22 px row holds a 14 px name.
        fig.update_yaxes(autorange="reversed", categoryorder="array",
                         categoryarray=[p.name for p in panel], tickmode="linear", dtick=1,
                         title_text=labels["y"], title_standoff=6, row=col, col=1)
        fig.update_xaxes(type="log", range=x_range, dtick=_log_dtick(x_range),
                         title_text=labels["x"], row=col, col=1)
    # No legend: every bar is named, and its name starts with its group
    # (layer2.0.conv1.weight); on a phone the seven entries stacked 234 px
    # tall and squeezed the rows until the names overlapped.
    fig.update_layout(height=rows * ROW_PX + 200, margin=dict(l=10, r=50, t=50, b=10),
                      font=FONT, bargap=0.25, showlegend=False)
    return readable(fig)


def loss_curve_figure(losses, labels: dict[str, str]):
    """The loss before any step (x = 0) and after each ``optim.step()``.

    ``labels``: ``x``, ``y``, ``name``.
    """
    xs = list(range(len(losses)))
    ys = [v if math.isfinite(v) else None for v in losses]
    text = [format_number(v) for v in losses]
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="lines+markers+text", name=labels["name"],
        line=dict(color=LOSS_COLOR, width=3), marker=dict(size=10),
        text=text, textposition="top right", textfont=dict(size=13),
        customdata=text, hovertemplate="%{x}: loss = %{customdata}<extra></extra>",
    ))
    fig.update_xaxes(title_text=labels["x"], tickmode="linear", dtick=1,
                     range=(-0.3, len(losses) - 0.4))
    fig.update_yaxes(title_text=labels["y"], zeroline=True)
    fig.update_layout(height=380, margin=dict(l=10, r=30, t=30, b=10), font=FONT,
                      showlegend=False)
    return readable(fig)


def layer_movement_figure(groups, labels: dict[str, str]):
    """Per layer: ‖ΔW‖/‖W‖ in percent (left) and ‖momentum buffer‖ (right), log x.

    ``groups`` are ``GroupStats``; ``buffer_norm`` None means momentum 0 (no
    buffer), which the right panel then says in words. ``labels``:
    ``title_change``, ``title_buffer``, ``x_change``, ``x_buffer``, ``y``,
    ``no_buffer``, ``change_text`` (with ``{percent}`` and ``{norm}``).
    """
    # Laid out by hand: make_subplots + update_* took ~10 ms of every rerun of
    # the training sliders; this dict is the same figure in ~3 ms.
    names = [g.group for g in groups]
    colors = [GROUP_COLORS.get(n, "#888") for n in names]
    # One panel above the other: side by side, the titles collided on a phone.
    domains = ((0.58, 1.0), (0.0, 0.42))
    percents = [100.0 * g.relative_change for g in groups]
    traces = [go.Bar(
        orientation="h", y=names, x=[_positive(p) for p in percents], marker_color=colors,
        text=[labels["change_text"].format(percent=format_number(p, 3),
                                           norm=format_number(g.change_norm, 3))
              for p, g in zip(percents, groups, strict=True)],
        textposition="outside", cliponaxis=False, textfont=dict(size=13),
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    )]
    annotations = [dict(text=title, x=0.5, y=domain[1], xref="paper", yref="paper",
                        xanchor="center", yanchor="bottom", showarrow=False,
                        font=dict(size=16))
                   for title, domain in zip((labels["title_change"], labels["title_buffer"]),
                                            domains, strict=True)]
    change_range = _log_range(percents, pad=0.3)
    x_change = dict(anchor="y", type="log", range=change_range, dtick=_log_dtick(change_range),
                    title=dict(text=labels["x_change"], standoff=4))
    x_buffer = dict(anchor="y2", title=dict(text=labels["x_buffer"], standoff=4))
    buffers = [g.buffer_norm for g in groups]
    if all(b is None for b in buffers):
        annotations.append(dict(text=labels["no_buffer"], xref="paper", yref="paper",
                                x=0.5, y=sum(domains[1]) / 2, xanchor="center",
                                showarrow=False,
                                font=dict(size=15)))
        x_buffer.update(showticklabels=False)
    else:
        traces.append(go.Bar(
            orientation="h", y=names, x=[_positive(b) for b in buffers], marker_color=colors,
            text=[format_number(b) for b in buffers], textposition="outside", xaxis="x2",
            yaxis="y2", cliponaxis=False, textfont=dict(size=13), showlegend=False,
            hovertemplate="%{y}: ‖buf‖ = %{text}<extra></extra>",
        ))
        buffer_range = _log_range(buffers, pad=0.3)
        x_buffer.update(type="log", range=buffer_range, dtick=_log_dtick(buffer_range))
    return readable(go.Figure(data=traces, layout=dict(
        xaxis=x_change, xaxis2=x_buffer,
        yaxis=dict(anchor="x", domain=domains[0], autorange="reversed",
                   title=dict(text=labels["y"])),
        yaxis2=dict(anchor="x2", domain=domains[1], matches="y", title=dict(text=labels["y"])),
        annotations=annotations, height=620, margin=dict(l=10, r=60, t=40, b=10), font=FONT,
        bargap=0.3)))


def backward_time_figure(full_ms: float, frozen_ms: float, labels: dict[str, str]):
    """Median ``loss.backward()`` time: whole network versus frozen + new fc.

    ``labels``: ``full``, ``frozen``, ``x``, ``ms`` (with ``{value}``).
    """
    names = [labels["full"], labels["frozen"]]
    values = [full_ms, frozen_ms]
    fig = go.Figure(go.Bar(
        orientation="h", y=names, x=values, marker_color=[BAD_COLOR, GOOD_COLOR],
        text=[labels["ms"].format(value=format_number(v, 3)) for v in values],
        textposition="outside", cliponaxis=False, textfont=dict(size=15),
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    fig.update_xaxes(title_text=labels["x"], range=(0, max(values) * 1.3), rangemode="tozero")
    fig.update_yaxes(autorange="reversed", title_text=labels["y"])
    fig.update_layout(height=240, margin=dict(l=10, r=30, t=20, b=10), font=FONT,
                      showlegend=False, bargap=0.35)
    return readable(fig)
