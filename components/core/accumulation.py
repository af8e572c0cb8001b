"""Lesson 3 of the tutorial: repeated ``backward()`` calls add up in ``.grad``.

Every function runs real PyTorch on the CPU and returns plain floats, so
pages and charts never hold tensors (or autograd graphs) past one call.
Each backward call is ``Q.sum().backward()``, the tutorial's own scalar form
(the same numbers as ``Q.backward(gradient=torch.ones_like(Q))``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from components.core.gradients import DTYPE, q_of

GRAPH_MODES = ("rebuild", "retain")

# The training demo: fit y = w·x + c to four points on the line y = 2x + 1,
# starting from w = c = 0, loss = sum of squared errors. Its curvature is 10
# along w and 8 along c, so lr = 0.01 converges visibly in 20 steps, lr = 0.1
# almost in one, and lr ≥ 0.3 diverges when the gradients are zeroed.
TRAIN_X = (-1.5, -0.5, 0.5, 1.5)
TRUE_W, TRUE_C = 2.0, 1.0
TRAIN_STEPS = 20
# The loss's largest curvature, 2·Σx² (along w; 2·len(x) = 8 along c): plain
# SGD settles only if lr·h < 2; without zero_grad (momentum 1) it stays
# bounded, swinging for ever, while lr·h < 4.
TRAIN_CURVATURE = 2 * sum(x * x for x in TRAIN_X)
# A run whose loss passes this multiple of its starting loss is called diverged
# and stopped there; without zeroing the loss swings up to ~4× at most (lr ≤ 0.3).
DIVERGENCE_FACTOR = 10.0


def _floats(t: torch.Tensor) -> tuple[float, ...]:
    return tuple(float(x) for x in t.detach().reshape(-1).tolist())


def _leaves(a, b) -> tuple[torch.Tensor, torch.Tensor]:
    return (torch.tensor(a, dtype=DTYPE, requires_grad=True),
            torch.tensor(b, dtype=DTYPE, requires_grad=True))


@dataclass(frozen=True)
class BackwardHistory:
    """``a.grad`` and ``b.grad`` read after each of ``calls`` backward calls.

    ``a_grads[k-1]`` is a.grad after call k. ``a_expected[k-1]`` is the hand
    rule computed in torch: k·9a² when the gradients accumulate, 9a² when
    ``.grad`` is reset before every call (likewise k·(−2b) or −2b for b).
    ``a_close[k-1]`` says whether every element matches (``torch.isclose``).
    """

    a: tuple[float, ...]
    b: tuple[float, ...]
    calls: int
    zero: bool
    graph: str
    a_grads: tuple[tuple[float, ...], ...]
    b_grads: tuple[tuple[float, ...], ...]
    a_expected: tuple[tuple[float, ...], ...]
    b_expected: tuple[tuple[float, ...], ...]
    a_close: tuple[bool, ...]
    b_close: tuple[bool, ...]


def repeated_backward(a, b, calls: int, zero: bool, graph: str = "rebuild") -> BackwardHistory:
    """Call ``Q.sum().backward()`` ``calls`` times on the same leaves a and b.

    ``zero``: set ``a.grad = b.grad = None`` before every call (as the
    tutorial does) instead of letting the gradients add up.
    ``graph``: ``"rebuild"`` recomputes Q before every call (a fresh graph);
    ``"retain"`` builds Q once and passes ``retain_graph=True`` each time.
    """
    if graph not in GRAPH_MODES:
        raise ValueError(f"graph must be one of {GRAPH_MODES}, not {graph!r}")
    a_t, b_t = _leaves(a, b)
    q = q_of(a_t, b_t) if graph == "retain" else None
    a_grads, b_grads = [], []
    for _ in range(calls):
        if zero:
            a_t.grad = None
            b_t.grad = None
        if graph == "rebuild":
            q = q_of(a_t, b_t)
            q.sum().backward()
        else:
            q.sum().backward(retain_graph=True)
        a_grads.append(_floats(a_t.grad))
        b_grads.append(_floats(b_t.grad))
    with torch.no_grad():
        a_once, b_once = 9 * a_t**2, -2 * b_t
        factors = [1] * calls if zero else range(1, calls + 1)
        a_expected = [k * a_once for k in factors]
        b_expected = [k * b_once for k in factors]
    a_close = tuple(bool(torch.isclose(torch.tensor(got, dtype=DTYPE), want,
                                       rtol=1e-5, atol=1e-5).all())
                    for got, want in zip(a_grads, a_expected, strict=True))
    b_close = tuple(bool(torch.isclose(torch.tensor(got, dtype=DTYPE), want,
                                       rtol=1e-5, atol=1e-5).all())
                    for got, want in zip(b_grads, b_expected, strict=True))
    return BackwardHistory(
        a=_floats(a_t), b=_floats(b_t), calls=calls, zero=zero, graph=graph,
        a_grads=tuple(a_grads), b_grads=tuple(b_grads),
        a_expected=tuple(_floats(x) for x in a_expected),
        b_expected=tuple(_floats(x) for x in b_expected),
        a_close=a_close, b_close=b_close,
    )


def graph_modes_agree(a, b, calls: int, zero: bool) -> bool:
    """Whether rebuilding Q and ``retain_graph=True`` give identical ``.grad``s."""
    rebuilt = repeated_backward(a, b, calls, zero, "rebuild")
    retained = repeated_backward(a, b, calls, zero, "retain")
    return rebuilt.a_grads == retained.a_grads and rebuilt.b_grads == retained.b_grads


@dataclass(frozen=True)
class FreedGraphDemo:
    """A second backward through a freed graph, and the two ways around it.

    ``error`` is PyTorch's own message; ``a_grad_after_error`` is a.grad right
    after the failed call (the failed call added nothing). The ``rebuild_*``
    and ``retain_*`` fields are a.grad / b.grad after two successful calls.
    """

    error: str
    a_grad_after_error: tuple[float, ...]
    rebuild_a_grad: tuple[float, ...]
    rebuild_b_grad: tuple[float, ...]
    retain_a_grad: tuple[float, ...]
    retain_b_grad: tuple[float, ...]


def freed_graph_demo(a, b) -> FreedGraphDemo:
    """Really call backward twice through one graph, then both fixes.

    The steps are exactly those of ``accumulation_snippet.freed_graph_code``,
    ``rebuild_code`` and ``retain_code``.
    """
    a_t, b_t = _leaves(a, b)
    q = q_of(a_t, b_t)
    q.sum().backward()
    error = ""
    try:
        q.sum().backward()
    except RuntimeError as caught:
        error = str(caught)
    after_error = _floats(a_t.grad)

    # Way 1: compute Q again, so the second call walks a fresh graph.
    a_t, b_t = _leaves(a, b)
    q_of(a_t, b_t).sum().backward()
    q_of(a_t, b_t).sum().backward()
    rebuilt = _floats(a_t.grad), _floats(b_t.grad)

    # Way 2: keep the saved values of the first graph for the second call.
    a_t, b_t = _leaves(a, b)
    q = q_of(a_t, b_t)
    q.sum().backward(retain_graph=True)
    q.sum().backward()
    retained = _floats(a_t.grad), _floats(b_t.grad)
    return FreedGraphDemo(
        error=error, a_grad_after_error=after_error,
        rebuild_a_grad=rebuilt[0], rebuild_b_grad=rebuilt[1],
        retain_a_grad=retained[0], retain_b_grad=retained[1],
    )


ZEROING_METHODS = ("zero_grad", "none", "zero_")


@dataclass(frozen=True)
class ZeroingResult:
    """One way of resetting a.grad: what it holds right after, and after the next call.

    ``after_reset`` is None when ``.grad`` became None, else its values.
    """

    method: str
    after_reset: tuple[float, ...] | None
    after_next_call: tuple[float, ...]


def zeroing_methods(a, b) -> tuple[ZeroingResult, ...]:
    """Run one backward, reset with each method, run one more backward.

    Methods: ``optim.zero_grad()`` (default ``set_to_none=True``),
    ``a.grad = None`` and ``a.grad.zero_()``.
    """
    results = []
    for method in ZEROING_METHODS:
        a_t, b_t = _leaves(a, b)
        q_of(a_t, b_t).sum().backward()
        if method == "zero_grad":
            torch.optim.SGD([a_t, b_t], lr=0.01).zero_grad()
        elif method == "none":
            a_t.grad = None
            b_t.grad = None
        else:
            a_t.grad.zero_()
            b_t.grad.zero_()
        after_reset = None if a_t.grad is None else _floats(a_t.grad)
        q_of(a_t, b_t).sum().backward()
        results.append(ZeroingResult(method, after_reset, _floats(a_t.grad)))
    return tuple(results)


@dataclass(frozen=True)
class TrainingRun:
    """A few real ``torch.optim.SGD`` steps fitting y = w·x + c.

    ``losses[k-1]`` is the loss computed in step k (before that step's update).
    ``diverged_at`` is the step whose loss passed ``DIVERGENCE_FACTOR`` times
    the first loss (or was not finite); the run stops there and that loss is
    left out, so ``losses`` is always finite. ``w``/``c`` are the values after
    the last completed step, ``w_grad`` the ``w.grad`` it used.
    """

    lr: float
    zero_grad: bool
    losses: tuple[float, ...]
    diverged_at: int | None
    w: float
    c: float
    w_grad: float


def training_data() -> tuple[torch.Tensor, torch.Tensor]:
    """The four training points: x and y = 2x + 1."""
    x = torch.tensor(TRAIN_X, dtype=DTYPE)
    return x, TRUE_W * x + TRUE_C


def training_run(lr: float, zero_grad: bool, steps: int = TRAIN_STEPS) -> TrainingRun:
    """``steps`` SGD steps, with or without ``optim.zero_grad()`` before each."""
    x, y = training_data()
    w = torch.tensor(0.0, requires_grad=True)
    c = torch.tensor(0.0, requires_grad=True)
    optim = torch.optim.SGD([w, c], lr=lr)
    losses: list[float] = []
    diverged_at = None
    w_grad = 0.0
    for step in range(1, steps + 1):
        if zero_grad:
            optim.zero_grad()
        loss = ((w * x + c - y) ** 2).sum()
        value = loss.item()
        if not math.isfinite(value) or (losses and value > DIVERGENCE_FACTOR * losses[0]):
            diverged_at = step
            break
        losses.append(value)
        loss.backward()
        w_grad = float(w.grad)
        optim.step()
    return TrainingRun(lr=lr, zero_grad=zero_grad, losses=tuple(losses),
                       diverged_at=diverged_at, w=float(w.detach()), c=float(c.detach()),
                       w_grad=w_grad)


def first_rise(losses) -> int | None:
    """The first step whose loss is higher than the step before it, or None.

    ``losses[k-1]`` belongs to step k (as in ``TrainingRun.losses``).
    """
    return next((k + 1 for k in range(1, len(losses)) if losses[k] > losses[k - 1]), None)


def histories_over_calls(a, b, zero: bool, graph: str, grid) -> tuple[BackwardHistory, ...]:
    """``repeated_backward`` once for every number of calls in ``grid``.

    One real run per value, as the page does after a release there: the
    frames a drag slider of ``calls`` draws are these runs' own ``.grad``s.
    """
    return tuple(repeated_backward(a, b, int(calls), zero, graph) for calls in grid)
