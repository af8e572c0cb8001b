"""Cold start: ``streamlit run`` until the first page is rendered in a browser.

    python bench/bench_coldstart.py             # 3 cold starts each of the dashboard and bare page
    python bench/bench_coldstart.py --quick     # 1 cold start each, no import table

Method: headless Chromium is launched first (its own start-up is not counted).
Then, per round, a fresh ``streamlit run`` is spawned and timed from the spawn to

1. ``/_stcore/health`` answering 200 (the server is up);
2. the home page rendered in the browser: the page is opened as soon as the
   server is healthy, and the clock stops when the title (``h1``) is visible,
   the app reports ``notRunning`` and one more animation frame was painted.

The same is done for ``bench/bare_app.py`` in the same run (ratio). After the
first round, every lesson is opened once on that still-fresh server over the
websocket protocol: the first visit pays for lazy work (model building, weights
lookup, first-call caches).

Lesson ① on another fresh server, in a phone's browser: when its title, first
slider, progress line and first ResNet result appeared (tests/resnet_first_screen.py).

Then a class arrives at once: on another freshly started server, ``--herd``
sessions (websocket protocol) open the pages (home and every lesson, in turn)
in the same instant, as when students open a shared link at 9:00. Reported:
their first-render times, the errors they see and the server's RSS peak.

Finally, one Python process imports the heavy libraries and then each
``components`` module in turn, to show work done at import time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import subprocess
import sys
import time

from common import (
    ROOT,
    StreamlitSession,
    fmt_ms,
    launch_chromium,
    lesson_specs,
    median,
    percentile,
    print_machine,
    print_table,
    ratio,
    run_async,
    server,
    wait_idle,
)

from tests.resnet_first_screen import first_screen  # noqa: E402  (after common: the path)

PAINTED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"

IMPORT_PROBE = r"""
import importlib, pathlib, sys, time
sys.path.insert(0, {root!r})
rows = []
for name in ("streamlit", "plotly.graph_objects", "torch", "torchvision.models"):
    t = time.perf_counter(); importlib.import_module(name); rows.append((name, time.perf_counter() - t))
root = pathlib.Path({root!r})
for path in sorted((root / "components").rglob("*.py")):
    name = ".".join(path.relative_to(root).with_suffix("").parts)
    if name.endswith("__init__"):
        continue
    t = time.perf_counter(); importlib.import_module(name); rows.append((name, time.perf_counter() - t))
for name, seconds in rows:
    print(f"{{name}}\t{{seconds}}")
"""


@contextlib.contextmanager
def cold_start(browser, script: str, selector: str):
    """Spawn ``streamlit run script``; yield (server, seconds to healthy, seconds to painted)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        with server(script) as srv:
            page.goto(srv.url, wait_until="domcontentloaded")
            page.wait_for_selector(selector, timeout=90_000)
            wait_idle(page, timeout=90_000)
            page.evaluate(PAINTED)
            rendered = time.monotonic() - srv.started
            yield srv, srv.ready - srv.started, rendered
    finally:
        context.close()


async def first_visits(ws_url: str) -> list[tuple[str, float, str | None]]:
    found = []
    for spec in lesson_specs(include_home=False):
        session = StreamlitSession(ws_url, timeout=120)
        await session.connect()
        result = await session.open(spec, "lang=en")
        found.append((spec.slug, result.seconds, result.error))
        await session.close()
    return found


async def herd(srv, students: int) -> tuple[list[float], list[str], float]:
    """``students`` sessions open pages in the same instant on a fresh server."""
    specs = lesson_specs()
    peak = srv.rss_mb()

    async def one(i: int):
        session = StreamlitSession(srv.ws_url, timeout=120)
        try:
            await session.connect()
            return await session.open(specs[i % len(specs)], f"lang={('ko', 'en')[i % 2]}")
        finally:
            await session.close()

    task = asyncio.gather(*(one(i) for i in range(students)), return_exceptions=True)
    deadline = time.monotonic() + 180
    while not task.done() and time.monotonic() < deadline:
        peak = max(peak, srv.rss_mb())
        await asyncio.sleep(0.2)
    results = await task
    times = [r.seconds for r in results if not isinstance(r, BaseException) and not r.error]
    errors = [str(r)[:160] if isinstance(r, BaseException) else r.error[:160]
              for r in results if isinstance(r, BaseException) or r.error]
    return times, errors, peak


