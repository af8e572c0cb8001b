"""Server-side rerun time of every page after a slider change, against the bare page.

    python bench/bench_rerun.py                 # as configured, 20 rounds
    python bench/bench_rerun.py --quick         # 4 rounds (smoke run, < 1 min)
    python bench/bench_rerun.py --levers        # also postScriptGC on/off × torch threads 1/2
    python bench/bench_rerun.py --fresh         # every move to a value no cache has seen

Method: two real ``streamlit run`` servers on loopback, the dashboard and
``bench/bare_app.py``. One websocket session per page (Streamlit's own protocol,
see ``bench/common.py``) opens the page once, then each round moves that page's
first slider one grid step (back and forth) and times ``rerun_script`` sent →
``script_finished`` received: the script run plus everything the server does
before the browser hears "finished" (protobuf, websocket, and the post-run
garbage collection, which holds the GIL). The pages take turns within a round,
so machine noise hits all of them alike; a student-like pause separates moves.
The ratio is each page's median over the bare page's median from the same run.

Also reported per page: messages and bytes per rerun, plotly payload, and how
many plotly data arrays go out as JSON lists rather than typed arrays (``bdata``).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import time

from common import (
    PageSpec,
    StreamlitSession,
    bare_spec,
    fmt_ms,
    lesson_specs,
    median,
    percentile,
    print_machine,
    print_table,
    ratio,
    server,
)


def fresh_values(spec: PageSpec, rounds: int) -> list:
    """``rounds`` + 2 distinct grid values of the page's slider, walking away from its
    default: every move meets values no cache has seen (a student exploring alone)."""
    from components.ui.schema import PAGE_CONTROLS

    control = next(c for c in PAGE_CONTROLS[spec.slug] if c.name == spec.slider)
    if control.widget == "select_slider":
        return [k % len(control.options) for k in range(rounds + 2)]
    count = round((control.high - control.low) / control.step) + 1
    start = round((control.default - control.low) / control.step)
    values = [round(control.low + ((start + k) % count) * control.step, 10)
              for k in range(1, rounds + 3)]
    return [int(v) for v in values] if control.kind == "int" else values


async def measure(servers: dict, specs: list[PageSpec], rounds: int, pause: float,
                  lang: str, budget: float, fresh: bool = False) -> dict[str, dict]:
    """Open every page once, then ``rounds`` slider moves each, interleaved.

    With ``fresh`` every move goes to a value not seen before (caches miss);
    otherwise the slider alternates between two values (caches hit after the
    warm-up: a class following one projector)."""
    sessions: dict[str, StreamlitSession] = {}
    stats: dict[str, dict] = {}
    for spec in specs:
        session = StreamlitSession(servers[spec.server].ws_url, inspect_plotly=True)
        await session.connect()
        opened = await session.open(spec, f"lang={lang}" if spec.server == "app" else "")
        sessions[spec.slug] = session
        stats[spec.slug] = dict(times=[], errors=[] if not opened.error else [opened.error],
                                messages=0, bytes=0, plotly=0, lists=0)
        # Two warm-up moves: first-run caches, lazy imports.
        walk = fresh_values(spec, rounds) if fresh and spec.slider and spec.server == "app" \
            else None
        stats[spec.slug]["walk"] = walk
        for value in (walk[:2] if walk else spec.values[::-1] if spec.slider else (None, None)):
            await session.move(spec.slider, value)
    deadline = time.monotonic() + budget
    for i in range(rounds):
        if time.monotonic() > deadline:
            print(f"  (time budget reached after {i} rounds)")
            break
        order = specs[i % len(specs):] + specs[:i % len(specs)]
        for spec in order:
            walk = stats[spec.slug]["walk"]
            value = walk[i + 2] if walk else spec.values[(i + 1) % 2] if spec.slider else None
            result = await sessions[spec.slug].move(spec.slider, value)
            entry = stats[spec.slug]
            if result.error:
                entry["errors"].append(result.error)
            else:
                entry["times"].append(result.seconds)
            entry["messages"], entry["bytes"] = result.messages, result.bytes
            entry["plotly"], entry["lists"] = result.plotly_bytes, result.plotly_list_arrays
            await asyncio.sleep(pause)
    for session in sessions.values():
        await session.close()
    return stats


def run_config(label: str, gc: bool | None, threads: int | None, specs: list[PageSpec],
               args) -> dict[str, float]:
    print(f"## {label}")
    with server("bench/bare_app.py", gc=gc, threads=threads) as bare, \
            server("dashboard.py", gc=gc, threads=threads) as app:
        stats = asyncio.run(measure({"bare": bare, "app": app}, [bare_spec(), *specs],
                                    args.rounds, args.pause, args.lang, args.budget,
                                    args.fresh))
        rss = {"app": app.rss_mb(), "bare": bare.rss_mb()}
    base = median(stats["bare"]["times"])
    rows = []
    medians = {}
    for spec in [bare_spec(), *specs]:
        entry = stats[spec.slug]
        times = entry["times"]
        medians[spec.slug] = median(times)
        rows.append([
            spec.slug, spec.slider or "(rerun)", fmt_ms(median(times)),
            fmt_ms(percentile(times, 90)), fmt_ms(min(times) if times else math.nan),
            ratio(median(times), base), len(times), len(entry["errors"]),
            entry["messages"], f"{entry['bytes'] / 1024:.1f}", f"{entry['plotly'] / 1024:.1f}",
            entry["lists"],
        ])
    print_table(["page", "slider", "median", "p90", "min", "× bare", "n", "errors",
                 "msgs/rerun", "KB/rerun", "plotly KB", "list arrays"], rows)
    print(f"server RSS after the run: dashboard {rss['app']:.0f} MB, bare {rss['bare']:.0f} MB\n")
    for spec in [bare_spec(), *specs]:
        for error in stats[spec.slug]["errors"][:3]:
            print(f"  error on {spec.slug}: {error}")
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="slider moves per page")
    parser.add_argument("--quick", action="store_true", help="4 rounds: a smoke run")
    parser.add_argument("--pause", type=float, default=0.3,
                        help="seconds between moves (a student does not move faster)")
    parser.add_argument("--pages", default="", help="comma-separated slugs (default: all)")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--levers", action="store_true",
                        help="also compare runner.postScriptGC on/off and torch threads 1/2")
    parser.add_argument("--fresh", action="store_true",
                        help="every move to a new slider value (no cache hits), not two values")
    parser.add_argument("--budget", type=float, default=240,
                        help="max seconds of measuring per configuration")
    args = parser.parse_args()
    if args.quick:
        args.rounds = min(args.rounds, 4)
    specs = lesson_specs(only=[s for s in args.pages.split(",") if s])
    print_machine("Rerun time after a slider change (server side, real streamlit run)",
                  extra={"rounds": args.rounds, "pause between moves": f"{args.pause} s",
                         "moves": "fresh values (no cache hits)" if args.fresh
                         else "two values back and forth"})
    configs = [("as configured (.streamlit/config.toml, torch default threads)", None, None)]
    if args.levers:
        configs += [("postScriptGC=true, torch threads 2", True, 2),
                    ("postScriptGC=false, torch threads 2", False, 2),
                    ("postScriptGC=true, torch threads 1", True, 1),
                    ("postScriptGC=false, torch threads 1", False, 1)]
    summary = []
    for label, gc, threads in configs:
        medians = run_config(label, gc, threads, specs, args)
        summary.append([label] + [fmt_ms(medians.get(s.slug, math.nan))
                                  for s in [bare_spec(), *specs]])
    if len(configs) > 1:
        print("## Levers: median rerun time per page")
        print_table(["configuration", *[s.slug for s in [bare_spec(), *specs]]], summary)


if __name__ == "__main__":
    main()
