"""Shared helpers for the benchmarks: pages, servers, a websocket client, tables.

The pages come from ``components/ui/pages.py`` (home + LESSONS), so a lesson
registered there is benchmarked without touching this folder. Every server is
``streamlit run`` on 127.0.0.1 (``tests/support.py::start_server``); nothing
leaves the machine.

``StreamlitSession`` speaks Streamlit's own websocket protocol, the way the
browser does (learned from ``streamlit/web/server/starlette/starlette_websocket.py``
and ``runtime/app_session.py``):

1. open ``ws://host/_stcore/stream`` with sub-protocol ``streamlit``;
2. send ``BackMsg.rerun_script`` (a ``ClientState``) with the page's URL path as
   ``page_name`` and the query string; the server answers with ``new_session``,
   ``navigation`` (the ``page_script_hash`` of the page that ran), ``delta`` messages (the elements, widget ids
   included) and finally ``script_finished``;
3. a slider move is another ``rerun_script`` with the same ``page_script_hash``,
   the query string the server last reported (``page_info_changed``) and the
   ``widget_states`` of every widget with the moved slider's new value, plus the
   hashes of the cacheable messages already received (``cached_message_hashes``),
   as the frontend does.

``script_finished`` with ``FINISHED_EARLY_FOR_RERUN`` (an ``st.rerun()``) is not
the end of a run: the client waits for ``FINISHED_SUCCESSFULLY``.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Figures appear as they are measured, also when piped (make bench | tee).
sys.stdout.reconfigure(line_buffering=True)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support import (  # noqa: E402  (re-exported for the bench scripts)
    CHROMIUM,
    free_port,
    launch_chromium,
    slider_handle,
    start_server,
    wait_idle,
)

__all__ = [
    "CHROMIUM", "ROOT", "BARE_APP", "PageSpec", "RunResult", "Server", "StreamlitSession",
    "free_port", "launch_chromium", "slider_handle", "start_server", "wait_idle",
    "bare_spec", "lesson_specs", "machine_info", "percentile", "print_machine", "print_table",
    "rss_mb", "cpu_seconds", "server", "fmt_ms", "ratio", "run_async", "median",
]

BARE_APP = "bench/bare_app.py"
# The levers' command-line names; tests/support.start_server passes extra args through.
GC_OFF = ("--runner.postScriptGC", "false")
GC_ON = ("--runner.postScriptGC", "true")


# --------------------------------------------------------------------- pages

@dataclass(frozen=True)
class PageSpec:
    """A page to benchmark: where it lives and which slider a student moves.

    ``values`` are the two grid values the slider alternates between (the
    default and one step away), so every move really changes the page.
    """

    slug: str
    url_path: str          # "" for the default (home) page
    slider: str | None     # widget key; None when the page has no slider
    values: tuple = ()
    server: str = "app"    # "app" (dashboard.py) or "bare" (bench/bare_app.py)

    @property
    def light(self) -> bool:
        return self.slug not in ("resnet", "home", "bare")


def _slider_of(controls) -> tuple[str | None, tuple]:
    """The first plain slider of a page and two neighbouring grid values."""
    for control in controls:
        if control.widget != "slider":
            continue
        step = control.step
        first = control.default
        second = first + step if first + step <= control.high else first - step
        if control.kind == "int":
            return control.name, (int(first), int(second))
        return control.name, (float(first), round(float(second), 10))
    for control in controls:
        if control.widget == "select_slider" and len(control.options) > 1:
            options = list(control.options)
            i = options.index(control.default)
            j = i + 1 if i + 1 < len(options) else i - 1
            return control.name, (i, j)  # option indices: the client sends their labels
    return None, ()


def lesson_specs(include_home: bool = True, only: Sequence[str] = ()) -> list[PageSpec]:
    """Home (optional) and every lesson registered in ``components/ui/pages.py``."""
    from components.ui.pages import HOME, LESSONS
    from components.ui.schema import PAGE_CONTROLS

    slugs = ([HOME[0]] if include_home else []) + [slug for slug, _ in LESSONS]
    if only:
        slugs = [s for s in slugs if s in only]
    specs = []
    for slug in slugs:
        key, values = _slider_of(PAGE_CONTROLS.get(slug, ()))
        specs.append(PageSpec(slug, "" if slug == HOME[0] else slug, key, values))
    return specs


def bare_spec() -> PageSpec:
    """The bare page: one slider ``x``, one tiny autograd op, one plotly chart."""
    return PageSpec("bare", "", "x", (1.0, 1.5), server="bare")


# ------------------------------------------------------------------ machine

def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def _chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                             timeout=20).stdout.strip()
        return out.splitlines()[-1] if out else "?"
    except (OSError, subprocess.SubprocessError):
        return "not found"


def machine_info(browser: bool = False) -> dict[str, str]:
    """What the figures were taken on (printed above every table)."""
    import plotly
    import streamlit
    import torch

    mem = next((line.split()[1] for line in _read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), "0")
    info = {
        "cpu": _cpu_model(),
        "nproc": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                     else os.cpu_count()),
        "memory": f"{int(mem) / 1024 / 1024:.1f} GB",
        "load average (1/5 min)": " / ".join(f"{x:.2f}" for x in os.getloadavg()[:2]),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "torch": f"{torch.__version__} (intra-op threads by default: {torch.get_num_threads()})",
        "streamlit": streamlit.__version__,
        "plotly": plotly.__version__,
    }
    if browser:
        import importlib.metadata

        info["playwright"] = importlib.metadata.version("playwright")
        info["chromium"] = _chromium_version()
    return info


def print_machine(title: str, browser: bool = False, extra: dict | None = None) -> None:
    print(f"\n# {title}")
    print(f"  taken {time.strftime('%Y-%m-%d %H:%M:%S')}")
    for key, value in {**machine_info(browser), **(extra or {})}.items():
        print(f"  {key:<24} {value}")
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    if load > 0.5 * cores:
        print(f"  NOTE: the machine was busy when this started (load {load:.2f} on {cores} "
              "cores): figures are noisy; re-run on a quiet machine.")
    print()


# -------------------------------------------------------------------- stats

def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100), linear between closest ranks; NaN if empty."""
    if not values:
        return math.nan
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def fmt_ms(seconds: float) -> str:
    return "—" if seconds is None or math.isnan(seconds) else f"{seconds * 1000:.0f} ms"


