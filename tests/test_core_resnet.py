"""The ResNet core against hand-written SGD, finite differences and torchvision itself."""

from __future__ import annotations

import contextlib
import copy
import io
import math
import re
import statistics
import threading

import pytest
import torch
from torch import nn

from components.core.resnet import (
    GROUPS,
    batchnorm_training_error,
    final_feature_side,
    finetune_comparison,
    layer_group,
    new_classifier,
    random_inputs,
    train_resnet,
)
from components.core.resnet_snippet import finetune_snippet, resnet_snippet
from components.core.resnet_weights import (
    PristineResNet,
    load_pristine,
    load_random,
    run_with_deadline,
)
from components.ui.panels import labels_for
from components.ui.schema import SIZE_CHOICES
from tests.resnet_helpers import go_offline, write_weights_file

RESNET18_NUMEL = 11_689_512


@pytest.fixture(scope="module")
def pristine() -> PristineResNet:
    return load_random()


def _state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def _hand_sgd(pristine: PristineResNet, lr: float, momentum: float, steps: int, seed: int,
              size: int):
    """SGD with momentum written out by hand (no torch.optim): losses and final weights."""
    model = pristine.private_copy()
    model.train(size > 32)
    data, labels = random_inputs(seed, size)
    params = list(model.parameters())
    start = [p.detach().clone() for p in params]
    buffers = [None] * len(params)
    losses = []
    first_grads = None
    for _ in range(steps):
        for p in params:
            p.grad = None
        loss = (model(data) - labels).sum()
        loss.backward()
        losses.append(loss.item())
        if first_grads is None:
            first_grads = [p.grad.clone() for p in params]
        with torch.no_grad():
            for i, p in enumerate(params):
                if momentum:
                    buffers[i] = p.grad.clone() if buffers[i] is None \
                        else momentum * buffers[i] + p.grad
                    p -= lr * buffers[i]
                else:
                    p -= lr * p.grad
    with torch.no_grad():
        losses.append((model(data) - labels).sum().item())
    return losses, start, params, buffers, first_grads


@pytest.mark.parametrize("size", SIZE_CHOICES)
def test_final_feature_side_matches_the_real_network(pristine, size):
    model = copy.deepcopy(pristine.model)
    seen = []
    model.layer4.register_forward_hook(lambda _m, _i, out: seen.append(out.shape[-1]))
    with torch.no_grad():
        model(torch.zeros(1, 3, size, size))
    assert seen == [final_feature_side(size)]


def test_batchnorm_cannot_train_on_a_1x1_map_and_the_message_is_pytorchs(pristine):
    assert batchnorm_training_error(64) == ""
    message = batchnorm_training_error(32)
    assert "Expected more than 1 value per channel" in message
    model = pristine.private_copy()  # training mode, as in the tutorial
    with pytest.raises(ValueError, match=re.escape(message)):
        model(torch.rand(1, 3, 32, 32))


def test_random_inputs_are_the_tutorials_torch_rand_after_manual_seed():
    for seed in (0, 1, 99_999):
        data, labels = random_inputs(seed, 64)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            assert torch.equal(data, torch.rand(1, 3, 64, 64))
            assert torch.equal(labels, torch.rand(1, 1000))


def test_random_weights_are_torchvisions_seeded_init():
    from torchvision.models import resnet18

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        expected = resnet18().state_dict()
    pristine = load_random()
    for name, tensor in pristine.model.state_dict().items():
        assert torch.equal(tensor, expected[name]), name
    assert not any(p.requires_grad for p in pristine.model.parameters())


@pytest.mark.parametrize("lr,momentum,steps,size", [
    (0.01, 0.9, 2, 64), (0.001, 0.0, 2, 32), (0.0003, 0.5, 3, 32),
])
def test_training_matches_sgd_written_by_hand(pristine, lr, momentum, steps, size):
    result = train_resnet(pristine, lr, momentum, steps, 3, size)
    losses, start, params, buffers, first_grads = _hand_sgd(pristine, lr, momentum, steps, 3, size)
    assert result.losses == pytest.approx(losses, rel=1e-4)
    assert len(result.parameters) == 62
    for stats, w0, w, g0, buf in zip(result.parameters, start, params, first_grads, buffers, strict=True):
        assert stats.grad_norm == pytest.approx(float(g0.double().norm()), rel=1e-4, abs=1e-6)
        assert stats.change_norm == pytest.approx(float((w.detach() - w0).double().norm()),
                                                  rel=1e-3, abs=1e-6)
        if momentum:
            assert stats.buffer_norm == pytest.approx(float(buf.double().norm()), rel=1e-4,
                                                      abs=1e-6)
        else:
            assert stats.buffer_norm is None
    assert all(r.update_rule_ok for r in result.step_records)
    assert all((r.buffer_rule_ok is None) == (momentum == 0) for r in result.step_records)
    assert all(r.buffer_rule_ok is not False for r in result.step_records)
    assert result.train_mode == (size > 32)


