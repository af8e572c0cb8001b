"""Dragging a slider in a real browser: does the figure follow, and how smoothly?

    python bench/bench_drag.py                      # ② and ④, 4 drags per slider
    python bench/bench_drag.py --lesson optimizer   # ④ only
    python bench/bench_drag.py --rounds 8
    python bench/bench_drag.py --quick              # one drag each, and ④'s bytes

Method. One ``streamlit run`` of the dashboard on loopback and headless Chromium
(Debian's, driven by Playwright) at 1440×900. Each value has one control, the
page's ``st.slider`` (Streamlit reruns only on release); the live figure under
it (``components/ui/drag_slider.py``) redraws from the server's precomputed
frames on every change of the slider's element while it is dragged.

The lessons (``--lesson gradients|optimizer|all``, default all):

- ② ``gradients``, a₁ (grid −3 … 3 by 0.1, 61 points): from 2 down to −3 and
  back up to 3, ~110 moves; the st.slider's charts are all the page's plotly
  charts;
- ④ ``optimizer``, momentum (grid 0 … 0.99 by 0.01, 100 points): from 0.9 down
  to 0 and back up to 0.1, 100 moves; the st.slider's charts are the loss
  curve (``loss_chart``) and the map of the paths (``map_chart``).

A round presses the mouse on the thumb, moves it one grid step at a time across
the range, waiting for the next animation frame after each move as a 60 Hz
mouse would, then releases. Measured on the page's own clock
(``performance.now()``):

- *frame interval*: the gaps between ``requestAnimationFrame`` callbacks while
  the button is held (median and p95): the browser's main thread must stay free
  for the drag to look smooth (≤ 17 ms is every frame at 60 Hz);
- *figure updates before release*: the live figure's own draw counter;
- *release → painted*: from the ``pointerup`` (capturing listener) until the URL
  holds the released value, the app's ``data-test-script-state`` is back to
  ``notRunning`` and one more animation frame has been painted: the rerun,
  every chart's redraw, and the paint;
- *bytes of the release's rerun*: the websocket frames the server sent for it.

Then, on ④, the bytes of one rerun after a key on momentum and on lr (the
issue-26 target is ≤ 100 KB), by kind of element.

The load average is printed with the figures: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support import (  # noqa: E402
    launch_chromium,
    open_page,
    rerun_bytes,
    served,
    wait_idle,
    watch_socket,
)


@dataclass(frozen=True)
class Lesson:
    """One lesson's slider: where it is, its grid and the drag across it."""

    page: str
    query: str
    name: str  # the control's URL name (st.slider key; its live figure's is name_drag)
    low: float
    step: float
    last: int  # the grid's last index
    start: int  # the index the page opens at
    path: tuple[int, ...]  # the indices the mouse visits, one move each
    charts: str  # the st.slider's plotly charts (CSS selector)
    ready: str  # drawn once the page is ready to measure

    def value_text(self, index: int) -> str:
        """The value at grid ``index`` as the URL writes it."""
        return f"{round(self.low + self.step * index, 10):g}"


LESSONS = {
    # a₁: -3 … 3 in steps of 0.1 → 61 points, index 0 … 60; opens at 2 (index 50).
    "gradients": Lesson("gradients", "lang=en&a1=2", "a1", -3.0, 0.1, 60, 50,
                        tuple(range(49, -1, -1)) + tuple(range(1, 61)), ".js-plotly-plot",
                        ".st-key-a1_drag svg.figure"),
    # momentum: 0 … 0.99 in steps of 0.01 → 100 points, index 0 … 99; opens at 0.9.
    "optimizer": Lesson("optimizer", "lang=en&momentum=0.9", "momentum", 0.0, 0.01, 99, 90,
                        tuple(range(89, -1, -1)) + tuple(range(1, 11)),
                        ".st-key-loss_chart .js-plotly-plot, .st-key-map_chart .js-plotly-plot",
                        ".st-key-momentum_drag svg.figure"),
}

INSTRUMENT = """(charts) => {
  const bench = window.__bench = {frames: [], recording: false, mutations: 0, release: null};
  const loop = (t) => { if (bench.recording) bench.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  // st.slider's "figure updates": any change inside the page's plotly charts.
  for (const chart of document.querySelectorAll(charts)) {
    new MutationObserver(() => { if (bench.recording) bench.mutations += 1; })
      .observe(chart, {subtree: true, childList: true, attributes: true, characterData: true});
  }
}"""

