"""Where a rerun's time goes, per page: maths, figures, Streamlit calls, text.

    python bench/bench_profile.py               # 10 profiled reruns per page
    python bench/bench_profile.py --quick       # 3 per page
    python bench/bench_profile.py --pages resnet --top 25

Method: each page runs on its own in AppTest (in this process). After a
warm-up, ``--reruns`` slider moves are run under ``cProfile`` (enabled inside
the script thread). Every call made directly by the page file is attributed,
with everything below it, to a group: ``components/core`` (torch maths),
``components/charts`` (building plotly figures), ``st.plotly_chart`` (which
validates and serializes them), other ``st.*`` calls, ``components/ui``
(widgets, URL state, text, panels), and the rest. This points at the levers:
a big "core" share is what caching by plain inputs would save on a repeated
value; a big figure share is what numpy arrays (instead of lists) and fewer
points save; a section that changes alone could become an ``st.fragment``.

cProfile slows Python code more than torch's C++ kernels, so shares are
indicative; bench_rerun.py has the real wall times. A last table compares
plotly traces fed with Python lists against numpy arrays.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections import Counter

from common import ROOT, fmt_ms, lesson_specs, print_machine, print_table

GROUPS = ("core (torch maths)", "charts (build figures)", "st.plotly_chart",
          "st.graphviz_chart", "other st.* calls", "ui (widgets, URL, text)", "page itself",
          "other")


def group_of(path: str, name: str) -> str:
    path = path.replace("\\", "/")
    if "/components/core/" in path:
        return GROUPS[0]
    if "/components/charts/" in path:
        return GROUPS[1]
    if "/streamlit/" in path:
        if name == "plotly_chart":
            return GROUPS[2]
        if name == "graphviz_chart":
            return GROUPS[3]
        return GROUPS[4]
    if "/components/ui/" in path or path.endswith("components/numbers.py"):
        return GROUPS[5]
    return GROUPS[7]


def breakdown(stats: pstats.Stats, page_file: str) -> tuple[Counter, float]:
    """Seconds per group for the calls the page file makes, and the page's total."""
    groups: Counter = Counter()
    total = 0.0
    for (path, _line, name), (_cc, _nc, tottime, cumtime, callers) in stats.stats.items():
        if path == page_file and name == "<module>":
            total += cumtime
            groups[GROUPS[6]] += tottime
            continue
        for (caller_path, _l, _n), (_c, _n2, _tt, ct) in callers.items():
            if caller_path == page_file:
                groups[group_of(path, name)] += ct
        # st.* commands reach the page through a metrics wrapper, so the two
        # chart commands are found by their own names and taken out of "other".
        if "/streamlit/elements/" in path and name in ("plotly_chart", "graphviz_chart"):
            group = GROUPS[2] if name == "plotly_chart" else GROUPS[3]
            groups[group] += cumtime
            groups[GROUPS[4]] -= cumtime
    return groups, total


def profile_page(spec, reruns: int) -> tuple[Counter, float, float, list]:
    from streamlit.testing.v1 import AppTest
    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    profiler = cProfile.Profile()
    original = LocalScriptRunner._run_script_thread
    active = {"on": False}

    def profiled(self) -> None:  # the script runs in its own thread
        if not active["on"]:
            return original(self)
        profiler.enable()
        try:
            return original(self)
        finally:
            profiler.disable()

    LocalScriptRunner._run_script_thread = profiled
    try:
        at = AppTest.from_file(str(ROOT / "pages" / f"{spec.slug}.py"), default_timeout=120)
        at.query_params["lang"] = "en"
        at.run()
        for value in (spec.values[::-1] if spec.slider else ()):
            at.slider(spec.slider).set_value(value).run()
        walls = []

        def move(i: int) -> None:
            if spec.slider:
                at.slider(spec.slider).set_value(spec.values[(i + 1) % 2]).run()
            else:
                at.run()

        for i in range(reruns):  # wall times without the profiler
            start = time.perf_counter()
            move(i)
            walls.append(time.perf_counter() - start)
        active["on"] = True
        for i in range(reruns):
            move(i)
        active["on"] = False
    finally:
        LocalScriptRunner._run_script_thread = original
    stats = pstats.Stats(profiler)
    groups, total = breakdown(stats, str(ROOT / "pages" / f"{spec.slug}.py"))
    top = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)
    return groups, total / max(reruns, 1), sorted(walls)[len(walls) // 2], top


def plotly_lists_versus_arrays(points: int, traces: int, repeat: int) -> list[list]:
    """Build + serialize one figure from Python lists, then from numpy arrays."""
    import numpy as np
    import plotly.graph_objects as go

    xs = np.linspace(-3, 3, points)
    rows = []
    for label, make in (("Python lists", lambda a: a.tolist()), ("numpy arrays", lambda a: a)):
        sizes, times = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            figure = go.Figure([go.Scatter(x=make(xs), y=make(np.sin(xs + k)))
                                for k in range(traces)])
            payload = figure.to_json()
            times.append(time.perf_counter() - start)
            sizes.append(len(payload))
        rows.append([label, f"{traces} × {points}", fmt_ms(sorted(times)[len(times) // 2]),
                     f"{sizes[0] / 1024:.1f} KB"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=10, help="profiled reruns per page")
    parser.add_argument("--quick", action="store_true", help="3 reruns per page")
    parser.add_argument("--pages", default="", help="comma-separated slugs (default: all)")
    parser.add_argument("--top", type=int, default=0,
                        help="also list the N functions with the most own time, per page")
    args = parser.parse_args()
    if args.quick:
        args.reruns = 3
    import logging

    import torch  # noqa: F401  (import once, before AppTest's first run)

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    specs = lesson_specs(only=[p for p in args.pages.split(",") if p])
    print_machine("Where a rerun's time goes (AppTest + cProfile)",
                  extra={"profiled reruns per page": args.reruns})
    rows = []
    tops = {}
    for spec in specs:
        groups, per_run, wall, top = profile_page(spec, args.reruns)
        tops[spec.slug] = top
        total = sum(groups.values()) or 1.0
        rows.append([spec.slug, fmt_ms(wall), fmt_ms(per_run)]
                    + [f"{100 * groups[g] / total:.0f}%" for g in GROUPS])
    print_table(["page", "AppTest rerun (median wall)", "script under cProfile",
                 *GROUPS], rows)
    if args.top:
        for slug, top in tops.items():
            print(f"Top {args.top} functions by own time, {slug}:")
            print_table(["function", "file", "own time per rerun", "calls per rerun"],
                        [[name, path.replace(str(ROOT) + "/", "").split("site-packages/")[-1],
                          fmt_ms(tt / args.reruns), f"{nc / args.reruns:.0f}"]
                         for (path, _line, name), (_cc, nc, tt, _ct, _callers)
                         in top[:args.top]])
    print("Plotly: the same figure from Python lists or numpy arrays (build + to_json):")
    print_table(["data", "traces × points", "time", "JSON size"],
                plotly_lists_versus_arrays(points=400, traces=6, repeat=5))


if __name__ == "__main__":
    main()
