"""The optimizer core against a hand-written momentum rule and closed-form gradients.

PyTorch's SGD (dampening 0, no Nesterov): at step k the buffer is
v_k = μ·v_{k−1} + g_k with v_1 = g_1, and the parameter p_k = p_{k−1} − lr·v_k.
The checks below recompute every recorded step from that rule and from the
gradients derived by hand, over many random settings of every objective.
"""

import math
import random
import re

import pytest
import torch

from components.core import optimizer as core
from components.core.optimizer_snippet import optimizer_snippet
from components.ui.panels import labels_for
from components.ui.schema import LR_CHOICES

F, W, S = core.VALLEY_FLOOR, core.VALLEY_WALL, core.ROSENBROCK_STEEPNESS


def hand_loss(objective, p):
    """The loss and the sum of its terms' magnitudes (for a float32 tolerance)."""
    if objective == "q":
        a, b = p[:2], p[2:]
        value = sum(3 * x**3 - y**2 for x, y in zip(a, b, strict=True))
        size = sum(3 * abs(x) ** 3 + y**2 for x, y in zip(a, b, strict=True))
    elif objective == "valley":
        x, y = p
        value = F * (x + y) ** 2 + W * (x - y) ** 2
        size = (F + W) * (abs(x) + abs(y)) ** 2
    else:
        x, y = p
        value = (1 + x) ** 2 + S * (y - x**2) ** 2
        size = (1 + abs(x)) ** 2 + S * (abs(y) + x**2) ** 2
    return value, size


def hand_gradient(objective, p):
    """∂loss/∂p derived by hand, and each component's term magnitudes."""
    if objective == "q":
        a, b = p[:2], p[2:]
        grad = [9 * x**2 for x in a] + [-2 * y for y in b]
        return grad, [abs(g) for g in grad]
    x, y = p
    if objective == "valley":
        grad = [2 * F * (x + y) + 2 * W * (x - y), 2 * F * (x + y) - 2 * W * (x - y)]
        size = 2 * (F + W) * (abs(x) + abs(y))
        return grad, [size, size]
    grad = [2 * (1 + x) - 4 * S * x * (y - x**2), 2 * S * (y - x**2)]
    return grad, [2 * (1 + abs(x)) + 4 * S * abs(x) * (abs(y) + x**2), 2 * S * (abs(y) + x**2)]


def _start(rng, objective):
    a = (round(rng.uniform(-3, 3), 1), round(rng.uniform(-3, 3), 1))
    b = (round(rng.uniform(-6, 6), 1), round(rng.uniform(-6, 6), 1))
    return a, b


RNG = random.Random(4)
SETTINGS = []
for _ in range(90):
    objective = RNG.choice(core.OBJECTIVES)
    a, b = _start(RNG, objective)
    SETTINGS.append((objective, a, b, RNG.choice(LR_CHOICES), RNG.choice([0.0, 0.5, 0.9, 0.99, round(RNG.uniform(0, 0.99), 2)]),
                     RNG.randint(1, 80)))


def _close(x, y, scale, rel=1e-5):
    return abs(x - y) <= rel * scale + 1e-6


