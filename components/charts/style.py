"""Shared look of every figure: projector-sized text.

Streamlit's chart theme replaces a figure's global font size with its own
smaller default, so tick, axis-title and legend sizes are set explicitly.
"""

from __future__ import annotations

FONT = dict(size=15)
TICK_FONT = dict(size=14)
TITLE_FONT = dict(size=15)
LEGEND_FONT = dict(size=14)


def readable(fig):
    """Set projector-sized ticks, axis titles and legend on ``fig``; returns it."""
    fig.update_xaxes(tickfont=TICK_FONT, title_font=TITLE_FONT)
    fig.update_yaxes(tickfont=TICK_FONT, title_font=TITLE_FONT)
    fig.update_layout(legend_font=LEGEND_FONT)
    return fig

# Presenter view: every font of a figure this much larger (ticks 14 → 18.2 px),
# readable from the back of a lecture hall on a 1024 px projector.
PRESENT_SCALE = 1.3


def _scale_font_sizes(node, scale: float, in_font: bool = False) -> None:
    """Multiply, in place, every ``size`` that sits under a ``*font`` key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and in_font and isinstance(value, (int, float)):
                node[key] = round(value * scale, 1)
            else:
                _scale_font_sizes(value, scale, in_font or key.endswith("font"))
    elif isinstance(node, (list, tuple)):
        for item in node:
            _scale_font_sizes(item, scale, in_font)


def scaled(fig, scale: float):
    """A copy of ``fig`` with every explicit font size times ``scale``.

    The figure also grows by the same factor (height and top/bottom margins,
    where legends and panel titles live), so larger text keeps its room
    instead of running into the plot.
    """
    import plotly.graph_objects as go

    spec = fig.to_dict()
    layout = spec.setdefault("layout", {})
    # The theme's template stays as it is: only the figure's own sizes grow.
    template = layout.pop("template", None)
    _scale_font_sizes(spec, scale)
    if template is not None:
        layout["template"] = template
    # Axes and legends that left their sizes to the theme get explicit,
    # scaled ones: the theme would draw them at its own small default.
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            axis.setdefault("tickfont", {}).setdefault("size", TICK_FONT["size"] * scale)
            title = axis.get("title")
            if isinstance(title, dict):
                title.setdefault("font", {}).setdefault("size", TITLE_FONT["size"] * scale)
    if isinstance(layout.get("legend"), dict) or "legend" not in layout:
        legend = layout.setdefault("legend", {})
        legend.setdefault("font", {}).setdefault("size", LEGEND_FONT["size"] * scale)
    for trace in spec.get("data", []):
        if isinstance(trace.get("colorbar"), dict):
            trace["colorbar"].setdefault("tickfont", {}).setdefault(
                "size", TICK_FONT["size"] * scale)
    if isinstance(layout.get("height"), (int, float)):
        layout["height"] = round(layout["height"] * scale)
    margin = layout.get("margin") or {}
    for side in ("t", "b"):
        if isinstance(margin.get(side), (int, float)):
            margin[side] = round(margin[side] * scale)
    return go.Figure(spec)

# Issue #18 (colour is never the only signal). Two compared things (two runs,
# two elements, right and wrong) differ by colour AND by dash or marker, and
# the legend or panel title names them. Every colour pair below stays at least
# ΔE2000 10 apart under simulated protanopia, deuteranopia and tritanopia
# (tests/test_charts_colour_vision.py reads them from the built figures).
FIRST_COLOR = "#1f77b4"   # the chosen run, element [0]
SECOND_COLOR = "#ff7f0e"  # the run it is compared with, element [1]
# Good and bad outcomes (a run that trains / blows up, a right / wrong guess).
# The usual green #2ca02c and red #d62728 came out ΔE2000 4.6 apart under
# deuteranopia; Okabe & Ito's bluish green and vermillion, darkened so that
# text in them keeps 4.9:1 on white, stay 16–22 apart.
GOOD_COLOR = "#008060"
BAD_COLOR = "#c24a00"
FIRST_DASH, SECOND_DASH = "solid", "dash"
FIRST_SYMBOL, SECOND_SYMBOL = "circle", "square"
# Bars: the bad / wrong series is hatched as well as coloured.
BAD_PATTERN = "/"
