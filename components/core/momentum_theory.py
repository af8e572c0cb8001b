"""Distill's momentum analysis (Goh, "Why Momentum Really Works", 2017) for the valley.

The valley loss is a quadratic, so SGD with momentum on it is a linear
iteration. Along an eigenvector of the Hessian with eigenvalue λ, PyTorch's
rule (buf ← μ·buf + g, p ← p − α·buf, g = λ·x) moves the pair (buf, x) by

    [buf']   [  μ      λ  ] [buf]
    [ x' ] = [ −αμ   1 − αλ ] [ x ],

and the error shrinks per step by the spectral radius of that 2×2 matrix,
maximised over the eigenvalues. Everything here is derived from the loss as
the optimizer core writes it (``optimizer.loss_of("valley", ...)``): the
Hessian comes from ``torch.autograd.functional.hessian``, nothing is typed in.

The measured side always comes from real ``torch.optim.SGD`` runs through the
lesson's own ``optimizer.run_sgd``. Results are plain floats in dataclasses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from components.core import optimizer as core

THEORY_DTYPE = torch.float64
OBJECTIVE = "valley"
SHRINK = 100.0  # "steps to shrink the error 100-fold"

# The α–μ map's momentum axis: 0, 0.03, …, 0.99 (34 values), all on the
# momentum slider's 0.01 grid so a clicked cell is a value the slider can show.
MAP_MOMENTA = tuple(round(0.03 * i, 2) for i in range(34))
MAP_STEPS = 200  # the steps slider's maximum: a clicked cell run for 200 steps is this run

# Below this distance float32 (normal numbers end near 1e-38, the loss is
# squared) no longer follows the linear iteration: rates are measured above it.
DISTANCE_FLOOR = 1e-30
# A measurement needs at least this many steps in each quarter of its window.
MIN_PART = 3
# The rate is "steady" when each quarter of the window shrinks at the window's
# rate within this relative tolerance (a still oscillating run does not).
STEADY_TOLERANCE = 0.005
# Settled = steady and shrinking like the prediction: ln(measured) within this
# fraction of ln(ρ), i.e. the same number of steps per 100-fold shrink ±5 %.
# (A 2 % tolerance on the rate itself would call 0.986 "settled" at ρ = 0.995,
# although it shrinks almost three times faster.)
SETTLED_TOLERANCE = 0.05


@dataclass(frozen=True)
class Curvatures:
    """The valley's Hessian, its eigenvalues (ascending) and unit eigenvectors."""

    hessian: tuple[tuple[float, float], tuple[float, float]]
    eigenvalues: tuple[float, float]
    eigenvectors: tuple[tuple[float, float], tuple[float, float]]  # one tuple per eigenvalue

    @property
    def condition(self) -> float:
        """κ = λmax / λmin."""
        return self.eigenvalues[1] / self.eigenvalues[0]


def valley_curvatures() -> Curvatures:
    """Hessian of the optimizer core's valley loss by autograd, and its eigen-decomposition."""
    minimum = torch.tensor(core.MINIMUM[OBJECTIVE], dtype=THEORY_DTYPE)
    hessian = torch.autograd.functional.hessian(lambda a: core.loss_of(OBJECTIVE, a), minimum)
    values = torch.linalg.eigvalsh(hessian)
    _, vectors = torch.linalg.eigh(hessian)
    return Curvatures(
        hessian=tuple(tuple(row) for row in hessian.tolist()),
        eigenvalues=tuple(values.tolist()),
        eigenvectors=tuple(tuple(vectors[:, i].tolist()) for i in range(2)),
    )


def iteration_matrix(lr: float, momentum: float, curvature: float) -> torch.Tensor:
    """The 2×2 matrix moving (buf, x) one step along an eigenvector with eigenvalue λ."""
    return torch.tensor([[momentum, curvature],
                         [-lr * momentum, 1.0 - lr * curvature]], dtype=THEORY_DTYPE)


def mode_rate(lr: float, momentum: float, curvature: float) -> float:
    """The spectral radius of one direction's iteration matrix (for μ = 0: |1 − αλ|)."""
    return float(torch.linalg.eigvals(iteration_matrix(lr, momentum, curvature)).abs().max())


