"""Lesson ⑤'s core: torch from the parsed tree against closed forms, SymPy and
finite differences; the events where autograd and calculus part ways; the code panel."""

import math
import time

import pytest
import torch
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from components.core.expression import (
    curve_along_a,
    evaluate,
    finite_differences,
    gradients_of_expression,
)
from components.core.expression_parser import Binary, Call, Num, Unary, Var, parse_expression
from components.core.expression_snippet import expression_snippet
from components.core.expression_sympy import (
    MAX_EXACT_BITS,
    compare,
    derivatives,
    exact_size,
    to_sympy,
    weighted,
)
from tests.hostile import COSTLY_EXPRESSIONS, power_towers


def _run(text, a, b, v=(1.0, 1.0)):
    tree = parse_expression(text)
    # Correctness, not speed (timed below): a generous deadline on a busy machine.
    return tree, gradients_of_expression(tree, a, b, v), derivatives(tree, a, b, time_limit=30)


def test_tutorial_q_matches_the_closed_form():
    _, result, derivs = _run("3*a**3 - b**2", (2.0, 3.0), (6.0, 4.0))
    assert result.q == (-12.0, 65.0)
    assert result.a_grad == (36.0, 81.0) and result.b_grad == (-12.0, -8.0)
    assert derivs.da_latex == "9 a^{2}" and derivs.db_latex == "- 2 b"
    assert derivs.values_a == (36.0, 81.0) and derivs.values_b == (-12.0, -8.0)
    assert result.a_grad_fd == pytest.approx((36.0, 81.0), rel=1e-6)
    assert not result.events
    ops = {node.op for node in result.graph.nodes}
    assert {"SubBackward0", "MulBackward0", "PowBackward0", "AccumulateGrad"} <= ops


def test_gradient_argument_weights_each_element():
    _, result, derivs = _run("sigmoid(a*b)", (0.5, -1.0), (1.0, 2.0), v=(0.7, 0.3))
    for i, (a, b, v) in enumerate([(0.5, 1.0, 0.7), (-1.0, 2.0, 0.3)]):
        s = 1 / (1 + math.exp(-a * b))
        assert result.a_grad[i] == pytest.approx(v * s * (1 - s) * b, rel=1e-6)
        assert weighted(derivs.values_a[i], v) == pytest.approx(v * s * (1 - s) * b, rel=1e-12)
        assert compare(result.a_grad[i], weighted(derivs.values_a[i], v)) == "match"


