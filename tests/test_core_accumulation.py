"""The accumulation core against the closed form k·9a², hand-written SGD and its snippets."""

import random

import pytest
import torch

from components.core.accumulation import (
    DIVERGENCE_FACTOR,
    TRAIN_STEPS,
    TRAIN_X,
    TRUE_C,
    TRUE_W,
    freed_graph_demo,
    graph_modes_agree,
    repeated_backward,
    training_run,
    zeroing_methods,
)
from components.core.accumulation_snippet import (
    accumulation_snippet,
    freed_graph_code,
    rebuild_code,
    retain_code,
)
from components.core.gradients import finite_difference_gradients
from components.ui.panels import labels_for
from components.ui.schema import LR_CHOICES

RNG = random.Random(20261126)
POINTS = [
    ((RNG.uniform(-3, 3), RNG.uniform(-3, 3)), (RNG.uniform(-6, 6), RNG.uniform(-6, 6)),
     RNG.randint(1, 10))
    for _ in range(40)
]
NOTES = labels_for("accumulation.code", "en")


def test_tutorial_values_accumulate_exactly():
    history = repeated_backward((2.0, 3.0), (6.0, 4.0), 10, zero=False)
    for k in range(1, 11):
        assert history.a_grads[k - 1] == (36.0 * k, 81.0 * k)
        assert history.b_grads[k - 1] == (-12.0 * k, -8.0 * k)
    assert all(history.a_close) and all(history.b_close)


def test_tutorial_values_zeroed_stay_flat():
    history = repeated_backward((2.0, 3.0), (6.0, 4.0), 10, zero=True)
    assert set(history.a_grads) == {(36.0, 81.0)}
    assert set(history.b_grads) == {(-12.0, -8.0)}
    assert history.a_expected[-1] == (36.0, 81.0)


@pytest.mark.parametrize("graph", ["rebuild", "retain"])
@pytest.mark.parametrize("a,b,calls", POINTS)
def test_after_k_calls_the_gradient_is_k_times_the_closed_form(a, b, calls, graph):
    accumulated = repeated_backward(a, b, calls, zero=False, graph=graph)
    zeroed = repeated_backward(a, b, calls, zero=True, graph=graph)
    # a.grad once, as torch computes 9*a**2 in float32 (the tutorial's dtype).
    a32 = torch.tensor(a)
    once_a = (9 * a32**2).tolist()
    once_b = (-2 * torch.tensor(b)).tolist()
    fd_a, fd_b = finite_difference_gradients(a, b, (1.0, 1.0))
    assert len(accumulated.a_grads) == len(zeroed.a_grads) == calls
    for k in range(1, calls + 1):
        for i in range(2):
            assert accumulated.a_grads[k - 1][i] == pytest.approx(k * once_a[i], rel=1e-5, abs=1e-4)
            assert accumulated.b_grads[k - 1][i] == pytest.approx(k * once_b[i], rel=1e-5, abs=1e-4)
            assert accumulated.a_grads[k - 1][i] == pytest.approx(k * fd_a[i], rel=1e-4, abs=1e-3)
            assert zeroed.a_grads[k - 1][i] == pytest.approx(once_a[i], rel=1e-6, abs=1e-6)
            assert zeroed.b_grads[k - 1][i] == pytest.approx(once_b[i], rel=1e-6, abs=1e-6)
            assert zeroed.b_grads[k - 1][i] == pytest.approx(fd_b[i], rel=1e-4, abs=1e-3)
    assert all(accumulated.a_close) and all(accumulated.b_close)
    assert all(zeroed.a_close) and all(zeroed.b_close)


def test_the_check_flags_a_wrong_expectation():
    """a_close must be able to say ✗: compare k-call results with the 1-call rule."""
    history = repeated_backward((2.0, 3.0), (6.0, 4.0), 3, zero=False)
    flat = repeated_backward((2.0, 3.0), (6.0, 4.0), 3, zero=True)
    assert history.a_expected != flat.a_expected
    assert history.a_grads[2] != flat.a_expected[2]


@pytest.mark.parametrize("a,b,calls", POINTS[:10])
def test_rebuild_and_retain_give_identical_gradients(a, b, calls):
    assert graph_modes_agree(a, b, calls, zero=False)
    assert graph_modes_agree(a, b, calls, zero=True)


def test_unknown_graph_mode_is_refused():
    with pytest.raises(ValueError):
        repeated_backward((2.0, 3.0), (6.0, 4.0), 2, zero=False, graph="nope")


def test_second_backward_through_a_freed_graph_raises_the_real_error():
    demo = freed_graph_demo((2.0, 3.0), (6.0, 4.0))
    assert "backward through the graph a second time" in demo.error
    assert "retain_graph=True" in demo.error
    assert demo.a_grad_after_error == (36.0, 81.0)  # the failed call added nothing
    assert demo.rebuild_a_grad == demo.retain_a_grad == (72.0, 162.0)
    assert demo.rebuild_b_grad == demo.retain_b_grad == (-24.0, -16.0)


def test_zeroing_methods():
    results = {r.method: r for r in zeroing_methods((2.0, 3.0), (6.0, 4.0))}
    assert results["zero_grad"].after_reset is None  # set_to_none=True by default
    assert results["none"].after_reset is None
    assert results["zero_"].after_reset == (0.0, 0.0)
    for result in results.values():
        assert result.after_next_call == (36.0, 81.0)


