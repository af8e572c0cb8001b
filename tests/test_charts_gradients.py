"""Figure builders: they draw the core's numbers, with titles and fixed ranges."""

import xml.etree.ElementTree as ET

import pytest

from components.charts.gradients import gradient_bars_figure
from components.charts.graph_svg import backward_graph_svg
from components.core.gradients import gradients_of_q
from components.ui.panels import labels_for


def test_bars_show_autograd_and_hand_values():
    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (0.7, 0.3))
    labels = labels_for("gradients.chart.bars", "en")
    fig_a, fig_b = (gradient_bars_figure(result, labels, tensor) for tensor in "ab")
    for fig, grads, hand, limit, title in (
            (fig_a, result.a_grad, result.a_grad_analytic, 85.0, labels["title_a"]),
            (fig_b, result.b_grad, result.b_grad_analytic, 13.0, labels["title_b"])):
        (bar,) = [tr for tr in fig.data if tr.type == "bar"]
        (markers,) = [tr for tr in fig.data if tr.type == "scatter"]
        assert list(bar.y) == list(grads)
        assert list(markers.y) == list(hand)
        # Fixed ranges: the bars move, the axes don't.
        assert tuple(fig.layout.yaxis.range) == (-limit, limit)
        assert fig.layout.yaxis.title.text == "gradient value"
        assert [ann.text for ann in fig.layout.annotations] == [title]
    assert list(fig_a.data[0].text) == ["25.2", "24.3"]
    assert list(fig_a.data[0].x) == ["a.grad[0]", "a.grad[1]"]
    assert fig_b.data[1].name == "−2b·v"


def test_graph_svg_names_every_node_with_values():
    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (1.0, 1.0))
    svg = backward_graph_svg(result.graph, labels_for("gradients.graph", "en"))
    root = ET.fromstring(svg)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    texts = [el.text for el in root.iter(f"{ns}text")]
    for op in ("SubBackward0", "MulBackward0", "PowBackward0", "AccumulateGrad"):
        assert op in texts
    assert "a.grad = [36, 81]" in texts and "b.grad = [-12, -8]" in texts
    assert "Q = [-12, 65]" in texts
    assert len(list(root.iter(f"{ns}line"))) == len(result.graph.edges) + 1
    boxes = {g.get("data-node"): g.find(f"{ns}rect") for g in root.iter(f"{ns}g")}
    assert len(boxes) == len(result.graph.nodes) + 1
    # Gradients flow downwards: every child box starts below its parent box.
    y = {node: float(rect.get("y")) for node, rect in boxes.items()}
    for src, dst in result.graph.edges:
        assert y[dst] > y[src]
    width = float(root.get("width"))
    for rect in boxes.values():  # nothing drawn outside the picture
        assert 0 <= float(rect.get("x")) and float(rect.get("x")) + float(rect.get("width")) <= width


def test_graph_svg_fits_korean_labels():
    result = gradients_of_q((-2.5, 0.5), (6.0, -4.0), (0.7, 0.3))
    svg = backward_graph_svg(result.graph, labels_for("gradients.graph", "ko"))
    assert "도착한 기울기" in svg and "(시작 기울기 = v)" in svg
    ET.fromstring(svg)


@pytest.mark.parametrize("text", ["log(a) + b**a", "3*a**3 - b**2", "a*b + sin(a) + b**a",
                                  "exp(a*b) - log(b) * a**2", "a**b + b**a + a*b"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_graph_svg_boxes_never_overlap(text, lang):
    # log(a) + b**a once drew LogBackward0 half over PowBackward1: a node placed
    # between its children's columns landed half a column from a neighbour.
    from components.core.expression import gradients_of_expression
    from components.core.expression_parser import parse_expression

    result = gradients_of_expression(parse_expression(text), (-1.0, 3.0), (6.0, 4.0))
    svg = backward_graph_svg(result.graph, labels_for("gradients.graph", lang))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    boxes = []
    for g in root.iter(f"{ns}g"):
        rect = g.find(f"{ns}rect")
        if rect is not None:
            boxes.append(tuple(float(rect.get(k)) for k in ("x", "y", "width", "height")))
    width = float(root.get("viewBox").split()[2])
    for i, (x, y, w, h) in enumerate(boxes):
        assert x >= 0 and x + w <= width + 0.5, f"box {i} leaves the picture"
        for (x2, y2, w2, h2) in boxes[i + 1:]:
            apart = x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y
            assert apart, f"{text}: boxes overlap at x={x:.0f} and x={x2:.0f}"
