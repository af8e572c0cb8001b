"""One process or two replicas behind nginx: the class size at which p95 passes 1 s.

    python bench/bench_replicas.py                          # 60, 90, 120, 150 students, 30 s each
    python bench/bench_replicas.py --students 10,20,40 --threads 1   # a busy shared machine
    python bench/bench_replicas.py --students 200 --replicas 2 --mix light --seconds 45  # issue 26
    python bench/bench_replicas.py --quick                  # 10 students, 2 replicas, 10 s

Both set-ups sit behind the same nginx, built from ``deploy/nginx.conf`` as
``deploy/try_replicas.py`` does (unprivileged, loopback, its own prefix): one
upstream server, or two. The sticky-cookie variant of the file is used,
because on loopback every client has the same address and ``ip_hash`` would
send the whole class to one replica; each simulated student's websocket gets
its own key, as each browser would.

For every class size the two set-ups run back to back (one process first),
each on fresh servers warmed up as an instructor does, with
``bench/bench_load.py``'s students: each opens a lesson page (ResNet
included; ``--mix light``: ②③④⑤ only) and moves its first slider every 2–4 s.
``--replicas 2`` measures only the two-replica set-up. The machine's load average
is printed with the figures: on a shared machine, compare the two columns of
one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench_load import MIXES, run_class, service_times
from common import (
    ROOT,
    fmt_ms,
    free_port,
    percentile,
    print_machine,
    print_table,
    rss_mb,
    server,
)

sys.path.insert(0, str(ROOT / "deploy"))
from try_replicas import MAIN_CONF, site_conf  # noqa: E402

TARGET_P95 = 1.0


def _nginx() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                     else None)


@contextlib.contextmanager
def proxy(ports: list[int]) -> Iterator[str]:
    """nginx (cookie-sticky, deploy/nginx.conf) in front of ``ports``; yields its ws URL."""
    nginx = _nginx()
    tmp = Path(tempfile.mkdtemp(prefix="autograd-lab-bench-nginx-"))
    listen = free_port()
    # site_conf fills in two upstream ports; with one replica the second line goes.
    text = site_conf(ports + ports[:1] if len(ports) == 1 else ports, listen, "cookie",
                     log=tmp / "access.log")
    if len(ports) == 1:
        lines = text.splitlines(keepends=True)
        first = next(i for i, line in enumerate(lines) if f"127.0.0.1:{ports[0]}" in line)
        del lines[first + 1]
        text = "".join(lines)
    (tmp / "site.conf").write_text(text)
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, user=user))
    proc = subprocess.Popen([nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf"),
                             "-e", str(tmp / "error.log")])
    base = f"http://127.0.0.1:{listen}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield base.replace("http://", "ws://") + "/_stcore/stream", tmp / "access.log"
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def measure(replicas: int, students: int, duration: float, seed: int,
            threads: int | None = None, mix: str = "all") -> dict:
    with contextlib.ExitStack() as stack:
        apps = [stack.enter_context(server("dashboard.py", threads=threads))
                for _ in range(replicas)]
        for app in apps:  # the instructor opens every page on every replica
            service_times(app.ws_url, 1, mix)
        ws_url, log = stack.enter_context(proxy([int(a.url.rsplit(":", 1)[1]) for a in apps]))
        pid_rss = {app.pid: [] for app in apps}
        load_before = os.getloadavg()[0]

        async def sample(stop: asyncio.Event) -> None:
            while not stop.is_set():
                for pid, values in pid_rss.items():
                    values.append(rss_mb(pid))
                try:
                    await asyncio.wait_for(stop.wait(), 0.5)
                except (asyncio.TimeoutError, TimeoutError):
                    pass

        async def go():
            stop = asyncio.Event()
            sampler = asyncio.create_task(sample(stop))
            outcome = await run_class(ws_url, apps[0].pid, students, duration, seed, mix)
            stop.set()
            await sampler
            return outcome

        outcome = asyncio.run(go())
        streams: dict[str, int] = {}
        time.sleep(0.5)  # let nginx write the closed websockets' lines
        if log.exists():
            # deploy/nginx.conf's log format, read as deploy/try_replicas.py reads it.
            for upstream in re.findall(r'"GET /_stcore/stream \S+" \d+ .* upstream=(\S+)$',
                                       log.read_text(), flags=re.M):
                streams[upstream] = streams.get(upstream, 0) + 1
        times = [s for _, s in outcome.moves]
        return {
            "p50": percentile(times, 50), "p95": percentile(times, 95),
            "moves": len(times), "rate": len(times) / outcome.wall,
            "errors": len(outcome.errors),
            "rss": " + ".join(f"{max(v):.0f}" for v in pid_rss.values() if v),
            "spread": "/".join(str(n) for n in sorted(streams.values(), reverse=True)) or "—",
            "load": f"{load_before:.1f}",
        }


def crossing(points: list[tuple[int, float]]) -> str:
    """The class size at which p95 passes TARGET_P95, interpolated between measured sizes."""
    for (n0, p0), (n1, p1) in zip(points, points[1:], strict=False):
        if p0 <= TARGET_P95 < p1:
            return f"≈ {n0 + (n1 - n0) * (TARGET_P95 - p0) / (p1 - p0):.0f}"
    if points and points[0][1] > TARGET_P95:
        return f"< {points[0][0]}"
    return f"> {points[-1][0]}" if points else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", default="60,90,120,150")
    parser.add_argument("--duration", "--seconds", dest="duration", type=float, default=30.0)
    parser.add_argument("--replicas", default="1,2", help="set-ups to measure: 1, 2 or 1,2")
    parser.add_argument("--mix", choices=MIXES, default="all",
                        help="all: every lesson (ResNet included); light: ②③④⑤ (issue 26)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 10 students, two replicas, 10 s")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads per server (default: torch's own); 1 on a busy machine")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if _nginx() is None:
        print("nginx is not installed (apt-get install -y nginx-light); nothing measured.")
        return
    if args.quick:
        args.students, args.replicas, args.duration = "10", "2", 10.0
    sizes = [int(n) for n in args.students.split(",") if n]
    setups = [int(n) for n in args.replicas.split(",") if n]
    print_machine("Replicas: one process vs two behind nginx (cookie-sticky)",
                  extra={"class sizes": args.students, "seconds each": args.duration,
                         "replicas": args.replicas, "mix": args.mix,
                         "torch threads": args.threads or "torch's default",
                         "target": f"p95 ≤ {TARGET_P95} s"})
    rows, points = [], {1: [], 2: []}
    for students in sizes:
        for replicas in setups:
            print(f"## {students} students, {replicas} replica(s)")
            found = measure(replicas, students, args.duration, args.seed, args.threads, args.mix)
            points[replicas].append((students, found["p95"]))
            rows.append([students, replicas, found["moves"], f"{found['rate']:.1f}",
                         fmt_ms(found["p50"]), fmt_ms(found["p95"]), found["errors"],
                         found["spread"], found["rss"], found["load"],
                         "✓" if found["p95"] <= TARGET_P95 and not found["errors"] else "✗"])
            print("  " + " | ".join(str(c) for c in rows[-1]))
    print("\n## Summary")
    print_table(["students", "replicas", "moves", "reruns/s", "p50", "p95", "errors",
                 "websockets per replica", "peak RSS MB", "load avg before",
                 f"p95 ≤ {TARGET_P95:.0f} s, 0 errors"], rows)
    for replicas in setups:
        print(f"  p95 passes {TARGET_P95:.0f} s with {replicas} replica(s) at: "
              f"{crossing(points[replicas])} students")
    both = points[1] and points[2]  # (only when both set-ups ran)
    ratios = [p1 / p2 for (_, p1), (_, p2) in zip(points[1], points[2], strict=True)
              if p2 and not math.isnan(p1) and not math.isnan(p2)] if both else []
    if ratios:
        print("  p95 one process / two replicas, per class size: "
              + ", ".join(f"{r:.2f}×" for r in ratios))


if __name__ == "__main__":
    main()
