"""Lesson 2 of the tutorial: Q = 3a³ − b² and its gradients, computed by autograd.

Everything runs real PyTorch on the CPU and returns plain floats, so pages and
charts never hold tensors (or autograd graphs) past one call.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from components.core.graph import GraphData, GraphRecorder

# Float32 as in the tutorial (torch.tensor([2., 3.])); the checks use isclose.
DTYPE = torch.float32
FINITE_DIFFERENCE_STEP = 1e-4


def q_of(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """The tutorial's Q = 3a³ − b², element-wise."""
    return 3 * a**3 - b**2


@dataclass(frozen=True)
class GradientResult:
    """Q, autograd's a.grad and b.grad, and what they are checked against.

    ``*_analytic`` are the hand derivatives weighted by v (9a²·v, −2b·v);
    ``*_fd`` are central finite differences of sum(v·Q) in float64;
    ``*_exact`` is the tutorial's check ``9*a**2*v == a.grad`` evaluated in
    torch, and ``*_close`` the tolerant ``torch.isclose`` version of it.
    """

    a: tuple[float, ...]
    b: tuple[float, ...]
    v: tuple[float, ...]
    q: tuple[float, ...]
    a_grad: tuple[float, ...]
    b_grad: tuple[float, ...]
    a_grad_analytic: tuple[float, ...]
    b_grad_analytic: tuple[float, ...]
    a_grad_fd: tuple[float, ...]
    b_grad_fd: tuple[float, ...]
    a_exact: tuple[bool, ...]
    b_exact: tuple[bool, ...]
    a_close: tuple[bool, ...]
    b_close: tuple[bool, ...]
    graph: GraphData


def _floats(t: torch.Tensor) -> tuple[float, ...]:
    return tuple(float(x) for x in t.detach().reshape(-1).tolist())


def _bools(t: torch.Tensor) -> tuple[bool, ...]:
    return tuple(bool(x) for x in t.reshape(-1).tolist())


def finite_difference_gradients(a, b, v, step: float = FINITE_DIFFERENCE_STEP):
    """Central differences of f(a, b) = sum(v · Q(a, b)), in float64, no autograd."""
    a64 = torch.tensor(a, dtype=torch.float64)
    b64 = torch.tensor(b, dtype=torch.float64)
    v64 = torch.tensor(v, dtype=torch.float64)

    def f(x, y):
        return float((v64 * q_of(x, y)).sum())

    def central(which: str) -> tuple[float, ...]:
        base = a64 if which == "a" else b64
        out = []
        for i in range(base.numel()):
            bump = torch.zeros_like(base)
            bump[i] = step
            if which == "a":
                out.append((f(a64 + bump, b64) - f(a64 - bump, b64)) / (2 * step))
            else:
                out.append((f(a64, b64 + bump) - f(a64, b64 - bump)) / (2 * step))
        return tuple(out)

    return central("a"), central("b")


def gradients_of_q(a, b, v=(1.0, 1.0)) -> GradientResult:
    """Run ``Q.backward(gradient=v)`` on real tensors and check it by hand.

    ``a``, ``b`` and ``v`` are sequences of floats of equal length.
    """
    a_t = torch.tensor(a, dtype=DTYPE, requires_grad=True)
    b_t = torch.tensor(b, dtype=DTYPE, requires_grad=True)
    v_t = torch.tensor(v, dtype=DTYPE)
    q = q_of(a_t, b_t)
    recorder = GraphRecorder(q, {"a": a_t, "b": b_t})
    q.backward(gradient=v_t)
    with torch.no_grad():
        a_hand = 9 * a_t**2 * v_t
        b_hand = -2 * b_t * v_t
    a_fd, b_fd = finite_difference_gradients(a, b, v)
    return GradientResult(
        a=_floats(a_t),
        b=_floats(b_t),
        v=_floats(v_t),
        q=_floats(q),
        a_grad=_floats(a_t.grad),
        b_grad=_floats(b_t.grad),
        a_grad_analytic=_floats(a_hand),
        b_grad_analytic=_floats(b_hand),
        a_grad_fd=a_fd,
        b_grad_fd=b_fd,
        a_exact=_bools(a_hand == a_t.grad),
        b_exact=_bools(b_hand == b_t.grad),
        a_close=_bools(torch.isclose(a_hand, a_t.grad, rtol=1e-5, atol=1e-6)),
        b_close=_bools(torch.isclose(b_hand, b_t.grad, rtol=1e-5, atol=1e-6)),
        graph=recorder.result(),
    )


def vector_backward_error(a, b) -> str:
    """The real message PyTorch raises for ``Q.backward()`` on a vector Q."""
    a_t = torch.tensor(a, dtype=DTYPE, requires_grad=True)
    b_t = torch.tensor(b, dtype=DTYPE, requires_grad=True)
    try:
        q_of(a_t, b_t).backward()
    except RuntimeError as error:
        return str(error)
    return ""  # a one-element Q is a scalar already: no error


@dataclass(frozen=True)
class SumVersusOnes:
    """a.grad / b.grad from ``Q.sum().backward()`` and from ``gradient=ones``."""

    a_grad_sum: tuple[float, ...]
    b_grad_sum: tuple[float, ...]
    a_grad_ones: tuple[float, ...]
    b_grad_ones: tuple[float, ...]
    identical: bool


