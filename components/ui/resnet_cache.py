"""What every session of the ResNet page shares: starting weights, results, a queue.

Many students use one server, so:
- the pristine networks are built once per process (``st.cache_resource``)
  and never trained; each computation trains its own deep copy;
- a pretrained-weights failure is remembered for the process, so reruns do
  not wait for the network again;
- results are cached by their plain inputs: the same settings are computed
  once, whoever asks, and a cached result never waits in line;
- at most ``MAX_CONCURRENT_RUNS`` ResNet computations run at once (a 224-px
  run needs a few hundred MB while it runs); the others wait in a fair line
  in which each tab holds one place (components/compute_queue.py), and see
  their place in it;
- after each computation the freed memory goes back to the OS
  (``malloc_trim``), so the server's RSS falls back instead of staying at
  its peak. bench/bench_resnet_memory.py measures all of this.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

import streamlit as st
import torch
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components.compute_queue import (
    ComputeQueue,
    QueueTimeout,
    Replaced,
    ResultCache,
    release_free_heap,
)
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
from components.ui.controls import current_language
from components.ui.i18n import t

# One computation at a time: it already uses every core (torch's thread
# pool), and each extra one adds its few hundred MB to the peak. An instructor
# with RAM to spare can allow more with AUTOGRAD_LAB_RESNET_RUNS.
RUNS_ENV = "AUTOGRAD_LAB_RESNET_RUNS"
MAX_CONCURRENT_RUNS = 1
# A waiting run gives up after this long and says the server is busy.
WAIT_LIMIT_S = 120.0
RESULT_CACHE_ENTRIES = 256
Result = TypeVar("Result")


class ServerBusy(RuntimeError):
    """No computation slot became free within ``WAIT_LIMIT_S``."""


def concurrent_runs() -> int:
    """``MAX_CONCURRENT_RUNS``, or the instructor's ``AUTOGRAD_LAB_RESNET_RUNS`` (1–8)."""
    try:
        return min(8, max(1, int(os.environ.get(RUNS_ENV, MAX_CONCURRENT_RUNS))))
    except ValueError:
        return MAX_CONCURRENT_RUNS


@st.cache_resource(show_spinner=False)
def _compute_queue() -> ComputeQueue:
    return ComputeQueue(slots=concurrent_runs())


@st.cache_resource(show_spinner=False)
def _result_cache() -> ResultCache:
    return ResultCache(max_entries=RESULT_CACHE_ENTRIES)


def _owner() -> str:
    """This browser tab's session: it holds one place in the line."""
    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx is not None else f"thread-{threading.get_ident()}"


@contextmanager
def _computation_slot(show_place: bool = True):
    """Hold one of the server's computation slots (wait in line for it).

    While waiting, the tab sees how many runs are ahead. Drawing that line is
    also where Streamlit stops a script whose tab moved a slider again or
    closed, so a stale request leaves the line instead of computing for
    nobody; the tab's next request takes its place (``keep_place_s``).
    """
    holder: list = []

    def on_wait(ahead: int) -> None:
        if not holder:
            holder.append(st.empty())
        holder[0].caption(t("resnet.queued", current_language(), ahead=ahead))

    try:
        with _compute_queue().slot(_owner(), WAIT_LIMIT_S, on_wait if show_place else None):
            if holder:
                holder[0].empty()  # the place in line is no longer news
            yield
    except (QueueTimeout, Replaced) as error:
        if holder:
            holder[0].empty()  # the page says "busy" instead
        raise ServerBusy() from error


@st.cache_resource(show_spinner=False)
def _random_resnet() -> PristineResNet:
    # No drawing inside a cached function (Streamlit would replay it).
    with _computation_slot(show_place=False):
        return load_random()


@st.cache_resource(show_spinner=False)
def _pretrained_resnet(hub_dir: str) -> tuple[PristineResNet | None, WeightsStatus]:
    # ``hub_dir`` ($TORCH_HOME) is part of the key because it decides which
    # cache file is read; a failure is cached like a success: asked once.
    with _computation_slot(show_place=False):
        return load_pretrained()


def pristine_resnet(pretrained: bool) -> PristineResNet:
    """The shared, never-trained starting network for this choice of weights."""
    if pretrained:
        model, status = _pretrained_resnet(torch.hub.get_dir())
        return model if model is not None else fallback(_random_resnet(), status)
    return _random_resnet()


def _cached(key: tuple, compute: Callable[[], Result]) -> Result:
    """A cached result at once; else wait for a slot, compute, give the memory back."""
    cache = _result_cache()
    found, value = cache.get(key)
    if found:
        return value

    def in_line() -> Result:
        with _computation_slot():
            try:
                return compute()
            finally:
                # The run's tensors are freed when compute() returns.
                release_free_heap()

    return cache.get_or_compute(key, in_line)


def training_result(pristine: PristineResNet, lr: float, momentum: float, steps: int,
                    seed: int, size: int) -> TrainingResult:
    """``train_resnet`` on a private copy, cached by the plain inputs."""
    # ``identity`` stands for the starting weights (the model is not hashed).
    key = ("training", pristine.status.identity, float(lr), float(momentum), int(steps),
           int(seed), int(size))
    return _cached(key, lambda: train_resnet(pristine, float(lr), float(momentum), int(steps),
                                             int(seed), int(size)))


def finetune_result(pristine: PristineResNet, seed: int, size: int) -> FinetuneResult:
    """``finetune_comparison`` (timings measured once per setting), cached."""
    key = ("finetune", pristine.status.identity, int(seed), int(size))
    return _cached(key, lambda: finetune_comparison(pristine, int(seed), int(size)))
