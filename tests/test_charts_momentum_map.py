"""The α–μ heatmap builder: colours, grey cells, boundary, markers and clicks."""

import math

import pytest

from components.charts.momentum_map import (
    CLICK_TRACE,
    map_figure,
    rate_to_colour,
    selected_cell,
)
from components.core import momentum_theory as mt
from components.ui.i18n import t
from components.ui.panels import labels_for

LRS = (0.001, 0.01, 0.03, 0.1)
MOMENTA = (0.0, 0.3, 0.6, 0.9)


@pytest.fixture(scope="module")
def small_map():
    return mt.rate_map(LRS, (2.0, 3.0), momenta=MOMENTA, steps=120)


@pytest.fixture(scope="module")
def figure(small_map):
    return map_figure(small_map, (0.01, 0.9), labels_for("optimizer.chart.theory", "en"))


def _trace(fig, name):
    return next(tr for tr in fig.data if tr.name == name)


def test_colour_is_the_number_of_nines():
    assert rate_to_colour(0.9) == pytest.approx(1)
    assert rate_to_colour(0.999) == pytest.approx(3)
    assert rate_to_colour(0.5) < rate_to_colour(0.9) < rate_to_colour(0.99)


def test_cells_are_coloured_or_grey_by_the_runs(small_map, figure):
    heat, grey = figure.data[0], figure.data[1]
    for j in range(len(MOMENTA)):
        for i in range(len(LRS)):
            if small_map.blew_up[j][i]:
                assert heat.z[j][i] is None and grey.z[j][i] == 1.0
            else:
                assert grey.z[j][i] is None
                assert heat.z[j][i] == pytest.approx(rate_to_colour(small_map.measured[j][i]))
    # lr 0.1 diverges at every momentum here (0.1·40 = 4 ≥ 2 + 2μ), nothing else does.
    assert [row[-1] for row in small_map.blew_up] == [True] * len(MOMENTA)
    assert not any(any(row[:-1]) for row in small_map.blew_up)
    assert list(heat.x) == [pytest.approx(math.log10(v)) for v in LRS]


def test_boundary_optimum_and_current_marker(small_map, figure):
    labels = labels_for("optimizer.chart.theory", "en")
    boundary = _trace(figure, labels["boundary"])
    for x, mu in zip(boundary.x, boundary.y, strict=True):
        assert 10**x * 40 == pytest.approx(2 + 2 * mu)
    assert boundary.y[0] == 0 and boundary.y[-1] == pytest.approx(0.99)
    best = small_map.optimum
    star = _trace(figure, labels["optimum"].format(rate=f"{best.rate:.4g}"))
    assert star.x == (pytest.approx(math.log10(best.lr)),)
    current = _trace(figure, t("optimizer.chart.theory.current", "en"))
    assert current.x == (pytest.approx(-2.0),) and current.y == (0.9,)


def test_every_cell_is_clickable_with_its_values(figure):
    cells = _trace(figure, CLICK_TRACE)
    assert len(cells.customdata) == len(LRS) * len(MOMENTA)
    pairs = {tuple(c) for c in cells.customdata}
    assert pairs == {(lr, mu) for lr in LRS for mu in MOMENTA}


def test_selected_cell_reads_only_well_formed_points():
    assert selected_cell({"points": [{"customdata": [0.03, 0.66]}]}) == (0.03, 0.66)
    # Points of other traces (no customdata) are skipped, the cell is found.
    assert selected_cell({"points": [{"x": 1}, {"customdata": ["0.01", "0.9"]}]}) == (0.01, 0.9)
    for junk in (None, {}, {"points": None}, {"points": [{"customdata": ["x", 1]}]},
                 {"points": [{"customdata": [float("nan"), 0.5]}]},
                 {"points": [{"customdata": [1, 2, 3]}]}):
        assert selected_cell(junk) is None
