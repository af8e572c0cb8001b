"""Memory: many reruns of every page in one server process; RSS must stay flat.

    python bench/bench_memory.py                # 1000 reruns of every page (time-bounded)
    python bench/bench_memory.py --quick        # 60 reruns per page, small churn/census
    python bench/bench_memory.py --reruns 3000 --budget 1200

Three parts:

1. Reruns, real server. One ``streamlit run dashboard.py``; one websocket
   session per page (home and every lesson), opened one after the other, then
   all at once moving their page's first slider back and forth ``--reruns`` times (a page without a
   slider reruns unchanged). The server's RSS (``/proc/<pid>/status``) is
   sampled every second. "Flat" is judged after a warm-up (the first half of the
   reruns: lazy imports, caches, allocator pools): the growth from there to
   the end and the slope of a least-squares line through the samples, in MB
   per 1000 reruns of every page. Per page, the median rerun time of the first
   and last 100 reruns shows whether reruns slow down as they accumulate.
2. Session churn. Many short sessions open a page and disconnect. Streamlit
   keeps a disconnected session for ``server.disconnectedSessionTTL`` (120 s)
   so a flaky Wi-Fi can reconnect, at most 128 of them; RSS after the churn
   shows what that costs.
3. Object census, in this process with AppTest: after a warm-up rerun and
   after ``--census`` more reruns of each page, count live tensors, tensors
   holding an autograd graph (``grad_fn``), plotly figures and nn.Modules
   after ``gc.collect()``. Nothing should grow with the number of reruns.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import math
import random
import time
import warnings
from collections import Counter

from common import (
    ROOT,
    StreamlitSession,
    fmt_ms,
    lesson_specs,
    median,
    print_machine,
    print_table,
    rss_mb,
    server,
)

WARM_UP = 0.5  # share of the reruns treated as warm-up


async def hammer(session: StreamlitSession, spec, reruns: int, deadline: float, done: Counter,
                 attempts: Counter, times: dict, errors: list, running: list) -> None:
    """Move the page's slider back and forth ``reruns`` times (or until the deadline)."""
    running.append(spec.slug)
    try:
        for i in range(reruns):
            if time.monotonic() > deadline:
                break
            value = spec.values[(i + 1) % 2] if spec.slider else None
            result = await session.move(spec.slider, value)
            attempts[spec.slug] += 1
            if result.error:
                errors.append((spec.slug, result.error))
                if len(errors) > 50:
                    break
                continue
            times[spec.slug].append(result.seconds)
            done[spec.slug] += 1
    finally:
        running.remove(spec.slug)
        await session.close()


async def sample_rss(pid: int, done: Counter, running: list, samples: list,
                     stop: asyncio.Event) -> None:
    """(reruns so far, RSS MB, sessions still rerunning), every second."""
    while not stop.is_set():
        samples.append((sum(done.values()), rss_mb(pid), len(running)))
        try:
            await asyncio.wait_for(stop.wait(), 1.0)
        except (asyncio.TimeoutError, TimeoutError):
            pass


async def reruns_phase(ws_url: str, pid: int, specs, reruns: int, budget: float):
    done: Counter = Counter()
    attempts: Counter = Counter()
    times = {spec.slug: [] for spec in specs}
    errors: list = []
    samples: list = []
    running: list = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(pid, done, running, samples, stop))
    # Pages are opened one after the other (bench_coldstart.py covers a class
    # opening them all at once), then every session reruns at the same time.
    sessions = []
    for spec in specs:
        session = StreamlitSession(ws_url, timeout=60)
        await session.connect()
        opened = await session.open(spec, "lang=en")
        if opened.error:
            errors.append((spec.slug, f"open: {opened.error}"))
        sessions.append(session)
    deadline = time.monotonic() + budget
    await asyncio.gather(*(hammer(session, spec, reruns, deadline, done, attempts, times,
                                  errors, running)
                           for session, spec in zip(sessions, specs, strict=True)))
    stop.set()
    await sampler
    samples.append((sum(done.values()), rss_mb(pid), 0))
    return done, attempts, times, errors, samples


