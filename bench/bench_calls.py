"""A rerun's cost counted, not timed: a proxy that holds on a busy machine.

    python bench/bench_calls.py                          # this checkout, every lesson
    python bench/bench_calls.py --baseline /tmp/old      # and another checkout, same run
    python bench/bench_calls.py --pages optimizer --reruns 4 --parts --top 20
    python bench/bench_calls.py --quick                  # 2 reruns per page
    python bench/bench_calls.py --compile-each-run       # as measured before 2026-12-08

Method: each page (and ``bench/bare_app.py``) runs in AppTest in a fresh
process; after two warm-up moves its first slider goes back and forth
``--reruns`` times. Per rerun we report the Python function calls cProfile
counts in the script thread (deterministic for a given code and value pair)
and the script thread's CPU time (``time.thread_time``: other processes'
load does not add to it, unlike wall time). The page is compiled once and
reused, as a server does (AppTest alone compiles it on every run:
``--compile-each-run``; ``tests/rerun_calls.py`` explains). Each figure is also given as a
ratio to the bare page measured in the same process. With ``--baseline`` the
other checkout's pages run in alternation with this one's, so both see the
same machine. ``--parts`` adds the share of the profiled time spent under
named functions (text lookups, chart text, drag-slider frames ...); parts
nest, so they do not add up to 100 %.

bench_rerun.py (real server, wall time) remains the benchmark for figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Named parts of a rerun: (label, file suffix, function names or "*").
PARTS = (
    ("t() text lookups", "components/ui/i18n.py", ("t",)),
    ("chart_text (text alternatives)", "components/ui/chart_text.py", ("*",)),
    ("predict", "components/ui/predict.py", ("*",)),
    ("top bar", "components/ui/layout.py", ("_top_bar",)),
    ("start_page (URL, CSS, top bar)", "components/ui/layout.py", ("start_page",)),
    ("drag sliders (all)", "components/ui/drag_slider.py", ("drag_slider",)),
    ("st.plotly_chart", "streamlit/elements/plotly_chart.py", ("plotly_chart",)),
    ("charts/ (build figures)", "components/charts/", ("*",)),
    ("core/ (maths)", "components/core/", ("*",)),
    ("st.cache_data hits", "streamlit/runtime/caching/cache_utils.py", ("__call__",)),
)


def _in_child(root: str, page: str, reruns: int, compile_each_run: bool) -> dict:
    """Run in a child process: measure ``page`` of checkout ``root`` and the bare page."""
    import importlib.util
    import logging
    import os

    # The measuring code is this checkout's (tests/rerun_calls.py), whichever
    # checkout's pages it measures.
    where = HERE.parent / "tests" / "rerun_calls.py"
    loader = importlib.util.spec_from_file_location("rerun_calls", where)
    rerun_calls = importlib.util.module_from_spec(loader)
    sys.modules["rerun_calls"] = rerun_calls  # (dataclasses look their module up)
    loader.loader.exec_module(rerun_calls)
    os.chdir(root)
    sys.path.insert(0, root)
    sys.path.insert(0, str(Path(root) / "bench"))
    import torch  # noqa: F401

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    from common import bare_spec, lesson_specs

    spec = bare_spec() if page == "bare" else lesson_specs(only=[page])[0]
    script = "bench/bare_app.py" if page == "bare" else f"pages/{page}.py"
    measured = rerun_calls.measure(script, spec.slider, spec.values, reruns,
                                   query={} if page == "bare" else {"lang": "en"},
                                   root=Path(root), compile_each_run=compile_each_run)
    stats = measured.stats
    total = max(stats.total_tt, 1e-9)
    parts = {}
    for label, where, names in PARTS:
        cumulative = 0.0
        for (path, _line, name), (_cc, _nc, _tt, ct, callers) in stats.stats.items():
            path = path.replace("\\", "/")
            if where not in path or (names != ("*",) and name not in names):
                continue
            # Count a function only where it is entered from outside the part
            # (recursion and calls within the part would count twice).
            outside = sum(c[3] for (cp, _l, cn), c in callers.items()
                          if where not in cp.replace("\\", "/")
                          or (names != ("*",) and cn not in names))
            cumulative += outside if callers else ct
        parts[label] = cumulative / total
    # The project's own functions by cumulative share (where to look next).
    own = sorted(((ct / total, f"{path.split(root + '/')[-1]}:{name}")
                  for (path, _l, name), (_cc, _nc, _tt, ct, _c) in stats.stats.items()
                  if path.startswith(root + "/") and name != "<module>"), reverse=True)
    return dict(calls=measured.calls, cpu=measured.cpu, parts=parts, own=own[:40])


def measure(root: Path, page: str, reruns: int, compile_each_run: bool = False) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(root), page, str(reruns),
                          "compile" if compile_each_run else "cached"],
                         capture_output=True, text=True, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode or not lines:
        raise RuntimeError(f"{root} {page}: {out.stderr[-2000:]}")
    return json.loads(lines[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(_in_child(sys.argv[2], sys.argv[3], int(sys.argv[4]),
                                   sys.argv[5] == "compile")))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="gradients,accumulation,optimizer,expression,resnet")
    parser.add_argument("--reruns", type=int, default=6)
    parser.add_argument("--quick", action="store_true", help="2 reruns per page: a smoke run")
    parser.add_argument("--compile-each-run", action="store_true",
                        help="compile the page on every rerun, as AppTest does by itself "
                             "(a server compiles it once; this file's figures before 2026-12-08)")
    parser.add_argument("--baseline", default="", help="another checkout to compare against")
    parser.add_argument("--parts", action="store_true", help="shares of named parts")
    parser.add_argument("--top", type=int, default=0,
                        help="also the N project functions with the largest cumulative share")
    args = parser.parse_args()
    if args.quick:
        args.reruns = 2
    roots = [("this", ROOT)] + ([("baseline", Path(args.baseline).resolve())]
                                if args.baseline else [])
    results: dict[tuple[str, str], dict] = {}
    for page in ["bare", *args.pages.split(",")]:
        for label, root in (roots if page != "bare" else roots[::-1]):
            results[(label, page)] = measure(root, page, args.reruns, args.compile_each_run)
            r = results[(label, page)]
            print(f"  {label:8} {page:13} {r['calls']:9.0f} calls  {1000 * r['cpu']:7.1f} ms CPU",
                  flush=True)
    print("\n| page | checkout | calls / rerun | × bare | CPU ms / rerun | × bare |")
    print("|---|---|---|---|---|---|")
    for page in args.pages.split(","):
        for label, _root in roots:
            r, bare = results[(label, page)], results[(label, "bare")]
            print(f"| {page} | {label} | {r['calls']:.0f} | {r['calls'] / bare['calls']:.1f}× "
                  f"| {1000 * r['cpu']:.1f} | {r['cpu'] / bare['cpu']:.1f}× |")
    if args.parts:
        print("\nShare of the profiled rerun under each part (parts nest):")
        labels = [p[0] for p in PARTS]
        print("| page | checkout | " + " | ".join(labels) + " |")
        print("|---" * (len(labels) + 2) + "|")
        for page in args.pages.split(","):
            for label, _root in roots:
                parts = results[(label, page)]["parts"]
                print(f"| {page} | {label} | "
                      + " | ".join(f"{100 * parts[p]:.0f}%" for p in labels) + " |")
    for (label, page), result in results.items():
        if args.top and page != "bare":
            print(f"\n{label} {page}: project functions by cumulative share")
            for share, name in result["own"][:args.top]:
                print(f"  {100 * share:5.1f}%  {name}")


if __name__ == "__main__":
    main()
