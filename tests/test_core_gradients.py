"""The gradients core against the closed form, finite differences and gradcheck."""

import random

import pytest
import torch

from components.core.gradients import (
    finite_difference_gradients,
    gradients_of_q,
    q_curve,
    q_of,
    sum_versus_ones,
    vector_backward_error,
)
from components.core.snippets import gradients_snippet
from components.ui.panels import labels_for

RNG = random.Random(20261125)
POINTS = [
    (
        (RNG.uniform(-3, 3), RNG.uniform(-3, 3)),
        (RNG.uniform(-6, 6), RNG.uniform(-6, 6)),
        (RNG.uniform(-1, 1), RNG.uniform(-1, 1)),
    )
    for _ in range(60)
]


def test_tutorial_values_exactly():
    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (1.0, 1.0))
    assert result.q == (-12.0, 65.0)
    assert result.a_grad == (36.0, 81.0)
    assert result.b_grad == (-12.0, -8.0)
    # The tutorial's own check: 9*a**2 == a.grad and -2*b == b.grad.
    assert result.a_exact == (True, True) and result.b_exact == (True, True)


def test_tutorial_weighted_gradient():
    result = gradients_of_q((2.0, 3.0), (6.0, 4.0), (0.7, 0.3))
    assert result.a_grad == pytest.approx((36 * 0.7, 81 * 0.3), rel=1e-6)
    assert result.b_grad == pytest.approx((-12 * 0.7, -8 * 0.3), rel=1e-6)


@pytest.mark.parametrize("a,b,v", POINTS)
def test_autograd_matches_closed_form_and_finite_differences(a, b, v):
    result = gradients_of_q(a, b, v)
    for i in range(2):
        assert result.a_grad[i] == pytest.approx(9 * a[i] ** 2 * v[i], rel=1e-5, abs=1e-4)
        assert result.b_grad[i] == pytest.approx(-2 * b[i] * v[i], rel=1e-5, abs=1e-4)
        assert result.a_grad[i] == pytest.approx(result.a_grad_fd[i], rel=1e-4, abs=1e-3)
        assert result.b_grad[i] == pytest.approx(result.b_grad_fd[i], rel=1e-4, abs=1e-3)
        assert result.q[i] == pytest.approx(3 * a[i] ** 3 - b[i] ** 2, rel=1e-5, abs=1e-4)
    assert all(result.a_close) and all(result.b_close)


def test_finite_differences_are_independent_of_autograd():
    a_fd, b_fd = finite_difference_gradients((1.5, -2.0), (0.5, 3.0), (1.0, 0.5))
    assert a_fd == pytest.approx((9 * 1.5**2, 9 * 4 * 0.5), rel=1e-6)
    assert b_fd == pytest.approx((-1.0, -3.0), rel=1e-6)


def test_gradcheck_of_q():
    for a, b, _ in POINTS[:10]:
        a64 = torch.tensor(a, dtype=torch.float64, requires_grad=True)
        b64 = torch.tensor(b, dtype=torch.float64, requires_grad=True)
        assert torch.autograd.gradcheck(q_of, (a64, b64))
        assert torch.autograd.gradgradcheck(q_of, (a64, b64))


def test_graph_is_read_from_the_real_grad_fn_chain():
    graph = gradients_of_q((2.0, 3.0), (6.0, 4.0), (1.0, 1.0)).graph
    ops = sorted(node.op for node in graph.nodes)
    assert ops == sorted(["SubBackward0", "MulBackward0", "PowBackward0", "PowBackward0",
                          "AccumulateGrad", "AccumulateGrad"])
    assert graph.nodes[0].op == "SubBackward0"
    leaves = {node.leaf_name: node for node in graph.nodes if node.op == "AccumulateGrad"}
    assert leaves["a"].leaf_value == (2.0, 3.0) and leaves["a"].grad == (36.0, 81.0)
    assert leaves["b"].leaf_value == (6.0, 4.0) and leaves["b"].grad == (-12.0, -8.0)
    exponents = sorted(dict(n.saved)["exponent"][0] for n in graph.nodes if n.op == "PowBackward0")
    assert exponents == [2.0, 3.0]
    assert len(graph.edges) == len(graph.nodes) - 1  # a tree: every node but Sub has a parent
    assert graph.output_value == (-12.0, 65.0)


def test_vector_backward_raises_the_real_error():
    assert "scalar outputs" in vector_backward_error((2.0, 3.0), (6.0, 4.0))


def test_sum_equals_ones():
    comparison = sum_versus_ones((2.0, 3.0), (6.0, 4.0))
    assert comparison.identical
    assert comparison.a_grad_sum == (36.0, 81.0)


def test_tangent_slope_is_the_partial_derivative():
    curve = q_curve(1.5, -2.0, "a", -3, 3)
    assert curve.slope == pytest.approx(9 * 1.5**2)
    assert curve.y0 == pytest.approx(3 * 1.5**3 - 4)
    curve = q_curve(1.5, -2.0, "b", -6, 6)
    assert curve.slope == pytest.approx(4.0)
    assert min(curve.xs) == -6 and max(curve.xs) == 6


@pytest.mark.parametrize("a,b,v", POINTS[:8] + [((2.0, 3.0), (6.0, 4.0), (0.7, 0.3))])
def test_snippet_reproduces_the_numbers(a, b, v, capsys):
    # Run the Korean snippet: its comments must not break the code.
    code = gradients_snippet(a, b, v, notes=labels_for("gradients.code", "ko"))
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)
    capsys.readouterr()
    result = gradients_of_q(a, b, v)
    assert tuple(namespace["a"].grad.tolist()) == pytest.approx(result.a_grad, rel=1e-6)
    assert tuple(namespace["b"].grad.tolist()) == pytest.approx(result.b_grad, rel=1e-6)


def test_snippet_comments_follow_the_language():
    ko = gradients_snippet((2.0, 3.0), (6.0, 4.0), (1.0, 1.0),
                           notes=labels_for("gradients.code", "ko"))
    en = gradients_snippet((2.0, 3.0), (6.0, 4.0), (1.0, 1.0),
                           notes=labels_for("gradients.code", "en"))
    assert "인자" in ko and "argument" in en and "argument" not in ko
    assert ko.count("#") == en.count("#")
