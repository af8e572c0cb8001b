"""Real-browser latency: slider key press → rerun finished → next frame painted.

    python bench/bench_browser.py               # 12 moves per page
    python bench/bench_browser.py --quick       # 3 moves per page (smoke run, < 1 min)
    python bench/bench_browser.py --pages gradients,resnet --rounds 30

Method. Two real ``streamlit run`` servers on loopback (the dashboard and
``bench/bare_app.py``) and headless Chromium (Debian's, driven by Playwright).
Every page is open in its own tab; a round brings each tab to the front in
turn, focuses the page's first slider and presses ArrowRight/ArrowLeft (one
grid step, back and forth). Three instants are taken on the page's own clock
(``performance.now()``), so no cross-process clock is involved:

1. *key*: a capturing ``keydown`` listener on ``window``;
2. *finished*: an init script wraps ``window.WebSocket`` and reads the top-level
   protobuf fields of every frame Streamlit receives; the first
   ``ForwardMsg.script_finished`` (field number taken from
   ``streamlit.proto.ForwardMsg_pb2``) with status ``FINISHED_SUCCESSFULLY``
   (a whole-page rerun) or ``FINISHED_FRAGMENT_RUN_SUCCESSFULLY`` (a slider
   inside an ``st.fragment`` reruns only that part of the page)
   after the key press marks the end of the rerun;
3. *painted*: from then on, each animation frame checks the app's
   ``data-test-script-state``; once it is ``notRunning`` (the frontend has
   processed the message), one more ``requestAnimationFrame`` fires after that
   frame was painted (the double-rAF idiom).

Python also listens to the same websocket frames (``page.on("websocket")``) and
decodes them with ``ForwardMsg`` to count reruns and spot exception elements.

Floor rows (``--no-floor`` skips them): the bare page served with one or two
more charts, or twenty more markdown lines, all changing with its slider
(``bench/bare_app.py?charts=N`` / ``?texts=N``). They show what a page pays
per extra element on this machine, to read the lesson rows against.

What the figures include: the slider widget's own handling of the key, the
websocket round trip, the server's rerun (script, protobuf, post-run GC if
enabled), and the frontend's work. "→ finished" is when the page's JavaScript
got to the ``script_finished`` frame, so it already includes rendering the
deltas that arrived before it; "→ painted" adds the charts' redraw up to the
next painted frame. The bare page pays all of these too, so "× bare" is what
a lesson adds.
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import replace

from common import (
    PageSpec,
    bare_spec,
    fmt_ms,
    launch_chromium,
    lesson_specs,
    median,
    percentile,
    print_machine,
    print_table,
    ratio,
    server,
    slider_handle,
    wait_idle,
)

TARGETS = {"light": 1.5, "resnet": 3.0}
# The floor: the bare page with a few more elements that change with its
# slider. What one more chart or twenty more lines cost, next to the targets.
FLOOR = (("bare + 1 chart", "?charts=1"), ("bare + 2 charts", "?charts=2"),
         ("bare + 20 texts", "?texts=20"))

INIT_SCRIPT = """
(() => {
  const FIELD = %d, SUCCESS = [%s];
  const bench = window.__bench = {key: [], finished: [], painted: []};
  window.addEventListener('keydown', () => bench.key.push(performance.now()), true);
  const varint = (b, i) => {
    let x = 0, s = 1, c;
    do { c = b[i++]; x += (c & 0x7f) * s; s *= 128; } while (c & 0x80 && i < b.length);
    return [x, i];
  };
  // The status of a top-level script_finished field, or -1.
  const finishedStatus = (bytes) => {
    const b = new Uint8Array(bytes);
    let i = 0, tag, n;
    while (i < b.length) {
      [tag, i] = varint(b, i);
      const field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { [n, i] = varint(b, i); if (field === FIELD) return n; }
      else if (wire === 2) { [n, i] = varint(b, i); i += n; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return -1;
    }
    return -1;
  };
  const paintedAfterIdle = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (app && app.getAttribute('data-test-script-state') === 'notRunning') {
      requestAnimationFrame(() => bench.painted.push(performance.now()));
    } else {
      requestAnimationFrame(paintedAfterIdle);
    }
  };
  const onFrame = (t, data) => {
    if (!SUCCESS.includes(finishedStatus(data))) return;
    bench.finished.push(t);
    requestAnimationFrame(paintedAfterIdle);
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const t = performance.now();
        if (event.data instanceof ArrayBuffer) onFrame(t, event.data);
        else if (event.data instanceof Blob) event.data.arrayBuffer().then((d) => onFrame(t, d));
      });
    }
  };
})();
"""

ONE_MOVE_DONE = """() => {
  const b = window.__bench;
  if (!b.key.length) return false;
  const k = b.key[b.key.length - 1];
  return b.painted.some((t) => t > k) && b.finished.some((t) => t > k);
}"""

ONE_MOVE = """() => {
  const b = window.__bench;
  const k = b.key[b.key.length - 1];
  return [b.finished.find((t) => t > k) - k, b.painted.find((t) => t > k) - k];
}"""


def finished_ok() -> tuple[int, int]:
    """The ``script_finished`` statuses that end a rerun: whole page or fragment."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    return (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