def test_first_step_moves_every_tensor_by_lr_times_its_gradient(pristine):
    lr = 0.001
    result = train_resnet(pristine, lr, 0.9, 1, 5, 64)
    for p in result.parameters:
        assert p.change_norm == pytest.approx(lr * p.grad_norm, rel=1e-3, abs=1e-7), p.name
        # The buffer starts as the gradient itself.
        assert p.buffer_norm == pytest.approx(p.grad_norm, rel=1e-6)
    assert result.first_step_change == result.losses[1] - result.losses[0]


def test_prediction_loss_and_the_last_layers_gradients(pristine):
    result = train_resnet(pristine, 0.01, 0.9, 1, 11, 64)
    assert result.prediction_shape == (1, 1000)
    assert result.prediction_requires_grad and result.prediction_grad_fn == "AddmmBackward0"
    model = pristine.private_copy()
    data, labels = random_inputs(11, 64)
    prediction = model(data)
    assert result.losses[0] == pytest.approx((prediction - labels).sum().item(), rel=1e-5)
    probabilities = torch.softmax(prediction.detach()[0], 0)
    top = torch.topk(probabilities, 5)
    assert [i for i, _ in result.top_classes] == top.indices.tolist()
    assert [p for _, p in result.top_classes] == pytest.approx(top.values.tolist())
    # d loss / d prediction = 1: fc.bias.grad is all ones, so its norm is sqrt(1000).
    assert result.fc_bias_grad_all_ones and result.fc_weight_grad_is_features
    fc_bias = next(p for p in result.parameters if p.name == "fc.bias")
    assert fc_bias.grad_norm == pytest.approx(math.sqrt(1000))
    fc_weight = next(p for p in result.parameters if p.name == "fc.weight")
    assert fc_weight.grad_norm == pytest.approx(math.sqrt(1000) * result.feature_norm, rel=1e-5)
    assert result.labels_sum == pytest.approx(labels.sum().item())


def test_gradient_norms_against_float64_autograd_and_finite_differences(pristine):
    """Every ‖p.grad‖ against autograd in float64; a few against central differences.

    The finite difference runs along the gradient's own direction u = g/‖g‖, where
    the slope of the loss is exactly ‖g‖. ReLU and max-pool kinks make differences
    unreliable in the early layers, so it checks smooth spots near the output.
    """
    result = train_resnet(pristine, 0.01, 0.9, 1, 2, 64)
    core = {p.name: p.grad_norm for p in result.parameters}
    model = copy.deepcopy(pristine.model).double().train().requires_grad_(True)
    data, labels = (x.double() for x in random_inputs(2, 64))
    (model(data) - labels).sum().backward()
    named = dict(model.named_parameters())
    for name, parameter in named.items():
        assert core[name] == pytest.approx(float(parameter.grad.norm()), rel=1e-3), name
    h = 1e-6
    for name in ("bn1.bias", "layer4.1.bn2.weight", "fc.weight"):
        parameter = named[name]
        direction = parameter.grad / parameter.grad.norm()
        with torch.no_grad():
            parameter += h * direction
            up = (model(data) - labels).sum().item()
            parameter -= 2 * h * direction
            down = (model(data) - labels).sum().item()
            parameter += h * direction
        assert core[name] == pytest.approx((up - down) / (2 * h), rel=1e-3), name


def test_groups_cover_every_parameter(pristine):
    result = train_resnet(pristine, 0.01, 0.9, 1, 0, 64)
    assert [g.group for g in result.groups] == list(GROUPS)
    assert sum(g.tensors for g in result.groups) == 62
    assert sum(g.numel for g in result.groups) == RESNET18_NUMEL
    for group in result.groups:
        members = [p for p in result.parameters if p.group == group.group]
        assert group.grad_norm == pytest.approx(math.sqrt(sum(p.grad_norm**2 for p in members)))
        assert group.relative_change == pytest.approx(group.change_norm / group.weight_norm)
    assert layer_group("layer3.1.bn2.weight") == "layer3" and layer_group("fc.bias") == "fc"


