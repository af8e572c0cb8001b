"""Lesson ⑤: autograd on the student's own f(a, b), built from the parsed tree.

The tree from ``expression_parser`` is turned into torch operations (never
the user's text), applied element-wise to a = (a₁, a₂), b = (b₁, b₂) exactly
like the tutorial's Q, and ``Q.backward(gradient=v)`` fills a.grad and b.grad.
Alongside: central finite differences in float64, the real ``grad_fn``
graph, the curve of f along a₁ with autograd's tangent, and the places where
autograd and calculus part ways (corners, 0 under a square root, log of a
non-positive number, division by zero, overflow), found from the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from components.core.expression_parser import Call, Node, Num, Unary, Var, to_text
from components.core.graph import GraphData, GraphRecorder

DTYPE = torch.float32  # as in the tutorial: torch.tensor([2., 3.])
FINITE_DIFFERENCE_STEP = 1e-6

_TORCH_FUNCTIONS = {
    "sin": torch.sin, "cos": torch.cos, "tan": torch.tan, "exp": torch.exp,
    "log": torch.log, "sqrt": torch.sqrt, "abs": torch.abs, "tanh": torch.tanh,
    "sigmoid": torch.sigmoid, "relu": torch.relu,
}


@dataclass(frozen=True)
class Event:
    """A place where calculus and autograd may part ways, at one element.

    ``kind``: ``abs_zero``, ``relu_zero``, ``sqrt_zero``, ``sqrt_negative``,
    ``log_zero``, ``log_negative``, ``div_zero``, ``pow_zero``,
    ``pow_negative``, ``pow_log`` (a variable exponent on a negative base),
    ``pow_log_zero`` (… on a base of exactly 0, exponent > 0), ``pow_log_zero_jump``
    (… base 0, exponent ≤ 0), ``overflow``, and ``not_finite`` when a
    number at the element is NaN or ±inf without any of the others. ``where`` is the sub-expression (printed
    from the tree) and ``value`` the number it received there.
    """

    kind: str
    element: int
    where: str
    value: float


def evaluate(tree: Node, a: torch.Tensor, b: torch.Tensor, events: list | None = None):
    """f(a, b) as torch operations (autograd records them like any model's).

    Constants stay Python floats, as in the tutorial's ``3*a**3``, so the graph
    has the same nodes (``MulBackward0``, ``PowBackward0``) as the code panel's.
    With ``events`` a list, every risky point met on the way is appended to it.
    """

    def record(kind: str, node: Node, mask, values) -> None:
        if events is None or not isinstance(mask, torch.Tensor):
            return
        mask = torch.broadcast_to(mask, a.shape).reshape(-1)
        flat = torch.broadcast_to(torch.as_tensor(values), a.shape).reshape(-1)
        for index in range(mask.numel()):
            if bool(mask[index]):
                events.append(Event(kind, index, to_text(node), float(flat[index])))

    def raw(x):
        return x.detach() if isinstance(x, torch.Tensor) else torch.tensor(x, dtype=a.dtype)

    def overflow(node: Node, inputs, out, pole=None) -> None:
        # ∞ from finite inputs is an overflow, unless the input sat on a pole
        # (x/0, log(0), 0**-1): that case already has its own event.
        finite = torch.ones(a.shape, dtype=torch.bool)
        for value in inputs:
            finite = finite & torch.isfinite(raw(value))
        if pole is not None:
            finite = finite & ~pole
        record("overflow", node, torch.isinf(raw(out)) & finite, raw(out))

    def go(node: Node):
        if isinstance(node, Num):
            return node.value
        if isinstance(node, Var):
            return a if node.name == "a" else b
        if isinstance(node, Unary):
            return -go(node.operand)
        if isinstance(node, Call):
            x = go(node.argument)
            if not isinstance(x, torch.Tensor):  # a constant argument, e.g. sin(pi)
                x = torch.tensor(x, dtype=a.dtype)
            value = x.detach()
            if node.function in ("abs", "relu"):
                record(f"{node.function}_zero", node.argument, value == 0, value)
            elif node.function in ("sqrt", "log"):
                record(f"{node.function}_zero", node.argument, value == 0, value)
                record(f"{node.function}_negative", node.argument, value < 0, value)
            out = _TORCH_FUNCTIONS[node.function](x)
            overflow(node, (x,), out, pole=value == 0 if node.function == "log" else None)
            return out
        left, right = go(node.left), go(node.right)
        pole = None
        if node.op == "+":
            out = left + right
        elif node.op == "-":
            out = left - right
        elif node.op == "*":
            out = left * right
        elif node.op == "/":
            pole = raw(right) == 0
            record("div_zero", node.right, pole, raw(right))
            out = left / right
        else:
            base, exponent = raw(left), raw(right)
            # d/dx x**p = p·x**(p-1) is infinite at 0 for p < 1; x**p is not
            # real for x < 0 and a non-integer p.
            record("pow_zero", node.left, (base == 0) & (exponent < 1) & (exponent != 0), base)
            record("pow_negative", node.left, (base < 0) & (exponent != exponent.round()), base)
            if isinstance(right, torch.Tensor) and right.requires_grad:
                # d/dp x**p = x**p · log(x): no real value for x < 0 (torch: NaN). At
                # x = 0 torch uses 0 for p ≥ 0 (the calculus value when p > 0:
                # 0**p = 0 for every p > 0) and −∞ for p < 0; at p ≤ 0 the power
                # jumps (0, 1, ∞) and calculus has no slope.
                record("pow_log", node.left, base < 0, base)
                record("pow_log_zero", node.left, (base == 0) & (exponent > 0), base)
                record("pow_log_zero_jump", node.left, (base == 0) & (exponent <= 0), base)
            out = left**right
            pole = (base == 0) & (exponent < 0)
        overflow(node, (left, right), out, pole)
        return out

    out = go(tree)
    if not isinstance(out, torch.Tensor):  # f is a constant: one value per element
        # torch.tensor turns a constant past float32's range (pi**99) into inf, as
        # float32 arithmetic would; full_like raises instead.
        out = torch.tensor(out, dtype=a.dtype).expand(a.shape).clone()
    elif out.shape != a.shape:  # a constant computed as a 0-d tensor, e.g. sin(1)
        out = torch.broadcast_to(out, a.shape)
    return out


@dataclass(frozen=True)
class ExpressionResult:
    """Q = f(a, b), autograd's a.grad and b.grad (= v·∂f), finite differences,
    the events found on the way and the real backward graph."""

    a: tuple[float, ...]
    b: tuple[float, ...]
    v: tuple[float, ...]
    q: tuple[float, ...]
    a_grad: tuple[float, ...]
    b_grad: tuple[float, ...]
    a_grad_fd: tuple[float, ...]
    b_grad_fd: tuple[float, ...]
    events: tuple[Event, ...]
    graph: GraphData | None
    uses_a: bool
    uses_b: bool


def _floats(t: torch.Tensor) -> tuple[float, ...]:
    return tuple(float(x) for x in t.detach().reshape(-1).tolist())


def _leaves(a, b, dtype):
    a_t = torch.tensor(a, dtype=dtype, requires_grad=True)
    b_t = torch.tensor(b, dtype=dtype, requires_grad=True)
    return a_t, b_t


def finite_differences(tree: Node, a, b, v, step: float = FINITE_DIFFERENCE_STEP):
    """Central differences of v_i·f(a_i, b_i) in float64, one element at a time.

    f acts element by element, so ∂ sum(v·f) / ∂a_i only involves element i;
    differencing that element alone keeps a NaN at one element from spoiling
    the other's difference.
    """
    a64 = torch.tensor(a, dtype=torch.float64)
    b64 = torch.tensor(b, dtype=torch.float64)

    def element(x, y, i: int) -> float:
        with torch.no_grad():
            return float(v[i]) * float(evaluate(tree, x, y)[i])

    def central(which: str) -> tuple[float, ...]:
        out = []
        for i in range(len(a)):
            bump = torch.zeros(len(a), dtype=torch.float64)
            bump[i] = step
            if which == "a":
                high, low = element(a64 + bump, b64, i), element(a64 - bump, b64, i)
            else:
                high, low = element(a64, b64 + bump, i), element(a64, b64 - bump, i)
            out.append((high - low) / (2 * step))
        return tuple(out)

    return central("a"), central("b")


def gradients_of_expression(tree: Node, a, b, v=(1.0, 1.0), dtype=DTYPE) -> ExpressionResult:
    """Run ``Q = f(a, b); Q.backward(gradient=v)`` on real tensors.

    A tree without ``a`` (or ``b``) leaves that tensor out of the graph:
    its ``.grad`` stays None, shown here as zeros with ``uses_a`` False.
    """
    from components.core.expression_parser import variables_of

    a_t, b_t = _leaves(a, b, dtype)
    v_t = torch.tensor(v, dtype=dtype)
    events: list[Event] = []
    q = evaluate(tree, a_t, b_t, events)
    used = variables_of(tree)
    graph = None  # f = a (or b) itself, or a constant: no operation to draw
    if q.grad_fn is not None:
        recorder = GraphRecorder(q, {"a": a_t, "b": b_t})
        q.backward(gradient=v_t)
        graph = recorder.result()
    elif q.requires_grad:
        q.backward(gradient=v_t)
    zeros = torch.zeros(len(a), dtype=dtype)
    a_fd, b_fd = finite_differences(tree, a, b, v)
    a_grad = a_t.grad if a_t.grad is not None else zeros
    b_grad = b_t.grad if b_t.grad is not None else zeros
    flagged = {event.element for event in events}
    for i in range(len(a)):
        numbers = (float(q.detach()[i]), float(a_grad[i]), float(b_grad[i]))
        if i not in flagged and not all(math.isfinite(x) for x in numbers):
            events.append(Event("not_finite", i, to_text(tree), numbers[0]))
    return ExpressionResult(
        a=_floats(a_t), b=_floats(b_t), v=_floats(v_t), q=_floats(q),
        a_grad=_floats(a_grad), b_grad=_floats(b_grad),
        a_grad_fd=a_fd, b_grad_fd=b_fd, events=tuple(dict.fromkeys(events)), graph=graph,
        uses_a="a" in used, uses_b="b" in used,
    )


@dataclass(frozen=True)
class CurveData:
    """f over a₁ with b₁ fixed, and autograd's tangent at the current a₁.

    ``ys`` holds None where f is not a finite real number (a gap in the curve).
    """

    xs: tuple[float, ...]
    ys: tuple[float | None, ...]
    x0: float
    y0: float
    slope: float


def curve_along_a(tree: Node, a1: float, b1: float, low: float, high: float,
                  points: int = 241) -> CurveData:
    """f(a₁, b₁) for a₁ over [low, high]; the slope is ∂f/∂a₁ from autograd."""
    grid = torch.linspace(low, high, points, dtype=torch.float64)
    with torch.no_grad():
        ys = evaluate(tree, grid, torch.full_like(grid, b1))
    x = torch.tensor([a1], dtype=DTYPE, requires_grad=True)
    y = evaluate(tree, x, torch.tensor([b1], dtype=DTYPE))
    slope = 0.0  # f without a: flat along a₁
    if y.requires_grad:
        y.backward(torch.ones_like(y))
        slope = float(x.grad[0])
    return CurveData(
        xs=_floats(grid),
        ys=tuple(float(v) if math.isfinite(v) else None for v in ys.tolist()),
        x0=float(a1), y0=float(y.detach()[0]), slope=slope,
    )
