"""Memory under a careless class: heavy ResNet tabs next to students on the light pages.

    python bench/bench_resnet_memory.py                       # this checkout
    python bench/bench_resnet_memory.py --baseline /tmp/old   # and an older checkout, same run
    python bench/bench_resnet_memory.py --runs 1,2            # 1 vs 2 concurrent ResNet runs
    python bench/bench_resnet_memory.py --threads 1 --alone 2 # a busy shared machine
    python bench/bench_resnet_memory.py --scenarios 1        # issue 26's RSS scenario only
    python bench/bench_resnet_memory.py --quick              # smoke run: 5 + 1 tab, 15 s

Make the older checkout with ``git worktree add /tmp/old <commit>`` (or
``git archive <commit> | tar -x -C /tmp/old``). Every variant runs the same
scenarios with the same seeds, back to back, each on its own fresh
``streamlit run dashboard.py`` (loopback), warmed up as an instructor does
(every page opened once):

- **alone**: one student opens the ResNet page at 224 px with 10 steps and a
  new seed, three times one after the other: how long one student waits;
- **scenario 1**: ``--light`` students (20) move sliders every 2–4 s on the
  light lessons (bench/bench_load.py's student) while ``--heavy`` tabs (3)
  keep reopening the ResNet page at 224 px with 10 steps and a new seed
  each time, for ``--duration`` seconds;
- **scenario 2**: ``--class-size`` students (30) open the ResNet page at
  224 px with 10 steps within one second, each with their own seed (the
  worst case: a shared link with one seed is computed once for everybody);
  the run stops after ``--cap`` seconds, finished or not.

The server's RSS (``/proc/<pid>/status``) is sampled every 0.2 s. Printed:
RSS after warm-up / peak / 3 s after the scenario, light-page p50/p95 of the
slider moves, and the ResNet page's time (open → ``script_finished``).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import random
import time
from pathlib import Path

from bench_load import Outcome, monitor, student
from common import (
    PageSpec,
    StreamlitSession,
    fmt_ms,
    lesson_specs,
    median,
    percentile,
    print_machine,
    print_table,
    rss_mb,
    server,
)

RESNET = PageSpec("resnet", "resnet", None)
HEAVY_QUERY = "lang=en&size=224&steps=10&seed={seed}"
RESNET_TIMEOUT = 180.0
TARGET_RSS_MB = 1536


async def sample(pid: int, samples: list, stop: asyncio.Event, every: float = 0.2) -> None:
    while not stop.is_set():
        samples.append(rss_mb(pid))
        try:
            await asyncio.wait_for(stop.wait(), every)
        except (asyncio.TimeoutError, TimeoutError):
            pass


async def open_once(ws_url: str, spec: PageSpec, query: str, timeout: float):
    """Open a page in a new session, wait for the run to finish, close the tab."""
    session = StreamlitSession(ws_url, timeout=timeout)
    try:
        await session.connect()
        return await session.open(spec, query)
    finally:
        await session.close()


async def warm_up(ws_url: str) -> None:
    """The instructor opens every page once before the class."""
    for spec in lesson_specs(include_home=True):
        result = await open_once(ws_url, spec, "lang=en", RESNET_TIMEOUT)
        print(f"  warm-up {spec.slug or 'home'}: {fmt_ms(result.seconds)}"
              + (f" ({result.error})" if result.error else ""))


async def alone(ws_url: str, seeds: list[int]) -> list[float]:
    times = []
    for seed in seeds:
        result = await open_once(ws_url, RESNET, HEAVY_QUERY.format(seed=seed), RESNET_TIMEOUT)
        print(f"  alone, seed {seed}: {fmt_ms(result.seconds)}"
              + (f" ({result.error})" if result.error else ""))
        if not result.error:
            times.append(result.seconds)
    return times


async def heavy_tab(ws_url: str, stop_at: float, seeds, runs: list, errors: list) -> None:
    """A tab that reopens the ResNet page (224 px, 10 steps, new seed) until ``stop_at``."""
    while time.monotonic() < stop_at:
        try:
            result = await open_once(ws_url, RESNET, HEAVY_QUERY.format(seed=next(seeds)),
                                     RESNET_TIMEOUT)
        except Exception as exc:  # a refused connection counts as an error
            errors.append(("resnet", f"{type(exc).__name__}: {exc}"[:200]))
            continue
        if result.error:
            errors.append(("resnet", result.error))
        else:
            runs.append(result.seconds)


async def scenario_one(ws_url: str, pid: int, light: int, heavy: int, duration: float,
                       seed: int) -> dict:
    specs = [s for s in lesson_specs(include_home=False) if s.slider and s.light]
    outcome = Outcome()
    samples: list = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample(pid, samples, stop))
    watcher = asyncio.create_task(monitor(pid, outcome, stop))
    now = time.monotonic()
    stop_at = now + duration
    rng = random.Random(seed)
    seeds = itertools.count(1000 * seed + 1)
    runs: list = []
    tasks = [student(i, ws_url, specs[i % len(specs)], ("en", "ko")[i % 2],
                     now + rng.uniform(0, 3), stop_at, outcome, random.Random(seed * 1000 + i))
             for i in range(light)]
    tasks += [heavy_tab(ws_url, stop_at, seeds, runs, outcome.errors) for _ in range(heavy)]
    await asyncio.wait([asyncio.create_task(t) for t in tasks],
                       timeout=duration + RESNET_TIMEOUT + 30)
    await asyncio.sleep(3)
    stop.set()
    await sampler
    await watcher
    return {"samples": samples, "moves": [s for _, s in outcome.moves], "runs": runs,
            "errors": outcome.errors}


async def scenario_two(ws_url: str, pid: int, students: int, cap: float, seed: int) -> dict:
    samples: list = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample(pid, samples, stop))
    rng = random.Random(seed)
    runs: list = []
    errors: list = []
    deadline = time.monotonic() + cap

    async def one(i: int) -> None:
        await asyncio.sleep(rng.uniform(0, 1))
        timeout = max(1.0, deadline - time.monotonic())
        try:
            result = await open_once(ws_url, RESNET, HEAVY_QUERY.format(seed=5000 + i), timeout)
        except Exception as exc:
            errors.append(("resnet", f"{type(exc).__name__}: {exc}"[:200]))
            return
        if result.error:
            errors.append(("resnet", result.error))
        else:
            runs.append(result.seconds)

    await asyncio.gather(*(one(i) for i in range(students)))
    await asyncio.sleep(3)
    stop.set()
    await sampler
    return {"samples": samples, "moves": [], "runs": runs, "errors": errors}


def row(variant: str, scenario: str, found: dict, start_rss: float) -> list:
    samples, moves, runs, errors = (found["samples"], found["moves"], found["runs"],
                                    found["errors"])
    peak = max(samples) if samples else math.nan
    timeouts = sum(1 for _, e in errors if "timeout" in e)
    return [variant, scenario,
            f"{start_rss:.0f} / {peak:.0f} / {samples[-1]:.0f}" if samples else "—",
            "✓" if peak <= TARGET_RSS_MB else "✗",
            f"{fmt_ms(percentile(moves, 50))} / {fmt_ms(percentile(moves, 95))}" if moves else "—",
            len(runs),
            f"{fmt_ms(median(runs))} / {fmt_ms(percentile(runs, 95))} / "
            f"{fmt_ms(max(runs) if runs else math.nan)}",
            f"{len(errors) - timeouts} + {timeouts} unfinished"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, default=None,
                        help="an older checkout to measure first, in the same run")
    parser.add_argument("--runs", default="",
                        help="comma-separated AUTOGRAD_LAB_RESNET_RUNS values for this checkout "
                             "(default: the app's own)")
    parser.add_argument("--light", type=int, default=20)
    parser.add_argument("--heavy", type=int, default=3)
    parser.add_argument("--class-size", type=int, default=30)
    parser.add_argument("--duration", type=float, default=45.0, help="scenario 1, seconds")
    parser.add_argument("--cap", type=float, default=60.0, help="scenario 2, seconds")
    parser.add_argument("--scenarios", default="1,2", help="which scenarios (1, 2)")
    parser.add_argument("--alone", type=int, default=3, help="single-student opens")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads in every server (default: torch's own, one per "
                             "core); 1 keeps an oversubscribed machine usable")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: scenario 1 only, 5 light students + 1 heavy tab, "
                             "15 s, one student alone")
    args = parser.parse_args()
    if args.quick:
        args.scenarios, args.light, args.heavy, args.duration, args.alone = "1", 5, 1, 15.0, 1
    scenarios = {s.strip() for s in args.scenarios.split(",")}

    variants: list[tuple[str, Path | None, dict]] = []
    if args.baseline is not None:
        variants.append((f"before ({args.baseline.name})", args.baseline.resolve(), {}))
    for runs in [r for r in args.runs.split(",") if r] or [""]:
        env = {"AUTOGRAD_LAB_RESNET_RUNS": runs} if runs else {}
        variants.append(("this checkout" + (f", {runs} run(s)" if runs else ""), None, env))
    print_machine("ResNet memory: heavy tabs beside a class on one server",
                  extra={"variants": ", ".join(v for v, _, _ in variants),
                         "scenario 1": f"{args.light} light students + {args.heavy} heavy tabs, "
                                       f"{args.duration:.0f} s" if "1" in scenarios else "—",
                         "scenario 2": f"{args.class_size} students open ResNet at 224 px, "
                                       f"cap {args.cap:.0f} s" if "2" in scenarios else "—",
                         "torch threads": args.threads or "torch's default",
                         "target": f"RSS ≤ {TARGET_RSS_MB} MB"})
    rows = []
    alone_rows = []
    for label, cwd, env in variants:
        print(f"\n## {label}")
        if "1" in scenarios:
            with server("dashboard.py", env=env, cwd=cwd, threads=args.threads) as app:
                asyncio.run(warm_up(app.ws_url))
                times = asyncio.run(alone(app.ws_url, [101 + i for i in range(args.alone)]))
                alone_rows.append([label, len(times), fmt_ms(median(times)),
                                   fmt_ms(min(times) if times else math.nan),
                                   f"{app.rss_mb():.0f} MB"])
                start = app.rss_mb()
                print(f"  scenario 1 … (RSS {start:.0f} MB)")
                found = asyncio.run(scenario_one(app.ws_url, app.pid, args.light, args.heavy,
                                                 args.duration, args.seed))
                rows.append(row(label, f"1: {args.light} light + {args.heavy} heavy",
                                found, start))
                print("  " + " | ".join(str(c) for c in rows[-1]))
        if "2" in scenarios:
            with server("dashboard.py", env=env, cwd=cwd, threads=args.threads) as app:
                asyncio.run(warm_up(app.ws_url))
                start = app.rss_mb()
                print(f"  scenario 2 … (RSS {start:.0f} MB)")
                found = asyncio.run(scenario_two(app.ws_url, app.pid, args.class_size, args.cap,
                                                 args.seed))
                rows.append(row(label, f"2: {args.class_size} open ResNet 224", found, start))
                print("  " + " | ".join(str(c) for c in rows[-1]))
    if alone_rows:
        print(f"\n## One student alone: ResNet page at 224 px, 10 steps, new seed "
              f"({args.alone} opens)")
        print_table(["variant", "runs", "median", "best", "RSS after"], alone_rows)
    print("## Summary")
    print_table(["variant", "scenario", "RSS warm / peak / end MB", "≤ 1.5 GB",
                 "light p50 / p95", "ResNet pages done", "ResNet p50 / p95 / max",
                 "errors"], rows)


if __name__ == "__main__":
    main()
