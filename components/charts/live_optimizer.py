"""Lesson ④'s live figures: the paths on the loss map and the loss per step,
one frame per value of the momentum or the learning-rate slider.

Built from one ``MomentumComparison`` per grid value (real ``torch.optim.SGD``
runs, ``core.optimizer.comparisons_over``). Each frame holds the chosen
run's path and losses, and the plain run's when they change with the slider
(over lr); over momentum the plain run is one static line. Numbers are sent
as the float32 values the runs recorded: per-frame paths and losses packed
as binary float32, single numbers in their shortest decimal form.

The axes are fixed for the whole grid, so nothing moves but the runs: the
map spans the sliders' range; the loss axis spans every frame's losses (on
the landscapes, on a log scale, cut three decades above the start so one
run that blows up does not flatten the others; its line leaves the top).
"""

from __future__ import annotations

import base64
import math

import numpy as np

from components.charts.live_svg import figure, nice_ticks, panel
from components.charts.optimizer import (
    MOMENTUM_COLOR,
    PLAIN_COLOR,
    STOP_COLOR,
    _symlog,  # the loss chart's signed log scale, sign(y)·log₁₀(1 + |y|); drag_slider.js too
    axis_scale,
)
from components.numbers import format_number
from components.plural import fill

WIDTH, HEIGHT = 600, 348
MAP_BOX = (50, 40, 250, 250)
LOSS_BOX = (378, 40, 206, 250)
WIDE_LOSS_BOX = (78, 40, 502, 250)  # the Q objective: no map
# Below this column width (px) the panels stack: a phone's column is ~360 px,
# where the side-by-side figure's text would shrink to 8 px.
NARROW_BELOW = 480
NARROW_WIDTH = 340
NARROW_MAP_BOX = (50, 36, 270, 270)
NARROW_LOSS_BOX = (66, 386, 254, 200)
NARROW_HEIGHT = 654
NARROW_LOSS_ONLY = (NARROW_WIDTH, 334, (66, 36, 254, 220))  # the Q objective
# On a laptop or projector the two panels may grow past the default 560 px.
MAX_WIDTH = 720
MINIMUM_COLOR = "#2ca02c"  # the plotly map's star
# On the landscapes the loss axis reaches this many decades above the start at most.
HEADROOM_DECADES = 3
# At most this many markers per line (plotly's maxdisplayed on the loss chart).
MAX_MARKERS = 26


def f32(value: float) -> float:
    """The float32 value ``value`` holds, written in its shortest form (same float32)."""
    with np.errstate(over="ignore"):
        single = np.float32(value)
    # Beyond float32 (an axis edge past an overflowed loss): the number as it is.
    return float(str(single)) if np.isfinite(single) else float(value)


def _path(points) -> list[list[float]]:
    return [[f32(p[0]), f32(p[1])] for p in points]


def _losses(values) -> list[list[float]]:
    return [[k, f32(v)] for k, v in enumerate(values)]


def packed(rows, dims: int) -> dict:
    """Per-frame point lists as one little-endian float32 array in base64.

    Frame k holds the points ``offsets[k]`` to ``offsets[k + 1]``; each point is
    ``dims`` numbers, or with ``dims`` = 1 one value whose x is its index
    (a loss per step). The runs' own float32 values, exactly, in about a
    third of the text the same numbers take in JSON (drag_slider.js unpacks).
    """
    flat, offsets = [], [0]
    for row in rows:
        for point in row:
            flat.extend(point[:dims] if dims > 1 else (point,))
        offsets.append(offsets[-1] + len(row))
    data = np.asarray(flat, dtype="<f4").tobytes()
    return dict(f32=base64.b64encode(data).decode("ascii"), offsets=offsets, dims=dims)


def unpacked(column: dict) -> list[list[list[float]]]:
    """The frames of a ``packed`` column as [[x, y], …] lists (the tests' view of it)."""
    values = np.frombuffer(base64.b64decode(column["f32"]), dtype="<f4").tolist()
    dims, offsets = column["dims"], column["offsets"]
    frames = []
    for start, end in zip(offsets, offsets[1:], strict=False):
        if dims == 1:
            frames.append([[i, values[start + i]] for i in range(end - start)])
        else:
            frames.append([values[(start + i) * dims:(start + i + 1) * dims]
                           for i in range(end - start)])
    return frames


