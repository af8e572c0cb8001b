"""Lesson 4 of the tutorial: ``torch.optim.SGD`` with a learning rate and momentum.

The optimizer really runs (``torch.optim.SGD``, float32 as in the tutorial) on
one of three objectives and every step is recorded as plain floats: the loss,
the parameters, their gradients and ``optimizer.state[p]["momentum_buffer"]``.
A run that overflows or turns NaN stops there; what was reached is kept.

Objectives (``a`` = (a₁, a₂), ``b`` = (b₁, b₂) are the sliders' values):

- ``q``: the tutorial's Q = 3a³ − b² treated as the error, loss = Q.sum(),
  parameters a and b. It has no minimum, so SGD never settles.
- ``valley``: a narrow diagonal valley in two parameters a = (a₁, a₂),
  loss = ¼(a₁ + a₂)² + 10(a₁ − a₂)²: curvature 1 along the floor (the line
  a₁ = a₂), 40 across it.
- ``rosenbrock``: Rosenbrock's banana, mirrored so its minimum (−1, 1) lies
  across the curved valley from the default start (2, 3):
  loss = (1 + a₁)² + 5(a₂ − a₁²)².

The landscape constants are chosen for the tutorial's lr = 0.01 and momentum
0.9 from the default start (2, 3): within 50 steps plain SGD drops to the
valley floor and then crawls (lr × curvature 1 = 0.01 of the way per step),
while momentum rolls along the floor, overshoots and settles near the minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

DTYPE = torch.float32
OBJECTIVES = ("q", "valley", "rosenbrock")
LANDSCAPES = ("valley", "rosenbrock")

# Valley: loss = FLOOR·(a₁ + a₂)² + WALL·(a₁ − a₂)². Along the unit directions
# (1, 1)/√2 and (1, −1)/√2 the curvatures are 4·FLOOR = 1 and 4·WALL = 40.
VALLEY_FLOOR = 0.25
VALLEY_WALL = 10.0
# The valley's curvature across its floor: the h in SGD's stability bound lr·h < 2(1 + μ).
VALLEY_STEEP_CURVATURE = 4 * VALLEY_WALL
ROSENBROCK_STEEPNESS = 5.0

# Where each landscape's lowest point is (the Q objective has none).
MINIMUM = {"valley": (0.0, 0.0), "rosenbrock": (-1.0, 1.0)}


def loss_of(objective: str, a: torch.Tensor, b: torch.Tensor | None = None) -> torch.Tensor:
    """The scalar loss of ``objective`` at parameters ``a`` (and ``b`` for ``q``).

    Written exactly as in the page's code snippet, so both give the same floats.
    """
    if objective == "q":
        Q = 3 * a**3 - b**2
        return Q.sum()
    if objective == "valley":
        return VALLEY_FLOOR * (a[0] + a[1]) ** 2 + VALLEY_WALL * (a[0] - a[1]) ** 2
    if objective == "rosenbrock":
        return (1 + a[0]) ** 2 + ROSENBROCK_STEEPNESS * (a[1] - a[0] ** 2) ** 2
    raise ValueError(f"unknown objective {objective!r}")


def parameter_names(objective: str) -> tuple[str, ...]:
    """The element names of the optimized parameters, in recording order."""
    if objective == "q":
        return ("a[0]", "a[1]", "b[0]", "b[1]")
    return ("a[0]", "a[1]")


@dataclass(frozen=True)
class SGDRun:
    """Everything one SGD run produced, step by step, as plain floats.

    With ``n = finite_steps``: ``losses`` and ``params`` have n + 1 entries
    (index k = after k calls of ``optim.step()``; index 0 = the start);
    ``grads`` and ``buffers`` have n entries (index k−1 = what step k used /
    left in ``optimizer.state``). ``buffers`` is empty when momentum is 0:
    PyTorch then keeps no momentum buffer at all.

    ``diverged_at`` is the step after which the loss or a parameter was no
    longer finite (overflow or NaN) and the run stopped; ``stop_value`` is
    that non-finite loss. Both are None when all requested steps finished.
    ``stop_params`` are the parameters right after that step (they may hold
    ±inf or NaN), so the page can say which of them ran away.
    """

    objective: str
    lr: float
    momentum: float
    steps: int
    names: tuple[str, ...]
    losses: tuple[float, ...]
    params: tuple[tuple[float, ...], ...]
    grads: tuple[tuple[float, ...], ...]
    buffers: tuple[tuple[float, ...], ...]
    diverged_at: int | None
    stop_value: float | None
    stop_params: tuple[float, ...] | None = None

    @property
    def finite_steps(self) -> int:
        return len(self.losses) - 1

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None


def _flat(tensors) -> tuple[float, ...]:
    return tuple(float(x) for t in tensors for x in t.detach().reshape(-1).tolist())


def _all_finite(tensors) -> bool:
    return all(bool(torch.isfinite(t).all()) for t in tensors)


def run_sgd(objective: str, a, b, lr: float, momentum: float, steps: int,
            *, loss_fn=None) -> SGDRun:
    """Run ``steps`` calls of a real ``torch.optim.SGD(params, lr, momentum)``.

    ``a`` and ``b`` are pairs of floats; on the two-parameter landscapes
    ``a`` is the starting point and ``b`` is not used. Each step is the usual
    ``zero_grad(); loss.backward(); optim.step()``, and the loss is evaluated
    again after every step. Stops early, without raising, as soon as the loss
    or a parameter overflows or becomes NaN.

    ``loss_fn`` (a function of the parameter tensor ``a``) replaces the named
    objective's loss, ``objective`` then being only its label: this is how
    published examples (D2L's quadratic) run through this very loop.
    """
    if loss_fn is None and objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}")
    a_t = torch.tensor(a, dtype=DTYPE, requires_grad=True)
    on_q = objective == "q" and loss_fn is None
    b_t = torch.tensor(b, dtype=DTYPE, requires_grad=True) if on_q else None
    params = [a_t, b_t] if b_t is not None else [a_t]
    optim = torch.optim.SGD(params, lr=lr, momentum=momentum)

    def loss_now() -> torch.Tensor:
        return loss_fn(a_t) if loss_fn is not None else loss_of(objective, a_t, b_t)

    loss = loss_now()
    losses, points, grads, buffers = [loss.item()], [_flat(params)], [], []
    diverged_at, stop_value, stop_params = None, None, None
    for step in range(1, steps + 1):
        optim.zero_grad()
        loss.backward()
        step_grads = _flat(p.grad for p in params)
        optim.step()
        loss = loss_now()
        value = loss.item()
        if not (math.isfinite(value) and _all_finite(params)):
            diverged_at, stop_value, stop_params = step, value, _flat(params)
            break
        losses.append(value)
        points.append(_flat(params))
        grads.append(step_grads)
        if momentum != 0:
            buffers.append(_flat(optim.state[p]["momentum_buffer"] for p in params))
    return SGDRun(
        objective=objective,
        lr=float(lr),
        momentum=float(momentum),
        steps=int(steps),
        names=parameter_names(objective if loss_fn is None else ""),
        losses=tuple(losses),
        params=tuple(points),
        grads=tuple(grads),
        buffers=tuple(buffers),
        diverged_at=diverged_at,
        stop_value=stop_value,
        stop_params=stop_params,
    )


@dataclass(frozen=True)
class MomentumComparison:
    """The chosen momentum's run next to plain SGD (momentum 0), same start and lr.

    ``first_step_identical``: the loss after the first ``optim.step()`` is the
    same float in both runs (the buffer starts as the gradient).
    ``parts_at``: the first step whose parameters differ between the runs,
    or None when they never do (momentum 0, or one run stopped before).
    """

    with_momentum: SGDRun
    plain: SGDRun
    first_step_identical: bool | None
    parts_at: int | None


def compare_momentum(objective: str, a, b, lr: float, momentum: float,
                     steps: int) -> MomentumComparison:
    """Run SGD with ``momentum`` and with momentum 0 from the same start."""
    chosen = run_sgd(objective, a, b, lr, momentum, steps)
    plain = run_sgd(objective, a, b, lr, 0.0, steps) if momentum != 0 else chosen
    return comparison_of(chosen, plain)


def comparison_of(chosen: SGDRun, plain: SGDRun) -> MomentumComparison:
    """Two finished runs (same start and lr) as a ``MomentumComparison``."""
    if chosen.momentum == 0:
        plain = chosen
    common = min(chosen.finite_steps, plain.finite_steps)
    identical = chosen.losses[1] == plain.losses[1] if common >= 1 else None
    parts_at = next((k for k in range(1, common + 1) if chosen.params[k] != plain.params[k]),
                    None)
    return MomentumComparison(chosen, plain, identical, parts_at)


def run_sgd_grid(objective: str, a, b, settings, steps: int) -> tuple[SGDRun, ...]:
    """``run_sgd`` for every ``(lr, momentum)`` in ``settings``, stepped together.

    One real ``torch.optim.SGD`` with one parameter group per setting (its own
    lr and momentum, its own copy of the start). Each step runs one backward
    of the summed losses: the runs share no parameter, so each copy's
    ``.grad`` is its own loss's gradient, and every recorded float equals
    what ``run_sgd`` gives for that setting alone (the tests check all of
    them). A drag slider's whole grid costs about what seven single runs do
    (85 ms for 100 runs of 50 steps here, against ~700 ms one by one).
    """
    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}")
    on_q = objective == "q"
    leaves, groups = [], []
    for lr, momentum in settings:
        params = [torch.tensor(a, dtype=DTYPE, requires_grad=True)]
        if on_q:
            params.append(torch.tensor(b, dtype=DTYPE, requires_grad=True))
        leaves.append(params)
        groups.append(dict(params=params, lr=float(lr), momentum=float(momentum)))
    # foreach=False: the per-tensor loop CPU tensors get by default (so run_sgd's floats),
    # without asking, for each of the groups on every step, which path to take.
    optim = torch.optim.SGD(groups, foreach=False)
    count = len(leaves)

    def stacked(part) -> torch.Tensor:
        """One row per run: its elements in ``_flat`` order (a, then b on Q)."""
        rows = [torch.stack([part(p) for p in params]) for params in zip(*leaves, strict=True)]
        return torch.cat(rows, dim=1) if len(rows) > 1 else rows[0]

    def losses_now() -> torch.Tensor:
        a_rows = torch.stack([params[0] for params in leaves])
        if on_q:
            b_rows = torch.stack([params[1] for params in leaves])
            return (3 * a_rows**3 - b_rows**2).sum(dim=1)
        return loss_of(objective, a_rows.T)

    loss = losses_now()
    values = loss.tolist()
    start = stacked(lambda p: p.detach()).tolist()
    losses = [[v] for v in values]
    points = [[tuple(row)] for row in start]
    grads = [[] for _ in range(count)]
    buffers = [[] for _ in range(count)]
    stops: list[tuple | None] = [None] * count
    active = list(range(count))
    for step in range(1, steps + 1):
        if not active:
            break
        optim.zero_grad()
        loss.sum().backward()
        step_grads = stacked(lambda p: p.grad).tolist()
        optim.step()
        loss = losses_now()
        values = loss.tolist()
        now = stacked(lambda p: p.detach())
        finite = torch.isfinite(now).all(dim=1).tolist()
        rows = now.tolist()
        with_buffers = [k for k in active if groups[k]["momentum"] != 0]
        momentum_rows = {}
        if with_buffers:
            momentum_rows = {k: tuple(x for p in leaves[k]
                                      for x in optim.state[p]["momentum_buffer"].tolist())
                             for k in with_buffers}
        still = []
        for k in active:
            if not (math.isfinite(values[k]) and finite[k]):
                stops[k] = (step, values[k], tuple(rows[k]))
                continue
            losses[k].append(values[k])
            points[k].append(tuple(rows[k]))
            grads[k].append(tuple(step_grads[k]))
            if k in momentum_rows:
                buffers[k].append(momentum_rows[k])
            still.append(k)
        active = still
    names = parameter_names(objective)
    return tuple(SGDRun(
        objective=objective, lr=float(lr), momentum=float(momentum), steps=int(steps),
        names=names, losses=tuple(losses[k]), params=tuple(points[k]), grads=tuple(grads[k]),
        buffers=tuple(buffers[k]),
        diverged_at=stops[k][0] if stops[k] else None,
        stop_value=stops[k][1] if stops[k] else None,
        stop_params=stops[k][2] if stops[k] else None,
    ) for k, (lr, momentum) in enumerate(settings))


def comparisons_over(objective: str, a, b, lr: float, momentum: float, steps: int,
                     name: str, grid) -> tuple[MomentumComparison, ...]:
    """The page's comparison at every value of slider ``name`` (``lr`` or ``momentum``).

    What ``compare_momentum`` gives after releasing the slider at each grid
    value, from one ``run_sgd_grid``: over momentum, the run at momentum 0 is
    every frame's plain SGD; over lr, each lr gets its own plain run.
    """
    if name == "momentum":
        settings = [(lr, float(mu)) for mu in grid]
        if not any(mu == 0 for _, mu in settings):
            settings.append((lr, 0.0))
        runs = run_sgd_grid(objective, a, b, settings, steps)
        plain = next(run for run in runs if run.momentum == 0)
        return tuple(comparison_of(run, plain) for run in runs[:len(grid)])
    if name == "lr":
        settings = [(float(value), momentum) for value in grid]
        if momentum != 0:
            settings += [(float(value), 0.0) for value in grid]
        runs = run_sgd_grid(objective, a, b, settings, steps)
        plains = runs[len(grid):] if momentum != 0 else runs
        return tuple(comparison_of(run, plain)
                     for run, plain in zip(runs[:len(grid)], plains, strict=True))
    raise ValueError(f"no sweep over {name!r}")


def stop_kind(run: SGDRun) -> str | None:
    """How a diverged run ended, so the page can say it in words.

    ``loss_neg_inf`` / ``loss_pos_inf``: the loss overflowed float32;
    ``loss_nan``: the loss was no longer a number; ``params``: the loss was
    still finite but a parameter was not. None when the run did not diverge.
    """
    if not run.diverged:
        return None
    value = run.stop_value
    if value is None or math.isnan(value):
        return "loss_nan"
    if math.isinf(value):
        return "loss_neg_inf" if value < 0 else "loss_pos_inf"
    return "params"


def q_terms(values) -> tuple[float, ...]:
    """Each element's share of ``Q.sum()`` in float64: 3a³ for a₁, a₂ and −b² for b₁, b₂."""
    a1, a2, b1, b2 = (float(v) for v in values)
    return (3 * a1**3, 3 * a2**3, -(b1**2), -(b2**2))


# An element "ran away" if its term of Q was within this factor of the largest.
RUNAWAY_SHARE = 0.01


def runaway_elements(run: SGDRun) -> tuple[str, ...]:
    """On Q: the elements whose term of the loss had blown up when the run stopped.

    Those with an infinite (or NaN) term if any, else those within
    ``RUNAWAY_SHARE`` of the largest term. Empty for a run that did not stop.
    """
    if run.objective != "q" or run.stop_params is None:
        return ()
    sizes = [math.inf if math.isnan(x) else abs(x) for x in q_terms(run.stop_params)]
    top = max(sizes)
    if math.isinf(top):
        return tuple(n for n, s in zip(run.names, sizes, strict=True) if math.isinf(s))
    return tuple(n for n, s in zip(run.names, sizes, strict=True) if s >= RUNAWAY_SHARE * top)


def step_curvature(objective: str, a, b, lr: float, samples: int = 257) -> float:
    """The largest curvature met along the first SGD step, in float64.

    With g the gradient at the start and u = −g/|g|, the step runs along
    φ(t) = loss(p + t·u) from t = 0 to t = lr·|g|. Returns max φ''(t) there
    (0 when g = 0), sampled at ``samples`` points at once. If the loss rose
    after the step, Taylor's theorem (φ(s) = φ(0) − |g|·s + ½·φ''(ξ)·s²) forces
    lr·φ''(ξ) > 2 somewhere on the segment: the curvature, not the
    steepness, makes a step overshoot.
    """
    a_t = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    b_t = torch.tensor(b, dtype=torch.float64, requires_grad=True) if objective == "q" else None
    params = [a_t] if b_t is None else [a_t, b_t]
    g = torch.cat(torch.autograd.grad(loss_of(objective, a_t, b_t), params))
    norm = float(torch.linalg.vector_norm(g))
    if norm == 0 or not math.isfinite(norm):
        return 0.0
    u = -g / norm
    start = torch.cat([p.detach() for p in params])
    # One column per sample point: the losses below broadcast over columns.
    t = torch.linspace(0.0, lr * norm, samples, dtype=torch.float64).requires_grad_(True)
    points = start[:, None] + t[None, :] * u[:, None]
    if objective == "q":
        losses = (3 * points[:2] ** 3 - points[2:] ** 2).sum(dim=0)
    else:
        losses = loss_of(objective, points[:2])
    (slopes,) = torch.autograd.grad(losses.sum(), t, create_graph=True)
    (curvatures,) = torch.autograd.grad(slopes.sum(), t)
    return float(curvatures.max())


def left_box_at(run: SGDRun, low: float, high: float) -> int | None:
    """The first step after which a₁ or a₂ lies outside [low, high] (the map), or None.

    A run that diverged counts as leaving at its last step if it never left before.
    """
    for k, point in enumerate(run.params):
        if any(not low <= x <= high for x in point[:2]):
            return k
    return run.diverged_at


def distance_to_minimum(objective: str, point) -> float:
    """Euclidean distance from (a₁, a₂) to the landscape's lowest point."""
    m1, m2 = MINIMUM[objective]
    return math.hypot(point[0] - m1, point[1] - m2)


@dataclass(frozen=True)
class StepBreakdown:
    """PyTorch's momentum rule for one step, element by element, by hand.

    v ← μ·v + g (at the first step v ← g), then p ← p − lr·v. ``*_hand`` are
    computed here from the recorded p, g and previous v in float32;
    ``*_torch`` are what ``torch.optim.SGD`` actually produced.
    """

    step: int
    names: tuple[str, ...]
    p_before: tuple[float, ...]
    grad: tuple[float, ...]
    v_before: tuple[float | None, ...]
    v_hand: tuple[float, ...]
    p_hand: tuple[float, ...]
    v_torch: tuple[float | None, ...]
    p_torch: tuple[float, ...]
    close: tuple[bool, ...]


def step_breakdown(run: SGDRun, step: int) -> StepBreakdown:
    """Put the current numbers into v ← μ·v + g; p ← p − lr·v for ``step`` (≥ 1)."""
    if not 1 <= step <= run.finite_steps:
        raise ValueError(f"step {step} is outside 1..{run.finite_steps}")
    p = torch.tensor(run.params[step - 1], dtype=DTYPE)
    g = torch.tensor(run.grads[step - 1], dtype=DTYPE)
    has_buffer = run.momentum != 0
    if has_buffer and step > 1:
        v_old = torch.tensor(run.buffers[step - 2], dtype=DTYPE)
        v = run.momentum * v_old + g
    else:
        v_old, v = None, g.clone()
    p_new = p - run.lr * v
    p_torch = torch.tensor(run.params[step], dtype=DTYPE)
    checks = torch.isclose(p_new, p_torch, rtol=1e-5, atol=1e-6)
    if has_buffer:
        v_torch = torch.tensor(run.buffers[step - 1], dtype=DTYPE)
        checks &= torch.isclose(v, v_torch, rtol=1e-5, atol=1e-6)
    count = len(run.names)
    return StepBreakdown(
        step=step,
        names=run.names,
        p_before=run.params[step - 1],
        grad=run.grads[step - 1],
        v_before=tuple(v_old.tolist()) if v_old is not None else (None,) * count,
        v_hand=tuple(v.tolist()),
        p_hand=tuple(p_new.tolist()),
        v_torch=run.buffers[step - 1] if has_buffer else (None,) * count,
        p_torch=run.params[step],
        close=tuple(bool(x) for x in checks.tolist()),
    )


@dataclass(frozen=True)
class LandscapeGrid:
    """Loss values of a two-parameter landscape on a regular grid, for contours.

    ``z[j][i]`` is the loss at (``x[i]``, ``y[j]``), computed in float64.
    """

    objective: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    z: tuple[tuple[float, ...], ...]
    minimum: tuple[float, float]


def landscape_grid(objective: str, low: float, high: float, points: int = 101) -> LandscapeGrid:
    """The loss of ``objective`` (a landscape) on a ``points`` × ``points`` grid."""
    if objective not in LANDSCAPES:
        raise ValueError(f"{objective!r} has no two-parameter landscape")
    axis = torch.linspace(low, high, points, dtype=torch.float64)
    y_grid, x_grid = torch.meshgrid(axis, axis, indexing="ij")
    z = loss_of(objective, torch.stack([x_grid, y_grid]))
    values = tuple(float(v) for v in axis.tolist())
    return LandscapeGrid(
        objective=objective,
        x=values,
        y=values,
        z=tuple(tuple(row) for row in z.tolist()),
        minimum=MINIMUM[objective],
    )
