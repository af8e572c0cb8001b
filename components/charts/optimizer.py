"""Plotly figures for the optimizer lesson: loss per step, paths on a contour map,
and the parameters per step.

Builders take the core's plain data (``SGDRun``, ``LandscapeGrid``) and a dict
of localized labels; they import plotly only. Every value they draw is
finite: a run that diverged simply ends, and the end is marked.

Losses on the tutorial's Q reach ±1e30 before they overflow, so the y axis
switches to a signed log scale, sign(y)·log₁₀(1 + |y|), when values span
more than four decades; ticks and hover texts show the real values.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from components.charts.style import (
    BAD_COLOR,
    FIRST_COLOR,
    FIRST_DASH,
    FIRST_SYMBOL,
    FONT,
    LEGEND_FONT,
    SECOND_COLOR,
    SECOND_DASH,
    SECOND_SYMBOL,
    TICK_FONT,
    TITLE_FONT,
)
from components.numbers import format_number

# The chosen momentum and plain SGD differ by colour, dash and marker on every chart.
MOMENTUM_COLOR = FIRST_COLOR
PLAIN_COLOR = SECOND_COLOR
RUN_DASHES = (FIRST_DASH, SECOND_DASH)  # chosen, plain
RUN_SYMBOLS = (FIRST_SYMBOL, SECOND_SYMBOL)
STOP_COLOR = BAD_COLOR
PARTS_COLOR = "#555555"
# At most this many markers per line: 200 steps of markers would be a smear.
MAX_MARKERS = 26
LINEAR_LIMIT = 1e4  # beyond this magnitude (with signs mixed) use the signed log scale


def _symlog(value: float) -> float:
    return math.copysign(math.log10(1 + abs(value)), value)


def _symlog_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks at 0 and ±10^k (k evenly spaced, at most ~5 per side) within [low, high],
    in symlog units, labelled with the real values."""
    top = max(abs(low), abs(high))
    last = max(1, int(math.floor(top)))
    stride = max(1, math.ceil(last / 5))
    values, texts = [0.0], ["0"]
    for k in range(stride, last + 1, stride):
        magnitude = 10.0**k
        position = math.log10(1 + magnitude)
        for sign in (1, -1):
            if low - 0.05 <= sign * position <= high + 0.05:
                values.append(sign * position)
                texts.append(format_number(sign * magnitude, 2))
    order = sorted(range(len(values)), key=values.__getitem__)
    return [values[i] for i in order], [texts[i] for i in order]


def axis_scale(values) -> str:
    """``log`` when every value is positive, ``linear`` when values are modest,
    ``symlog`` when mixed signs span huge magnitudes (the tutorial's Q)."""
    values = [v for v in values if math.isfinite(v)]
    if not values:
        return "linear"
    if min(values) > 0 and max(values) / min(values) > 20:
        return "log"
    if max(abs(v) for v in values) <= LINEAR_LIMIT:
        return "linear"
    return "symlog"


def _shown(values, scale: str) -> list[float]:
    return [_symlog(v) for v in values] if scale == "symlog" else list(values)


def _y_axis(scale: str, shown_values, labels: dict[str, str], title_key: str = "y") -> dict:
    """The y axis of a panel as a layout dict: title, and log or signed-log ticks."""
    title = labels[f"{title_key}_{scale}"] if f"{title_key}_{scale}" in labels else labels[title_key]
    axis = dict(title=dict(text=title, font=TITLE_FONT), tickfont=TICK_FONT)
    if scale == "log":
        # One labelled tick per decade (or every few decades), written as numbers.
        first = math.floor(math.log10(min(shown_values)))
        last = math.ceil(math.log10(max(shown_values)))
        stride = max(1, math.ceil((last - first) / 7))
        ticks = [10.0**k for k in range(first, last + 1, stride)]
        axis.update(type="log", tickvals=ticks, ticktext=[format_number(v, 2) for v in ticks])
    elif scale == "symlog":
        low, high = min(shown_values), max(shown_values)
        ticks, texts = _symlog_ticks(low, high)
        pad = max((high - low) * 0.05, 0.2)
        axis.update(tickvals=ticks, ticktext=texts, range=(low - pad, high + pad))
    return axis