def power_text(exponent: int, sign: int = 1) -> str:
    """A log axis tick: 0.01 … 100 as numbers, beyond that "10^n" (drawn as 10ⁿ)."""
    if -2 <= exponent <= 2:
        return format_number(sign * 10.0**exponent, 2).replace("-", "−")
    return ("−" if sign < 0 else "") + "10^" + str(exponent).replace("-", "−")


def step_ticks(steps: int) -> list[float]:
    """Whole steps only (a run of 1 step has no step 0.25)."""
    ticks = [v for v in nice_ticks(0, max(steps, 1), 4) if v == int(v)]
    return ticks if len(ticks) >= 2 else [0.0, float(max(steps, 1))]


def marker_every(steps: int) -> int:
    return max(1, math.ceil((steps + 1) / MAX_MARKERS))


def _unsymlog(shown: float) -> float:
    return math.copysign(10.0 ** abs(shown) - 1, shown)


def loss_axis(comparisons) -> tuple[str, tuple[float, float], list]:
    """Scale, range and ticks of the loss panel, fixed for every frame."""
    runs = [run for c in comparisons for run in (c.with_momentum, c.plain)]
    start = runs[0].losses[0]
    values = [v for run in runs for v in run.losses if math.isfinite(v)]
    scale = axis_scale(values)
    positive = [v for v in values if v > 0]
    if min(values) >= 0 and positive and max(positive) / min(positive) > 20:
        # A landscape's loss can reach 0.0 exactly in float32 (a run landing on the
        # minimum): still a log axis, the zero drawn on its bottom edge.
        scale = "log"
    if scale == "log":
        cap = start * 10.0**HEADROOM_DECADES if start > 0 else max(positive)
        kept = [v for v in positive if v <= cap] or [max(start, min(positive))]
        low = math.floor(math.log10(min(kept)))
        high = max(math.ceil(math.log10(max(kept))), low + 1)
        stride = max(1, math.ceil((high - low) / 6))
        ticks = [(10.0**k, power_text(k)) for k in range(low, high + 1, stride)]
        return scale, (10.0**low, 10.0**high), ticks
    if scale == "symlog":
        shown = [_symlog(v) for v in values]
        low, high = min(shown), max(shown)
        pad = max((high - low) * 0.05, 0.2)
        top = max(abs(low), abs(high))
        stride = max(1, math.ceil(top / 4))
        ticks = [(0.0, "0")]
        for k in range(stride, int(top) + 1, stride):
            for sign in (1, -1):
                # ±10^k sits at ±log₁₀(1 + 10^k), a hair past ±k.
                if low - pad <= sign * _symlog(10.0**k) <= high + pad:
                    ticks.append((sign * 10.0**k, power_text(k, sign)))
        return scale, (_unsymlog(low - pad), _unsymlog(high + pad)), sorted(ticks)
    low, high = min(values), max(values)
    pad = max((high - low) * 0.06, 1e-6)
    low, high = low - pad, high + pad
    return scale, (low, high), [(v, format_number(v)) for v in nice_ticks(low, high)]


def _run_columns(frames: dict, prefix: str, runs, static: bool, labels: dict,
                 y_range) -> dict:
    """Path, loss line and end marker of one run per frame (or once, if ``static``).

    On the loss panel a run that blew up ends with a ✕ at the step it blew up
    at, on the panel's edge (its loss there is beyond any axis), its line at
    the last finite step before it; on the map the ✕ sits at that last point.
    """
    def end(run):
        if not run.diverged:
            return run.params[-1], run.losses[-1], len(run.losses) - 1
        down = run.stop_value is not None and run.stop_value < 0
        return run.params[-1], y_range[0] if down else y_range[1], run.diverged_at

    if static:
        run = runs[0]
        return dict(path=_path(run.params), loss=_losses(run.losses),
                    end_x=f32(end(run)[0][0]), end_y=f32(end(run)[0][1]),
                    loss_x=end(run)[2], loss_y=f32(end(run)[1]),
                    shape="cross" if run.diverged else "circle",
                    label=_end_label(run, labels))
    frames.update({
        f"{prefix}_path": packed([run.params for run in runs], 2),
        f"{prefix}_loss": packed([run.losses for run in runs], 1),
        f"{prefix}_end_x": [f32(end(run)[0][0]) for run in runs],
        f"{prefix}_end_y": [f32(end(run)[0][1]) for run in runs],
        f"{prefix}_loss_x": [end(run)[2] for run in runs],
        f"{prefix}_loss_y": [f32(end(run)[1]) for run in runs],
        f"{prefix}_shape": ["cross" if run.diverged else "circle" for run in runs],
        f"{prefix}_label": [_end_label(run, labels) for run in runs],
    })
    return {key: f"{prefix}_{key}" for key in ("path", "loss", "end_x", "end_y", "loss_x",
                                               "loss_y", "shape", "label")}


