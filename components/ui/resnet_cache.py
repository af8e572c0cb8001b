"""What every session of the ResNet page shares: starting weights, results, a gate.

Many students use one server, so:
- the pristine networks are built once per process (``st.cache_resource``)
  and never trained; each computation trains its own deep copy;
- a pretrained-weights failure is remembered for the process, so reruns do
  not wait for the network again;
- results are cached by their plain inputs (``st.cache_data``): the same
  settings are computed once, whoever asks;
- at most ``MAX_CONCURRENT_RUNS`` ResNet computations run at once, so one
  class moving sliders together cannot starve the server.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

import streamlit as st
import torch

from components.core.resnet import (
    FinetuneResult,
    TrainingResult,
    finetune_comparison,
    train_resnet,
)
from components.core.resnet_weights import (
    PristineResNet,
    WeightsStatus,
    fallback,
    load_pretrained,
    load_random,
)

MAX_CONCURRENT_RUNS = 2
# A waiting run gives up after this long and says the server is busy.
WAIT_LIMIT_S = 120.0
RESULT_CACHE_ENTRIES = 256


class ServerBusy(RuntimeError):
    """No computation slot became free within ``WAIT_LIMIT_S``."""


@st.cache_resource(show_spinner=False)
def _compute_gate() -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(MAX_CONCURRENT_RUNS)


@contextmanager
def _computation_slot():
    gate = _compute_gate()
    if not gate.acquire(timeout=WAIT_LIMIT_S):
        raise ServerBusy()
    try:
        yield
    finally:
        gate.release()


@st.cache_resource(show_spinner=False)
def _random_resnet() -> PristineResNet:
    with _computation_slot():
        return load_random()


@st.cache_resource(show_spinner=False)
def _pretrained_resnet(hub_dir: str) -> tuple[PristineResNet | None, WeightsStatus]:
    # ``hub_dir`` ($TORCH_HOME) is part of the key because it decides which
    # cache file is read; a failure is cached like a success: asked once.
    with _computation_slot():
        return load_pretrained()


def pristine_resnet(pretrained: bool) -> PristineResNet:
    """The shared, never-trained starting network for this choice of weights."""
    if pretrained:
        model, status = _pretrained_resnet(torch.hub.get_dir())
        return model if model is not None else fallback(_random_resnet(), status)
    return _random_resnet()


@st.cache_data(show_spinner=False, max_entries=RESULT_CACHE_ENTRIES)
def _training(identity: str, lr: float, momentum: float, steps: int, seed: int, size: int,
              _pristine: PristineResNet) -> TrainingResult:
    # ``_pristine`` is not hashed: ``identity`` stands for its weights.
    with _computation_slot():
        return train_resnet(_pristine, lr, momentum, steps, seed, size)


@st.cache_data(show_spinner=False, max_entries=RESULT_CACHE_ENTRIES)
def _finetune(identity: str, seed: int, size: int, _pristine: PristineResNet) -> FinetuneResult:
    with _computation_slot():
        return finetune_comparison(_pristine, seed, size)


def training_result(pristine: PristineResNet, lr: float, momentum: float, steps: int,
                    seed: int, size: int) -> TrainingResult:
    """``train_resnet`` on a private copy, cached by the plain inputs."""
    return _training(pristine.status.identity, float(lr), float(momentum), int(steps),
                     int(seed), int(size), pristine)


def finetune_result(pristine: PristineResNet, seed: int, size: int) -> FinetuneResult:
    """``finetune_comparison`` (timings measured once per setting), cached."""
    return _finetune(pristine.status.identity, int(seed), int(size), pristine)
