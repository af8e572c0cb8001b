"""Figure builders: they draw the core's numbers, with titles and fixed ranges."""

from components.charts.gradients import gradient_bars_figure, tangent_figure
from components.charts.graph_dot import backward_graph_dot
from components.core.gradients import gradients_of_q, q_curve
from components.ui.panels import labels_for


def _curves(a, b):
    return {(along, i): q_curve(a[i - 1], b[i - 1], along, -3 if along == "a" else -6,
                                3 if along == "a" else 6)
            for along in "ab" for i in (1, 2)}


def test_bars_show_autograd_and_hand_values():
    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (0.7, 0.3))
    fig = gradient_bars_figure(result, labels_for("gradients.chart.bars", "en"))
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert list(bars[0].y) == list(result.a_grad)
    assert list(bars[1].y) == list(result.b_grad)
    assert list(bars[0].text) == ["25.2", "24.3"]
    markers = [tr for tr in fig.data if tr.type == "scatter"]
    assert list(markers[0].y) == list(result.a_grad_analytic)
    # Fixed ranges: the bars move, the axes don't.
    assert tuple(fig.layout.yaxis.range) == (-85.0, 85.0)
    assert tuple(fig.layout.yaxis2.range) == (-13.0, 13.0)
    assert fig.layout.yaxis.title.text == "gradient value"


def test_tangent_has_the_autograd_slope():
    a, b = (2.0, 3.0), (6.0, 4.0)
    fig = tangent_figure(_curves(a, b), labels_for("gradients.chart.tangent", "ko"))
    tangents = [tr for tr in fig.data if tr.line and tr.line.dash == "dash"]
    assert len(tangents) == 4
    (x0, x1), (y0, y1) = tangents[0].x, tangents[0].y
    assert round((y1 - y0) / (x1 - x0), 6) == 36.0  # dQ1/da1 at a1 = 2
    (x0, x1), (y0, y1) = tangents[2].x, tangents[2].y
    assert round((y1 - y0) / (x1 - x0), 6) == -12.0  # dQ1/db1 at b1 = 6
    texts = [ann.text for ann in fig.layout.annotations]
    assert "기울기 36" in texts and "a1에 대한 Q1" in texts
    assert fig.layout.xaxis.title.text == "a1"


def test_graph_dot_names_every_node_with_values():
    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (1.0, 1.0))
    dot = backward_graph_dot(result.graph, labels_for("gradients.graph", "en"))
    assert dot.startswith("digraph") and dot.rstrip().endswith("}")
    for op in ("SubBackward0", "MulBackward0", "PowBackward0", "AccumulateGrad"):
        assert op in dot
    assert "a.grad = [36, 81]" in dot and "b.grad = [-12, -8]" in dot
    assert "Q = [-12, 65]" in dot
    assert dot.count("->") == len(result.graph.edges) + 1
