"""Lesson 1 of the tutorial: one real training step of torchvision's ResNet18.

``train_resnet`` runs the tutorial's code on a private copy of the starting
network: a random image, random labels, ``loss = (prediction - labels).sum()``,
``loss.backward()`` and ``optim.step()`` with ``torch.optim.SGD``, repeated
``steps`` times. ``finetune_comparison`` freezes the network, gives it a new
``fc`` and measures how much less work ``backward()`` then does. Both return
frozen dataclasses of plain numbers; no tensor outlives the call.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass

import torch
from torch import nn

from components.core.resnet_weights import PristineResNet

# The parameter groups of ResNet18, in the order data flows through them.
GROUPS = ("conv1", "bn1", "layer1", "layer2", "layer3", "layer4", "fc")
TOP_K = 5
FINETUNE_CLASSES = 10
# Backward timings on the page are the median of this many runs.
TIMING_REPEATS = 5


def layer_group(parameter_name: str) -> str:
    """``layer3.1.bn2.weight`` -> ``layer3``: the top-level module of a parameter."""
    return parameter_name.split(".", 1)[0]


def _conv_out(side: int, kernel: int, stride: int, padding: int) -> int:
    return (side + 2 * padding - kernel) // stride + 1


def final_feature_side(size: int) -> int:
    """Side of layer4's output for a ``size``×``size`` input (ResNet18's strides)."""
    side = _conv_out(size, 7, 2, 3)  # conv1
    side = _conv_out(side, 3, 2, 1)  # maxpool
    for _ in range(3):  # the first conv of layer2, layer3 and layer4
        side = _conv_out(side, 3, 2, 1)
    return side


def batchnorm_training_error(size: int) -> str:
    """The error training-mode BatchNorm raises at this size, or ``""``.

    With one image and a 1×1 last feature map, every BatchNorm channel of
    layer4 sees a single value and has no variance. The message is PyTorch's
    own, from a real ``nn.BatchNorm2d`` in training mode.
    """
    side = final_feature_side(size)
    try:
        nn.BatchNorm2d(1).train()(torch.zeros(1, 1, side, side))
    except ValueError as error:
        return str(error).replace("[1, 1, 1, 1]", "[1, 512, 1, 1]")
    return ""


def random_inputs(seed: int, size: int, classes: int = 1000) -> tuple[torch.Tensor, torch.Tensor]:
    """The tutorial's ``torch.rand(1, 3, size, size)`` and ``torch.rand(1, classes)``.

    Drawn from a private generator seeded with ``seed``: the same numbers as
    ``torch.manual_seed(seed)`` followed by the two ``torch.rand`` calls, but
    without touching the process-wide generator other sessions use.
    """
    generator = torch.Generator().manual_seed(seed)
    data = torch.rand(1, 3, size, size, generator=generator)
    labels = torch.rand(1, classes, generator=generator)
    return data, labels


def tutorial_loss(prediction: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """The tutorial's toy loss. Real training uses e.g. ``nn.CrossEntropyLoss``."""
    return (prediction - labels).sum()


def _norm(tensor: torch.Tensor, dtype: torch.dtype = torch.float64) -> float:
    """L2 norm, summed in float64 by default: float32 sums over millions of
    numbers drift in the 4th digit, which the page shows."""
    return float(torch.linalg.vector_norm(tensor.detach(), dtype=dtype))


def _quick_norm(tensor: torch.Tensor) -> float:
    """Float32 norm for the per-step summaries, where 3-4 digits are plenty."""
    return _norm(tensor, torch.float32)


def _group_norm(norms) -> float:
    """Norm of several tensors seen as one long vector."""
    return math.sqrt(sum(n * n for n in norms))


@dataclass(frozen=True)
class ParameterStats:
    """One parameter tensor: its gradient and how the steps changed it.

    ``grad_norm`` is the L2 norm of ``.grad`` after the first
    ``loss.backward()``; ``change_norm`` is ‖W_after − W_before‖ over all
    steps; ``buffer_norm`` is the norm of SGD's momentum buffer after the
    last step (None when momentum is 0: SGD keeps no buffer then).
    """

    name: str
    group: str
    shape: tuple[int, ...]
    numel: int
    weight_norm: float
    grad_norm: float
    change_norm: float
    buffer_norm: float | None


@dataclass(frozen=True)
class GroupStats:
    """The same numbers for a whole layer (all its tensors as one vector)."""

    group: str
    tensors: int
    numel: int
    weight_norm: float
    grad_norm: float
    change_norm: float
    buffer_norm: float | None

    @property
    def relative_change(self) -> float:
        """‖ΔW‖ / ‖W‖: how far the layer moved compared with its size."""
        return self.change_norm / self.weight_norm if self.weight_norm else 0.0


