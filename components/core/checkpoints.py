"""Predict mode: the answers to the lessons' checkpoint questions, and how a guess is judged.

Every answer is what real PyTorch computes for the current control values (the
same core functions the lessons draw), never a formula typed in here. Along
with a number answer come the *slips*: the values a student gets from the
usual misconceptions (forgetting v, overwriting instead of adding, stepping
uphill...), computed from the same inputs, so a wrong guess can be matched to
the most likely reason it is wrong.

No streamlit, no plotly: plain dataclasses of floats and strings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

from components.core.accumulation import freed_graph_demo, repeated_backward
from components.core.gradients import DTYPE, q_of
from components.core.optimizer import compare_momentum, loss_of
from components.core.resnet import GROUPS, TrainingResult

# A guess is right within 1 % of the answer or 0.01, whichever is larger: the
# absolute floor keeps answers near 0 (a.grad at a₁ = 0) answerable by hand.
REL_TOL = 0.01
ABS_TOL = 0.01
# Longer raw text is not parsed: no legitimate number needs it.
MAX_GUESS_LENGTH = 32
# The momentum the optimizer's choice question compares with plain SGD (the tutorial's).
TUTORIAL_MOMENTUM = 0.9
LOSS_DIRECTIONS = ("lower", "same", "higher")
BACKWARD_OUTCOMES = ("adds", "same", "error", "zero")


def tolerance(answer: float) -> float:
    """How far a guess may be from ``answer`` and still count as right."""
    return max(REL_TOL * abs(answer), ABS_TOL)


def is_close_guess(guess: float, answer: float) -> bool:
    """Whether ``guess`` is within :func:`tolerance` of ``answer`` (a non-finite answer: never)."""
    if not (math.isfinite(guess) and math.isfinite(answer)):
        return False
    # The tiny factor keeps a guess exactly on the boundary (36.36 for 36) right
    # despite binary rounding of 0.01 · 36.
    return abs(guess - answer) <= tolerance(answer) * (1 + 1e-9)


@dataclass(frozen=True)
class ParsedGuess:
    """A guess read from a widget or text: the number, or what was wrong with it.

    ``problem`` is one of ``empty``, ``too_long``, ``not_number``, ``not_finite``
    (then ``value`` is None and the guess counts as not answered).
    """

    value: float | None
    problem: str | None = None


def parse_guess(raw: object) -> ParsedGuess:
    """Read a number guess; never raises. Text, NaN, ±inf and empty are problems."""
    if raw is None or isinstance(raw, bool):
        return ParsedGuess(None, "empty" if raw is None else "not_number")
    if isinstance(raw, (int, float)):
        number = float(raw)
    else:
        text = str(raw).strip()
        if not text:
            return ParsedGuess(None, "empty")
        if len(text) > MAX_GUESS_LENGTH:
            return ParsedGuess(None, "too_long")
        try:
            number = float(text.replace("−", "-"))
        except ValueError:
            return ParsedGuess(None, "not_number")
    if not math.isfinite(number):
        return ParsedGuess(None, "not_finite")
    return ParsedGuess(number)


@dataclass(frozen=True)
class NumberAnswer:
    """A number computed by torch, the likely wrong numbers, and the numbers the
    explanation quotes (``facts``)."""

    value: float
    slips: tuple[tuple[str, float], ...] = ()
    facts: dict[str, float] = field(default_factory=dict)

    def judge(self, guess: float) -> bool:
        return is_close_guess(guess, self.value)

    def slip_for(self, guess: float) -> str | None:
        """The misconception whose value the guess matches, if any (the first one listed)."""
        for name, value in self.slips:
            if is_close_guess(guess, value):
                return name
        return None


@dataclass(frozen=True)
class ChoiceAnswer:
    """The right option among ``options`` (string keys), found by running torch."""

    value: str
    options: tuple[str, ...]
    facts: dict[str, float | str] = field(default_factory=dict)

    def judge(self, guess: str) -> bool:
        return guess == self.value

    def slip_for(self, guess: str) -> str | None:
        """Each wrong option has its own misconception: the option's key names it."""
        return None if guess == self.value else guess


def _distinct_slips(answer: float, slips) -> tuple[tuple[str, float], ...]:
    """Keep the slips a student could tell apart from the answer (and from each other)."""
    kept: list[tuple[str, float]] = []
    for name, value in slips:
        if not math.isfinite(value) or is_close_guess(value, answer):
            continue
        if any(is_close_guess(value, other) for _, other in kept):
            continue
        kept.append((name, value))
    return tuple(kept)


def a1_grad(a, b, v) -> NumberAnswer:
    """``a.grad[0]`` after ``Q.backward(gradient=v)`` (the gradients lesson)."""
    a_t = torch.tensor(a, dtype=DTYPE, requires_grad=True)
    b_t = torch.tensor(b, dtype=DTYPE, requires_grad=True)
    q = q_of(a_t, b_t)
    q.backward(gradient=torch.tensor(v, dtype=DTYPE))
    value = float(a_t.grad[0])
    a1, b1, v1 = float(a[0]), float(b[0]), float(v[0])
    once = 9 * a1**2
    slips = [("forgot_v", once), ("q_value", 3 * a1**3 - b1**2),
             ("power_rule", 3 * a1**2 * v1), ("b_grad", -2 * b1 * v1)]
    return NumberAnswer(value, _distinct_slips(value, slips), {"a1": a1, "v1": v1})