async def churn_phase(ws_url: str, specs, sessions: int, seed: int) -> int:
    rng = random.Random(seed)
    failures = 0

    async def visit(spec) -> None:
        nonlocal failures
        session = StreamlitSession(ws_url, timeout=60)
        try:
            await session.connect()
            result = await session.open(spec, f"lang={rng.choice(['ko', 'en'])}")
            failures += bool(result.error)
        except Exception:
            failures += 1
        finally:
            await session.close()

    for start in range(0, sessions, 10):  # ten tabs at a time
        await asyncio.gather(*(visit(rng.choice(specs))
                               for _ in range(min(10, sessions - start))))
    return failures


def slope_per_1000(samples: list[tuple[int, float]], per_round: int) -> float:
    """Least-squares RSS slope, MB per 1000 reruns of every page (NaN: too few samples)."""
    if len(samples) < 10 or per_round == 0:
        return math.nan
    xs = [x / per_round for x, _ in samples]
    ys = [y for _, y in samples]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mean_x) ** 2 for x in xs)
    if var == 0:
        return math.nan
    return 1000 * sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var


def census() -> Counter:
    """Live tensors, autograd graphs, figures and modules after a full collection."""
    import plotly.basedatatypes
    import torch

    gc.collect()
    counts: Counter = Counter()
    with warnings.catch_warnings():  # isinstance() pokes deprecated torch objects
        warnings.simplefilter("ignore")
        for obj in gc.get_objects():
            if isinstance(obj, torch.Tensor):
                counts["tensors"] += 1
                if obj.grad_fn is not None:
                    counts["tensors with grad_fn"] += 1
            elif isinstance(obj, plotly.basedatatypes.BaseFigure):
                counts["plotly figures"] += 1
            elif isinstance(obj, torch.nn.Module):
                counts["nn.Modules"] += 1
    return counts


