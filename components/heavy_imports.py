"""The heavy libraries (pandas, plotly, torch, torchvision), imported once per
process, one thread at a time.

Sessions of a freshly started server run their first page in parallel
threads; when they imported these at the same moment, students saw "partially
initialized module 'pandas'" and importlib deadlock errors
(bench/bench_coldstart.py: 9 of 30 students opening pages in the same second).
Every page imports them through ``load()`` before its own heavy modules: the
router for most pages, and ① itself once its title and controls are on screen
(torch alone takes 3–7 s to import on a cold, busy host).
"""

from __future__ import annotations

import threading

# Deliberately process-wide: one lock so that only one thread ever runs these
# imports; later callers wait for it, then find the modules already loaded.
_LOCK = threading.Lock()


def load() -> None:
    """Import the heavy libraries (a no-op once they are loaded)."""
    with _LOCK:
        import pandas  # noqa: F401
        import plotly.graph_objects  # noqa: F401
        import torch  # noqa: F401
        import torchvision  # noqa: F401