START_ROOM = 1.5  # map units a label beside the start needs (~50 px)


def _start_side(start, minimum, x_range) -> str:
    """``start``: the label runs rightwards from the point; ``end``: leftwards."""
    right = start[0] >= minimum[0]
    if right and start[0] + START_ROOM > x_range[1]:
        right = False
    elif not right and start[0] - START_ROOM < x_range[0]:
        right = True
    return "start" if right else "end"


def _start_dx(start, minimum, x_range) -> int:
    return 11 if _start_side(start, minimum, x_range) == "start" else -11


def _ends_high(run, scale: str, y_range) -> bool:
    """Whether the run's line ends in the upper half of the loss panel (or leaves it upwards)."""
    last = run.losses[-1]
    if run.diverged:
        return not (scale == "symlog" and last < 0)
    if scale == "log" and last <= 0:
        return False  # a loss of exactly 0 lies on the log axis's bottom edge
    forward = {"log": math.log10, "symlog": _symlog}.get(scale, lambda v: v)
    low, high = forward(y_range[0]), forward(y_range[1])
    return (forward(last) - low) / (high - low) > 0.5 if high > low else False


def _end_label(run, labels: dict[str, str]) -> str:
    """Where the run ended: its loss after the last step, or the step it blew up at."""
    if run.diverged:
        return labels["stopped"].format(step=run.diverged_at)
    return fill(labels["end"], steps=len(run.losses) - 1, loss=format_number(run.losses[-1]))


def _run_items(columns: dict, name: str, color: str, dash: str, marker: str, every: int,
               on_map: bool) -> list[dict]:
    if on_map:
        return [
            # Every step's marker, without the white outline: a slow run's steps lie a
            # pixel apart, and their outlines would hide its colour (as plotly's map draws them).
            dict(kind="path", points=columns["path"], color=color, width=2.5, dash=dash,
                 marker=marker, r=3.5, every=1, outline="none", name=f"{name}_path"),
            dict(kind="marker", x=columns["end_x"], y=columns["end_y"], shape=columns["shape"],
                 r=6, color=color, cross=STOP_COLOR, clamp=True, name=f"{name}_end"),
        ]
    return [
        dict(kind="path", points=columns["loss"], color=color, width=2.5, dash=dash,
             marker=marker, r=3.5, every=every, name=f"{name}_loss"),
        dict(kind="marker", x=columns["loss_x"], y=columns["loss_y"], shape=columns["shape"],
             r=5, color=color, cross=STOP_COLOR, clamp=True, name=f"{name}_loss_end"),
    ]


