"""Lesson ②'s live figures: what a drag slider of a, b or v draws per grid point.

Built from a ``GradientSweep`` (every number from one batched autograd call)
and the static curve of ``q_curve``; the frame columns hold, per grid point,
the tangent's ends, the point, the slope label and the gradient bars.
"""

from __future__ import annotations

from components.charts.live_svg import (
    CURVE_COLOR,
    HAND_COLOR,
    TANGENT_COLOR,
    figure,
    panel,
)
from components.numbers import format_number

# The bar charts' fixed ranges (gradient_bars_figure): the largest |.grad| the sliders allow.
BAR_LIMIT = {"a": 85.0, "b": 13.0}
# Tangent half-width as a share of the curve's span.
TANGENT_SHARE = 0.15
WIDTH, HEIGHT = 480, 300
TOP, PLOT_HEIGHT = 44, 190
# A phone's column (~358 px) drew the 480-unit figure at 0.75×: 10.4 px text.
# Below NARROW_BELOW px the same panels sit in a 380-unit figure (text ≥ 13 px).
NARROW_BELOW, NARROW_WIDTH = 440, 380
NARROW_BOXES = {"ab": [(56, TOP, 206, PLOT_HEIGHT), (314, TOP, 56, PLOT_HEIGHT)],
                "v": [(60, TOP, 100, PLOT_HEIGHT), (260, TOP, 100, PLOT_HEIGHT)]}


def _index(name: str) -> int:
    return int(name[1]) - 1


def _curve_panel(sweep, curve, tensor: str, labels: dict, frames: dict, box) -> dict:
    """Qᵢ over the swept input, tangent and point per frame (columns added to ``frames``)."""
    i = _index(sweep.name)
    slopes = sweep.slope_a if tensor == "a" else sweep.slope_b
    half = (max(curve.xs) - min(curve.xs)) * TANGENT_SHARE
    low, high = min(curve.ys), max(curve.ys)
    pad = max((high - low) * 0.12, 1.0)
    middle = (min(curve.xs) + max(curve.xs)) / 2
    columns = {key: [] for key in ("x0", "y0", "tx0", "ty0", "tx1", "ty1", "slope_text",
                                   "slope_anchor", "slope_dx", "slope_dy")}
    inputs = sweep.a if tensor == "a" else sweep.b
    for input_row, q_row, slope_row in zip(inputs, sweep.q, slopes, strict=True):
        # The point as float32 holds it, where the page's autograd evaluates.
        x0, y0, slope = input_row[i], q_row[i], slope_row[i]
        columns["x0"].append(x0)
        columns["y0"].append(y0)
        for end, x in (("0", x0 - half), ("1", x0 + half)):
            columns["tx" + end].append(x)
            columns["ty" + end].append(y0 + slope * (x - x0))
        columns["slope_text"].append(labels["slope"].format(value=format_number(slope)))
        # The label points inwards, as the plotly annotation does.
        columns["slope_anchor"].append("end" if x0 > middle else "start")
        columns["slope_dx"].append(-12 if x0 > middle else 12)
        columns["slope_dy"].append(-14 if y0 < (low + high) / 2 else 24)
    frames.update(columns)
    return panel(
        box, (min(curve.xs), max(curve.xs)), (low - pad, high + pad),
        title=labels[f"title_{tensor}"].format(i=i + 1),
        x_label=labels[f"x_{tensor}"].format(i=i + 1), y_label=labels["y"].format(i=i + 1),
        items=[
            dict(kind="line", xs=list(curve.xs), ys=list(curve.ys), color=CURVE_COLOR, width=2.5),
            dict(kind="segment", x0="tx0", y0="ty0", x1="tx1", y1="ty1", color=TANGENT_COLOR,
                 width=3, dash="7 5", name="tangent"),
            dict(kind="point", x="x0", y="y0", color=TANGENT_COLOR, r=6, name="point"),
            dict(kind="label", x="x0", y="y0", text="slope_text", anchor="slope_anchor",
                 dx="slope_dx", dy="slope_dy", color=TANGENT_COLOR, name="slope"),
        ])


