"""Plotly figures of a class's answers to one checkpoint: how the guesses spread.

Builders take plain lists (guesses, the torch answer, which guesses were right)
and localized labels; they import plotly only. Bins are counted here, so the
figure carries counts (a bar per bin), never an individual student's answer.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from components.charts.style import BAD_COLOR, BAD_PATTERN, FONT, GOOD_COLOR, readable
from components.numbers import format_number

# Wrong bars are hatched as well as vermillion: colour is never the only signal.
RIGHT_COLOR = GOOD_COLOR
WRONG_COLOR = BAD_COLOR
ANSWER_COLOR = "#1f1f1f"
NEUTRAL_COLOR = "#1f77b4"
MAX_BINS = 15


def _nice_width(span: float, bins: int) -> float:
    """A bin width of 1, 2 or 5 × 10ⁿ that splits ``span`` into at most ``bins`` bins."""
    raw = span / bins
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def histogram_bins(values: list[float], answer: float | None) -> tuple[float, float, int]:
    """(first edge, width, count) of bins that hold every value and the answer.

    The answer sits in the middle of its own bin, so "right" guesses land in it.
    """
    points = list(values) + ([answer] if answer is not None else [])
    low, high = min(points), max(points)
    if high - low < 1e-9:
        width = _nice_width(max(abs(low), 1.0) * 0.1, 1)
        return low - width / 2, width, 1
    width = _nice_width(high - low, MAX_BINS - 1)
    center = answer if answer is not None else low
    # Edges at center ± width/2 + k·width: the answer is a bin's middle.
    start = center - width / 2 - math.ceil((center - width / 2 - low) / width) * width
    count = max(1, math.ceil((high - start) / width + 1e-9))
    if start + count * width <= high:
        count += 1
    return start, width, count


def bin_counts(values: list[float], start: float, width: float, count: int) -> list[int]:
    counts = [0] * count
    for value in values:
        index = min(max(int(math.floor((value - start) / width)), 0), count - 1)
        counts[index] += 1
    return counts


def spread_figure(guesses: list[float], right: list[bool] | None, answer: float | None,
                  labels: dict[str, str]) -> go.Figure:
    """A histogram of number guesses, right ones green, with the torch answer as a line.

    ``right[i]`` says whether ``guesses[i]`` was judged right (against that
    student's own answer). ``answer`` None draws no line, and ``right`` None
    one neutral colour: the answer stays hidden (an instructor's projected screen).
    ``labels``: ``x``, ``y``, ``right``, ``wrong``, ``guesses``, ``answer`` (with ``{value}``).
    """
    fig = go.Figure()
    if guesses:
        start, width, count = histogram_bins(guesses, answer)
        centers = [start + (i + 0.5) * width for i in range(count)]
        texts = [f"{format_number(start + i * width)} – {format_number(start + (i + 1) * width)}"
                 for i in range(count)]
        if right is None:
            groups = [(labels["guesses"], bin_counts(guesses, start, width, count), NEUTRAL_COLOR, "")]
        else:
            rights = bin_counts([g for g, ok in zip(guesses, right, strict=True) if ok], start, width, count)
            wrongs = bin_counts([g for g, ok in zip(guesses, right, strict=True) if not ok], start, width, count)
            groups = [(labels["right"], rights, RIGHT_COLOR, ""),
                      (labels["wrong"], wrongs, WRONG_COLOR, BAD_PATTERN)]
        for name, counts, color, pattern in groups:
            fig.add_trace(go.Bar(x=centers, y=counts, width=width * 0.95, name=name,
                                 marker=dict(color=color, pattern_shape=pattern),
                                 customdata=texts,
                                 hovertemplate="%{customdata}: %{y}<extra>" + name + "</extra>"))
        # Each bar's number of students written above it: heights of 5 and 6 look
        # alike from the back row. Not clipped, so the tallest bar's label shows.
        totals = bin_counts(guesses, start, width, count)
        filled = [(x, n) for x, n in zip(centers, totals, strict=True) if n]
        fig.add_trace(go.Scatter(x=[x for x, _ in filled], y=[n for _, n in filled],
                                 text=[str(n) for _, n in filled], mode="text",
                                 textposition="top center", textfont=dict(FONT, color=ANSWER_COLOR),
                                 cliponaxis=False, showlegend=False, hoverinfo="skip"))
        fig.update_yaxes(range=[0, max(totals) * 1.2 + 0.6])
    if answer is not None:
        fig.add_vline(x=answer, line_color=ANSWER_COLOR, line_width=3, line_dash="dash",
                      annotation_text=labels["answer"].format(value=format_number(answer)),
                      annotation_position="top", annotation_font=FONT)
    # The legend goes under the axis: the answer's label has the top to itself.
    fig.update_layout(barmode="stack", height=360, margin=dict(l=10, r=10, t=40, b=10),
                      font=FONT, xaxis_title=labels["x"], yaxis_title=labels["y"],
                      legend=dict(orientation="h", y=-0.3, yanchor="top", x=0),
                      autosize=True)
    fig.update_yaxes(rangemode="tozero", dtick=_count_tick(len(guesses)))
    return readable(fig)


def choice_figure(counts: list[int], option_labels: list[str], right_index: int | None,
                  labels: dict[str, str]) -> go.Figure:
    """How many students picked each option; the right one green once it is known.

    Horizontal bars, options top to bottom in their order: long option texts
    stay readable on a phone. ``labels``: ``y`` (the count axis: students).
    """
    colors = [RIGHT_COLOR if i == right_index else WRONG_COLOR if right_index is not None
              else NEUTRAL_COLOR for i in range(len(counts))]
    # The right option also carries a ✓ and the others a hatch, not only a colour.
    patterns = [BAD_PATTERN if right_index is not None and i != right_index else ""
                for i in range(len(counts))]
    texts = [f"{c} ✓" if i == right_index else str(c) for i, c in enumerate(counts)]
    fig = go.Figure(go.Bar(x=counts, y=option_labels, orientation="h",
                           marker=dict(color=colors, pattern_shape=patterns),
                           text=texts, textposition="auto",
                           hovertemplate="%{y}: %{x}<extra></extra>"))
    # No title on the option axis: the options say what they are, and a phone needs the width.
    fig.update_layout(height=120 + 48 * len(counts), margin=dict(l=10, r=10, t=20, b=10),
                      font=FONT, xaxis_title=labels["y"], autosize=True)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(rangemode="tozero",
                     dtick=1 if max(counts, default=0) <= 5 else None)
    return readable(fig)


def _count_tick(largest: int) -> int | None:
    """Whole-number ticks while the bars are short (no "0.5 students")."""
    return 1 if largest <= 10 else None