def _x_axis(title: str, **extra) -> dict:
    return dict(title=dict(text=title, font=TITLE_FONT), tickfont=TICK_FONT, **extra)


def _run_name(run, labels: dict[str, str]) -> str:
    if run.momentum == 0:
        return labels["plain"]
    return labels["momentum"].format(value=format_number(run.momentum))


def loss_figure(comparison, labels: dict[str, str]):
    """The loss after every ``optim.step()``: chosen momentum against momentum 0.

    Steps 0 and 1 (before and after the first step) are marked; a run that
    diverged ends with a red ✕ and the step it blew up at; a dotted line marks
    the first step where the two runs differ.
    ``labels``: x, y, y_log, y_symlog, momentum ({value}), plain, before,
    after, stopped ({step}, {value}), parts ({step}).
    """
    # Traces and layout are plain dicts in one go: plotly's add_* / update_*
    # calls cost ~10 ms of every slider move here.
    chosen, plain = comparison.with_momentum, comparison.plain
    runs = [chosen] if chosen is plain else [chosen, plain]
    scale = axis_scale([v for run in runs for v in run.losses])
    traces, annotations, shapes = [], [], []
    all_shown, stops = [], []
    for run in reversed(runs):  # plain below, the chosen momentum on top
        steps = list(range(len(run.losses)))
        shown = _shown(run.losses, scale)
        all_shown += shown
        is_plain = run is plain and run is not chosen
        color = PLAIN_COLOR if is_plain else MOMENTUM_COLOR
        traces.append(go.Scatter(
            x=steps, y=shown, mode="lines+markers",
            name=_run_name(run, labels), legendrank=2 if is_plain else 1,
            customdata=[format_number(v) for v in run.losses],
            line=dict(color=color, width=3, dash=RUN_DASHES[is_plain]),
            marker=dict(size=7, symbol=RUN_SYMBOLS[is_plain], maxdisplayed=MAX_MARKERS),
            hovertemplate=f"{labels['step']} %{{x}}: {labels['y']} %{{customdata}}"
                          "<extra>%{fullData.name}</extra>",
        ))
        if run.diverged:
            traces.append(go.Scatter(
                x=[steps[-1]], y=[shown[-1]], mode="markers", showlegend=False,
                marker=dict(symbol="x", size=16, color=STOP_COLOR, line=dict(width=2)),
                hoverinfo="skip",
            ))
            stops.append((run, steps[-1], shown[-1]))
    low, high = min(all_shown), max(all_shown)
    for run, x, y in stops:
        # Label towards the middle of the plot so it never covers the axes.
        lower_half = y < (low + high) / 2
        annotations.append(dict(
            x=x, y=y, text=labels["stopped"].format(step=run.diverged_at,
                                                    value=format_number(run.stop_value)),
            showarrow=True, arrowhead=2, ax=-70 if x > run.steps / 2 else 70,
            ay=-45 if lower_half else 45, font=dict(color=STOP_COLOR, size=14),
            bgcolor="rgba(255,255,255,0.9)", bordercolor=STOP_COLOR,
        ))
    # Before / after the first optim.step(): the numbers the lesson is about.
    first = _shown(chosen.losses[:2], scale)
    traces.append(go.Scatter(
        x=list(range(len(first))), y=first, mode="markers", showlegend=False,
        customdata=[labels["before"], labels["after"]][: len(first)],
        hovertemplate="%{customdata}<extra></extra>",
        marker=dict(size=14, color="white", line=dict(color=MOMENTUM_COLOR, width=3)),
    ))
    if comparison.parts_at is not None:
        shapes.append(dict(type="line", x0=comparison.parts_at, x1=comparison.parts_at,
                           xref="x", y0=0, y1=1, yref="y domain",
                           line=dict(color=PARTS_COLOR, dash="dot", width=2)))
        annotations.append(dict(x=comparison.parts_at, y=1.0, yref="paper", yanchor="bottom",
                                text=labels["parts"].format(step=comparison.parts_at),
                                showarrow=False, xanchor="left",
                                font=dict(color=PARTS_COLOR, size=13)))
    return go.Figure(data=traces, layout=dict(
        xaxis=_x_axis(labels["x"], range=(-0.5, max(chosen.steps, 1) + 0.5)),
        yaxis=_y_axis(scale, all_shown, labels), annotations=annotations, shapes=shapes,
        # The legend hangs from the figure's top edge: when it wraps to two rows
        # (a phone) it grows downwards into the margin, not onto the annotations.
        height=500, margin=dict(l=10, r=10, t=100, b=10), font=FONT,
        legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0, font=LEGEND_FONT), hovermode="closest"))


