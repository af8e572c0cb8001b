"""Issue 26: what the heavy imports loaded stays out of later garbage collections."""

from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT

SCRIPT = """
import gc, sys
sys.path.insert(0, {root!r})
from components import heavy_imports
import torch
assert gc.get_freeze_count() == 0, "frozen before load()"
heavy_imports.load()
frozen = gc.get_freeze_count()
tracked = {{id(o) for o in gc.get_objects()}}
heavy_imports.load()  # a second call freezes nothing more
print(frozen, gc.get_freeze_count(), id(torch.nn.Module) in tracked, id(torch.Tensor.backward) in tracked)
"""


def test_heavy_imports_are_frozen_once():
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))],
                         capture_output=True, text=True, timeout=600, check=True)
    frozen, again, module_tracked, function_tracked = out.stdout.split()
    # torch, torchvision, plotly and pandas: hundreds of thousands of objects.
    assert int(frozen) > 100_000
    assert int(again) == int(frozen)
    # A full collection no longer walks them.
    assert module_tracked == "False" and function_tracked == "False"