def a1_grad_calls(a, b, calls: int, zero: bool, graph: str = "rebuild") -> NumberAnswer:
    """``a.grad[0]`` after ``calls`` calls of ``Q.sum().backward()`` (the accumulation lesson)."""
    history = repeated_backward(a, b, calls, zero=zero, graph=graph)
    value = history.a_grads[-1][0]
    once = repeated_backward(a, b, 1, zero=False, graph=graph).a_grads[0][0]
    if zero:
        slips = [("no_reset", calls * once), ("zero_after", 0.0)]
    else:
        slips = [("overwrite", once)]
    return NumberAnswer(value, _distinct_slips(value, slips),
                        {"a1": float(a[0]), "once": once, "calls": calls})


def a1_after_step(objective: str, a, b, lr: float, momentum: float) -> NumberAnswer:
    """a₁ after the first ``optim.step()`` of ``torch.optim.SGD`` (the optimizer lesson)."""
    a_t = torch.tensor(a, dtype=DTYPE, requires_grad=True)
    b_t = torch.tensor(b, dtype=DTYPE, requires_grad=True) if objective == "q" else None
    params = [a_t] if b_t is None else [a_t, b_t]
    optim = torch.optim.SGD(params, lr=lr, momentum=momentum)
    optim.zero_grad()
    loss_of(objective, a_t, b_t).backward()
    g1 = float(a_t.grad[0])
    optim.step()
    value = float(a_t.detach()[0])
    a1 = float(a[0])
    slips = [("plus_sign", a1 + lr * g1), ("no_lr", a1 - g1), ("no_move", a1),
             ("change_only", -lr * g1), ("gradient_only", g1)]
    if momentum:
        slips += [("momentum", a1 - lr * (1 + momentum) * g1), ("momentum", a1 - lr * momentum * g1)]
    return NumberAnswer(value, _distinct_slips(value, slips),
                        {"a1": a1, "g1": g1, "lr": float(lr), "delta": value - a1})


def second_backward(a, b) -> ChoiceAnswer:
    """What a second ``backward()`` through a freed graph does: PyTorch really tries it."""
    demo = freed_graph_demo(a, b)
    first = repeated_backward(a, b, 1, zero=False).a_grads[0]
    if demo.error:
        outcome = "error"
    elif all(x == 0 for x in demo.a_grad_after_error):
        outcome = "zero"
    elif demo.a_grad_after_error == first:
        outcome = "same"
    else:
        outcome = "adds"
    return ChoiceAnswer(outcome, BACKWARD_OUTCOMES, {"after": demo.a_grad_after_error[0]})


def _direction(before: float, after: float) -> str:
    """``lower`` / ``same`` / ``higher``; a NaN after the step did not go down."""
    if after < before:
        return "lower"
    if after == before:
        return "same"
    return "higher"


def momentum_first_loss(objective: str, a, b, lr: float) -> ChoiceAnswer:
    """Loss after the first step with momentum 0.9, compared with momentum 0."""
    comparison = compare_momentum(objective, a, b, lr, TUTORIAL_MOMENTUM, 1)
    with_momentum = comparison.with_momentum
    plain = comparison.plain
    after_momentum = with_momentum.losses[1] if with_momentum.finite_steps else math.nan
    after_plain = plain.losses[1] if plain.finite_steps else math.nan
    outcome = "same" if comparison.first_step_identical else _direction(after_plain, after_momentum)
    return ChoiceAnswer(outcome, LOSS_DIRECTIONS,
                        {"after_momentum": after_momentum, "after_plain": after_plain,
                         "before": with_momentum.losses[0]})


def largest_grad_layer(result: TrainingResult) -> ChoiceAnswer:
    """The layer group holding the parameter tensor with the largest ‖.grad‖ (ResNet lesson)."""
    largest = max(result.parameters, key=lambda p: p.grad_norm)
    smallest = min(result.parameters, key=lambda p: p.grad_norm)
    by_group = {g: max((p.grad_norm for p in result.parameters if p.group == g), default=0.0)
                for g in GROUPS}
    facts: dict[str, float | str] = {"name": largest.name, "norm": largest.grad_norm,
                                     "small": smallest.name, "small_norm": smallest.grad_norm}
    facts.update({f"group_{g}": norm for g, norm in by_group.items()})
    return ChoiceAnswer(largest.group, GROUPS, facts)


def loss_after_step(result: TrainingResult) -> ChoiceAnswer:
    """Whether the first ``optim.step()`` made the ResNet's loss lower, the same or higher."""
    before, after = result.losses[0], result.losses[1]
    return ChoiceAnswer(_direction(before, after), LOSS_DIRECTIONS,
                        {"before": before, "after": after})