@dataclass(frozen=True)
class StepRecord:
    """One ``optim.step()``: the loss it started from and what it did.

    ``update_rule_ok``: the new weights equal W − lr·buf for every tensor;
    ``buffer_rule_ok``: buf equals ``grad`` at the first step and
    μ·buf_previous + grad afterwards (None when momentum is 0).
    """

    loss_before: float
    grad_norm: float
    update_norm: float
    update_rule_ok: bool
    buffer_rule_ok: bool | None


@dataclass(frozen=True)
class TrainingResult:
    """Everything the ResNet page shows about the training steps.

    ``losses[0]`` is the loss before the first step and ``losses[i]`` the
    loss on the same data after ``i`` steps. ``top_classes`` holds
    ``(class index, softmax probability)`` of the first prediction.
    """

    lr: float
    momentum: float
    steps: int
    seed: int
    size: int
    train_mode: bool
    batchnorm_error: str
    prediction_shape: tuple[int, ...]
    prediction_requires_grad: bool
    prediction_grad_fn: str
    top_classes: tuple[tuple[int, float], ...]
    losses: tuple[float, ...]
    step_records: tuple[StepRecord, ...]
    parameters: tuple[ParameterStats, ...]
    groups: tuple[GroupStats, ...]
    fc_bias_grad_all_ones: bool
    fc_weight_grad_is_features: bool
    feature_norm: float
    labels_sum: float

    @property
    def diverged(self) -> bool:
        """The unbounded loss overflowed float32 (NaN or ±∞) at some point."""
        return not all(math.isfinite(v) for v in self.losses)

    @property
    def overflow_step(self) -> int | None:
        """The number of steps after which the loss was first not finite, or None."""
        return next((i for i, v in enumerate(self.losses) if not math.isfinite(v)), None)

    @property
    def numel(self) -> int:
        """How many numbers the network's parameters hold (11,689,512)."""
        return sum(p.numel for p in self.parameters)

    @property
    def largest_relative_change(self) -> float:
        """The largest ‖ΔW‖/‖W‖ of any layer (NaN if the run overflowed everywhere)."""
        finite = [g.relative_change for g in self.groups if math.isfinite(g.relative_change)]
        return max(finite) if finite else math.nan

    @property
    def most_moved_layer(self) -> str | None:
        """The layer with the largest finite ‖ΔW‖/‖W‖, or None."""
        finite = [g for g in self.groups if math.isfinite(g.relative_change)]
        return max(finite, key=lambda g: g.relative_change).group if finite else None

    @property
    def loss_change(self) -> float:
        return self.losses[-1] - self.losses[0]

    @property
    def first_step_change(self) -> float:
        return self.losses[1] - self.losses[0]


def _close(a: torch.Tensor, b: torch.Tensor) -> bool:
    # Computed with the optimizer's own operations the match is usually exact;
    # the tolerant comparison (slower) only runs when it is not.
    return bool(torch.equal(a, b) or torch.allclose(a, b, rtol=1e-5, atol=1e-6))


def _prepare(model: nn.Module, size: int) -> tuple[bool, str]:
    """Training mode as in the tutorial, unless BatchNorm cannot train at ``size``."""
    error = batchnorm_training_error(size)
    model.train(not error)
    return not error, error


def _group_stats(parameters: list[ParameterStats], has_buffers: bool) -> tuple[GroupStats, ...]:
    groups = []
    for group in GROUPS:
        members = [p for p in parameters if p.group == group]
        groups.append(GroupStats(
            group=group,
            tensors=len(members),
            numel=sum(p.numel for p in members),
            weight_norm=_group_norm(p.weight_norm for p in members),
            grad_norm=_group_norm(p.grad_norm for p in members),
            change_norm=_group_norm(p.change_norm for p in members),
            buffer_norm=_group_norm(p.buffer_norm for p in members) if has_buffers else None,
        ))
    return tuple(groups)