def ratio(value: float, base: float) -> str:
    if not base or math.isnan(value) or math.isnan(base):
        return "—"
    return f"{value / base:.2f}×"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A GitHub-markdown table, readable in a terminal and pasteable in the README."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    print(line(cells[0]))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in cells[1:]:
        print(line(row))
    print()


# ------------------------------------------------------------------ servers

def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (VmRSS; no psutil needed)."""
    for line in _read(f"/proc/{pid}/status").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = _read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
    if len(fields) < 13:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    proc: subprocess.Popen
    url: str
    started: float  # time.monotonic() just before the process was spawned
    ready: float    # ... when /_stcore/health first answered 200

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/_stcore/stream"

    def rss_mb(self) -> float:
        return rss_mb(self.pid)


@contextlib.contextmanager
def server(script: str = "dashboard.py", gc: bool | None = None, threads: int | None = None,
           extra_args: tuple[str, ...] = (), env: dict | None = None,
           cwd: Path | None = None) -> Iterator[Server]:
    """``streamlit run script`` on loopback with the levers set; stopped on exit.

    ``gc``: ``runner.postScriptGC`` (None: whatever .streamlit/config.toml says).
    ``threads``: torch intra-op threads in the server (None: torch's default,
    one per core). ``env``: extra environment, e.g. ``MALLOC_ARENA_MAX``.
    ``cwd``: the checkout to serve (default: this one).
    """
    args = tuple(extra_args)
    if gc is not None:
        args += GC_ON if gc else GC_OFF
    env = dict(env or {})
    if threads is not None:
        # torch sizes its intra-op pool from OMP_NUM_THREADS when it is imported.
        env["OMP_NUM_THREADS"] = str(threads)
    started = time.monotonic()
    proc, url = start_server(script, extra_args=args, env=env, cwd=cwd)
    handle = Server(proc, url, started, time.monotonic())
    try:
        yield handle
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


# ------------------------------------------------------ websocket protocol

def run_async(coroutine):
    """``asyncio.run`` that also works beside Playwright's sync API (own thread)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@dataclass
