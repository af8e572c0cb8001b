"""Shared helpers for the AppTest and browser tests."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
# import torch alone takes ~3 s here; AppTest's 3 s default is far too short.
APPTEST_TIMEOUT = 60
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Several devices of one class (an instructor and phones) share one browser here,
    # each in its own context; a real phone is always in the foreground, so its timers
    # (the class pages' polls) must not be throttled while another context is in front.
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def run_page(page: str, query: dict[str, str] | None = None, lang: str | None = None) -> AppTest:
    """Run ``pages/<page>.py`` on its own, as a fresh session with a URL query."""
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=APPTEST_TIMEOUT)
    for name, value in (query or {}).items():
        at.query_params[name] = value
    if lang:
        at.query_params["lang"] = lang
    return at.run()


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def all_text(at: AppTest) -> str:
    """Every markdown, caption, title and warning on the page, joined."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "warning",
                 "info", "error", "success", "code", "latex"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


def unwrapped(markdown: str) -> str:
    """A markdown element's text without ``layout``'s keyboard-scrollable box
    around a table or an equation."""
    import re

    found = re.fullmatch(r'<div class="scroll-region"[^>]*>\n\n(.*)\n\n</div>', markdown,
                         flags=re.S)
    return found.group(1) if found else markdown


def equations(at: AppTest) -> list[str]:
    """Every display equation on the page: ``st.latex`` and the markdown ``$$…$$``
    that ``layout.equation`` draws inside its keyboard-scrollable box."""
    import re

    found = [str(e.value) for e in at.latex]
    for element in at.markdown:
        found += re.findall(r"^\$\$\n(.*?)\n\$\$$", unwrapped(str(element.value)), flags=re.S)
    return found


def plotly_specs(at: AppTest) -> list[dict]:
    """The plotly figures on the page (AppTest has no plotly accessor)."""
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def decode_array(values):
    """Plotly ≥6 ships numpy arrays as ``{"dtype", "bdata"}``; lists pass through."""
    if isinstance(values, dict) and "bdata" in values:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PortTaken(RuntimeError):
    """``streamlit run`` could not bind its port: another process has it."""