# After this, a pointerup starts the release clock; it stops one frame after the
# rerun for ``value`` has finished (URL written, script state notRunning).
ARM_RELEASE = """([name, value]) => {
  const bench = window.__bench;
  bench.release = null;
  window.addEventListener('pointerup', () => {
    const t0 = performance.now();
    bench.recording = false;
    const app = document.querySelector("[data-testid='stApp']");
    const check = () => {
      const done = new URLSearchParams(location.search).get(name) === value
        && app.dataset.testScriptState === 'notRunning';
      if (done) requestAnimationFrame(() => { bench.release = performance.now() - t0; });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, {capture: true, once: true});
}"""

NEXT_FRAME = "(w) => new Promise(r => requestAnimationFrame(() => r(w ? Number(w.dataset.draws) : window.__bench.mutations)))"


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def drag(page, lesson: Lesson, frames: list) -> dict:
    """One press-move-release across the slider's range; returns the round's figures."""
    name = lesson.name
    target = page.locator(f".st-key-{name} [role='group'] > div").first
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    counter = page.locator(f".st-key-{name}_drag .drag-slider").element_handle()

    def x_of(k):
        return box["x"] + box["width"] * k / lesson.last

    y = box["y"] + box["height"] / 2
    page.mouse.move(x_of(lesson.start), y)
    page.mouse.down()
    start = page.evaluate(NEXT_FRAME, counter)
    page.evaluate("() => { window.__bench.frames = []; window.__bench.recording = true; }")
    updates = 0
    last = start
    for k in lesson.path:
        page.mouse.move(x_of(k), y)
        count = page.evaluate(NEXT_FRAME, counter)
        updates += count != last
        last = count
    released = f"{float(page.locator(f'.st-key-{name} input[type=range]').input_value()):g}"
    page.evaluate(ARM_RELEASE, [name, released])
    frames.clear()
    page.mouse.up()
    try:
        page.wait_for_function("() => window.__bench.release !== null", timeout=120_000)
    except Exception:
        raise RuntimeError(f"no rerun for {name}={released} after the release; "
                           f"URL {page.url}") from None
    ticks = page.evaluate("() => window.__bench.frames")
    release = page.evaluate("() => window.__bench.release")
    wait_idle(page)
    page.wait_for_timeout(300)
    sent = sum(len(f) for f in frames)
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    return dict(moves=len(lesson.path), updates=updates, gaps=gaps, release=release, sent=sent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--lesson", choices=(*LESSONS, "all"), default="all")
    parser.add_argument("--quick", action="store_true", help="one round, then ④'s bytes")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    chosen = list(LESSONS) if args.lesson == "all" else [args.lesson]
    results: dict[str, list[dict]] = {n: [] for n in chosen}
    moves: dict[str, dict] = {}
    with served() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        frames = watch_socket(page)
        for name in chosen:
            lesson = LESSONS[name]
            for _ in range(rounds):
                # The slider at its opening value at the start of every round.
                open_page(page, url, lesson.page, lesson.query, charts=True)
                page.wait_for_selector(lesson.ready, timeout=120_000)
                page.evaluate(INSTRUMENT, lesson.charts)
                results[name].append(drag(page, lesson, frames))
        for key in ("momentum", "lr"):
            # A fresh tab (and session) each: the first move after opening ④.
            tab = browser.new_page(viewport={"width": 1440, "height": 900})
            tab_frames = watch_socket(tab)
            open_page(tab, url, "optimizer", "lang=en", charts=True)
            tab.wait_for_selector(".st-key-lr_drag svg.figure", timeout=120_000)
            tab.wait_for_timeout(500)
            moves[key] = rerun_bytes(tab, tab_frames, key)
            tab.close()
        browser.close()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  "
          f"({os.cpu_count()} cores)")
    print(f"{'lesson':<10} {'moves':>6} {'updates':>8} {'frame p50':>10} {'frame p95':>10} "
          f"{'release sent':>13} {'release→painted p50 (each)':>30}")
    for name, rounds_done in results.items():
        gaps = [g for r in rounds_done for g in r["gaps"]]
        releases = [r["release"] for r in rounds_done]
        sent = statistics.median([r["sent"] for r in rounds_done]) / 1000
        print(f"{name:<10} {rounds_done[0]['moves']:>6} "
              f"{statistics.median([r['updates'] for r in rounds_done]):>8.0f} "
              f"{statistics.median(gaps):>8.1f}ms {percentile(gaps, 95):>8.1f}ms "
              f"{sent:>10.0f} KB "
              f"{statistics.median(releases):>10.0f}ms ({', '.join(f'{r:.0f}' for r in releases)})")
    print("④ one rerun after a key on the slider (target ≤ 100 KB):")
    for key, sent in moves.items():
        parts = sorted(((v, k) for k, v in sent.items() if k != "total"), reverse=True)[:4]
        print(f"  {key:<9} {sent['total'] / 1000:>6.0f} KB  "
              + ", ".join(f"{k} {v / 1000:.0f} KB" for v, k in parts))


if __name__ == "__main__":
    main()