def train_resnet(pristine: PristineResNet, lr: float, momentum: float, steps: int,
                 seed: int, size: int) -> TrainingResult:
    """The tutorial's training step(s) on a private copy of ``pristine``.

    Each step: ``optim.zero_grad()``, ``prediction = model(data)``,
    ``loss = (prediction - labels).sum()``, ``loss.backward()``,
    ``optim.step()``. Every update is checked against SGD's rule written by
    hand, and the last layer's gradients against the derivative of the loss.
    """
    model = pristine.private_copy()
    train_mode, bn_error = _prepare(model, size)
    data, labels = random_inputs(seed, size)
    named = list(model.named_parameters())
    params = [p for _, p in named]
    optim = torch.optim.SGD(params, lr=lr, momentum=momentum)

    # The avgpool output feeds fc: fc.weight.grad must be this vector in every row.
    features: list[torch.Tensor] = []
    hook = model.fc.register_forward_hook(lambda _m, inputs, _out: features.append(inputs[0].detach()))

    # Memory: a 224-px run used to hold ~9 copies of the 11.7 M parameters at
    # once (bench/bench_resnet_memory.py). Now: one reused copy of the weights
    # before each step and, with momentum, one reused copy of the previous
    # buffer. The starting weights (for ‖ΔW‖) are the pristine network's own,
    # which nothing trains; gradients are read in place (SGD does not modify
    # ``.grad``) and the first ones kept only as norms.
    start = [p.detach() for p in pristine.model.parameters()]
    before = [torch.empty_like(p) for p in params]
    previous_buffers = [torch.empty_like(p) for p in params] if momentum else []
    first_grad_norms: list[float] = []
    losses: list[float] = []
    records: list[StepRecord] = []
    prediction_facts: tuple = ()
    fc_bias_ones = fc_weight_features = False
    for step in range(steps):
        optim.zero_grad()
        prediction = model(data)
        loss = tutorial_loss(prediction, labels)
        loss.backward()
        grads = [p.grad.detach() for p in params]
        if step == 0:
            probabilities = torch.softmax(prediction.detach()[0], dim=0)
            top = torch.topk(probabilities, TOP_K)
            prediction_facts = (
                tuple(prediction.shape), prediction.requires_grad,
                _grad_fn_name(prediction),
                tuple(zip(top.indices.tolist(), (float(v) for v in top.values), strict=True)),
            )
            first_grad_norms = [_norm(g) for g in grads]
            fc_bias_ones = bool(torch.equal(model.fc.bias.grad, torch.ones(1000)))
            fc_weight_features = _close(model.fc.weight.grad, features[0].expand(1000, -1))
        for saved, p in zip(before, params, strict=True):
            saved.copy_(p.detach())
        optim.step()
        buffers = [optim.state[p].get("momentum_buffer") for p in params] if momentum else []
        with torch.no_grad():
            moves = buffers if momentum else grads
            update_ok = all(_close(p, w.add(m, alpha=-lr)) for p, w, m in zip(params, before, moves, strict=True))
            buffer_ok = None
            if momentum:
                # One expected tensor at a time (a generator, not a list).
                expected = grads if step == 0 else (
                    b.mul(momentum).add(g) for b, g in zip(previous_buffers, grads, strict=True))
                buffer_ok = all(_close(b, e) for b, e in zip(buffers, expected, strict=True))
                for saved, b in zip(previous_buffers, buffers, strict=True):
                    saved.copy_(b)
            update_norm = _group_norm(_quick_norm(p - w) for p, w in zip(params, before, strict=True))
        records.append(StepRecord(float(loss.detach()), _group_norm(_quick_norm(g) for g in grads),
                                  update_norm, update_ok, buffer_ok))
        losses.append(float(loss.detach()))
    with torch.no_grad():
        losses.append(float(tutorial_loss(model(data), labels)))
    hook.remove()

    stats = []
    for (name, p), w0, g0 in zip(named, start, first_grad_norms, strict=True):
        buffer = optim.state[p].get("momentum_buffer") if momentum else None
        stats.append(ParameterStats(
            name=name, group=layer_group(name), shape=tuple(p.shape), numel=p.numel(),
            weight_norm=_norm(w0), grad_norm=g0, change_norm=_norm(p - w0),
            buffer_norm=_norm(buffer) if buffer is not None else None,
        ))
    shape, requires_grad, grad_fn, top_classes = prediction_facts
    return TrainingResult(
        lr=lr, momentum=momentum, steps=steps, seed=seed, size=size,
        train_mode=train_mode, batchnorm_error=bn_error,
        prediction_shape=shape, prediction_requires_grad=requires_grad,
        prediction_grad_fn=grad_fn, top_classes=top_classes,
        losses=tuple(losses), step_records=tuple(records),
        parameters=tuple(stats), groups=_group_stats(stats, bool(momentum)),
        fc_bias_grad_all_ones=fc_bias_ones, fc_weight_grad_is_features=fc_weight_features,
        feature_norm=_norm(features[0]), labels_sum=float(labels.sum()),
    )