def _bar_panel(sweep, tensor: str, labels: dict, frames: dict, box) -> dict:
    """One bar: autograd's ``tensor.grad[i]``, and a diamond at the hand value."""
    i = _index(sweep.name)
    grads = sweep.a_grad if tensor == "a" else sweep.b_grad
    hand = sweep.a_hand if tensor == "a" else sweep.b_hand
    grad_col, hand_col, text_col = f"{tensor}_grad", f"{tensor}_hand", f"{tensor}_grad_text"
    frames[grad_col] = [row[i] for row in grads]
    frames[hand_col] = [row[i] for row in hand]
    frames[text_col] = [format_number(row[i]) for row in grads]
    limit = BAR_LIMIT[tensor]
    return panel(
        box, (0.0, 1.0), (-limit, limit), x_ticks=[], title=f"{tensor}.grad[{i}]",
        y_label=labels["bar_y"], zero_line=True,
        items=[
            dict(kind="bar", at=0.5, half=0.28, y=grad_col, color=CURVE_COLOR, name=grad_col),
            dict(kind="diamond", at=0.5, y=hand_col, color=HAND_COLOR, r=8, name=hand_col),
            dict(kind="barlabel", at=0.5, y=grad_col, text=text_col, color="#262730",
                 name=text_col),
        ])


def live_gradient_figure(sweep, curves: dict, labels: dict, scale: float = 1.0) -> dict:
    """The figure a drag slider of ``sweep.name`` draws.

    a or b: Qᵢ over that input with autograd's tangent, beside the bar of its
    ``.grad[i]``; v: the bars of a.grad[i] and b.grad[i], which v weights.
    ``curves[tensor]`` is the ``CurveData`` of Qᵢ along that tensor's element.
    ``labels`` holds the tangent chart's texts plus ``bar_y``, ``autograd``,
    ``hand_a``/``hand_b``, ``curve`` and ``tangent`` (legend).
    """
    tensor = sweep.name[0]
    frames: dict = {"value": list(sweep.grid)}
    if tensor in "ab":
        panels = [
            _curve_panel(sweep, curves[tensor], tensor, labels, frames, (60, TOP, 290, PLOT_HEIGHT)),
            _bar_panel(sweep, tensor, labels, frames, (404, TOP, 66, PLOT_HEIGHT)),
        ]
        legend = [dict(kind="line", color=CURVE_COLOR, text=labels["curve"]),
                  dict(kind="dash", color=TANGENT_COLOR, text=labels["tangent"]),
                  dict(kind="box", color=CURVE_COLOR, text=labels["autograd"]),
                  dict(kind="diamond", color=HAND_COLOR, text=labels[f"hand_{tensor}"])]
    else:
        panels = [
            _bar_panel(sweep, "a", labels, frames, (76, TOP, 130, PLOT_HEIGHT)),
            _bar_panel(sweep, "b", labels, frames, (316, TOP, 130, PLOT_HEIGHT)),
        ]
        legend = [dict(kind="box", color=CURVE_COLOR, text=labels["autograd"]),
                  dict(kind="diamond", color=HAND_COLOR,
                       text=f'{labels["hand_a"]}, {labels["hand_b"]}')]
    frames["alt"] = _alt_texts(sweep, labels)
    spec = figure(WIDTH, HEIGHT, panels, frames, legend, scale)
    spec["narrow"] = dict(below=NARROW_BELOW, width=NARROW_WIDTH, height=HEIGHT,
                          boxes=[list(box) for box in NARROW_BOXES["ab" if tensor in "ab" else "v"]])
    return spec


def _alt_texts(sweep, labels: dict) -> list[str]:
    """One sentence per frame with the numbers drawn: the figure's text alternative
    (``labels``: ``alt_ab`` and ``alt_v``), which the component puts on the SVG."""
    i = _index(sweep.name)
    tensor = sweep.name[0]
    texts = []
    for k, value in enumerate(sweep.grid):
        if tensor in "ab":
            slopes = sweep.slope_a if tensor == "a" else sweep.slope_b
            grads = sweep.a_grad if tensor == "a" else sweep.b_grad
            hand = sweep.a_hand if tensor == "a" else sweep.b_hand
            texts.append(labels["alt_ab"].format(
                x=sweep.name, value=format_number(value), i=i + 1,
                q=format_number(sweep.q[k][i]), slope=format_number(slopes[k][i]),
                grad_name=f"{tensor}.grad[{i}]", grad=format_number(grads[k][i]),
                hand=format_number(hand[k][i])))
        else:
            texts.append(labels["alt_v"].format(
                value=format_number(value), i=i + 1, j=i,
                a_grad=format_number(sweep.a_grad[k][i]), a_hand=format_number(sweep.a_hand[k][i]),
                b_grad=format_number(sweep.b_grad[k][i]), b_hand=format_number(sweep.b_hand[k][i])))
    return texts