class Tab:
    """One page open in its own browser tab, with the websocket listener."""

    def __init__(self, context, spec: PageSpec, url: str):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.spec = spec
        self.page = context.new_page()
        self.reruns = 0
        self.exceptions: list[str] = []

        def on_frame(payload) -> None:
            if not isinstance(payload, (bytes, bytearray)):
                return
            msg = ForwardMsg()
            try:
                msg.ParseFromString(bytes(payload))
            except Exception:
                return
            kind = msg.WhichOneof("type")
            if kind == "script_finished" and msg.script_finished in finished_ok():
                self.reruns += 1
            elif kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
                self.exceptions.append(msg.delta.new_element.exception.message[:200])

        self.page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        self.page.goto(url, wait_until="domcontentloaded")
        self.page.wait_for_selector("[data-testid='stApp']", timeout=120_000)
        wait_idle(self.page, timeout=120_000)
        if spec.slider:
            slider_handle(self.page, spec.slider).wait_for(timeout=60_000)

    def move(self, key: str, timeout_ms: float) -> tuple[float, float] | None:
        """Press ``key`` on the slider; (finished, painted) seconds after the press."""
        self.page.bring_to_front()
        slider_handle(self.page, self.spec.slider).focus()
        self.page.evaluate("() => { const b = window.__bench; b.key.length = 0;"
                           " b.finished.length = 0; b.painted.length = 0; }")
        self.page.keyboard.press(key)
        try:
            self.page.wait_for_function(ONE_MOVE_DONE, timeout=timeout_ms, polling=20)
        except Exception:
            return None
        finished, painted = self.page.evaluate(ONE_MOVE)
        wait_idle(self.page, timeout=timeout_ms)
        return finished / 1000, painted / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12, help="key presses per page")
    parser.add_argument("--quick", action="store_true", help="3 presses per page")
    parser.add_argument("--pages", default="", help="comma-separated slugs (default: all)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between presses")
    parser.add_argument("--no-floor", dest="floor", action="store_false",
                        help="skip the bare page with extra charts / texts")
    parser.add_argument("--budget", type=float, default=300, help="max seconds of measuring")
    args = parser.parse_args()
    if args.quick:
        args.rounds = min(args.rounds, 3)

    from playwright.sync_api import sync_playwright
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    field = ForwardMsg.DESCRIPTOR.fields_by_name["script_finished"].number
    init_script = INIT_SCRIPT % (field, ", ".join(str(code) for code in finished_ok()))
    # Pages without a slider (home) have nothing to press.
    specs = [s for s in lesson_specs(only=[p for p in args.pages.split(",") if p]) if s.slider]
    print_machine("Browser latency: key press → script_finished → next frame painted",
                  browser=True, extra={"presses per page": args.rounds})
    results: dict[str, dict] = {}
    with server("bench/bare_app.py") as bare, server("dashboard.py") as app, \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(init_script)
        tabs = [Tab(context, bare_spec(), bare.url)]
        if args.floor:
            tabs += [Tab(context, replace(bare_spec(), slug=slug, url_path=query),
                         f"{bare.url}/{query}") for slug, query in FLOOR]
        tabs += [Tab(context, spec, f"{app.url}/{spec.url_path}?lang={args.lang}")
                 for spec in specs]
        for tab in tabs:
            results[tab.spec.slug] = dict(finished=[], painted=[], failed=0)
            for key in ("ArrowRight", "ArrowLeft"):  # warm-up: one step there and back
                tab.move(key, 120_000)
        deadline = time.monotonic() + args.budget
        for i in range(args.rounds):
            if time.monotonic() > deadline:
                print(f"  (time budget reached after {i} rounds)")
                break
            key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
            for tab in tabs[i % len(tabs):] + tabs[:i % len(tabs)]:
                measured = tab.move(key, 60_000)
                entry = results[tab.spec.slug]
                if measured is None:
                    entry["failed"] += 1
                else:
                    entry["finished"].append(measured[0])
                    entry["painted"].append(measured[1])
                time.sleep(args.pause)
        rows = []
        base = median(results["bare"]["painted"])
        base_finished = median(results["bare"]["finished"])
        for tab in tabs:
            entry = results[tab.spec.slug]
            painted = entry["painted"]
            value = median(painted)
            target = (None if tab.spec.server == "bare" else
                      TARGETS["light"] if tab.spec.light else
                      TARGETS["resnet"] if tab.spec.slug == "resnet" else None)
            verdict = "—" if target is None or math.isnan(value) else (
                f"≤ {target}× " + ("✓" if value / base <= target else "✗"))
            rows.append([tab.spec.slug, tab.spec.slider, fmt_ms(median(entry["finished"])),
                         ratio(median(entry["finished"]), base_finished), fmt_ms(value),
                         fmt_ms(percentile(painted, 90)), ratio(value, base), verdict,
                         len(painted), entry["failed"], len(tab.exceptions)])
        browser.close()
    print_table(["page", "slider", "→ finished", "× bare", "→ painted (median)", "p90",
                 "× bare", "target", "n", "timeouts", "exceptions"], rows)
    for tab in tabs:
        for message in tab.exceptions[:2]:
            print(f"  exception on {tab.spec.slug}: {message}")


if __name__ == "__main__":
    main()
