"""Shared set-up of the ResNet tests: a private torch hub cache, no network."""

from __future__ import annotations

import os
import urllib.error
import urllib.request

import torch

from components.core.resnet_weights import weights_cache_path


def go_offline(monkeypatch, tmp_path, calls: list | None = None) -> str:
    """Point ``$TORCH_HOME`` at an empty folder and make every HTTP request fail.

    Returns the exact cache path torchvision would use for the weights file.
    ``calls`` (if given) collects the URL of every attempted request.
    """
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))

    def refuse(request, *args, **kwargs):
        url = getattr(request, "full_url", request)
        if calls is not None:
            calls.append(url)
        raise urllib.error.URLError("offline (test)")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(torch.hub, "urlopen", refuse)
    return weights_cache_path()


def write_weights_file(path: str, seed: int = 123) -> dict[str, torch.Tensor]:
    """A random ResNet18 state_dict saved where the pretrained file belongs."""
    from torchvision.models import resnet18

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        state = resnet18().state_dict()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.save(state, path)
    return state