def _hand_sgd(lr: float, zero_grad: bool, steps: int = TRAIN_STEPS) -> list[float]:
    """Plain-Python SGD with the hand derivatives of sum((w·x + c − y)²)."""
    xs = list(TRAIN_X)
    ys = [TRUE_W * x + TRUE_C for x in xs]
    w = c = 0.0
    grad_w = grad_c = 0.0
    losses = []
    for _ in range(steps):
        errors = [w * x + c - y for x, y in zip(xs, ys, strict=True)]
        losses.append(sum(e * e for e in errors))
        if zero_grad:
            grad_w = grad_c = 0.0
        grad_w += sum(2 * e * x for e, x in zip(errors, xs, strict=True))
        grad_c += sum(2 * e for e in errors)
        w -= lr * grad_w
        c -= lr * grad_c
    return losses


@pytest.mark.parametrize("lr", [lr for lr in LR_CHOICES if lr <= 0.1])
@pytest.mark.parametrize("zero_grad", [True, False])
def test_training_matches_hand_written_sgd(lr, zero_grad):
    run = training_run(lr, zero_grad)
    assert run.diverged_at is None
    assert len(run.losses) == TRAIN_STEPS
    assert run.losses == pytest.approx(_hand_sgd(lr, zero_grad), rel=1e-4, abs=1e-4)


def test_zeroing_converges_and_not_zeroing_swings_back_up():
    with_zero = training_run(0.01, True)
    without = training_run(0.01, False)
    assert with_zero.losses[0] == without.losses[0] == 24.0
    assert all(x > y for x, y in zip(with_zero.losses[:-1], with_zero.losses[1:], strict=True))
    assert with_zero.losses[-1] < 0.05 * with_zero.losses[0]
    lowest = min(range(TRAIN_STEPS), key=lambda k: without.losses[k])
    assert max(without.losses[lowest:]) > 0.5 * without.losses[0]
    # Without zeroing, w.grad is the sum of every gradient so far, not the last one.
    assert abs(without.w_grad) > abs(with_zero.w_grad)


@pytest.mark.parametrize("lr", [0.3, 1.0])
def test_divergence_is_detected_and_values_stay_finite(lr):
    run = training_run(lr, True)
    assert run.diverged_at is not None and 2 <= run.diverged_at <= 5
    assert len(run.losses) == run.diverged_at - 1
    assert all(v == v and v <= DIVERGENCE_FACTOR * run.losses[0] for v in run.losses)
    hand = _hand_sgd(lr, True, run.diverged_at)
    assert hand[-1] > DIVERGENCE_FACTOR * hand[0]  # the hand rule blows up at the same step


def test_without_zeroing_lr_1_also_diverges():
    assert training_run(1.0, False).diverged_at is not None
    assert training_run(0.3, False).diverged_at is None  # bounded swings, no blow-up


def _exec(code: str, namespace: dict | None = None) -> dict:
    namespace = {} if namespace is None else namespace
    exec(compile(code, "<snippet>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("graph", ["rebuild", "retain"])
@pytest.mark.parametrize("zero", [False, True])
@pytest.mark.parametrize("a,b,calls", POINTS[:4] + [((2.0, 3.0), (6.0, 4.0), 3)])
def test_snippet_reproduces_the_gradients(a, b, calls, zero, graph, capsys):
    code = accumulation_snippet(a, b, calls, zero, graph, 0.01, NOTES)
    namespace = _exec(code)
    printed = capsys.readouterr().out
    history = repeated_backward(a, b, calls, zero, graph)
    assert tuple(namespace["a"].grad.tolist()) == history.a_grads[-1]
    assert tuple(namespace["b"].grad.tolist()) == history.b_grads[-1]
    assert "False" not in printed  # the snippet's own isclose checks pass
    assert printed.count("a.grad =") == calls


@pytest.mark.parametrize("lr", LR_CHOICES)
def test_snippet_training_reproduces_the_loss_curves(lr, capsys):
    namespace = _exec(accumulation_snippet((2.0, 3.0), (6.0, 4.0), 1, False, "rebuild", lr,
                                           NOTES))
    capsys.readouterr()
    for zero_grad in (True, False):
        run = training_run(lr, zero_grad)
        losses = namespace["train"](zero_grad)
        assert len(losses) == TRAIN_STEPS
        assert losses[:len(run.losses)] == list(run.losses)


def test_freed_graph_code_pieces_do_what_the_page_reports():
    demo = freed_graph_demo((1.5, -2.0), (0.5, 3.0))

    def fresh():
        return {"a": torch.tensor([1.5, -2.0], requires_grad=True),
                "b": torch.tensor([0.5, 3.0], requires_grad=True)}

    with pytest.raises(RuntimeError) as caught:
        _exec(freed_graph_code(NOTES), fresh())
    assert str(caught.value) == demo.error
    rebuilt = _exec(rebuild_code(NOTES), fresh())
    assert tuple(rebuilt["a"].grad.tolist()) == demo.rebuild_a_grad
    retained = _exec(retain_code(NOTES), fresh())
    assert tuple(retained["b"].grad.tolist()) == demo.retain_b_grad


def test_snippet_comments_follow_the_language():
    ko = accumulation_snippet((2.0, 3.0), (6.0, 4.0), 3, True, "retain", 0.1,
                              labels_for("accumulation.code", "ko"))
    en = accumulation_snippet((2.0, 3.0), (6.0, 4.0), 3, True, "retain", 0.1, NOTES)
    assert ko != en
    assert ko.replace(" ", "").count("#") == en.replace(" ", "").count("#")
    assert "retain_graph=True" in en and "lr=0.1" in en and "a.grad = None" in en
    assert "optim.zero_grad() 없음:" in ko and "no optim.zero_grad():" not in ko  # printed labels
    assert "no optim.zero_grad():" in en
