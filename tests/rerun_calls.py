"""A rerun counted, not timed: Python calls and script-thread CPU per slider move.

Shared by ``tests/test_rerun_cost.py`` and ``bench/bench_calls.py``. A page
runs in AppTest; after warm-up moves its slider goes back and forth between
two values, and only those reruns are measured, in AppTest's script thread:
the Python function calls cProfile counts (the same for the same code and
values, however busy the machine) and the thread's CPU time
(``time.thread_time``: other processes' load does not add to it).

As on a server: AppTest gives every run a fresh ``ScriptCache``, so it parses
and compiles the page (with Streamlit's "magic" AST pass) on every rerun, a
cost of 8–15 % of a lesson's rerun that a real server pays once per process
(``Runtime`` keeps one ``ScriptCache``; ``st.navigation`` pages use it too).
``measure`` shares one cache between the runs, as the server does;
``compile_each_run=True`` measures the way AppTest does by itself (and
``bench_calls.py`` did before 2026-12-08).
"""

from __future__ import annotations

import contextlib
import cProfile
import pstats
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, local_script_runner

ROOT = Path(__file__).resolve().parents[1]
BARE = "bench/bare_app.py"
# The bare page's slider (bench/bare_app.py) and two of its grid values.
BARE_SLIDER = ("x", (1.0, 1.5))


@dataclass
class Measured:
    calls: float          # Python calls per rerun (cProfile)
    cpu: float            # script-thread CPU seconds per rerun
    stats: pstats.Stats   # the profiled reruns, for a closer look


@contextlib.contextmanager
def _compiled_once() -> Iterator[None]:
    """Every AppTest run inside shares one ScriptCache, as a server's sessions do."""
    one = ScriptCache()
    original = local_script_runner.ScriptCache
    local_script_runner.ScriptCache = lambda: one
    try:
        yield
    finally:
        local_script_runner.ScriptCache = original


@contextlib.contextmanager
def _metered(meter: dict) -> Iterator[None]:
    """Profile or time AppTest's script thread while ``meter["mode"]`` says so."""
    runner = local_script_runner.LocalScriptRunner
    original = runner._run_script_thread

    def measured(self) -> None:
        mode = meter["mode"]
        if mode is None:
            return original(self)
        start = time.thread_time()
        if mode == "profile":
            meter["profiler"].enable()
        try:
            return original(self)
        finally:
            if mode == "profile":
                meter["profiler"].disable()
            else:
                meter["cpu"] += time.thread_time() - start

    runner._run_script_thread = measured
    try:
        yield
    finally:
        runner._run_script_thread = original


def measure(script: str, slider: str, values: tuple, reruns: int = 4,
            query: dict[str, str] | None = None, root: Path = ROOT,
            compile_each_run: bool = False, timeout: float = 300) -> Measured:
    """Calls and CPU per rerun of ``script`` (relative to ``root``) while
    ``slider`` moves between ``values``: ``reruns`` moves timed, then
    ``reruns`` moves profiled (a profiler slows what it watches)."""
    meter = {"mode": None, "cpu": 0.0, "profiler": cProfile.Profile()}
    with contextlib.ExitStack() as stack:
        if not compile_each_run:
            stack.enter_context(_compiled_once())
        stack.enter_context(_metered(meter))
        at = AppTest.from_file(str(Path(root) / script), default_timeout=timeout)
        for name, value in (query or {}).items():
            at.query_params[name] = value
        at.run()
        for value in values[::-1]:  # warm-up: both values seen once
            at.slider(slider).set_value(value).run()
        for mode in ("cpu", "profile"):
            meter["mode"] = mode
            for i in range(reruns):
                at.slider(slider).set_value(values[(i + 1) % 2]).run()
        meter["mode"] = None
        assert not at.exception, [e.value for e in at.exception]
    stats = pstats.Stats(meter["profiler"])
    calls = sum(nc for (_cc, nc, _tt, _ct, _callers) in stats.stats.values())
    return Measured(calls=calls / reruns, cpu=meter["cpu"] / reruns, stats=stats)


def measure_bare(reruns: int = 4, root: Path = ROOT, compile_each_run: bool = False) -> Measured:
    """The bare page (one slider, one autograd op, one chart), measured the same way."""
    slider, values = BARE_SLIDER
    return measure(BARE, slider, values, reruns, root=root, compile_each_run=compile_each_run)