def census_phase(specs, reruns: int) -> list[list]:
    import logging

    from streamlit.testing.v1 import AppTest

    # AppTest's runs log "missing ScriptRunContext" from this (main) thread.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True

    rows = []
    for spec in specs:
        at = AppTest.from_file(str(ROOT / "pages" / f"{spec.slug}.py"), default_timeout=120)
        at.query_params["lang"] = "en"
        at.run()
        if spec.slider:  # one move there and back, so every code path has run once
            for value in spec.values[::-1]:
                at.slider(spec.slider).set_value(value).run()
        else:
            at.run()
        before = census()
        for i in range(reruns):
            if spec.slider:
                at.slider(spec.slider).set_value(spec.values[(i + 1) % 2]).run()
            else:
                at.run()
        after = census()
        errors = len(at.exception)
        kinds = ("tensors", "tensors with grad_fn", "plotly figures", "nn.Modules")
        rows.append([spec.slug, reruns] + [f"{before[k]} → {after[k]}" for k in kinds]
                    + [errors, "✓" if all(after[k] <= before[k] for k in kinds) else "✗"])
        del at
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=1000, help="reruns of every page")
    parser.add_argument("--budget", type=float, default=300,
                        help="max seconds for the reruns part (it stops early, and says so)")
    parser.add_argument("--churn", type=int, default=150, help="short sessions in part 2")
    parser.add_argument("--census", type=int, default=20, help="AppTest reruns per page")
    parser.add_argument("--gc", choices=("config", "on", "off"), default="config",
                        help="runner.postScriptGC (default: .streamlit/config.toml)")
    parser.add_argument("--arenas", type=int, default=None,
                        help="MALLOC_ARENA_MAX for the server (glibc malloc arenas)")
    parser.add_argument("--samples", action="store_true", help="print every RSS sample")
    parser.add_argument("--quick", action="store_true", help="30 reruns, 10 sessions, census 3")
    args = parser.parse_args()
    if args.quick:
        args.reruns, args.churn, args.census = 30, 10, 3
    specs = lesson_specs()
    gc_value = {"config": None, "on": True, "off": False}[args.gc]
    print_machine("Memory: reruns of every page in one server process",
                  extra={"reruns per page": args.reruns, "postScriptGC": args.gc,
                         "MALLOC_ARENA_MAX": args.arenas or "glibc default",
                         "budget": f"{args.budget:.0f} s"})
    env = {"MALLOC_ARENA_MAX": str(args.arenas)} if args.arenas else {}
    with server("dashboard.py", gc=gc_value, env=env) as app:
        start_rss = app.rss_mb()
        started = time.monotonic()
        done, attempts, times, errors, samples = asyncio.run(
            reruns_phase(app.ws_url, app.pid, specs, args.reruns, args.budget))
        elapsed = time.monotonic() - started
        before_churn = app.rss_mb()
        failures = asyncio.run(churn_phase(app.ws_url, specs, args.churn, seed=3))
        after_churn = app.rss_mb()

    per_round = len(specs)
    total = sum(done.values())
    # "Flat" is judged on the second half of the reruns (the first half warms up
    # caches and allocator pools), and only while every page is still rerunning:
    # when the faster pages finish, fewer reruns overlap and RSS drops.
    warm = [(n, rss) for n, rss, active in samples
            if n >= WARM_UP * total and active == len(specs)]
    if len(warm) < 2:
        warm = [(n, rss) for n, rss, _ in samples if n >= WARM_UP * total] or \
            [(n, rss) for n, rss, _ in samples]
    growth = warm[-1][1] - warm[0][1] if warm else math.nan
    peak = max(rss for _, rss, _ in samples) if samples else math.nan
    reached = min(attempts[spec.slug] for spec in specs)
    print(f"## 1. Reruns: {total} in {elapsed:.0f} s "
          f"({'all' if reached >= args.reruns else f'time budget: at least {reached}'} "
          f"of {args.reruns} per page were tried)")
    rows = [[spec.slug, done[spec.slug], fmt_ms(median(times[spec.slug][:100])),
             fmt_ms(median(times[spec.slug][-100:])),
             len([1 for slug, _ in errors if slug == spec.slug])] for spec in specs]
    print_table(["page", "reruns", "median, first 100", "median, last 100", "errors"], rows)
    print_table(["RSS at start", f"after warm-up ({WARM_UP:.0%})", "peak",
                 "last, all pages rerunning", "when done", "growth after warm-up",
                 "slope per 1000 reruns of every page"],
                [[f"{start_rss:.0f} MB", f"{warm[0][1]:.0f} MB", f"{peak:.0f} MB",
                  f"{warm[-1][1]:.0f} MB", f"{samples[-1][1]:.0f} MB", f"{growth:+.0f} MB",
                  "too few samples" if math.isnan(slope := slope_per_1000(warm, per_round))
                  else f"{slope:+.1f} MB"]])
    for slug, text in errors[:5]:
        print(f"  error on {slug}: {text}")
    if args.samples:
        print("RSS samples (reruns done so far, MB):",
              ", ".join(f"{n}:{rss:.0f}" for n, rss, _ in samples))
    print(f"## 2. Session churn: {args.churn} sessions opened a page and disconnected")
    print_table(["RSS before", "RSS after", "change", "failed sessions"],
                [[f"{before_churn:.0f} MB", f"{after_churn:.0f} MB",
                  f"{after_churn - before_churn:+.0f} MB", failures]])
    print(f"## 3. Object census in one process (AppTest), {args.census} reruns per page")
    import torch  # noqa: F401  (before AppTest: its first run would otherwise time out)

    print_table(["page", "reruns", "tensors", "tensors with grad_fn", "plotly figures",
                 "nn.Modules", "exceptions", "no growth"], census_phase(specs, args.census))


if __name__ == "__main__":
    main()
