"""Predict mode's answers against closed forms, and how guesses are read and judged."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.core import checkpoints as cp
from components.core.accumulation import repeated_backward
from components.core.gradients import gradients_of_q
from components.core.optimizer import VALLEY_FLOOR, VALLEY_WALL, run_sgd
from components.core.resnet import GROUPS, train_resnet
from components.core.resnet_weights import load_random

# The sliders' grids: a and b in steps of 0.1, v in steps of 0.05.
grid_a = st.integers(-30, 30).map(lambda k: k / 10)
grid_b = st.integers(-60, 60).map(lambda k: k / 10)
grid_v = st.integers(-20, 20).map(lambda k: k / 20)


def f32(x: float) -> float:
    """Float32 arithmetic is what torch gives; compare with this much slack."""
    return pytest.approx(x, rel=1e-5, abs=1e-5)


# --- judging -----------------------------------------------------------------

@pytest.mark.parametrize("guess,answer,right", [
    (36, 36, True), (36.36, 36, True), (35.64, 36, True), (36.37, 36, False), (35.6, 36, False),
    (0.01, 0, True), (-0.01, 0, True), (0.011, 0, False),
    (0.5, 0.5, True), (0.509, 0.5, True), (0.511, 0.5, False),  # 1 % of 0.5 < 0.01: the floor
    (-1000, -1009, True), (-1000, -1011, False),
    (math.inf, 36, False), (36, math.nan, False),
])
def test_guess_is_right_within_one_percent_or_a_hundredth(guess, answer, right):
    assert cp.is_close_guess(guess, answer) is right


def test_tolerance_is_the_larger_of_relative_and_absolute():
    assert cp.tolerance(36) == pytest.approx(0.36)
    assert cp.tolerance(-200) == pytest.approx(2.0)
    assert cp.tolerance(0.3) == 0.01 and cp.tolerance(0) == 0.01


@pytest.mark.parametrize("raw,value,problem", [
    (None, None, "empty"), ("", None, "empty"), ("   ", None, "empty"),
    ("abc", None, "not_number"), ("1,5", None, "not_number"), ("0x10", None, "not_number"),
    ("nan", None, "not_finite"), ("-inf", None, "not_finite"), ("1e999", None, "not_finite"),
    (math.nan, None, "not_finite"), (math.inf, None, "not_finite"), (True, None, "not_number"),
    ("9" * 400, None, "too_long"),
    (" 36 ", 36.0, None), ("−2.5", -2.5, None), ("1e3", 1000.0, None), (7, 7.0, None), (-0.25, -0.25, None),
])
def test_parse_guess(raw, value, problem):
    parsed = cp.parse_guess(raw)
    assert (parsed.value, parsed.problem) == (value, problem)


# --- gradients: a.grad[0] = 9·a₁²·v₁ -----------------------------------------

@settings(max_examples=40, deadline=None)
@given(a1=grid_a, a2=grid_a, b1=grid_b, b2=grid_b, v1=grid_v, v2=grid_v)
def test_a1_grad_is_nine_a_squared_v(a1, a2, b1, b2, v1, v2):
    answer = cp.a1_grad((a1, a2), (b1, b2), (v1, v2))
    assert answer.value == f32(9 * a1**2 * v1)
    assert answer.value == gradients_of_q((a1, a2), (b1, b2), (v1, v2)).a_grad[0]
    # No slip can be mistaken for the answer, and no two slips for each other.
    for _, slip in answer.slips:
        assert not cp.is_close_guess(slip, answer.value)


def test_a1_grad_names_the_misconception_behind_a_wrong_guess():
    answer = cp.a1_grad((2.0, 3.0), (6.0, 4.0), (0.5, 1.0))
    assert answer.value == 18.0
    assert answer.judge(18.1) and not answer.judge(18.5)
    assert answer.slip_for(36) == "forgot_v"  # 9a² without v
    assert answer.slip_for(-12) == "q_value"  # 3·8 − 36
    assert answer.slip_for(6) == "power_rule"  # 3a²·v
    assert answer.slip_for(-6) == "b_grad"  # −2b·v
    assert answer.slip_for(100) is None


# --- accumulation: a.grad[0] after `calls` backward calls -----------------------

@settings(max_examples=30, deadline=None)
@given(a1=grid_a, b1=grid_b, calls=st.integers(1, 10), zero=st.booleans(),
       graph=st.sampled_from(("rebuild", "retain")))
def test_a1_grad_calls_adds_up_unless_reset(a1, b1, calls, zero, graph):
    answer = cp.a1_grad_calls((a1, 3.0), (b1, 4.0), calls, zero, graph)
    assert answer.value == f32((1 if zero else calls) * 9 * a1**2)
    history = repeated_backward((a1, 3.0), (b1, 4.0), calls, zero, graph)
    assert answer.value == history.a_grads[-1][0]


def test_accumulation_misconceptions():
    adding = cp.a1_grad_calls((2.0, 3.0), (6.0, 4.0), 3, zero=False)
    assert adding.value == 108.0 and adding.slip_for(36) == "overwrite"
    resetting = cp.a1_grad_calls((2.0, 3.0), (6.0, 4.0), 3, zero=True)
    assert resetting.value == 36.0
    assert resetting.slip_for(108) == "no_reset" and resetting.slip_for(0) == "zero_after"
    # One call: adding and resetting agree, so "overwrite" is no misconception there.
    assert cp.a1_grad_calls((2.0, 3.0), (6.0, 4.0), 1, zero=False).slips == ()


def test_second_backward_really_raises():
    answer = cp.second_backward((2.0, 3.0), (6.0, 4.0))
    assert answer.value == "error" and answer.options == cp.BACKWARD_OUTCOMES
    assert answer.facts["after"] == 36.0  # the first call's a.grad[0] is kept
    assert answer.judge("error") and not answer.judge("adds")
    assert answer.slip_for("adds") == "adds" and answer.slip_for("error") is None


# --- optimizer: a₁ after the first optim.step() ---------------------------------

def _first_gradient(objective, a1, a2):
    if objective == "q":
        return 9 * a1**2
    if objective == "valley":
        return 2 * VALLEY_FLOOR * (a1 + a2) + 2 * VALLEY_WALL * (a1 - a2)
    return 2 * (1 + a1) - 20 * a1 * (a2 - a1**2)


@settings(max_examples=40, deadline=None)
@given(objective=st.sampled_from(("q", "valley", "rosenbrock")), a1=grid_a, a2=grid_a, b1=grid_b,
       lr=st.sampled_from((0.0001, 0.001, 0.01, 0.1, 1.0)), momentum=st.sampled_from((0.0, 0.5, 0.9, 0.99)))
def test_a1_after_step_is_a_minus_lr_g(objective, a1, a2, b1, lr, momentum):
    answer = cp.a1_after_step(objective, (a1, a2), (b1, 4.0), lr, momentum)
    g1 = _first_gradient(objective, a1, a2)
    assert answer.value == pytest.approx(a1 - lr * g1, rel=1e-4, abs=1e-4)
    run = run_sgd(objective, (a1, a2), (b1, 4.0), lr, momentum, 1)
    assert answer.value == run.params[1][0]
    # Momentum cannot change the first step.
    assert answer.value == cp.a1_after_step(objective, (a1, a2), (b1, 4.0), lr, 0.0).value


def test_optimizer_misconceptions():
    # Q at a₁ = 2: g₁ = 36; lr 0.01 → 2 − 0.36 = 1.64.
    answer = cp.a1_after_step("q", (2.0, 3.0), (6.0, 4.0), 0.01, 0.9)
    assert answer.value == f32(1.64)
    assert answer.slip_for(2.36) == "plus_sign"
    assert answer.slip_for(-34) == "no_lr"
    assert answer.slip_for(2.0) == "no_move"
    assert answer.slip_for(-0.36) == "change_only"
    assert answer.slip_for(36) == "gradient_only"
    assert answer.slip_for(2 - 0.01 * 1.9 * 36) == "momentum"
    assert answer.facts["g1"] == 36.0


@pytest.mark.parametrize("objective", ["q", "valley", "rosenbrock"])
@pytest.mark.parametrize("lr", [0.0001, 0.01, 1.0])
def test_momentum_does_not_change_the_first_loss(objective, lr):
    answer = cp.momentum_first_loss(objective, (2.0, 3.0), (6.0, 4.0), lr)
    assert answer.value == "same"
    assert answer.facts["after_momentum"] == answer.facts["after_plain"]


# --- resnet --------------------------------------------------------------------

@pytest.fixture(scope="module")
def resnet_run():
    return train_resnet(load_random(), 0.01, 0.9, 1, 0, 32)


def test_largest_grad_layer_is_the_group_of_the_longest_bar(resnet_run):
    answer = cp.largest_grad_layer(resnet_run)
    largest = max(resnet_run.parameters, key=lambda p: p.grad_norm)
    assert answer.value == largest.group and answer.options == GROUPS
    assert answer.facts["name"] == largest.name and answer.facts["norm"] == largest.grad_norm
    for group in GROUPS:
        assert answer.facts[f"group_{group}"] <= largest.grad_norm


def test_loss_after_step_direction(resnet_run):
    answer = cp.loss_after_step(resnet_run)
    before, after = resnet_run.losses[:2]
    assert answer.value == ("lower" if after < before else "higher" if after > before else "same")
    assert (answer.facts["before"], answer.facts["after"]) == (before, after)