_LEVELS: dict[tuple, tuple] = {}


def _contour_levels(grid):
    """Colour by log₁₀(loss + floor): equal steps of the colour are equal ratios.

    Returned as float arrays, cached per grid (a landscape's grid is fixed by
    its name, range and size): plotly sends arrays as packed binary, where
    nested lists of 101 × 101 floats cost ~45 ms of validation on every
    slider move. The key is cheap on purpose: hashing the grid itself would
    walk its 10 201 values.
    """
    key = (grid.objective, grid.x[0], grid.x[-1], len(grid.x), grid.y[0], grid.y[-1], len(grid.y))
    cached = _LEVELS.get(key)
    if cached is None:
        cached = _LEVELS[key] = _compute_levels(grid)
    return cached


def _compute_levels(grid):
    values = np.asarray(grid.z, dtype=float)
    floor = float(values.max()) * 1e-6
    # Three decimals of log₁₀ is far finer than the colour steps.
    z = np.round(np.log10(values + floor), 3).astype(np.float32)
    z.setflags(write=False)
    x = np.asarray(grid.x, dtype=float)
    y = np.asarray(grid.y, dtype=float)
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y, z, floor


# The map's levels go to the browser as 16-bit integers, in thousandths of log₁₀:
# the three decimals they are rounded to, exactly, in half the bytes of float32
# (the 101 × 101 grid was 87 KB of every slider move on ④; issue 26: ≤ 100 KB).
LEVEL_SCALE = 1000


def _milli_levels(grid) -> np.ndarray:
    """``_contour_levels``'s z in thousandths, as int16 (float32 if one would not fit)."""
    key = ("milli", grid.objective, grid.x[0], grid.x[-1], len(grid.x), grid.y[0], grid.y[-1],
           len(grid.y))
    cached = _LEVELS.get(key)
    if cached is None:
        z = _contour_levels(grid)[2]
        milli = np.round(z.astype(np.float64) * LEVEL_SCALE)
        fits = np.abs(milli).max() < np.iinfo(np.int16).max
        cached = milli.astype(np.int16 if fits else np.float32)
        cached.setflags(write=False)
        _LEVELS[key] = cached
    return cached