def live_optimizer_figure(comparisons, name: str, labels: dict[str, str], *, landscape=None,
                          alts=()) -> dict:
    """The spec a drag slider of ``name`` (``momentum`` or ``lr``) draws.

    ``comparisons[k]`` is the page's comparison at the slider's k-th value.
    ``landscape``: None for the Q objective (no map), else a dict with
    ``image`` (data URI of the contour map), ``x``/``y`` (its ranges),
    ``minimum`` and ``start``. ``labels``: map_title, loss_title, x, y,
    step, loss_<linear|log|symlog>, chosen, plain, start, minimum, end ({steps},
    {loss}), stopped ({step}).
    ``alts[k]``: frame k in words (the SVG's text alternative).
    """
    frames: dict = {"value": [float(c.with_momentum.lr if name == "lr"
                                    else c.with_momentum.momentum) for c in comparisons]}
    steps = comparisons[0].with_momentum.steps
    every = marker_every(steps)
    y_scale, y_range, y_ticks = loss_axis(comparisons)
    chosen = _run_columns(frames, "m", [c.with_momentum for c in comparisons], static=False,
                          labels=labels, y_range=y_range)
    plain = _run_columns(frames, "p", [c.plain for c in comparisons], static=name == "momentum",
                         labels=labels, y_range=y_range)
    loss_items = (_run_items(plain, "plain", PLAIN_COLOR, "6 4", "square", every, False)
                  + _run_items(chosen, "chosen", MOMENTUM_COLOR, "", "circle", every, False))
    # Where the chosen run ended, in a right-hand corner away from its last point.
    up = [_ends_high(c.with_momentum, y_scale, y_range) for c in comparisons]
    frames["m_label_y"] = [y_range[0] if high else y_range[1] for high in up]
    frames["m_label_dy"] = [-8 if high else 18 for high in up]
    loss_items.append(dict(kind="label", x=max(steps, 1), y="m_label_y", text=chosen["label"],
                           anchor="end", dx=-6, dy="m_label_dy", color=MOMENTUM_COLOR,
                           name="chosen_loss_text"))
    panels = []
    loss_box = WIDE_LOSS_BOX
    if landscape is not None:
        loss_box = LOSS_BOX
        start, minimum = landscape["start"], landscape["minimum"]
        x_range, y_range_map = landscape["x"], landscape["y"]
        map_items = [dict(kind="image", href=landscape["image"], x0=x_range[0], x1=x_range[1],
                          y0=y_range_map[0], y1=y_range_map[1])]
        map_items += _run_items(plain, "plain", PLAIN_COLOR, "6 4", "square", 1, True)
        map_items += _run_items(chosen, "chosen", MOMENTUM_COLOR, "", "circle", 1, True)
        map_items += [
            dict(kind="marker", x=f32(start[0]), y=f32(start[1]), shape="circle", r=6.5,
                 color="#000000", name="start"),
            dict(kind="marker", x=minimum[0], y=minimum[1], shape="star", r=9,
                 color=MINIMUM_COLOR, name="minimum"),
            dict(kind="label", x=minimum[0], y=minimum[1], text=labels["minimum"],
                 anchor="end", dx=-10, dy=20, color="#111111", name="minimum_text"),
            # Beside the start, on the side away from the minimum (the runs head
            # that way), unless the word would leave the map there.
            dict(kind="label", x=start[0], y=start[1], text=labels["start"],
                 anchor=_start_side(start, minimum, x_range), dx=_start_dx(start, minimum, x_range),
                 dy=5, color="#111111", name="start_text"),
        ]
        ticks = [float(v) for v in range(math.ceil(x_range[0]), math.floor(x_range[1]) + 1)]
        panels.append(panel(MAP_BOX, x_range, y_range_map, title=labels["map_title"],
                            x_label=labels["x"], y_label=labels["y"], x_ticks=ticks,
                            y_ticks=ticks, items=map_items))
    loss_panel = panel(loss_box, (0, max(steps, 1)), y_range, title=labels["loss_title"],
                       x_label=labels["step"], y_label=labels[f"loss_{y_scale}"],
                       x_ticks=step_ticks(steps), y_ticks=y_ticks,
                       zero_line=y_scale != "log", items=loss_items)
    loss_panel["yscale"] = y_scale
    # The axis title clears the longest tick text (about 0.56 em a character).
    loss_panel["ylabelgap"] = round(
        1.4 + 0.6 * max(len(t.replace("^", "")) for _, t in loss_panel["yticks"]), 2)
    panels.append(loss_panel)
    legend = [dict(kind="line", color=MOMENTUM_COLOR, text=labels["chosen"]),
              dict(kind="dash", color=PLAIN_COLOR, text=labels["plain"])]
    if alts:
        frames["alt"] = list(alts)
    # Presenting, the text grows with the figure (drag_slider.css's --scale), not here.
    spec = figure(WIDTH, HEIGHT, panels, frames, legend)
    spec["maxwidth"] = MAX_WIDTH
    gap = loss_panel["ylabelgap"]
    if landscape is not None:
        spec["narrow"] = dict(below=NARROW_BELOW, width=NARROW_WIDTH, height=NARROW_HEIGHT,
                              boxes=[list(NARROW_MAP_BOX),
                                     _clear_axis_title(NARROW_LOSS_BOX, gap, spec["font"])])
    else:
        width, height, box = NARROW_LOSS_ONLY
        spec["narrow"] = dict(below=NARROW_BELOW, width=width, height=height,
                              boxes=[_clear_axis_title(box, gap, spec["font"])])
    return spec


def _clear_axis_title(box, gap: float, font: float) -> list:
    """``box`` with its left edge moved right (its right edge kept) so that the
    rotated y-axis title, drawn ``gap`` em left of it, stays inside the figure:
    the title's glyphs reach about 1 em further left (on a phone the long
    signed-log ticks pushed it 12 px out of the SVG)."""
    left, top, width, height = box
    need = math.ceil(font * (gap + 1))
    return [max(left, need), top, width - max(0, need - left), height]
