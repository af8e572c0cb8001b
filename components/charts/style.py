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
