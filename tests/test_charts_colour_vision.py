"""Colour is never the only signal (issue #18): every pair of compared lines,
bars or marks in the built figures stays distinguishable under simulated
protanopia, deuteranopia and tritanopia, and also differs by dash, marker,
hatch or kind of mark.

The colours are read from the figures the chart modules build (not copied
from style.py), so a later palette change is caught here.

Threshold: ΔE2000 ≥ 10. A ΔE2000 of about 1 is a just-noticeable difference
between two large patches side by side; chart lines are 2–3 px wide and are
compared across a plot, where differences must be several times larger to be
told apart reliably (Stone, Albers Szafir & Setlur 2014, "An Engineering Model
for Color Difference as a Function of Size", found the needed difference
grows steeply as marks shrink). 10 keeps a wide margin over that and still
admits well-known CVD-safe pairs (Okabe & Ito's blue/orange: ≥ 51; their
bluish green/vermillion: ≥ 16), while it rejects the pairs that fail in
practice: tab10 green/red are 4.6 apart under deuteranopia.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from components.charts.accumulation import history_figure, training_figure
from components.charts.class_spread import choice_figure, spread_figure
from components.charts.expression import curve_figure
from components.charts.gradients import gradient_bars_figure, tangent_figure
from components.charts.momentum_map import map_figure
from components.charts.optimizer import contour_figure, loss_figure, parameters_figure
from components.charts.resnet import backward_time_figure
from components.core import momentum_theory as mt
from components.core.accumulation import repeated_backward, training_run
from components.core.expression import curve_along_a
from components.core.expression_parser import parse_expression
from components.core.gradients import gradients_of_q, q_curve
from components.core.optimizer import compare_momentum, landscape_grid
from components.ui.panels import labels_for
from tests.colour_vision import (
    MACHADO_2009,
    VISIONS,
    ciede2000,
    distance,
    parse_colour,
    simulate,
    srgb_to_lab,
)

MIN_DELTA_E = 10.0

# Sharma, Wu & Dalal (2005), Table 1: (L*, a*, b*) pairs and their ΔE00. The
# pairs cover the formula's traps: hue angles across 0°/360°, mean hue
# wrapping, a* near 0, the blue-region rotation term R_T.
SHARMA_2005 = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, 2.8361, -74.0200), (50.0000, 0.0000, -82.7485), 3.4412),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((50.0000, 2.5000, 0.0000), (58.0000, 24.0000, 15.0000), 19.4535),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.1736, 0.5854), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize("lab1, lab2, expected", SHARMA_2005)
def test_ciede2000_matches_sharma_2005(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)  # symmetric


@pytest.mark.parametrize("colour, lab", [
    ("#ffffff", (100.0, 0.0, 0.0)),
    ("#ff0000", (53.2408, 80.0925, 67.2032)),
    ("#00ff00", (87.7347, -86.1827, 83.1793)),
    ("#0000ff", (32.2970, 79.1875, -107.8602)),
    ("#808080", (53.5850, 0.0, 0.0)),
])
def test_srgb_to_lab_matches_known_values(colour, lab):
    assert srgb_to_lab(parse_colour(colour)) == pytest.approx(lab, abs=2e-3)


def test_simulation_keeps_greys_and_merges_red_and_green():
    for vision in MACHADO_2009:
        # Each Machado matrix maps white to (almost exactly) white.
        assert simulate(np.ones(3), vision) == pytest.approx(np.ones(3), abs=2e-3)
        assert distance("#777777", "#777777", vision) == pytest.approx(0, abs=1e-9)
    # Pure red through the protanopia matrix is its first column (clipped at 0).
    protan_red = MACHADO_2009["protanopia"] @ np.array([1.0, 0.0, 0.0])
    assert protan_red == pytest.approx([0.152286, 0.114503, -0.003882])
    # The classic failure the palette avoids: tab10 green and red are far apart
    # for most viewers and nearly the same under deuteranopia.
    assert distance("#2ca02c", "#d62728", "normal") > 60
    assert distance("#2ca02c", "#d62728", "deuteranopia") < 5
    # Blue and yellow stay apart for red-green deficiencies, not for tritanopia.
    assert distance("#0000ff", "#ffff00", "deuteranopia") > 60


# ── the compared pairs, read from the built figures ─────────────────────────

def _line(trace) -> tuple:
    """What besides colour tells a trace apart: kind, dash, marker, hatch."""
    line = getattr(trace, "line", None)
    marker = getattr(trace, "marker", None)
    pattern = getattr(marker, "pattern", None) if marker is not None else None
    return (trace.type, getattr(line, "dash", None) or "solid",
            getattr(marker, "symbol", None) if trace.type == "scatter" else None,
            getattr(pattern, "shape", None) or "")


def _colour(trace) -> str:
    if trace.type == "bar":
        return trace.marker.color
    if trace.mode and "lines" in trace.mode:
        return trace.line.color
    return trace.marker.color


def _named(fig, name):
    return next(tr for tr in fig.data if tr.name == name)


def _pairs():
    """(chart, trace1, trace2) for every pair of compared things on every chart."""
    pairs = []
    acc = repeated_backward((2.0, 3.0), (6.0, 4.0), 5, zero=False)
    zero = repeated_backward((2.0, 3.0), (6.0, 4.0), 5, zero=True)
    fig = history_figure(acc, zero, False, labels_for("accumulation.chart.history", "en"), "a")
    pairs.append(("③ a.grad elements", fig.data[0], fig.data[1]))

    labels = labels_for("accumulation.chart.training", "en")
    fig = training_figure(training_run(0.3, True), training_run(0.3, False), labels, 20)
    pairs.append(("③ with / without zero_grad", _named(fig, labels["title_with"]),
                  _named(fig, labels["title_without"])))

    comparison = compare_momentum("valley", (2.0, 3.0), (0.0, 0.0), 0.01, 0.9, 30)
    labels = labels_for("optimizer.chart.loss", "en")
    fig = loss_figure(comparison, labels)
    pairs.append(("④ loss curves", _named(fig, labels["momentum"].format(value="0.9")),
                  _named(fig, labels["plain"])))
    labels = labels_for("optimizer.chart.map", "en")
    fig = contour_figure(landscape_grid("valley", -3.5, 3.5, points=21), comparison, labels)
    pairs.append(("④ paths", _named(fig, labels["momentum"].format(value="0.9")),
                  _named(fig, labels["plain"])))
    q_runs = compare_momentum("q", (2.0, 3.0), (6.0, 4.0), 0.001, 0.9, 30)
    labels = labels_for("optimizer.chart.params", "en")
    fig = parameters_figure(q_runs, labels)
    chosen = labels["momentum"].format(value="0.9")
    pairs.append(("④ a[0] runs", _named(fig, f"a[0] · {chosen}"),
                  _named(fig, f"a[0] · {labels['plain']}")))
    pairs.append(("④ a elements", _named(fig, f"a[0] · {chosen}"), _named(fig, f"a[1] · {chosen}")))

    result = gradients_of_q((2.0, 3.0), (6.0, 4.0))
    fig = gradient_bars_figure(result, labels_for("gradients.chart.bars", "en"), "a")
    pairs.append(("② autograd / by hand", fig.data[0], fig.data[1]))
    curves = {(along, i): q_curve(2.0, 6.0, along, -3.0, 3.0) for along in "ab" for i in (1, 2)}
    fig = tangent_figure(curves, labels_for("gradients.chart.tangent", "en"), 1)
    pairs.append(("② curve / tangent", fig.data[0], fig.data[1]))
    fig = curve_figure(curve_along_a(parse_expression("3*a**3 - b**2"), 2.0, 6.0, -3.0, 3.0),
                       labels_for("expression.chart", "en"))
    pairs.append(("⑤ curve / tangent", fig.data[0], fig.data[1]))

    labels = {"x": "x", "y": "y", "right": "right", "wrong": "wrong", "guesses": "g",
              "answer": "{value}"}
    fig = spread_figure([36.0, 30.0, 40.0], [True, False, False], 36.0, labels)
    pairs.append(("/class right / wrong", _named(fig, "right"), _named(fig, "wrong")))

    rates = mt.rate_map((0.001, 0.01, 0.1), (2.0, 3.0), momenta=(0.0, 0.5, 0.9), steps=60)
    labels = labels_for("optimizer.chart.theory", "en")
    fig = map_figure(rates, (0.01, 0.9), labels)
    pairs.append(("④ α–μ boundary / optimum", _named(fig, labels["boundary"]),
                  next(tr for tr in fig.data if tr.type == "scatter" and tr.marker.symbol == "star")))
    return pairs


def _bar_colour_pairs():
    """Bars told apart within one trace: the two ResNet timings, the class's options."""
    fig = backward_time_figure(40.0, 12.0, labels_for("resnet.chart.time", "en"))
    time = tuple(fig.data[0].marker.color)
    fig = choice_figure([3, 1, 0], ["adds", "same", "error"], 0, {"y": "n"})
    choice = tuple(fig.data[0].marker.color[:2])
    return [("① backward times", *time), ("/class right / wrong option", *choice)]


