"""ResNet18's starting weights: pretrained from torchvision, or seeded random.

The pretrained weights come through torchvision's own path,
``ResNet18_Weights.DEFAULT.get_state_dict()``, which reads the torch hub cache
(``$TORCH_HOME/hub/checkpoints/<file name of the weights URL>``) and downloads
into it when the file is missing. Without internet that download fails, often
at once but sometimes only after a long DNS or connection wait, so every
network step runs in a helper thread with a deadline: the caller gets random
weights within a few seconds and a reason to show.

The returned ``PristineResNet`` is meant to be built once per process (the UI
caches it) and never trained: its parameters do not require gradients, and
every computation works on ``private_copy()``.
"""

from __future__ import annotations

import copy
import os
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlparse

import torch
from torch import nn
from torchvision.models import ResNet18_Weights, resnet18

# Seed of the random weights used when no pretrained weights are available
# (and when the student switches them off). Fixed, so every session and the
# page's code snippet see the same "random" network.
RANDOM_INIT_SEED = 0
# How long the reachability check of the download server may take. DNS
# lookups ignore socket timeouts, hence the thread deadline on top.
CONNECT_TIMEOUT_S = 4.0
# Once the server answered, the 45 MB download itself may take a while.
DOWNLOAD_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class WeightsStatus:
    """Where the starting weights came from, in plain data for the page.

    ``source`` is ``cache`` (file already in the hub cache), ``download``,
    ``random`` (pretrained switched off) or ``fallback`` (pretrained wanted
    but unavailable; ``reason`` says why). ``identity`` names the weights for
    result caches: two runs with the same identity start from the same numbers.
    """

    pretrained_requested: bool
    pretrained_in_use: bool
    source: str
    reason: str
    cache_path: str
    identity: str


@dataclass(frozen=True)
class PristineResNet:
    """A ResNet18 that is never trained: computations use ``private_copy()``."""

    model: nn.Module
    status: WeightsStatus

    def private_copy(self) -> nn.Module:
        """A deep copy whose parameters require gradients, in training mode."""
        model = copy.deepcopy(self.model)
        model.requires_grad_(True)
        return model.train()


def weights_cache_path() -> str:
    """The file torchvision reads and writes for ``ResNet18_Weights.DEFAULT``."""
    file_name = os.path.basename(urlparse(ResNet18_Weights.DEFAULT.url).path)
    return os.path.join(torch.hub.get_dir(), "checkpoints", file_name)


def imagenet_categories() -> tuple[str, ...]:
    """The 1000 ImageNet class names shipped inside torchvision (no download)."""
    return tuple(ResNet18_Weights.DEFAULT.meta["categories"])


