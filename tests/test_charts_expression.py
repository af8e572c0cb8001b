"""The curve of f along a₁: autograd's tangent, gaps where f has no value, a readable range."""

from components.charts.expression import curve_figure
from components.core.expression import curve_along_a
from components.core.expression_parser import parse_expression
from components.ui.i18n import CATALOGS

LABELS = {k.removeprefix("expression.chart."): v for k, v in CATALOGS["en"].items()
          if k.startswith("expression.chart.")}


def _figure(text, a1, b1):
    return curve_figure(curve_along_a(parse_expression(text), a1, b1, -3.0, 3.0), LABELS)


def test_tangent_has_autograds_slope_through_the_point():
    fig = _figure("3*a**3 - b**2", 2.0, 6.0)
    curve, tangent, point = fig.data
    (x0, x1), (y0, y1) = tangent.x, tangent.y
    assert (y1 - y0) / (x1 - x0) == 36.0
    assert point.x == (2.0,) and point.y == (-12.0,)
    assert fig.layout.annotations[0].text == "slope 36"


def test_no_tangent_where_f_has_no_value():
    fig = _figure("log(a)", -1.0, 0.0)
    assert len(fig.data) == 1 and not fig.layout.annotations
    assert fig.data[0].y[0] is None  # a gap, not a NaN drawn as 0


def test_range_near_a_pole_shows_the_shape():
    fig = _figure("1/a", 1.0, 0.0)
    low, high = fig.layout.yaxis.range
    assert -200 < low < -5 and 5 < high < 200  # not ±10¹² from the points next to 0