PAIRS = _pairs()
# On ④'s parameter chart colour and dash name the run (as on the loss chart);
# the two elements of one run share its colour and differ by marker only.
SAME_COLOUR_BY_DESIGN = {"④ a elements"}
COLOUR_PAIRS = ([(name, _colour(a), _colour(b)) for name, a, b in PAIRS
                 if name not in SAME_COLOUR_BY_DESIGN] + _bar_colour_pairs())


@pytest.mark.parametrize("chart, colour1, colour2", COLOUR_PAIRS,
                         ids=[name for name, _, _ in COLOUR_PAIRS])
def test_compared_colours_stay_apart_for_every_vision(chart, colour1, colour2):
    distances = {vision: distance(colour1, colour2, vision) for vision in VISIONS}
    too_close = {v: round(d, 1) for v, d in distances.items() if d < MIN_DELTA_E}
    assert not too_close, f"{chart}: {colour1} vs {colour2} ΔE2000 {too_close}"


@pytest.mark.parametrize("chart, first, second", PAIRS, ids=[name for name, _, _ in PAIRS])
def test_compared_traces_differ_by_more_than_colour(chart, first, second):
    assert _line(first) != _line(second), f"{chart}: only colour tells them apart"


def test_choice_and_timing_bars_are_named_and_marked():
    fig = choice_figure([3, 1, 0], ["adds", "same", "error"], 1, {"y": "n"})
    bar = fig.data[0]
    assert bar.text[1].endswith("✓") and not bar.text[0].endswith("✓")
    assert bar.marker.pattern.shape[1] != bar.marker.pattern.shape[0]
    fig = backward_time_figure(40.0, 12.0, labels_for("resnet.chart.time", "en"))
    assert len(set(fig.data[0].y)) == 2  # each bar carries its own name on the axis


def test_every_pair_of_the_palette_pairs_is_checked():
    """The pairs above cover every compared-colour role of style.py."""
    from components.charts import style

    checked = {c.lower() for _, a, b in COLOUR_PAIRS for c in (a, b)}
    for colour in (style.FIRST_COLOR, style.SECOND_COLOR, style.GOOD_COLOR, style.BAD_COLOR):
        assert colour.lower() in checked
    for a, b in itertools.combinations(
            (style.FIRST_COLOR, style.SECOND_COLOR, style.GOOD_COLOR, style.BAD_COLOR), 2):
        assert distance(a, b, "normal") >= MIN_DELTA_E