def run_with_deadline(work: Callable[[], Any], seconds: float) -> tuple[bool, Any]:
    """Run ``work()`` in a daemon thread; wait at most ``seconds``.

    Returns ``(True, value)``, ``(False, exception)``, or ``(False, None)``
    when the deadline passed (the thread is left to finish on its own).
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # noqa: BLE001 - reported to the caller
            outcome["error"] = error

    worker = threading.Thread(target=target, name="resnet18-weights", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        return False, None
    if "error" in outcome:
        return False, outcome["error"]
    return True, outcome["value"]


def _describe(error: BaseException | None, seconds: float) -> str:
    if error is None:
        return f"no answer within {seconds:g} s"
    # URLError's own text wraps its reason in "<urlopen error …>"; the reason says it all.
    detail = getattr(error, "reason", None) or error
    text = f"{type(error).__name__}: {detail}"
    return text if len(text) <= 160 else text[:159] + "…"


def _server_reachable(url: str, seconds: float) -> tuple[bool, str]:
    """A HEAD request to the weights URL, bounded by a thread deadline."""

    def probe() -> int:
        request = urllib.request.Request(url, method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=seconds) as reply:
                return reply.status
        except urllib.error.HTTPError as answer:
            # The server answered (e.g. HEAD not allowed): the network works,
            # so let the real download decide.
            return answer.code

    ok, value = run_with_deadline(probe, seconds + 0.5)
    return (True, "") if ok else (False, _describe(value, seconds))


def fetch_pretrained_state(connect_timeout: float = CONNECT_TIMEOUT_S,
                           download_timeout: float = DOWNLOAD_TIMEOUT_S
                           ) -> tuple[dict[str, torch.Tensor] | None, str, str]:
    """``ResNet18_Weights.DEFAULT.get_state_dict()`` that never hangs.

    Returns ``(state_dict, source, reason)``: ``source`` is ``cache`` or
    ``download`` on success; on failure the state is None and ``reason``
    says what went wrong.
    """
    weights = ResNet18_Weights.DEFAULT
    path = weights_cache_path()
    source = "cache"
    if not os.path.exists(path):
        reachable, reason = _server_reachable(weights.url, connect_timeout)
        if not reachable:
            return None, "fallback", reason
        source = "download"
        timeout = download_timeout
    else:
        timeout = download_timeout  # a local read; the deadline only guards odd disks

    def load() -> dict[str, torch.Tensor]:
        return weights.get_state_dict(progress=False, check_hash=True)

    ok, value = run_with_deadline(load, timeout)
    if not ok:
        return None, "fallback", _describe(value, timeout)
    return value, source, ""


def _file_identity(path: str) -> str:
    stat = os.stat(path)
    return f"pretrained:{path}:{stat.st_size}:{stat.st_mtime_ns}"


def random_resnet18(init_seed: int = RANDOM_INIT_SEED) -> nn.Module:
    """``torch.manual_seed(init_seed); resnet18()`` without disturbing the caller's RNG.

    ``fork_rng`` restores the global generator afterwards; the model is built
    once per process, so the short window in which the global seed is changed
    does not matter for the pages (they all draw from their own generators).
    """
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(init_seed)
        return resnet18(weights=None)


def _freeze(model: nn.Module) -> nn.Module:
    model.requires_grad_(False)
    return model.eval()


def load_random() -> PristineResNet:
    """The random starting network (``torch.manual_seed(0); resnet18()``)."""
    status = WeightsStatus(False, False, "random", "", weights_cache_path(),
                           f"random:{RANDOM_INIT_SEED}")
    return PristineResNet(_freeze(random_resnet18()), status)


def load_pretrained(connect_timeout: float = CONNECT_TIMEOUT_S,
                    download_timeout: float = DOWNLOAD_TIMEOUT_S
                    ) -> tuple[PristineResNet | None, WeightsStatus]:
    """The pretrained network, or None and a status that says why not.

    Never raises for a missing network or a bad cache file.
    """
    path = weights_cache_path()
    state, source, reason = fetch_pretrained_state(connect_timeout, download_timeout)
    if state is not None:
        try:
            # Built on the meta device: no random init, no RNG use, no wasted
            # second; the loaded tensors become the parameters.
            with torch.device("meta"):
                model = resnet18(weights=None)
            model.load_state_dict(state, assign=True)
        except (RuntimeError, KeyError, TypeError) as error:
            source, reason = "fallback", _describe(error, 0)
        else:
            status = WeightsStatus(True, True, source, "", path, _file_identity(path))
            return PristineResNet(_freeze(model), status), status
    return None, WeightsStatus(True, False, source, reason, path, f"random:{RANDOM_INIT_SEED}")


def load_pristine(pretrained: bool, connect_timeout: float = CONNECT_TIMEOUT_S,
                  download_timeout: float = DOWNLOAD_TIMEOUT_S) -> PristineResNet:
    """The starting ResNet18: pretrained when asked for and available, else random."""
    if pretrained:
        model, status = load_pretrained(connect_timeout, download_timeout)
        if model is not None:
            return model
        return fallback(load_random(), status)
    return load_random()


def fallback(random: PristineResNet, status: WeightsStatus) -> PristineResNet:
    """The random network, labelled with why the pretrained one is missing."""
    return replace(random, status=status)