def start_server(script: str = "dashboard.py", port: int | None = None,
                 extra_args: tuple[str, ...] = (), env: dict | None = None,
                 cwd: Path | None = None):
    """``streamlit run`` on loopback; returns (process, base URL) once healthy.

    ``cwd``: the checkout to serve (default: this one), e.g. an older commit
    that a benchmark compares with.
    """
    if port is None:
        # Another process (a parallel xdist worker) can take a free port between
        # free_port() and streamlit's bind: try a few fresh ports before failing.
        for attempt in range(3):
            try:
                return start_server(script, free_port(), extra_args, env, cwd)
            except PortTaken:
                if attempt == 2:
                    raise
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
           *extra_args]
    proc = subprocess.Popen(cmd, cwd=cwd or ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            error = proc.stderr.read().decode()[-2000:]
            if "already in use" in error:
                raise PortTaken(error)
            raise RuntimeError(f"streamlit exited: {error}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 90 s")


def stop_server(proc) -> None:
    """End a server from ``start_server``: ask politely, then insist."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except Exception:
        proc.kill()


@contextlib.contextmanager
def served(script: str = "dashboard.py", env: dict | None = None):
    """``start_server`` as a context manager (for fixtures): yields the base URL."""
    proc, url = start_server(script, env=env)
    try:
        yield url
    finally:
        stop_server(proc)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                      headless=True)


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the app's script run has finished and the page settled."""
    page.wait_for_selector(IDLE, timeout=timeout)


def slider_handle(page, key: str):
    """The focusable element of the slider with widget key ``key``."""
    return page.locator(f".st-key-{key} input[type='range']").first


def svg_images(at: AppTest) -> list[str]:
    """The SVG text of every ``st.image`` that shows an SVG (e.g. the backward graph)."""
    import base64

    prefix = "data:image/svg+xml;base64,"
    svgs = []
    for element in at.get("image"):
        for img in element.proto.imgs:
            if img.url.startswith(prefix):
                svgs.append(base64.b64decode(img.url[len(prefix):]).decode())
    return svgs


def image_alts(at: AppTest) -> list[str | None]:
    """The ``alt`` text of every ``st.image`` picture (None where it has none)."""
    return [img.alt if img.HasField("alt") else None
            for element in at.get("image") for img in element.proto.imgs]


def open_page(page, server_url: str, path: str, query: str = "", charts: bool = False,
              timeout: float = 120_000) -> None:
    """Open ``/<path>?<query>`` and wait until the app has drawn its title
    (and, with ``charts``, a plotly chart) and finished running."""
    page.goto(f"{server_url}/{path}?{query}", wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=timeout)
    wait_idle(page, timeout=timeout)
    if charts:
        page.wait_for_selector(".js-plotly-plot", timeout=timeout)


# AppTest accessor for each widget kind of the control schema.
_ACCESSORS = {"slider": "slider", "select_slider": "select_slider", "toggle": "toggle",
              "radio": "radio", "number": "number_input", "text": "text_input"}


def widget_values(at: AppTest, page: str, names: tuple[str, ...] | None = None) -> dict:
    """The value of each control's widget, found by key through the schema.

    ``names`` narrows it to the widgets a page shows in this view (the
    optimizer hides b1/b2 on its landscapes).
    """
    from components.ui.schema import controls_for

    values = {}
    for control in controls_for(page):
        if names is None or control.name in names:
            accessor = getattr(at, _ACCESSORS[control.widget])
            values[control.name] = accessor(key=control.name).value
    return values


FOCUS_IN = ("([key, what]) => { const el = document.activeElement;"
            " return !!el?.closest('.st-key-' + key) && el.matches(what); }")


def tab_to(page, key: str, what: str = "*", limit: int = 120, backwards: bool = False) -> int:
    """Press Tab (Shift+Tab with ``backwards``) until the focus is on an element
    matching ``what`` inside the widget with key ``key`` (a label's help button
    comes before its slider); returns the number of presses."""
    press = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(press)
        if page.evaluate(FOCUS_IN, [key, what]):
            return presses
    raise AssertionError(f"{press} never reached {key}")


# The box a sighted keyboard user sees focused: radios, checkboxes and toggles
# hide their input inside a label, a slider's range input sits in its knob.
_FOCUS_RING = """() => {
  const el = document.activeElement;
  let box = el;
  if (el.matches('input[type=range]')) box = el.parentElement.parentElement;
  else if (el.matches('input[type=radio], input[type=checkbox]')) box = el.closest('label');
  const style = getComputedStyle(box);
  let opacity = 1;
  for (let n = box; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
  const rect = box.getBoundingClientRect();
  return {tag: el.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          color: style.outlineColor, opacity, area: rect.width * rect.height};
}"""


def contrast_ratio(rgb_a: tuple[float, ...], rgb_b: tuple[float, ...]) -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours given as 0–255 channels."""
    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(rgb_a), luminance(rgb_b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def assert_focus_ring_visible(page) -> None:
    """The focused control shows an outline of at least 2 px whose colour has at
    least 3:1 contrast with the white page (WCAG 2.4.7 and 1.4.11)."""
    import re

    ring = page.evaluate(_FOCUS_RING)
    assert ring["style"] not in ("none", "hidden") and ring["width"] >= 2, ring
    assert ring["opacity"] > 0.9 and ring["area"] > 0, ring
    channels = tuple(float(c) for c in re.findall(r"[\d.]+", ring["color"])[:3])
    assert contrast_ratio(channels, (255, 255, 255)) >= 3, ring


def drag_components(at: AppTest) -> list:
    """The page's drag sliders: its ``st.components.v2`` elements that carry data
    (the touch guard every page mounts carries none)."""
    return [e for e in at.get("bidi_component") if e.proto.json]


def watch_socket(page) -> list:
    """Every websocket frame the page receives from now on (call before opening it)."""
    frames: list = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
    return frames


def rerun_bytes(page, frames: list, key: str, press: str = "ArrowLeft") -> dict[str, int]:
    """Bytes the server sends for one rerun after a key on slider ``key``: ``total``
    and by element kind (``plotly_chart``, ``bidi_component`` ...), summed over the
    websocket frames (one ForwardMsg each, ``frames`` from ``watch_socket``) from
    the key until the run is over. The page must be open and idle."""
    from collections import Counter

    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    page.evaluate(WATCH_RUNS)
    slider_handle(page, key).focus()
    frames.clear()
    page.keyboard.press(press)
    page.wait_for_function("() => window.__states.includes('running')", timeout=30_000)
    wait_idle(page)
    page.wait_for_timeout(500)  # the run's last messages after the state flips
    by_kind: Counter = Counter()
    for payload in frames:
        data = payload if isinstance(payload, bytes) else payload.encode()
        message = ForwardMsg()
        message.ParseFromString(data)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            kind = message.delta.new_element.WhichOneof("type")
        by_kind[kind] += len(data)
    return {"total": sum(by_kind.values()), **by_kind}


def drag_payloads(at: AppTest) -> dict[str, dict]:
    """The live figures' data by control name; ``figure`` is the spec this run
    sent (a session gets each spec once), else None."""
    out = {}
    for element in drag_components(at):
        data = json.loads(element.proto.json)
        data["figure"] = data["assets"].get(data["digest"])
        out[data["name"]] = data
    return out


# Records every value of the app's script state from now on (a rerun shows as
# "running"): evaluate it, act, then read ``window.__states`` (empty: no rerun).
WATCH_RUNS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__states = [];
  new MutationObserver(() => window.__states.push(app.dataset.testScriptState))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


@contextlib.contextmanager
def screen_tab(browser, width: int, height: int, lang: str = "ko", phone: bool = False):
    """A tab in its own browser context (own cookies, own session) with this screen
    (a phone's is mobile and touch), closed with its context afterwards."""
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone,
                                  has_touch=phone, locale="ko-KR" if lang == "ko" else "en-US")
    try:
        yield context.new_page()
    finally:
        context.close()


class Heartbeat:
    """A thread of the test process that sleeps 20 ms in a loop and records the
    longest time between two wake-ups: what any other session of the server
    would wait while this page runs (a GIL held by big-integer arithmetic
    stretched it to 6 s)."""

    def __init__(self):
        self.longest = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, daemon=True)

    def _beat(self):
        last = time.perf_counter()
        while not self._stop.is_set():
            time.sleep(0.02)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last)
            last = now

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


class Clock:
    """A wall clock a test moves by hand (the ``clock`` fixture, tests/conftest.py)."""

    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now