def oscillates(lr: float, momentum: float, curvature: float) -> bool:
    """True when the direction's iteration matrix has complex eigenvalues: the
    distance along it swings while it shrinks, (1 + μ − αλ)² < 4μ."""
    trace = 1.0 + momentum - lr * curvature
    return trace * trace < 4.0 * momentum


def predicted_rate(lr: float, momentum: float, curvatures: Curvatures) -> float:
    """The worst direction's spectral radius: the error's shrink factor per step."""
    return max(mode_rate(lr, momentum, lam) for lam in curvatures.eigenvalues)


def boundary_lr(momentum: float, curvatures: Curvatures) -> float:
    """The learning rate at which SGD starts to diverge: α·λmax = 2 + 2μ."""
    return (2.0 + 2.0 * momentum) / curvatures.eigenvalues[1]


@dataclass(frozen=True)
class Optimum:
    """Goh's optimal step size and momentum for a quadratic, and the rate they give."""

    lr: float
    momentum: float
    rate: float


def optimum(curvatures: Curvatures) -> Optimum:
    """α* = (2/(√λ₁+√λ₂))², μ* = ((√λ₂−√λ₁)/(√λ₂+√λ₁))², rate (√κ−1)/(√κ+1)."""
    low, high = (math.sqrt(v) for v in curvatures.eigenvalues)
    root_kappa = math.sqrt(curvatures.condition)
    return Optimum(
        lr=(2.0 / (low + high)) ** 2,
        momentum=((high - low) / (high + low)) ** 2,
        rate=(root_kappa - 1.0) / (root_kappa + 1.0),
    )


def steps_to_shrink(rate: float, factor: float = SHRINK) -> int | None:
    """Steps for an error shrinking by ``rate`` per step to become ``factor`` times
    smaller; None when it never does (rate ≥ 1)."""
    if rate >= 1.0:
        return None
    if rate <= 0.0:
        return 1
    return max(1, math.ceil(math.log(factor) / -math.log(rate)))


def distances(run: core.SGDRun) -> tuple[float, ...]:
    """The run's distance to the valley's minimum after each step (index 0 = start)."""
    low = core.MINIMUM[OBJECTIVE]
    return tuple(math.hypot(p[0] - low[0], p[1] - low[1]) for p in run.params)


@dataclass(frozen=True)
class Measurement:
    """The geometric-mean shrink factor of the distance over steps first..last.

    ``rate`` is None when the run has too few usable steps (or starts at the
    minimum). ``steady``: each quarter of the window shrinks at that rate
    within ``STEADY_TOLERANCE`` — a property of the run alone, no theory.
    """

    rate: float | None
    first: int
    last: int
    steady: bool


