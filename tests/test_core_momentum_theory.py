"""The momentum theory (Goh 2017) against real torch.optim.SGD runs on the valley."""

import math
import random

import pytest
import torch

from components.core import momentum_theory as mt
from components.core.optimizer import VALLEY_FLOOR, VALLEY_WALL, loss_of, run_sgd
from components.ui.schema import LR_CHOICES, MOMENTUM

START = (2.0, 3.0)


@pytest.fixture(scope="module")
def curvatures():
    return mt.valley_curvatures()


@pytest.fixture(scope="module")
def rate_map():
    return mt.rate_map(LR_CHOICES, START)


def test_hessian_of_the_code_loss_has_eigenvalues_1_and_40(curvatures):
    assert curvatures.eigenvalues == pytest.approx((1.0, 40.0), abs=1e-12)
    assert curvatures.condition == pytest.approx(40.0)
    # The Hessian of FLOOR·(a₁+a₂)² + WALL·(a₁−a₂)² by hand, from the code's constants.
    diagonal, off = 2 * (VALLEY_FLOOR + VALLEY_WALL), 2 * (VALLEY_FLOOR - VALLEY_WALL)
    assert curvatures.hessian == ((diagonal, off), (off, diagonal))
    # Eigenvectors: along the floor (1, 1)/√2 for λ = 1, across it (1, −1)/√2 for λ = 40.
    floor, wall = curvatures.eigenvectors
    assert abs(floor[0] * floor[1]) == pytest.approx(0.5) and floor[0] * floor[1] > 0
    assert abs(wall[0] * wall[1]) == pytest.approx(0.5) and wall[0] * wall[1] < 0
    # The curvature along each eigenvector really is its eigenvalue (finite differences).
    for lam, vec in zip(curvatures.eigenvalues, curvatures.eigenvectors, strict=True):
        h = 1e-3
        v = torch.tensor(vec, dtype=torch.float64)
        second = (loss_of("valley", h * v) - 2 * loss_of("valley", 0 * v)
                  + loss_of("valley", -h * v)) / h**2
        assert float(second) == pytest.approx(lam, rel=1e-6)


def test_mode_rate_matches_closed_forms(curvatures):
    # μ = 0: |1 − αλ|.
    for lr in LR_CHOICES:
        for lam in curvatures.eigenvalues:
            assert mt.mode_rate(lr, 0.0, lam) == pytest.approx(abs(1 - lr * lam), abs=1e-12)
    # μ > 0: the characteristic polynomial z² − (1 + μ − αλ)z + μ.
    rng = random.Random(3)
    for _ in range(200):
        lr, mu = rng.choice(LR_CHOICES), rng.uniform(0.01, 0.99)
        for lam in curvatures.eigenvalues:
            trace = 1 + mu - lr * lam
            disc = trace * trace - 4 * mu
            if disc < 0:
                expected = math.sqrt(mu)
            else:
                expected = max(abs(trace + math.sqrt(disc)), abs(trace - math.sqrt(disc))) / 2
            assert mt.mode_rate(lr, mu, lam) == pytest.approx(expected, rel=1e-9)


def test_optimum_is_goh_closed_form_and_its_rate(curvatures):
    best = mt.optimum(curvatures)
    assert best.lr == pytest.approx((2 / (1 + math.sqrt(40))) ** 2)
    assert best.momentum == pytest.approx(((math.sqrt(40) - 1) / (math.sqrt(40) + 1)) ** 2)
    assert best.rate == pytest.approx(0.726946, abs=1e-6)
    # At the optimum both directions shrink at the same rate, √μ*, and nothing is faster.
    assert mt.predicted_rate(best.lr, best.momentum, curvatures) == pytest.approx(best.rate,
                                                                                   rel=1e-6)
    rng = random.Random(5)
    for _ in range(300):
        lr, mu = best.lr * math.exp(rng.uniform(-1, 1)), rng.uniform(0, 0.99)
        assert mt.predicted_rate(lr, mu, curvatures) >= best.rate - 1e-9


def test_map_grid_covers_the_slider():
    assert len(mt.MAP_MOMENTA) >= 34
    assert mt.MAP_MOMENTA[0] == 0.0 and mt.MAP_MOMENTA[-1] == 0.99
    for mu in mt.MAP_MOMENTA:  # every cell is a value the momentum slider can take
        assert MOMENTUM.low <= mu <= MOMENTUM.high
        assert round(mu / MOMENTUM.step) * MOMENTUM.step == pytest.approx(mu, abs=1e-12)