def test_training_never_touches_the_pristine_weights_and_sessions_do_not_mix(pristine):
    before = _state(pristine.model)
    first = train_resnet(pristine, 0.1, 0.9, 2, 0, 64)
    other = train_resnet(pristine, 0.001, 0.5, 3, 0, 64)
    again = train_resnet(pristine, 0.1, 0.9, 2, 0, 64)
    assert first.losses == pytest.approx(again.losses, rel=1e-5)
    assert first.losses[0] == pytest.approx(other.losses[0], rel=1e-5)  # same start
    assert first.losses[1] != pytest.approx(other.losses[1], rel=1e-3)
    after = _state(pristine.model)
    assert all(torch.equal(before[k], after[k]) for k in before)  # BN running stats too
    assert not any(p.requires_grad for p in pristine.model.parameters())


def test_concurrent_training_gives_the_same_numbers_as_alone(pristine):
    alone = [train_resnet(pristine, lr, 0.9, 2, 4, 64).losses for lr in (0.1, 0.001)]
    results = {}

    def work(lr):
        results[lr] = train_resnet(pristine, lr, 0.9, 2, 4, 64).losses

    threads = [threading.Thread(target=work, args=(lr,)) for lr in (0.1, 0.001)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results[0.1] == pytest.approx(alone[0], rel=1e-5)
    assert results[0.001] == pytest.approx(alone[1], rel=1e-5)


def test_an_unbounded_loss_can_overflow_and_is_reported(pristine):
    result = train_resnet(pristine, 1.0, 0.9, 2, 0, 32)
    assert result.diverged and not math.isfinite(result.losses[-1])
    assert not train_resnet(pristine, 0.0001, 0.9, 2, 0, 64).diverged


def test_finetuning_only_the_new_fc_gets_gradients(pristine):
    result = finetune_comparison(pristine, 0, 64, repeats=2)
    assert result.with_grad == ("fc.weight", "fc.bias")
    assert len(result.without_grad) == 60 and "conv1.weight" in result.without_grad
    assert result.trainable_numel == 512 * 10 + 10
    assert result.trainable_numel + result.frozen_numel == RESNET18_NUMEL - 513_000 + 5_130
    assert result.frozen_prediction_shape == (1, 10)
    assert result.full_backward_ms > 0 and result.frozen_backward_ms > 0
    # The headline is the median of the per-run ratios, within their range.
    assert len(result.speedups) == 2 and all(r > 0 for r in result.speedups)
    assert result.speedup == statistics.median(result.speedups)
    assert result.speedup_range == (min(result.speedups), max(result.speedups))
    assert (result.forward_requires_grad, result.forward_grad_fn) == (True, "AddmmBackward0")
    assert (result.no_grad_requires_grad, result.no_grad_grad_fn) == (False, "None")
    assert not any(p.requires_grad for p in pristine.model.parameters())


def test_new_classifier_is_pytorchs_default_init_and_seeded():
    a, b, c = new_classifier(1), new_classifier(1), new_classifier(2)
    assert isinstance(a, nn.Linear) and a.weight.shape == (10, 512)
    assert torch.equal(a.weight, b.weight) and not torch.equal(a.weight, c.weight)
    bound = 1 / math.sqrt(512)  # kaiming_uniform(a=sqrt(5)) and the bias share this bound
    assert a.weight.abs().max() <= bound and a.bias.abs().max() <= bound
    assert a.weight.abs().max() > 0.9 * bound


# --- weights: the offline fallback and the torch hub cache ------------------------

def test_offline_falls_back_to_random_weights_with_a_reason(monkeypatch, tmp_path):
    calls = []
    go_offline(monkeypatch, tmp_path, calls)
    pristine = load_pristine(True)
    assert not pristine.status.pretrained_in_use and pristine.status.source == "fallback"
    assert "offline (test)" in pristine.status.reason
    assert calls == ["https://download.pytorch.org/models/resnet18-f37072fd.pth"]
    assert pristine.status.identity == load_random().status.identity


def test_a_server_that_answers_gets_the_real_torchvision_download(monkeypatch, tmp_path):
    import urllib.error
    import urllib.request

    calls = []
    go_offline(monkeypatch, tmp_path, calls)

    def not_allowed(request, *args, **kwargs):
        calls.append(request.get_method())
        raise urllib.error.HTTPError(request.full_url, 405, "Method Not Allowed", {}, None)

    monkeypatch.setattr(urllib.request, "urlopen", not_allowed)
    pristine = load_pristine(True)
    # The probe got an answer, so torch.hub's own download ran (and failed offline).
    assert calls == ["HEAD", "https://download.pytorch.org/models/resnet18-f37072fd.pth"]
    assert pristine.status.source == "fallback" and "offline (test)" in pristine.status.reason


def test_a_hanging_network_still_falls_back_quickly(monkeypatch, tmp_path):
    """DNS or a connection may hang with no timeout at all: the deadline must win."""
    go_offline(monkeypatch, tmp_path)
    release = threading.Event()
    monkeypatch.setattr("urllib.request.urlopen", lambda *a, **k: release.wait(60))
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(load_pristine(True, connect_timeout=0.5)))
    worker.start()
    worker.join(30)  # a hang would leave the thread alive; the deadline is 1 s
    release.set()
    assert not worker.is_alive() and outcome
    assert outcome[0].status.source == "fallback"
    assert "no answer within 0.5 s" in outcome[0].status.reason


