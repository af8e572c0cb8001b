"""Lesson ③'s live figure: a.grad and b.grad after each call, per number of calls.

Built from one ``BackwardHistory`` per grid value of the calls slider (real
runs); each frame holds the lines' points and their end labels.
"""

from __future__ import annotations

from components.charts.accumulation import A_LIMIT, B_LIMIT, ELEMENT_COLORS, MAX_CALLS
from components.charts.live_svg import figure, panel
from components.numbers import format_number
from components.plural import fill

# Narrow: the figure sits in the table's column, beside the page's own charts.
WIDTH, HEIGHT = 360, 300
TOP, PLOT_HEIGHT = 44, 190
# Wide (presenter view, scale > 1): the figure has the projector's width. Each
# panel keeps room on its right, where the lines' end labels sit beside their
# last point instead of over the line that leads to it.
WIDE_WIDTH, WIDE_HEIGHT = 680, 330
WIDE_LEFT, WIDE_STEP, WIDE_PANEL = 90, 330, 170


def live_history_figure(histories, labels: dict[str, str], scale: float = 1.0) -> dict:
    """Both tensors' ``.grad`` after calls 1…k, one frame per k in the slider's grid.

    ``histories[j]`` is the run for the slider's j-th value (all with the
    page's current reset mode); ``labels``: ``x``, ``y_a``, ``y_b``,
    ``formula_<t>_<acc|zero>``, ``element1``, ``element2``.
    """
    frames: dict = {"value": [float(h.calls) for h in histories]}
    wide = scale > 1
    panels = []
    mode = "zero" if histories[0].zero else "acc"
    for index, tensor in enumerate("ab"):
        limit = (-0.1 * A_LIMIT, A_LIMIT) if tensor == "a" else (-B_LIMIT, B_LIMIT)
        items = []
        for i in range(2):
            points, end_x, end_y, end_text = [], [], [], []
            for run in histories:
                grads = run.a_grads if tensor == "a" else run.b_grads
                points.append([[k + 1, g[i]] for k, g in enumerate(grads)])
                end_x.append(float(len(grads)))
                end_y.append(grads[-1][i])
                end_text.append(format_number(grads[-1][i]))
            key = f"{tensor}{i}"
            frames.update({f"{key}_points": points, f"{key}_x": end_x, f"{key}_y": end_y,
                           f"{key}_text": end_text,
                           # The larger element's label above its point, the other below.
                           f"{key}_dy": [-10 if (h.a_grads if tensor == "a" else h.b_grads)[-1][i]
                                         >= (h.a_grads if tensor == "a" else h.b_grads)[-1][1 - i]
                                         else 20 for h in histories]})
            items += [
                dict(kind="polyline", points=f"{key}_points", color=ELEMENT_COLORS[i], width=3,
                     r=4, name=f"{key}_line"),
                dict(kind="label", x=f"{key}_x", y=f"{key}_y", text=f"{key}_text",
                     anchor="start" if wide else "end", dx=10 if wide else -4,
                     dy=f"{key}_dy", color=ELEMENT_COLORS[i], name=f"{key}_end"),
            ]
        box = (WIDE_LEFT + index * WIDE_STEP, TOP, WIDE_PANEL, PLOT_HEIGHT) if wide \
            else (50 + index * 176, TOP, 126, PLOT_HEIGHT)
        panels.append(panel(
            box, (0.5, MAX_CALLS + 0.5), limit,
            x_ticks=[1, 5, 10], title=labels[f"formula_{tensor}_{mode}"], x_label=labels["x"],
            y_label=labels[f"y_{tensor}"], zero_line=True, items=items))
    legend = [dict(kind="line", color=ELEMENT_COLORS[i], text=labels[f"element{i + 1}"])
              for i in range(2)]
    frames["alt"] = [_alt_text(run, labels) for run in histories]
    spec = figure(WIDE_WIDTH if wide else WIDTH, WIDE_HEIGHT if wide else HEIGHT, panels,
                  frames, legend, scale)
    if wide:
        spec["maxwidth"] = WIDE_WIDTH
    return spec


def _alt_text(run, labels: dict[str, str]) -> str:
    """The frame's numbers in one sentence (``labels["alt"]``): the SVG's text alternative."""
    def values(grads) -> str:
        return ", ".join(" / ".join(format_number(v) for v in g) for g in grads)
    return fill(labels["alt"], calls=run.calls, a_values=values(run.a_grads),
                b_values=values(run.b_grads))
