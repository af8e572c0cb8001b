"""① draws its title, text and controls before torch is imported (issue #24:
on a cold server every page waited 3–7 s for ``import torch`` before its
title). Checked on the source: what the router and ① import before the page
calls ``heavy_imports.load()`` is imported in a fresh interpreter, which must
not have loaded torch (or the other heavy libraries) by then.
"""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support import ROOT

# (plotly.graph_objects is not among them: streamlit imports it itself, a lazy module.)
HEAVY = ("torch", "torchvision", "pandas")


def _modules(statements) -> list[str]:
    names = []
    for node in statements:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module)
    return names


def _calls_load(node) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
               and n.func.attr == "load" and getattr(n.func.value, "id", "") == "heavy_imports"
               for n in ast.walk(node))


def _before_load(path) -> tuple[list[str], list[str]]:
    """Top-level imports and called names of ``path`` before its first heavy_imports.load()."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    before = []
    for node in body:
        if _calls_load(node):
            break
        before.append(node)
    else:
        raise AssertionError(f"{path.name} never calls heavy_imports.load()")
    called = [n.func.id for node in before for n in ast.walk(node)
              if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    return _modules(before), called


def _loaded_after_importing(modules: list[str]) -> list[str]:
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            + "".join(f"import {name}\n" for name in modules)
            + f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, check=True)
    return [m for m in done.stdout.strip().split(",") if m]


def test_resnet_draws_its_first_screen_before_importing_torch():
    modules, called = _before_load(ROOT / "pages" / "resnet.py")
    # The first screen is drawn before the heavy imports ...
    assert "start_page" in called and "control_widget" in called, called
    # ... and nothing it imports to draw it loads torch.
    assert _loaded_after_importing(modules) == []


def test_the_router_imports_no_heavy_library_before_the_page_is_chosen():
    body = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8")).body
    assert _loaded_after_importing(_modules(body)) == []