def test_matches_torch_gradcheck_in_float64():
    tree = parse_expression("tanh(a) * exp(-b**2) + sqrt(a**2 + 1) / (b + 10)")
    a = torch.tensor([0.3, -1.2], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([1.5, -0.4], dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda x, y: evaluate(tree, x, y), (a, b))


def test_relu_corner_torch_zero_sympy_half_fd_half():
    _, result, derivs = _run("relu(a) - b**2", (0.0, 1.5), (1.0, -2.0))
    assert result.a_grad == (0.0, 1.0)
    assert derivs.values_a == (0.5, 1.0)
    assert result.a_grad_fd[0] == pytest.approx(0.5)
    assert [(e.kind, e.element) for e in result.events] == [("relu_zero", 0)]


def test_abs_corner_torch_and_sympy_zero():
    _, result, derivs = _run("abs(a)", (0.0, -2.0), (0.0, 0.0))
    assert result.a_grad == (0.0, -1.0) and derivs.values_a == (0.0, -1.0)
    assert [(e.kind, e.element) for e in result.events] == [("abs_zero", 0)]


def test_sqrt_at_zero_gives_nan_and_says_why():
    _, result, derivs = _run("sqrt(a**2 + b**2)", (0.0, 3.0), (0.0, 4.0))
    assert math.isnan(result.a_grad[0]) and math.isnan(result.b_grad[0])
    assert result.a_grad[1] == pytest.approx(0.6) and result.b_grad[1] == pytest.approx(0.8)
    assert derivs.status_a[0] == derivs.status_b[0] == "undefined"  # 0/0, in either order
    assert [(e.kind, e.element) for e in result.events] == [("sqrt_zero", 0)]


def test_log_of_a_negative_number():
    _, result, derivs = _run("log(a)", (-1.0, 2.0), (1.0, 1.0))
    assert math.isnan(result.q[0]) and result.q[1] == pytest.approx(math.log(2))
    assert result.a_grad == (-1.0, 0.5)  # torch's rule grad / a ignores the domain
    assert math.isnan(result.a_grad_fd[0])
    assert result.a_grad_fd[1] == pytest.approx(0.5)  # element 1's NaN stays in element 1
    assert derivs.values_a == (-1.0, 0.5)
    assert [(e.kind, e.element, e.value) for e in result.events] == [("log_negative", 0, -1.0)]


def test_division_by_zero_and_overflow():
    _, result, _ = _run("a / b", (1.0, 2.0), (0.0, 4.0))
    assert result.q[0] == math.inf and result.a_grad[0] == math.inf
    kinds = {e.kind for e in result.events}
    assert "div_zero" in kinds
    _, result, derivs = _run("exp(a*100)", (3.0, 0.0), (0.0, 0.0))
    assert result.q[0] == math.inf and result.q[1] == 1.0
    assert [e.kind for e in result.events] == ["overflow"]
    assert derivs.values_a[1] == pytest.approx(100.0)


def test_power_with_a_variable_exponent_at_a_negative_base():
    _, result, _ = _run("a**b", (-2.0, 2.0), (2.0, 2.0))
    assert result.q == (4.0, 4.0)
    assert math.isnan(result.b_grad[0])
    assert "pow_log" in {e.kind for e in result.events if e.element == 0}


def test_a_constant_past_float32_is_infinite_as_in_float32_arithmetic():
    # Found by the tower generator: pi**99 ≈ 1e49 made torch.full_like raise.
    _, result, _ = _run("pi**99", (1.0, 2.0), (3.0, 4.0))
    assert result.q == (math.inf, math.inf)
    assert {e.kind for e in result.events} == {"overflow"}


def test_functions_without_a_or_b():
    _, result, _ = _run("b**2", (1.0, 2.0), (3.0, 4.0))
    assert not result.uses_a and result.a_grad == (0.0, 0.0) and result.b_grad == (6.0, 8.0)
    _, result, derivs = _run("2*pi", (1.0, 2.0), (3.0, 4.0))
    assert result.graph is None and result.q[0] == pytest.approx(2 * math.pi)
    assert derivs.values_a == (0.0, 0.0)
    _, result, _ = _run("a", (1.0, 2.0), (3.0, 4.0))
    assert result.graph is None and result.a_grad == (1.0, 1.0)


def test_curve_tangent_slope_is_autograds():
    tree = parse_expression("3*a**3 - b**2")
    curve = curve_along_a(tree, 2.0, 6.0, -3.0, 3.0)
    assert curve.slope == 36.0 and curve.y0 == -12.0
    assert curve.xs[0] == -3.0 and curve.ys[0] == pytest.approx(3 * -27 - 36)
    gaps = curve_along_a(parse_expression("log(a)"), 1.0, 0.0, -3.0, 3.0)
    assert gaps.ys[0] is None and gaps.ys[-1] == pytest.approx(math.log(3))


@pytest.mark.parametrize("text", ["3*a**3 - b**2", "sigmoid(a*b)", "relu(a) - b**2",
                                  "log(a)", "sin(pi)*e + a/b", "2*pi", "b", "sqrt(a**2 + b**2)",
                                  "pi**99"])
def test_code_panel_reproduces_the_page(text):
    tree = parse_expression(text)
    a, b, v = (-1.0, 2.0), (0.5, 4.0), (0.7, 0.3)
    result = gradients_of_expression(tree, a, b, v)
    scope: dict = {}
    exec(expression_snippet(tree, a, b, v), scope)  # our generated code, not user text
    assert torch.allclose(scope["Q"].detach(), torch.tensor(result.q), equal_nan=True)
    if "v" in scope:
        for name, grads in (("a", result.a_grad), ("b", result.b_grad)):
            got = scope[name].grad
            expected = torch.tensor(grads)
            assert (got is None and not expected.any()) or torch.equal(
                torch.nan_to_num(got), torch.nan_to_num(expected))


def test_sympy_step_is_bounded_in_time():
    # The largest trees the parser allows, with powers and nested functions.
    worst = [
        "+".join(["sin(a*b)**9*cos(b/a)**7"] * 7),
        "exp(" * 19 + "a" + ")" * 19,
        "a**a**a**a**a**a**a**a**a**a",
        "(a+b)**100*(a-b)**100*(a*b+1)**100*(b-2)**99*(a+3)**97",
        "tan(sin(cos(tan(sin(cos(tan(sin(cos(tan(a*b+pi))))))))))**100",
    ]
    for text in worst:
        tree = parse_expression(text)
        start = time.perf_counter()
        derivs = derivatives(tree, (2.0, -0.7), (3.0, 0.4))
        assert time.perf_counter() - start < 1.0, text
        assert not derivs.timed_out


def test_sympy_deadline_returns_without_an_answer():
    # SymPy needs ~25 s for this one (its assumptions expand sin(…)**99 as a
    # polynomial); the worker running it is killed at the deadline.
    from components.core.expression_workers import POOL

    assert POOL.wait_ready(60)
    tree = parse_expression(COSTLY_EXPRESSIONS["slow_sympy"])
    start = time.perf_counter()
    derivs = derivatives(tree, (2.0, 3.0), (1.0, 1.0), time_limit=0.3)
    assert time.perf_counter() - start < 1.0
    assert derivs.timed_out and derivs.values_a == (None, None)
    assert derivs.reason == "timeout"


@pytest.mark.parametrize("name", COSTLY_EXPRESSIONS)
def test_exact_numbers_stay_bounded_in_costly_functions(name):
    # Before the bound, tower_3 alone built a rational of 3.9 million bits (6 s,
    # with the GIL held throughout).
    tree = parse_expression(COSTLY_EXPRESSIONS[name])
    start = time.perf_counter()
    f = to_sympy(tree)
    assert time.perf_counter() - start < 0.5
    assert exact_size(f) <= MAX_EXACT_BITS


def test_a_tower_of_constants_keeps_its_value():
    tree = parse_expression(COSTLY_EXPRESSIONS["tower_3"])  # (((0.999999**99)**99)**99)*a
    derivs = derivatives(tree, (2.0, 3.0), (1.0, 1.0), time_limit=30)
    assert derivs.values_a[0] == pytest.approx(0.999999**970299, rel=1e-9)
    assert derivs.values_b == (0.0, 0.0)


@pytest.mark.parametrize("text, latex", [
    ("3*a**3 - b**2", "3 a^{3} - b^{2}"),
    ("2**0.5*a", r"\sqrt{2} a"),
    ("2/3*a", r"\frac{2 a}{3}"),
    ("(1/3)**2*a", r"\frac{a}{9}"),
    ("2**10*b", "1024 b"),
    ("pi**2*a", r"\pi^{2} a"),
    ("a**(1/3)", r"\sqrt[3]{a}"),
])
def test_small_constants_stay_exact(text, latex):
    import sympy

    assert sympy.latex(to_sympy(parse_expression(text))) == latex


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(power_towers())
def test_towers_build_no_big_numbers(text):
    import sympy

    from components.core.expression_parser import ExpressionError
    from components.core.expression_sympy import A, B

    try:
        tree = parse_expression(text)
    except ExpressionError:
        return  # refused: nothing is built
    f = to_sympy(tree)
    # Each exact number stays within the bound (a sum of towers holds several).
    assert _largest_exact(f) <= MAX_EXACT_BITS
    # The chain rule multiplies a few of those numbers, never raises them to a power.
    assert max(_largest_exact(sympy.diff(f, A)), _largest_exact(sympy.diff(f, B))) \
        <= 4 * MAX_EXACT_BITS


def _largest_exact(expr) -> int:
    """Bits of the largest exact rational in ``expr`` (numerator and denominator)."""
    import sympy

    return max((exact_size(r) for r in expr.atoms(sympy.Rational)), default=0)


# ---- random grammar-valid trees: autograd == SymPy == finite differences ------

_SMOOTH = ("sin", "cos", "tanh", "sigmoid", "exp")
leaves = st.one_of(st.sampled_from([Var("a"), Var("b")]),
                   st.integers(-5, 5).map(lambda n: Num(float(n))))


def _extend(children):
    return st.one_of(
        children.map(Unary),
        st.tuples(st.sampled_from("+-*"), children, children).map(lambda t: Binary(*t)),
        st.tuples(children, children).map(
            lambda t: Binary("/", t[0], Binary("+", Num(3.0), Call("sigmoid", t[1])))),
        st.tuples(children, st.integers(0, 3)).map(lambda t: Binary("**", t[0], Num(float(t[1])))),
        st.tuples(st.sampled_from(_SMOOTH), children).map(lambda t: Call(*t)),
        children.map(lambda c: Call("sqrt", Binary("+", Num(1.0), Binary("**", c, Num(2.0))))),
        children.map(lambda c: Call("log", Binary("+", Num(2.0), Call("tanh", c)))),
    )


trees = st.recursive(leaves, _extend, max_leaves=8)
points = st.tuples(st.integers(-30, 30), st.integers(-60, 60)).map(
    lambda p: (p[0] / 10, p[1] / 10))


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees, points)
def test_autograd_sympy_and_finite_differences_agree_where_smooth(tree, point):
    from components.core.expression_parser import ExpressionError, to_text

    try:  # what a student could type: the printed tree, within the parser's limits
        parsed = parse_expression(to_text(tree))
    except ExpressionError:
        parsed = None
    assume(parsed is not None)
    tree = parsed
    a, b = (point[0], 0.5), (point[1], -1.0)
    result = gradients_of_expression(tree, a, b, (1.0, 1.0), dtype=torch.float64)
    assume(not result.events)
    values = result.q + result.a_grad + result.b_grad
    assume(all(math.isfinite(x) and abs(x) < 1e4 for x in values))
    coarse_a, coarse_b = finite_differences(tree, a, b, (1.0, 1.0), step=1e-5)
    # Correctness here, not speed (timed above): a generous deadline on a busy machine.
    derivs = derivatives(tree, a, b, time_limit=30.0)
    assert not derivs.timed_out
    for grads, fd, coarse, oracle in ((result.a_grad, result.a_grad_fd, coarse_a, derivs.values_a),
                                      (result.b_grad, result.b_grad_fd, coarse_b, derivs.values_b)):
        for i in range(2):
            assert oracle[i] == pytest.approx(grads[i], rel=1e-7, abs=1e-9)
            # Finite differences converge only where f is smooth at the scale of h.
            if abs(fd[i] - coarse[i]) < 1e-6 * (1 + abs(fd[i])):
                assert fd[i] == pytest.approx(oracle[i], rel=1e-4, abs=1e-4)