class RunResult:
    """One script run as the client saw it."""

    seconds: float
    messages: int = 0
    bytes: int = 0
    plotly_bytes: int = 0
    plotly_list_arrays: int = 0     # data arrays shipped as JSON lists (not bdata)
    error: str | None = None        # exception element, timeout or disconnect
    query_string: str = ""
    texts: list = field(default_factory=list)  # markdown and alert bodies drawn by the run


def _widget_state(kind: str, element):
    """The WidgetState the browser would send for ``element`` (None: not a value widget)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=element.id)
    if kind == "slider" and element.type == element.SELECT_SLIDER:
        # st.select_slider is a Slider proto too; its value travels as labels.
        if not len(element.raw_value):
            return None
        state.string_array_value.data.extend(element.raw_value)
    elif kind == "slider":
        state.double_array_value.data.extend(element.value if element.set_value
                                             else element.default)
    elif kind == "radio" and element.raw_value:
        state.string_value = element.raw_value
    elif kind == "checkbox":
        state.bool_value = element.value if element.set_value else element.default
    elif kind == "number_input":
        number = element.value if element.set_value else element.default
        if element.data_type == element.INT:
            state.int_value = int(number)
        else:
            state.double_value = number
    else:
        return None
    return state


def _count_list_arrays(spec: dict) -> int:
    """Plotly data arrays sent as JSON lists of numbers (numpy arrays become bdata)."""
    count = 0
    for trace in spec.get("data", []):
        for key in ("x", "y", "z"):
            value = trace.get(key)
            if isinstance(value, list) and len(value) > 8 and all(
                    isinstance(v, (int, float)) for v in value[:8]):
                count += 1
    return count


@dataclass
class StreamlitSession:
    """One simulated browser tab talking Streamlit's websocket protocol."""

    ws_url: str
    timeout: float = 60.0
    inspect_plotly: bool = False
    ws: object = None
    page_script_hash: str = ""
    query_string: str = ""
    widgets: dict = field(default_factory=dict)  # key -> (kind, element, WidgetState)
    fragments: dict = field(default_factory=dict)  # widget key -> its st.fragment's id
    cached_hashes: set = field(default_factory=set)

    async def connect(self) -> None:
        import websockets

        self.ws = await asyncio.wait_for(
            websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                               open_timeout=self.timeout, ping_interval=None),
            self.timeout)

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 5)
            self.ws = None

    async def open(self, spec: PageSpec, query: str = "") -> RunResult:
        """The first run of a page, as when a browser opens its URL."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        back = BackMsg()
        back.rerun_script.query_string = query
        back.rerun_script.page_name = spec.url_path
        self.widgets.clear()
        return await self._run(back)

    async def move(self, key: str | None, value) -> RunResult:
        """Set widget ``key`` to ``value`` and wait for the rerun to finish.

        ``key=None`` reruns with unchanged widgets (a page with no slider).
        """
        from streamlit.proto.BackMsg_pb2 import BackMsg

        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.cached_message_hashes.extend(sorted(self.cached_hashes))
        if key is not None:
            if key not in self.widgets:  # the page failed, or is not finished yet
                return RunResult(seconds=math.nan, error=f"no widget with key {key!r}")
            kind, element, widget = self.widgets[key]
            # Like the frontend: a widget inside an st.fragment reruns only that fragment.
            if self.fragments.get(key):
                state.fragment_id = self.fragments[key]
            if element.type == element.SELECT_SLIDER:  # ``value`` is an option index
                widget.ClearField("string_array_value")
                widget.string_array_value.data.append(element.options[int(value)])
            else:
                widget.ClearField("double_array_value")
                widget.double_array_value.data.append(float(value))
        # Like the frontend: the current value of every widget on the page.
        for _kind, _element, widget in self.widgets.values():
            if widget is not None:
                state.widget_states.widgets.append(widget)
        return await self._run(back)

    async def type_number(self, key: str, value: float) -> RunResult:
        """Type ``value`` into the number input ``key`` and press Enter (one rerun)."""
        if key not in self.widgets:
            return RunResult(seconds=math.nan, error=f"no widget with key {key!r}")
        self.widgets[key][2].double_value = float(value)
        return await self.move(None, None)

    async def click(self, key: str) -> RunResult:
        """Press the button ``key``: one rerun whose widget states carry its trigger."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        if key not in self.widgets:
            return RunResult(seconds=math.nan, error=f"no widget with key {key!r}")
        kind, element, before = self.widgets[key]
        self.widgets[key] = (kind, element, WidgetState(id=element.id, trigger_value=True))
        try:
            return await self.move(None, None)
        finally:
            if key in self.widgets:  # a trigger lasts one run, as in the browser
                self.widgets[key] = (kind, element, before)

    def _track(self, key: str, kind: str, element) -> None:
        """Keep the value the browser would hold for this widget.

        A rerun's element carries a value only when the script set it
        (``set_value``); otherwise the browser keeps what it had.
        """
        known = self.widgets.get(key)
        if known is None or getattr(element, "set_value", False):
            self.widgets[key] = (kind, element, _widget_state(kind, element))
        else:
            self.widgets[key] = (kind, element, known[2])

    async def _run(self, back) -> RunResult:
        import json

        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        start = time.perf_counter()
        result = RunResult(seconds=math.nan)
        deadline = start + self.timeout
        hashes: set[str] = set()  # what this run left in the browser's message cache
        seen: set[str] = set()    # widget keys drawn by this run
        try:
            await self.ws.send(back.SerializeToString())
            while True:
                data = await asyncio.wait_for(self.ws.recv(),
                                              max(0.01, deadline - time.perf_counter()))
                msg = ForwardMsg()
                msg.ParseFromString(data)
                result.messages += 1
                result.bytes += len(data)
                kind = msg.WhichOneof("type")
                if msg.metadata.cacheable and msg.hash:
                    hashes.add(msg.hash)
                if kind == "ref_hash":
                    hashes.add(msg.ref_hash)
                elif kind == "new_session":
                    self.page_script_hash = msg.new_session.page_script_hash
                elif kind == "navigation" and msg.navigation.page_script_hash:
                    # Under st.navigation the page that ran is named here.
                    self.page_script_hash = msg.navigation.page_script_hash
                elif kind == "page_info_changed":
                    self.query_string = msg.page_info_changed.query_string
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    element = msg.delta.new_element
                    etype = element.WhichOneof("type")
                    sub = getattr(element, etype)
                    if etype == "exception":
                        result.error = f"{sub.type}: {sub.message}"[:300]
                    elif etype in ("markdown", "alert"):
                        result.texts.append(sub.body)
                    elif etype == "plotly_chart":
                        spec = sub.spec
                        result.plotly_bytes += len(spec)
                        if self.inspect_plotly and spec:
                            result.plotly_list_arrays += _count_list_arrays(json.loads(spec))
                    widget_id = getattr(sub, "id", "") if etype != "exception" else ""
                    if widget_id and "-" in widget_id:
                        key = widget_id.rsplit("-", 1)[-1]
                        seen.add(key)
                        self._track(key, etype, sub)
                        self.fragments[key] = msg.delta.fragment_id
                elif kind == "script_finished":
                    status = msg.script_finished
                    if status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                        # Everything outside the fragment stays, cached messages too.
                        hashes |= self.cached_hashes
                        break
                    if status in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                  ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
                        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            result.error = "compile error"
                        else:  # the browser forgets widgets the run did not draw
                            self.widgets = {k: v for k, v in self.widgets.items() if k in seen}
                        break
        except (asyncio.TimeoutError, TimeoutError):
            result.error = f"timeout after {self.timeout:.0f} s"
        except Exception as exc:  # disconnects and protocol errors count as errors
            result.error = f"{type(exc).__name__}: {exc}"[:300]
        result.seconds = time.perf_counter() - start
        self.cached_hashes = hashes
        result.query_string = self.query_string
        return result