def test_grid_runs_are_the_lessons_run_function(rate_map):
    """The batched map steps every cell exactly as run_sgd does, bit for bit."""
    grid = mt.grid_distances(LR_CHOICES, mt.MAP_MOMENTA, START, 60)
    for j in (0, 7, 30, 33):
        for i, lr in enumerate(LR_CHOICES):
            single = run_sgd("valley", START, (0.0, 0.0), lr, mt.MAP_MOMENTA[j], 60)
            assert grid[j][i] == mt.distances(single)


def test_predicted_and_measured_rates_agree_over_the_whole_map(rate_map):
    """Within 2 % wherever the real run converges and its rate is steady."""
    converging = settled = 0
    for j, mu in enumerate(rate_map.momenta):
        for i, lr in enumerate(rate_map.lrs):
            predicted, measured = rate_map.predicted[j][i], rate_map.measured[j][i]
            if predicted >= 1:
                continue
            converging += 1
            if rate_map.steady[j][i]:
                settled += 1
                assert measured == pytest.approx(predicted, rel=0.02), (lr, mu)
    # The check covers most of the map, not a handful of cells.
    assert converging == 6 * len(rate_map.momenta)
    assert settled >= 0.8 * converging


def test_divergence_boundary_matches_the_runs_that_blew_up(rate_map, curvatures):
    blew_up = 0
    for j, mu in enumerate(rate_map.momenta):
        for i, lr in enumerate(rate_map.lrs):
            beyond = lr * curvatures.eigenvalues[1] >= 2 + 2 * mu
            assert beyond == (rate_map.predicted[j][i] >= 1), (lr, mu)
            assert beyond == rate_map.blew_up[j][i], (lr, mu)
            if beyond:
                blew_up += 1
                # Too short to measure when float32 overflowed within ~12 steps.
                assert rate_map.measured[j][i] is None or rate_map.measured[j][i] > 1
            assert (lr >= mt.boundary_lr(mu, curvatures)) == beyond
    assert blew_up == 3 * len(rate_map.momenta)  # lr 0.1, 0.3 and 1 diverge at every μ


def test_theory_distances_follow_the_real_run(curvatures):
    """The 2×2 matrices reproduce the float32 run's distances, step by step."""
    rng = random.Random(11)
    for _ in range(25):
        lr, mu = rng.choice(LR_CHOICES[:6]), round(rng.uniform(0, 0.99), 2)
        start = (round(rng.uniform(-3, 3), 1), round(rng.uniform(-3, 3), 1))
        run = run_sgd("valley", start, (0.0, 0.0), lr, mu, 60)
        theory = mt.theory_distances(lr, mu, start, curvatures, 60)
        scale = math.hypot(*start)
        for measured, predicted in zip(mt.distances(run), theory, strict=True):
            assert measured == pytest.approx(predicted, rel=1e-4, abs=1e-6 * scale)


def test_measure_rate_on_exact_geometric_sequences():
    m = mt.measure_rate([3.0 * 0.9**k for k in range(41)])
    assert m.rate == pytest.approx(0.9) and m.steady and (m.first, m.last) == (20, 40)
    # An oscillating distance is not steady even though it shrinks on average.
    wobbly = [0.95**k * (1.5 + math.cos(0.4 * k)) for k in range(61)]
    assert not mt.measure_rate(wobbly).steady
    # Too few steps, a start at the minimum, and an underflow to 0.
    assert mt.measure_rate([1.0, 0.5, 0.25]).rate is None
    assert mt.measure_rate([0.0] * 50).rate is None
    underflow = [0.5**k if k < 30 else 0.0 for k in range(200)]
    assert mt.measure_rate(underflow).rate == pytest.approx(0.5)


def test_steps_to_shrink_100_fold():
    assert mt.steps_to_shrink(0.9) == math.ceil(math.log(100) / -math.log(0.9)) == 44
    assert mt.steps_to_shrink(0.99) == 459
    assert mt.steps_to_shrink(1.0) is None and mt.steps_to_shrink(1.3) is None
    # By the run: the first step from which the distance stays 100 times smaller.
    dists = [1.0, 0.5, 0.005, 0.02, 0.009, 0.001]
    assert mt.steps_to_shrink_run(dists) == 4
    assert mt.steps_to_shrink_run([1.0, 0.5, 0.2]) is None