def measure_rate(dists) -> Measurement:
    """Measure over the last half of the usable steps (distance finite and above
    ``DISTANCE_FLOOR``): (d_last / d_first)^(1/(last − first))."""
    usable = 0
    while usable < len(dists) and math.isfinite(dists[usable]) \
            and dists[usable] > DISTANCE_FLOOR:
        usable += 1
    last = usable - 1
    part = (last // 2) // 4
    if part < MIN_PART:
        return Measurement(None, 0, max(last, 0), False)
    first = last - 4 * part
    rate = (dists[last] / dists[first]) ** (1.0 / (last - first))
    quarters = [(dists[first + (i + 1) * part] / dists[first + i * part]) ** (1.0 / part)
                for i in range(4)]
    steady = all(abs(q / rate - 1.0) <= STEADY_TOLERANCE for q in quarters)
    return Measurement(rate, first, last, steady)


def theory_distances(lr: float, momentum: float, start, curvatures: Curvatures,
                     steps: int) -> tuple[float, ...]:
    """The distance to the minimum after each step as the linear theory predicts it
    (float64 matrix powers, buffer starting at 0); stops early at overflow."""
    low = core.MINIMUM[OBJECTIVE]
    offset = (start[0] - low[0], start[1] - low[1])
    states = []
    for lam, vec in zip(curvatures.eigenvalues, curvatures.eigenvectors, strict=True):
        x = vec[0] * offset[0] + vec[1] * offset[1]
        states.append((iteration_matrix(lr, momentum, lam), torch.tensor([0.0, x],
                                                                        dtype=THEORY_DTYPE)))
    out = [math.hypot(*offset)]
    for _ in range(steps):
        states = [(m, m @ s) for m, s in states]
        d = math.hypot(*(float(s[1]) for _, s in states))
        if not math.isfinite(d):
            break
        out.append(d)
    return tuple(out)


def steps_to_shrink_run(dists, factor: float = SHRINK) -> int | None:
    """The first step from which the run's distance stays ``factor`` times below
    its start (within the recorded steps); None if it is not there at the end."""
    if not dists or dists[0] == 0:
        return None
    target = dists[0] / factor
    if dists[-1] > target:
        return None
    k = len(dists) - 1
    while k > 0 and dists[k - 1] <= target:
        k -= 1
    return k


def _same_pace(measured: float, predicted: float) -> bool:
    if measured <= 0 or predicted <= 0:
        return measured == predicted
    return abs(math.log(measured) - math.log(predicted)) <= SETTLED_TOLERANCE * abs(
        math.log(predicted))


@dataclass(frozen=True)
class RateReport:
    """Theory next to one real run of the valley, for the page's sentences.

    ``status``: ``diverges`` (predicted rate ≥ 1), ``at_minimum`` (the start is
    the minimum), ``short`` (too few steps to measure), ``settled`` (the
    measured rate is steady and shrinks at the predicted pace, see
    ``SETTLED_TOLERANCE``) or ``unsettled``. ``window_theory`` is the theory's own shrink factor over the
    measured window from the same start: it shows why an unsettled run's rate
    differs from the asymptotic one (oscillation, the slow direction not yet
    dominating) without any fitting.
    """

    lr: float
    momentum: float
    eigenvalues: tuple[float, float]
    mode_rates: tuple[float, float]
    oscillating: tuple[bool, bool]
    predicted: float
    boundary_lr: float
    measurement: Measurement
    window_theory: float | None
    status: str
    steps_theory: int | None
    steps_run: int | None
    shrunk: float | None  # start distance / last distance of the run
    run_steps: int
    run_diverged: bool
    # The start's offset from the minimum along each eigenvector (same order as
    # ``eigenvalues``): a direction with 0 here is one the run never moves in.
    components: tuple[float, float] = (0.0, 0.0)

    def moving(self) -> tuple[int, ...]:
        """The eigen-directions the run moves in (index into ``eigenvalues``)."""
        size = max(abs(c) for c in self.components)
        return tuple(i for i, c in enumerate(self.components) if size and abs(c) > 1e-12 * size)

    def unsettled_reason(self) -> str:
        """Why an unsettled run's rate is not ρ, from the directions it moves in:
        ``swing`` (a moving direction has complex eigenvalues), ``mix`` (it moves in
        both, the slower has not taken over), ``one_direction`` (it moves only in
        the faster direction: ρ belongs to the one it never moves in) or ``double``
        (one direction with a double or nearly double real eigenvalue: the error
        falls like k·ρᵏ, e.g. from (1, 1) at lr 0.01, μ 0.81)."""
        moving = self.moving()
        if any(self.oscillating[i] for i in moving):
            return "swing"
        if len(moving) != 1:
            return "mix"
        (i,) = moving
        # (Rounding aside: at lr 0.01, μ 0.81 both directions have radius 0.9.)
        if self.mode_rates[i] < self.predicted * (1.0 - 1e-9):
            return "one_direction"
        return "double"


def direction_components(start, curvatures: Curvatures) -> tuple[float, float]:
    """The start's offset from the valley's minimum along each eigenvector."""
    low = core.MINIMUM[OBJECTIVE]
    offset = (start[0] - low[0], start[1] - low[1])
    return tuple(v[0] * offset[0] + v[1] * offset[1] for v in curvatures.eigenvectors)


def double_root_gap(lr: float, momentum: float, curvature: float) -> float | None:
    """How far apart the direction's two real eigenvalues are, relative to the
    larger one (0 = a double root); None when they are complex."""
    trace = 1.0 + momentum - lr * curvature
    disc = trace * trace - 4.0 * momentum
    if disc < 0:
        return None
    big = (abs(trace) + math.sqrt(disc)) / 2.0
    return math.sqrt(disc) / big if big else 0.0


def rate_report(run: core.SGDRun, start, curvatures: Curvatures) -> RateReport:
    """Predicted rate, measured rate, status and 100-fold step counts for ``run``."""
    lr, momentum = run.lr, run.momentum
    modes = tuple(mode_rate(lr, momentum, lam) for lam in curvatures.eigenvalues)
    predicted = max(modes)
    dists = distances(run)
    measurement = measure_rate(dists)
    window_theory = None
    if measurement.rate is not None:
        theory = theory_distances(lr, momentum, start, curvatures, measurement.last)
        if len(theory) > measurement.last and theory[measurement.first] > 0:
            window_theory = (theory[measurement.last] / theory[measurement.first]) ** (
                1.0 / (measurement.last - measurement.first))
    if predicted >= 1.0:
        status = "diverges"
    elif dists[0] == 0:
        status = "at_minimum"
    elif measurement.rate is None:
        status = "short"
    elif measurement.steady and _same_pace(measurement.rate, predicted):
        status = "settled"
    else:
        status = "unsettled"
    last = dists[-1]
    return RateReport(
        lr=lr,
        momentum=momentum,
        eigenvalues=curvatures.eigenvalues,
        mode_rates=modes,
        oscillating=tuple(oscillates(lr, momentum, lam) for lam in curvatures.eigenvalues),
        predicted=predicted,
        boundary_lr=boundary_lr(momentum, curvatures),
        measurement=measurement,
        window_theory=window_theory,
        status=status,
        steps_theory=steps_to_shrink(predicted),
        steps_run=steps_to_shrink_run(dists),
        shrunk=dists[0] / last if last > 0 and not run.diverged else None,
        run_steps=run.finite_steps,
        run_diverged=run.diverged,
        components=direction_components(start, curvatures),
    )


@dataclass(frozen=True)
class RateMap:
    """Measured rates of real SGD runs over learning rates × momenta, from one start.

    Row j is ``momenta[j]``, column i is ``lrs[i]``. ``measured`` is None where
    nothing could be measured; ``blew_up`` marks runs that overflowed or ended
    farther from the minimum than they started; ``predicted`` is the theory's
    rate for the same cell. ``kind`` sorts a cell for the map's colours.
    """

    lrs: tuple[float, ...]
    momenta: tuple[float, ...]
    start: tuple[float, float]
    steps: int
    measured: tuple[tuple[float | None, ...], ...]
    steady: tuple[tuple[bool, ...], ...]
    blew_up: tuple[tuple[bool, ...], ...]
    predicted: tuple[tuple[float, ...], ...]
    curvatures: Curvatures
    optimum: Optimum

    def kind(self, j: int, i: int) -> str:
        """``blew_up``; ``swing``: the run ended nearer the minimum, but its distance
        grew over the measured last half (rate ≥ 1, it was in an upswing: at
        lr 0.03/μ 0.96 from (2, 3) ρ = 0.980, measured 1.003); ``unmeasured``
        (too few steps above ``DISTANCE_FLOOR``) or ``rate`` (a measured rate < 1)."""
        rate = self.measured[j][i]
        if self.blew_up[j][i]:
            return "blew_up"
        if rate is None:
            return "unmeasured"
        return "swing" if rate >= 1.0 else "rate"


def grid_distances(lrs, momenta, start, steps: int) -> list[list[tuple[float, ...]]]:
    """Distances to the minimum of real ``torch.optim.SGD`` runs, one per (momentum, lr).

    All runs advance together in ONE optimizer with one param group per cell
    (its own lr and momentum) and one loss, the sum of each cell's valley loss
    from ``optimizer.loss_of``: the cells do not interact, each gets exactly the
    float32 updates ``optimizer.run_sgd`` would make (the tests compare them),
    and the whole map costs one backward per step instead of one per cell.
    A cell's record stops at its first non-finite distance.
    """
    cells = [(m, lr) for m in momenta for lr in lrs]
    params = [torch.tensor(start, dtype=core.DTYPE, requires_grad=True) for _ in cells]
    optim = torch.optim.SGD([{"params": [p], "lr": lr, "momentum": m}
                             for p, (m, lr) in zip(params, cells, strict=True)], lr=lrs[0])
    low = core.MINIMUM[OBJECTIVE]
    first = params[0].tolist()
    records = [[math.hypot(first[0] - low[0], first[1] - low[1])] for _ in cells]
    alive = [True] * len(cells)
    for _ in range(steps):
        optim.zero_grad()
        core.loss_of(OBJECTIVE, torch.stack(params, dim=1)).sum().backward()
        optim.step()
        with torch.no_grad():
            points = torch.stack(params, dim=1)
            losses = core.loss_of(OBJECTIVE, points).tolist()
        # Same stop rule and distance arithmetic as run_sgd + distances().
        for index, (x, y, loss) in enumerate(zip(*points.tolist(), losses, strict=True)):
            if not alive[index]:
                continue
            if math.isfinite(loss) and math.isfinite(x) and math.isfinite(y):
                records[index].append(math.hypot(x - low[0], y - low[1]))
            else:
                alive[index] = False
        if not any(alive):
            break
    width = len(lrs)
    return [[tuple(records[j * width + i]) for i in range(width)] for j in range(len(momenta))]


def rate_map(lrs, start, momenta=MAP_MOMENTA, steps: int = MAP_STEPS) -> RateMap:
    """Measured rates of real SGD runs on the valley for every (lr, momentum) pair."""
    curvatures = valley_curvatures()
    runs = grid_distances(lrs, momenta, start, steps)
    measured, steady, blew_up, predicted = [], [], [], []
    for j, momentum in enumerate(momenta):
        row_m, row_s, row_b, row_p = [], [], [], []
        for i, lr in enumerate(lrs):
            dists = runs[j][i]
            m = measure_rate(dists)
            row_m.append(m.rate)
            row_s.append(m.steady)
            row_b.append(len(dists) <= steps or dists[-1] > dists[0])
            row_p.append(predicted_rate(lr, momentum, curvatures))
        measured.append(tuple(row_m))
        steady.append(tuple(row_s))
        blew_up.append(tuple(row_b))
        predicted.append(tuple(row_p))
    return RateMap(
        lrs=tuple(float(x) for x in lrs),
        momenta=tuple(momenta),
        start=(float(start[0]), float(start[1])),
        steps=steps,
        measured=tuple(measured),
        steady=tuple(steady),
        blew_up=tuple(blew_up),
        predicted=tuple(predicted),
        curvatures=curvatures,
        optimum=optimum(curvatures),
    )


@dataclass(frozen=True)
class ShortRace:
    """Where real runs stand after ``steps`` steps: Goh's optimum vs the same α*
    with other momenta. ``best_momentum`` ends closest to the minimum."""

    steps: int
    optimum: Optimum
    optimum_distance: float
    best_momentum: float
    best_distance: float
    best_rate: float


def short_race(start, steps: int = 50, momenta=tuple(k / 100 for k in range(100))) -> ShortRace:
    """Run real SGD at lr = α* for every momentum in ``momenta`` and at μ* itself.

    The rate is a long-run promise: over a few dozen steps a slightly different
    momentum can end closer, because at (α*, μ*) both directions are critically
    damped and the error falls like k·ρ*ᵏ, not ρ*ᵏ.
    """
    curvatures = valley_curvatures()
    best = optimum(curvatures)
    rows = grid_distances((best.lr,), (*momenta, best.momentum), start, steps)
    finals = [row[0][-1] if len(row[0]) == steps + 1 else math.inf for row in rows]
    index = min(range(len(momenta)), key=lambda k: finals[k])
    return ShortRace(
        steps=steps,
        optimum=best,
        optimum_distance=finals[-1],
        best_momentum=momenta[index],
        best_distance=finals[index],
        best_rate=predicted_rate(best.lr, momenta[index], curvatures),
    )


def fastest_cell(rates: RateMap) -> tuple[float, float, float] | None:
    """(lr, momentum, measured rate) of the map's fastest converging, steady cell."""
    best = None
    for j, momentum in enumerate(rates.momenta):
        for i, lr in enumerate(rates.lrs):
            rate = rates.measured[j][i]
            if rate is None or rates.blew_up[j][i] or not rates.steady[j][i]:
                continue
            if best is None or rate < best[2]:
                best = (lr, momentum, rate)
    return best
