"""Dragging a slider in a real browser: does the figure follow, and how smoothly?

    python bench/bench_drag.py              # 4 drags per slider
    python bench/bench_drag.py --rounds 8

Method. One ``streamlit run`` of the dashboard on loopback and headless Chromium
(Debian's, driven by Playwright), lesson ② at 1440×900. Two sliders of a₁ are
measured the same way:

- *drag slider*: the component (``components/ui/drag_slider.py``) whose figure
  is redrawn on every ``input`` event from the server's precomputed frames;
- *st.slider*: today's Streamlit slider at the top of the page (Streamlit
  reruns only on release, so its charts cannot move during a drag).

A round presses the mouse on the thumb, moves it one grid step at a time across
the range (a₁ from its value down to −3 and back up to 3: ~110 moves), waiting
for the next animation frame after each move as a 60 Hz mouse would, then
releases. Measured on the page's own clock (``performance.now()``):

- *frame interval*: the gaps between ``requestAnimationFrame`` callbacks while
  the button is held (median and p95): the browser's main thread must stay free
  for the drag to look smooth (≤ 17 ms is every frame at 60 Hz);
- *figure updates before release*: for the drag slider its own draw counter;
  for st.slider the DOM mutations of the page's plotly charts (0: nothing
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support import launch_chromium, open_page, served, wait_idle  # noqa: E402

GRID = 60  # a₁: -3 … 3 in steps of 0.1 → 61 points, index 0 … 60

INSTRUMENT = """() => {
  const bench = window.__bench = {frames: [], recording: false, mutations: 0, release: null};
  const loop = (t) => { if (bench.recording) bench.frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  // st.slider's "figure updates": any change inside the page's plotly charts.
  for (const chart of document.querySelectorAll('.js-plotly-plot')) {
    new MutationObserver(() => { if (bench.recording) bench.mutations += 1; })
      .observe(chart, {subtree: true, childList: true, attributes: true, characterData: true});
  }
}"""

# After this, a pointerup starts the release clock; it stops one frame after the
# rerun for ``value`` has finished (URL written, script state notRunning).
ARM_RELEASE = """(value) => {
  const bench = window.__bench;
  bench.release = null;
  window.addEventListener('pointerup', () => {
    const t0 = performance.now();
    bench.recording = false;
    const app = document.querySelector("[data-testid='stApp']");
    const check = () => {
      const done = new URLSearchParams(location.search).get('a1') === value
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


def drag(page, kind: str, value_index: int) -> dict:
    """One press-move-release across a₁'s range; returns the round's figures."""
    if kind == "drag slider":
        target = page.locator(".st-key-a1_drag input[type='range']")
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        counter = page.locator(".st-key-a1_drag .drag-slider").element_handle()

        def x_of(k):
            return box["x"] + 8 + (box["width"] - 16) * k / GRID
    else:
        target = page.locator(".st-key-a1 [role='group'] > div").first
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        counter = None

        def x_of(k):
            return box["x"] + box["width"] * k / GRID
    y = box["y"] + box["height"] / 2
    path = list(range(value_index - 1, -1, -1)) + list(range(1, GRID + 1))
    page.mouse.move(x_of(value_index), y)
    page.mouse.down()
    start = page.evaluate(NEXT_FRAME, counter)
    page.evaluate("() => { window.__bench.frames = []; window.__bench.recording = true; }")
    updates = 0
    last = start
    for k in path:
        page.mouse.move(x_of(k), y)
        count = page.evaluate(NEXT_FRAME, counter)
        updates += count != last
        last = count
    released = ("3" if kind == "drag slider" else
                page.locator(".st-key-a1 input[type='range']").input_value())
    page.evaluate(ARM_RELEASE, f"{float(released):g}")
    page.mouse.up()
    try:
        page.wait_for_function("() => window.__bench.release !== null", timeout=120_000)
    except Exception:
        raise RuntimeError(f"{kind}: no rerun for a1={released} after the release; "
                           f"URL {page.url}") from None
    frames = page.evaluate("() => window.__bench.frames")
    release = page.evaluate("() => window.__bench.release")
    wait_idle(page)
    gaps = [b - a for a, b in zip(frames, frames[1:], strict=False)]
    return dict(moves=len(path), updates=updates, gaps=gaps, release=release)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    results: dict[str, list[dict]] = {"drag slider": [], "st.slider": []}
    with served() as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        for round_number in range(args.rounds):
            # Alternate which slider goes first: the first drag after a page
            # load meets a browser still settling.
            order = list(results) if round_number % 2 == 0 else list(results)[::-1]
            for kind in order:
                # a₁ = 2 (index 50) at the start of every round.
                open_page(page, url, "gradients", "lang=en&a1=2", charts=True)
                page.wait_for_selector(".st-key-a1_drag svg.figure", timeout=120_000)
                page.evaluate(INSTRUMENT)
                results[kind].append(drag(page, kind, 50))
        browser.close()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  "
          f"({os.cpu_count()} cores)")
    print(f"{'slider':<13} {'moves':>6} {'updates':>8} {'frame p50':>10} {'frame p95':>10} "
          f"{'release→painted p50 (each)':>30}")
    for kind, rounds in results.items():
        gaps = [g for r in rounds for g in r["gaps"]]
        releases = [r["release"] for r in rounds]
        print(f"{kind:<13} {rounds[0]['moves']:>6} "
              f"{statistics.median([r['updates'] for r in rounds]):>8.0f} "
              f"{statistics.median(gaps):>8.1f}ms {percentile(gaps, 95):>8.1f}ms "
              f"{statistics.median(releases):>10.0f}ms ({', '.join(f'{r:.0f}' for r in releases)})")


if __name__ == "__main__":
    main()