def test_tutorial_first_step_by_hand():
    run = core.run_sgd("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 1)
    assert run.losses[0] == 53.0  # Q = [-12, 65]
    assert run.grads[0] == (36.0, 81.0, -12.0, -8.0)  # 9a², −2b
    assert run.buffers[0] == run.grads[0]  # the buffer starts as the gradient
    expected = [2 - 0.01 * 36, 3 - 0.01 * 81, 6 + 0.01 * 12, 4 + 0.01 * 8]
    assert run.params[1] == pytest.approx(expected, rel=1e-6)
    a, b = expected[:2], expected[2:]
    assert run.losses[1] == pytest.approx(sum(3 * x**3 - y**2 for x, y in zip(a, b, strict=True)), rel=1e-5)
    assert run.losses[1] < run.losses[0]


@pytest.mark.parametrize("objective,a,b,lr,momentum,steps", SETTINGS)
def test_every_step_follows_the_hand_written_rule(objective, a, b, lr, momentum, steps):
    run = core.run_sgd(objective, a, b, lr, momentum, steps)
    n = run.finite_steps
    assert len(run.params) == n + 1 and len(run.grads) == n
    assert len(run.buffers) == (n if momentum else 0)  # no buffer at all with momentum 0
    start = tuple(a) + (tuple(b) if objective == "q" else ())
    assert run.params[0] == pytest.approx(start, abs=1e-6)
    previous_v = None
    for k in range(1, n + 1):
        p_old, p_new, g = run.params[k - 1], run.params[k], run.grads[k - 1]
        grad, sizes = hand_gradient(objective, p_old)
        for i in range(len(g)):
            assert _close(g[i], grad[i], sizes[i]), (k, i, g[i], grad[i])
        if momentum:
            v_torch = run.buffers[k - 1]
            if previous_v is None:
                assert v_torch == g  # first step: buffer = clone of the gradient
                v = list(g)
            else:
                v = [momentum * pv + gi for pv, gi in zip(previous_v, g, strict=True)]
                for i in range(len(v)):
                    scale = abs(momentum * previous_v[i]) + abs(g[i])
                    assert abs(v_torch[i] - v[i]) <= 1e-6 * scale + 1e-30, (k, i)
            previous_v = v_torch
        else:
            v = list(g)
        for i in range(len(v)):
            expected = p_old[i] - lr * v[i]
            scale = abs(p_old[i]) + abs(lr * v[i])
            assert abs(p_new[i] - expected) <= 1e-6 * scale + 1e-30, (k, i)
        value, size = hand_loss(objective, p_new)
        assert _close(run.losses[k], value, size), (k, run.losses[k], value)
    # Stopped exactly when a value stopped being finite, never otherwise.
    if run.diverged:
        assert run.diverged_at == n + 1 and not math.isfinite(run.stop_value)
    else:
        assert n == steps and run.stop_value is None
    assert all(math.isfinite(v) for v in run.losses)
    assert all(math.isfinite(x) for p in run.params for x in p)


def _hand_run(objective, p, lr, momentum, steps):
    """The whole trajectory in float64 Python, no torch at all."""
    p = list(p)
    v = None
    losses = [hand_loss(objective, p)[0]]
    for _ in range(steps):
        g = hand_gradient(objective, p)[0]
        v = list(g) if v is None or momentum == 0 else [momentum * x + y for x, y in zip(v, g, strict=True)]
        p = [x - lr * y for x, y in zip(p, v, strict=True)]
        losses.append(hand_loss(objective, p)[0])
    return losses, p


@pytest.mark.parametrize("objective,start,lr,momentum,steps", [
    ("valley", (2.0, 3.0), 0.01, 0.9, 50),
    ("valley", (-3.0, 1.5), 0.01, 0.0, 50),
    ("valley", (0.5, -2.5), 0.03, 0.5, 40),
    ("rosenbrock", (2.0, 3.0), 0.01, 0.9, 50),
    ("rosenbrock", (-2.0, 2.0), 0.003, 0.95, 60),
    ("rosenbrock", (0.0, 0.0), 0.01, 0.0, 50),
    ("q", (2.0, 3.0, 6.0, 4.0), 0.01, 0.9, 8),
    ("q", (1.0, -0.5, 2.0, -3.0), 0.001, 0.5, 30),
])
def test_whole_trajectory_matches_a_float64_hand_run(objective, start, lr, momentum, steps):
    a, b = start[:2], start[2:] or (0.0, 0.0)
    run = core.run_sgd(objective, a, b, lr, momentum, steps)
    losses, final = _hand_run(objective, start, lr, momentum, steps)
    assert run.finite_steps == steps
    assert run.losses == pytest.approx(losses, rel=1e-3, abs=1e-4)
    assert run.params[-1] == pytest.approx(final, rel=1e-3, abs=1e-4)


def test_tutorial_q_with_momentum_diverges_and_stops_cleanly():
    comparison = core.compare_momentum("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 50)
    chosen, plain = comparison.with_momentum, comparison.plain
    assert chosen.diverged and chosen.stop_value == -math.inf
    assert chosen.finite_steps == chosen.diverged_at - 1 < 50
    assert not plain.diverged and plain.finite_steps == 50
    # Q has no minimum: every plain step still lowers the loss.
    assert all(b < a for a, b in zip(plain.losses, plain.losses[1:], strict=False))
    # Momentum drives a below zero, where 9a² only grows.
    assert min(chosen.params[-1][:2]) < -100


@pytest.mark.parametrize("objective,a,lr,momentum", [
    ("q", (-3.0, 3.0), 1.0, 0.0),
    ("q", (2.0, 3.0), 0.3, 0.99),
    ("valley", (2.0, 3.0), 1.0, 0.9),
    ("valley", (3.0, -3.0), 0.1, 0.0),
    ("rosenbrock", (3.0, -3.0), 1.0, 0.5),
    ("rosenbrock", (2.0, 3.0), 0.1, 0.9),
])
def test_huge_learning_rates_stop_without_raising(objective, a, lr, momentum):
    run = core.run_sgd(objective, a, (6.0, -6.0), lr, momentum, 200)
    assert run.diverged
    assert not math.isfinite(run.stop_value)
    assert all(math.isfinite(v) for v in run.losses)
    assert all(math.isfinite(x) for row in run.params + run.grads + run.buffers for x in row)


@pytest.mark.parametrize("objective,a,b,lr,momentum,steps", SETTINGS[:40])
def test_momentum_cannot_change_the_first_step(objective, a, b, lr, momentum, steps):
    comparison = core.compare_momentum(objective, a, b, lr, momentum, steps)
    chosen, plain = comparison.with_momentum, comparison.plain
    if momentum == 0:
        assert chosen is plain and comparison.parts_at is None
    if chosen.finite_steps and plain.finite_steps:
        assert comparison.first_step_identical is True
        assert chosen.params[1] == plain.params[1]
        assert chosen.losses[1] == plain.losses[1]
    if comparison.parts_at is not None:
        assert comparison.parts_at >= 2
        k = comparison.parts_at
        assert chosen.params[k] != plain.params[k] and chosen.params[k - 1] == plain.params[k - 1]


def test_runs_part_at_step_two_by_default():
    for objective in core.OBJECTIVES:
        comparison = core.compare_momentum(objective, (2.0, 3.0), (6.0, 4.0), 0.01, 0.9, 5)
        assert comparison.parts_at == 2
        assert comparison.first_step_identical is True


@pytest.mark.parametrize("objective,a,b,lr,momentum,steps", SETTINGS[:30])
def test_step_breakdown_matches_torch(objective, a, b, lr, momentum, steps):
    run = core.run_sgd(objective, a, b, lr, momentum, steps)
    for step in range(1, min(run.finite_steps, 3) + 1):
        breakdown = core.step_breakdown(run, step)
        assert all(breakdown.close)
        assert breakdown.p_torch == run.params[step] and breakdown.grad == run.grads[step - 1]
        if step == 1 or momentum == 0:
            assert breakdown.v_hand == pytest.approx(breakdown.grad)
            assert all(v is None for v in breakdown.v_before)
        else:
            assert breakdown.v_before == run.buffers[step - 2]
            expected = [momentum * v + g for v, g in zip(run.buffers[step - 2], breakdown.grad,
                                                              strict=True)]
            assert breakdown.v_hand == pytest.approx(expected, rel=1e-5, abs=1e-6)
    with pytest.raises(ValueError):
        core.step_breakdown(run, run.finite_steps + 1)


def test_loss_of_has_the_hand_gradients():
    for objective in core.LANDSCAPES:
        for point in [(2.0, 3.0), (-1.3, 0.4), (0.0, 0.0)]:
            a = torch.tensor(point, dtype=torch.float64, requires_grad=True)
            core.loss_of(objective, a).backward()
            assert a.grad.tolist() == pytest.approx(hand_gradient(objective, point)[0], rel=1e-12)
        a = torch.tensor([0.7, -1.1], dtype=torch.float64, requires_grad=True)
        assert torch.autograd.gradcheck(lambda x, o=objective: core.loss_of(o, x), (a,))


def test_landscape_grid_and_minimum():
    for objective in core.LANDSCAPES:
        grid = core.landscape_grid(objective, -3.5, 3.5, points=71)
        assert len(grid.x) == len(grid.y) == len(grid.z) == 71 and len(grid.z[0]) == 71
        for j, i in [(0, 0), (10, 60), (35, 35), (70, 3)]:
            assert grid.z[j][i] == pytest.approx(hand_loss(objective, (grid.x[i], grid.y[j]))[0])
        assert hand_loss(objective, grid.minimum)[0] == 0
        lowest = min(min(row) for row in grid.z)
        assert lowest >= 0 and lowest < 0.05
    with pytest.raises(ValueError):
        core.landscape_grid("q", -3, 3)


@pytest.mark.parametrize("objective,a,lr,momentum,steps", [
    ("q", (2.0, 3.0), 0.01, 0.9, 50),  # diverges with momentum
    ("q", (-1.5, 0.5), 0.001, 0.0, 20),
    ("valley", (2.0, 3.0), 0.01, 0.9, 50),
    ("valley", (2.0, 3.0), 1.0, 0.5, 30),  # both runs diverge
    ("rosenbrock", (2.0, 3.0), 0.01, 0.9, 50),
    ("rosenbrock", (-2.5, 1.0), 0.003, 0.0, 10),
])
def test_snippet_prints_the_page_numbers(objective, a, lr, momentum, steps, capsys):
    b = (6.0, 4.0)
    comparison = core.compare_momentum(objective, a, b, lr, momentum, steps)
    namespace: dict = {}
    notes = labels_for("optimizer.code", "ko" if momentum else "en")
    exec(optimizer_snippet(objective, a, b, lr, momentum, steps, notes=notes), namespace)
    output = capsys.readouterr().out
    assert namespace["losses"] == list(comparison.with_momentum.losses)
    if momentum:
        assert namespace["plain_losses"] == list(comparison.plain.losses)
        buffer = namespace["optim"].state[namespace["a"]]["momentum_buffer"]
        if not comparison.with_momentum.diverged:
            assert tuple(buffer.tolist()) == comparison.with_momentum.buffers[-1][:2]
    else:
        assert "plain_losses" not in namespace
        assert namespace["optim"].state[namespace["a"]] == {}
    assert notes["print_before"] + " " + repr(comparison.with_momentum.losses[0]) in output
    # The printed labels follow the page's language (ko when momentum ≠ 0 here).
    assert ("첫 optim.step() 전의 손실:" in output) == bool(momentum)
    for run in (comparison.with_momentum, comparison.plain):
        if run.diverged:
            stop = notes["print_stop"].split("{loss}")[0].format(momentum=run.momentum,
                                                                 step=run.diverged_at)
            assert stop in output, (stop, output)


@pytest.mark.parametrize("objective", ["q", "valley", "rosenbrock"])
def test_snippet_comments_follow_the_language(objective):
    ko, en = (optimizer_snippet(objective, (2.0, 3.0), (6.0, 4.0), 0.01, momentum, 5,
                                notes=labels_for("optimizer.code", lang))
              for lang, momentum in (("ko", 0.9), ("en", 0.9)))
    assert ko != en and ko.count("#") == en.count("#")
    # One symbol per meaning: the momentum buffer is buf, never v.
    assert "buf = momentum*buf + grad" in ko and "v = momentum" not in ko + en
    korean = [line for line in ko.splitlines() if "#" in line]
    assert all(re.search("[가-힣]", line.split("#", 1)[1]) or "buf" in line for line in korean)