@dataclass(frozen=True)
class FinetuneResult:
    """Full backward versus a frozen backbone with a new ``fc``, and ``no_grad``.

    Times are medians of ``repeats`` runs on this server, in milliseconds.
    ``speedups`` holds one ratio full / frozen per repeat (run k of each):
    a frozen backward lasts microseconds, so one timing swings by 4× from
    load to load; the headline is their median, shown with their range.
    ``with_grad`` / ``without_grad`` name the parameters whose ``.grad`` is a
    tensor / stayed None after ``loss.backward()`` on the frozen model.
    """

    size: int
    seed: int
    repeats: int
    with_grad: tuple[str, ...]
    without_grad: tuple[str, ...]
    trainable_numel: int
    frozen_numel: int
    full_backward_ms: float
    frozen_backward_ms: float
    frozen_prediction_shape: tuple[int, ...]
    forward_ms: float
    no_grad_forward_ms: float
    forward_requires_grad: bool
    forward_grad_fn: str
    no_grad_requires_grad: bool
    no_grad_grad_fn: str
    speedups: tuple[float, ...] = ()

    @property
    def speedup(self) -> float:
        """The median of the per-repeat ratios (the medians' ratio without them)."""
        if self.speedups:
            return statistics.median(self.speedups)
        return self.full_backward_ms / self.frozen_backward_ms if self.frozen_backward_ms else math.inf

    @property
    def speedup_range(self) -> tuple[float, float]:
        """The smallest and largest per-repeat ratio: how much one timing can swing."""
        return (min(self.speedups), max(self.speedups)) if self.speedups \
            else (self.speedup, self.speedup)


def _grad_fn_name(tensor: torch.Tensor) -> str:
    return type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else "None"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000.0


def _backward_times(model: nn.Module, data: torch.Tensor, labels: torch.Tensor,
                    repeats: int) -> list[float]:
    """Seconds per ``loss.backward()``; the forward pass is not timed."""
    times = []
    for _ in range(repeats):
        model.zero_grad(set_to_none=True)
        loss = tutorial_loss(model(data), labels)
        start = time.perf_counter()
        loss.backward()
        times.append(time.perf_counter() - start)
    return times


def new_classifier(seed: int, classes: int = FINETUNE_CLASSES) -> nn.Linear:
    """``nn.Linear(512, classes)`` initialised as PyTorch does, from a private generator."""
    layer = torch.nn.utils.skip_init(nn.Linear, 512, classes)
    generator = torch.Generator().manual_seed(seed)
    nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=generator)
    bound = 1 / math.sqrt(512)
    nn.init.uniform_(layer.bias, -bound, bound, generator=generator)
    return layer


def finetune_comparison(pristine: PristineResNet, seed: int, size: int,
                        repeats: int = TIMING_REPEATS) -> FinetuneResult:
    """The tutorial's finetuning recipe, measured.

    Freeze every parameter (``requires_grad = False``), replace ``model.fc``
    with a new ``nn.Linear(512, 10)``, and compare ``loss.backward()`` with
    the full network's. Also run the forward pass under ``torch.no_grad()``.
    """
    model = pristine.private_copy()
    _prepare(model, size)
    data, labels = random_inputs(seed, size)
    full_times = _backward_times(model, data, labels, repeats)

    # torch.no_grad() on the whole trainable network, where it makes a difference.
    forward_times, no_grad_times = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        tracked = model(data)
        forward_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        with torch.no_grad():
            untracked = model(data)
        no_grad_times.append(time.perf_counter() - start)
    tracked_facts = (tracked.requires_grad, _grad_fn_name(tracked))
    untracked_facts = (untracked.requires_grad, _grad_fn_name(untracked))
    del tracked, untracked

    for parameter in model.parameters():
        parameter.requires_grad = False
    model.fc = new_classifier(seed)
    model.zero_grad(set_to_none=True)
    small_labels = random_inputs(seed, size, FINETUNE_CLASSES)[1]
    frozen_times = _backward_times(model, data, small_labels, repeats)
    with torch.no_grad():
        frozen_shape = tuple(model(data).shape)
    named = list(model.named_parameters())
    # After the timed runs: which tensors did backward() fill?
    with_grad = tuple(n for n, p in named if p.grad is not None)
    without_grad = tuple(n for n, p in named if p.grad is None)
    return FinetuneResult(
        size=size, seed=seed, repeats=repeats,
        with_grad=with_grad, without_grad=without_grad,
        trainable_numel=sum(p.numel() for _, p in named if p.requires_grad),
        frozen_numel=sum(p.numel() for _, p in named if not p.requires_grad),
        full_backward_ms=_median_ms(full_times), frozen_backward_ms=_median_ms(frozen_times),
        frozen_prediction_shape=frozen_shape,
        forward_ms=_median_ms(forward_times), no_grad_forward_ms=_median_ms(no_grad_times),
        forward_requires_grad=tracked_facts[0], forward_grad_fn=tracked_facts[1],
        no_grad_requires_grad=untracked_facts[0], no_grad_grad_fn=untracked_facts[1],
        speedups=tuple(full / frozen if frozen else math.inf
                       for full, frozen in zip(full_times, frozen_times, strict=True)),
    )