def contour_figure(grid, comparison, labels: dict[str, str]):
    """Both runs' paths over the landscape's contour map (as in Distill's
    "Why Momentum Really Works"). Axes are the parameters a₁ and a₂, fixed to
    the sliders' range; a path that leaves it is cut at the frame.
    ``labels``: x, y, loss, start, minimum, momentum ({value}), plain, stopped_short.
    """
    # Traces and layout as plain dicts in one go (see loss_figure): add_trace,
    # update_* and readable() cost ~30 ms of every slider move on this map.
    x, y, z, _ = _contour_levels(grid)
    low, high = float(z.min()), float(z.max())
    ticks = [k for k in range(math.ceil(low), math.floor(high) + 1)]
    traces = [go.Contour(
        x=x, y=y, z=_milli_levels(grid), colorscale="Blues", reversescale=True, opacity=0.55,
        contours=dict(start=low * LEVEL_SCALE, end=high * LEVEL_SCALE,
                      size=(high - low) * LEVEL_SCALE / 18, coloring="fill"),
        line=dict(width=0.8, color="rgba(40,40,40,0.35)"),
        colorbar=dict(title=dict(text=labels["loss"], font=TITLE_FONT),
                      tickvals=[k * LEVEL_SCALE for k in ticks],
                      ticktext=[format_number(10.0**k, 2) for k in ticks], thickness=12,
                      len=0.85, tickfont=TICK_FONT),
        hoverinfo="skip", showscale=True,
    )]
    chosen, plain = comparison.with_momentum, comparison.plain
    runs = [chosen] if chosen is plain else [plain, chosen]
    for run in runs:
        is_plain = run is plain and run is not chosen
        color = PLAIN_COLOR if is_plain else MOMENTUM_COLOR
        xs = [p[0] for p in run.params]
        ys = [p[1] for p in run.params]
        traces.append(go.Scatter(
            x=xs, y=ys, mode="lines+markers", name=_run_name(run, labels),
            legendrank=2 if is_plain else 1,
            line=dict(color=color, width=2.5, dash=RUN_DASHES[is_plain]),
            marker=dict(size=7, color=color, symbol=RUN_SYMBOLS[is_plain]),
            customdata=[[k, format_number(v)] for k, v in enumerate(run.losses)],
            hovertemplate=f"{labels['step']} %{{customdata[0]}}: (%{{x:.3f}}, %{{y:.3f}}), "
                          f"{labels['loss']} %{{customdata[1]}}<extra>%{{fullData.name}}</extra>",
        ))
        traces.append(go.Scatter(
            x=[xs[-1]], y=[ys[-1]], mode="markers", showlegend=False, hoverinfo="skip",
            marker=dict(symbol="x" if run.diverged else "circle", size=14 if run.diverged else 11,
                        color=STOP_COLOR if run.diverged else color,
                        line=dict(color="white" if not run.diverged else STOP_COLOR, width=2)),
        ))
    start = chosen.params[0]
    traces.append(go.Scatter(
        x=[start[0]], y=[start[1]], mode="markers", name=labels["start"], showlegend=False,
        marker=dict(symbol="circle", size=14, color="black"),
        hovertemplate=f"{labels['start']} (%{{x}}, %{{y}})<extra></extra>",
    ))
    traces.append(go.Scatter(
        x=[grid.minimum[0]], y=[grid.minimum[1]], mode="markers", name=labels["minimum"],
        marker=dict(symbol="star", size=18, color="#2ca02c", line=dict(color="white", width=1)),
        showlegend=False, hovertemplate=f"{labels['minimum']} (%{{x}}, %{{y}})<extra></extra>",
    ))
    # Labels on a white box, pointing away from the map's centre (the start) or
    # down-left (the minimum), so the paths rarely hide them.
    label_style = dict(showarrow=True, arrowhead=0, arrowcolor="#333333",
                       bgcolor="rgba(255,255,255,0.85)", font=dict(size=14, color="#111111"))
    annotations = [
        dict(x=start[0], y=start[1], text=labels["start"],
             ax=35 if start[0] >= 0 else -35, ay=-28 if start[1] >= 0 else 28, **label_style),
        dict(x=grid.minimum[0], y=grid.minimum[1], text=labels["minimum"], ax=-45, ay=32,
             **label_style),
    ]
    return go.Figure(data=traces, layout=dict(
        xaxis=_x_axis(labels["x"], range=(float(x[0]), float(x[-1])), constrain="domain",
                      dtick=1),
        yaxis=dict(_x_axis(labels["y"], range=(float(y[0]), float(y[-1])), dtick=1),
                   scaleanchor="x", scaleratio=1, constrain="domain"),
        annotations=annotations, height=680, margin=dict(l=10, r=10, t=70, b=10), font=FONT,
        legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0,
                    font=LEGEND_FONT),
        hovermode="closest"))


