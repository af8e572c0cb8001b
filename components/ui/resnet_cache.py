"""What every session of the ResNet page shares: starting weights, results, a queue.

Many students use one server, so:
- the pristine networks are built once per process and never trained; each
  computation trains its own deep copy;
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

The queue, the results and the networks are process-wide singletons
(components/process_wide.py), not ``st.cache_resource``: a viewer's
``clear_cache`` message would otherwise give the next session a second queue,
and two 224-px runs would then run at once (measured: peak RSS 1902 MB against
1568 MB when the queue held).
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
from components.process_wide import ProcessWide
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


# Process-wide, lock-guarded singletons (see the module docstring for why).
_QUEUE: ProcessWide[ComputeQueue] = ProcessWide(lambda: ComputeQueue(slots=concurrent_runs()))
_RESULTS: ProcessWide[ResultCache] = ProcessWide(
    lambda: ResultCache(max_entries=RESULT_CACHE_ENTRIES))


def _compute_queue() -> ComputeQueue:
    """The process's one line for ResNet computations."""
    return _QUEUE.get()


def _result_cache() -> ResultCache:
    return _RESULTS.get()


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


def _build_random() -> PristineResNet:
    # No drawing while building (a waiting session would see another's line).
    with _computation_slot(show_place=False):
        return load_random()


def _build_pretrained(hub_dir: str) -> tuple[PristineResNet | None, WeightsStatus]:
    with _computation_slot(show_place=False):
        return load_pretrained()


_RANDOM: ProcessWide[PristineResNet] = ProcessWide(_build_random)
# ``hub_dir`` ($TORCH_HOME) is part of the key because it decides which cache
# file is read; a failure is kept like a success: asked once per process.
_PRETRAINED: ProcessWide[tuple[PristineResNet | None, WeightsStatus]] = ProcessWide(
    _build_pretrained)


def _random_resnet() -> PristineResNet:
    return _RANDOM.get()


def _pretrained_resnet(hub_dir: str) -> tuple[PristineResNet | None, WeightsStatus]:
    return _PRETRAINED.get(hub_dir)


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
