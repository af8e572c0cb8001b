"""Dragging a slider in a real browser: does the figure follow, and how smoothly?

    python bench/bench_drag.py                      # ② and ④, 4 drags per slider
    python bench/bench_drag.py --lesson optimizer   # ④ only
    python bench/bench_drag.py --rounds 8

Method. One ``streamlit run`` of the dashboard on loopback and headless Chromium
(Debian's, driven by Playwright) at 1440×900. On each lesson two sliders of the
same value are measured the same way:

- *drag slider*: the component (``components/ui/drag_slider.py``) whose figure
  is redrawn on every ``input`` event from the server's precomputed frames;
- *st.slider*: today's Streamlit slider at the top of the page (Streamlit
  reruns only on release, so its charts cannot move during a drag).

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
- *figure updates before release*: for the drag slider its own draw counter;
  for st.slider the DOM mutations of the lesson's plotly charts (0: nothing
  moves until the rerun);
- *release → painted*: from the ``pointerup`` (capturing listener) until the URL
  holds the released value, the app's ``data-test-script-state`` is back to
  ``notRunning`` and one more animation frame has been painted: the rerun,
  every chart's redraw, and the paint.

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

from tests.support import launch_chromium, open_page, served, wait_idle  # noqa: E402


@dataclass(frozen=True)
class Lesson:
    """One lesson's slider: where it is, its grid and the drag across it."""

    page: str
    query: str
    name: str  # the control's URL name (st.slider key; the drag slider's is name_drag)
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


def drag(page, lesson: Lesson, kind: str) -> dict:
    """One press-move-release across the slider's range; returns the round's figures."""
    name = lesson.name
    if kind == "drag slider":
        target = page.locator(f".st-key-{name}_drag input[type='range']")
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        counter = page.locator(f".st-key-{name}_drag .drag-slider").element_handle()

        def x_of(k):
            return box["x"] + 8 + (box["width"] - 16) * k / lesson.last
    else:
        target = page.locator(f".st-key-{name} [role='group'] > div").first
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        counter = None

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
    released = (lesson.value_text(lesson.path[-1]) if kind == "drag slider" else
                f"{float(page.locator(f'.st-key-{name} input[type=range]').input_value()):g}")
    page.evaluate(ARM_RELEASE, [name, released])
    page.mouse.up()
    try:
        page.wait_for_function("() => window.__bench.release !== null", timeout=120_000)
    except Exception:
        raise RuntimeError(f"{kind}: no rerun for {name}={released} after the release; "
                           f"URL {page.url}") from None
    frames = page.evaluate("() => window.__bench.frames")
    release = page.evaluate("() => window.__bench.release")
    wait_idle(page)
    gaps = [b - a for a, b in zip(frames, frames[1:], strict=False)]
    return dict(moves=len(lesson.path), updates=updates, gaps=gaps, release=release)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--lesson", choices=(*LESSONS, "all"), default="all")
    args = parser.parse_args()
    chosen = list(LESSONS) if args.lesson == "all" else [args.lesson]
    kinds = ("drag slider", "st.slider")
    results: dict[tuple[str, str], list[dict]] = {(n, k): [] for n in chosen for k in kinds}
    with served() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        for name in chosen:
            lesson = LESSONS[name]
            for round_number in range(args.rounds):
                # Alternate which slider goes first: the first drag after a page
                # load meets a browser still settling.
                order = kinds if round_number % 2 == 0 else kinds[::-1]
                for kind in order:
                    # The slider at its opening value at the start of every round.
                    open_page(page, url, lesson.page, lesson.query, charts=True)
                    page.wait_for_selector(lesson.ready, timeout=120_000)
                    page.evaluate(INSTRUMENT, lesson.charts)
                    results[name, kind].append(drag(page, lesson, kind))
        browser.close()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  "
          f"({os.cpu_count()} cores)")
    print(f"{'lesson':<10} {'slider':<13} {'moves':>6} {'updates':>8} {'frame p50':>10} "
          f"{'frame p95':>10} {'release→painted p50 (each)':>30}")
    for (name, kind), rounds in results.items():
        gaps = [g for r in rounds for g in r["gaps"]]
        releases = [r["release"] for r in rounds]
        print(f"{name:<10} {kind:<13} {rounds[0]['moves']:>6} "
              f"{statistics.median([r['updates'] for r in rounds]):>8.0f} "
              f"{statistics.median(gaps):>8.1f}ms {percentile(gaps, 95):>8.1f}ms "
              f"{statistics.median(releases):>10.0f}ms ({', '.join(f'{r:.0f}' for r in releases)})")


if __name__ == "__main__":
    main()