def parameters_figure(comparison, labels: dict[str, str]):
    """a and b after every step (the Q objective): colour and dash = the run
    (blue solid = chosen momentum, orange dashed = momentum 0, as on the loss
    chart), marker = the element (● [0], ■ [1]); a diverged run ends with a ✕.

    ``labels``: x, y, y_symlog, title_a, title_b, element_1, element_2,
    momentum ({value}), plain, step.
    """
    # Laid out by hand (see loss_figure): make_subplots + update_* took ~20 ms.
    chosen, plain = comparison.with_momentum, comparison.plain
    runs = [chosen] if chosen is plain else [chosen, plain]
    domains = ((0.0, 0.45), (0.55, 1.0))
    traces, layout, titles = [], {}, []
    run_colors = (MOMENTUM_COLOR, PLAIN_COLOR)
    for col, tensor in ((1, "a"), (2, "b")):
        suffix = "" if col == 1 else "2"
        axes = dict(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
        indices = [i for i, name in enumerate(chosen.names) if name.startswith(tensor)]
        values = [p[i] for run in runs for p in run.params for i in indices]
        scale = "symlog" if axis_scale(values) == "symlog" else "linear"
        shown_all = []
        for r, run in enumerate(runs):
            for e, i in enumerate(indices):
                ys = [p[i] for p in run.params]
                shown = _shown(ys, scale)
                shown_all += shown
                traces.append(go.Scatter(
                    x=list(range(len(ys))), y=shown, mode="lines+markers", showlegend=False,
                    name=f"{chosen.names[i]} · {_run_name(run, labels)}",
                    line=dict(color=run_colors[r], width=2.5, dash=RUN_DASHES[r]),
                    marker=dict(size=7, color=run_colors[r], symbol=RUN_SYMBOLS[e],
                                maxdisplayed=MAX_MARKERS),
                    customdata=[format_number(v) for v in ys],
                    hovertemplate=f"{labels['step']} %{{x}}: {chosen.names[i]} = %{{customdata}}"
                                  "<extra>%{fullData.name}</extra>", **axes,
                ))
                if run.diverged:
                    traces.append(go.Scatter(
                        x=[len(ys) - 1], y=[shown[-1]], mode="markers", showlegend=False,
                        marker=dict(symbol="x", size=13, color=STOP_COLOR), hoverinfo="skip",
                        **axes,
                    ))
        layout[f"yaxis{suffix}"] = dict(_y_axis(scale, shown_all, labels), anchor=f"x{suffix}",
                                        domain=(0.0, 1.0))
        layout[f"xaxis{suffix}"] = _x_axis(labels["x"], range=(-0.5, max(chosen.steps, 1) + 0.5),
                                           anchor=f"y{suffix}", domain=domains[col - 1])
        titles.append(dict(text=labels[f"title_{tensor}"], x=sum(domains[col - 1]) / 2, y=1.0,
                           xref="paper", yref="paper", xanchor="center", yanchor="bottom",
                           showarrow=False, font=dict(size=16)))
    # A compact legend: markers name the element; colour and dash name the run.
    legend = [dict(name=labels["element_1"], mode="markers",
                   marker=dict(color="#444444", size=9, symbol=RUN_SYMBOLS[0])),
              dict(name=labels["element_2"], mode="markers",
                   marker=dict(color="#444444", size=9, symbol=RUN_SYMBOLS[1]))]
    legend += [dict(name=_run_name(run, labels), mode="lines",
                    line=dict(color=run_colors[r], width=2.5, dash=RUN_DASHES[r]))
               for r, run in enumerate(runs)]
    for entry in legend:
        traces.append(go.Scatter(x=[None], y=[None], hoverinfo="skip", **entry))
    return go.Figure(data=traces, layout=dict(
        **layout, annotations=titles, height=460, margin=dict(l=10, r=10, t=100, b=10),
        font=FONT, legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0, font=LEGEND_FONT)))
