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

import gc
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
        if not gc.get_freeze_count():
            _freeze_what_is_loaded()


def _freeze_what_is_loaded() -> None:
    """Leave everything imported so far out of every later garbage collection.

    With torch, torchvision, plotly, pandas and Streamlit loaded the collector
    tracks ~420 000 objects that live as long as the process, and a full
    collection walks them all while holding the GIL: measured 0.12 s on a quiet
    machine and 0.65 s on a busy one, a stall for every session. Python runs
    one whenever the long-lived objects have grown by a quarter (cached
    figures, sessions). Frozen, a full collection walks only what came later
    (50 ms against 650 ms in the same measurement, issue 26). Only garbage
    cycles left by the imports themselves are never freed: 545 objects when
    measured. Once per process: ``gc.get_freeze_count()`` is 0 until then.
    """
    gc.freeze()