def test_a_weights_file_in_the_hub_cache_is_used_offline(monkeypatch, tmp_path):
    calls = []
    path = go_offline(monkeypatch, tmp_path, calls)
    assert path == str(tmp_path / "torch" / "hub" / "checkpoints" / "resnet18-f37072fd.pth")
    written = write_weights_file(path)
    pristine = load_pristine(True)
    assert pristine.status.pretrained_in_use and pristine.status.source == "cache"
    assert calls == []  # no network at all
    loaded = pristine.model.state_dict()
    assert torch.equal(loaded["conv1.weight"], written["conv1.weight"])
    assert torch.equal(loaded["layer4.1.bn2.running_var"], written["layer4.1.bn2.running_var"])
    assert all(isinstance(p, nn.Parameter) for p in pristine.model.parameters())
    # torchvision's own loader reads the very same file.
    from torchvision.models import ResNet18_Weights, resnet18

    reference = resnet18(weights=ResNet18_Weights.DEFAULT).state_dict()
    assert torch.equal(reference["fc.weight"], loaded["fc.weight"])
    result = train_resnet(pristine, 0.01, 0.9, 1, 0, 64)
    assert result.losses[0] != pytest.approx(train_resnet(load_random(), 0.01, 0.9, 1, 0, 64).losses[0])


def test_a_broken_cache_file_falls_back(monkeypatch, tmp_path):
    path = go_offline(monkeypatch, tmp_path)
    import os

    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as handle:
        handle.write(b"not a checkpoint")
    pristine = load_pristine(True)
    assert not pristine.status.pretrained_in_use and pristine.status.reason


def test_run_with_deadline_reports_values_errors_and_timeouts():
    assert run_with_deadline(lambda: 42, 5) == (True, 42)
    ok, error = run_with_deadline(lambda: 1 / 0, 5)
    assert not ok and isinstance(error, ZeroDivisionError)
    gate = threading.Event()
    assert run_with_deadline(lambda: gate.wait(10), 0.05) == (False, None)
    gate.set()


# --- the snippet ---------------------------------------------------------------

def _run_snippet(code: str) -> list[float]:
    output = io.StringIO()
    with torch.random.fork_rng(devices=[]), contextlib.redirect_stdout(output):
        exec(compile(code, "<snippet>", "exec"), {})
    return [float(x) for x in re.findall(r"(?:loss|손실) = (\S+)", output.getvalue())]


@pytest.mark.parametrize("lr,momentum,steps,seed,size", [
    (0.01, 0.9, 2, 0, 64), (0.001, 0.0, 1, 42, 32),
])
def test_snippet_prints_the_pages_losses(pristine, lr, momentum, steps, seed, size):
    result = train_resnet(pristine, lr, momentum, steps, seed, size)
    code = resnet_snippet(lr, momentum, steps, seed, size, False, result.train_mode,
                          notes=labels_for("resnet.code", "ko"))
    assert ("model.eval()" in code) == (size == 32)
    assert _run_snippet(code) == pytest.approx(list(result.losses), rel=1e-4)


def test_snippet_with_pretrained_weights_from_the_cache(monkeypatch, tmp_path):
    path = go_offline(monkeypatch, tmp_path)
    write_weights_file(path, seed=7)
    pristine = load_pristine(True)
    result = train_resnet(pristine, 0.003, 0.9, 2, 5, 64)
    code = resnet_snippet(0.003, 0.9, 2, 5, 64, True, True, notes=labels_for("resnet.code", "en"))
    assert "resnet18(weights=ResNet18_Weights.DEFAULT)" in code
    assert _run_snippet(code) == pytest.approx(list(result.losses), rel=1e-4)


def test_snippet_comments_follow_the_language():
    ko, en = (resnet_snippet(0.01, 0.9, 1, 0, 32, False, False, notes=labels_for("resnet.code", lang))
              + finetune_snippet(labels_for("resnet.code", lang)) for lang in ("ko", "en"))
    assert ko.count("#") == en.count("#") >= 12
    assert "고정" in ko and "freeze" in en and "freeze every" not in ko
    # What the code prints is in the page's language too (issue 27), with the singular.
    assert "1단계: 손실 =" not in ko and "'{step + 1}단계: 손실 ='" in ko and "'1단계 뒤: 손실 ='" in ko
    assert "'after 1 step: loss ='" in en and "steps: loss" not in en