def sum_versus_ones(a, b) -> SumVersusOnes:
    """Show that ``Q.sum().backward()`` equals ``Q.backward(torch.ones_like(Q))``."""
    grads = []
    for use_sum in (True, False):
        a_t = torch.tensor(a, dtype=DTYPE, requires_grad=True)
        b_t = torch.tensor(b, dtype=DTYPE, requires_grad=True)
        q = q_of(a_t, b_t)
        if use_sum:
            q.sum().backward()
        else:
            q.backward(gradient=torch.ones_like(q))
        grads.append((a_t.grad, b_t.grad))
    (a_s, b_s), (a_o, b_o) = grads
    identical = bool(torch.equal(a_s, a_o) and torch.equal(b_s, b_o))
    return SumVersusOnes(_floats(a_s), _floats(b_s), _floats(a_o), _floats(b_o), identical)


@dataclass(frozen=True)
class CurveData:
    """Q_i as a function of one input, and the tangent at the current point."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    x0: float
    y0: float
    slope: float


def q_curve(a_i: float, b_i: float, along: str, low: float, high: float,
            points: int = 121) -> CurveData:
    """Q_i = 3a_i³ − b_i² over ``along`` ("a" or "b") with the other held fixed.

    The tangent slope is ∂Q_i/∂(along) computed by autograd at the current
    point, so the drawn tangent is autograd's own number.
    """
    grid = torch.linspace(low, high, points, dtype=torch.float64)
    if along == "a":
        ys = q_of(grid, torch.tensor(b_i, dtype=torch.float64))
    else:
        ys = q_of(torch.tensor(a_i, dtype=torch.float64), grid)
    x = torch.tensor(a_i if along == "a" else b_i, dtype=DTYPE, requires_grad=True)
    fixed = torch.tensor(b_i if along == "a" else a_i, dtype=DTYPE)
    y = q_of(x, fixed) if along == "a" else q_of(fixed, x)
    y.backward()
    return CurveData(
        xs=_floats(grid), ys=_floats(ys), x0=float(x.detach()), y0=float(y.detach()), slope=float(x.grad)
    )


# The six inputs a drag slider of lesson ② can sweep: (tensor, element index).
SWEEPABLE = {"a1": ("a", 0), "a2": ("a", 1), "b1": ("b", 0), "b2": ("b", 1),
             "v1": ("v", 0), "v2": ("v", 1)}


@dataclass(frozen=True)
class GradientSweep:
    """Lesson ②'s numbers at every grid point of one input, the others held fixed.

    ``grid[k]`` is the swept input's value; at that point ``a_grad[k]`` and
    ``b_grad[k]`` are autograd's ``a.grad``/``b.grad`` (weighted by v),
    ``a_hand``/``b_hand`` the hand values 9a²·v and −2b·v, ``a[k]``/``b[k]``
    the inputs as float32 holds them, ``q[k]`` the two
    elements of Q, and ``slope_a[k]``/``slope_b[k]`` the unweighted ∂Qᵢ/∂aᵢ and
    ∂Qᵢ/∂bᵢ (the tangents' slopes). Element-wise float32 like ``gradients_of_q``
    and ``q_curve``, so every number equals what those give at that point.
    """

    name: str
    grid: tuple[float, ...]
    a: tuple[tuple[float, ...], ...]
    b: tuple[tuple[float, ...], ...]
    q: tuple[tuple[float, ...], ...]
    a_grad: tuple[tuple[float, ...], ...]
    b_grad: tuple[tuple[float, ...], ...]
    a_hand: tuple[tuple[float, ...], ...]
    b_hand: tuple[tuple[float, ...], ...]
    slope_a: tuple[tuple[float, ...], ...]
    slope_b: tuple[tuple[float, ...], ...]


def _rows(t: torch.Tensor) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(float(x) for x in row) for row in t.detach().tolist())


def gradient_sweep(a, b, v, name: str, grid) -> GradientSweep:
    """Lesson ② over the whole grid of input ``name`` ("a1" … "v2") in ONE backward call.

    Every grid point is one row of a batch; a second copy of the batch is
    weighted by ones instead of v, so the same backward pass also gives the
    tangents' slopes (∂Qᵢ/∂aᵢ does not depend on v).
    """
    tensor, index = SWEEPABLE[name]
    points = len(grid)
    base = {"a": a, "b": b, "v": v}
    columns = {}
    for which in "abv":
        column = torch.tensor(base[which], dtype=DTYPE).repeat(points, 1)
        if which == tensor:
            column[:, index] = torch.tensor(grid, dtype=DTYPE)
        columns[which] = column
    # Shape (2, G, n): copy 0 weighted by v (a.grad, b.grad), copy 1 by ones (slopes).
    a_t = columns["a"].repeat(2, 1, 1).requires_grad_(True)
    b_t = columns["b"].repeat(2, 1, 1).requires_grad_(True)
    weights = torch.stack((columns["v"], torch.ones_like(columns["v"])))
    q = q_of(a_t, b_t)
    q.backward(gradient=weights)
    with torch.no_grad():
        a_hand = 9 * columns["a"] ** 2 * columns["v"]
        b_hand = -2 * columns["b"] * columns["v"]
    return GradientSweep(
        name=name,
        grid=tuple(float(x) for x in grid),
        a=_rows(columns["a"]),
        b=_rows(columns["b"]),
        q=_rows(q[0]),
        a_grad=_rows(a_t.grad[0]),
        b_grad=_rows(b_t.grad[0]),
        a_hand=_rows(a_hand),
        b_hand=_rows(b_hand),
        slope_a=_rows(a_t.grad[1]),
        slope_b=_rows(b_t.grad[1]),
    )