@pytest.mark.parametrize(("lr", "mu", "steps", "expected"), [
    (0.03, 0.6, 200, "settled"), (0.1, 0.5, 200, "diverges"),
    # The tutorial's values: 50 steps are less than one slow oscillation (~71 steps).
    (0.01, 0.9, 50, "unsettled"),
    # Steady, and within 2 % of ρ = 0.995, but shrinking ~3× faster than ρ implies.
    (0.0001, 0.99, 200, "unsettled"),
])
def test_rate_report_statuses(curvatures, lr, mu, steps, expected):
    run = run_sgd("valley", START, (0.0, 0.0), lr, mu, steps)
    report = mt.rate_report(run, START, curvatures)
    assert report.status == expected
    assert report.predicted == mt.predicted_rate(lr, mu, curvatures)
    if expected == "settled":
        assert report.measurement.rate == pytest.approx(report.predicted, rel=0.02)
        assert report.steps_theory == mt.steps_to_shrink(report.predicted)
        assert report.steps_run is not None
    if expected == "unsettled":  # the theory over the same window explains the gap
        assert abs(math.log(report.measurement.rate) / math.log(report.predicted) - 1) > 0.05
        assert report.window_theory == pytest.approx(report.measurement.rate, rel=1e-3)
    if expected == "diverges":
        assert report.run_diverged and report.steps_theory is None


def test_rate_report_at_the_minimum_and_short_runs(curvatures):
    at_min = mt.rate_report(run_sgd("valley", (0.0, 0.0), (0, 0), 0.01, 0.9, 50), (0.0, 0.0),
                            curvatures)
    assert at_min.status == "at_minimum"
    short = mt.rate_report(run_sgd("valley", START, (0, 0), 0.01, 0.9, 5), START, curvatures)
    assert short.status == "short" and short.measurement.rate is None


@pytest.mark.parametrize(("lr", "beta", "end"), [
    (0.4, 0.0, (-0.943467, -0.000073)),
    (0.6, 0.0, (-0.387814, -1673.365109)),
    (0.6, 0.5, (0.007188, 0.002553)),
    (0.6, 0.25, (-0.126340, -0.186632)),
])
def test_d2l_momentum_reference_numbers(lr, beta, end):
    """D2L §12.6: f = 0.1·x₁² + 2·x₂² from (−5, −2), 20 steps, through run_sgd.

    D2L computes in float64 and prints 6 decimals; the lesson runs float32.
    """
    run = run_sgd("d2l", (-5.0, -2.0), None, lr, beta, 20,
                  loss_fn=lambda x: 0.1 * x[0] ** 2 + 2 * x[1] ** 2)
    assert run.finite_steps == 20
    assert run.params[-1] == pytest.approx(end, rel=2e-6, abs=1e-6)
    # The divergence at η = 0.6 is the theory's: |1 − η·4| = 1.4 > 1 along x₂.
    assert (abs(1 - lr * 4.0) > 1 and beta == 0) == (abs(run.params[-1][1]) > 2)


def test_optimum_is_critically_damped_and_loses_a_50_step_race(curvatures):
    """The page's claim: at (α*, μ*) both directions sit exactly on the boundary
    between real and complex eigenvalues, and over 50 steps another momentum wins."""
    best = mt.optimum(curvatures)
    for lam in curvatures.eigenvalues:
        trace = 1 + best.momentum - best.lr * lam
        assert trace * trace == pytest.approx(4 * best.momentum, rel=1e-9)
    race = mt.short_race(START)
    assert race.best_distance < race.optimum_distance
    assert race.best_rate > best.rate  # a worse long-run rate, yet closer after 50 steps
    # Both numbers are those of the lesson's run function.
    at_optimum = run_sgd("valley", START, (0.0, 0.0), best.lr, best.momentum, 50)
    winner = run_sgd("valley", START, (0.0, 0.0), best.lr, race.best_momentum, 50)
    assert mt.distances(at_optimum)[-1] == race.optimum_distance
    assert mt.distances(winner)[-1] == race.best_distance