def import_times() -> list[tuple[str, float]]:
    out = subprocess.run([sys.executable, "-c", IMPORT_PROBE.format(root=str(ROOT))],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    if out.returncode != 0:
        print("  import probe failed:", out.stderr.strip().splitlines()[-1:])
        return []
    rows = []
    for line in out.stdout.splitlines():
        name, seconds = line.split("\t")
        rows.append((name, float(seconds)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="cold starts per app")
    parser.add_argument("--herd", type=int, default=30,
                        help="students opening pages at once on a fresh server (0: skip)")
    parser.add_argument("--quick", action="store_true", help="1 round, herd of 10, no imports")
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.herd = 1, min(args.herd, 10)

    from playwright.sync_api import sync_playwright

    print_machine("Cold start: streamlit run → first page rendered", browser=True,
                  extra={"rounds": args.rounds})
    # What "rendered" waits for: the page title, or the bare page's slider.
    apps = {"dashboard.py": "h1", "bench/bare_app.py": ".st-key-x"}
    times = {script: ([], []) for script in apps}
    visits = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for i in range(args.rounds):
            for script, selector in apps.items():
                with cold_start(browser, script, selector) as (srv, healthy, rendered):
                    times[script][0].append(healthy)
                    times[script][1].append(rendered)
                    if i == 0 and script == "dashboard.py":
                        visits = run_async(first_visits(srv.ws_url))
        # ① on a fresh server, in a phone's browser: its text and controls come
        # before the model is built (issue 24: within 3 s on a quiet machine).
        with server("dashboard.py") as srv:
            context = browser.new_context(viewport={"width": 390, "height": 844},
                                          is_mobile=True, has_touch=True)
            try:
                resnet_seen = first_screen(context.new_page(), srv.url, "en")
            finally:
                context.close()
        browser.close()
    base = median(times["bench/bare_app.py"][1])
    rows = [[script, fmt_ms(median(h)), fmt_ms(median(r)), fmt_ms(max(r)), ratio(median(r), base)]
            for script, (h, r) in times.items()]
    print_table(["app", "→ healthy (median)", "→ first page painted (median)", "worst",
                 "× bare"], rows)
    print("① on a fresh server, phone browser: first appearance after navigation start "
          "(target: title and slider within 3 s on a quiet machine):")
    print_table(["title", "first slider", "progress line", "first ResNet result"],
                [[fmt_ms(resnet_seen.get(k, math.nan) / 1000)
                  for k in ("title", "slider", "progress", "result")]])
    print("First visit of each lesson on a freshly started server (websocket, server side):")
    print_table(["page", "first render", "error"],
                [[slug, fmt_ms(seconds), error or ""] for slug, seconds, error in visits])
    if args.herd:
        with server("dashboard.py") as srv:
            times_, errors, peak = asyncio.run(herd(srv, args.herd))
        print(f"A class arrives at once: {args.herd} sessions open pages in the same instant "
              "on a freshly started server:")
        print_table(["first render p50", "p95", "max", "errors", "server RSS peak"],
                    [[fmt_ms(percentile(times_, 50)), fmt_ms(percentile(times_, 95)),
                      fmt_ms(max(times_) if times_ else math.nan), len(errors),
                      f"{peak:.0f} MB"]])
        for text in sorted(set(errors))[:5]:
            print(f"  error: {text}")
    if not args.quick:
        print("Import time, in one process, in this order (each row: that module's own "
              "cost once the rows above it are imported):")
        print_table(["module", "import"], [[n, fmt_ms(s)] for n, s in import_times()])


if __name__ == "__main__":
    main()
